/* word-shape.h: what the statistical stages see of a single word: hashes of
 * its form, lower-cased form, shape, prefixes and suffixes, and a few
 * orthographic flags.  Computed once per token, without heap allocation
 * for ordinary words, and shared by the tagger, parser and NER features. */
#ifndef KG_WORD_SHAPE_H
#define KG_WORD_SHAPE_H

#include "kgraph/document.h"

enum {
  KG_WORD_TITLE = 1 << 0,       /* first letter upper case, not all upper */
  KG_WORD_ALL_UPPER = 1 << 1,   /* letters, all upper case */
  KG_WORD_HAS_DIGIT = 1 << 2,
  KG_WORD_ALL_DIGIT = 1 << 3,   /* digits and , . only */
  KG_WORD_HAS_HYPHEN = 1 << 4,
  KG_WORD_HAS_PERIOD = 1 << 5,
  KG_WORD_NO_LETTER = 1 << 6,
};

#define KG_WORD_N_AFFIXES 5

typedef struct {
  guint64 form;    /* as written */
  guint64 lower;   /* lower-cased */
  guint64 shape;   /* letters as X/x, digits as d, runs of one class cut to 2 */
  guint64 prefix[KG_WORD_N_AFFIXES];  /* first 1..5 characters, lower-cased */
  guint64 suffix[KG_WORD_N_AFFIXES];  /* last 1..5 characters, lower-cased */
  guint32 flags;
  guint length;    /* in characters */
} KgWordShape;

void kg_word_shape_compute (const char *form, KgWordShape *out);

/* How each word is written elsewhere in its document, which tells proper
 * nouns from common ones: a table for kg_word_case_of().  (transfer full) */
GHashTable *kg_word_cases_new (const KgDocument *document);
/* Bit 0: w is seen in lower case after the first word of a sentence; bit
 * 1: it is seen capitalised there. */
guint kg_word_case_of (GHashTable *cases, const KgWordShape *w);

/* Is a sentence written like a headline: most longer words capitalised. */
gboolean kg_words_look_like_headline (const KgWordShape *words, guint n);

/* Is word an acronym: 2 to 8 ASCII capital letters ("UN", "EAEU")? */
gboolean kg_word_is_acronym (const char *word);

/* Writes the lower-cased form into buffer (size at least 4 bytes) when it
 * fits, else returns a newly allocated copy in *allocated. */
const char *kg_word_lower (const char *form, char *buffer, gsize size, char **allocated);

#endif
