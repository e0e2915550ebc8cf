/* extract-tree.c: the view of one parsed sentence that the extraction
 * rules walk (extraction stage): relations as a small enum, children in one
 * flat array (compressed rows), word classes from the lexicons, and the
 * spans of arguments.
 *
 * A view reuses its arrays from sentence to sentence, so extraction
 * allocates nothing per word.  Trees are checked before use: a head out of
 * range or a cycle makes the sentence unusable rather than a loop.
 *
 * Spans: an argument is the subtree of its head word without the
 * dependents a rule cuts (conjuncts when a coordination is split, relative
 * clauses, appositives, the preposition that becomes the marker), taken as
 * the contiguous run of words around the head, so every span is one piece
 * of the sentence's text (as Stanford Open IE and ClausIE print theirs).
 */
#include "extract-private.h"

#include <string.h>

static const struct {
  const char *name;
  KgDep dep;
} dep_names[] = {
  /* sorted by name for bsearch */
  { "acl", KG_DEP_ACL },
  { "acl:relcl", KG_DEP_ACL_RELCL },
  { "advcl", KG_DEP_ADVCL },
  { "advcl:relcl", KG_DEP_ADVCL },
  { "advmod", KG_DEP_ADVMOD },
  { "amod", KG_DEP_AMOD },
  { "appos", KG_DEP_APPOS },
  { "aux", KG_DEP_AUX },
  { "aux:pass", KG_DEP_AUX_PASS },
  { "case", KG_DEP_CASE },
  { "cc", KG_DEP_CC },
  { "ccomp", KG_DEP_CCOMP },
  { "compound", KG_DEP_COMPOUND },
  { "compound:prt", KG_DEP_COMPOUND_PRT },
  { "conj", KG_DEP_CONJ },
  { "cop", KG_DEP_COP },
  { "csubj", KG_DEP_CSUBJ },
  { "csubj:outer", KG_DEP_CSUBJ },
  { "csubj:pass", KG_DEP_CSUBJ_PASS },
  { "dep", KG_DEP_DEP },
  { "det", KG_DEP_DET },
  { "discourse", KG_DEP_DISCOURSE },
  { "expl", KG_DEP_EXPL },
  { "fixed", KG_DEP_FIXED },
  { "flat", KG_DEP_FLAT },
  { "iobj", KG_DEP_IOBJ },
  { "list", KG_DEP_LIST },
  { "mark", KG_DEP_MARK },
  { "nmod", KG_DEP_NMOD },
  { "nmod:desc", KG_DEP_NMOD_DESC },
  { "nmod:npmod", KG_DEP_NMOD_BARE },
  { "nmod:poss", KG_DEP_NMOD_POSS },
  { "nmod:tmod", KG_DEP_NMOD_BARE },
  { "nmod:unmarked", KG_DEP_NMOD_BARE },
  { "nsubj", KG_DEP_NSUBJ },
  { "nsubj:outer", KG_DEP_NSUBJ },
  { "nsubj:pass", KG_DEP_NSUBJ_PASS },
  { "nummod", KG_DEP_NUMMOD },
  { "obj", KG_DEP_OBJ },
  { "obl", KG_DEP_OBL },
  { "obl:agent", KG_DEP_OBL_AGENT },
  { "obl:npmod", KG_DEP_OBL_BARE },
  { "obl:tmod", KG_DEP_OBL_BARE },
  { "obl:unmarked", KG_DEP_OBL_BARE },
  { "parataxis", KG_DEP_PARATAXIS },
  { "punct", KG_DEP_PUNCT },
  { "root", KG_DEP_ROOT },
  { "xcomp", KG_DEP_XCOMP },
};

static int
compare_dep_name (const void *key, const void *entry)
{
  return strcmp (key, *(const char *const *) entry);
}

KgDep
kg__ex_dep_from_string (const char *deprel)
{
  if (deprel == NULL)
    return KG_DEP_OTHER;
  const char *const *found = bsearch (deprel, dep_names, G_N_ELEMENTS (dep_names), sizeof dep_names[0],
                                      compare_dep_name);
  if (found)
    return dep_names[((const char *) found - (const char *) dep_names) / sizeof dep_names[0]].dep;
  /* An unknown subtype counts as its base relation. */
  const char *colon = strchr (deprel, ':');
  if (colon && colon - deprel < 16)
    {
      char base[16];
      memcpy (base, deprel, colon - deprel);
      base[colon - deprel] = '\0';
      found = bsearch (base, dep_names, G_N_ELEMENTS (dep_names), sizeof dep_names[0], compare_dep_name);
      if (found)
        return dep_names[((const char *) found - (const char *) dep_names) / sizeof dep_names[0]].dep;
    }
  return KG_DEP_OTHER;
}

void
kg__ex_sentence_clear (KgExSentence *s)
{
  g_free (s->tokens);
  g_free (s->head);
  g_free (s->dep);
  g_free (s->word);
  g_free (s->child_start);
  g_free (s->children);
  g_free (s->in_span);
  g_free (s->stack);
  g_free (s->quoted);
  memset (s, 0, sizeof *s);
}

static void
reserve (KgExSentence *s, guint n)
{
  if (n <= s->capacity)
    return;
  guint capacity = MAX (n, 2 * s->capacity);
  s->tokens = g_renew (const KgToken *, s->tokens, capacity);
  s->head = g_renew (int, s->head, capacity);
  s->dep = g_renew (guint8, s->dep, capacity);
  s->word = g_renew (guint32, s->word, capacity);
  s->child_start = g_renew (guint, s->child_start, capacity + 1);
  s->children = g_renew (guint, s->children, capacity);
  s->in_span = g_renew (guint8, s->in_span, capacity);
  s->stack = g_renew (guint, s->stack, capacity);
  s->quoted = g_renew (gboolean, s->quoted, capacity);
  s->capacity = capacity;
}

/* "Raisi and Belarusian President Alexander Lukashenko have signed": a
 * parser trained on web text reads a second titled name as an apposition
 * of the first, and the title's words as a conjunct of the first name's
 * last word.  With "and" after the first name and only title words
 * (proper nouns, adjectives) between it and the second name, the second
 * name is a conjunct of the first, and the title words its own. */
static void
repair_titled_coordination (KgExSentence *s)
{
  for (guint a = 0; a < s->n; a++)
    {
      int h = s->head[a];
      if (s->dep[a] != KG_DEP_APPOS || h < 0 || (guint) h > a || s->tokens[a]->upos != KG_UPOS_PROPN
          || s->tokens[h]->upos != KG_UPOS_PROPN)
        continue;
      int and = -1;
      for (guint k = h + 1; k < a; k++)
        if (g_ascii_strcasecmp (s->tokens[k]->form, "and") == 0)
          and = k;
      gboolean titles = and > h;
      for (int k = h + 1; titles && k < (int) a; k++)
        {
          KgUpos u = s->tokens[k]->upos;
          titles = k == and || u == KG_UPOS_PROPN || (k > and && u == KG_UPOS_ADJ);
        }
      if (and < 0 || !titles)
        continue;
      s->dep[a] = KG_DEP_CONJ;
      s->head[and] = a;
      s->dep[and] = KG_DEP_CC;
      for (guint k = and + 1; k < a; k++)
        if (s->head[k] < and || s->head[k] > (int) a)
          {
            s->head[k] = a;
            s->dep[k] = KG_DEP_COMPOUND;
          }
    }
}

/* "Apple CEO Tim Cook met ...": two subjects side by side, the second a
 * name, are a title and the name it belongs to. */
static void
repair_title_subject (KgExSentence *s)
{
  for (guint x = 0; x + 1 < s->n; x++)
    {
      guint y = x + 1;
      if (s->dep[x] == KG_DEP_NSUBJ && s->dep[y] == KG_DEP_NSUBJ && s->head[x] == s->head[y]
          && s->tokens[y]->upos == KG_UPOS_PROPN)
        {
          s->head[x] = y;
          s->dep[x] = KG_DEP_NMOD_DESC;
        }
    }
}

/* "met on Monday with Alexander Volfovich": a time word rarely takes a
 * "with" (or "against", "to", "by") phrase; the parser's attachment of one
 * to it is the verb's oblique. */
static void
repair_time_attachment (KgExSentence *s)
{
  static const char *const markers[] = { "with", "against", "to", "by", NULL };
  for (guint c = 0; c < s->n; c++)
    {
      int h = s->head[c];
      if (s->dep[c] != KG_DEP_NMOD || h < 0 || !(s->word[h] & KG_WORD_TIME) || s->dep[h] != KG_DEP_OBL
          || s->head[h] < 0 || (guint) h > c)
        continue;
      for (guint k = h + 1; k < c; k++)
        if (s->head[k] == (int) c && s->dep[k] == KG_DEP_CASE)
          {
            g_autofree char *lower = g_ascii_strdown (s->tokens[k]->form, -1);
            if (g_strv_contains (markers, lower))
              {
                s->head[c] = s->head[h];
                s->dep[c] = KG_DEP_OBL;
              }
          }
    }
}

gboolean
kg__ex_sentence_load (KgExSentence *s, const KgExLexicon *lexicon, const KgDocument *document, guint index)
{
  const KgSentence *sentence = kg_document_get_sentence (document, index);
  guint n = sentence->n_tokens;
  s->document = document;
  s->lexicon = lexicon;
  s->index = index;
  s->kind = sentence->kind;
  s->first = sentence->first_token;
  s->n = 0;
  if (n == 0)
    return FALSE;
  reserve (s, n);
  s->n = n;

  for (guint i = 0; i < n; i++)
    {
      const KgToken *t = kg_document_get_token (document, s->first + i);
      if (t->head < 0 || (guint) t->head > n || t->deprel == NULL)
        return FALSE;
      s->tokens[i] = t;
      s->head[i] = t->head - 1;
      s->dep[i] = kg__ex_dep_from_string (t->deprel);
      s->word[i] = kg__ex_lexicon_classify (lexicon, t);
    }

  /* Every word must reach the root within n steps, or the tree has a cycle. */
  for (guint i = 0; i < n; i++)
    {
      int h = s->head[i];
      guint steps = 0;
      while (h >= 0 && steps++ <= n)
        h = s->head[h];
      if (h >= 0)
        return FALSE;
    }
  repair_titled_coordination (s);
  repair_time_attachment (s);
  repair_title_subject (s);

  /* Children in compressed rows, each row in sentence order. */
  memset (s->child_start, 0, (n + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (s->head[i] >= 0)
      s->child_start[s->head[i] + 1]++;
  for (guint i = 0; i < n; i++)
    s->child_start[i + 1] += s->child_start[i];
  for (guint i = 0; i < n; i++)
    s->stack[i] = s->child_start[i];
  for (guint i = 0; i < n; i++)
    if (s->head[i] >= 0)
      s->children[s->stack[s->head[i]]++] = i;

  /* Quotation: straight double quotes toggle, PTB quotes open and close. */
  gboolean inside = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *form = s->tokens[i]->form;
      if (s->word[i] & KG_WORD_QUOTE)
        {
          if (strcmp (form, "``") == 0)
            inside = TRUE;
          else if (strcmp (form, "''") == 0)
            inside = FALSE;
          else
            inside = !inside;
          s->quoted[i] = FALSE;
        }
      else
        s->quoted[i] = inside;
    }
  return TRUE;
}

int
kg__ex_child (const KgExSentence *s, guint i, KgDep dep)
{
  for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
    if (s->dep[s->children[c]] == dep)
      return s->children[c];
  return -1;
}

gboolean
kg__ex_has_child (const KgExSentence *s, guint i, KgDep dep)
{
  return kg__ex_child (s, i, dep) >= 0;
}

gboolean
kg__ex_dominates (const KgExSentence *s, guint a, guint i)
{
  int h = i;
  for (guint steps = 0; h >= 0 && steps <= s->n; steps++, h = s->head[h])
    if ((guint) h == a)
      return TRUE;
  return FALSE;
}

static gboolean
is_cut (const KgExSentence *s, guint child, guint32 cut)
{
  if (cut & KG_CUT_FRAME)
    switch (s->dep[child])
      {
      case KG_DEP_NSUBJ: case KG_DEP_NSUBJ_PASS: case KG_DEP_CSUBJ: case KG_DEP_CSUBJ_PASS: case KG_DEP_COP:
      case KG_DEP_AUX: case KG_DEP_AUX_PASS: case KG_DEP_EXPL: case KG_DEP_MARK: case KG_DEP_DISCOURSE:
      case KG_DEP_PARATAXIS: case KG_DEP_ADVCL: case KG_DEP_OBL: case KG_DEP_OBL_BARE: case KG_DEP_OBL_AGENT:
        return TRUE;
      case KG_DEP_ADVMOD:
        if (s->word[child] & KG_WORD_NEGATION)
          return TRUE;
        break;
      default:
        break;
      }
  switch (s->dep[child])
    {
    case KG_DEP_CONJ:
    case KG_DEP_CC:
      return (cut & KG_CUT_CONJ) != 0;
    case KG_DEP_ACL_RELCL:
      return (cut & KG_CUT_RELCL) != 0;
    case KG_DEP_APPOS:
      return (cut & KG_CUT_APPOS) != 0;
    case KG_DEP_CASE:
      return (cut & KG_CUT_CASE) != 0;
    case KG_DEP_MARK:
      return (cut & KG_CUT_MARK) != 0;
    case KG_DEP_PARATAXIS:
      /* An aside, or a reporting clause ("X is Y, he said"): never part of
       * an argument. */
      return TRUE;
    case KG_DEP_ACL:
    case KG_DEP_ADVCL:
      return (cut & KG_CUT_CLAUSES) != 0;
    case KG_DEP_NMOD_DESC:
    case KG_DEP_NMOD_POSS:
      return (cut & KG_CUT_DESC) != 0;
    case KG_DEP_PUNCT:
      /* Commas around a cut appositive or relative clause hang from the
       * head; they are trimmed at the ends of the span anyway. */
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
is_open_bracket (const char *f)
{
  return strcmp (f, "(") == 0 || strcmp (f, "[") == 0 || strcmp (f, "{") == 0 || strcmp (f, "``") == 0;
}

static gboolean
is_close_bracket (const char *f)
{
  return strcmp (f, ")") == 0 || strcmp (f, "]") == 0 || strcmp (f, "}") == 0 || strcmp (f, "''") == 0;
}

/* TRUE if the punctuation at position i is balanced inside [l, r]: a
 * quotation or bracket whose partner is also in the span. */
static gboolean
balanced (const KgExSentence *s, guint i, guint l, guint r)
{
  const char *f = s->tokens[i]->form;
  if (strcmp (f, "\"") == 0)
    {
      guint count = 0;
      for (guint k = l; k <= r; k++)
        count += strcmp (s->tokens[k]->form, "\"") == 0;
      return count % 2 == 0;
    }
  int depth = 0;
  if (is_open_bracket (f))
    {
      for (guint k = i; k <= r; k++)
        {
          depth += is_open_bracket (s->tokens[k]->form) - is_close_bracket (s->tokens[k]->form);
          if (depth == 0)
            return TRUE;
        }
      return FALSE;
    }
  if (is_close_bracket (f))
    {
      for (int k = i; k >= (int) l; k--)
        {
          depth += is_close_bracket (s->tokens[k]->form) - is_open_bracket (s->tokens[k]->form);
          if (depth == 0)
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

static gboolean
trimmable (const KgExSentence *s, guint i, guint l, guint r)
{
  if (s->tokens[i]->upos == KG_UPOS_CCONJ && s->dep[i] == KG_DEP_CC)
    return TRUE;
  if (s->tokens[i]->upos != KG_UPOS_PUNCT && s->dep[i] != KG_DEP_PUNCT)
    return FALSE;
  return !balanced (s, i, l, r);
}

void
kg__ex_span (KgExSentence *s, guint head, guint32 cut, int skip, KgRole role, KgArgument *arg)
{
  memset (arg, 0, sizeof *arg);
  arg->role = role;
  arg->head = s->first + head;
  arg->head_kind = kg__ex_head_kind (s, head);

  memset (s->in_span, 0, s->n);
  guint top = 0;
  s->stack[top++] = head;
  while (top > 0)
    {
      guint i = s->stack[--top];
      if ((int) i == skip)
        continue;
      s->in_span[i] = 1;
      for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
        {
          guint child = s->children[c];
          if (i == head && is_cut (s, child, cut))
            continue;
          s->stack[top++] = child;
        }
    }
  guint l = head, r = head;
  while (l > 0 && s->in_span[l - 1])
    l--;
  while (r + 1 < s->n && s->in_span[r + 1])
    r++;
  while (l < head && trimmable (s, l, l, r))
    l++;
  while (r > head && trimmable (s, r, l, r))
    r--;
  arg->first = s->first + l;
  arg->n_tokens = r - l + 1;

  /* The marker: the head's prepositions (with their fixed words: "according
   * to", "because of"), or its complementiser when that is cut. */
  guint32 marker_cut = cut & (KG_CUT_CASE | KG_CUT_MARK);
  if (marker_cut == 0)
    return;
  int m_first = -1, m_last = -1;
  for (guint c = s->child_start[head]; c < s->child_start[head + 1]; c++)
    {
      guint child = s->children[c];
      gboolean want = (s->dep[child] == KG_DEP_CASE && (cut & KG_CUT_CASE))
                      || (s->dep[child] == KG_DEP_MARK && (cut & KG_CUT_MARK));
      if (!want || child > l)
        continue;
      if (m_first < 0)
        m_first = child;
      m_last = child;
      for (guint f = s->child_start[child]; f < s->child_start[child + 1]; f++)
        if (s->dep[s->children[f]] == KG_DEP_FIXED)
          m_last = MAX (m_last, (int) s->children[f]);
    }
  if (m_first < 0)
    return;
  arg->marker_first = s->first + m_first;
  arg->n_marker = m_last - m_first + 1;
}

/* A coordinator ("and", "or", "&", "and/or") between head and its last
 * conjunct. */
static gboolean
has_coordinator (const KgExSentence *s, guint head)
{
  guint last = head;
  for (guint c = s->child_start[head]; c < s->child_start[head + 1]; c++)
    if (s->dep[s->children[c]] == KG_DEP_CONJ)
      last = MAX (last, s->children[c]);
  for (guint i = head + 1; i < last; i++)
    if (s->tokens[i]->upos == KG_UPOS_CCONJ || s->dep[i] == KG_DEP_CC || strcmp (s->tokens[i]->form, "&") == 0
        || strcmp (s->tokens[i]->form, "and/or") == 0)
      return TRUE;
  return FALSE;
}

guint
kg__ex_conjuncts (const KgExSentence *s, guint head, guint *out, guint max)
{
  if (max == 0)
    return 0;
  guint n = 0;
  out[n++] = head;
  gboolean nominal_head = s->tokens[head]->upos == KG_UPOS_NOUN || s->tokens[head]->upos == KG_UPOS_PROPN
                          || s->tokens[head]->upos == KG_UPOS_PRON || s->tokens[head]->upos == KG_UPOS_NUM;
  /* Conjuncts hang from the first; a conjunct's own conjuncts (a parse
   * variant) are taken too, breadth-first over at most max words. */
  for (guint k = 0; k < n && n < max; k++)
    for (guint c = s->child_start[out[k]]; c < s->child_start[out[k] + 1] && n < max; c++)
      {
        guint child = s->children[c];
        if (s->dep[child] != KG_DEP_CONJ)
          continue;
        KgUpos u = s->tokens[child]->upos;
        gboolean nominal = u == KG_UPOS_NOUN || u == KG_UPOS_PROPN || u == KG_UPOS_PRON || u == KG_UPOS_NUM
                           || u == KG_UPOS_ADJ;
        /* A verb coordinated with a noun is a clause, not another argument. */
        if ((nominal_head && !nominal) || kg__ex_is_contrastive (s, child))
          continue;
        out[n++] = child;
      }
  /* "the Zomercarnaval, the second largest Caribbean carnival": conjuncts
   * without a coordinator anywhere are an apposition the parser took for a
   * list (see kg__ex_is_bare_conj); they stay one argument. */
  if (n > 1 && !has_coordinator (s, head))
    return 1;
  /* In sentence order. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && out[j - 1] > out[j]; j--)
      {
        guint t = out[j];
        out[j] = out[j - 1];
        out[j - 1] = t;
      }
  return n;
}

KgHeadKind
kg__ex_head_kind (const KgExSentence *s, guint i)
{
  const KgToken *t = s->tokens[i];
  if (s->word[i] & KG_WORD_RELATIVE)
    return KG_HEAD_RELATIVE;
  switch (t->upos)
    {
    case KG_UPOS_PRON:
      return KG_HEAD_PRONOUN;
    case KG_UPOS_DET:
      return KG_HEAD_DETERMINER;
    case KG_UPOS_PROPN:
      return (s->word[i] & KG_WORD_DEMONYM) && (s->dep[i] == KG_DEP_AMOD || s->dep[i] == KG_DEP_COMPOUND)
             ? KG_HEAD_DEMONYM : KG_HEAD_NAME;
    case KG_UPOS_NOUN:
      return KG_HEAD_NOUN;
    case KG_UPOS_ADJ:
      return (s->word[i] & KG_WORD_DEMONYM) ? KG_HEAD_DEMONYM : KG_HEAD_ADJECTIVE;
    case KG_UPOS_NUM:
    case KG_UPOS_SYM:
      return KG_HEAD_NUMBER;
    case KG_UPOS_VERB:
    case KG_UPOS_AUX:
      return KG_HEAD_CLAUSE;
    default:
      return KG_HEAD_OTHER;
    }
}

gboolean
kg__ex_is_bare_conj (const KgExSentence *s, guint i)
{
  return s->dep[i] == KG_DEP_CONJ && s->head[i] >= 0 && !has_coordinator (s, s->head[i]);
}

gboolean
kg__ex_past_tense (const KgExSentence *s)
{
  for (guint i = 0; i < s->n; i++)
    if (s->head[i] < 0)
      {
        if (s->tokens[i]->xpos && strcmp (s->tokens[i]->xpos, "VBD") == 0)
          return TRUE;
        for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
          {
            guint child = s->children[c];
            KgDep d = s->dep[child];
            if ((d == KG_DEP_AUX || d == KG_DEP_AUX_PASS || d == KG_DEP_COP) && s->tokens[child]->xpos
                && strcmp (s->tokens[child]->xpos, "VBD") == 0)
              return TRUE;
          }
        return FALSE;
      }
  return FALSE;
}

/* TRUE if i has a child whose relation is in deps (bits 1 << KgDep) and
 * whose form is word, in any case. */
static gboolean
has_child_word (const KgExSentence *s, guint i, guint64 deps, const char *word)
{
  for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
    {
      guint child = s->children[c];
      if ((deps & (G_GUINT64_CONSTANT (1) << s->dep[child])) && g_ascii_strcasecmp (s->tokens[child]->form, word) == 0)
        return TRUE;
    }
  return FALSE;
}

#define DEP_BIT(d) (G_GUINT64_CONSTANT (1) << (d))

gboolean
kg__ex_has_marker (const KgExSentence *s, guint i, const char *word)
{
  return has_child_word (s, i, DEP_BIT (KG_DEP_CASE) | DEP_BIT (KG_DEP_MARK), word);
}

gboolean
kg__ex_is_contrastive (const KgExSentence *s, guint conjunct)
{
  static const char *const denials[] = { "rather", "instead", "not" };
  guint64 deps = DEP_BIT (KG_DEP_CASE) | DEP_BIT (KG_DEP_MARK) | DEP_BIT (KG_DEP_CC) | DEP_BIT (KG_DEP_ADVMOD);
  for (guint k = 0; k < G_N_ELEMENTS (denials); k++)
    if (has_child_word (s, conjunct, deps, denials[k]))
      return TRUE;
  return FALSE;
}

KgArgument
kg__ex_mention_argument (const KgMention *m, KgRole role)
{
  return (KgArgument) {
    .first = m->first_token, .n_tokens = m->n_tokens, .head = m->head, .role = role,
    .head_kind = m->kind == KG_MENTION_DEMONYM ? KG_HEAD_DEMONYM : KG_HEAD_NAME,
  };
}
