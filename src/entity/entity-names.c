/* entity-names.c: what the name recogniser found, made fit for a graph
 * (entity stage, after NER; see entities.h):
 *
 *   - titles, roles and forms of address leave person names: "Foreign
 *     Minister Seyed Abbas Araghchi" is the person "Seyed Abbas Araghchi"
 *     (the role stays in the text, for coreference and facts);
 *   - places become GPE (countries, states, cities) or LOC (regions and
 *     natural features): countries and subdivisions from the gazetteers,
 *     LOC when a place word says so ("Caspian Sea", "Middle East"), GPE
 *     otherwise, since most places in the news are governed ones;
 *   - a name that is a country or a known variant of one is a GPE whatever
 *     the recogniser said ("US" in "US unilateralism");
 *   - nationality words outside names ("Iranian", "Belarusians") become
 *     DEMONYM mentions that stand for their country.
 */
#include "entities-private.h"
#include "kgraph/canonical.h"
#include "nlp/word-shape.h"

#include <string.h>

static const char *
form_at (const KgDocument *doc, guint token)
{
  return kg_document_get_token (doc, token)->form;
}

/* How many words at the start of a person name are a role or title
 * (longest role first: "First Vice President"), a form of address or a
 * nationality. */
static guint
title_length (const KgLexicon *lexicon, const KgDocument *doc, const KgMention *m)
{
  guint cut = 0;
  while (cut + 1 < m->n_tokens)
    {
      guint taken = 0;
      for (guint n = MIN (4, m->n_tokens - cut - 1); n >= 1 && taken == 0; n--)
        {
          g_autofree char *words = kg_document_dup_text (doc, m->first_token + cut, n);
          if (kg_lexicon_is_role (lexicon, words))
            taken = n;
        }
      const char *word = form_at (doc, m->first_token + cut);
      if (taken == 0 && (kg_lexicon_is_honorific (lexicon, word) || kg_lexicon_demonym_country (lexicon, word)
                         || strcmp (word, ".") == 0))
        taken = 1;
      if (taken == 0)
        break;
      cut += taken;
    }
  return cut;
}

/* The type a name's text says it has, whatever the recogniser said:
 * countries and their variants are GPE; UNKNOWN when the text says
 * nothing. */
static KgEntityType
type_from_text (const KgLexicon *lexicon, const char *text)
{
  const char *alias = kg_lexicon_alias (lexicon, text);
  if (kg_lexicon_country (lexicon, text) || kg_lexicon_capital_country (lexicon, text)
      || (alias && kg_lexicon_country (lexicon, alias)))
    return KG_ENTITY_GPE;
  if (alias)
    return KG_ENTITY_ORG;
  return KG_ENTITY_UNKNOWN;
}

static KgEntityType
place_type (const KgLexicon *lexicon, const KgDocument *doc, const KgMention *m, const char *text)
{
  if (kg_lexicon_is_subdivision (lexicon, text) || kg_lexicon_capital_country (lexicon, text))
    return KG_ENTITY_GPE;
  for (guint k = 0; k < m->n_tokens; k++)
    if (kg_lexicon_is_place_word (lexicon, form_at (doc, m->first_token + k)))
      return KG_ENTITY_LOC;
  g_autofree char *two = m->n_tokens >= 2 ? kg_document_dup_text (doc, m->first_token + m->n_tokens - 2, 2) : NULL;
  if (two && kg_lexicon_is_place_word (lexicon, two))
    return KG_ENTITY_LOC;
  return KG_ENTITY_GPE;
}

/* Widens a name to the whole name the parser saw: UD hangs the rest of a
 * name from its first word as "flat", so "A. Lukashenko", where the
 * recogniser found only "Lukashenko", is one flat group.  Only adjacent
 * words join. */
static void
complete_flat_name (KgDocument *doc, KgMention *m)
{
  const KgSentence *s = kg_document_get_sentence (doc, kg_document_find_sentence (doc, m->first_token));
  gboolean grew = TRUE;
  while (grew)
    {
      grew = FALSE;
      guint first = m->first_token, last = m->first_token + m->n_tokens - 1;
      /* the head of a flat word of the name, just before it */
      const KgToken *t = kg_document_get_token (doc, first);
      if (first > s->first_token && g_strcmp0 (t->deprel, "flat") == 0 && t->head > 0
          && s->first_token + (guint) t->head - 1 == first - 1)
        {
          m->first_token--;
          m->n_tokens++;
          grew = TRUE;
        }
      /* a flat word right after it whose head is in the name */
      if (last + 1 < s->first_token + s->n_tokens)
        {
          const KgToken *next = kg_document_get_token (doc, last + 1);
          guint head = next->head > 0 ? s->first_token + (guint) next->head - 1 : G_MAXUINT;
          if (g_strcmp0 (next->deprel, "flat") == 0 && head >= m->first_token && head <= last)
            {
              m->n_tokens++;
              grew = TRUE;
            }
        }
    }
}

/* Is the mention the subject of a verb of saying ("Araghchi said")?
 * Places do not speak; people and organisations do.  Needs the parse. */
static gboolean
speaks (const KgDocument *doc, const KgMention *m)
{
  static const char *const verbs[] = { "say", "tell", "add", "ask", "reply", "explain", "insist", "claim" };
  const KgSentence *s = kg_document_get_sentence (doc, kg_document_find_sentence (doc, m->first_token));
  const KgToken *last = kg_document_get_token (doc, m->first_token + m->n_tokens - 1);
  if (last->head <= 0 || g_strcmp0 (last->deprel, "nsubj") != 0)
    return FALSE;
  const char *lemma = kg_document_get_token (doc, s->first_token + (guint) last->head - 1)->lemma;
  for (guint i = 0; lemma && i < G_N_ELEMENTS (verbs); i++)
    if (strcmp (lemma, verbs[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Is the one-word name m the last word of a longer person's name in the
 * document ("Kent" after "Clark Kent")? */
static gboolean
ends_a_person_name (const KgDocument *doc, const KgMention *m)
{
  const char *word = form_at (doc, m->first_token);
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *other = kg_document_get_mention (doc, i);
      if (other->kind == KG_MENTION_NAME && other->type == KG_ENTITY_PERSON && other->n_tokens > 1
          && strcmp (form_at (doc, other->first_token + other->n_tokens - 1), word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Is a one-word name the recogniser took for a person a place instead: a
 * subdivision or city ("Shanghai") that is no first name, does not speak
 * and ends no person's name in the document? */
static gboolean
person_is_place (const KgLexicon *lexicon, const KgDocument *doc, const KgMention *m, const char *text)
{
  return m->n_tokens == 1 && kg_lexicon_is_subdivision (lexicon, text)
         && kg_lexicon_first_name_gender (lexicon, text) == KG_GENDER_UNKNOWN && !speaks (doc, m)
         && !ends_a_person_name (doc, m);
}

void
kg__entity_names_refine (const KgLexicon *lexicon, KgDocument *doc)
{
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      KgMention *m = kg_document_get_mention_mut (doc, i);
      if (m->kind != KG_MENTION_NAME)
        continue;
      if (m->type == KG_ENTITY_PERSON)
        complete_flat_name (doc, m);
      if (m->type == KG_ENTITY_PERSON)
        {
          guint cut = title_length (lexicon, doc, m);
          m->first_token += cut;
          m->n_tokens -= cut;
        }
      g_autofree char *text = kg_document_dup_text (doc, m->first_token, m->n_tokens);
      const char *country = kg_lexicon_demonym_country (lexicon, text);
      if (country)
        {
          /* "Chinese", "Israeli": a nationality, not a name */
          m->kind = KG_MENTION_DEMONYM;
          m->type = KG_ENTITY_NORP;
          m->value = kg_document_intern (doc, country);
          continue;
        }
      if (m->type == KG_ENTITY_PERSON && kg_lexicon_is_role (lexicon, text))
        {
          /* "State Secretary", "Parliament Speaker": a title, not a name */
          m->kind = KG_MENTION_NOMINAL;
          continue;
        }
      KgEntityType said = type_from_text (lexicon, text);
      if (said != KG_ENTITY_UNKNOWN)
        m->type = said;
      else if (m->type == KG_ENTITY_LOC && m->n_tokens == 1 && !kg_lexicon_is_subdivision (lexicon, text)
               && speaks (doc, m))
        m->type = KG_ENTITY_PERSON;  /* "In Tehran, Araghchi said": a surname the recogniser took for a place */
      else if (m->type == KG_ENTITY_LOC)
        m->type = place_type (lexicon, doc, m, text);
      else if (m->type == KG_ENTITY_PERSON && person_is_place (lexicon, doc, m, text))
        m->type = KG_ENTITY_GPE;
      else if (m->type == KG_ENTITY_PERSON
               && kg_lexicon_is_org_word (lexicon, form_at (doc, m->first_token + m->n_tokens - 1)))
        m->type = KG_ENTITY_ORG;
    }
}

void
kg__entity_names_add_demonyms (const KgLexicon *lexicon, KgDocument *doc)
{
  for (guint t = 0; t < kg_document_get_n_tokens (doc); t++)
    {
      const KgToken *token = kg_document_get_token (doc, t);
      if (!g_unichar_isupper (g_utf8_get_char (token->form)) || kg_document_find_mention (doc, t) >= 0)
        continue;
      const char *country = kg_lexicon_demonym_country (lexicon, token->form);
      if (country == NULL)
        continue;
      KgMention m = { .first_token = t, .n_tokens = 1, .head = t, .type = KG_ENTITY_NORP,
                      .kind = KG_MENTION_DEMONYM, .value = country, .chain = -1 };
      kg_document_add_mention (doc, &m);
    }
}

void
kg__entity_mentions_set_heads (KgDocument *doc)
{
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      KgMention *m = kg_document_get_mention_mut (doc, i);
      const KgSentence *sentence = kg_document_get_sentence (doc, kg_document_find_sentence (doc, m->first_token));
      m->head = m->first_token + m->n_tokens - 1;
      for (guint t = m->first_token; t < m->first_token + m->n_tokens; t++)
        {
          int head = kg_document_get_token (doc, t)->head;
          if (head < 0)
            break;  /* not parsed: keep the last word */
          guint h = head == 0 ? G_MAXUINT : sentence->first_token + (guint) head - 1;
          if (h < m->first_token || h >= m->first_token + m->n_tokens)
            {
              m->head = t;
              break;
            }
        }
    }
}

char *
kg__entity_key (const KgLexicon *lexicon, const char *label, KgEntityType type)
{
  /* forms of address go: "Mr. Holmes" is Holmes */
  g_auto (GStrv) words = g_strsplit (label, " ", -1);
  guint first = 0;
  while (words[first] && words[first + 1] && kg_lexicon_is_honorific (lexicon, words[first]))
    first++;
  g_autofree char *name = g_strjoinv (" ", words + first);

  const char *canonical = kg_lexicon_alias (lexicon, name);
  if (canonical == NULL && type == KG_ENTITY_NORP)
    canonical = kg_lexicon_demonym_country (lexicon, name);
  if (canonical == NULL && type != KG_ENTITY_PERSON)
    canonical = kg_lexicon_country (lexicon, name);
  char *key = kg_canonical_key (canonical ? canonical : name);
  if (type == KG_ENTITY_PERSON && strchr (key, ' ') == NULL && kg_lexicon_country (lexicon, name))
    {
      char *person = g_strconcat (key, " (person)", NULL);
      g_free (key);
      key = person;
    }
  return key;
}

static void
add_name (KgDocument *doc, guint token, KgEntityType type)
{
  KgMention m = { .first_token = token, .n_tokens = 1, .head = token, .type = type, .kind = KG_MENTION_NAME,
                  .chain = -1 };
  kg_document_add_mention (doc, &m);
}

/* The first conjunct of the coordination token belongs to (UD attaches
 * every later conjunct to the first); the token itself when it is none. */
static guint
first_conjunct (const KgDocument *doc, guint token)
{
  const KgToken *t = kg_document_get_token (doc, token);
  int head = kg_document_get_head (doc, token);
  return head >= 0 && t->deprel && strcmp (t->deprel, "conj") == 0 ? (guint) head : token;
}

/* For each token that is the first conjunct of a coordination, the type its
 * coordinated names agree on ("within BRICS, the SCO and the UN": ORG);
 * KG_ENTITY_UNKNOWN when there are none or they differ. */
static KgEntityType *
coordination_types (const KgDocument *doc)
{
  guint n_tokens = kg_document_get_n_tokens (doc);
  KgEntityType *agreed = g_new0 (KgEntityType, n_tokens);
  g_autofree gboolean *conflict = g_new0 (gboolean, n_tokens);
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      if (m->kind != KG_MENTION_NAME)
        continue;
      guint first = first_conjunct (doc, m->head);
      if (agreed[first] != KG_ENTITY_UNKNOWN && agreed[first] != m->type)
        conflict[first] = TRUE;
      agreed[first] = m->type;
    }
  for (guint t = 0; t < n_tokens; t++)
    if (conflict[t])
      agreed[t] = KG_ENTITY_UNKNOWN;
  return agreed;
}

/* Acronyms the recogniser missed become names when the text defines them
 * ("Eurasian Economic Union (EAEU)"), the alias table knows them ("UN"), or
 * the names they are coordinated with agree on a type. */
void
kg__entity_names_add_acronyms (const KgLexicon *lexicon, KgDocument *doc)
{
  /* acronyms defined in the text: NAME ( ACRONYM ) */
  g_autoptr (GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_tokens = kg_document_get_n_tokens (doc);
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      guint after = m->first_token + m->n_tokens;
      if (m->kind == KG_MENTION_NAME && m->n_tokens > 1 && after + 2 < n_tokens
          && strcmp (form_at (doc, after), "(") == 0 && strcmp (form_at (doc, after + 2), ")") == 0
          && kg_word_is_acronym (form_at (doc, after + 1)))
        g_hash_table_insert (defined, g_strdup (form_at (doc, after + 1)), GINT_TO_POINTER (m->type));
    }
  g_autofree KgEntityType *coordinated = coordination_types (doc);
  for (guint t = 0; t < n_tokens; t++)
    {
      const char *word = form_at (doc, t);
      if (!kg_word_is_acronym (word) || kg_document_find_mention (doc, t) >= 0)
        continue;
      gpointer type;
      const char *alias = kg_lexicon_alias (lexicon, word);
      if (g_hash_table_lookup_extended (defined, word, NULL, &type))
        add_name (doc, t, GPOINTER_TO_INT (type));
      else if (alias)
        add_name (doc, t, kg_lexicon_country (lexicon, alias) ? KG_ENTITY_GPE : KG_ENTITY_ORG);
      else if (coordinated[first_conjunct (doc, t)] != KG_ENTITY_UNKNOWN)
        add_name (doc, t, coordinated[first_conjunct (doc, t)]);
    }
}

/* ---- names the rules are surer of than the recogniser ------------------- */

#define MAX_RULE_NAME_WORDS 8

static gboolean
capitalised (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

static gboolean
name_connector (const char *word)
{
  static const char *const connectors[] = { "of", "for", "and", "&", "on", "-", "–" };
  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    if (strcmp (word, connectors[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Does word close a company's name ("Inc.", "Ltd", "LLC")? */
static gboolean
company_suffix (const char *word)
{
  static const char *const suffixes[] = { "Inc", "Inc.", "INC", "INC.", "Ltd", "Ltd.", "LTD", "LTD.", "LLC", "L.L.C.",
                                          "Corp", "Corp.", "Co.", "PLC", "plc", "L.P.", "LP" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (word, suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Is a sentence written like a headline: most longer words capitalised
 * (as kg_words_look_like_headline() decides for the recogniser). */
static gboolean
looks_like_headline (const KgDocument *doc, const KgSentence *s)
{
  guint long_words = 0, capitals = 0;
  for (guint k = 0; k < s->n_tokens; k++)
    {
      const char *word = form_at (doc, s->first_token + k);
      if (g_utf8_strlen (word, -1) > 3 && g_unichar_isalpha (g_utf8_get_char (word)))
        {
          long_words++;
          capitals += capitalised (word);
        }
    }
  return long_words >= 3 && capitals * 5 >= long_words * 4;
}

/* An organisation named by capitalised words that end in an organisation
 * word ("Shanghai Cooperation Organization", "Iran-Belarus Joint
 * Cooperation Commission", "Coalition Provisional Authority"), maybe
 * followed by "of" and what it is of ("Housing Authority of New
 * Orleans", "Department of Housing and Urban Development"): the length of
 * the longest one starting at word i of the sentence, 0 if none.  The
 * organisation word must be tagged a proper noun, so that "Great Service"
 * in a review is none, and a lone organisation word ("Ministry") is none
 * either.  An organisation word the tagger took for a common noun will do
 * inside an ordinary sentence ("the Housing Authority"), not at its start
 * or in a headline, where every word is capitalised. */
static guint
organisation_at (const KgLexicon *lexicon, const KgDocument *doc, const KgSentence *s, guint i, gboolean headline)
{
  const char *first = form_at (doc, s->first_token + i);
  if (!capitalised (first) || g_ascii_strcasecmp (first, "The") == 0)
    return 0;
  guint best = 0, org_end = 0;
  gboolean of = FALSE;  /* past "of" after an organisation word */
  for (guint k = i; k < s->n_tokens && k - i < MAX_RULE_NAME_WORDS; k++)
    {
      const KgToken *t = kg_document_get_token (doc, s->first_token + k);
      gboolean next_capitalised = k + 1 < s->n_tokens && capitalised (form_at (doc, s->first_token + k + 1));
      gboolean inside = capitalised (t->form) || (k > i && name_connector (t->form) && next_capitalised)
                        || (of && strcmp (t->form, "the") == 0 && next_capitalised);
      if (!inside || (of && (kg_lexicon_is_role (lexicon, t->form) || kg_lexicon_is_honorific (lexicon, t->form))))
        break;
      if (!capitalised (t->form))
        {
          /* "Commission of Inquiry", "Council for Economic Affairs" */
          of = of || (org_end == k - i && (strcmp (t->form, "of") == 0 || strcmp (t->form, "for") == 0)
                      && !company_suffix (form_at (doc, s->first_token + k - 1)));
          continue;
        }
      if (of)
        best = k - i + 1;
      else if ((t->upos == KG_UPOS_PROPN || (i > 0 && !headline)) && kg_lexicon_is_org_word (lexicon, t->form))
        {
          org_end = k - i + 1;
          best = k > i ? org_end : best;
        }
    }
  return best;
}

/* Are words i..i+n-1 all capitalised words or connectors between them
 * (no punctuation or brackets a canonical key would ignore)? */
static gboolean
name_words (const KgDocument *doc, const KgSentence *s, guint i, guint n)
{
  for (guint k = i; k < i + n; k++)
    {
      const char *word = form_at (doc, s->first_token + k);
      gboolean inner = k > i && k + 1 < i + n;
      if (!capitalised (word) && !(inner && name_connector (word)))
        return FALSE;
    }
  return TRUE;
}

/* A name the gazetteers know, written out: a country or capital, a
 * subdivision ("New York"), a canonical name of the alias table ("United
 * Nations"), or a region or natural feature ending in a place word
 * ("Middle East", "Persian Gulf").  Its length and type; 0 if none.  A
 * one-word name counts only where the recogniser found nothing: "Jordan"
 * in "Michael Jordan" stays a person's. */
static guint
known_name_at (const KgLexicon *lexicon, const KgDocument *doc, const KgSentence *s, guint i, KgEntityType *type)
{
  for (guint n = MIN (MAX_RULE_NAME_WORDS, s->n_tokens - i); n >= 1; n--)
    {
      if (!name_words (doc, s, i, n))
        continue;
      g_autofree char *text = kg_document_dup_text (doc, s->first_token + i, n);
      if (n == 1)
        {
          const KgToken *t = kg_document_get_token (doc, s->first_token + i);
          if (t->upos != KG_UPOS_PROPN || kg_document_find_mention (doc, s->first_token + i) >= 0
              || !(kg_lexicon_country (lexicon, text) || kg_lexicon_capital_country (lexicon, text)))
            continue;
          *type = KG_ENTITY_GPE;
          return 1;
        }
      g_autofree char *last_two = kg_document_dup_text (doc, s->first_token + i + n - 2, 2);
      if (kg_lexicon_country (lexicon, text) || kg_lexicon_capital_country (lexicon, text)
          || kg_lexicon_is_subdivision (lexicon, text))
        *type = KG_ENTITY_GPE;
      else if (kg_lexicon_is_canonical_name (lexicon, text))
        *type = KG_ENTITY_ORG;
      else if (kg_lexicon_is_place_word (lexicon, last_two)
               || kg_lexicon_is_place_word (lexicon, form_at (doc, s->first_token + i + n - 1)))
        *type = KG_ENTITY_LOC;
      else
        continue;
      return n;
    }
  return 0;
}

/* A name followed by a company suffix, with or without a comma ("Google ,
 * Inc."), is an organisation that ends with it. */
static void
add_company_suffixes (KgDocument *doc, const KgSentence *s)
{
  for (guint k = 1; k < s->n_tokens; k++)
    {
      guint suffix = s->first_token + k;
      if (!company_suffix (form_at (doc, suffix)))
        continue;
      guint before = strcmp (form_at (doc, suffix - 1), ",") == 0 && k >= 2 ? suffix - 2 : suffix - 1;
      int found = kg_document_find_mention (doc, before);
      if (found < 0)
        continue;
      KgMention m = *kg_document_get_mention (doc, found);
      if (m.kind != KG_MENTION_NAME || m.first_token + m.n_tokens != before + 1)
        continue;
      m.n_tokens = suffix - m.first_token + 1;
      m.head = suffix;
      m.type = KG_ENTITY_ORG;
      kg_document_put_mention (doc, &m);
    }
}

/* A name written together with a word before it by a hyphen ("Coca-Cola"
 * where the recogniser found "Cola") takes the word in, unless the word
 * is a name of its own ("Iran-Belarus"). */
static void
join_hyphenated (KgDocument *doc, const KgSentence *s)
{
  guint end = s->first_token + s->n_tokens;
  for (guint i = kg_document_first_mention_at (doc, s->first_token + 2);
       i < kg_document_get_n_mentions (doc) && kg_document_get_mention (doc, i)->first_token < end; i++)
    {
      KgMention m = *kg_document_get_mention (doc, i);
      if (m.kind != KG_MENTION_NAME)
        continue;
      const KgToken *word = kg_document_get_token (doc, m.first_token - 2);
      const KgToken *hyphen = kg_document_get_token (doc, m.first_token - 1);
      if (strcmp (hyphen->form, "-") != 0 || word->space_after || hyphen->space_after || !capitalised (word->form)
          || kg_document_find_mention (doc, m.first_token - 2) >= 0)
        continue;
      m.first_token -= 2;
      m.n_tokens += 2;
      kg_document_put_mention (doc, &m);
    }
}

/* "Shanghai [Cooperation Organization]": a name an editor's brackets
 * complete is one name, of the type of its bracketed part. */
static void
join_bracketed (KgDocument *doc, const KgSentence *s)
{
  guint end = s->first_token + s->n_tokens;
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      KgMention m = *kg_document_get_mention (doc, i);
      guint open = m.first_token + m.n_tokens;
      if (m.first_token < s->first_token || open + 3 >= end || m.kind != KG_MENTION_NAME
          || strcmp (kg_document_get_token (doc, open)->form, "[") != 0)
        continue;
      int inner = kg_document_find_mention (doc, open + 1);
      const KgMention *y = inner >= 0 ? kg_document_get_mention (doc, inner) : NULL;
      guint close = y ? y->first_token + y->n_tokens : 0;
      if (y == NULL || y->kind != KG_MENTION_NAME || y->first_token != open + 1 || close >= end
          || strcmp (kg_document_get_token (doc, close)->form, "]") != 0)
        continue;
      m.type = y->type;
      m.n_tokens = close + 1 - m.first_token;
      m.head = y->head;
      kg_document_put_mention (doc, &m);
    }
}

/* "Swedish captain Andreas Granqvist", "Taipei mayor Hau Lung-bin": two
 * or three capitalised proper nouns right after a role word, none of them
 * a name found already, a country or an organisation word, are a person's
 * name the recogniser missed. */
static void
add_titled_persons (const KgLexicon *lexicon, KgDocument *doc, const KgSentence *s)
{
  for (guint k = 0; k + 2 < s->n_tokens; k++)
    {
      guint t = s->first_token + k;
      if (!kg_lexicon_is_role (lexicon, form_at (doc, t)) || kg_lexicon_is_address_form (lexicon, form_at (doc, t)))
        continue;
      guint n = 0;
      while (n < 3 && k + 1 + n < s->n_tokens)
        {
          guint w = t + 1 + n;
          const KgToken *token = kg_document_get_token (doc, w);
          if (token->upos != KG_UPOS_PROPN || !capitalised (token->form) || kg_document_find_mention (doc, w) >= 0
              || kg_lexicon_country (lexicon, token->form) || kg_lexicon_is_org_word (lexicon, token->form)
              || kg_lexicon_is_role (lexicon, token->form))
            break;
          n++;
        }
      if (n < 2 || (k + 1 + n < s->n_tokens && kg_document_get_token (doc, t + 1 + n)->upos == KG_UPOS_PROPN))
        continue;
      KgMention m = { .first_token = t + 1, .n_tokens = n, .head = t + n, .type = KG_ENTITY_PERSON,
                      .kind = KG_MENTION_NAME, .chain = -1 };
      kg_document_put_mention (doc, &m);
    }
}

void
kg__entity_names_add_by_rule (const KgLexicon *lexicon, KgDocument *doc)
{
  for (guint si = 0; si < kg_document_get_n_sentences (doc); si++)
    {
      const KgSentence *s = kg_document_get_sentence (doc, si);
      gboolean headline = looks_like_headline (doc, s);
      for (guint i = 0; i < s->n_tokens;)
        {
          KgEntityType type = KG_ENTITY_ORG;
          guint n = known_name_at (lexicon, doc, s, i, &type), organisation = organisation_at (lexicon, doc, s, i, headline);
          /* "United States Department of Energy" is one name */
          if (organisation > n)
            {
              n = organisation, type = KG_ENTITY_ORG;
              /* a place the recogniser found whole stays one ("West Bank", "Oval Office") */
              int found = n ? kg_document_find_mention (doc, s->first_token + i) : -1;
              const KgMention *place = found >= 0 ? kg_document_get_mention (doc, found) : NULL;
              if (place && place->kind == KG_MENTION_NAME && place->type == KG_ENTITY_LOC
                  && place->first_token == s->first_token + i && place->n_tokens == n)
                {
                  i += n;
                  continue;
                }
            }
          if (n == 0)
            {
              i++;
              continue;
            }
          KgMention m = { .first_token = s->first_token + i, .n_tokens = n, .head = s->first_token + i + n - 1,
                          .type = type, .kind = KG_MENTION_NAME, .chain = -1 };
          /* the rule's name replaces what the recogniser cut it into */
          kg_document_put_mention (doc, &m);
          i += n;
        }
      add_company_suffixes (doc, s);
      join_hyphenated (doc, s);
      join_bracketed (doc, s);
      add_titled_persons (lexicon, doc, s);
    }
}

/* ---- names the document already taught us ----------------------------- */

void
kg__entity_names_propagate (KgDocument *doc)
{
  /* word -> type of a name it is (the last word of a person's name, or a
   * whole one-word name) somewhere in the document */
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      const KgSentence *s = kg_document_get_sentence (doc, kg_document_find_sentence (doc, m->first_token));
      if (m->kind != KG_MENTION_NAME || s->kind == KG_SENTENCE_FURNITURE)
        continue;
      if (m->type == KG_ENTITY_PERSON)
        g_hash_table_insert (known, (gpointer) form_at (doc, m->first_token + m->n_tokens - 1),
                             GINT_TO_POINTER (m->type));
      else if (m->n_tokens == 1)
        g_hash_table_insert (known, (gpointer) form_at (doc, m->first_token), GINT_TO_POINTER (m->type));
    }
  for (guint t = 0; t < kg_document_get_n_tokens (doc); t++)
    {
      const KgToken *token = kg_document_get_token (doc, t);
      gpointer type;
      if (token->upos != KG_UPOS_PROPN || !capitalised (token->form) || kg_document_find_mention (doc, t) >= 0
          || !g_hash_table_lookup_extended (known, token->form, NULL, &type))
        continue;
      KgMention m = { .first_token = t, .n_tokens = 1, .head = t, .type = GPOINTER_TO_INT (type),
                      .kind = KG_MENTION_NAME, .chain = -1 };
      kg_document_add_mention (doc, &m);
    }
}
