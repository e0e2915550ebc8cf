/* kgraph/canonical.h: canonical keys, the identity of nodes and predicates.
 *
 * Two labels name the same node exactly when their keys are equal.  The key
 * is the label in Unicode NFC, case-folded, with full stops and apostrophes
 * removed ("U.S." and "US" agree), other punctuation and all white space
 * turned into single spaces, and trimmed.  A label made only of punctuation
 * keeps its punctuation, so that no non-blank label has an empty key.
 */
#ifndef KGRAPH_CANONICAL_H
#define KGRAPH_CANONICAL_H

#include <glib.h>

G_BEGIN_DECLS

/* The key of an entity label; "" for a blank label.  The label must be valid
 * UTF-8.  (transfer full) */
char *kg_canonical_key (const char *label);

/* The identity of a predicate: NFC, lower case, white space collapsed to
 * single spaces and trimmed; punctuation is kept.  (transfer full) */
char *kg_canonical_predicate (const char *predicate);

/* A 64-bit hash of a string, the same on every platform and in every run:
 * FNV-1a followed by a 64-bit finaliser (MurmurHash3's fmix64). */
guint64 kg_stable_hash (const char *data, gsize length);

G_END_DECLS

#endif
