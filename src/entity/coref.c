/* coref.c: coreference within a document (entity stage, last step).
 *
 * A deterministic multi-sieve resolver in the spirit of Lee et al. 2013
 * (Stanford's sieve system): mentions are linked by a series of sieves,
 * strongest evidence first, each seeing the links the earlier ones made:
 *
 *   1. exact      names with the same key ("Iran", "IRAN"; "U.S." and "United
 *                 States" through the alias table; "Iranian" and "Iran")
 *   2. surname    a person name inside a fuller one: "Araghchi", "Abbas
 *                 Araghchi" -> "Seyed Abbas Araghchi"; initials: "A. Lukashenko";
 *                 only when the fuller name is unambiguous in the document
 *   3. acronym    defined in the text ("Eurasian Economic Union (EAEU)") or
 *                 made of the name's initials ("SCO")
 *      fragment   an organisation's name cut short: "Cooperation Organization",
 *                 "Scientology" -> "Shanghai Cooperation Organization", "Church
 *                 of Scientology", when only one fuller name ends so
 *   4. appositive "Minsk, the Belarusian capital"; "his Iranian counterpart,
 *                 Mohammad Reza Ashtiani"
 *   5. role       "the Iranian foreign minister", "the Belarus president",
 *                 "the Iranian FM" -> the one person holding that role (of
 *                 that country) in the document, from titles ("Iran's
 *                 Foreign Minister Seyed Abbas Araghchi") and appositives
 *   6. relative   "who", "which", "that" -> the noun their clause modifies
 *   7. pronoun    he/she/it/they and their forms -> the nearest agreeing
 *                 mention (gender from first names and titles, number,
 *                 animacy), subjects first, within two sentences, never the
 *                 speaker of the quotation the pronoun stands in; a
 *                 possessive fronted before the subject ("In his speech,
 *                 Berg said") -> that subject
 *
 * Every group of linked mentions that holds a name (or a nationality, or a
 * value) becomes a chain with a key and a label; pronouns and descriptions
 * that link to no name stay unresolved, so no pronoun is ever a node.
 */
#include "entities-private.h"
#include "kgraph/canonical.h"
#include "nlp/tally.h"
#include "nlp/word-shape.h"

#include <string.h>

/* How many sentences back a pronoun looks for its antecedent. */
#define PRONOUN_WINDOW 2

typedef enum { NUMBER_ANY, NUMBER_SINGULAR, NUMBER_PLURAL } Number;

typedef struct {
  const char *word;
  KgGender gender;
  gboolean animate;   /* refers to people */
  gboolean inanimate; /* refers to things */
  Number number;
} PronounInfo;

static const PronounInfo pronouns[] = {
  { "he", KG_GENDER_MALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "him", KG_GENDER_MALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "his", KG_GENDER_MALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "himself", KG_GENDER_MALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "she", KG_GENDER_FEMALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "her", KG_GENDER_FEMALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "hers", KG_GENDER_FEMALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "herself", KG_GENDER_FEMALE, TRUE, FALSE, NUMBER_SINGULAR },
  { "it", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_SINGULAR },
  { "its", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_SINGULAR },
  { "itself", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_SINGULAR },
  { "they", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_PLURAL },
  { "them", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_PLURAL },
  { "their", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_PLURAL },
  { "theirs", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_PLURAL },
  { "themselves", KG_GENDER_UNKNOWN, FALSE, TRUE, NUMBER_PLURAL },
};

static const char *const relative_pronouns[] = { "who", "whom", "whose", "which", "that" };

static const char *const reporting_verbs[] = {
  "say", "add", "state", "tell", "note", "emphasize", "emphasise", "stress", "declare", "announce", "explain",
  "write", "argue", "insist", "warn", "claim", "urge", "promise", "admit",
};

/* What the sieves ask of a group of linked mentions, kept at its root and
 * combined when two groups join, so that no question walks the mentions. */
typedef struct {
  guint type_votes[KG_ENTITY_N_TYPES];  /* of its names, values and nationalities */
  guint pronoun_gender;  /* its first pronoun with a gender, G_MAXUINT if none */
  guint name_gender;     /* its first name whose words give a gender, G_MAXUINT if none */
  guint longest_name;    /* its longest name (the first of those), G_MAXUINT if none */
  guint first_demonym;   /* its first nationality, G_MAXUINT if none */
  guint first_value;     /* its first value, G_MAXUINT if none */
} Group;

typedef struct {
  KgDocument *doc;
  const KgLexicon *lexicon;
  guint n;
  guint *parent;
  Group *group;              /* by root */
  guint *sentence;           /* each mention's sentence */
  KgGender *gender;          /* a name's gender from its first names */
  const char **rule;         /* how each mention joined its group */
  char **key;                /* names, nationalities, values: their key */
  char **role;               /* a role the mention (or its person) holds */
  char **role_country;       /* the key of that role's country */
  const PronounInfo **pronoun;
  gboolean *relative;
} Coref;

/* ---- the tree ------------------------------------------------------------ */

static const KgToken *
token (const Coref *c, guint t)
{
  return kg_document_get_token (c->doc, t);
}

/* The document index of t's head, G_MAXUINT for the root or no parse. */
static guint
head_of (const Coref *c, guint t)
{
  int head = kg_document_get_head (c->doc, t);
  return head < 0 ? G_MAXUINT : (guint) head;
}

static gboolean
deprel_is (const Coref *c, guint t, const char *deprel)
{
  return g_strcmp0 (token (c, t)->deprel, deprel) == 0;
}

/* The first child of t with this relation (prefix match when the relation
 * ends in ':'), G_MAXUINT if none. */
static guint
child_with (const Coref *c, guint t, const char *deprel)
{
  const KgSentence *s = kg_document_get_sentence (c->doc, kg_document_find_sentence (c->doc, t));
  gsize n = strlen (deprel);
  for (guint k = s->first_token; k < s->first_token + s->n_tokens; k++)
    if (head_of (c, k) == t && token (c, k)->deprel
        && (deprel[n - 1] == ':' ? strncmp (token (c, k)->deprel, deprel, n - 1) == 0
                                 : strcmp (token (c, k)->deprel, deprel) == 0))
      return k;
  return G_MAXUINT;
}

static gboolean
lower_in (const char *word, const char *const *list, guint n)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---- groups -------------------------------------------------------------- */

static guint
find (Coref *c, guint m)
{
  while (c->parent[m] != m)
    m = c->parent[m] = c->parent[c->parent[m]];
  return m;
}

/* Links the group of joiner to that of anchor; joiner keeps the rule
 * that linked it (the group's earliest mention stays its root). */
static const KgMention *
mention (const Coref *c, guint m)
{
  return kg_document_get_mention (c->doc, m);
}

static guint
first_of (guint a, guint b)
{
  return MIN (a, b);
}

/* Adds the group of root from to the group of root into. */
static void
group_add (Coref *c, Group *into, const Group *from)
{
  for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
    into->type_votes[t] += from->type_votes[t];
  into->pronoun_gender = first_of (into->pronoun_gender, from->pronoun_gender);
  into->name_gender = first_of (into->name_gender, from->name_gender);
  into->first_demonym = first_of (into->first_demonym, from->first_demonym);
  into->first_value = first_of (into->first_value, from->first_value);
  guint a = into->longest_name, b = from->longest_name;
  if (b != G_MAXUINT
      && (a == G_MAXUINT || mention (c, b)->n_tokens > mention (c, a)->n_tokens
          || (mention (c, b)->n_tokens == mention (c, a)->n_tokens && b < a)))
    into->longest_name = b;
}

/* The group of mention m alone. */
static void
group_init (Coref *c, guint m)
{
  Group *g = &c->group[m];
  const KgMention *x = mention (c, m);
  memset (g, 0, sizeof *g);
  g->pronoun_gender = g->name_gender = g->longest_name = g->first_demonym = g->first_value = G_MAXUINT;
  if (x->kind == KG_MENTION_NAME || x->kind == KG_MENTION_VALUE)
    g->type_votes[x->type]++;
  else if (x->kind == KG_MENTION_DEMONYM)
    g->type_votes[KG_ENTITY_GPE]++;
  if (c->pronoun[m] && c->pronoun[m]->gender != KG_GENDER_UNKNOWN)
    g->pronoun_gender = m;
  if (x->kind == KG_MENTION_NAME)
    {
      g->longest_name = m;
      if (c->gender[m] != KG_GENDER_UNKNOWN)
        g->name_gender = m;
    }
  if (x->kind == KG_MENTION_DEMONYM && x->value)
    g->first_demonym = m;
  if (x->kind == KG_MENTION_VALUE)
    g->first_value = m;
}

/* Links the group of joiner to that of anchor; joiner keeps the rule
 * that linked it (the group's earliest mention stays its root). */
static void
join (Coref *c, guint joiner, guint anchor, const char *rule)
{
  guint a = find (c, joiner), b = find (c, anchor);
  if (a == b)
    return;
  guint root = MIN (a, b), other = MAX (a, b);
  c->parent[other] = root;
  group_add (c, &c->group[root], &c->group[other]);
  if (c->rule[joiner] == NULL)
    c->rule[joiner] = rule;
}

static char *
mention_text (const Coref *c, guint m)
{
  return kg_document_dup_text (c->doc, mention (c, m)->first_token, mention (c, m)->n_tokens);
}

/* The type of a group: the commonest type of its names and nationalities
 * (a nationality counting as its country), UNKNOWN if it has none. */
static KgEntityType
group_type (Coref *c, guint root)
{
  const guint *votes = c->group[root].type_votes;
  KgEntityType best = KG_ENTITY_UNKNOWN;
  for (guint t = 1; t < KG_ENTITY_N_TYPES; t++)
    if (votes[t] > votes[best])
      best = t;
  return best;
}

/* The gender of a person group: from a pronoun already linked, else a
 * first name or a form of address. */
static KgGender
group_gender (Coref *c, guint root)
{
  const Group *g = &c->group[root];
  if (g->pronoun_gender != G_MAXUINT)
    return c->pronoun[g->pronoun_gender]->gender;
  return g->name_gender != G_MAXUINT ? c->gender[g->name_gender] : KG_GENDER_UNKNOWN;
}

/* The gender the first names of a person name give. */
static KgGender
name_gender (Coref *c, const KgMention *x)
{
  KgGender g = kg_lexicon_first_name_gender (c->lexicon, token (c, x->first_token)->form);
  for (guint k = x->first_token; g == KG_GENDER_UNKNOWN && k + 1 < x->first_token + x->n_tokens; k++)
    g = kg_lexicon_first_name_gender (c->lexicon, token (c, k)->form);
  return g;
}

/* ---- finding pronouns and role descriptions -------------------------------- */

static const PronounInfo *
pronoun_info (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (pronouns); i++)
    if (g_ascii_strcasecmp (word, pronouns[i].word) == 0)
      return &pronouns[i];
  return NULL;
}

/* The role a noun names, with the modifiers that belong to it ("foreign
 * minister", "president", "FM" -> "foreign minister"), or NULL. */
static char *
role_of_noun (const Coref *c, guint t)
{
  const KgToken *head = token (c, t);
  const char *expanded = kg_lexicon_role_abbreviation (c->lexicon, head->form);
  if (expanded)
    return g_strdup (expanded);
  g_autofree char *lemma = g_utf8_strdown (head->lemma ? head->lemma : head->form, -1);
  if (!kg_lexicon_is_role (c->lexicon, lemma))
    return NULL;
  /* the closest modifiers that make a longer role: "Foreign" + "Minister" */
  char *role = g_strdup (lemma);
  for (guint k = t; k > 0;)
    {
      k--;
      if (head_of (c, k) != t || !(deprel_is (c, k, "amod") || deprel_is (c, k, "compound")))
        break;
      g_autofree char *word = g_utf8_strdown (token (c, k)->form, -1);
      g_autofree char *longer = g_strconcat (word, " ", role, NULL);
      if (!kg_lexicon_is_role (c->lexicon, longer))
        break;
      g_free (role);
      role = g_steal_pointer (&longer);
    }
  return role;
}

/* The token that names the country or organisation a role word belongs
 * to: a nationality or name modifying it ("Iranian", "Belarus"), a
 * possessor ("Iran's"), or "of Belarus", "of the Security Council";
 * G_MAXUINT if none. */
static guint
role_country_token (const Coref *c, guint t)
{
  const KgSentence *s = kg_document_get_sentence (c->doc, kg_document_find_sentence (c->doc, t));
  for (guint k = s->first_token; k < s->first_token + s->n_tokens; k++)
    {
      if (head_of (c, k) != t)
        continue;
      const char *deprel = token (c, k)->deprel;
      if (g_strcmp0 (deprel, "amod") != 0 && g_strcmp0 (deprel, "compound") != 0
          && g_strcmp0 (deprel, "nmod:poss") != 0 && g_strcmp0 (deprel, "nmod") != 0)
        continue;
      int m = kg_document_find_mention (c->doc, k);
      KgEntityType type = m >= 0 ? mention (c, m)->type : KG_ENTITY_UNKNOWN;
      if (kg_lexicon_demonym_country (c->lexicon, token (c, k)->form) || type == KG_ENTITY_GPE || type == KG_ENTITY_ORG)
        return k;
    }
  return G_MAXUINT;
}

/* The key of the country or organisation an office serves, from the head
 * token of its owner: a nationality's country, or the name's own key. */
static char *
office_country (const Coref *c, guint owner_head)
{
  if (owner_head == G_MAXUINT)
    return NULL;
  const char *country = kg_lexicon_demonym_country (c->lexicon, token (c, owner_head)->form);
  if (country)
    return kg_canonical_key (country);
  int m = kg_document_find_mention (c->doc, owner_head);
  if (m < 0 || (mention (c, m)->type != KG_ENTITY_GPE && mention (c, m)->type != KG_ENTITY_ORG))
    return NULL;
  g_autofree char *text = mention_text (c, m);
  return kg__entity_key (c->lexicon, text, mention (c, m)->type);
}

static void
add_mention (GArray *found, guint first, guint n, KgEntityType type, KgMentionKind kind)
{
  KgMention m = { .first_token = first, .n_tokens = n, .head = first + n - 1, .type = type, .kind = kind,
                  .chain = -1 };
  g_array_append_val (found, m);
}

/* Pronouns, relative pronouns and role descriptions ("the Iranian foreign
 * minister") become mentions too, so that sieves can link them. */
static void
find_pronouns_and_roles (const KgLexicon *lexicon, KgDocument *doc)
{
  Coref probe = { .doc = doc, .lexicon = lexicon };
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KgMention));
  for (guint t = 0; t < kg_document_get_n_tokens (doc); t++)
    {
      const KgToken *tk = kg_document_get_token (doc, t);
      if (kg_document_find_mention (doc, t) >= 0)
        continue;
      if (tk->upos == KG_UPOS_PRON && (pronoun_info (tk->form)
                                       || lower_in (tk->form, relative_pronouns, G_N_ELEMENTS (relative_pronouns))))
        add_mention (found, t, 1, KG_ENTITY_UNKNOWN, KG_MENTION_PRONOUN);
      else if ((tk->upos == KG_UPOS_NOUN || tk->upos == KG_UPOS_PROPN) && g_strcmp0 (tk->xpos, "NNS") != 0
               && g_strcmp0 (tk->xpos, "NNPS") != 0 && !deprel_is (&probe, t, "nmod:desc")
               && !deprel_is (&probe, t, "compound") && !deprel_is (&probe, t, "flat"))
        {
          /* one person: plurals ("ministers") are groups */
          g_autofree char *role = role_of_noun (&probe, t);
          if (role == NULL)
            continue;
          /* "Apple CEO Tim Cook": a title right before a person's name is
           * the name's, not a description of its own */
          int next = t + 1 < kg_document_get_n_tokens (doc) ? kg_document_find_mention (doc, t + 1) : -1;
          if (next >= 0 && kg_document_get_mention (doc, next)->kind == KG_MENTION_NAME
              && kg_document_get_mention (doc, next)->type == KG_ENTITY_PERSON
              && kg_document_get_mention (doc, next)->first_token == t + 1)
            continue;
          /* the description runs from its first modifier to its head */
          guint first = t;
          for (guint k = t; k > 0;)
            {
              k--;
              if (head_of (&probe, k) != t || !(deprel_is (&probe, k, "det") || deprel_is (&probe, k, "amod")
                                                || deprel_is (&probe, k, "compound")
                                                || deprel_is (&probe, k, "nmod:poss")))
                break;
              first = k;
            }
          add_mention (found, first, t - first + 1, KG_ENTITY_PERSON, KG_MENTION_NOMINAL);
        }
    }
  kg_document_add_mentions (doc, (const KgMention *) found->data, found->len);
}

/* ---- the sieves ------------------------------------------------------------ */

/* Persons and places never merge: a person may be named like a country. */
static gboolean
types_agree (KgEntityType a, KgEntityType b)
{
  gboolean person_a = a == KG_ENTITY_PERSON, person_b = b == KG_ENTITY_PERSON;
  return person_a == person_b || a == KG_ENTITY_NORP || b == KG_ENTITY_NORP;
}

static void
sieve_exact (Coref *c)
{
  g_autoptr (GHashTable) by_key = kg_index_new ();
  for (guint m = 0; m < c->n; m++)
    if (c->key[m] && mention (c, m)->kind != KG_MENTION_VALUE)
      kg_index_add (by_key, c->key[m], m);
  for (guint m = 0; m < c->n; m++)
    {
      if (c->key[m] == NULL || mention (c, m)->kind == KG_MENTION_VALUE)
        continue;
      GArray *same = g_hash_table_lookup (by_key, c->key[m]);
      for (guint i = 0; i < same->len && g_array_index (same, guint, i) < m; i++)
        {
          guint e = g_array_index (same, guint, i);
          if (!types_agree (mention (c, e)->type, mention (c, m)->type))
            continue;
          join (c, m, e, mention (c, m)->kind == KG_MENTION_DEMONYM ? "demonym" : "exact");
          break;
        }
    }
}

/* Is every word of the short name, in order, a word (or its initial) of
 * the long name, and do both end in the same word? */
static gboolean
name_inside (const Coref *c, const KgMention *shorter, const KgMention *longer)
{
  gboolean has_initial = FALSE;
  for (guint i = 0; i < shorter->n_tokens; i++)
    {
      const char *word = token (c, shorter->first_token + i)->form;
      has_initial = has_initial || (strlen (word) == 2 && word[1] == '.');
    }
  /* shorter, or as long with initials ("A. Lukashenko") */
  if (shorter->n_tokens > longer->n_tokens || (shorter->n_tokens == longer->n_tokens && !has_initial))
    return FALSE;
  const char *last_short = token (c, shorter->first_token + shorter->n_tokens - 1)->form;
  const char *last_long = token (c, longer->first_token + longer->n_tokens - 1)->form;
  if (strcmp (last_short, last_long) != 0)
    return FALSE;
  guint k = longer->first_token;
  for (guint i = 0; i < shorter->n_tokens; i++)
    {
      const char *word = token (c, shorter->first_token + i)->form;
      gboolean initial = strlen (word) == 2 && word[1] == '.';
      gboolean found = FALSE;
      for (; k < longer->first_token + longer->n_tokens && !found; k++)
        found = strcmp (word, token (c, k)->form) == 0 || (initial && token (c, k)->form[0] == word[0]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_person_name (const KgMention *m)
{
  return m->kind == KG_MENTION_NAME && m->type == KG_ENTITY_PERSON;
}

static const char *
last_word (const Coref *c, const KgMention *m)
{
  return token (c, m->first_token + m->n_tokens - 1)->form;
}

/* Person names by their last word, one mention for each way of writing
 * the name (its other occurrences are in its group already). */
static GHashTable *
person_names_by_last_word (Coref *c)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *by_last = kg_index_new ();
  for (guint e = 0; e < c->n; e++)
    {
      if (!is_person_name (mention (c, e)))
        continue;
      char *text = mention_text (c, e);
      if (!g_hash_table_add (seen, text))
        continue;
      kg_index_add (by_last, last_word (c, mention (c, e)), e);
    }
  return by_last;
}

static void
sieve_surname (Coref *c)
{
  g_autoptr (GHashTable) by_last = person_names_by_last_word (c);
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *shorter = mention (c, m);
      if (!is_person_name (shorter))
        continue;
      guint candidate = G_MAXUINT;
      gboolean ambiguous = FALSE;
      GArray *same_last = g_hash_table_lookup (by_last, last_word (c, shorter));
      for (guint i = 0; i < same_last->len; i++)
        {
          guint e = g_array_index (same_last, guint, i);
          if (e == m || !name_inside (c, shorter, mention (c, e)))
            continue;
          if (candidate != G_MAXUINT && find (c, candidate) != find (c, e))
            ambiguous = TRUE;
          candidate = e;
        }
      if (candidate != G_MAXUINT && !ambiguous)
        {
          gboolean initial = FALSE;
          for (guint i = 0; i < shorter->n_tokens; i++)
            initial = initial || strchr (token (c, shorter->first_token + i)->form, '.') != NULL;
          join (c, m, candidate, initial ? "initials" : "surname");
        }
    }
}

static gboolean
is_org_name (const KgMention *m)
{
  return m->kind == KG_MENTION_NAME && m->type == KG_ENTITY_ORG;
}

/* Whether the words of shorter end longer: "Cooperation Organization" in
 * "Shanghai Cooperation Organization", "Scientology" in "Church of
 * Scientology". */
static gboolean
name_ends (const Coref *c, const KgMention *shorter, const KgMention *longer)
{
  if (shorter->n_tokens >= longer->n_tokens)
    return FALSE;
  guint offset = longer->n_tokens - shorter->n_tokens;
  for (guint i = 0; i < shorter->n_tokens; i++)
    if (g_ascii_strcasecmp (token (c, shorter->first_token + i)->form,
                            token (c, longer->first_token + offset + i)->form) != 0)
      return FALSE;
  return TRUE;
}

/* An organisation's name cut short is the organisation: a name that ends
 * one fuller name of the document (and only one) joins it. */
static void
sieve_fragment (Coref *c)
{
  g_autoptr (GHashTable) by_last = kg_index_new ();
  for (guint e = 0; e < c->n; e++)
    if (is_org_name (mention (c, e)) && mention (c, e)->n_tokens > 1)
      kg_index_add (by_last, last_word (c, mention (c, e)), e);
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *shorter = mention (c, m);
      GArray *same_last = is_org_name (shorter) ? g_hash_table_lookup (by_last, last_word (c, shorter)) : NULL;
      guint candidate = G_MAXUINT;
      gboolean ambiguous = FALSE;
      for (guint i = 0; same_last && i < same_last->len; i++)
        {
          guint e = g_array_index (same_last, guint, i);
          if (!name_ends (c, shorter, mention (c, e)))
            continue;
          if (candidate != G_MAXUINT && find (c, candidate) != find (c, e))
            ambiguous = TRUE;
          candidate = e;
        }
      if (candidate != G_MAXUINT && !ambiguous)
        join (c, m, candidate, "fragment");
    }
}

/* The initials of a name's capitalised words ("Shanghai Cooperation
 * Organization" -> "SCO"). */
static char *
initials (const Coref *c, const KgMention *m)
{
  GString *letters = g_string_new (NULL);
  for (guint k = m->first_token; k < m->first_token + m->n_tokens; k++)
    if (g_ascii_isupper (token (c, k)->form[0]))
      g_string_append_c (letters, token (c, k)->form[0]);
  return g_string_free (letters, FALSE);
}

/* The first full name (not a person's) that an acronym stands for: one
 * that defines it ("Eurasian Economic Union (EAEU)") or whose initials it
 * is.  Keys: the acronym; values: the mention. */
static GHashTable *
names_by_acronym (Coref *c)
{
  GHashTable *by_acronym = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint e = 0; e < c->n; e++)
    {
      const KgMention *full = mention (c, e);
      if (full->kind != KG_MENTION_NAME || full->n_tokens < 2 || full->type == KG_ENTITY_PERSON)
        continue;
      guint after = full->first_token + full->n_tokens;
      if (after + 2 < kg_document_get_n_tokens (c->doc) && strcmp (token (c, after)->form, "(") == 0
          && !g_hash_table_contains (by_acronym, token (c, after + 1)->form))
        g_hash_table_insert (by_acronym, g_strdup (token (c, after + 1)->form), GUINT_TO_POINTER (e));
      char *letters = initials (c, full);
      if (!g_hash_table_contains (by_acronym, letters))
        g_hash_table_insert (by_acronym, letters, GUINT_TO_POINTER (e));
      else
        g_free (letters);
    }
  return by_acronym;
}

static void
sieve_acronym (Coref *c)
{
  g_autoptr (GHashTable) by_acronym = names_by_acronym (c);
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *acr = mention (c, m);
      if (acr->kind != KG_MENTION_NAME || acr->n_tokens != 1 || !kg_word_is_acronym (token (c, acr->first_token)->form))
        continue;
      gpointer full;
      const char *form = token (c, acr->first_token)->form;
      if (!g_hash_table_lookup_extended (by_acronym, form, NULL, &full))
        continue;
      /* an acronym the alias table knows ("US") stands for its own name,
       * whatever else has its initials ("University of Sheffield") */
      if (kg_lexicon_alias (c->lexicon, form) && g_strcmp0 (c->key[m], c->key[GPOINTER_TO_UINT (full)]) != 0)
        continue;
      join (c, m, GPOINTER_TO_UINT (full), "acronym");
    }
}

/* The first mention whose head is token t, G_MAXUINT if none. */
static guint
mention_headed_by (const Coref *c, guint t)
{
  if (t == G_MAXUINT)
    return G_MAXUINT;
  int m = kg_document_find_mention (c->doc, t);
  return m >= 0 && mention (c, m)->head == t ? (guint) m : G_MAXUINT;
}

/* Gives a person name the role and country of a description. */
static void
give_role (Coref *c, guint name, guint description)
{
  if (c->role[name] == NULL && c->role[description])
    {
      c->role[name] = g_strdup (c->role[description]);
      c->role_country[name] = g_strdup (c->role_country[description]);
    }
}

static void
sieve_appositive (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      guint head = mention (c, m)->head;
      if (!deprel_is (c, head, "appos"))
        continue;
      guint other = mention_headed_by (c, head_of (c, head));
      if (other == G_MAXUINT)
        continue;
      const KgMention *a = mention (c, other), *b = mention (c, m);
      /* a name and a description of it; not two names (lists) */
      gboolean name_and_description = (a->kind == KG_MENTION_NAME && b->kind == KG_MENTION_NOMINAL)
                                      || (a->kind == KG_MENTION_NOMINAL && b->kind == KG_MENTION_NAME);
      if (!name_and_description || !types_agree (a->type, b->type))
        continue;
      if (a->kind == KG_MENTION_NAME)
        {
          join (c, m, other, "appositive");
          give_role (c, other, m);
        }
      else
        {
          join (c, other, m, "appositive");
          give_role (c, m, other);
        }
    }
}

/* Titles before person names: "Iran's Foreign Minister Seyed Abbas
 * Araghchi" holds the role "foreign minister" of Iran. */
static void
collect_titles (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *x = mention (c, m);
      if (x->kind != KG_MENTION_NAME || x->type != KG_ENTITY_PERSON)
        continue;
      guint title = child_with (c, x->head, "nmod:desc");
      if (title == G_MAXUINT && x->first_token > 0 && head_of (c, x->first_token - 1) == x->head)
        title = x->first_token - 1;
      g_autofree char *role = title != G_MAXUINT ? role_of_noun (c, title) : NULL;
      if (x->office)
        {
          /* the office the words around the name give (entity-offices.c) */
          c->role[m] = g_strdup (x->office);
          c->role_country[m] = office_country (c, x->office_owner);
          continue;
        }
      if (role == NULL)
        continue;
      c->role[m] = g_steal_pointer (&role);
      c->role_country[m] = office_country (c, role_country_token (c, title));
      if (c->role_country[m] == NULL)
        c->role_country[m] = office_country (c, role_country_token (c, x->head));
    }
}

static void
sieve_role (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      if (mention (c, m)->kind != KG_MENTION_NOMINAL || c->role[m] == NULL || find (c, m) != m)
        continue;
      gboolean counterpart = strcmp (c->role[m], "counterpart") == 0;
      guint holder = G_MAXUINT;
      gboolean ambiguous = FALSE;
      for (guint e = 0; e < c->n; e++)
        {
          if (e == m || mention (c, e)->kind != KG_MENTION_NAME || c->role[e] == NULL)
            continue;
          if (!counterpart && !kg_office_matches (c->role[m], c->role[e]))
            continue;
          if (c->role_country[m] && g_strcmp0 (c->role_country[m], c->role_country[e]) != 0)
            continue;
          if (counterpart && c->role_country[m] == NULL)
            continue;
          if (holder != G_MAXUINT && find (c, holder) != find (c, e))
            ambiguous = TRUE;
          holder = e;
        }
      if (holder != G_MAXUINT && !ambiguous)
        join (c, m, holder, "role");
      else if (!counterpart && c->role_country[m])
        {
          /* no holder here: the graph may know one (kg_entities_resolve_offices) */
          KgMention *x = kg_document_get_mention_mut (c->doc, m);
          x->office = kg_document_intern (c->doc, c->role[m]);
          x->office_owner = role_country_token (c, x->head);
        }
    }
}

int
kg__mention_of_head (const KgDocument *doc, guint head, guint end)
{
  int m = kg_document_find_mention (doc, head);
  KgMentionKind kind = m >= 0 ? kg_document_get_mention (doc, m)->kind : KG_MENTION_NOMINAL;
  if (kind != KG_MENTION_DEMONYM && kind != KG_MENTION_NOMINAL)
    return m;
  /* a run of proper nouns under the head, up to the name at its end */
  const KgSentence *s = kg_document_get_sentence (doc, kg_document_find_sentence (doc, head));
  guint last = head;
  for (guint t = head + 1; t < MIN (end, s->first_token + s->n_tokens); t++)
    {
      int parent = kg_document_get_head (doc, t);
      if (kg_document_get_token (doc, t)->upos != KG_UPOS_PROPN || parent < (int) head)
        break;
      last = t;
    }
  int name = last > head ? kg_document_find_mention (doc, last) : -1;
  return name >= 0 && kg_document_get_mention (doc, name)->kind == KG_MENTION_NAME ? name : m;
}

static void
sieve_relative (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      if (!c->relative[m])
        continue;
      /* who -> verb of the relative clause -> the noun it modifies */
      guint verb = head_of (c, mention (c, m)->head);
      if (verb == G_MAXUINT || !deprel_is (c, verb, "acl:relcl"))
        continue;
      guint noun = head_of (c, verb);
      /* the noun phrase ends before its relative clause */
      int antecedent = noun == G_MAXUINT ? -1 : kg__mention_of_head (c->doc, noun, mention (c, m)->first_token);
      if (antecedent >= 0 && (guint) antecedent != m)
        join (c, m, antecedent, "relative");
    }
}

static gboolean
inside_quotes (const Coref *c, guint t)
{
  const KgSentence *s = kg_document_get_sentence (c->doc, kg_document_find_sentence (c->doc, t));
  guint quotes = 0;
  for (guint k = s->first_token; k < t; k++)
    quotes += strcmp (token (c, k)->form, "\"") == 0;
  return quotes % 2 == 1;
}

/* Is mention e the one speaking in its sentence: the subject of a verb of
 * saying? */
static gboolean
is_speaker (const Coref *c, guint e)
{
  guint head = mention (c, e)->head;
  if (!deprel_is (c, head, "nsubj"))
    return FALSE;
  guint verb = head_of (c, head);
  return verb != G_MAXUINT && token (c, verb)->lemma
         && lower_in (token (c, verb)->lemma, reporting_verbs, G_N_ELEMENTS (reporting_verbs));
}

static gboolean
pronoun_agrees (Coref *c, const PronounInfo *p, guint e)
{
  guint root = find (c, e);
  KgEntityType type = group_type (c, root);
  if (type == KG_ENTITY_UNKNOWN && mention (c, e)->kind == KG_MENTION_NOMINAL)
    type = KG_ENTITY_PERSON;
  if (p->animate)
    {
      if (type != KG_ENTITY_PERSON)
        return FALSE;
      KgGender g = group_gender (c, root);
      return g == KG_GENDER_UNKNOWN || g == p->gender;
    }
  return type == KG_ENTITY_ORG || type == KG_ENTITY_GPE || (p->number == NUMBER_PLURAL && type == KG_ENTITY_NORP);
}

/* "In his speech, Berg said ...": a possessive in a phrase fronted before
 * the sentence's subject (a comma between them) points forward to that
 * subject when it agrees; G_MAXUINT when there is no such subject. */
static guint
cataphor (Coref *c, guint m, const PronounInfo *p)
{
  const KgMention *pm = mention (c, m);
  const char *form = token (c, pm->first_token)->form;
  if (g_ascii_strcasecmp (form, "his") != 0 && g_ascii_strcasecmp (form, "her") != 0
      && g_ascii_strcasecmp (form, "their") != 0)
    return G_MAXUINT;
  gboolean comma = FALSE;
  for (guint e = m + 1; e < c->n && c->sentence[e] == c->sentence[m]; e++)
    {
      const KgMention *em = mention (c, e);
      for (guint t = pm->first_token + 1; t < em->first_token && !comma; t++)
        comma = strcmp (token (c, t)->form, ",") == 0;
      if (em->kind != KG_MENTION_NAME || !deprel_is (c, em->head, "nsubj"))
        continue;
      return comma && pronoun_agrees (c, p, e) ? e : G_MAXUINT;
    }
  return G_MAXUINT;
}

static void
sieve_pronoun (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      const PronounInfo *p = c->pronoun[m];
      if (p == NULL)
        continue;
      guint forward = cataphor (c, m, p);
      if (forward != G_MAXUINT)
        {
          join (c, m, forward, "pronoun");
          continue;
        }
      const KgMention *pm = mention (c, m);
      guint sentence = c->sentence[m];
      gboolean quoted = inside_quotes (c, pm->first_token);
      guint best = G_MAXUINT;
      int best_score = G_MININT;
      /* back from the pronoun to the start of the window; mentions are in
       * text order */
      for (guint e = m; e-- > 0 && sentence - c->sentence[e] <= PRONOUN_WINDOW;)
        {
          const KgMention *em = mention (c, e);
          guint es = c->sentence[e];
          if (em->kind == KG_MENTION_DEMONYM || em->kind == KG_MENTION_VALUE
              || (em->kind == KG_MENTION_PRONOUN && find (c, e) == e))
            continue;
          if (es == sentence && quoted && is_speaker (c, e))
            continue;  /* "he" in a quotation is not its speaker */
          if (!pronoun_agrees (c, p, e))
            continue;
          /* "it" and "they" stand for things far more often than people do
           * and guess worse: only a subject is a good enough antecedent */
          if (!p->animate && !deprel_is (c, em->head, "nsubj") && !deprel_is (c, em->head, "nsubj:pass"))
            continue;
          /* nearer sentences first, then subjects, then the nearer mention */
          int score = -100 * (int) (sentence - es) + (deprel_is (c, em->head, "nsubj") ? 50 : 0) + (int) e;
          if (score >= best_score)  /* a tie goes to the earlier mention */
            best = e, best_score = score;
        }
      if (best != G_MAXUINT)
        join (c, m, best, "pronoun");
    }
}

/* ---- chains ------------------------------------------------------------------ */

/* The label of a group: its fullest name (a country by its usual name), or
 * the country of a nationality, or a value's text.  NULL if it has no
 * name. */
static char *
group_label (Coref *c, guint root, KgEntityType type)
{
  const Group *g = &c->group[root];
  guint best = g->longest_name;
  if (best != G_MAXUINT)
    {
      g_autofree char *text = mention_text (c, best);
      const char *alias = kg_lexicon_alias (c->lexicon, text);
      const char *country = type == KG_ENTITY_GPE ? kg_lexicon_country (c->lexicon, alias ? alias : text) : NULL;
      return g_strdup (country ? country : alias ? alias : text);
    }
  if (g->first_demonym != G_MAXUINT)
    return g_strdup (mention (c, g->first_demonym)->value);
  return g->first_value != G_MAXUINT ? mention_text (c, g->first_value) : NULL;
}

static void
make_chains (Coref *c)
{
  g_autofree int *chain_of_root = g_new (int, c->n);
  for (guint m = 0; m < c->n; m++)
    chain_of_root[m] = -2;  /* not decided */
  for (guint m = 0; m < c->n; m++)
    {
      guint root = find (c, m);
      if (chain_of_root[root] == -2)
        {
          KgEntityType type = group_type (c, root);
          g_autofree char *label = group_label (c, root, type);
          if (label == NULL)
            chain_of_root[root] = -1;
          else
            {
              g_autofree char *key = kg__entity_key (c->lexicon, label, type);
              chain_of_root[root] = (int) kg_document_add_chain (c->doc, key, label, type);
            }
        }
      KgMention *x = kg_document_get_mention_mut (c->doc, m);
      x->chain = chain_of_root[root];
      x->rule = kg_document_intern (c->doc, c->rule[m] ? c->rule[m] : "exact");
    }
}

void
kg__coref_resolve (const KgLexicon *lexicon, KgDocument *doc)
{
  find_pronouns_and_roles (lexicon, doc);
  kg__entity_mentions_set_heads (doc);

  Coref c = { .doc = doc, .lexicon = lexicon, .n = kg_document_get_n_mentions (doc) };
  c.parent = g_new (guint, MAX (c.n, 1));
  c.group = g_new (Group, MAX (c.n, 1));
  c.sentence = g_new (guint, MAX (c.n, 1));
  c.gender = g_new0 (KgGender, MAX (c.n, 1));
  c.rule = g_new0 (const char *, MAX (c.n, 1));
  c.key = g_new0 (char *, MAX (c.n, 1));
  c.role = g_new0 (char *, MAX (c.n, 1));
  c.role_country = g_new0 (char *, MAX (c.n, 1));
  c.pronoun = g_new0 (const PronounInfo *, MAX (c.n, 1));
  c.relative = g_new0 (gboolean, MAX (c.n, 1));
  for (guint m = 0; m < c.n; m++)
    {
      const KgMention *x = mention (&c, m);
      c.parent[m] = m;
      c.sentence[m] = kg_document_find_sentence (doc, x->first_token);
      if (x->kind == KG_MENTION_NAME)
        c.gender[m] = name_gender (&c, x);
      if (x->kind == KG_MENTION_NAME || x->kind == KG_MENTION_VALUE)
        {
          g_autofree char *text = mention_text (&c, m);
          c.key[m] = kg__entity_key (lexicon, text, x->type);
        }
      else if (x->kind == KG_MENTION_DEMONYM)
        c.key[m] = kg__entity_key (lexicon, x->value, KG_ENTITY_GPE);
      else if (x->kind == KG_MENTION_PRONOUN)
        {
          const char *form = token (&c, x->head)->form;
          c.pronoun[m] = pronoun_info (form);
          c.relative[m] = c.pronoun[m] == NULL;
        }
      else if (x->kind == KG_MENTION_NOMINAL)
        {
          c.role[m] = role_of_noun (&c, x->head);
          c.role_country[m] = office_country (&c, role_country_token (&c, x->head));
        }
      group_init (&c, m);
    }

  sieve_exact (&c);
  sieve_surname (&c);
  sieve_acronym (&c);
  sieve_fragment (&c);
  collect_titles (&c);
  sieve_appositive (&c);
  sieve_role (&c);
  sieve_relative (&c);
  sieve_pronoun (&c);
  make_chains (&c);

  for (guint m = 0; m < c.n; m++)
    {
      g_free (c.key[m]);
      g_free (c.role[m]);
      g_free (c.role_country[m]);
    }
  g_free (c.parent);
  g_free (c.group);
  g_free (c.sentence);
  g_free (c.gender);
  g_free (c.rule);
  g_free (c.key);
  g_free (c.role);
  g_free (c.role_country);
  g_free (c.pronoun);
  g_free (c.relative);
}
