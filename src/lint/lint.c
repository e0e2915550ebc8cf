/* lint.c: `kgraph lint` in the library: format detection, positions, the
 * problem list, and the UTF-8 check every format starts with (export
 * stage: it checks the exporters' output; see kgraph/lint.h).  The format
 * rules are in lint-dot.c, lint-graphml.c, lint-rdf.c and lint-rdf-turtle.c.
 */
#include "lint-private.h"
#include "kgraph/error.h"
#include "read/read-file.h"

#include <string.h>

#define MAX_LINT_BYTES ((gsize) 4 << 30)

const char *
kg_lint_severity_to_string (KgLintSeverity severity)
{
  return severity == KG_LINT_ERROR ? "error" : "warning";
}

gboolean
kg_lint_supports (KgFormat format)
{
  return format == KG_FORMAT_DOT || format == KG_FORMAT_GRAPHML || format == KG_FORMAT_NTRIPLES
         || format == KG_FORMAT_NQUADS || format == KG_FORMAT_TURTLE;
}

static void
problem_free (KgLintProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
kg__lint_init (KgLintContext *ctx, const char *data, gsize length)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->data = data;
  ctx->length = length;
  ctx->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize start = 0;
  g_array_append_val (ctx->line_starts, start);
  for (const char *p = data; (p = memchr (p, '\n', length - (p - data))) != NULL; p++)
    {
      start = p + 1 - data;
      g_array_append_val (ctx->line_starts, start);
    }
  ctx->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

void
kg__lint_clear (KgLintContext *ctx)
{
  g_clear_pointer (&ctx->line_starts, g_array_unref);
  g_clear_pointer (&ctx->problems, g_ptr_array_unref);
}

static void
add_problem (KgLintContext *ctx, guint line, guint column, KgLintSeverity severity, char *message)
{
  if (ctx->full)
    {
      g_free (message);
      return;
    }
  if (ctx->problems->len + 1 >= KG_LINT_MAX_PROBLEMS)
    {
      g_free (message);
      message = g_strdup_printf ("too many problems: stopped after %u", ctx->problems->len);
      severity = KG_LINT_ERROR;
      ctx->full = TRUE;
    }
  KgLintProblem *problem = g_new (KgLintProblem, 1);
  problem->line = line;
  problem->column = column;
  problem->severity = severity;
  problem->message = message;
  g_ptr_array_add (ctx->problems, problem);
}

static guint
column_of (const char *data, gsize line_start, gsize offset)
{
  guint column = 1;
  for (gsize i = line_start; i < offset; i++)
    if (((guchar) data[i] & 0xC0) != 0x80)
      column++;
  return column;
}

void
kg__lint_position (KgLintContext *ctx, gsize offset, guint *line, guint *column)
{
  offset = MIN (offset, ctx->length);
  /* the last line that starts at or before offset */
  guint lo = 0, hi = ctx->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (ctx->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  if (line)
    *line = lo + 1;
  if (column)
    *column = column_of (ctx->data, g_array_index (ctx->line_starts, gsize, lo), offset);
}

void
kg__lint_report (KgLintContext *ctx, gsize offset, KgLintSeverity severity, const char *format, ...)
{
  guint line, column;
  kg__lint_position (ctx, offset, &line, &column);
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (ctx, line, column, severity, message);
}

void
kg__lint_report_at (KgLintContext *ctx, guint line, guint column, KgLintSeverity severity, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (ctx, MAX (line, 1), MAX (column, 1), severity, message);
}

gsize
kg__lint_offset_of (KgLintContext *ctx, guint line, guint column)
{
  if (line == 0 || line > ctx->line_starts->len)
    return ctx->length;
  gsize offset = g_array_index (ctx->line_starts, gsize, line - 1);
  for (guint c = 1; c < column && offset < ctx->length && ctx->data[offset] != '\n'; c++)
    offset = g_utf8_next_char (ctx->data + offset) - ctx->data;
  return offset;
}

char *
kg__lint_describe_char (gunichar c)
{
  return g_strdup_printf ("U+%04X", c);
}

static int
compare_problems (gconstpointer pa, gconstpointer pb)
{
  const KgLintProblem *a = *(KgLintProblem *const *) pa, *b = *(KgLintProblem *const *) pb;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return a->column < b->column ? -1 : a->column > b->column;
}

GPtrArray *
kg_lint_check (KgFormat format, const char *data, gsize length)
{
  g_return_val_if_fail (kg_lint_supports (format), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  KgLintContext ctx;
  kg__lint_init (&ctx, data ? data : "", length);
  const char *end = NULL;
  if (!g_utf8_validate_len (ctx.data, length, &end))
    {
      gsize offset = end - ctx.data;
      if (ctx.data[offset] == '\0')
        kg__lint_report (&ctx, offset, KG_LINT_ERROR, "NUL byte");
      else
        kg__lint_report (&ctx, offset, KG_LINT_ERROR, "invalid UTF-8 (byte 0x%02X): the file must be UTF-8",
                         (guchar) ctx.data[offset]);
    }
  else if (format == KG_FORMAT_DOT)
    kg__lint_dot (&ctx);
  else if (format == KG_FORMAT_GRAPHML)
    kg__lint_graphml (&ctx);
  else if (format == KG_FORMAT_TURTLE)
    kg__lint_turtle (&ctx);
  else
    kg__lint_rdf (&ctx, format == KG_FORMAT_NQUADS);

  /* stable: problems at the same place keep the order they were found in */
  g_ptr_array_sort (ctx.problems, compare_problems);
  GPtrArray *problems = g_steal_pointer (&ctx.problems);
  kg__lint_clear (&ctx);
  return problems;
}

/* The first bytes of data after a BOM and white space. */
static const char *
content_start (const char *data, gsize length)
{
  const char *p = data, *end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
starts_with (const char *p, const char *end, const char *prefix)
{
  gsize n = strlen (prefix);
  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Is needle among the first bytes of [p, end)? */
static gboolean
head_contains (const char *p, const char *end, const char *needle)
{
  return g_strstr_len (p, MIN (end - p, 8192), needle) != NULL;
}

/* The format the content says, or KG_FORMAT_N_FORMATS when it says
 * nothing clear.  SVG, PNG and PDF are told too, for lint to skip them.
 * by_name settles what the content leaves open: a statement with an IRI
 * starts N-Triples, N-Quads and Turtle alike. */
static KgFormat
format_by_content (const char *data, gsize length, KgFormat by_name)
{
  const char *end = data + length;
  if (length >= 4 && memcmp (data, "\x89PNG", 4) == 0)
    return KG_FORMAT_PNG;
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return KG_FORMAT_PDF;
  const char *p = content_start (data, length);
  /* Comment lines start both DOT (preprocessor lines) and N-Triples. */
  while (p < end && *p == '#')
    {
      const char *nl = memchr (p, '\n', end - p);
      p = content_start (nl ? nl : end, nl ? end - nl : 0);
    }
  if (starts_with (p, end, "<?xml") || starts_with (p, end, "<!--") || starts_with (p, end, "<!DOCTYPE")
      || starts_with (p, end, "<graphml") || starts_with (p, end, "<svg"))
    {
      /* XML: its root element says which */
      if (head_contains (p, end, "<graphml"))
        return KG_FORMAT_GRAPHML;
      if (head_contains (p, end, "<svg") || head_contains (p, end, "<!DOCTYPE svg"))
        return KG_FORMAT_SVG;
      return KG_FORMAT_N_FORMATS;
    }
  if (starts_with (p, end, "<") || starts_with (p, end, "_:"))
    return by_name == KG_FORMAT_NQUADS || by_name == KG_FORMAT_TURTLE ? by_name : KG_FORMAT_NTRIPLES;
  if (starts_with (p, end, "@prefix") || starts_with (p, end, "@base") || starts_with (p, end, "prefix ")
      || starts_with (p, end, "base "))
    return KG_FORMAT_TURTLE;
  if (starts_with (p, end, "digraph") || starts_with (p, end, "graph") || starts_with (p, end, "strict")
      || starts_with (p, end, "/*") || starts_with (p, end, "//"))
    return KG_FORMAT_DOT;
  return KG_FORMAT_N_FORMATS;
}

gboolean
kg_lint_guess_format (const char *path, const char *data, gsize length, KgFormat *format)
{
  static const struct { const char *extension; KgFormat format; } extensions[] = {
    { ".dot", KG_FORMAT_DOT }, { ".gv", KG_FORMAT_DOT }, { ".graphml", KG_FORMAT_GRAPHML },
    { ".xml", KG_FORMAT_GRAPHML }, { ".nt", KG_FORMAT_NTRIPLES }, { ".nq", KG_FORMAT_NQUADS }, { ".ttl", KG_FORMAT_TURTLE },
    { ".svg", KG_FORMAT_SVG }, { ".png", KG_FORMAT_PNG }, { ".pdf", KG_FORMAT_PDF },
  };
  g_return_val_if_fail (format != NULL, FALSE);
  KgFormat by_name = KG_FORMAT_N_FORMATS;
  if (path)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      for (guint i = 0; i < G_N_ELEMENTS (extensions) && by_name == KG_FORMAT_N_FORMATS; i++)
        if (g_str_has_suffix (lower, extensions[i].extension))
          by_name = extensions[i].format;
    }
  /* The content first (kgraph's SVG starts as GraphML does, with <?xml),
   * the name when the content says nothing clear. */
  KgFormat by_content = data ? format_by_content (data, length, by_name) : KG_FORMAT_N_FORMATS;
  *format = by_content != KG_FORMAT_N_FORMATS ? by_content : by_name;
  return *format != KG_FORMAT_N_FORMATS;
}

GPtrArray *
kg_lint_file (const char *path, KgFormat format, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr (GBytes) bytes = kg_read_file (path, MAX_LINT_BYTES, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (format == KG_FORMAT_N_FORMATS
      && !kg_lint_guess_format (strcmp (path, "-") == 0 ? NULL : path, data, length, &format))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_OPTION,
                   "%s: cannot tell the format from the name or the content (use --format dot, graphml, nt, nq or ttl)",
                   kg_read_file_display_name (path));
      return NULL;
    }
  if (!kg_lint_supports (format))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_OPTION, "%s: lint checks dot, graphml, nt, nq and ttl, not %s",
                   kg_read_file_display_name (path), kg_format_to_string (format));
      return NULL;
    }
  return kg_lint_check (format, data, length);
}
