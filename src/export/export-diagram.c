/* export-diagram.c: the selection, caps and merging behind every diagram
 * (export stage; the rules are in export-diagram.h).
 *
 * The method is the usual one for drawing large networks legibly: filter
 * by type, merge multi-edges, rank nodes by weighted degree (strength)
 * and keep the strongest, and never draw isolated nodes; a focus is a
 * breadth-first ego network.  Everything that is left out is counted, so
 * that the summary can say what the picture does not show.
 */
#include "export-diagram.h"
#include "kgraph/error.h"

#include <string.h>

static const KgEntityType named_types[] = {
  KG_ENTITY_PERSON, KG_ENTITY_ORG, KG_ENTITY_GPE, KG_ENTITY_LOC, KG_ENTITY_NORP, KG_ENTITY_EVENT,
};

static void
edge_free (gpointer data)
{
  KgDiagramEdge *edge = data;
  if (edge == NULL)
    return;
  g_ptr_array_unref (edge->facts);
  g_free (edge);
}

void
kg__diagram_free (KgDiagram *diagram)
{
  if (diagram == NULL)
    return;
  g_ptr_array_unref (diagram->nodes);
  g_ptr_array_unref (diagram->edges);
  g_hash_table_unref (diagram->aside);
  g_hash_table_unref (diagram->focus);
  g_free (diagram->summary);
  g_free (diagram);
}

GPtrArray *
kg__diagram_get_aside (const KgDiagram *diagram, const KgNode *node)
{
  static GPtrArray *empty;
  GPtrArray *facts = g_hash_table_lookup (diagram->aside, node);
  if (facts)
    return facts;
  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return empty;
}

gboolean
kg__diagram_node_matches (const KgNode *node, const char *folded_name)
{
  g_autofree char *label = g_utf8_casefold (kg_node_get_label (node), -1);
  if (strcmp (label, folded_name) == 0)
    return TRUE;
  for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
    {
      g_autofree char *alias = g_utf8_casefold (kg_node_get_alias (node, i)->form, -1);
      if (strcmp (alias, folded_name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- focus ---------------------------------------------------------------- */

/* Levenshtein distance over characters, of at most the first 64 of each. */
static guint
edit_distance (const char *a, const char *b)
{
  gunichar ca[64], cb[64];
  guint na = 0, nb = 0;
  for (const char *p = a; *p && na < 64; p = g_utf8_next_char (p))
    ca[na++] = g_utf8_get_char (p);
  for (const char *p = b; *p && nb < 64; p = g_utf8_next_char (p))
    cb[nb++] = g_utf8_get_char (p);
  guint row[65];
  for (guint j = 0; j <= nb; j++)
    row[j] = j;
  for (guint i = 1; i <= na; i++)
    {
      guint diagonal = row[0];
      row[0] = i;
      for (guint j = 1; j <= nb; j++)
        {
          guint up = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);
          row[j] = MIN (best, diagonal + (ca[i - 1] != cb[j - 1]));
          diagonal = up;
        }
    }
  return row[nb];
}

typedef struct {
  KgNode *node;
  guint score;  /* 0: the name contains the query or the query the name; else an edit distance */
} NearMatch;

static int
compare_near (gconstpointer a, gconstpointer b)
{
  const NearMatch *x = a, *y = b;
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  guint mx = kg_node_get_mentions (x->node), my = kg_node_get_mentions (y->node);
  if (mx != my)
    return mx > my ? -1 : 1;
  return strcmp (kg_node_get_key (x->node), kg_node_get_key (y->node));
}

/* "no entity is called 'X' (did you mean: A, B, C?)" */
static void
set_no_match_error (KgGraph *graph, const char *name, const char *folded, GError **error)
{
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (NearMatch));
  for (guint i = 0; i < nodes->len; i++)
    {
      KgNode *node = nodes->pdata[i];
      g_autofree char *label = g_utf8_casefold (kg_node_get_label (node), -1);
      guint score = (strstr (label, folded) || strstr (folded, label)) ? 0 : edit_distance (label, folded) + 1;
      /* or one word of the label, for a misspelt surname */
      g_auto (GStrv) words = g_strsplit (label, " ", -1);
      for (guint w = 0; score && words[w]; w++)
        if (*words[w])
          score = MIN (score, edit_distance (words[w], folded) + 1);
      for (guint a = 0; score && a < kg_node_get_n_aliases (node); a++)
        {
          g_autofree char *alias = g_utf8_casefold (kg_node_get_alias (node, a)->form, -1);
          if (strstr (alias, folded))
            score = 0;
        }
      /* an edit distance over half the query's length is no near match */
      if (score == 0 || score - 1 <= g_utf8_strlen (folded, -1) / 2)
        {
          NearMatch m = { node, score };
          g_array_append_val (near, m);
        }
    }
  g_array_sort (near, compare_near);
  g_autoptr (GString) list = g_string_new (NULL);
  for (guint i = 0; i < near->len && i < 8; i++)
    {
      KgNode *node = g_array_index (near, NearMatch, i).node;
      g_string_append_printf (list, "%s%s (%s)", i ? ", " : "", kg_node_get_label (node),
                              kg_entity_type_to_string (kg_node_get_entity_type (node)));
    }
  if (list->len)
    g_set_error (error, KG_ERROR, KG_ERROR_OPTION, "--focus: no entity is called '%s'; near matches: %s", name,
                 list->str);
  else
    g_set_error (error, KG_ERROR, KG_ERROR_OPTION,
                 "--focus: no entity is called '%s', and none has a similar name or alias "
                 "(NAME.entities.tsv lists them all)", name);
}

/* ---- the selection -------------------------------------------------------- */

typedef struct {
  KgNode *node;
  guint strength;  /* weighted degree over the candidate edges */
  guint distance;  /* from the focus; G_MAXUINT when not reached */
  gboolean kept;
} NodeInfo;

/* Edges by weight, then by the weighted degree of their nodes, then by
 * keys: the order in which the cap keeps them. */
static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *info = user_data;
  const KgDiagramEdge *x = *(KgDiagramEdge *const *) a, *y = *(KgDiagramEdge *const *) b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  guint sx = ((NodeInfo *) g_hash_table_lookup (info, x->subject))->strength
             + ((NodeInfo *) g_hash_table_lookup (info, x->object))->strength;
  guint sy = ((NodeInfo *) g_hash_table_lookup (info, y->subject))->strength
             + ((NodeInfo *) g_hash_table_lookup (info, y->object))->strength;
  if (sx != sy)
    return sx > sy ? -1 : 1;
  int c = strcmp (kg_node_get_key (x->subject), kg_node_get_key (y->subject));
  return c ? c : strcmp (kg_node_get_key (x->object), kg_node_get_key (y->object));
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const KgDiagramEdge *x = *(KgDiagramEdge *const *) a, *y = *(KgDiagramEdge *const *) b;
  int c = strcmp (kg_node_get_key (x->subject), kg_node_get_key (y->subject));
  return c ? c : strcmp (kg_node_get_key (x->object), kg_node_get_key (y->object));
}

/* Facts of an edge: heavier first; the sort is stable (graph order). */
static int
compare_facts (gconstpointer a, gconstpointer b)
{
  guint x = kg_edge_get_weight (*(KgEdge *const *) a), y = kg_edge_get_weight (*(KgEdge *const *) b);
  return x == y ? 0 : x > y ? -1 : 1;
}

static void
add_aside (GHashTable *aside, KgNode *node, KgEdge *fact)
{
  GPtrArray *facts = g_hash_table_lookup (aside, node);
  if (facts == NULL)
    g_hash_table_insert (aside, node, facts = g_ptr_array_new ());
  if (facts->len == 0 || facts->pdata[facts->len - 1] != fact)
    g_ptr_array_add (facts, fact);
}

static void
append_part (GString *text, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
append_part (GString *text, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_string_append (text, strchr (text->str, ';') ? ", " : "; left out: ");
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

KgDiagram *
kg__diagram_new (KgGraph *graph, const KgExportOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);

  gboolean drawable[KG_ENTITY_N_TYPES] = { FALSE };
  if (options->types)
    for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
      drawable[t] = (options->types >> t) & 1;
  else
    for (guint i = 0; i < G_N_ELEMENTS (named_types); i++)
      drawable[named_types[i]] = TRUE;
  if (options->concepts)
    for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
      if (!(t >= KG_ENTITY_PERSON && t <= KG_ENTITY_EVENT))
        drawable[t] = TRUE;
  guint max_nodes = options->max_nodes ? options->max_nodes : KG_DEFAULT_MAX_NODES;
  guint depth = options->depth ? options->depth : 1;

  GPtrArray *nodes = kg_graph_get_nodes (graph);
  GPtrArray *facts = kg_graph_get_edges (graph);
  g_autoptr (GHashTable) info = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n_entities = 0, n_undrawable = 0;
  for (guint i = 0; i < nodes->len; i++)
    {
      KgNode *node = nodes->pdata[i];
      if (drawable[kg_node_get_entity_type (node)])
        {
          NodeInfo *ni = g_new0 (NodeInfo, 1);
          ni->node = node;
          ni->distance = options->focus ? G_MAXUINT : 1;
          g_hash_table_insert (info, node, ni);
          n_entities++;
        }
      else
        n_undrawable++;
    }

  /* The focus may be of any type: it is drawn whatever the types. */
  g_autoptr (GPtrArray) focus = g_ptr_array_new ();
  if (options->focus)
    {
      g_autofree char *folded = g_utf8_casefold (options->focus, -1);
      for (guint i = 0; i < nodes->len; i++)
        if (kg__diagram_node_matches (nodes->pdata[i], folded))
          g_ptr_array_add (focus, nodes->pdata[i]);
      if (focus->len == 0)
        {
          set_no_match_error (graph, options->focus, folded, error);
          return NULL;
        }
      for (guint i = 0; i < focus->len; i++)
        {
          NodeInfo *ni = g_hash_table_lookup (info, focus->pdata[i]);
          if (ni == NULL)
            {
              ni = g_new0 (NodeInfo, 1);
              ni->node = focus->pdata[i];
              g_hash_table_insert (info, ni->node, ni);
            }
          ni->distance = 0;
        }
    }

  /* Candidate facts, merged by (subject, object). */
  guint n_self = 0, n_not_facts = 0, n_light = 0;
  g_autoptr (GHashTable) pairs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (edge_free);
  g_autoptr (GStringChunk) pair_keys = g_string_chunk_new (4096);
  KgDiagram *diagram = g_new0 (KgDiagram, 1);
  diagram->aside = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  diagram->focus = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < focus->len; i++)
    g_hash_table_add (diagram->focus, focus->pdata[i]);
  for (guint i = 0; i < facts->len; i++)
    {
      KgEdge *fact = facts->pdata[i];
      KgNode *s = kg_edge_get_subject (fact), *o = kg_edge_get_object (fact);
      NodeInfo *si = g_hash_table_lookup (info, s), *oi = g_hash_table_lookup (info, o);
      if (si == NULL || oi == NULL)
        continue;  /* in the tooltips, below */
      if (s == o)
        {
          n_self++;
          continue;
        }
      if (options->facts_only
          && (kg_edge_get_polarity (fact) != KG_POLARITY_POSITIVE || kg_edge_get_modality (fact) != KG_MODALITY_ASSERTED
              || kg_edge_get_attributed_to (fact) != NULL))
        {
          n_not_facts++;
          continue;
        }
      g_autofree char *key = g_strconcat (kg_node_get_id (s), " ", kg_node_get_id (o), NULL);
      KgDiagramEdge *edge = g_hash_table_lookup (pairs, key);
      if (edge == NULL)
        {
          edge = g_new0 (KgDiagramEdge, 1);
          edge->subject = s, edge->object = o;
          edge->facts = g_ptr_array_new ();
          g_ptr_array_add (candidates, edge);
          g_hash_table_insert (pairs, g_string_chunk_insert (pair_keys, key), edge);
        }
      g_ptr_array_add (edge->facts, fact);
      edge->weight += kg_edge_get_weight (fact);
    }
  guint min_weight = MAX (options->min_weight, 1);
  for (guint i = 0; i < candidates->len; i++)
    {
      KgDiagramEdge *edge = candidates->pdata[i];
      if (edge->weight < min_weight)
        {
          n_light += edge->facts->len;
          edge->weight = 0;  /* marks it left out */
        }
    }

  /* Breadth-first from the focus over the candidate edges. */
  guint n_outside = 0;
  if (options->focus)
    {
      for (guint level = 0; level < depth; level++)
        for (guint i = 0; i < candidates->len; i++)
          {
            KgDiagramEdge *edge = candidates->pdata[i];
            NodeInfo *si = g_hash_table_lookup (info, edge->subject), *oi = g_hash_table_lookup (info, edge->object);
            if (edge->weight == 0)
              continue;
            if (si->distance == level && oi->distance > level + 1)
              oi->distance = level + 1;
            if (oi->distance == level && si->distance > level + 1)
              si->distance = level + 1;
          }
      for (guint i = 0; i < candidates->len; i++)
        {
          KgDiagramEdge *edge = candidates->pdata[i];
          NodeInfo *si = g_hash_table_lookup (info, edge->subject), *oi = g_hash_table_lookup (info, edge->object);
          if (edge->weight && (si->distance > depth || oi->distance > depth))
            {
              n_outside += edge->facts->len;
              edge->weight = 0;
            }
        }
    }

  /* Strength, then the ranking and the cap. */
  for (guint i = 0; i < candidates->len; i++)
    {
      KgDiagramEdge *edge = candidates->pdata[i];
      if (edge->weight == 0)
        continue;
      ((NodeInfo *) g_hash_table_lookup (info, edge->subject))->strength += edge->weight;
      ((NodeInfo *) g_hash_table_lookup (info, edge->object))->strength += edge->weight;
    }
  guint n_reached = 0, n_isolated = 0, n_kept = 0;
  for (guint i = 0; i < nodes->len; i++)
    {
      NodeInfo *ni = g_hash_table_lookup (info, nodes->pdata[i]);
      if (ni == NULL || (options->focus && ni->distance > depth))
        continue;
      if (ni->strength > 0 || ni->distance == 0)
        n_reached++;
      else
        n_isolated++;
      if (ni->distance == 0)
        ni->kept = TRUE, n_kept++;
    }
  /* The heaviest edges first, each with its nodes while they fit. */
  g_autoptr (GPtrArray) ranked = g_ptr_array_new ();
  for (guint i = 0; i < candidates->len; i++)
    if (((KgDiagramEdge *) candidates->pdata[i])->weight > 0)
      g_ptr_array_add (ranked, candidates->pdata[i]);
  g_ptr_array_sort_with_data (ranked, compare_rank, info);
  for (guint i = 0; i < ranked->len && n_kept < max_nodes; i++)
    {
      KgDiagramEdge *edge = ranked->pdata[i];
      NodeInfo *si = g_hash_table_lookup (info, edge->subject), *oi = g_hash_table_lookup (info, edge->object);
      guint need = !si->kept + !oi->kept;
      if (n_kept + need <= max_nodes)
        {
          si->kept = oi->kept = TRUE;
          n_kept += need;
        }
    }
  guint n_capped = n_reached - n_kept;

  /* The drawn edges; the facts not drawn go into their entities' tooltips. */
  diagram->edges = g_ptr_array_new_with_free_func (edge_free);
  guint n_beyond_cap = 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      KgDiagramEdge *edge = candidates->pdata[i];
      NodeInfo *si = g_hash_table_lookup (info, edge->subject), *oi = g_hash_table_lookup (info, edge->object);
      if (edge->weight > 0 && !(si->kept && oi->kept))
        {
          n_beyond_cap += edge->facts->len;
          edge->weight = 0;
        }
      if (edge->weight == 0)
        continue;
      g_ptr_array_sort (edge->facts, compare_facts);
      diagram->n_facts += edge->facts->len;
      g_ptr_array_add (diagram->edges, candidates->pdata[i]);
      candidates->pdata[i] = NULL;
    }
  g_ptr_array_sort (diagram->edges, compare_pairs);

  diagram->nodes = g_ptr_array_new ();
  for (guint i = 0; i < nodes->len; i++)
    {
      NodeInfo *ni = g_hash_table_lookup (info, nodes->pdata[i]);
      if (ni && ni->kept)
        g_ptr_array_add (diagram->nodes, ni->node);
    }

  /* Every fact of a drawn node that is not drawn: in its tooltip. */
  g_autoptr (GHashTable) drawn_facts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < diagram->edges->len; i++)
    {
      KgDiagramEdge *edge = diagram->edges->pdata[i];
      for (guint f = 0; f < edge->facts->len; f++)
        g_hash_table_add (drawn_facts, edge->facts->pdata[f]);
    }
  g_autoptr (GHashTable) drawn_nodes = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < diagram->nodes->len; i++)
    g_hash_table_add (drawn_nodes, diagram->nodes->pdata[i]);
  guint n_with_undrawable = 0;
  for (guint i = 0; i < facts->len; i++)
    {
      KgEdge *fact = facts->pdata[i];
      KgNode *s = kg_edge_get_subject (fact), *o = kg_edge_get_object (fact);
      if (!g_hash_table_lookup (info, s) || !g_hash_table_lookup (info, o))
        n_with_undrawable++;
      if (g_hash_table_contains (drawn_facts, fact))
        continue;
      if (g_hash_table_contains (drawn_nodes, s))
        add_aside (diagram->aside, s, fact);
      if (g_hash_table_contains (drawn_nodes, o))
        add_aside (diagram->aside, o, fact);
    }

  diagram->engine_chosen = options->layout == NULL || strcmp (options->layout, "auto") == 0;
  diagram->engine = options->layout && strcmp (options->layout, "auto") != 0
                      ? options->layout
                      : diagram->nodes->len <= KG_DIAGRAM_DOT_MAX_NODES ? "dot" : "sfdp";

  GString *summary = g_string_new (NULL);
  g_string_printf (summary, "diagram: %u of %u %s, %u edge%s (%u of %u fact%s), laid out by %s%s",
                   diagram->nodes->len, n_entities, options->concepts ? "nodes" : "entities", diagram->edges->len,
                   diagram->edges->len == 1 ? "" : "s", diagram->n_facts, facts->len, facts->len == 1 ? "" : "s",
                   diagram->engine,
                   /* see export-render.c */
                   diagram->engine_chosen && strcmp (diagram->engine, "dot") == 0
                     ? " (neato or sfdp for a component too wide)" : "");
  if (n_undrawable)
    append_part (summary, "%u %s node%s and %u fact%s with them (in tooltips%s)", n_undrawable,
                 options->types ? "other-type" : "concept and value", n_undrawable == 1 ? "" : "s",
                 n_with_undrawable, n_with_undrawable == 1 ? "" : "s",
                 options->concepts || options->types ? "" : "; --concepts draws them");
  if (n_isolated)
    append_part (summary, "%u without a drawn fact", n_isolated);
  if (n_capped)
    append_part (summary, "%u beyond --max-nodes %u (the heaviest edges are kept; --max-nodes 0 draws all) "
                 "and %u fact%s with them", n_capped, max_nodes, n_beyond_cap, n_beyond_cap == 1 ? "" : "s");
  if (n_light)
    append_part (summary, "%u fact%s on edges below --min-weight %u", n_light, n_light == 1 ? "" : "s",
                 min_weight);
  if (n_outside)
    append_part (summary, "%u fact%s beyond --depth %u of '%s'", n_outside, n_outside == 1 ? "" : "s", depth,
                 options->focus);
  if (n_not_facts)
    append_part (summary, "%u negated, modal or attributed fact%s (--facts-only)", n_not_facts,
                 n_not_facts == 1 ? "" : "s");
  if (n_self)
    append_part (summary, "%u fact%s about itself", n_self, n_self == 1 ? "" : "s");
  diagram->summary = g_string_free (summary, FALSE);
  return diagram;
}

char *
kg_export_describe_diagram (KgGraph *graph, const KgExportOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL, NULL);
  g_autoptr (KgDiagram) diagram = kg__diagram_new (graph, options, error);
  return diagram ? g_steal_pointer (&diagram->summary) : NULL;
}
