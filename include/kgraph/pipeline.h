/* kgraph/pipeline.h: the stages of kgraph in the one order data flows
 * through them, and the models they share.
 *
 *   tokens    reading, cleaning, sentences and tokens (the reader)
 *   tags      part of speech, features and lemmas
 *   parse     labelled dependency trees
 *   entities  names, values, nationalities, pronouns and descriptions,
 *             linked into one chain per entity
 *
 * A pipeline loads the models of the stages it needs once, read-only, so
 * one pipeline can serve any number of documents and threads.
 */
#ifndef KGRAPH_PIPELINE_H
#define KGRAPH_PIPELINE_H

#include <kgraph/document.h>
#include <kgraph/graph.h>

G_BEGIN_DECLS

typedef enum {
  KG_STAGE_TOKENS = 0,
  KG_STAGE_TAGS,
  KG_STAGE_PARSE,
  KG_STAGE_ENTITIES,
  KG_STAGE_N_STAGES
} KgStage;

typedef struct _KgPipeline KgPipeline;

const char *kg_stage_to_string (KgStage stage);   /* "tokens", "tags", "parse", "entities" */
gboolean kg_stage_from_string (const char *name, KgStage *stage);

/* Loads the models (from model_dir) and lexicons (from lexicon_dir) of
 * every stage up to last.  Fails with KG_ERROR_MODEL naming the missing or
 * bad file.  (transfer full) */
KgPipeline *kg_pipeline_new (const char *model_dir, const char *lexicon_dir, KgStage last, GError **error);
void kg_pipeline_free (KgPipeline *pipeline);

/* Runs the stages after tokens, up to the pipeline's last, on a document
 * that has its sentences and tokens.  Thread-safe for distinct documents. */
void kg_pipeline_annotate (const KgPipeline *pipeline, KgDocument *document);

/* Adds what an annotated document contributes to a graph: its metadata
 * (id, title, date, byline, source) and what it says. */
void kg_pipeline_add_to_graph (const KgPipeline *pipeline, const KgDocument *document, KgGraph *graph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgPipeline, kg_pipeline_free)

G_END_DECLS

#endif
