/* shard.c: writing and reading shards (see shard.h and
 * docs/shard-format.md).  Lines are read one at a time, so a shard of any
 * size costs the memory of its largest document. */
#include "shard.h"
#include "util/atomic-file.h"
#include "kgraph/error.h"
#include "read/read-file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

struct _KgShardWriter {
  KgAtomicFile *file;
  guint64 documents;
};

static char *
to_line (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static gboolean
write_line (KgShardWriter *writer, JsonNode *node, GError **error)
{
  g_autofree char *line = to_line (node);
  FILE *stream = kg_atomic_file_get_stream (writer->file);
  if (fputs (line, stream) == EOF || putc ('\n', stream) == EOF)
    {
      int saved = errno;
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the shard: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

KgShardWriter *
kg_shard_writer_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  KgAtomicFile *file = kg_atomic_file_open (path, error);
  if (file == NULL)
    return NULL;
  g_autoptr (KgShardWriter) writer = g_new0 (KgShardWriter, 1);
  writer->file = file;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, KG_SHARD_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, KG_SHARD_VERSION);
  json_builder_end_object (b);
  g_autoptr (JsonNode) header = json_builder_get_root (b);
  if (!write_line (writer, header, error))
    return NULL;
  return g_steal_pointer (&writer);
}

gboolean
kg_shard_writer_add (KgShardWriter *writer, const KgDelta *delta, GError **error)
{
  g_return_val_if_fail (writer != NULL && delta != NULL, FALSE);
  g_autoptr (JsonNode) node = kg_delta_to_json (delta);
  if (!write_line (writer, node, error))
    return FALSE;
  writer->documents++;
  return TRUE;
}

gboolean
kg_shard_writer_commit (KgShardWriter *writer, GError **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "end");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "documents");
  json_builder_add_int_value (b, (gint64) writer->documents);
  json_builder_end_object (b);
  g_autoptr (JsonNode) end = json_builder_get_root (b);
  gboolean ok = write_line (writer, end, error);
  KgAtomicFile *file = g_steal_pointer (&writer->file);
  g_free (writer);
  if (!ok)
    {
      kg_atomic_file_discard (file);
      return FALSE;
    }
  return kg_atomic_file_commit (file, error);
}

void
kg_shard_writer_discard (KgShardWriter *writer)
{
  if (writer == NULL)
    return;
  kg_atomic_file_discard (writer->file);
  g_free (writer);
}

/* ---- reading -------------------------------------------------------------- */

typedef struct {
  const char *name;  /* for messages */
  FILE *stream;
  GString *line;
  guint64 number;    /* of the line read, 1-based */
  guint64 offset;    /* byte offset of its start */
  guint64 next;      /* byte offset after it */
  char buffer[65536];
  gsize start, end;  /* the bytes of buffer not read yet */
} LineReader;

/* Reads the next line without its newline (NUL bytes and all); FALSE at
 * the end of the file or on an error (set).  A last line without a
 * newline is a truncation. */
static gboolean
next_line (LineReader *r, gboolean *truncated, GError **error)
{
  g_string_truncate (r->line, 0);
  r->offset = r->next;
  *truncated = FALSE;
  for (;;)
    {
      if (r->start == r->end)
        {
          r->start = 0;
          r->end = fread (r->buffer, 1, sizeof r->buffer, r->stream);
          if (r->end == 0)
            break;
        }
      const char *from = r->buffer + r->start;
      const char *newline = memchr (from, '\n', r->end - r->start);
      gsize n = newline ? (gsize) (newline - from) : r->end - r->start;
      g_string_append_len (r->line, from, (gssize) n);
      r->start += n + (newline != NULL);
      r->next += n + (newline != NULL);
      if (r->line->len > KG_SHARD_MAX_LINE)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_LIMIT, "%s: line %" G_GUINT64_FORMAT " (byte %" G_GUINT64_FORMAT
                       "): longer than %" G_GSIZE_FORMAT " MiB", r->name, r->number + 1, r->offset,
                       KG_SHARD_MAX_LINE >> 20);
          return FALSE;
        }
      if (newline)
        {
          r->number++;
          return TRUE;
        }
    }
  if (ferror (r->stream))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: cannot read: %s", r->name, g_strerror (errno));
      return FALSE;
    }
  *truncated = r->line->len > 0;
  return FALSE;
}

static void
line_error (const LineReader *r, GError **error, GError *cause)
{
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: line %" G_GUINT64_FORMAT " (byte %" G_GUINT64_FORMAT "): %s",
               r->name, r->number, r->offset, cause->message);
}

static JsonObject *
parse_object (JsonParser *parser, const LineReader *r, GError **error)
{
  g_autoptr (GError) cause = NULL;
  if (!g_utf8_validate (r->line->str, (gssize) r->line->len, NULL))
    cause = g_error_new_literal (KG_ERROR, KG_ERROR_INPUT, "not UTF-8 text, or a NUL byte");
  else if (!json_parser_load_from_data (parser, r->line->str, (gssize) r->line->len, &cause))
    {
      /* "<data>:1:5: Parse error: ..." -> "column 5: Parse error: ..." */
      const char *rest = g_str_has_prefix (cause->message, "<data>:1:") ? cause->message + 9 : NULL;
      if (rest)
        {
          char *message = g_strconcat ("column ", rest, NULL);
          g_free (cause->message);
          cause->message = message;
        }
    }
  else if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    cause = g_error_new_literal (KG_ERROR, KG_ERROR_INPUT, "not a JSON object");
  if (cause)
    {
      line_error (r, error, cause);
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
check_header (JsonObject *header, const LineReader *r, GError **error)
{
  JsonNode *format = json_object_get_member (header, "format");
  JsonNode *version = json_object_get_member (header, "version");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING
      || strcmp (json_node_get_string (format), KG_SHARD_FORMAT) != 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: not a kgraph shard (no \"format\": \"%s\" header)",
                   r->name, KG_SHARD_FORMAT);
      return FALSE;
    }
  gboolean numbered = version && JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_INT64;
  if (!numbered || json_node_get_int (version) != KG_SHARD_VERSION)
    {
      g_autofree char *given = numbered ? g_strdup_printf ("version %" G_GINT64_FORMAT, json_node_get_int (version))
                                        : g_strdup ("no version");
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: a shard of %s; this kgraph reads version %d", r->name, given,
                   KG_SHARD_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The end line: TRUE when it counts the documents read. */
static gboolean
check_end (JsonObject *end, guint64 documents, const LineReader *r, GError **error)
{
  JsonNode *count = json_object_get_member (end, "documents");
  if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64
      || json_node_get_int (count) < 0 || (guint64) json_node_get_int (count) != documents)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: line %" G_GUINT64_FORMAT " (byte %" G_GUINT64_FORMAT
                   "): the end line does not count the %" G_GUINT64_FORMAT " documents before it",
                   r->name, r->number, r->offset, documents);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_lines (LineReader *r, KgDeltaFunc func, gpointer user_data, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  gboolean truncated;
  if (!next_line (r, &truncated, error))
    {
      if (error && *error == NULL)
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: empty: not a kgraph shard", r->name);
      return FALSE;
    }
  JsonObject *header = parse_object (parser, r, error);
  if (header == NULL || !check_header (header, r, error))
    return FALSE;
  guint64 documents = 0;
  while (next_line (r, &truncated, error))
    {
      JsonObject *object = parse_object (parser, r, error);
      if (object == NULL)
        return FALSE;
      if (json_object_has_member (object, "end"))
        {
          if (!check_end (object, documents, r, error))
            return FALSE;
          if (next_line (r, &truncated, error) || truncated)
            {
              g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: byte %" G_GUINT64_FORMAT ": more after the end line",
                           r->name, r->offset);
              return FALSE;
            }
          return error == NULL || *error == NULL;
        }
      g_autoptr (GError) cause = NULL;
      KgDelta *delta = kg_delta_from_json (json_parser_get_root (parser), &cause);
      if (delta == NULL)
        {
          line_error (r, error, cause);
          return FALSE;
        }
      documents++;
      func (delta, user_data);
    }
  if (error && *error)
    return FALSE;
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: cut short at byte %" G_GUINT64_FORMAT
               " after %" G_GUINT64_FORMAT " %s (no end line)", r->name, truncated ? r->offset : r->next,
               documents, documents == 1 ? "document" : "documents");
  return FALSE;
}

gboolean
kg_shard_read (const char *path, KgDeltaFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (path != NULL && func != NULL, FALSE);
  gboolean from_stdin = strcmp (path, "-") == 0;
  if (!from_stdin && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: is a directory, not a shard", path);
      return FALSE;
    }
  FILE *stream = from_stdin ? stdin : fopen (path, "rb");
  if (stream == NULL)
    {
      int saved = errno;
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: cannot open: %s", path, g_strerror (saved));
      return FALSE;
    }
  LineReader *r = g_new0 (LineReader, 1);
  r->name = kg_read_file_display_name (path);
  r->stream = stream;
  r->line = g_string_new (NULL);
  gboolean ok = read_lines (r, func, user_data, error);
  g_string_free (r->line, TRUE);
  g_free (r);
  if (!from_stdin)
    fclose (stream);
  return ok;
}
