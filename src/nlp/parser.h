/* parser.h: labelled dependency parsing (parse stage, after tagging).
 *
 * A greedy transition-based parser: arc-hybrid transitions with ROOT last
 * and a single-root constraint (parser-state.h), scored by an averaged
 * perceptron over the rich non-local features of Zhang and Nivre 2011 (words
 * and tags of the stack, buffer and children, distance, valency, label
 * sets, third-order children), and trained with the dynamic oracle and
 * error exploration of Goldberg and Nivre 2012/2013 on projectivised trees.
 * Output: UD relations with subtypes, one root per sentence.
 */
#ifndef KG_PARSER_H
#define KG_PARSER_H

#include "kgraph/document.h"
#include "train.h"

typedef struct _KgParser KgParser;

#define KG_PARSER_MODEL_KIND "parser"

/* (transfer full); NULL with KG_ERROR_MODEL */
KgParser *kg_parser_load (const char *path, GError **error);
void kg_parser_free (KgParser *parser);

/* Sets head and deprel of every token of document (after tagging).
 * Thread-safe: a loaded parser is only read. */
void kg_parser_parse (const KgParser *parser, KgDocument *document);

/* Trains on the trees of train, keeps the iteration with the best LAS on
 * dev (which may be NULL: then the last).  The parser learns from the tags
 * the documents have: give train tags from kg_tagger_jackknife() and dev
 * tags from the tagger, so that it learns to work with predicted tags.
 * (transfer full): the model file's bytes */
GBytes *kg_parser_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgParser, kg_parser_free)

#endif
