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
#include "read-file.h"

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
  g_autoptr (GBytes) bytes = kg_read_file (path, (gsize) 64 << 20, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (!kg_check_utf8 (path, data, length, error))
    return NULL;
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

/* ---- corpus-wide merging --------------------------------------------------- */

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

/* Is every word of the shorter name, in order, a word (or the initial) of
 * the longer, both ending in the same word? */
static gboolean
name_inside (char **shorter, char **longer)
{
  guint ns = g_strv_length (shorter), nl = g_strv_length (longer);
  gboolean has_initial = FALSE;
  for (guint i = 0; i < ns; i++)
    has_initial = has_initial || (strlen (shorter[i]) == 2 && shorter[i][1] == '.');
  /* shorter, or as long with initials ("A. Lukashenko") */
  if (ns > nl || (ns == nl && !has_initial) || g_utf8_collate (shorter[ns - 1], longer[nl - 1]) != 0)
    return FALSE;
  guint k = 0;
  for (guint i = 0; i < ns; i++)
    {
      gboolean initial = strlen (shorter[i]) == 2 && shorter[i][1] == '.';
      gboolean found = FALSE;
      for (; k < nl && !found; k++)
        found = g_utf8_collate (shorter[i], longer[k]) == 0 || (initial && longer[k][0] == shorter[i][0]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gint
compare_by_words (gconstpointer a, gconstpointer b)
{
  const char *la = kg_node_get_label (*(KgNode *const *) a), *lb = kg_node_get_label (*(KgNode *const *) b);
  guint wa = 1, wb = 1;
  for (const char *p = la; *p; p++)
    wa += *p == ' ';
  for (const char *p = lb; *p; p++)
    wb += *p == ' ';
  if (wa != wb)
    return wa > wb ? -1 : 1;
  return strcmp (kg_node_get_key (*(KgNode *const *) a), kg_node_get_key (*(KgNode *const *) b));
}

/* Merges the first person node (shortest names first) whose name lies
 * inside exactly one other's.  "Araghchi" inside both "Abbas Araghchi" and
 * "Seyed Abbas Araghchi" waits until the one has joined the other.
 * Returns whether it merged anything. */
static gboolean
merge_surnames (KgGraph *graph, const KgAliasRules *rules)
{
  g_autoptr (GPtrArray) persons = g_ptr_array_new ();
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    if (kg_node_get_entity_type (nodes->pdata[i]) == KG_ENTITY_PERSON)
      g_ptr_array_add (persons, nodes->pdata[i]);
  g_ptr_array_sort (persons, compare_by_words);
  for (guint i = persons->len; i > 0; i--)
    {
      KgNode *shorter = persons->pdata[i - 1];
      g_auto (GStrv) words = g_strsplit (kg_node_get_label (shorter), " ", -1);
      KgNode *into = NULL;
      gboolean ambiguous = FALSE;
      for (guint j = 0; j < persons->len; j++)
        {
          KgNode *longer = persons->pdata[j];
          if (longer == shorter)
            continue;
          g_auto (GStrv) full = g_strsplit (kg_node_get_label (longer), " ", -1);
          if (!name_inside (words, full) || kept_apart (rules, shorter, longer))
            continue;
          ambiguous = ambiguous || into != NULL;
          into = longer;
        }
      if (into && !ambiguous)
        {
          gboolean initials = strstr (kg_node_get_label (shorter), ". ") != NULL;
          kg_graph_merge_nodes (graph, shorter, into, initials ? "initials" : "surname");
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_acronym (const char *label)
{
  gsize n = strlen (label);
  if (n < 2 || n > 8)
    return FALSE;
  for (const char *p = label; *p; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
has_alias (const KgNode *node, const char *form)
{
  for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
    if (strcmp (kg_node_get_alias (node, i)->form, form) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
initials_are (const char *label, const char *acronym)
{
  GString *letters = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit (label, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (g_ascii_isupper (words[i][0]))
      g_string_append_c (letters, words[i][0]);
  gboolean same = strcmp (letters->str, acronym) == 0;
  g_string_free (letters, TRUE);
  return same;
}

/* One pass of the acronym rule; returns whether it merged anything. */
static gboolean
merge_acronyms (KgGraph *graph, const KgAliasRules *rules)
{
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    {
      KgNode *acronym = nodes->pdata[i];
      const char *label = kg_node_get_label (acronym);
      if (!is_acronym (label) || kg_node_get_entity_type (acronym) == KG_ENTITY_PERSON)
        continue;
      KgNode *into = NULL;
      gboolean ambiguous = FALSE;
      for (guint j = 0; j < nodes->len; j++)
        {
          KgNode *full = nodes->pdata[j];
          if (full == acronym || kg_node_get_entity_type (full) == KG_ENTITY_PERSON
              || kept_apart (rules, acronym, full)
              || !(has_alias (full, label) || initials_are (kg_node_get_label (full), label)))
            continue;
          ambiguous = ambiguous || into != NULL;
          into = full;
        }
      if (into && !ambiguous)
        {
          kg_graph_merge_nodes (graph, acronym, into, "acronym");
          return TRUE;
        }
    }
  return FALSE;
}

/* The node a rule names: the one with that key, else the one node that
 * has it among its aliases ("Volfovich" for "Alexander Volfovich"). */
static KgNode *
find_node (KgGraph *graph, const char *key)
{
  KgNode *node = kg_graph_lookup_node (graph, key);
  if (node)
    return node;
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    for (guint a = 0; a < kg_node_get_n_aliases (nodes->pdata[i]); a++)
      {
        g_autofree char *alias_key = kg_canonical_key (kg_node_get_alias (nodes->pdata[i], a)->form);
        if (strcmp (alias_key, key) != 0)
          continue;
        if (node && node != nodes->pdata[i])
          return NULL;  /* ambiguous */
        node = nodes->pdata[i];
      }
  return node;
}

static void
apply_user_rules (KgGraph *graph, const KgAliasRules *rules)
{
  for (guint i = 0; rules && i < rules->rules->len; i++)
    {
      const Rule *r = &g_array_index (rules->rules, Rule, i);
      KgNode *a = find_node (graph, r->a);
      if (a == NULL)
        continue;
      switch (r->kind)
        {
        case RULE_MERGE:
          {
            KgNode *b = find_node (graph, r->b);
            if (b)
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
}

void
kg_entities_consolidate (KgGraph *graph, const KgAliasRules *rules)
{
  g_return_if_fail (graph != NULL);
  /* merges change the nodes: start over after each */
  while (merge_surnames (graph, rules) || merge_acronyms (graph, rules))
    ;
  apply_user_rules (graph, rules);
}
