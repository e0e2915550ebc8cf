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
 *                 speaker of the quotation the pronoun stands in
 *
 * Every group of linked mentions that holds a name (or a nationality, or a
 * value) becomes a chain with a key and a label; pronouns and descriptions
 * that link to no name stay unresolved, so no pronoun is ever a node.
 */
#include "entities-private.h"
#include "kgraph/canonical.h"

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

typedef struct {
  KgDocument *doc;
  const KgLexicon *lexicon;
  guint n;
  guint *parent;
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
static void
join (Coref *c, guint joiner, guint anchor, const char *rule)
{
  guint a = find (c, joiner), b = find (c, anchor);
  if (a == b)
    return;
  if (a < b)
    c->parent[b] = a;
  else
    c->parent[a] = b;
  if (c->rule[joiner] == NULL)
    c->rule[joiner] = rule;
}

static const KgMention *
mention (const Coref *c, guint m)
{
  return kg_document_get_mention (c->doc, m);
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
  guint counts[KG_ENTITY_N_TYPES] = { 0 };
  for (guint m = 0; m < c->n; m++)
    if (find (c, m) == root)
      {
        const KgMention *x = mention (c, m);
        if (x->kind == KG_MENTION_NAME || x->kind == KG_MENTION_VALUE)
          counts[x->type]++;
        else if (x->kind == KG_MENTION_DEMONYM)
          counts[KG_ENTITY_GPE]++;
      }
  KgEntityType best = KG_ENTITY_UNKNOWN;
  for (guint t = 1; t < KG_ENTITY_N_TYPES; t++)
    if (counts[t] > counts[best])
      best = t;
  return best;
}

/* The gender of a person group: from a pronoun already linked, else a
 * first name or a form of address. */
static KgGender
group_gender (Coref *c, guint root)
{
  for (guint m = 0; m < c->n; m++)
    if (find (c, m) == root && c->pronoun[m] && c->pronoun[m]->gender != KG_GENDER_UNKNOWN)
      return c->pronoun[m]->gender;
  for (guint m = 0; m < c->n; m++)
    {
      if (find (c, m) != root || mention (c, m)->kind != KG_MENTION_NAME)
        continue;
      const KgMention *x = mention (c, m);
      KgGender g = kg_lexicon_first_name_gender (c->lexicon, token (c, x->first_token)->form);
      for (guint k = x->first_token; g == KG_GENDER_UNKNOWN && k + 1 < x->first_token + x->n_tokens; k++)
        g = kg_lexicon_first_name_gender (c->lexicon, token (c, k)->form);
      if (g != KG_GENDER_UNKNOWN)
        return g;
    }
  return KG_GENDER_UNKNOWN;
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

/* The key of the country a role word belongs to: a nationality or country
 * name modifying it ("Iranian", "Belarus"), a possessor ("Iran's"), or
 * "of Belarus".  NULL if none. */
static char *
role_country (const Coref *c, guint t)
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
      const char *country = kg_lexicon_demonym_country (c->lexicon, token (c, k)->form);
      if (country == NULL)
        {
          int m = kg_document_find_mention (c->doc, k);
          if (m >= 0 && mention (c, m)->type == KG_ENTITY_GPE)
            {
              g_autofree char *text = mention_text (c, m);
              return kg__entity_key (c->lexicon, text, KG_ENTITY_GPE);
            }
          continue;
        }
      return kg_canonical_key (country);
    }
  return NULL;
}

static void
add_mention (KgDocument *doc, guint first, guint n, KgEntityType type, KgMentionKind kind)
{
  KgMention m = { .first_token = first, .n_tokens = n, .head = first + n - 1, .type = type, .kind = kind,
                  .chain = -1 };
  kg_document_add_mention (doc, &m);
}

/* Pronouns, relative pronouns and role descriptions ("the Iranian foreign
 * minister") become mentions too, so that sieves can link them. */
static void
find_pronouns_and_roles (const KgLexicon *lexicon, KgDocument *doc)
{
  Coref probe = { .doc = doc, .lexicon = lexicon };
  for (guint t = 0; t < kg_document_get_n_tokens (doc); t++)
    {
      const KgToken *tk = kg_document_get_token (doc, t);
      if (kg_document_find_mention (doc, t) >= 0)
        continue;
      if (tk->upos == KG_UPOS_PRON && (pronoun_info (tk->form)
                                       || lower_in (tk->form, relative_pronouns, G_N_ELEMENTS (relative_pronouns))))
        add_mention (doc, t, 1, KG_ENTITY_UNKNOWN, KG_MENTION_PRONOUN);
      else if ((tk->upos == KG_UPOS_NOUN || tk->upos == KG_UPOS_PROPN) && g_strcmp0 (tk->xpos, "NNS") != 0
               && g_strcmp0 (tk->xpos, "NNPS") != 0 && !deprel_is (&probe, t, "nmod:desc")
               && !deprel_is (&probe, t, "compound") && !deprel_is (&probe, t, "flat"))
        {
          /* one person: plurals ("ministers") are groups */
          g_autofree char *role = role_of_noun (&probe, t);
          if (role == NULL)
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
          add_mention (doc, first, t - first + 1, KG_ENTITY_PERSON, KG_MENTION_NOMINAL);
        }
    }
}

/* ---- the sieves ------------------------------------------------------------ */

static gboolean
is_named (const KgMention *m)
{
  return m->kind == KG_MENTION_NAME || m->kind == KG_MENTION_DEMONYM;
}

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
  for (guint m = 0; m < c->n; m++)
    for (guint e = 0; e < m && c->key[m]; e++)
      if (c->key[e] && mention (c, e)->kind != KG_MENTION_VALUE && mention (c, m)->kind != KG_MENTION_VALUE
          && strcmp (c->key[e], c->key[m]) == 0 && types_agree (mention (c, e)->type, mention (c, m)->type))
        {
          join (c, m, e, is_named (mention (c, m)) && mention (c, m)->kind == KG_MENTION_DEMONYM ? "demonym"
                                                                                                 : "exact");
          break;
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
  if (g_utf8_collate (last_short, last_long) != 0)
    return FALSE;
  guint k = longer->first_token;
  for (guint i = 0; i < shorter->n_tokens; i++)
    {
      const char *word = token (c, shorter->first_token + i)->form;
      gboolean initial = strlen (word) == 2 && word[1] == '.';
      gboolean found = FALSE;
      for (; k < longer->first_token + longer->n_tokens && !found; k++)
        found = g_utf8_collate (word, token (c, k)->form) == 0 || (initial && token (c, k)->form[0] == word[0]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
sieve_surname (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *shorter = mention (c, m);
      if (shorter->kind != KG_MENTION_NAME || shorter->type != KG_ENTITY_PERSON)
        continue;
      guint candidate = G_MAXUINT;
      gboolean ambiguous = FALSE;
      for (guint e = 0; e < c->n; e++)
        {
          const KgMention *longer = mention (c, e);
          if (e == m || longer->kind != KG_MENTION_NAME || longer->type != KG_ENTITY_PERSON
              || !name_inside (c, shorter, longer))
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
is_acronym (const char *word)
{
  gsize n = strlen (word);
  if (n < 2 || n > 8)
    return FALSE;
  for (const char *p = word; *p; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
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

static void
sieve_acronym (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      const KgMention *acr = mention (c, m);
      if (acr->kind != KG_MENTION_NAME || acr->n_tokens != 1 || !is_acronym (token (c, acr->first_token)->form))
        continue;
      const char *word = token (c, acr->first_token)->form;
      for (guint e = 0; e < c->n; e++)
        {
          const KgMention *full = mention (c, e);
          if (e == m || full->kind != KG_MENTION_NAME || full->n_tokens < 2 || full->type == KG_ENTITY_PERSON)
            continue;
          guint after = full->first_token + full->n_tokens;
          gboolean defined = after + 2 < kg_document_get_n_tokens (c->doc)
                             && strcmp (token (c, after)->form, "(") == 0
                             && strcmp (token (c, after + 1)->form, word) == 0;
          g_autofree char *letters = initials (c, full);
          if (defined || strcmp (letters, word) == 0)
            {
              join (c, m, e, "acronym");
              break;
            }
        }
    }
}

/* The mention whose head is token t, G_MAXUINT if none. */
static guint
mention_headed_by (const Coref *c, guint t)
{
  for (guint m = 0; m < c->n; m++)
    if (mention (c, m)->head == t)
      return m;
  return G_MAXUINT;
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
      if (role == NULL)
        continue;
      c->role[m] = g_steal_pointer (&role);
      c->role_country[m] = role_country (c, title);
      if (c->role_country[m] == NULL)
        c->role_country[m] = role_country (c, x->head);
    }
}

static gboolean
roles_match (const char *wanted, const char *held)
{
  if (strcmp (wanted, held) == 0)
    return TRUE;
  /* "minister" matches "foreign minister": the same head word */
  const char *space = strrchr (held, ' ');
  return space && strchr (wanted, ' ') == NULL && strcmp (space + 1, wanted) == 0;
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
          if (!counterpart && !roles_match (c->role[m], c->role[e]))
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

static void
sieve_pronoun (Coref *c)
{
  for (guint m = 0; m < c->n; m++)
    {
      const PronounInfo *p = c->pronoun[m];
      if (p == NULL)
        continue;
      const KgMention *pm = mention (c, m);
      guint sentence = kg_document_find_sentence (c->doc, pm->first_token);
      gboolean quoted = inside_quotes (c, pm->first_token);
      guint best = G_MAXUINT;
      int best_score = G_MININT;
      for (guint e = 0; e < m; e++)
        {
          const KgMention *em = mention (c, e);
          guint es = kg_document_find_sentence (c->doc, em->first_token);
          if (sentence - es > PRONOUN_WINDOW || em->kind == KG_MENTION_DEMONYM || em->kind == KG_MENTION_VALUE
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
          if (score > best_score)
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
  guint best = G_MAXUINT;
  for (guint m = 0; m < c->n; m++)
    {
      if (find (c, m) != root || mention (c, m)->kind != KG_MENTION_NAME)
        continue;
      if (best == G_MAXUINT || mention (c, m)->n_tokens > mention (c, best)->n_tokens)
        best = m;
    }
  if (best != G_MAXUINT)
    {
      g_autofree char *text = mention_text (c, best);
      const char *alias = kg_lexicon_alias (c->lexicon, text);
      const char *country = type == KG_ENTITY_GPE ? kg_lexicon_country (c->lexicon, alias ? alias : text) : NULL;
      return g_strdup (country ? country : alias ? alias : text);
    }
  for (guint m = 0; m < c->n; m++)
    if (find (c, m) == root && mention (c, m)->kind == KG_MENTION_DEMONYM)
      return g_strdup (mention (c, m)->value);
  for (guint m = 0; m < c->n; m++)
    if (find (c, m) == root && mention (c, m)->kind == KG_MENTION_VALUE)
      return mention_text (c, m);
  return NULL;
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
          c.role_country[m] = role_country (&c, x->head);
        }
    }

  sieve_exact (&c);
  sieve_surname (&c);
  sieve_acronym (&c);
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
  g_free (c.rule);
  g_free (c.key);
  g_free (c.role);
  g_free (c.role_country);
  g_free (c.pronoun);
  g_free (c.relative);
}
