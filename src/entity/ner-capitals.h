/* ner-capitals.h: how often each word is capitalised, a feature of the
 * name recogniser learnt from the text of its own training corpora
 * (entity stage).
 *
 * Inside a sentence a name keeps its capital and a common word does not,
 * so the share of a word's occurrences after the first word of a sentence
 * that are capitalised tells names from other words even where the text
 * at hand is all lower case ("google", "kerala") or all capitals.  The
 * share is kept in four buckets.  The table is one section of the
 * recogniser's model file: 32-bit fingerprints of the words' lower-case
 * hashes (KgWordShape.lower) and their buckets, no text.
 */
#ifndef KG_NER_CAPITALS_H
#define KG_NER_CAPITALS_H

#include "kgraph/document.h"

typedef struct {
  guint32 n_slots;
  const guint32 *slots;  /* pairs (fingerprint, bucket); fingerprint 0 = empty */
} KgNerCapitals;

/* Counts the words of documents inside sentences.  Deterministic.  (transfer full): the bytes of the section, which
 * kg_ner_capitals_init() reads */
GBytes *kg_ner_capitals_count (GPtrArray *documents);

/* A view of a section's bytes (which must outlive it); FALSE if they are
 * malformed. */
gboolean kg_ner_capitals_init (KgNerCapitals *capitals, const void *data, gsize length);

/* The bucket of a word by its lower-case hash: 0 unknown, 1 capitalised
 * in under 10% of its uses inside sentences, 2 under half, 3 under 90%,
 * 4 more. */
guint kg_ner_capitals_lookup (const KgNerCapitals *capitals, guint64 lower);

#endif
