/* slot-table.h: open-addressing tables of (fingerprint, value) pairs of
 * 32-bit words keyed by 64-bit hashes, with linear probing: the layout of
 * the feature tables of model files (perceptron.c) and of the name
 * recogniser's capitalisation table (ner-capitals.c).  A fingerprint of 0
 * marks an empty slot. */
#ifndef KG_SLOT_TABLE_H
#define KG_SLOT_TABLE_H

#include <glib.h>

/* The slot a key starts looking from in a table of n_slots slots. */
static inline guint32
kg_slot_home (guint64 key, guint32 n_slots)
{
  return (guint32) (((guint64) (guint32) key * n_slots) >> 32);
}

/* What a slot stores of its key: the high half, never 0. */
static inline guint32
kg_slot_fingerprint (guint64 key)
{
  guint32 fp = (guint32) (key >> 32);
  return fp ? fp : 1;
}

/* Stores value for key in the first free slot from key's home; the table
 * (2 * n_slots words) must have one. */
static inline void
kg_slot_insert (guint32 *slots, guint32 n_slots, guint64 key, guint32 value)
{
  guint32 i = kg_slot_home (key, n_slots);
  while (slots[2 * i] != 0)
    i = i + 1 == n_slots ? 0 : i + 1;
  slots[2 * i] = kg_slot_fingerprint (key);
  slots[2 * i + 1] = value;
}

/* The value stored for key, searching from slot i (its home, which a
 * caller may have computed ahead); NULL if none. */
static inline const guint32 *
kg_slot_find (const guint32 *slots, guint32 n_slots, guint64 key, guint32 i)
{
  guint32 fp = kg_slot_fingerprint (key);
  for (;;)
    {
      guint32 stored = slots[2 * i];
      if (stored == 0)
        return NULL;
      if (stored == fp)
        return &slots[2 * i + 1];
      i = i + 1 == n_slots ? 0 : i + 1;
    }
}

#endif
