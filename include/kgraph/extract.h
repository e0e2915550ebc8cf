/* kgraph/extract.h: the extraction stage: facts from parsed sentences.
 *
 * An extractor turns each parsed sentence of a document into extraction
 * records: a subject, a predicate and an object, each argument a span of the
 * document's tokens, qualified by polarity, modality, attribution, time and
 * place.  The rules work on Universal Dependencies trees (UD English r2.16)
 * in the spirit of ClausIE (Del Corro & Gemulla 2013), PredPatt (White et
 * al. 2016) and Stanford Open IE (Angeli et al. 2015): one clause per verbal
 * or copular predicate, arguments from the core and oblique dependents,
 * coordination split into atomic facts, and noun-phrase facts from
 * appositives, titles, relative clauses and event nominals.
 *
 * Every record has two views of the same fact:
 *
 *   the graph view   subject, normalised predicate ("take part in", "sign"),
 *                    object, and further arguments and qualifiers; passives
 *                    with a known agent turned active; what the graph stage
 *                    makes nodes and edges of.
 *   the Open IE view the relation as the sentence says it, auxiliaries,
 *                    negation and copula included ("was signed by", "is"),
 *                    and the arguments in order; what Open IE benchmarks
 *                    (CaRB) score.
 *
 * Arguments never stand for an expletive ("there", "it" in "it was agreed
 * that"); relative pronouns are replaced by the noun they modify; personal
 * pronouns and bare determiners are kept but marked (KgHeadKind), so that
 * the graph stage can resolve them through coreference or drop them.
 *
 * Work per sentence is linear in its length, with a cap on the facts of one
 * sentence: a long sentence or a broken parse gives fewer facts, never a
 * hang.  Sentences of kind HEADING and FURNITURE, and questions, give none.
 */
#ifndef KGRAPH_EXTRACT_H
#define KGRAPH_EXTRACT_H

#include <kgraph/document.h>
#include <kgraph/graph.h>

G_BEGIN_DECLS

typedef struct _KgExtractor KgExtractor;
typedef struct _KgExtractions KgExtractions;

/* The part an argument plays in its fact. */
typedef enum {
  KG_ROLE_SUBJECT = 0,
  KG_ROLE_OBJECT,       /* the direct object, or the first oblique when there is none */
  KG_ROLE_RECIPIENT,    /* the indirect object: "told *Kuznetsov* that ..." */
  KG_ROLE_COMPLEMENT,   /* a copula's complement, a clause, a secondary predicate */
  KG_ROLE_TIME,         /* "on Monday", "in July 2023", "last year" */
  KG_ROLE_PLACE,        /* "in Minsk", "at the United Nations" */
  KG_ROLE_OBLIQUE,      /* any other prepositional argument: "with Iran", "in various fields" */
  KG_ROLE_ADVERBIAL,    /* an adverbial clause: "until he switched to Merck", "if talks fail" */
  KG_ROLE_SPEAKER,      /* the source of an attributed fact */
  KG_ROLE_N_ROLES
} KgRole;

/* What the head word of an argument is, so that nothing that cannot be a
 * node becomes one. */
typedef enum {
  KG_HEAD_NOUN = 0,     /* a common noun: a concept */
  KG_HEAD_NAME,         /* a proper noun */
  KG_HEAD_PRONOUN,      /* he, it, they, this, ...: resolve through coreference */
  KG_HEAD_RELATIVE,     /* who, which, that whose antecedent could not be found */
  KG_HEAD_DETERMINER,   /* a bare determiner or quantifier: "both", "all", "some" */
  KG_HEAD_DEMONYM,      /* an adjective-only demonym: "Belarusian" (maps to a country) */
  KG_HEAD_ADJECTIVE,    /* another adjective: "constructive" */
  KG_HEAD_NUMBER,       /* a number or amount: "$ 33 million", "1941" */
  KG_HEAD_CLAUSE,       /* a clause: what someone said, agreed, hoped */
  KG_HEAD_OTHER,
  KG_HEAD_N_KINDS
} KgHeadKind;

/* One argument: a contiguous span of document tokens. */
typedef struct {
  guint first;          /* document index of the first token */
  guint n_tokens;       /* 0 when the argument is absent */
  guint head;           /* document index of the head token */
  guint marker_first;   /* the preposition or complementiser before the span ("in", */
  guint n_marker;       /* "according to", "that"), outside it; n_marker 0 when none */
  const char *marker;   /* its words in lower case, NULL when none; (transfer none) */
  KgRole role;
  KgHeadKind head_kind;
  gboolean resolved;    /* a relative pronoun (or controlled subject) replaced by its antecedent */
} KgArgument;

/* Where a fact comes from in the sentence's structure. */
typedef enum {
  KG_CLAUSE_VERBAL = 0,   /* a verb and its dependents */
  KG_CLAUSE_COPULAR,      /* "Belarus is a member of both organizations" */
  KG_CLAUSE_EXISTENTIAL,  /* "there are no obstacles in bilateral ties" */
  KG_CLAUSE_APPOSITION,   /* "Minsk, the Belarusian capital" */
  KG_CLAUSE_TITLE,        /* "Iran's Foreign Minister Seyed Abbas Araghchi" */
  KG_CLAUSE_NOMINAL,      /* an event noun: "his visit to Minsk" */
  KG_CLAUSE_POSSESSIVE,   /* "the Iranian military attaché's office": (attaché, have, office) */
  KG_CLAUSE_MODIFIER,     /* a place modifying a noun: "exercises in Iran": (exercises, be in, Iran) */
  KG_CLAUSE_N_KINDS
} KgClauseKind;

typedef enum {
  KG_EXTRACTION_PASSIVE = 1 << 0,     /* passive kept: no agent, the subject is the patient */
  KG_EXTRACTION_JOINT = 1 << 1,       /* an inherently joint predicate ("meet", "between"):
                                       * the graph view pairs the participants as
                                       * (Raisi, meet with, Lukashenko), the Open IE view
                                       * keeps the coordination whole */
  KG_EXTRACTION_CONDITIONAL = 1 << 2, /* inside or under an if/unless clause */
  KG_EXTRACTION_REPORTING = 1 << 3,   /* the reporting fact itself: (Araghchi, say, CLAUSE) */
  KG_EXTRACTION_INHERITED = 1 << 4,   /* the subject comes from another clause (conjunct,
                                       * control, participle, relative clause) */
  KG_EXTRACTION_QUOTED = 1 << 5,      /* the fact is inside quotation marks */
} KgExtractionFlags;

/* One fact.  Strings and argument arrays belong to the KgExtractions that
 * holds the record. */
typedef struct {
  guint sentence;                 /* sentence index in the document */
  KgClauseKind kind;
  KgExtractionFlags flags;

  /* the graph view */
  KgArgument subject;
  const char *predicate;          /* normalised: lemmas, auxiliaries and adverbs dropped,
                                   * particles and prepositions kept: "take part in" */
  const char *predicate_surface;  /* the same words as written: "took part in" */
  KgArgument object;              /* n_tokens 0 when the fact has none: "exchanges would
                                   * take place" is (exchanges, take place) */
  guint n_qualifiers;             /* further arguments in sentence order: recipients, */
  const KgArgument *qualifiers;   /* obliques, time, place, complements, adverbial clauses */
  KgPolarity polarity;
  KgModality modality;
  KgArgument attribution;         /* the speaker; n_tokens 0 when not attributed */

  /* the Open IE view */
  const char *relation;           /* "has not taken part in", "is", "was signed by"; "be"
                                   * for what a noun phrase states ("Minsk, the capital") */
  guint n_arguments;              /* arg1 (the subject as written), arg2, ...: arguments */
  const KgArgument *arguments;    /* after arg2 print their marker before their words */

  double confidence;              /* in [0, 1]; higher ranks first */
} KgExtraction;

const char *kg_role_to_string (KgRole role);                 /* "subject", "time", ... */
const char *kg_head_kind_to_string (KgHeadKind kind);        /* "noun", "pronoun", ... */
const char *kg_clause_kind_to_string (KgClauseKind kind);    /* "verbal", "title", ... */

/* An extractor with the lexicons of lexicon_dir (reporting verbs,
 * modality, joint predicates, light verbs, event nouns, time words; see
 * data/lexicon/README).  Read-only once made: one extractor serves any
 * number of threads.  Fails with KG_ERROR_MODEL naming a missing lexicon
 * file, or KG_ERROR_INPUT naming the file and line of a bad entry.
 * (transfer full) */
KgExtractor *kg_extractor_new (const char *lexicon_dir, GError **error);
void kg_extractor_free (KgExtractor *extractor);

/* The facts of every sentence of a parsed document (tags, lemmas and trees
 * from kg_pipeline_annotate()), in sentence order and within a sentence
 * clause facts in the order of their predicates, then noun-phrase facts.
 * A sentence without a usable tree gives none.  (transfer full) */
KgExtractions *kg_extractor_extract (const KgExtractor *extractor, const KgDocument *document);
/* The same for one sentence of the document.  (transfer full) */
KgExtractions *kg_extractor_extract_sentence (const KgExtractor *extractor, const KgDocument *document,
                                              guint sentence);

void kg_extractions_free (KgExtractions *extractions);
guint kg_extractions_get_n (const KgExtractions *extractions);
/* (transfer none): valid while extractions lives */
const KgExtraction *kg_extractions_get (const KgExtractions *extractions, guint index);

/* Adds each extraction's normalised predicate to counts, a table from
 * predicate to count made with g_hash_table_new_full (g_str_hash,
 * g_str_equal, g_free, NULL) whose values are GUINT_TO_POINTER counts: what
 * a predicate-frequency report needs. */
void kg_extractions_count_predicates (const KgExtractions *extractions, GHashTable *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgExtractor, kg_extractor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgExtractions, kg_extractions_free)

G_END_DECLS

#endif
