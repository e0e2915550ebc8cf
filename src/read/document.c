/* document.c: the document the text stages share (see kgraph/document.h).
 * Tokens live in one flat array, sentences are ranges of it, and all
 * strings are interned in one string chunk per document. */
#include "kgraph/document.h"
#include "util/names.h"

#include <string.h>

struct _KgDocument {
  char *id, *title, *date, *byline, *source;
  GBytes *raw;
  GArray *tokens;       /* KgToken */
  GArray *sentences;    /* KgSentence */
  GArray *mentions;     /* KgMention, sorted */
  GArray *chains;       /* KgChain */
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

static const char *const mention_kind_names[KG_MENTION_N_KINDS] = {
  "name", "value", "demonym", "nominal", "pronoun",
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
kg_mention_kind_to_string (KgMentionKind kind)
{
  g_return_val_if_fail (kind < KG_MENTION_N_KINDS, "name");
  return mention_kind_names[kind];
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
  document->mentions = g_array_new (FALSE, FALSE, sizeof (KgMention));
  document->chains = g_array_new (FALSE, FALSE, sizeof (KgChain));
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
  g_array_unref (document->mentions);
  g_array_unref (document->chains);
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
kg_document_set_id (KgDocument *document, const char *id)
{
  g_return_if_fail (document != NULL && id != NULL);
  replace_string (&document->id, id);
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

guint
kg_document_find_sentence (const KgDocument *document, guint token)
{
  g_return_val_if_fail (token < document->tokens->len && document->sentences->len > 0, 0);
  guint lo = 0, hi = document->sentences->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (document->sentences, KgSentence, mid).first_token <= token)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

const KgToken *
kg_document_get_token (const KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->tokens->len, NULL);
  return &g_array_index (document->tokens, KgToken, index);
}

int
kg_document_get_head (const KgDocument *document, guint token)
{
  int head = kg_document_get_token (document, token)->head;
  if (head <= 0)
    return -1;
  const KgSentence *s = kg_document_get_sentence (document, kg_document_find_sentence (document, token));
  return (int) (s->first_token + (guint) head - 1);
}

char *
kg_document_dup_text (const KgDocument *document, guint first, guint n)
{
  g_return_val_if_fail (first + n <= document->tokens->len, NULL);
  GString *text = g_string_new (NULL);
  for (guint k = 0; k < n; k++)
    {
      const KgToken *t = kg_document_get_token (document, first + k);
      g_string_append (text, t->form);
      if (k + 1 < n && t->space_after && !t->joins_next)
        g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
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

void
kg_document_set_sentence_id (KgDocument *document, guint index, const char *id)
{
  g_return_if_fail (index < document->sentences->len);
  g_array_index (document->sentences, KgSentence, index).id = kg_document_intern (document, id);
}

/* ---- mentions and chains ---------------------------------------------- */

static int
compare_mentions (const KgMention *a, const KgMention *b)
{
  if (a->first_token != b->first_token)
    return a->first_token < b->first_token ? -1 : 1;
  if (a->n_tokens != b->n_tokens)
    return a->n_tokens > b->n_tokens ? -1 : 1;
  return (int) a->kind - (int) b->kind;
}

static gint
compare_mentions_sort (gconstpointer a, gconstpointer b)
{
  return compare_mentions (a, b);
}

/* The mention as stored: its strings interned. */
static KgMention
stored_mention (KgDocument *document, const KgMention *mention)
{
  KgMention stored = *mention;
  stored.value = kg_document_intern (document, mention->value);
  stored.rule = kg_document_intern (document, mention->rule);
  return stored;
}

/* The index of the first mention that comes after mention in the order
 * (after the equal ones): where it is inserted. */
static guint
insertion_point (GArray *mentions, const KgMention *mention)
{
  guint lo = 0, hi = mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (compare_mentions (&g_array_index (mentions, KgMention, mid), mention) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
kg_document_add_mention (KgDocument *document, const KgMention *mention)
{
  g_return_if_fail (mention->n_tokens > 0 && mention->first_token + mention->n_tokens <= document->tokens->len);
  KgMention stored = stored_mention (document, mention);
  g_array_insert_val (document->mentions, insertion_point (document->mentions, &stored), stored);
}

guint
kg_document_first_mention_at (const KgDocument *document, guint token)
{
  GArray *mentions = document->mentions;
  guint lo = 0, hi = mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (mentions, KgMention, mid).first_token < token)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
kg_document_add_mentions (KgDocument *document, const KgMention *mentions, guint n)
{
  gboolean in_order = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (mentions[i].n_tokens > 0
                        && mentions[i].first_token + mentions[i].n_tokens <= document->tokens->len);
      KgMention stored = stored_mention (document, &mentions[i]);
      guint len = document->mentions->len;
      in_order = in_order && (len == 0 || compare_mentions (&g_array_index (document->mentions, KgMention, len - 1),
                                                            &stored) <= 0);
      g_array_append_val (document->mentions, stored);
    }
  /* one stable sort instead of an insertion each */
  if (!in_order)
    g_array_sort (document->mentions, compare_mentions_sort);
}

guint
kg_document_get_n_mentions (const KgDocument *document)
{
  return document->mentions->len;
}

const KgMention *
kg_document_get_mention (const KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->mentions->len, NULL);
  return &g_array_index (document->mentions, KgMention, index);
}

KgMention *
kg_document_get_mention_mut (KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->mentions->len, NULL);
  return &g_array_index (document->mentions, KgMention, index);
}

int
kg_document_find_mention (const KgDocument *document, guint token)
{
  /* the mentions that start at token or before, back to the start of its
   * sentence (no mention crosses one); on ties the first */
  if (document->sentences->len == 0)
    return -1;
  guint sentence_start = kg_document_get_sentence (document, kg_document_find_sentence (document, token))->first_token;
  GArray *mentions = document->mentions;
  guint lo = 0, hi = mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (mentions, KgMention, mid).first_token <= token)
        lo = mid + 1;
      else
        hi = mid;
    }
  int headed = -1, best = -1;
  guint best_length = G_MAXUINT;
  for (guint i = lo; i > 0; i--)
    {
      const KgMention *m = &g_array_index (mentions, KgMention, i - 1);
      if (m->first_token < sentence_start)
        break;
      if (m->head == token)
        headed = (int) (i - 1);
      if (token < m->first_token + m->n_tokens && m->n_tokens <= best_length)
        best = (int) (i - 1), best_length = m->n_tokens;
    }
  return headed >= 0 ? headed : best;
}

void
kg_document_put_mention (KgDocument *document, const KgMention *mention)
{
  g_return_if_fail (mention->n_tokens > 0 && mention->first_token + mention->n_tokens <= document->tokens->len);
  /* no mention crosses a sentence: those that overlap start in its sentence */
  guint sentence_start = kg_document_get_sentence (document, kg_document_find_sentence (document, mention->first_token))
                           ->first_token;
  guint end = mention->first_token + mention->n_tokens;
  GArray *mentions = document->mentions;
  guint first = kg_document_first_mention_at (document, sentence_start), kept = first, i = first;
  for (; i < mentions->len && g_array_index (mentions, KgMention, i).first_token < end; i++)
    {
      const KgMention *m = &g_array_index (mentions, KgMention, i);
      gboolean overlaps = mention->first_token < m->first_token + m->n_tokens;
      if (!overlaps || m->kind != mention->kind)
        g_array_index (mentions, KgMention, kept++) = *m;
    }
  g_array_remove_range (mentions, kept, i - kept);
  kg_document_add_mention (document, mention);
}

guint
kg_document_add_chain (KgDocument *document, const char *key, const char *label, KgEntityType type)
{
  KgChain chain = { kg_document_intern (document, key), kg_document_intern (document, label), type };
  g_array_append_val (document->chains, chain);
  return document->chains->len - 1;
}

guint
kg_document_get_n_chains (const KgDocument *document)
{
  return document->chains->len;
}

const KgChain *
kg_document_get_chain (const KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->chains->len, NULL);
  return &g_array_index (document->chains, KgChain, index);
}

KgChain *
kg_document_get_chain_mut (KgDocument *document, guint index)
{
  g_return_val_if_fail (index < document->chains->len, NULL);
  return &g_array_index (document->chains, KgChain, index);
}
