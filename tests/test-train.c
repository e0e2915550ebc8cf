/* test-train.c: the trainers end to end on a few hand-written sentences:
 * they learn their training data, write models that load, and write the
 * same bytes every time. */
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"
#include <kgraph.h>

#include <glib/gstdio.h>
#include <unistd.h>

static GPtrArray *
read_tiny (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tiny.conllu", NULL);
  g_autoptr (GError) error = NULL;
  GPtrArray *docs = kg_conllu_read (path, &error);
  g_assert_no_error (error);
  return docs;
}

/* Copies of the gold annotation of every token. */
static GArray *
gold_tokens (GPtrArray *docs)
{
  GArray *gold = g_array_new (FALSE, FALSE, sizeof (KgToken));
  for (guint d = 0; d < docs->len; d++)
    for (guint i = 0; i < kg_document_get_n_tokens (docs->pdata[d]); i++)
      g_array_append_val (gold, *kg_document_get_token (docs->pdata[d], i));
  return gold;
}

static void
test_tagger (void)
{
  g_autoptr (GPtrArray) docs = read_tiny ();
  g_autoptr (GArray) gold = gold_tokens (docs);
  KgTrainOptions options = { .iterations = 8, .seed = 1 };
  g_autoptr (GBytes) model = kg_tagger_train (docs, NULL, &options);
  g_autoptr (GBytes) again = kg_tagger_train (docs, NULL, &options);
  g_assert_true (g_bytes_equal (model, again));

  g_autoptr (GError) error = NULL;
  g_autoptr (KgTagger) tagger = kg_tagger_new_from_bytes (model, &error);
  g_assert_no_error (error);
  guint right = 0, k = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      kg_tagger_tag (tagger, docs->pdata[d]);
      for (guint i = 0; i < kg_document_get_n_tokens (docs->pdata[d]); i++, k++)
        {
          const KgToken *t = kg_document_get_token (docs->pdata[d], i);
          right += t->upos == g_array_index (gold, KgToken, k).upos;
        }
    }
  /* Tags seen fewer than three times are folded into commoner ones, and
   * in eight sentences many are that rare; the rest it learns. */
  g_test_message ("UPOS right: %u of %u", right, gold->len);
  g_assert_cmpuint (right * 10, >=, gold->len * 9);
}

static void
test_lemmatizer (void)
{
  g_autoptr (GPtrArray) docs = read_tiny ();
  KgTrainOptions options = { .iterations = 1, .seed = 1 };
  g_autoptr (GBytes) model = kg_lemmatizer_train (docs, NULL, &options);
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kgraph-lemmatizer-XXXXXX.bin", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (model, NULL), g_bytes_get_size (model), NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (KgLemmatizer) lemmatizer = kg_lemmatizer_load (path, &error);
  g_unlink (path);
  g_assert_no_error (error);
  static const struct { const char *form; KgUpos upos; const char *xpos, *lemma; } cases[] = {
    { "signed", KG_UPOS_VERB, "VBD", "sign" },       /* seen */
    { "met", KG_UPOS_VERB, "VBD", "meet" },          /* seen, irregular */
    { "countries", KG_UPOS_NOUN, "NNS", "country" }, /* seen */
    { "hosted", KG_UPOS_VERB, "VBD", "host" },
    { "The", KG_UPOS_DET, "DT", "the" },             /* case folded */
    { "Minsk", KG_UPOS_PROPN, "NNP", "Minsk" },      /* case kept */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lemma = kg_lemmatizer_lemma (lemmatizer, cases[i].form, cases[i].upos, cases[i].xpos);
      g_assert_cmpstr (lemma, ==, cases[i].lemma);
    }
}

static void
test_parser (void)
{
  g_autoptr (GPtrArray) docs = read_tiny ();
  g_autoptr (GArray) gold = gold_tokens (docs);
  KgTrainOptions options = { .iterations = 10, .seed = 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) model = kg_parser_train (docs, NULL, &options);
  g_autoptr (GBytes) again = kg_parser_train (docs, NULL, &options);
  g_assert_true (g_bytes_equal (model, again));

  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kgraph-parser-XXXXXX.bin", &path, NULL);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (model, NULL), g_bytes_get_size (model), NULL));
  g_autoptr (KgParser) parser = kg_parser_load (path, &error);
  g_unlink (path);
  g_assert_no_error (error);
  guint right = 0, k = 0;
  for (guint d = 0; d < docs->len; d++)
    {
      kg_parser_parse (parser, docs->pdata[d]);
      for (guint i = 0; i < kg_document_get_n_tokens (docs->pdata[d]); i++, k++)
        {
          const KgToken *t = kg_document_get_token (docs->pdata[d], i);
          right += t->head == g_array_index (gold, KgToken, k).head
                   && g_strcmp0 (t->deprel, g_array_index (gold, KgToken, k).deprel) == 0;
        }
    }
  /* a parser learns eight sentences by heart */
  g_assert_cmpuint (right, ==, gold->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/train/tagger", test_tagger);
  g_test_add_func ("/train/lemmatizer", test_lemmatizer);
  g_test_add_func ("/train/parser", test_parser);
  return g_test_run ();
}
