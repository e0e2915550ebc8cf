/* extract-clause.c: facts from clauses (extraction stage): every verbal
 * predicate (root, ccomp, xcomp, advcl, acl, acl:relcl, conj, parataxis),
 * every copular predicate and every existential "there is" gives one fact
 * per combination of its coordinated subjects and objects.
 *
 * Method: clause detection and argument typing after ClausIE (Del Corro &
 * Gemulla 2013, the clause types SV, SVO, SVC, SVA, SVOO, SVOC, SVOA over
 * dependency trees), argument resolution after PredPatt (White et al.
 * 2016), and the relation shape of Stanford Open IE (Angeli et al. 2015)
 * and OpenIE-4: auxiliaries, negation and the preposition of the first
 * oblique argument join the relation ("has not taken part in").  The rules:
 *
 *   R1 clause heads    a verb in a clausal relation; an auxiliary used as a
 *                      main verb; a word with a copula; a conjunct of a
 *                      copular word (it shares the copula); not a
 *                      capitalised verb inside a name ("Performing Arts")
 *   R2 xcomp chains    a verbal xcomp of a verb without an object joins its
 *                      governor's predicate ("aims to expand", "promised to
 *                      tackle"); of a copular adjective too ("is prepared to
 *                      deepen"); with an object it is a clause of its own
 *                      whose subject is that object (object control).  A
 *                      modal verb of the chain (lexicon: plan, aim, promise)
 *                      leaves the normalised predicate and gives modality
 *   R3 subjects        nsubj, nsubj:pass, csubj, else inherited (see
 *                      extract-qualify.c); never an expletive: "there",
 *                      nor "it" before a clausal complement ("it was agreed
 *                      that"); no subject, no fact
 *   R4 objects         obj; a relative pronoun object becomes its
 *                      antecedent; a relative clause with a gap gets the
 *                      antecedent as object; a conjunct verb without an
 *                      object shares a following object of its governor
 *   R5 obliques        obl and obl:tmod/unmarked, typed time, place or
 *                      other; with no object, the first other oblique after
 *                      the verb, else the first place, is the object and its
 *                      preposition joins the predicate ("met with", "took
 *                      part in", "opened in"); the rest are qualifiers
 *   R6 light verbs     a light verb's bare singular noun object joins the
 *                      predicate ("take part in", "take place")
 *   R7 passives        the main verb's (or a kept chain verb's) aux:pass,
 *                      nsubj:pass, or a bare participle modifying a noun or
 *                      clause; with obl:agent, the graph view is active
 *                      ((Raisi, sign, roadmap)) and the Open IE view keeps
 *                      the sentence's voice ("was signed by"); without, the
 *                      fact is marked passive, predicate "be signed"
 *   R8 clausal objects a ccomp is the object when there is no obj, and the
 *                      clause a reporting verb interrupts as parataxis
 *                      ("..., Lukashenko said"); under a reporting verb the
 *                      fact is marked REPORTING and the clause's own facts
 *                      carry the attribution
 *   R9 coordination    subjects and objects split into atomic facts, not
 *                      conjuncts the sentence denies ("rather than"), except
 *                      the subject of a joint predicate (lexicon: meet,
 *                      align), paired as (A, meet with, B) in the graph view
 *                      and kept whole in the Open IE view, and "between /
 *                      among" obliques, kept whole; both marked JOINT
 *   R10 copulas        "X is Y": relation "is", the complement whole; the
 *                      graph predicate "be", or "be member of" with the
 *                      noun's first prepositional modifier as the object;
 *                      "X is in Y" gives "be in"; an adjective with an
 *                      oblique "be aware of"
 *   R11 existentials   "there is X in Y": (X, exist in, Y); "there" is
 *                      never an argument; "no X" makes the fact negative
 *   R12 adverbials     an adverbial clause with a subordinator after the
 *                      verb ("until he switched to Merck") is a qualifier
 *   R13 lone subjects  a fact may have no second argument ("follow-up
 *                      exchanges would take place"); the graph view keeps
 *                      it, `kgraph openie` does not print it (CaRB scores a
 *                      one-argument tuple as nothing)
 *
 * Open IE relation words: auxiliaries, negation and adverbs inside the verb
 * group, the verbs, particles, "to" of a chain, a folded light noun, the
 * object's preposition, "by" of an agent, "that" of a clausal object, and
 * "be" before a bare participle ("be known as", "be covering").
 */
#include "extract-private.h"

#include <string.h>

/* Words of a predicate or relation, as sentence indices. */
typedef struct {
  guint idx[KG_EX_MAX_WORDS];
  guint n;
} Words;

static void
words_add (Words *w, int i)
{
  if (i < 0 || w->n >= KG_EX_MAX_WORDS)
    return;
  for (guint k = 0; k < w->n; k++)
    if (w->idx[k] == (guint) i)
      return;
  w->idx[w->n++] = i;
}

static void
words_sort (Words *w)
{
  for (guint i = 1; i < w->n; i++)
    for (guint j = i; j > 0 && w->idx[j - 1] > w->idx[j]; j--)
      {
        guint t = w->idx[j];
        w->idx[j] = w->idx[j - 1];
        w->idx[j - 1] = t;
      }
}

/* Appends the words to buf as written. */
static void
words_append (const KgExSentence *s, const Words *w, char *buf)
{
  for (guint k = 0; k < w->n; k++)
    kg__ex_append (buf, s->tokens[w->idx[k]]->form, FALSE);
}

/* The forms of the marker of an argument, as written ("according to"). */
static void
append_marker (const KgExSentence *s, const KgArgument *arg, gboolean lower, char *buf)
{
  for (guint k = 0; k < arg->n_marker; k++)
    kg__ex_append (buf, s->tokens[arg->marker_first - s->first + k]->form, lower);
}

static gboolean
is_verbal (const KgExSentence *s, guint i)
{
  KgUpos u = s->tokens[i]->upos;
  /* "Belarus views Iran as a partner" with "views" tagged a noun: a word
   * with a subject and an object is a verb, whatever its tag */
  return u == KG_UPOS_VERB || u == KG_UPOS_AUX
         || (u == KG_UPOS_NOUN && kg__ex_has_child (s, i, KG_DEP_NSUBJ) && kg__ex_has_child (s, i, KG_DEP_OBJ));
}

static gboolean
is_copular (const KgExSentence *s, guint i)
{
  return kg__ex_has_child (s, i, KG_DEP_COP);
}

/* The copular word whose copula a conjunct shares, or -1. */
static int
copular_frame (const KgExSentence *s, guint p)
{
  int cur = p;
  for (guint steps = 0; cur >= 0 && steps < 6; steps++)
    {
      if (is_copular (s, cur))
        return cur;
      if (s->dep[cur] != KG_DEP_CONJ)
        return -1;
      cur = s->head[cur];
    }
  return -1;
}

/* R2: a verbal xcomp that joins its governor's predicate. */
static gboolean
folded_xcomp (const KgExSentence *s, guint x)
{
  if (s->dep[x] != KG_DEP_XCOMP || s->head[x] < 0 || !is_verbal (s, x))
    return FALSE;
  guint h = s->head[x];
  if (is_copular (s, x))
    return FALSE;
  if (is_verbal (s, h))
    return !kg__ex_has_child (s, h, KG_DEP_OBJ) && !kg__ex_has_child (s, h, KG_DEP_IOBJ);
  return s->tokens[h]->upos == KG_UPOS_ADJ && is_copular (s, h);
}

/* A capitalised verb inside a name: "Performing Arts", "Flying Fish". */
static gboolean
in_name (const KgExSentence *s, guint p)
{
  if (p == 0 || !g_ascii_isupper (s->tokens[p]->form[0]) || s->head[p] < 0)
    return FALSE;
  const char *before = s->tokens[p - 1]->form;
  if (strcmp (before, "``") == 0 || strcmp (before, "\"") == 0 || strcmp (before, ":") == 0)
    return FALSE;
  return s->tokens[s->head[p]]->upos == KG_UPOS_PROPN;
}

/* R1 */
static gboolean
is_clause_head (const KgExSentence *s, guint p)
{
  if (folded_xcomp (s, p) || in_name (s, p))
    return FALSE;
  KgDep d = s->dep[p];
  if (is_copular (s, p))
    return TRUE;
  KgUpos u = s->tokens[p]->upos;
  if ((is_verbal (s, p) && u != KG_UPOS_AUX) || (u == KG_UPOS_AUX && d != KG_DEP_AUX && d != KG_DEP_AUX_PASS && d != KG_DEP_COP))
    switch (d)
      {
      case KG_DEP_ROOT: case KG_DEP_CCOMP: case KG_DEP_XCOMP: case KG_DEP_ADVCL: case KG_DEP_ACL:
      case KG_DEP_ACL_RELCL: case KG_DEP_CONJ: case KG_DEP_PARATAXIS: case KG_DEP_DEP: case KG_DEP_LIST:
      case KG_DEP_CSUBJ: case KG_DEP_CSUBJ_PASS:
        return TRUE;
      default:
        return FALSE;
      }
  /* A conjunct of a copular word: "is a member of X and a partner of Y". */
  if (d == KG_DEP_CONJ && (u == KG_UPOS_NOUN || u == KG_UPOS_ADJ || u == KG_UPOS_PROPN)
      && copular_frame (s, p) >= 0 && !kg__ex_has_child (s, p, KG_DEP_NSUBJ) && !kg__ex_is_contrastive (s, p))
    return TRUE;
  return FALSE;
}

static guint
build_chain (const KgExSentence *s, guint p, guint *chain, guint max)
{
  guint n = 0;
  chain[n++] = p;
  guint cur = p;
  while (n < max)
    {
      int next = -1;
      for (guint c = s->child_start[cur]; c < s->child_start[cur + 1]; c++)
        if (folded_xcomp (s, s->children[c]))
          {
            next = s->children[c];
            break;
          }
      if (next < 0)
        break;
      chain[n++] = next;
      cur = next;
    }
  return n;
}

/* An argument headed by i: the relative pronoun replaced by its
 * antecedent. */
static void
argument (KgExSentence *s, guint p, guint i, guint32 cut, int skip, KgRole role, KgArgument *arg)
{
  if (s->word[i] & KG_WORD_RELATIVE)
    {
      int antecedent = kg__ex_relative_antecedent (s, i);
      if (antecedent >= 0)
        {
          KgArgument marker;
          kg__ex_span (s, i, cut, -1, role, &marker);
          kg__ex_span (s, antecedent, (cut & ~KG_CUT_CONJ) | KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS, -1, role,
                       arg);
          arg->resolved = TRUE;
          arg->marker_first = marker.marker_first;
          arg->n_marker = marker.n_marker;
          return;
        }
    }
  /* The noun a participle or relative clause modifies: its span leaves
   * the clause (and its own preposition) out. */
  if (skip < 0 && i != p && kg__ex_dominates (s, i, p))
    {
      int below = p;
      while (s->head[below] >= 0 && (guint) s->head[below] != i)
        below = s->head[below];
      skip = below;
      cut |= KG_CUT_CASE;
    }
  kg__ex_span (s, i, cut, skip, role, arg);
}

/* The obliques of the clause, in sentence order. */
typedef struct {
  guint head;
  KgRole role;
} Oblique;

static guint
collect_obliques (const KgExSentence *s, const guint *frames, guint n_frames, int skip, Oblique *out, guint max)
{
  guint n = 0;
  for (guint f = 0; f < n_frames; f++)
    for (guint c = s->child_start[frames[f]]; c < s->child_start[frames[f] + 1] && n < max; c++)
      {
        guint child = s->children[c];
        if ((int) child == skip)
          continue;
        if (s->dep[child] != KG_DEP_OBL && s->dep[child] != KG_DEP_OBL_BARE)
          continue;
        /* "according to X" is attribution, not an argument. */
        if (kg__ex_has_marker (s, child, "according"))
          continue;
        out[n].head = child;
        out[n].role = kg__ex_oblique_role (s, child);
        n++;
      }
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && out[j - 1].head > out[j].head; j--)
      {
        Oblique t = out[j];
        out[j] = out[j - 1];
        out[j - 1] = t;
      }
  return n;
}

/* A negative determiner on an argument ("no obstacles") negates the fact. */
static gboolean
negated_argument (const KgExSentence *s, guint head)
{
  if (s->word[head] & KG_WORD_NEGATIVE_DET)
    return TRUE;
  const char *lemma = kg__ex_lemma (s, head);
  if (g_ascii_strcasecmp (lemma, "nothing") == 0 || g_ascii_strcasecmp (lemma, "nobody") == 0
      || g_ascii_strcasecmp (lemma, "none") == 0 || g_ascii_strcasecmp (lemma, "no one") == 0)
    return TRUE;
  for (guint c = s->child_start[head]; c < s->child_start[head + 1]; c++)
    if (s->dep[s->children[c]] == KG_DEP_DET && (s->word[s->children[c]] & KG_WORD_NEGATIVE_DET))
      return TRUE;
  return FALSE;
}

/* The parts of one clause, before coordination is split. */
typedef struct {
  KgExFact base;           /* kind, flags, qualifiers, strings, polarity, modality */
  int subject;             /* head of the subject (as written) */
  guint32 subject_cut;
  gboolean split_subject;
  int object;              /* head of the graph object, -1 if none */
  gboolean object_is_clause; /* it heads what a clause says (a copular one has a noun head) */
  KgRole object_role;
  guint32 object_cut;
  gboolean split_object;
  int agent;               /* passive agent, -1 if none */
  gboolean split_agent;    /* the agent is one of several conjuncts */
  int subject_skip;        /* a subtree the subject leaves out, -1 if none */
  int object_skip;         /* a subtree the object leaves out, -1 if none */
  KgArgument open_object;  /* arg2 of the Open IE view when it is not the graph object */
  gboolean open_object_fixed;
} Clause;

/* Emits the facts of a clause, one per subject and object conjunct (R9). */
static void
emit_clause (KgExSentence *s, KgExSink *sink, Clause *c)
{
  guint subjects[12], objects[12];
  guint n_subjects = 1, n_objects = 1;
  subjects[0] = c->subject;
  if (c->split_subject)
    n_subjects = kg__ex_conjuncts (s, c->subject, subjects, G_N_ELEMENTS (subjects));
  if (c->object >= 0 && c->split_object)
    n_objects = kg__ex_conjuncts (s, c->object, objects, G_N_ELEMENTS (objects));
  else
    objects[0] = c->object;

  for (guint i = 0; i < n_subjects; i++)
    for (guint j = 0; j < n_objects; j++)
      {
        KgExFact fact = c->base;
        KgArgument subject, object = { 0 };
        guint32 scut = c->subject_cut | (n_subjects > 1 ? KG_CUT_CONJ : 0);
        argument (s, c->base.predicate_head, subjects[i], scut, c->subject_skip, KG_ROLE_SUBJECT, &subject);
        if (subject.head_kind == KG_HEAD_RELATIVE && !subject.resolved)
          continue;
        if (objects[j] != (guint) -1 && c->object >= 0)
          {
            guint32 ocut = c->object_cut | (n_objects > 1 ? KG_CUT_CONJ : 0);
            argument (s, c->base.predicate_head, objects[j], ocut, c->object_skip, c->object_role, &object);
            if (c->object_is_clause)
              object.head_kind = KG_HEAD_CLAUSE;
          }
        if (c->agent >= 0)
          {
            /* R7: the graph view is active. */
            KgArgument agent;
            argument (s, c->base.predicate_head, c->agent,
                      KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS | (c->split_agent ? KG_CUT_CONJ : 0), -1,
                      KG_ROLE_SUBJECT, &agent);
            fact.subject = agent;
            fact.object = subject;
            fact.object.role = KG_ROLE_OBJECT;
            /* Open IE: patient, "was signed by", agent. */
            fact.arguments[0] = subject;
            KgArgument open_agent = agent;
            open_agent.n_marker = 0;
            open_agent.role = KG_ROLE_OBJECT;
            fact.arguments[1] = open_agent;
          }
        else if ((fact.flags & KG_EXTRACTION_JOINT) && !c->split_subject && c->object < 0)
          {
            /* R9: "Raisi and Lukashenko met": the graph view pairs the first
             * participant with the others, (Raisi, meet with, Lukashenko);
             * the Open IE view keeps the sentence's subject. */
            guint conj[12];
            guint n_conj = kg__ex_conjuncts (s, c->subject, conj, G_N_ELEMENTS (conj));
            fact.subject = subject;
            if (n_conj > 1)
              {
                argument (s, c->base.predicate_head, conj[0], scut | KG_CUT_CONJ, c->subject_skip, KG_ROLE_SUBJECT,
                          &fact.subject);
                kg__ex_span (s, conj[1], c->subject_cut, -1, KG_ROLE_OBJECT, &fact.object);
                guint end = subject.first + subject.n_tokens;
                if (fact.object.first < end)
                  fact.object.n_tokens = end - fact.object.first;
                kg__ex_append (fact.predicate, "with", FALSE);
              }
            fact.arguments[0] = subject;
          }
        else
          {
            fact.subject = subject;
            fact.object = object;
            fact.arguments[0] = subject;
            if (c->open_object_fixed)
              fact.arguments[1] = c->open_object;
            else
              {
                fact.arguments[1] = object;
                fact.arguments[1].n_marker = 0;
              }
          }
        /* Open IE view: arg2 then the qualifiers. */
        guint n = fact.arguments[1].n_tokens > 0 ? 2 : 1;
        for (guint q = 0; q < fact.n_qualifiers && n < KG_EX_MAX_ARGS; q++)
          fact.arguments[n++] = fact.qualifiers[q];
        fact.n_arguments = n;
        if (negated_argument (s, subjects[i]) || (c->object >= 0 && negated_argument (s, objects[j])))
          fact.polarity = fact.polarity == KG_POLARITY_NEGATIVE ? KG_POLARITY_POSITIVE : KG_POLARITY_NEGATIVE;

        if (!kg__ex_emit (sink, s, &fact))
          return;
      }
}

static void
add_qualifier (KgExFact *fact, const KgArgument *arg)
{
  if (fact->n_qualifiers < KG_EX_MAX_ARGS - 2 && arg->n_tokens > 0)
    fact->qualifiers[fact->n_qualifiers++] = *arg;
}

/* Subject cuts: relative clauses and appositives make facts of their own. */
#define SUBJECT_CUT (KG_CUT_RELCL | KG_CUT_APPOS)
#define OBJECT_CUT (KG_CUT_RELCL | KG_CUT_APPOS)
#define OBLIQUE_CUT (KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS)

static void
clause_init (Clause *c, const KgExFact *base, KgClauseKind kind, int subject)
{
  memset (c, 0, sizeof *c);
  c->base = *base;
  c->base.kind = kind;
  c->subject = subject;
  c->subject_cut = SUBJECT_CUT;
  c->subject_skip = -1;
  c->object_skip = -1;
  c->agent = -1;
  c->object = -1;
  c->split_subject = TRUE;
  c->split_object = TRUE;
}

/* What the steps of a verbal clause share: the chain and the arguments
 * found on it, then the words of its predicate; c is the clause they
 * fill. */
typedef struct {
  guint p;                 /* the clause's head */
  const guint *chain;      /* p and the xcomps that join its predicate (R2) */
  guint n_chain;
  guint main;              /* the chain's last verb: the predicate's head */
  int subject;
  gboolean inherited;      /* the subject came from another clause */
  gboolean existential;    /* "there is X" (R11) */
  gboolean passive;        /* R7 */
  gboolean joint_subject;  /* R9: a joint predicate with a coordinated subject */
  int object;              /* obj, the gap or a shared object (R4), -1 if none */
  int iobj;                /* indirect object, -1 if none */
  int ccomp;               /* clausal complement, -1 if none */
  int complement;          /* secondary predicate, -1 if none */
  int light;               /* R6: a light verb's noun, -1 if none */
  Oblique obliques[KG_EX_MAX_ARGS];
  guint n_obliques;
  int object_oblique;      /* R5: the oblique that is the object, an index of obliques, -1 if none */
  Words pred, surf, rel;   /* graph predicate, its surface form, Open IE relation */
  Clause c;
} Verbal;

/* R2: a chain verb followed by the rest of the chain that the modality
 * lexicon lists (used the way given) governs it as a modal ("plans to
 * visit"); it is not the fact's own verb. */
static gboolean
modal_governor (const KgExSentence *s, const Verbal *vc, guint k, KgModalWay way)
{
  guint v = vc->chain[k];
  int m;
  return k + 1 < vc->n_chain && (s->word[v] & KG_WORD_MODAL)
         && kg__ex_lexicon_modality (s->lexicon, kg__ex_lemma (s, v), way, &m);
}

/* R7: the fact is passive when its main verb is, or a verb of the chain
 * that stays in the predicate ("was forced to leave"); the passive of a
 * modal verb ("are scheduled to convene") is not the fact's. */
static gboolean
is_passive (const KgExSentence *s, const Verbal *vc)
{
  guint p = vc->p;
  gboolean passive = FALSE;
  for (guint k = 0; k < vc->n_chain; k++)
    {
      guint v = vc->chain[k];
      if (modal_governor (s, vc, k, KG_MODAL_VERB))
        continue;
      passive |= kg__ex_has_child (s, v, KG_DEP_AUX_PASS);
      if (v == p && !vc->inherited && s->dep[vc->subject] == KG_DEP_NSUBJ_PASS && s->head[vc->subject] == (int) p)
        passive = TRUE;
      /* A past participle modifying a noun or a clause: "agreements signed
       * last year", "followed by a visit". */
      if (v == p && (s->dep[p] == KG_DEP_ACL || s->dep[p] == KG_DEP_ADVCL) && s->tokens[p]->xpos
          && strcmp (s->tokens[p]->xpos, "VBN") == 0 && !kg__ex_has_child (s, p, KG_DEP_AUX)
          && !kg__ex_has_child (s, p, KG_DEP_NSUBJ) && !kg__ex_has_child (s, p, KG_DEP_OBJ))
        passive = TRUE;
    }
  return passive;
}

/* The chain's core dependents, the first of each kind: object, indirect
 * object, clause complement, secondary predicate and a passive's agent.
 * An object-control xcomp is its own clause; a verbal complement that is
 * not folded (it has a copula) stays a qualifier. */
static void
chain_dependents (const KgExSentence *s, Verbal *vc)
{
  for (guint k = 0; k < vc->n_chain; k++)
    for (guint ci = s->child_start[vc->chain[k]]; ci < s->child_start[vc->chain[k] + 1]; ci++)
      {
        guint child = s->children[ci];
        switch (s->dep[child])
          {
          case KG_DEP_OBJ:
            if (vc->object < 0)
              vc->object = child;
            break;
          case KG_DEP_IOBJ:
            if (vc->iobj < 0)
              vc->iobj = child;
            break;
          case KG_DEP_CCOMP:
            /* A clause has a verb, a copula or a subject; a lone noun or
             * adjective under ccomp is a misparse, not what was said. */
            if (vc->ccomp < 0
                && (is_verbal (s, child) || is_copular (s, child) || kg__ex_has_child (s, child, KG_DEP_NSUBJ)))
              vc->ccomp = child;
            break;
          case KG_DEP_XCOMP:
            /* A verb of saying has no secondary predicate: a noun under
             * it is a misparsed clause ("said Iran and Belarus *hold*"). */
            if (vc->complement < 0 && !folded_xcomp (s, child)
                && !((s->word[vc->main] & KG_WORD_REPORTING) && !is_verbal (s, child)))
              vc->complement = child;
            break;
          case KG_DEP_OBL_AGENT:
            if (vc->passive && vc->c.agent < 0)
              vc->c.agent = child;
            break;
          default:
            break;
          }
      }
}

/* R4: the object gap of a relative clause; a conjunct verb shares its
 * governor's object when that object follows it ("signed and ratified
 * the treaty"). */
static void
gap_or_shared_object (const KgExSentence *s, Verbal *vc, int gap)
{
  guint p = vc->p;
  if (vc->object < 0 && gap >= 0 && !vc->passive)
    vc->object = gap;
  if (vc->object < 0 && s->dep[p] == KG_DEP_CONJ && s->head[p] >= 0 && is_verbal (s, s->head[p]))
    {
      int shared = kg__ex_child (s, s->head[p], KG_DEP_OBJ);
      if (shared > (int) p)
        vc->object = shared;
    }
}

/* R6: a light verb's bare noun object joins the predicate ("take part")
 * and is no longer the object. */
static void
light_object (const KgExSentence *s, Verbal *vc)
{
  int object = vc->object;
  if (object >= 0 && (s->word[vc->main] & KG_WORD_LIGHT) && s->tokens[object]->upos == KG_UPOS_NOUN
      && s->child_start[object] == s->child_start[object + 1] && s->tokens[object]->xpos
      && strcmp (s->tokens[object]->xpos, "NN") == 0 && object > (int) vc->main)
    {
      vc->light = object;
      vc->object = -1;
    }
}

/* "There are no obstacles in bilateral ties": the subject's own
 * prepositional modifier is the existential's oblique, and the subject
 * leaves it out. */
static void
existential_oblique (const KgExSentence *s, Verbal *vc)
{
  int nmod = kg__ex_child (s, vc->subject, KG_DEP_NMOD);
  if (nmod >= 0)
    {
      vc->obliques[0].head = nmod;
      vc->obliques[0].role = kg__ex_oblique_role (s, nmod);
      vc->n_obliques = 1;
      vc->c.subject_skip = nmod;
    }
}

/* R5: with no object, the first oblique after the verb that is neither
 * a time nor a place is the object ("met on Monday with X in Minsk"),
 * else the first place ("opened in Minsk"); a joint predicate with a
 * coordinated subject keeps its places as qualifiers ("A and B met in
 * Minsk").  Returns its index in obliques, or -1. */
static int
object_oblique (const KgExSentence *s, const Verbal *vc)
{
  if (vc->object >= 0 || vc->c.agent >= 0)
    return -1;
  for (int pass = 0; pass < 2; pass++)
    {
      KgRole want = pass == 0 ? KG_ROLE_OBLIQUE : KG_ROLE_PLACE;
      if (pass == 1 && vc->joint_subject)
        break;
      for (guint k = 0; k < vc->n_obliques; k++)
        {
          guint head = vc->obliques[k].head;
          if (head > vc->main && vc->obliques[k].role == want && s->dep[head] != KG_DEP_OBL_BARE
              && kg__ex_has_child (s, head, KG_DEP_CASE))
            return k;
        }
    }
  return -1;
}

/* Predicate words (R2): the chain's verbs, the copula of an adjective
 * head, particles, the infinitive marker between verbs, a light verb's
 * noun (R6).  The relation also keeps auxiliaries, negation and a modal
 * verb; the graph predicate and its surface form drop the first modal. */
static void
predicate_words (const KgExSentence *s, Verbal *vc)
{
  gboolean dropped_modal = FALSE, previous_kept = FALSE;
  for (guint k = 0; k < vc->n_chain; k++)
    {
      guint v = vc->chain[k];
      gboolean modal = modal_governor (s, vc, k, s->tokens[v]->upos == KG_UPOS_ADJ ? KG_MODAL_ADJ : KG_MODAL_VERB);
      for (guint ci = s->child_start[v]; ci < s->child_start[v + 1]; ci++)
        {
          guint child = s->children[ci];
          KgDep d = s->dep[child];
          if (d == KG_DEP_AUX || d == KG_DEP_AUX_PASS || d == KG_DEP_COP
              || ((d == KG_DEP_ADVMOD || d == KG_DEP_OTHER) && (s->word[child] & KG_WORD_NEGATION)))
            words_add (&vc->rel, child);
          if (d == KG_DEP_COP && !modal)
            words_add (&vc->surf, child);
          if (d == KG_DEP_COMPOUND_PRT)
            {
              words_add (&vc->rel, child);
              if (!modal)
                {
                  words_add (&vc->pred, child);
                  words_add (&vc->surf, child);
                }
            }
          /* "to" between two verbs the predicate keeps ("continue to
           * strengthen", not "help introduce"). */
          if (d == KG_DEP_MARK && k > 0 && g_ascii_strcasecmp (s->tokens[child]->form, "to") == 0)
            {
              words_add (&vc->rel, child);
              if (previous_kept)
                {
                  words_add (&vc->pred, child);
                  words_add (&vc->surf, child);
                }
            }
        }
      words_add (&vc->rel, v);
      previous_kept = !(modal && !dropped_modal);
      if (!previous_kept)
        {
          dropped_modal = TRUE;
          continue;
        }
      words_add (&vc->pred, v);
      words_add (&vc->surf, v);
    }
  if (vc->light >= 0)
    {
      words_add (&vc->rel, vc->light);
      words_add (&vc->pred, vc->light);
      words_add (&vc->surf, vc->light);
    }
  words_sort (&vc->pred);
  words_sort (&vc->surf);
  words_sort (&vc->rel);
}

/* Adverbs inside the verb group ("has sharply improved", "is actively
 * seeking") belong to the relation as written. */
static void
verb_group_adverbs (const KgExSentence *s, Verbal *vc)
{
  if (vc->rel.n <= 1)
    return;
  guint lo = vc->rel.idx[0], hi = vc->rel.idx[vc->rel.n - 1];
  for (guint k = 0; k < vc->n_chain; k++)
    for (guint ci = s->child_start[vc->chain[k]]; ci < s->child_start[vc->chain[k] + 1]; ci++)
      {
        guint child = s->children[ci];
        if (s->dep[child] == KG_DEP_ADVMOD && child > lo && child < hi && s->tokens[child]->upos == KG_UPOS_ADV)
          words_add (&vc->rel, child);
      }
  words_sort (&vc->rel);
}

/* The graph predicate, lemmatised ("exist" for an existential), and its
 * surface form as written. */
static void
write_predicate (const KgExSentence *s, Verbal *vc)
{
  KgExFact *f = &vc->c.base;
  f->predicate[0] = f->predicate_surface[0] = '\0';
  if (vc->existential)
    kg__ex_append (f->predicate, "exist", FALSE);
  else
    {
      /* Kept passive: "be signed", "be forced to leave"; participles keep
       * their form there. */
      gboolean kept_passive = vc->passive && vc->c.agent < 0;
      if (kept_passive)
        {
          kg__ex_append (f->predicate, "be", FALSE);
          f->flags |= KG_EXTRACTION_PASSIVE;
        }
      for (guint k = 0; k < vc->pred.n; k++)
        {
          guint i = vc->pred.idx[k];
          /* A gerund after the first verb keeps its form: "discuss expanding". */
          const char *xpos = s->tokens[i]->xpos ? s->tokens[i]->xpos : "";
          gboolean as_written = (kept_passive && strcmp (xpos, "VBN") == 0)
                                || (k > 0 && i != vc->pred.idx[0] && strcmp (xpos, "VBG") == 0 && is_verbal (s, i));
          kg__ex_append (f->predicate, as_written ? s->tokens[i]->form : kg__ex_lemma (s, i),
                         s->tokens[i]->upos != KG_UPOS_PROPN);
        }
    }
  words_append (s, &vc->surf, f->predicate_surface);
}

/* The Open IE relation as written.  A participle without its auxiliary
 * reads as the clause it stands for: a passive ("a group known as X" ->
 * "be known as") or, modifying a noun, a progressive ("documents covering
 * trade" -> "be covering"). */
static void
write_relation (const KgExSentence *s, Verbal *vc)
{
  guint p = vc->p;
  char *relation = vc->c.base.relation;
  relation[0] = '\0';
  gboolean has_aux = FALSE;
  for (guint k = 0; k < vc->rel.n; k++)
    has_aux |= s->tokens[vc->rel.idx[k]]->upos == KG_UPOS_AUX;
  gboolean progressive = s->dep[p] == KG_DEP_ACL && s->tokens[p]->xpos && strcmp (s->tokens[p]->xpos, "VBG") == 0;
  if ((vc->passive || progressive) && !has_aux)
    kg__ex_append (relation, "be", FALSE);
  words_append (s, &vc->rel, relation);
}

/* The graph object, the first there is of: the object, the oblique R5
 * chose, the clausal complement (R8), the clause a reporting verb
 * interrupts (R8), the secondary predicate. */
static void
graph_object (const KgExSentence *s, Verbal *vc)
{
  Clause *c = &vc->c;
  guint p = vc->p;
  c->object_role = KG_ROLE_OBJECT;
  c->object_cut = OBJECT_CUT;
  if (vc->object >= 0)
    c->object = vc->object;
  else if (vc->object_oblique >= 0)
    {
      c->object = vc->obliques[vc->object_oblique].head;
      c->object_cut = OBLIQUE_CUT;
      /* "between Iran and Belarus" stays whole. */
      if (kg__ex_has_marker (s, c->object, "between") || kg__ex_has_marker (s, c->object, "among"))
        {
          c->split_object = FALSE;
          c->base.flags |= KG_EXTRACTION_JOINT;
        }
    }
  else if (vc->ccomp >= 0)
    {
      c->object = vc->ccomp;
      c->object_is_clause = TRUE;
      c->object_cut = KG_CUT_MARK;
      c->split_object = FALSE;
      if (kg__ex_is_reporting (s, vc->main))
        c->base.flags |= KG_EXTRACTION_REPORTING;
    }
  else if (s->dep[p] == KG_DEP_PARATAXIS && kg__ex_is_reporting (s, vc->main) && s->head[p] >= 0
           && c->agent < 0 && vc->n_obliques == 0)
    {
      /* "Iran and Belarus are close partners, Lukashenko said": the clause
       * the reporting verb interrupts is what it reports. */
      c->object = s->head[p];
      c->object_is_clause = TRUE;
      c->object_cut = KG_CUT_MARK;
      c->object_skip = p;
      c->split_object = FALSE;
      c->base.flags |= KG_EXTRACTION_REPORTING;
    }
  else if (vc->complement >= 0)
    {
      c->object = vc->complement;
      c->object_cut = KG_CUT_MARK | KG_CUT_CASE | OBJECT_CUT;
      c->object_role = KG_ROLE_COMPLEMENT;
    }

  if (c->agent >= 0)
    {
      /* The patient is the graph object; coordination splits on the agent
       * side through its own conjuncts (emit_per_agent). */
      c->split_object = FALSE;
    }
}

/* A qualifier before it is a span: its head, role and cuts. */
typedef struct {
  guint head;
  KgRole role;
  guint32 cut;
} Extra;

/* The heads of the qualifiers, in the order found: the indirect object,
 * where or when of a relative clause, the obliques that are not the
 * object, the complements that are not, adverbial clauses after the verb.
 * Returns how many were stored, at most max. */
static guint
qualifier_heads (const KgExSentence *s, const Verbal *vc, Extra *extras, guint max)
{
  guint p = vc->p;
  guint n = 0;
  if (vc->iobj >= 0)
    extras[n++] = (Extra) { vc->iobj, KG_ROLE_RECIPIENT, OBJECT_CUT };
  /* "the Astros, where he batted .260": the relative adverb's antecedent
   * is where (or when) the fact holds. */
  if (s->dep[p] == KG_DEP_ACL_RELCL && s->head[p] >= 0)
    for (guint ci = s->child_start[p]; ci < s->child_start[p + 1]; ci++)
      {
        guint child = s->children[ci];
        const char *form = s->tokens[child]->form;
        if (s->dep[child] != KG_DEP_ADVMOD || s->head[p] == vc->subject || n >= max)
          continue;
        if (g_ascii_strcasecmp (form, "where") == 0)
          extras[n++] = (Extra) { s->head[p], KG_ROLE_PLACE, OBLIQUE_CUT | KG_CUT_CLAUSES };
        else if (g_ascii_strcasecmp (form, "when") == 0)
          extras[n++] = (Extra) { s->head[p], KG_ROLE_TIME, OBLIQUE_CUT | KG_CUT_CLAUSES };
        break;
      }
  for (guint k = 0; k < vc->n_obliques && n < max; k++)
    if ((int) k != vc->object_oblique)
      extras[n++] = (Extra) { vc->obliques[k].head, vc->obliques[k].role, OBLIQUE_CUT };
  if (vc->complement >= 0 && vc->c.object != vc->complement && n < max)
    extras[n++] = (Extra) { vc->complement, KG_ROLE_COMPLEMENT, OBJECT_CUT };
  if (vc->ccomp >= 0 && vc->c.object != vc->ccomp && n < max)
    extras[n++] = (Extra) { vc->ccomp, KG_ROLE_COMPLEMENT, KG_CUT_MARK };
  /* An adverbial clause after the verb with its subordinator ("until he
   * switched over to Merck", "if talks fail") is a circumstance of the
   * fact; it is also a fact of its own. */
  for (guint k = 0; k < vc->n_chain; k++)
    for (guint ci = s->child_start[vc->chain[k]]; ci < s->child_start[vc->chain[k] + 1]; ci++)
      {
        guint child = s->children[ci];
        if (s->dep[child] == KG_DEP_ADVCL && child > vc->main && kg__ex_has_child (s, child, KG_DEP_MARK) && n < max)
          extras[n++] = (Extra) { child, KG_ROLE_ADVERBIAL, KG_CUT_MARK };
      }
  return n;
}

/* The qualifiers of the fact, in sentence order; a complement or
 * adverbial clause headed by a verb is a clause. */
static void
verbal_qualifiers (KgExSentence *s, Verbal *vc)
{
  Extra extras[KG_EX_MAX_ARGS];
  guint n_extras = qualifier_heads (s, vc, extras, G_N_ELEMENTS (extras));
  for (guint i = 1; i < n_extras; i++)
    for (guint j = i; j > 0 && extras[j - 1].head > extras[j].head; j--)
      {
        Extra t = extras[j];
        extras[j] = extras[j - 1];
        extras[j - 1] = t;
      }
  for (guint k = 0; k < n_extras; k++)
    {
      KgArgument q;
      argument (s, vc->main, extras[k].head, extras[k].cut, -1, extras[k].role, &q);
      if ((extras[k].role == KG_ROLE_COMPLEMENT || extras[k].role == KG_ROLE_ADVERBIAL) && is_verbal (s, extras[k].head))
        q.head_kind = KG_HEAD_CLAUSE;
      add_qualifier (&vc->c.base, &q);
    }
}

/* The preposition (or complementiser) of the object joins the
 * predicate and the relation; a passive agent's "by" the relation. */
static void
object_markers (KgExSentence *s, Verbal *vc)
{
  Clause *c = &vc->c;
  KgExFact *f = &c->base;
  if (c->object >= 0)
    {
      KgArgument probe;
      kg__ex_span (s, c->object, c->object_cut, -1, c->object_role, &probe);
      if (vc->object_oblique >= 0)
        {
          append_marker (s, &probe, TRUE, f->predicate);
          append_marker (s, &probe, FALSE, f->predicate_surface);
        }
      if (vc->object_oblique >= 0 || c->object == vc->ccomp)
        append_marker (s, &probe, FALSE, f->relation);
    }
  if (c->agent >= 0)
    {
      KgArgument probe;
      kg__ex_span (s, c->agent, KG_CUT_CASE, -1, KG_ROLE_SUBJECT, &probe);
      append_marker (s, &probe, FALSE, f->relation);
    }
}

/* The flags the fact's subject and object give it: R9, the subject of a
 * joint predicate stays whole; an inherited subject; a clause object is
 * hedged. */
static void
verbal_flags (Verbal *vc)
{
  KgExFact *f = &vc->c.base;
  if (vc->joint_subject)
    {
      vc->c.split_subject = FALSE;
      f->flags |= KG_EXTRACTION_JOINT;
    }
  if (vc->inherited)
    f->flags |= KG_EXTRACTION_INHERITED;
  if (vc->c.object == vc->ccomp && vc->ccomp >= 0)
    f->hedged = TRUE;
}

/* R7: with a passive agent the graph view is active, one clause per agent
 * conjunct; without, the clause as it is. */
static void
emit_per_agent (KgExSentence *s, KgExSink *sink, Clause *c)
{
  if (c->agent < 0)
    {
      emit_clause (s, sink, c);
      return;
    }
  guint agents[12];
  guint n_agents = kg__ex_conjuncts (s, c->agent, agents, G_N_ELEMENTS (agents));
  for (guint a = 0; a < n_agents; a++)
    {
      Clause one = *c;
      one.agent = agents[a];
      one.split_agent = n_agents > 1;
      emit_clause (s, sink, &one);
    }
}

/* The fact of a verbal or existential clause: p's chain of verbs with
 * its arguments, one step per construction, in the order each needs the
 * one before. */
static void
verbal_clause (KgExSentence *s, KgExSink *sink, guint p, const guint *chain, guint n_chain, int subject,
               gboolean inherited, int gap, const KgExFact *base)
{
  Verbal vc = { .p = p, .chain = chain, .n_chain = n_chain, .main = chain[n_chain - 1], .subject = subject,
                .inherited = inherited, .object = -1, .iobj = -1, .ccomp = -1, .complement = -1, .light = -1 };
  clause_init (&vc.c, base, KG_CLAUSE_VERBAL, subject);
  vc.existential = strcmp (kg__ex_lemma (s, vc.main), "be") == 0 && kg__ex_has_child (s, vc.main, KG_DEP_EXPL);
  if (vc.existential)
    vc.c.base.kind = KG_CLAUSE_EXISTENTIAL;
  /* R9: a joint predicate's coordinated subject stays whole and keeps its
   * places as qualifiers (R5). */
  guint conj_probe[2];
  vc.joint_subject = (s->word[vc.main] & KG_WORD_JOINT) && kg__ex_conjuncts (s, subject, conj_probe, 2) > 1;

  /* The arguments. */
  vc.passive = is_passive (s, &vc);
  chain_dependents (s, &vc);
  gap_or_shared_object (s, &vc, gap);
  light_object (s, &vc);
  vc.n_obliques = collect_obliques (s, chain, n_chain, vc.c.agent, vc.obliques, G_N_ELEMENTS (vc.obliques));
  if (vc.existential && vc.n_obliques == 0)
    existential_oblique (s, &vc);
  vc.object_oblique = object_oblique (s, &vc);

  /* The predicate. */
  predicate_words (s, &vc);
  verb_group_adverbs (s, &vc);
  write_predicate (s, &vc);
  write_relation (s, &vc);

  /* The graph object, the qualifiers (in sentence order), the facts. */
  graph_object (s, &vc);
  verbal_qualifiers (s, &vc);
  object_markers (s, &vc);
  verbal_flags (&vc);
  emit_per_agent (s, sink, &vc.c);
}

static void
copular_clause (KgExSentence *s, KgExSink *sink, guint p, int subject, gboolean inherited, const KgExFact *base)
{
  Clause c;
  clause_init (&c, base, KG_CLAUSE_COPULAR, subject);
  c.split_object = FALSE;
  KgExFact *f = &c.base;
  int frame = copular_frame (s, p);
  if (frame < 0)
    return;

  Words rel = { 0 };
  for (guint ci = s->child_start[frame]; ci < s->child_start[frame + 1]; ci++)
    {
      guint child = s->children[ci];
      KgDep d = s->dep[child];
      if (d == KG_DEP_COP || d == KG_DEP_AUX || d == KG_DEP_AUX_PASS
          || (d == KG_DEP_ADVMOD && (s->word[child] & KG_WORD_NEGATION)))
        words_add (&rel, child);
    }
  for (guint ci = s->child_start[p]; ci < s->child_start[p + 1]; ci++)
    {
      guint child = s->children[ci];
      if (s->dep[child] == KG_DEP_ADVMOD && (s->word[child] & KG_WORD_NEGATION))
        words_add (&rel, child);
    }
  words_sort (&rel);
  f->relation[0] = f->predicate[0] = f->predicate_surface[0] = '\0';
  words_append (s, &rel, f->relation);
  int cop = kg__ex_child (s, frame, KG_DEP_COP);
  const char *cop_form = cop >= 0 ? s->tokens[cop]->form : "is";

  Oblique obliques[KG_EX_MAX_ARGS];
  guint frames[1] = { p };
  guint n_obliques = collect_obliques (s, frames, 1, -1, obliques, G_N_ELEMENTS (obliques));
  KgUpos u = s->tokens[p]->upos;
  guint32 frame_cut = KG_CUT_FRAME | KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ;
  int used_oblique = -1;

  int case_child = kg__ex_child (s, p, KG_DEP_CASE);
  if (case_child >= 0 && case_child < (int) p)
    {
      /* "Iran is in the final stages ...": (Iran, be in, stages). */
      c.object = p;
      c.object_role = kg__ex_oblique_role (s, p);
      c.object_cut = frame_cut | KG_CUT_CASE;
      KgArgument probe;
      kg__ex_span (s, p, KG_CUT_CASE, -1, c.object_role, &probe);
      kg__ex_append (f->predicate, "be", FALSE);
      append_marker (s, &probe, TRUE, f->predicate);
      kg__ex_append (f->predicate_surface, cop_form, FALSE);
      append_marker (s, &probe, FALSE, f->predicate_surface);
      append_marker (s, &probe, FALSE, f->relation);
    }
  else if ((u == KG_UPOS_ADJ || u == KG_UPOS_VERB) && n_obliques > 0 && obliques[0].role != KG_ROLE_TIME
           && kg__ex_has_child (s, obliques[0].head, KG_DEP_CASE))
    {
      /* "is aware of X": (maker, be aware of, injuries). */
      used_oblique = 0;
      c.object = obliques[0].head;
      c.object_role = KG_ROLE_OBJECT;
      c.object_cut = OBLIQUE_CUT;
      KgArgument probe;
      kg__ex_span (s, c.object, KG_CUT_CASE, -1, KG_ROLE_OBJECT, &probe);
      kg__ex_append (f->predicate, "be", FALSE);
      kg__ex_append (f->predicate, kg__ex_lemma (s, p), TRUE);
      append_marker (s, &probe, TRUE, f->predicate);
      kg__ex_append (f->predicate_surface, cop_form, FALSE);
      kg__ex_append (f->predicate_surface, s->tokens[p]->form, FALSE);
      append_marker (s, &probe, FALSE, f->predicate_surface);
      kg__ex_append (f->relation, s->tokens[p]->form, FALSE);
      append_marker (s, &probe, FALSE, f->relation);
    }
  else
    {
      /* "Belarus is a member of both organizations": Open IE keeps the
       * complement whole; the graph predicate takes the noun and its first
       * prepositional modifier ("be member of", organizations). */
      int nmod = -1;
      if (u == KG_UPOS_NOUN)
        for (guint ci = s->child_start[p]; ci < s->child_start[p + 1]; ci++)
          {
            guint child = s->children[ci];
            if (s->dep[child] == KG_DEP_NMOD && kg__ex_has_child (s, child, KG_DEP_CASE)
                && kg__ex_oblique_role (s, child) != KG_ROLE_TIME)
              {
                nmod = child;
                break;
              }
          }
      kg__ex_span (s, p, frame_cut, -1, KG_ROLE_COMPLEMENT, &c.open_object);
      c.open_object_fixed = TRUE;
      if (nmod >= 0)
        {
          c.object = nmod;
          c.object_role = KG_ROLE_OBJECT;
          c.object_cut = OBLIQUE_CUT;
          kg__ex_append (f->predicate, "be", FALSE);
          kg__ex_append (f->predicate_surface, cop_form, FALSE);
          for (guint ci = s->child_start[p]; ci < s->child_start[p + 1]; ci++)
            {
              guint child = s->children[ci];
              if (s->dep[child] == KG_DEP_COMPOUND && child < p)
                {
                  kg__ex_append (f->predicate, kg__ex_lemma (s, child), TRUE);
                  kg__ex_append (f->predicate_surface, s->tokens[child]->form, FALSE);
                }
            }
          kg__ex_append (f->predicate, kg__ex_lemma (s, p), TRUE);
          kg__ex_append (f->predicate_surface, s->tokens[p]->form, FALSE);
          KgArgument probe;
          kg__ex_span (s, nmod, KG_CUT_CASE, -1, KG_ROLE_OBJECT, &probe);
          append_marker (s, &probe, TRUE, f->predicate);
          append_marker (s, &probe, FALSE, f->predicate_surface);
        }
      else
        {
          c.object = p;
          c.object_role = KG_ROLE_COMPLEMENT;
          c.object_cut = frame_cut | KG_CUT_CLAUSES;
          kg__ex_append (f->predicate, "be", FALSE);
          kg__ex_append (f->predicate_surface, cop_form, FALSE);
        }
    }

  for (guint k = 0; k < n_obliques; k++)
    if ((int) k != used_oblique)
      {
        KgArgument q;
        argument (s, p, obliques[k].head, OBLIQUE_CUT, -1, obliques[k].role, &q);
        add_qualifier (f, &q);
      }
  if (inherited)
    f->flags |= KG_EXTRACTION_INHERITED;
  emit_clause (s, sink, &c);
}

/* The facts of the clause headed by p. */
static void
clause (KgExSentence *s, KgExSink *sink, guint p)
{
  guint chain[6];
  guint n_chain = build_chain (s, p, chain, G_N_ELEMENTS (chain));
  gboolean inherited;
  int gap;
  int subject = kg__ex_subject (s, p, &inherited, &gap);
  if (subject < 0 || s->dep[subject] == KG_DEP_EXPL || (s->word[subject] & KG_WORD_EXPLETIVE))
    return;
  /* A clausal subject ("implementing these agreements will ...") is not
   * an entity. */
  if (is_verbal (s, subject) && (s->dep[subject] == KG_DEP_CSUBJ || s->dep[subject] == KG_DEP_CSUBJ_PASS))
    return;

  KgExFact base;
  memset (&base, 0, sizeof base);
  base.predicate_head = chain[n_chain - 1];
  kg__ex_qualify (s, p, chain, n_chain, &base);

  if (n_chain == 1 && copular_frame (s, p) >= 0 && !is_verbal (s, p))
    copular_clause (s, sink, p, subject, inherited, &base);
  else if (n_chain == 1 && copular_frame (s, p) >= 0)
    copular_clause (s, sink, p, subject, inherited, &base);
  else
    verbal_clause (s, sink, p, chain, n_chain, subject, inherited, gap, &base);
}

/* "It was agreed that ...", "it is important to ...": an "it" subject
 * whose predicate has a clausal complement stands for that clause, an
 * expletive the parser may have called nsubj. */
static void
mark_expletives (KgExSentence *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      if (s->tokens[i]->upos != KG_UPOS_PRON || g_ascii_strcasecmp (s->tokens[i]->form, "it") != 0
          || (s->dep[i] != KG_DEP_NSUBJ && s->dep[i] != KG_DEP_NSUBJ_PASS) || s->head[i] < 0)
        continue;
      guint h = s->head[i];
      if (kg__ex_has_child (s, h, KG_DEP_CCOMP) || kg__ex_has_child (s, h, KG_DEP_CSUBJ)
          || kg__ex_has_child (s, h, KG_DEP_CSUBJ_PASS)
          || ((kg__ex_has_child (s, h, KG_DEP_AUX_PASS) || kg__ex_has_child (s, h, KG_DEP_COP))
              && kg__ex_has_child (s, h, KG_DEP_XCOMP)))
        s->word[i] |= KG_WORD_EXPLETIVE;
    }
}

void
kg__ex_clauses (KgExSentence *s, KgExSink *sink)
{
  mark_expletives (s);
  for (guint p = 0; p < s->n; p++)
    if (is_clause_head (s, p))
      clause (s, sink, p);
}
