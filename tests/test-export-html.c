/* test-export-html.c: the HTML report: one self-contained page (the
 * diagram inline, the script and style inline, nothing fetched), its JSON
 * data read back by json-glib with every node, fact and evidence record,
 * a label that tries to close the script element kept inside it, and the
 * same bytes for both orders of the input. */
#include "sample-graph.h"

#include <json-glib/json-glib.h>
#include <string.h>

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* The JSON data of a report.  (transfer full) */
static JsonNode *
report_data (const char *html)
{
  static const char open[] = "<script type=\"application/json\" id=\"kg-data\">";
  const char *start = strstr (html, open);
  g_assert_nonnull (start);
  start += strlen (open);
  const char *end = strstr (start, "</script>");
  g_assert_nonnull (end);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, start, end - start, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_self_contained (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  gsize length;
  g_autofree char *html = sample_export (graph, KG_FORMAT_HTML, NULL, &length);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_cmpuint (strlen (html), ==, length);
  /* the data and the script, nothing else; nothing to fetch */
  g_assert_cmpuint (count (html, "<script"), ==, 2);
  g_assert_cmpuint (count (html, "</script>"), ==, 2);
  g_assert_null (strstr (html, " src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "@import"));
  /* the diagram inline, its nodes with their ids for the script */
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_null (strstr (html, "<?xml"));
  KgNode *iran = kg_graph_lookup_node (graph, "iran");
  g_autofree char *node_id = g_strdup_printf ("<g id=\"%s\" class=\"node\">", kg_node_get_id (iran));
  g_assert_nonnull (strstr (html, node_id));
  g_assert_nonnull (strstr (html, "id=\"search\""));
}

static void
test_data (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  gsize length;
  g_autofree char *html = sample_export (graph, KG_FORMAT_HTML, NULL, &length);
  g_autoptr (JsonNode) root = report_data (html);
  JsonObject *data = json_node_get_object (root);
  JsonArray *nodes = json_object_get_array_member (data, "nodes");
  JsonArray *facts = json_object_get_array_member (data, "facts");
  JsonArray *documents = json_object_get_array_member (data, "documents");
  g_assert_cmpuint (json_array_get_length (nodes), ==, kg_graph_get_n_nodes (graph));
  g_assert_cmpuint (json_array_get_length (facts), ==, kg_graph_get_n_edges (graph));
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "id"), ==, "belta-1");

  /* every fact: its ends, weight and evidence */
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      KgEdge *edge = edges->pdata[i];
      JsonObject *fact = json_array_get_object_element (facts, i);
      JsonObject *s = json_array_get_object_element (nodes, json_object_get_int_member (fact, "s"));
      JsonObject *o = json_array_get_object_element (nodes, json_object_get_int_member (fact, "o"));
      g_assert_cmpstr (json_object_get_string_member (fact, "id"), ==, kg_edge_get_id (edge));
      g_assert_cmpstr (json_object_get_string_member (s, "id"), ==, kg_node_get_id (kg_edge_get_subject (edge)));
      g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, kg_node_get_id (kg_edge_get_object (edge)));
      g_assert_cmpint (json_object_get_int_member (fact, "w"), ==, kg_edge_get_weight (edge));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fact, "ev")), ==,
                        kg_edge_get_n_evidence (edge));
    }
  /* the label with markup is kept as text, its '<' written as \u003c */
  g_assert_nonnull (strstr (html, "\\u003cb>Ärzte & Co\\u003c/b>"));
  gboolean found = FALSE;
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    found = found || g_strcmp0 (json_object_get_string_member (json_array_get_object_element (nodes, i), "label"),
                                "<b>Ärzte & Co</b>") == 0;
  g_assert_true (found);
  /* aliases with the rule that merged them; whether each node is drawn */
  JsonObject *first = json_array_get_object_element (nodes, 0);
  JsonArray *alias = json_array_get_array_element (json_object_get_array_member (first, "aliases"), 0);
  g_assert_cmpstr (json_array_get_string_element (alias, 1), ==, "exact");
  g_assert_true (json_object_has_member (first, "drawn"));
}

static void
test_script_cannot_break_out (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  static const char hostile[] = "</script><script>alert(1)</script><!-- </SCRIPT >";
  KgNodeMention a = { NULL, hostile, KG_ENTITY_PERSON, NULL, TRUE }, b = { NULL, "Minsk", KG_ENTITY_GPE, NULL, TRUE };
  KgDocumentInfo d = { .id = "</script>.txt", .title = "<script>x</script>" };
  KgFact f = { .subject = kg_graph_add_mention (graph, &a), .predicate = "visit",
               .object = kg_graph_add_mention (graph, &b), .confidence = 1 };
  KgEvidence ev = { .document = kg_graph_add_document (graph, &d), .text = hostile, .confidence = 1 };
  kg_graph_add_fact (graph, &f, &ev);
  gsize length;
  g_autofree char *html = sample_export (graph, KG_FORMAT_HTML, NULL, &length);
  g_assert_cmpuint (count (html, "<script"), ==, 2);
  g_assert_cmpuint (count (html, "</script"), ==, 2);
  g_assert_null (strstr (html, "</SCRIPT"));
  g_assert_null (strstr (html, "<!--"));
  g_autoptr (JsonNode) root = report_data (html);
  JsonArray *nodes = json_object_get_array_member (json_node_get_object (root), "nodes");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nodes, 0), "label"), ==, hostile);
}

static void
test_deterministic (void)
{
  gsize length;
  g_autofree char *html = assert_same_export (KG_FORMAT_HTML, NULL, &length);
  g_assert_cmpuint (length, >, 1000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/html/self-contained", test_self_contained);
  g_test_add_func ("/export/html/data", test_data);
  g_test_add_func ("/export/html/script-cannot-break-out", test_script_cannot_break_out);
  g_test_add_func ("/export/html/deterministic", test_deterministic);
  return g_test_run ();
}
