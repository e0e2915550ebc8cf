/* ner.h: named-entity recognition (entity stage, after tagging): the
 * names of people, organisations and places.
 *
 * A greedy left-to-right averaged perceptron labels each word with BILOU
 * tags over PERSON, ORG and LOC (Ratinov and Roth 2009 found BILOU better
 * than BIO), only ever choosing a label that continues the span before it
 * properly.  Features: the word, its affixes, shape and tags, two words of
 * context each side, the two previous labels, how the word is written
 * elsewhere in the document and how often it is capitalised in the
 * training text (ner-capitals.h), whether its sentence is all lower case
 * or a headline, and gazetteers (countries, nationalities, first names,
 * roles, honorifics, organisation and place words, capitals, well-known
 * organisations), and the run of capitalised words a word stands in: its
 * last word, that word's lists and the words around the run ("Tehran
 * Stock Exchange").  After labelling, a name keeps one type through the
 * document, its repeats and initials elsewhere are labelled too, names
 * cut in pieces are mended, and countries and subdivisions written in
 * lower case are places.  Trained on Universal NER over EWT, the
 * named mentions of GUM and the Broad Twitter Corpus's news tweets.
 * Each span becomes a NAME mention of the document.
 */
#ifndef KG_NER_H
#define KG_NER_H

#include "kgraph/document.h"
#include "lexicon.h"
#include "nlp/train.h"

typedef struct _KgNer KgNer;

#define KG_NER_MODEL_KIND "ner"

/* The model at path, using lexicon (borrowed: it must outlive the
 * recogniser) for its gazetteer features.  (transfer full) */
KgNer *kg_ner_load (const char *path, const KgLexicon *lexicon, GError **error);
void kg_ner_free (KgNer *ner);

/* Adds a NAME mention (PERSON, ORG or LOC) for every name found in the
 * tagged document.  Thread-safe. */
void kg_ner_recognise (const KgNer *ner, KgDocument *document);

/* Trains on the gold NAME mentions of train (every document must carry
 * its names: below), keeps the iteration with the best span F1 on dev.
 * (transfer full): the model file's bytes */
GBytes *kg_ner_train (GPtrArray *train, GPtrArray *dev, const KgLexicon *lexicon, const KgTrainOptions *options);

/* Gold mentions from the annotation of corpora, added to their documents
 * as NAME mentions of type PERSON, ORG or LOC. */
/* Universal NER's IOB2 (index, token, tag, ...): the sentences must be
 * those of documents, in order, with the same words.  Fails with
 * KG_ERROR_INPUT naming the file and line of the first that are not. */
gboolean kg_ner_add_iob2 (GPtrArray *documents, const char *path, GError **error);
/* GUM's Entity= annotation in MISC: the person, organization and place
 * mentions whose head is a proper noun, cut to the name around it as
 * Universal NER would (ner-corpus.c).  Needs the gold tags and trees of
 * the file; lexicon tells nationalities and roles, which are no names.
 * Returns the number of names added. */
guint kg_ner_add_gum_entities (GPtrArray *documents, const KgLexicon *lexicon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgNer, kg_ner_free)

#endif
