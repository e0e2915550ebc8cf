/* test-export-text.c: the text cleaning, XML name characters, number
 * format and edge labels every export shares. */
#include "export/export-text.h"

static void
test_clean (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "tab\tand\nnewline", "tab\tand\nnewline" },      /* kept: XML and every format carry them */
    { "crlf\r\nline", "crlf\nline" },                  /* CR dropped */
    { "bell\x07 nul-free \x01 start\x1f", "bell nul-free  start" },
    { "del\x7f", "del" },
    { "non\xef\xbf\xbe" "char\xef\xbf\xbf", "nonchar" },  /* U+FFFE, U+FFFF */
    { "C1 \xc2\x85 kept", "C1 \xc2\x85 kept" },         /* U+0085: legal XML 1.0 */
    { "وزیر امور خارجه", "وزیر امور خارجه" },
    { "👩\u200d👩\u200d👧", "👩\u200d👩\u200d👧" },
    { "", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = kg__text_clean (cases[i].in);
      g_assert_cmpstr (clean, ==, cases[i].out);
    }
}

static void
test_xml_chars (void)
{
  static const struct { gunichar c; gboolean xml, dropped; } cases[] = {
    { '\t', TRUE, FALSE }, { '\n', TRUE, FALSE }, { '\r', TRUE, TRUE }, { 0x01, FALSE, TRUE },
    { 0x1F, FALSE, TRUE }, { ' ', TRUE, FALSE }, { 0x7F, TRUE, TRUE }, { 0xD7FF, TRUE, FALSE },
    { 0xFFFD, TRUE, FALSE }, { 0xFFFE, FALSE, TRUE }, { 0xFFFF, FALSE, TRUE }, { 0x1F4F0, TRUE, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (kg__text_is_xml_char (cases[i].c), ==, cases[i].xml);
      g_assert_cmpint (kg__text_is_dropped (cases[i].c), ==, cases[i].dropped);
    }
}

static void
test_name_chars (void)
{
  static const struct { gunichar c; gboolean first, rest; } cases[] = {
    { 'a', TRUE, TRUE }, { '_', TRUE, TRUE }, { ':', TRUE, TRUE }, { '1', FALSE, TRUE },
    { '-', FALSE, TRUE }, { '.', FALSE, TRUE }, { ' ', FALSE, FALSE }, { 0xB7, FALSE, TRUE },
    { 0x0301, FALSE, TRUE }, { 0x0416, TRUE, TRUE }, { 0x0644, TRUE, TRUE }, { '$', FALSE, FALSE },
    { 0x2000, FALSE, FALSE }, { 0x10000, TRUE, TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (kg__text_is_xml_name_char (cases[i].c, TRUE), ==, cases[i].first);
      g_assert_cmpint (kg__text_is_xml_name_char (cases[i].c, FALSE), ==, cases[i].rest);
    }
}

static void
test_double (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.95, "0.95" }, { 1.0, "1" }, { 0.0, "0" }, { 2.0, "2" }, { 0.1, "0.1" }, { 1e-7, "1e-07" },
    { 2.0 / 3.0, "0.6666666666666666" }, { 1e300, "1e+300" }, { 123456789.0, "123456789" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buffer[KG_DOUBLE_BUF_SIZE];
      g_assert_cmpstr (kg__text_format_double (buffer, cases[i].value), ==, cases[i].text);
      g_assert_cmpfloat (g_ascii_strtod (buffer, NULL), ==, cases[i].value);
    }
}

static void
test_edge_label (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "d" };
  guint doc = kg_graph_add_document (graph, &d);
  KgNodeMention a = { NULL, "A", KG_ENTITY_PERSON, NULL, TRUE }, b = { NULL, "B", KG_ENTITY_PERSON, NULL, TRUE };
  KgEvidence ev = { .document = doc, .confidence = 1 };
  static const struct { KgPolarity polarity; KgModality modality; const char *label; } cases[] = {
    { KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED, "meet" },
    { KG_POLARITY_NEGATIVE, KG_MODALITY_ASSERTED, "not meet" },
    { KG_POLARITY_POSITIVE, KG_MODALITY_FUTURE, "meet (future)" },
    { KG_POLARITY_NEGATIVE, KG_MODALITY_POSSIBLE, "not meet (possible)" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KgFact f = { .subject = kg_graph_add_mention (graph, &a), .predicate = "meet",
                   .object = kg_graph_add_mention (graph, &b), .polarity = cases[i].polarity,
                   .modality = cases[i].modality, .confidence = 1 };
      g_autofree char *label = kg__text_edge_label (kg_graph_add_fact (graph, &f, &ev));
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-text/clean", test_clean);
  g_test_add_func ("/export-text/xml-chars", test_xml_chars);
  g_test_add_func ("/export-text/xml-name-chars", test_name_chars);
  g_test_add_func ("/export-text/double", test_double);
  g_test_add_func ("/export-text/edge-label", test_edge_label);
  return g_test_run ();
}
