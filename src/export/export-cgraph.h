/* export-cgraph.h: the knowledge graph as a Graphviz graph, which the DOT
 * writer (export-dot.c) and the renderer (export-render.c) share (export
 * stage).
 *
 * Conventions: node name = kg_node_get_id, label = the node's label
 * (escaped by dot-syntax, long lines wrapped), shape and fill colour by
 * entity type, tooltip = type, mentions and aliases; edge key = the edge
 * id, label = the predicate ("not p" when negated, "p (modality)" when not
 * asserted), dashed red when negated, dotted when not asserted, pen width
 * growing with the weight, tooltip = weight, confidence, attribution and
 * a line per evidence record ("doc #2 [200-260]: sentence (time: on Monday;
 * place: in Minsk)"); the graph's label is a legend of the types and edge
 * styles present, so the legend adds no nodes.
 */
#ifndef KG_EXPORT_CGRAPH_H
#define KG_EXPORT_CGRAPH_H

#include <kgraph/graph.h>
#include <graphviz/cgraph.h>
#include "export-diagram.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Agraph_t, agclose)

/* Builds the Graphviz graph of what diagram selects from graph (see
 * export-diagram.h), with the layout settings: diagram->engine, bounded
 * effort, packed components.  The same graph always gives the same
 * attributes in the same order.  (transfer full) */
Agraph_t *kg__cgraph_build (KgGraph *graph, const KgDiagram *diagram);

/* Starts collecting the messages Graphviz would print on stderr, so that
 * the library prints nothing; kg__cgraph_end_messages() returns them (one
 * per line, "" when none; transfer full) and restores the previous
 * handler.  Graphviz's error state is global: not thread-safe. */
void kg__cgraph_begin_messages (void);
char *kg__cgraph_end_messages (void);

#endif
