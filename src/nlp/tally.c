/* tally.c: string tallies and indexes (see tally.h). */
#include "tally.h"

#include <string.h>

GHashTable *
kg_tally_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

void
kg_tally_add (GHashTable *tally, const char *key, const char *value)
{
  GHashTable *values = g_hash_table_lookup (tally, key);
  if (values == NULL)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (tally, g_strdup (key), values);
    }
  gpointer old = g_hash_table_lookup (values, value);
  g_hash_table_insert (values, g_strdup (value), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

const char *
kg_tally_commonest (GHashTable *values, GCompareFunc prefer, guint *best_count, guint *total)
{
  const char *best = NULL;
  *best_count = *total = 0;
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);
      *total += n;
      if (best == NULL || n > *best_count
          || (n == *best_count && (prefer ? prefer (key, best) : strcmp (key, best)) < 0))
        best = key, *best_count = n;
    }
  return best;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GPtrArray *
kg_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

GHashTable *
kg_index_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

void
kg_index_add (GHashTable *index, const char *key, guint value)
{
  GArray *list = g_hash_table_lookup (index, key);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, g_strdup (key), list);
    }
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != value)
    g_array_append_val (list, value);
}
