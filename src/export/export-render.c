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
#include <math.h>
#include <stdio.h>
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

/* ---- components packed (dot) ----------------------------------------------
 *
 * dot draws the components of a graph side by side, in one row as long as
 * they are many, and its own packing (pack=true, packmode=...) loses edge
 * labels.  So, as Graphviz's `ccomps -x | dot | gvpack | neato -n2`
 * pipeline does, each component is laid out apart, the boxes are placed
 * in rows of about the width of a square of their total area (biggest
 * first, "shelf" packing), and the whole graph, every node, edge spline
 * and label at its place, goes through the "nop2" engine (neato -n2),
 * which keeps positions and splines and places the legend. */

#define PACK_GAP 24.0   /* points between components */

typedef struct {
  KgDiagram part;     /* nodes and edges of one component */
  double llx, lly, urx, ury;
  double dx, dy;      /* where it goes */
  Agraph_t *g;
} Component;

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static int
compare_components (gconstpointer a, gconstpointer b)
{
  const Component *x = *(Component *const *) a, *y = *(Component *const *) b;
  double hx = x->ury - x->lly, hy = y->ury - y->lly;
  if (hx != hy)
    return hx > hy ? -1 : 1;
  if (x->part.nodes->len != y->part.nodes->len)
    return x->part.nodes->len > y->part.nodes->len ? -1 : 1;
  return strcmp (kg_node_get_key (x->part.nodes->pdata[0]), kg_node_get_key (y->part.nodes->pdata[0]));
}

/* "x,y" or "e,x,y" moved by (dx, dy), appended to out. */
static void
append_moved_point (GString *out, const char *token, double dx, double dy)
{
  const char *p = token;
  if ((p[0] == 'e' || p[0] == 's') && p[1] == ',')
    {
      g_string_append_len (out, p, 2);
      p += 2;
    }
  char *end = NULL;
  double x = g_ascii_strtod (p, &end);
  double y = *end == ',' ? g_ascii_strtod (end + 1, NULL) : 0;
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (out, "%s,%s", g_ascii_formatd (bx, sizeof bx, "%.2f", x + dx),
                          g_ascii_formatd (by, sizeof by, "%.2f", y + dy));
}

static void
set_moved (void *to, void *from, const char *name, double dx, double dy)
{
  const char *value = agget (from, (char *) name);
  if (value == NULL || *value == '\0')
    return;
  g_autoptr (GString) moved = g_string_new (NULL);
  g_auto (GStrv) tokens = g_strsplit (value, " ", -1);
  for (guint i = 0; tokens[i]; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (moved->len)
        g_string_append_c (moved, ' ');
      append_moved_point (moved, tokens[i], dx, dy);
    }
  agsafeset (to, (char *) name, moved->str, "");
}

/* Points: wider than that (and three times wider than high), a component
 * laid out by dot is drawn by neato instead. */
#define TOO_WIDE 1500.0
#define NEATO_MAX_NODES 100

/* Lays out the component with engine; its positions, splines, label
 * places and bounding box are then in its attributes. */
static gboolean
layout_component (GVC_t *gvc, KgGraph *graph, Component *c, const char *engine)
{
  if (c->g)
    agclose (c->g);
  c->g = kg__cgraph_build (graph, &c->part);
  agsafeset (c->g, "label", "", "");
  agsafeset (c->g, "size", "", "");
  agsafeset (c->g, "layout", (char *) engine, "");
  if (strcmp (engine, "neato") == 0)
    {
      /* curved edges around the nodes, and room for their labels */
      agsafeset (c->g, "splines", "true", "");
      agsafeset (c->g, "sep", "+8", "");
    }
  char *data = NULL;
  unsigned int length = 0;
  /* rendering as "dot" writes the positions into the attributes */
  gboolean ok = gvLayout (gvc, c->g, engine) == 0;
  if (ok && gvRenderData (gvc, c->g, "dot", &data, &length) == 0)
    gvFreeRenderData (data);
  if (ok)
    gvFreeLayout (gvc, c->g);
  const char *bb = agget (c->g, "bb");
  return ok && bb && sscanf (bb, "%lf,%lf,%lf,%lf", &c->llx, &c->lly, &c->urx, &c->ury) == 4;
}

/* Lays out g (the whole diagram) component by component with dot (or
 * neato for a component too wide, when allow_neato) and packs them; FALSE
 * if a component could not be laid out. */
static gboolean
layout_packed (GVC_t *gvc, Agraph_t *g, KgGraph *graph, const KgDiagram *diagram, gboolean allow_neato)
{
  guint n = diagram->nodes->len;
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, diagram->nodes->pdata[i], GUINT_TO_POINTER (i));
  g_autofree guint *parent = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < diagram->edges->len; i++)
    {
      const KgDiagramEdge *edge = diagram->edges->pdata[i];
      guint a = find_root (parent, GPOINTER_TO_UINT (g_hash_table_lookup (index, edge->subject)));
      guint b = find_root (parent, GPOINTER_TO_UINT (g_hash_table_lookup (index, edge->object)));
      parent[MAX (a, b)] = MIN (a, b);
    }

  /* Components in node order, each with its nodes and edges. */
  g_autofree Component **of_root = g_new0 (Component *, n);
  g_autoptr (GPtrArray) components = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      guint r = find_root (parent, i);
      if (of_root[r] == NULL)
        {
          Component *c = g_new0 (Component, 1);
          c->part = *diagram;
          c->part.nodes = g_ptr_array_new ();
          c->part.edges = g_ptr_array_new ();
          of_root[r] = c;
          g_ptr_array_add (components, c);
        }
      g_ptr_array_add (of_root[r]->part.nodes, diagram->nodes->pdata[i]);
    }
  for (guint i = 0; i < diagram->edges->len; i++)
    {
      const KgDiagramEdge *edge = diagram->edges->pdata[i];
      guint r = find_root (parent, GPOINTER_TO_UINT (g_hash_table_lookup (index, edge->subject)));
      g_ptr_array_add (of_root[r]->part.edges, diagram->edges->pdata[i]);
    }

  gboolean ok = TRUE;
  double total_area = 0, widest = 0;
  for (guint i = 0; i < components->len && ok; i++)
    {
      Component *c = components->pdata[i];
      ok = layout_component (gvc, graph, c, "dot");
      /* A hub with many neighbours puts them on one rank: a row too long
       * to read at any scale.  Such a component is drawn by neato with
       * curved edges, or above NEATO_MAX_NODES (where routing the curves
       * takes seconds) by sfdp. */
      double w = c->urx - c->llx, h = c->ury - c->lly;
      if (ok && allow_neato && w > TOO_WIDE && w > 3 * h)
        ok = layout_component (gvc, graph, c, c->part.nodes->len <= NEATO_MAX_NODES ? "neato" : "sfdp");
      total_area += (c->urx - c->llx + PACK_GAP) * (c->ury - c->lly + PACK_GAP);
      widest = MAX (widest, c->urx - c->llx);
    }

  if (ok)
    {
      /* Rows from the top, biggest components first. */
      g_autoptr (GPtrArray) order = g_ptr_array_copy (components, NULL, NULL);
      g_ptr_array_sort (order, compare_components);
      double width = MAX (widest, sqrt (total_area) * 1.4);
      double x = 0, top = 0, row_height = 0;
      for (guint i = 0; i < order->len; i++)
        {
          Component *c = order->pdata[i];
          double w = c->urx - c->llx, h = c->ury - c->lly;
          if (x > 0 && x + w > width)
            {
              top -= row_height + PACK_GAP;
              x = 0, row_height = 0;
            }
          c->dx = x - c->llx;
          c->dy = top - h - c->lly;
          x += w + PACK_GAP;
          row_height = MAX (row_height, h);
        }
      double bottom = top - row_height;
      for (guint i = 0; i < order->len; i++)
        {
          Component *c = order->pdata[i];
          c->dy -= bottom;  /* everything above y = 0 */
          for (Agnode_t *v = agfstnode (c->g); v; v = agnxtnode (c->g, v))
            {
              Agnode_t *to = agnode (g, agnameof (v), FALSE);
              set_moved (to, v, "pos", c->dx, c->dy);
              for (Agedge_t *e = agfstout (c->g, v); e; e = agnxtout (c->g, e))
                {
                  Agedge_t *te = agedge (g, to, agnode (g, agnameof (aghead (e)), FALSE), agnameof (e), FALSE);
                  set_moved (te, e, "pos", c->dx, c->dy);
                  set_moved (te, e, "lp", c->dx, c->dy);
                }
            }
        }
      /* gvLayout obeys the graph's layout attribute over its argument */
      agsafeset (g, "layout", "nop2", "");
      ok = gvLayout (gvc, g, "nop2") == 0;
    }

  for (guint i = 0; i < components->len; i++)
    {
      Component *c = components->pdata[i];
      if (c->g)
        agclose (c->g);
      g_ptr_array_unref (c->part.nodes);
      g_ptr_array_unref (c->part.edges);
      g_free (c);
    }
  return ok;
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
  gboolean laid_out = strcmp (diagram->engine, "dot") == 0
                        ? layout_packed (gvc, g, graph, diagram, diagram->engine_chosen)
                        : gvLayout (gvc, g, diagram->engine) == 0;
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
