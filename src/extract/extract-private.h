/* extract-private.h: what the files of the extraction stage share (see
 * kgraph/extract.h): the lexicons, the view of one parsed sentence the
 * rules walk, and the builder a rule fills to emit one fact.
 *
 *   extract-lexicon.c     the hand-kept word lists of data/lexicon
 *   extract-tree.c        the sentence view: relations, children, word classes, spans
 *   extract-qualify.c     what qualifies a clause: polarity, modality, attribution,
 *                         time and place
 *   extract-clause.c      facts from verbal, copular and existential clauses
 *   extract-noun.c        facts from noun phrases: appositions, titles, event
 *                         nominals, possessives
 *   extract-office.c      offices the entity stage found beside names, as facts
 *   extract-confidence.c  the confidence rule
 *   extract.c             the public API, record storage, the per-sentence driver
 */
#ifndef KG_EXTRACT_PRIVATE_H
#define KG_EXTRACT_PRIVATE_H

#include "kgraph/extract.h"

/* ---- lexicons ----------------------------------------------------------- */

/* Word classes from the lexicons and from closed-class grammar, one bit
 * each, computed once per token. */
enum {
  KG_WORD_REPORTING = 1u << 0,    /* say, state, add, note, tell, emphasise, ... */
  KG_WORD_JOINT = 1u << 1,        /* meet, negotiate, agree: inherently joint predicates */
  KG_WORD_LIGHT = 1u << 2,        /* take, make, pay: verbs whose bare noun object joins the predicate */
  KG_WORD_TIME = 1u << 3,         /* Monday, July, year, week, 1941 */
  KG_WORD_EVENT = 1u << 4,        /* visit, meeting, signing: nouns of events */
  KG_WORD_PRONOUN = 1u << 5,      /* a personal, demonstrative or indefinite pronoun */
  KG_WORD_RELATIVE = 1u << 6,     /* who, whom, which, that (as a pronoun), whose */
  KG_WORD_NEGATION = 1u << 7,     /* not, n't, never */
  KG_WORD_DEMONYM = 1u << 8,      /* a capitalised adjective shaped like a demonym */
  KG_WORD_PLACE = 1u << 9,        /* capital, city, region: nouns of places */
  KG_WORD_MODAL = 1u << 10,       /* has an entry in the modality lexicon */
  KG_WORD_QUOTE = 1u << 11,       /* a quotation mark */
  KG_WORD_NEGATIVE_DET = 1u << 12,/* no, neither: a determiner that negates its clause */
  KG_WORD_EXPLETIVE = 1u << 13    /* "it" standing for a clause: "it was agreed that" */
};

/* How a modality lexicon entry applies. */
typedef enum {
  KG_MODAL_AUX = 0,  /* an auxiliary: will, may, must */
  KG_MODAL_VERB,     /* a verb governing the predicate through xcomp: plan, aim, have (to) */
  KG_MODAL_NOUN,     /* a noun governing it: "in the final stages of joining" */
  KG_MODAL_ADJ,      /* an adjective: "prepared to", "able to", "likely to" */
} KgModalWay;

/* The modality lexicon's value for a modality that negates instead
 * ("failed to", "refused to"). */
#define KG_MODALITY_NEGATES KG_MODALITY_N_VALUES

typedef struct {
  const char *verb;          /* the verb of an event noun ("meet" for "meeting") */
  const char *object_marks;  /* prepositions that mark its object, ",to,with," */
} KgEventNoun;

typedef struct _KgExLexicon KgExLexicon;

KgExLexicon *kg__ex_lexicon_load (const char *dir, GError **error);
void kg__ex_lexicon_free (KgExLexicon *lexicon);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgExLexicon, kg__ex_lexicon_free)

/* The word-class bits of a word from its lemma, form and tags. */
guint32 kg__ex_lexicon_classify (const KgExLexicon *lexicon, const KgToken *token);
/* The modality of a lemma used the given way; FALSE if it has none. */
gboolean kg__ex_lexicon_modality (const KgExLexicon *lexicon, const char *lemma, KgModalWay way,
                                  int *modality);
/* TRUE if phrase ("say", "point out") is a reporting verb. */
gboolean kg__ex_lexicon_is_reporting (const KgExLexicon *lexicon, const char *phrase);
/* (transfer none); NULL when the noun is not an event noun */
const KgEventNoun *kg__ex_lexicon_event_noun (const KgExLexicon *lexicon, const char *lemma);

/* ---- the sentence view -------------------------------------------------- */

/* Universal Dependencies relations the rules tell apart. */
typedef enum {
  KG_DEP_OTHER = 0,
  KG_DEP_ROOT, KG_DEP_NSUBJ, KG_DEP_NSUBJ_PASS, KG_DEP_CSUBJ, KG_DEP_CSUBJ_PASS,
  KG_DEP_OBJ, KG_DEP_IOBJ, KG_DEP_OBL, KG_DEP_OBL_AGENT, KG_DEP_OBL_BARE,
  KG_DEP_NMOD, KG_DEP_NMOD_POSS, KG_DEP_NMOD_DESC, KG_DEP_NMOD_BARE,
  KG_DEP_XCOMP, KG_DEP_CCOMP, KG_DEP_ADVCL, KG_DEP_ACL, KG_DEP_ACL_RELCL,
  KG_DEP_CONJ, KG_DEP_CC, KG_DEP_APPOS, KG_DEP_COMPOUND, KG_DEP_COMPOUND_PRT,
  KG_DEP_FLAT, KG_DEP_FIXED, KG_DEP_COP, KG_DEP_AUX, KG_DEP_AUX_PASS, KG_DEP_MARK,
  KG_DEP_CASE, KG_DEP_ADVMOD, KG_DEP_AMOD, KG_DEP_NUMMOD, KG_DEP_DET, KG_DEP_EXPL,
  KG_DEP_PARATAXIS, KG_DEP_PUNCT, KG_DEP_DISCOURSE, KG_DEP_DEP, KG_DEP_LIST,
  KG_DEP_N   /* at most 64, for masks of relations */
} KgDep;

KgDep kg__ex_dep_from_string (const char *deprel);

/* Scratch arrays that grow to the longest sentence and are reused. */
typedef struct {
  const KgDocument *document;
  const KgExLexicon *lexicon;
  guint index;               /* the sentence's index in the document */
  KgSentenceKind kind;
  guint first;               /* document index of the first token */
  guint n;                   /* words */
  guint capacity;
  const KgToken **tokens;
  int *head;                 /* 0-based, -1 for the root */
  guint8 *dep;               /* KgDep */
  guint32 *word;             /* KG_WORD_* bits */
  guint *child_start;        /* children of i: children[child_start[i] .. child_start[i + 1]) */
  guint *children;
  guint8 *in_span;           /* span scratch */
  guint *stack;              /* traversal scratch */
  gboolean *quoted;          /* inside quotation marks */
} KgExSentence;

void kg__ex_sentence_clear (KgExSentence *s);
/* Fills the view of one sentence; FALSE when the sentence has no usable
 * tree (no parse, a head out of range, a cycle). */
gboolean kg__ex_sentence_load (KgExSentence *s, const KgExLexicon *lexicon, const KgDocument *document,
                               guint index);

static inline const char *
kg__ex_lemma (const KgExSentence *s, guint i)
{
  return s->tokens[i]->lemma ? s->tokens[i]->lemma : s->tokens[i]->form;
}

/* The number of children of i with relation dep, and the first of them
 * (-1 when none). */
int kg__ex_child (const KgExSentence *s, guint i, KgDep dep);
gboolean kg__ex_has_child (const KgExSentence *s, guint i, KgDep dep);
/* TRUE if i has a preposition or complementiser (case or mark) that is
 * word, in any case: "in", "that", "according". */
gboolean kg__ex_has_marker (const KgExSentence *s, guint i, const char *word);
/* TRUE if the sentence denies the conjunct: "rather than Y", "instead of
 * Y", "not Y"; such a conjunct is never one of the facts. */
gboolean kg__ex_is_contrastive (const KgExSentence *s, guint conjunct);
/* TRUE if a is i or below i. */
gboolean kg__ex_dominates (const KgExSentence *s, guint a, guint i);

/* Which dependents of an argument's head its span leaves out. */
enum {
  KG_CUT_CONJ = 1u << 0,     /* conjuncts and their coordinators: one conjunct of many */
  KG_CUT_RELCL = 1u << 1,    /* relative clauses */
  KG_CUT_APPOS = 1u << 2,    /* appositives */
  KG_CUT_CASE = 1u << 3,     /* the preposition: it becomes the argument's marker */
  KG_CUT_CLAUSES = 1u << 4,  /* participial and infinitival modifiers (acl), advcl */
  KG_CUT_DESC = 1u << 5,     /* titles (nmod:desc) and possessors: the bare name */
  KG_CUT_MARK = 1u << 6,     /* a clause's complementiser ("that") */
  KG_CUT_FRAME = 1u << 7,    /* what makes a word a clause: subject, copula, auxiliaries,
                              * negation, complementiser, obliques, adverbial clauses */
};

/* Sets arg to the span of head's subtree without the cut dependents and
 * without the tokens in skip (a subtree to leave out, -1 for none), kept
 * contiguous around head and trimmed of punctuation and coordinators at
 * its ends; fills the marker from head's case (or mark) dependents. */
void kg__ex_span (KgExSentence *s, guint head, guint32 cut, int skip, KgRole role, KgArgument *arg);
/* The conjuncts of head: head itself, then its conj dependents (and theirs)
 * in order; returns how many were stored, at most max. */
guint kg__ex_conjuncts (const KgExSentence *s, guint head, guint *out, guint max);
/* TRUE if i is a conjunct whose coordination has no coordinator at all:
 * an apposition the parser took for a list. */
gboolean kg__ex_is_bare_conj (const KgExSentence *s, guint i);
/* TRUE if the sentence's main clause is in a past tense: the tense a
 * relation the sentence only implies ("had" for a possessive) takes. */
gboolean kg__ex_past_tense (const KgExSentence *s);
/* An argument spanning an entity mention (a name, or a nationality). */
KgArgument kg__ex_mention_argument (const KgMention *m, KgRole role);
/* The kind of an argument headed by i. */
KgHeadKind kg__ex_head_kind (const KgExSentence *s, guint i);

/* ---- facts -------------------------------------------------------------- */

#define KG_EX_MAX_ARGS 8
#define KG_EX_MAX_WORDS 24
#define KG_EX_TEXT 256

/* A fact while a rule builds it: fixed-size, on the stack. */
typedef struct {
  KgClauseKind kind;
  KgExtractionFlags flags;
  KgArgument subject, object, attribution;
  KgArgument qualifiers[KG_EX_MAX_ARGS];
  guint n_qualifiers;
  KgArgument arguments[KG_EX_MAX_ARGS];   /* the Open IE view: arg1, arg2, ... */
  guint n_arguments;
  char predicate[KG_EX_TEXT];
  char predicate_surface[KG_EX_TEXT];
  char relation[KG_EX_TEXT];
  KgPolarity polarity;
  KgModality modality;
  guint predicate_head;                  /* sentence index of the predicate's head word */
  gboolean hedged;                       /* a clause argument or secondary predicate */
} KgExFact;

/* Where facts go; implemented by extract.c. */
typedef struct _KgExSink KgExSink;
/* Adds a fact of the sentence s (its confidence computed here); FALSE when
 * the sentence has reached its cap. */
gboolean kg__ex_emit (KgExSink *sink, const KgExSentence *s, const KgExFact *fact);

/* Appends word to buf (a KG_EX_TEXT buffer) with a space before it when
 * buf is not empty; lower_case folds ASCII upper case. */
void kg__ex_append (char *buf, const char *word, gboolean lower_case);

/* ---- the rules ---------------------------------------------------------- */

/* What qualifies the clause of predicate p: negation, modality, attribution
 * and the conditional flag (extract-qualify.c). */
void kg__ex_qualify (KgExSentence *s, guint p, const guint *chain, guint n_chain, KgExFact *fact);
/* The role of an oblique headed by i: TIME, PLACE or OBLIQUE. */
KgRole kg__ex_oblique_role (const KgExSentence *s, guint i);
/* TRUE if verb v (with its particle) is a reporting verb. */
gboolean kg__ex_is_reporting (const KgExSentence *s, guint v);
/* The speaker of a clause headed by p under a reporting verb, or -1. */
int kg__ex_speaker (const KgExSentence *s, guint p);

/* The antecedent of the relative clause that holds clause (the clause or
 * a word inside it), or -1. */
int kg__ex_relative_antecedent (const KgExSentence *s, guint clause);
/* The subject of predicate p, looking through conjunction, control,
 * relative clauses and participles; -1 when there is none.  *inherited
 * says whether it came from another clause; *object_gap is the antecedent
 * when p is a relative clause with a subject of its own and no pronoun
 * ("the roadmap the presidents signed"), else -1. */
int kg__ex_subject (const KgExSentence *s, guint p, gboolean *inherited, int *object_gap);

/* Facts from every clause of the sentence (extract-clause.c). */
void kg__ex_clauses (KgExSentence *s, KgExSink *sink);
/* Facts from noun phrases (extract-noun.c). */
void kg__ex_nouns (KgExSentence *s, KgExSink *sink);
/* Offices the entity stage found beside person names (extract-office.c). */
void kg__ex_offices (KgExSentence *s, KgExSink *sink);

/* The confidence of a fact (extract-confidence.c). */
double kg__ex_confidence (const KgExSentence *s, const KgExFact *fact);

#endif
