/* extract-confidence.c: how sure the extraction stage is of a fact, a
 * number in [0, 1] by which facts are ranked (Open IE benchmarks measure
 * the area under the precision-recall curve of that ranking).
 *
 * Method: a hand-set additive rule over the features Open IE systems use
 * for their confidence (OpenIE-4's logistic features: clause type,
 * argument kinds, sentence length; Angeli et al. 2015 score by pattern
 * type): a prior per kind of clause, then penalties for what makes rules
 * err more often -- a subject borrowed from another clause, a clause as
 * object, pronoun or relative arguments, long arguments, many qualifiers,
 * long sentences (parsers err more there), headlines and quotations.
 * The constants were set by reasoning about those failure modes, not fitted;
 * the priors per kind were checked for order against the precision of
 * each kind on CaRB dev (noun-phrase facts below clauses, possessives
 * lowest), which is all the tuning they had.
 */
#include "extract-private.h"

/* The prior of each kind of clause: verbal clauses with a core object are
 * what the rules see most reliably; noun-phrase facts (possessives above
 * all) are guesses about what a phrase implies. */
static const double kind_prior[KG_CLAUSE_N_KINDS] = {
  [KG_CLAUSE_VERBAL] = 0.80,
  [KG_CLAUSE_COPULAR] = 0.74,
  [KG_CLAUSE_EXISTENTIAL] = 0.55,
  [KG_CLAUSE_APPOSITION] = 0.62,
  [KG_CLAUSE_TITLE] = 0.66,
  [KG_CLAUSE_NOMINAL] = 0.35,
  [KG_CLAUSE_POSSESSIVE] = 0.25,
  [KG_CLAUSE_MODIFIER] = 0.45,
};

static guint
longest_argument (const KgExFact *fact)
{
  guint longest = fact->subject.n_tokens;
  for (guint i = 0; i < fact->n_arguments; i++)
    longest = MAX (longest, fact->arguments[i].n_tokens);
  return longest;
}

double
kg__ex_confidence (const KgExSentence *s, const KgExFact *fact)
{
  double c = kind_prior[fact->kind];

  if (fact->kind == KG_CLAUSE_VERBAL)
    {
      if (fact->object.n_tokens == 0)
        c -= 0.12;               /* only qualifiers: an intransitive with obliques */
      else if (fact->object.role == KG_ROLE_OBJECT && fact->object.n_marker == 0)
        c += 0.05;               /* a direct object: SVO, the surest pattern */
    }
  /* A subject borrowed from another clause (conjunct, control, participle,
   * relative clause) is one more decision that can go wrong. */
  if (fact->flags & KG_EXTRACTION_INHERITED)
    c -= 0.08;
  /* A clause as object outside reporting ("indicated that ...") is often
   * a complement the rules cut in the wrong place; reporting verbs and
   * their clauses are the best-marked structure there is. */
  if ((fact->hedged || fact->object.head_kind == KG_HEAD_CLAUSE) && !(fact->flags & KG_EXTRACTION_REPORTING))
    c -= 0.06;
  if (fact->subject.head_kind == KG_HEAD_DETERMINER)
    c -= 0.05;
  if (fact->subject.resolved || fact->object.resolved)
    c -= 0.03;
  if (fact->n_qualifiers > 2)
    c -= 0.03 * (fact->n_qualifiers - 2);
  /* Long subjects usually mean a parse that attached too much to them. */
  if (fact->subject.n_tokens > 8)
    c -= 0.06;
  if (longest_argument (fact) > 15)
    c -= 0.05;
  /* Parsers err more in long sentences. */
  if (s->n > 20)
    c -= MIN (0.2, 0.004 * (s->n - 20));
  /* Quotations hold fragments, titles and speech, where parses are worst. */
  if (fact->flags & KG_EXTRACTION_QUOTED)
    c -= 0.08;
  if (s->kind == KG_SENTENCE_TITLE)
    c *= 0.8;
  return CLAMP (c, 0.01, 0.99);
}
