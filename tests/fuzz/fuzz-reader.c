/* fuzz-reader.c: kg_reader_read_bytes with one input format, chosen at
 * compile time (KG_FUZZ_FORMAT): the text, HTML and JSON Lines readers,
 * with the cleaning, sentence splitting and tokenizing behind them. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_FUZZ_FORMAT);
  /* half the inputs leniently, so that repaired text is split too */
  kg_reader_set_lenient (reader, size > 0 && (data[0] & 1));
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "fuzz", bytes, problems, &error);
  if (documents == NULL)
    return 0;
  for (guint i = 0; i < documents->len; i++)
    {
      const KgDocument *document = documents->pdata[i];
      guint n = kg_document_get_n_tokens (document);
      for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
        (void) kg_document_get_sentence (document, s);
      if (n > 0)
        g_free (kg_document_dup_text (document, 0, n));
    }
  return 0;
}
