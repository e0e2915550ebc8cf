/* kgraph/graph.h: the knowledge graph: entity nodes, fact edges and the
 * evidence behind every fact.
 *
 * Nodes are entities.  A node's identity is its canonical key (see
 * kgraph/canonical.h), never its type: every mention with the same key lands
 * on the same node, which keeps each surface form as an alias, counts
 * mentions, and takes as its type the majority over its typed mentions.
 *
 * Edges are facts (subject, predicate, object) qualified by polarity,
 * modality and attribution.  Adding the same fact again adds evidence; the
 * weight is the number of distinct supporting sentences.
 *
 * Ids are stable: derived from canonical keys only, so two runs, or two
 * orders of the same input, give the same ids, and every view of the graph
 * is sorted by key.  Strings are interned once per graph.
 *
 * A graph is not thread-safe; build one per thread and merge.
 */
#ifndef KGRAPH_GRAPH_H
#define KGRAPH_GRAPH_H

#include <kgraph/entity.h>

G_BEGIN_DECLS

typedef struct _KgGraph KgGraph;
typedef struct _KgNode KgNode;
typedef struct _KgEdge KgEdge;

typedef enum {
  KG_POLARITY_POSITIVE = 0,
  KG_POLARITY_NEGATIVE,
} KgPolarity;

typedef enum {
  KG_MODALITY_ASSERTED = 0,  /* stated as a fact */
  KG_MODALITY_FUTURE,        /* will, shall, be going to */
  KG_MODALITY_POSSIBLE,      /* may, might, could, can */
  KG_MODALITY_OBLIGATION,    /* must, should, have to, need to */
  KG_MODALITY_INTENDED,      /* plan to, aim to, seek to, be scheduled to */
  KG_MODALITY_HYPOTHETICAL,  /* would, conditionals */
  KG_MODALITY_N_VALUES
} KgModality;

const char *kg_polarity_to_string (KgPolarity polarity);   /* "positive", "negative" */
const char *kg_modality_to_string (KgModality modality);   /* "asserted", "future", ... */

/* Metadata of one source document. */
typedef struct {
  const char *id;      /* unique id: path relative to the input, or the JSON id field */
  const char *title;   /* nullable */
  const char *date;    /* publication date, ISO 8601; nullable */
  const char *byline;  /* nullable */
  const char *source;  /* file path or URL; nullable */
} KgDocumentInfo;

/* One mention of an entity, as the entity stage (or an import) sees it. */
typedef struct {
  const char *key;      /* canonical key; NULL derives it from surface */
  const char *surface;  /* the text as written */
  KgEntityType type;
  const char *rule;     /* why this surface joined the node; NULL means "exact" */
  gboolean is_name;     /* a proper name that may become the node's label */
} KgNodeMention;

/* One alias of a node: a surface form and how it joined. */
typedef struct {
  const char *form;
  guint count;
  const char *rule;
  gboolean is_name;
} KgAlias;

/* A fact to add.  Nodes must belong to the same graph. */
typedef struct {
  KgNode *subject;
  const char *predicate;          /* normalised (lemma) form: identity */
  const char *predicate_surface;  /* as written; NULL means the same as predicate */
  KgNode *object;
  KgPolarity polarity;
  KgModality modality;
  KgNode *attributed_to;          /* who said it; nullable */
  double confidence;              /* in [0, 1] */
  const char *relation;           /* the normalised relation of the vocabulary ("holds office",
                                   * "met", "member of"; data/lexicon/relations.tsv); NULL
                                   * when the predicate is none of them */
  const char *office;             /* for "holds office": the office ("foreign minister");
                                   * nullable */
} KgFact;

/* Where a fact was found, and when and where that sentence says it
 * happened: time and place are qualifiers as written, their preposition
 * included ("on March 13, 2023", "last year"; "in Minsk", "at the United
 * Nations"); the facts stage gives an extraction's first time and first
 * place qualifier.  They belong to the occurrence, not to the fact's
 * identity: one edge may have evidence with several times and places. */
typedef struct {
  guint document;      /* index returned by kg_graph_add_document() */
  guint sentence;      /* sentence index in the document (0-based) */
  guint64 start, end;  /* byte offsets of the sentence in the original input */
  const char *text;    /* the sentence; nullable */
  double confidence;   /* of this occurrence, in [0, 1] */
  const char *time;    /* when: "on Monday"; nullable, "" counts as NULL */
  const char *place;   /* where: "in Minsk"; nullable, "" counts as NULL */
} KgEvidence;

KgGraph *kg_graph_new (void);
void kg_graph_free (KgGraph *graph);

/* Adds a document, or returns the index of the one with the same id (whose
 * metadata is then completed with the fields it lacked). */
guint kg_graph_add_document (KgGraph *graph, const KgDocumentInfo *info);
guint kg_graph_get_n_documents (KgGraph *graph);
/* (transfer none) */
const KgDocumentInfo *kg_graph_get_document (KgGraph *graph, guint index);
/* Document indices sorted by id.  (transfer none) */
GArray *kg_graph_get_document_order (KgGraph *graph);

/* Adds a mention to the node of its key, creating the node if needed.
 * Returns NULL when the key (given or derived) is empty.  (transfer none) */
KgNode *kg_graph_add_mention (KgGraph *graph, const KgNodeMention *mention);
/* (transfer none); NULL if there is no node with that key */
KgNode *kg_graph_lookup_node (KgGraph *graph, const char *key);

/* Adds a fact and its evidence.  The same fact again (same subject, predicate,
 * object, polarity, modality and attribution) adds evidence to the existing
 * edge; evidence identical to a record it already has (same document,
 * sentence, offsets, text, time and place) is not added twice, only its
 * best confidence kept.  The evidence's strings are copied (interned).
 * (transfer none) */
KgEdge *kg_graph_add_fact (KgGraph *graph, const KgFact *fact, const KgEvidence *evidence);

/* Corrections, as entity merging and the user's alias rules make them. */
/* Merges from into into: from's aliases join into (those that joined from
 * by "exact" now by rule), its mentions and type counts add up, every fact about from is
 * about into (facts that become the same merge), and from's key leads to
 * into from now on.  from is freed. */
void kg_graph_merge_nodes (KgGraph *graph, KgNode *from, KgNode *into, const char *rule);
/* Removes node and every fact whose subject or object it is; node is
 * freed. */
void kg_graph_remove_node (KgGraph *graph, KgNode *node);
/* Whether at least one end of edge is an anchor (kg_entity_type_is_anchor):
 * a fact about a named entity, a date or an amount. */
gboolean kg_edge_is_about_entity (const KgEdge *edge);
/* Makes the graph entity-centric: sets aside every fact between two
 * concepts (kg_edge_is_about_entity() FALSE), then every concept or value
 * node no fact is about any more.  Set-aside facts are no edges of the
 * graph; they stay readable through kg_graph_get_set_aside_edges().  Do it
 * last: merging nodes afterwards does not reach them.  Returns the number
 * of facts set aside. */
guint kg_graph_keep_entity_facts (KgGraph *graph);
/* The facts set aside, sorted as kg_graph_get_edges() sorts.  (transfer none) */
GPtrArray *kg_graph_get_set_aside_edges (KgGraph *graph);
/* Fixes the type of a node whatever its mentions say. */
void kg_node_set_entity_type (KgNode *node, KgEntityType type);

guint kg_graph_get_n_nodes (KgGraph *graph);
guint kg_graph_get_n_edges (KgGraph *graph);
/* Nodes sorted by key; edges sorted by subject key, predicate, object key,
 * polarity, modality and attribution.  Valid until the graph changes.
 * (transfer none) */
GPtrArray *kg_graph_get_nodes (KgGraph *graph);
GPtrArray *kg_graph_get_edges (KgGraph *graph);

/* A stable id made of a type letter and 16 hex digits of a hash of the key. */
const char *kg_node_get_id (const KgNode *node);
const char *kg_node_get_key (const KgNode *node);
/* The fullest proper name among the aliases (longest, then most frequent). */
const char *kg_node_get_label (const KgNode *node);
/* The majority type over typed mentions; UNKNOWN only if none was typed. */
KgEntityType kg_node_get_entity_type (const KgNode *node);
guint kg_node_get_type_count (const KgNode *node, KgEntityType type);
guint kg_node_get_mentions (const KgNode *node);
/* Aliases sorted by form.  (transfer none) */
guint kg_node_get_n_aliases (const KgNode *node);
const KgAlias *kg_node_get_alias (const KgNode *node, guint index);

const char *kg_edge_get_id (const KgEdge *edge);
KgNode *kg_edge_get_subject (const KgEdge *edge);
KgNode *kg_edge_get_object (const KgEdge *edge);
const char *kg_edge_get_predicate (const KgEdge *edge);
/* The most frequent surface form of the predicate (ties: the smallest). */
const char *kg_edge_get_predicate_surface (const KgEdge *edge);
KgPolarity kg_edge_get_polarity (const KgEdge *edge);
KgModality kg_edge_get_modality (const KgEdge *edge);
KgNode *kg_edge_get_attributed_to (const KgEdge *edge);
/* The normalised relation ("holds office", "met", ...), or the predicate
 * when it has none: what queries group facts by. */
const char *kg_edge_get_relation (const KgEdge *edge);
/* The office of a "holds office" fact ("foreign minister"); NULL for
 * other facts. */
const char *kg_edge_get_office (const KgEdge *edge);
/* Number of distinct (document, sentence) pairs among the evidence. */
guint kg_edge_get_weight (const KgEdge *edge);
/* Noisy-or over sentences of each sentence's best evidence confidence:
 * 1 - prod (1 - c_s).  More independent support means more confidence. */
double kg_edge_get_confidence (const KgEdge *edge);
/* Evidence sorted by document id, sentence, start, end, then text, time
 * and place (bytes; a missing string first), so that the same sentence
 * with other qualifiers is a record of its own in a fixed place.
 * (transfer none) */
guint kg_edge_get_n_evidence (const KgEdge *edge);
const KgEvidence *kg_edge_get_evidence (const KgEdge *edge, guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgGraph, kg_graph_free)

G_END_DECLS

#endif
