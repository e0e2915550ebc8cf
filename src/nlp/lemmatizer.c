/* lemmatizer.c: lemmas by learned edit rules (tag stage; see lemmatizer.h).
 *
 * A rule is written "MODE STRIP : APPEND", e.g. "l3:y": MODE 'l' works on
 * the lower-cased form, 'k' keeps the form's case, 't' capitalises the
 * lower-cased form (web text writes "i", "mexico"; their lemmas are "I",
 * "Mexico"); STRIP characters go from the end, APPEND is added.
 */
#include "lemmatizer.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "model-file.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

static const char feature_set[] = "lemmatizer-2: lexicon(lower,xpos) suffix1-7(xpos) rules(lkt,strip,append)";

#define MAX_SUFFIX 7
/* Suffixes seen with fewer word types than this do not make a rule. */
#define MIN_SUFFIX_TYPES 2

struct _KgLemmatizer {
  KgModel *model;
  GHashTable *lexicon;   /* "lower\txpos" -> rule */
  GHashTable *suffixes;  /* "xpos\tsuffix" -> rule */
};

static guint64
feature_hash (void)
{
  return kg_stable_hash (feature_set, sizeof feature_set - 1);
}

/* ---- rules ----------------------------------------------------------------- */

/* The form as a rule of this mode sees it.  (transfer full) */
static char *
rule_base (char mode, const char *form)
{
  if (mode == 'k')
    return g_strdup (form);
  char *lower = g_utf8_strdown (form, -1);
  if (mode == 't' && *lower)
    {
      g_autofree char *first = g_utf8_strup (lower, g_utf8_next_char (lower) - lower);
      char *capitalised = g_strconcat (first, g_utf8_next_char (lower), NULL);
      g_free (lower);
      return capitalised;
    }
  return lower;
}

/* Applies rule to form; NULL if the rule does not fit (strips too much). */
static char *
apply_rule (const char *rule, const char *form)
{
  char mode = rule[0];
  char *colon = NULL;
  glong strip = strtol (rule + 1, &colon, 10);
  if ((mode != 'l' && mode != 'k' && mode != 't') || colon == NULL || *colon != ':')
    return NULL;
  g_autofree char *base = rule_base (mode, form);
  glong length = g_utf8_strlen (base, -1);
  if (strip > length || (strip == length && colon[1] == '\0'))
    return NULL;
  const char *cut = g_utf8_offset_to_pointer (base, length - strip);
  GString *lemma = g_string_new_len (base, cut - base);
  g_string_append (lemma, colon + 1);
  return g_string_free (lemma, FALSE);
}

/* Length in characters of the longest common prefix of a and b. */
static glong
common_prefix (const char *a, const char *b, const char **rest_a, const char **rest_b)
{
  glong n = 0;
  while (*a && *b)
    {
      const char *na = g_utf8_next_char (a), *nb = g_utf8_next_char (b);
      if (na - a != nb - b || memcmp (a, b, na - a) != 0)
        break;
      a = na, b = nb, n++;
    }
  *rest_a = a;
  *rest_b = b;
  return n;
}

/* The rules that turn form into lemma: for each mode that keeps the
 * longest prefix of the form, one rule.  A form votes for all of them, so
 * that "I" (keep or capitalise) and "i" (capitalise) agree on capitalise
 * while "Iran" and "IRAN" agree on keep.  (transfer full) */
static GPtrArray *
learn_rules (const char *form, const char *lemma)
{
  static const char modes[] = "lkt";
  GPtrArray *rules = g_ptr_array_new_with_free_func (g_free);
  glong best_prefix = -1;
  for (guint m = 0; m < 3; m++)
    {
      g_autofree char *base = rule_base (modes[m], form);
      const char *rest_base, *rest_lemma;
      glong prefix = common_prefix (base, lemma, &rest_base, &rest_lemma);
      if (prefix < best_prefix)
        continue;
      if (prefix > best_prefix)
        g_ptr_array_set_size (rules, 0);
      best_prefix = prefix;
      g_ptr_array_add (rules, g_strdup_printf ("%c%ld:%s", modes[m], g_utf8_strlen (rest_base, -1), rest_lemma));
    }
  return rules;
}

static char *
default_lemma (const char *form, KgUpos upos)
{
  return upos == KG_UPOS_PROPN ? g_strdup (form) : g_utf8_strdown (form, -1);
}

/* The rule the suffix table gives for lower/xpos, or NULL. */
static const char *
guess_rule (GHashTable *suffixes, const char *lower, const char *xpos)
{
  glong length = g_utf8_strlen (lower, -1);
  for (glong n = MIN (MAX_SUFFIX, length); n >= 1; n--)
    {
      const char *suffix = g_utf8_offset_to_pointer (lower, length - n);
      g_autofree char *key = g_strdup_printf ("%s\t%s", xpos, suffix);
      const char *rule = g_hash_table_lookup (suffixes, key);
      if (rule)
        return rule;
    }
  return NULL;
}

char *
kg_lemmatizer_lemma (const KgLemmatizer *lemmatizer, const char *form, KgUpos upos, const char *xpos)
{
  g_return_val_if_fail (lemmatizer != NULL && form != NULL, NULL);
  if (xpos == NULL)
    return default_lemma (form, upos);
  g_autofree char *lower = g_utf8_strdown (form, -1);
  g_autofree char *key = g_strdup_printf ("%s\t%s", lower, xpos);
  const char *rule = g_hash_table_lookup (lemmatizer->lexicon, key);
  if (rule == NULL)
    rule = guess_rule (lemmatizer->suffixes, lower, xpos);
  char *lemma = rule ? apply_rule (rule, form) : NULL;
  return lemma ? lemma : default_lemma (form, upos);
}

void
kg_lemmatizer_lemmatize (const KgLemmatizer *lemmatizer, KgDocument *document)
{
  for (guint i = 0; i < kg_document_get_n_tokens (document); i++)
    {
      KgToken *t = kg_document_get_token_mut (document, i);
      g_autofree char *lemma = kg_lemmatizer_lemma (lemmatizer, t->form, t->upos, t->xpos);
      t->lemma = kg_document_intern (document, lemma);
    }
}

/* ---- loading ----------------------------------------------------------------- */

static KgLemmatizer *
lemmatizer_from_model (KgModel *model, GError **error)
{
  g_autoptr (KgLemmatizer) lemmatizer = g_new0 (KgLemmatizer, 1);
  lemmatizer->model = model;
  lemmatizer->lexicon = kg_model_get_table (model, "lexicon", error);
  if (lemmatizer->lexicon == NULL)
    return NULL;
  lemmatizer->suffixes = kg_model_get_table (model, "suffixes", error);
  if (lemmatizer->suffixes == NULL)
    return NULL;
  return g_steal_pointer (&lemmatizer);
}

KgLemmatizer *
kg_lemmatizer_load (const char *path, GError **error)
{
  KgModel *model = kg_model_open (path, KG_LEMMATIZER_MODEL_KIND, feature_hash (), error);
  return model ? lemmatizer_from_model (model, error) : NULL;
}

void
kg_lemmatizer_free (KgLemmatizer *lemmatizer)
{
  if (lemmatizer == NULL)
    return;
  g_clear_pointer (&lemmatizer->lexicon, g_hash_table_unref);
  g_clear_pointer (&lemmatizer->suffixes, g_hash_table_unref);
  kg_model_free (lemmatizer->model);
  g_free (lemmatizer);
}

/* ---- training ----------------------------------------------------------------- */

/* Rank of a rule's mode when counts tie: lower case, keep, capitalise. */
static int
mode_rank (const char *rule)
{
  return rule[0] == 'l' ? 0 : rule[0] == 'k' ? 1 : 2;
}

/* Which of two equally common rules to prefer: by mode, then by text. */
static int
prefer_rule (gconstpointer a, gconstpointer b)
{
  int by_mode = mode_rank (a) - mode_rank (b);
  return by_mode ? by_mode : strcmp (a, b);
}

static const char *
best_rule (GHashTable *rules, guint *total)
{
  guint count;
  return kg_tally_commonest (rules, prefer_rule, &count, total);
}

/* The suffix table: per XPOS and suffix, the commonest rule over word
 * types, kept only when seen with enough types and when it says something
 * its shorter suffix does not. */
static GHashTable *
build_suffixes (GHashTable *lexicon_counts)
{
  g_autoptr (GHashTable) counts = kg_tally_new ();
  g_autoptr (GPtrArray) keys = kg_sorted_keys (lexicon_counts);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *tab = strchr (key, '\t');
      g_autofree char *lower = g_strndup (key, tab - key);
      guint total;
      const char *rule = best_rule (g_hash_table_lookup (lexicon_counts, key), &total);
      glong length = g_utf8_strlen (lower, -1);
      for (glong n = 1; n <= MIN (MAX_SUFFIX, length); n++)
        {
          g_autofree char *suffix_key = g_strdup_printf ("%s\t%s", tab + 1,
                                                         g_utf8_offset_to_pointer (lower, length - n));
          kg_tally_add (counts, suffix_key, rule);
        }
    }

  GHashTable *suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) suffix_keys = kg_sorted_keys (counts);
  for (guint i = 0; i < suffix_keys->len; i++)
    {
      const char *key = suffix_keys->pdata[i];
      guint total;
      const char *rule = best_rule (g_hash_table_lookup (counts, key), &total);
      if (total >= MIN_SUFFIX_TYPES)
        g_hash_table_insert (suffixes, g_strdup (key), g_strdup (rule));
    }
  /* Drop what the shorter suffix already says, longest first so that each
   * comparison is with what lookup would fall back to. */
  GHashTable *pruned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < suffix_keys->len; i++)
    {
      const char *key = suffix_keys->pdata[i];
      const char *rule = g_hash_table_lookup (suffixes, key);
      if (rule == NULL)
        continue;
      const char *tab = strchr (key, '\t');
      const char *shorter = g_utf8_next_char (tab + 1);
      const char *fallback = NULL;
      for (; *shorter && fallback == NULL; shorter = g_utf8_next_char (shorter))
        {
          g_autofree char *shorter_key = g_strdup_printf ("%.*s\t%s", (int) (tab - key), key, shorter);
          fallback = g_hash_table_lookup (suffixes, shorter_key);
        }
      if (fallback == NULL || strcmp (fallback, rule) != 0)
        g_hash_table_insert (pruned, g_strdup (key), g_strdup (rule));
    }
  g_hash_table_unref (suffixes);
  return pruned;
}

static void
append_table (GString *out, GHashTable *table)
{
  g_autoptr (GPtrArray) keys = kg_sorted_keys (table);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "%s\t%s\n", (char *) keys->pdata[i],
                            (char *) g_hash_table_lookup (table, keys->pdata[i]));
}

static double
evaluate (const KgLemmatizer *lemmatizer, GPtrArray *dev)
{
  guint correct = 0, total = 0;
  for (guint d = 0; d < dev->len; d++)
    for (guint i = 0; i < kg_document_get_n_tokens (dev->pdata[d]); i++)
      {
        const KgToken *t = kg_document_get_token (dev->pdata[d], i);
        g_autofree char *lemma = kg_lemmatizer_lemma (lemmatizer, t->form, t->upos, t->xpos);
        correct += g_strcmp0 (lemma, t->lemma) == 0;
        total++;
      }
  return total ? (double) correct / total : 0.0;
}

GBytes *
kg_lemmatizer_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options)
{
  /* "lower\txpos" -> rule -> count */
  g_autoptr (GHashTable) lexicon_counts = kg_tally_new ();
  for (guint d = 0; d < train->len; d++)
    for (guint i = 0; i < kg_document_get_n_tokens (train->pdata[d]); i++)
      {
        const KgToken *t = kg_document_get_token (train->pdata[d], i);
        if (t->lemma == NULL || t->xpos == NULL)
          continue;
        g_autofree char *lower = g_utf8_strdown (t->form, -1);
        g_autofree char *key = g_strdup_printf ("%s\t%s", lower, t->xpos);
        g_autoptr (GPtrArray) rules = learn_rules (t->form, t->lemma);
        for (guint r = 0; r < rules->len; r++)
          kg_tally_add (lexicon_counts, key, rules->pdata[r]);
      }
  g_autoptr (GHashTable) suffixes = build_suffixes (lexicon_counts);

  /* The lexicon keeps a word only where the suffixes would guess wrong. */
  g_autoptr (GHashTable) lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, lexicon_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint total;
      const char *rule = best_rule (value, &total);
      const char *tab = strchr (key, '\t');
      g_autofree char *lower = g_strndup (key, tab - (const char *) key);
      const char *guess = guess_rule (suffixes, lower, tab + 1);
      if (guess == NULL || strcmp (guess, rule) != 0)
        g_hash_table_insert (lexicon, g_strdup (key), g_strdup (rule));
    }

  KgModelWriter *writer = kg_model_writer_new (KG_LEMMATIZER_MODEL_KIND, feature_hash ());
  g_autoptr (GString) out = g_string_new (NULL);
  append_table (out, lexicon);
  kg_model_writer_add (writer, "lexicon", out->str, out->len);
  g_string_truncate (out, 0);
  append_table (out, suffixes);
  kg_model_writer_add (writer, "suffixes", out->str, out->len);
  GBytes *bytes = kg_model_writer_finish (writer);

  kg_train_report (options, "lemmatizer: %u lexicon entries, %u suffix rules", g_hash_table_size (lexicon),
                   g_hash_table_size (suffixes));
  if (dev)
    {
      /* A model just written is readable; anything else is a bug here. */
      KgModel *model = kg_model_new_from_bytes (bytes, "(lemmatizer in training)", KG_LEMMATIZER_MODEL_KIND,
                                                feature_hash (), NULL);
      g_assert (model != NULL);
      g_autoptr (KgLemmatizer) lemmatizer = lemmatizer_from_model (model, NULL);
      g_assert (lemmatizer != NULL);
      kg_train_report (options, "lemmatizer: dev lemma accuracy with gold tags %.2f%%",
                       100 * evaluate (lemmatizer, dev));
    }
  return bytes;
}
