/* dot-syntax.c: Graphviz label text, written and read (export stage; see
 * dot-syntax.h).  Entity names are HTML 4's, looked up in libxml2's table,
 * which is the list Graphviz decodes (lib/common/entities.h). */
#include "dot-syntax.h"
#include "export-text.h"

#include <libxml/HTMLparser.h>
#include <string.h>

/* The characters the exporter writes as entities, and how. */
static const struct {
  char c;
  const char *entity;
} entity_escapes[] = {
  { '&', "&amp;" },
  { '<', "&lt;" },
  { '>', "&gt;" },
};

static void
append_escaped_char (GString *out, const char *p, gsize length)
{
  if (*p == '\\')
    {
      g_string_append (out, "\\\\");
      return;
    }
  if (*p == '\n')
    {
      g_string_append (out, "\\n");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entity_escapes); i++)
    if (*p == entity_escapes[i].c)
      {
        g_string_append (out, entity_escapes[i].entity);
        return;
      }
  g_string_append_len (out, p, length);
}

/* Characters a line must not start with: they belong to the one before. */
static gboolean
continues_previous (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D || c == 0x200C || (c >= 0xFE00 && c <= 0xFE0F)
         || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F)
         || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Appends one character, escaped, after a line break ("\\n") when the run
 * of bytes since the last backslash would otherwise pass
 * KG_DOT_BREAK_RUN_BYTES: Graphviz cannot read a long run back (see
 * dot-syntax.h).  A combining mark or joiner stays with its base unless
 * the run is half as long again.  *run counts the bytes since the last
 * backslash. */
static void
append_char_limited (GString *out, const char *p, gsize length, gsize *run)
{
  gsize before = out->len;
  append_escaped_char (out, p, length);
  gsize added = out->len - before;
  const char *backslash = g_strrstr_len (out->str + before, added, "\\");
  if (backslash)
    {
      *run = out->str + out->len - (backslash + 1);
      return;
    }
  if (*run > 0 && *run + added > KG_DOT_BREAK_RUN_BYTES
      && (!continues_previous (g_utf8_get_char (p)) || *run + added > KG_DOT_BREAK_RUN_BYTES * 3 / 2))
    {
      g_string_insert (out, before, "\\n");
      *run = 1 + added;
      return;
    }
  *run += added;
}

/* Appends one line (no line feed in it), wrapped at wrap characters. */
static void
append_line (GString *out, const char *line, gsize length, guint wrap)
{
  gsize run = 0;
  /* Byte offset of every character, and one past the end. */
  g_autoptr (GArray) at = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = line; p < line + length; p = g_utf8_next_char (p))
    {
      gsize offset = p - line;
      g_array_append_val (at, offset);
    }
  g_array_append_val (at, length);
  guint n = at->len - 1;
#define AT(i) (g_array_index (at, gsize, (i)))

  guint start = 0;
  while (wrap > 0 && n - start > wrap)
    {
      guint cut = 0, next = 0;
      for (guint i = start + wrap; i > start; i--)
        if (line[AT (i)] == ' ')
          {
            cut = i, next = i + 1;
            break;
          }
      if (cut == 0)
        {
          cut = start + wrap;
          while (cut > start + 1 && (continues_previous (g_utf8_get_char (line + AT (cut)))
                                     || g_utf8_get_char (line + AT (cut - 1)) == 0x200D))
            cut--;
          next = cut;
        }
      for (guint i = start; i < cut; i++)
        append_char_limited (out, line + AT (i), AT (i + 1) - AT (i), &run);
      g_string_append (out, "\\n");
      run = 1;
      start = next;
    }
  for (guint i = start; i < n; i++)
    append_char_limited (out, line + AT (i), AT (i + 1) - AT (i), &run);
#undef AT
}

void
kg__dot_append_text (GString *out, const char *text, guint wrap)
{
  g_return_if_fail (out != NULL && text != NULL);
  g_autofree char *clean = kg__text_clean (text);
  const char *line = clean;
  for (;;)
    {
      const char *nl = strchr (line, '\n');
      gsize length = nl ? (gsize) (nl - line) : strlen (line);
      append_line (out, line, length, wrap);
      if (nl == NULL)
        break;
      g_string_append (out, "\\n");
      line = nl + 1;
    }
}

KgDotEscape
kg__dot_escape_kind (gunichar c)
{
  switch (c)
    {
    case '\\':
    case '"':
      return KG_DOT_ESCAPE_LITERAL;
    case 'n':
    case 'l':
    case 'r':
      return KG_DOT_ESCAPE_LINE_BREAK;
    case 'N':
    case 'G':
    case 'E':
    case 'T':
    case 'H':
    case 'L':
      return KG_DOT_ESCAPE_OBJECT;
    default:
      return KG_DOT_ESCAPE_DROPPED;
    }
}

/* Graphviz reads at most this many characters of an entity name. */
#define ENTITY_NAME_MAX 8

gsize
kg__dot_entity_length (const char *p, gunichar *decoded)
{
  g_return_val_if_fail (p != NULL, 0);
  if (p[0] != '&')
    return 0;
  const char *q = p + 1;
  if (*q == '#')
    {
      gboolean hex = q[1] == 'x' || q[1] == 'X';
      q += hex ? 2 : 1;
      guint64 value = 0;
      const char *digits = q;
      while (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q))
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q));
          if (value > 0x10FFFF)
            return 0;
          q++;
        }
      if (q == digits || *q != ';' || value == 0)
        return 0;
      if (decoded)
        *decoded = (gunichar) value;
      return q + 1 - p;
    }
  char name[ENTITY_NAME_MAX + 1];
  gsize n = 0;
  while (g_ascii_isalnum (q[n]) && n < ENTITY_NAME_MAX)
    {
      name[n] = q[n];
      n++;
    }
  name[n] = '\0';
  if (n == 0 || q[n] != ';')
    return 0;
  const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);
  if (entity == NULL)
    return 0;
  if (decoded)
    *decoded = entity->value;
  return n + 2;
}

gboolean
kg__dot_entity_is_ours (const char *p, gsize length)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_escapes); i++)
    if (strlen (entity_escapes[i].entity) == length && memcmp (p, entity_escapes[i].entity, length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
kg__dot_text_looks_like_html (const char *text, gsize length)
{
  return length >= 2 && text[0] == '<' && text[length - 1] == '>';
}

char *
kg__dot_render_text (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  /* Entities first, as Graphviz does (htmlEntityUTF8 before
   * make_simple_label). */
  GString *decoded = g_string_sized_new (strlen (value));
  for (const char *p = value; *p;)
    {
      gunichar c;
      gsize n = kg__dot_entity_length (p, &c);
      if (n > 0)
        {
          g_string_append_unichar (decoded, c);
          p += n;
        }
      else
        g_string_append_c (decoded, *p++);
    }
  GString *out = g_string_sized_new (decoded->len);
  for (const char *p = decoded->str; *p; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '\0')
        break;
      p++;
      switch (kg__dot_escape_kind ((guchar) *p))
        {
        case KG_DOT_ESCAPE_LINE_BREAK:
          g_string_append_c (out, '\n');
          break;
        case KG_DOT_ESCAPE_OBJECT:
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  g_string_free (decoded, TRUE);
  return g_string_free (out, FALSE);
}
