/* read-document.c: from a working text with blocks to a KgDocument of
 * sentences and tokens (reading stage, the step every format shares).
 *
 * Order: tokenize every block (tokenize.c), classify the blocks into units
 * (clean-blocks.c), split the running-text units into sentences
 * (segment.c), and add the tokens with their offsets mapped back to the
 * original bytes (clean-normalize.c).  A token's form is its normalised
 * working text; space_after says whether white space (or the end of a
 * block) follows it.
 */
#include "reader-private.h"
#include "read-file.h"

#include <string.h>

/* The kind of the sentence of a split unit that ends before token end:
 * a caption or byline inside running text is furniture. */
static KgSentenceKind
sentence_kind (const char *s, const KgRawToken *tokens, guint first, guint n, const gboolean *starts, guint end,
               KgSentenceKind kind)
{
  guint start = end - 1;
  while (start > 0 && !starts[start])
    start--;
  if (kg__is_furniture_sentence (s, tokens + first + start, end - start))
    return KG_SENTENCE_FURNITURE;
  return kind;
}

static void
add_token (KgDocument *document, KgText *text, const char *s, gsize start, gsize end, gboolean space_after,
           gboolean joins_next, GString *form)
{
  g_string_truncate (form, 0);
  g_string_append_len (form, s + start, end - start);
  guint64 from = kg__text_map_start (text, start);
  guint64 to = kg__text_map_end (text, end);
  guint index = kg_document_add_token (document, form->str, from, MAX (from, to), space_after);
  if (joins_next)
    kg_document_get_token_mut (document, index)->joins_next = TRUE;
}

/* Whether a run without a sentence end is cut before token i, the
 * sentence so far having length tokens: at the limit, or after a comma or
 * semicolon in the last fifth before it. */
static gboolean
forced_cut (const char *s, const KgRawToken *tokens, guint i, guint length)
{
  if (length >= KG_READER_MAX_SENTENCE_TOKENS)
    return TRUE;
  if (length < KG_READER_MAX_SENTENCE_TOKENS - KG_READER_MAX_SENTENCE_TOKENS / 5)
    return FALSE;
  const KgRawToken *previous = &tokens[i - 1];
  return previous->end == previous->start + 1 && (s[previous->start] == ',' || s[previous->start] == ';');
}

/* Adds tokens [first, first + n) of a unit, cut into sentences at starts
 * and where a sentence would grow too long. */
static void
add_tokens (KgDocument *document, KgText *text, const KgRawToken *tokens, guint first, guint n,
            const gboolean *starts, KgSentenceKind kind, GString *form)
{
  const char *s = text->text->str;
  guint length = 0;
  for (guint i = 0; i < n; i++, length++)
    {
      const KgRawToken *t = &tokens[first + i];
      if (i > 0 && starts && starts[i])
        {
          kg_document_add_sentence (document, sentence_kind (s, tokens, first, n, starts, i, kind));
          length = 0;
        }
      else if (i > 0 && forced_cut (s, tokens + first, i, length))
        {
          kg_document_add_sentence (document, kind);
          length = 0;
        }
      gsize token_end = t->end;
      if ((t->flags & KG_TOK_ABBREV) && (i + 1 == n || (starts && starts[i + 1]))
          && !memchr (s + t->start, '.', t->end - t->start - 1))
        {
          /* An abbreviation that ends a sentence gives its full stop to
           * the sentence, as in EWT ("etc" "."); dotted ones keep it
           * ("U.S."). */
          token_end--;
          add_token (document, text, s, t->start, token_end, FALSE, FALSE, form);
        }
      add_token (document, text, s, token_end == t->end ? t->start : token_end, t->end,
                 (t->flags & KG_TOK_SPACE_AFTER) != 0, (t->flags & KG_TOK_JOINS_NEXT) && i + 1 < n, form);
    }
  kg_document_add_sentence (document, starts ? sentence_kind (s, tokens, first, n, starts, n, kind) : kind);
}

/* The original bytes of working text [start, end), white space runs as
 * single spaces.  (transfer full) */
static char *
original_text (KgDocument *document, KgText *text, gsize start, gsize end)
{
  gsize length;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &length);
  guint64 from = MIN (kg__text_map_start (text, start), length);
  guint64 to = MIN (kg__text_map_end (text, end), length);
  GString *out = g_string_sized_new (to - from);
  for (guint64 i = from; i < to; i++)
    {
      if (g_ascii_isspace (raw[i]))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, raw[i]);
    }
  return g_string_free (out, FALSE);
}

gboolean
kg__document_fill (KgDocument *document, KgText *text, GError **error)
{
  const char *s = text->text->str;
  GArray *blocks = text->blocks;
  g_autoptr (GArray) tokens = g_array_sized_new (FALSE, FALSE, sizeof (KgRawToken), text->text->len / 5 + 16);
  g_autofree guint *block_first = g_new (guint, blocks->len + 1);
  for (guint b = 0; b < blocks->len; b++)
    {
      const KgBlock *block = &g_array_index (blocks, KgBlock, b);
      if (block->end - block->start > KG_READER_MAX_PARAGRAPH_BYTES)
        {
          gsize raw_length;
          const char *raw = g_bytes_get_data (kg_document_get_raw (document), &raw_length);
          guint64 at = kg__text_map_start (text, block->start);
          guint line, column;
          kg_text_position (raw, MIN (at, raw_length), &line, &column);
          g_set_error (error, KG_ERROR, KG_ERROR_LIMIT,
                       "%s:%u: a paragraph of %" G_GSIZE_FORMAT " bytes from byte %" G_GUINT64_FORMAT
                       ", beyond the limit of %" G_GSIZE_FORMAT " (not article text?)",
                       kg_document_get_id (document), line, block->end - block->start, at,
                       (gsize) KG_READER_MAX_PARAGRAPH_BYTES);
          return FALSE;
        }
      block_first[b] = tokens->len;
      kg__tokenize (s, block->start, block->end, tokens);
    }
  block_first[blocks->len] = tokens->len;

  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (KgUnit));
  KgFoundMetadata found = { 0, 0, 0, 0, NULL };
  const KgRawToken *all = (const KgRawToken *) tokens->data;
  kg__clean_blocks (s, blocks, all, block_first, units, &found);

  g_autoptr (GString) form = g_string_sized_new (64);
  g_autofree gboolean *starts = NULL;
  guint starts_size = 0;
  for (guint u = 0; u < units->len; u++)
    {
      const KgUnit *unit = &g_array_index (units, KgUnit, u);
      if (unit->split)
        {
          if (unit->n > starts_size)
            {
              starts_size = MAX (unit->n, starts_size * 2);
              starts = g_renew (gboolean, starts, starts_size);
            }
          kg__segment (s, all + unit->first, unit->n, starts);
        }
      add_tokens (document, text, all, unit->first, unit->n, unit->split ? starts : NULL, unit->kind, form);
    }

  if (kg_document_get_title (document) == NULL && found.title_end > found.title_start)
    {
      g_autofree char *title = original_text (document, text, found.title_start, found.title_end);
      kg_document_set_title (document, title);
    }
  if (kg_document_get_byline (document) == NULL && found.byline_end > found.byline_start)
    {
      g_autofree char *byline = original_text (document, text, found.byline_start, found.byline_end);
      kg_document_set_byline (document, byline);
    }
  if (kg_document_get_date (document) == NULL && found.date)
    kg_document_set_date (document, found.date);
  g_free (found.date);
  return TRUE;
}
