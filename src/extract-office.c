/* extract-office.c: offices from the words around a person's name
 * (extraction stage).
 *
 * News names an office beside the name of whoever holds it, and a parser
 * trained on web text often reads the whole run as one name ("Belarusian
 * Defence Minister Viktor Khrenin" as flat).  These rules therefore read
 * the tokens and the entity stage's mentions, not the tree: for each name
 * of a person, a role of data/lexicon/roles.txt (the longest, up to four
 * words) right before or after it, and the country or organisation it
 * serves, give (person, "<role> of", owner):
 *
 *   before   "the Norwegian Defence Minister Anna Berg"   (a nationality)
 *            "Norway's foreign minister Anna Berg"        (a possessor)
 *            "Prime Minister of Norway Anna Berg"         ("of" a name)
 *            "Secretary of Norway's Security Council Anna Berg"
 *            "Iran's Parliament Speaker, Mohammad Baqer Qalibaf,"
 *   after    "Anna Berg, Norway's interior minister,"
 *            "Anna Berg, State Secretary of Norway's Security Council,"
 *
 * Forms of address and ranks between the role and the name ("Dr.",
 * "Gen.", "Ayatollah") are skipped and never offices themselves.  A
 * "counterpart" holds the office named last in the sentence ("Defence
 * Minister Khrenin and his Iranian counterpart, Ashtiani").  A role without
 * an owner gives nothing here: "President Raisi" says nothing of where.
 */
#include "extract-private.h"

#include <string.h>

#define MAX_ROLE_WORDS 4

static gboolean
is_form (const KgExSentence *s, int i, const char *form)
{
  return i >= 0 && (guint) i < s->n && g_ascii_strcasecmp (s->tokens[i]->form, form) == 0;
}

static gboolean
is_possessive_marker (const KgExSentence *s, int i)
{
  return is_form (s, i, "'s") || is_form (s, i, "\xe2\x80\x99s") || is_form (s, i, "'") || is_form (s, i, "\xe2\x80\x99");
}

/* The mention of the document that ends at sentence token i and is of one
 * of the kinds and types a role's owner can be: a country, city or
 * organisation name, or a nationality.  -1 when none. */
static int
owner_ending_at (const KgExSentence *s, int i)
{
  if (i < 0)
    return -1;
  int m = kg_document_find_mention (s->document, s->first + i);
  if (m < 0)
    return -1;
  const KgMention *mention = kg_document_get_mention (s->document, m);
  if (mention->first_token + mention->n_tokens != s->first + i + 1)
    return -1;
  if (mention->kind == KG_MENTION_DEMONYM)
    return m;
  gboolean owner_type = mention->type == KG_ENTITY_GPE || mention->type == KG_ENTITY_ORG;
  return mention->kind == KG_MENTION_NAME && owner_type ? m : -1;
}

/* The first sentence token of mention m. */
static int
mention_start (const KgExSentence *s, int m)
{
  return (int) kg_document_get_mention (s->document, m)->first_token - (int) s->first;
}

/* The words i .. i + n - 1, lower case, joined by spaces, into buf. */
static void
phrase (const KgExSentence *s, int i, int n, char *buf, gsize size)
{
  buf[0] = '\0';
  for (int k = i; k < i + n; k++)
    {
      if (buf[0])
        g_strlcat (buf, " ", size);
      g_strlcat (buf, s->tokens[k]->form, size);
    }
  for (char *p = buf; *p; p++)
    *p = g_ascii_tolower (*p);
}

/* The longest role that ends at token end (backwards) or starts at token
 * start (forwards, end < 0); returns its word count, 0 when none. */
static int
role_at (const KgExSentence *s, int start, int end, char *role, gsize size)
{
  for (int n = MAX_ROLE_WORDS; n >= 1; n--)
    {
      int first = end >= 0 ? end - n + 1 : start;
      if (first < 0 || first + n > (int) s->n)
        continue;
      gboolean words = TRUE;
      for (int k = first; k < first + n; k++)
        words = words && (s->tokens[k]->upos == KG_UPOS_NOUN || s->tokens[k]->upos == KG_UPOS_PROPN
                          || s->tokens[k]->upos == KG_UPOS_ADJ);
      if (!words)
        continue;
      phrase (s, first, n, role, size);
      guint32 bits = kg__ex_lexicon_title_bits (s->lexicon, role);
      if ((bits & KG_WORD_ROLE) && !(bits & KG_WORD_ADDRESS))
        return n;
    }
  return 0;
}

/* The owner of a role whose first word is token first: a nationality or a
 * possessor right before it; -1 when none. */
static int
owner_before (const KgExSentence *s, int first)
{
  int k = first - 1;
  if (is_possessive_marker (s, k))
    return owner_ending_at (s, k - 1);
  int m = owner_ending_at (s, k);
  return m >= 0 && kg_document_get_mention (s->document, m)->kind == KG_MENTION_DEMONYM ? m : -1;
}

/* The owner of an "of" phrase that starts at token i ("of Norway", "of
 * Norway's Security Council", "of the Norwegian parliament"): the last
 * owner mention of the phrase; *end is set to its last token.  -1 when
 * none. */
static int
owner_of_phrase (const KgExSentence *s, int i, int *end)
{
  if (!is_form (s, i, "of"))
    return -1;
  int owner = -1;
  for (int k = i + 1; k < (int) s->n && k <= i + 8; k++)
    {
      if (s->tokens[k]->upos == KG_UPOS_PUNCT && !is_possessive_marker (s, k))
        break;
      int m = owner_ending_at (s, k);
      if (m >= 0)
        {
          owner = m;
          *end = k;
        }
    }
  return owner;
}

/* Emits (person, "<role> of", owner). */
static void
emit_office (KgExSentence *s, KgExSink *sink, const KgMention *person, int owner, const char *role)
{
  const KgMention *o = kg_document_get_mention (s->document, owner);
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = KG_CLAUSE_TITLE;
  fact.subject = (KgArgument) {
    .first = person->first_token, .n_tokens = person->n_tokens, .head = person->head,
    .role = KG_ROLE_SUBJECT, .head_kind = KG_HEAD_NAME,
  };
  fact.object = (KgArgument) {
    .first = o->first_token, .n_tokens = o->n_tokens, .head = o->head, .role = KG_ROLE_OBJECT,
    .head_kind = o->kind == KG_MENTION_DEMONYM ? KG_HEAD_DEMONYM : KG_HEAD_NAME,
  };
  fact.predicate_head = person->head - s->first;
  g_snprintf (fact.predicate, sizeof fact.predicate, "%s of", role);
  g_strlcpy (fact.predicate_surface, fact.predicate, sizeof fact.predicate_surface);
  g_snprintf (fact.relation, sizeof fact.relation, "be %s of", role);
  fact.arguments[0] = fact.subject;
  fact.arguments[1] = fact.object;
  fact.n_arguments = 2;
  fact.polarity = KG_POLARITY_POSITIVE;
  fact.modality = KG_MODALITY_ASSERTED;
  if (s->quoted[fact.predicate_head])
    fact.flags |= KG_EXTRACTION_QUOTED;
  kg__ex_emit (sink, s, &fact);
}

/* The role before the name that starts at token name and its owner;
 * returns the owner mention or -1, the role in role. */
static int
office_before (const KgExSentence *s, int name, char *role, gsize size)
{
  int k = name - 1;
  /* "Iran's Parliament Speaker, Mohammad Baqer Qalibaf," */
  if (is_form (s, k, ","))
    k--;
  while (k >= 0 && (kg__ex_lexicon_title_bits (s->lexicon, s->tokens[k]->form) & KG_WORD_ADDRESS))
    k--;
  /* "Prime Minister of Norway Anna Berg" */
  int owner_last = k, owner = owner_ending_at (s, k);
  if (owner >= 0 && kg_document_get_mention (s->document, owner)->kind == KG_MENTION_NAME)
    {
      int start = mention_start (s, owner) - 1;
      if (is_possessive_marker (s, start) && owner_ending_at (s, start - 1) >= 0)
        start = mention_start (s, owner_ending_at (s, start - 1)) - 1;
      if (is_form (s, start, "the"))
        start--;
      int end = -1;
      if (owner_of_phrase (s, start, &end) == owner && end == owner_last)
        {
          int n = role_at (s, -1, start - 1, role, size);
          return n ? owner : -1;
        }
    }
  int n = role_at (s, -1, k, role, size);
  return n ? owner_before (s, k - n + 1) : -1;
}

/* The role after the name that ends at token last ("Anna Berg, Norway's
 * interior minister,") and its owner; -1 when none. */
static int
office_after (const KgExSentence *s, int last, char *role, gsize size)
{
  int k = last + 1;
  if (!is_form (s, k, ","))
    return -1;
  k++;
  if (is_form (s, k, "the"))
    k++;
  int owner = -1;
  int m = owner_ending_at (s, k);
  if (m >= 0 && mention_start (s, m) == k)
    {
      owner = m;
      k++;
      if (is_possessive_marker (s, k))
        k++;
      else if (kg_document_get_mention (s->document, m)->kind != KG_MENTION_DEMONYM)
        return -1;
    }
  int n = role_at (s, k, -1, role, size);
  if (n == 0)
    return -1;
  int end = -1;
  int of = owner_of_phrase (s, k + n, &end);
  return of >= 0 ? of : owner;
}

void
kg__ex_offices (KgExSentence *s, KgExSink *sink)
{
  const KgDocument *doc = s->document;
  char last_role[KG_EX_TEXT] = "";
  for (guint m = kg_document_first_mention_at (doc, s->first); m < kg_document_get_n_mentions (doc); m++)
    {
      const KgMention *person = kg_document_get_mention (doc, m);
      if (person->first_token >= s->first + s->n)
        break;
      if (person->kind != KG_MENTION_NAME || person->type != KG_ENTITY_PERSON)
        continue;
      char role[KG_EX_TEXT];
      int name = (int) (person->first_token - s->first);
      int owner = office_before (s, name, role, sizeof role);
      if (owner < 0)
        owner = office_after (s, name + (int) person->n_tokens - 1, role, sizeof role);
      if (owner < 0)
        continue;
      if (strcmp (role, "counterpart") == 0)
        {
          if (last_role[0] == '\0')
            continue;
          g_strlcpy (role, last_role, sizeof role);
        }
      emit_office (s, sink, person, owner, role);
      g_strlcpy (last_role, role, sizeof last_role);
    }
}
