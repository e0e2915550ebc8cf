/* test-clean.c: what the blocks of an article are (title, headings,
 * bullets, furniture, body), the metadata they give, and the five seed
 * articles coming out as clean sentences with exact offsets. */
#include "reader-test-util.h"

/* Cases give the text and the kinds of its sentences, in order. */
static void
check_kinds (const TextCase *cases, guint n)
{
  check_text_cases (cases, n, kinds_of);
}

static void
test_furniture (void)
{
  static const TextCase cases[] = {
    /* bylines, with and without a date */
    { "The port reopened on Monday.\nBy Lena Okafor", "body furniture" },
    { "By Jane van der Berg and Omar Haddad, March 3, 2024\nThe port reopened.", "furniture body" },
    { "By the way, the port reopened.", "body" },
    /* credits: two short names around a spaced separator */
    { "The port reopened.\nMaria Lopez - tomas reyes", "body furniture" },
    { "The Iran-Belarus ties grew.", "body" },
    /* page numbers, logos, captions, chrome */
    { "Page 2 of 5\nThe port reopened.", "furniture body" },
    { "The port reopened.\nCourier logo\nPhoto: Tomas Reyes\nAdvertisement\nRead more\n\xc2\xa9 2024 The Courier",
      "body furniture furniture furniture furniture furniture" },
    /* time stamps with and without a label */
    { "Updated 10:30 GMT\nThe port reopened.", "furniture body" },
    { "Last modified: 2 May 2024, 09:30\nThe port reopened.", "furniture body" },
    { "Monday, May 6, 2024\nThe port reopened.", "furniture body" },
    /* lines without a word */
    { "The port reopened.\n* * *\nIt closed again.", "body furniture body" },
    /* datelines at the start of the first paragraph */
    { "VELMAR (Reuters) - The port reopened on Monday. It had been shut.", "furniture body body" },
    { "WNAM REPORT: The port reopened.", "furniture body" },
    { "Evansville, Indiana - The museum opened.", "furniture body" },
    { "Thursday, May 7, 2015 On Tuesday, the government announced a vote.", "furniture body" },
    { "NOTE: the meeting moved.", "body" },
    /* captions inside running text */
    { "Cranes at the terminal Image: Tomas Reyes.", "body furniture" },
    /* a stray separator at a paragraph end is not a sentence */
    { "The roadmap was signed on March 13, 2023. /", "body" },
  };
  check_kinds (cases, G_N_ELEMENTS (cases));
}

static void
test_headings (void)
{
  static const TextCase cases[] = {
    { "The port reopened.\nWhy it matters:\nTrade will grow.", "body heading body" },
    { "The port reopened.\nWhat they\xe2\x80\x99re saying:\nTrade will grow.", "body heading body" },
    { "The port reopened.\nFirst Deputy Mayor Ruth Calloway:\nTrade will grow.", "body heading body" },
    { "The port reopened.\nThe mayor told the council on Monday that:\nTrade will grow.", "body body body" },
    { "The port reopened.\nMayor Ruth Calloway said:\nTrade will grow.", "body body body" },
    { "The port reopened.\nWhy it matters\nTrade will grow.", "body heading body" },
    { "The port reopened.\nVelmar, Ardent Sign Three Harbour Agreements\nTrade will grow.", "body heading body" },
  };
  check_kinds (cases, G_N_ELEMENTS (cases));
}

static void
test_bullets (void)
{
  static const TextCase cases[] = {
    { "Key points:\n- The port reopened. Ships queued.\n\xe2\x80\xa2 Trade will grow.", "heading bullet bullet bullet" },
    { "The score was 3 - 1 at the end.", "body" },
  };
  check_kinds (cases, G_N_ELEMENTS (cases));
}

typedef struct {
  const char *text;
  const char *kinds;
  const char *title, *byline, *date;
} MetadataCase;

static void
test_title_and_metadata (void)
{
  static const MetadataCase cases[] = {
    { "Velmar, Ardent Sign Harbour Deal After Long Talks\nBy Lena Okafor March 15, 2023\nThe port signed it.",
      "title furniture body", "Velmar, Ardent Sign Harbour Deal After Long Talks", "Lena Okafor", "2023-03-15" },
    { "Velmar\xe2\x80\x99s harbour deal ...\nPage 1\nThe port signed it.", "heading furniture body",
      "Velmar\xe2\x80\x99s harbour deal ...", NULL, NULL },
    { "Last update: April 16, 2024 01:19\n\nCourier logo\n\nPort Will Reopen in May\n\nThe port signed it.",
      "furniture furniture title body", "Port Will Reopen in May", NULL, NULL },
    { "Is the harbour deal a good one?\nThe port signed it.", "title body", "Is the harbour deal a good one?", NULL, NULL },
    { "The port signed the deal on Monday.\nIt will reopen.", "body body", NULL, NULL, NULL },
    { "Why it matters:\nThe port signed it.", "heading body", NULL, NULL, NULL },
    { "A one-line story without an ending", "body", NULL, NULL, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgDocument) document = read_text (cases[i].text);
      g_autofree char *kinds = kinds_of (document);
      if (strcmp (kinds, cases[i].kinds) != 0)
        g_error ("'%s': got %s, expected %s", cases[i].text, kinds, cases[i].kinds);
      g_assert_cmpstr (kg_document_get_title (document), ==, cases[i].title);
      g_assert_cmpstr (kg_document_get_byline (document), ==, cases[i].byline);
      g_assert_cmpstr (kg_document_get_date (document), ==, cases[i].date);
    }
}

/* ---- the seeds ------------------------------------------------------------- */

static KgDocument *
read_seed (const char *name)
{
  g_autofree char *path = g_build_filename (test_dir (), "..", "seeds", name, NULL);
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) documents = kg_reader_read_file (reader, path, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 1);
  return g_ptr_array_steal_index (documents, 0);
}

static const char *const seeds[] = {
  "000_60a27b6c2513630d.txt", "001_c9860bf5d6f75a1b.txt", "002_be3693e29a9c8e21.txt",
  "003_c180dd2929c64c42.txt", "004_eb5a4ec77c9ad061.txt",
};

/* The text of sentence s, from the original bytes.  (transfer full) */
static char *
sentence_text (const KgDocument *document, guint s)
{
  const KgSentence *sentence = kg_document_get_sentence (document, s);
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), NULL);
  return g_strndup (raw + sentence->start, sentence->end - sentence->start);
}

/* Every token of every seed slices the original bytes to its form; no
 * body sentence is furniture; no abbreviation or initial is split. */
static void
test_seeds_clean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (KgDocument) document = read_seed (seeds[i]);
      assert_offsets_exact (document);
      for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
        {
          const KgSentence *sentence = kg_document_get_sentence (document, s);
          g_autofree char *text = sentence_text (document, s);
          if (sentence->kind != KG_SENTENCE_BODY && sentence->kind != KG_SENTENCE_BULLET)
            continue;
          /* No furniture left in running text. */
          g_assert_false (g_str_has_prefix (text, "By "));
          g_assert_false (g_str_has_prefix (text, "Page "));
          g_assert_false (g_str_has_suffix (text, "logo"));
          g_assert_false (g_str_has_prefix (text, "Last update"));
          g_assert_null (strstr (text, " - ahmad"));
          g_assert_false (g_str_has_suffix (text, ":") && strlen (text) < 25);
          g_assert_false (g_str_has_suffix (text, "/"));
          /* Sentences end at their final punctuation, not after an initial. */
          g_assert_false (g_str_has_suffix (text, " A."));
          g_assert_false (g_str_has_suffix (text, " U.S."));
        }
    }
}

static void
test_seed_sentences (void)
{
  static const struct {
    guint seed;
    const char *sentence;
    const char *kind;
  } expected[] = {
    { 0, "WNAM REPORT:", "furniture" },
    { 1, "Why it matters:", "heading" },
    { 1, "First Vice President Mohammad Reza Aref:", "heading" },
    { 1, "- Iran says it places \xe2\x80\x9cno limits\xe2\x80\x9d on expanding ties with Belarus.", "bullet" },
    { 1, "Hossein Vaez - ahmad shirzadian", "furniture" },
    { 2, "Page 1", "furniture" },
    { 2, "At that time, President A. Lukashenko emphasised that there had been \xe2\x80\x9c" "a certain pause\xe2\x80\x9d "
         "in relations between Belarus and Iran, which have been successfully overcome.", "body" },
    { 2, "A new impetus to bilateral relations was given in 2023 with the signing of a roadmap for comprehensive "
         "cooperation for 2023\xe2\x80\x93" "2026.", "body" },
    { 3, "Last update: April 16, 2024 01:19", "furniture" },
    { 3, "Newsroom logo", "furniture" },
    { 3, "Iran, Belarus Sign Comprehensive Cooperation Roadmap & Multiple Agreements Across Industries", "title" },
    { 3, "By Nigar Bayramli March 15, 2023", "furniture" },
    { 3, "The comprehensive cooperation roadmap and seven cooperation documents in various fields were signed "
         "between Iran and Belarus, in the presence of the presidents of the two countries Ebrahim Raisi and "
         "Alexander Lukashenko, on March 13, 2023.", "body" },
    { 3, "In 2021, the trade volume between Belarus and Iran exceeded $33 million, marking an increase of more "
         "than one-third compared to the previous year.", "body" },
    { 4, "Why it matters", "heading" },
    { 4, "The two countries increasingly coordinate positions in international organizations, presenting "
         "themselves as partners resisting U.S. and European pressure.", "body" },
    { 4, "Iran, Belarus Sign Three Cooperation Documents", "heading" },
    { 4, "Hossein Amiri - Mahboubeh Habibi", "furniture" },
  };
  KgDocument *documents[G_N_ELEMENTS (seeds)];
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    documents[i] = read_seed (seeds[i]);
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      KgDocument *document = documents[expected[e].seed];
      gboolean found = FALSE;
      for (guint s = 0; s < kg_document_get_n_sentences (document) && !found; s++)
        {
          g_autofree char *text = sentence_text (document, s);
          if (strcmp (text, expected[e].sentence) == 0)
            {
              found = TRUE;
              g_assert_cmpstr (kg_sentence_kind_to_string (kg_document_get_sentence (document, s)->kind), ==,
                               expected[e].kind);
            }
        }
      if (!found)
        g_error ("seed %u has no sentence '%s'", expected[e].seed, expected[e].sentence);
    }
  g_assert_cmpstr (kg_document_get_title (documents[3]), ==,
                   "Iran, Belarus Sign Comprehensive Cooperation Roadmap & Multiple Agreements Across Industries");
  g_assert_cmpstr (kg_document_get_byline (documents[3]), ==, "Nigar Bayramli");
  g_assert_cmpstr (kg_document_get_date (documents[3]), ==, "2023-03-15");
  g_assert_cmpstr (kg_document_get_title (documents[2]), ==, "Pezeshkian\xe2\x80\x99s Minsk visit ...");
  /* Tokens of the seeds: the clitic and the non-breaking hyphen. */
  g_autofree char *first = forms_of (documents[0], 3, 4);
  g_assert_cmpstr (first, ==, "Iran+'s Foreign Minister");
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    kg_document_free (documents[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clean/furniture", test_furniture);
  g_test_add_func ("/clean/headings", test_headings);
  g_test_add_func ("/clean/bullets", test_bullets);
  g_test_add_func ("/clean/title-and-metadata", test_title_and_metadata);
  g_test_add_func ("/clean/seeds-clean", test_seeds_clean);
  g_test_add_func ("/clean/seed-sentences", test_seed_sentences);
  return g_test_run ();
}
