/* test-conllu.c: CoNLL-U out and back in: multiword tokens, offsets,
 * SpaceAfter and sentence kinds survive the trip. */
#include "reader-test-util.h"

static void
test_multiword_tokens_written (void)
{
  g_autoptr (KgDocument) document = read_text ("Iran\xe2\x80\x99s minister didn't come.\nBy Lena Okafor");
  g_autoptr (GString) out = g_string_new (NULL);
  kg_conllu_write (document, out);
  const char *expected =
    "# newdoc id = test\n"
    "# sent_id = test-1\n"
    "# text = Iran\xe2\x80\x99s minister didn't come.\n"
    "1-2\tIran's\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:8\n"
    "1\tIran\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:4\n"
    "2\t's\t_\t_\t_\t_\t_\t_\t_\tTokenRange=4:8\n"
    "3\tminister\t_\t_\t_\t_\t_\t_\t_\tTokenRange=9:17\n"
    "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=18:24\n"
    "4\tdid\t_\t_\t_\t_\t_\t_\t_\tTokenRange=18:21\n"
    "5\tn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=21:24\n"
    "6\tcome\t_\t_\t_\t_\t_\t_\t_\tTokenRange=25:29|SpaceAfter=No\n"
    "7\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=29:30\n"
    "\n"
    "# sent_id = test-2\n"
    "# kind = furniture\n"
    "# text = By Lena Okafor\n"
    "1\tBy\t_\t_\t_\t_\t_\t_\t_\tTokenRange=31:33\n"
    "2\tLena\t_\t_\t_\t_\t_\t_\t_\tTokenRange=34:38\n"
    "3\tOkafor\t_\t_\t_\t_\t_\t_\t_\tTokenRange=39:45\n"
    "\n";
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_multiword_tokens_read (void)
{
  const char *conllu =
    "# newdoc id = d\n"
    "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\t!\t!\tPUNCT\t.\t_\t0\troot\t_\t_\n"
    "4-5\tgonna\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "4\tgon\tgo\tVERB\tVBG\t_\t3\tdep\t_\t_\n"
    "5\tna\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
    "6-7\tdel\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "6\tde\tde\tADP\tIN\t_\t3\tdep\t_\t_\n"
    "7\tel\tel\tDET\tDT\t_\t3\tdep\t_\t_\n"
    "\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (conllu, strlen (conllu));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_conllu_read_bytes ("mwt.conllu", bytes, &error);
  g_assert_no_error (error);
  KgDocument *document = g_ptr_array_index (documents, 0);
  g_assert_cmpuint (kg_document_get_n_tokens (document), ==, 7);
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), NULL);
  g_assert_true (g_str_has_prefix (raw, "can't! gonna del"));
  /* Words that spell their token get their own part of it ... */
  const KgToken *ca = kg_document_get_token (document, 0), *nt = kg_document_get_token (document, 1);
  g_assert_cmpuint (ca->start, ==, 0);
  g_assert_cmpuint (ca->end, ==, 2);
  g_assert_cmpuint (nt->start, ==, 2);
  g_assert_cmpuint (nt->end, ==, 5);
  g_assert_true (ca->joins_next);
  g_assert_false (nt->joins_next);
  g_assert_false (nt->space_after);
  /* ... words that do not ("de" + "el" = "del") span the whole token. */
  const KgToken *de = kg_document_get_token (document, 5), *el = kg_document_get_token (document, 6);
  g_assert_cmpuint (de->start, ==, 13);
  g_assert_cmpuint (el->start, ==, 13);
  g_assert_cmpuint (el->end, ==, 16);

  /* Written again, the token lines come back. */
  g_autoptr (GString) out = g_string_new (NULL);
  kg_conllu_write (document, out);
  g_assert_nonnull (strstr (out->str, "\n1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:5|SpaceAfter=No\n"));
  g_assert_nonnull (strstr (out->str, "\n4-5\tgonna\t"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/conllu/multiword-tokens/written", test_multiword_tokens_written);
  g_test_add_func ("/conllu/multiword-tokens/read", test_multiword_tokens_read);
  return g_test_run ();
}
