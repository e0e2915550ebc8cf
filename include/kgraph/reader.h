/* kgraph/reader.h: the reading stage: input files in, documents split into
 * sentences and tokens out.
 *
 * Inputs are files, directories (read recursively, in sorted order), "-"
 * for standard input and list files ("@list.txt": one path a line).  The
 * format of each file is found from its content (and extension); a reader
 * can be told one instead:
 *
 *   text    UTF-8 plain text; a byte order mark and CRLF line ends are fine.
 *           Every line break ends a paragraph, unless the text is hard-wrapped
 *           prose (then only blank lines do).
 *   html    HTML or XHTML, parsed by libxml2 without network access or
 *           external entities.  The article body (<article>, <main>, else the
 *           densest run of <p>) is kept; navigation, scripts, styles, forms,
 *           footers and asides are dropped.  Title, date and byline come from
 *           the page's metadata.
 *   jsonl   JSON Lines: one document per line, text and id in chosen fields.
 *   conllu  CoNLL-U, read as it is with kg_conllu_read().
 *
 * Offsets: every token and sentence carries byte offsets into the document's
 * original bytes (kg_document_get_raw()): the file for text, the HTML source
 * for HTML, the decoded text field for JSON Lines.  Two cases change what
 * the original is, and both are reported as problems that do not skip the
 * document: with lenient reading, bad UTF-8 is replaced by U+FFFD and the
 * original is the repaired text; and when the text of an HTML page cannot
 * be matched back to its source, the original is the extracted text
 * (paragraphs separated by blank lines).  Non-UTF-8 HTML that declares its
 * charset is transcoded first, and its original is the UTF-8 transcoding.
 * UTF-16 and UTF-32 with a byte order mark, and UTF-16 without one whose
 * NUL bytes give it away, are decoded before anything else (and
 * reported): the original is the UTF-8 decoding, and offsets count its
 * bytes, not the file's.
 *
 * Cleaning: tokens hold a normalised form (curly quotes and apostrophes
 * straight, non-breaking and other hyphens as "-", NBSP and other spaces as
 * white space, soft hyphens and zero-width spaces dropped).  Sentences that
 * are not running text get a KgSentenceKind: headlines and section labels
 * (HEADING, or TITLE when the headline is a clause), list items (BULLET),
 * and bylines, credits, page numbers, logos, time stamps and datelines
 * (FURNITURE).
 *
 * Tokens follow UD English (EWT): punctuation split off, clitics split into
 * words of one multiword token ("don't" = "do" + "n't", see
 * KgToken.joins_next), most hyphens split ("Al-Zaman" = "Al" "-" "Zaman",
 * but "e-mail", "non-profit", "713-853-3989" stay whole), currency signs
 * apart ("$" "33"), URLs and e-mail addresses whole.
 *
 * Safety: a file larger than KG_READER_MAX_FILE_BYTES, a document larger
 * than KG_READER_MAX_DOCUMENT_BYTES or a paragraph longer than
 * KG_READER_MAX_PARAGRAPH_BYTES is refused; HTML nesting is bounded by
 * libxml2's parser; binary files are refused.  A run of text with no
 * sentence end is cut into sentences of at most
 * KG_READER_MAX_SENTENCE_TOKENS words, after a comma or semicolon near the
 * limit where there is one, so that no later stage sees a sentence longer
 * than a parser is meant for.
 */
#ifndef KGRAPH_READER_H
#define KGRAPH_READER_H

#include <kgraph/document.h>
#include <kgraph/error.h>

G_BEGIN_DECLS

#define KG_READER_MAX_FILE_BYTES ((gsize) 256 << 20)
#define KG_READER_MAX_DOCUMENT_BYTES ((gsize) 8 << 20)
#define KG_READER_MAX_PARAGRAPH_BYTES ((gsize) 1 << 20)
#define KG_READER_MAX_SENTENCE_TOKENS 250

typedef enum {
  KG_INPUT_FORMAT_AUTO = 0,
  KG_INPUT_FORMAT_TEXT,
  KG_INPUT_FORMAT_HTML,
  KG_INPUT_FORMAT_JSONL,
  KG_INPUT_FORMAT_CONLLU,
  KG_INPUT_FORMAT_N_FORMATS
} KgInputFormat;

/* "auto", "text", "html", "jsonl", "conllu". */
const char *kg_input_format_to_string (KgInputFormat format);
/* FALSE for an unknown name. */
gboolean kg_input_format_from_string (const char *name, KgInputFormat *format);

/* A problem with one document or one entry of an input: the document (or
 * entry) was skipped, or, when skipped is FALSE, kept with a caveat. */
typedef struct {
  char *file;        /* the file as named in messages ("standard input" for "-") */
  guint line;        /* 1-based line of the problem, 0 when unknown */
  guint64 byte;      /* byte offset in the file, G_MAXUINT64 when unknown */
  KgError code;      /* KG_ERROR_IO, KG_ERROR_INPUT or KG_ERROR_LIMIT */
  gboolean skipped;
  char *message;     /* the whole message: "FILE:LINE: what" */
} KgReadProblem;

void kg_read_problem_free (KgReadProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgReadProblem, kg_read_problem_free)
/* An empty array for problems, which frees them.  (transfer full) */
GPtrArray *kg_read_problems_new (void);

typedef struct _KgReader KgReader;

/* A reader with the defaults: format found per file, JSON fields "text" and
 * "id", strict UTF-8.  (transfer full) */
KgReader *kg_reader_new (void);
void kg_reader_free (KgReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgReader, kg_reader_free)

void kg_reader_set_format (KgReader *reader, KgInputFormat format);
/* JSON Lines fields; NULL keeps the current one ("text", "id"; no title or
 * date field by default). */
void kg_reader_set_fields (KgReader *reader, const char *text_field, const char *id_field,
                           const char *title_field, const char *date_field);
/* Lenient reading replaces bad UTF-8 and NUL bytes with U+FFFD (and
 * reports it) instead of skipping the document. */
void kg_reader_set_lenient (KgReader *reader, gboolean lenient);

/* The files named by inputs, in order: a directory gives the files under it
 * (recursively, sorted by name, hidden entries skipped, symbolic-link loops
 * broken), "@FILE" gives the paths listed in FILE (one a line, blank lines
 * and lines starting with '#' skipped, relative paths relative to the
 * current directory), anything else is itself.  Paths are normalised:
 * without "." components and repeated or trailing slashes, so that
 * "./seeds/" and "seeds" give the same paths and document ids.  Directories and list files
 * that cannot be read are added to problems.
 * (transfer full): a GPtrArray of strings */
GPtrArray *kg_reader_expand_inputs (const char *const *inputs, guint n_inputs, GPtrArray *problems);

/* path without "." components and repeated or trailing slashes, as
 * kg_reader_expand_inputs gives it ("./seeds/" is "seeds"; ".." stays,
 * since with symbolic links it does not always undo the component before
 * it).  (transfer full) */
char *kg_reader_normalize_path (const char *path);

/* Reads path ("-" is standard input) into documents, each already cleaned,
 * split into sentences and tokenized; the document id is path (for JSON
 * Lines, the id field).  A document that cannot be read (bad JSON line,
 * invalid UTF-8, beyond a limit) is skipped and added to problems (which may
 * be NULL); NULL and error only when nothing of path could be read.
 * (transfer full): a GPtrArray of KgDocument that frees them */
GPtrArray *kg_reader_read_file (const KgReader *reader, const char *path, GPtrArray *problems,
                                GError **error);

/* The same for bytes already in memory; name stands for the file in ids
 * and messages. */
GPtrArray *kg_reader_read_bytes (const KgReader *reader, const char *name, GBytes *bytes,
                                 GPtrArray *problems, GError **error);

/* The format of bytes by content: HTML markup, JSON objects one a line,
 * CoNLL-U word lines, else text.  name's extension decides only when the
 * content could be either. */
KgInputFormat kg_reader_detect_format (const char *name, GBytes *bytes);

G_END_DECLS

#endif
