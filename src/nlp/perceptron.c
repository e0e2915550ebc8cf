/* perceptron.c: averaged perceptron training and scoring (see perceptron.h). */
#include "perceptron.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "util/slot-table.h"

#include <math.h>
#include <string.h>

guint64
kg_feature_string (const char *s, gssize length)
{
  return kg_stable_hash (s, length < 0 ? strlen (s) : (gsize) length);
}

/* ---- training ------------------------------------------------------------ */

typedef struct {
  double total;   /* sum of the weight over all ticks up to stamp */
  float weight;
  guint32 stamp;  /* tick at which total was last brought up to date */
  guint16 cls;
} Entry;

typedef struct {
  Entry *entries;
  guint16 n, cap;
} Row;

struct _KgPerceptronTrainer {
  guint n_classes;
  guint32 now;
  guint64 *keys;   /* open addressing; 0 = empty */
  guint32 *row_of;
  gsize mask, used;
  Row *rows;
  guint n_rows, cap_rows;
};

static guint64
nonzero (guint64 key)
{
  return key ? key : 1;
}

KgPerceptronTrainer *
kg_perceptron_trainer_new (guint n_classes)
{
  g_return_val_if_fail (n_classes > 0 && n_classes <= G_MAXUINT16, NULL);
  KgPerceptronTrainer *t = g_new0 (KgPerceptronTrainer, 1);
  t->n_classes = n_classes;
  t->mask = (1 << 16) - 1;
  t->keys = g_new0 (guint64, t->mask + 1);
  t->row_of = g_new0 (guint32, t->mask + 1);
  t->now = 1;
  return t;
}

void
kg_perceptron_trainer_free (KgPerceptronTrainer *t)
{
  if (t == NULL)
    return;
  for (guint i = 0; i < t->n_rows; i++)
    g_free (t->rows[i].entries);
  g_free (t->rows);
  g_free (t->keys);
  g_free (t->row_of);
  g_free (t);
}

static gsize
find_slot (const guint64 *keys, gsize mask, guint64 key)
{
  gsize i = key & mask;
  while (keys[i] != 0 && keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

static void
grow_table (KgPerceptronTrainer *t)
{
  gsize new_mask = t->mask * 2 + 1;
  guint64 *keys = g_new0 (guint64, new_mask + 1);
  guint32 *row_of = g_new0 (guint32, new_mask + 1);
  for (gsize i = 0; i <= t->mask; i++)
    if (t->keys[i])
      {
        gsize j = find_slot (keys, new_mask, t->keys[i]);
        keys[j] = t->keys[i];
        row_of[j] = t->row_of[i];
      }
  g_free (t->keys);
  g_free (t->row_of);
  t->keys = keys;
  t->row_of = row_of;
  t->mask = new_mask;
}

static Row *
lookup_row (const KgPerceptronTrainer *t, guint64 key)
{
  gsize i = find_slot (t->keys, t->mask, nonzero (key));
  return t->keys[i] ? &t->rows[t->row_of[i]] : NULL;
}

static Row *
ensure_row (KgPerceptronTrainer *t, guint64 key)
{
  key = nonzero (key);
  gsize i = find_slot (t->keys, t->mask, key);
  if (t->keys[i])
    return &t->rows[t->row_of[i]];
  if ((t->used + 1) * 10 > (t->mask + 1) * 7)
    {
      grow_table (t);
      i = find_slot (t->keys, t->mask, key);
    }
  if (t->n_rows == t->cap_rows)
    {
      t->cap_rows = t->cap_rows ? t->cap_rows * 2 : 4096;
      t->rows = g_renew (Row, t->rows, t->cap_rows);
    }
  t->keys[i] = key;
  t->row_of[i] = t->n_rows;
  t->used++;
  Row *row = &t->rows[t->n_rows++];
  memset (row, 0, sizeof *row);
  return row;
}

static Entry *
ensure_entry (Row *row, guint cls)
{
  for (guint i = 0; i < row->n; i++)
    if (row->entries[i].cls == cls)
      return &row->entries[i];
  if (row->n == row->cap)
    {
      row->cap = row->cap ? MIN (row->cap * 2, G_MAXUINT16) : 2;
      row->entries = g_renew (Entry, row->entries, row->cap);
    }
  Entry *e = &row->entries[row->n++];
  memset (e, 0, sizeof *e);
  e->cls = cls;
  return e;
}

static double
averaged_weight (const Entry *e, guint32 now)
{
  return (e->total + (double) (now - e->stamp) * e->weight) / now;
}

void
kg_perceptron_trainer_score (const KgPerceptronTrainer *t, const guint64 *features, guint n,
                             gboolean averaged, float *scores)
{
  for (guint f = 0; f < n; f++)
    {
      const Row *row = lookup_row (t, features[f]);
      if (row == NULL)
        continue;
      for (guint i = 0; i < row->n; i++)
        {
          const Entry *e = &row->entries[i];
          scores[e->cls] += averaged ? (float) averaged_weight (e, t->now) : e->weight;
        }
    }
}

static void
add_to_weight (Entry *e, float delta, guint32 now)
{
  e->total += (double) (now - e->stamp) * e->weight;
  e->stamp = now;
  e->weight += delta;
}

void
kg_perceptron_trainer_update (KgPerceptronTrainer *t, const guint64 *features, guint n, guint truth,
                              guint guess)
{
  g_return_if_fail (truth < t->n_classes && guess < t->n_classes);
  if (truth == guess)
    return;
  for (guint f = 0; f < n; f++)
    {
      Row *row = ensure_row (t, features[f]);
      add_to_weight (ensure_entry (row, truth), 1.0f, t->now);
      add_to_weight (ensure_entry (row, guess), -1.0f, t->now);
    }
}

void
kg_perceptron_trainer_tick (KgPerceptronTrainer *t)
{
  t->now++;
}

guint
kg_perceptron_trainer_get_n_features (const KgPerceptronTrainer *t)
{
  return t->n_rows;
}

/* ---- saving ---------------------------------------------------------------- */

guint
kg_perceptron_trainer_save (const KgPerceptronTrainer *t, KgModelWriter *writer, const char *prefix,
                            float min_weight)
{
  /* First pass: the largest averaged weight sets the quantisation scale. */
  double largest = 0.0;
  for (guint r = 0; r < t->n_rows; r++)
    for (guint i = 0; i < t->rows[r].n; i++)
      largest = MAX (largest, fabs (averaged_weight (&t->rows[r].entries[i], t->now)));
  double scale = largest > 0 ? largest / 32767.0 : 1.0;

  /* Second pass: the quantised weights of each feature that keeps any. */
  GArray *weights = g_array_new (FALSE, FALSE, sizeof (guint16));
  GArray *kept_keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* Rows are visited in creation order, which training makes deterministic. */
  guint64 *key_of_row = g_new0 (guint64, MAX (t->n_rows, 1));
  for (gsize s = 0; s <= t->mask; s++)
    if (t->keys[s])
      key_of_row[t->row_of[s]] = t->keys[s];

  for (guint r = 0; r < t->n_rows; r++)
    {
      const Row *row = &t->rows[r];
      guint start = weights->len;
      guint16 count = 0;
      g_array_append_val (weights, count);
      for (guint i = 0; i < row->n; i++)
        {
          double avg = averaged_weight (&row->entries[i], t->now);
          gint q = (gint) lround (avg / scale);
          if (fabs (avg) < min_weight || q == 0)
            continue;
          guint16 pair[2] = { row->entries[i].cls, (guint16) (gint16) q };
          g_array_append_vals (weights, pair, 2);
          count++;
        }
      if (count == 0)
        {
          g_array_set_size (weights, start);
          continue;
        }
      g_array_index (weights, guint16, start) = count;
      guint32 offset = start;
      g_array_append_val (kept_keys, key_of_row[r]);
      g_array_append_val (offsets, offset);
    }
  g_free (key_of_row);

  /* A table three quarters full: any size, as the home slot of a key is
   * found by multiplying, not masking (Lemire's fast range). */
  gsize n_slots = MAX (16, (kept_keys->len * 4 + 2) / 3);
  guint32 *slots = g_new0 (guint32, n_slots * 2 + 2);
  /* slot 0..1 of the section hold the header: slot count and scale */
  guint32 header[2] = { (guint32) n_slots, 0 };
  float fscale = (float) scale;
  memcpy (&header[1], &fscale, sizeof fscale);
  memcpy (slots, header, sizeof header);
  guint32 *table = slots + 2;
  for (guint k = 0; k < kept_keys->len; k++)
    {
      kg_slot_insert (table, n_slots, g_array_index (kept_keys, guint64, k), g_array_index (offsets, guint32, k));
    }

  g_autofree char *table_name = g_strdup_printf ("%s.table", prefix);
  g_autofree char *weights_name = g_strdup_printf ("%s.weights", prefix);
  kg_model_writer_add (writer, table_name, slots, (n_slots * 2 + 2) * sizeof (guint32));
  kg_model_writer_add (writer, weights_name, weights->data, weights->len * sizeof (guint16));
  guint kept = kept_keys->len;
  g_free (slots);
  g_array_unref (weights);
  g_array_unref (kept_keys);
  g_array_unref (offsets);
  return kept;
}

/* ---- scoring a loaded model ------------------------------------------------ */

gboolean
kg_perceptron_load (KgPerceptron *p, const KgModel *model, const char *prefix, guint n_classes,
                    GError **error)
{
  g_autofree char *table_name = g_strdup_printf ("%s.table", prefix);
  g_autofree char *weights_name = g_strdup_printf ("%s.weights", prefix);
  gsize table_length, weights_length;
  const guint32 *table = kg_model_get_section (model, table_name, &table_length, error);
  if (table == NULL)
    return FALSE;
  const guint16 *weights = kg_model_get_section (model, weights_name, &weights_length, error);
  if (weights == NULL)
    return FALSE;
  /* Model files are little-endian and scored in place. */
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: model files need a little-endian machine",
                   kg_model_get_path (model));
      return FALSE;
    }
  guint32 n_slots = table_length >= 8 ? table[0] : 0;
  /* in gsize: in guint32, n_slots of 2^31 and more wrapped round to a
   * small table that then passed */
  if (n_slots == 0 || table_length != ((gsize) n_slots * 2 + 2) * sizeof (guint32))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt section '%s'", kg_model_get_path (model),
                   table_name);
      return FALSE;
    }
  p->n_classes = n_classes;
  memcpy (&p->scale, &table[1], sizeof p->scale);
  p->n_slots = n_slots;
  p->slots = table + 2;
  p->weights = weights;
  p->n_weights = weights_length / sizeof (guint16);
  /* Every offset must lead to a complete entry list of known classes, so
   * that scoring never reads outside the file. */
  guint32 n_empty = 0;
  for (guint32 i = 0; i < n_slots; i++)
    {
      if (p->slots[2 * i] == 0)
        {
          n_empty++;
          continue;
        }
      guint32 offset = p->slots[2 * i + 1];
      gboolean ok = offset < p->n_weights && offset + 1 + 2 * (gsize) weights[offset] <= p->n_weights;
      for (guint k = 0; ok && k < weights[offset]; k++)
        ok = weights[offset + 1 + 2 * k] < n_classes;
      if (!ok)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt section '%s'", kg_model_get_path (model),
                       weights_name);
          return FALSE;
        }
    }
  /* Open addressing stops a search at an empty slot: a table without one
   * (only a corrupt file has that) would make a lookup of an absent
   * feature loop for ever. */
  if (n_empty == 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt section '%s' (no empty slot)",
                   kg_model_get_path (model), table_name);
      return FALSE;
    }
  return TRUE;
}

/* Finds the weights of one feature, or NULL. */
static inline const guint16 *
probe (const KgPerceptron *p, guint64 key, guint32 i)
{
  const guint32 *offset = kg_slot_find (p->slots, p->n_slots, key, i);
  return offset ? p->weights + *offset : NULL;
}

#define SCORE_BATCH 64

/* Scoring is bound by cache misses in a table of megabytes, so it goes in
 * three passes over a batch of features: prefetch every slot, then find
 * every feature and prefetch its weights, then add them up.  The misses of
 * a batch overlap instead of following one another. */
void
kg_perceptron_score (const KgPerceptron *p, const guint64 *features, guint n, gint32 *scores)
{
  for (guint start = 0; start < n; start += SCORE_BATCH)
    {
      guint count = MIN (SCORE_BATCH, n - start);
      guint32 home[SCORE_BATCH];
      const guint16 *found[SCORE_BATCH];
      for (guint f = 0; f < count; f++)
        {
          home[f] = kg_slot_home (nonzero (features[start + f]), p->n_slots);
          __builtin_prefetch (&p->slots[2 * home[f]]);
        }
      for (guint f = 0; f < count; f++)
        {
          found[f] = probe (p, nonzero (features[start + f]), home[f]);
          if (found[f])
            __builtin_prefetch (found[f]);
        }
      for (guint f = 0; f < count; f++)
        {
          const guint16 *w = found[f];
          if (w == NULL)
            continue;
          guint entries = w[0];
          for (guint k = 0; k < entries; k++)
            scores[w[1 + 2 * k]] += (gint16) w[2 + 2 * k];
        }
    }
}
