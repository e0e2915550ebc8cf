/* test-export-dot.c: the DOT export read back by cgraph: one Graphviz node
 * per drawn entity (the legend adds none), labels, shapes and colours by
 * type, edge styles for negated and modal facts, parallel facts merged,
 * tooltips with the evidence and its time and place, the legend; what the
 * diagram selects (named entities by default, --concepts, caps, focus,
 * types, facts only, minimum weight) and says it left out; determinism,
 * and a clean lint. */
#include "sample-graph.h"
#include "export/dot-syntax.h"
#include "export/export-cgraph.h"
#include "export/export-text.h"
#include "export/export-diagram.h"

#include <string.h>

/* Everything drawn, as the tests of labels and styles want. */
static const KgExportOptions everything = {
  .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .concepts = TRUE, .max_nodes = G_MAXUINT,
};

static Agraph_t *
read_dot_with (KgGraph *graph, const KgExportOptions *options)
{
  gsize length;
  g_autofree char *dot = sample_export (graph, KG_FORMAT_DOT, options, &length);
  Agraph_t *g = agmemread (dot);
  g_assert_nonnull (g);
  return g;
}

static Agraph_t *
read_dot (KgGraph *graph)
{
  return read_dot_with (graph, &everything);
}

/* What Graphviz shows for attribute name of obj.  (transfer full) */
static char *
shown (void *obj, const char *name)
{
  return kg__dot_render_text (agget (obj, (char *) name));
}

static void
test_nodes (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Agraph_t) g = read_dot (graph);
  g_assert_cmpint (agnnodes (g), ==, kg_graph_get_n_nodes (graph));
  /* Iran's two facts about Belarus are one edge */
  g_assert_cmpint (agnedges (g), ==, kg_graph_get_n_edges (graph) - 1);
  g_assert_cmpstr (agget (g, "charset"), ==, "UTF-8");

  static const struct { const char *key, *label, *shape, *fill, *style; } cases[] = {
    { "alexander lukashenko", "Alexander Lukashenko", "ellipse", "lightblue", "filled" },
    { "sco", "SCO", "box", "palegreen", "filled" },
    { "iran", "Iran", "hexagon", "khaki", "filled" },
    { "roadmap", "roadmap", "box", "whitesmoke", "filled,rounded" },
    { "<b>ärzte co< b>", "<b>Ärzte & Co</b>", "box", "palegreen", "filled" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KgNode *node = kg_graph_lookup_node (graph, cases[i].key);
      g_assert_nonnull (node);
      Agnode_t *n = agnode (g, (char *) kg_node_get_id (node), FALSE);
      g_assert_nonnull (n);
      g_autofree char *label = shown (n, "label");
      g_autofree char *tooltip = shown (n, "tooltip");
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (agget (n, "shape"), ==, cases[i].shape);
      g_assert_cmpstr (agget (n, "fillcolor"), ==, cases[i].fill);
      g_assert_cmpstr (agget (n, "style"), ==, cases[i].style);
      g_assert_true (g_str_has_prefix (tooltip, kg_entity_type_to_string (kg_node_get_entity_type (node))));
      g_assert_nonnull (strstr (tooltip, cases[i].label));
    }
}

static Agedge_t *
find_edge (Agraph_t *g, KgGraph *graph, const char *subject, const char *predicate, const char *object)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      KgEdge *edge = edges->pdata[i];
      if (strcmp (kg_node_get_key (kg_edge_get_subject (edge)), subject) == 0
          && strcmp (kg_edge_get_predicate (edge), predicate) == 0
          && strcmp (kg_node_get_key (kg_edge_get_object (edge)), object) == 0)
        {
          Agnode_t *t = agnode (g, (char *) kg_node_get_id (kg_edge_get_subject (edge)), FALSE);
          Agnode_t *h = agnode (g, (char *) kg_node_get_id (kg_edge_get_object (edge)), FALSE);
          Agedge_t *e = agedge (g, t, h, (char *) kg_edge_get_id (edge), FALSE);
          g_assert_nonnull (e);
          return e;
        }
    }
  g_assert_not_reached ();
}

static void
test_edges (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Agraph_t) g = read_dot (graph);
  static const struct {
    const char *s, *p, *o, *label, *style, *color, *penwidth, *in_tooltip;
  } cases[] = {
    { "alexander lukashenko", "meet", "seyed abbas araghchi", "meet", "solid", "black", "2",
      "weight 2, confidence 0.98\nbelta-1 #2 [200-260]: Lukashenko met Araghchi in Minsk. (place: in Minsk)\n"
      "irna-7 #0 [0-60]: The two met on Tuesday. (time: on Tuesday)" },
    { "iran", "join", "sco", "not join", "dashed", "firebrick", "1", "Iran has not joined the SCO." },
    { "iran", "sign", "roadmap", "sign (future)", "dotted", "black", "1",
      "according to Seyed Abbas Araghchi\nirna-7 #4 [400-460]: Araghchi said Iran will sign the \"roadmap\"." },
    /* two facts, one edge: the predicates stacked, the weights summed */
    { "iran", "border", "belarus", "border\ntrade with", "solid", "black", "2",
      "Trade\twith tabs & \"quotes\"\nand C:\\news. (time: on \"13\tMarch\"\n2023; "
      "place: в Минске, در تهران & C:\\news 📰)" },
    /* a place without a sentence */
    { "iran", "border", "belarus", "border\ntrade with", "solid", "black", "2",
      "Iran border Belarus: weight 1, confidence 1\nbelta-1 #5 [500-560] (place: along the \"old\" road)" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Agedge_t *e = find_edge (g, graph, cases[i].s, cases[i].p, cases[i].o);
      g_autofree char *label = shown (e, "label");
      g_autofree char *tooltip = shown (e, "tooltip");
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (agget (e, "style"), ==, cases[i].style);
      g_assert_cmpstr (agget (e, "color"), ==, cases[i].color);
      g_assert_cmpstr (agget (e, "penwidth"), ==, cases[i].penwidth);
      g_assert_nonnull (strstr (tooltip, cases[i].in_tooltip));
    }
}

/* The rows of the legend (an HTML-like table): each cell's text, cells
 * joined by ' ', rows by '\n'.  (transfer full) */
static char *
legend_rows (Agraph_t *g)
{
  char *label = agget (g, "label");
  g_assert_true (aghtmlstr (label));
  g_autoptr (GString) rows = g_string_new (NULL);
  g_auto (GStrv) trs = g_strsplit (label, "<tr>", -1);
  for (guint i = 1; trs[i]; i++)
    {
      /* the text between tags */
      gboolean in_tag = FALSE, first = TRUE;
      for (const char *p = trs[i]; *p; p++)
        if (*p == '<')
          {
            in_tag = TRUE;
            if (g_str_has_prefix (p, "<td") && !first)
              g_string_append_c (rows, ' ');
            if (g_str_has_prefix (p, "<td"))
              first = FALSE;
          }
        else if (*p == '>')
          in_tag = FALSE;
        else if (!in_tag)
          g_string_append_c (rows, *p);
      g_string_append_c (rows, '\n');
    }
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static void
test_legend (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Agraph_t) g = read_dot (graph);
  g_autofree char *legend = legend_rows (g);
  g_assert_cmpstr (legend, ==,
                   "Legend\n  PERSON (ellipse)\n  ORG (box)\n  GPE (hexagon)\n  CONCEPT (rounded box)\n"
                   "→ a fact: subject → object, thicker with more sentences\n"
                   "- - → dashed red: negated (not …)\n· · → dotted: not asserted (future, possible, …)\n");
  g_assert_nonnull (strstr (agget (g, "label"), "<td bgcolor=\"lightblue\" width=\"24\"> </td>"));

  /* only what is present: no edge styles for a graph of stated facts */
  g_autoptr (KgGraph) plain = kg_graph_new ();
  KgDocumentInfo d = { .id = "d" };
  KgNodeMention a = { NULL, "A", KG_ENTITY_PERSON, NULL, TRUE }, b = { NULL, "B", KG_ENTITY_LOC, NULL, TRUE };
  KgFact f = { .subject = kg_graph_add_mention (plain, &a), .predicate = "visit",
               .object = kg_graph_add_mention (plain, &b), .confidence = 1 };
  KgEvidence ev = { .document = kg_graph_add_document (plain, &d), .confidence = 1 };
  kg_graph_add_fact (plain, &f, &ev);
  g_autoptr (Agraph_t) gp = read_dot (plain);
  g_autofree char *plain_legend = legend_rows (gp);
  g_assert_cmpstr (plain_legend, ==, "Legend\n  PERSON (ellipse)\n  LOC (house)\n"
                                     "→ a fact: subject → object, thicker with more sentences\n");
  g_assert_cmpint (agnnodes (gp), ==, 2);

  /* by default: only what is drawn (no concept, and so no modal fact) */
  g_autoptr (Agraph_t) gd = read_dot_with (graph, NULL);
  g_autofree char *default_legend = legend_rows (gd);
  g_assert_cmpstr (default_legend, ==,
                   "Legend\n  PERSON (ellipse)\n  ORG (box)\n  GPE (hexagon)\n"
                   "→ a fact: subject → object, thicker with more sentences\n"
                   "- - → dashed red: negated (not …)\n");
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The labels of the nodes of g, sorted, joined by '|'.  (transfer full) */
static char *
node_labels (Agraph_t *g)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    g_ptr_array_add (labels, shown (n, "label"));
  g_ptr_array_sort (labels, compare_strings);
  g_ptr_array_add (labels, NULL);
  g_autoptr (GString) joined = g_string_new (NULL);
  for (guint i = 0; labels->pdata[i]; i++)
    g_string_append_printf (joined, "%s%s", i ? "|" : "", (char *) labels->pdata[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
test_entity_centric (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  gsize length;
  g_autofree char *dot = sample_export (graph, KG_FORMAT_DOT, NULL, &length);
  /* the summary, as a comment before the graph */
  g_assert_true (g_str_has_prefix (dot, "/* kgraph diagram: 7 of 7 entities, 4 edges (5 of 6 facts), laid out by dot "
                                        "(neato or sfdp for a component too wide); "
                                        "left out: 1 concept and value node and 1 fact with them (in tooltips; "
                                        "--concepts draws them) */\n"));
  g_autoptr (Agraph_t) g = agmemread (dot);
  g_autofree char *labels = node_labels (g);
  g_assert_cmpstr (labels, ==, "<b>Ärzte & Co</b>|Alexander Lukashenko|Belarus|Iran|Minsk|SCO|Seyed Abbas Araghchi");
  g_assert_cmpstr (agget (g, "layout"), ==, "dot");
  /* the fact with the concept is in Iran's tooltip */
  KgNode *iran = kg_graph_lookup_node (graph, "iran");
  g_autofree char *tooltip = shown (agnode (g, (char *) kg_node_get_id (iran), FALSE), "tooltip");
  g_assert_nonnull (strstr (tooltip, "not drawn, 1 fact:\n• Iran sign (future) roadmap (1)"));
}

typedef struct {
  KgExportOptions options;
  const char *labels;  /* the nodes drawn, as node_labels() gives them */
  const char *in_summary;
} SelectionCase;

static void
test_selection (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  const SelectionCase cases[] = {
    /* the heaviest edge (Iran -> Belarus, 2 sentences, stronger nodes than
     * Lukashenko -> Araghchi) */
    { { .max_nodes = 2 }, "Belarus|Iran", "5 beyond --max-nodes 2" },
    { { .max_nodes = 3 }, "Belarus|Iran|SCO", "4 beyond --max-nodes 3" },
    { { .focus = "seyed abbas ARAGHCHI" }, "Alexander Lukashenko|Seyed Abbas Araghchi", "beyond --depth 1" },
    { { .focus = "Iran" }, "Belarus|Iran|SCO", "" },
    { { .focus = "Iran", .concepts = TRUE }, "Belarus|Iran|SCO|roadmap", "" },
    { { .focus = "minsk", .depth = 2 }, "<b>Ärzte & Co</b>|Minsk", "" },
    { { .types = 1u << KG_ENTITY_GPE }, "Belarus|Iran", "other-type" },
    { { .facts_only = TRUE }, "<b>Ärzte & Co</b>|Alexander Lukashenko|Belarus|Iran|Minsk|Seyed Abbas Araghchi",
      "1 negated, modal or attributed fact (--facts-only)" },
    { { .min_weight = 2 }, "Alexander Lukashenko|Belarus|Iran|Seyed Abbas Araghchi",
      "2 facts on edges below --min-weight 2" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KgExportOptions options = cases[i].options;
      options.base_iri = KG_DEFAULT_BASE_IRI;
      options.layout = KG_DEFAULT_LAYOUT;
      g_autoptr (Agraph_t) g = read_dot_with (graph, &options);
      g_autofree char *labels = node_labels (g);
      g_assert_cmpstr (labels, ==, cases[i].labels);
      g_autoptr (GError) error = NULL;
      g_autofree char *summary = kg_export_describe_diagram (graph, &options, &error);
      g_assert_no_error (error);
      g_test_message ("%s", summary);
      g_assert_nonnull (strstr (summary, cases[i].in_summary));
    }
}

static void
test_focus_no_match (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .focus = "Araghchy" };
  g_autoptr (GError) error = NULL;
  g_assert_null (kg_export_describe_diagram (graph, &options, &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
  g_assert_cmpstr (error->message, ==, "--focus: no entity is called 'Araghchy'; near matches: "
                                       "Seyed Abbas Araghchi (PERSON)");
  g_clear_error (&error);
  g_assert_false (kg_export_write (graph, KG_FORMAT_DOT, &options, "never-written.dot", &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
  g_assert_false (g_file_test ("never-written.dot", G_FILE_TEST_EXISTS));
}

static void
test_focus_bold (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .focus = "IRAN" };
  g_autoptr (Agraph_t) g = read_dot_with (graph, &options);
  Agnode_t *iran = agnode (g, (char *) kg_node_get_id (kg_graph_lookup_node (graph, "iran")), FALSE);
  Agnode_t *sco = agnode (g, (char *) kg_node_get_id (kg_graph_lookup_node (graph, "sco")), FALSE);
  g_assert_cmpstr (agget (iran, "style"), ==, "filled,bold");
  g_assert_cmpstr (agget (iran, "penwidth"), ==, "3");
  g_assert_cmpstr (agget (sco, "style"), ==, "filled");
}

static void
test_bad_layout (void)
{
  g_autoptr (GError) error = NULL;
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = "spring" };
  g_autoptr (KgGraph) graph = kg_graph_new ();
  g_assert_false (kg_export_write (graph, KG_FORMAT_DOT, &options, "never-written.dot", &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
  g_assert_false (g_file_test ("never-written.dot", G_FILE_TEST_EXISTS));
}

static void
test_long_label_wraps (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  GString *words = g_string_new (NULL);
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (words, "%sword%u", i ? " " : "", i);
  KgNodeMention m = { NULL, words->str, KG_ENTITY_CONCEPT, NULL, TRUE };
  KgNode *node = kg_graph_add_mention (graph, &m);
  /* a fact, so that the node is not isolated */
  KgNodeMention b = { NULL, "B", KG_ENTITY_PERSON, NULL, TRUE };
  KgDocumentInfo d = { .id = "d" };
  KgFact f = { .subject = kg_graph_add_mention (graph, &b), .predicate = "say",
               .object = node, .confidence = 1 };
  KgEvidence ev = { .document = kg_graph_add_document (graph, &d), .confidence = 1 };
  kg_graph_add_fact (graph, &f, &ev);
  g_autoptr (Agraph_t) g = read_dot (graph);
  g_autofree char *label = shown (agnode (g, (char *) kg_node_get_id (node), FALSE), "label");
  g_auto (GStrv) lines = g_strsplit (label, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 80);
  for (guint i = 0; lines[i]; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, KG_DIAGRAM_WRAP_COLUMNS);
  g_autofree char *joined = g_strjoinv (" ", lines);
  g_assert_cmpstr (joined, ==, words->str);
  g_string_free (words, TRUE);
}

static void
test_deterministic_and_clean (void)
{
  gsize length;
  g_autofree char *dot = assert_same_export (KG_FORMAT_DOT, NULL, &length);
  assert_lint_clean (KG_FORMAT_DOT, dot, length);
  g_autofree char *all = assert_same_export (KG_FORMAT_DOT, &everything, &length);
  assert_lint_clean (KG_FORMAT_DOT, all, length);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/dot/nodes", test_nodes);
  g_test_add_func ("/export/dot/edges", test_edges);
  g_test_add_func ("/export/dot/legend", test_legend);
  g_test_add_func ("/export/dot/entity-centric", test_entity_centric);
  g_test_add_func ("/export/dot/selection", test_selection);
  g_test_add_func ("/export/dot/focus-no-match", test_focus_no_match);
  g_test_add_func ("/export/dot/focus-bold", test_focus_bold);
  g_test_add_func ("/export/dot/bad-layout", test_bad_layout);
  g_test_add_func ("/export/dot/long-label-wraps", test_long_label_wraps);
  g_test_add_func ("/export/dot/deterministic-and-clean", test_deterministic_and_clean);
  return g_test_run ();
}
