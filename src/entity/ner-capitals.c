/* ner-capitals.c: the capitalisation table of the name recogniser
 * (entity stage, training and lookup; see ner-capitals.h). */
#include "ner-capitals.h"
#include "util/slot-table.h"
#include "nlp/word-shape.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  guint64 lower;
  guint inside, capitalised;
} Count;

static int
by_hash (const void *a, const void *b)
{
  guint64 x = ((const Count *) a)->lower, y = ((const Count *) b)->lower;
  return x < y ? -1 : x > y;
}

static guint
bucket (guint capitalised, guint inside)
{
  double share = (double) capitalised / inside;
  return share < 0.1 ? 1 : share < 0.5 ? 2 : share < 0.9 ? 3 : 4;
}

GBytes *
kg_ner_capitals_count (GPtrArray *documents)
{
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint d = 0; d < documents->len; d++)
    {
      const KgDocument *doc = documents->pdata[d];
      for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
        {
          const KgSentence *sentence = kg_document_get_sentence (doc, s);
          for (guint i = 1; i < sentence->n_tokens; i++)
            {
              KgWordShape w;
              kg_word_shape_compute (kg_document_get_token (doc, sentence->first_token + i)->form, &w);
              if (w.flags & KG_WORD_NO_LETTER)
                continue;
              Count *c = g_hash_table_lookup (index, &w.lower);
              if (c == NULL)
                {
                  c = g_new0 (Count, 1);
                  c->lower = w.lower;
                  g_hash_table_insert (index, &c->lower, c);
                }
              c->inside++;
              c->capitalised += (w.flags & (KG_WORD_TITLE | KG_WORD_ALL_UPPER)) != 0;
            }
        }
    }
  /* in hash order, so that the same text gives the same table */
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (Count));
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_vals (counts, value, 1);
  g_array_sort (counts, by_hash);

  guint32 n_slots = MAX (counts->len + counts->len / 3, 1);
  gsize length = (2 * (gsize) n_slots + 2) * sizeof (guint32);
  guint32 *section = g_malloc0 (length), *table = section + 2;
  section[0] = n_slots;
  for (guint k = 0; k < counts->len; k++)
    {
      const Count *c = &g_array_index (counts, Count, k);
      guint64 key = c->lower ? c->lower : 1;
      kg_slot_insert (table, n_slots, key, bucket (c->capitalised, c->inside));
    }
  g_array_unref (counts);
  return g_bytes_new_take (section, length);
}

gboolean
kg_ner_capitals_init (KgNerCapitals *capitals, const void *data, gsize length)
{
  const guint32 *section = data;
  if (length < 2 * sizeof (guint32) || section[0] == 0 || (2 * (gsize) section[0] + 2) * sizeof (guint32) != length)
    return FALSE;
  capitals->n_slots = section[0];
  capitals->slots = section + 2;
  return TRUE;
}

guint
kg_ner_capitals_lookup (const KgNerCapitals *capitals, guint64 lower)
{
  guint64 key = lower ? lower : 1;
  const guint32 *value = kg_slot_find (capitals->slots, capitals->n_slots, key, kg_slot_home (key, capitals->n_slots));
  return value ? *value : 0;
}
