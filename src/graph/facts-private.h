/* facts-private.h: what the files of the graph stage's facts share
 * (facts.c: records to edges; facts-derived.c: facts derived from a
 * record). */
#ifndef KG_FACTS_PRIVATE_H
#define KG_FACTS_PRIVATE_H

#include "facts.h"

typedef struct {
  const KgLexicon *lexicon;
  const KgDocument *document;
  const gboolean *chain_named;  /* by chain: has a name mention */
  KgDelta *delta;
} Facts;

/* Adds one extraction record as an edge, when its ends can be nodes, and
 * counts what became of it. */
void kg__facts_add_one (Facts *f, const KgExtraction *e, KgFactCounts *counts);
/* Adds a record one of whose ends is a pair ("the two countries") as one
 * fact for each of the pair (facts-derived.c); FALSE when it has none. */
gboolean kg__facts_add_pairs (Facts *f, const KgExtraction *e, KgFactCounts *counts);
/* Adds the facts derived from record i of extractions (facts-derived.c). */
void kg__facts_add_derived (Facts *f, const KgExtractions *extractions, guint i,
                            KgFactCounts *counts);

#endif
