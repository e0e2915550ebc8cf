/* export-rdf.c: the graph as RDF 1.1 for triple stores (export stage):
 * N-Triples and N-Quads written here line by line, by the rules of
 * rdf-syntax.c; Turtle by raptor's serializer, fed with the same lines
 * (export-raptor.c).  The vocabulary is data/kgraph.ttl (rdf-vocabulary.c),
 * whose statements every file carries.
 *
 * IRIs: data under the base IRI B (--base; absolute, ending in '/' or '#'),
 * the vocabulary in its own fixed namespace kg: (KG_VOCAB_NS):
 *   B entity/SLUG          a node; SLUG is kg__rdf_append_slug of its
 *                          canonical key, what the graph merges mentions
 *                          by, so that every run and every shard that
 *                          sees the entity gives it the same IRI
 *   B fact/EDGE-ID         a fact; the id hashes its subject and object
 *                          keys, predicate, polarity, modality and
 *                          attribution (kg_edge_get_id)
 *   B evidence/EDGE-ID-N   the N-th evidence record of a fact (from 1, in
 *                          the graph's evidence order)
 *   B document/SLUG        a document; SLUG of its id
 *   B relation/SLUG        the property of a predicate that has no
 *                          normalised relation in the vocabulary
 * Never blank nodes: every resource has an IRI, so files from two runs merge.
 *
 * Triples:
 *   entity    rdf:type kg:Entity, the class of its type (kg:Person, the
 *             class whose skos:notation is "PERSON") and that class's
 *             standard superclasses (schema:Person), rdfs:label,
 *             skos:altLabel per other alias, kg:entityType "PERSON",
 *             kg:mentions, kg:canonicalKey
 *   direct    entity property entity, only for positive, asserted facts (a
 *             negated or modal fact is not stated as true); the property
 *             is the vocabulary's for a normalised relation (kg:met; with
 *             --vocab wikidata its Wikidata property where it has one,
 *             wdt:P463 for kg:memberOf), else B relation/SLUG
 *   fact      rdf:type rdf:Statement and kg:Fact, rdf:subject,
 *             rdf:predicate (the direct triple's property), rdf:object,
 *             kg:weight, kg:confidence, kg:polarity, kg:modality,
 *             kg:attributedTo (an entity), kg:predicateSurface, kg:relation
 *             (the normalised relation), kg:office (for "holds office"),
 *             kg:time and kg:place (each distinct one of its evidence) and
 *             prov:wasDerivedFrom -> evidence
 *   evidence  rdf:type kg:Evidence, prov:wasQuotedFrom (its document),
 *             kg:sentenceIndex, kg:startOffset, kg:endOffset (bytes),
 *             prov:value (the sentence), kg:confidence, and kg:time and
 *             kg:place (plain literals, as written: "on Monday", "in
 *             Minsk") when the record has them
 *   document  rdf:type kg:Document and its superclasses (schema:NewsArticle),
 *             schema:identifier, schema:headline, schema:datePublished
 *             (xsd:date or xsd:dateTime when the text is one, else a plain
 *             literal), schema:author, kg:source, schema:url when the
 *             source is an http(s) IRI, and schema:mentions for each
 *             entity of a fact it supports
 *   relation  rdf:type rdf:Property, rdfs:label
 *   kg:       every statement of data/kgraph.ttl
 * N-Quads: the same statements; a fact's direct triple sits in the named
 * graph of every document that supports it (B document/SLUG), an evidence
 * record and a document's schema:mentions in its document's graph, all
 * else in the default graph.
 *
 * Order (N-Triples, N-Quads): the file is sorted (byte order of whole
 * lines) without duplicates, and is the same in every run.  Lines are
 * produced one subject at a time and sorted within it; subjects are
 * visited in the order of their IRIs, section by section in the order of
 * the sections' IRI prefixes, so that memory stays proportional to the
 * graph rather than to the output.  export.c refuses a base IRI inside the
 * vocabulary's namespace, which would interleave two sections.
 */
#include "export-private.h"
#include "export-text.h"
#include "rdf-syntax.h"
#include "rdf-vocabulary.h"
#include "kgraph/error.h"

#include <errno.h>
#include <string.h>

#define XSD_INTEGER "<" KG_XSD_NS "integer>"
#define XSD_DOUBLE "<" KG_XSD_NS "double>"
#define RDF(local) "<" KG_RDF_NS local ">"
#define KG(local) "<" KG_VOCAB_NS local ">"
#define PROV(local) "<" KG_PROV_NS local ">"
#define SCHEMA(local) "<" KG_SCHEMA_NS local ">"

typedef struct {
  KgGraph *graph;
  gboolean quads;
  gboolean wikidata;
  FILE *out;
  KgRaptorSink *sink;         /* Turtle: lines go here instead of out */
  GString *chunk;             /* the lines of a subject for the sink */
  const char *base;
  const KgRdfVocabulary *vocabulary;
  GHashTable *entity_iris;    /* KgNode -> "<...>" */
  GHashTable *relation_iris;  /* predicate -> "<...>", for predicates without a vocabulary property */
  char **document_iris;       /* by document index */
  GPtrArray **mentioned;      /* by document index: the entity IRIs of its facts */
  GPtrArray *lines;           /* of the current subject */
} Writer;

/* ---- terms ---------------------------------------------------------------- */

static char *
minted_iri (const char *base, const char *section, const char *slug_of, const char *suffix)
{
  GString *iri = g_string_new ("<");
  g_string_append (iri, base);
  g_string_append (iri, section);
  if (slug_of)
    kg__rdf_append_slug (iri, slug_of);
  g_string_append (iri, suffix);
  g_string_append_c (iri, '>');
  return g_string_free (iri, FALSE);
}

static char *
literal (const char *text)
{
  g_autofree char *clean = kg__text_clean (text);
  GString *term = g_string_new (NULL);
  kg__rdf_append_literal (term, clean);
  return g_string_free (term, FALSE);
}

static char *
typed (const char *lexical, const char *datatype)
{
  return g_strdup_printf ("\"%s\"^^%s", lexical, datatype);
}

static char *
integer (guint64 value)
{
  return g_strdup_printf ("\"%" G_GUINT64_FORMAT "\"^^" XSD_INTEGER, value);
}

static char *
decimal (double value)
{
  char text[KG_DOUBLE_BUF_SIZE];
  return typed (kg__text_format_double (text, value), XSD_DOUBLE);
}

/* ---- lines and subjects ------------------------------------------------- */

/* Adds "s p o [g] ." to the current subject; takes o. */
static void
emit (Writer *w, const char *s, const char *p, char *o, const char *graph_iri)
{
  char *line = graph_iri && w->quads ? g_strdup_printf ("%s %s %s %s .", s, p, o, graph_iri)
                                     : g_strdup_printf ("%s %s %s .", s, p, o);
  g_free (o);
  g_ptr_array_add (w->lines, line);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Writes the current subject's lines sorted, each once. */
static void
flush_subject (Writer *w)
{
  g_ptr_array_sort (w->lines, compare_lines);
  for (guint i = 0; i < w->lines->len; i++)
    if (i == 0 || strcmp (w->lines->pdata[i], w->lines->pdata[i - 1]) != 0)
      {
        if (w->sink)
          g_string_append_printf (w->chunk, "%s\n", (const char *) w->lines->pdata[i]);
        else
          {
            fputs (w->lines->pdata[i], w->out);
            fputc ('\n', w->out);
          }
      }
  if (w->sink)
    {
      kg__raptor_sink_write (w->sink, w->chunk->str, w->chunk->len);
      g_string_truncate (w->chunk, 0);
    }
  g_ptr_array_set_size (w->lines, 0);
}

/* Compares two IRI tails as they sort inside "<...>": the end counts as
 * '>', which no IRI contains. */
static int
compare_iri_tails (const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  guchar ca = *a ? (guchar) *a : '>', cb = *b ? (guchar) *b : '>';
  return ca == cb ? 0 : ca < cb ? -1 : 1;
}

/* Items to visit in the order of their IRI tails. */
typedef struct {
  char *tail;
  gpointer item;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b)
{
  return compare_iri_tails (((const Keyed *) a)->tail, ((const Keyed *) b)->tail);
}

static void
keyed_clear (gpointer p)
{
  g_free (((Keyed *) p)->tail);
}

static GArray *
keyed_new (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (Keyed));
  g_array_set_clear_func (array, keyed_clear);
  return array;
}

static void
keyed_add_slug (GArray *array, const char *key, gpointer item)
{
  GString *slug = g_string_new (NULL);
  kg__rdf_append_slug (slug, key);
  Keyed k = { g_string_free (slug, FALSE), item };
  g_array_append_val (array, k);
}

/* ---- the vocabulary's terms ------------------------------------------------ */

/* rdf:type class, and rdf:type each of its standard superclasses. */
static void
emit_types (Writer *w, const char *s, const char *class_iri)
{
  emit (w, s, RDF ("type"), g_strdup (class_iri), NULL);
  GPtrArray *more = g_hash_table_lookup (w->vocabulary->standard_superclasses, class_iri);
  for (guint i = 0; more && i < more->len; i++)
    emit (w, s, RDF ("type"), g_strdup (more->pdata[i]), NULL);
}

/* The property of a fact's direct triple: its normalised relation's in the
 * vocabulary (or Wikidata's), else its predicate's under the base.
 * (transfer none) */
static const char *
edge_property (Writer *w, const KgEdge *edge)
{
  const char *property = g_hash_table_lookup (w->vocabulary->relations, kg_edge_get_relation (edge));
  if (property == NULL)
    return g_hash_table_lookup (w->relation_iris, kg_edge_get_predicate (edge));
  const char *wikidata = w->wikidata ? g_hash_table_lookup (w->vocabulary->wikidata, property) : NULL;
  return wikidata ? wikidata : property;
}

/* ---- sections ----------------------------------------------------------- */

static void
write_documents (Writer *w)
{
  guint n = kg_graph_get_n_documents (w->graph);
  g_autoptr (GArray) order = keyed_new ();
  for (guint i = 0; i < n; i++)
    keyed_add_slug (order, kg_graph_get_document (w->graph, i)->id, GUINT_TO_POINTER (i));
  g_array_sort (order, compare_keyed);
  for (guint k = 0; k < order->len; k++)
    {
      guint i = GPOINTER_TO_UINT (g_array_index (order, Keyed, k).item);
      const KgDocumentInfo *doc = kg_graph_get_document (w->graph, i);
      const char *s = w->document_iris[i];
      emit_types (w, s, KG ("Document"));
      emit (w, s, SCHEMA ("identifier"), literal (doc->id), NULL);
      if (doc->title)
        emit (w, s, SCHEMA ("headline"), literal (doc->title), NULL);
      if (doc->date)
        {
          g_autofree char *date = kg__text_clean (doc->date);
          char *object = kg__xsd_check (KG_XSD_NS "date", date) == KG_XSD_VALID
                         ? typed (date, "<" KG_XSD_NS "date>")
                         : kg__xsd_check (KG_XSD_NS "dateTime", date) == KG_XSD_VALID
                         ? typed (date, "<" KG_XSD_NS "dateTime>") : literal (date);
          emit (w, s, SCHEMA ("datePublished"), object, NULL);
        }
      if (doc->byline)
        emit (w, s, SCHEMA ("author"), literal (doc->byline), NULL);
      if (doc->source)
        {
          emit (w, s, KG ("source"), literal (doc->source), NULL);
          if ((g_str_has_prefix (doc->source, "http://") || g_str_has_prefix (doc->source, "https://"))
              && kg__rdf_iri_check (doc->source, strlen (doc->source), NULL, NULL))
            emit (w, s, SCHEMA ("url"), g_strdup_printf ("<%s>", doc->source), NULL);
        }
      GPtrArray *mentioned = w->mentioned[i];
      for (guint m = 0; m < mentioned->len; m++)
        emit (w, s, SCHEMA ("mentions"), g_strdup (mentioned->pdata[m]), s);
      flush_subject (w);
    }
}

static gboolean
is_stated (const KgEdge *edge)
{
  return kg_edge_get_polarity (edge) == KG_POLARITY_POSITIVE && kg_edge_get_modality (edge) == KG_MODALITY_ASSERTED;
}

/* The direct triple of a stated fact, in each supporting document's graph
 * (N-Quads) or once (N-Triples; duplicates go when the subject is
 * flushed). */
static void
emit_direct (Writer *w, const KgEdge *edge)
{
  const char *s = g_hash_table_lookup (w->entity_iris, kg_edge_get_subject (edge));
  const char *p = edge_property (w, edge);
  const char *o = g_hash_table_lookup (w->entity_iris, kg_edge_get_object (edge));
  for (guint i = 0; i < kg_edge_get_n_evidence (edge); i++)
    emit (w, s, p, g_strdup (o), w->document_iris[kg_edge_get_evidence (edge, i)->document]);
}

static void
write_entities (Writer *w)
{
  /* The stated facts of each subject node. */
  g_autoptr (GHashTable) outgoing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *edges = kg_graph_get_edges (w->graph);
  for (guint i = 0; i < edges->len; i++)
    {
      KgEdge *edge = edges->pdata[i];
      if (!is_stated (edge))
        continue;
      GPtrArray *list = g_hash_table_lookup (outgoing, kg_edge_get_subject (edge));
      if (list == NULL)
        g_hash_table_insert (outgoing, kg_edge_get_subject (edge), list = g_ptr_array_new ());
      g_ptr_array_add (list, edge);
    }

  GPtrArray *nodes = kg_graph_get_nodes (w->graph);
  g_autoptr (GArray) order = keyed_new ();
  for (guint i = 0; i < nodes->len; i++)
    keyed_add_slug (order, kg_node_get_key (nodes->pdata[i]), nodes->pdata[i]);
  g_array_sort (order, compare_keyed);
  for (guint k = 0; k < order->len; k++)
    {
      const KgNode *node = g_array_index (order, Keyed, k).item;
      const char *s = g_hash_table_lookup (w->entity_iris, node);
      const char *type = kg_entity_type_to_string (kg_node_get_entity_type (node));
      const char *class_iri = g_hash_table_lookup (w->vocabulary->classes, type);
      g_autofree char *label = kg__text_node_label (node);
      emit (w, s, RDF ("type"), g_strdup (KG ("Entity")), NULL);
      if (class_iri)
        emit_types (w, s, class_iri);
      emit (w, s, "<" KG_RDFS_NS "label>", literal (label), NULL);
      for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
        {
          g_autofree char *alias = kg__text_clean (kg_node_get_alias (node, i)->form);
          if (*alias && strcmp (alias, label) != 0)
            emit (w, s, "<" KG_SKOS_NS "altLabel>", literal (alias), NULL);
        }
      emit (w, s, KG ("entityType"), literal (type), NULL);
      emit (w, s, KG ("mentions"), integer (kg_node_get_mentions (node)), NULL);
      emit (w, s, KG ("canonicalKey"), literal (kg_node_get_key (node)), NULL);
      GPtrArray *stated = g_hash_table_lookup (outgoing, node);
      for (guint i = 0; stated && i < stated->len; i++)
        emit_direct (w, stated->pdata[i]);
      flush_subject (w);
    }
}

static int
compare_edge_ids (gconstpointer a, gconstpointer b)
{
  return compare_iri_tails (kg_edge_get_id (*(KgEdge *const *) a), kg_edge_get_id (*(KgEdge *const *) b));
}

static char *
evidence_iri (Writer *w, const KgEdge *edge, guint number)
{
  g_autofree char *suffix = g_strdup_printf ("%s-%u", kg_edge_get_id (edge), number);
  return minted_iri (w->base, "evidence/", NULL, suffix);
}

/* The evidence numbers 1..n in the order of their IRIs ("10" < "1>"). */
static GArray *
evidence_order (guint n)
{
  GArray *order = keyed_new ();
  for (guint i = 1; i <= n; i++)
    {
      Keyed k = { g_strdup_printf ("%u", i), GUINT_TO_POINTER (i) };
      g_array_append_val (order, k);
    }
  g_array_sort (order, compare_keyed);
  return order;
}

static void
write_evidence (Writer *w, GPtrArray *by_id)
{
  for (guint e = 0; e < by_id->len; e++)
    {
      const KgEdge *edge = by_id->pdata[e];
      g_autoptr (GArray) order = evidence_order (kg_edge_get_n_evidence (edge));
      for (guint k = 0; k < order->len; k++)
        {
          guint number = GPOINTER_TO_UINT (g_array_index (order, Keyed, k).item);
          const KgEvidence *ev = kg_edge_get_evidence (edge, number - 1);
          const char *graph_iri = w->document_iris[ev->document];
          g_autofree char *s = evidence_iri (w, edge, number);
          emit (w, s, RDF ("type"), g_strdup (KG ("Evidence")), graph_iri);
          emit (w, s, PROV ("wasQuotedFrom"), g_strdup (graph_iri), graph_iri);
          emit (w, s, KG ("sentenceIndex"), integer (ev->sentence), graph_iri);
          emit (w, s, KG ("startOffset"), integer (ev->start), graph_iri);
          emit (w, s, KG ("endOffset"), integer (ev->end), graph_iri);
          emit (w, s, KG ("confidence"), decimal (ev->confidence), graph_iri);
          if (ev->text)
            emit (w, s, PROV ("value"), literal (ev->text), graph_iri);
          if (ev->time)
            emit (w, s, KG ("time"), literal (ev->time), graph_iri);
          if (ev->place)
            emit (w, s, KG ("place"), literal (ev->place), graph_iri);
          flush_subject (w);
        }
    }
}

static void
write_facts (Writer *w, GPtrArray *by_id)
{
  for (guint e = 0; e < by_id->len; e++)
    {
      const KgEdge *edge = by_id->pdata[e];
      g_autofree char *s = minted_iri (w->base, "fact/", NULL, kg_edge_get_id (edge));
      emit (w, s, RDF ("type"), g_strdup (RDF ("Statement")), NULL);
      emit (w, s, RDF ("type"), g_strdup (KG ("Fact")), NULL);
      emit (w, s, RDF ("subject"), g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_subject (edge))), NULL);
      emit (w, s, RDF ("predicate"), g_strdup (edge_property (w, edge)), NULL);
      emit (w, s, RDF ("object"), g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_object (edge))), NULL);
      emit (w, s, KG ("weight"), integer (kg_edge_get_weight (edge)), NULL);
      emit (w, s, KG ("confidence"), decimal (kg_edge_get_confidence (edge)), NULL);
      emit (w, s, KG ("polarity"), literal (kg_polarity_to_string (kg_edge_get_polarity (edge))), NULL);
      emit (w, s, KG ("modality"), literal (kg_modality_to_string (kg_edge_get_modality (edge))), NULL);
      emit (w, s, KG ("predicateSurface"), literal (kg_edge_get_predicate_surface (edge)), NULL);
      emit (w, s, KG ("relation"), literal (kg_edge_get_relation (edge)), NULL);
      if (kg_edge_get_office (edge))
        emit (w, s, KG ("office"), literal (kg_edge_get_office (edge)), NULL);
      if (kg_edge_get_attributed_to (edge))
        emit (w, s, KG ("attributedTo"), g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_attributed_to (edge))), NULL);
      for (guint i = 1; i <= kg_edge_get_n_evidence (edge); i++)
        {
          const KgEvidence *ev = kg_edge_get_evidence (edge, i - 1);
          emit (w, s, PROV ("wasDerivedFrom"), evidence_iri (w, edge, i), NULL);
          if (ev->time)
            emit (w, s, KG ("time"), literal (ev->time), NULL);
          if (ev->place)
            emit (w, s, KG ("place"), literal (ev->place), NULL);
        }
      flush_subject (w);
    }
}

static void
write_relations (Writer *w)
{
  g_autoptr (GArray) order = keyed_new ();
  GHashTableIter iter;
  gpointer predicate;
  g_hash_table_iter_init (&iter, w->relation_iris);
  while (g_hash_table_iter_next (&iter, &predicate, NULL))
    keyed_add_slug (order, predicate, predicate);
  g_array_sort (order, compare_keyed);
  for (guint k = 0; k < order->len; k++)
    {
      const char *predicate = g_array_index (order, Keyed, k).item;
      const char *s = g_hash_table_lookup (w->relation_iris, predicate);
      emit (w, s, RDF ("type"), g_strdup (RDF ("Property")), NULL);
      emit (w, s, "<" KG_RDFS_NS "label>", literal (predicate), NULL);
      flush_subject (w);
    }
}

/* Every statement of the vocabulary, as one subject: it is small. */
static void
write_vocabulary (Writer *w)
{
  GPtrArray *statements = w->vocabulary->statements;
  for (guint i = 0; i < statements->len; i++)
    g_ptr_array_add (w->lines, g_strdup (statements->pdata[i]));
  flush_subject (w);
}

/* ---- the file ------------------------------------------------------------- */

/* The entity IRIs of each document's facts, for schema:mentions. */
static void
collect_mentions (Writer *w, guint n_documents)
{
  w->mentioned = g_new0 (GPtrArray *, n_documents);
  for (guint i = 0; i < n_documents; i++)
    w->mentioned[i] = g_ptr_array_new ();
  GPtrArray *edges = kg_graph_get_edges (w->graph);
  for (guint e = 0; e < edges->len; e++)
    {
      const KgEdge *edge = edges->pdata[e];
      KgNode *ends[] = { kg_edge_get_subject (edge), kg_edge_get_object (edge), kg_edge_get_attributed_to (edge) };
      for (guint i = 0; i < kg_edge_get_n_evidence (edge); i++)
        {
          GPtrArray *mentioned = w->mentioned[kg_edge_get_evidence (edge, i)->document];
          for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
            if (ends[k])
              g_ptr_array_add (mentioned, g_hash_table_lookup (w->entity_iris, ends[k]));
        }
    }
}

static void
writer_init (Writer *w, KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out)
{
  const char *base = options->base_iri;
  w->graph = graph;
  w->quads = format == KG_FORMAT_NQUADS;
  w->wikidata = options->wikidata_properties;
  w->out = out;
  w->base = base;
  w->vocabulary = kg__rdf_vocabulary_get ();
  w->entity_iris = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (w->entity_iris, nodes->pdata[i],
                         minted_iri (base, "entity/", kg_node_get_key (nodes->pdata[i]), ""));
  w->relation_iris = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      const char *predicate = kg_edge_get_predicate (edges->pdata[i]);
      if (!g_hash_table_contains (w->vocabulary->relations, kg_edge_get_relation (edges->pdata[i]))
          && !g_hash_table_contains (w->relation_iris, predicate))
        g_hash_table_insert (w->relation_iris, (gpointer) predicate, minted_iri (base, "relation/", predicate, ""));
    }
  guint n_documents = kg_graph_get_n_documents (graph);
  w->document_iris = g_new0 (char *, n_documents + 1);
  for (guint i = 0; i < n_documents; i++)
    w->document_iris[i] = minted_iri (base, "document/", kg_graph_get_document (graph, i)->id, "");
  collect_mentions (w, n_documents);
  w->lines = g_ptr_array_new_with_free_func (g_free);
  w->chunk = g_string_new (NULL);
}

static void
writer_clear (Writer *w)
{
  g_hash_table_unref (w->entity_iris);
  g_hash_table_unref (w->relation_iris);
  for (guint i = 0; i < kg_graph_get_n_documents (w->graph); i++)
    g_ptr_array_unref (w->mentioned[i]);
  g_free (w->mentioned);
  g_strfreev (w->document_iris);
  g_ptr_array_unref (w->lines);
  g_string_free (w->chunk, TRUE);
}

/* The sections, each the subjects under one IRI prefix, written in the
 * order of their prefixes (none is a prefix of another). */
typedef struct {
  char *prefix;
  guint section;
} Section;

static int
compare_sections (gconstpointer a, gconstpointer b)
{
  return strcmp (((const Section *) a)->prefix, ((const Section *) b)->prefix);
}

static void
write_sections (Writer *w, GPtrArray *by_id)
{
  enum { DOCUMENTS, ENTITIES, EVIDENCE, FACTS, RELATIONS, VOCABULARY, N_SECTIONS };
  Section sections[N_SECTIONS] = {
    { g_strconcat (w->base, "document/", NULL), DOCUMENTS },
    { g_strconcat (w->base, "entity/", NULL), ENTITIES },
    { g_strconcat (w->base, "evidence/", NULL), EVIDENCE },
    { g_strconcat (w->base, "fact/", NULL), FACTS },
    { g_strconcat (w->base, "relation/", NULL), RELATIONS },
    { g_strdup (KG_VOCAB_IRI), VOCABULARY },
  };
  qsort (sections, N_SECTIONS, sizeof (Section), compare_sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      switch (sections[i].section)
        {
        case DOCUMENTS: write_documents (w); break;
        case ENTITIES: write_entities (w); break;
        case EVIDENCE: write_evidence (w, by_id); break;
        case FACTS: write_facts (w, by_id); break;
        case RELATIONS: write_relations (w); break;
        default: write_vocabulary (w); break;
        }
      g_free (sections[i].prefix);
    }
}

gboolean
kg__export_rdf (KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && options->base_iri != NULL && out != NULL, FALSE);
  g_return_val_if_fail (format == KG_FORMAT_NTRIPLES || format == KG_FORMAT_NQUADS || format == KG_FORMAT_TURTLE,
                        FALSE);

  Writer w = { 0 };
  writer_init (&w, graph, format, options, out);
  if (format == KG_FORMAT_TURTLE)
    w.sink = kg__raptor_sink_new ("turtle", options->base_iri, out);
  g_autoptr (GPtrArray) by_id = g_ptr_array_copy (kg_graph_get_edges (graph), NULL, NULL);
  g_ptr_array_sort (by_id, compare_edge_ids);
  write_sections (&w, by_id);
  writer_clear (&w);
  if (w.sink && !kg__raptor_sink_finish (w.sink, error))
    return FALSE;

  if (ferror (out))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the %s file: %s",
                   format == KG_FORMAT_TURTLE ? "Turtle" : format == KG_FORMAT_NQUADS ? "N-Quads" : "N-Triples",
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
