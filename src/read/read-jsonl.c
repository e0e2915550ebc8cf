/* read-jsonl.c: JSON Lines in (reading stage): one JSON object a line, one
 * document per object, parsed with json-glib.
 *
 * The text is in the reader's text field (default "text"), the id in its id
 * field (default "id"; a number is fine; without one the id is FILE:LINE,
 * and so it is, reported, for an empty id or one a line before had),
 * and optionally title and date fields.  The document's original bytes are
 * the decoded text field, so offsets point into the string, not the line.
 * A bad line (not JSON, not an object, no text, bad UTF-8, nested too
 * deep, beyond a limit) is one bad document: reported with file and line
 * and skipped.  Blank lines are skipped silently.
 */
#include "reader-private.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#define MAX_JSON_DEPTH 64

/* The deepest nesting of objects and arrays in the line, strings skipped:
 * json-glib parses recursively, so depth is checked before parsing. */
static guint
json_depth (const char *s, gsize n)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        deepest = MAX (deepest, ++depth);
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return deepest;
}

/* A string or integer member as a string, or NULL.  (transfer full) */
static char *
member_string (JsonObject *object, const char *name)
{
  if (name == NULL || !json_object_has_member (object, name))
    return NULL;
  JsonNode *node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* json-glib's column is that of the last character of the token it did
 * not expect; the byte in line where that token starts. */
static gsize
bad_token_start (const char *line, gsize length, guint column)
{
  gsize i = MIN ((gsize) column, length);
  if (i == 0)
    return 0;
  i--;
  if (line[i] == '"')
    {
      /* a string: back to its opening quote, one not escaped */
      while (i > 0)
        {
          i--;
          gsize backslashes = 0;
          while (backslashes < i && line[i - 1 - backslashes] == '\\')
            backslashes++;
          if (line[i] == '"' && backslashes % 2 == 0)
            break;
        }
      return i;
    }
  while (i > 0 && (g_ascii_isalnum (line[i - 1]) || strchr ("_.+-", line[i - 1])))
    i--;
  return i;
}

/* Reads one line (offset: its first byte in the file, indent bytes of
 * spaces and tabs after the line's start); FALSE (and a problem) when it
 * is a bad document. */
static gboolean
read_line (KgReadContext *context, JsonParser *parser, GHashTable *ids, const char *line, gsize length,
           guint line_number, gsize offset, gsize indent)
{
  const KgReader *reader = context->reader;
  const char *bad;
  if (!g_utf8_validate_len (line, length, &bad))
    {
      kg__read_problem (context, KG_ERROR_INPUT, line_number, offset + (bad - line), TRUE,
                        "%s at byte %" G_GSIZE_FORMAT " (read leniently to replace bad bytes with U+FFFD)",
                        *bad ? "invalid UTF-8" : "NUL byte", offset + (bad - line));
      return FALSE;
    }
  if (json_depth (line, length) > MAX_JSON_DEPTH)
    {
      kg__read_problem (context, KG_ERROR_LIMIT, line_number, offset, TRUE,
                        "JSON nested deeper than %d levels", MAX_JSON_DEPTH);
      return FALSE;
    }
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_data (parser, line, length, &error))
    {
      /* json-glib says "<data>:LINE:COLUMN: what"; the line is ours. */
      guint json_line, column;
      int consumed = 0;
      if (sscanf (error->message, "<data>:%u:%u: %n", &json_line, &column, &consumed) == 2 && consumed > 0)
        {
          gsize at = bad_token_start (line, length, column);
          guint file_column = indent + g_utf8_strlen (line, at) + 1;
          kg__read_problem (context, KG_ERROR_INPUT, line_number, offset + at, TRUE,
                            "not JSON at column %u: %s", file_column, error->message + consumed);
        }
      else
        kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, TRUE, "not JSON: %s", error->message);
      return FALSE;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, TRUE,
                        "not a JSON object");
      return FALSE;
    }
  JsonObject *object = json_node_get_object (root);
  const char *text_field = kg__reader_get_field (reader, 0);
  JsonNode *text_node = json_object_has_member (object, text_field) ? json_object_get_member (object, text_field) : NULL;
  if (text_node == NULL || !JSON_NODE_HOLDS_VALUE (text_node) || json_node_get_value_type (text_node) != G_TYPE_STRING)
    {
      kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, TRUE,
                        "no string field \"%s\" (the text field is chosen with --text-field)", text_field);
      return FALSE;
    }
  const char *value = json_node_get_string (text_node);
  gsize value_length = strlen (value);
  if (value_length > KG_READER_MAX_DOCUMENT_BYTES)
    {
      kg__read_problem (context, KG_ERROR_LIMIT, line_number, offset, TRUE,
                        "a text of %" G_GSIZE_FORMAT " bytes, beyond the limit of %" G_GSIZE_FORMAT "",
                        value_length, (gsize) KG_READER_MAX_DOCUMENT_BYTES);
      return FALSE;
    }

  g_autofree char *id = member_string (object, kg__reader_get_field (reader, 1));
  /* Two documents with one id would be merged into one, their offsets
   * pointing into the wrong text; an empty id would be an empty IRI.
   * Either gets the id of a line without one, FILE:LINE (with ~N should
   * that be taken too). */
  const char *id_problem = id == NULL ? NULL : *id == '\0' ? "an empty id" : g_hash_table_contains (ids, id) ? "a duplicate id" : NULL;
  if (id == NULL || id_problem)
    {
      g_autofree char *given = g_steal_pointer (&id);
      id = g_strdup_printf ("%s:%u", context->display, line_number);
      for (guint n = 2; g_hash_table_contains (ids, id); n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s:%u~%u", context->display, line_number, n);
        }
      if (id_problem && *given)
        kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, FALSE,
                          "%s \"%s\" (field \"%s\", first on line %u): this document's id is \"%s\"", id_problem,
                          given, kg__reader_get_field (reader, 1),
                          GPOINTER_TO_UINT (g_hash_table_lookup (ids, given)), id);
      else if (id_problem)
        kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, FALSE,
                          "%s (field \"%s\"): this document's id is \"%s\"", id_problem,
                          kg__reader_get_field (reader, 1), id);
    }
  /* Kept with a NUL after it, like every document's original bytes. */
  g_autoptr (GBytes) raw = g_bytes_new_take (g_strndup (value, value_length), value_length);
  g_autoptr (KgDocument) document = kg_document_new (id, raw);
  g_autofree char *title = member_string (object, kg__reader_get_field (reader, 2));
  g_autofree char *date = member_string (object, kg__reader_get_field (reader, 3));
  g_autofree char *source = g_strdup_printf ("%s:%u", context->display, line_number);
  kg_document_set_source (document, source);
  if (title)
    kg_document_set_title (document, title);
  if (date)
    kg_document_set_date (document, date);

  g_autoptr (KgText) text = kg__text_new (value_length);
  kg__text_append (text, value, value_length, 0);
  kg__text_split_lines (text, 0);
  if (!kg__document_fill (document, text, &error))
    {
      kg__read_problem (context, error->code, line_number, offset, TRUE, "%s", error->message);
      return FALSE;
    }
  if (kg_document_get_n_tokens (document) == 0)
    {
      kg__read_problem (context, KG_ERROR_INPUT, line_number, offset, TRUE,
                        "field \"%s\" has no text", text_field);
      return FALSE;
    }
  if (!g_hash_table_contains (ids, id))
    g_hash_table_insert (ids, g_steal_pointer (&id), GUINT_TO_POINTER (line_number));
  g_ptr_array_add (context->documents, g_steal_pointer (&document));
  return TRUE;
}

gboolean
kg__read_jsonl (KgReadContext *context, GBytes *bytes, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (JsonParser) parser = json_parser_new ();
  /* the id of each document read, with its line */
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint bad = 0, line_number = 0;
  gsize i = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  while (i < length)
    {
      const char *nl = memchr (data + i, '\n', length - i);
      gsize end = nl ? (gsize) (nl - data) : length;
      gsize line_end = end;
      line_number++;
      while (line_end > i && (data[line_end - 1] == '\r' || data[line_end - 1] == ' ' || data[line_end - 1] == '\t'))
        line_end--;
      gsize start = i;
      while (start < line_end && (data[start] == ' ' || data[start] == '\t'))
        start++;
      if (start < line_end && !read_line (context, parser, ids, data + start, line_end - start, line_number, start,
                                               start - i))
        bad++;
      i = end + 1;
    }
  if (context->documents->len == 0)
    {
      if (bad > 0)
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: no line could be read (%u bad line%s)",
                     context->display, bad, bad == 1 ? "" : "s");
      else
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: no JSON lines (the file is empty or white space only)",
                     context->display);
      return FALSE;
    }
  return TRUE;
}
