/* clean-normalize.c: the working text and its map back to the original
 * bytes (reading stage, first step of cleaning).
 *
 * Readers append the article's text piece by piece with the original
 * offsets it came from; characters that web text spells in many ways are
 * normalised on the way in, so that the tokenizer and the models trained on
 * UD English (whose text has straight quotes) see one spelling:
 *
 *   ‘ ’ ‛ ʼ and the C1 controls U+0091/U+0092 (cp1252 read as Latin-1)  ->  '
 *   “ ” „ ‟ and U+0093/U+0094                                         ->  "
 *   U+2010 hyphen, U+2011 non-breaking hyphen, U+2212 minus             ->  -
 *   U+0096, U+0097 (cp1252 dashes)                                      ->  – —
 *   NBSP, U+2000..U+200A, U+202F, U+205F, U+3000, tab, other controls   ->  space
 *   U+2028, U+2029, form feed, a lone CR                                ->  line break
 *   CR before LF                                                        ->  space
 *   soft hyphen, zero-width space, word joiner, BOM                     ->  dropped
 *
 * En and em dashes and the ellipsis character stay: UD English has them.
 * The map is a list of segments: runs copied byte for byte, and single
 * replacements whose inside has no counterpart in the original.  Lookups go
 * forward from the last one, so mapping the tokens of a document in order
 * costs O(1) each.
 */
#include "reader-private.h"

#include <string.h>

KgText *
kg__text_new (gsize reserve)
{
  KgText *text = g_new0 (KgText, 1);
  text->text = g_string_sized_new (reserve + 1);
  text->segments = g_array_new (FALSE, FALSE, sizeof (KgMapSegment));
  text->blocks = g_array_new (FALSE, FALSE, sizeof (KgBlock));
  return text;
}

void
kg__text_free (KgText *text)
{
  if (text == NULL)
    return;
  g_string_free (text->text, TRUE);
  g_array_unref (text->segments);
  g_array_unref (text->blocks);
  g_free (text);
}

int
kg__normalize_char (gunichar c, char out[4])
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x0091: case 0x0092:
      out[0] = '\'';
      return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x0093: case 0x0094:
      out[0] = '"';
      return 1;
    case 0x2010: case 0x2011: case 0x2212:
      out[0] = '-';
      return 1;
    case 0x0096:
      return g_unichar_to_utf8 (0x2013, out);
    case 0x0097:
      return g_unichar_to_utf8 (0x2014, out);
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: case '\t': case '\v':
      out[0] = ' ';
      return 1;
    case 0x2028: case 0x2029: case '\f':
      out[0] = '\n';
      return 1;
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return 0;
    default:
      break;
    }
  if (c >= 0x2000 && c <= 0x200A)
    {
      out[0] = ' ';
      return 1;
    }
  if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0))
    {
      out[0] = ' ';
      return 1;
    }
  return -1;
}

static void
add_segment (KgText *text, gsize work_len, guint64 orig, guint64 orig_len, gboolean copy)
{
  GArray *segments = text->segments;
  gsize work = text->text->len - work_len;
  if (copy && segments->len > 0)
    {
      KgMapSegment *last = &g_array_index (segments, KgMapSegment, segments->len - 1);
      /* Extend the last copy when this one continues it in both texts and
       * the lengths still fit in 32 bits. */
      if (last->copy && last->work + last->work_len == work && last->orig + last->orig_len == orig
          && (guint64) last->work_len + work_len < G_MAXUINT32)
        {
          last->work_len += work_len;
          last->orig_len += work_len;
          return;
        }
    }
  while (copy && work_len > G_MAXUINT32 / 2)
    {
      /* Very long runs are cut into pieces that fit the 32-bit lengths. */
      KgMapSegment piece = { work, orig, G_MAXUINT32 / 2, G_MAXUINT32 / 2, TRUE };
      g_array_append_val (segments, piece);
      work += piece.work_len;
      orig += piece.orig_len;
      work_len -= piece.work_len;
      orig_len -= piece.orig_len;
    }
  KgMapSegment segment = { work, orig, (guint32) work_len, (guint32) MIN (orig_len, G_MAXUINT32), copy };
  g_array_append_val (segments, segment);
}

void
kg__text_append_replacement (KgText *text, const char *replacement, gsize length, guint64 orig,
                             guint64 orig_length)
{
  g_string_append_len (text->text, replacement, length);
  add_segment (text, length, orig, orig_length, FALSE);
}

void
kg__text_append_char (KgText *text, gunichar c, guint64 orig, guint64 orig_length)
{
  char out[8];
  int n = kg__normalize_char (c, out);
  if (n < 0)
    n = g_unichar_to_utf8 (c, out);
  kg__text_append_replacement (text, out, n, orig, orig_length);
}

/* Whether the byte starts a character that may need normalising: all of
 * them are control characters or start with one of these lead bytes. */
static inline gboolean
may_normalize (guchar b)
{
  return b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xCA || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

void
kg__text_append (KgText *text, const char *src, gsize length, guint64 orig)
{
  gsize run = 0; /* start of the pending copied run */
  gsize i = 0;
  while (i < length)
    {
      guchar b = (guchar) src[i];
      if (!may_normalize (b) || b == '\n')
        {
          i++;
          continue;
        }
      gsize char_len;
      gunichar c;
      if (b < 0x80)
        {
          c = b;
          char_len = 1;
        }
      else
        {
          c = g_utf8_get_char_validated (src + i, length - i);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              /* Readers validate first; a stray bad byte is copied as it is. */
              i++;
              continue;
            }
          char_len = g_utf8_next_char (src + i) - (src + i);
        }
      char out[4];
      int n;
      if (c == '\r')
        {
          n = 1;
          out[0] = (i + 1 < length && src[i + 1] == '\n') ? ' ' : '\n';
        }
      else
        n = kg__normalize_char (c, out);
      if (n < 0)
        {
          i += char_len;
          continue;
        }
      if (i > run)
        {
          g_string_append_len (text->text, src + run, i - run);
          add_segment (text, i - run, orig + run, i - run, TRUE);
        }
      kg__text_append_replacement (text, out, n, orig + i, char_len);
      i += char_len;
      run = i;
    }
  if (length > run)
    {
      g_string_append_len (text->text, src + run, length - run);
      add_segment (text, length - run, orig + run, length - run, TRUE);
    }
}

void
kg__text_add_block (KgText *text, gsize start, gsize end, KgBlockHint hint)
{
  const char *s = text->text->str;
  while (start < end && g_ascii_isspace (s[start]))
    start++;
  while (end > start && g_ascii_isspace (s[end - 1]))
    end--;
  if (start == end)
    return;
  KgBlock block = { start, end, hint };
  g_array_append_val (text->blocks, block);
}

/* The index of the segment that contains work (for starts: work inside it;
 * for ends: work inside or at its end), searched from the last hit. */
static guint
find_segment (KgText *text, gsize work, gboolean end)
{
  const KgMapSegment *seg = (const KgMapSegment *) text->segments->data;
  guint n = text->segments->len;
  guint i = MIN (text->map_hint, n - 1);
#define BEFORE(k) (end ? work <= seg[k].work : work < seg[k].work)
#define AFTER(k) (end ? work > seg[k].work + seg[k].work_len : work >= seg[k].work + seg[k].work_len)
  if (BEFORE (i) || AFTER (i))
    {
      /* Not where the last lookup was: a few steps forward, else bisect. */
      guint steps = 0;
      while (i + 1 < n && AFTER (i) && steps++ < 4)
        i++;
      if (BEFORE (i) || AFTER (i))
        {
          guint lo = 0, hi = n;
          while (lo + 1 < hi)
            {
              guint mid = (lo + hi) / 2;
              if (end ? seg[mid].work < work : seg[mid].work <= work)
                lo = mid;
              else
                hi = mid;
            }
          i = lo;
        }
    }
#undef BEFORE
#undef AFTER
  text->map_hint = i;
  return i;
}

guint64
kg__text_map_start (KgText *text, gsize work)
{
  if (text->segments->len == 0)
    return 0;
  const KgMapSegment *seg = &g_array_index (text->segments, KgMapSegment, find_segment (text, work, FALSE));
  if (work >= seg->work + seg->work_len)
    return seg->orig + seg->orig_len;
  if (seg->copy)
    return seg->orig + (work - seg->work);
  return seg->orig;
}

guint64
kg__text_map_end (KgText *text, gsize work)
{
  if (text->segments->len == 0)
    return 0;
  const KgMapSegment *seg = &g_array_index (text->segments, KgMapSegment, find_segment (text, work, TRUE));
  if (work <= seg->work)
    return seg->orig;
  if (seg->copy)
    return seg->orig + (work - seg->work);
  return seg->orig + seg->orig_len;
}
