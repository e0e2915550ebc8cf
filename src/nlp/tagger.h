/* tagger.h: part-of-speech tagging (tag stage): UPOS, XPOS and FEATS.
 *
 * A greedy left-to-right averaged perceptron (Collins 2002) predicts the
 * joint UPOS|XPOS tag of each word from rich local features (the word, its
 * affixes and shape, two words of context on each side, the two previous
 * tags), after a tag dictionary has settled frequent unambiguous words
 * (Honnibal's tagger).  FEATS come from a table learned from the treebank:
 * the commonest features of the word with its tag, else of the tag.
 */
#ifndef KG_TAGGER_H
#define KG_TAGGER_H

#include "kgraph/document.h"
#include "train.h"

typedef struct _KgTagger KgTagger;

#define KG_TAGGER_MODEL_KIND "tagger"

/* (transfer full); NULL with KG_ERROR_MODEL */
KgTagger *kg_tagger_load (const char *path, GError **error);
/* The same from a model's bytes (as kg_tagger_train returns them). */
KgTagger *kg_tagger_new_from_bytes (GBytes *bytes, GError **error);
void kg_tagger_free (KgTagger *tagger);

/* Sets upos, xpos and feats of every token of document.  Thread-safe: a
 * loaded tagger is only read. */
void kg_tagger_tag (const KgTagger *tagger, KgDocument *document);

/* Trains on the gold tags of train, keeps the iteration best on dev (which
 * may be NULL: then the last), and returns the model file's bytes.
 * (transfer full) */
GBytes *kg_tagger_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options);

/* Replaces the tags of documents by those of taggers trained on the other
 * folds (jackknifing), so that the stages trained on them (parser, entity
 * recogniser) see tags as wrong as they will be on new text. */
void kg_tagger_jackknife (GPtrArray *documents, guint folds, const KgTrainOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgTagger, kg_tagger_free)

#endif
