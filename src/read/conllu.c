/* conllu.c: reading and writing CoNLL-U (see kgraph/conllu.h). */
#include "kgraph/conllu.h"
#include "kgraph/error.h"
#include "read-file.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CONLLU_BYTES ((gsize) 2 << 30)

/* ---- reading ------------------------------------------------------------- */

typedef struct {
  const char *path;
  GPtrArray *documents;
  GString *raw;           /* text of the document being read */
  GArray *words;          /* KgToken of the document, strings in `strings` */
  GArray *sentence_ends;  /* word count at the end of each sentence */
  GPtrArray *sentence_ids; /* "# sent_id" of each sentence, or NULL; strings in `strings` */
  const char *next_id;    /* of the sentence being read */
  GStringChunk *strings;
  char *doc_id;
  guint n_docs;
  /* the multiword token being read, if any */
  guint mwt_last;
  guint64 mwt_start, mwt_end;
  guint64 mwt_cursor;     /* where the next word of the multiword token starts */
  gboolean mwt_space_after;
} Reader;

static const char *
column_or_null (Reader *reader, const char *value)
{
  return strcmp (value, "_") == 0 ? NULL : g_string_chunk_insert_const (reader->strings, value);
}

static void
flush_document (Reader *reader)
{
  if (reader->words->len > 0)
    {
      g_autoptr (GBytes) raw = g_bytes_new (reader->raw->str, reader->raw->len);
      g_autofree char *id = reader->doc_id ? g_strdup (reader->doc_id)
                                           : g_strdup_printf ("doc%u", reader->n_docs + 1);
      KgDocument *doc = kg_document_new (id, raw);
      guint w = 0;
      for (guint s = 0; s < reader->sentence_ends->len; s++)
        {
          guint end = g_array_index (reader->sentence_ends, guint, s);
          for (; w < end; w++)
            {
              const KgToken *src = &g_array_index (reader->words, KgToken, w);
              KgToken *dst = kg_document_get_token_mut (
                  doc, kg_document_add_token (doc, src->form, src->start, src->end, src->space_after));
              dst->joins_next = src->joins_next;
              dst->upos = src->upos;
              dst->xpos = kg_document_intern (doc, src->xpos);
              dst->feats = kg_document_intern (doc, src->feats);
              dst->lemma = kg_document_intern (doc, src->lemma);
              dst->head = src->head;
              dst->deprel = kg_document_intern (doc, src->deprel);
              dst->misc = kg_document_intern (doc, src->misc);
            }
          guint index = kg_document_add_sentence (doc, KG_SENTENCE_BODY);
          kg_document_set_sentence_id (doc, index, g_ptr_array_index (reader->sentence_ids, s));
        }
      g_ptr_array_add (reader->documents, doc);
      reader->n_docs++;
    }
  g_string_truncate (reader->raw, 0);
  g_array_set_size (reader->words, 0);
  g_array_set_size (reader->sentence_ends, 0);
  g_ptr_array_set_size (reader->sentence_ids, 0);
  reader->next_id = NULL;
  g_string_chunk_clear (reader->strings);
  g_clear_pointer (&reader->doc_id, g_free);
}

static gboolean
fail_line (Reader *reader, guint line, GError **error, const char *what)
{
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u: %s", kg_read_file_display_name (reader->path),
               line, what);
  return FALSE;
}

static gboolean
has_space_after_no (const char *misc)
{
  for (const char *p = misc; (p = strstr (p, "SpaceAfter=No")) != NULL; p++)
    if ((p == misc || p[-1] == '|') && (p[13] == '\0' || p[13] == '|'))
      return TRUE;
  return FALSE;
}

/* Appends surface text for a token, separated from what came before. */
static void
append_surface (Reader *reader, const char *form, gboolean space_after, guint64 *start, guint64 *end)
{
  *start = reader->raw->len;
  g_string_append (reader->raw, form);
  *end = reader->raw->len;
  if (space_after)
    g_string_append_c (reader->raw, ' ');
}

static gboolean
read_word_line (Reader *reader, char *line, guint line_number, GError **error)
{
  char *cols[10];
  guint n = 0;
  for (char *p = line; n < 10; n++)
    {
      cols[n] = p;
      char *tab = strchr (p, '\t');
      if (tab == NULL)
        {
          n++;
          break;
        }
      *tab = '\0';
      p = tab + 1;
    }
  if (n != 10)
    return fail_line (reader, line_number, error, "expected 10 tab-separated columns");

  const char *id = cols[0];
  if (strchr (id, '.'))
    return TRUE; /* empty node of the enhanced graph */
  gboolean space_after = !has_space_after_no (cols[9]);
  const char *dash = strchr (id, '-');
  if (dash)
    {
      reader->mwt_last = (guint) strtoul (dash + 1, NULL, 10);
      append_surface (reader, cols[1], space_after, &reader->mwt_start, &reader->mwt_end);
      reader->mwt_cursor = reader->mwt_start;
      reader->mwt_space_after = space_after;
      return TRUE;
    }

  char *end = NULL;
  guint index = (guint) strtoul (id, &end, 10);
  long head = strtol (cols[6], NULL, 10);
  if (end == id || *end != '\0' || index == 0)
    return fail_line (reader, line_number, error, "bad word id in column 1");
  if (strcmp (cols[6], "_") != 0 && (head < 0 || cols[6][0] == '\0'))
    return fail_line (reader, line_number, error, "bad head in column 7");

  KgToken word = {
    .form = g_string_chunk_insert_const (reader->strings, cols[1]),
    .lemma = column_or_null (reader, cols[2]),
    .upos = kg_upos_from_string (cols[3]),
    .xpos = column_or_null (reader, cols[4]),
    .feats = column_or_null (reader, cols[5]),
    .head = strcmp (cols[6], "_") == 0 ? -1 : (int) head,
    .deprel = column_or_null (reader, cols[7]),
    .misc = column_or_null (reader, cols[9]),
    .space_after = space_after,
  };
  if (index <= reader->mwt_last)
    {
      /* A word of a multiword token spans its part of the token when the
       * words spell the token ("do" + "n't"), else the whole token. */
      gsize form_length = strlen (cols[1]);
      if (reader->mwt_cursor + form_length <= reader->mwt_end
          && memcmp (reader->raw->str + reader->mwt_cursor, cols[1], form_length) == 0)
        {
          word.start = reader->mwt_cursor;
          word.end = reader->mwt_cursor + form_length;
          reader->mwt_cursor = word.end;
        }
      else
        {
          word.start = reader->mwt_start;
          word.end = reader->mwt_end;
        }
      word.space_after = index == reader->mwt_last ? reader->mwt_space_after : FALSE;
      word.joins_next = index < reader->mwt_last;
    }
  else
    append_surface (reader, cols[1], space_after, &word.start, &word.end);
  g_array_append_val (reader->words, word);
  return TRUE;
}

static void
end_sentence (Reader *reader)
{
  guint n = reader->words->len;
  guint last = reader->sentence_ends->len ? g_array_index (reader->sentence_ends, guint, reader->sentence_ends->len - 1) : 0;
  if (n > last)
    {
      g_array_append_val (reader->sentence_ends, n);
      g_ptr_array_add (reader->sentence_ids, (gpointer) reader->next_id);
      if (reader->raw->len > 0 && reader->raw->str[reader->raw->len - 1] != ' ')
        g_string_append_c (reader->raw, ' ');
    }
  reader->mwt_last = 0;
  reader->next_id = NULL;
}

GPtrArray *
kg_conllu_read (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_autoptr (GBytes) bytes = kg_read_file (path, MAX_CONLLU_BYTES, error);
  if (bytes == NULL)
    return NULL;
  return kg_conllu_read_bytes (path, bytes, error);
}

GPtrArray *
kg_conllu_read_bytes (const char *path, GBytes *bytes, GError **error)
{
  g_return_val_if_fail (path != NULL && bytes != NULL, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (!kg_check_utf8 (path, data, length, error))
    return NULL;

  Reader reader = {
    .path = path,
    .documents = g_ptr_array_new_with_free_func ((GDestroyNotify) kg_document_free),
    .raw = g_string_new (NULL),
    .words = g_array_new (FALSE, FALSE, sizeof (KgToken)),
    .sentence_ends = g_array_new (FALSE, FALSE, sizeof (guint)),
    .sentence_ids = g_ptr_array_new (),
    .strings = g_string_chunk_new (65536),
  };
  g_autofree char *copy = g_strndup (data, length);
  gboolean ok = TRUE;
  guint line_number = 0;
  for (char *line = copy, *next; ok && line && *line; line = next)
    {
      line_number++;
      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      gsize len = strlen (line);
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (len == 0)
        end_sentence (&reader);
      else if (line[0] == '#')
        {
          if (g_str_has_prefix (line, "# newdoc"))
            {
              end_sentence (&reader);
              flush_document (&reader);
              const char *eq = strstr (line, "id =");
              if (eq)
                reader.doc_id = g_strstrip (g_strdup (eq + 4));
            }
          else if (g_str_has_prefix (line, "# sent_id ="))
            reader.next_id = g_string_chunk_insert (reader.strings, g_strstrip (line + 11));
        }
      else
        ok = read_word_line (&reader, line, line_number, error);
    }
  if (ok)
    {
      end_sentence (&reader);
      flush_document (&reader);
      if (reader.documents->len == 0)
        ok = fail_line (&reader, line_number, error, "no sentences");
    }

  g_string_free (reader.raw, TRUE);
  g_array_unref (reader.words);
  g_array_unref (reader.sentence_ends);
  g_ptr_array_unref (reader.sentence_ids);
  g_string_chunk_free (reader.strings);
  g_free (reader.doc_id);
  if (!ok)
    {
      g_ptr_array_unref (reader.documents);
      return NULL;
    }
  return reader.documents;
}

/* ---- writing ------------------------------------------------------------- */

static void
append_column (GString *out, const char *value)
{
  g_string_append (out, value && *value ? value : "_");
  g_string_append_c (out, '\t');
}

/* The sentence's original text on one line: runs of white space (line
 * breaks included) become one space. */
static void
append_text_comment (GString *out, const char *raw, gsize raw_length, const KgSentence *sentence)
{
  g_string_append (out, "# text = ");
  gboolean in_space = FALSE;
  for (guint64 i = sentence->start; i < sentence->end && i < raw_length; i++)
    {
      char c = raw[i];
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ')
        {
          if (!in_space)
            g_string_append_c (out, ' ');
          in_space = TRUE;
          continue;
        }
      in_space = FALSE;
      g_string_append_c (out, c);
    }
  g_string_append_c (out, '\n');
}

/* Writes the multiword-token line for the words from index first of
 * sentence on that are joined to the next; returns the index of its last
 * word. */
static guint
append_multiword_token (GString *out, const KgDocument *document, const KgSentence *sentence, guint first)
{
  guint last = first;
  while (last + 1 < sentence->n_tokens && kg_document_get_token (document, sentence->first_token + last)->joins_next)
    last++;
  const KgToken *a = kg_document_get_token (document, sentence->first_token + first);
  const KgToken *b = kg_document_get_token (document, sentence->first_token + last);
  g_string_append_printf (out, "%u-%u\t", first + 1, last + 1);
  for (guint i = first; i <= last; i++)
    g_string_append (out, kg_document_get_token (document, sentence->first_token + i)->form);
  g_string_append (out, "\t_\t_\t_\t_\t_\t_\t_\t");
  g_string_append_printf (out, "TokenRange=%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT "%s\n", a->start, b->end,
                          b->space_after ? "" : "|SpaceAfter=No");
  return last;
}

/* Per token of the document: its IOB2 entity tag ("B-PERSON") over the
 * names, nationalities and values (outermost first), and its coreference
 * brackets over every mention in a chain, in the Entity= notation of GUM
 * and CorefUD: "(3-person" opens chain 3 at its first word, "3)" closes it
 * at its last, "(3-person)" is a one-word mention. */
typedef struct {
  GPtrArray *ne;        /* const char *, NULL for O */
  GPtrArray *entity;    /* char *, NULL when none */
} EntityColumns;

static void
entity_columns_init (EntityColumns *cols, const KgDocument *doc)
{
  guint n = kg_document_get_n_tokens (doc);
  cols->ne = g_ptr_array_new_full (n, g_free);
  cols->entity = g_ptr_array_new_full (n, g_free);
  g_ptr_array_set_size (cols->ne, n);
  g_ptr_array_set_size (cols->entity, n);
  guint covered = 0;
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      if ((m->kind == KG_MENTION_NAME || m->kind == KG_MENTION_VALUE || m->kind == KG_MENTION_DEMONYM)
          && m->first_token >= covered)
        {
          const char *type = kg_entity_type_to_string (m->type);
          for (guint k = 0; k < m->n_tokens; k++)
            cols->ne->pdata[m->first_token + k] = g_strdup_printf ("%s-%s", k ? "I" : "B", type);
          covered = m->first_token + m->n_tokens;
        }
    }
  /* openings in mention order (longer first), closings shorter first */
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      if (m->chain < 0)
        continue;
      g_autofree char *type = g_ascii_strdown (kg_entity_type_to_string (kg_document_get_chain (doc, m->chain)->type), -1);
      char **first = (char **) &cols->entity->pdata[m->first_token];
      char *opened = g_strdup_printf ("%s(%d-%s%s", *first ? *first : "", m->chain + 1, type,
                                      m->n_tokens == 1 ? ")" : "");
      g_free (*first);
      *first = opened;
    }
  for (guint i = kg_document_get_n_mentions (doc); i > 0; i--)
    {
      const KgMention *m = kg_document_get_mention (doc, i - 1);
      if (m->chain < 0 || m->n_tokens == 1)
        continue;
      char **last = (char **) &cols->entity->pdata[m->first_token + m->n_tokens - 1];
      char *closed = g_strdup_printf ("%s%d)", *last ? *last : "", m->chain + 1);
      g_free (*last);
      *last = closed;
    }
}

static void
entity_columns_clear (EntityColumns *cols)
{
  g_ptr_array_unref (cols->ne);
  g_ptr_array_unref (cols->entity);
}

void
kg_conllu_write (const KgDocument *document, GString *out)
{
  EntityColumns entities;
  entity_columns_init (&entities, document);
  gsize raw_length;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &raw_length);
  const char *id = kg_document_get_id (document);

  g_string_append_printf (out, "# newdoc id = %s\n", id);
  for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (document, s);
      if (sentence->id)
        g_string_append_printf (out, "# sent_id = %s\n", sentence->id);
      else
        g_string_append_printf (out, "# sent_id = %s-%u\n", id, s + 1);
      if (sentence->kind != KG_SENTENCE_BODY)
        g_string_append_printf (out, "# kind = %s\n", kg_sentence_kind_to_string (sentence->kind));
      append_text_comment (out, raw, raw_length, sentence);
      guint mwt_last = 0; /* the last word of the multiword token being written */
      for (guint i = 0; i < sentence->n_tokens; i++)
        {
          const KgToken *t = kg_document_get_token (document, sentence->first_token + i);
          if (t->joins_next && i >= mwt_last && i + 1 < sentence->n_tokens)
            mwt_last = append_multiword_token (out, document, sentence, i);
          g_string_append_printf (out, "%u\t", i + 1);
          append_column (out, t->form);
          append_column (out, t->lemma);
          append_column (out, t->upos ? kg_upos_to_string (t->upos) : NULL);
          append_column (out, t->xpos);
          append_column (out, t->feats);
          if (t->head >= 0)
            g_string_append_printf (out, "%d\t", t->head);
          else
            g_string_append (out, "_\t");
          append_column (out, t->deprel);
          g_string_append (out, "_\t");
          /* Inside a multiword token, SpaceAfter is on the token line. */
          gboolean in_mwt = i < mwt_last || (mwt_last > 0 && i == mwt_last);
          g_string_append_printf (out, "TokenRange=%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, t->start, t->end);
          const char *ne = entities.ne->pdata[sentence->first_token + i];
          const char *entity = entities.entity->pdata[sentence->first_token + i];
          if (ne)
            g_string_append_printf (out, "|NE=%s", ne);
          if (entity)
            g_string_append_printf (out, "|Entity=%s", entity);
          g_string_append (out, t->space_after || in_mwt ? "\n" : "|SpaceAfter=No\n");
        }
      g_string_append_c (out, '\n');
    }
  entity_columns_clear (&entities);
}
