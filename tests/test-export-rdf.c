/* test-export-rdf.c: the N-Triples, N-Quads and Turtle exports: which
 * statements are asserted directly, the reification and evidence of every
 * fact with its time and place, the documents, the IRI scheme, the
 * vocabulary (data/kgraph.ttl) and the terms it defines, the normalised
 * relations as its properties or Wikidata's, sorted unique lines, named
 * graphs per document, determinism and a clean lint. */
#include "sample-graph.h"
#include "export/rdf-syntax.h"
#include "export/rdf-vocabulary.h"

#include <string.h>

#define B "https://kgraph.example.org/"
#define KG "<" KG_VOCAB_NS
#define RDFS "<" KG_RDFS_NS
#define PROV "<" KG_PROV_NS
#define OWL "<http://www.w3.org/2002/07/owl#"
#define RDF "<" KG_RDF_NS
#define XSD "^^<" KG_XSD_NS

static GStrv
export_lines_with (KgGraph *graph, KgFormat format, const char *base, gboolean wikidata)
{
  KgExportOptions options = { .base_iri = base ? base : KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT,
                              .wikidata_properties = wikidata };
  gsize length;
  g_autofree char *text = sample_export (graph, format, &options, &length);
  g_assert_true (length > 0 && text[length - 1] == '\n');
  assert_lint_clean (format, text, length);
  text[length - 1] = '\0';
  return g_strsplit (text, "\n", -1);
}

static GStrv
export_lines (KgGraph *graph, KgFormat format, const char *base)
{
  return export_lines_with (graph, format, base, FALSE);
}

static gboolean
has_line (GStrv lines, const char *line)
{
  return g_strv_contains ((const char *const *) lines, line);
}

static guint
count_containing (GStrv lines, const char *needle)
{
  guint n = 0;
  for (guint i = 0; lines[i]; i++)
    n += strstr (lines[i], needle) != NULL;
  return n;
}

/* Lines that start with prefix and contain needle. */
static guint
count_starting (GStrv lines, const char *prefix, const char *needle)
{
  guint n = 0;
  for (guint i = 0; lines[i]; i++)
    n += g_str_has_prefix (lines[i], prefix) && strstr (lines[i], needle) != NULL;
  return n;
}

static const char *
edge_id (KgGraph *graph, const char *subject, const char *predicate)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    if (strcmp (kg_node_get_key (kg_edge_get_subject (edges->pdata[i])), subject) == 0
        && strcmp (kg_edge_get_predicate (edges->pdata[i]), predicate) == 0)
      return kg_edge_get_id (edges->pdata[i]);
  g_assert_not_reached ();
}

static const char *
fact_iri (KgGraph *graph, const char *subject, const char *predicate)
{
  g_autofree char *iri = g_strdup_printf ("<" B "fact/%s>", edge_id (graph, subject, predicate));
  return g_intern_string (iri);
}

/* The IRI of the fact's evidence record number (from 1). */
static const char *
evidence_iri (KgGraph *graph, const char *subject, const char *predicate, guint number)
{
  g_autofree char *iri = g_strdup_printf ("<" B "evidence/%s-%u>", edge_id (graph, subject, predicate), number);
  return g_intern_string (iri);
}

static void
test_statements (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, NULL);

  /* stated facts directly; negated and modal ones never */
  g_assert_true (has_line (lines, "<" B "entity/alexander_lukashenko> <" B "relation/meet> <" B "entity/seyed_abbas_araghchi> ."));
  g_assert_true (has_line (lines, "<" B "entity/iran> <" B "relation/border> <" B "entity/belarus> ."));
  g_assert_false (has_line (lines, "<" B "entity/iran> <" B "relation/join> <" B "entity/sco> ."));
  g_assert_false (has_line (lines, "<" B "entity/iran> <" B "relation/sign> <" B "entity/roadmap> ."));

  /* every fact reified */
  g_assert_cmpuint (count_containing (lines, RDF "type> " RDF "Statement>"), ==, kg_graph_get_n_edges (graph));
  g_assert_cmpuint (count_containing (lines, RDF "type> " KG "Fact>"), ==, kg_graph_get_n_edges (graph));
  const char *join = fact_iri (graph, "iran", "join");
  const char *sign = fact_iri (graph, "iran", "sign");
  const char *meet = fact_iri (graph, "alexander lukashenko", "meet");
  g_autofree char *l1 = g_strdup_printf ("%s " KG "polarity> \"negative\" .", join);
  g_autofree char *l2 = g_strdup_printf ("%s " RDF "subject> <" B "entity/iran> .", join);
  g_autofree char *l3 = g_strdup_printf ("%s " KG "modality> \"future\" .", sign);
  g_autofree char *l4 = g_strdup_printf ("%s " KG "attributedTo> <" B "entity/seyed_abbas_araghchi> .", sign);
  g_autofree char *l5 = g_strdup_printf ("%s " KG "weight> \"2\"" XSD "integer> .", meet);
  g_autofree char *l6 = g_strdup_printf ("%s " KG "confidence> \"0.98\"" XSD "double> .", meet);
  g_autofree char *l7 = g_strdup_printf ("%s " RDF "predicate> <" B "relation/meet> .", meet);
  /* a fact without a relation of the vocabulary is its own relation */
  g_autofree char *l8 = g_strdup_printf ("%s " KG "relation> \"meet\" .", meet);
  const char *expected[] = { l1, l2, l3, l4, l5, l6, l7, l8 };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (has_line (lines, expected[i]));
  g_assert_cmpuint (count_containing (lines, " " PROV "wasDerivedFrom> <" B "evidence/"), ==, 7);

  /* entities, relations, documents */
  static const char *const more[] = {
    "<" B "entity/seyed_abbas_araghchi> " RDF "type> <http://schema.org/Person> .",
    "<" B "entity/iran> " RDF "type> <http://schema.org/AdministrativeArea> .",
    "<" B "entity/sco> " RDF "type> <http://schema.org/Organization> .",
    "<" B "entity/iran> <http://www.w3.org/2000/01/rdf-schema#label> \"Iran\" .",
    "<" B "entity/iran> " KG "entityType> \"GPE\" .",
    "<" B "entity/iran> " KG "mentions> \"4\"" XSD "integer> .",
    "<" B "entity/%3Cb%3E%C3%A4rzte_co%3C_b%3E> <http://www.w3.org/2000/01/rdf-schema#label> \"<b>Ärzte & Co</b>\" .",
    "<" B "relation/trade_with> " RDF "type> " RDF "Property> .",
    "<" B "relation/trade_with> <http://www.w3.org/2000/01/rdf-schema#label> \"trade with\" .",
    "<" B "document/belta-1> <http://schema.org/datePublished> \"2024-04-16\"" XSD "date> .",
    "<" B "document/irna-7> <http://schema.org/datePublished> \"April 2024\" .",
    "<" B "document/belta-1> <http://schema.org/url> <https://www.belta.by/news/1> .",
    "<" B "document/irna-7> " KG "source> \"corpus/irna 7.txt\" .",
    "<" B "document/belta-1> " RDF "type> <http://schema.org/NewsArticle> .",
    "<" B "document/belta-1> " RDF "type> " KG "Document> .",
    "<" B "entity/iran> " RDF "type> " KG "GeopoliticalEntity> .",
    "<" B "entity/roadmap> " RDF "type> " KG "Concept> .",
    /* the entities of a document's facts, the speaker too */
    "<" B "document/irna-7> <http://schema.org/mentions> <" B "entity/seyed_abbas_araghchi> .",
    "<" B "document/irna-7> <http://schema.org/mentions> <" B "entity/roadmap> .",
  };
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    g_assert_true (has_line (lines, more[i]));
  g_assert_cmpuint (count_containing (lines, "<roadmap> " RDF "type> <http://schema.org/"), ==, 0);
  g_assert_cmpuint (count_containing (lines, "document/irna-7> <http://schema.org/url>"), ==, 0);
  g_assert_cmpuint (count_containing (lines, "document/irna-7> <http://schema.org/mentions> <" B "entity/minsk>"), ==, 0);
  /* the sentence: tab and line feed escaped, the control character gone */
  g_assert_cmpuint (count_containing (lines, PROV "value> \"Trade\\twith tabs & \\\"quotes\\\"\\nand C:\\\\news.\" ."), ==, 1);
  g_assert_cmpuint (count_containing (lines, "_:"), ==, 0);
}

/* Each evidence record's time and place as plain literals, escaped like
 * every literal; none where the record has none; on the fact too; both in
 * the vocabulary. */
static void
test_time_and_place (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, NULL);
  static const struct { const char *subject, *predicate; guint number; const char *term, *literal; } cases[] = {
    { "alexander lukashenko", "meet", 1, "place", "\"in Minsk\"" },
    { "alexander lukashenko", "meet", 2, "time", "\"on Tuesday\"" },
    { "iran", "border", 1, "place", "\"along the \\\"old\\\" road\"" },
    { "iran", "trade with", 1, "time", "\"on \\\"13\\tMarch\\\"\\n2023\"" },
    { "iran", "trade with", 1, "place", "\"в Минске, در تهران & C:\\\\news 📰\"" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s " KG "%s> %s .",
                                               evidence_iri (graph, cases[i].subject, cases[i].predicate,
                                                             cases[i].number),
                                               cases[i].term, cases[i].literal);
      g_assert_true (has_line (lines, line));
    }
  g_assert_cmpuint (count_starting (lines, "<" B "evidence/", " " KG "time> \""), ==, 2);
  g_assert_cmpuint (count_starting (lines, "<" B "evidence/", " " KG "place> \""), ==, 3);
  g_assert_cmpuint (count_starting (lines, "<" B "fact/", " " KG "time> \""), ==, 2);
  g_assert_cmpuint (count_starting (lines, "<" B "fact/", " " KG "place> \""), ==, 3);
  g_autofree char *on_fact = g_strdup_printf ("%s " KG "place> \"in Minsk\" .",
                                              fact_iri (graph, "alexander lukashenko", "meet"));
  g_assert_true (has_line (lines, on_fact));
  static const char *const ontology[] = {
    KG "time> " RDF "type> " OWL "DatatypeProperty> .",
    KG "time> " RDFS "label> \"time\"@en .",
    KG "place> " RDF "type> " OWL "DatatypeProperty> .",
    KG "place> " RDFS "label> \"place\"@en .",
  };
  for (guint i = 0; i < G_N_ELEMENTS (ontology); i++)
    g_assert_true (has_line (lines, ontology[i]));

  /* in N-Quads, in the graph of the record's document */
  g_auto (GStrv) quads = export_lines (graph, KG_FORMAT_NQUADS, NULL);
  g_autofree char *quad = g_strdup_printf ("%s " KG "time> \"on Tuesday\" <" B "document/irna-7> .",
                                           evidence_iri (graph, "alexander lukashenko", "meet", 2));
  g_assert_true (has_line (quads, quad));
}

static void
test_sorted_unique (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  static const KgFormat formats[] = { KG_FORMAT_NTRIPLES, KG_FORMAT_NQUADS };
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (GStrv) lines = export_lines (graph, formats[f], NULL);
      for (guint i = 1; lines[i]; i++)
        g_assert_cmpint (strcmp (lines[i - 1], lines[i]), <, 0);
    }
}

/* The statement of an N-Quads line without its graph label.  (transfer full) */
static char *
without_graph (const char *line)
{
  const char *p = line, *ends[5];
  guint terms = 0;
  while (*p && *p != '.' && terms < 5)
    {
      if (*p == '<')
        p = strchr (p, '>') + 1;
      else if (*p == '"')
        {
          for (p++; *p != '"'; p++)
            if (*p == '\\')
              p++;
          p++;
          if (*p == '^')
            p = strchr (p, '>') + 1;
          else if (*p == '@')
            p += strcspn (p, " ");
        }
      ends[terms++] = p;
      while (*p == ' ')
        p++;
    }
  g_assert_cmpuint (terms, >=, 3);
  g_assert_cmpuint (terms, <=, 4);
  return g_strdup_printf ("%.*s .", (int) (ends[2] - line), line);
}

static void
test_quads (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_auto (GStrv) triples = export_lines (graph, KG_FORMAT_NTRIPLES, NULL);
  g_auto (GStrv) quads = export_lines (graph, KG_FORMAT_NQUADS, NULL);
  /* meet is supported by both documents: its triple is in both graphs */
  const char *meet = "<" B "entity/alexander_lukashenko> <" B "relation/meet> <" B "entity/seyed_abbas_araghchi>";
  g_autofree char *in_belta = g_strdup_printf ("%s <" B "document/belta-1> .", meet);
  g_autofree char *in_irna = g_strdup_printf ("%s <" B "document/irna-7> .", meet);
  g_autofree char *in_default = g_strdup_printf ("%s .", meet);
  g_assert_true (has_line (quads, in_belta));
  g_assert_true (has_line (quads, in_irna));
  g_assert_false (has_line (quads, in_default));
  /* dropping the graph gives back the N-Triples */
  g_autoptr (GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; quads[i]; i++)
    g_hash_table_add (set, without_graph (quads[i]));
  g_assert_cmpuint (g_hash_table_size (set), ==, g_strv_length (triples));
  for (guint i = 0; triples[i]; i++)
    g_assert_true (g_hash_table_contains (set, triples[i]));
  /* evidence lives in its document's graph */
  g_assert_cmpuint (count_containing (quads, KG "sentenceIndex> \"3\"" XSD "integer> <" B "document/irna-7> ."), ==, 1);
}

static void
test_base_with_hash (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, "urn:x-kg:news#");
  g_assert_true (has_line (lines, "<urn:x-kg:news#entity/iran> " KG "entityType> \"GPE\" ."));
  g_assert_cmpuint (count_containing (lines, "news#ontology"), ==, 0);
}

/* The vocabulary has its own namespace whatever the base, and a base
 * inside it is refused (the sections of the file would interleave). */
static void
test_base_in_vocabulary (void)
{
  static const char *const refused[] = { KG_VOCAB_NS, KG_VOCAB_IRI "/", KG_VOCAB_IRI "2/" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;
      KgExportOptions options = { .base_iri = refused[i], .layout = KG_DEFAULT_LAYOUT };
      g_assert_false (kg_export_options_check (&options, &error));
      g_assert_error (error, KG_ERROR, KG_ERROR_OPTION);
    }
  /* a base that sorts before, between or after the vocabulary's sections */
  static const char *const bases[] = { "http://a.example/", "https://kgraph.example.org/p/", "urn:z:" "x/" };
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
      g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, bases[i]);
      for (guint k = 1; lines[k]; k++)
        g_assert_cmpint (strcmp (lines[k - 1], lines[k]), <, 0);
    }
}

/* An office is a property of its fact, beside the normalised relation,
 * and both are terms of the ontology. */
static void
test_offices (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo info = { .id = "d" };
  guint doc = kg_graph_add_document (graph, &info);
  KgNodeMention berg = { .surface = "Anna Berg", .type = KG_ENTITY_PERSON, .is_name = TRUE };
  KgNodeMention norway = { .surface = "Norway", .type = KG_ENTITY_GPE, .is_name = TRUE };
  KgFact fact = {
    .subject = kg_graph_add_mention (graph, &berg), .predicate = "foreign minister of",
    .object = kg_graph_add_mention (graph, &norway), .confidence = 0.9, .relation = "holds office",
    .office = "foreign minister",
  };
  KgEvidence evidence = { .document = doc, .text = "Norway's Foreign Minister Anna Berg spoke.", .confidence = 0.9 };
  kg_graph_add_fact (graph, &fact, &evidence);
  KgFact meeting = { .subject = fact.subject, .predicate = "hold talks with", .object = fact.object,
                     .confidence = 0.9, .relation = "met" };
  kg_graph_add_fact (graph, &meeting, &evidence);
  g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, NULL);
  const char *iri = fact_iri (graph, "anna berg", "foreign minister of");
  g_autofree char *relation = g_strdup_printf ("%s " KG "relation> \"holds office\" .", iri);
  g_autofree char *office = g_strdup_printf ("%s " KG "office> \"foreign minister\" .", iri);
  g_assert_true (has_line (lines, relation));
  g_assert_true (has_line (lines, office));
  g_assert_cmpuint (count_containing (lines, KG "office> " RDF "type> " OWL "DatatypeProperty>"), ==, 1);
  g_assert_cmpuint (count_containing (lines, KG "relation> " RDF "type> " OWL "DatatypeProperty>"), ==, 1);

  /* a normalised relation is a property of the vocabulary, in the direct
   * triple and the reification; no property of the base for it */
  const char *direct[] = { "<" B "entity/anna_berg> " KG "holdsOffice> <" B "entity/norway> .",
                           "<" B "entity/anna_berg> " KG "met> <" B "entity/norway> ." };
  for (guint i = 0; i < G_N_ELEMENTS (direct); i++)
    g_assert_true (has_line (lines, direct[i]));
  g_autofree char *predicate = g_strdup_printf ("%s " RDF "predicate> " KG "holdsOffice> .", iri);
  g_assert_true (has_line (lines, predicate));
  g_assert_cmpuint (count_containing (lines, "<" B "relation/"), ==, 0);

  /* --vocab wikidata: its property where the vocabulary maps one */
  g_auto (GStrv) wikidata = export_lines_with (graph, KG_FORMAT_NTRIPLES, NULL, TRUE);
  const char *mapped[] = { "<" B "entity/anna_berg> <http://www.wikidata.org/prop/direct/P39> <" B "entity/norway> .",
                           "<" B "entity/anna_berg> " KG "met> <" B "entity/norway> ." };
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    g_assert_true (has_line (wikidata, mapped[i]));
  g_autofree char *wikidata_predicate = g_strdup_printf ("%s " RDF "predicate> <http://www.wikidata.org/prop/direct/P39> .", iri);
  g_assert_true (has_line (wikidata, wikidata_predicate));
  g_assert_false (has_line (wikidata, direct[0]));
}

/* Every term of kg: an export uses is defined in it, with a label and a
 * comment (the file carries data/kgraph.ttl); the vocabulary has a class
 * for each entity type and a property for each normalised relation of
 * data/lexicon/relations.tsv, and no blank node. */
static void
test_vocabulary (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_auto (GStrv) lines = export_lines (graph, KG_FORMAT_NTRIPLES, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; lines[i]; i++)
    for (const char *p = lines[i]; (p = strstr (p, KG)) != NULL; p++)
      g_hash_table_add (used, g_strndup (p, strchr (p, '>') + 1 - p));
  g_assert_cmpuint (g_hash_table_size (used), >=, 20);
  GHashTableIter iter;
  gpointer term;
  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    {
      g_autofree char *label = g_strdup_printf ("%s " RDFS "label> \"", (char *) term);
      g_autofree char *comment = g_strdup_printf ("%s " RDFS "comment> \"", (char *) term);
      if (count_starting (lines, label, "") != 1 || count_starting (lines, comment, "") != 1)
        g_error ("%s: not defined in data/kgraph.ttl with one label and one comment", (char *) term);
    }
  g_assert_true (has_line (lines, "<" KG_VOCAB_IRI "> " RDF "type> " OWL "Ontology> ."));

  const KgRdfVocabulary *vocabulary = kg__rdf_vocabulary_get ();
  for (KgEntityType type = KG_ENTITY_PERSON; type < KG_ENTITY_N_TYPES; type++)
    g_assert_nonnull (g_hash_table_lookup (vocabulary->classes, kg_entity_type_to_string (type)));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lexicon", "relations.tsv", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_auto (GStrv) rows = g_strsplit (text, "\n", -1);
  guint relations = 0;
  for (guint i = 0; rows[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (rows[i], "\t", -1);
      if (rows[i][0] == '#' || g_strv_length (fields) != 2)
        continue;
      if (g_hash_table_lookup (vocabulary->relations, fields[1]) == NULL)
        g_error ("relation '%s' of relations.tsv has no property in data/kgraph.ttl", fields[1]);
      relations++;
    }
  g_assert_cmpuint (relations, >, 100);
  g_assert_nonnull (g_hash_table_lookup (vocabulary->relations, "holds office"));
  for (guint i = 0; i < vocabulary->statements->len; i++)
    g_assert_null (strstr (vocabulary->statements->pdata[i], "_:"));
}

/* Turtle, written by raptor: clean for lint (raptor's parser and our
 * rules), with our prefixes, and the same bytes from either build order. */
static void
test_turtle (void)
{
  gsize length;
  g_autofree char *turtle = assert_same_export (KG_FORMAT_TURTLE, NULL, &length);
  assert_lint_clean (KG_FORMAT_TURTLE, turtle, length);
  g_assert_nonnull (strstr (turtle, "@prefix kg: <" KG_VOCAB_NS "> ."));
  g_assert_nonnull (strstr (turtle, "@prefix entity: <" B "entity/> ."));
  g_assert_nonnull (strstr (turtle, "\nentity:iran\n"));
  g_assert_null (strstr (turtle, "_:"));
}

static void
test_deterministic (void)
{
  static const KgFormat formats[] = { KG_FORMAT_NTRIPLES, KG_FORMAT_NQUADS };
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      gsize length;
      g_free (assert_same_export (formats[f], NULL, &length));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/rdf/statements", test_statements);
  g_test_add_func ("/export/rdf/time-and-place", test_time_and_place);
  g_test_add_func ("/export/rdf/sorted-unique", test_sorted_unique);
  g_test_add_func ("/export/rdf/quads", test_quads);
  g_test_add_func ("/export/rdf/offices", test_offices);
  g_test_add_func ("/export/rdf/base-with-hash", test_base_with_hash);
  g_test_add_func ("/export/rdf/base-in-vocabulary", test_base_in_vocabulary);
  g_test_add_func ("/export/rdf/vocabulary", test_vocabulary);
  g_test_add_func ("/export/rdf/turtle", test_turtle);
  g_test_add_func ("/export/rdf/deterministic", test_deterministic);
  return g_test_run ();
}
