/* graph-delta.h: what one document adds to a graph (graph stage).
 *
 * The facts stage writes a document's contribution into a delta, not into
 * the graph: the document's record and content hash, the mentions that
 * make or join nodes, and the facts between them with their evidence,
 * nodes named by key.  Deltas are made in parallel (`build -j N`), kept in
 * shards (shard.c), and applied to a graph one at a time.  Applying deltas
 * gives the same graph in any order: a node's and an edge's state are
 * counts and sorted sets (graph.c), and a fact's ends add a mention only
 * when the same document did not mention the node already.
 */
#ifndef KG_GRAPH_DELTA_H
#define KG_GRAPH_DELTA_H

#include "kgraph/graph.h"
#include "kgraph/pipeline.h"

#include <json-glib/json-glib.h>

typedef struct _KgDelta KgDelta;

/* A fact between nodes of the delta, named by the keys kg_delta_node()
 * returned. */
typedef struct {
  const char *subject;
  const char *object;
  const char *attributed_to;  /* nullable */
  const char *predicate;
  const char *predicate_surface;  /* NULL: the same as predicate */
  const char *relation;           /* nullable */
  const char *office;             /* nullable */
  KgPolarity polarity;
  KgModality modality;
  double confidence;
} KgDeltaFact;

/* The delta of the document info describes; hash is a digest of its
 * content (kg_delta_hash_bytes()).  (transfer full) */
KgDelta *kg_delta_new (const KgDocumentInfo *info, const char *hash);
void kg_delta_free (KgDelta *delta);

/* The hex SHA-256 of bytes.  (transfer full) */
char *kg_delta_hash_bytes (GBytes *bytes);

const KgDocumentInfo *kg_delta_get_document (const KgDelta *delta);
const char *kg_delta_get_hash (const KgDelta *delta);
/* Gives the document another id (two documents read with one id). */
void kg_delta_set_id (KgDelta *delta, const char *id);

/* Sentences and words of the document, for the build's summary. */
void kg_delta_set_size (KgDelta *delta, guint sentences, guint words);
guint kg_delta_get_sentences (const KgDelta *delta);
guint kg_delta_get_words (const KgDelta *delta);
/* What became of the document's facts.  (transfer none) */
KgFactCounts *kg_delta_get_counts (KgDelta *delta);
/* Adds the delta's counts to total. */
void kg_delta_add_counts (const KgDelta *delta, KgFactCounts *total);

/* A mention of a node (the entity stage's).  Returns the node's key, NULL
 * when the mention has none.  (transfer none) */
const char *kg_delta_add_mention (KgDelta *delta, const KgNodeMention *mention);
/* The key of the node mention names, adding the mention only when the
 * document has not mentioned that node yet.  (transfer none) */
const char *kg_delta_node (KgDelta *delta, const KgNodeMention *mention);
/* A fact with one occurrence; evidence->document is ignored. */
void kg_delta_add_fact (KgDelta *delta, const KgDeltaFact *fact, const KgEvidence *evidence);

/* Adds the document, its mentions and its facts to graph. */
void kg_delta_apply (const KgDelta *delta, KgGraph *graph);

/* The delta as one JSON object (the shard format, docs/shard-format.md). */
JsonNode *kg_delta_to_json (const KgDelta *delta);
/* NULL with KG_ERROR_INPUT naming what is wrong when node is not a delta. */
KgDelta *kg_delta_from_json (JsonNode *node, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgDelta, kg_delta_free)

/* What an annotated document adds to a graph (kg_pipeline_add_to_graph()
 * without the graph): thread-safe for distinct documents.  (transfer full) */
KgDelta *kg_pipeline_make_delta (const KgPipeline *pipeline, const KgDocument *document);

#endif
