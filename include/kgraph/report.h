/* kgraph/report.h: tables beside the graph, for people who audit it: the
 * entities with every alias and the rule that merged it, the predicates
 * with their frequencies, and the documents.  Tab-separated, one header
 * line, fields escaped as linear TSV (\t \n \r \\), sorted, written
 * atomically. */
#ifndef KGRAPH_REPORT_H
#define KGRAPH_REPORT_H

#include <kgraph/graph.h>

G_BEGIN_DECLS

/* id, label, type, mentions, type counts ("PERSON=3 ORG=1"), aliases
 * ("form (count, rule)" joined by " | "). */
gboolean kg_report_write_entities (KgGraph *graph, const char *path, GError **error);
/* predicate, relation (the normalised one, or the predicate), facts
 * (edges), weight (supporting sentences), surface forms. */
gboolean kg_report_write_predicates (KgGraph *graph, const char *path, GError **error);
/* Every fact with its evidence, one line per evidence record, the graph's
 * edges first, then the facts set aside (kg_graph_keep_entity_facts): fact
 * id, in_graph (yes or no),
 * subject, its type, predicate, relation, office, object, its type,
 * polarity, modality, attributed_to, confidence, document id, sentence
 * index, byte range, time, place, sentence text. */
gboolean kg_report_write_facts (KgGraph *graph, const char *path, GError **error);
/* id, title, date, byline, source. */
gboolean kg_report_write_documents (KgGraph *graph, const char *path, GError **error);

G_END_DECLS

#endif
