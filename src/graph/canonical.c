/* canonical.c: canonical keys for entities and predicates, and the stable
 * hash that turns keys into ids (graph stage; see kgraph/canonical.h). */
#include "kgraph/canonical.h"
#include "util/hash.h"

#include <string.h>

/* Characters that vanish from a key rather than separate words: full stops
 * (U.S. = US), apostrophes (O'Neil = ONeil = O’Neil) and soft hyphens. */
static gboolean
is_joining_mark (gunichar c)
{
  return c == '.' || c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x00AD
         || c == 0x02BC;
}

/* ASCII punctuation, the separators among the ASCII characters that are not
 * letters, digits, symbols ($ + < = > ^ ` | ~), controls or spaces. */
static const char ascii_punctuation[] = "!\"#%&'()*,-./:;?@[\\]_{}";

static gboolean
is_separator (gunichar c)
{
  if (c < 0x80)
    return c == 0x7F || c < 0x20 || c == ' ' || (c != 0 && strchr (ascii_punctuation, (int) c) != NULL);
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

/* Appends c to out unless it is a separator, which becomes one space
 * between words (never leading, never doubled). */
static void
append_collapsing (GString *out, gunichar c, gboolean separator)
{
  if (separator)
    {
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      return;
    }
  g_string_append_unichar (out, c);
}

static char *
finish (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* NFC of the case-folded NFC: folding can denormalise.  ASCII text, most
 * of what is looked up, is its own NFC and folds to lower case. */
static char *
fold (const char *text)
{
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static char *
collapse (const char *folded, gboolean strip_punctuation)
{
  GString *out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (strip_punctuation && is_joining_mark (c))
        continue;
      gboolean separator = strip_punctuation ? is_separator (c)
                                             : (g_unichar_isspace (c) || g_unichar_iscntrl (c));
      append_collapsing (out, c, separator);
    }
  return finish (out);
}

char *
kg_canonical_key (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (label, -1, NULL), NULL);

  g_autofree char *folded = fold (label);
  char *key = collapse (folded, TRUE);
  if (*key != '\0')
    return key;
  /* Only punctuation: keep it, so that "..." and "\\" stay apart. */
  g_free (key);
  return collapse (folded, FALSE);
}

char *
kg_canonical_predicate (const char *predicate)
{
  g_return_val_if_fail (predicate != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (predicate, -1, NULL), NULL);

  g_autofree char *nfc = g_utf8_normalize (predicate, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc, -1);
  return collapse (lower, FALSE);
}

guint64
kg_stable_hash (const char *data, gsize length)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  for (gsize i = 0; i < length; i++)
    {
      h ^= (guint8) data[i];
      h *= G_GUINT64_CONSTANT (1099511628211);
    }
  return kg_fmix64 (h);
}

#define OFFICE_PREFIX "office:"

char *
kg_office_key (const char *office, const char *owner_key)
{
  g_return_val_if_fail (office != NULL && owner_key != NULL, NULL);
  return g_strconcat (OFFICE_PREFIX, office, "|", owner_key, NULL);
}

gboolean
kg_office_key_parse (const char *key, char **office, char **owner_key)
{
  if (!kg_is_office_key (key))
    return FALSE;
  const char *bar = strchr (key, '|');
  *office = g_strndup (key + strlen (OFFICE_PREFIX), bar - key - strlen (OFFICE_PREFIX));
  *owner_key = g_strdup (bar + 1);
  return TRUE;
}

gboolean
kg_is_office_key (const char *key)
{
  return g_str_has_prefix (key, OFFICE_PREFIX) && strchr (key, '|') != NULL;
}

gboolean
kg_office_matches (const char *wanted, const char *held)
{
  if (strcmp (wanted, held) == 0)
    return TRUE;
  const char *space = strrchr (held, ' ');
  return space && strchr (wanted, ' ') == NULL && strcmp (space + 1, wanted) == 0;
}
