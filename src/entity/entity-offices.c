/* entity-offices.c: the office a person's name is given beside it (entity
 * stage; see entities-private.h).
 *
 * News names an office beside the name of whoever holds it, and a parser
 * trained on web text often reads the whole run as one name ("Belarusian
 * Defence Minister Viktor Khrenin" as flat).  So this reads tokens and the
 * mentions found so far, not the tree: for each name of a person, a role
 * of data/lexicon/roles.txt (the longest, up to four words) right before
 * or after it, and the country, organisation or nationality it serves:
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
 * an owner is left alone: "President Raisi" says nothing of where.
 *
 * The office is kept on the person's mention (KgMention.office): the
 * coreference sieve of roles finds holders by it, and the extraction stage
 * states it as a fact.
 */
#include "entities-private.h"

#include <string.h>

#define MAX_ROLE_WORDS 4

typedef struct {
  const KgLexicon *lexicon;
  KgDocument *doc;
  guint first, n;  /* the sentence's tokens */
} Offices;

static const KgToken *
token (const Offices *o, int i)
{
  return kg_document_get_token (o->doc, o->first + i);
}

static gboolean
is_form (const Offices *o, int i, const char *form)
{
  return i >= 0 && (guint) i < o->n && g_ascii_strcasecmp (token (o, i)->form, form) == 0;
}

static gboolean
is_possessive_marker (const Offices *o, int i)
{
  return is_form (o, i, "'s") || is_form (o, i, "\xe2\x80\x99s") || is_form (o, i, "'")
         || is_form (o, i, "\xe2\x80\x99");
}

/* The mention that ends at sentence token i and can own an office: a
 * country, city or organisation name, or a nationality; -1 when none. */
static int
owner_ending_at (const Offices *o, int i)
{
  if (i < 0 || (guint) i >= o->n)
    return -1;
  int m = kg_document_find_mention (o->doc, o->first + i);
  if (m < 0)
    return -1;
  const KgMention *mention = kg_document_get_mention (o->doc, m);
  if (mention->first_token + mention->n_tokens != o->first + i + 1)
    return -1;
  if (mention->kind == KG_MENTION_DEMONYM)
    return m;
  gboolean owner_type = mention->type == KG_ENTITY_GPE || mention->type == KG_ENTITY_ORG;
  return mention->kind == KG_MENTION_NAME && owner_type ? m : -1;
}

static int
mention_start (const Offices *o, int m)
{
  return (int) kg_document_get_mention (o->doc, m)->first_token - (int) o->first;
}

/* Whether the n words from token first are a role by its shape: a role
 * word after nouns that name its portfolio ("Education Minister", "army
 * chief"), none of them part of a name. */
static gboolean
is_portfolio_role (const Offices *o, int first, int n)
{
  if (n < 2 || !kg_lexicon_is_role (o->lexicon, token (o, first + n - 1)->form))
    return FALSE;
  for (int k = first; k < first + n - 1; k++)
    {
      const KgToken *t = token (o, k);
      /* "Education Minister", "army chief" */
      gboolean capitalised = g_unichar_isupper (g_utf8_get_char (t->form));
      if (!(t->upos == KG_UPOS_NOUN || (t->upos == KG_UPOS_PROPN && capitalised))
          || kg_document_find_mention (o->doc, o->first + k) >= 0)
        return FALSE;
    }
  return TRUE;
}

/* The longest role whose last word is token end (end >= 0), or whose
 * first word is token start; its word count, 0 when none.  The role goes
 * to role in lower case. */
static int
role_at (const Offices *o, int start, int end, char *role, gsize size)
{
  for (int n = MAX_ROLE_WORDS; n >= 1; n--)
    {
      int first = end >= 0 ? end - n + 1 : start;
      if (first < 0 || (guint) (first + n) > o->n)
        continue;
      GString *words = g_string_new (NULL);
      gboolean nominal = TRUE;
      for (int k = first; k < first + n; k++)
        {
          KgUpos u = token (o, k)->upos;
          nominal = nominal && (u == KG_UPOS_NOUN || u == KG_UPOS_PROPN || u == KG_UPOS_ADJ);
          g_string_append_printf (words, "%s%s", words->len ? " " : "", token (o, k)->form);
        }
      g_autofree char *phrase = g_string_free (words, FALSE);
      if (nominal && (kg_lexicon_is_role (o->lexicon, phrase) || is_portfolio_role (o, first, n))
          && !kg_lexicon_is_address_form (o->lexicon, phrase))
        {
          g_autofree char *lower = g_utf8_strdown (phrase, -1);
          g_strlcpy (role, lower, size);
          return n;
        }
    }
  return 0;
}

/* Whether the words first .. last are themselves a role ("Secretary of
 * State", "Minister of Foreign Affairs"). */
static gboolean
whole_phrase_is_role (const Offices *o, int first, int last)
{
  GString *words = g_string_new (NULL);
  for (int k = first; k <= last; k++)
    g_string_append_printf (words, "%s%s", words->len ? " " : "", token (o, k)->form);
  g_autofree char *phrase = g_string_free (words, FALSE);
  return kg_lexicon_is_role (o->lexicon, phrase);
}

/* The owner right before a role that starts at token first: a nationality,
 * a possessor ("Norway's") or a name ("Civil Defense Authority director
 * general"); -1 when none. */
static int
owner_before (const Offices *o, int first)
{
  if (is_possessive_marker (o, first - 1))
    return owner_ending_at (o, first - 2);
  /* a nationality, or a name used as one: "State Department spokesperson" */
  return owner_ending_at (o, first - 1);
}

/* The owner of an "of" (or "for", "at") phrase at token i ("of Norway", "of
 * Norway's Security Council", "for the Norwegian army", "at the Saudi
 * Gazette"): its last owner
 * mention, whose last token goes to *end; -1 when none. */
static int
owner_of_phrase (const Offices *o, int i, int *end)
{
  if (!is_form (o, i, "of") && !is_form (o, i, "for") && !is_form (o, i, "at"))
    return -1;
  int owner = -1;
  for (int k = i + 1; (guint) k < o->n && k <= i + 8; k++)
    {
      if (token (o, k)->upos == KG_UPOS_PUNCT && !is_possessive_marker (o, k))
        break;
      int m = owner_ending_at (o, k);
      if (m >= 0)
        {
          owner = m;
          *end = k;
        }
    }
  return owner;
}

/* Whether the words before token i leave a phrase starting at i free to
 * be a name's title: not the complement of a preposition ("In a meeting
 * with the Belarusian president, Khamenei ..."). */
static gboolean
starts_phrase (const Offices *o, int i)
{
  int k = i - 1;
  if (is_form (o, k, "the"))
    k--;
  return k < 0 || token (o, k)->upos != KG_UPOS_ADP;
}

/* "ROLE of|for [the] ... OWNER ... NAME" with the name at k + 1: the
 * office in an "of" phrase before the name ("Prime Minister of Norway Anna
 * Berg", "the president of the Lombardy region, Roberto Maroni,"); *first
 * is set to the role's first token.  -1 when none. */
static int
office_of_phrase_before (const Offices *o, int k, char *role, gsize size, int *first)
{
  for (int j = k; j > 0 && j >= k - 8; j--)
    {
      if (is_form (o, j, "of") || is_form (o, j, "for"))
        {
          int n = role_at (o, -1, j - 1, role, size);
          int end = -1;
          int owner = n ? owner_of_phrase (o, j, &end) : -1;
          /* "Secretary of State John Kerry": the whole phrase is the office */
          if (owner < 0 || end > k || whole_phrase_is_role (o, j - n, k))
            return -1;
          for (int t = end + 1; t <= k; t++)
            if (token (o, t)->upos != KG_UPOS_NOUN)
              return -1;
          *first = j - n;
          return owner;
        }
      KgUpos u = token (o, j)->upos;
      if (u == KG_UPOS_PUNCT || u == KG_UPOS_VERB || u == KG_UPOS_AUX || u == KG_UPOS_PRON)
        return -1;
    }
  return -1;
}

/* The office before the name that starts at token name and ends at token
 * last. */
static int
office_before (const Offices *o, int name, int last, char *role, gsize size)
{
  int k = name - 1;
  /* "Iran's Parliament Speaker, Mohammad Baqer Qalibaf, urged": an
   * apposition */
  gboolean appositive = is_form (o, k, ",");
  if (appositive)
    k--;
  while (k >= 0 && kg_lexicon_is_address_form (o->lexicon, token (o, k)->form))
    k--;
  int first = -1;
  int owner = office_of_phrase_before (o, k, role, size, &first);
  if (owner < 0)
    {
      int n = role_at (o, -1, k, role, size);
      owner = n ? owner_before (o, k - n + 1) : -1;
      if (owner >= 0)
        first = mention_start (o, owner);
    }
  if (owner < 0)
    return -1;
  /* closed by a comma or the sentence's end, or standing where a phrase
   * starts */
  gboolean closed = is_form (o, last + 1, ",") || (guint) last + 1 >= o->n
                    || (token (o, last + 1)->upos == KG_UPOS_PUNCT && !is_form (o, last + 1, "("));
  if (appositive && !closed && !starts_phrase (o, first))
    return -1;
  return owner;
}

/* The office after the name whose last token is last ("Anna Berg,
 * Norway's interior minister,"). */
static int
office_after (const Offices *o, int last, char *role, gsize size)
{
  int k = last + 1;
  if (!is_form (o, k, ","))
    return -1;
  k++;
  if (is_form (o, k, "the") || is_form (o, k, "a") || is_form (o, k, "an"))
    k++;
  /* an owner before the role: "Norway's", "Norwegian", "the State
   * Department" */
  int owner = -1;
  int m = k < (int) o->n ? kg_document_find_mention (o->doc, o->first + k) : -1;
  if (m >= 0 && mention_start (o, m) == k)
    {
      const KgMention *x = kg_document_get_mention (o->doc, m);
      int end = k + (int) x->n_tokens - 1;
      if (owner_ending_at (o, end) == m)
        {
          owner = m;
          k = end + 1;
          if (is_possessive_marker (o, k))
            k++;
        }
    }
  int n = role_at (o, k, -1, role, size);
  if (n == 0)
    return -1;
  int end = -1;
  int of = owner_of_phrase (o, k + n, &end);
  return of >= 0 ? of : owner;
}

void
kg__entity_offices_find (const KgLexicon *lexicon, KgDocument *doc)
{
  for (guint si = 0; si < kg_document_get_n_sentences (doc); si++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, si);
      Offices o = { lexicon, doc, sentence->first_token, sentence->n_tokens };
      char last_role[128] = "";
      for (guint m = kg_document_first_mention_at (doc, o.first); m < kg_document_get_n_mentions (doc); m++)
        {
          const KgMention *person = kg_document_get_mention (doc, m);
          if (person->first_token >= o.first + o.n)
            break;
          if (person->kind != KG_MENTION_NAME || person->type != KG_ENTITY_PERSON)
            continue;
          char role[128];
          int name = (int) (person->first_token - o.first);
          int last = name + (int) person->n_tokens - 1;
          int owner = office_before (&o, name, last, role, sizeof role);
          if (owner < 0)
            owner = office_after (&o, last, role, sizeof role);
          if (owner < 0)
            continue;
          if (strcmp (role, "counterpart") == 0)
            {
              if (last_role[0] == '\0')
                continue;
              g_strlcpy (role, last_role, sizeof role);
            }
          KgMention *holder = kg_document_get_mention_mut (doc, m);
          holder->office = kg_document_intern (doc, role);
          holder->office_owner = kg_document_get_mention (doc, owner)->head;
          g_strlcpy (last_role, role, sizeof last_role);
        }
    }
}
