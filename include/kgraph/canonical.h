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

/* The node key of whoever holds an office of the entity whose key is
 * owner_key, when the text names no one: "office:president|belarus" for
 * "the Belarusian president".  (transfer full) */
char *kg_office_key (const char *office, const char *owner_key);
/* Splits a key made by kg_office_key(); FALSE, with nothing set, for any
 * other key.  (transfer full) for both */
gboolean kg_office_key_parse (const char *key, char **office, char **owner_key);
gboolean kg_is_office_key (const char *key);
/* Whether an office held ("foreign minister") is the one a description
 * names: the same, or its head word ("minister"). */
gboolean kg_office_matches (const char *wanted, const char *held);

/* The identity of a predicate: NFC, lower case, white space collapsed to
 * single spaces and trimmed; punctuation is kept.  (transfer full) */
char *kg_canonical_predicate (const char *predicate);

/* A 64-bit hash of a string, the same on every platform and in every run:
 * FNV-1a followed by a 64-bit finaliser (MurmurHash3's fmix64). */
guint64 kg_stable_hash (const char *data, gsize length);

G_END_DECLS

#endif
