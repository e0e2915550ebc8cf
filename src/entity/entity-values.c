/* entity-values.c: dates, times, amounts of money, percentages,
 * quantities, ordinals and cardinal numbers, found by rules over the
 * tagged tokens, each with a normalised value (entity stage; see
 * entity-values.h).
 *
 * Values: DATE in ISO 8601 ("2023-03-13", "2023-07", "2023", a range
 * "2023/2026"), TIME as "HH:MM", MONEY as "CODE AMOUNT" ("USD 33000000"),
 * PERCENT, QUANTITY and CARDINAL as a number, with a comparison in front
 * when the text has one (">10000" for "more than 10,000"), ORDINAL as its
 * number ("18" for "18th").
 */
#include "entity-values.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december",
};

typedef struct {
  const char *word;
  double value;
  gboolean multiplier;  /* scales what comes before ("million") */
} NumberWord;

static const NumberWord number_words[] = {
  { "zero", 0, FALSE }, { "one", 1, FALSE }, { "two", 2, FALSE }, { "three", 3, FALSE }, { "four", 4, FALSE },
  { "five", 5, FALSE }, { "six", 6, FALSE }, { "seven", 7, FALSE }, { "eight", 8, FALSE }, { "nine", 9, FALSE },
  { "ten", 10, FALSE }, { "eleven", 11, FALSE }, { "twelve", 12, FALSE }, { "thirteen", 13, FALSE },
  { "fourteen", 14, FALSE }, { "fifteen", 15, FALSE }, { "sixteen", 16, FALSE }, { "seventeen", 17, FALSE },
  { "eighteen", 18, FALSE }, { "nineteen", 19, FALSE }, { "twenty", 20, FALSE }, { "thirty", 30, FALSE },
  { "forty", 40, FALSE }, { "fifty", 50, FALSE }, { "sixty", 60, FALSE }, { "seventy", 70, FALSE },
  { "eighty", 80, FALSE }, { "ninety", 90, FALSE }, { "dozen", 12, FALSE },
  { "hundred", 1e2, TRUE }, { "thousand", 1e3, TRUE }, { "million", 1e6, TRUE }, { "billion", 1e9, TRUE },
  { "trillion", 1e12, TRUE }, { "bn", 1e9, TRUE }, { "mn", 1e6, TRUE },
};

static const char *const ordinal_words[] = {
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth",
};

typedef struct {
  const char *word;
  const char *code;
} Currency;

static const Currency currencies[] = {
  { "$", "USD" }, { "us$", "USD" }, { "dollar", "USD" }, { "dollars", "USD" }, { "€", "EUR" }, { "euro", "EUR" },
  { "euros", "EUR" }, { "£", "GBP" }, { "pound", "GBP" }, { "pounds", "GBP" }, { "¥", "JPY" }, { "yen", "JPY" },
  { "yuan", "CNY" }, { "rial", "IRR" }, { "rials", "IRR" }, { "ruble", "RUB" }, { "rubles", "RUB" },
  { "rouble", "RUB" }, { "roubles", "RUB" }, { "rupee", "INR" }, { "rupees", "INR" },
};

#define MAX_COMPARISON_WORDS 2

typedef struct {
  const char *words[MAX_COMPARISON_WORDS];  /* lower case; NULL after the last */
  const char *sign;
} Comparison;

static const Comparison comparisons[] = {
  { { "more", "than" }, ">" }, { { "over" }, ">" }, { { "above" }, ">" }, { { "at", "least" }, ">=" },
  { { "less", "than" }, "<" }, { { "fewer", "than" }, "<" }, { { "under" }, "<" }, { { "below" }, "<" },
  { { "up", "to" }, "<=" }, { { "at", "most" }, "<=" }, { { "about" }, "~" }, { { "around" }, "~" },
  { { "nearly" }, "~" }, { { "almost" }, "~" }, { { "approximately" }, "~" }, { { "some" }, "~" },
};

static const char *const units[] = {
  "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "tons",
  "tonnes", "ton", "tonne", "barrels", "barrel", "kg", "kilograms", "hectares", "megawatts", "mw", "gw",
  "square", "litres", "liters", "cubic",
};

/* ---- looking at tokens ------------------------------------------------- */

typedef struct {
  const KgDocument *doc;
  const KgSentence *sentence;
} Words;

static const char *
form (const Words *w, guint i)
{
  return i < w->sentence->n_tokens ? kg_document_get_token (w->doc, w->sentence->first_token + i)->form : "";
}

static gboolean
is (const Words *w, guint i, const char *word)
{
  return g_ascii_strcasecmp (form (w, i), word) == 0;
}

static int
month_of (const char *word)
{
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      gsize n = strlen (word);
      if (g_ascii_strcasecmp (word, months[m]) == 0
          /* "Jan", "Sept", "Dec." as a token without its full stop */
          || (n >= 3 && n < strlen (months[m]) && g_ascii_strncasecmp (word, months[m], n) == 0
              && (n == 3 || (m == 8 && n == 4)) && m != 4))
        return (int) m + 1;
    }
  return 0;
}

/* A number written in digits ("10,000", "3.5", "13"); FALSE otherwise. */
static gboolean
digits_value (const char *text, double *value)
{
  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  char clean[64];
  gsize n = 0;
  for (const char *p = text; *p; p++)
    {
      if (*p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
        continue;
      if ((!g_ascii_isdigit (*p) && *p != '.') || n + 1 >= sizeof clean)
        return FALSE;
      clean[n++] = *p;
    }
  clean[n] = '\0';
  char *end = NULL;
  *value = g_ascii_strtod (clean, &end);
  return end && *end == '\0';
}

static const NumberWord *
number_word (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (g_ascii_strcasecmp (text, number_words[i].word) == 0)
      return &number_words[i];
  return NULL;
}

/* Reads a number starting at word i ("33 million", "two", "10,000",
 * "twenty-five" is left alone); returns the words read, 0 if none. */
static guint
read_number (const Words *w, guint i, double *value)
{
  guint read = 0;
  if (digits_value (form (w, i), value))
    read = 1;
  else
    {
      const NumberWord *nw = number_word (form (w, i));
      if (nw == NULL || nw->multiplier)
        return 0;
      *value = nw->value;
      read = 1;
    }
  for (;;)
    {
      const NumberWord *nw = number_word (form (w, i + read));
      if (nw == NULL || !nw->multiplier)
        break;
      *value *= nw->value;
      read++;
    }
  return read;
}

static gboolean
is_year (double value)
{
  return value >= 1000 && value <= 2999 && value == (int) value;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  if (value == (gint64) value && value < 1e18)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* ---- the recognisers ----------------------------------------------------- */

typedef struct {
  guint n;               /* words taken, 0 for no match */
  KgEntityType type;
  char *value;
} Match;

/* "March 13, 2023", "March 13", "March 2023", "13 March 2023". */
static Match
match_date (const Words *w, guint i)
{
  Match m = { 0 };
  double day = 0, year = 0;
  int month = month_of (form (w, i));
  if (month)
    {
      guint k = i + 1;
      if (is (w, k, "."))
        k++;
      if (digits_value (form (w, k), &day) && day >= 1 && day <= 31 && !is_year (day))
        {
          k++;
          if (is (w, k, ",") && digits_value (form (w, k + 1), &year) && is_year (year))
            {
              m.n = k + 2 - i;
              m.value = g_strdup_printf ("%04d-%02d-%02d", (int) year, month, (int) day);
            }
          else
            {
              m.n = k - i;
              m.value = g_strdup_printf ("--%02d-%02d", month, (int) day);
            }
        }
      else if (digits_value (form (w, k), &year) && is_year (year))
        {
          m.n = k + 1 - i;
          m.value = g_strdup_printf ("%04d-%02d", (int) year, month);
        }
    }
  else if (digits_value (form (w, i), &day) && day >= 1 && day <= 31 && (month = month_of (form (w, i + 1))))
    {
      if (digits_value (form (w, i + 2), &year) && is_year (year))
        {
          m.n = 3;
          m.value = g_strdup_printf ("%04d-%02d-%02d", (int) year, month, (int) day);
        }
      else
        {
          m.n = 2;
          m.value = g_strdup_printf ("--%02d-%02d", month, (int) day);
        }
    }
  m.type = KG_ENTITY_DATE;
  return m;
}

/* A year alone ("in 2023") or a range of years ("2023-2026", "2023–2026"). */
static Match
match_year (const Words *w, guint i)
{
  Match m = { 0 };
  const KgToken *t = kg_document_get_token (w->doc, w->sentence->first_token + i);
  double year = 0, until = 0;
  if (t->upos != KG_UPOS_NUM || !digits_value (t->form, &year) || !is_year (year) || strlen (t->form) != 4)
    return m;
  m.type = KG_ENTITY_DATE;
  const char *dash = form (w, i + 1);
  if ((strcmp (dash, "-") == 0 || strcmp (dash, "–") == 0 || strcmp (dash, "—") == 0)
      && digits_value (form (w, i + 2), &until) && is_year (until) && until > year)
    {
      m.n = 3;
      m.value = g_strdup_printf ("%04d/%04d", (int) year, (int) until);
    }
  else
    {
      m.n = 1;
      m.value = g_strdup_printf ("%04d", (int) year);
    }
  return m;
}

/* "01:19", "10 a.m.", "3:30 pm". */
static Match
match_time (const Words *w, guint i)
{
  Match m = { 0 };
  const char *text = form (w, i);
  int hours, minutes;
  char tail;
  if (sscanf (text, "%d:%d%c", &hours, &minutes, &tail) == 2 && hours >= 0 && hours < 24 && minutes >= 0
      && minutes < 60 && strlen (text) <= 5)
    {
      m.n = 1;
      const char *ampm = form (w, i + 1);
      if (g_ascii_strcasecmp (ampm, "pm") == 0 || g_ascii_strcasecmp (ampm, "p.m.") == 0)
        hours = hours % 12 + 12, m.n = 2;
      else if (g_ascii_strcasecmp (ampm, "am") == 0 || g_ascii_strcasecmp (ampm, "a.m.") == 0)
        hours = hours % 12, m.n = 2;
      m.type = KG_ENTITY_TIME;
      m.value = g_strdup_printf ("%02d:%02d", hours, minutes);
    }
  return m;
}

static const char *
currency_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (word, currencies[i].word) == 0 || strcmp (word, currencies[i].word) == 0)
      return currencies[i].code;
  return NULL;
}

static gboolean
is_unit (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (word, units[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Amounts: "$33 million", "$ 4.25", "100 million dollars", "3.5%",
 * "10 percent", "500 km", and plain numbers, each with what it compares
 * ("more than 10,000"). */
static Match
match_amount (const Words *w, guint i)
{
  Match m = { 0 };
  guint start = i;
  const char *sign = "";
  for (guint c = 0; c < G_N_ELEMENTS (comparisons); c++)
    {
      const char *const *words = comparisons[c].words;
      guint n = words[1] ? 2 : 1, k = 0;
      while (k < n && is (w, i + k, words[k]))
        k++;
      double probe;
      if (k == n && (read_number (w, i + n, &probe) || currency_of (form (w, i + n))))
        {
          sign = comparisons[c].sign;
          i += n;
          break;
        }
    }
  double value = 0;
  const char *code = currency_of (form (w, i));
  guint read = read_number (w, i + (code ? 1 : 0), &value);
  if (read == 0)
    return m;
  guint end = i + (code ? 1 : 0) + read;
  g_autofree char *number = NULL;
  if (code == NULL && (code = currency_of (form (w, end))))
    end++;
  if (code)
    {
      m.type = KG_ENTITY_MONEY;
      number = format_number (value);
      m.value = g_strdup_printf ("%s%s %s", sign, code, number);
    }
  else
    {
      if (is (w, end, "%") || is (w, end, "percent") || is (w, end, "per cent"))
        m.type = KG_ENTITY_PERCENT, end++;
      else if (is_unit (form (w, end)))
        m.type = KG_ENTITY_QUANTITY, end++;
      else
        m.type = KG_ENTITY_CARDINAL;
      number = format_number (value);
      m.value = g_strdup_printf ("%s%s", sign, number);
    }
  m.n = end - start;
  return m;
}

/* "18th", "1st", "first" (as an adjective). */
static Match
match_ordinal (const Words *w, guint i)
{
  Match m = { 0 };
  const KgToken *t = kg_document_get_token (w->doc, w->sentence->first_token + i);
  const char *text = t->form;
  char *end = NULL;
  long n = strtol (text, &end, 10);
  if (end != text && n > 0 && (g_ascii_strcasecmp (end, "th") == 0 || g_ascii_strcasecmp (end, "st") == 0
                               || g_ascii_strcasecmp (end, "nd") == 0 || g_ascii_strcasecmp (end, "rd") == 0))
    m.value = g_strdup_printf ("%ld", n);
  else if (t->upos == KG_UPOS_ADJ)
    for (guint k = 0; k < G_N_ELEMENTS (ordinal_words); k++)
      if (g_ascii_strcasecmp (text, ordinal_words[k]) == 0)
        m.value = g_strdup_printf ("%u", k + 1);
  if (m.value)
    {
      m.n = 1;
      m.type = KG_ENTITY_ORDINAL;
    }
  return m;
}

static Match
match_at (const Words *w, guint i)
{
  Match (*matchers[]) (const Words *, guint) = { match_date, match_time, match_year, match_ordinal, match_amount };
  for (guint k = 0; k < G_N_ELEMENTS (matchers); k++)
    {
      Match m = matchers[k] (w, i);
      if (m.n > 0)
        return m;
      g_free (m.value);
    }
  Match none = { 0 };
  return none;
}

/* Is any word of [first, first + n) inside a mention already found? */
static gboolean
overlaps_mention (const KgDocument *doc, guint first, guint n)
{
  for (guint k = 0; k < n; k++)
    if (kg_document_find_mention (doc, first + k) >= 0)
      return TRUE;
  return FALSE;
}

void
kg_entity_values_find (KgDocument *doc)
{
  for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
    {
      Words w = { doc, kg_document_get_sentence (doc, s) };
      for (guint i = 0; i < w.sentence->n_tokens;)
        {
          Match m = match_at (&w, i);
          guint first = w.sentence->first_token + i;
          if (m.n > 0 && !overlaps_mention (doc, first, m.n))
            {
              KgMention mention = { .first_token = first, .n_tokens = m.n, .head = first + m.n - 1,
                                    .type = m.type, .kind = KG_MENTION_VALUE, .value = m.value, .chain = -1 };
              kg_document_add_mention (doc, &mention);
            }
          i += MAX (m.n, 1);
          g_free (m.value);
        }
    }
}
