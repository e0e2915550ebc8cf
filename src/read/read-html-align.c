/* read-html-align.c: where the text of an HTML page is in its source
 * (reading stage, for read-html.c).
 *
 * libxml2 hands over text nodes with entities decoded, line ends
 * normalised and some broken markup repaired, but not where they were.
 * Each text node is found again in the source, in document order, from
 * where the previous one ended: markup (tags, comments, doctype,
 * processing instructions) and white space that libxml2 dropped are
 * skipped, and the node is matched character by character while entities
 * and character references (&amp; &#8217; &#x2019;) are decoded, CR LF
 * and CR read as LF, references to impossible characters (&#0;) and markup
 * inside the text (a stray </br>) passed over, as libxml2 does.  Matched
 * text goes into the working text with its source offsets: copies byte for
 * byte, each reference as one replacement.  Script and style contents are
 * matched literally.
 */
#include "read-html-private.h"

#include <libxml/HTMLparser.h>
#include <string.h>

/* The character an entity or character reference at raw[j] stands for,
 * and its length in raw, or 0 if it is none that libxml2 decodes. */
static gsize
decode_reference (const char *raw, gsize j, gsize end, gunichar *out)
{
  gsize k = j + 1;
  if (k < end && raw[k] == '#')
    {
      k++;
      gboolean hex = k < end && (raw[k] == 'x' || raw[k] == 'X');
      if (hex)
        k++;
      gunichar value = 0;
      gsize digits = 0;
      while (k < end && (hex ? g_ascii_isxdigit (raw[k]) : g_ascii_isdigit (raw[k])) && digits < 8)
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (raw[k]) : raw[k] - '0');
          k++;
          digits++;
        }
      if (digits == 0)
        return 0;
      if (k < end && raw[k] == ';')
        k++;
      *out = value;
      return k - j;
    }
  char name[33];
  gsize n = 0;
  while (k < end && g_ascii_isalnum (raw[k]) && n < 32)
    name[n++] = raw[k++];
  name[n] = '\0';
  if (n == 0 || k >= end || raw[k] != ';')
    return 0;
  const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);
  if (entity == NULL)
    return 0;
  *out = entity->value;
  return k + 1 - j;
}

/* Past the markup (tag, comment, doctype, processing instruction) at
 * raw[j] == '<', or j if it is not markup. */
static gsize
skip_markup (const char *raw, gsize j, gsize end)
{
  if (j + 1 >= end)
    return j;
  char c = raw[j + 1];
  if (c == '!' && j + 3 < end && raw[j + 2] == '-' && raw[j + 3] == '-')
    {
      const char *close = g_strstr_len (raw + j + 4, end - j - 4, "-->");
      return close ? (gsize) (close - raw) + 3 : end;
    }
  if (c == '!' || c == '?')
    {
      const char *close = memchr (raw + j, '>', end - j);
      return close ? (gsize) (close - raw) + 1 : end;
    }
  if (c != '/' && !g_ascii_isalpha (c))
    return j;
  char quote = 0;
  for (gsize k = j + 2; k < end; k++)
    {
      if (quote)
        {
          if (raw[k] == quote)
            quote = 0;
        }
      else if ((raw[k] == '"' || raw[k] == '\'') && raw[k - 1] == '=')
        quote = raw[k];
      else if (raw[k] == '>')
        return k + 1;
    }
  return end;
}

/* Matches content against raw from j; with text, appends what matched.
 * *end gets where the match ended in raw. */
static gboolean
match_at (const KgHtmlSource *source, gsize j, const char *content, gsize length, gboolean raw_text, KgText *text,
          gsize *end)
{
  const char *raw = source->raw;
  gsize raw_end = source->length;
  gsize i = 0, run = j;
#define FLUSH() G_STMT_START { if (text && j > run) kg__text_append (text, raw + run, j - run, run); } G_STMT_END
  while (i < length)
    {
      if (j >= raw_end)
        return FALSE;
      char c = content[i], r = raw[j];
      if (r == '&' && !raw_text)
        {
          gunichar decoded;
          gsize n = decode_reference (raw, j, raw_end, &decoded);
          if (n > 0 && (decoded == 0 || decoded > 0x10FFFF || (decoded >= 0xD800 && decoded < 0xE000)))
            {
              /* libxml2 drops references to characters that cannot be. */
              FLUSH ();
              j += n;
              run = j;
              continue;
            }
          if (n > 0)
            {
              gunichar want = g_utf8_get_char (content + i);
              if (decoded == want || (want == 0xFFFD && decoded != '&'))
                {
                  FLUSH ();
                  if (text)
                    kg__text_append_char (text, decoded, j, n);
                  i = g_utf8_next_char (content + i) - content;
                  j += n;
                  run = j;
                  continue;
                }
            }
          else if (c == '&' && length - i >= 6 && strncmp (content + i, "&apos;", 6) == 0
                   && raw_end - j >= 6 && strncmp (raw + j, "&apos;", 6) == 0)
            {
              /* An HTML5 entity that libxml2 leaves as it is. */
              FLUSH ();
              if (text)
                kg__text_append_char (text, '\'', j, 6);
              i += 6;
              j += 6;
              run = j;
              continue;
            }
        }
      if (c == '\n' && r == '\r')
        {
          /* libxml2 reads CRLF and CR as LF; the CR stays in the run. */
          if (j + 1 < raw_end && raw[j + 1] == '\n')
            j++;
          else
            {
              FLUSH ();
              if (text)
                kg__text_append_replacement (text, "\n", 1, j, 1);
              i++;
              j++;
              run = j;
              continue;
            }
        }
      if (c != r && r == '<')
        {
          /* Markup that libxml2 dropped inside the text ("x</br>y"). */
          gsize k = skip_markup (raw, j, raw_end);
          if (k == j)
            return FALSE;
          FLUSH ();
          j = k;
          run = j;
          continue;
        }
      if (c != r)
        return FALSE;
      i++;
      j++;
    }
  FLUSH ();
#undef FLUSH
  *end = j;
  return TRUE;
}

gboolean
kg__html_align (KgHtmlSource *source, const char *content, gboolean raw_text, KgText *text)
{
  gsize length = strlen (content);
  gsize j = source->cursor, end;
  for (;;)
    {
      if (j >= source->length)
        return FALSE;
      if (match_at (source, j, content, length, raw_text, NULL, &end))
        break;
      if (source->raw[j] == '<')
        {
          gsize k = skip_markup (source->raw, j, source->length);
          if (k == j)
            return FALSE;
          j = k;
        }
      else if (g_ascii_isspace (source->raw[j]))
        j++;
      else
        return FALSE;
    }
  if (text)
    match_at (source, j, content, length, raw_text, text, &end);
  source->cursor = end;
  return TRUE;
}
