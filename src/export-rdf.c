/* export-rdf.c: the graph as RDF 1.1 N-Triples or N-Quads for triple
 * stores (export stage).  Terms are written by the rules of rdf-syntax.c.
 *
 * IRIs, all under the base IRI B (--base; absolute, ending in '/' or '#'):
 *   B entity/SLUG          a node; SLUG is kg__rdf_append_slug of its canonical key
 *   B relation/SLUG        a predicate (its normalised form)
 *   B fact/EDGE-ID         a fact, reified
 *   B evidence/EDGE-ID-N   the N-th evidence record of a fact (from 1, in
 *                          the graph's evidence order)
 *   B document/SLUG        a document; SLUG of its id
 *   B ontology#TERM        our vocabulary (B ontology/TERM when B already has a '#')
 * Never blank nodes: every resource has an IRI, so files from two runs merge.
 *
 * Triples:
 *   entity    rdf:type kg:Entity, a schema.org class where one fits
 *             (PERSON Person, ORG Organization, GPE AdministrativeArea, LOC
 *             Place, EVENT Event), rdfs:label, skos:altLabel per other
 *             alias, kg:entityType "PERSON", kg:mentions, kg:canonicalKey
 *   relation  rdf:type rdf:Property, rdfs:label
 *   direct    entity relation entity, only for positive, asserted facts: a
 *             negated or modal fact is not stated as true
 *   fact      every fact as an rdf:Statement (rdf:subject, rdf:predicate,
 *             rdf:object) with kg:weight, kg:confidence, kg:polarity,
 *             kg:modality, kg:attributedTo (an entity), kg:predicateSurface,
 *             kg:relation (the normalised relation), kg:office (for "holds
 *             office") and kg:evidence -> evidence
 *   evidence  rdf:type kg:Evidence, kg:document, kg:sentenceIndex,
 *             kg:startOffset, kg:endOffset (bytes), kg:sentenceText,
 *             kg:confidence, and kg:time and kg:place (plain literals, as
 *             written: "on Monday", "in Minsk") when the record has them
 *   document  rdf:type schema:NewsArticle, schema:identifier,
 *             schema:headline, schema:datePublished (xsd:date or
 *             xsd:dateTime when the text is one, else a plain literal),
 *             schema:author, kg:source, and schema:url when the source is
 *             an http(s) IRI
 *   ontology  each term of our vocabulary: rdf:type rdfs:Class or
 *             rdf:Property, rdfs:label, rdfs:comment
 * N-Quads: the same statements; a fact's direct triple sits in the named
 * graph of every document that supports it (B document/SLUG), an evidence
 * record in its document's graph, all else in the default graph.
 *
 * Order: the file is sorted (byte order of whole lines) without duplicates,
 * and is the same in every run.  Lines are produced one subject at a time
 * and sorted within it; subjects are visited in the order of their IRIs
 * (the sections above all share B, and "document" < "entity" < "evidence"
 * < "fact" < "ontology" < "relation"), so that memory stays proportional to
 * the graph rather than to the output.
 */
#include "export-private.h"
#include "export-text.h"
#include "rdf-syntax.h"
#include "kgraph/error.h"

#include <errno.h>
#include <string.h>

#define XSD_INTEGER "<" KG_XSD_NS "integer>"
#define XSD_DOUBLE "<" KG_XSD_NS "double>"

/* Our vocabulary, in the order of its IRIs. */
typedef enum {
  V_ENTITY_CLASS, V_EVIDENCE_CLASS, V_ATTRIBUTED_TO, V_CANONICAL_KEY, V_CONFIDENCE, V_DOCUMENT,
  V_END_OFFSET, V_ENTITY_TYPE, V_EVIDENCE, V_MENTIONS, V_MODALITY, V_OFFICE, V_PLACE, V_POLARITY,
  V_PREDICATE_SURFACE, V_RELATION, V_SENTENCE_INDEX, V_SENTENCE_TEXT, V_SOURCE, V_START_OFFSET, V_TIME, V_WEIGHT, N_TERMS
} Term;

static const struct {
  const char *name;
  gboolean is_class;
  const char *comment;
} vocabulary[N_TERMS] = {
  [V_ENTITY_CLASS] = { "Entity", TRUE, "A named entity or concept found in the documents." },
  [V_EVIDENCE_CLASS] = { "Evidence", TRUE, "One sentence of one document that supports a fact." },
  [V_ATTRIBUTED_TO] = { "attributedTo", FALSE, "The entity a fact is attributed to (who said it)." },
  [V_CANONICAL_KEY] = { "canonicalKey", FALSE, "The normalised label that identifies an entity." },
  [V_CONFIDENCE] = { "confidence", FALSE, "Confidence in [0, 1] of a fact or of one piece of evidence." },
  [V_DOCUMENT] = { "document", FALSE, "The document a piece of evidence comes from." },
  [V_END_OFFSET] = { "endOffset", FALSE, "Byte offset in the original input where the sentence ends." },
  [V_ENTITY_TYPE] = { "entityType", FALSE, "The entity type: PERSON, ORG, GPE, LOC, DATE, ..." },
  [V_EVIDENCE] = { "evidence", FALSE, "A piece of evidence for a fact." },
  [V_MENTIONS] = { "mentions", FALSE, "How many times an entity is mentioned." },
  [V_MODALITY] = { "modality", FALSE, "asserted, future, possible, obligation, intended or hypothetical." },
  [V_OFFICE] = { "office", FALSE, "The office of a fact whose relation is \"holds office\": \"foreign minister\"." },
  [V_PLACE] = { "place", FALSE, "Where the supporting sentence says a fact happened, as written: \"in Minsk\"." },
  [V_POLARITY] = { "polarity", FALSE, "positive, or negative for a negated fact." },
  [V_PREDICATE_SURFACE] = { "predicateSurface", FALSE, "The predicate of a fact as most often written." },
  [V_RELATION] = { "relation", FALSE,
                   "The normalised relation a fact states (holds office, member of, met, visited, signed, ...), "
                   "or its predicate: what queries group facts by." },
  [V_SENTENCE_INDEX] = { "sentenceIndex", FALSE, "0-based index of the sentence in its document." },
  [V_SENTENCE_TEXT] = { "sentenceText", FALSE, "The text of the supporting sentence." },
  [V_SOURCE] = { "source", FALSE, "The file or URL a document was read from." },
  [V_START_OFFSET] = { "startOffset", FALSE, "Byte offset in the original input where the sentence starts." },
  [V_TIME] = { "time", FALSE, "When the supporting sentence says a fact happened, as written: \"on Monday\"." },
  [V_WEIGHT] = { "weight", FALSE, "Number of distinct sentences supporting a fact." },
};

/* schema.org classes by entity type; NULL where none fits. */
static const char *const schema_classes[KG_ENTITY_N_TYPES] = {
  [KG_ENTITY_PERSON] = "Person",
  [KG_ENTITY_ORG] = "Organization",
  [KG_ENTITY_GPE] = "AdministrativeArea",
  [KG_ENTITY_LOC] = "Place",
  [KG_ENTITY_EVENT] = "Event",
};

typedef struct {
  KgGraph *graph;
  gboolean quads;
  FILE *out;
  const char *base;
  char *terms[N_TERMS];       /* "<...>" of each vocabulary term */
  GHashTable *entity_iris;    /* KgNode -> "<...>" */
  GHashTable *relation_iris;  /* predicate -> "<...>" */
  char **document_iris;       /* by document index */
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
        fputs (w->lines->pdata[i], w->out);
        fputc ('\n', w->out);
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
      emit (w, s, "<" KG_RDF_NS "type>", g_strdup ("<" KG_SCHEMA_NS "NewsArticle>"), NULL);
      emit (w, s, "<" KG_SCHEMA_NS "identifier>", literal (doc->id), NULL);
      if (doc->title)
        emit (w, s, "<" KG_SCHEMA_NS "headline>", literal (doc->title), NULL);
      if (doc->date)
        {
          g_autofree char *date = kg__text_clean (doc->date);
          char *object = kg__xsd_check (KG_XSD_NS "date", date) == KG_XSD_VALID
                         ? typed (date, "<" KG_XSD_NS "date>")
                         : kg__xsd_check (KG_XSD_NS "dateTime", date) == KG_XSD_VALID
                         ? typed (date, "<" KG_XSD_NS "dateTime>") : literal (date);
          emit (w, s, "<" KG_SCHEMA_NS "datePublished>", object, NULL);
        }
      if (doc->byline)
        emit (w, s, "<" KG_SCHEMA_NS "author>", literal (doc->byline), NULL);
      if (doc->source)
        {
          emit (w, s, w->terms[V_SOURCE], literal (doc->source), NULL);
          if ((g_str_has_prefix (doc->source, "http://") || g_str_has_prefix (doc->source, "https://"))
              && kg__rdf_iri_check (doc->source, strlen (doc->source), NULL, NULL))
            emit (w, s, "<" KG_SCHEMA_NS "url>", g_strdup_printf ("<%s>", doc->source), NULL);
        }
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
  const char *p = g_hash_table_lookup (w->relation_iris, kg_edge_get_predicate (edge));
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
      KgEntityType type = kg_node_get_entity_type (node);
      g_autofree char *label = kg__text_node_label (node);
      emit (w, s, "<" KG_RDF_NS "type>", g_strdup (w->terms[V_ENTITY_CLASS]), NULL);
      if (schema_classes[type])
        emit (w, s, "<" KG_RDF_NS "type>", g_strdup_printf ("<" KG_SCHEMA_NS "%s>", schema_classes[type]), NULL);
      emit (w, s, "<" KG_RDFS_NS "label>", literal (label), NULL);
      for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
        {
          g_autofree char *alias = kg__text_clean (kg_node_get_alias (node, i)->form);
          if (*alias && strcmp (alias, label) != 0)
            emit (w, s, "<" KG_SKOS_NS "altLabel>", literal (alias), NULL);
        }
      emit (w, s, w->terms[V_ENTITY_TYPE], literal (kg_entity_type_to_string (type)), NULL);
      emit (w, s, w->terms[V_MENTIONS], integer (kg_node_get_mentions (node)), NULL);
      emit (w, s, w->terms[V_CANONICAL_KEY], literal (kg_node_get_key (node)), NULL);
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
          emit (w, s, "<" KG_RDF_NS "type>", g_strdup (w->terms[V_EVIDENCE_CLASS]), graph_iri);
          emit (w, s, w->terms[V_DOCUMENT], g_strdup (graph_iri), graph_iri);
          emit (w, s, w->terms[V_SENTENCE_INDEX], integer (ev->sentence), graph_iri);
          emit (w, s, w->terms[V_START_OFFSET], integer (ev->start), graph_iri);
          emit (w, s, w->terms[V_END_OFFSET], integer (ev->end), graph_iri);
          emit (w, s, w->terms[V_CONFIDENCE], decimal (ev->confidence), graph_iri);
          if (ev->text)
            emit (w, s, w->terms[V_SENTENCE_TEXT], literal (ev->text), graph_iri);
          if (ev->time)
            emit (w, s, w->terms[V_TIME], literal (ev->time), graph_iri);
          if (ev->place)
            emit (w, s, w->terms[V_PLACE], literal (ev->place), graph_iri);
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
      emit (w, s, "<" KG_RDF_NS "type>", g_strdup ("<" KG_RDF_NS "Statement>"), NULL);
      emit (w, s, "<" KG_RDF_NS "subject>", g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_subject (edge))), NULL);
      emit (w, s, "<" KG_RDF_NS "predicate>", g_strdup (g_hash_table_lookup (w->relation_iris, kg_edge_get_predicate (edge))), NULL);
      emit (w, s, "<" KG_RDF_NS "object>", g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_object (edge))), NULL);
      emit (w, s, w->terms[V_WEIGHT], integer (kg_edge_get_weight (edge)), NULL);
      emit (w, s, w->terms[V_CONFIDENCE], decimal (kg_edge_get_confidence (edge)), NULL);
      emit (w, s, w->terms[V_POLARITY], literal (kg_polarity_to_string (kg_edge_get_polarity (edge))), NULL);
      emit (w, s, w->terms[V_MODALITY], literal (kg_modality_to_string (kg_edge_get_modality (edge))), NULL);
      emit (w, s, w->terms[V_PREDICATE_SURFACE], literal (kg_edge_get_predicate_surface (edge)), NULL);
      emit (w, s, w->terms[V_RELATION], literal (kg_edge_get_relation (edge)), NULL);
      if (kg_edge_get_office (edge))
        emit (w, s, w->terms[V_OFFICE], literal (kg_edge_get_office (edge)), NULL);
      if (kg_edge_get_attributed_to (edge))
        emit (w, s, w->terms[V_ATTRIBUTED_TO], g_strdup (g_hash_table_lookup (w->entity_iris, kg_edge_get_attributed_to (edge))), NULL);
      for (guint i = 1; i <= kg_edge_get_n_evidence (edge); i++)
        emit (w, s, w->terms[V_EVIDENCE], evidence_iri (w, edge, i), NULL);
      flush_subject (w);
    }
}

static void
write_ontology (Writer *w)
{
  /* The table is in IRI order already; the test suite checks it. */
  for (guint t = 0; t < N_TERMS; t++)
    {
      const char *s = w->terms[t];
      emit (w, s, "<" KG_RDF_NS "type>", g_strdup (vocabulary[t].is_class ? "<" KG_RDFS_NS "Class>" : "<" KG_RDF_NS "Property>"), NULL);
      emit (w, s, "<" KG_RDFS_NS "label>", literal (vocabulary[t].name), NULL);
      emit (w, s, "<" KG_RDFS_NS "comment>", literal (vocabulary[t].comment), NULL);
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
      emit (w, s, "<" KG_RDF_NS "type>", g_strdup ("<" KG_RDF_NS "Property>"), NULL);
      emit (w, s, "<" KG_RDFS_NS "label>", literal (predicate), NULL);
      flush_subject (w);
    }
}

/* ---- the file ------------------------------------------------------------- */

static void
writer_init (Writer *w, KgGraph *graph, gboolean quads, const char *base, FILE *out)
{
  w->graph = graph;
  w->quads = quads;
  w->out = out;
  w->base = base;
  /* A base that has a '#' already cannot take another one. */
  const char *ns = strchr (base, '#') ? "ontology/" : "ontology#";
  for (guint t = 0; t < N_TERMS; t++)
    w->terms[t] = minted_iri (base, ns, NULL, vocabulary[t].name);
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
      if (!g_hash_table_contains (w->relation_iris, predicate))
        g_hash_table_insert (w->relation_iris, (gpointer) predicate, minted_iri (base, "relation/", predicate, ""));
    }
  guint n_documents = kg_graph_get_n_documents (graph);
  w->document_iris = g_new0 (char *, n_documents + 1);
  for (guint i = 0; i < n_documents; i++)
    w->document_iris[i] = minted_iri (base, "document/", kg_graph_get_document (graph, i)->id, "");
  w->lines = g_ptr_array_new_with_free_func (g_free);
}

static void
writer_clear (Writer *w)
{
  for (guint t = 0; t < N_TERMS; t++)
    g_free (w->terms[t]);
  g_hash_table_unref (w->entity_iris);
  g_hash_table_unref (w->relation_iris);
  g_strfreev (w->document_iris);
  g_ptr_array_unref (w->lines);
}

gboolean
kg__export_rdf (KgGraph *graph, gboolean quads, const KgExportOptions *options, FILE *out, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && options->base_iri != NULL && out != NULL, FALSE);

  Writer w = { 0 };
  writer_init (&w, graph, quads, options->base_iri, out);
  g_autoptr (GPtrArray) by_id = g_ptr_array_copy (kg_graph_get_edges (graph), NULL, NULL);
  g_ptr_array_sort (by_id, compare_edge_ids);

  write_documents (&w);
  write_entities (&w);
  write_evidence (&w, by_id);
  write_facts (&w, by_id);
  write_ontology (&w);
  write_relations (&w);
  writer_clear (&w);

  if (ferror (out))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the %s file: %s", quads ? "N-Quads" : "N-Triples",
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
