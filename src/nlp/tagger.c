/* tagger.c: averaged-perceptron part-of-speech tagger (tag stage; see
 * tagger.h for the method). */
#include "tagger.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "perceptron.h"
#include "tally.h"
#include "word-shape.h"

#include <string.h>

/* Changing a template changes this text, and so the hash that keeps old
 * models from being loaded with new features. */
static const char feature_set[] =
  "tagger-1: bias lower form suffix1-5 prefix1-3 shape flags t-1 t-2 t-1.t-2 t-1.lower "
  "lower-1 suffix3-1 lower-2 lower+1 suffix3+1 lower+2 lower-1.lower lower.lower+1 shape-1 shape+1 "
  "t-1.lower+1 suffix3.t-1 initial.flags lower-1.lower+1 form-1 form+1 flags+1 suffix2+1 "
  "flags-1 doccase.flags headline.flags t-2.lower amb amb+1 amb+2 t-1.amb amb.amb+1 amb-1";

enum {
  F_BIAS, F_LOWER, F_FORM, F_SUFFIX, F_PREFIX = F_SUFFIX + KG_WORD_N_AFFIXES, F_SHAPE = F_PREFIX + 3,
  F_FLAGS, F_T1, F_T2, F_T1T2, F_T1_LOWER, F_LOWER_M1, F_SUFFIX3_M1, F_LOWER_M2, F_LOWER_P1,
  F_SUFFIX3_P1, F_LOWER_P2, F_LOWER_M1_LOWER, F_LOWER_LOWER_P1, F_SHAPE_M1, F_SHAPE_P1,
  F_T1_LOWER_P1, F_SUFFIX3_T1, F_INITIAL_FLAGS, F_LOWER_M1_LOWER_P1, F_FORM_M1, F_FORM_P1,
  F_FLAGS_P1, F_SUFFIX2_P1, F_FLAGS_M1, F_DOCCASE_FLAGS, F_HEADLINE_FLAGS, F_T2_LOWER,
  F_AMB, F_AMB_P1, F_AMB_P2, F_T1_AMB, F_AMB_AMB_P1, F_AMB_M1, N_TEMPLATES
};

#define MAX_FEATURES N_TEMPLATES

/* Words a tag dictionary settles: seen this often, with one tag this much. */
#define AMBIGUITY_MIN_COUNT 3
#define AMBIGUITY_MIN_SHARE 0.05
#define TAGDICT_MIN_COUNT 20
#define TAGDICT_MIN_SHARE 0.97
/* Tags seen less often in training are folded into a commoner tag. */
#define MIN_CLASS_COUNT 3

struct _KgTagger {
  KgModel *model;
  KgPerceptron weights;
  guint n_classes;
  GStrv class_names;      /* "UPOS|XPOS" */
  KgUpos *class_upos;
  char **class_xpos;
  GHashTable *tagdict;    /* form -> class + 1 */
  GHashTable *ambiguity;  /* lower-cased form -> hash of the set of its tags in training */
  GHashTable *feats;      /* "lower\tclass" or "\tclass" -> FEATS */
};

static const KgWordShape boundary_start = { .form = 1, .lower = 1, .shape = 1 };
static const KgWordShape boundary_end = { .form = 2, .lower = 2, .shape = 2 };

static const KgWordShape *
word_at (const KgWordShape *words, guint n, gint i)
{
  if (i < 0)
    return &boundary_start;
  if ((guint) i >= n)
    return &boundary_end;
  return &words[i];
}

/* The context a word is tagged in. */
typedef struct {
  const KgWordShape *words;
  const guint *ambiguity;  /* per word: the hash of its tag set, 0 if unknown */
  guint n;
  GHashTable *cases;       /* kg_word_cases_new () */
  gboolean headline;
} Context;

/* The features of word i given the two previous tags (class + 1, or 0 at
 * the start of the sentence).  Returns how many it wrote into f. */
static guint
extract_features (const Context *cx, guint i, guint t1, guint t2, guint64 *f)
{
  const KgWordShape *words = cx->words;
  guint n = cx->n;
  const KgWordShape *w = &words[i];
  const KgWordShape *m1 = word_at (words, n, (gint) i - 1), *m2 = word_at (words, n, (gint) i - 2);
  const KgWordShape *p1 = word_at (words, n, i + 1), *p2 = word_at (words, n, i + 2);
  guint k = 0;
  f[k++] = kg_feature2 (F_BIAS, 0, 0);
  f[k++] = kg_feature2 (F_LOWER, w->lower, 0);
  f[k++] = kg_feature2 (F_FORM, w->form, 0);
  for (guint a = 0; a < KG_WORD_N_AFFIXES; a++)
    f[k++] = kg_feature2 (F_SUFFIX + a, w->suffix[a], 0);
  for (guint a = 0; a < 3; a++)
    f[k++] = kg_feature2 (F_PREFIX + a, w->prefix[a], 0);
  f[k++] = kg_feature2 (F_SHAPE, w->shape, 0);
  f[k++] = kg_feature2 (F_FLAGS, w->flags, 0);
  f[k++] = kg_feature2 (F_T1, t1, 0);
  f[k++] = kg_feature2 (F_T2, t2, 0);
  f[k++] = kg_feature2 (F_T1T2, t1, t2);
  f[k++] = kg_feature2 (F_T1_LOWER, t1, w->lower);
  f[k++] = kg_feature2 (F_LOWER_M1, m1->lower, 0);
  f[k++] = kg_feature2 (F_SUFFIX3_M1, m1->suffix[2], 0);
  f[k++] = kg_feature2 (F_LOWER_M2, m2->lower, 0);
  f[k++] = kg_feature2 (F_LOWER_P1, p1->lower, 0);
  f[k++] = kg_feature2 (F_SUFFIX3_P1, p1->suffix[2], 0);
  f[k++] = kg_feature2 (F_LOWER_P2, p2->lower, 0);
  f[k++] = kg_feature2 (F_LOWER_M1_LOWER, m1->lower, w->lower);
  f[k++] = kg_feature2 (F_LOWER_LOWER_P1, w->lower, p1->lower);
  f[k++] = kg_feature2 (F_SHAPE_M1, m1->shape, 0);
  f[k++] = kg_feature2 (F_SHAPE_P1, p1->shape, 0);
  f[k++] = kg_feature2 (F_T1_LOWER_P1, t1, p1->lower);
  f[k++] = kg_feature2 (F_SUFFIX3_T1, w->suffix[2], t1);
  f[k++] = kg_feature2 (F_INITIAL_FLAGS, i == 0, w->flags);
  f[k++] = kg_feature2 (F_LOWER_M1_LOWER_P1, m1->lower, p1->lower);
  f[k++] = kg_feature2 (F_FORM_M1, m1->form, 0);
  f[k++] = kg_feature2 (F_FORM_P1, p1->form, 0);
  f[k++] = kg_feature2 (F_FLAGS_P1, p1->flags, 0);
  f[k++] = kg_feature2 (F_SUFFIX2_P1, p1->suffix[1], 0);
  f[k++] = kg_feature2 (F_FLAGS_M1, m1->flags, 0);
  f[k++] = kg_feature3 (F_DOCCASE_FLAGS, kg_word_case_of (cx->cases, w), w->flags, i == 0);
  f[k++] = kg_feature2 (F_HEADLINE_FLAGS, cx->headline, w->flags);
  f[k++] = kg_feature2 (F_T2_LOWER, t2, w->lower);
  guint amb = cx->ambiguity[i];
  guint amb_m1 = i > 0 ? cx->ambiguity[i - 1] : 1;
  guint amb_p1 = i + 1 < n ? cx->ambiguity[i + 1] : 1, amb_p2 = i + 2 < n ? cx->ambiguity[i + 2] : 1;
  f[k++] = kg_feature2 (F_AMB, amb, 0);
  f[k++] = kg_feature2 (F_AMB_P1, amb_p1, 0);
  f[k++] = kg_feature2 (F_AMB_P2, amb_p2, 0);
  f[k++] = kg_feature2 (F_T1_AMB, t1, amb);
  f[k++] = kg_feature2 (F_AMB_AMB_P1, amb, amb_p1);
  f[k++] = kg_feature2 (F_AMB_M1, amb_m1, 0);
  g_assert (k <= MAX_FEATURES);
  return k;
}

static void
compute_shapes (const KgDocument *doc, const KgSentence *s, KgWordShape *words)
{
  for (guint i = 0; i < s->n_tokens; i++)
    kg_word_shape_compute (kg_document_get_token (doc, s->first_token + i)->form, &words[i]);
}

static guint
max_sentence_length (const KgDocument *doc)
{
  guint longest = 1;
  for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
    longest = MAX (longest, kg_document_get_sentence (doc, s)->n_tokens);
  return longest;
}

/* ---- the loaded tagger -------------------------------------------------- */

static guint64
feature_hash (void)
{
  return kg_stable_hash (feature_set, sizeof feature_set - 1);
}

/* A section of lines "key<TAB>value" whose values convert() turns into
 * non-zero numbers (0 drops the line); NULL if the model lacks it. */
static GHashTable *
read_number_table (const KgModel *model, const char *section, guint (*convert) (const char *, const KgTagger *),
                   const KgTagger *tagger, GError **error)
{
  g_autoptr (GHashTable) strings = kg_model_get_table (model, section, error);
  if (strings == NULL)
    return NULL;
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, strings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint number = convert (value, tagger);
      if (number)
        g_hash_table_insert (numbers, g_strdup (key), GUINT_TO_POINTER (number));
    }
  return numbers;
}

/* A class number, as class + 1. */
static guint
class_number (const char *value, const KgTagger *tagger)
{
  guint64 cls = g_ascii_strtoull (value, NULL, 10);
  return cls < tagger->n_classes ? cls + 1 : 0;
}

/* A word's set of tags, as a feature value. */
static guint
tag_set_hash (const char *value, const KgTagger *tagger)
{
  return (guint) kg_feature_string (value, -1) | 1;
}

static guint
ambiguity_of (const KgTagger *tagger, const char *form)
{
  char small[128];
  g_autofree char *big = NULL;
  const char *lower = kg_word_lower (form, small, sizeof small, &big);
  return GPOINTER_TO_UINT (g_hash_table_lookup (tagger->ambiguity, lower));
}

static void
compute_ambiguity (const KgTagger *tagger, const KgDocument *doc, const KgSentence *s, guint *ambiguity)
{
  for (guint i = 0; i < s->n_tokens; i++)
    ambiguity[i] = ambiguity_of (tagger, kg_document_get_token (doc, s->first_token + i)->form);
}

static KgTagger *
tagger_from_model (KgModel *model, GError **error)
{
  g_autoptr (KgTagger) tagger = g_new0 (KgTagger, 1);
  tagger->model = model;
  gsize length;
  const char *classes = kg_model_get_section (model, "classes", &length, error);
  if (classes == NULL)
    return NULL;
  g_autofree char *copy = g_strndup (classes, length);
  tagger->class_names = g_strsplit (copy, "\n", -1);
  tagger->n_classes = g_strv_length (tagger->class_names);
  tagger->class_upos = g_new0 (KgUpos, tagger->n_classes);
  tagger->class_xpos = g_new0 (char *, tagger->n_classes + 1);
  for (guint c = 0; c < tagger->n_classes; c++)
    {
      const char *bar = strchr (tagger->class_names[c], '|');
      if (bar == NULL)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt tag inventory", kg_model_get_path (model));
          return NULL;
        }
      g_autofree char *upos = g_strndup (tagger->class_names[c], bar - tagger->class_names[c]);
      tagger->class_upos[c] = kg_upos_from_string (upos);
      tagger->class_xpos[c] = g_strdup (bar + 1);
    }
  if (!kg_perceptron_load (&tagger->weights, model, "weights", tagger->n_classes, error))
    return NULL;

  if ((tagger->tagdict = read_number_table (model, "tagdict", class_number, tagger, error)) == NULL
      || (tagger->feats = kg_model_get_table (model, "feats", error)) == NULL
      || (tagger->ambiguity = read_number_table (model, "ambiguity", tag_set_hash, tagger, error)) == NULL)
    return NULL;
  return g_steal_pointer (&tagger);
}

KgTagger *
kg_tagger_new_from_bytes (GBytes *bytes, GError **error)
{
  KgModel *model = kg_model_new_from_bytes (bytes, "(tagger in training)", KG_TAGGER_MODEL_KIND,
                                            feature_hash (), error);
  return model ? tagger_from_model (model, error) : NULL;
}

KgTagger *
kg_tagger_load (const char *path, GError **error)
{
  KgModel *model = kg_model_open (path, KG_TAGGER_MODEL_KIND, feature_hash (), error);
  return model ? tagger_from_model (model, error) : NULL;
}

void
kg_tagger_free (KgTagger *tagger)
{
  if (tagger == NULL)
    return;
  g_strfreev (tagger->class_names);
  g_free (tagger->class_upos);
  g_strfreev (tagger->class_xpos);
  g_clear_pointer (&tagger->tagdict, g_hash_table_unref);
  g_clear_pointer (&tagger->feats, g_hash_table_unref);
  g_clear_pointer (&tagger->ambiguity, g_hash_table_unref);
  kg_model_free (tagger->model);
  g_free (tagger);
}

static guint
argmax_int (const gint32 *scores, guint n)
{
  guint best = 0;
  for (guint c = 1; c < n; c++)
    if (scores[c] > scores[best])
      best = c;
  return best;
}

static const char *
lookup_feats (const KgTagger *tagger, const char *form, guint cls)
{
  char small[128], key[192];
  g_autofree char *big = NULL;
  const char *lower = kg_word_lower (form, small, sizeof small, &big);
  if (strlen (lower) < 150)
    {
      g_snprintf (key, sizeof key, "%s\t%u", lower, cls);
      const char *feats = g_hash_table_lookup (tagger->feats, key);
      if (feats)
        return feats;
    }
  g_snprintf (key, sizeof key, "\t%u", cls);
  return g_hash_table_lookup (tagger->feats, key);
}

void
kg_tagger_tag (const KgTagger *tagger, KgDocument *doc)
{
  g_return_if_fail (tagger != NULL && doc != NULL);

  guint longest = max_sentence_length (doc);
  g_autofree KgWordShape *words = g_new (KgWordShape, longest);
  g_autofree guint *ambiguity = g_new (guint, longest);
  g_autofree gint32 *scores = g_new (gint32, tagger->n_classes);
  g_autoptr (GHashTable) cases = kg_word_cases_new (doc);
  guint64 features[MAX_FEATURES];
  for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, s);
      compute_shapes (doc, sentence, words);
      compute_ambiguity (tagger, doc, sentence, ambiguity);
      Context cx = { words, ambiguity, sentence->n_tokens, cases, kg_words_look_like_headline (words, sentence->n_tokens) };
      guint t1 = 0, t2 = 0;
      for (guint i = 0; i < sentence->n_tokens; i++)
        {
          KgToken *token = kg_document_get_token_mut (doc, sentence->first_token + i);
          guint cls = GPOINTER_TO_UINT (g_hash_table_lookup (tagger->tagdict, token->form));
          if (cls > 0)
            cls--;
          else
            {
              guint n = extract_features (&cx, i, t1, t2, features);
              memset (scores, 0, tagger->n_classes * sizeof *scores);
              kg_perceptron_score (&tagger->weights, features, n, scores);
              cls = argmax_int (scores, tagger->n_classes);
            }
          token->upos = tagger->class_upos[cls];
          token->xpos = kg_document_intern (doc, tagger->class_xpos[cls]);
          token->feats = kg_document_intern (doc, lookup_feats (tagger, token->form, cls));
          t2 = t1;
          t1 = cls + 1;
        }
    }
}

/* ---- training ------------------------------------------------------------- */

typedef struct {
  GPtrArray *names;      /* class names, sorted */
  GHashTable *index;     /* "UPOS|XPOS" of training -> class + 1 (rare ones folded) */
} Inventory;

static void
inventory_clear (Inventory *inv)
{
  g_ptr_array_unref (inv->names);
  g_hash_table_unref (inv->index);
}

static char *
token_tag (const KgToken *t)
{
  return g_strdup_printf ("%s|%s", kg_upos_to_string (t->upos), t->xpos ? t->xpos : "_");
}

/* The classes: every UPOS|XPOS seen MIN_CLASS_COUNT times; a rarer one is
 * folded into the commonest class with the same XPOS (or the same UPOS). */
static Inventory
build_inventory (GArray *sentences)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint s = 0; s < sentences->len; s++)
    {
      const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, s);
      const KgSentence *sentence = kg_document_get_sentence (ref->document, ref->index);
      for (guint i = 0; i < sentence->n_tokens; i++)
        {
          char *tag = token_tag (kg_document_get_token (ref->document, sentence->first_token + i));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag));
          g_hash_table_replace (counts, tag, GUINT_TO_POINTER (n + 1));
        }
    }
  Inventory inv = { g_ptr_array_new_with_free_func (g_free),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autoptr (GPtrArray) tags = kg_sorted_keys (counts);
  for (guint i = 0; i < tags->len; i++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, tags->pdata[i])) >= MIN_CLASS_COUNT)
      {
        g_ptr_array_add (inv.names, g_strdup (tags->pdata[i]));
        g_hash_table_insert (inv.index, g_strdup (tags->pdata[i]), GUINT_TO_POINTER (inv.names->len));
      }
  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = tags->pdata[i];
      if (g_hash_table_contains (inv.index, tag))
        continue;
      const char *xpos = strchr (tag, '|') + 1;
      guint best = 0, best_count = 0;
      for (guint pass = 0; pass < 2 && best == 0; pass++)
        for (guint c = 0; c < inv.names->len; c++)
          {
            const char *name = inv.names->pdata[c];
            gboolean same = pass == 0 ? strcmp (strchr (name, '|') + 1, xpos) == 0
                                      : strncmp (name, tag, xpos - tag) == 0;
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
            if (same && n > best_count)
              best = c + 1, best_count = n;
          }
      if (best == 0)
        {
          /* nothing to fold it into: a class of its own after all */
          g_ptr_array_add (inv.names, g_strdup (tag));
          best = inv.names->len;
        }
      g_hash_table_insert (inv.index, g_strdup (tag), GUINT_TO_POINTER (best));
    }
  return inv;
}

static guint
gold_class (const Inventory *inv, const KgToken *t)
{
  g_autofree char *tag = token_tag (t);
  guint c = GPOINTER_TO_UINT (g_hash_table_lookup (inv->index, tag));
  return c ? c - 1 : 0;
}

/* The tag dictionary and the FEATS table, as model sections. */
static void
add_tables (KgModelWriter *writer, GArray *sentences, const Inventory *inv)
{
  g_autoptr (GHashTable) by_form = kg_tally_new ();
  g_autoptr (GHashTable) by_lower = kg_tally_new ();
  g_autoptr (GHashTable) feats = kg_tally_new ();
  for (guint s = 0; s < sentences->len; s++)
    {
      const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, s);
      const KgSentence *sentence = kg_document_get_sentence (ref->document, ref->index);
      for (guint i = 0; i < sentence->n_tokens; i++)
        {
          const KgToken *t = kg_document_get_token (ref->document, sentence->first_token + i);
          guint cls = gold_class (inv, t);
          char number[16];
          g_snprintf (number, sizeof number, "%u", cls);
          kg_tally_add (by_form, t->form, number);
          g_autofree char *lower = g_utf8_strdown (t->form, -1);
          kg_tally_add (by_lower, lower, number);
          g_autofree char *word_key = g_strdup_printf ("%s\t%u", lower, cls);
          g_autofree char *class_key = g_strdup_printf ("\t%u", cls);
          kg_tally_add (feats, word_key, t->feats ? t->feats : "_");
          kg_tally_add (feats, class_key, t->feats ? t->feats : "_");
        }
    }

  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) forms = kg_sorted_keys (by_form);
  for (guint i = 0; i < forms->len; i++)
    {
      guint best_count, total;
      const char *best = kg_tally_commonest (g_hash_table_lookup (by_form, forms->pdata[i]), NULL, &best_count, &total);
      if (total >= TAGDICT_MIN_COUNT && best_count >= TAGDICT_MIN_SHARE * total)
        g_string_append_printf (out, "%s\t%s\n", (char *) forms->pdata[i], best);
    }
  kg_model_writer_add (writer, "tagdict", out->str, out->len);

  /* A word's FEATS are kept only where they differ from its class's. */
  g_string_truncate (out, 0);
  g_autoptr (GPtrArray) keys = kg_sorted_keys (feats);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      guint best_count, total;
      const char *best = kg_tally_commonest (g_hash_table_lookup (feats, key), NULL, &best_count, &total);
      if (key[0] != '\t')
        {
          guint c, t;
          const char *class_feats = kg_tally_commonest (g_hash_table_lookup (feats, strrchr (key, '\t')), NULL, &c, &t);
          if (total < 2 || strcmp (best, class_feats) == 0)
            continue;
        }
      g_string_append_printf (out, "%s\t%s\n", key, strcmp (best, "_") == 0 ? "" : best);
    }
  kg_model_writer_add (writer, "feats", out->str, out->len);

  /* The set of tags each word takes (those with a real share). */
  g_string_truncate (out, 0);
  g_autoptr (GPtrArray) lowers = kg_sorted_keys (by_lower);
  for (guint i = 0; i < lowers->len; i++)
    {
      GHashTable *classes = g_hash_table_lookup (by_lower, lowers->pdata[i]);
      guint best_count, total;
      kg_tally_commonest (classes, NULL, &best_count, &total);
      if (total < AMBIGUITY_MIN_COUNT)
        continue;
      g_autoptr (GPtrArray) tags = kg_sorted_keys (classes);
      g_string_append_printf (out, "%s\t", (char *) lowers->pdata[i]);
      for (guint k = 0; k < tags->len; k++)
        if (GPOINTER_TO_UINT (g_hash_table_lookup (classes, tags->pdata[k])) >= AMBIGUITY_MIN_SHARE * total)
          g_string_append_printf (out, "%s,", (char *) tags->pdata[k]);
      g_string_append_c (out, '\n');
    }
  kg_model_writer_add (writer, "ambiguity", out->str, out->len);
}

static GBytes *
serialise (const KgPerceptronTrainer *trainer, GArray *sentences, const Inventory *inv, float min_weight)
{
  KgModelWriter *writer = kg_model_writer_new (KG_TAGGER_MODEL_KIND, feature_hash ());
  g_autoptr (GString) classes = g_string_new (NULL);
  for (guint c = 0; c < inv->names->len; c++)
    g_string_append_printf (classes, "%s%s", c ? "\n" : "", (char *) inv->names->pdata[c]);
  kg_model_writer_add (writer, "classes", classes->str, classes->len);
  add_tables (writer, sentences, inv);
  kg_perceptron_trainer_save (trainer, writer, "weights", min_weight);
  return kg_model_writer_finish (writer);
}

/* One pass over the training sentences; returns the share tagged right. */
static double
train_epoch (KgPerceptronTrainer *trainer, GArray *sentences, const Inventory *inv, const KgTagger *lexicon,
             GHashTable *cases)
{
  guint correct = 0, total = 0;
  guint64 features[MAX_FEATURES];
  float *scores = g_new (float, inv->names->len);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (KgWordShape));
  GArray *ambiguity = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < sentences->len; s++)
    {
      const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, s);
      const KgSentence *sentence = kg_document_get_sentence (ref->document, ref->index);
      g_array_set_size (words, sentence->n_tokens);
      g_array_set_size (ambiguity, sentence->n_tokens);
      compute_shapes (ref->document, sentence, (KgWordShape *) words->data);
      compute_ambiguity (lexicon, ref->document, sentence, (guint *) ambiguity->data);
      Context cx = { (KgWordShape *) words->data, (guint *) ambiguity->data, sentence->n_tokens,
                     g_hash_table_lookup (cases, ref->document),
                     kg_words_look_like_headline ((KgWordShape *) words->data, sentence->n_tokens) };
      guint t1 = 0, t2 = 0;
      for (guint i = 0; i < sentence->n_tokens; i++)
        {
          const KgToken *token = kg_document_get_token (ref->document, sentence->first_token + i);
          guint truth = gold_class (inv, token);
          guint guess = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->tagdict, token->form));
          if (guess > 0)
            guess--;
          else
            {
              guint n = extract_features (&cx, i, t1, t2, features);
              memset (scores, 0, inv->names->len * sizeof *scores);
              kg_perceptron_trainer_score (trainer, features, n, FALSE, scores);
              guess = 0;
              for (guint c = 1; c < inv->names->len; c++)
                if (scores[c] > scores[guess])
                  guess = c;
              kg_perceptron_trainer_update (trainer, features, n, truth, guess);
              kg_perceptron_trainer_tick (trainer);
            }
          correct += guess == truth;
          total++;
          t2 = t1;
          t1 = guess + 1;
        }
    }
  g_free (scores);
  g_array_unref (words);
  g_array_unref (ambiguity);
  return total ? (double) correct / total : 0.0;
}

static void
tag_document (gconstpointer tagger, KgDocument *document)
{
  kg_tagger_tag (tagger, document);
}

enum { WORDS, UPOS_RIGHT, XPOS_RIGHT, N_TAG_COUNTS };

static void
count_tags (const KgToken *predicted, const KgToken *gold, guint *counts)
{
  counts[WORDS]++;
  counts[UPOS_RIGHT] += predicted->upos == gold->upos;
  counts[XPOS_RIGHT] += g_strcmp0 (predicted->xpos, gold->xpos) == 0;
}

/* Shares of dev words whose UPOS, and whose XPOS, come out right. */
static double
evaluate (const KgTagger *tagger, GPtrArray *dev, double *xpos_accuracy)
{
  guint counts[N_TAG_COUNTS] = { 0 };
  kg_train_score_dev (dev, tag_document, tagger, count_tags, counts);
  *xpos_accuracy = counts[WORDS] ? (double) counts[XPOS_RIGHT] / counts[WORDS] : 0.0;
  return counts[WORDS] ? (double) counts[UPOS_RIGHT] / counts[WORDS] : 0.0;
}

GBytes *
kg_tagger_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options)
{
  g_autoptr (GArray) sentences = kg_train_collect_sentences (train);
  Inventory inv = build_inventory (sentences);

  /* The tag dictionary and tag sets the trainer uses are the ones the
   * model will hold: read them back from a model with no weights yet. */
  g_autoptr (KgPerceptronTrainer) trainer = kg_perceptron_trainer_new (inv.names->len);
  g_autoptr (GBytes) empty = serialise (trainer, sentences, &inv, 0.0f);
  g_autoptr (KgTagger) lexicon = kg_tagger_new_from_bytes (empty, NULL);
  g_assert (lexicon != NULL);

  /* document -> DocumentCase */
  g_autoptr (GHashTable) cases = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  for (guint d = 0; d < train->len; d++)
    g_hash_table_insert (cases, train->pdata[d], kg_word_cases_new (train->pdata[d]));
  kg_train_report (options, "tagger: %u sentences, %u classes", sentences->len, inv.names->len);
  GBytes *best = NULL;
  double best_score = -1.0;
  for (guint epoch = 1; epoch <= options->iterations; epoch++)
    {
      kg_train_shuffle (sentences, options->seed, epoch);
      double train_acc = train_epoch (trainer, sentences, &inv, lexicon, cases);
      g_autoptr (GBytes) bytes = serialise (trainer, sentences, &inv, options->min_weight);
      double dev_acc = -1.0, dev_xpos = -1.0;
      if (dev)
        {
          g_autoptr (KgTagger) tagger = kg_tagger_new_from_bytes (bytes, NULL);
          dev_acc = evaluate (tagger, dev, &dev_xpos);
        }
      kg_train_report (options, "tagger: iteration %u: train %.2f%%, dev UPOS %.2f%% XPOS %.2f%%, %u features",
                       epoch, 100 * train_acc, 100 * dev_acc, 100 * dev_xpos,
                       kg_perceptron_trainer_get_n_features (trainer));
      if (dev == NULL || dev_acc > best_score)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_bytes_ref (bytes);
          best_score = dev_acc;
        }
    }
  inventory_clear (&inv);
  return best;
}

void
kg_tagger_jackknife (GPtrArray *documents, guint folds, const KgTrainOptions *options)
{
  g_return_if_fail (folds >= 2);
  KgTrainOptions quiet = *options;
  quiet.progress = NULL;
  g_autoptr (GPtrArray) models = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint fold = 0; fold < folds; fold++)
    {
      g_autoptr (GPtrArray) rest = g_ptr_array_new ();
      for (guint d = 0; d < documents->len; d++)
        if (d % folds != fold)
          g_ptr_array_add (rest, documents->pdata[d]);
      g_ptr_array_add (models, kg_tagger_train (rest, NULL, &quiet));
      kg_train_report (options, "tagger: fold %u of %u trained", fold + 1, folds);
    }
  /* Tag only after every fold's tagger has learnt from gold tags. */
  for (guint fold = 0; fold < folds; fold++)
    {
      g_autoptr (KgTagger) tagger = kg_tagger_new_from_bytes (models->pdata[fold], NULL);
      g_assert (tagger != NULL);
      for (guint d = fold; d < documents->len; d += folds)
        kg_tagger_tag (tagger, documents->pdata[d]);
    }
}
