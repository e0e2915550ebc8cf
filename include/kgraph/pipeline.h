/* kgraph/pipeline.h: the stages of kgraph in the one order data flows
 * through them, and the models they share.
 *
 *   tokens    reading, cleaning, sentences and tokens (the reader)
 *   tags      part of speech, features and lemmas
 *   parse     labelled dependency trees
 *   entities  names, values, nationalities, pronouns and descriptions,
 *             linked into one chain per entity
 *   facts     subject-predicate-object facts from the parsed sentences,
 *             their arguments resolved to the entities (kgraph/extract.h)
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
  KG_STAGE_FACTS,
  KG_STAGE_N_STAGES
} KgStage;

typedef struct _KgPipeline KgPipeline;

const char *kg_stage_to_string (KgStage stage);   /* "tokens", "tags", "parse", "entities", "facts" */
gboolean kg_stage_from_string (const char *name, KgStage *stage);

/* Loads the models (from model_dir) and lexicons (from lexicon_dir) of
 * every stage up to last.  Fails with KG_ERROR_MODEL naming the missing or
 * bad file.  (transfer full) */
KgPipeline *kg_pipeline_new (const char *model_dir, const char *lexicon_dir, KgStage last, GError **error);
void kg_pipeline_free (KgPipeline *pipeline);

/* Runs the stages after tokens, up to the pipeline's last but facts, on a
 * document that has its sentences and tokens.  Thread-safe for distinct
 * documents. */
void kg_pipeline_annotate (const KgPipeline *pipeline, KgDocument *document);
/* The same, adding each stage's time in seconds to seconds[stage]
 * (KG_STAGE_N_STAGES of them). */
void kg_pipeline_annotate_timed (const KgPipeline *pipeline, KgDocument *document, double *seconds);

/* What became of the facts of the documents added to a graph. */
typedef struct {
  guint extracted;   /* records the facts stage made */
  guint added;       /* became edges, or evidence for an edge already there */
  guint unresolved;  /* left out: an argument or the speaker was a pronoun, relative or
                      * determiner that stands for nothing found, or words of a
                      * headline (capitalised throughout) the recogniser did not
                      * take for a name */
  guint clausal;     /* left out: an argument was a clause (the facts inside it are
                      * attributed to the speaker instead) */
  guint no_object;   /* left out: no object ("exchanges would take place") */
  guint self;        /* left out: both ends the same node */
  guint fragment;    /* left out: an argument was a fragment (a lone adjective, no word) or
                      * a vague noun alone ("side"), or the fact is a possessive ("Iran's
                      * policy": Iran has a policy), rarely worth an edge, or a concept
                      * said to be a name ("restrictions are Iran"), a misparse */
} KgFactCounts;

/* Adds what an annotated document contributes to a graph: its metadata
 * (id, title, date, byline, source), its entities (entities stage) and its
 * facts with their evidence (facts stage), adding to counts (nullable)
 * what became of the facts.  Documents are added one at a time; a graph
 * is not thread-safe. */
void kg_pipeline_add_to_graph (const KgPipeline *pipeline, const KgDocument *document, KgGraph *graph,
                               KgFactCounts *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgPipeline, kg_pipeline_free)

G_END_DECLS

#endif
