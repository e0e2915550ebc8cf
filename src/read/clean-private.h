/* clean-private.h: what the cleaning files share: a block's tokens and
 * the small tests on them (clean-blocks.c classifies blocks with the
 * patterns of clean-furniture.c). */
#ifndef KG_CLEAN_PRIVATE_H
#define KG_CLEAN_PRIVATE_H

#include "reader-private.h"

#include <string.h>

typedef struct {
  const char *text;
  const KgRawToken *tokens;
  guint first, n;    /* the block's tokens */
} KgTokenSpan;

static inline const KgRawToken *
tok (const KgTokenSpan *b, guint i)
{
  return &b->tokens[b->first + i];
}

static inline gsize
tok_len (const KgTokenSpan *b, guint i)
{
  return tok (b, i)->end - tok (b, i)->start;
}

static inline gboolean
tok_is (const KgTokenSpan *b, guint i, const char *s)
{
  gsize n = strlen (s);
  return i < b->n && tok_len (b, i) == n && g_ascii_strncasecmp (b->text + tok (b, i)->start, s, n) == 0;
}

static inline gboolean
tok_in (const KgTokenSpan *b, guint i, const char *const *list)
{
  for (guint k = 0; list[k]; k++)
    if (tok_is (b, i, list[k]))
      return TRUE;
  return FALSE;
}

static inline gboolean
tok_flag (const KgTokenSpan *b, guint i, guint flag)
{
  return i < b->n && (tok (b, i)->flags & flag) != 0;
}

static inline guint
count_words (const KgTokenSpan *b, guint from, guint to)
{
  guint n = 0;
  for (guint i = from; i < to; i++)
    n += tok_flag (b, i, KG_TOK_WORD) && !tok_flag (b, i, KG_TOK_JOINS_NEXT);
  return n;
}

/* ---- patterns (clean-furniture.c) --------------------------------------- */

/* 1..12 for a month name or abbreviation (with or without its full stop). */
int kg__month_of (const char *s, gsize n);
/* Whether token i can be part of a date or time: digits, months, days,
 * am/pm, time zones, separators. */
gboolean kg__is_datetime_token (const KgTokenSpan *b, guint i);
/* Whether tokens [from, to) are a date or time and nothing else. */
gboolean kg__is_datetime (const KgTokenSpan *b, guint from, guint to);
/* A capitalised word, a name particle (al, bin, de, van ...) or an initial. */
gboolean kg__is_name_word (const KgTokenSpan *b, guint i);
/* "By NAME [, NAME] [DATE]": TRUE, the name's tokens and where the date
 * starts (b->n if none). */
gboolean kg__is_byline (const KgTokenSpan *b, guint *name_first, guint *name_end, guint *date_first);
/* Credit lines, page numbers, logos, captions, page chrome, time stamps. */
gboolean kg__is_furniture (const KgTokenSpan *b);

#endif
