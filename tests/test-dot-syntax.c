/* test-dot-syntax.c: Graphviz label escaping, checked against a model of
 * Graphviz's label rules and against Graphviz itself (agwrite, agmemread,
 * layout and SVG rendering in-process). */
#include "export/dot-syntax.h"
#include "export/export-cgraph.h"
#include "export/export-text.h"

#include <glib/gstdio.h>
#include <graphviz/gvc.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/* Labels that break naive exporters. */
static const char *const hostile[] = {
  "plain", "Say \"hi\"", "C:\\news", "ends with \\", "\\\\double", "back\\N and \\G \\E \\T \\H \\L",
  "line one\nline two", "tab\there", "bell\x07 ctrl\x01 del\x7f", "cr\r\nlf", "<b>bold</b>", "<>",
  "AT&amp;T", "Tom & Jerry", "&eacute; &#233; &#xE9;", "وزیر امور خارجه", "Лукашенко", "news 📰",
  "👩\u200d👩\u200d👧", "node", "edge", "graph", "-1.5", "a\"b\\\"c", "trailing space ", "\\n literal",
};

static char *
escape (const char *text, guint wrap)
{
  GString *out = g_string_new (NULL);
  kg__dot_append_text (out, text, wrap);
  return g_string_free (out, FALSE);
}

static void
test_escape_table (void)
{
  static const struct { const char *text, *value; } cases[] = {
    { "C:\\news", "C:\\\\news" },
    { "ends with \\", "ends with \\\\" },
    { "a\nb", "a\\nb" },
    { "tab\there", "tab\there" },
    { "x\x01y\x7fz\r", "xyz" },
    { "Tom & Jerry", "Tom &amp; Jerry" },
    { "AT&amp;T", "AT&amp;amp;T" },
    { "<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;" },
    { "Say \"hi\"", "Say \"hi\"" },   /* agwrite escapes the quotes */
    { "\\N", "\\\\N" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = escape (cases[i].text, 0);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
}

/* Graphviz's rules (as modelled) give back the cleaned text. */
static void
test_escape_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *value = escape (hostile[i], 0);
      g_autofree char *shown = kg__dot_render_text (value);
      g_autofree char *clean = kg__text_clean (hostile[i]);
      g_assert_cmpstr (shown, ==, clean);
      g_assert_false (kg__dot_text_looks_like_html (value, strlen (value)));
    }
}

static void
test_wrap (void)
{
  static const struct { const char *text; guint wrap; const char *value; } cases[] = {
    { "one two three four", 8, "one two\\nthree\\nfour" },
    { "abcdefghij", 4, "abcd\\nefgh\\nij" },
    { "short", 8, "short" },
    { "exactly8 next", 8, "exactly8\\nnext" },
    { "a\nbb cc dd", 5, "a\\nbb cc\\ndd" },
    /* never before a combining mark or inside a joined emoji */
    { "abce\xcc\x81" "fgh", 4, "abc\\ne\xcc\x81" "fg\\nh" },
    { "ab👩\u200d👧cd", 3, "ab\\n👩\u200d👧\\ncd" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = escape (cases[i].text, cases[i].wrap);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
}

static void
test_escape_kind (void)
{
  static const struct { gunichar c; KgDotEscape kind; } cases[] = {
    { '\\', KG_DOT_ESCAPE_LITERAL }, { '"', KG_DOT_ESCAPE_LITERAL }, { 'n', KG_DOT_ESCAPE_LINE_BREAK },
    { 'l', KG_DOT_ESCAPE_LINE_BREAK }, { 'r', KG_DOT_ESCAPE_LINE_BREAK }, { 'N', KG_DOT_ESCAPE_OBJECT },
    { 'G', KG_DOT_ESCAPE_OBJECT }, { 'L', KG_DOT_ESCAPE_OBJECT }, { 'd', KG_DOT_ESCAPE_DROPPED },
    { ' ', KG_DOT_ESCAPE_DROPPED }, { 0x0416, KG_DOT_ESCAPE_DROPPED },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kg__dot_escape_kind (cases[i].c), ==, cases[i].kind);
}

static void
test_entities (void)
{
  static const struct { const char *text; gsize length; gunichar c; gboolean ours; } cases[] = {
    { "&amp;", 5, '&', TRUE }, { "&lt;x", 4, '<', TRUE }, { "&gt;", 4, '>', TRUE },
    { "&eacute;", 8, 0xE9, FALSE }, { "&#233;", 6, 0xE9, FALSE }, { "&#xE9;", 6, 0xE9, FALSE },
    { "&#X1F4F0;", 9, 0x1F4F0, FALSE }, { "&quot;", 6, '"', FALSE },
    { "&amp", 0, 0, FALSE }, { "&bogus;", 0, 0, FALSE }, { "& amp;", 0, 0, FALSE }, { "&#;", 0, 0, FALSE },
    { "&#0;", 0, 0, FALSE }, { "&#x110000;", 0, 0, FALSE }, { "&verylongname;", 0, 0, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gunichar c = 0;
      gsize n = kg__dot_entity_length (cases[i].text, &c);
      g_assert_cmpuint (n, ==, cases[i].length);
      if (n)
        {
          g_assert_cmpuint (c, ==, cases[i].c);
          g_assert_cmpint (kg__dot_entity_is_ours (cases[i].text, n), ==, cases[i].ours);
        }
    }
}

static void
test_looks_like_html (void)
{
  static const struct { const char *text; gboolean html; } cases[] = {
    { "<b>x</b>", TRUE }, { "<>", TRUE }, { "<", FALSE }, { "a<b>", FALSE }, { "<b>x", FALSE }, { "", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kg__dot_text_looks_like_html (cases[i].text, strlen (cases[i].text)), ==, cases[i].html);
}

/* The text Graphviz draws for the only node of an SVG, lines joined by
 * '\n', no-break spaces as spaces.  (transfer full) */
static char *
svg_node_text (const char *svg, gsize length)
{
  xmlDocPtr doc = xmlReadMemory (svg, length, NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlXPathContextPtr xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathObjectPtr texts = xmlXPathEvalExpression (BAD_CAST "//s:g[@class='node']//s:text", xpath);
  GString *out = g_string_new (NULL);
  for (int i = 0; texts->nodesetval && i < texts->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (texts->nodesetval->nodeTab[i]);
      g_string_append_printf (out, "%s%s", i ? "\n" : "", (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (texts);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
  g_autofree char *joined = g_string_free (out, FALSE);
  g_auto (GStrv) parts = g_strsplit (joined, "\u00a0", -1);
  return g_strjoinv (" ", parts);
}

/* What Graphviz really draws: the label goes through agwrite, is read back
 * by cgraph's parser, laid out and rendered as SVG. */
static void
test_graphviz_renders_exactly (void)
{
  /* one context: Graphviz 2.42 reads freed memory when a second context
   * renders after the first was freed (see export-render.c) */
  GVC_t *gvc = gvContext ();
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *value = escape (hostile[i], 0);
      g_autoptr (Agraph_t) g = agopen ("g", Agdirected, NULL);
      agattr (g, AGRAPH, "charset", "UTF-8");
      Agnode_t *n = agnode (g, "n", TRUE);
      agsafeset (n, "label", value, "");
      char *written = NULL;
      size_t written_length = 0;
      FILE *stream = open_memstream (&written, &written_length);
      g_assert_cmpint (agwrite (g, stream), ==, 0);
      fclose (stream);

      kg__cgraph_begin_messages ();
      g_autoptr (Agraph_t) read = agmemread (written);
      g_assert_cmpint (gvLayout (gvc, read, "dot"), ==, 0);
      char *svg = NULL;
      unsigned int svg_length = 0;
      g_assert_cmpint (gvRenderData (gvc, read, "svg", &svg, &svg_length), ==, 0);
      g_autofree char *messages = kg__cgraph_end_messages ();
      g_assert_cmpstr (messages, ==, "");

      g_autofree char *shown = svg_node_text (svg, svg_length);
      g_autofree char *clean = kg__text_clean (hostile[i]);
      g_assert_cmpstr (shown, ==, clean);
      gvFreeRenderData (svg);
      gvFreeLayout (gvc, read);
      free (written);
    }
  gvFreeContext (gvc);
}

/* The longest run of bytes without a backslash in value. */
static gsize
longest_run (const char *value)
{
  gsize longest = 0, run = 0;
  for (const char *p = value; *p; p++)
    {
      run = *p == '\\' ? 0 : run + 1;
      longest = MAX (longest, run);
    }
  return longest;
}

/* Issue 14, defect 1: a label or tooltip with a run of 16,384 bytes or
 * more without whitespace made a .dot that `dot` could not read.  Every
 * escaped value breaks its lines before KG_DOT_BREAK_RUN_BYTES, keeps its
 * text, and Graphviz's own scanner (a file, not memory) reads it back. */
static void
test_long_runs (void)
{
  g_autoptr (GString) word = g_string_new (NULL);
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (word, 'x');
  g_autoptr (GString) bangs = g_string_new (NULL);
  for (guint i = 0; i < 12000; i++)
    g_string_append (bangs, "! ");
  g_autoptr (GString) amps = g_string_new (NULL);   /* each & becomes 5 bytes */
  for (guint i = 0; i < 5000; i++)
    g_string_append (amps, "&");
  g_autoptr (GString) accents = g_string_new ("e");  /* combining marks never start a line, up to a point */
  for (guint i = 0; i < 9000; i++)
    g_string_append (accents, "\u0301");
  const char *texts[] = { word->str, bangs->str, amps->str, accents->str };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint wrap = 0; wrap <= KG_DOT_WRAP_COLUMNS; wrap += KG_DOT_WRAP_COLUMNS)
      {
        g_autofree char *value = escape (texts[i], wrap);
        g_assert_cmpuint (longest_run (value), <=, KG_DOT_BREAK_RUN_BYTES * 3 / 2);
        g_autofree char *shown = kg__dot_render_text (value);
        g_auto (GStrv) lines = g_strsplit (shown, "\n", -1);
        g_autofree char *joined = g_strjoinv (wrap ? " " : "", lines);
        if (wrap == 0)
          g_assert_cmpstr (joined, ==, texts[i]);

        g_autoptr (Agraph_t) g = agopen ("g", Agdirected, NULL);
        Agnode_t *n = agnode (g, "n", TRUE);
        agsafeset (n, "tooltip", value, "");
        g_autofree char *path = NULL;
        int fd = g_file_open_tmp ("test-dot-syntax-XXXXXX.dot", &path, NULL);
        g_assert_cmpint (fd, >=, 0);
        FILE *stream = fdopen (fd, "w");
        g_assert_cmpint (agwrite (g, stream), ==, 0);
        fclose (stream);
        stream = fopen (path, "r");
        kg__cgraph_begin_messages ();
        Agraph_t *read = agread (stream, NULL);
        g_autofree char *messages = kg__cgraph_end_messages ();
        fclose (stream);
        g_unlink (path);
        g_assert_cmpstr (messages, ==, "");
        g_assert_nonnull (read);
        g_assert_cmpstr (agget (agfstnode (read), "tooltip"), ==, value);
        agclose (read);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dot-syntax/escape/table", test_escape_table);
  g_test_add_func ("/dot-syntax/escape/round-trip", test_escape_round_trip);
  g_test_add_func ("/dot-syntax/escape/wrap", test_wrap);
  g_test_add_func ("/dot-syntax/escape/long-runs", test_long_runs);
  g_test_add_func ("/dot-syntax/escape-kind", test_escape_kind);
  g_test_add_func ("/dot-syntax/entities", test_entities);
  g_test_add_func ("/dot-syntax/looks-like-html", test_looks_like_html);
  g_test_add_func ("/dot-syntax/graphviz-renders-exactly", test_graphviz_renders_exactly);
  return g_test_run ();
}
