/* test-html.c: the article, title, date and byline of web pages; offsets
 * into the HTML source; hostile pages (deep nesting, an XML bomb). */
#include "reader-test-util.h"

static KgDocument *
read_html (const char *html, GPtrArray *problems)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "page.html", bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  return g_ptr_array_steal_index (documents, 0);
}

/* The entities of the test pages, decoded, then the documented
 * normalisation: what a token's bytes in the source must come to. */
static char *
decode (const char *s, gsize n)
{
  static const Replacement entities[] = {
    { "&ldquo;", "\xe2\x80\x9c" }, { "&rdquo;", "\xe2\x80\x9d" }, { "&rsquo;", "\xe2\x80\x99" },
    { "&pound;", "\xc2\xa3" }, { "&amp;", "&" }, { "&#8220;", "\xe2\x80\x9c" }, { "&#8221;", "\xe2\x80\x9d" },
    { "&#x2019;", "\xe2\x80\x99" }, { "&nbsp;", "\xc2\xa0" }, { "&apos;", "'" },
  };
  g_autofree char *decoded = replace_each (s, n, entities, G_N_ELEMENTS (entities));
  return normalise (decoded, strlen (decoded));
}

static void
assert_offsets_in_source (const KgDocument *document)
{
  gsize length;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &length);
  for (guint i = 0; i < kg_document_get_n_tokens (document); i++)
    {
      const KgToken *t = kg_document_get_token (document, i);
      g_assert_cmpuint (t->end, <=, length);
      g_autofree char *slice = decode (raw + t->start, t->end - t->start);
      if (strcmp (slice, t->form) != 0)
        g_error ("token %u: form '%s', source bytes %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT " say '%s'", i,
                 t->form, t->start, t->end, slice);
    }
}

static char *
read_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (test_dir (), "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The realistic page: navigation, ads, scripts, JSON-LD, comments, footer. */
static void
test_news_page (void)
{
  g_autofree char *html = read_data_file ("news-page.html");
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_bytes_get_size (kg_document_get_raw (document)) == strlen (html));

  g_assert_cmpstr (kg_document_get_title (document), ==, "Port of Velmar and Ardent Shipping sign harbour deal");
  g_assert_cmpstr (kg_document_get_date (document), ==, "2024-05-02T09:30:00+01:00");
  g_assert_cmpstr (kg_document_get_byline (document), ==, "Lena Okafor");

  g_autofree char *kinds = kinds_of (document);
  g_assert_cmpstr (kinds, ==, "title furniture furniture body body body body body heading bullet bullet body");
  static const char *const expected[] = {
    "Port of Velmar and Ardent Shipping sign harbour deal",
    "By Lena Okafor",
    "May 2 , 2024",
    "The Port of Velmar signed a \" landmark \" 20 - year agreement with Ardent Shipping on Thursday , the port authority said .",
    "Under the deal , Ardent will invest \xc2\xa3 140 million in two new berths & a rail link .",
    "Mayor Ruth Calloway called it \" the biggest investment in the harbour since the 1990s . \"",
    "Dr. Ines Varga , who chairs the port+'s board , said the U.S. operator CaribLine had also bid .",
    "Ardent+'s chief executive , J. P. Lindqvist , did not comment .",
    "What happens next",
    "Construction starts in September .",
    "The rail link opens in 2026 .",
    "The council will vote on the planning application on June 12 .",
  };
  g_assert_cmpuint (kg_document_get_n_sentences (document), ==, G_N_ELEMENTS (expected));
  for (guint s = 0; s < G_N_ELEMENTS (expected); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (document, s);
      g_autofree char *forms = forms_of (document, sentence->first_token, sentence->n_tokens);
      g_assert_cmpstr (forms, ==, expected[s]);
    }
  /* Nothing from the navigation, ads, scripts, share tools, related
   * stories, comments, captions or footer. */
  g_autofree char *all = all_forms (document);
  static const char *const dropped[] = {
    "Home", "flights", "Subscribe", "dataLayer", "Tweet", "Ferry", "mistake", "rights", "Cranes", "Skip",
  };
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (all, dropped[i]))
      g_error ("'%s' should have been dropped: %s", dropped[i], all);
  assert_offsets_in_source (document);
}

static void
test_metadata_sources (void)
{
  static const struct {
    const char *head;
    const char *title, *date, *byline;
  } cases[] = {
    { "<title>Site | Headline one</title><meta property=\"article:published_time\" content=\"2023-03-15\">"
      "<script type=\"application/ld+json\">{\"datePublished\": \"2020-01-01\", \"author\": {\"name\": \"X\"}}</script>",
      "Site | Headline one", "2023-03-15", "X" },
    { "<title>Headline two</title>"
      "<script type=\"application/ld+json\">[{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-06-07T08:00:00Z\","
      " \"author\": \"Ann Lee\"}]</script>",
      "Headline two", "2021-06-07T08:00:00Z", "Ann Lee" },
    { "<meta name=\"twitter:title\" content=\"Headline three\"><meta itemprop=\"datePublished\" content=\"2019-02-03\">",
      "Headline three", "2019-02-03", NULL },
    { "<script type=\"application/ld+json\">{ not json }</script>", "The H1", "2018-04-05", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf (
          "<html><head>%s</head><body><h1>The H1</h1><time datetime=\"2018-04-05\">5 April</time>"
          "<p>The story itself is here.</p></body></html>",
          cases[i].head);
      g_autoptr (KgDocument) document = read_html (html, NULL);
      g_assert_cmpstr (kg_document_get_title (document), ==, cases[i].title);
      g_assert_cmpstr (kg_document_get_date (document), ==, cases[i].date);
      g_assert_cmpstr (kg_document_get_byline (document), ==, cases[i].byline);
    }
}

/* Without <article> or <main>, the densest run of paragraphs wins over
 * link lists and teasers; a small teaser <article> does not. */
static void
test_densest_paragraphs (void)
{
  const char *html =
    "<html><body>"
    "<div class=\"teasers\"><article><p>Teaser one.</p></article><article><p>Teaser two.</p></article></div>"
    "<div id=\"links\"><p>Link</p></div>"
    "<div id=\"story\"><p>The first paragraph of the real story is long enough to count.</p>"
    "<p>The second paragraph of the story carries on with more words than any teaser.</p>"
    "<p>The third paragraph ends it.</p></div>"
    "</body></html>";
  g_autoptr (KgDocument) document = read_html (html, NULL);
  g_autofree char *all = all_forms (document);
  g_assert_true (g_str_has_prefix (all, "The first paragraph"));
  g_assert_null (strstr (all, "Teaser"));
  g_assert_null (strstr (all, "Link"));
  g_assert_cmpuint (kg_document_get_n_sentences (document), ==, 3);
  assert_offsets_in_source (document);
}

/* Text that libxml2 changes on the way (here, a processing instruction it
 * reads as text) cannot be matched with the source: the document keeps the
 * extracted text as its original, says so, and its offsets are exact there. */
static void
test_alignment_fallback (void)
{
  const char *html = "<html><body><p>A <? pi ?> b.</p><p>Second paragraph.</p></body></html>";
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  const KgReadProblem *problem = g_ptr_array_index (problems, 0);
  g_assert_false (problem->skipped);
  g_assert_nonnull (strstr (problem->message, "offsets point into the extracted text"));
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), NULL);
  g_assert_null (strstr (raw, "<p>"));
  g_assert_nonnull (strstr (raw, "\n\nSecond paragraph."));
  assert_offsets_exact (document);
}

/* Markup libxml2 drops inside text, character references to nothing, and
 * entities it does not know are still matched. */
static void
test_alignment_quirks (void)
{
  const char *html = "<html><body><p>x</br>y &#0;and &unknown; it&apos;s &amp it\r\nends.</p></body></html>";
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "xy and & unknown ; it+'s & amp it ends .");
  const KgToken *xy = kg_document_get_token (document, 0);
  g_assert_cmpuint (xy->end - xy->start, ==, strlen ("x</br>y"));
}

/* 10,000 nested elements: libxml2 stops at its depth limit; the text before
 * is kept, the limit reported with its line; nothing hangs. */
static void
test_deep_nesting (void)
{
  GString *html = g_string_new ("<html><body><p>Text before the tower.</p>\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<p>Deep text.</p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html->str, problems);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "Text before the tower .");
  g_assert_cmpuint (problems->len, ==, 1);
  const KgReadProblem *problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->code, ==, KG_ERROR_LIMIT);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_nonnull (strstr (problem->message, "nested deeper"));

  /* With nothing before the tower, the page is refused. */
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (html->str + strlen ("<html><body><p>Text before the tower.</p>\n"),
                                          html->len - strlen ("<html><body><p>Text before the tower.</p>\n"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = kg_reader_read_bytes (reader, "tower.html", bytes, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, KG_ERROR, KG_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "tower.html:1: elements nested deeper"));
  g_string_free (html, TRUE);
}

/* Billion laughs in XHTML: the DTD's entities are never expanded. */
static void
test_xml_bomb (void)
{
  GString *html = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n <!ENTITY lol \"lol\">\n");
  for (guint level = 1; level <= 9; level++)
    {
      g_string_append_printf (html, " <!ENTITY lol%u \"", level);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (html, level == 1 ? "&lol;" : "&lol%u;", level - 1);
      g_string_append (html, "\">\n");
    }
  g_string_append (html, "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Bomb</title></head>"
                         "<body><p>The laughs begin: &lol9;</p><p>Nothing else happens.</p></body></html>\n");
  glong before = max_rss_kb ();
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html->str, problems);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
  g_assert_cmpint (max_rss_kb () - before, <, 20 * 1024);
  g_assert_cmpuint (problems->len, ==, 0);
  g_autofree char *sentences = sentences_of (document);
  g_assert_cmpstr (sentences, ==, "The laughs begin: &lol9; | Nothing else happens.");
  g_assert_cmpstr (kg_document_get_title (document), ==, "Bomb");
  g_string_free (html, TRUE);
}

/* A page in windows-1252 that says so is transcoded, and says that. */
static void
test_charset (void)
{
  const char *html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                     "</head><body><p>The caf\xe9 opened \x93today\x94.</p></body></html>";
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html (html, problems);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "The caf\xc3\xa9 opened \" today \" .");
  g_assert_cmpuint (problems->len, ==, 1);
  const KgReadProblem *problem = g_ptr_array_index (problems, 0);
  g_assert_nonnull (strstr (problem->message, "transcoded from windows-1252"));
  g_assert_false (problem->skipped);
}

/* <meta property="og:title"> without content= (found by fuzzing: it
 * handed NULL to g_strstrip, a GLib critical). */
static void
test_meta_without_content (void)
{
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (KgDocument) document = read_html ("<html><head><meta property=\"og:title\"><meta name=\"author\">"
                                               "<meta name=\"date\"></head><body><p>Maria Lopez met Juan "
                                               "Perez in Madrid.</p></body></html>", problems);
  g_assert_cmpuint (kg_document_get_n_sentences (document), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/meta-without-content", test_meta_without_content);
  g_test_add_func ("/html/news-page", test_news_page);
  g_test_add_func ("/html/metadata-sources", test_metadata_sources);
  g_test_add_func ("/html/densest-paragraphs", test_densest_paragraphs);
  g_test_add_func ("/html/alignment/fallback", test_alignment_fallback);
  g_test_add_func ("/html/alignment/quirks", test_alignment_quirks);
  g_test_add_func ("/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html/xml-bomb", test_xml_bomb);
  g_test_add_func ("/html/charset", test_charset);
  return g_test_run ();
}
