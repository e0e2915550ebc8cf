/* entity-merge.c: one node per real-world entity across documents (entity
 * stage, once every document is in the graph; see entity-merge.h).
 *
 * Within a document coreference already linked "Araghchi" to "Seyed Abbas
 * Araghchi"; across documents the same rules run on the graph's nodes:
 *
 *   surname   a person node whose name lies inside exactly one fuller
 *             person name of the corpus joins it ("Abbas Araghchi",
 *             "Araghchi" -> "Seyed Abbas Araghchi"; "A. Lukashenko");
 *             two fuller names ("Mohammad Reza Aref", "Mohammad Reza
 *             Ashtiani") make "Mohammad Reza" ambiguous, and it stays
 *   acronym   an acronym node joins the one node that has it as an alias
 *             (it was defined in another document) or whose initials it is
 *
 * Then the user's rules (--aliases FILE), applied on every run:
 *
 *   A = B       merge A into B            A != B    never merge them
 *   A -> TYPE   A is of type TYPE         !A        drop A and its facts
 *
 * Names are matched by canonical key, so "U.S." finds "United States", and
 * a name that is an alias of one node only finds that node.
 */
#include "entity-merge.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "read/read-file.h"
#include "nlp/tally.h"
#include "nlp/word-shape.h"

#include <string.h>

typedef enum { RULE_MERGE, RULE_APART, RULE_TYPE, RULE_DROP } RuleKind;

typedef struct {
  RuleKind kind;
  char *a, *b;          /* canonical keys; b for MERGE and APART */
  KgEntityType type;    /* for TYPE */
} Rule;

struct _KgAliasRules {
  GArray *rules;
};

static void
rule_clear (Rule *rule)
{
  g_free (rule->a);
  g_free (rule->b);
}

void
kg_alias_rules_free (KgAliasRules *rules)
{
  if (rules == NULL)
    return;
  g_array_unref (rules->rules);
  g_free (rules);
}

static gboolean
fail_line (GError **error, const char *path, guint line, const char *what)
{
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u: %s", kg_read_file_display_name (path), line, what);
  return FALSE;
}

/* Splits "A <sep> B" at the first separator; TRUE if found, both sides
 * trimmed and non-empty. */
static gboolean
split_at (const char *line, const char *sep, char **a, char **b)
{
  const char *at = strstr (line, sep);
  if (at == NULL)
    return FALSE;
  *a = g_strstrip (g_strndup (line, at - line));
  *b = g_strstrip (g_strdup (at + strlen (sep)));
  if (**a && **b)
    return TRUE;
  g_clear_pointer (a, g_free);
  g_clear_pointer (b, g_free);
  return FALSE;
}

static gboolean
parse_rule (const char *path, guint line, char *text, Rule *rule, GError **error)
{
  char *a = NULL, *b = NULL;
  memset (rule, 0, sizeof *rule);
  if (text[0] == '!' && text[1] != '=')
    {
      rule->kind = RULE_DROP;
      a = g_strstrip (g_strdup (text + 1));
    }
  else if (split_at (text, "!=", &a, &b))
    rule->kind = RULE_APART;
  else if (split_at (text, "->", &a, &b))
    {
      rule->kind = RULE_TYPE;
      if (!kg_entity_type_from_string (b, &rule->type))
        {
          g_autofree char *what = g_strdup_printf ("unknown entity type '%s'", b);
          g_free (a);
          g_free (b);
          return fail_line (error, path, line, what);
        }
      g_clear_pointer (&b, g_free);
    }
  else if (split_at (text, "=", &a, &b))
    rule->kind = RULE_MERGE;
  else
    return fail_line (error, path, line, "expected 'A = B', 'A != B', 'A -> TYPE' or '!A'");
  if (a == NULL || *a == '\0')
    {
      g_free (a);
      g_free (b);
      return fail_line (error, path, line, "a rule needs a name");
    }
  rule->a = kg_canonical_key (a);
  rule->b = b ? kg_canonical_key (b) : NULL;
  g_free (a);
  g_free (b);
  return TRUE;
}

KgAliasRules *
kg_alias_rules_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr (GBytes) bytes = kg_read_text_file (path, (gsize) 64 << 20, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (KgAliasRules) rules = g_new0 (KgAliasRules, 1);
  rules->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  g_array_set_clear_func (rules->rules, (GDestroyNotify) rule_clear);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *text = g_strstrip (lines[i]);
      if (*text == '\0' || *text == '#')
        continue;
      Rule rule;
      if (!parse_rule (path, i + 1, text, &rule, error))
        return NULL;
      g_array_append_val (rules->rules, rule);
    }
  return g_steal_pointer (&rules);
}

/* ---- corpus-wide merging ---------------------------------------------------
 *
 * Each rule is one pass over the nodes with an index of the candidates
 * (persons by surname, organisations by acronym), so that the work grows
 * with the graph, not with its square.  Nodes merged away are marked gone
 * and never touched again; the passes repeat until nothing merges, as one
 * merge can make another possible.
 */

static gboolean
kept_apart (const KgAliasRules *rules, const KgNode *x, const KgNode *y)
{
  for (guint i = 0; rules && i < rules->rules->len; i++)
    {
      const Rule *r = &g_array_index (rules->rules, Rule, i);
      if (r->kind == RULE_APART
          && ((strcmp (r->a, kg_node_get_key (x)) == 0 && strcmp (r->b, kg_node_get_key (y)) == 0)
              || (strcmp (r->a, kg_node_get_key (y)) == 0 && strcmp (r->b, kg_node_get_key (x)) == 0)))
        return TRUE;
    }
  return FALSE;
}

/* A node taking part in a pass. */
typedef struct {
  KgNode *node;
  char **words;       /* its label's words */
  guint n_words;
  gboolean initials;  /* some word is an initial: "A." */
  gboolean gone;      /* merged into another in this pass */
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_strfreev (c->words);
}

static gboolean
is_initial (const char *word)
{
  return strlen (word) == 2 && word[1] == '.';
}

/* Is every word of the shorter name, in order, a word (or the initial) of
 * the longer, both ending in the same word? */
static gboolean
name_inside (const Candidate *shorter, const Candidate *longer)
{
  guint ns = shorter->n_words, nl = longer->n_words;
  /* shorter, or as long with initials ("A. Lukashenko") */
  if (ns > nl || (ns == nl && !shorter->initials) || strcmp (shorter->words[ns - 1], longer->words[nl - 1]) != 0)
    return FALSE;
  guint k = 0;
  for (guint i = 0; i < ns; i++)
    {
      const char *word = shorter->words[i];
      gboolean found = FALSE;
      for (; k < nl && !found; k++)
        found = strcmp (word, longer->words[k]) == 0 || (is_initial (word) && longer->words[k][0] == word[0]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Longest names first, full names before names with initials, then by key. */
static gint
compare_longest_first (gconstpointer pa, gconstpointer pb)
{
  const Candidate *a = pa, *b = pb;
  if (a->n_words != b->n_words)
    return a->n_words > b->n_words ? -1 : 1;
  if (a->initials != b->initials)
    return a->initials ? 1 : -1;
  return strcmp (kg_node_get_key (a->node), kg_node_get_key (b->node));
}

/* The one candidate of the n indices of list, other than self, that
 * accepts self (by accepts), unless a rule keeps them apart; NULL for none
 * or several. */
static Candidate *
only_match (GArray *candidates, const guint *list, guint n, const Candidate *self, const KgAliasRules *rules,
            gboolean (*accepts) (const Candidate *self, const Candidate *other))
{
  Candidate *into = NULL;
  for (guint j = 0; j < n; j++)
    {
      Candidate *other = &g_array_index (candidates, Candidate, list[j]);
      if (other == self || other->gone || !accepts (self, other) || kept_apart (rules, self->node, other->node))
        continue;
      if (into)
        return NULL;
      into = other;
    }
  return into;
}

/* The nodes of the graph, or those of one type, as candidates. */
static GArray *
candidates_new (KgGraph *graph, gboolean persons)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    {
      KgNode *node = nodes->pdata[i];
      if ((kg_node_get_entity_type (node) == KG_ENTITY_PERSON) != persons)
        continue;
      Candidate c = { node, g_strsplit (kg_node_get_label (node), " ", -1), 0, FALSE, FALSE };
      c.n_words = g_strv_length (c.words);
      for (guint w = 0; c.words[w]; w++)
        c.initials = c.initials || is_initial (c.words[w]);
      if (c.n_words == 0)
        {
          candidate_clear (&c);
          continue;
        }
      g_array_append_val (candidates, c);
    }
  return candidates;
}

/* How many of list (indices into names, in names' longest-first order)
 * could hold self's name: those with more words, and with as many when
 * self has initials.  Only they are compared, so that a surname shared by
 * thousands of two-word names costs no comparison between them. */
static guint
fuller_names (GArray *names, GArray *list, const Candidate *self)
{
  guint lo = 0, hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint words = g_array_index (names, Candidate, g_array_index (list, guint, mid)).n_words;
      if (words > self->n_words || (words == self->n_words && self->initials))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Merges each node (of persons, or of the other types) whose name lies
 * inside exactly one fuller name, as inside() says, into it.  Longest
 * names go first, so that "Araghchi", inside both "Abbas Araghchi" and
 * "Seyed Abbas Araghchi", comes after the one has joined the other.
 * Returns whether it merged anything. */
static gboolean
merge_into_fuller_names (KgGraph *graph, const KgAliasRules *rules, gboolean persons,
                         gboolean (*inside) (const Candidate *shorter, const Candidate *longer), const char *rule)
{
  g_autoptr (GArray) names = candidates_new (graph, persons);
  g_array_sort (names, compare_longest_first);
  g_autoptr (GHashTable) by_last = kg_index_new ();
  for (guint i = 0; i < names->len; i++)
    {
      const Candidate *c = &g_array_index (names, Candidate, i);
      kg_index_add (by_last, c->words[c->n_words - 1], i);
    }
  gboolean merged = FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      Candidate *shorter = &g_array_index (names, Candidate, i);
      GArray *list = g_hash_table_lookup (by_last, shorter->words[shorter->n_words - 1]);
      guint n = fuller_names (names, list, shorter);
      Candidate *into = only_match (names, (const guint *) list->data, n, shorter, rules, inside);
      if (into == NULL)
        continue;
      shorter->gone = TRUE;
      kg_graph_merge_nodes (graph, shorter->node, into->node, persons && shorter->initials ? "initials" : rule);
      merged = TRUE;
    }
  return merged;
}

/* Whether two organisations' names are one cut short: the shorter's words
 * end the longer's ("Scientology", "Church of Scientology"). */
static gboolean
org_name_ends (const Candidate *shorter, const Candidate *longer)
{
  guint ns = shorter->n_words, nl = longer->n_words;
  if (ns >= nl || kg_node_get_entity_type (shorter->node) != KG_ENTITY_ORG
      || kg_node_get_entity_type (longer->node) != KG_ENTITY_ORG)
    return FALSE;
  for (guint i = 0; i < ns; i++)
    if (strcmp (shorter->words[i], longer->words[nl - ns + i]) != 0)
      return FALSE;
  return TRUE;
}

/* The initials of the capitalised words of a name: "Eurasian Economic
 * Union" -> "EEU".  (transfer full) */
static char *
initials_of (char **words)
{
  GString *letters = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    if (g_ascii_isupper (words[i][0]))
      g_string_append_c (letters, words[i][0]);
  return g_string_free (letters, FALSE);
}

static gboolean
accepts_any (const Candidate *self, const Candidate *other)
{
  return TRUE;
}

/* An acronym node (not a person) joins the one other node that has the
 * acronym among its aliases (defined in another document) or as its
 * initials.  Returns whether it merged anything. */
static gboolean
merge_acronyms (KgGraph *graph, const KgAliasRules *rules)
{
  g_autoptr (GArray) nodes = candidates_new (graph, FALSE);
  g_autoptr (GHashTable) by_acronym = kg_index_new ();
  for (guint i = 0; i < nodes->len; i++)
    {
      const Candidate *c = &g_array_index (nodes, Candidate, i);
      for (guint a = 0; a < kg_node_get_n_aliases (c->node); a++)
        {
          const char *form = kg_node_get_alias (c->node, a)->form;
          if (kg_word_is_acronym (form))
            kg_index_add (by_acronym, form, i);
        }
      g_autofree char *initials = initials_of (c->words);
      if (strlen (initials) >= 2)
        kg_index_add (by_acronym, initials, i);
    }
  gboolean merged = FALSE;
  for (guint i = 0; i < nodes->len; i++)
    {
      Candidate *acronym = &g_array_index (nodes, Candidate, i);
      const char *label = kg_node_get_label (acronym->node);
      if (acronym->gone || !kg_word_is_acronym (label))
        continue;
      /* an acronym the alias table resolved ("U.S." -> united states) is
       * known already, whatever other names have its initials */
      g_autofree char *own_key = kg_canonical_key (label);
      if (strcmp (own_key, kg_node_get_key (acronym->node)) != 0)
        continue;
      GArray *list = g_hash_table_lookup (by_acronym, label);
      Candidate *into = list ? only_match (nodes, (const guint *) list->data, list->len, acronym, rules, accepts_any)
                             : NULL;
      if (into == NULL)
        continue;
      acronym->gone = TRUE;
      kg_graph_merge_nodes (graph, acronym->node, into->node, "acronym");
      merged = TRUE;
    }
  return merged;
}

/* ---- the user's rules ---------------------------------------------------------- */

/* Where the user's rules find nodes: by key, or by the key of an alias
 * that only one node has ("Volfovich" for "Alexander Volfovich").  Nodes
 * are held by key, which the graph keeps leading to a merged node. */
typedef struct {
  KgGraph *graph;
  GHashTable *by_alias;  /* alias key -> node key, or "" when several nodes have it */
} Finder;

static void
finder_init (Finder *finder, KgGraph *graph)
{
  finder->graph = graph;
  finder->by_alias = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    for (guint a = 0; a < kg_node_get_n_aliases (nodes->pdata[i]); a++)
      {
        char *alias_key = kg_canonical_key (kg_node_get_alias (nodes->pdata[i], a)->form);
        const char *node_key = kg_node_get_key (nodes->pdata[i]);
        const char *seen = g_hash_table_lookup (finder->by_alias, alias_key);
        if (seen == NULL)
          g_hash_table_insert (finder->by_alias, alias_key, g_strdup (node_key));
        else
          {
            if (strcmp (seen, node_key) != 0)
              g_hash_table_insert (finder->by_alias, g_strdup (alias_key), g_strdup (""));
            g_free (alias_key);
          }
      }
}

static KgNode *
finder_find (const Finder *finder, const char *key)
{
  KgNode *node = kg_graph_lookup_node (finder->graph, key);
  if (node)
    return node;
  const char *node_key = g_hash_table_lookup (finder->by_alias, key);
  return node_key && *node_key ? kg_graph_lookup_node (finder->graph, node_key) : NULL;
}

static void
apply_user_rules (KgGraph *graph, const KgAliasRules *rules)
{
  if (rules == NULL || rules->rules->len == 0)
    return;
  Finder finder;
  finder_init (&finder, graph);
  for (guint i = 0; i < rules->rules->len; i++)
    {
      const Rule *r = &g_array_index (rules->rules, Rule, i);
      KgNode *a = finder_find (&finder, r->a);
      if (a == NULL)
        continue;
      switch (r->kind)
        {
        case RULE_MERGE:
          {
            KgNode *b = finder_find (&finder, r->b);
            if (b && b != a)
              kg_graph_merge_nodes (graph, a, b, "user");
            break;
          }
        case RULE_TYPE:
          kg_node_set_entity_type (a, r->type);
          break;
        case RULE_DROP:
          kg_graph_remove_node (graph, a);
          break;
        case RULE_APART:
          break;
        }
    }
  g_hash_table_unref (finder.by_alias);
}

/* The one person holding office of owner_key, or NULL (none, or several). */
static KgNode *
office_holder (KgGraph *graph, const char *office, const char *owner_key)
{
  /* by node, not key: the owner may have merged into a fuller name since */
  KgNode *owner = kg_graph_lookup_node (graph, owner_key);
  KgNode *holder = NULL;
  if (owner == NULL)
    return NULL;
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      const KgEdge *edge = edges->pdata[i];
      const char *held = kg_edge_get_office (edge);
      KgNode *person = kg_edge_get_subject (edge);
      if (held == NULL || !kg_office_matches (office, held) || kg_node_get_entity_type (person) != KG_ENTITY_PERSON
          || kg_edge_get_object (edge) != owner || kg_is_office_key (kg_node_get_key (person)))
        continue;
      if (holder && holder != person)
        return NULL;
      holder = person;
    }
  return holder;
}

guint
kg_entities_resolve_offices (KgGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);
  guint unresolved = 0;
  g_autoptr (GPtrArray) nodes = g_ptr_array_copy (kg_graph_get_nodes (graph), NULL, NULL);
  for (guint i = 0; i < nodes->len; i++)
    {
      KgNode *node = nodes->pdata[i];
      g_autofree char *office = NULL, *owner_key = NULL;
      if (!kg_office_key_parse (kg_node_get_key (node), &office, &owner_key))
        continue;
      KgNode *holder = office_holder (graph, office, owner_key);
      if (holder)
        kg_graph_merge_nodes (graph, node, holder, "role");
      else
        {
          /* a description of someone, not a name: a concept of the graph */
          kg_node_set_entity_type (node, KG_ENTITY_CONCEPT);
          unresolved++;
        }
    }
  return unresolved;
}

void
kg_entities_consolidate (KgGraph *graph, const KgAliasRules *rules)
{
  g_return_if_fail (graph != NULL);
  gboolean merged = TRUE;
  while (merged)
    {
      /* a person's surname or initials; an organisation's name cut short,
       * as coreference does within a document ("fragment") */
      merged = merge_into_fuller_names (graph, rules, TRUE, name_inside, "surname");
      merged = merge_into_fuller_names (graph, rules, FALSE, org_name_ends, "fragment") || merged;
      merged = merge_acronyms (graph, rules) || merged;
    }
  apply_user_rules (graph, rules);
}
