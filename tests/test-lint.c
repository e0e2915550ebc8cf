/* test-lint.c: `kgraph lint` in the library: each bad construct of each
 * format is flagged at the right line and column with the right severity,
 * our own exports (the sample graph and tests/data/hostile.tsv) are clean,
 * and formats are told apart. */
#include "sample-graph.h"
#include "export/dot-syntax.h"

#include <string.h>

typedef struct {
  const char *text;
  guint line, column;
  KgLintSeverity severity;
  const char *message;  /* a part of the message */
} Case;

static void
check_cases (KgFormat format, const Case *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GPtrArray) problems = kg_lint_check (format, cases[i].text, strlen (cases[i].text));
      gboolean found = FALSE;
      for (guint p = 0; p < problems->len; p++)
        {
          const KgLintProblem *problem = problems->pdata[p];
          found = found || (problem->line == cases[i].line && problem->column == cases[i].column
                            && problem->severity == cases[i].severity
                            && strstr (problem->message, cases[i].message) != NULL);
        }
      for (guint p = 0; !found && p < problems->len; p++)
        {
          const KgLintProblem *problem = problems->pdata[p];
          g_test_message ("case %u: %u:%u: %s: %s", i, problem->line, problem->column,
                          kg_lint_severity_to_string (problem->severity), problem->message);
        }
      if (!found)
        g_test_message ("expected %u:%u %s", cases[i].line, cases[i].column, cases[i].message);
      g_assert_true (found);
    }
}

static void
test_dot (void)
{
  static const Case cases[] = {
    { "digraph {\n  a [label=\"C:\\d\"];\n}\n", 2, 15, KG_LINT_WARNING, "drops this backslash" },
    { "digraph {\n  a [label=\"x &eacute; y\"];\n}\n", 2, 15, KG_LINT_WARNING, "entity &eacute;" },
    { "digraph {\n  a [tooltip=\"a\x01" "b\"];\n}\n", 2, 16, KG_LINT_ERROR, "U+0001" },
    { "digraph {\n  a [label=\"one\ntwo\"];\n}\n", 2, 16, KG_LINT_WARNING, "raw line break" },
    { "digraph {\n  a [label=\"<b>bold</b>\"];\n}\n", 2, 12, KG_LINT_WARNING, "looks like an HTML-like label" },
    { "digraph {\n  a [label=<<b>bold>];\n}\n", 2, 20, KG_LINT_ERROR, "<b> is not closed" },
    { "digraph {\n  a [label=<<blink>x</blink>>];\n}\n", 2, 13, KG_LINT_ERROR, "<blink> is not an element" },
    { "digraph {\n  a [label=<x &nbsp; <b>y</b> &bogus; z>];\n}\n", 2, 31, KG_LINT_ERROR, "Entity 'bogus' not defined" },
    { "digraph {\n  a -> b\n  c -> ;\n}\n", 3, 8, KG_LINT_ERROR, "syntax error near ';'" },
    { "digraph {\n  1a -> b\n}\n", 2, 3, KG_LINT_WARNING, "badly delimited number '1a' splits" },
    { "digraph {\n  a [label=\"x];\n}\n", 2, 12, KG_LINT_ERROR, "without a closing" },
    { "digraph { a }\ndigraph { b }\n", 2, 1, KG_LINT_ERROR, "second graph" },
    { "digraph {\n  graph [charset=\"latin1\"];\n}\n", 2, 18, KG_LINT_ERROR, "charset" },
    { "digraph {\n  a; /* open\n}\n", 2, 6, KG_LINT_ERROR, "comment without" },
    { "digraph {\n  a \x01;\n}\n", 2, 5, KG_LINT_ERROR, "unexpected character U+0001" },
    { "\xEF\xBB\xBF" "digraph { a }\n", 1, 1, KG_LINT_ERROR, "byte order mark" },
    { "digraph {\n  a [label=\"ok\\\\\" + \"\\q\"];\n}\n", 2, 22, KG_LINT_WARNING, "'\\q' as 'q'" },
    { "digraph {\n  a [label=\"\xc3\x28\"];\n}\n", 2, 13, KG_LINT_ERROR, "invalid UTF-8" },
    { "", 1, 1, KG_LINT_ERROR, "no graph" },
  };
  check_cases (KG_FORMAT_DOT, cases, G_N_ELEMENTS (cases));

  /* Issue 14, defect 1: runs Graphviz's scanner cannot read, and the
   * longest it can. */
  g_autofree char *run = g_strnfill (KG_DOT_MAX_RUN_BYTES + 1, 'x');
  g_autofree char *fits = g_strnfill (KG_DOT_MAX_RUN_BYTES, 'x');
  g_autofree char *spaced = g_strnfill (KG_DOT_MAX_RUN_BYTES + 1, ' ');
  g_autofree char *long_run = g_strdup_printf ("digraph {\n  a [tooltip=\"%s\"];\n}\n", run);
  g_autofree char *after_escape = g_strdup_printf ("digraph {\n  a [label=\"ab\\n%s\"];\n}\n", spaced);
  g_autofree char *html = g_strdup_printf ("digraph {\n  a [label=<%s>];\n}\n", run);
  g_autofree char *split = g_strdup_printf ("digraph {\n  a [label=\"%s\\\n%s\", tooltip=\"%s\"];\n}\n",
                                            fits, fits, fits);
  const Case long_cases[] = {
    { long_run, 2, 15, KG_LINT_ERROR, "without a backslash: Graphviz cannot read" },
    { after_escape, 2, 17, KG_LINT_ERROR, "without a backslash: Graphviz cannot read" },
    { html, 2, 12, KG_LINT_ERROR, "HTML-like label of 16382 bytes" },
  };
  check_cases (KG_FORMAT_DOT, long_cases, G_N_ELEMENTS (long_cases));
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FORMAT_DOT, split, strlen (split));
  g_assert_cmpuint (problems->len, ==, 0);
}

#define GRAPHML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
#define KEY_LABEL "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
#define KEY_WEIGHT "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
#define GRAPH "  <graph edgedefault=\"directed\">\n"
#define NODES "    <node id=\"a\"/>\n    <node id=\"b\"/>\n"
#define TAIL "  </graph>\n</graphml>\n"

static void
test_graphml (void)
{
  static const Case cases[] = {
    { GRAPHML_HEAD KEY_LABEL GRAPH "    <node id=\"a\"><data key=\"label\">A & B</data></node>\n" TAIL,
      5, 39, KG_LINT_ERROR, "XML: xmlParseEntityRef: no name" },
    { GRAPHML_HEAD "  <key id=\"k\" for=\"node\" attr.name=\"first seen\" attr.type=\"string\"/>\n" GRAPH TAIL,
      3, 26, KG_LINT_ERROR, "not an XML NMTOKEN" },
    { GRAPHML_HEAD "  <key id=\"k\" for=\"node\" attr.name=\"k\" attr.type=\"integer\"/>\n" GRAPH TAIL,
      3, 40, KG_LINT_ERROR, "attr.type \"integer\"" },
    { GRAPHML_HEAD "  <key id=\"k\" for=\"node\" attr.name=\"k\"/>\n" GRAPH TAIL, 3, 3, KG_LINT_ERROR, "no attr.type" },
    { GRAPHML_HEAD "  <key id=\"k\" attr.name=\"k\" attr.type=\"int\"/>\n" GRAPH TAIL, 3, 3, KG_LINT_WARNING,
      "for all elements" },
    { GRAPHML_HEAD "  <key id=\"b\" for=\"node\" attr.name=\"bias\" attr.type=\"double\"/>\n" GRAPH TAIL,
      3, 8, KG_LINT_ERROR, "colour component" },
    { GRAPHML_HEAD "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"string\"/>\n" GRAPH TAIL,
      3, 50, KG_LINT_ERROR, "the edge weight" },
    { GRAPHML_HEAD KEY_WEIGHT GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"b\"><data key=\"weight\">0</data></edge>\n" TAIL,
      7, 59, KG_LINT_ERROR, "weight 0" },
    { GRAPHML_HEAD KEY_WEIGHT GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"b\"><data key=\"weight\">1,5</data></edge>\n" TAIL,
      7, 59, KG_LINT_ERROR, "not a plain decimal" },
    { GRAPHML_HEAD "  <key id=\"m\" for=\"node\" attr.name=\"m\" attr.type=\"int\"/>\n" GRAPH
      "    <node id=\"a\"><data key=\"m\">2147483648</data></node>\n" TAIL, 5, 32, KG_LINT_ERROR, "range of int" },
    { GRAPHML_HEAD KEY_LABEL GRAPH "    <node id=\"a\"><data key=\"role\">x</data></node>\n" TAIL,
      5, 24, KG_LINT_ERROR, "undeclared key \"role\"" },
    { GRAPHML_HEAD KEY_LABEL GRAPH NODES "    <edge source=\"a\" target=\"b\" id=\"e\"><data key=\"label\">x</data></edge>\n" TAIL,
      7, 46, KG_LINT_ERROR, "not declared for <edge>" },
    { GRAPHML_HEAD GRAPH NODES "    <node id=\"a\"/>\n" TAIL, 6, 11, KG_LINT_ERROR, "node id \"a\" is used before, at 4:11" },
    { GRAPHML_HEAD GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"b\"/>\n    <edge id=\"e\" source=\"b\" target=\"a\"/>\n" TAIL,
      7, 11, KG_LINT_ERROR, "edge id \"e\" is used before" },
    { GRAPHML_HEAD GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"n99\"/>\n" TAIL, 6, 29, KG_LINT_ERROR,
      "target \"n99\" is not a node" },
    { GRAPHML_HEAD GRAPH NODES "    <edge source=\"a\" target=\"b\"/>\n" TAIL, 6, 5, KG_LINT_WARNING, "without an id" },
    { GRAPHML_HEAD GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"b\" directed=\"false\"/>\n" TAIL, 6, 40,
      KG_LINT_ERROR, "directed=\"false\"" },
    { GRAPHML_HEAD GRAPH NODES "    <edge id=\"e\" source=\"a\" target=\"b\" label=\"rel\"/>\n" TAIL, 6, 40,
      KG_LINT_ERROR, "Gephi's edge type" },
    { GRAPHML_HEAD GRAPH TAIL KEY_LABEL, 6, 3, KG_LINT_ERROR, "XML: Extra content" },
    { GRAPHML_HEAD "  <graph>\n" TAIL, 3, 3, KG_LINT_ERROR, "without edgedefault" },
    { GRAPHML_HEAD GRAPH "  </graph>\n" GRAPH TAIL, 5, 3, KG_LINT_ERROR, "a second <graph>" },
    { GRAPHML_HEAD "</graphml>\n", 2, 1, KG_LINT_ERROR, "no <graph>" },
    { "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">" GRAPH TAIL, 1, 1, KG_LINT_WARNING, "no XML declaration" },
    { "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml/>\n", 1, 21, KG_LINT_ERROR, "another encoding" },
    { "<?xml version=\"1.0\"?>\n<graph edgedefault=\"directed\"/>\n", 2, 1, KG_LINT_ERROR, "root element" },
  };
  check_cases (KG_FORMAT_GRAPHML, cases, G_N_ELEMENTS (cases));
}

#define S "<http://example.org/s> "
#define P "<http://example.org/p> "

static void
test_ntriples (void)
{
  static const Case cases[] = {
    { S P "\"x\"\n", 1, 50, KG_LINT_ERROR, "expected '.'" },
    { S P "\"a\nb\" .\n", 1, 47, KG_LINT_ERROR, "without a closing '\"'" },
    { S P "<relative> .\n", 1, 48, KG_LINT_ERROR, "relative IRI" },
    { "<http://example.org/a b> " P "<http://example.org/o> .\n", 1, 22, KG_LINT_ERROR, "U+0020" },
    { "<http://example.org/%zz> " P "<http://example.org/o> .\n", 1, 21, KG_LINT_ERROR, "two hex digits" },
    { "<http://example.org/a\\u0020b> " P "<http://example.org/o> .\n", 1, 1, KG_LINT_ERROR, "illegal space" },
    { "<http://example.org/\\u00E9> " P "<http://example.org/\\u00e9t\\u00E9#x> <http://example.org/o> .\n", 1, 89, KG_LINT_ERROR, "expected '.'" },
    { "<http://example.org/\\t> " P "<http://example.org/o> .\n", 1, 21, KG_LINT_ERROR, "bad escape" },
    { S P "\"\\uD83D\\uDCF0\" .\n", 1, 48, KG_LINT_ERROR, "surrogate" },
    { S P "\"\\U00110000\" .\n", 1, 48, KG_LINT_ERROR, "beyond U+10FFFF" },
    { S P "\"\\d\" .\n", 1, 48, KG_LINT_ERROR, "invalid escape \\d" },
    { S P "\"12.5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", 1, 47, KG_LINT_ERROR, "ill-typed" },
    { S P "\"2023-02-29\"^^<http://www.w3.org/2001/XMLSchema#date> .\n", 1, 47, KG_LINT_ERROR, "ill-typed" },
    { S P "\"maybe\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n", 1, 47, KG_LINT_ERROR, "ill-typed" },
    { S P "\"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n", 1, 52, KG_LINT_ERROR, "language tag" },
    { S P "\"x\"@ .\n", 1, 50, KG_LINT_ERROR, "malformed language tag" },
    { S P "\"x\"@abcdefghi .\n", 1, 50, KG_LINT_WARNING, "longer than 8" },
    { S P "\"x\" . extra\n", 1, 53, KG_LINT_ERROR, "after the final '.'" },
    { "\"lit\" " P "<http://example.org/o> .\n", 1, 1, KG_LINT_ERROR, "a literal cannot be one" },
    { S "_:p <http://example.org/o> .\n", 1, 24, KG_LINT_ERROR, "as the predicate" },
    { "_:b1 " P "<http://example.org/o> .\n", 1, 1, KG_LINT_WARNING, "blank node _:b1" },
    { S P "\"x\" .\n" S P "\"x\" .\n", 2, 1, KG_LINT_WARNING, "duplicate of the statement on line 1" },
    { S P "\"a\\u0001b\" .\n", 1, 47, KG_LINT_WARNING, "U+0001" },
    { "\xEF\xBB\xBF" S P "\"x\" .\n", 1, 1, KG_LINT_ERROR, "byte order mark" },
    { S P "\"caf\xc3\" .\n", 1, 51, KG_LINT_ERROR, "invalid UTF-8" },
    { "# comment\n\n" S P "<http://example.org/o> <http://example.org/g> .\n", 3, 70, KG_LINT_ERROR, "expected '.'" },
  };
  check_cases (KG_FORMAT_NTRIPLES, cases, G_N_ELEMENTS (cases));
}

static void
test_nquads (void)
{
  static const Case cases[] = {
    { S P "\"x\" \"g\" .\n", 1, 51, KG_LINT_ERROR, "expected '.'" },
    { S P "\"x\" <g> .\n", 1, 52, KG_LINT_ERROR, "relative IRI" },
    { S P "\"x\" <http://example.org/g> <http://example.org/h> .\n", 1, 74, KG_LINT_ERROR, "expected '.'" },
  };
  check_cases (KG_FORMAT_NQUADS, cases, G_N_ELEMENTS (cases));
  /* a graph label is fine in N-Quads */
  const char *good = S P "\"x\" <http://example.org/g> .\n" S P "\"x\" .\n";
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FORMAT_NQUADS, good, strlen (good));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Turtle: raptor's syntax errors at their line, and our rules on what it
 * reads. */
static void
test_turtle (void)
{
  static const Case cases[] = {
    { "@prefix ex: <http://example.org/> .\nex:s ex:p \"12x\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", 2, 1,
      KG_LINT_ERROR, "ill-typed literal" },
    { "@prefix ex: <http://example.org/> .\nex:s ex:p <rel> .\n", 2, 1, KG_LINT_ERROR, "relative IRI <rel>" },
    { "@prefix ex: <http://example.org/> .\n\nex:s ex:p ex:o ex:q .\n", 3, 1, KG_LINT_ERROR, "syntax error" },
    { "@prefix ex: <http://example.org/> .\nex:s ex:p [ ex:q 1 ] .\n", 2, 1, KG_LINT_WARNING, "blank node" },
    { "ex:s ex:p ex:o .\n", 1, 1, KG_LINT_ERROR, "ex" },
  };
  check_cases (KG_FORMAT_TURTLE, cases, G_N_ELEMENTS (cases));
  const char *good = "@prefix ex: <http://example.org/> .\nex:s ex:p \"x\"@en, 1, 2.5E0, ex:o .\n";
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FORMAT_TURTLE, good, strlen (good));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Our exports of the sample graph and of the hostile TSV are clean. */
static void
test_our_exports_are_clean (void)
{
  g_autoptr (KgGraph) sample = sample_graph_new (FALSE);
  g_autoptr (KgGraph) hostile = kg_graph_new ();
  g_autoptr (GError) error = NULL;
  const char *tests_dir = g_getenv ("KGRAPH_TESTS") ? g_getenv ("KGRAPH_TESTS") : "tests";
  g_autofree char *tsv = g_build_filename (tests_dir, "data", "hostile.tsv", NULL);
  g_assert_true (kg_import_tsv (hostile, tsv, &error));
  g_assert_no_error (error);
  KgGraph *graphs[] = { sample, hostile };
  static const KgFormat formats[] = { KG_FORMAT_DOT, KG_FORMAT_GRAPHML, KG_FORMAT_NTRIPLES, KG_FORMAT_NQUADS,
                                      KG_FORMAT_TURTLE };
  for (guint g = 0; g < G_N_ELEMENTS (graphs); g++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      for (guint collapse = 0; collapse < 2; collapse++)
        {
          KgExportOptions options = { .base_iri = "urn:x-kgraph:test#", .layout = KG_DEFAULT_LAYOUT,
                                      .collapse_parallel = collapse, .concepts = TRUE, .max_nodes = G_MAXUINT };
          gsize length;
          g_autofree char *data = sample_export (graphs[g], formats[f], &options, &length);
          g_test_message ("%s graph", g ? "hostile" : "sample");
          assert_lint_clean (formats[f], data, length);
        }
}

static void
test_guess_format (void)
{
  static const struct { const char *path, *data; gboolean known; KgFormat format; } cases[] = {
    { "out/kg.dot", "", TRUE, KG_FORMAT_DOT },
    { "x.GV", "", TRUE, KG_FORMAT_DOT },
    { "x.graphml", "", TRUE, KG_FORMAT_GRAPHML },
    { "x.nt", "", TRUE, KG_FORMAT_NTRIPLES },
    { "x.nq", "", TRUE, KG_FORMAT_NQUADS },
    { "x.ttl", "", TRUE, KG_FORMAT_TURTLE },
    { NULL, "@prefix kg: <http://x/> .", TRUE, KG_FORMAT_TURTLE },
    { "x.txt", "PREFIX kg: <http://x/>", TRUE, KG_FORMAT_TURTLE },
    { "x.ttl", "<http://x/s> <http://x/p> <http://x/o> .", TRUE, KG_FORMAT_TURTLE },
    { NULL, "\xEF\xBB\xBF  <?xml version=\"1.0\"?><graphml/>", TRUE, KG_FORMAT_GRAPHML },
    { NULL, "# a comment\n<http://x/s> <http://x/p> <http://x/o> .", TRUE, KG_FORMAT_NTRIPLES },
    { NULL, "_:b <http://x/p> <http://x/o> .", TRUE, KG_FORMAT_NTRIPLES },
    { "data", "strict digraph { a }", TRUE, KG_FORMAT_DOT },
    { NULL, "/* c */ graph { }", TRUE, KG_FORMAT_DOT },
    { NULL, "hello", FALSE, KG_FORMAT_DOT },
    /* the content first (issue 14, defect 7): kgraph's SVG is XML too */
    { "out/kg.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"x\">\n<svg>", TRUE, KG_FORMAT_SVG },
    { "x.xml", "<?xml version=\"1.0\"?>\n<!-- Generated by graphviz -->\n<svg width=\"8pt\">", TRUE, KG_FORMAT_SVG },
    { NULL, "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>", TRUE, KG_FORMAT_GRAPHML },
    { "x.graphml", "<?xml version=\"1.0\"?>\n<other/>", TRUE, KG_FORMAT_GRAPHML },
    { "x.dot", "<http://x/s> <http://x/p> <http://x/o> .", TRUE, KG_FORMAT_NTRIPLES },
    { "x.nq", "<http://x/s> <http://x/p> <http://x/o> <http://x/g> .", TRUE, KG_FORMAT_NQUADS },
    { "x.nt", "digraph { a }", TRUE, KG_FORMAT_DOT },
    { "x", "\x89PNG\r\n", TRUE, KG_FORMAT_PNG },
    { "x", "%PDF-1.5", TRUE, KG_FORMAT_PDF },
    { "x.entities.tsv", "id\tlabel\ttype\n", FALSE, KG_FORMAT_DOT },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KgFormat format = KG_FORMAT_N_FORMATS;
      gboolean known = kg_lint_guess_format (cases[i].path, cases[i].data, strlen (cases[i].data), &format);
      g_assert_cmpint (known, ==, cases[i].known);
      if (known)
        g_assert_cmpint (format, ==, cases[i].format);
    }
}

static void
test_problem_cap (void)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < 3 * KG_LINT_MAX_PROBLEMS; i++)
    g_string_append (text, "<s> <p> <o> .\n");
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FORMAT_NTRIPLES, text->str, text->len);
  g_assert_cmpuint (problems->len, ==, KG_LINT_MAX_PROBLEMS);
  const KgLintProblem *last = problems->pdata[problems->len - 1];
  g_assert_nonnull (strstr (last->message, "too many problems"));
  g_string_free (text, TRUE);
}

static void
test_file_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_null (kg_lint_file ("/nonexistent/file.nt", KG_FORMAT_N_FORMATS, &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (kg_lint_file ("/", KG_FORMAT_N_FORMATS, &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_IO);
  g_clear_error (&error);
  const char *tests_dir = g_getenv ("KGRAPH_TESTS") ? g_getenv ("KGRAPH_TESTS") : "tests";
  g_autofree char *tsv = g_build_filename (tests_dir, "data", "hostile.tsv", NULL);
  g_assert_null (kg_lint_file (tsv, KG_FORMAT_N_FORMATS, &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lint/dot", test_dot);
  g_test_add_func ("/lint/graphml", test_graphml);
  g_test_add_func ("/lint/ntriples", test_ntriples);
  g_test_add_func ("/lint/nquads", test_nquads);
  g_test_add_func ("/lint/turtle", test_turtle);
  g_test_add_func ("/lint/our-exports-are-clean", test_our_exports_are_clean);
  g_test_add_func ("/lint/guess-format", test_guess_format);
  g_test_add_func ("/lint/problem-cap", test_problem_cap);
  g_test_add_func ("/lint/file-errors", test_file_errors);
  return g_test_run ();
}
