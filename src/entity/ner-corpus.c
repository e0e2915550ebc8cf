/* ner-corpus.c: gold names for training the recogniser, from Universal
 * NER's IOB2 files and from GUM's entity annotation (entity stage,
 * training only; see ner.h). */
#include "ner.h"
#include "kgraph/error.h"
#include "read/read-file.h"

#include <stdlib.h>
#include <string.h>

static gboolean
type_of_label (const char *label, KgEntityType *type)
{
  if (strcmp (label, "PER") == 0)
    *type = KG_ENTITY_PERSON;
  else if (strcmp (label, "ORG") == 0)
    *type = KG_ENTITY_ORG;
  else if (strcmp (label, "LOC") == 0)
    *type = KG_ENTITY_LOC;
  else
    return FALSE;
  return TRUE;
}

static void
add_name (KgDocument *doc, guint first, guint n, KgEntityType type)
{
  KgMention m = { .first_token = first, .n_tokens = n, .head = first + n - 1, .type = type,
                  .kind = KG_MENTION_NAME, .chain = -1 };
  kg_document_add_mention (doc, &m);
}

/* One sentence of an IOB2 file: its rows (index, form, label, ...). */
typedef struct {
  GPtrArray *rows;  /* GStrv */
} Iob2Sentence;

#define IOB_FORM(iob, i) (((char **) (iob)->rows->pdata[i])[1])
#define IOB_LABEL(iob, i) (((char **) (iob)->rows->pdata[i])[2])

static void
iob2_sentence_free (Iob2Sentence *iob)
{
  g_ptr_array_unref (iob->rows);
  g_free (iob);
}

/* Reads the sentences of an IOB2 file by their "# sent_id".  (transfer full) */
static GHashTable *
read_iob2 (const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = kg_read_text_file (path, (gsize) 1 << 30, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (GHashTable) sentences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) iob2_sentence_free);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  Iob2Sentence *current = NULL;
  for (guint line = 0; lines[line]; line++)
    {
      const char *text = g_strchomp (lines[line]);
      if (g_str_has_prefix (text, "# sent_id ="))
        {
          current = g_new0 (Iob2Sentence, 1);
          current->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_hash_table_replace (sentences, g_strdup (g_strstrip ((char *) text + 11)), current);
          continue;
        }
      if (text[0] == '#' || text[0] == '\0')
        continue;
      char **fields = g_strsplit (text, "\t", -1);
      if (g_strv_length (fields) < 3 || current == NULL)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u: %s", path, line + 1,
                       current ? "expected index, word and tag" : "a word before any '# sent_id'");
          g_strfreev (fields);
          return NULL;
        }
      g_ptr_array_add (current->rows, fields);
    }
  return g_steal_pointer (&sentences);
}

/* Character offsets of each word in the words joined without spaces. */
static GArray *
offsets_of (const char *const *forms, guint n)
{
  GArray *offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), n + 1);
  guint at = 0;
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (offsets, at);
      at += strlen (forms[i]);
    }
  g_array_append_val (offsets, at);
  return offsets;
}

/* Adds the names of an IOB2 sentence to the treebank sentence it labels.
 * The two may split words differently ("Inter-" "Services" against
 * "Inter" "-" "Services"), so names are carried over by their characters:
 * a name covers the treebank words that overlap its characters.  Returns
 * FALSE when the characters differ. */
static gboolean
label_sentence (KgDocument *doc, const KgSentence *sentence, const Iob2Sentence *iob)
{
  g_autofree const char **ours = g_new (const char *, sentence->n_tokens);
  g_autofree const char **theirs = g_new (const char *, iob->rows->len);
  GString *a = g_string_new (NULL), *b = g_string_new (NULL);
  for (guint i = 0; i < sentence->n_tokens; i++)
    g_string_append (a, ours[i] = kg_document_get_token (doc, sentence->first_token + i)->form);
  for (guint i = 0; i < iob->rows->len; i++)
    g_string_append (b, theirs[i] = IOB_FORM (iob, i));
  gboolean same = g_string_equal (a, b);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
  if (!same)
    return FALSE;

  g_autoptr (GArray) word_at = offsets_of (ours, sentence->n_tokens);
  g_autoptr (GArray) label_at = offsets_of (theirs, iob->rows->len);
  guint start = 0;
  KgEntityType type = KG_ENTITY_UNKNOWN;
  gboolean open = FALSE;
  for (guint i = 0; i <= iob->rows->len; i++)
    {
      const char *label = i < iob->rows->len ? IOB_LABEL (iob, i) : "O";
      KgEntityType t;
      gboolean inside = label[0] == 'I' && label[1] == '-' && type_of_label (label + 2, &t) && open && t == type;
      if (open && !inside)
        {
          guint from = g_array_index (label_at, guint, start), to = g_array_index (label_at, guint, i);
          guint first = 0, last = 0;
          while (first + 1 < sentence->n_tokens && g_array_index (word_at, guint, first + 1) <= from)
            first++;
          last = first;
          while (last + 1 < sentence->n_tokens && g_array_index (word_at, guint, last + 1) < to)
            last++;
          add_name (doc, sentence->first_token + first, last - first + 1, type);
          open = FALSE;
        }
      if (!inside && (label[0] == 'B' || label[0] == 'I') && label[1] == '-' && type_of_label (label + 2, &t))
        {
          start = i;
          type = t;
          open = TRUE;
        }
    }
  return TRUE;
}

gboolean
kg_ner_add_iob2 (GPtrArray *documents, const char *path, GError **error)
{
  g_autoptr (GHashTable) labelled = read_iob2 (path, error);
  if (labelled == NULL)
    return FALSE;
  guint matched = 0;
  for (guint d = 0; d < documents->len; d++)
    for (guint s = 0; s < kg_document_get_n_sentences (documents->pdata[d]); s++)
      {
        const KgSentence *sentence = kg_document_get_sentence (documents->pdata[d], s);
        const Iob2Sentence *iob = sentence->id ? g_hash_table_lookup (labelled, sentence->id) : NULL;
        matched += iob && label_sentence (documents->pdata[d], sentence, iob);
      }
  if (matched * 2 < g_hash_table_size (labelled))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT,
                   "%s: only %u of its %u sentences match sentences of the treebank by id and text", path,
                   matched, g_hash_table_size (labelled));
      return FALSE;
    }
  return TRUE;
}

/* ---- GUM -------------------------------------------------------------------- */

typedef struct {
  char *id;
  KgEntityType type;  /* UNKNOWN for the entity types that are not names */
  guint start;        /* sentence-relative word index */
} OpenMention;

static KgEntityType
gum_type (const char *content)
{
  /* "ID-etype-infstat-..." */
  const char *dash = strchr (content, '-');
  if (dash == NULL)
    return KG_ENTITY_UNKNOWN;
  if (g_str_has_prefix (dash + 1, "person-"))
    return KG_ENTITY_PERSON;
  if (g_str_has_prefix (dash + 1, "organization-"))
    return KG_ENTITY_ORG;
  if (g_str_has_prefix (dash + 1, "place-"))
    return KG_ENTITY_LOC;
  return KG_ENTITY_UNKNOWN;
}

/* Can word i of a sentence be part of a name?  A proper noun, or a
 * capitalised word of another class ("New" York, "United" States,
 * "Middle" East: UD tags such words by their form, not as names), but
 * not a determiner ("The"), a pronoun, a title hung from the name
 * (nmod:desc: "President", "Dr.") or a form of address. */
static gboolean
is_name_word (const KgLexicon *lexicon, const KgToken *t)
{
  if (t->upos == KG_UPOS_DET || t->upos == KG_UPOS_PRON || t->upos == KG_UPOS_PUNCT || t->upos == KG_UPOS_ADP
      || t->upos == KG_UPOS_CCONJ || g_strcmp0 (t->deprel, "nmod:desc") == 0 || kg_lexicon_is_honorific (lexicon, t->form))
    return FALSE;
  return t->upos == KG_UPOS_PROPN || g_unichar_isupper (g_utf8_get_char (t->form));
}

static gboolean
is_name_joiner (const KgToken *t)
{
  static const char *const joiners[] = { "of", "de", "for", "and", "&", "the", "del", "la", "al" };
  for (guint i = 0; i < G_N_ELEMENTS (joiners); i++)
    if (strcmp (t->form, joiners[i]) == 0)
      return TRUE;
  /* a hyphen inside a word: "Bailey-Ross", "al-Sadr" */
  return strcmp (t->form, "-") == 0 && !t->space_after;
}

/* Adds the name inside the mention [start, end] (sentence words) if its
 * head is a proper noun: the run of name words around the head, across
 * joining words between name words ("University of Florida", "Bailey -
 * Ross"), without the article, titles or a possessive ending (Universal
 * NER leaves those out).  Nationalities ("Americans") and bare roles
 * ("the President") are no names there either. */
static gboolean
add_gum_name (KgDocument *doc, const KgLexicon *lexicon, const KgSentence *sentence, guint start, guint end,
              KgEntityType type)
{
  const KgToken *words = kg_document_get_token (doc, sentence->first_token);
  guint head = G_MAXUINT;
  for (guint i = start; i <= end && head == G_MAXUINT; i++)
    {
      int h = words[i].head - 1;  /* sentence index of the head, -1 for root */
      if (h < (int) start || h > (int) end)
        head = i;
    }
  if (head == G_MAXUINT || words[head].upos != KG_UPOS_PROPN || !is_name_word (lexicon, &words[head]))
    return FALSE;
  guint first = head, last = head;
  for (;;)
    {
      if (first > start && is_name_word (lexicon, &words[first - 1]))
        first--;
      else if (first >= start + 2 && is_name_joiner (&words[first - 1]) && is_name_word (lexicon, &words[first - 2]))
        first -= 2;
      else
        break;
    }
  for (;;)
    {
      if (last < end && is_name_word (lexicon, &words[last + 1]))
        last++;
      else if (last + 2 <= end && is_name_joiner (&words[last + 1]) && is_name_word (lexicon, &words[last + 2]))
        last += 2;
      else
        break;
    }
  g_autofree char *text = kg_document_dup_text (doc, sentence->first_token + first, last - first + 1);
  if (kg_lexicon_demonym_country (lexicon, text) || kg_lexicon_is_role (lexicon, text))
    return FALSE;
  add_name (doc, sentence->first_token + first, last - first + 1, type);
  return TRUE;
}

static guint
add_gum_sentence (KgDocument *doc, const KgLexicon *lexicon, const KgSentence *sentence)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenMention));
  guint added = 0;
  for (guint w = 0; w < sentence->n_tokens; w++)
    {
      const char *misc = kg_document_get_token (doc, sentence->first_token + w)->misc;
      const char *entity = misc ? strstr (misc, "Entity=") : NULL;
      if (entity == NULL)
        continue;
      const char *p = entity + 7;
      while (*p && *p != '|')
        {
          if (*p == '(')
            {
              const char *q = p + 1;
              while (*q && *q != '(' && *q != ')' && *q != '|')
                q++;
              g_autofree char *content = g_strndup (p + 1, q - p - 1);
              KgEntityType type = gum_type (content);
              if (*q == ')')
                {
                  if (type != KG_ENTITY_UNKNOWN)
                    added += add_gum_name (doc, lexicon, sentence, w, w, type);
                  q++;
                }
              else
                {
                  const char *dash = strchr (content, '-');
                  OpenMention m = { g_strndup (content, dash ? (gsize) (dash - content) : strlen (content)), type, w };
                  g_array_append_val (open, m);
                }
              p = q;
            }
          else
            {
              /* "ID)" closes the innermost open mention with that id */
              const char *q = p;
              while (*q && *q != ')' && *q != '(' && *q != '|')
                q++;
              g_autofree char *id = g_strndup (p, q - p);
              for (guint k = open->len; k > 0; k--)
                {
                  OpenMention *m = &g_array_index (open, OpenMention, k - 1);
                  if (strcmp (m->id, id) == 0)
                    {
                      if (m->type != KG_ENTITY_UNKNOWN)
                        added += add_gum_name (doc, lexicon, sentence, m->start, w, m->type);
                      g_free (m->id);
                      g_array_remove_index (open, k - 1);
                      break;
                    }
                }
              p = *q == ')' ? q + 1 : q;
            }
        }
    }
  for (guint k = 0; k < open->len; k++)
    g_free (g_array_index (open, OpenMention, k).id);
  return added;
}

guint
kg_ner_add_gum_entities (GPtrArray *documents, const KgLexicon *lexicon)
{
  guint added = 0;
  for (guint d = 0; d < documents->len; d++)
    for (guint s = 0; s < kg_document_get_n_sentences (documents->pdata[d]); s++)
      added += add_gum_sentence (documents->pdata[d], lexicon, kg_document_get_sentence (documents->pdata[d], s));
  return added;
}
