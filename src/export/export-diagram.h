/* export-diagram.h: what a diagram draws (export stage): the selection,
 * caps and merging that turn the whole graph into a picture people can
 * read, shared by the DOT writer, the drawings and the HTML report.
 *
 * The selection, in order:
 *   1. drawable types: the named types (PERSON, ORG, GPE, LOC, NORP, EVENT)
 *      or options->types, plus concepts and values with options->concepts;
 *   2. drawable facts: both ends drawable, not about themselves, and with
 *      options->facts_only positive, asserted and unattributed;
 *   3. facts in the same direction between the same pair are one edge
 *      (a stacked label); an edge whose facts have fewer than min_weight
 *      sentences in all is left out;
 *   4. options->focus keeps the nodes within depth hops of the matching
 *      node(s);
 *   5. nodes without an edge are left out; the cap keeps at most max_nodes
 *      nodes: the focus nodes, then the nodes of the heaviest edges, edge
 *      by edge while both ends fit (ties: the edge whose nodes have the
 *      greater weighted degree, then keys), so that no kept node is
 *      isolated; every edge between kept nodes is drawn.
 * A drawn node's facts that are not drawn (with concepts, values, nodes
 * left out) are listed in its tooltip.  Everything is sorted: nodes by
 * key, edges by subject key then object key, facts of an edge by weight
 * (descending) then graph order.
 */
#ifndef KG_EXPORT_DIAGRAM_H
#define KG_EXPORT_DIAGRAM_H

#include "kgraph/export.h"

/* Lines of a diagram label longer than this many characters are wrapped. */
#define KG_DIAGRAM_WRAP_COLUMNS 30
/* A stacked edge label shows at most this many facts, then "+ N more". */
#define KG_DIAGRAM_MAX_STACKED 5

typedef struct {
  KgNode *subject, *object;
  GPtrArray *facts;  /* KgEdge *, (transfer none) */
  guint weight;      /* sum of the facts' weights */
} KgDiagramEdge;

typedef struct _KgDiagram {
  GPtrArray *nodes;   /* KgNode *, drawn */
  GPtrArray *edges;   /* KgDiagramEdge *, drawn */
  GHashTable *aside;  /* KgNode * -> GPtrArray of its KgEdge * that are not drawn */
  GHashTable *focus;  /* the KgNode *s that options->focus matched (drawn bold) */
  const char *engine; /* the Graphviz layout engine to use */
  gboolean engine_chosen;  /* by size ("auto"), not by the user */
  guint n_facts;      /* facts drawn (the edges merge some) */
  char *summary;      /* what is drawn and what was left out, one line */
} KgDiagram;

/* The diagram of graph with options; fails with KG_ERROR_OPTION when
 * options->focus matches no node.  (transfer full) */
KgDiagram *kg__diagram_new (KgGraph *graph, const KgExportOptions *options, GError **error);
void kg__diagram_free (KgDiagram *diagram);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgDiagram, kg__diagram_free)

/* Facts of node left out of the drawing (never NULL).  (transfer none) */
GPtrArray *kg__diagram_get_aside (const KgDiagram *diagram, const KgNode *node);

/* Does node match name, by label or alias, case-insensitively? */
gboolean kg__diagram_node_matches (const KgNode *node, const char *folded_name);

#endif
