/* reader-private.h: what the files of the reading stage share.
 *
 * A reader (read-text.c, read-html.c, read-jsonl.c) turns input bytes into a
 * KgText: the working text, a normalised copy of the article's words with a
 * map back to byte offsets in the original input, cut into blocks
 * (paragraphs, headings, list items).  Then, for every document,
 * read-document.c tokenizes each block (tokenize.c), classifies the blocks
 * (clean-blocks.c: furniture, headings, title, bullets), splits body blocks
 * into sentences (segment.c) and fills a KgDocument with tokens whose
 * offsets point into the original bytes.
 */
#ifndef KG_READER_PRIVATE_H
#define KG_READER_PRIVATE_H

#include "kgraph/document.h"
#include "kgraph/reader.h"

/* ---- working text and offset map (clean-normalize.c) -------------------- */

/* A piece of the working text and the original bytes it came from.  A copy
 * maps byte for byte; a replacement (a curly quote made straight, an entity
 * decoded, a separator between HTML blocks) maps as a whole, so that only
 * its two ends correspond to positions in the original. */
typedef struct {
  gsize work;
  guint64 orig;
  guint32 work_len;
  guint32 orig_len;
  gboolean copy;
} KgMapSegment;

/* What a block is, as far as the reader could tell from the markup. */
typedef enum {
  KG_BLOCK_TEXT = 0,   /* a paragraph or a line of text */
  KG_BLOCK_HEADING,    /* <h1>..<h6> */
  KG_BLOCK_ITEM,       /* <li> */
  KG_BLOCK_FURNITURE,  /* marked as byline, caption, credit by the markup */
} KgBlockHint;

typedef struct {
  gsize start, end;    /* in the working text */
  KgBlockHint hint;
} KgBlock;

typedef struct {
  GString *text;       /* the working text (UTF-8, normalised) */
  GArray *segments;    /* KgMapSegment, in order, covering text */
  GArray *blocks;      /* KgBlock, in order */
  guint map_hint;      /* the segment of the last lookup */
} KgText;

KgText *kg__text_new (gsize reserve);
void kg__text_free (KgText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgText, kg__text_free)

/* Appends src[0..length), which are the original bytes from orig on,
 * normalising as it goes (see clean-normalize.c for the rules). */
void kg__text_append (KgText *text, const char *src, gsize length, guint64 orig);
/* Appends replacement (which is not normalised) for the original bytes
 * [orig, orig + orig_length). */
void kg__text_append_replacement (KgText *text, const char *replacement, gsize length,
                                  guint64 orig, guint64 orig_length);
/* Appends one character c that stands for the original bytes
 * [orig, orig + orig_length), normalising it (a decoded entity). */
void kg__text_append_char (KgText *text, gunichar c, guint64 orig, guint64 orig_length);
/* Adds the block [start, end) of the working text, white space trimmed;
 * blocks of white space only are dropped. */
void kg__text_add_block (KgText *text, gsize start, gsize end, KgBlockHint hint);

/* The original offset of a token that starts (or ends) at work. */
guint64 kg__text_map_start (KgText *text, gsize work);
guint64 kg__text_map_end (KgText *text, gsize work);

/* The normalised form of c as UTF-8 into out (at most 4 bytes), or -1 if c
 * stays as it is; 0 means that c is dropped. */
int kg__normalize_char (gunichar c, char out[4]);

/* ---- reading the formats ------------------------------------------------- */

/* The JSON Lines fields: 0 text, 1 id, 2 title, 3 date (NULL if unset). */
const char *kg__reader_get_field (const KgReader *reader, guint which);

/* What every format reader gets: the options and where to report. */
typedef struct {
  const KgReader *reader;
  const char *path;        /* as given; "-" for standard input */
  const char *display;     /* for messages */
  GPtrArray *problems;     /* KgReadProblem, may be NULL */
  GPtrArray *documents;    /* KgDocument, where good documents go */
} KgReadContext;

/* Reports a problem of the file being read; line 0 and byte G_MAXUINT64
 * when unknown. */
void kg__read_problem (KgReadContext *context, KgError code, guint line, guint64 byte, gboolean skipped,
                       const char *format, ...) G_GNUC_PRINTF (6, 7);

/* Where the bad bytes of a text were. */
typedef struct {
  gsize first;          /* byte offset of the first */
  guint line, column;   /* its position */
  guint count;          /* how many were replaced */
} KgBadBytes;

/* Checks or repairs the UTF-8 of data (NUL bytes count as bad): returns
 * data itself when it is good, a repaired copy (bad bytes as U+FFFD) when
 * the reader is lenient, NULL with KG_ERROR_INPUT naming the line, column
 * and byte otherwise.  bad says what was found.  (transfer full) */
GBytes *kg__read_utf8 (const KgReader *reader, const char *display, GBytes *data, KgBadBytes *bad,
                       GError **error);

/* Plain text: one document of these bytes. */
gboolean kg__read_text (KgReadContext *context, GBytes *bytes, GError **error);
/* HTML or XHTML: one document. */
gboolean kg__read_html (KgReadContext *context, GBytes *bytes, GError **error);
/* A page that is not UTF-8 but declares its charset, transcoded to UTF-8
 * (and *charset set), or NULL.  (transfer full) */
GBytes *kg__html_transcode (GBytes *bytes, char **charset);
/* JSON Lines: one document per line; bad lines become problems. */
gboolean kg__read_jsonl (KgReadContext *context, GBytes *bytes, GError **error);

/* Splits plain text (text->text from start on) into blocks at line
 * breaks: blank lines always, single line breaks unless the text is
 * hard-wrapped prose. */
void kg__text_split_lines (KgText *text, gsize start);

/* Finishes a document: tokens, blocks classified, sentences.  Fails (with
 * KG_ERROR_LIMIT) only for a paragraph beyond the safety limit. */
gboolean kg__document_fill (KgDocument *document, KgText *text, GError **error);

/* ---- tokens (tokenize.c) ------------------------------------------------- */

enum {
  KG_TOK_JOINS_NEXT = 1 << 0,  /* the next token is part of the same surface token */
  KG_TOK_WORD = 1 << 1,        /* starts with a letter or digit */
  KG_TOK_UPPER = 1 << 2,       /* starts with an upper-case letter */
  KG_TOK_LOWER = 1 << 3,       /* starts with a lower-case letter */
  KG_TOK_DIGIT = 1 << 4,       /* starts with a digit */
  KG_TOK_ABBREV = 1 << 5,      /* a word with its full stop (U.S., Mr., e.g.) */
  KG_TOK_FINAL = 1 << 6,       /* . ! ? ... and runs of them */
  KG_TOK_OPEN = 1 << 7,        /* an opening bracket or quote */
  KG_TOK_CLOSE = 1 << 8,       /* a closing bracket or quote */
  KG_TOK_SPACE_BEFORE = 1 << 9,  /* white space (or the block start) before it */
  KG_TOK_SPACE_AFTER = 1 << 10,   /* white space (or the block end) after it */
  KG_TOK_ALL_UPPER = 1 << 11,  /* letters only upper case, at least two */
};

typedef struct {
  gsize start, end;   /* in the working text */
  guint flags;
} KgRawToken;

/* Appends the tokens of text[start..end) to tokens (KgRawToken). */
void kg__tokenize (const char *text, gsize start, gsize end, GArray *tokens);

/* ---- sentences (segment.c) ----------------------------------------------- */

/* Marks in starts[i] (i < n) whether a sentence starts at token i of a
 * block; starts[0] is always TRUE. */
void kg__segment (const char *text, const KgRawToken *tokens, guint n, gboolean *starts);

/* ---- blocks (clean-blocks.c) --------------------------------------------- */

/* A unit of the document: a block or the part of one that became its own
 * sentence (a dateline). */
typedef struct {
  guint first, n;            /* tokens of the unit */
  KgSentenceKind kind;
  gboolean split;            /* body or bullet text, to be split into sentences */
} KgUnit;

typedef struct {
  gsize title_start, title_end;    /* the title line in the working text; equal if none */
  gsize byline_start, byline_end;  /* the name of a byline */
  char *date;                      /* YYYY-MM-DD from a byline or time stamp */
} KgFoundMetadata;

/* Classifies the blocks of a document (tokens of block b are
 * tokens[block_first[b] .. block_first[b + 1])) into units.  Fills found
 * with what bylines, time stamps and the title line said. */
void kg__clean_blocks (const char *text, const GArray *blocks, const KgRawToken *tokens,
                       const guint *block_first, GArray *units, KgFoundMetadata *found);

/* Whether token i starts a caption label ("Image:", "Photo:"). */
gboolean kg__is_caption_label (const char *text, const KgRawToken *tokens, guint n, guint i);
/* Whether the sentence of n tokens is page furniture (a caption, a byline,
 * page chrome). */
gboolean kg__is_furniture_sentence (const char *text, const KgRawToken *tokens, guint n);

/* A date in text ("March 15, 2023", "15 March 2023", "2023-03-15") as
 * YYYY-MM-DD, or NULL.  (transfer full) */
char *kg__parse_date (const char *text, gsize length);

#endif
