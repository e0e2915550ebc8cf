/* lemmatizer.h: lemmas from word forms and their tags (tag stage, after
 * the tagger).
 *
 * Learned from the lemma column of the treebanks as edit rules: a rule
 * says whether to lower-case the form, how many characters to strip from
 * its end and what to append ("countries" NNS -> lower, strip 3, add "y").
 * A lexicon gives the commonest rule of every (word, XPOS) seen in
 * training, which covers the irregular forms ("met" VBD -> "meet"); an
 * unseen word takes the commonest rule of the longest suffix seen with its
 * XPOS (the suffix-trie method of lemma guessers since Mikheev 1997).
 */
#ifndef KG_LEMMATIZER_H
#define KG_LEMMATIZER_H

#include "kgraph/document.h"
#include "train.h"

typedef struct _KgLemmatizer KgLemmatizer;

#define KG_LEMMATIZER_MODEL_KIND "lemmatizer"

/* (transfer full); NULL with KG_ERROR_MODEL */
KgLemmatizer *kg_lemmatizer_load (const char *path, GError **error);
void kg_lemmatizer_free (KgLemmatizer *lemmatizer);

/* The lemma of form with tags upos/xpos.  (transfer full) */
char *kg_lemmatizer_lemma (const KgLemmatizer *lemmatizer, const char *form, KgUpos upos, const char *xpos);
/* Sets the lemma of every token of document (after tagging). */
void kg_lemmatizer_lemmatize (const KgLemmatizer *lemmatizer, KgDocument *document);

/* Learns the rules from the gold lemmas and tags of train; reports the
 * accuracy on dev with gold tags.  (transfer full): the model file's bytes */
GBytes *kg_lemmatizer_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgLemmatizer, kg_lemmatizer_free)

#endif
