/* extract-qualify.c: what qualifies a clause (extraction stage): whose
 * subject it has when it has none of its own, whether it is negated, its
 * modality, whether it is conditional, who said it, and which obliques are
 * times and places.
 *
 * Method: walks up the dependency tree from the clause's predicate, the way
 * PredPatt (White et al. 2016) resolves arguments: a conjunct borrows its
 * governor's subject, a controlled infinitive its controller (the object if
 * there is one, else the subject), a relative clause and a participle the
 * noun they modify (the subject of its copula when that noun is a
 * predicate nominal: "X is a footballer who plays"), an adverbial clause
 * without a subject the subject of the clause it modifies (not of a
 * passive one, whose agent is unnamed).  A clause with a complementiser
 * under a noun ("the idea of running", "efforts to expand") gets none:
 * the noun is its topic, not its subject.  Modality comes from auxiliaries, from the verbs
 * an xcomp chain passes through ("planned to"), from nouns and adjectives
 * that govern the clause ("in the final stages of", "prepared to"), and
 * from if/unless clauses; attribution from the nearest reporting verb (a
 * lexicon) that governs the clause through ccomp or interrupts it as
 * parataxis, or from "according to".
 */
#include "extract-private.h"

#include <string.h>

/* The noun the relative clause around clause modifies, replaced by the
 * subject of its copula when the noun is a predicate nominal: in "X is a
 * footballer who plays ...", the one who plays is X. */
int
kg__ex_relative_antecedent (const KgExSentence *s, guint clause)
{
  int cur = clause;
  for (guint steps = 0; cur >= 0 && steps < 8; steps++)
    {
      if (s->dep[cur] == KG_DEP_ACL_RELCL)
        {
          int noun = s->head[cur];
          /* A relative clause hung on a verb (a parse error) modifies the
           * nearest noun before it among the verb's dependents: "met
           * Andrei Kuznetsov, who co-chairs ...". */
          if (noun >= 0 && (s->tokens[noun]->upos == KG_UPOS_VERB || s->tokens[noun]->upos == KG_UPOS_AUX))
            {
              int nearest = -1;
              for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
                {
                  guint child = s->children[c];
                  KgUpos u = s->tokens[child]->upos;
                  if (child < (guint) cur && (u == KG_UPOS_NOUN || u == KG_UPOS_PROPN))
                    nearest = child;
                }
              if (nearest < 0)
                return -1;
              return nearest;
            }
          if (noun >= 0 && kg__ex_has_child (s, noun, KG_DEP_COP))
            {
              int subject = kg__ex_child (s, noun, KG_DEP_NSUBJ);
              if (subject >= 0 && !(s->word[subject] & (KG_WORD_RELATIVE | KG_WORD_PRONOUN)))
                return subject;
            }
          return noun;
        }
      cur = s->head[cur];
    }
  return -1;
}

/* Whether verb v has a tensed auxiliary ("are studying", "has left"). */
static gboolean
has_finite_aux (const KgExSentence *s, guint v)
{
  static const char *const finite[] = { "am", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                                        "shall", "should", "can", "could", "may", "might", "must", "do", "does",
                                        "did", NULL };
  for (guint c = s->child_start[v]; c < s->child_start[v + 1]; c++)
    {
      guint child = s->children[c];
      if (s->dep[child] == KG_DEP_AUX || s->dep[child] == KG_DEP_AUX_PASS)
        {
          g_autofree char *lower = g_ascii_strdown (s->tokens[child]->form, -1);
          if (g_strv_contains (finite, lower))
            return TRUE;
        }
    }
  return FALSE;
}

int
kg__ex_subject (const KgExSentence *s, guint p, gboolean *inherited, int *object_gap)
{
  *inherited = FALSE;
  *object_gap = -1;
  int cur = p;
  for (guint steps = 0; cur >= 0 && steps < 12; steps++)
    {
      for (guint c = s->child_start[cur]; c < s->child_start[cur + 1]; c++)
        {
          guint child = s->children[c];
          KgDep d = s->dep[child];
          if (d != KG_DEP_NSUBJ && d != KG_DEP_NSUBJ_PASS && d != KG_DEP_CSUBJ && d != KG_DEP_CSUBJ_PASS)
            continue;
          /* A "subject" with a preposition ("According to Raisi, ...") is
           * the parser's error, not a subject. */
          if ((d == KG_DEP_NSUBJ || d == KG_DEP_NSUBJ_PASS) && kg__ex_has_child (s, child, KG_DEP_CASE))
            return -1;
          if (s->word[child] & KG_WORD_RELATIVE)
            {
              int antecedent = kg__ex_relative_antecedent (s, cur);
              if (antecedent >= 0)
                {
                  *inherited = TRUE;
                  return antecedent;
                }
            }
          else if (cur == (int) p && s->dep[p] == KG_DEP_ACL_RELCL && s->tokens[p]->upos == KG_UPOS_VERB
                   && !kg__ex_has_child (s, p, KG_DEP_OBJ))
            {
              /* A relative clause with a subject of its own and no pronoun:
               * the gap is the object ("the roadmap the presidents signed"). */
              gboolean pronoun = FALSE;
              for (guint k = s->child_start[p]; k < s->child_start[p + 1]; k++)
                pronoun |= (s->word[s->children[k]] & KG_WORD_RELATIVE) != 0
                           || s->tokens[s->children[k]]->upos == KG_UPOS_ADV;
              if (!pronoun && !kg__ex_has_child (s, p, KG_DEP_CCOMP) && !kg__ex_has_child (s, p, KG_DEP_XCOMP))
                *object_gap = kg__ex_relative_antecedent (s, p);
            }
          /* "Earlier this year Berg visited": a time phrase the parser took
           * for the subject, the name beside it the real one */
          int name = kg__ex_child (s, child, KG_DEP_APPOS);
          if ((s->word[child] & KG_WORD_TIME) && name >= 0 && s->tokens[name]->upos == KG_UPOS_PROPN)
            return name;
          return child;
        }
      int h = s->head[cur];
      if (h < 0)
        return -1;
      switch (s->dep[cur])
        {
        case KG_DEP_CONJ:
          /* A conjunct of a noun is not a clause that could share a subject. */
          if (s->tokens[h]->upos != KG_UPOS_VERB && s->tokens[h]->upos != KG_UPOS_AUX
              && !kg__ex_has_child (s, h, KG_DEP_COP))
            return -1;
          break;
        case KG_DEP_XCOMP:
          {
            int object = kg__ex_child (s, h, KG_DEP_OBJ);
            if (object < 0)
              object = kg__ex_child (s, h, KG_DEP_IOBJ);
            if (object >= 0)
              {
                *inherited = TRUE;
                return object;
              }
          }
          break;
        case KG_DEP_ADVCL:
          /* "can be clarified by adding X": the one who adds is the passive
           * clause's unnamed agent, not its subject; a participle speaks of
           * the subject either way ("Founded in 1990, the firm was sold"). */
          if ((kg__ex_has_child (s, h, KG_DEP_AUX_PASS) || kg__ex_has_child (s, h, KG_DEP_NSUBJ_PASS))
              && !(s->tokens[cur]->xpos && strcmp (s->tokens[cur]->xpos, "VBN") == 0))
            return -1;
          /* "... are currently studying in Belarus" with its subject lost to
           * the parser: a finite clause (a tensed auxiliary) does not take
           * the main clause's subject; a participle does */
          if (has_finite_aux (s, cur))
            return -1;
          /* "thanked Belarus for condemning ...", "accused Kyiv of
           * attacking ...": the gerund's doer is the verb's object */
          if ((kg__ex_has_marker (s, cur, "for") || kg__ex_has_marker (s, cur, "of")) && cur > h
              && kg__ex_child (s, h, KG_DEP_OBJ) >= 0 && kg__ex_child (s, h, KG_DEP_OBJ) < cur)
            {
              *inherited = TRUE;
              return kg__ex_child (s, h, KG_DEP_OBJ);
            }
          break;
        case KG_DEP_ACL:
        case KG_DEP_ACL_RELCL:
          {
            int antecedent = s->dep[cur] == KG_DEP_ACL_RELCL ? kg__ex_relative_antecedent (s, cur) : h;
            /* A participle of a predicate nominal speaks of the copula's
             * subject: "Iran is in the final stages of joining the SCO". */
            if (s->dep[cur] == KG_DEP_ACL && kg__ex_has_child (s, h, KG_DEP_COP))
              {
                cur = h;
                *inherited = TRUE;
                continue;
              }
            /* "the idea of running workshops", "efforts to expand trade": a
             * clause with a complementiser complements the noun, which is
             * not its subject; a bare participle modifies it ("documents
             * covering various fields"). */
            if (s->dep[cur] == KG_DEP_ACL && kg__ex_has_child (s, cur, KG_DEP_MARK))
              return -1;
            *inherited = TRUE;
            return antecedent;
          }
        default:
          return -1;
        }
      *inherited = TRUE;
      cur = h;
    }
  return -1;
}

static gboolean
is_time_phrase (const KgExSentence *s, guint i)
{
  if (s->word[i] & KG_WORD_TIME)
    return TRUE;
  /* "the past two years", "March 13, 2023": a time word among the head's
   * own modifiers. */
  for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
    {
      guint child = s->children[c];
      KgDep d = s->dep[child];
      if ((d == KG_DEP_NUMMOD || d == KG_DEP_COMPOUND || d == KG_DEP_NMOD_BARE || d == KG_DEP_FLAT)
          && (s->word[child] & KG_WORD_TIME))
        return TRUE;
    }
  return FALSE;
}

KgRole
kg__ex_oblique_role (const KgExSentence *s, guint i)
{
  if (is_time_phrase (s, i))
    return KG_ROLE_TIME;
  static const char *const temporal[] = { "during", "since", "until", "till", "throughout" };
  for (guint k = 0; k < G_N_ELEMENTS (temporal); k++)
    if (kg__ex_has_marker (s, i, temporal[k]) && s->tokens[i]->upos != KG_UPOS_PROPN)
      return KG_ROLE_TIME;
  if (s->dep[i] == KG_DEP_OBL_BARE && s->tokens[i]->upos == KG_UPOS_NUM)
    return KG_ROLE_TIME;
  static const char *const locative[] = { "in", "at", "near", "across", "within", "throughout", "inside",
                                          "outside", "around", "into", "along", "beyond", "on" };
  gboolean place_word = s->tokens[i]->upos == KG_UPOS_PROPN || (s->word[i] & KG_WORD_PLACE);
  /* A multiword preposition ("along with", "in front of") is not the
   * locative its first word is. */
  guint n_case = 0;
  for (guint c = s->child_start[i]; c < s->child_start[i + 1]; c++)
    if (s->dep[s->children[c]] == KG_DEP_CASE)
      n_case += 1 + kg__ex_has_child (s, s->children[c], KG_DEP_FIXED);
  if (n_case != 1)
    place_word = FALSE;
  if (place_word)
    for (guint k = 0; k < G_N_ELEMENTS (locative); k++)
      if (kg__ex_has_marker (s, i, locative[k]))
        return KG_ROLE_PLACE;
  return KG_ROLE_OBLIQUE;
}

/* The phrase of a verb with its particle: "point out". */
static gboolean
is_reporting (const KgExSentence *s, guint v)
{
  if (s->tokens[v]->upos != KG_UPOS_VERB && s->tokens[v]->upos != KG_UPOS_AUX)
    return FALSE;
  int particle = kg__ex_child (s, v, KG_DEP_COMPOUND_PRT);
  if (particle >= 0)
    {
      char phrase[80];
      g_snprintf (phrase, sizeof phrase, "%s %s", kg__ex_lemma (s, v), kg__ex_lemma (s, particle));
      if (kg__ex_lexicon_is_reporting (s->lexicon, phrase))
        return TRUE;
    }
  return (s->word[v] & KG_WORD_REPORTING) != 0;
}

gboolean
kg__ex_is_reporting (const KgExSentence *s, guint v)
{
  return is_reporting (s, v);
}

/* "according to X" among the obliques of v: X, or -1. */
static int
according_to (const KgExSentence *s, guint v)
{
  for (guint c = s->child_start[v]; c < s->child_start[v + 1]; c++)
    {
      guint child = s->children[c];
      if (s->dep[child] == KG_DEP_OBL && kg__ex_has_marker (s, child, "according"))
        return child;
    }
  return -1;
}

int
kg__ex_speaker (const KgExSentence *s, guint p)
{
  int cur = p;
  for (guint steps = 0; cur >= 0 && steps < s->n; steps++)
    {
      int source = according_to (s, cur);
      if (source >= 0)
        return source;
      /* "Iran and Belarus are aligned, Araghchi said": the reporting verb
       * hangs from the clause it reports as parataxis. */
      for (guint c = s->child_start[cur]; c < s->child_start[cur + 1]; c++)
        {
          guint r = s->children[c];
          if (s->dep[r] == KG_DEP_PARATAXIS && is_reporting (s, r) && !kg__ex_has_child (s, r, KG_DEP_CCOMP)
              && !kg__ex_has_child (s, r, KG_DEP_OBJ))
            {
              gboolean inherited;
              int gap;
              int speaker = kg__ex_subject (s, r, &inherited, &gap);
              if (speaker >= 0)
                return speaker;
            }
        }
      int h = s->head[cur];
      if (h < 0)
        return -1;
      if ((s->dep[cur] == KG_DEP_CCOMP || s->dep[cur] == KG_DEP_PARATAXIS) && is_reporting (s, h))
        {
          gboolean inherited;
          int gap;
          int speaker = kg__ex_subject (s, h, &inherited, &gap);
          /* "'...,' wrote Anna Berg": in a quotation inversion the parser may
           * take the speaker after the verb for its object */
          int inverted = kg__ex_child (s, h, KG_DEP_OBJ);
          if (speaker < 0 && cur < h && inverted > h)
            return inverted;
          return speaker;
        }
      cur = h;
    }
  return -1;
}

/* Modality and negation from the auxiliaries and adverbs of v. */
static void
auxiliaries (const KgExSentence *s, guint v, int *modality, gboolean *negated)
{
  for (guint c = s->child_start[v]; c < s->child_start[v + 1]; c++)
    {
      guint child = s->children[c];
      KgDep d = s->dep[child];
      int m;
      if ((d == KG_DEP_AUX || d == KG_DEP_COP) && (s->word[child] & KG_WORD_MODAL) && *modality < 0
          && kg__ex_lexicon_modality (s->lexicon, s->tokens[child]->form, KG_MODAL_AUX, &m))
        *modality = m;
      else if (d == KG_DEP_AUX && (s->word[child] & KG_WORD_MODAL) && *modality < 0
               && kg__ex_lexicon_modality (s->lexicon, kg__ex_lemma (s, child), KG_MODAL_AUX, &m))
        *modality = m;
      if ((d == KG_DEP_ADVMOD || d == KG_DEP_AUX || d == KG_DEP_OTHER) && (s->word[child] & KG_WORD_NEGATION))
        *negated = !*negated;
    }
}

static gboolean
is_conditional_clause (const KgExSentence *s, guint v)
{
  return s->dep[v] == KG_DEP_ADVCL && (kg__ex_has_marker (s, v, "if") || kg__ex_has_marker (s, v, "unless"));
}

void
kg__ex_qualify (KgExSentence *s, guint p, const guint *chain, guint n_chain, KgExFact *fact)
{
  int modality = -1;
  gboolean negated = FALSE;

  for (guint k = 0; k < n_chain; k++)
    auxiliaries (s, chain[k], &modality, &negated);

  /* The verbs (or adjective) an xcomp chain passes through. */
  for (guint k = 0; k + 1 < n_chain; k++)
    {
      guint v = chain[k];
      int m;
      KgModalWay way = s->tokens[v]->upos == KG_UPOS_ADJ ? KG_MODAL_ADJ : KG_MODAL_VERB;
      if (!(s->word[v] & KG_WORD_MODAL) || !kg__ex_lexicon_modality (s->lexicon, kg__ex_lemma (s, v), way, &m))
        continue;
      /* "be going to" is future only as a progressive. */
      if (strcmp (kg__ex_lemma (s, v), "go") == 0 && (s->tokens[v]->xpos == NULL
                                                       || strcmp (s->tokens[v]->xpos, "VBG") != 0))
        continue;
      if (m == KG_MODALITY_NEGATES)
        negated = !negated;
      else if (modality < 0)
        modality = m;
    }

  /* A conjunct without auxiliaries of its own shares its governor's:
   * "will implement all agreements and set up arrangements". */
  int cur = p;
  for (guint steps = 0; modality < 0 && steps < 6 && s->dep[cur] == KG_DEP_CONJ && s->head[cur] >= 0; steps++)
    {
      if (kg__ex_has_child (s, cur, KG_DEP_NSUBJ) || kg__ex_has_child (s, cur, KG_DEP_NSUBJ_PASS))
        break;
      cur = s->head[cur];
      gboolean ignored = FALSE;
      auxiliaries (s, cur, &modality, &ignored);
    }

  /* A noun that governs the clause: "in the final stages of joining". */
  if (modality < 0 && (s->dep[p] == KG_DEP_ACL || s->dep[p] == KG_DEP_ADVCL) && s->head[p] >= 0)
    {
      guint h = s->head[p];
      int m;
      if ((s->word[h] & KG_WORD_MODAL) && s->tokens[h]->upos == KG_UPOS_NOUN
          && kg__ex_lexicon_modality (s->lexicon, kg__ex_lemma (s, h), KG_MODAL_NOUN, &m))
        modality = m == KG_MODALITY_NEGATES ? -1 : m;
    }

  /* Conditionals: the if-clause itself, a clause that has one, and their
   * conjuncts. */
  gboolean conditional = FALSE;
  cur = p;
  for (guint steps = 0; steps < 6 && cur >= 0; steps++)
    {
      if (is_conditional_clause (s, cur))
        conditional = TRUE;
      for (guint c = s->child_start[cur]; c < s->child_start[cur + 1]; c++)
        if (is_conditional_clause (s, s->children[c]))
          conditional = TRUE;
      if (s->dep[cur] != KG_DEP_CONJ)
        break;
      cur = s->head[cur];
    }
  if (conditional)
    {
      fact->flags |= KG_EXTRACTION_CONDITIONAL;
      if (modality < 0 || modality == KG_MODALITY_FUTURE)
        modality = KG_MODALITY_HYPOTHETICAL;
    }

  fact->modality = modality < 0 ? KG_MODALITY_ASSERTED : (KgModality) modality;
  fact->polarity = negated ? KG_POLARITY_NEGATIVE : KG_POLARITY_POSITIVE;

  int speaker = kg__ex_speaker (s, p);
  if (speaker >= 0)
    kg__ex_span (s, speaker, KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CASE | KG_CUT_CLAUSES, -1, KG_ROLE_SPEAKER,
                 &fact->attribution);
  if (s->quoted[p])
    fact->flags |= KG_EXTRACTION_QUOTED;
}
