/* extract-lexicon.c: the word lists of the extraction stage (data/lexicon,
 * described in its README): reporting verbs, modality words, joint
 * predicates, light verbs, event nouns, time and place words.  Loaded once,
 * read-only, into one table from lower-case lemma to the KG_WORD_* bits of
 * the lists it is on (extract-private.h), so that each word of a sentence
 * is classified with one lookup and the rules test bits, not strings.
 *
 * Closed classes of English grammar (pronouns, negators, quotation marks)
 * are recognised from tags and features, not listed.
 */
#include "extract-private.h"
#include "kgraph/error.h"

#include <string.h>

struct _KgExLexicon {
  GHashTable *words;         /* lower-case lemma (or "lemma particle") -> KG_WORD_* bits */
  GHashTable *modality;      /* "lemma\tWAY" -> GINT_TO_POINTER (modality + 1) */
  GHashTable *events;        /* noun -> KgEventNoun */
  GStringChunk *strings;
};

static const char *const modality_names[] = {
  "asserted", "future", "possible", "obligation", "intended", "hypothetical", "negates",
};
static const char *const way_names[] = { "aux", "verb", "noun", "adj" };

void
kg__ex_lexicon_free (KgExLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_clear_pointer (&lexicon->words, g_hash_table_unref);
  g_clear_pointer (&lexicon->modality, g_hash_table_unref);
  g_clear_pointer (&lexicon->events, g_hash_table_unref);
  if (lexicon->strings)
    g_string_chunk_free (lexicon->strings);
  g_free (lexicon);
}

/* Adds bits to the word's entry. */
static void
add_bits (KgExLexicon *lexicon, const char *word, guint32 bits)
{
  char *key = g_utf8_strdown (word, -1);
  guint32 old = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->words, key));
  g_hash_table_replace (lexicon->words, key, GUINT_TO_POINTER (old | bits));
}

/* Called with the columns of each entry line of a file whose words get
 * bits; returns FALSE with a message for a bad entry. */
typedef gboolean (*EntryFunc) (KgExLexicon *lexicon, guint32 bits, char **columns, guint n_columns,
                               char **message);

static gboolean
add_word (KgExLexicon *lexicon, guint32 bits, char **columns, guint n_columns, char **message)
{
  if (n_columns != 1)
    {
      *message = g_strdup ("expected one word or phrase a line");
      return FALSE;
    }
  add_bits (lexicon, columns[0], bits);
  return TRUE;
}

static gboolean
add_modality (KgExLexicon *lexicon, guint32 bits, char **columns, guint n_columns, char **message)
{
  if (n_columns != 3)
    {
      *message = g_strdup ("expected lemma, modality and how it applies, separated by tabs");
      return FALSE;
    }
  int modality = -1, way = -1;
  for (guint i = 1; i < G_N_ELEMENTS (modality_names); i++)
    if (strcmp (columns[1], modality_names[i]) == 0)
      modality = i;
  for (guint i = 0; i < G_N_ELEMENTS (way_names); i++)
    if (strcmp (columns[2], way_names[i]) == 0)
      way = i;
  if (modality < 0 || way < 0)
    {
      *message = g_strdup_printf ("unknown modality '%s' or use '%s' (modalities: future, possible, "
                                  "obligation, intended, hypothetical, negates; uses: aux, verb, noun, adj)",
                                  columns[1], columns[2]);
      return FALSE;
    }
  g_autofree char *lemma = g_utf8_strdown (columns[0], -1);
  g_hash_table_replace (lexicon->modality, g_strdup_printf ("%s\t%s", lemma, way_names[way]),
                        GINT_TO_POINTER (modality + 1));
  add_bits (lexicon, lemma, bits);
  return TRUE;
}

static gboolean
add_event_noun (KgExLexicon *lexicon, guint32 bits, char **columns, guint n_columns, char **message)
{
  if (n_columns != 3)
    {
      *message = g_strdup ("expected noun, verb and object prepositions (or '-'), separated by tabs");
      return FALSE;
    }
  KgEventNoun *event = g_new0 (KgEventNoun, 1);
  event->verb = g_string_chunk_insert_const (lexicon->strings, columns[1]);
  g_autofree char *marks = strcmp (columns[2], "-") == 0 ? g_strdup (",") : g_strdup_printf (",%s,", columns[2]);
  event->object_marks = g_string_chunk_insert_const (lexicon->strings, marks);
  g_hash_table_replace (lexicon->events, g_utf8_strdown (columns[0], -1), event);
  add_bits (lexicon, columns[0], bits);
  return TRUE;
}

static gboolean
load_file (KgExLexicon *lexicon, const char *dir, const char *name, guint32 bits, EntryFunc add, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: cannot read the lexicon: %s (is --model-dir or the "
                   "installation complete?)", path, local->message);
      return FALSE;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: not UTF-8 text", path);
      return FALSE;
    }
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (len == 0 || line[0] == '#')
        continue;
      g_auto (GStrv) columns = g_strsplit (line, "\t", -1);
      guint n_columns = g_strv_length (columns);
      g_autofree char *message = NULL;
      gboolean empty = FALSE;
      for (guint c = 0; c < n_columns; c++)
        empty |= *g_strstrip (columns[c]) == '\0';
      if (empty)
        message = g_strdup ("empty column");
      if (message != NULL || !add (lexicon, bits, columns, n_columns, &message))
        {
          g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u: %s", path, i + 1, message);
          return FALSE;
        }
    }
  return TRUE;
}

KgExLexicon *
kg__ex_lexicon_load (const char *dir, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_autoptr (KgExLexicon) lexicon = g_new0 (KgExLexicon, 1);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->modality = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lexicon->strings = g_string_chunk_new (1024);

  static const struct {
    const char *name;
    guint32 bits;
    EntryFunc add;
  } files[] = {
    { "reporting-verbs.txt", KG_WORD_REPORTING, add_word },
    { "modality.txt", KG_WORD_MODAL, add_modality },
    { "joint-predicates.txt", KG_WORD_JOINT, add_word },
    { "light-verbs.txt", KG_WORD_LIGHT, add_word },
    { "event-nouns.txt", KG_WORD_EVENT, add_event_noun },
    { "time-words.txt", KG_WORD_TIME, add_word },
    { "place-nouns.txt", KG_WORD_PLACE, add_word },
  };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (!load_file (lexicon, dir, files[i].name, files[i].bits, files[i].add, error))
      return NULL;
  return g_steal_pointer (&lexicon);
}

/* ASCII lower case of s into buf (truncated to size - 1 bytes). */
static const char *
lower (const char *s, char *buf, gsize size)
{
  gsize i = 0;
  for (; s[i] && i + 1 < size; i++)
    buf[i] = g_ascii_tolower (s[i]);
  buf[i] = '\0';
  return buf;
}

static gboolean
is_year (const char *s)
{
  return strlen (s) == 4 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2])
         && g_ascii_isdigit (s[3]) && (s[0] == '1' || s[0] == '2');
}

/* A capitalised adjective (or proper-noun adjective) with a demonym's
 * ending: Iranian, Belarusian, Chinese, British, Israeli, French.  The
 * entity stage maps demonyms to countries; here only the shape matters. */
static gboolean
is_demonym_shape (const KgToken *t)
{
  if (!g_ascii_isupper (t->form[0]) || (t->upos != KG_UPOS_ADJ && t->upos != KG_UPOS_PROPN))
    return FALSE;
  /* A proper noun qualifies only as a modifier ("the Belarusian capital"
   * is often tagged NNP compound), and only with the surest endings. */
  gboolean proper = t->upos == KG_UPOS_PROPN && (t->xpos == NULL || strcmp (t->xpos, "JJ") != 0);
  if (proper && (t->deprel == NULL || (strncmp (t->deprel, "amod", 4) != 0 && strcmp (t->deprel, "compound") != 0)))
    return FALSE;
  static const char *const endings[] = { "ian", "ese", "ish", "an", "i", "ch", "ic", "ean" };
  guint n_endings = proper ? 3 : G_N_ELEMENTS (endings);
  gsize len = strlen (t->form);
  for (guint i = 0; i < n_endings; i++)
    {
      gsize el = strlen (endings[i]);
      if (len > el + 2 && strcmp (t->form + len - el, endings[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_feature (const KgToken *t, const char *feature)
{
  if (t->feats == NULL)
    return FALSE;
  const char *p = strstr (t->feats, feature);
  gsize n = strlen (feature);
  return p != NULL && (p == t->feats || p[-1] == '|') && (p[n] == '\0' || p[n] == '|');
}

/* Which parts of speech each list speaks for. */
#define VERB_LISTS (KG_WORD_REPORTING | KG_WORD_JOINT | KG_WORD_LIGHT)
#define NOUN_LISTS (KG_WORD_EVENT | KG_WORD_PLACE)

guint32
kg__ex_lexicon_classify (const KgExLexicon *lexicon, const KgToken *t)
{
  char lemma[64], form[64];
  lower (t->lemma ? t->lemma : t->form, lemma, sizeof lemma);
  lower (t->form, form, sizeof form);
  guint32 listed = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->words, lemma));
  guint32 bits = listed & KG_WORD_MODAL;

  switch (t->upos)
    {
    case KG_UPOS_VERB:
    case KG_UPOS_AUX:
      bits |= listed & VERB_LISTS;
      break;
    case KG_UPOS_NOUN:
    case KG_UPOS_PROPN:
      bits |= listed & NOUN_LISTS;
      break;
    case KG_UPOS_PRON:
      bits |= has_feature (t, "PronType=Rel") ? KG_WORD_RELATIVE : KG_WORD_PRONOUN;
      break;
    case KG_UPOS_DET:
      if (strcmp (form, "no") == 0 || strcmp (form, "neither") == 0)
        bits |= KG_WORD_NEGATIVE_DET;
      if (has_feature (t, "PronType=Rel"))
        bits |= KG_WORD_RELATIVE;
      break;
    case KG_UPOS_PART:
    case KG_UPOS_ADV:
      if (strcmp (form, "not") == 0 || strcmp (form, "n't") == 0 || strcmp (form, "never") == 0)
        bits |= KG_WORD_NEGATION;
      break;
    case KG_UPOS_PUNCT:
      if (strcmp (t->form, "\"") == 0 || strcmp (t->form, "``") == 0 || strcmp (t->form, "''") == 0)
        bits |= KG_WORD_QUOTE;
      break;
    default:
      break;
    }
  if ((t->upos == KG_UPOS_NOUN || t->upos == KG_UPOS_PROPN || t->upos == KG_UPOS_ADV || t->upos == KG_UPOS_NUM)
      && ((listed & KG_WORD_TIME) || is_year (t->form)))
    bits |= KG_WORD_TIME;
  if (is_demonym_shape (t))
    bits |= KG_WORD_DEMONYM;
  return bits;
}

gboolean
kg__ex_lexicon_modality (const KgExLexicon *lexicon, const char *lemma, KgModalWay way, int *modality)
{
  char buf[80], low[64];
  g_snprintf (buf, sizeof buf, "%s\t%s", lower (lemma, low, sizeof low), way_names[way]);
  gpointer value = g_hash_table_lookup (lexicon->modality, buf);
  if (value == NULL)
    return FALSE;
  *modality = GPOINTER_TO_INT (value) - 1;
  return TRUE;
}

gboolean
kg__ex_lexicon_is_reporting (const KgExLexicon *lexicon, const char *phrase)
{
  char low[64];
  guint32 bits = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->words, lower (phrase, low, sizeof low)));
  return (bits & KG_WORD_REPORTING) != 0;
}

const KgEventNoun *
kg__ex_lexicon_event_noun (const KgExLexicon *lexicon, const char *lemma)
{
  char low[64];
  return g_hash_table_lookup (lexicon->events, lower (lemma, low, sizeof low));
}
