/* tally.h: counts of string values per string key, as the trainers build
 * their lexicons (tags per word, lemma rules per suffix); indexes of
 * numbers by string key, as the entity stage finds candidates (names by
 * surname, by acronym); and sorted views of hash tables, so that no model
 * or output ever depends on hash-table order. */
#ifndef KG_TALLY_H
#define KG_TALLY_H

#include <glib.h>

/* key -> (value -> count).  (transfer full) */
GHashTable *kg_tally_new (void);
void kg_tally_add (GHashTable *tally, const char *key, const char *value);

/* The commonest value of a value -> count table, its count and the total.
 * Ties go to the value prefer() puts first (strcmp when NULL).
 * (transfer none) */
const char *kg_tally_commonest (GHashTable *values, GCompareFunc prefer, guint *best_count, guint *total);

/* key -> GArray of guint, in the order added.  (transfer full) */
GHashTable *kg_index_new (void);
/* Appends value to key's list unless it is the list's last value already. */
void kg_index_add (GHashTable *index, const char *key, guint value);

/* The keys of a table whose keys are strings, sorted.  (transfer container) */
GPtrArray *kg_sorted_keys (GHashTable *table);

#endif
