/* export-render.c: SVG, PNG and PDF drawings of the graph, laid out and
 * rendered in-process by Graphviz's gvc library (export stage).
 *
 * The Graphviz graph is the one the DOT export writes (export-cgraph.c),
 * so the drawing shows the same labels, styles, legend and, in SVG, the
 * same tooltips (evidence sentences on edges).  gvLayout runs the chosen
 * engine and gvRenderData renders into memory.  SVG and PNG come out the
 * same for the same graph; Cairo 1.16 stamps PDFs with the local time of
 * the run (/CreationDate, ignoring SOURCE_DATE_EPOCH), as "D:...Z" in UTC
 * and "D:...+03'30" elsewhere.  We replace it with the Unix epoch in UTC and
 * move the offsets of the cross-reference table by the difference in
 * length, so that the file stays valid and its bytes are the same in every
 * run and time zone.
 */
#include "export-private.h"
#include "export-cgraph.h"
#include "kgraph/error.h"

#include <errno.h>
#include <graphviz/gvc.h>
#include <string.h>

/* One Graphviz context for the whole process.  Graphviz 2.42's pango
 * plugin caches a pointer into its context's font table in a static
 * variable, so rendering after one context was freed reads freed memory;
 * a context that lives until exit (as in Graphviz's own programs) avoids
 * it.  Like the rest of Graphviz's state it is not thread-safe (see
 * export-cgraph.h): one render at a time. */
static GVC_t *
shared_context (void)
{
  static GVC_t *gvc;
  if (g_once_init_enter (&gvc))
    g_once_init_leave (&gvc, gvContext ());
  return gvc;
}

/* Graphviz's output format for each of ours. */
static const char *
render_format (KgFormat format)
{
  switch (format)
    {
    case KG_FORMAT_SVG: return "svg";
    case KG_FORMAT_PNG: return "png";
    case KG_FORMAT_PDF: return "pdf";
    default: g_return_val_if_reached (NULL);
    }
}

/* The date every PDF gets: the Unix epoch, in UTC. */
static const char fixed_date[] = "D:19700101000000Z";

/* A replaced date: where it was and how much longer it became. */
typedef struct {
  gsize at;
  gssize delta;
} Edit;

static gsize
moved (GArray *edits, gsize offset)
{
  gssize shift = 0;
  for (guint i = 0; i < edits->len; i++)
    if (g_array_index (edits, Edit, i).at < offset)
      shift += g_array_index (edits, Edit, i).delta;
  return offset + shift;
}

/* Rewrites the offsets of the in-use entries of the classic cross-reference
 * table at xref ("xref", then subsections "first count" of 20-byte entries
 * "OOOOOOOOOO GGGGG n"+EOL).  FALSE if the table is not there. */
static gboolean
fix_xref (GByteArray *pdf, gsize xref, GArray *edits)
{
  char *p = (char *) pdf->data + xref, *end = (char *) pdf->data + pdf->len;
  if (end - p < 5 || memcmp (p, "xref", 4) != 0)
    return FALSE;
  p += 4;
  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      char *after = NULL;
      g_ascii_strtoull (p, &after, 10);
      if (after == p || after >= end || *after != ' ')
        return p < end && strncmp (p, "trailer", 7) == 0;
      guint64 count = g_ascii_strtoull (after + 1, &p, 10);
      while (p < end && (*p == '\r' || *p == '\n' || *p == ' '))
        p++;
      if ((guint64) (end - p) < count * 20)
        return FALSE;
      for (guint64 i = 0; i < count; i++, p += 20)
        if (p[17] == 'n')
          {
            char digits[11];
            g_snprintf (digits, sizeof digits, "%010" G_GSIZE_FORMAT,
                        moved (edits, g_ascii_strtoull (p, NULL, 10)));
            memcpy (p, digits, 10);
          }
    }
}

GByteArray *
kg__render_pdf_fix_dates (const guint8 *data, gsize length)
{
  static const char *const keys[] = { "/CreationDate (", "/ModDate (" };
  GByteArray *pdf = g_byte_array_sized_new (length);
  g_autoptr (GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  gsize copied = 0;
  for (;;)
    {
      /* the next date of either kind */
      const guint8 *next = NULL;
      gsize key_length = 0;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const guint8 *hit = memmem (data + copied, length - copied, keys[k], strlen (keys[k]));
          if (hit && (next == NULL || hit < next))
            next = hit, key_length = strlen (keys[k]);
        }
      const guint8 *close = next ? memchr (next + key_length, ')', data + length - (next + key_length)) : NULL;
      if (close == NULL)
        break;
      gsize value = next + key_length - data;
      g_byte_array_append (pdf, data + copied, value - copied);
      g_byte_array_append (pdf, (const guint8 *) fixed_date, strlen (fixed_date));
      Edit edit = { value, (gssize) strlen (fixed_date) - (close - (data + value)) };
      g_array_append_val (edits, edit);
      copied = close - data;
    }
  g_byte_array_append (pdf, data + copied, length - copied);
  if (edits->len == 0)
    return pdf;

  /* startxref OFFSET %%EOF: the last one is the one readers use.  (Not
   * g_strrstr_len, which stops at the first NUL of the binary streams.) */
  const char *marker = NULL;
  for (const char *p = (const char *) pdf->data; (p = memmem (p, pdf->len - (p - (const char *) pdf->data),
                                                               "startxref", 9)) != NULL; p += 9)
    marker = p;
  if (marker == NULL)
    return pdf;
  char *number_end = NULL;
  gsize old_xref = g_ascii_strtoull (marker + 9, &number_end, 10);
  gsize new_xref = moved (edits, old_xref);
  if (number_end == marker + 9 || !fix_xref (pdf, new_xref, edits))
    return pdf;
  gsize number_start = marker + 9 - (const char *) pdf->data;
  while (g_ascii_isspace (pdf->data[number_start]))
    number_start++;
  gsize tail = number_end - (const char *) pdf->data;
  char digits[24];
  g_snprintf (digits, sizeof digits, "%" G_GSIZE_FORMAT, new_xref);
  g_byte_array_remove_range (pdf, number_start, tail - number_start);
  /* g_byte_array has no insert; rebuild the tail */
  g_autoptr (GByteArray) rest = g_byte_array_new ();
  g_byte_array_append (rest, pdf->data + number_start, pdf->len - number_start);
  g_byte_array_set_size (pdf, number_start);
  g_byte_array_append (pdf, (const guint8 *) digits, strlen (digits));
  g_byte_array_append (pdf, rest->data, rest->len);
  return pdf;
}

GBytes *
kg__render_diagram (KgGraph *graph, const KgDiagram *diagram, const char *renderer, GError **error)
{
  g_return_val_if_fail (graph != NULL && diagram != NULL && renderer != NULL, NULL);

  kg__cgraph_begin_messages ();
  GVC_t *gvc = shared_context ();
  g_autoptr (Agraph_t) g = kg__cgraph_build (graph, diagram);
  char *data = NULL;
  unsigned int length = 0;
  gboolean laid_out = gvLayout (gvc, g, diagram->engine) == 0;
  gboolean rendered = laid_out && gvRenderData (gvc, g, renderer, &data, &length) == 0 && data != NULL;
  if (laid_out)
    gvFreeLayout (gvc, g);
  g_autofree char *messages = kg__cgraph_end_messages ();
  if (!rendered)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_EXPORT, "Graphviz could not %s %s%s%s",
                   laid_out ? "render the graph as" : "lay out the graph with",
                   laid_out ? renderer : diagram->engine, *messages ? ": " : "", messages);
      if (data)
        gvFreeRenderData (data);
      return NULL;
    }
  GBytes *bytes = g_bytes_new (data, length);
  gvFreeRenderData (data);
  return bytes;
}

gboolean
kg__export_render (KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out,
                   GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && out != NULL, FALSE);
  const char *renderer = render_format (format);
  g_return_val_if_fail (renderer != NULL, FALSE);

  g_autoptr (KgDiagram) diagram = kg__diagram_new (graph, options, error);
  if (diagram == NULL)
    return FALSE;
  g_autoptr (GBytes) drawing = kg__render_diagram (graph, diagram, renderer, error);
  if (drawing == NULL)
    return FALSE;
  gsize length;
  const guint8 *data = g_bytes_get_data (drawing, &length);
  g_autoptr (GByteArray) fixed = format == KG_FORMAT_PDF ? kg__render_pdf_fix_dates (data, length) : NULL;
  const void *bytes = fixed ? (const void *) fixed->data : data;
  gsize size = fixed ? fixed->len : length;
  if (fwrite (bytes, 1, size, out) != size)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the %s drawing: %s", renderer, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
