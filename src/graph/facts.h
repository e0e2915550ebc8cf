/* facts.h: the facts of a document as edges of the graph (graph stage;
 * see facts.c for which arguments become which nodes). */
#ifndef KG_FACTS_H
#define KG_FACTS_H

#include "kgraph/extract.h"
#include "kgraph/pipeline.h"
#include "graph-delta.h"
#include "entity/lexicon.h"

/* By chain index: whether the chain has a name mention.  (transfer full) */
gboolean *kg__facts_named_chains (const KgDocument *document);

/* Adds the extractions of document to its delta as facts with their
 * evidence, and counts what became of each. */
void kg__facts_add (const KgLexicon *lexicon, const KgDocument *document, const gboolean *chain_named,
                    const KgExtractions *extractions, KgDelta *delta, KgFactCounts *counts);

#endif
