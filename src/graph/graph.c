/* graph.c: the knowledge graph held in GLib (graph stage).
 *
 * Nodes live in a hash table by canonical key, edges in a hash table by
 * their identity (subject, predicate, object, polarity, modality,
 * attribution), compared by pointer because nodes and predicates are
 * interned.  Evidence is appended as it comes and put in order lazily: sorted
 * by document id, sentence, offsets, then text, time and place, records
 * equal in all of these merged, weight and confidence recomputed.  Sorted
 * views of nodes and edges are cached until the next change, so exports
 * never see hash-table order.
 */
#include "kgraph/graph.h"
#include "util/names.h"
#include "kgraph/canonical.h"

#include <string.h>

#define KG_ID_SIZE 18 /* a type letter, 16 hex digits, NUL */

typedef struct {
  const char *form;
  guint count;
} SurfaceCount;

struct _KgNode {
  const char *key;
  char id[KG_ID_SIZE];
  const char *label;  /* cache; NULL when aliases changed */
  guint mentions;
  guint type_counts[KG_ENTITY_N_TYPES];
  KgEntityType forced_type;  /* set by the user; UNKNOWN when not */
  GArray *aliases;    /* KgAlias sorted by form */
};

/* An edge is one allocation plus two exact-size arrays (no GArray headers):
 * a million facts are held in about a quarter of a kilobyte each. */
struct _KgEdge {
  KgGraph *graph;
  KgNode *subject, *object, *attributed_to;
  const char *predicate;
  const char *relation;   /* interned; NULL: the predicate is its own relation */
  const char *office;     /* interned; nullable */
  SurfaceCount *surfaces; /* n_surfaces, sorted by form */
  KgEvidence *evidence;   /* n_evidence of evidence_room */
  guint n_surfaces, n_evidence, evidence_room;
  guint weight;
  double confidence;
  guint8 polarity;        /* KgPolarity */
  guint8 modality;        /* KgModality */
  gboolean evidence_sorted : 1;
  char id[KG_ID_SIZE];
};

struct _KgGraph {
  GStringChunk *strings;
  GHashTable *nodes_by_key;    /* key -> KgNode, owns the nodes */
  GHashTable *redirects;       /* key of a merged node -> key of the node it joined */
  GHashTable *edges_by_fact;   /* KgEdge -> KgEdge, owns the edges */
  GArray *documents;           /* KgDocumentInfo with interned strings */
  GHashTable *documents_by_id; /* id -> index + 1 */
  GPtrArray *sorted_nodes;     /* caches, NULL when stale */
  GPtrArray *sorted_edges;
  GArray *document_order;
  GPtrArray *set_aside_edges;  /* facts kept out of the graph (kg_graph_keep_entity_facts), */
  GPtrArray *set_aside_nodes;  /* and the nodes only they are about; owned */
};

static const char *const entity_type_names[KG_ENTITY_N_TYPES] = {
  "UNKNOWN", "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", "TIME",
  "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "CONCEPT",
};

static const char *const modality_names[KG_MODALITY_N_VALUES] = {
  "asserted", "future", "possible", "obligation", "intended", "hypothetical",
};

const char *
kg_entity_type_to_string (KgEntityType type)
{
  g_return_val_if_fail (type < KG_ENTITY_N_TYPES, "UNKNOWN");
  return entity_type_names[type];
}

gboolean
kg_entity_type_is_anchor (KgEntityType type)
{
  switch (type)
    {
    case KG_ENTITY_CONCEPT:
    case KG_ENTITY_CARDINAL:
    case KG_ENTITY_ORDINAL:
      return FALSE;
    default:
      return type < KG_ENTITY_N_TYPES;
    }
}

gboolean
kg_entity_type_from_string (const char *name, KgEntityType *type)
{
  static const struct { const char *name; KgEntityType type; } synonyms[] = {
    { "PER", KG_ENTITY_PERSON },
    { "ORGANIZATION", KG_ENTITY_ORG },
    { "ORGANISATION", KG_ENTITY_ORG },
    { "LOCATION", KG_ENTITY_LOC },
  };
  g_return_val_if_fail (name != NULL && type != NULL, FALSE);
  int i = kg_name_lookup (entity_type_names, KG_ENTITY_N_TYPES, name);
  if (i >= 0)
    {
      *type = i;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_ascii_strcasecmp (name, synonyms[i].name) == 0)
      {
        *type = synonyms[i].type;
        return TRUE;
      }
  return FALSE;
}

const char *
kg_polarity_to_string (KgPolarity polarity)
{
  return polarity == KG_POLARITY_NEGATIVE ? "negative" : "positive";
}

const char *
kg_modality_to_string (KgModality modality)
{
  g_return_val_if_fail (modality < KG_MODALITY_N_VALUES, "asserted");
  return modality_names[modality];
}

static const char *
intern (KgGraph *graph, const char *s)
{
  return s ? g_string_chunk_insert_const (graph->strings, s) : NULL;
}

/* An empty qualifier is no qualifier: exports then never write an empty
 * value, and "" and NULL never make two records. */
static const char *
intern_nonempty (KgGraph *graph, const char *s)
{
  return s && *s ? intern (graph, s) : NULL;
}

static void
format_id (char id[KG_ID_SIZE], char letter, const char *key, gsize length)
{
  g_snprintf (id, KG_ID_SIZE, "%c%016" G_GINT64_MODIFIER "x", letter,
              kg_stable_hash (key, length));
}

static void
invalidate_views (KgGraph *graph)
{
  g_clear_pointer (&graph->sorted_nodes, g_ptr_array_unref);
  g_clear_pointer (&graph->sorted_edges, g_ptr_array_unref);
}

/* ---- nodes ------------------------------------------------------------ */

static void
node_free (KgNode *node)
{
  g_array_unref (node->aliases);
  g_free (node);
}

/* Binary search for form in n sorted elements whose first member is a
 * `const char *form`.  Returns TRUE and the index when found, else FALSE and
 * the insertion point. */
static gboolean
find_form (gconstpointer elements, guint n, gsize element_size, const char *form, guint *index)
{
  guint lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const char *at = *(const char *const *) ((const char *) elements + (gsize) mid * element_size);
      int cmp = strcmp (at, form);
      if (cmp == 0)
        {
          *index = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *index = lo;
  return FALSE;
}

static void
node_add_alias (KgGraph *graph, KgNode *node, const KgNodeMention *mention)
{
  const char *form = intern (graph, mention->surface);
  const char *rule = intern (graph, mention->rule ? mention->rule : "exact");
  guint i;
  if (find_form (node->aliases->data, node->aliases->len, sizeof (KgAlias), form, &i))
    {
      KgAlias *alias = &g_array_index (node->aliases, KgAlias, i);
      alias->count++;
      alias->is_name = alias->is_name || mention->is_name;
      /* The same form may arrive by several rules: the report keeps the
       * one that explains most (anything but "exact"), the smallest of
       * those so that input order does not matter. */
      gboolean explains = strcmp (rule, "exact") != 0;
      gboolean explained = strcmp (alias->rule, "exact") != 0;
      if ((explains && !explained) || (explains == explained && strcmp (rule, alias->rule) < 0))
        alias->rule = rule;
    }
  else
    {
      KgAlias alias = { form, 1, rule, mention->is_name };
      g_array_insert_val (node->aliases, i, alias);
    }
  node->label = NULL;
}

KgNode *
kg_graph_add_mention (KgGraph *graph, const KgNodeMention *mention)
{
  g_return_val_if_fail (graph != NULL && mention != NULL, NULL);
  g_return_val_if_fail (mention->surface != NULL, NULL);
  g_return_val_if_fail (mention->type < KG_ENTITY_N_TYPES, NULL);

  g_autofree char *derived = mention->key ? NULL : kg_canonical_key (mention->surface);
  const char *key = mention->key ? mention->key : derived;
  if (key == NULL || *key == '\0')
    return NULL;
  const char *target;
  while ((target = g_hash_table_lookup (graph->redirects, key)) != NULL)
    key = target;

  KgNode *node = g_hash_table_lookup (graph->nodes_by_key, key);
  if (node == NULL)
    {
      node = g_new0 (KgNode, 1);
      node->key = intern (graph, key);
      format_id (node->id, 'n', node->key, strlen (node->key));
      node->aliases = g_array_new (FALSE, FALSE, sizeof (KgAlias));
      g_hash_table_insert (graph->nodes_by_key, (gpointer) node->key, node);
      invalidate_views (graph);
    }
  node->mentions++;
  node->type_counts[mention->type]++;
  node_add_alias (graph, node, mention);
  return node;
}

KgNode *
kg_graph_lookup_node (KgGraph *graph, const char *key)
{
  g_return_val_if_fail (graph != NULL && key != NULL, NULL);
  const char *target;
  while ((target = g_hash_table_lookup (graph->redirects, key)) != NULL)
    key = target;
  return g_hash_table_lookup (graph->nodes_by_key, key);
}

const char *
kg_node_get_id (const KgNode *node)
{
  return node->id;
}

const char *
kg_node_get_key (const KgNode *node)
{
  return node->key;
}

/* Is a a better label than b: one without an editor's brackets ("Shanghai
 * [Cooperation Organization]"), then longer (in characters), then more
 * frequent, then the smaller string, so that the choice never depends on
 * order. */
static gboolean
better_label (const KgAlias *a, const KgAlias *b)
{
  gboolean bracket_a = strchr (a->form, '[') != NULL, bracket_b = strchr (b->form, '[') != NULL;
  if (bracket_a != bracket_b)
    return bracket_b;
  glong la = g_utf8_strlen (a->form, -1), lb = g_utf8_strlen (b->form, -1);
  if (la != lb)
    return la > lb;
  if (a->count != b->count)
    return a->count > b->count;
  return strcmp (a->form, b->form) < 0;
}

const char *
kg_node_get_label (const KgNode *node)
{
  if (node->label)
    return node->label;

  gboolean any_name = FALSE;
  for (guint i = 0; i < node->aliases->len; i++)
    any_name = any_name || g_array_index (node->aliases, KgAlias, i).is_name;

  const KgAlias *best = NULL;
  for (guint i = 0; i < node->aliases->len; i++)
    {
      const KgAlias *alias = &g_array_index (node->aliases, KgAlias, i);
      if (any_name && !alias->is_name)
        continue;
      if (best == NULL || better_label (alias, best))
        best = alias;
    }
  ((KgNode *) node)->label = best ? best->form : node->key;
  return node->label;
}

KgEntityType
kg_node_get_entity_type (const KgNode *node)
{
  if (node->forced_type != KG_ENTITY_UNKNOWN)
    return node->forced_type;
  KgEntityType best = KG_ENTITY_UNKNOWN;
  for (guint t = KG_ENTITY_UNKNOWN + 1; t < KG_ENTITY_N_TYPES; t++)
    if (node->type_counts[t] > node->type_counts[best] || (best == KG_ENTITY_UNKNOWN && node->type_counts[t] > 0))
      best = t;
  return best;
}

guint
kg_node_get_type_count (const KgNode *node, KgEntityType type)
{
  g_return_val_if_fail (type < KG_ENTITY_N_TYPES, 0);
  return node->type_counts[type];
}

guint
kg_node_get_mentions (const KgNode *node)
{
  return node->mentions;
}

guint
kg_node_get_n_aliases (const KgNode *node)
{
  return node->aliases->len;
}

const KgAlias *
kg_node_get_alias (const KgNode *node, guint index)
{
  g_return_val_if_fail (index < node->aliases->len, NULL);
  return &g_array_index (node->aliases, KgAlias, index);
}

/* ---- documents ---------------------------------------------------------- */

guint
kg_graph_add_document (KgGraph *graph, const KgDocumentInfo *info)
{
  g_return_val_if_fail (graph != NULL && info != NULL && info->id != NULL, 0);

  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (graph->documents_by_id, info->id));
  if (index == 0)
    {
      KgDocumentInfo stored = { intern (graph, info->id), NULL, NULL, NULL, NULL };
      g_array_append_val (graph->documents, stored);
      index = graph->documents->len;
      g_hash_table_insert (graph->documents_by_id, (gpointer) stored.id, GUINT_TO_POINTER (index));
      g_clear_pointer (&graph->document_order, g_array_unref);
    }
  KgDocumentInfo *doc = &g_array_index (graph->documents, KgDocumentInfo, index - 1);
  if (doc->title == NULL)
    doc->title = intern (graph, info->title);
  if (doc->date == NULL)
    doc->date = intern (graph, info->date);
  if (doc->byline == NULL)
    doc->byline = intern (graph, info->byline);
  if (doc->source == NULL)
    doc->source = intern (graph, info->source);
  return index - 1;
}

guint
kg_graph_get_n_documents (KgGraph *graph)
{
  return graph->documents->len;
}

const KgDocumentInfo *
kg_graph_get_document (KgGraph *graph, guint index)
{
  g_return_val_if_fail (index < graph->documents->len, NULL);
  return &g_array_index (graph->documents, KgDocumentInfo, index);
}

static int
compare_document_index (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GArray *documents = user_data;
  const KgDocumentInfo *da = &g_array_index (documents, KgDocumentInfo, *(const guint *) a);
  const KgDocumentInfo *db = &g_array_index (documents, KgDocumentInfo, *(const guint *) b);
  return strcmp (da->id, db->id);
}

GArray *
kg_graph_get_document_order (KgGraph *graph)
{
  if (graph->document_order == NULL)
    {
      graph->document_order = g_array_sized_new (FALSE, FALSE, sizeof (guint), graph->documents->len);
      for (guint i = 0; i < graph->documents->len; i++)
        g_array_append_val (graph->document_order, i);
      g_array_sort_with_data (graph->document_order, compare_document_index, graph->documents);
    }
  return graph->document_order;
}

/* ---- edges -------------------------------------------------------------- */

static guint
edge_hash (gconstpointer p)
{
  const KgEdge *e = p;
  guint h = g_direct_hash (e->subject);
  h = h * 31 + g_direct_hash (e->predicate);
  h = h * 31 + g_direct_hash (e->object);
  h = h * 31 + g_direct_hash (e->attributed_to);
  return h * 31 + e->polarity * 7 + e->modality;
}

static gboolean
edge_equal (gconstpointer pa, gconstpointer pb)
{
  const KgEdge *a = pa, *b = pb;
  return a->subject == b->subject && a->predicate == b->predicate && a->object == b->object
         && a->attributed_to == b->attributed_to && a->polarity == b->polarity
         && a->modality == b->modality;
}

static void
edge_free (KgEdge *edge)
{
  g_free (edge->surfaces);
  g_free (edge->evidence);
  g_free (edge);
}

/* The fields that make a fact, joined by unit separators. */
static char *
edge_identity (gpointer p)
{
  const KgEdge *edge = p;
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", edge->subject->key, edge->predicate,
                          edge->object->key, kg_polarity_to_string (edge->polarity),
                          kg_modality_to_string (edge->modality),
                          edge->attributed_to ? edge->attributed_to->key : "");
}

static void
edge_format_id (KgEdge *edge)
{
  g_autofree char *identity = edge_identity (edge);
  format_id (edge->id, 'e', identity, strlen (identity));
}

static void
edge_add_surface (KgGraph *graph, KgEdge *edge, const char *surface)
{
  const char *form = intern (graph, surface);
  guint i;
  if (find_form (edge->surfaces, edge->n_surfaces, sizeof (SurfaceCount), form, &i))
    {
      edge->surfaces[i].count++;
      return;
    }
  edge->surfaces = g_renew (SurfaceCount, edge->surfaces, edge->n_surfaces + 1);
  memmove (&edge->surfaces[i + 1], &edge->surfaces[i], (edge->n_surfaces - i) * sizeof (SurfaceCount));
  edge->surfaces[i] = (SurfaceCount) { form, 1 };
  edge->n_surfaces++;
}

/* Appends records to the edge's evidence, which grows by doubling. */
static void
edge_append_evidence (KgEdge *edge, const KgEvidence *records, guint n)
{
  if (edge->n_evidence + n > edge->evidence_room)
    {
      edge->evidence_room = MAX (edge->n_evidence + n, edge->evidence_room * 2);
      edge->evidence = g_renew (KgEvidence, edge->evidence, edge->evidence_room);
    }
  memcpy (&edge->evidence[edge->n_evidence], records, n * sizeof (KgEvidence));
  edge->n_evidence += n;
  edge->evidence_sorted = FALSE;
}

KgEdge *
kg_graph_add_fact (KgGraph *graph, const KgFact *fact, const KgEvidence *evidence)
{
  g_return_val_if_fail (graph != NULL && fact != NULL && evidence != NULL, NULL);
  g_return_val_if_fail (fact->subject != NULL && fact->object != NULL && fact->predicate != NULL, NULL);
  g_return_val_if_fail (fact->polarity <= KG_POLARITY_NEGATIVE, NULL);
  g_return_val_if_fail (fact->modality < KG_MODALITY_N_VALUES, NULL);
  g_return_val_if_fail (evidence->document < graph->documents->len, NULL);

  KgEdge probe = {
    .subject = fact->subject, .object = fact->object, .attributed_to = fact->attributed_to,
    .predicate = intern (graph, fact->predicate), .polarity = fact->polarity,
    .modality = fact->modality,
  };
  KgEdge *edge = g_hash_table_lookup (graph->edges_by_fact, &probe);
  if (edge == NULL)
    {
      edge = g_new (KgEdge, 1);
      *edge = probe;
      edge->graph = graph;
      edge->relation = fact->relation ? intern (graph, fact->relation) : NULL;
      edge->office = fact->office ? intern (graph, fact->office) : NULL;
      edge_format_id (edge);
      g_hash_table_add (graph->edges_by_fact, edge);
      invalidate_views (graph);
    }
  edge_add_surface (graph, edge, fact->predicate_surface ? fact->predicate_surface : fact->predicate);

  KgEvidence stored = *evidence;
  stored.text = intern (graph, evidence->text);
  stored.time = intern_nonempty (graph, evidence->time);
  stored.place = intern_nonempty (graph, evidence->place);
  stored.confidence = CLAMP (MIN (evidence->confidence, fact->confidence), 0.0, 1.0);
  edge_append_evidence (edge, &stored, 1);
  return edge;
}

static int
compare_evidence (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const KgEvidence *a = pa, *b = pb;
  KgGraph *graph = user_data;
  if (a->document != b->document)
    return strcmp (kg_graph_get_document (graph, a->document)->id,
                   kg_graph_get_document (graph, b->document)->id);
  if (a->sentence != b->sentence)
    return a->sentence < b->sentence ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  /* The same sentence with other qualifiers (two extractions of one
   * sentence, or an import) is another record, never merged away. */
  int cmp;
  if ((cmp = g_strcmp0 (a->text, b->text)) != 0 || (cmp = g_strcmp0 (a->time, b->time)) != 0)
    return cmp;
  return g_strcmp0 (a->place, b->place);
}

/* Sorts the evidence, merges identical records (equal in every field
 * compare_evidence looks at; the best confidence is kept), and recomputes
 * weight and confidence. */
static void
edge_settle (KgEdge *edge)
{
  if (edge->evidence_sorted)
    return;
  KgEvidence *ev = edge->evidence;
  g_qsort_with_data (ev, edge->n_evidence, sizeof (KgEvidence), compare_evidence, edge->graph);

  guint kept = 0;
  for (guint i = 0; i < edge->n_evidence; i++)
    {
      if (kept > 0 && compare_evidence (&ev[kept - 1], &ev[i], edge->graph) == 0)
        {
          ev[kept - 1].confidence = MAX (ev[kept - 1].confidence, ev[i].confidence);
          continue;
        }
      ev[kept++] = ev[i];
    }
  edge->n_evidence = kept;

  /* One vote per sentence: its best occurrence. */
  double disbelief = 1.0;
  guint weight = 0;
  for (guint i = 0; i < kept;)
    {
      const KgEvidence *first = &ev[i];
      double best = 0.0;
      guint j = i;
      for (; j < kept; j++)
        {
          const KgEvidence *e = &ev[j];
          if (e->document != first->document || e->sentence != first->sentence)
            break;
          best = MAX (best, e->confidence);
        }
      disbelief *= 1.0 - best;
      weight++;
      i = j;
    }
  edge->weight = weight;
  edge->confidence = 1.0 - disbelief;
  edge->evidence_sorted = TRUE;
}

const char *
kg_edge_get_id (const KgEdge *edge)
{
  return edge->id;
}

KgNode *
kg_edge_get_subject (const KgEdge *edge)
{
  return edge->subject;
}

KgNode *
kg_edge_get_object (const KgEdge *edge)
{
  return edge->object;
}

const char *
kg_edge_get_predicate (const KgEdge *edge)
{
  return edge->predicate;
}

const char *
kg_edge_get_predicate_surface (const KgEdge *edge)
{
  const SurfaceCount *best = NULL;
  for (guint i = 0; i < edge->n_surfaces; i++)
    {
      const SurfaceCount *sc = &edge->surfaces[i];
      if (best == NULL || sc->count > best->count)
        best = sc; /* sorted by form, so a tie keeps the smaller form */
    }
  return best ? best->form : edge->predicate;
}

KgPolarity
kg_edge_get_polarity (const KgEdge *edge)
{
  return edge->polarity;
}

KgModality
kg_edge_get_modality (const KgEdge *edge)
{
  return edge->modality;
}

KgNode *
kg_edge_get_attributed_to (const KgEdge *edge)
{
  return edge->attributed_to;
}

const char *
kg_edge_get_relation (const KgEdge *edge)
{
  return edge->relation ? edge->relation : edge->predicate;
}

const char *
kg_edge_get_office (const KgEdge *edge)
{
  return edge->office;
}

guint
kg_edge_get_weight (const KgEdge *edge)
{
  edge_settle ((KgEdge *) edge);
  return edge->weight;
}

double
kg_edge_get_confidence (const KgEdge *edge)
{
  edge_settle ((KgEdge *) edge);
  return edge->confidence;
}

guint
kg_edge_get_n_evidence (const KgEdge *edge)
{
  edge_settle ((KgEdge *) edge);
  return edge->n_evidence;
}

const KgEvidence *
kg_edge_get_evidence (const KgEdge *edge, guint index)
{
  edge_settle ((KgEdge *) edge);
  g_return_val_if_fail (index < edge->n_evidence, NULL);
  return &edge->evidence[index];
}

/* ---- the graph and its sorted views ------------------------------------- */

KgGraph *
kg_graph_new (void)
{
  KgGraph *graph = g_new0 (KgGraph, 1);
  graph->strings = g_string_chunk_new (64 * 1024);
  graph->nodes_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) node_free);
  graph->redirects = g_hash_table_new (g_str_hash, g_str_equal);
  graph->edges_by_fact = g_hash_table_new_full (edge_hash, edge_equal, (GDestroyNotify) edge_free, NULL);
  graph->documents = g_array_new (FALSE, FALSE, sizeof (KgDocumentInfo));
  graph->documents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  graph->set_aside_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  graph->set_aside_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return graph;
}

void
kg_graph_free (KgGraph *graph)
{
  if (graph == NULL)
    return;
  invalidate_views (graph);
  g_clear_pointer (&graph->document_order, g_array_unref);
  g_hash_table_unref (graph->edges_by_fact);
  g_ptr_array_unref (graph->set_aside_edges);
  g_hash_table_unref (graph->nodes_by_key);
  g_ptr_array_unref (graph->set_aside_nodes);
  g_hash_table_unref (graph->redirects);
  g_hash_table_unref (graph->documents_by_id);
  g_array_unref (graph->documents);
  g_string_chunk_free (graph->strings);
  g_free (graph);
}

guint
kg_graph_get_n_nodes (KgGraph *graph)
{
  return g_hash_table_size (graph->nodes_by_key);
}

guint
kg_graph_get_n_edges (KgGraph *graph)
{
  return g_hash_table_size (graph->edges_by_fact);
}

static int
compare_nodes (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(KgNode *const *) a)->key, (*(KgNode *const *) b)->key);
}

static int
compare_optional_nodes (const KgNode *a, const KgNode *b)
{
  if (a == b)
    return 0;
  if (a == NULL || b == NULL)
    return a == NULL ? -1 : 1;
  return strcmp (a->key, b->key);
}

static int
compare_edges (gconstpointer pa, gconstpointer pb)
{
  const KgEdge *a = *(KgEdge *const *) pa, *b = *(KgEdge *const *) pb;
  int cmp;
  if ((cmp = strcmp (a->subject->key, b->subject->key)) != 0)
    return cmp;
  if ((cmp = strcmp (a->predicate, b->predicate)) != 0)
    return cmp;
  if ((cmp = strcmp (a->object->key, b->object->key)) != 0)
    return cmp;
  if (a->polarity != b->polarity)
    return a->polarity < b->polarity ? -1 : 1;
  if (a->modality != b->modality)
    return a->modality < b->modality ? -1 : 1;
  return compare_optional_nodes (a->attributed_to, b->attributed_to);
}

/* Ids are hashes; should two ever collide, the later one in sorted order is
 * rehashed with a counter, which depends only on the set of keys. */
static void
make_ids_unique (GPtrArray *sorted, gsize id_offset, char *(*identity) (gpointer))
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sorted->len; i++)
    {
      char *id = (char *) sorted->pdata[i] + id_offset;
      for (guint n = 2; g_hash_table_contains (seen, id); n++)
        {
          g_autofree char *base = identity (sorted->pdata[i]);
          g_autofree char *salted = g_strdup_printf ("%s\x1e%u", base, n);
          format_id (id, id[0], salted, strlen (salted));
        }
      g_hash_table_add (seen, id);
    }
}

static char *
node_identity (gpointer node)
{
  return g_strdup (((KgNode *) node)->key);
}

static GPtrArray *
sorted_values (GHashTable *table, GCompareFunc compare)
{
  GPtrArray *array = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (array, value);
  g_ptr_array_sort (array, compare);
  return array;
}

GPtrArray *
kg_graph_get_nodes (KgGraph *graph)
{
  if (graph->sorted_nodes == NULL)
    {
      graph->sorted_nodes = sorted_values (graph->nodes_by_key, compare_nodes);
      make_ids_unique (graph->sorted_nodes, G_STRUCT_OFFSET (KgNode, id), node_identity);
    }
  return graph->sorted_nodes;
}

GPtrArray *
kg_graph_get_edges (KgGraph *graph)
{
  if (graph->sorted_edges == NULL)
    {
      /* edges_by_fact keys and values are the same pointers */
      graph->sorted_edges = sorted_values (graph->edges_by_fact, compare_edges);
      make_ids_unique (graph->sorted_edges, G_STRUCT_OFFSET (KgEdge, id), edge_identity);
    }
  return graph->sorted_edges;
}

/* ---- corrections: merging, retyping, removing nodes ---------------------- */

void
kg_node_set_entity_type (KgNode *node, KgEntityType type)
{
  g_return_if_fail (type < KG_ENTITY_N_TYPES);
  node->forced_type = type;
}

/* Adds the evidence and surface forms of a duplicate edge to edge. */
static void
edge_absorb (KgEdge *edge, KgEdge *duplicate)
{
  for (guint i = 0; i < duplicate->n_surfaces; i++)
    {
      const SurfaceCount *sc = &duplicate->surfaces[i];
      for (guint n = 0; n < sc->count; n++)
        edge_add_surface (edge->graph, edge, sc->form);
    }
  edge_append_evidence (edge, duplicate->evidence, duplicate->n_evidence);
}

/* Rebuilds the edge table after nodes changed: edges about a removed node
 * go (remove_node), edges about `from` are about `into`, and edges that
 * became the same fact become one. */
static void
rebuild_edges (KgGraph *graph, KgNode *from, KgNode *into)
{
  GHashTable *edges = g_hash_table_new_full (edge_hash, edge_equal, (GDestroyNotify) edge_free, NULL);
  g_autoptr (GPtrArray) old = sorted_values (graph->edges_by_fact, compare_edges);
  g_hash_table_steal_all (graph->edges_by_fact);
  for (guint i = 0; i < old->len; i++)
    {
      KgEdge *edge = old->pdata[i];
      if (into == NULL && (edge->subject == from || edge->object == from))
        {
          edge_free (edge);
          continue;
        }
      if (edge->subject == from)
        edge->subject = into;
      if (edge->object == from)
        edge->object = into;
      if (edge->attributed_to == from)
        edge->attributed_to = into;
      edge_format_id (edge);
      KgEdge *existing = g_hash_table_lookup (edges, edge);
      if (existing)
        {
          edge_absorb (existing, edge);
          edge_free (edge);
        }
      else
        g_hash_table_add (edges, edge);
    }
  g_hash_table_unref (graph->edges_by_fact);
  graph->edges_by_fact = edges;
  invalidate_views (graph);
}

void
kg_graph_merge_nodes (KgGraph *graph, KgNode *from, KgNode *into, const char *rule)
{
  g_return_if_fail (graph != NULL && from != NULL && into != NULL && rule != NULL);
  if (from == into)
    return;
  for (guint i = 0; i < from->aliases->len; i++)
    {
      const KgAlias *alias = &g_array_index (from->aliases, KgAlias, i);
      for (guint n = 0; n < alias->count; n++)
        {
          /* an alias keeps the rule that explained it; "exact" ones now
           * owe their place to the merge */
          const char *why = strcmp (alias->rule, "exact") == 0 ? rule : alias->rule;
          KgNodeMention m = { into->key, alias->form, KG_ENTITY_UNKNOWN, why, alias->is_name };
          node_add_alias (graph, into, &m);
        }
    }
  into->mentions += from->mentions;
  for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
    into->type_counts[t] += from->type_counts[t];
  g_hash_table_insert (graph->redirects, (gpointer) from->key, (gpointer) into->key);
  g_hash_table_steal (graph->nodes_by_key, from->key);
  rebuild_edges (graph, from, into);
  node_free (from);
}

void
kg_graph_remove_node (KgGraph *graph, KgNode *node)
{
  g_return_if_fail (graph != NULL && node != NULL);
  g_hash_table_steal (graph->nodes_by_key, node->key);
  rebuild_edges (graph, node, NULL);
  /* facts attributed to the node stay, unattributed */
  node_free (node);
}

gboolean
kg_edge_is_about_entity (const KgEdge *edge)
{
  return kg_entity_type_is_anchor (kg_node_get_entity_type (edge->subject))
         || kg_entity_type_is_anchor (kg_node_get_entity_type (edge->object));
}

static gboolean
edge_is_between_concepts (gpointer edge, gpointer value, gpointer user_data)
{
  return !kg_edge_is_about_entity (edge);
}

/* A concept or value node that no fact is about any more. */
static gboolean
node_is_stranded (gpointer key, gpointer node, gpointer used)
{
  return !kg_entity_type_is_anchor (kg_node_get_entity_type (node)) && !g_hash_table_contains (used, node);
}

guint
kg_graph_keep_entity_facts (KgGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);
  /* Set aside, not freed: the facts table still lists them. */
  g_autoptr (GPtrArray) edges = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, graph->edges_by_fact);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (edge_is_between_concepts (key, value, NULL))
      {
        g_ptr_array_add (edges, key);
        g_hash_table_iter_steal (&iter);
      }
  g_ptr_array_extend_and_steal (graph->set_aside_edges, g_steal_pointer (&edges));

  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, graph->edges_by_fact);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const KgEdge *edge = key;
      g_hash_table_add (used, edge->subject);
      g_hash_table_add (used, edge->object);
      if (edge->attributed_to)
        g_hash_table_add (used, edge->attributed_to);
    }
  g_hash_table_iter_init (&iter, graph->nodes_by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (node_is_stranded (key, value, used))
      {
        g_ptr_array_add (graph->set_aside_nodes, value);
        g_hash_table_iter_steal (&iter);
      }
  invalidate_views (graph);
  g_ptr_array_sort (graph->set_aside_edges, compare_edges);
  return graph->set_aside_edges->len;
}

GPtrArray *
kg_graph_get_set_aside_edges (KgGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  return graph->set_aside_edges;
}
