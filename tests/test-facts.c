/* test-facts.c: the facts stage (facts.c) on sentences written for these
 * tests, run through the shipped models and lexicons to the graph: each
 * fact an edge, its evidence the sentence with the fact's time and place
 * as written. */
#include "pipeline-test-util.h"
#include "reader-test-util.h"

/* The graph of one plain-text document.  (transfer full) */
static KgGraph *
graph_of (const char *text)
{
  KgPipeline *pipeline = shared_pipeline (KG_STAGE_FACTS);
  g_autoptr (KgDocument) doc = read_text (text);
  kg_pipeline_annotate (pipeline, doc);
  KgGraph *graph = kg_graph_new ();
  kg_pipeline_add_to_graph (pipeline, doc, graph, NULL);
  return graph;
}

/* The edge (subject key, predicate, object key), or NULL. */
static const KgEdge *
find_edge (KgGraph *graph, const char *subject, const char *predicate, const char *object)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    if (strcmp (kg_node_get_key (kg_edge_get_subject (edges->pdata[i])), subject) == 0
        && strcmp (kg_edge_get_predicate (edges->pdata[i]), predicate) == 0
        && strcmp (kg_node_get_key (kg_edge_get_object (edges->pdata[i])), object) == 0)
      return edges->pdata[i];
  return NULL;
}

/* One line per edge and evidence record, for failure messages. */
static char *
describe (KgGraph *graph)
{
  GString *out = g_string_new (NULL);
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    for (guint k = 0; k < kg_edge_get_n_evidence (edges->pdata[i]); k++)
      {
        const KgEvidence *ev = kg_edge_get_evidence (edges->pdata[i], k);
        g_string_append_printf (out, "(%s, %s, %s) time=%s place=%s\n",
                                kg_node_get_key (kg_edge_get_subject (edges->pdata[i])),
                                kg_edge_get_predicate (edges->pdata[i]),
                                kg_node_get_key (kg_edge_get_object (edges->pdata[i])), ev->time, ev->place);
      }
  return g_string_free (out, FALSE);
}

/* Time and place stay on the evidence as written, marker and capitals
 * included; they are no fact or node of their own (edges: every edge of
 * the sentence's graph). */
static void
test_time_and_place (void)
{
  static const struct {
    const char *sentence, *subject, *predicate, *object, *time, *place;
    guint edges;
  } cases[] = {
    { "Raisi signed the roadmap in Minsk on Monday.", "raisi", "sign", "roadmap", "on Monday", "in Minsk", 1 },
    { "In Minsk, the two presidents signed 12 documents on March 13, 2023.", "president", "sign", "document",
      "on March 13, 2023", "In Minsk", 1 },
    { "Iran and Belarus signed a deal last year.", "iran", "sign", "deal", "last year", NULL, 2 },
    { "Iran and Belarus signed a deal last year.", "belarus", "sign", "deal", "last year", NULL, 2 },
    { "Last year, Iran joined the SCO in Astana.", "iran", "join", "shanghai cooperation organization",
      "Last year", "in Astana", 1 },
    { "Raisi spoke with Lukashenko at the United Nations.", "raisi", "speak with", "lukashenko", NULL,
      "at the United Nations", 1 },
    { "Raisi will visit Minsk next week.", "raisi", "visit", "minsk", "next week", NULL, 1 },
    { "Raisi signed the roadmap.", "raisi", "sign", "roadmap", NULL, NULL, 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgGraph) graph = graph_of (cases[i].sentence);
      g_autofree char *edges = describe (graph);
      g_test_message ("%s\n%s", cases[i].sentence, edges);
      g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, cases[i].edges);
      const KgEdge *edge = find_edge (graph, cases[i].subject, cases[i].predicate, cases[i].object);
      g_assert_nonnull (edge);
      g_assert_cmpuint (kg_edge_get_n_evidence (edge), ==, 1);
      const KgEvidence *ev = kg_edge_get_evidence (edge, 0);
      g_assert_cmpstr (ev->text, ==, cases[i].sentence);
      g_assert_cmpstr (ev->time, ==, cases[i].time);
      g_assert_cmpstr (ev->place, ==, cases[i].place);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/facts/time-and-place", test_time_and_place);
  return g_test_run ();
}
