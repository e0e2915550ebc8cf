/* fuzz-conllu.c: the CoNLL-U reader, and writing back what it read. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_conllu_read_bytes ("fuzz", bytes, &error);
  if (documents == NULL)
    return 0;
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint i = 0; i < documents->len; i++)
    kg_conllu_write (documents->pdata[i], out);
  return 0;
}
