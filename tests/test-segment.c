/* test-segment.c: sentence boundaries: abbreviations and initials,
 * numbers, quotes and brackets after the full stop, ellipses, citations,
 * paragraph breaks. */
#include "reader-test-util.h"

/* Cases give the text and its sentences joined by " | ". */
static void
check_cases (const TextCase *cases, guint n)
{
  check_text_cases (cases, n, sentences_of);
}

static void
test_abbreviations (void)
{
  static const TextCase cases[] = {
    { "At that time, President A. Lukashenko emphasised a pause. The roadmap followed.",
      "At that time, President A. Lukashenko emphasised a pause. | The roadmap followed." },
    { "Pressure from the U.S. and Europe grew. It was the U.S. The talks failed.",
      "Pressure from the U.S. and Europe grew. | It was the U.S. | The talks failed." },
    { "Mr. Raisi met Dr. Varga on Jan. 5 at No. 10 Downing St. in London.",
      "Mr. Raisi met Dr. Varga on Jan. 5 at No. 10 Downing St. in London." },
    { "George W. Bush spoke at 3 p.m. Eastern time on Monday.",
      "George W. Bush spoke at 3 p.m. Eastern time on Monday." },
    { "It covers fuel, food, etc. The list is long.", "It covers fuel, food, etc. | The list is long." },
    { "It was said by G. The end.", "It was said by G. | The end." },
    { "See p. 330 for details, e.g. the second table.", "See p. 330 for details, e.g. the second table." },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_numbers (void)
{
  static const TextCase cases[] = {
    { "Trade exceeded $33 million in 2021. In 2022, it rose 3.5% to over 10,000 units.",
      "Trade exceeded $33 million in 2021. | In 2022, it rose 3.5% to over 10,000 units." },
    { "Iran signed it in 2023. 2024 was quieter.", "Iran signed it in 2023. | 2024 was quieter." },
    { "1. Introduction", "1. Introduction" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_quotes_and_brackets (void)
{
  static const TextCase cases[] = {
    { "He said: \xe2\x80\x9cWe will win.\xe2\x80\x9d Then he left.",
      "He said: \xe2\x80\x9cWe will win.\xe2\x80\x9d | Then he left." },
    { "\xe2\x80\x9cIs it over?\xe2\x80\x9d she asked.", "\xe2\x80\x9cIs it over?\xe2\x80\x9d she asked." },
    { "(He left early.) She stayed.", "(He left early.) | She stayed." },
    { "It was cited twice. [3] The next study disagreed.", "It was cited twice. [3] | The next study disagreed." },
    { "The minister said \"no.\" \"Yes,\" said the other.", "The minister said \"no.\" | \"Yes,\" said the other." },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_final_punctuation (void)
{
  static const TextCase cases[] = {
    { "Really? Yes! Fine...", "Really? | Yes! | Fine..." },
    { "It ended\xe2\x80\xa6 Then again, maybe not.", "It ended\xe2\x80\xa6 | Then again, maybe not." },
    { "We waited... and waited.", "We waited... and waited." },
    { "What?! No way!!!", "What?! | No way!!!" },
    { "i went home. then i slept.", "i went home. | then i slept." },
    { "The site grew.It now has more pictures.", "The site grew. | It now has more pictures." },
    { "Visit www.example.com today.", "Visit www.example.com today." },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_paragraphs (void)
{
  static const TextCase cases[] = {
    { "A line without an end\nThe next line", "A line without an end | The next line" },
    { "First paragraph.\n\nSecond paragraph.", "First paragraph. | Second paragraph." },
    { "One sentence\r\nand its CRLF line", "One sentence | and its CRLF line" },
    /* Hard-wrapped prose: single line breaks are spaces. */
    { "This paragraph was wrapped by an editor at about sixty\n"
      "characters, as e-mail and plain-text archives often are, so\n"
      "its single line breaks are not the ends of sentences at all.\n"
      "\n"
      "A blank line still ends the paragraph and the sentence.",
      "This paragraph was wrapped by an editor at about sixty\n"
      "characters, as e-mail and plain-text archives often are, so\n"
      "its single line breaks are not the ends of sentences at all. | "
      "A blank line still ends the paragraph and the sentence." },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segment/abbreviations", test_abbreviations);
  g_test_add_func ("/segment/numbers", test_numbers);
  g_test_add_func ("/segment/quotes-and-brackets", test_quotes_and_brackets);
  g_test_add_func ("/segment/final-punctuation", test_final_punctuation);
  g_test_add_func ("/segment/paragraphs", test_paragraphs);
  return g_test_run ();
}
