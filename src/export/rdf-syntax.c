/* rdf-syntax.c: slugs, literals, IRI and XML Schema lexical checks (export
 * stage; see rdf-syntax.h).  The IRI check follows the ABNF of RFC 3987
 * section 2.2; the datatype checks follow XML Schema 1.1 Part 2. */
#include "rdf-syntax.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ------------------------------------------------------------ */

static gboolean
is_unreserved_ascii (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '~';
}

void
kg__rdf_append_slug (GString *out, const char *key)
{
  g_return_if_fail (out != NULL && key != NULL);
  for (const guchar *p = (const guchar *) key; *p; p++)
    {
      if (*p == ' ')
        g_string_append_c (out, '_');
      else if (is_unreserved_ascii (*p))
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

void
kg__rdf_append_literal (GString *out, const char *text)
{
  g_return_if_fail (out != NULL && text != NULL);
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20 || *p == 0x7F)
            g_string_append_printf (out, "\\u%04X", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* ---- IRIs (RFC 3987) ---------------------------------------------------- */

static gboolean
is_ucschar (gunichar c)
{
  if ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF))
    return TRUE;
  /* Planes 1 to 14, without the last two code points of each, and only
   * E1000-EFFFD in plane 14. */
  if (c >= 0x10000 && c <= 0xDFFFD)
    return (c & 0xFFFF) <= 0xFFFD;
  return c >= 0xE1000 && c <= 0xEFFFD;
}

static gboolean
is_iprivate (gunichar c)
{
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

static gboolean
is_iunreserved (gunichar c)
{
  return (c < 0x80 && (is_unreserved_ascii (c) || c == '_')) || is_ucschar (c);
}

static gboolean
is_sub_delim (gunichar c)
{
  return c < 0x80 && strchr ("!$&'()*+,;=", (int) c) != NULL && c != 0;
}

typedef struct {
  const char *text;
  gsize length;
  gsize pos;
  const char *why;
} IriScan;

static gunichar
peek (const IriScan *s)
{
  return s->pos < s->length ? g_utf8_get_char (s->text + s->pos) : 0;
}

static void
advance (IriScan *s)
{
  s->pos = g_utf8_next_char (s->text + s->pos) - s->text;
}

/* Consumes one character of a component whose characters are iunreserved,
 * pct-encoded, sub-delims and those in extra (plus iprivate if private).
 * Returns FALSE at a character that ends the component, and sets why at
 * an illegal one. */
static gboolean
component_char (IriScan *s, const char *extra, gboolean private)
{
  gunichar c = peek (s);
  if (s->pos >= s->length)
    return FALSE;
  if (c == '%')
    {
      if (s->pos + 2 < s->length && g_ascii_isxdigit (s->text[s->pos + 1])
          && g_ascii_isxdigit (s->text[s->pos + 2]))
        {
          s->pos += 3;
          return TRUE;
        }
      s->why = "'%' not followed by two hex digits";
      return FALSE;
    }
  if (is_iunreserved (c) || is_sub_delim (c) || (c < 0x80 && c && strchr (extra, (int) c))
      || (private && is_iprivate (c)))
    {
      advance (s);
      return TRUE;
    }
  return FALSE;
}

/* Reads a component up to one of the characters in stop (or the end);
 * anything else is illegal. */
static gboolean
scan_component (IriScan *s, const char *extra, gboolean private, const char *stop)
{
  while (component_char (s, extra, private))
    ;
  if (s->why)
    return FALSE;
  gunichar c = peek (s);
  if (s->pos >= s->length || (c < 0x80 && c && strchr (stop, (int) c)))
    return TRUE;
  s->why = c <= 0x20 ? "illegal space or control character"
           : c == '#' ? "a second '#'"
           : "illegal character";
  return FALSE;
}

static gboolean
scan_authority (IriScan *s)
{
  gsize end = s->pos;
  while (end < s->length && !strchr ("/?#", s->text[end]))
    end++;
  /* userinfo ends at the last '@' of the authority */
  const char *at = g_strrstr_len (s->text + s->pos, end - s->pos, "@");
  if (at)
    {
      IriScan user = { s->text, at - s->text, s->pos, NULL };
      if (!scan_component (&user, ":", FALSE, ""))
        {
          s->pos = user.pos, s->why = user.why;
          return FALSE;
        }
      s->pos = at + 1 - s->text;
    }
  if (s->pos < end && s->text[s->pos] == '[')
    {
      const char *close = memchr (s->text + s->pos, ']', end - s->pos);
      if (close == NULL)
        {
          s->why = "'[' without ']' in the host";
          return FALSE;
        }
      for (const char *p = s->text + s->pos + 1; p < close; p++)
        if (!g_ascii_isxdigit (*p) && !strchr (":.vV", *p) && !is_sub_delim ((guchar) *p)
            && !is_unreserved_ascii (*p))
          {
            s->pos = p - s->text;
            s->why = "illegal character in an IP literal";
            return FALSE;
          }
      s->pos = close + 1 - s->text;
    }
  else
    {
      IriScan host = { s->text, end, s->pos, NULL };
      if (!scan_component (&host, "", FALSE, ":"))
        {
          s->pos = host.pos, s->why = host.why;
          return FALSE;
        }
      s->pos = host.pos;
    }
  if (s->pos < end && s->text[s->pos] == ':')
    {
      s->pos++;
      while (s->pos < end && g_ascii_isdigit (s->text[s->pos]))
        s->pos++;
    }
  if (s->pos < end)
    {
      s->why = "illegal character in the authority";
      return FALSE;
    }
  return TRUE;
}

gboolean
kg__rdf_iri_check (const char *iri, gsize length, gsize *where, const char **why)
{
  g_return_val_if_fail (iri != NULL, FALSE);
  IriScan s = { iri, length, 0, NULL };

  if (!g_utf8_validate_len (iri, length, NULL))
    s.why = "not valid UTF-8";
  else if (length == 0 || !g_ascii_isalpha (iri[0]))
    s.why = "relative IRI: no scheme (N-Triples needs absolute IRIs)";
  else
    {
      while (s.pos < length && (g_ascii_isalnum (iri[s.pos]) || strchr ("+-.", iri[s.pos])))
        s.pos++;
      if (s.pos >= length || iri[s.pos] != ':')
        {
          s.why = "relative IRI: no scheme (N-Triples needs absolute IRIs)";
          s.pos = 0;
        }
      else
        {
          s.pos++;
          gboolean ok = TRUE;
          if (s.pos + 1 < length && iri[s.pos] == '/' && iri[s.pos + 1] == '/')
            {
              s.pos += 2;
              ok = scan_authority (&s);
            }
          ok = ok && scan_component (&s, ":@/", FALSE, "?#");
          if (ok && peek (&s) == '?')
            {
              advance (&s);
              ok = scan_component (&s, ":@/?", TRUE, "#");
            }
          if (ok && peek (&s) == '#')
            {
              advance (&s);
              ok = scan_component (&s, ":@/?", FALSE, "");
            }
        }
    }
  if (s.why == NULL)
    return TRUE;
  if (where)
    *where = s.pos;
  if (why)
    *why = s.why;
  return FALSE;
}

/* ---- XML Schema lexical forms ------------------------------------------- */

/* Consumes [+-]?digits+ from *p; TRUE if there was at least one digit. */
static gboolean
scan_digits (const char **p, gboolean sign)
{
  if (sign && (**p == '+' || **p == '-'))
    (*p)++;
  const char *start = *p;
  while (g_ascii_isdigit (**p))
    (*p)++;
  return *p > start;
}

static gboolean
is_integer (const char *s)
{
  return scan_digits (&s, TRUE) && *s == '\0';
}

static gboolean
is_decimal (const char **p)
{
  if (**p == '+' || **p == '-')
    (*p)++;
  gboolean before = scan_digits (p, FALSE), after = FALSE;
  if (**p == '.')
    {
      (*p)++;
      after = scan_digits (p, FALSE);
    }
  return before || after;
}

static gboolean
is_double (const char *s)
{
  if (strcmp (s, "NaN") == 0 || strcmp (s, "INF") == 0 || strcmp (s, "+INF") == 0 || strcmp (s, "-INF") == 0)
    return TRUE;
  if (!is_decimal (&s))
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (!scan_digits (&s, TRUE))
        return FALSE;
    }
  return *s == '\0';
}

/* Two digits forming a number in [lo, hi]. */
static gboolean
two_digits (const char **p, int lo, int hi, int *value)
{
  if (!g_ascii_isdigit ((*p)[0]) || !g_ascii_isdigit ((*p)[1]))
    return FALSE;
  int v = ((*p)[0] - '0') * 10 + ((*p)[1] - '0');
  *p += 2;
  if (value)
    *value = v;
  return v >= lo && v <= hi;
}

/* -?YYYY+ : four or more digits, no leading zero beyond four.  Only the
 * year modulo 400 matters (for leap years), so huge years are fine. */
static gboolean
scan_year (const char **p, int *year_mod_400)
{
  if (**p == '-')
    (*p)++;
  const char *start = *p;
  int mod = 0;
  while (g_ascii_isdigit (**p))
    mod = (mod * 10 + (*(*p)++ - '0')) % 400;
  gsize n = *p - start;
  *year_mod_400 = mod;
  return n >= 4 && !(n > 4 && *start == '0');
}

static gboolean
is_leap (int year_mod_400)
{
  /* XML Schema 1.1 numbers years astronomically (year 0 is 1 BCE), so the
   * Gregorian rule holds for negative years too. */
  return (year_mod_400 % 4 == 0 && year_mod_400 % 100 != 0) || year_mod_400 == 0;
}

static gboolean
scan_date (const char **p)
{
  int year, month, day;
  if (!scan_year (p, &year) || **p != '-')
    return FALSE;
  (*p)++;
  if (!two_digits (p, 1, 12, &month) || **p != '-')
    return FALSE;
  (*p)++;
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int last = days[month - 1] + (month == 2 && is_leap (year));
  return two_digits (p, 1, last, &day);
}

static gboolean
scan_time (const char **p)
{
  int hour, minute, second;
  if (!two_digits (p, 0, 24, &hour) || **p != ':')
    return FALSE;
  (*p)++;
  if (!two_digits (p, 0, 59, &minute) || **p != ':')
    return FALSE;
  (*p)++;
  if (!two_digits (p, 0, 59, &second))
    return FALSE;
  gboolean fraction_zero = TRUE;
  if (**p == '.')
    {
      (*p)++;
      const char *start = *p;
      for (; g_ascii_isdigit (**p); (*p)++)
        fraction_zero = fraction_zero && **p == '0';
      if (*p == start)
        return FALSE;
    }
  /* 24:00:00 is the end of the day, and nothing past it */
  return hour < 24 || (minute == 0 && second == 0 && fraction_zero);
}

/* Z, or +hh:mm / -hh:mm within +-14:00; optional unless required. */
static gboolean
scan_timezone (const char **p, gboolean required)
{
  if (**p == 'Z')
    {
      (*p)++;
      return TRUE;
    }
  if (**p != '+' && **p != '-')
    return !required;
  (*p)++;
  int hour, minute;
  if (!two_digits (p, 0, 14, &hour) || **p != ':')
    return FALSE;
  (*p)++;
  return two_digits (p, 0, 59, &minute) && (hour < 14 || minute == 0);
}

typedef enum { KIND_DATE, KIND_DATETIME, KIND_DATETIMESTAMP, KIND_TIME, KIND_GYEAR, KIND_GYEARMONTH } TimeKind;

static gboolean
is_time_kind (const char *s, TimeKind kind)
{
  int year, month;
  switch (kind)
    {
    case KIND_DATE:
      if (!scan_date (&s))
        return FALSE;
      break;
    case KIND_DATETIME:
    case KIND_DATETIMESTAMP:
      if (!scan_date (&s) || *s++ != 'T' || !scan_time (&s))
        return FALSE;
      break;
    case KIND_TIME:
      if (!scan_time (&s))
        return FALSE;
      break;
    case KIND_GYEAR:
      if (!scan_year (&s, &year))
        return FALSE;
      break;
    case KIND_GYEARMONTH:
      if (!scan_year (&s, &year) || *s++ != '-' || !two_digits (&s, 1, 12, &month))
        return FALSE;
      break;
    }
  return scan_timezone (&s, kind == KIND_DATETIMESTAMP) && *s == '\0';
}

/* The integer datatypes: bounded ones by their range, the others by sign. */
typedef enum { RANGE_NONE, RANGE_SIGNED, RANGE_UNSIGNED, SIGN_NON_NEGATIVE, SIGN_POSITIVE,
               SIGN_NON_POSITIVE, SIGN_NEGATIVE } IntegerRule;

static const struct {
  const char *name;
  IntegerRule rule;
  gint64 min;
  guint64 max;
} integer_types[] = {
  { "integer", RANGE_NONE, 0, 0 },
  { "int", RANGE_SIGNED, G_MININT32, G_MAXINT32 },
  { "long", RANGE_SIGNED, G_MININT64, G_MAXINT64 },
  { "short", RANGE_SIGNED, G_MININT16, G_MAXINT16 },
  { "byte", RANGE_SIGNED, G_MININT8, G_MAXINT8 },
  { "unsignedLong", RANGE_UNSIGNED, 0, G_MAXUINT64 },
  { "unsignedInt", RANGE_UNSIGNED, 0, G_MAXUINT32 },
  { "unsignedShort", RANGE_UNSIGNED, 0, G_MAXUINT16 },
  { "unsignedByte", RANGE_UNSIGNED, 0, G_MAXUINT8 },
  { "nonNegativeInteger", SIGN_NON_NEGATIVE, 0, 0 },
  { "positiveInteger", SIGN_POSITIVE, 0, 0 },
  { "nonPositiveInteger", SIGN_NON_POSITIVE, 0, 0 },
  { "negativeInteger", SIGN_NEGATIVE, 0, 0 },
};

/* s is a valid integer lexical form. */
static gboolean
integer_in_range (const char *s, guint type)
{
  const char *digits = s + (*s == '+' || *s == '-');
  gboolean zero = digits[strspn (digits, "0")] == '\0';
  gboolean negative = *s == '-' && !zero;
  errno = 0;
  switch (integer_types[type].rule)
    {
    case RANGE_NONE:
      return TRUE;
    case RANGE_SIGNED:
      {
        gint64 v = g_ascii_strtoll (s, NULL, 10);
        return errno == 0 && v >= integer_types[type].min && v <= (gint64) integer_types[type].max;
      }
    case RANGE_UNSIGNED:
      {
        if (negative)
          return FALSE;
        guint64 v = zero ? 0 : g_ascii_strtoull (s, NULL, 10);
        return errno == 0 && v <= integer_types[type].max;
      }
    case SIGN_NON_NEGATIVE:
      return !negative;
    case SIGN_POSITIVE:
      return !negative && !zero;
    case SIGN_NON_POSITIVE:
      return negative || zero;
    case SIGN_NEGATIVE:
      return negative;
    }
  return FALSE;
}

KgXsdResult
kg__xsd_check (const char *datatype_iri, const char *lexical)
{
  g_return_val_if_fail (datatype_iri != NULL && lexical != NULL, KG_XSD_UNKNOWN);
  if (!g_str_has_prefix (datatype_iri, KG_XSD_NS))
    return KG_XSD_UNKNOWN;
  const char *name = datatype_iri + strlen (KG_XSD_NS);

  for (guint i = 0; i < G_N_ELEMENTS (integer_types); i++)
    if (strcmp (name, integer_types[i].name) == 0)
      return is_integer (lexical) && integer_in_range (lexical, i) ? KG_XSD_VALID : KG_XSD_INVALID;

  gboolean valid;
  const char *p = lexical;
  if (strcmp (name, "decimal") == 0)
    valid = is_decimal (&p) && *p == '\0';
  else if (strcmp (name, "double") == 0 || strcmp (name, "float") == 0)
    valid = is_double (lexical);
  else if (strcmp (name, "boolean") == 0)
    valid = strcmp (lexical, "true") == 0 || strcmp (lexical, "false") == 0 || strcmp (lexical, "1") == 0
            || strcmp (lexical, "0") == 0;
  else
    {
      static const struct { const char *name; TimeKind kind; } times[] = {
        { "date", KIND_DATE }, { "dateTime", KIND_DATETIME }, { "dateTimeStamp", KIND_DATETIMESTAMP },
        { "time", KIND_TIME }, { "gYear", KIND_GYEAR }, { "gYearMonth", KIND_GYEARMONTH },
      };
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        if (strcmp (name, times[i].name) == 0)
          return is_time_kind (lexical, times[i].kind) ? KG_XSD_VALID : KG_XSD_INVALID;
      return KG_XSD_UNKNOWN;
    }
  return valid ? KG_XSD_VALID : KG_XSD_INVALID;
}
