/* read-text.c: plain text in (reading stage).
 *
 * The bytes must be UTF-8 (or are repaired when reading leniently); a byte
 * order mark is skipped and CRLF line ends are read as line ends.  The
 * paragraphs are the lines: news text copied from web pages puts one
 * paragraph (or headline, label, list item) on each line, so every line
 * break ends a block.  Hard-wrapped prose is the exception: lines of at most
 * 100 characters, two thirds of those followed by another line ending in
 * the middle of a sentence, and half of those continued in lower case on
 * the next line.  There only blank lines, list markers and label lines
 * ending in ':' end a block.
 */
#include "reader-private.h"

#include <string.h>

typedef struct {
  gsize start, end;   /* the line without its line break, white space trimmed */
} Line;

static gsize
char_count (const char *s, gsize n)
{
  gsize chars = 0;
  for (gsize i = 0; i < n; i++)
    chars += ((guchar) s[i] & 0xC0) != 0x80;
  return chars;
}

static gboolean
starts_with_list_marker (const char *s, const Line *line)
{
  gsize n = line->end - line->start;
  const char *p = s + line->start;
  if (n >= 2 && (p[0] == '-' || p[0] == '*') && p[1] == ' ')
    return TRUE;
  return n >= 4 && memcmp (p, "\xe2\x80\xa2", 3) == 0 && p[3] == ' ';
}

/* Whether the lines look hard-wrapped (see the top of the file). */
static gboolean
is_hard_wrapped (const char *s, const GArray *lines)
{
  gsize longest = 0;
  guint internal = 0, open = 0, continued = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gsize chars = char_count (s + line->start, line->end - line->start);
      longest = MAX (longest, chars);
      if (longest > 100)
        return FALSE;
      if (chars == 0 || i + 1 >= lines->len)
        continue;
      const Line *next = &g_array_index (lines, Line, i + 1);
      if (next->end == next->start)
        continue;
      internal++;
      char last = s[line->end - 1];
      if (chars >= 30 && !strchr (".!?:\"')]", last))
        {
          open++;
          continued += g_ascii_islower (s[next->start]) || g_ascii_isdigit (s[next->start]);
        }
    }
  return internal >= 2 && open * 3 >= internal * 2 && continued * 2 >= open;
}

void
kg__text_split_lines (KgText *text, gsize start)
{
  const char *s = text->text->str;
  gsize length = text->text->len;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  for (gsize i = start; i <= length;)
    {
      const char *nl = memchr (s + i, '\n', length - i);
      gsize end = nl ? (gsize) (nl - s) : length;
      Line line = { i, end };
      while (line.start < line.end && (s[line.start] == ' '))
        line.start++;
      while (line.end > line.start && (s[line.end - 1] == ' '))
        line.end--;
      g_array_append_val (lines, line);
      i = end + 1;
    }

  if (!is_hard_wrapped (s, lines))
    {
      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);
          kg__text_add_block (text, line->start, line->end, KG_BLOCK_TEXT);
        }
      return;
    }
  gsize block = G_MAXSIZE;  /* start of the open block */
  gsize block_end = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gboolean blank = line->end == line->start;
      if (block != G_MAXSIZE && (blank || starts_with_list_marker (s, line)))
        {
          kg__text_add_block (text, block, block_end, KG_BLOCK_TEXT);
          block = G_MAXSIZE;
        }
      if (blank)
        continue;
      if (block == G_MAXSIZE)
        block = line->start;
      block_end = line->end;
      if (s[line->end - 1] == ':')
        {
          kg__text_add_block (text, block, block_end, KG_BLOCK_TEXT);
          block = G_MAXSIZE;
        }
    }
  if (block != G_MAXSIZE)
    kg__text_add_block (text, block, block_end, KG_BLOCK_TEXT);
}

gboolean
kg__read_text (KgReadContext *context, GBytes *bytes, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (data == NULL)   /* empty bytes may have no data at all */
    data = "";
  g_autoptr (KgText) text = kg__text_new (length);
  gsize skip = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  kg__text_append (text, data + skip, length - skip, skip);
  kg__text_split_lines (text, 0);

  g_autoptr (KgDocument) document = kg_document_new (strcmp (context->path, "-") == 0 ? "stdin" : context->path, bytes);
  kg_document_set_source (document, context->display);
  if (!kg__document_fill (document, text, error))
    return FALSE;
  if (kg_document_get_n_tokens (document) == 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: no text (the file is empty or white space only)",
                   context->display);
      return FALSE;
    }
  g_ptr_array_add (context->documents, g_steal_pointer (&document));
  return TRUE;
}
