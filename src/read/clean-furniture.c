/* clean-furniture.c: the patterns of page furniture and dates (reading
 * stage, for clean-blocks.c): lines and sentences that belong to the page,
 * not to the story.
 *
 *   bylines      "By NAME [, NAME] [DATE]": capitalised words (and name
 *                particles) after "By", then nothing or a date.
 *   credits      "Hossein Vaez - ahmad shirzadian": one to four words on
 *                each side of a spaced dash, slash or bar, no digits.
 *   page chrome  "Page N [of M]"; up to four words ending in logo, icon,
 *                photo ...; "Photo:", "Image:", "Credit:", "Source:" captions;
 *                Advertisement, Share, Read more, Related, Subscribe, Print;
 *                copyright lines; "Reporting by X; Editing by Y".
 *   time stamps  a date or time and nothing else, after an optional label
 *                that ends in ':' or starts with Updated, Published, Posted,
 *                Last ...: "Last update: April 16, 2024 01:19".
 * Dates are read from English month names, day and year numbers, and ISO
 * 8601, into YYYY-MM-DD.
 */
#include "clean-private.h"

/* ---- dates and times ------------------------------------------------------- */

static const char *const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", NULL,
};
static const char *const month_abbreviations[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL,
};
static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL,
};

int
kg__month_of (const char *s, gsize n)
{
  if (n > 0 && s[n - 1] == '.')
    n--;
  for (int m = 0; m < 12; m++)
    if ((strlen (months[m]) == n && g_ascii_strncasecmp (s, months[m], n) == 0)
        || (n == 3 && g_ascii_strncasecmp (s, month_abbreviations[m], 3) == 0)
        || (m == 8 && n == 4 && g_ascii_strncasecmp (s, "sept", 4) == 0))
      return m + 1;
  return 0;
}

gboolean
kg__is_datetime_token (const KgTokenSpan *b, guint i)
{
  const KgRawToken *t = tok (b, i);
  const char *s = b->text + t->start;
  gsize n = t->end - t->start;
  if (t->flags & KG_TOK_DIGIT)
    return TRUE;
  if (kg__month_of (s, n))
    return TRUE;
  gsize bare = n > 0 && s[n - 1] == '.' ? n - 1 : n;
  for (guint k = 0; weekdays[k]; k++)
    if (strlen (weekdays[k]) == bare && g_ascii_strncasecmp (s, weekdays[k], bare) == 0)
      return TRUE;
  static const char *const others[] = {
    "am", "pm", "a.m.", "p.m.", "at", "on", "of", "th", "st", "nd", "rd", "utc", "gmt", "z", NULL,
  };
  if (tok_in (b, i, others))
    return TRUE;
  /* Time zones: EST, CEST, IRST ... */
  if ((t->flags & KG_TOK_ALL_UPPER) && n >= 3 && n <= 4 && s[n - 1] == 'T')
    return TRUE;
  if (n == 1 && strchr (",/-.:|", s[0]))
    return TRUE;
  if (n == 3 && (memcmp (s, "\xe2\x80\x93", 3) == 0 || memcmp (s, "\xe2\x80\x94", 3) == 0))
    return TRUE;
  return FALSE;
}

gboolean
kg__is_datetime (const KgTokenSpan *b, guint from, guint to)
{
  gboolean digit = FALSE;
  if (from >= to)
    return FALSE;
  for (guint i = from; i < to; i++)
    {
      if (!kg__is_datetime_token (b, i))
        return FALSE;
      digit |= tok_flag (b, i, KG_TOK_DIGIT);
    }
  return digit;
}

static int
parse_number (const char *s, gsize n, gsize *used)
{
  int v = 0;
  gsize i = 0;
  while (i < n && i < 5 && g_ascii_isdigit (s[i]))
    v = v * 10 + (s[i++] - '0');
  *used = i;
  return i ? v : -1;
}

char *
kg__parse_date (const char *text, gsize length)
{
  int year = 0, month = 0, day = 0;
  gsize i = 0;
  while (i < length)
    {
      if (g_ascii_isdigit (text[i]))
        {
          gsize used;
          int v = parse_number (text + i, length - i, &used);
          if (used == 4 && i + 9 < length + 1 && text[i + 4] == '-' && length - i >= 10
              && g_ascii_isdigit (text[i + 5]) && g_ascii_isdigit (text[i + 6]) && text[i + 7] == '-'
              && g_ascii_isdigit (text[i + 8]) && g_ascii_isdigit (text[i + 9]))
            {
              /* ISO 8601: 2023-03-15 */
              year = v;
              month = (text[i + 5] - '0') * 10 + (text[i + 6] - '0');
              day = (text[i + 8] - '0') * 10 + (text[i + 9] - '0');
              break;
            }
          if (used == 4 && year == 0)
            year = v;
          else if (used <= 2 && day == 0 && v >= 1 && v <= 31 && (i + used >= length || text[i + used] != ':'))
            day = v;
          i += used;
          while (i < length && g_ascii_isalnum (text[i]))
            i++; /* ordinal suffixes, times */
          continue;
        }
      if (g_ascii_isalpha (text[i]))
        {
          gsize j = i;
          while (j < length && g_ascii_isalpha (text[j]))
            j++;
          int m = kg__month_of (text + i, j - i);
          if (m && month == 0)
            month = m;
          i = j;
          continue;
        }
      i++;
    }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* ---- furniture ------------------------------------------------------------- */

static gboolean is_page_furniture (const KgTokenSpan *b);

/* Name particles that may be lower case inside a name. */
static const char *const name_particles[] = {
  "al", "el", "bin", "ibn", "de", "da", "di", "del", "der", "la", "le", "van", "von", "ul", "and", "of", NULL,
};

gboolean
kg__is_name_word (const KgTokenSpan *b, guint i)
{
  return tok_flag (b, i, KG_TOK_UPPER) || tok_in (b, i, name_particles) || tok_is (b, i, "-")
         || tok_is (b, i, ".") || tok_flag (b, i, KG_TOK_ABBREV);
}

/* "By NAME [, NAME] [DATE]": returns TRUE and the name's token range. */
gboolean
kg__is_byline (const KgTokenSpan *b, guint *name_first, guint *name_end, guint *date_first)
{
  if (b->n < 2 || b->n > 20 || !tok_is (b, 0, "by") || !tok_flag (b, 0, KG_TOK_UPPER))
    return FALSE;
  guint i = 1;
  while (i < b->n && (kg__is_name_word (b, i) || tok_is (b, i, ",")) && !(kg__month_of (b->text + tok (b, i)->start, tok_len (b, i)) && tok_flag (b, i + 1, KG_TOK_DIGIT)))
    i++;
  guint end = i;
  while (end > 1 && (tok_is (b, end - 1, ",") || tok_is (b, end - 1, "and")))
    end--;
  if (end <= 1 || !tok_flag (b, 1, KG_TOK_UPPER))
    return FALSE;
  /* The rest: a date, or "|"/"-"/"," and a date, or nothing. */
  guint rest = i;
  while (rest < b->n && (tok_is (b, rest, "|") || tok_is (b, rest, "-") || tok_is (b, rest, ",")))
    rest++;
  if (rest < b->n && !kg__is_datetime (b, rest, b->n))
    return FALSE;
  *name_first = 1;
  *name_end = end;
  *date_first = rest;
  return TRUE;
}

/* "Hossein Vaez - ahmad shirzadian": two short names around a separator. */
static gboolean
is_credit (const KgTokenSpan *b)
{
  guint sep = 0, left = 0, right = 0;
  for (guint i = 0; i < b->n; i++)
    {
      const KgRawToken *t = tok (b, i);
      if (t->flags & KG_TOK_WORD)
        {
          if (t->flags & (KG_TOK_DIGIT | KG_TOK_JOINS_NEXT | KG_TOK_ABBREV))
            return FALSE;
          for (gsize k = t->start; k < t->end; k++)
            if (g_ascii_isdigit (b->text[k]))
              return FALSE;
          if (sep)
            right++;
          else
            left++;
        }
      else if (!sep && i > 0 && (tok_is (b, i, "-") || tok_is (b, i, "/") || tok_is (b, i, "|")
                                 || tok_is (b, i, "\xe2\x80\x93") || tok_is (b, i, "\xe2\x80\x94")))
        sep = i;
      else
        return FALSE;
    }
  if (!sep || left < 1 || right < 1 || left > 4 || right > 4 || left + right < 3)
    return FALSE;
  /* Spaced separator: "Name - name", not "Iran-Belarus". */
  return tok_flag (b, sep, KG_TOK_SPACE_BEFORE) && tok_flag (b, sep, KG_TOK_SPACE_AFTER)
         && tok_flag (b, 0, KG_TOK_UPPER);
}

static const char *const caption_labels[] = {
  "photo", "image", "picture", "video", "credit", "credits", "source", "caption", "illustration",
  "file", "photograph", "graphic", NULL,
};

gboolean
kg__is_caption_label (const char *text, const KgRawToken *tokens, guint n, guint i)
{
  KgTokenSpan b = { text, tokens, 0, n };
  return tok_flag (&b, i, KG_TOK_UPPER) && tok_in (&b, i, caption_labels) && tok_is (&b, i + 1, ":");
}

gboolean
kg__is_furniture_sentence (const char *text, const KgRawToken *tokens, guint n)
{
  KgTokenSpan b = { text, tokens, 0, n };
  guint name_first, name_end, date_first;
  return n > 0 && (is_page_furniture (&b) || kg__is_byline (&b, &name_first, &name_end, &date_first));
}

static gboolean
is_page_furniture (const KgTokenSpan *b)
{
  /* Page N, Page N of M */
  if ((tok_is (b, 0, "page") || tok_is (b, 0, "pages")) && b->n >= 2 && b->n <= 4)
    {
      for (guint i = 1; i < b->n; i++)
        if (!tok_flag (b, i, KG_TOK_DIGIT) && !tok_is (b, i, "of") && !tok_is (b, i, "/") && !tok_is (b, i, "-"))
          return FALSE;
      return TRUE;
    }
  guint words = count_words (b, 0, b->n);
  /* "Newsroom logo", "Author photo" */
  static const char *const image_words[] = {
    "logo", "icon", "banner", "thumbnail", "avatar", "image", "photo", "picture", NULL,
  };
  if (words <= 4 && tok_in (b, b->n - 1, image_words) && tok_flag (b, b->n - 1, KG_TOK_LOWER))
    return TRUE;
  /* Captions and credits: "Photo: ...", "Source: AFP" */
  if (b->n >= 2 && tok_in (b, 0, caption_labels) && tok_is (b, 1, ":") && words <= 12)
    return TRUE;
  /* Page chrome that is only a phrase. */
  static const char *const chrome[][4] = {
    { "advertisement" }, { "advertising" }, { "sponsored" }, { "share" }, { "share", "this" },
    { "share", "this", "article" }, { "read", "more" }, { "read", "also" }, { "see", "also" },
    { "related" }, { "related", "articles" }, { "related", "stories" }, { "follow", "us" },
    { "subscribe" }, { "sign", "up" }, { "print" }, { "comments" }, { "back", "to", "top" },
    { "skip", "to", "content" }, { "all", "rights", "reserved" },
  };
  guint end = b->n;
  while (end > 0 && !tok_flag (b, end - 1, KG_TOK_WORD))
    end--;
  for (guint k = 0; k < G_N_ELEMENTS (chrome); k++)
    {
      guint len = 0;
      while (len < 4 && chrome[k][len])
        len++;
      if (end != len)
        continue;
      gboolean match = TRUE;
      for (guint i = 0; i < len && match; i++)
        match = tok_is (b, i, chrome[k][i]);
      if (match)
        return TRUE;
    }
  /* Copyright lines; "Reporting by X; Editing by Y" */
  if (tok_is (b, 0, "\xc2\xa9") || tok_is (b, 0, "copyright"))
    return TRUE;
  static const char *const credit_verbs[] = { "reporting", "editing", "writing", "compiled", "additional", NULL };
  if (tok_in (b, 0, credit_verbs) && (tok_is (b, 1, "by") || tok_is (b, 2, "by")) && words <= 16)
    return TRUE;
  return FALSE;
}

/* "Last update: April 16, 2024 01:19", "Updated 10:30 GMT", "15 March 2023":
 * a date and time, after a label that ends in ':' or starts with a word
 * that labels time stamps. */
static gboolean
is_timestamp (const KgTokenSpan *b)
{
  static const char *const stamp_words[] = {
    "updated", "update", "published", "posted", "modified", "created", "issued", "date", "last", "first", NULL,
  };
  if (kg__is_datetime (b, 0, b->n))
    return TRUE;
  guint i = 0;
  while (i < b->n && i < 5 && tok_flag (b, i, KG_TOK_WORD) && !kg__is_datetime_token (b, i))
    i++;
  if (i == 0)
    return FALSE;
  if (tok_is (b, i, ":"))
    i++;
  else if (!tok_in (b, 0, stamp_words))
    return FALSE;
  return kg__is_datetime (b, i, b->n);
}

gboolean
kg__is_furniture (const KgTokenSpan *b)
{
  return is_credit (b) || is_page_furniture (b) || is_timestamp (b);
}
