/* import-tsv.c: triples from TSV into the graph (an input stage beside the
 * text pipeline; the format is described in kgraph/import.h).
 *
 * The file is read twice: once to check every line, then again to add the
 * rows to the graph, one at a time, so that a bad file changes nothing and
 * a good one is never held as rows besides its text and its graph.
 */
#include "kgraph/import.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "read-file.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TSV_BYTES ((gsize) 4 << 30)

enum { COL_SUBJECT, COL_PREDICATE, COL_OBJECT, COL_SUBJECT_TYPE, COL_OBJECT_TYPE,
       COL_CONFIDENCE, COL_SOURCE, COL_SENTENCE, COL_TIME, COL_PLACE, N_COLUMNS };

static const char *const column_names[N_COLUMNS] = {
  "subject", "predicate", "object", "subject_type", "object_type", "confidence", "source", "sentence",
  "time", "place",
};

typedef struct {
  char *fields[N_COLUMNS];  /* unescaped; NULL when absent or empty */
  char *subject_key, *predicate_key, *object_key;  /* canonical forms */
  KgEntityType subject_type, object_type;
  double confidence;
  guint line_index;         /* 0-based */
  gsize start, end;         /* byte offsets of the line */
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->fields[i]);
  g_free (row->subject_key);
  g_free (row->predicate_key);
  g_free (row->object_key);
}

/* Undoes the linear-TSV escapes \t \n \r \\; other backslashes stay. */
static char *
unescape_field (const char *start, gsize length)
{
  GString *out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      char c = start[i];
      if (c == '\\' && i + 1 < length)
        {
          char next = start[i + 1];
          const char *replacement = next == 't' ? "\t" : next == 'n' ? "\n" : next == 'r' ? "\r"
                                  : next == '\\' ? "\\" : NULL;
          if (replacement)
            {
              g_string_append (out, replacement);
              i++;
              continue;
            }
        }
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (GError **error, const char *path, const char *data, gsize offset, const char *format, ...)
{
  guint line, column;
  kg_text_position (data, offset, &line, &column);
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u:%u: %s", kg_read_file_display_name (path),
               line, column, what);
  return FALSE;
}

static gboolean
is_header (const char *line, gsize length)
{
  static const char header[] = "subject\tpredicate\tobject";
  return length >= sizeof header - 1 && g_ascii_strncasecmp (line, header, sizeof header - 1) == 0
         && (length == sizeof header - 1 || line[sizeof header - 1] == '\t');
}

/* Splits one line (without its line end) into a row, checking each field. */
static gboolean
parse_row (const char *path, const char *data, gsize start, gsize length, Row *row, GError **error)
{
  const char *line = data + start;
  gsize field_start = 0;
  guint n = 0;
  gsize offsets[N_COLUMNS];
  for (gsize i = 0; i <= length; i++)
    {
      if (i < length && line[i] != '\t')
        continue;
      if (n == N_COLUMNS)
        return fail_at (error, path, data, start + field_start,
                        "too many columns: at most %d (subject, predicate, object, subject_type, "
                        "object_type, confidence, source, sentence, time, place)", N_COLUMNS);
      offsets[n] = start + field_start;
      if (i > field_start)
        row->fields[n] = unescape_field (line + field_start, i - field_start);
      n++;
      field_start = i + 1;
    }
  if (n < 3)
    return fail_at (error, path, data, start + length,
                    "expected at least 3 tab-separated columns (subject, predicate, object), found %u", n);

  char **keys[] = { &row->subject_key, &row->predicate_key, &row->object_key };
  for (guint c = COL_SUBJECT; c <= COL_OBJECT; c++)
    {
      char *key = row->fields[c] ? (c == COL_PREDICATE ? kg_canonical_predicate (row->fields[c])
                                                       : kg_canonical_key (row->fields[c]))
                                 : NULL;
      *keys[c - COL_SUBJECT] = key;
      if (key == NULL || *key == '\0')
        return fail_at (error, path, data, offsets[c], "empty %s", column_names[c]);
    }

  KgEntityType *types[] = { &row->subject_type, &row->object_type };
  for (guint c = COL_SUBJECT_TYPE; c <= COL_OBJECT_TYPE; c++)
    if (c < n && row->fields[c] && !kg_entity_type_from_string (row->fields[c], types[c - COL_SUBJECT_TYPE]))
      return fail_at (error, path, data, offsets[c],
                      "unknown %s '%s' (one of PERSON, ORG, GPE, LOC, NORP, EVENT, DATE, TIME, MONEY, "
                      "PERCENT, QUANTITY, ORDINAL, CARDINAL, CONCEPT, UNKNOWN)",
                      column_names[c], row->fields[c]);

  row->confidence = 1.0;
  if (COL_CONFIDENCE < n && row->fields[COL_CONFIDENCE])
    {
      char *end = NULL;
      row->confidence = g_ascii_strtod (row->fields[COL_CONFIDENCE], &end);
      if (end == row->fields[COL_CONFIDENCE] || *end != '\0' || !(row->confidence >= 0.0 && row->confidence <= 1.0))
        return fail_at (error, path, data, offsets[COL_CONFIDENCE],
                        "confidence '%s' is not a number between 0 and 1", row->fields[COL_CONFIDENCE]);
    }
  return TRUE;
}

static KgNode *
add_argument (KgGraph *graph, const char *key, const char *surface, KgEntityType type)
{
  KgNodeMention mention = { key, surface, type, "exact", TRUE };
  return kg_graph_add_mention (graph, &mention);
}

static void
add_row (KgGraph *graph, const char *path, const Row *row)
{
  const char *file_id = strcmp (path, "-") == 0 ? "stdin" : path;
  KgDocumentInfo doc = { .id = file_id, .source = file_id };
  if (row->fields[COL_SOURCE])
    doc.id = doc.source = row->fields[COL_SOURCE];
  KgFact fact = {
    .subject = add_argument (graph, row->subject_key, row->fields[COL_SUBJECT], row->subject_type),
    .predicate = row->predicate_key,
    .predicate_surface = row->fields[COL_PREDICATE],
    .object = add_argument (graph, row->object_key, row->fields[COL_OBJECT], row->object_type),
    .confidence = row->confidence,
  };
  KgEvidence evidence = {
    .document = kg_graph_add_document (graph, &doc),
    .sentence = row->line_index,
    .start = row->start,
    .end = row->end,
    .text = row->fields[COL_SENTENCE],
    .confidence = row->confidence,
    .time = row->fields[COL_TIME],
    .place = row->fields[COL_PLACE],
  };
  kg_graph_add_fact (graph, &fact, &evidence);
}

/* Parses every line of data, stopping at the first bad one, and adds each
 * row to graph unless graph is NULL.  Counts the rows in *n_rows. */
static gboolean
read_rows (const char *path, const char *data, gsize length, KgGraph *graph, guint *n_rows, GError **error)
{
  gsize pos = 0;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;

  *n_rows = 0;
  gboolean first = TRUE;
  for (guint line_index = 0; pos < length; line_index++)
    {
      const char *nl = memchr (data + pos, '\n', length - pos);
      gsize end = nl ? (gsize) (nl - data) : length;
      gsize content_end = end > pos && data[end - 1] == '\r' ? end - 1 : end;
      gsize line_length = content_end - pos;
      const char *line = data + pos;

      gboolean blank = TRUE;
      for (gsize i = 0; i < line_length && blank; i++)
        blank = g_ascii_isspace (line[i]);
      gboolean skip = blank || line[0] == '#' || (first && is_header (line, line_length));
      if (!blank)
        first = FALSE;
      if (!skip)
        {
          Row row = { .line_index = line_index, .start = pos, .end = content_end };
          gboolean ok = parse_row (path, data, pos, line_length, &row, error);
          if (ok && graph)
            add_row (graph, path, &row);
          row_clear (&row);
          if (!ok)
            return FALSE;
          ++*n_rows;
        }
      pos = end + 1;
    }
  return TRUE;
}

gboolean
kg_import_tsv (KgGraph *graph, const char *path, GError **error)
{
  g_return_val_if_fail (graph != NULL && path != NULL, FALSE);

  g_autoptr (GBytes) bytes = kg_read_text_file (path, MAX_TSV_BYTES, error);
  if (bytes == NULL)
    return FALSE;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  guint n_rows;
  if (!read_rows (path, data, length, NULL, &n_rows, error))
    return FALSE;
  if (n_rows == 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: no triples (expected lines of "
                   "subject<TAB>predicate<TAB>object)", kg_read_file_display_name (path));
      return FALSE;
    }
  /* every line is good: the second reading cannot fail */
  return read_rows (path, data, length, graph, &n_rows, error);
}
