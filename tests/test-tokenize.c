/* test-tokenize.c: tokens in the UD English (EWT) style, with the offsets
 * and spacing of the original text.  Cases give the text and its tokens,
 * space-separated, the words of a multiword token joined with '+'. */
#include "reader-test-util.h"

static void
check_cases (const TextCase *cases, guint n)
{
  check_text_cases (cases, n, all_forms);
}

static void
test_clitics (void)
{
  static const TextCase cases[] = {
    { "Iran\xe2\x80\x99s Foreign Minister", "Iran+'s Foreign Minister" },
    { "I don't know", "I do+n't know" },
    { "We can't and won't", "We ca+n't and wo+n't" },
    { "I'm sure they're fine and we'll see what you've got", "I+'m sure they+'re fine and we+'ll see what you+'ve got" },
    { "He'd said she's right", "He+'d said she+'s right" },
    { "O'Brien's car", "O'Brien+'s car" },
    { "the parents' cars", "the parents+' cars" },
    { "DON'T SHOUT", "DO+N'T SHOUT" },
    { "gonna go, cannot stay, dont care", "gon+na go , can+not stay , do+nt care" },
    { "the 1990's boom", "the 1990+'s boom" },
    { "Ελλάδα\xe2\x80\x99s café", "Ελλάδα+'s café" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_hyphens (void)
{
  static const TextCase cases[] = {
    { "Al-Zaman reported", "Al - Zaman reported" },
    { "Iran-Belarus ties", "Iran - Belarus ties" },
    { "a like\xe2\x80\x91minded state", "a like - minded state" },
    { "the 30-year history", "the 30 - year history" },
    { "an e-mail from a non-profit co-op", "an e-mail from a non-profit co-op" },
    { "non-adult-like results", "non - adult - like results" },
    { "call 713-853-3989 or 646-8420", "call 713-853-3989 or 646-8420" },
    { "pages 10-15", "pages 10 - 15" },
    { "ninety-nine years", "ninety-nine years" },
    { "2023\xe2\x80\x93" "2026 roadmap", "2023 \xe2\x80\x93 2026 roadmap" },
    { "pre- and post-war", "pre - and post-war" },
    { "I th- think so", "I th- think so" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_numbers_and_symbols (void)
{
  static const TextCase cases[] = {
    { "exceeded $33 million, up 3.5% from 10,000.", "exceeded $ 33 million , up 3.5 % from 10,000 ." },
    { "US$ 20,000 bail", "US$ 20,000 bail" },
    { "on 9/11 at 01:19", "on 9/11 at 01:19" },
    { "from 6:00am to 10pm", "from 6:00 am to 10 pm" },
    { "the 1990s and the 20th century", "the 1990s and the 20th century" },
    { "a .5 share", "a .5 share" },
    { "AT&T and R&D, not you&me", "AT&T and R&D , not you & me" },
    { "#IStandWithAhmed says @POTUS, #2", "#IStandWithAhmed says @POTUS , # 2" },
    { "Wait... what?! Really!!!", "Wait ... what ?! Really !!!" },
    { "a dash -- here", "a dash -- here" },
    { "Smile :) and :-( too", "Smile :) and :-( too" },
    { "as it ended [...] the rest", "as it ended [...] the rest" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_abbreviations (void)
{
  static const TextCase cases[] = {
    { "the U.S. and Mr. Smith met on Jan. 5", "the U.S. and Mr. Smith met on Jan. 5" },
    { "President A. Lukashenko", "President A. Lukashenko" },
    { "No. 5 was there, e.g. at 3 p.m.", "No. 5 was there , e.g. at 3 p.m." },
    { "I said no.", "I said no ." },
    { "See p. 330 and Fig. 2", "See p. 330 and Fig. 2" },
    { "Apple Inc. and Acme Corp.", "Apple Inc. and Acme Corp ." },
    { "They sell fuel, food, etc... and more", "They sell fuel , food , etc ... and more" },
    { "It rose to $5m, then 650k, 2x more: b/c w/o l/c and/or", "It rose to $ 5 m , then 650 k , 2 x more : b/c w/o l/c and / or" },
    { "Ask me.", "Ask me ." },
    /* A full stop that ends the sentence leaves an abbreviation (EWT). */
    { "Fuel, food, etc. The list ends with G. The end.", "Fuel , food , etc . The list ends with G . The end ." },
    { "Talks with the U.S. The end.", "Talks with the U.S. The end ." },
    { "quality.You'll see", "quality . You+'ll see" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_urls (void)
{
  static const TextCase cases[] = {
    { "Visit https://example.org/a_(b)?x=1&y=2 or mail info@example.com.",
      "Visit https://example.org/a_(b)?x=1&y=2 or mail info@example.com ." },
    { "(see http://x.org/page).", "( see http://x.org/page ) ." },
    { "at www.courier.example, Amazon.com too", "at www.courier.example , Amazon.com too" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_quotes_and_brackets (void)
{
  static const TextCase cases[] = {
    { "the \xe2\x80\x9c" "Friends of the Charter,\xe2\x80\x9d which", "the \" Friends of the Charter , \" which" },
    { "'quoted' words", "' quoted ' words" },
    { "Shanghai [Cooperation Organization] and (EAEU)", "Shanghai [ Cooperation Organization ] and ( EAEU )" },
    { "(a) first, (b) second", "(a) first , (b) second" },
    /* a list label one byte into a block read nothing before the block
     * (a fuzz finding: UBSan's pointer overflow) */
    { "(a)", "(a)" },
    { "Xa)", "Xa )" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Offsets into the original bytes survive normalisation and Unicode. */
static void
test_offsets (void)
{
  const char *text = "\xef\xbb\xbf" "Co\xc2\xad" "operation on June\xc2\xa0" "12 in Z\xc3\xbcrich\xe2\x80\x99s caf\xc3\xa9.\r\nNext line";
  g_autoptr (KgDocument) document = read_text (text);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "Cooperation on June 12 in Zürich+'s café . Next line");
  assert_offsets_exact (document);
  const KgToken *first = kg_document_get_token (document, 0);
  g_assert_cmpuint (first->start, ==, 3);  /* after the byte order mark */
  g_assert_cmpuint (first->end, ==, 3 + 13);  /* the soft hyphen is inside */
  const KgToken *june = kg_document_get_token (document, 2);
  g_assert_false (june->space_after == FALSE);  /* NBSP is white space */
  const KgToken *zurich = kg_document_get_token (document, 5);
  g_assert_cmpstr (zurich->form, ==, "Zürich");
  g_assert_false (zurich->space_after);
  g_assert_true (zurich->joins_next);
  const KgToken *clitic = kg_document_get_token (document, 6);
  g_assert_cmpuint (clitic->end - clitic->start, ==, 4);  /* ’ is three bytes */
  g_assert_cmpuint (kg_document_get_n_sentences (document), ==, 2);
}

static void
test_space_after (void)
{
  g_autoptr (KgDocument) document = read_text ("Hello, world (again).");
  gboolean expected[] = { FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE };
  g_assert_cmpuint (kg_document_get_n_tokens (document), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (kg_document_get_token (document, i)->space_after, ==, expected[i]);
}

/* The whole reading stage (normalising, tokenizing, cleaning, splitting,
 * filling the document) on 1.8 million tokens: at least half a million
 * tokens a second on one core (the tokenizer alone does several million). */
static void
test_speed (void)
{
  if (!g_test_perf () && !g_test_thorough ())
    {
      g_test_skip ("speed is measured with -m perf");
      return;
    }
  GString *text = g_string_new (NULL);
  while (text->len < 8 << 20)
    g_string_append (text, "Iran\xe2\x80\x99s Foreign Minister Seyed Abbas Araghchi said on Monday that trade rose "
                           "3.5% to $33 million, and the U.S. didn't comment.\n");
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (KgDocument) document = read_one (text->str, text->len, KG_INPUT_FORMAT_TEXT);
  double seconds = g_timer_elapsed (timer, NULL);
  guint n = kg_document_get_n_tokens (document);
  g_test_minimized_result (seconds / n * 1e6, "%.3f microseconds per token (%u tokens, whole reading stage)",
                           seconds / n * 1e6, n);
  g_assert_cmpfloat (n / seconds, >, 5e5);
  g_string_free (text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tokenize/clitics", test_clitics);
  g_test_add_func ("/tokenize/hyphens", test_hyphens);
  g_test_add_func ("/tokenize/numbers-and-symbols", test_numbers_and_symbols);
  g_test_add_func ("/tokenize/abbreviations", test_abbreviations);
  g_test_add_func ("/tokenize/urls", test_urls);
  g_test_add_func ("/tokenize/quotes-and-brackets", test_quotes_and_brackets);
  g_test_add_func ("/tokenize/offsets", test_offsets);
  g_test_add_func ("/tokenize/space-after", test_space_after);
  g_test_add_func ("/tokenize/speed", test_speed);
  return g_test_run ();
}
