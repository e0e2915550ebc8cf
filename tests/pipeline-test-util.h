/* pipeline-test-util.h: what the tests that run the shipped models
 * (data/models) and lexicons (data/lexicon) share: finding them, and one
 * pipeline per last stage, loaded once per test program.
 */
#ifndef KG_PIPELINE_TEST_UTIL_H
#define KG_PIPELINE_TEST_UTIL_H

#include <kgraph.h>

/* A folder of data/: "models", "lexicon".  (transfer full) */
static inline char *
data_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

/* The pipeline of the shipped models and lexicons up to last; loaded on
 * first use and kept for the program's life.  (transfer none) */
static inline KgPipeline *
shared_pipeline (KgStage last)
{
  static KgPipeline *pipelines[KG_STAGE_N_STAGES];
  g_assert_cmpint (last, <, KG_STAGE_N_STAGES);
  if (pipelines[last] == NULL)
    {
      g_autofree char *models = data_dir ("models");
      g_autofree char *lexicon = data_dir ("lexicon");
      g_autoptr (GError) error = NULL;
      pipelines[last] = kg_pipeline_new (models, lexicon, last, &error);
      g_assert_no_error (error);
    }
  return pipelines[last];
}

#endif
