/* extract.c: the extraction stage's public face (see kgraph/extract.h): the
 * extractor, the per-sentence driver that runs the clause and noun-phrase
 * rules, and the storage of their records.
 *
 * Records of one call live in one KgExtractions: a flat array of records, a
 * flat array of the arguments they point into, and one string chunk, so a
 * document's facts cost a handful of allocations.  A sentence yields at
 * most KG_EX_MAX_FACTS facts; duplicates (the same relation and
 * arguments, reached by two rules) are dropped.
 */
#include "extract-private.h"

#include <string.h>

#define KG_EX_MAX_FACTS 64

struct _KgExtractor {
  KgExLexicon *lexicon;
};

typedef struct {
  guint qualifiers;  /* index of the first qualifier in arguments */
  guint arguments;   /* index of the first Open IE argument */
} RecordArgs;

struct _KgExtractions {
  GArray *records;     /* KgExtraction */
  GArray *arguments;   /* KgArgument */
  GArray *offsets;     /* RecordArgs, parallel to records */
  GStringChunk *strings;
};

struct _KgExSink {
  KgExtractions *out;
  guint sentence_first;  /* the first record of the current sentence */
};

static const char *const role_names[KG_ROLE_N_ROLES] = {
  "subject", "object", "recipient", "complement", "time", "place", "oblique", "adverbial", "speaker",
};
static const char *const head_kind_names[KG_HEAD_N_KINDS] = {
  "noun", "name", "pronoun", "relative", "determiner", "demonym", "adjective", "number", "clause", "other",
};
static const char *const clause_kind_names[KG_CLAUSE_N_KINDS] = {
  "verbal", "copular", "existential", "apposition", "title", "nominal", "possessive", "modifier",
};

const char *
kg_role_to_string (KgRole role)
{
  g_return_val_if_fail (role < KG_ROLE_N_ROLES, NULL);
  return role_names[role];
}

const char *
kg_head_kind_to_string (KgHeadKind kind)
{
  g_return_val_if_fail (kind < KG_HEAD_N_KINDS, NULL);
  return head_kind_names[kind];
}

const char *
kg_clause_kind_to_string (KgClauseKind kind)
{
  g_return_val_if_fail (kind < KG_CLAUSE_N_KINDS, NULL);
  return clause_kind_names[kind];
}

KgExtractor *
kg_extractor_new (const char *lexicon_dir, GError **error)
{
  g_return_val_if_fail (lexicon_dir != NULL, NULL);
  KgExLexicon *lexicon = kg__ex_lexicon_load (lexicon_dir, error);
  if (lexicon == NULL)
    return NULL;
  KgExtractor *extractor = g_new0 (KgExtractor, 1);
  extractor->lexicon = lexicon;
  return extractor;
}

void
kg_extractor_free (KgExtractor *extractor)
{
  if (extractor == NULL)
    return;
  kg__ex_lexicon_free (extractor->lexicon);
  g_free (extractor);
}

static KgExtractions *
extractions_new (void)
{
  KgExtractions *e = g_new0 (KgExtractions, 1);
  e->records = g_array_new (FALSE, TRUE, sizeof (KgExtraction));
  e->arguments = g_array_new (FALSE, TRUE, sizeof (KgArgument));
  e->offsets = g_array_new (FALSE, TRUE, sizeof (RecordArgs));
  e->strings = g_string_chunk_new (4096);
  return e;
}

void
kg_extractions_free (KgExtractions *extractions)
{
  if (extractions == NULL)
    return;
  g_array_unref (extractions->records);
  g_array_unref (extractions->arguments);
  g_array_unref (extractions->offsets);
  g_string_chunk_free (extractions->strings);
  g_free (extractions);
}

guint
kg_extractions_get_n (const KgExtractions *extractions)
{
  g_return_val_if_fail (extractions != NULL, 0);
  return extractions->records->len;
}

const KgExtraction *
kg_extractions_get (const KgExtractions *extractions, guint index)
{
  g_return_val_if_fail (extractions != NULL && index < extractions->records->len, NULL);
  return &g_array_index (extractions->records, KgExtraction, index);
}

void
kg_extractions_count_predicates (const KgExtractions *extractions, GHashTable *counts)
{
  g_return_if_fail (extractions != NULL && counts != NULL);
  for (guint i = 0; i < extractions->records->len; i++)
    {
      const char *predicate = g_array_index (extractions->records, KgExtraction, i).predicate;
      gpointer key, value;
      if (g_hash_table_lookup_extended (counts, predicate, &key, &value))
        g_hash_table_insert (counts, g_strdup (predicate), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
      else
        g_hash_table_insert (counts, g_strdup (predicate), GUINT_TO_POINTER (1));
    }
}

void
kg__ex_append (char *buf, const char *word, gboolean lower_case)
{
  gsize len = strlen (buf);
  gsize n = strlen (word);
  if (n == 0 || len + n + 2 > KG_EX_TEXT)
    return;
  if (len > 0)
    buf[len++] = ' ';
  for (gsize i = 0; i < n; i++)
    buf[len + i] = lower_case ? g_ascii_tolower (word[i]) : word[i];
  buf[len + n] = '\0';
}

static gboolean
same_span (const KgArgument *a, const KgArgument *b)
{
  return a->first == b->first && a->n_tokens == b->n_tokens;
}

/* The marker of an argument as a string in the record's chunk. */
static void
intern_marker (KgExtractions *out, const KgExSentence *s, KgArgument *arg)
{
  arg->marker = NULL;
  if (arg->n_marker == 0)
    return;
  char buf[KG_EX_TEXT] = "";
  for (guint k = 0; k < arg->n_marker; k++)
    kg__ex_append (buf, s->tokens[arg->marker_first - s->first + k]->form, TRUE);
  arg->marker = g_string_chunk_insert_const (out->strings, buf);
}

gboolean
kg__ex_emit (KgExSink *sink, const KgExSentence *s, const KgExFact *fact)
{
  KgExtractions *out = sink->out;
  guint in_sentence = out->records->len - sink->sentence_first;
  if (in_sentence >= KG_EX_MAX_FACTS)
    return FALSE;
  if (fact->subject.n_tokens == 0 || fact->n_arguments == 0 || fact->predicate[0] == '\0')
    return TRUE;

  /* The same relation over the same arguments, or the same graph triple,
   * reached twice. */
  for (guint r = sink->sentence_first; r < out->records->len; r++)
    {
      const KgExtraction *e = &g_array_index (out->records, KgExtraction, r);
      const RecordArgs *o = &g_array_index (out->offsets, RecordArgs, r);
      gboolean same_open = strcmp (e->relation, fact->relation) == 0 && e->n_arguments == fact->n_arguments;
      for (guint a = 0; same_open && a < fact->n_arguments; a++)
        same_open = same_span (&g_array_index (out->arguments, KgArgument, o->arguments + a), &fact->arguments[a]);
      gboolean same_graph = strcmp (e->predicate, fact->predicate) == 0 && same_span (&e->subject, &fact->subject)
                            && same_span (&e->object, &fact->object) && e->n_qualifiers == fact->n_qualifiers;
      if (same_open || same_graph)
        return TRUE;
    }

  KgExtraction record;
  memset (&record, 0, sizeof record);
  record.sentence = s->index;
  record.kind = fact->kind;
  record.flags = fact->flags;
  record.subject = fact->subject;
  record.object = fact->object;
  record.attribution = fact->attribution;
  intern_marker (out, s, &record.subject);
  intern_marker (out, s, &record.object);
  intern_marker (out, s, &record.attribution);
  record.predicate = g_string_chunk_insert_const (out->strings, fact->predicate);
  record.predicate_surface = g_string_chunk_insert_const (out->strings,
                                                          fact->predicate_surface[0] ? fact->predicate_surface
                                                                                     : fact->predicate);
  record.relation = g_string_chunk_insert_const (out->strings, fact->relation[0] ? fact->relation : fact->predicate);
  record.polarity = fact->polarity;
  record.modality = fact->modality;
  record.n_qualifiers = fact->n_qualifiers;
  record.n_arguments = fact->n_arguments;
  record.confidence = kg__ex_confidence (s, fact);

  RecordArgs offsets = { out->arguments->len, out->arguments->len + fact->n_qualifiers };
  for (guint a = 0; a < fact->n_qualifiers; a++)
    {
      KgArgument arg = fact->qualifiers[a];
      intern_marker (out, s, &arg);
      g_array_append_val (out->arguments, arg);
    }
  for (guint a = 0; a < fact->n_arguments; a++)
    {
      KgArgument arg = fact->arguments[a];
      /* The subject as written never shows a preposition. */
      if (a == 0)
        arg.n_marker = 0;
      intern_marker (out, s, &arg);
      g_array_append_val (out->arguments, arg);
    }
  g_array_append_val (out->records, record);
  g_array_append_val (out->offsets, offsets);
  return TRUE;
}

/* Questions ask; they assert nothing. */
static gboolean
is_question (const KgExSentence *s)
{
  for (int i = s->n - 1; i >= 0; i--)
    {
      if (s->tokens[i]->upos != KG_UPOS_PUNCT)
        return FALSE;
      if (strcmp (s->tokens[i]->form, "?") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
extract_sentence (const KgExtractor *extractor, const KgDocument *document, guint index, KgExSentence *view,
                  KgExtractions *out)
{
  const KgSentence *sentence = kg_document_get_sentence (document, index);
  if (sentence->kind == KG_SENTENCE_HEADING || sentence->kind == KG_SENTENCE_FURNITURE)
    return;
  if (!kg__ex_sentence_load (view, extractor->lexicon, document, index) || is_question (view))
    return;
  KgExSink sink = { out, out->records->len };
  kg__ex_clauses (view, &sink);
  kg__ex_nouns (view, &sink);
  kg__ex_offices (view, &sink);
}

/* Points the records at their arguments, now that the arrays are final. */
static KgExtractions *
finish (KgExtractions *out)
{
  for (guint r = 0; r < out->records->len; r++)
    {
      KgExtraction *e = &g_array_index (out->records, KgExtraction, r);
      const RecordArgs *o = &g_array_index (out->offsets, RecordArgs, r);
      e->qualifiers = e->n_qualifiers ? &g_array_index (out->arguments, KgArgument, o->qualifiers) : NULL;
      e->arguments = e->n_arguments ? &g_array_index (out->arguments, KgArgument, o->arguments) : NULL;
    }
  return out;
}

KgExtractions *
kg_extractor_extract (const KgExtractor *extractor, const KgDocument *document)
{
  g_return_val_if_fail (extractor != NULL && document != NULL, NULL);
  KgExtractions *out = extractions_new ();
  KgExSentence view = { 0 };
  guint n = kg_document_get_n_sentences (document);
  for (guint i = 0; i < n; i++)
    extract_sentence (extractor, document, i, &view, out);
  kg__ex_sentence_clear (&view);
  return finish (out);
}

KgExtractions *
kg_extractor_extract_sentence (const KgExtractor *extractor, const KgDocument *document, guint sentence)
{
  g_return_val_if_fail (extractor != NULL && document != NULL, NULL);
  g_return_val_if_fail (sentence < kg_document_get_n_sentences (document), NULL);
  KgExtractions *out = extractions_new ();
  KgExSentence view = { 0 };
  extract_sentence (extractor, document, sentence, &view, out);
  kg__ex_sentence_clear (&view);
  return finish (out);
}
