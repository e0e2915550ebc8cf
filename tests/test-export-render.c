/* test-export-render.c: SVG, PNG and PDF rendered in-process: tooltips
 * with the evidence in SVG, the same bytes in every run and time zone,
 * PDF dates reset with a cross-reference table that still points at every
 * object, every layout engine, and a bad engine refused. */
#include "sample-graph.h"
#include "export/export-private.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Checks that every in-use xref entry of pdf points at "N G obj" and that
 * startxref points at the table. */
static void
assert_xref_valid (const char *pdf, gsize length)
{
  const char *marker = NULL;
  for (const char *p = pdf; (p = memmem (p, length - (p - pdf), "startxref", 9)) != NULL; p += 9)
    marker = p;
  g_assert_nonnull (marker);
  gsize xref = g_ascii_strtoull (marker + 9, NULL, 10);
  g_assert_cmpuint (xref, <, length);
  g_assert_cmpint (memcmp (pdf + xref, "xref", 4), ==, 0);
  char *p = NULL;
  guint64 first = g_ascii_strtoull (pdf + xref + 4, &p, 10);
  guint64 count = g_ascii_strtoull (p, &p, 10);
  while (*p == '\r' || *p == '\n' || *p == ' ')
    p++;
  guint checked = 0;
  for (guint64 i = 0; i < count; i++, p += 20)
    if (p[17] == 'n')
      {
        gsize offset = g_ascii_strtoull (p, NULL, 10);
        g_autofree char *object = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", first + i);
        g_assert_cmpint (strncmp (pdf + offset, object, strlen (object)), ==, 0);
        checked++;
      }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_pdf_dates_synthetic (void)
{
  /* Object 2 comes after the date: its offset must move by -5. */
  static const char *const zones[] = { "Z", "+03'30", "-05'00" };
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr (GString) pdf = g_string_new ("%PDF-1.5\n");
      gsize obj1 = pdf->len;
      g_string_append_printf (pdf, "1 0 obj\n<< /CreationDate (D:20261123174039%s) >>\nendobj\n", zones[z]);
      gsize obj2 = pdf->len;
      g_string_append (pdf, "2 0 obj\n<< /Type /Catalog >>\nendobj\n");
      gsize xref = pdf->len;
      g_string_append_printf (pdf, "xref\n0 3\n0000000000 65535 f \n%010" G_GSIZE_FORMAT " 00000 n \n%010"
                              G_GSIZE_FORMAT " 00000 n \ntrailer\n<< /Size 3 /Root 2 0 R /Info 1 0 R >>\n"
                              "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", obj1, obj2, xref);
      assert_xref_valid (pdf->str, pdf->len);
      g_autoptr (GByteArray) fixed = kg__render_pdf_fix_dates ((const guint8 *) pdf->str, pdf->len);
      assert_xref_valid ((const char *) fixed->data, fixed->len);
      g_assert_nonnull (memmem (fixed->data, fixed->len, "/CreationDate (D:19700101000000Z)", 33));
      g_assert_cmpuint (fixed->len, ==, pdf->len - strlen (zones[z]) + 1);
    }
}

static char *
render (KgGraph *graph, KgFormat format, const char *layout, gsize *length)
{
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = layout, .concepts = TRUE };
  return sample_export (graph, format, &options, length);
}

static void
set_time_zone (const char *zone)
{
  /* libc's setenv: the test has no other threads */
  setenv ("TZ", zone, 1);
  tzset ();
}

static void
test_deterministic (void)
{
  g_autoptr (KgGraph) forward = sample_graph_new (FALSE);
  g_autoptr (KgGraph) backward = sample_graph_new (TRUE);
  static const KgFormat formats[] = { KG_FORMAT_SVG, KG_FORMAT_PNG, KG_FORMAT_PDF };
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      gsize n1, n2;
      set_time_zone ("UTC");
      g_autofree char *a = render (forward, formats[f], "dot", &n1);
      set_time_zone ("Asia/Tehran");
      g_autofree char *b = render (backward, formats[f], "dot", &n2);
      g_assert_cmpuint (n1, >, 100);
      g_assert_cmpmem (a, n1, b, n2);
      if (formats[f] == KG_FORMAT_PDF)
        {
          assert_xref_valid (a, n1);
          g_assert_nonnull (memmem (a, n1, "/CreationDate (D:19700101000000Z)", 33));
        }
    }
  unsetenv ("TZ");
  tzset ();
}

static void
test_svg_tooltips (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  gsize length;
  g_autofree char *svg = render (graph, KG_FORMAT_SVG, "dot", &length);
  xmlDocPtr doc = xmlReadMemory (svg, length, NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  /* evidence of the negated fact and of the attributed one, XML-escaped */
  g_assert_nonnull (strstr (svg, "Iran has not joined the SCO."));
  g_assert_nonnull (strstr (svg, "Araghchi said Iran will sign the &quot;roadmap&quot;."));
  g_assert_nonnull (strstr (svg, "&lt;b&gt;Ärzte &amp; Co&lt;/b&gt;"));
  g_assert_nonnull (strstr (svg, "xlink:title=\"weight 2, confidence 0.98&#10;belta&#45;1 #2 [200&#45;260]: "
                                 "Lukashenko met Araghchi in Minsk. (place: in Minsk)&#10;"));
}

static void
test_layouts (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      gsize length;
      g_autofree char *svg = render (graph, KG_FORMAT_SVG, layouts[i], &length);
      g_assert_nonnull (strstr (svg, "</svg>"));
    }
}

static void
test_bad_layout (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (GError) error = NULL;
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = "spring" };
  g_assert_false (kg_export_write (graph, KG_FORMAT_SVG, &options, "never-written.svg", &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
  g_assert_false (g_file_test ("never-written.svg", G_FILE_TEST_EXISTS));
}

/* A graph of pairs: n_pairs components of one fact each, and a hub with
 * n_leaves neighbours. */
static KgGraph *
components_graph (guint n_pairs, guint n_leaves)
{
  KgGraph *graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "d" };
  guint doc = kg_graph_add_document (graph, &d);
  for (guint i = 0; i < n_pairs + n_leaves; i++)
    {
      g_autofree char *a = i < n_pairs ? g_strdup_printf ("Person %u", i) : g_strdup ("Hub Organisation");
      g_autofree char *b = g_strdup_printf ("Country %u", i);
      KgNodeMention ma = { NULL, a, i < n_pairs ? KG_ENTITY_PERSON : KG_ENTITY_ORG, NULL, TRUE };
      KgNodeMention mb = { NULL, b, KG_ENTITY_GPE, NULL, TRUE };
      KgFact f = { .subject = kg_graph_add_mention (graph, &ma), .predicate = "visit",
                   .object = kg_graph_add_mention (graph, &mb), .confidence = 1 };
      KgEvidence ev = { .document = doc, .sentence = i, .confidence = 1 };
      kg_graph_add_fact (graph, &f, &ev);
    }
  return graph;
}

/* The SVG's viewBox width and height, and its edges with and without a
 * label. */
static void
svg_shape (const char *svg, double *width, double *height, guint *labelled, guint *unlabelled)
{
  const char *box = strstr (svg, "viewBox=\"");
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "viewBox=\"%*f %*f %lf %lf\"", width, height), ==, 2);
  *labelled = *unlabelled = 0;
  for (const char *p = strstr (svg, "class=\"edge\""); p; p = strstr (p + 1, "class=\"edge\""))
    {
      const char *next = strstr (p + 1, "class=\"");
      const char *text = strstr (p, "<text");
      if (text && (next == NULL || text < next))
        (*labelled)++;
      else
        (*unlabelled)++;
    }
}

static void
test_packed_components (void)
{
  /* 30 components: drawn in rows, not in one, every label kept */
  g_autoptr (KgGraph) graph = components_graph (30, 0);
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .max_nodes = G_MAXUINT };
  gsize length;
  g_autofree char *svg = sample_export (graph, KG_FORMAT_SVG, &options, &length);
  double width, height;
  guint labelled, unlabelled;
  svg_shape (svg, &width, &height, &labelled, &unlabelled);
  g_test_message ("%g x %g pt, %u labelled edges, %u without", width, height, labelled, unlabelled);
  g_assert_cmpuint (labelled, ==, 30);
  g_assert_cmpuint (unlabelled, ==, 0);
  g_assert_cmpfloat (width, <, 3 * height);
  g_assert_cmpfloat (width, <, 1872);  /* not scaled down to 26 inches */
}

static void
test_hub_not_a_row (void)
{
  /* a hub with 60 neighbours: dot would put them in one rank */
  g_autoptr (KgGraph) graph = components_graph (0, 60);
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .max_nodes = G_MAXUINT };
  gsize length;
  g_autofree char *svg = sample_export (graph, KG_FORMAT_SVG, &options, &length);
  double width, height;
  guint labelled, unlabelled;
  svg_shape (svg, &width, &height, &labelled, &unlabelled);
  g_test_message ("%g x %g pt", width, height);
  g_assert_cmpuint (labelled, ==, 60);
  g_assert_cmpfloat (width, <, 3 * height);

  /* asked for dot, dot it is, leaves staggered over three ranks */
  KgExportOptions dot = options;
  dot.layout = "dot";
  gsize dot_length;
  g_autofree char *dot_svg = sample_export (graph, KG_FORMAT_SVG, &dot, &dot_length);
  g_autofree char *dot_dot = sample_export (graph, KG_FORMAT_DOT, &dot, &dot_length);
  g_assert_nonnull (strstr (dot_dot, "minlen=3"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/render/pdf-dates", test_pdf_dates_synthetic);
  g_test_add_func ("/export/render/deterministic", test_deterministic);
  g_test_add_func ("/export/render/svg-tooltips", test_svg_tooltips);
  g_test_add_func ("/export/render/layouts", test_layouts);
  g_test_add_func ("/export/render/bad-layout", test_bad_layout);
  g_test_add_func ("/export/render/packed-components", test_packed_components);
  g_test_add_func ("/export/render/hub-not-a-row", test_hub_not_a_row);
  return g_test_run ();
}
