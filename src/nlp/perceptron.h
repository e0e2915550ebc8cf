/* perceptron.h: the multiclass averaged perceptron behind the tagger, the
 * parser and the entity recogniser (Collins 2002), over hashed features.
 *
 * A feature is a 64-bit hash made by kg_feature_*() from a template number
 * and the values it looks at, so no feature strings are ever built.
 *
 * Training keeps, per feature, a small sparse vector of (class, weight)
 * with the running totals that averaging needs, updated lazily: a weight's
 * total is brought up to date only when the weight changes (the trick of
 * Daumé III, as in Honnibal's perceptron tagger).
 *
 * The saved model keeps the averaged weights, drops the ones too small to
 * matter, quantises the rest to 16 bits with one scale, and stores them in
 * an open-addressing table three quarters full, keyed by 32-bit
 * fingerprints of the features, so that scoring reads straight from the
 * mapped model file.
 */
#ifndef KG_PERCEPTRON_H
#define KG_PERCEPTRON_H

#include "util/hash.h"
#include "model-file.h"

/* Mixes b into a (boost's hash_combine, then the MurmurHash3 finaliser). */
static inline guint64
kg_feature_mix (guint64 a, guint64 b)
{
  return kg_fmix64 (a ^ (b + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + (a << 6) + (a >> 2)));
}

/* The feature of template t looking at values a and b. */
static inline guint64
kg_feature2 (guint t, guint64 a, guint64 b)
{
  return kg_feature_mix (kg_feature_mix ((guint64) t + 1, a), b);
}

static inline guint64
kg_feature3 (guint t, guint64 a, guint64 b, guint64 c)
{
  return kg_feature_mix (kg_feature2 (t, a, b), c);
}

/* The hash of a string value (a word, a suffix, a tag name). */
guint64 kg_feature_string (const char *s, gssize length);

/* ---- training ------------------------------------------------------------ */

typedef struct _KgPerceptronTrainer KgPerceptronTrainer;

KgPerceptronTrainer *kg_perceptron_trainer_new (guint n_classes);
void kg_perceptron_trainer_free (KgPerceptronTrainer *trainer);

/* Adds each class's score to scores[0..n_classes): the current weights
 * while training, or the averaged ones (to evaluate on dev). */
void kg_perceptron_trainer_score (const KgPerceptronTrainer *trainer, const guint64 *features, guint n,
                                  gboolean averaged, float *scores);
/* One perceptron step: features vote more for truth, less for guess.
 * Nothing happens when they are the same class. */
void kg_perceptron_trainer_update (KgPerceptronTrainer *trainer, const guint64 *features, guint n,
                                   guint truth, guint guess);
/* Advances the clock of averaging by one decision. */
void kg_perceptron_trainer_tick (KgPerceptronTrainer *trainer);
guint kg_perceptron_trainer_get_n_features (const KgPerceptronTrainer *trainer);

/* Adds the averaged weights to a model as sections PREFIX.table and
 * PREFIX.weights, dropping averaged weights smaller than min_weight in
 * magnitude (and features left with none).  Returns the number of
 * features kept. */
guint kg_perceptron_trainer_save (const KgPerceptronTrainer *trainer, KgModelWriter *writer,
                                  const char *prefix, float min_weight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgPerceptronTrainer, kg_perceptron_trainer_free)

/* ---- a trained model, read from a mapped model file ---------------------- */

typedef struct {
  guint n_classes;
  float scale;             /* a quantised score unit as a weight */
  guint32 n_slots;
  const guint32 *slots;    /* pairs (fingerprint, offset); fingerprint 0 = empty */
  const guint16 *weights;  /* at offset: count, then count pairs (class, int16 weight) */
  gsize n_weights;
} KgPerceptron;

/* Reads the sections PREFIX.table and PREFIX.weights of model; the
 * perceptron points into the model, which must outlive it. */
gboolean kg_perceptron_load (KgPerceptron *perceptron, const KgModel *model, const char *prefix,
                             guint n_classes, GError **error);
/* Adds each class's score to scores[0..n_classes) (in quantised units). */
void kg_perceptron_score (const KgPerceptron *perceptron, const guint64 *features, guint n, gint32 *scores);

#endif
