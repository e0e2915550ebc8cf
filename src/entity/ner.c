/* ner.c: the averaged-perceptron BILOU name recogniser (entity stage; see
 * ner.h for the method). */
#include "ner.h"
#include "ner-capitals.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"
#include "nlp/perceptron.h"
#include "nlp/word-shape.h"

#include <string.h>

/* Bump the version whenever extract_features() changes. */
static const char feature_set[] =
  "ner-5: history history.shape bias lower form shape suffix1-4 prefix1-3 flags upos xpos upos-1 upos+1 xpos-1.xpos xpos.xpos+1 "
  "lower-1 lower-2 lower+1 lower+2 form-1 form+1 shape-1 shape+1 y-1 y-2 y-1.y-2 y-1.lower y-1.shape y-1.upos "
  "gaz gaz-1 gaz+1 gaz.y-1 doccase.flags headline.flags lower-1.lower lower.lower+1 upos-1.upos.upos+1 "
  "gaz.shape shape-1.shape.shape+1 lower-1.lower+1 lower.shape+1 shape-1.lower lowered.flags lowered.flags.gaz "
  "capitals.flags capitals.flags.first "
  "run.head run.headmarks run.firstmarks run.after run.before run.length";

/* Labels: O, then B I L U for each type. */
enum { LABEL_O = 0, N_TYPES = 3, N_LABELS = 1 + 4 * N_TYPES };
enum { B = 0, I, L, U };
static const KgEntityType label_types[N_TYPES] = { KG_ENTITY_PERSON, KG_ENTITY_ORG, KG_ENTITY_LOC };

static guint label (guint type, guint position) { return 1 + 4 * type + position; }
static guint label_type (guint l) { return (l - 1) / 4; }
static guint label_position (guint l) { return (l - 1) % 4; }

#define MAX_FEATURES 64
#define MAX_GAZETTEER_WORDS 4

struct _KgNer {
  KgModel *model;
  KgPerceptron weights;
  KgNerCapitals capitals;
  const KgLexicon *lexicon;
};

static guint64
feature_hash (void)
{
  return kg_stable_hash (feature_set, sizeof feature_set - 1);
}

/* ---- what the features see ---------------------------------------------- */

typedef struct {
  guint n;
  KgWordShape *words;
  guint64 *upos, *xpos;
  guint *gazetteer;
  guint *capitals;                /* kg_ner_capitals_lookup() of each word */
  guint *marks;                   /* kg_lexicon_marks() of each word */
  guint *run_first, *run_last;    /* the capitalised run a word is in; G_MAXUINT if none */
  const KgNerCapitals *table;
  GHashTable *cases;
  GHashTable *history;  /* word -> type + 1 of the last name it was part of in the document */
  gboolean headline;
  gboolean lowered;     /* no capitalised word after the first */
} Sentence;

static void
sentence_clear (Sentence *s)
{
  g_free (s->words);
  g_free (s->upos);
  g_free (s->xpos);
  g_free (s->gazetteer);
  g_free (s->capitals);
  g_free (s->marks);
  g_free (s->run_first);
  g_free (s->run_last);
}

/* The words i..i+n-1 of the sentence joined by spaces. */
static char *
phrase (const KgDocument *doc, const KgSentence *sentence, guint i, guint n)
{
  GString *text = g_string_sized_new (64);
  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, kg_document_get_token (doc, sentence->first_token + i + k)->form);
    }
  return g_string_free (text, FALSE);
}

/* The lists that mark a word wherever it stands. */
#define WORD_MARKS (KG_LEXICON_DEMONYM | KG_LEXICON_MALE_NAME | KG_LEXICON_FEMALE_NAME | KG_LEXICON_HONORIFIC \
                    | KG_LEXICON_ORG_WORD | KG_LEXICON_PLACE_WORD | KG_LEXICON_ALIAS)

/* The list a whole name is found in (country before subdivision before
 * role), as its mark; 0 if none. */
static guint
name_mark (guint marks)
{
  return marks & KG_LEXICON_COUNTRY       ? KG_LEXICON_COUNTRY
         : marks & KG_LEXICON_SUBDIVISION ? KG_LEXICON_SUBDIVISION
         : marks & KG_LEXICON_CAPITAL     ? KG_LEXICON_CAPITAL
         : marks & KG_LEXICON_ORG_NAME    ? KG_LEXICON_ORG_NAME
         : marks & KG_LEXICON_ROLE        ? KG_LEXICON_ROLE : 0;
}

/* Marks the words covered by the longest gazetteer name starting at i,
 * whose own marks are word_marks. */
static void
mark_names (const KgLexicon *lexicon, const KgDocument *doc, const KgSentence *sentence, guint i, guint word_marks,
            guint *gazetteer)
{
  for (guint n = MIN (MAX_GAZETTEER_WORDS, sentence->n_tokens - i); n >= 1; n--)
    {
      guint mark = n == 1 ? name_mark (word_marks) : 0;
      if (n > 1)
        {
          g_autofree char *text = phrase (doc, sentence, i, n);
          mark = name_mark (kg_lexicon_marks (lexicon, text));
        }
      if (mark)
        {
          for (guint k = 0; k < n; k++)
            gazetteer[i + k] |= mark;
          return;
        }
    }
}

/* Remembers, for the rest of the document, the type of every word of
 * the names labels found ("extended prediction history", Ratinov and Roth
 * 2009): a name once recognised helps recognise it again. */
static void
remember_names (const Sentence *s, const guint *labels)
{
  for (guint i = 0; i < s->n; i++)
    if (labels[i] != LABEL_O)
      g_hash_table_insert (s->history, GUINT_TO_POINTER ((guint) s->words[i].lower | 1),
                           GUINT_TO_POINTER (label_type (labels[i]) + 1));
}

static gboolean
is_capitalised (const KgWordShape *w)
{
  return (w->flags & (KG_WORD_TITLE | KG_WORD_ALL_UPPER)) && !(w->flags & KG_WORD_NO_LETTER);
}

static gboolean
is_run_joiner (const char *form)
{
  static const char *const joiners[] = { "of", "for", "and", "&", "de", "on", "the" };
  for (guint i = 0; i < G_N_ELEMENTS (joiners); i++)
    if (strcmp (form, joiners[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Finds the runs of capitalised words, joined across "of", "for", "and"
 * ... between two of them ("Bank of England", "Shanghai Cooperation
 * Organization"): a name's last word says most of its type, and a
 * perceptron that looks one word ahead cannot see it.  Headlines, all
 * capitalised, have none. */
static void
find_runs (Sentence *s, const KgDocument *doc, const KgSentence *sentence)
{
  for (guint i = 0; i < s->n; i++)
    s->run_first[i] = s->run_last[i] = G_MAXUINT;
  if (s->headline)
    return;
  for (guint i = 0; i < s->n;)
    {
      if (!is_capitalised (&s->words[i]))
        {
          i++;
          continue;
        }
      guint end = i;
      for (;;)
        {
          if (end + 1 < s->n && is_capitalised (&s->words[end + 1]))
            end++;
          else if (end + 2 < s->n && is_capitalised (&s->words[end + 2])
                   && is_run_joiner (kg_document_get_token (doc, sentence->first_token + end + 1)->form))
            end += 2;
          else
            break;
        }
      for (guint k = i; k <= end; k++)
        {
          s->run_first[k] = i;
          s->run_last[k] = end;
        }
      i = end + 1;
    }
}

static void
sentence_load (Sentence *s, const KgLexicon *lexicon, const KgDocument *doc, const KgSentence *sentence,
               GHashTable *cases)
{
  s->n = sentence->n_tokens;
  s->words = g_renew (KgWordShape, s->words, s->n);
  s->upos = g_renew (guint64, s->upos, s->n);
  s->xpos = g_renew (guint64, s->xpos, s->n);
  s->gazetteer = g_renew (guint, s->gazetteer, s->n);
  s->capitals = g_renew (guint, s->capitals, s->n);
  s->marks = g_renew (guint, s->marks, s->n);
  s->run_first = g_renew (guint, s->run_first, s->n);
  s->run_last = g_renew (guint, s->run_last, s->n);
  s->cases = cases;
  memset (s->gazetteer, 0, s->n * sizeof *s->gazetteer);
  memset (s->marks, 0, s->n * sizeof *s->marks);
  for (guint i = 0; i < s->n; i++)
    {
      const KgToken *t = kg_document_get_token (doc, sentence->first_token + i);
      kg_word_shape_compute (t->form, &s->words[i]);
      s->capitals[i] = kg_ner_capitals_lookup (s->table, s->words[i].lower);
      s->upos[i] = t->upos + 1;
      s->xpos[i] = kg_feature_string (t->xpos ? t->xpos : "_", -1);
      guint *g = &s->gazetteer[i];
      if (!(s->words[i].flags & KG_WORD_NO_LETTER))
        {
          guint marks = kg_lexicon_marks (lexicon, t->form);
          s->marks[i] = marks;
          *g |= marks & WORD_MARKS;
          mark_names (lexicon, doc, sentence, i, marks, s->gazetteer);
        }
    }
  s->headline = kg_words_look_like_headline (s->words, s->n);
  /* Much web text is written all in lower case, where a word's case says
   * nothing of whether it is a name. */
  guint letters = 0, capitals = 0;
  for (guint i = 1; i < s->n; i++)
    if (!(s->words[i].flags & KG_WORD_NO_LETTER))
      {
        letters++;
        capitals += (s->words[i].flags & (KG_WORD_TITLE | KG_WORD_ALL_UPPER)) && s->words[i].length > 1;
      }
  s->lowered = letters >= 3 && capitals == 0;
  find_runs (s, doc, sentence);
}

static const KgWordShape boundary = { .form = 3, .lower = 3, .shape = 3 };

static guint
extract_features (const Sentence *s, guint i, guint y1, guint y2, guint64 *f)
{
  const KgWordShape *w = &s->words[i];
  const KgWordShape *m1 = i > 0 ? &s->words[i - 1] : &boundary, *m2 = i > 1 ? &s->words[i - 2] : &boundary;
  const KgWordShape *p1 = i + 1 < s->n ? &s->words[i + 1] : &boundary;
  const KgWordShape *p2 = i + 2 < s->n ? &s->words[i + 2] : &boundary;
  guint64 u = s->upos[i], um1 = i > 0 ? s->upos[i - 1] : 0, up1 = i + 1 < s->n ? s->upos[i + 1] : 0;
  guint64 x = s->xpos[i], xm1 = i > 0 ? s->xpos[i - 1] : 0, xp1 = i + 1 < s->n ? s->xpos[i + 1] : 0;
  guint g = s->gazetteer[i], gm1 = i > 0 ? s->gazetteer[i - 1] : 0, gp1 = i + 1 < s->n ? s->gazetteer[i + 1] : 0;
  guint k = 0;
#define F1(a) (f[k] = kg_feature2 (k, (a), 0), k++)
#define F2(a, b) (f[k] = kg_feature2 (k, (a), (b)), k++)
#define F3(a, b, c) (f[k] = kg_feature3 (k, (a), (b), (c)), k++)
  F1 (0);
  F1 (w->lower); F1 (w->form); F1 (w->shape);
  for (guint a = 0; a < 4; a++)
    F1 (w->suffix[a]);
  for (guint a = 0; a < 3; a++)
    F1 (w->prefix[a]);
  F1 (w->flags); F1 (u); F1 (x); F1 (um1); F1 (up1); F2 (xm1, x); F2 (x, xp1);
  F1 (m1->lower); F1 (m2->lower); F1 (p1->lower); F1 (p2->lower); F1 (m1->form); F1 (p1->form);
  F1 (m1->shape); F1 (p1->shape);
  F1 (y1); F1 (y2); F2 (y1, y2); F2 (y1, w->lower); F2 (y1, w->shape); F2 (y1, u);
  F1 (g); F1 (gm1); F1 (gp1); F2 (g, y1);
  F3 (kg_word_case_of (s->cases, w), w->flags, i == 0); F2 (s->headline, w->flags);
  F2 (m1->lower, w->lower); F2 (w->lower, p1->lower); F3 (um1, u, up1);
  guint history = GPOINTER_TO_UINT (g_hash_table_lookup (s->history, GUINT_TO_POINTER ((guint) w->lower | 1)));
  F1 (history); F2 (history, w->shape);
  F2 (g, w->shape); F3 (m1->shape, w->shape, p1->shape); F2 (m1->lower, p1->lower);
  F2 (w->lower, p1->shape); F2 (m1->shape, w->lower);
  F2 (s->lowered, w->flags); F3 (s->lowered, w->flags, g);
  F2 (s->capitals[i], w->flags); F3 (s->capitals[i], w->flags, i == 0);
  {
    /* where the word stands in its capitalised run: 0 none, 1 alone, 2
     * first, 3 inside, 4 last */
    guint first = s->run_first[i], last = s->run_last[i];
    guint at = first == G_MAXUINT ? 0 : first == last ? 1 : i == first ? 2 : i == last ? 4 : 3;
    guint64 head = 0, after = 0, before = 0;
    guint head_marks = 0, first_marks = 0, length = 0;
    if (at)
      {
        head = s->words[last].lower;
        head_marks = s->marks[last];
        first_marks = s->marks[first];
        after = last + 1 < s->n ? s->words[last + 1].lower : boundary.lower;
        before = first > 0 ? s->words[first - 1].lower : boundary.lower;
        length = MIN (last - first + 1, 5);
      }
    F2 (at, head); F2 (at, head_marks); F2 (at, first_marks); F2 (at, after); F2 (at, before); F2 (at, length);
  }
#undef F1
#undef F2
#undef F3
  g_assert (k <= MAX_FEATURES);
  return k;
}

/* May label l follow label previous (at the end of a sentence if last)? */
static gboolean
label_allowed (guint previous, guint l, gboolean last)
{
  gboolean open = previous != LABEL_O && (label_position (previous) == B || label_position (previous) == I);
  if (open)
    return l != LABEL_O && label_type (l) == label_type (previous)
           && (label_position (l) == L || (!last && label_position (l) == I));
  if (l == LABEL_O)
    return TRUE;
  return label_position (l) == U || (!last && label_position (l) == B);
}

/* The label to learn at a word whose gold label is gold, when the labels
 * predicted so far end in previous: gold itself when it may follow, else
 * the nearest label that may ("I-X" after "O" becomes "B-X"; a span left
 * open where gold has none is closed with "L-X").  Learning an impossible
 * label would only teach the word's own features to fight the rule. */
static guint
reachable_label (guint previous, guint gold, gboolean last)
{
  if (label_allowed (previous, gold, last))
    return gold;
  gboolean open = previous != LABEL_O && (label_position (previous) == B || label_position (previous) == I);
  if (open)
    return label (label_type (previous), L);
  guint position = label_position (gold);
  return label (label_type (gold), position == I && !last ? B : U);
}

/* ---- recognising ---------------------------------------------------------- */

/* Labels a sentence greedily; writes labels. */
static void
label_sentence (const Sentence *s, const KgPerceptron *weights, guint *labels)
{
  guint64 features[MAX_FEATURES];
  gint32 scores[N_LABELS];
  guint y1 = LABEL_O, y2 = LABEL_O;
  for (guint i = 0; i < s->n; i++)
    {
      guint n = extract_features (s, i, y1, y2, features);
      memset (scores, 0, sizeof scores);
      kg_perceptron_score (weights, features, n, scores);
      guint best = G_MAXUINT;
      for (guint l = 0; l < N_LABELS; l++)
        if (label_allowed (y1, l, i + 1 == s->n) && (best == G_MAXUINT || scores[l] > scores[best]))
          best = l;
      labels[i] = best;
      y2 = y1;
      y1 = best;
    }
}

/* Calls add() for each span of labels. */
static void
for_each_span (const guint *labels, guint n, void (*add) (guint first, guint n, KgEntityType type, gpointer),
               gpointer user_data)
{
  for (guint i = 0; i < n; i++)
    {
      if (labels[i] == LABEL_O || (label_position (labels[i]) != B && label_position (labels[i]) != U))
        continue;
      guint end = i;
      while (label_position (labels[end]) != U && label_position (labels[end]) != L && end + 1 < n)
        end++;
      add (i, end - i + 1, label_types[label_type (labels[i])], user_data);
      i = end;
    }
}

/* The first word of the span that contains word i. */
static guint
span_start (const guint *labels, guint i)
{
  while (i > 0 && label_position (labels[i]) != B && label_position (labels[i]) != U)
    i--;
  return i;
}

/* The last word of the span that contains word i. */
static guint
span_end (const guint *labels, guint i, guint n)
{
  while (i + 1 < n && label_position (labels[i]) != L && label_position (labels[i]) != U)
    i++;
  return i;
}

/* ---- one type per name in a document -------------------------------------- */

#define MAX_REPEATED_WORDS 6

typedef struct {
  guint votes[N_TYPES];
} Votes;

typedef struct {
  const KgDocument *doc;
  const KgSentence *sentence;
  const KgLexicon *lexicon;
  GHashTable *names;     /* the words of a name -> Votes */
  GHashTable *initials;  /* "SCO" -> Votes of "Shanghai Cooperation Organization" */
} VoteContext;

static Votes *
votes_for (GHashTable *table, char *key)
{
  Votes *v = g_hash_table_lookup (table, key);
  if (v == NULL)
    {
      v = g_new0 (Votes, 1);
      g_hash_table_insert (table, key, v);
    }
  else
    g_free (key);
  return v;
}

/* The initials of a name of two or more capitalised words, skipping
 * "of", "and", "for", "the" ("Coalition Provisional Authority" -> "CPA");
 * NULL for other names.  (transfer full) */
static char *
initials_of (const KgDocument *doc, guint first, guint n)
{
  GString *out = g_string_new (NULL);
  guint words = 0;
  for (guint k = 0; k < n; k++)
    {
      const char *form = kg_document_get_token (doc, first + k)->form;
      gunichar c = g_utf8_get_char (form);
      if (g_unichar_isupper (c) && g_ascii_isalpha (*form))
        {
          g_string_append_c (out, *form);
          words++;
        }
      else if (!is_run_joiner (form))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  if (words < 2)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
vote_span (guint first, guint n, KgEntityType type, gpointer user_data)
{
  VoteContext *cx = user_data;
  guint t = 0;
  while (label_types[t] != type)
    t++;
  votes_for (cx->names, phrase (cx->doc, cx->sentence, first, n))->votes[t]++;
  /* a person's name also without the titles and nationality before it
   * ("Industry Minister Andrei Kuznetsov" is "Andrei Kuznetsov") */
  guint cut = 0;
  while (type == KG_ENTITY_PERSON && cut + 2 < n
         && (kg_lexicon_marks (cx->lexicon, kg_document_get_token (cx->doc, cx->sentence->first_token + first + cut)->form)
             & (KG_LEXICON_ROLE | KG_LEXICON_HONORIFIC | KG_LEXICON_DEMONYM)))
    cut++;
  if (cut > 0)
    votes_for (cx->names, phrase (cx->doc, cx->sentence, first + cut, n - cut))->votes[t]++;
  char *initials = n > 1 ? initials_of (cx->doc, cx->sentence->first_token + first, n) : NULL;
  if (initials)
    votes_for (cx->initials, initials)->votes[t]++;
}

/* The type most names with these words have; G_MAXUINT on a tie or for
 * words no name has. */
static guint
winner (const Votes *v)
{
  if (v == NULL)
    return G_MAXUINT;
  guint best = 0;
  gboolean tie = FALSE;
  for (guint t = 1; t < N_TYPES; t++)
    if (v->votes[t] > v->votes[best])
      best = t, tie = FALSE;
    else if (v->votes[t] == v->votes[best])
      tie = TRUE;
  return tie ? G_MAXUINT : best;
}

/* The length of the longest name of the document (two words or more,
 * with a clear type) written at word w of a sentence over pieces: over
 * several names, or over names and unlabelled words, no name reaching
 * past its end (one may begin before it: "Minister Andrei" "Kuznetsov");
 * 0 if none. */
static guint
known_name_over_pieces (const KgDocument *doc, const KgSentence *sentence, const guint *l, guint w,
                        GHashTable *names)
{
  if (!g_unichar_isupper (g_utf8_get_char (kg_document_get_token (doc, sentence->first_token + w)->form)))
    return 0;
  for (guint n = MIN (MAX_REPEATED_WORDS, sentence->n_tokens - w); n >= 2; n--)
    {
      guint last = w + n - 1;
      if (l[last] != LABEL_O && label_position (l[last]) != L && label_position (l[last]) != U)
        continue;
      /* already one name, or no name at all inside: the other rules' business */
      guint spans = l[w] != LABEL_O && (label_position (l[w]) == I || label_position (l[w]) == L), labelled = 0;
      for (guint k = w; k <= last; k++)
        {
          spans += l[k] != LABEL_O && (label_position (l[k]) == B || label_position (l[k]) == U);
          labelled += l[k] != LABEL_O;
        }
      if (spans < 2 && !(spans == 1 && labelled < n))
        continue;
      g_autofree char *text = phrase (doc, sentence, w, n);
      const Votes *v = g_hash_table_lookup (names, text);
      if (v && winner (v) != G_MAXUINT)
        return n;
    }
  return 0;
}

static void
set_span (guint *labels, guint first, guint n, guint type)
{
  if (n == 1)
    labels[first] = label (type, U);
  else
    {
      labels[first] = label (type, B);
      for (guint k = 1; k + 1 < n; k++)
        labels[first + k] = label (type, I);
      labels[first + n - 1] = label (type, L);
    }
}

/* A name keeps one type through its document, the one most of its
 * mentions were given, and its words written the same way elsewhere in
 * the document are that name too, as are its initials ("Shanghai
 * Cooperation Organization" ... "SCO"): the recogniser decides a name
 * from its context, which some mentions lack.  A single word the
 * document also writes in lower case is left alone ("Will").  labels
 * holds each sentence's labels. */
static void
harmonise (const KgDocument *doc, const KgLexicon *lexicon, guint **labels, GHashTable *cases)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_sentences = kg_document_get_n_sentences (doc);
  for (guint i = 0; i < n_sentences; i++)
    {
      VoteContext cx = { doc, kg_document_get_sentence (doc, i), lexicon, names, initials };
      for_each_span (labels[i], cx.sentence->n_tokens, vote_span, &cx);
    }
  if (g_hash_table_size (names) == 0)
    return;
  for (guint i = 0; i < n_sentences; i++)
    {
      /* "Andrei" "Kuznetsov" found apart where the document names
       * "Andrei Kuznetsov": one name, a piece before it cut off */
      const KgSentence *sentence = kg_document_get_sentence (doc, i);
      guint *l = labels[i];
      for (guint w = 0; w < sentence->n_tokens; w++)
        {
          guint longer = known_name_over_pieces (doc, sentence, l, w, names);
          if (longer == 0)
            continue;
          if (l[w] != LABEL_O && (label_position (l[w]) == I || label_position (l[w]) == L))
            {
              guint start = span_start (l, w);
              set_span (l, start, w - start, label_type (l[start]));
            }
          g_autofree char *text = phrase (doc, sentence, w, longer);
          set_span (l, w, longer, winner (g_hash_table_lookup (names, text)));
          w += longer - 1;
        }
    }
  for (guint i = 0; i < n_sentences; i++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, i);
      guint *l = labels[i];
      for (guint w = 0; w < sentence->n_tokens; w++)
        {
          if (l[w] != LABEL_O)
            {
              /* a name found here: its document's type */
              guint end = w;
              while (label_position (l[end]) != U && label_position (l[end]) != L && end + 1 < sentence->n_tokens)
                end++;
              g_autofree char *text = phrase (doc, sentence, w, end - w + 1);
              guint type = winner (g_hash_table_lookup (names, text));
              if (type != G_MAXUINT && type != label_type (l[w]))
                set_span (l, w, end - w + 1, type);
              w = end;
              continue;
            }
          const KgToken *t = kg_document_get_token (doc, sentence->first_token + w);
          if (!g_unichar_isupper (g_utf8_get_char (t->form)))
            continue;
          /* the longest name of the document written here, on words no name covers */
          guint free_words = 0;
          while (free_words < MAX_REPEATED_WORDS && w + free_words < sentence->n_tokens && l[w + free_words] == LABEL_O)
            free_words++;
          for (guint n = free_words; n >= 1; n--)
            {
              g_autofree char *text = phrase (doc, sentence, w, n);
              const Votes *v = g_hash_table_lookup (names, text);
              if (v == NULL && n == 1)
                v = g_hash_table_lookup (initials, text);
              if (v == NULL)
                continue;
              if (n == 1)
                {
                  KgWordShape shape;
                  kg_word_shape_compute (t->form, &shape);
                  if (kg_word_case_of (cases, &shape) & 1)
                    break;
                }
              guint type = winner (v);
              if (type != G_MAXUINT)
                {
                  set_span (l, w, n, type);
                  w += n - 1;
                }
              break;
            }
        }
    }
}

/* ---- names the labels cut in pieces ----------------------------------------- */

static gboolean
is_arabic_article (const char *form)
{
  static const char *const articles[] = { "al", "el", "az", "ash", "ar" };
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (g_ascii_strcasecmp (form, articles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_company_suffix (const char *form)
{
  static const char *const suffixes[] = { "Inc", "Inc.", "INC", "INC.", "Ltd", "Ltd.", "LTD", "LLC", "L.L.C.",
                                          "Corp", "Corp.", "Co.", "PLC", "plc", "L.P.", "LP" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (form, suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Mends two kinds of name the labels cut in pieces: an Arabic article
 * joined by a hyphen ("Muqtada al - Sadr", "al - Qaida", tokenised apart
 * as in UD), one name with the type of the name before it, else after
 * it; and a company suffix after a comma labelled a name of its own
 * ("CCNG , Inc."), one organisation with the word before the comma. */
static void
mend_pieces (const KgDocument *doc, const KgSentence *sentence, guint *l)
{
  guint n = sentence->n_tokens;
  for (guint i = 0; i + 2 < n; i++)
    {
      const char *form = kg_document_get_token (doc, sentence->first_token + i)->form;
      const char *next = kg_document_get_token (doc, sentence->first_token + i + 1)->form;
      if (!is_arabic_article (form) || strcmp (next, "-") != 0 || l[i + 2] == LABEL_O)
        continue;
      /* the article's own label says little; the name before it (a
       * given name) or a capitalised word there joins it */
      guint first = i, type = label_type (l[i + 2]);
      if (i > 0 && l[i - 1] != LABEL_O && (l[i] == LABEL_O || span_start (l, i) < i))
        {
          first = span_start (l, i - 1);
          type = label_type (l[first]);
        }
      else if (i > 0 && l[i - 1] == LABEL_O && type == 0 /* PERSON */
               && g_unichar_isupper (g_utf8_get_char (kg_document_get_token (doc, sentence->first_token + i - 1)->form)))
        first = i - 1;
      guint last = span_end (l, i + 2, n);
      set_span (l, first, last - first + 1, type);
      i = last;
    }
  for (guint k = 2; k < n; k++)
    {
      const char *form = kg_document_get_token (doc, sentence->first_token + k)->form;
      const char *comma = kg_document_get_token (doc, sentence->first_token + k - 1)->form;
      const char *before = kg_document_get_token (doc, sentence->first_token + k - 2)->form;
      if (!is_company_suffix (form) || strcmp (comma, ",") != 0 || !g_unichar_isupper (g_utf8_get_char (before))
          || l[k] == LABEL_O || label_position (l[k]) != U || l[k - 1] != LABEL_O)
        continue;
      guint first = l[k - 2] == LABEL_O ? k - 2 : span_start (l, k - 2);
      set_span (l, first, k - first + 1, 1 /* ORG */);
    }
}

/* ---- places written in lower case ------------------------------------------ */

static gboolean
all_lower_letters (const char *form)
{
  /* regions of the gazetteers that are compass words first */
  static const char *const directions[] = { "east", "west", "north", "south", "central", "centre", "center" };
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    if (strcmp (form, directions[i]) == 0)
      return FALSE;
  guint n = 0;
  for (const char *p = form; *p; p = g_utf8_next_char (p), n++)
    if (!g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return n >= 4;
}

/* Much web text writes places in lower case ("a man from brittany
 * france", "between noida and greater noida"), where the recogniser,
 * which leans on capitals, misses them.  A country, subdivision or
 * capital so written (one or two words), that no name covers and that
 * the training text mostly capitalises (so not "turkey" or "china"), is
 * a place. */
static void
add_lowercase_places (const KgNer *ner, const KgDocument *doc, const KgSentence *sentence, guint *l)
{
  const guint places = KG_LEXICON_COUNTRY | KG_LEXICON_SUBDIVISION | KG_LEXICON_CAPITAL;
  for (guint w = 0; w < sentence->n_tokens; w++)
    {
      const KgToken *t = kg_document_get_token (doc, sentence->first_token + w);
      if (l[w] != LABEL_O || (t->upos != KG_UPOS_PROPN && t->upos != KG_UPOS_NOUN && t->upos != KG_UPOS_X)
          || !all_lower_letters (t->form))
        continue;
      KgWordShape shape;
      kg_word_shape_compute (t->form, &shape);
      guint capitalised = kg_ner_capitals_lookup (&ner->capitals, shape.lower);
      if (capitalised != 0 && capitalised < 3)
        continue;
      guint n = 0;
      if (w + 1 < sentence->n_tokens && l[w + 1] == LABEL_O
          && all_lower_letters (kg_document_get_token (doc, sentence->first_token + w + 1)->form))
        {
          g_autofree char *two = phrase (doc, sentence, w, 2);
          if (kg_lexicon_marks (ner->lexicon, two) & places)
            n = 2;
        }
      if (n == 0 && (kg_lexicon_marks (ner->lexicon, t->form) & places))
        n = 1;
      if (n)
        {
          set_span (l, w, n, 2 /* LOC */);
          w += n - 1;
        }
    }
}

typedef struct {
  KgDocument *doc;
  guint offset;
} AddContext;

static void
add_mention (guint first, guint n, KgEntityType type, gpointer user_data)
{
  AddContext *cx = user_data;
  KgMention m = { .first_token = cx->offset + first, .n_tokens = n, .head = cx->offset + first + n - 1,
                  .type = type, .kind = KG_MENTION_NAME, .chain = -1 };
  kg_document_add_mention (cx->doc, &m);
}

/* Labels every sentence of a document in order, each with the names of
 * the sentences before it in its history.  labels[i] gets sentence i's
 * labels. */
static void
label_document (const KgNer *ner, const KgDocument *doc, GHashTable *cases, guint **labels)
{
  g_autoptr (GHashTable) history = g_hash_table_new (g_direct_hash, g_direct_equal);
  Sentence s = { .table = &ner->capitals, .history = history };
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    {
      sentence_load (&s, ner->lexicon, doc, kg_document_get_sentence (doc, i), cases);
      label_sentence (&s, &ner->weights, labels[i]);
      remember_names (&s, labels[i]);
    }
  sentence_clear (&s);
}

/* New label arrays, one per sentence of doc.  (transfer full) */
static guint **
labels_new (const KgDocument *doc)
{
  guint n_sentences = kg_document_get_n_sentences (doc);
  guint **labels = g_new0 (guint *, MAX (n_sentences, 1));
  for (guint i = 0; i < n_sentences; i++)
    labels[i] = g_new0 (guint, MAX (kg_document_get_sentence (doc, i)->n_tokens, 1));
  return labels;
}

static void
labels_free (const KgDocument *doc, guint **labels)
{
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    g_free (labels[i]);
  g_free (labels);
}

void
kg_ner_recognise (const KgNer *ner, KgDocument *doc)
{
  g_return_if_fail (ner != NULL && doc != NULL);
  g_autoptr (GHashTable) cases = kg_word_cases_new (doc);
  guint **labels = labels_new (doc);
  label_document (ner, doc, cases, labels);
  harmonise (doc, ner->lexicon, labels, cases);
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    {
      mend_pieces (doc, kg_document_get_sentence (doc, i), labels[i]);
      add_lowercase_places (ner, doc, kg_document_get_sentence (doc, i), labels[i]);
    }
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, i);
      AddContext cx = { doc, sentence->first_token };
      for_each_span (labels[i], sentence->n_tokens, add_mention, &cx);
    }
  labels_free (doc, labels);
}

static KgNer *
ner_from_model (KgModel *model, const KgLexicon *lexicon, GError **error)
{
  g_autoptr (KgNer) ner = g_new0 (KgNer, 1);
  ner->model = model;
  ner->lexicon = lexicon;
  if (!kg_perceptron_load (&ner->weights, model, "weights", N_LABELS, error))
    return NULL;
  gsize length;
  const void *data = kg_model_get_section (model, "capitals", &length, error);
  if (data == NULL)
    return NULL;
  if (!kg_ner_capitals_init (&ner->capitals, data, length))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt section 'capitals'", kg_model_get_path (model));
      return NULL;
    }
  return g_steal_pointer (&ner);
}

KgNer *
kg_ner_load (const char *path, const KgLexicon *lexicon, GError **error)
{
  KgModel *model = kg_model_open (path, KG_NER_MODEL_KIND, feature_hash (), error);
  return model ? ner_from_model (model, lexicon, error) : NULL;
}

void
kg_ner_free (KgNer *ner)
{
  if (ner == NULL)
    return;
  kg_model_free (ner->model);
  g_free (ner);
}

/* ---- training --------------------------------------------------------------- */

/* Gold labels of a sentence from its gold NAME mentions (PERSON, ORG, LOC;
 * overlapping mentions: the first, longest one wins). */
static void
gold_labels (const KgDocument *doc, const KgSentence *sentence, guint *labels)
{
  memset (labels, 0, sentence->n_tokens * sizeof *labels);
  guint covered = sentence->first_token;
  for (guint m = 0; m < kg_document_get_n_mentions (doc); m++)
    {
      const KgMention *mention = kg_document_get_mention (doc, m);
      if (mention->kind != KG_MENTION_NAME || mention->first_token < covered
          || mention->first_token + mention->n_tokens > sentence->first_token + sentence->n_tokens)
        continue;
      guint type = G_MAXUINT;
      for (guint t = 0; t < N_TYPES; t++)
        if (label_types[t] == mention->type)
          type = t;
      if (type == G_MAXUINT)
        continue;
      guint first = mention->first_token - sentence->first_token;
      if (mention->n_tokens == 1)
        labels[first] = label (type, U);
      else
        {
          labels[first] = label (type, B);
          for (guint k = 1; k + 1 < mention->n_tokens; k++)
            labels[first + k] = label (type, I);
          labels[first + mention->n_tokens - 1] = label (type, L);
        }
      covered = mention->first_token + mention->n_tokens;
    }
}

typedef struct {
  guint gold, predicted, correct;
} SpanCounts;

typedef struct {
  GHashTable *spans;  /* "first:n:type" */
  guint count;
} SpanSet;

static void
collect_span (guint first, guint n, KgEntityType type, gpointer user_data)
{
  SpanSet *set = user_data;
  g_hash_table_add (set->spans, g_strdup_printf ("%u:%u:%d", first, n, type));
  set->count++;
}

static void
count_spans (const guint *gold, const guint *predicted, guint n, SpanCounts *counts)
{
  SpanSet g = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  SpanSet p = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  for_each_span (gold, n, collect_span, &g);
  for_each_span (predicted, n, collect_span, &p);
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, p.spans);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    counts->correct += g_hash_table_contains (g.spans, key);
  counts->gold += g.count;
  counts->predicted += p.count;
  g_hash_table_unref (g.spans);
  g_hash_table_unref (p.spans);
}

static double
f1 (const SpanCounts *c)
{
  double p = c->predicted ? (double) c->correct / c->predicted : 0, r = c->gold ? (double) c->correct / c->gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Span F1 of a trained model on dev's gold names. */
static double
evaluate (const KgNer *ner, GPtrArray *dev)
{
  SpanCounts counts = { 0, 0, 0 };
  for (guint d = 0; d < dev->len; d++)
    {
      KgDocument *doc = dev->pdata[d];
      g_autoptr (GHashTable) cases = kg_word_cases_new (doc);
      guint **predicted = labels_new (doc);
      label_document (ner, doc, cases, predicted);
      harmonise (doc, ner->lexicon, predicted, cases);
      for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
        {
          mend_pieces (doc, kg_document_get_sentence (doc, i), predicted[i]);
          add_lowercase_places (ner, doc, kg_document_get_sentence (doc, i), predicted[i]);
        }
      for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
        {
          const KgSentence *sentence = kg_document_get_sentence (doc, i);
          g_autofree guint *gold = g_new (guint, MAX (sentence->n_tokens, 1));
          gold_labels (doc, sentence, gold);
          count_spans (gold, predicted[i], sentence->n_tokens, &counts);
        }
      labels_free (doc, predicted);
    }
  return f1 (&counts);
}

/* One perceptron step per word of a sentence: greedy, with the model's own
 * previous labels as history, as at run time. */
static void
train_sentence (KgPerceptronTrainer *trainer, Sentence *s, const KgLexicon *lexicon, const KgDocument *doc,
                const KgSentence *sentence, GHashTable *cases, SpanCounts *counts)
{
  guint64 features[MAX_FEATURES];
  sentence_load (s, lexicon, doc, sentence, cases);
  g_autofree guint *gold = g_new (guint, MAX (s->n, 1));
  g_autofree guint *predicted = g_new (guint, MAX (s->n, 1));
  gold_labels (doc, sentence, gold);
  guint y1 = LABEL_O, y2 = LABEL_O;
  for (guint i = 0; i < s->n; i++)
    {
      guint n = extract_features (s, i, y1, y2, features);
      float scores[N_LABELS] = { 0 };
      kg_perceptron_trainer_score (trainer, features, n, FALSE, scores);
      gboolean last = i + 1 == s->n;
      guint guess = G_MAXUINT;
      for (guint l = 0; l < N_LABELS; l++)
        if (label_allowed (y1, l, last) && (guess == G_MAXUINT || scores[l] > scores[guess]))
          guess = l;
      kg_perceptron_trainer_update (trainer, features, n, reachable_label (y1, gold[i], last), guess);
      kg_perceptron_trainer_tick (trainer);
      predicted[i] = guess;
      y2 = y1;
      y1 = guess;
    }
  remember_names (s, predicted);
  count_spans (gold, predicted, s->n, counts);
}

GBytes *
kg_ner_train (GPtrArray *train, GPtrArray *dev, const KgLexicon *lexicon, const KgTrainOptions *options)
{
  kg_train_report (options, "ner: %u documents", train->len);
  g_autoptr (KgPerceptronTrainer) trainer = kg_perceptron_trainer_new (N_LABELS);
  GBytes *best = NULL;
  double best_f1 = -1.0;
  g_autoptr (GBytes) capitals = kg_ner_capitals_count (train);
  KgNerCapitals table;
  gsize capitals_length;
  const void *capitals_data = g_bytes_get_data (capitals, &capitals_length);
  if (!kg_ner_capitals_init (&table, capitals_data, capitals_length))
    g_assert_not_reached ();
  Sentence s = { .table = &table };
  g_autofree guint *order = g_new (guint, MAX (train->len, 1));
  for (guint epoch = 1; epoch <= options->iterations; epoch++)
    {
      /* Documents in a new order each time, their sentences in order, so
       * that the history of names is what it will be at run time. */
      kg_train_order (order, train->len, options->seed, epoch);
      SpanCounts counts = { 0, 0, 0 };
      for (guint d = 0; d < train->len; d++)
        {
          KgDocument *doc = train->pdata[order[d]];
          g_autoptr (GHashTable) cases = kg_word_cases_new (doc);
          g_autoptr (GHashTable) history = g_hash_table_new (g_direct_hash, g_direct_equal);
          s.history = history;
          for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
            train_sentence (trainer, &s, lexicon, doc, kg_document_get_sentence (doc, i), cases, &counts);
        }
      KgModelWriter *writer = kg_model_writer_new (KG_NER_MODEL_KIND, feature_hash ());
      kg_perceptron_trainer_save (trainer, writer, "weights", options->min_weight);
      kg_model_writer_add (writer, "capitals", capitals_data, capitals_length);
      g_autoptr (GBytes) bytes = kg_model_writer_finish (writer);
      double dev_f1 = -1.0;
      if (dev)
        {
          KgModel *model = kg_model_new_from_bytes (bytes, "(ner in training)", KG_NER_MODEL_KIND, feature_hash (),
                                                    NULL);
          g_autoptr (KgNer) ner = ner_from_model (model, lexicon, NULL);
          g_assert (ner != NULL);
          dev_f1 = evaluate (ner, dev);
        }
      kg_train_report (options, "ner: iteration %u: train span F1 %.2f%%, dev span F1 %.2f%%, %u features", epoch,
                       100 * f1 (&counts), 100 * dev_f1, kg_perceptron_trainer_get_n_features (trainer));
      if (dev == NULL || dev_f1 > best_f1)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_bytes_ref (bytes);
          best_f1 = dev_f1;
        }
    }
  sentence_clear (&s);
  return best;
}
