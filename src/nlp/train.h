/* train.h: what the trainers of the tagger, lemmatizer, parser and entity
 * recogniser share: options, progress reports, and the sentences they
 * learn from.  Training is deterministic: the same data and options give
 * the same model bytes. */
#ifndef KG_TRAIN_H
#define KG_TRAIN_H

#include "kgraph/document.h"

typedef void (*KgTrainProgress) (const char *message, gpointer user_data);

typedef struct {
  guint iterations;          /* passes over the training data */
  float min_weight;          /* averaged weights smaller than this are dropped from the model */
  guint32 seed;              /* for shuffling and exploration */
  KgTrainProgress progress;  /* nullable */
  gpointer user_data;
} KgTrainOptions;

/* A sentence of a training document. */
typedef struct {
  KgDocument *document;
  guint index;
} KgSentenceRef;

/* Every sentence of documents, in order.  (transfer full) */
GArray *kg_train_collect_sentences (GPtrArray *documents);
/* order[0..n) = a permutation of 0..n-1 drawn with a generator seeded by
 * seed and epoch: the order a trainer visits its examples in an epoch. */
void kg_train_order (guint *order, guint n, guint32 seed, guint epoch);
/* Shuffles sentences into the order kg_train_order() draws. */
void kg_train_shuffle (GArray *sentences, guint32 seed, guint epoch);
/* Scores a model on dev: annotate (model, document) each document, call
 * count (predicted, gold, counts) for each word, then put the gold
 * annotation back. */
void kg_train_score_dev (GPtrArray *dev, void (*annotate) (gconstpointer model, KgDocument *document),
                         gconstpointer model, void (*count) (const KgToken *predicted, const KgToken *gold, guint *counts),
                         guint *counts);
/* Calls options->progress with a formatted message, if set. */
void kg_train_report (const KgTrainOptions *options, const char *format, ...) G_GNUC_PRINTF (2, 3);

#endif
