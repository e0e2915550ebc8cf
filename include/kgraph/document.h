/* kgraph/document.h: one input document as the text stages see it.
 *
 * The reading stage fills a document with its original bytes, metadata,
 * sentences and tokens; the tagger, parser and entity stages then add their
 * annotations to the same tokens.  Every token and sentence keeps the byte
 * offsets of its text in the original input (the file as read: for HTML the
 * HTML source, for JSON Lines the decoded text field), so that evidence can
 * always point back at the exact bytes.
 */
#ifndef KGRAPH_DOCUMENT_H
#define KGRAPH_DOCUMENT_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KgDocument KgDocument;

/* What a sentence is in its document; extraction reads only BODY, BULLET
 * and TITLE (with lower confidence). */
typedef enum {
  KG_SENTENCE_BODY = 0,
  KG_SENTENCE_TITLE,      /* the headline, when it is a clause */
  KG_SENTENCE_HEADING,    /* section labels: "Why it matters:", "Go deeper:" */
  KG_SENTENCE_BULLET,     /* a list item */
  KG_SENTENCE_FURNITURE,  /* bylines, credits, page numbers, logos, time stamps */
  KG_SENTENCE_N_KINDS
} KgSentenceKind;

/* Universal part-of-speech tags (UD v2). */
typedef enum {
  KG_UPOS_NONE = 0,
  KG_UPOS_ADJ, KG_UPOS_ADP, KG_UPOS_ADV, KG_UPOS_AUX, KG_UPOS_CCONJ, KG_UPOS_DET,
  KG_UPOS_INTJ, KG_UPOS_NOUN, KG_UPOS_NUM, KG_UPOS_PART, KG_UPOS_PRON, KG_UPOS_PROPN,
  KG_UPOS_PUNCT, KG_UPOS_SCONJ, KG_UPOS_SYM, KG_UPOS_VERB, KG_UPOS_X,
  KG_UPOS_N_TAGS
} KgUpos;

/* One syntactic word.  Strings belong to the document. */
typedef struct {
  guint64 start, end;     /* byte offsets in the original input */
  const char *form;       /* normalised form: curly quotes straightened, NBSP as space */
  gboolean space_after;   /* followed by white space in the input */
  gboolean joins_next;    /* the next word belongs to the same surface token, a
                           * multiword token: "don't" is "do" + "n't" */
  /* tagger and lemmatizer; NULL/NONE until they ran */
  KgUpos upos;
  const char *xpos;
  const char *feats;
  const char *lemma;
  /* parser: head is the 1-based index of the head word in the sentence,
   * 0 for the root, -1 until the parser ran */
  int head;
  const char *deprel;
} KgToken;

typedef struct {
  guint first_token;      /* index of the first token in the document */
  guint n_tokens;
  guint64 start, end;     /* byte offsets in the original input */
  KgSentenceKind kind;
} KgSentence;

const char *kg_upos_to_string (KgUpos upos);          /* "NOUN"; "_" for NONE */
KgUpos kg_upos_from_string (const char *name);        /* KG_UPOS_NONE if unknown */
const char *kg_sentence_kind_to_string (KgSentenceKind kind);  /* "body", "title", ... */

/* A document with these original bytes (which it keeps a reference to).
 * (transfer full) */
KgDocument *kg_document_new (const char *id, GBytes *raw);
void kg_document_free (KgDocument *document);

const char *kg_document_get_id (const KgDocument *document);
/* Metadata; NULL when unknown. */
const char *kg_document_get_title (const KgDocument *document);
const char *kg_document_get_date (const KgDocument *document);
const char *kg_document_get_byline (const KgDocument *document);
const char *kg_document_get_source (const KgDocument *document);
void kg_document_set_title (KgDocument *document, const char *title);
void kg_document_set_date (KgDocument *document, const char *date);
void kg_document_set_byline (KgDocument *document, const char *byline);
void kg_document_set_source (KgDocument *document, const char *source);

/* The original bytes.  (transfer none) */
GBytes *kg_document_get_raw (const KgDocument *document);

guint kg_document_get_n_sentences (const KgDocument *document);
/* (transfer none) */
const KgSentence *kg_document_get_sentence (const KgDocument *document, guint index);
guint kg_document_get_n_tokens (const KgDocument *document);
/* (transfer none) */
const KgToken *kg_document_get_token (const KgDocument *document, guint index);

/* Appends a sentence whose tokens are the tokens added since the previous
 * sentence; returns its index.  start/end are computed from its tokens. */
guint kg_document_add_sentence (KgDocument *document, KgSentenceKind kind);
/* Appends a token; the strings are copied.  Returns its index. */
guint kg_document_add_token (KgDocument *document, const char *form, guint64 start, guint64 end,
                             gboolean space_after);
/* Mutable access for the stages that annotate tokens.  (transfer none) */
KgToken *kg_document_get_token_mut (KgDocument *document, guint index);
/* Interns a string in the document (for lemmas, tags, relations).
 * (transfer none) */
const char *kg_document_intern (KgDocument *document, const char *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgDocument, kg_document_free)

G_END_DECLS

#endif
