/* test-perceptron.c: training, averaging, saving and scoring. */
#include "nlp/perceptron.h"

#include <string.h>

/* A toy problem: the class of an example is given by one of its two
 * features; the other is noise shared by all classes. */
static void
train_toy (KgPerceptronTrainer *trainer, guint epochs)
{
  for (guint e = 0; e < epochs; e++)
    for (guint cls = 0; cls < 3; cls++)
      {
        guint64 features[2] = { kg_feature2 (1, cls, 0), kg_feature2 (2, 0, 0) };
        float scores[3] = { 0 };
        kg_perceptron_trainer_score (trainer, features, 2, FALSE, scores);
        guint guess = 0;
        for (guint c = 1; c < 3; c++)
          if (scores[c] > scores[guess])
            guess = c;
        kg_perceptron_trainer_update (trainer, features, 2, cls, guess);
        kg_perceptron_trainer_tick (trainer);
      }
}

static GBytes *
save (KgPerceptronTrainer *trainer)
{
  KgModelWriter *writer = kg_model_writer_new ("toy", 1);
  kg_perceptron_trainer_save (trainer, writer, "weights", 0.0f);
  return kg_model_writer_finish (writer);
}

static void
test_learns_and_scores_the_same_after_loading (void)
{
  g_autoptr (KgPerceptronTrainer) trainer = kg_perceptron_trainer_new (3);
  train_toy (trainer, 5);
  g_assert_cmpuint (kg_perceptron_trainer_get_n_features (trainer), ==, 4);
  g_autoptr (GBytes) bytes = save (trainer);
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_new_from_bytes (bytes, "toy.bin", "toy", 1, &error);
  g_assert_no_error (error);
  KgPerceptron loaded;
  g_assert_true (kg_perceptron_load (&loaded, model, "weights", 3, &error));
  for (guint cls = 0; cls < 3; cls++)
    {
      guint64 features[2] = { kg_feature2 (1, cls, 0), kg_feature2 (2, 0, 0) };
      float averaged[3] = { 0 };
      gint32 quantised[3] = { 0 };
      kg_perceptron_trainer_score (trainer, features, 2, TRUE, averaged);
      kg_perceptron_score (&loaded, features, 2, quantised);
      for (guint c = 0; c < 3; c++)
        if (c != cls)
          {
            g_assert_cmpfloat (averaged[cls], >, averaged[c]);
            g_assert_cmpint (quantised[cls], >, quantised[c]);
          }
    }
  /* an unknown feature scores nothing */
  guint64 unknown = kg_feature2 (9, 9, 9);
  gint32 scores[3] = { 0 };
  kg_perceptron_score (&loaded, &unknown, 1, scores);
  g_assert_cmpint (scores[0] | scores[1] | scores[2], ==, 0);
}

static void
test_deterministic_bytes (void)
{
  g_autoptr (KgPerceptronTrainer) a = kg_perceptron_trainer_new (3);
  g_autoptr (KgPerceptronTrainer) b = kg_perceptron_trainer_new (3);
  train_toy (a, 4);
  train_toy (b, 4);
  g_autoptr (GBytes) ba = save (a);
  g_autoptr (GBytes) bb = save (b);
  g_assert_true (g_bytes_equal (ba, bb));
}

static void
test_pruning (void)
{
  g_autoptr (KgPerceptronTrainer) trainer = kg_perceptron_trainer_new (3);
  train_toy (trainer, 3);
  /* Each class feature took part in one update, early: its averaged
   * weights are below 1.  The shared noise feature took part in three. */
  KgModelWriter *writer = kg_model_writer_new ("toy", 1);
  g_assert_cmpuint (kg_perceptron_trainer_save (trainer, writer, "weights", 0.0f), ==, 4);
  g_assert_cmpuint (kg_perceptron_trainer_save (trainer, writer, "pruned", 100.0f), ==, 0);
  guint kept = kg_perceptron_trainer_save (trainer, writer, "some", 0.5f);
  g_assert_cmpuint (kept, >=, 1);
  g_assert_cmpuint (kept, <, 4);
  kg_model_writer_free (writer);
}

static void
test_corrupt_offsets_are_refused (void)
{
  g_autoptr (KgPerceptronTrainer) trainer = kg_perceptron_trainer_new (3);
  train_toy (trainer, 2);
  g_autoptr (GBytes) bytes = save (trainer);
  g_autoptr (KgModel) model = kg_model_new_from_bytes (bytes, "toy.bin", "toy", 1, NULL);
  KgPerceptron loaded;
  g_autoptr (GError) error = NULL;
  /* Loading with fewer classes than the weights name must fail, not read
   * out of bounds later. */
  g_assert_false (kg_perceptron_load (&loaded, model, "weights", 1, &error));
  g_assert_nonnull (strstr (error->message, "corrupt"));
}

/* A table whose every slot is full (only a corrupt file has one): a lookup
 * of an absent feature would never stop, so loading refuses it; and a slot
 * count of 2^31 must not wrap round to a small table (found by fuzzing). */
static void
test_full_or_huge_table_is_refused (void)
{
  guint32 full[2 + 2 * 2] = { 2, 0, 11, 0, 12, 0 };
  guint16 weights[3] = { 1, 0, 5 };
  guint32 huge[2] = { 0x80000000u, 0 };
  const guint32 *tables[] = { full, huge };
  gsize sizes[] = { sizeof full, sizeof huge };
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      KgModelWriter *writer = kg_model_writer_new ("toy", 1);
      kg_model_writer_add (writer, "weights.table", tables[t], sizes[t]);
      kg_model_writer_add (writer, "weights.weights", weights, sizeof weights);
      g_autoptr (GBytes) bytes = kg_model_writer_finish (writer);
      g_autoptr (GError) error = NULL;
      g_autoptr (KgModel) model = kg_model_new_from_bytes (bytes, "toy.bin", "toy", 1, &error);
      g_assert_no_error (error);
      KgPerceptron loaded;
      g_assert_false (kg_perceptron_load (&loaded, model, "weights", 2, &error));
      g_assert_nonnull (strstr (error->message, "corrupt section 'weights.table'"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/perceptron/learn-save-load", test_learns_and_scores_the_same_after_loading);
  g_test_add_func ("/perceptron/deterministic", test_deterministic_bytes);
  g_test_add_func ("/perceptron/pruning", test_pruning);
  g_test_add_func ("/perceptron/corrupt", test_corrupt_offsets_are_refused);
  g_test_add_func ("/perceptron/corrupt-table", test_full_or_huge_table_is_refused);
  return g_test_run ();
}
