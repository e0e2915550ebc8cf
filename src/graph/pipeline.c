/* pipeline.c: the one place that knows the order of the stages (see
 * kgraph/pipeline.h). */
#include "kgraph/pipeline.h"
#include "kgraph/extract.h"
#include "entity/entities.h"
#include "facts.h"
#include "graph-delta.h"
#include "util/names.h"
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"


static const char *const stage_names[KG_STAGE_N_STAGES] = { "tokens", "tags", "parse", "entities", "facts" };

struct _KgPipeline {
  KgStage last;
  KgTagger *tagger;
  KgLemmatizer *lemmatizer;
  KgParser *parser;
  KgEntities *entities;
  KgExtractor *extractor;
};

const char *
kg_stage_to_string (KgStage stage)
{
  g_return_val_if_fail (stage < KG_STAGE_N_STAGES, NULL);
  return stage_names[stage];
}

gboolean
kg_stage_from_string (const char *name, KgStage *stage)
{
  int i = kg_name_lookup (stage_names, KG_STAGE_N_STAGES, name);
  if (i >= 0)
    *stage = i;
  return i >= 0;
}

KgPipeline *
kg_pipeline_new (const char *model_dir, const char *lexicon_dir, KgStage last, GError **error)
{
  g_return_val_if_fail (model_dir != NULL && lexicon_dir != NULL && last < KG_STAGE_N_STAGES, NULL);

  g_autoptr (KgPipeline) pipeline = g_new0 (KgPipeline, 1);
  pipeline->last = last;
  if (last >= KG_STAGE_TAGS)
    {
      g_autofree char *tagger = g_build_filename (model_dir, "tagger.bin", NULL);
      g_autofree char *lemmatizer = g_build_filename (model_dir, "lemmatizer.bin", NULL);
      if ((pipeline->tagger = kg_tagger_load (tagger, error)) == NULL
          || (pipeline->lemmatizer = kg_lemmatizer_load (lemmatizer, error)) == NULL)
        return NULL;
    }
  if (last >= KG_STAGE_PARSE)
    {
      g_autofree char *parser = g_build_filename (model_dir, "parser.bin", NULL);
      if ((pipeline->parser = kg_parser_load (parser, error)) == NULL)
        return NULL;
    }
  if (last >= KG_STAGE_ENTITIES && (pipeline->entities = kg_entities_new (model_dir, lexicon_dir, error)) == NULL)
    return NULL;
  if (last >= KG_STAGE_FACTS && (pipeline->extractor = kg_extractor_new (lexicon_dir, error)) == NULL)
    return NULL;
  return g_steal_pointer (&pipeline);
}

void
kg_pipeline_free (KgPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  kg_tagger_free (pipeline->tagger);
  kg_lemmatizer_free (pipeline->lemmatizer);
  kg_parser_free (pipeline->parser);
  kg_entities_free (pipeline->entities);
  kg_extractor_free (pipeline->extractor);
  g_free (pipeline);
}

/* Adds the time since *started to seconds[stage] (when seconds is given)
 * and starts the next stage's clock. */
static void
stage_done (double *seconds, KgStage stage, gint64 *started)
{
  if (seconds == NULL)
    return;
  gint64 now = g_get_monotonic_time ();
  seconds[stage] += (now - *started) / 1e6;
  *started = now;
}

void
kg_pipeline_annotate_timed (const KgPipeline *pipeline, KgDocument *document, double *seconds)
{
  g_return_if_fail (pipeline != NULL && document != NULL);
  gint64 started = seconds ? g_get_monotonic_time () : 0;
  if (pipeline->last >= KG_STAGE_TAGS)
    {
      kg_tagger_tag (pipeline->tagger, document);
      kg_lemmatizer_lemmatize (pipeline->lemmatizer, document);
      stage_done (seconds, KG_STAGE_TAGS, &started);
    }
  if (pipeline->last >= KG_STAGE_PARSE)
    {
      kg_parser_parse (pipeline->parser, document);
      stage_done (seconds, KG_STAGE_PARSE, &started);
    }
  if (pipeline->last >= KG_STAGE_ENTITIES)
    {
      kg_entities_find (pipeline->entities, document);
      stage_done (seconds, KG_STAGE_ENTITIES, &started);
    }
}

void
kg_pipeline_annotate (const KgPipeline *pipeline, KgDocument *document)
{
  kg_pipeline_annotate_timed (pipeline, document, NULL);
}

/* Every entity the document names is a node (values and nationalities
 * alone become nodes only when facts are about them); each mention but
 * pronouns adds its surface form as an alias, with the rule that linked
 * it. */
static void
add_entities (const KgDocument *document, const gboolean *chain_named, KgDelta *delta)
{
  for (guint i = 0; i < kg_document_get_n_mentions (document); i++)
    {
      const KgMention *m = kg_document_get_mention (document, i);
      if (m->chain < 0 || m->kind == KG_MENTION_PRONOUN)
        continue;
      /* bylines and credits name the writers, not what the article is about */
      const KgSentence *sentence = kg_document_get_sentence (document, kg_document_find_sentence (document, m->first_token));
      if (sentence->kind == KG_SENTENCE_FURNITURE)
        continue;
      if (!chain_named[m->chain])
        continue;
      const KgChain *chain = kg_document_get_chain (document, m->chain);
      g_autofree char *surface = kg_document_dup_text (document, m->first_token, m->n_tokens);
      KgNodeMention mention = {
        .key = chain->key,
        .surface = surface,
        /* a nationality stands for its country */
        .type = m->kind == KG_MENTION_DEMONYM ? chain->type : m->type,
        .rule = m->rule,
        .is_name = m->kind == KG_MENTION_NAME,
      };
      kg_delta_add_mention (delta, &mention);
    }
}

KgDelta *
kg_pipeline_make_delta (const KgPipeline *pipeline, const KgDocument *document)
{
  g_return_val_if_fail (pipeline != NULL && document != NULL, NULL);
  KgDocumentInfo info = {
    .id = kg_document_get_id (document),
    .title = kg_document_get_title (document),
    .date = kg_document_get_date (document),
    .byline = kg_document_get_byline (document),
    .source = kg_document_get_source (document),
  };
  g_autofree char *hash = kg_delta_hash_bytes (kg_document_get_raw (document));
  KgDelta *delta = kg_delta_new (&info, hash);
  kg_delta_set_size (delta, kg_document_get_n_sentences (document), kg_document_get_n_tokens (document));
  if (pipeline->last < KG_STAGE_ENTITIES)
    return delta;
  g_autofree gboolean *chain_named = kg__facts_named_chains (document);
  add_entities (document, chain_named, delta);
  if (pipeline->last < KG_STAGE_FACTS)
    return delta;
  g_autoptr (KgExtractions) extractions = kg_extractor_extract (pipeline->extractor, document);
  kg__facts_add (kg_entities_get_lexicon (pipeline->entities), document, chain_named, extractions, delta,
                 kg_delta_get_counts (delta));
  return delta;
}

void
kg_pipeline_add_to_graph (const KgPipeline *pipeline, const KgDocument *document, KgGraph *graph,
                          KgFactCounts *counts)
{
  g_return_if_fail (pipeline != NULL && document != NULL && graph != NULL);
  g_autoptr (KgDelta) delta = kg_pipeline_make_delta (pipeline, document);
  kg_delta_apply (delta, graph);
  if (counts)
    kg_delta_add_counts (delta, counts);
}
