/* fuzz-segment.c: the tokenizer and the sentence splitter on one block of
 * text.  The reader hands them valid UTF-8 without NUL bytes, so the input
 * is made so first. */
#include "fuzz.h"
#include "read/reader-private.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  gsize length = strlen (text);
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (KgRawToken));
  kg__tokenize (text, 0, length, tokens);
  if (tokens->len == 0)
    return 0;
  g_autofree gboolean *starts = g_new0 (gboolean, tokens->len);
  kg__segment (text, (const KgRawToken *) tokens->data, tokens->len, starts);
  for (guint i = 0; i < tokens->len; i++)
    {
      const KgRawToken *token = &g_array_index (tokens, KgRawToken, i);
      if (token->start >= token->end || token->end > length)
        abort ();
    }
  return 0;
}
