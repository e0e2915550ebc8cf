/* train.c: helpers shared by the trainers (see train.h). */
#include "train.h"

#include <string.h>

GArray *
kg_train_collect_sentences (GPtrArray *documents)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (KgSentenceRef));
  for (guint d = 0; d < documents->len; d++)
    for (guint s = 0; s < kg_document_get_n_sentences (documents->pdata[d]); s++)
      {
        KgSentenceRef ref = { documents->pdata[d], s };
        g_array_append_val (sentences, ref);
      }
  return sentences;
}

void
kg_train_order (guint *order, guint n, guint32 seed, guint epoch)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed * 7919 + epoch);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), tmp = order[i - 1];
      order[i - 1] = order[j];
      order[j] = tmp;
    }
}

void
kg_train_shuffle (GArray *sentences, guint32 seed, guint epoch)
{
  g_autofree guint *order = g_new (guint, MAX (sentences->len, 1));
  kg_train_order (order, sentences->len, seed, epoch);
  g_autoptr (GArray) shuffled = g_array_sized_new (FALSE, FALSE, sizeof (KgSentenceRef), sentences->len);
  for (guint i = 0; i < sentences->len; i++)
    g_array_append_val (shuffled, g_array_index (sentences, KgSentenceRef, order[i]));
  memcpy (sentences->data, shuffled->data, sentences->len * sizeof (KgSentenceRef));
}

void
kg_train_score_dev (GPtrArray *dev, void (*annotate) (gconstpointer model, KgDocument *document),
                    gconstpointer model, void (*count) (const KgToken *predicted, const KgToken *gold, guint *counts),
                    guint *counts)
{
  for (guint d = 0; d < dev->len; d++)
    {
      KgDocument *doc = dev->pdata[d];
      guint n = kg_document_get_n_tokens (doc);
      g_autofree KgToken *gold = g_new (KgToken, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        gold[i] = *kg_document_get_token (doc, i);
      annotate (model, doc);
      for (guint i = 0; i < n; i++)
        {
          KgToken *t = kg_document_get_token_mut (doc, i);
          count (t, &gold[i], counts);
          *t = gold[i];
        }
    }
}

void
kg_train_report (const KgTrainOptions *options, const char *format, ...)
{
  if (options->progress == NULL)
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  options->progress (message, options->user_data);
}
