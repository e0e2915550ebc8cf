/* pipeline.c: the one place that knows the order of the stages (see
 * kgraph/pipeline.h). */
#include "kgraph/pipeline.h"
#include "names.h"
#include "lemmatizer.h"
#include "parser.h"
#include "tagger.h"


static const char *const stage_names[KG_STAGE_N_STAGES] = { "tokens", "tags", "parse" };

struct _KgPipeline {
  KgStage last;
  KgTagger *tagger;
  KgLemmatizer *lemmatizer;
  KgParser *parser;
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
kg_pipeline_new (const char *model_dir, KgStage last, GError **error)
{
  g_return_val_if_fail (model_dir != NULL && last < KG_STAGE_N_STAGES, NULL);

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
  g_free (pipeline);
}

void
kg_pipeline_annotate (const KgPipeline *pipeline, KgDocument *document)
{
  g_return_if_fail (pipeline != NULL && document != NULL);
  if (pipeline->last >= KG_STAGE_TAGS)
    {
      kg_tagger_tag (pipeline->tagger, document);
      kg_lemmatizer_lemmatize (pipeline->lemmatizer, document);
    }
  if (pipeline->last >= KG_STAGE_PARSE)
    kg_parser_parse (pipeline->parser, document);
}

void
kg_pipeline_add_to_graph (const KgPipeline *pipeline, const KgDocument *document, KgGraph *graph)
{
  g_return_if_fail (pipeline != NULL && document != NULL && graph != NULL);
  KgDocumentInfo info = {
    .id = kg_document_get_id (document),
    .title = kg_document_get_title (document),
    .date = kg_document_get_date (document),
    .byline = kg_document_get_byline (document),
    .source = kg_document_get_source (document),
  };
  kg_graph_add_document (graph, &info);
}
