/* document.c: the document the text stages share (see kgraph/document.h).
 * Tokens live in one flat array, sentences are ranges of it, and all
 * strings are interned in one string chunk per document. */
#include "kgraph/document.h"
#include "names.h"

#include <string.h>

struct _KgDocument {
  char *id, *title, *date, *byline, *source;
  GBytes *raw;
  GArray *tokens;       /* KgToken */
  GArray *sentences;    /* KgSentence */
  guint sentence_start; /* first token of the sentence being built */
  GStringChunk *strings;
};

static const char *const upos_names[KG_UPOS_N_TAGS] = {
  "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

static const char *const sentence_kind_names[KG_SENTENCE_N_KINDS] = {
  "body", "title", "heading", "bullet", "furniture",
};

const char *
kg_upos_to_string (KgUpos upos)
{
  g_return_val_if_fail (upos < KG_UPOS_N_TAGS, "_");
  return upos_names[upos];
}

KgUpos
kg_upos_from_string (const char *name)
{
  int i = kg_name_lookup (upos_names + 1, KG_UPOS_N_TAGS - 1, name);
  return i >= 0 ? (KgUpos) (i + 1) : KG_UPOS_NONE;
}

const char *
kg_sentence_kind_to_string (KgSentenceKind kind)
{
  g_return_val_if_fail (kind < KG_SENTENCE_N_KINDS, "body");
  return sentence_kind_names[kind];
}

KgDocument *
kg_document_new (const char *id, GBytes *raw)
{
  g_return_val_if_fail (id != NULL && raw != NULL, NULL);
  KgDocument *document = g_new0 (KgDocument, 1);
  document->id = g_strdup (id);
  document->raw = g_bytes_ref (raw);
  document->tokens = g_array_new (FALSE, FALSE, sizeof (KgToken));
  document->sentences = g_array_new (FALSE, FALSE, sizeof (KgSentence));
  document->strings = g_string_chunk_new (4096);
  return document;
}

void
kg_document_free (KgDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->id);
  g_free (document->title);
  g_free (document->date);
  g_free (document->byline);
  g_free (document->source);
  g_bytes_unref (document->raw);
  g_array_unref (document->tokens);
  g_array_unref (document->sentences);
  g_string_chunk_free (document->strings);
  g_free (document);
}

const char *
kg_document_get_id (const KgDocument *document)
{
  return document->id;
}

const char *
kg_document_get_title (const KgDocument *document)
{
  return document->title;
}

const char *
kg_document_get_date (const KgDocument *document)
{
  return document->date;
}

const char *
kg_document_get_byline (const KgDocument *document)
{
  return document->byline;
}

const char *
kg_document_get_source (const KgDocument *document)
{
  return document->source;
}

static void
replace_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
kg_document_set_title (KgDocument *document, const char *title)
{
  replace_string (&document->title, title);
}

void
kg_document_set_date (KgDocument *document, const char *date)
{
  replace_string (&document->date, date);
}

void
kg_document_set_byline (KgDocument *document, const char *byline)
{
  replace_string (&document->byline, byline);
}

void
kg_document_set_source (KgDocument *document, const char *source)
{
  replace_string (&document->source, source);
}

GBytes *
kg_document_get_raw (const KgDocument *document)
{
  return document->raw;
}

guint
kg_document_get_n_sentences (const KgDocument *document)
{
  return document->sentences->len;
}

const KgSentence *
kg_document_get_sentence (const KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->sentences->len, NULL);
  return &g_array_index (document->sentences, KgSentence, index);
}

guint
kg_document_get_n_tokens (const KgDocument *document)
{
  return document->tokens->len;
}

const KgToken *
kg_document_get_token (const KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->tokens->len, NULL);
  return &g_array_index (document->tokens, KgToken, index);
}

KgToken *
kg_document_get_token_mut (KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->tokens->len, NULL);
  return &g_array_index (document->tokens, KgToken, index);
}

const char *
kg_document_intern (KgDocument *document, const char *s)
{
  return s ? g_string_chunk_insert_const (document->strings, s) : NULL;
}

guint
kg_document_add_token (KgDocument *document, const char *form, guint64 start, guint64 end,
                       gboolean space_after)
{
  g_return_val_if_fail (form != NULL && start <= end, 0);
  KgToken token = {
    .start = start, .end = end, .space_after = space_after,
    .form = g_string_chunk_insert_const (document->strings, form),
    .head = -1,
  };
  g_array_append_val (document->tokens, token);
  return document->tokens->len - 1;
}

guint
kg_document_add_sentence (KgDocument *document, KgSentenceKind kind)
{
  g_return_val_if_fail (document->tokens->len > document->sentence_start, 0);
  const KgToken *first = &g_array_index (document->tokens, KgToken, document->sentence_start);
  const KgToken *last = &g_array_index (document->tokens, KgToken, document->tokens->len - 1);
  KgSentence sentence = {
    .first_token = document->sentence_start,
    .n_tokens = document->tokens->len - document->sentence_start,
    .start = first->start,
    .end = last->end,
    .kind = kind,
  };
  g_array_append_val (document->sentences, sentence);
  document->sentence_start = document->tokens->len;
  return document->sentences->len - 1;
}
