/* parser.c: the greedy arc-hybrid dependency parser: features, parsing,
 * training (parse stage; see parser.h for the method). */
#include "parser.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "parser-state.h"
#include "perceptron.h"
#include "tally.h"
#include "word-shape.h"

#include <string.h>

/* Bump the version whenever extract_features() changes. */
static const char feature_set[] =
  "parser-2: Zhang-Nivre 2011 for arc-hybrid: s0 s1 s2 b0 b1 b2 words/tags, pairs, triples, "
  "distances s0-b0 s1-s0, valencies, children l1 l2 r1 r2, label sets; UPOS; suffixes; "
  "punctuation and verbs between; neighbours of s0 and b0; lemmas";

#define MAX_FEATURES 160
/* Exploration: after the first iteration, follow the model's own choice
 * this often, mistakes included (Goldberg and Nivre 2012; 0.5 was best on
 * EWT dev among 0.5, 0.7 and 0.9). */
#define EXPLORE_PROBABILITY 0.5

struct _KgParser {
  KgModel *model;
  KgPerceptron weights;
  GStrv labels;
  guint n_labels;
  guint n_actions;
};

/* What the features see of each word 0..n+1 of a sentence (0: none,
 * n + 1: ROOT). */
typedef struct {
  guint n;
  guint64 *word, *tag, *word_tag, *upos, *suffix, *lemma;
  guint *puncts_before, *verbs_before;  /* counts over words 1..i-1 */
} Sentence;

enum { VALUE_NONE = 1, VALUE_ROOT = 2 };

static guint64
feature_hash (void)
{
  return kg_stable_hash (feature_set, sizeof feature_set - 1);
}

static Sentence *
sentence_new (guint capacity)
{
  Sentence *s = g_new0 (Sentence, 1);
  s->word = g_new (guint64, capacity + 2);
  s->tag = g_new (guint64, capacity + 2);
  s->word_tag = g_new (guint64, capacity + 2);
  s->upos = g_new (guint64, capacity + 2);
  s->suffix = g_new (guint64, capacity + 2);
  s->lemma = g_new (guint64, capacity + 2);
  s->puncts_before = g_new (guint, capacity + 3);
  s->verbs_before = g_new (guint, capacity + 3);
  return s;
}

static void
sentence_free (Sentence *s)
{
  g_free (s->word);
  g_free (s->tag);
  g_free (s->word_tag);
  g_free (s->upos);
  g_free (s->suffix);
  g_free (s->lemma);
  g_free (s->puncts_before);
  g_free (s->verbs_before);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sentence, sentence_free)

static void
sentence_load (Sentence *s, const KgDocument *doc, const KgSentence *sentence)
{
  s->n = sentence->n_tokens;
  guint root = s->n + 1;
  s->word[0] = s->tag[0] = s->word_tag[0] = s->upos[0] = s->suffix[0] = s->lemma[0] = VALUE_NONE;
  s->word[root] = s->tag[root] = s->word_tag[root] = s->upos[root] = s->suffix[root] = s->lemma[root] = VALUE_ROOT;
  s->puncts_before[1] = s->verbs_before[1] = 0;
  for (guint i = 1; i <= s->n; i++)
    {
      const KgToken *t = kg_document_get_token (doc, sentence->first_token + i - 1);
      char small[128];
      g_autofree char *big = NULL;
      const char *lower = kg_word_lower (t->form, small, sizeof small, &big);
      gsize length = strlen (lower);
      s->word[i] = kg_feature_string (lower, length);
      s->suffix[i] = kg_feature_string (lower + (length > 3 ? length - 3 : 0), -1);
      s->tag[i] = kg_feature_string (t->xpos ? t->xpos : "_", -1);
      s->word_tag[i] = kg_feature_mix (s->word[i], s->tag[i]);
      s->upos[i] = t->upos + 16;
      s->lemma[i] = kg_feature_mix (kg_feature_string (t->lemma ? t->lemma : lower, -1), s->upos[i]);
      s->puncts_before[i + 1] = s->puncts_before[i] + (t->upos == KG_UPOS_PUNCT);
      s->verbs_before[i + 1] = s->verbs_before[i] + (t->upos == KG_UPOS_VERB || t->upos == KG_UPOS_AUX);
    }
  s->puncts_before[root + 1] = s->puncts_before[root];
  s->verbs_before[root + 1] = s->verbs_before[root];
}

static guint
bucket (guint distance)
{
  static const guint8 buckets[] = { 0, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6 };
  return distance < G_N_ELEMENTS (buckets) ? buckets[distance] : 7;
}

/* How many of counts_before's words lie strictly between a and b (a < b),
 * as 0, 1 or 2 for more. */
static guint
between (const guint *counts_before, guint a, guint b)
{
  if (a == 0 || b == 0 || b <= a + 1)
    return 0;
  return MIN (counts_before[b] - counts_before[a + 1], 2);
}

/* The features of a state: every template always fires (with "none" for
 * missing words), so a template's number is its position here. */
static guint
extract_features (const Sentence *s, const KgParserState *st, guint64 *f)
{
  guint s0 = kg_parser_state_s (st, 0), s1 = kg_parser_state_s (st, 1), s2 = kg_parser_state_s (st, 2);
  guint b0 = kg_parser_state_b (st, 0), b1 = kg_parser_state_b (st, 1), b2 = kg_parser_state_b (st, 2);
  guint s0l = st->left1[s0], s0l2 = st->left2[s0], s0r = st->right1[s0], s0r2 = st->right2[s0];
  guint s1l = st->left1[s1], s1r = st->right1[s1], s1r2 = st->right2[s1];
  guint b0l = st->left1[b0], b0l2 = st->left2[b0];
  const guint64 *w = s->word, *p = s->tag, *wp = s->word_tag, *u = s->upos, *sf = s->suffix, *lm = s->lemma;
  guint punct_s0b0 = between (s->puncts_before, s0, b0), verbs_s0b0 = between (s->verbs_before, s0, b0);
  guint punct_s1s0 = between (s->puncts_before, s1, s0);
  guint after_s0 = s0 && s0 < s->n ? s0 + 1 : 0, before_b0 = b0 > 1 && b0 - 1 != s0 ? b0 - 1 : 0;
#define L(i) ((i) ? st->label[i] + 1 : 0)
  guint d = s0 && b0 ? bucket (b0 - s0) : 0;
  guint d1 = s1 && s0 ? bucket (s0 - s1) : 0;
  guint k = 0;
#define F1(a) (f[k] = kg_feature2 (k, (a), 0), k++)
#define F2(a, b) (f[k] = kg_feature2 (k, (a), (b)), k++)
#define F3(a, b, c) (f[k] = kg_feature3 (k, (a), (b), (c)), k++)

  F1 (0);  /* bias */
  /* single words */
  F1 (wp[s0]); F1 (w[s0]); F1 (p[s0]);
  F1 (wp[b0]); F1 (w[b0]); F1 (p[b0]);
  F1 (wp[b1]); F1 (w[b1]); F1 (p[b1]);
  F1 (wp[b2]); F1 (w[b2]); F1 (p[b2]);
  F1 (wp[s1]); F1 (w[s1]); F1 (p[s1]);
  F1 (w[s2]); F1 (p[s2]);
  /* pairs */
  F2 (wp[s0], wp[b0]); F2 (wp[s0], w[b0]); F2 (w[s0], wp[b0]); F2 (wp[s0], p[b0]);
  F2 (p[s0], wp[b0]); F2 (w[s0], w[b0]); F2 (p[s0], p[b0]); F2 (p[b0], p[b1]);
  F2 (wp[s1], wp[s0]); F2 (w[s1], w[s0]); F2 (p[s1], p[s0]); F2 (wp[s1], p[s0]);
  F2 (p[s1], wp[s0]); F2 (p[s1], p[b0]); F2 (w[s1], w[b0]);
  /* triples */
  F3 (p[b0], p[b1], p[b2]); F3 (p[s0], p[b0], p[b1]); F3 (p[s1], p[s0], p[b0]);
  F3 (p[s2], p[s1], p[s0]); F3 (p[s0], p[s0l], p[b0]); F3 (p[s0], p[s0r], p[b0]);
  F3 (p[s0], p[b0], p[b0l]); F3 (p[s1], p[s1r], p[s0]); F3 (p[s1], p[s1l], p[s0]);
  F3 (p[s1], p[s0], p[s0l]); F3 (p[s1], p[s0], p[s0r]); F3 (w[s1], p[s0], p[b0]);
  F3 (p[s1], w[s0], p[b0]); F3 (p[s1], p[s0], w[b0]);
  /* distance */
  F2 (w[s0], d); F2 (p[s0], d); F2 (w[b0], d); F2 (p[b0], d);
  F3 (w[s0], w[b0], d); F3 (p[s0], p[b0], d);
  F2 (w[s1], d1); F2 (p[s1], d1); F2 (w[s0], d1); F3 (w[s1], w[s0], d1); F3 (p[s1], p[s0], d1);
  /* valency */
  F2 (w[s0], st->n_right[s0]); F2 (p[s0], st->n_right[s0]); F2 (w[s0], st->n_left[s0]);
  F2 (p[s0], st->n_left[s0]); F2 (w[b0], st->n_left[b0]); F2 (p[b0], st->n_left[b0]);
  F2 (w[s1], st->n_right[s1]); F2 (p[s1], st->n_right[s1]); F2 (p[s1], st->n_left[s1]);
  /* children */
  F1 (w[s0l]); F1 (p[s0l]); F1 (L (s0l)); F1 (w[s0r]); F1 (p[s0r]); F1 (L (s0r));
  F1 (w[b0l]); F1 (p[b0l]); F1 (L (b0l)); F1 (w[s1l]); F1 (p[s1l]); F1 (L (s1l));
  F1 (w[s1r]); F1 (p[s1r]); F1 (L (s1r));
  F2 (p[s0], L (s0l)); F2 (p[s0], L (s0r)); F2 (p[b0], L (b0l)); F2 (p[s1], L (s1r));
  /* third order */
  F1 (w[s0l2]); F1 (p[s0l2]); F1 (L (s0l2)); F1 (w[s0r2]); F1 (p[s0r2]); F1 (L (s0r2));
  F1 (w[b0l2]); F1 (p[b0l2]); F1 (L (b0l2));
  F3 (p[s0], p[s0l], p[s0l2]); F3 (p[s0], p[s0r], p[s0r2]); F3 (p[b0], p[b0l], p[b0l2]);
  F3 (p[s1], p[s1r], p[s1r2]);
  /* label sets */
  F2 (w[s0], st->right_labels[s0]); F2 (p[s0], st->right_labels[s0]);
  F2 (w[s0], st->left_labels[s0]); F2 (p[s0], st->left_labels[s0]);
  F2 (w[b0], st->left_labels[b0]); F2 (p[b0], st->left_labels[b0]);
  F2 (w[s1], st->right_labels[s1]); F2 (p[s1], st->right_labels[s1]);
  /* universal tags */
  F1 (u[s0]); F1 (u[b0]); F1 (u[s1]); F1 (u[b1]); F2 (u[s0], u[b0]); F2 (u[s1], u[s0]);
  F3 (u[s0], u[b0], u[b1]); F3 (u[s1], u[s0], u[b0]);
  /* suffixes, for words rarely seen */
  F2 (sf[s0], p[s0]); F2 (sf[b0], p[b0]); F2 (sf[s0], sf[b0]);
  /* what lies between */
  F3 (p[s0], p[b0], punct_s0b0); F3 (p[s0], p[b0], verbs_s0b0); F3 (p[s1], p[s0], punct_s1s0);
  F3 (punct_s0b0, verbs_s0b0, d);
  F3 (p[s0], p[after_s0], p[b0]); F3 (p[s0], p[before_b0], p[b0]); F2 (w[after_s0], p[s0]);
  /* lemmas with their universal tags */
  F1 (lm[s0]); F1 (lm[b0]); F2 (lm[s0], lm[b0]); F2 (lm[s1], lm[s0]); F2 (lm[s0], u[b0]); F2 (u[s0], lm[b0]);
  F2 (lm[s1], u[s0]);
#undef F1
#undef F2
#undef F3
#undef L
  g_assert (k <= MAX_FEATURES);
  return k;
}

/* ---- the loaded parser -------------------------------------------------- */

static KgParser *
parser_from_model (KgModel *model, GError **error)
{
  g_autoptr (KgParser) parser = g_new0 (KgParser, 1);
  parser->model = model;
  gsize length;
  const char *labels = kg_model_get_section (model, "labels", &length, error);
  if (labels == NULL)
    return NULL;
  g_autofree char *copy = g_strndup (labels, length);
  parser->labels = g_strsplit (copy, "\n", -1);
  parser->n_labels = g_strv_length (parser->labels);
  parser->n_actions = 1 + 2 * parser->n_labels;
  if (parser->n_labels == 0 || !kg_perceptron_load (&parser->weights, model, "weights", parser->n_actions, error))
    {
      if (parser->n_labels == 0)
        g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: no labels", kg_model_get_path (model));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

KgParser *
kg_parser_load (const char *path, GError **error)
{
  KgModel *model = kg_model_open (path, KG_PARSER_MODEL_KIND, feature_hash (), error);
  return model ? parser_from_model (model, error) : NULL;
}

static KgParser *
parser_from_bytes (GBytes *bytes)
{
  /* A model just serialised is well formed; anything else is a bug. */
  KgModel *model = kg_model_new_from_bytes (bytes, "(parser in training)", KG_PARSER_MODEL_KIND,
                                            feature_hash (), NULL);
  g_assert (model != NULL);
  KgParser *parser = parser_from_model (model, NULL);
  g_assert (parser != NULL);
  return parser;
}

void
kg_parser_free (KgParser *parser)
{
  if (parser == NULL)
    return;
  g_strfreev (parser->labels);
  kg_model_free (parser->model);
  g_free (parser);
}

/* The best legal action for these scores (ties: the lower action). */
static guint
best_legal (const KgParserState *st, const gint32 *scores, guint n_actions)
{
  gboolean allowed[3] = { kg_parser_state_allows (st, KG_SHIFT), kg_parser_state_allows (st, KG_LEFT),
                          kg_parser_state_allows (st, KG_RIGHT) };
  guint best = G_MAXUINT;
  for (guint a = 0; a < n_actions; a++)
    if (allowed[kg_action_move (a)] && (best == G_MAXUINT || scores[a] > scores[best]))
      best = a;
  return best;
}

static void
parse_sentence (const KgParser *parser, KgDocument *doc, const KgSentence *sentence, Sentence *s, gint32 *scores)
{
  sentence_load (s, doc, sentence);
  KgParserState *st = kg_parser_state_new (s->n);
  guint64 features[MAX_FEATURES];
  while (!kg_parser_state_is_final (st))
    {
      guint n = extract_features (s, st, features);
      memset (scores, 0, parser->n_actions * sizeof *scores);
      kg_perceptron_score (&parser->weights, features, n, scores);
      kg_parser_state_apply (st, best_legal (st, scores, parser->n_actions));
    }
  for (guint i = 1; i <= s->n; i++)
    {
      KgToken *t = kg_document_get_token_mut (doc, sentence->first_token + i - 1);
      t->head = st->head[i] == s->n + 1 ? 0 : (int) st->head[i];
      t->deprel = kg_document_intern (doc, parser->labels[st->label[i]]);
    }
  kg_parser_state_free (st);
}

void
kg_parser_parse (const KgParser *parser, KgDocument *doc)
{
  g_return_if_fail (parser != NULL && doc != NULL);
  guint longest = 1;
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    longest = MAX (longest, kg_document_get_sentence (doc, i)->n_tokens);
  g_autoptr (Sentence) s = sentence_new (longest);
  g_autofree gint32 *scores = g_new (gint32, parser->n_actions);
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    parse_sentence (parser, doc, kg_document_get_sentence (doc, i), s, scores);
}

/* ---- training ------------------------------------------------------------- */

/* The gold trees of the training data, kept apart from the documents,
 * whose tags are replaced by predicted ones. */
typedef struct {
  guint *heads;   /* per sentence token (document order): 1-based head, 0 for ROOT */
  guint *labels;  /* label ids */
} GoldTrees;

/* Sorted deprels of the training data. */
static GPtrArray *
collect_labels (GPtrArray *docs)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint d = 0; d < docs->len; d++)
    for (guint i = 0; i < kg_document_get_n_tokens (docs->pdata[d]); i++)
      {
        const char *deprel = kg_document_get_token (docs->pdata[d], i)->deprel;
        if (deprel)
          g_hash_table_add (seen, (gpointer) deprel);
      }
  g_autoptr (GPtrArray) sorted = kg_sorted_keys (seen);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < sorted->len; l++)
    g_ptr_array_add (labels, g_strdup (sorted->pdata[l]));
  return labels;
}

static guint
label_id (GPtrArray *labels, const char *deprel)
{
  for (guint l = 0; l < labels->len; l++)
    if (g_strcmp0 (labels->pdata[l], deprel) == 0)
      return l;
  return 0;
}

/* Reads the gold tree of a sentence; FALSE if it is not a tree of 1..n. */
static gboolean
read_gold (const KgDocument *doc, const KgSentence *sentence, GPtrArray *labels, guint *heads, guint *label_ids)
{
  guint n = sentence->n_tokens, roots = 0;
  for (guint i = 1; i <= n; i++)
    {
      const KgToken *t = kg_document_get_token (doc, sentence->first_token + i - 1);
      if (t->head < 0 || (guint) t->head > n || (guint) t->head == i)
        return FALSE;
      heads[i] = t->head;
      label_ids[i] = label_id (labels, t->deprel);
      roots += t->head == 0;
    }
  return roots == 1;
}

typedef struct {
  KgPerceptronTrainer *trainer;
  GPtrArray *labels;
  guint n_actions;
  GRand *rand;
  gboolean explore;
  guint64 decisions, mistakes;
} Training;

/* The full cost of each action: lost gold arcs, plus one for a right arc
 * with the wrong label. */
static guint
action_cost (const KgParserState *st, const guint costs[3], const guint *heads, const guint *labels, guint action)
{
  KgMove move = kg_action_move (action);
  guint cost = costs[move];
  if (cost == G_MAXUINT || move == KG_SHIFT)
    return cost;
  guint s0 = kg_parser_state_s (st, 0);
  guint head = move == KG_LEFT ? st->next : kg_parser_state_s (st, 1);
  guint gold_head = heads[s0] == 0 ? st->n + 1 : heads[s0];
  return cost + (gold_head == head && labels[s0] != kg_action_label (action));
}

static void
train_sentence (Training *tr, const Sentence *s, const guint *heads, const guint *labels, float *scores,
                guint *costs_all)
{
  KgParserState *st = kg_parser_state_new (s->n);
  guint64 features[MAX_FEATURES];
  while (!kg_parser_state_is_final (st))
    {
      guint n = extract_features (s, st, features);
      memset (scores, 0, tr->n_actions * sizeof *scores);
      kg_perceptron_trainer_score (tr->trainer, features, n, FALSE, scores);
      guint costs[3];
      kg_parser_state_costs (st, heads, costs);
      guint least = G_MAXUINT;
      for (guint a = 0; a < tr->n_actions; a++)
        {
          costs_all[a] = action_cost (st, costs, heads, labels, a);
          least = MIN (least, costs_all[a]);
        }
      guint predicted = G_MAXUINT, best_correct = G_MAXUINT;
      for (guint a = 0; a < tr->n_actions; a++)
        {
          if (costs_all[a] == G_MAXUINT)
            continue;
          if (predicted == G_MAXUINT || scores[a] > scores[predicted])
            predicted = a;
          if (costs_all[a] == least && (best_correct == G_MAXUINT || scores[a] > scores[best_correct]))
            best_correct = a;
        }
      tr->decisions++;
      if (costs_all[predicted] > least)
        {
          tr->mistakes++;
          kg_perceptron_trainer_update (tr->trainer, features, n, best_correct, predicted);
        }
      kg_perceptron_trainer_tick (tr->trainer);
      gboolean follow_prediction = tr->explore && g_rand_double (tr->rand) < EXPLORE_PROBABILITY;
      kg_parser_state_apply (st, follow_prediction ? predicted : best_correct);
    }
  kg_parser_state_free (st);
}

static GBytes *
serialise (const KgPerceptronTrainer *trainer, GPtrArray *labels, float min_weight)
{
  KgModelWriter *writer = kg_model_writer_new (KG_PARSER_MODEL_KIND, feature_hash ());
  g_autoptr (GString) names = g_string_new (NULL);
  for (guint l = 0; l < labels->len; l++)
    g_string_append_printf (names, "%s%s", l ? "\n" : "", (char *) labels->pdata[l]);
  kg_model_writer_add (writer, "labels", names->str, names->len);
  kg_perceptron_trainer_save (trainer, writer, "weights", min_weight);
  return kg_model_writer_finish (writer);
}

static void
parse_document (gconstpointer parser, KgDocument *document)
{
  kg_parser_parse (parser, document);
}

enum { WORDS, HEADS_RIGHT, BOTH_RIGHT, N_ATTACHMENT_COUNTS };

static void
count_attachments (const KgToken *predicted, const KgToken *gold, guint *counts)
{
  gboolean head_right = predicted->head == gold->head;
  counts[WORDS]++;
  counts[HEADS_RIGHT] += head_right;
  counts[BOTH_RIGHT] += head_right && g_strcmp0 (predicted->deprel, gold->deprel) == 0;
}

/* Attachment scores on dev: every word counts, punctuation included (as
 * the CoNLL 2018 shared task counted). */
static double
evaluate (const KgParser *parser, GPtrArray *dev, double *uas)
{
  guint counts[N_ATTACHMENT_COUNTS] = { 0 };
  kg_train_score_dev (dev, parse_document, parser, count_attachments, counts);
  *uas = counts[WORDS] ? (double) counts[HEADS_RIGHT] / counts[WORDS] : 0.0;
  return counts[WORDS] ? (double) counts[BOTH_RIGHT] / counts[WORDS] : 0.0;
}

GBytes *
kg_parser_train (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *base)
{
  g_autoptr (GPtrArray) labels = collect_labels (train);
  g_autoptr (GArray) sentences = kg_train_collect_sentences (train);
  /* Gold trees, projectivised, per training sentence. */
  guint total_tokens = 0;
  for (guint i = 0; i < sentences->len; i++)
    {
      const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, i);
      total_tokens += kg_document_get_sentence (ref->document, ref->index)->n_tokens + 2;
    }
  g_autofree guint *all_heads = g_new0 (guint, total_tokens);
  g_autofree guint *all_labels = g_new0 (guint, total_tokens);
  g_autofree guint *offsets = g_new0 (guint, sentences->len);
  g_autofree gboolean *usable = g_new0 (gboolean, sentences->len);
  guint offset = 0, lifted = 0, unusable = 0, longest = 1;
  for (guint i = 0; i < sentences->len; i++)
    {
      const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, i);
      const KgSentence *sentence = kg_document_get_sentence (ref->document, ref->index);
      offsets[i] = offset;
      usable[i] = read_gold (ref->document, sentence, labels, all_heads + offset, all_labels + offset);
      if (usable[i])
        lifted += kg_projectivise (all_heads + offset, sentence->n_tokens);
      unusable += !usable[i];
      longest = MAX (longest, sentence->n_tokens);
      offset += sentence->n_tokens + 2;
    }
  kg_train_report (base, "parser: %u sentences (%u not trees, skipped), %u labels, %u arcs lifted to projectivise",
                   sentences->len, unusable, labels->len, lifted);

  Training tr = { kg_perceptron_trainer_new (1 + 2 * labels->len), labels, 1 + 2 * labels->len,
                  g_rand_new_with_seed (base->seed), FALSE, 0, 0 };
  g_autoptr (Sentence) s = sentence_new (longest);
  g_autofree float *scores = g_new (float, tr.n_actions);
  g_autofree guint *costs = g_new (guint, tr.n_actions);
  g_autofree guint *order = g_new (guint, sentences->len);
  GBytes *best = NULL;
  double best_las = -1.0;
  for (guint epoch = 1; epoch <= base->iterations; epoch++)
    {
      /* Shuffle the indices, not the sentences, so gold trees stay aligned. */
      kg_train_order (order, sentences->len, base->seed, epoch);
      tr.explore = epoch > 1;
      tr.decisions = tr.mistakes = 0;
      for (guint k = 0; k < sentences->len; k++)
        {
          guint i = order[k];
          if (!usable[i])
            continue;
          const KgSentenceRef *ref = &g_array_index (sentences, KgSentenceRef, i);
          sentence_load (s, ref->document, kg_document_get_sentence (ref->document, ref->index));
          train_sentence (&tr, s, all_heads + offsets[i], all_labels + offsets[i], scores, costs);
        }
      g_autoptr (GBytes) bytes = serialise (tr.trainer, labels, base->min_weight);
      double las = -1.0, uas = -1.0;
      if (dev)
        {
          g_autoptr (KgParser) parser = parser_from_bytes (bytes);
          las = evaluate (parser, dev, &uas);
        }
      kg_train_report (base, "parser: iteration %u: %.2f%% decisions wrong, dev UAS %.2f%% LAS %.2f%%, %u features",
                       epoch, 100.0 * tr.mistakes / MAX (tr.decisions, 1), 100 * uas, 100 * las,
                       kg_perceptron_trainer_get_n_features (tr.trainer));
      if (dev == NULL || las > best_las)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_bytes_ref (bytes);
          best_las = las;
        }
    }
  kg_perceptron_trainer_free (tr.trainer);
  g_rand_free (tr.rand);
  return best;
}
