/* pipeline-pool.h: documents through the pipeline on several threads,
 * their deltas handed back in the order the documents came.
 *
 * The thread that pushes documents also receives the deltas (in push),
 * so whatever it does with them (adding to a graph, writing a shard)
 * needs no lock and happens in document order: `-j 1` and `-j 8` give
 * the same bytes.  At most a few documents per thread are in flight, so
 * memory holds the graph, not the corpus.  With one thread everything
 * runs in the caller's thread.
 */
#ifndef KG_PIPELINE_POOL_H
#define KG_PIPELINE_POOL_H

#include "graph-delta.h"

typedef struct _KgPipelinePool KgPipelinePool;

/* Receives each document's delta.  (delta: transfer full) */
typedef void (*KgDeltaFunc) (KgDelta *delta, gpointer user_data);

/* (transfer full) */
KgPipelinePool *kg_pipeline_pool_new (const KgPipeline *pipeline, guint n_threads, KgDeltaFunc func,
                                      gpointer user_data);
/* Annotates document and makes its delta; calls func for every document
 * finished by then, in order.  (document: transfer full) */
void kg_pipeline_pool_push (KgPipelinePool *pool, KgDocument *document);
/* Waits for the documents in flight and hands over their deltas. */
void kg_pipeline_pool_finish (KgPipelinePool *pool);
/* Seconds spent in each stage, summed over threads (KG_STAGE_N_STAGES;
 * the facts stage's time includes making the delta).  (transfer none) */
const double *kg_pipeline_pool_get_seconds (const KgPipelinePool *pool);
/* Finishes, then frees. */
void kg_pipeline_pool_free (KgPipelinePool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgPipelinePool, kg_pipeline_pool_free)

#endif
