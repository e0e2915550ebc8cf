/* export-cgraph.c: builds the Graphviz graph of a knowledge graph with
 * cgraph (export stage; conventions in export-cgraph.h).
 *
 * Attributes are declared once with agattr and set with agxset, so that
 * agwrite writes the defaults in one statement and only the differences on
 * each node and edge.  Every text value goes through kg__dot_append_text.
 */
#include "export-cgraph.h"
#include "dot-syntax.h"
#include "export-diagram.h"
#include "export-text.h"

#include <string.h>

#define FONT "DejaVu Sans"
/* Tooltips list at most this many aliases and evidence records. */
#define TOOLTIP_MAX_ITEMS 100
/* A node's tooltip lists at most this many of its facts not drawn. */
#define TOOLTIP_MAX_ASIDE 25

typedef struct {
  const char *shape;        /* Graphviz shape */
  const char *shape_words;  /* how the legend names it */
  const char *fill;         /* an X11 colour name, which the legend also shows */
  const char *style;
} TypeStyle;

static const TypeStyle type_styles[KG_ENTITY_N_TYPES] = {
  [KG_ENTITY_UNKNOWN] = { "ellipse", "ellipse", "white", "filled" },
  [KG_ENTITY_PERSON] = { "ellipse", "ellipse", "lightblue", "filled" },
  [KG_ENTITY_ORG] = { "box", "box", "palegreen", "filled" },
  [KG_ENTITY_GPE] = { "hexagon", "hexagon", "khaki", "filled" },
  [KG_ENTITY_LOC] = { "house", "house", "wheat", "filled" },
  [KG_ENTITY_NORP] = { "octagon", "octagon", "plum", "filled" },
  [KG_ENTITY_EVENT] = { "parallelogram", "parallelogram", "lightsalmon", "filled" },
  [KG_ENTITY_DATE] = { "note", "note", "lightgrey", "filled" },
  [KG_ENTITY_TIME] = { "note", "note", "gainsboro", "filled" },
  [KG_ENTITY_MONEY] = { "cds", "arrow box", "gold", "filled" },
  [KG_ENTITY_PERCENT] = { "cds", "arrow box", "lightyellow", "filled" },
  [KG_ENTITY_QUANTITY] = { "cds", "arrow box", "lemonchiffon", "filled" },
  [KG_ENTITY_ORDINAL] = { "egg", "egg", "mistyrose", "filled" },
  [KG_ENTITY_CARDINAL] = { "egg", "egg", "lavender", "filled" },
  [KG_ENTITY_CONCEPT] = { "box", "rounded box", "whitesmoke", "filled,rounded" },
};

#define NEGATED_COLOR "firebrick"

/* The attributes we set, declared with their defaults. */
typedef struct {
  Agsym_t *node_label, *node_shape, *node_style, *node_fill, *node_tooltip, *node_id;
  Agsym_t *edge_label, *edge_style, *edge_color, *edge_fontcolor, *edge_penwidth, *edge_tooltip;
} Symbols;

static Agsym_t *
declare (Agraph_t *g, int kind, const char *name, const char *value)
{
  return agattr (g, kind, (char *) name, (char *) value);
}

static void
declare_attributes (Agraph_t *g, Symbols *sym)
{
  declare (g, AGRAPH, "charset", "UTF-8");
  declare (g, AGRAPH, "fontname", FONT);
  declare (g, AGRAPH, "labelloc", "b");
  declare (g, AGRAPH, "labeljust", "l");
  sym->node_label = declare (g, AGNODE, "label", "\\N");
  sym->node_shape = declare (g, AGNODE, "shape", type_styles[KG_ENTITY_UNKNOWN].shape);
  sym->node_style = declare (g, AGNODE, "style", "filled");
  sym->node_fill = declare (g, AGNODE, "fillcolor", type_styles[KG_ENTITY_UNKNOWN].fill);
  sym->node_tooltip = declare (g, AGNODE, "tooltip", "");
  sym->node_id = declare (g, AGNODE, "id", "");
  declare (g, AGNODE, "fontname", FONT);
  sym->edge_label = declare (g, AGEDGE, "label", "");
  sym->edge_style = declare (g, AGEDGE, "style", "solid");
  sym->edge_color = declare (g, AGEDGE, "color", "black");
  sym->edge_fontcolor = declare (g, AGEDGE, "fontcolor", "black");
  sym->edge_penwidth = declare (g, AGEDGE, "penwidth", "1");
  sym->edge_tooltip = declare (g, AGEDGE, "tooltip", "");
  declare (g, AGEDGE, "fontname", FONT);
  declare (g, AGEDGE, "fontsize", "10");
}

/* Sets sym on obj to text, escaped for Graphviz. */
static void
set_text (void *obj, Agsym_t *sym, const char *text, guint wrap)
{
  g_autoptr (GString) value = g_string_new (NULL);
  kg__dot_append_text (value, text, wrap);
  agxset (obj, sym, value->str);
}

static void
set_plain (void *obj, Agsym_t *sym, const char *value)
{
  agxset (obj, sym, (char *) value);
}

static char *
node_tooltip (const KgDiagram *diagram, const KgNode *node)
{
  GString *text = g_string_new (kg_entity_type_to_string (kg_node_get_entity_type (node)));
  guint mentions = kg_node_get_mentions (node);
  g_string_append_printf (text, ", %u mention%s\naliases: ", mentions, mentions == 1 ? "" : "s");
  guint n = kg_node_get_n_aliases (node);
  for (guint i = 0; i < n && i < TOOLTIP_MAX_ITEMS; i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", kg_node_get_alias (node, i)->form);
  if (n > TOOLTIP_MAX_ITEMS)
    g_string_append_printf (text, "; … and %u more", n - TOOLTIP_MAX_ITEMS);
  /* the facts the picture does not show: with concepts, values and nodes
   * left out */
  GPtrArray *aside = kg__diagram_get_aside (diagram, node);
  if (aside->len)
    g_string_append_printf (text, "\nnot drawn, %u fact%s:", aside->len, aside->len == 1 ? "" : "s");
  for (guint i = 0; i < aside->len && i < TOOLTIP_MAX_ASIDE; i++)
    {
      const KgEdge *fact = aside->pdata[i];
      g_autofree char *subject = kg__text_node_label (kg_edge_get_subject (fact));
      g_autofree char *predicate = kg__text_edge_label (fact);
      g_autofree char *object = kg__text_node_label (kg_edge_get_object (fact));
      g_string_append_printf (text, "\n• %s %s %s (%u)", subject, predicate, object, kg_edge_get_weight (fact));
    }
  if (aside->len > TOOLTIP_MAX_ASIDE)
    g_string_append_printf (text, "\n… and %u more", aside->len - TOOLTIP_MAX_ASIDE);
  return g_string_free (text, FALSE);
}

static void
add_node (Agraph_t *g, const Symbols *sym, const KgDiagram *diagram, const KgNode *node)
{
  Agnode_t *n = agnode (g, (char *) kg_node_get_id (node), TRUE);
  const TypeStyle *style = &type_styles[kg_node_get_entity_type (node)];
  g_autofree char *label = kg__text_node_label (node);
  g_autofree char *tooltip = node_tooltip (diagram, node);
  set_text (n, sym->node_label, label, KG_DIAGRAM_WRAP_COLUMNS);
  set_plain (n, sym->node_shape, style->shape);
  set_plain (n, sym->node_style, style->style);
  set_plain (n, sym->node_fill, style->fill);
  set_text (n, sym->node_tooltip, tooltip, 0);
  set_plain (n, sym->node_id, kg_node_get_id (node));
  /* the entity a --focus drawing is about stands out */
  if (g_hash_table_contains (diagram->focus, node))
    {
      g_autofree char *bold = g_strconcat (style->style, ",bold", NULL);
      set_plain (n, sym->node_style, bold);
      agsafeset (n, "penwidth", "3", "1");
    }
}

static void
append_fact_tooltip (GString *text, KgGraph *graph, const KgEdge *edge)
{
  char confidence[KG_DOUBLE_BUF_SIZE];
  g_string_append_printf (text, "weight %u, confidence %s", kg_edge_get_weight (edge),
                          kg__text_format_double (confidence, kg_edge_get_confidence (edge)));
  const KgNode *source = kg_edge_get_attributed_to (edge);
  if (source)
    {
      g_autofree char *who = kg__text_node_label (source);
      g_string_append_printf (text, ", according to %s", who);
    }
  guint n = kg_edge_get_n_evidence (edge);
  for (guint i = 0; i < n && i < TOOLTIP_MAX_ITEMS; i++)
    {
      const KgEvidence *ev = kg_edge_get_evidence (edge, i);
      g_string_append_printf (text, "\n%s #%u [%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT "]",
                              kg_graph_get_document (graph, ev->document)->id, ev->sentence, ev->start, ev->end);
      if (ev->text)
        g_string_append_printf (text, ": %s", ev->text);
      /* "... (time: on Monday; place: in Minsk)" */
      const char *separator = " (";
      if (ev->time)
        g_string_append_printf (text, "%stime: %s", separator, ev->time), separator = "; ";
      if (ev->place)
        g_string_append_printf (text, "%splace: %s", separator, ev->place), separator = "; ";
      if (ev->time || ev->place)
        g_string_append_c (text, ')');
    }
  if (n > TOOLTIP_MAX_ITEMS)
    g_string_append_printf (text, "\n… and %u more", n - TOOLTIP_MAX_ITEMS);
}

/* One fact: as before; several: each under its own "subject p object". */
static char *
edge_tooltip (KgGraph *graph, const KgDiagramEdge *edge)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < edge->facts->len; i++)
    {
      const KgEdge *fact = edge->facts->pdata[i];
      if (edge->facts->len > 1)
        {
          g_autofree char *subject = kg__text_node_label (edge->subject);
          g_autofree char *predicate = kg__text_edge_label (fact);
          g_autofree char *object = kg__text_node_label (edge->object);
          g_string_append_printf (text, "%s%s %s %s: ", i ? "\n\n" : "", subject, predicate, object);
        }
      append_fact_tooltip (text, graph, fact);
    }
  return g_string_free (text, FALSE);
}

/* The predicates stacked, heaviest first, at most KG_DIAGRAM_MAX_STACKED. */
static char *
edge_label (const KgDiagramEdge *edge)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < edge->facts->len && i < KG_DIAGRAM_MAX_STACKED; i++)
    {
      g_autofree char *label = kg__text_edge_label (edge->facts->pdata[i]);
      g_string_append_printf (text, "%s%s", i ? "\n" : "", label);
    }
  if (edge->facts->len > KG_DIAGRAM_MAX_STACKED)
    g_string_append_printf (text, "\n+ %u more", edge->facts->len - KG_DIAGRAM_MAX_STACKED);
  return g_string_free (text, FALSE);
}

static void
add_edge (Agraph_t *g, const Symbols *sym, KgGraph *graph, const KgDiagramEdge *edge)
{
  Agnode_t *tail = agnode (g, (char *) kg_node_get_id (edge->subject), FALSE);
  Agnode_t *head = agnode (g, (char *) kg_node_get_id (edge->object), FALSE);
  const KgEdge *first = edge->facts->pdata[0];
  Agedge_t *e = agedge (g, tail, head, (char *) kg_edge_get_id (first), TRUE);
  /* dashed when every fact is negated, dotted when none is asserted */
  gboolean negated = TRUE, modal = TRUE;
  for (guint i = 0; i < edge->facts->len; i++)
    {
      negated = negated && kg_edge_get_polarity (edge->facts->pdata[i]) == KG_POLARITY_NEGATIVE;
      modal = modal && kg_edge_get_modality (edge->facts->pdata[i]) != KG_MODALITY_ASSERTED;
    }

  g_autofree char *label = edge_label (edge);
  g_autofree char *tooltip = edge_tooltip (graph, edge);
  set_text (e, sym->edge_label, label, KG_DIAGRAM_WRAP_COLUMNS);
  set_text (e, sym->edge_tooltip, tooltip, 0);
  if (negated)
    {
      set_plain (e, sym->edge_style, "dashed");
      set_plain (e, sym->edge_color, NEGATED_COLOR);
      set_plain (e, sym->edge_fontcolor, NEGATED_COLOR);
    }
  else if (modal)
    set_plain (e, sym->edge_style, "dotted");
  /* 1 for one sentence, one more per doubling, at most 5. */
  char width[4];
  g_snprintf (width, sizeof width, "%u", MIN (g_bit_storage (edge->weight), 5));
  set_plain (e, sym->edge_penwidth, width);
}

/* The legend: one row per type present, then the edge styles present. */
static void
set_legend (Agraph_t *g, const KgDiagram *diagram)
{
  gboolean present[KG_ENTITY_N_TYPES] = { FALSE };
  for (guint i = 0; i < diagram->nodes->len; i++)
    present[kg_node_get_entity_type (diagram->nodes->pdata[i])] = TRUE;
  gboolean negated = FALSE, modal = FALSE;
  for (guint i = 0; i < diagram->edges->len; i++)
    {
      const KgDiagramEdge *edge = diagram->edges->pdata[i];
      for (guint f = 0; f < edge->facts->len; f++)
        {
          negated = negated || kg_edge_get_polarity (edge->facts->pdata[f]) == KG_POLARITY_NEGATIVE;
          modal = modal || kg_edge_get_modality (edge->facts->pdata[f]) != KG_MODALITY_ASSERTED;
        }
    }

  /* An HTML-like table: a swatch of each type's colour beside its name
   * and shape, then the edge styles, drawn as the edges are. */
  g_autoptr (GString) rows = g_string_new (NULL);
  for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
    if (present[t])
      g_string_append_printf (rows, "<tr><td bgcolor=\"%s\" width=\"24\"> </td><td align=\"left\">%s (%s)</td></tr>",
                              type_styles[t].fill, kg_entity_type_to_string (t), type_styles[t].shape_words);
  g_string_append (rows, "<tr><td>→</td><td align=\"left\">a fact: subject → object, thicker with more "
                   "sentences</td></tr>");
  if (negated)
    g_string_append (rows, "<tr><td><font color=\"" NEGATED_COLOR "\">- - →</font></td>"
                     "<td align=\"left\">dashed red: negated (not …)</td></tr>");
  if (modal)
    g_string_append (rows, "<tr><td>· · →</td><td align=\"left\">dotted: not asserted (future, possible, …)</td></tr>");

  g_autofree char *html = g_strdup_printf ("<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" "
                                           "cellpadding=\"3\"><tr><td colspan=\"2\"><b>Legend</b></td></tr>%s"
                                           "</table>", rows->str);
  Agsym_t *label = agattr (g, AGRAPH, "label", "");
  char *value = agstrdup_html (g, html);
  agxset (g, label, value);
  agstrfree (g, value);
}

/* A node with many leaves (neighbours with no other edge) puts them all on
 * one rank in dot, a row as wide as they are many; as Graphviz's
 * `unflatten -l 3` does, the edges to the leaves get minimum lengths of
 * 1, 2, 3, 1, ... so that the leaves stand in three staggered rows. */
#define STAGGER_MIN_LEAVES 5
#define STAGGER_ROWS 3

static void
stagger_leaves (Agraph_t *g, const KgDiagram *diagram)
{
  g_autoptr (GHashTable) degree = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < diagram->edges->len; i++)
    {
      const KgDiagramEdge *edge = diagram->edges->pdata[i];
      for (guint end = 0; end < 2; end++)
        {
          KgNode *node = end ? edge->object : edge->subject;
          g_hash_table_insert (degree, node, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (degree, node)) + 1));
        }
    }
  /* leaves per hub, then the edges to them, in edge order */
  g_autoptr (GHashTable) leaves = g_hash_table_new (NULL, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < diagram->edges->len; i++)
        {
          const KgDiagramEdge *edge = diagram->edges->pdata[i];
          gboolean object_leaf = GPOINTER_TO_UINT (g_hash_table_lookup (degree, edge->object)) == 1;
          gboolean subject_leaf = GPOINTER_TO_UINT (g_hash_table_lookup (degree, edge->subject)) == 1;
          if (object_leaf == subject_leaf)
            continue;
          KgNode *hub = object_leaf ? edge->subject : edge->object;
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (pass ? seen : leaves, hub));
          g_hash_table_insert (pass ? seen : leaves, hub, GUINT_TO_POINTER (k + 1));
          if (pass == 0 || GPOINTER_TO_UINT (g_hash_table_lookup (leaves, hub)) < STAGGER_MIN_LEAVES)
            continue;
          Agnode_t *tail = agnode (g, (char *) kg_node_get_id (edge->subject), FALSE);
          Agnode_t *head = agnode (g, (char *) kg_node_get_id (edge->object), FALSE);
          Agedge_t *e = agedge (g, tail, head, (char *) kg_edge_get_id (edge->facts->pdata[0]), FALSE);
          char minlen[4];
          g_snprintf (minlen, sizeof minlen, "%u", 1 + k % STAGGER_ROWS);
          agsafeset (e, "minlen", minlen, "1");
        }
    }
}

/* The layout's settings: the engine, bounded effort, components packed,
 * and a size no drawing exceeds. */
static void
set_layout (Agraph_t *g, const KgDiagram *diagram)
{
  agsafeset (g, "layout", (char *) diagram->engine, "");
  /* Network simplex and crossing minimisation passes (dot): the defaults
   * are unbounded in practice (iterations up to the node count). */
  agsafeset (g, "nslimit", "4", "");
  agsafeset (g, "nslimit1", "4", "");
  agsafeset (g, "mclimit", "0.5", "");
  agsafeset (g, "searchsize", "20", "");
  /* Force-directed engines: iterations, and no overlapping nodes. */
  agsafeset (g, "maxiter", "300", "");
  agsafeset (g, "overlap", "prism", "");
  agsafeset (g, "outputorder", "edgesfirst", "");
  agsafeset (g, "ranksep", "0.4", "");
  agsafeset (g, "nodesep", "0.25", "");
  /* 26 inches is 2496 pixels at the PNG's 96 DPI: a bigger drawing is
   * scaled down to fit. */
  agsafeset (g, "size", "26,26", "");
}

Agraph_t *
kg__cgraph_build (KgGraph *graph, const KgDiagram *diagram)
{
  g_return_val_if_fail (graph != NULL && diagram != NULL, NULL);
  Agraph_t *g = agopen ("kgraph", Agdirected, NULL);
  Symbols sym;
  declare_attributes (g, &sym);
  set_layout (g, diagram);

  for (guint i = 0; i < diagram->nodes->len; i++)
    add_node (g, &sym, diagram, diagram->nodes->pdata[i]);
  for (guint i = 0; i < diagram->edges->len; i++)
    add_edge (g, &sym, graph, diagram->edges->pdata[i]);
  stagger_leaves (g, diagram);
  set_legend (g, diagram);
  return g;
}

/* ---- messages ----------------------------------------------------------- */

static GString *messages;
static agusererrf previous_handler;

static int
collect_message (char *message)
{
  g_string_append (messages, message);
  return 0;
}

void
kg__cgraph_begin_messages (void)
{
  g_return_if_fail (messages == NULL);
  messages = g_string_new (NULL);
  previous_handler = agseterrf (collect_message);
}

char *
kg__cgraph_end_messages (void)
{
  g_return_val_if_fail (messages != NULL, g_strdup (""));
  agseterrf (previous_handler);
  previous_handler = NULL;
  char *text = g_string_free (messages, FALSE);
  messages = NULL;
  return g_strchomp (text);
}
