/* fuzz-model.c: the model loader.  The kind and feature-set hash are taken
 * from the input's own header (so that the fuzzer gets past them to the
 * section table); then every section kgraph's models have is read as a
 * table, the perceptron weights are loaded and scored, and the same bytes
 * are loaded as a tagger (whose feature hash they will rarely have). */
#include "fuzz.h"
#include "nlp/model-file.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *kind = NULL;
  guint64 hash = 0;
  guint32 kind_length = 0;
  if (size >= 16)
    memcpy (&kind_length, data + 12, 4);
  if (size >= 16 && kind_length <= 64 && 16 + (gsize) kind_length + 8 <= size)
    {
      kind = g_strndup ((const char *) data + 16, kind_length);
      memcpy (&hash, data + 16 + kind_length, 8);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_new_from_bytes (bytes, "fuzz", kind ? kind : "fuzz", hash, &error);
  if (model != NULL)
    {
      static const char *const tables[] = { "lexicon", "suffixes", "classes", "tagdict", "feats", "labels",
                                            "capitals" };
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autoptr (GError) table_error = NULL;
          g_autoptr (GHashTable) table G_GNUC_UNUSED = kg_model_get_table (model, tables[i], &table_error);
        }
      KgPerceptron perceptron;
      g_autoptr (GError) weights_error = NULL;
      if (kg_perceptron_load (&perceptron, model, "weights", 8, &weights_error))
        {
          guint64 features[64];
          for (guint i = 0; i < G_N_ELEMENTS (features); i++)
            features[i] = kg_feature_mix (i, size);
          gint32 scores[8] = { 0 };
          kg_perceptron_score (&perceptron, features, G_N_ELEMENTS (features), scores);
        }
    }
  g_autoptr (GError) tagger_error = NULL;
  g_autoptr (KgTagger) tagger G_GNUC_UNUSED = kg_tagger_new_from_bytes (bytes, &tagger_error);
  return 0;
}
