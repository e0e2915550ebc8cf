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

#include <kgraph/entity.h>

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
  /* the MISC column of a token read from CoNLL-U (NULL otherwise); it is
   * not written back: the writer makes its own MISC */
  const char *misc;
} KgToken;

typedef struct {
  guint first_token;      /* index of the first token in the document */
  guint n_tokens;
  guint64 start, end;     /* byte offsets in the original input */
  KgSentenceKind kind;
  const char *id;         /* "# sent_id" of a sentence read from CoNLL-U; NULL otherwise */
} KgSentence;

/* What kind of expression an entity mention is. */
typedef enum {
  KG_MENTION_NAME = 0,   /* a proper name: "Seyed Abbas Araghchi", "EAEU" */
  KG_MENTION_VALUE,      /* a date, time, amount or number: "March 13, 2023", "$33 million" */
  KG_MENTION_DEMONYM,    /* a nationality standing for its country: "Iranian" */
  KG_MENTION_NOMINAL,    /* a description: "the Iranian foreign minister" */
  KG_MENTION_PRONOUN,    /* "he", "its", "who" */
  KG_MENTION_N_KINDS
} KgMentionKind;

/* A mention of an entity: a span of tokens inside one sentence, and what
 * it stands for. */
typedef struct {
  guint first_token;   /* index of its first token in the document */
  guint n_tokens;
  guint head;          /* document index of its head token */
  KgEntityType type;
  KgMentionKind kind;
  const char *value;   /* normalised value (ISO date, amount) or the country of a demonym; NULL */
  int chain;           /* its coreference chain in the document, -1 if none */
  const char *rule;    /* how it joined its chain: "exact", "surname", "acronym", "role", "pronoun", ... */
  const char *office;  /* a person name's office named beside it ("foreign minister"), or the
                        * role of a description no name of the document holds ("the
                        * Belarusian president"); lower case, interned in the document;
                        * NULL when none */
  guint office_owner;  /* when office is set: the document index of the head token of the
                        * mention the office serves (a country, organisation or nationality) */
} KgMention;

/* A coreference chain: one entity of the document and its mentions. */
typedef struct {
  const char *key;     /* canonical key of the entity (kgraph/canonical.h) */
  const char *label;   /* its fullest name in the document */
  KgEntityType type;
} KgChain;

const char *kg_upos_to_string (KgUpos upos);          /* "NOUN"; "_" for NONE */
KgUpos kg_upos_from_string (const char *name);        /* KG_UPOS_NONE if unknown */
const char *kg_sentence_kind_to_string (KgSentenceKind kind);  /* "body", "title", ... */
const char *kg_mention_kind_to_string (KgMentionKind kind);    /* "name", "value", ... */

/* A document with these original bytes (which it keeps a reference to).
 * (transfer full) */
KgDocument *kg_document_new (const char *id, GBytes *raw);
void kg_document_free (KgDocument *document);

const char *kg_document_get_id (const KgDocument *document);
/* Replaces the id; for a reader that finds it taken, before the document
 * is annotated. */
void kg_document_set_id (KgDocument *document, const char *id);
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
/* The index of the sentence that holds token. */
guint kg_document_find_sentence (const KgDocument *document, guint token);
/* (transfer none) */
const KgToken *kg_document_get_token (const KgDocument *document, guint index);

/* The document index of token's syntactic head; -1 for a root or a token
 * not parsed. */
int kg_document_get_head (const KgDocument *document, guint token);
/* The words of tokens first .. first + n as the document wrote them: a
 * space where one followed a word, none inside a multiword token.
 * (transfer full) */
char *kg_document_dup_text (const KgDocument *document, guint first, guint n);

/* Appends a sentence whose tokens are the tokens added since the previous
 * sentence; returns its index.  start/end are computed from its tokens. */
guint kg_document_add_sentence (KgDocument *document, KgSentenceKind kind);
/* Gives sentence index an id (copied). */
void kg_document_set_sentence_id (KgDocument *document, guint index, const char *id);
/* Appends a token; the strings are copied.  Returns its index. */
guint kg_document_add_token (KgDocument *document, const char *form, guint64 start, guint64 end,
                             gboolean space_after);
/* Mutable access for the stages that annotate tokens.  (transfer none) */
KgToken *kg_document_get_token_mut (KgDocument *document, guint index);
/* Interns a string in the document (for lemmas, tags, relations).
 * (transfer none) */
const char *kg_document_intern (KgDocument *document, const char *s);

/* Mentions, kept in order of their first token (then longest first).
 * Adding one interns its strings and returns nothing: indices change. */
void kg_document_add_mention (KgDocument *document, const KgMention *mention);
/* Adds n mentions at once: one sort, not an insertion each.  Use it to add
 * many mentions that do not arrive in order. */
void kg_document_add_mentions (KgDocument *document, const KgMention *mentions, guint n);
guint kg_document_get_n_mentions (const KgDocument *document);
/* (transfer none) */
const KgMention *kg_document_get_mention (const KgDocument *document, guint index);
KgMention *kg_document_get_mention_mut (KgDocument *document, guint index);
/* The mention whose head is token, else the shortest one that contains it;
 * -1 if none. */
int kg_document_find_mention (const KgDocument *document, guint token);
/* Adds a mention in place of the mentions of its kind that overlap it. */
void kg_document_put_mention (KgDocument *document, const KgMention *mention);
/* The index of the first mention that starts at token or later;
 * kg_document_get_n_mentions() if none does. */
guint kg_document_first_mention_at (const KgDocument *document, guint token);

/* Coreference chains; a new chain's index is returned. */
guint kg_document_add_chain (KgDocument *document, const char *key, const char *label, KgEntityType type);
guint kg_document_get_n_chains (const KgDocument *document);
/* (transfer none) */
const KgChain *kg_document_get_chain (const KgDocument *document, guint index);
KgChain *kg_document_get_chain_mut (KgDocument *document, guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgDocument, kg_document_free)

G_END_DECLS

#endif
