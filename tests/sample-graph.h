/* sample-graph.h: a small graph with every kind of fact, shared by the
 * export and lint tests: a stated fact supported twice, a negated fact, a
 * modal fact, an attributed fact, parallel facts between one pair, several
 * entity types, hostile labels, evidence with and without time and place
 * (hostile ones too, and a place without a sentence), and documents with
 * and without metadata.  Built in either order, it must give the same
 * files.
 */
#ifndef KG_TEST_SAMPLE_GRAPH_H
#define KG_TEST_SAMPLE_GRAPH_H

#include <kgraph.h>
#include <glib/gstdio.h>

typedef struct {
  const char *subject, *predicate, *object;
  KgEntityType subject_type, object_type;
  KgPolarity polarity;
  KgModality modality;
  const char *attributed_to;
  const char *document;
  guint sentence;
  const char *text;
  double confidence;
  const char *time, *place;
} SampleFact;

static const SampleFact sample_facts[] = {
  { "Alexander Lukashenko", "meet", "Seyed Abbas Araghchi", KG_ENTITY_PERSON, KG_ENTITY_PERSON,
    KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED, NULL, "belta-1", 2, "Lukashenko met Araghchi in Minsk.", 0.9,
    NULL, "in Minsk" },
  { "Alexander Lukashenko", "meet", "Seyed Abbas Araghchi", KG_ENTITY_PERSON, KG_ENTITY_PERSON,
    KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED, NULL, "irna-7", 0, "The two met on Tuesday.", 0.8,
    "on Tuesday", NULL },
  { "Iran", "join", "SCO", KG_ENTITY_GPE, KG_ENTITY_ORG, KG_POLARITY_NEGATIVE, KG_MODALITY_ASSERTED, NULL,
    "irna-7", 3, "Iran has not joined the SCO.", 0.7, NULL, NULL },
  { "Iran", "sign", "roadmap", KG_ENTITY_GPE, KG_ENTITY_CONCEPT, KG_POLARITY_POSITIVE, KG_MODALITY_FUTURE,
    "Seyed Abbas Araghchi", "irna-7", 4, "Araghchi said Iran will sign the \"roadmap\".", 0.6, NULL, NULL },
  { "Iran", "border", "Belarus", KG_ENTITY_GPE, KG_ENTITY_GPE, KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED, NULL,
    "belta-1", 5, NULL, 1.0, NULL, "along the \"old\" road" },
  { "Iran", "trade with", "Belarus", KG_ENTITY_GPE, KG_ENTITY_GPE, KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED, NULL,
    "belta-1", 6, "Trade\twith tabs & \"quotes\"\nand C:\\news\x01.", 0.5,
    "on \"13\tMarch\"\n2023\x01", "в Минске, در تهران & C:\\news 📰" },
  { "<b>Ärzte & Co</b>", "visit", "Minsk", KG_ENTITY_ORG, KG_ENTITY_GPE, KG_POLARITY_POSITIVE, KG_MODALITY_ASSERTED,
    NULL, "belta-1", 7, "They visited.", 0.75, NULL, NULL },
};

static const KgDocumentInfo sample_documents[] = {
  { "belta-1", "Lukashenko meets Araghchi", "2024-04-16", "BelTA", "https://www.belta.by/news/1" },
  { "irna-7", NULL, "April 2024", NULL, "corpus/irna 7.txt" },
};

/* The sample graph, its facts added forwards or backwards. */
G_GNUC_UNUSED static KgGraph *
sample_graph_new (gboolean reversed)
{
  KgGraph *graph = kg_graph_new ();
  guint n_docs = G_N_ELEMENTS (sample_documents), n_facts = G_N_ELEMENTS (sample_facts);
  for (guint k = 0; k < n_docs; k++)
    kg_graph_add_document (graph, &sample_documents[reversed ? n_docs - 1 - k : k]);
  for (guint k = 0; k < n_facts; k++)
    {
      const SampleFact *f = &sample_facts[reversed ? n_facts - 1 - k : k];
      KgNodeMention s = { NULL, f->subject, f->subject_type, NULL, TRUE };
      KgNodeMention o = { NULL, f->object, f->object_type, NULL, TRUE };
      KgNodeMention a = { NULL, f->attributed_to ? f->attributed_to : "", KG_ENTITY_PERSON, NULL, TRUE };
      KgFact fact = {
        .subject = kg_graph_add_mention (graph, &s),
        .predicate = f->predicate,
        .object = kg_graph_add_mention (graph, &o),
        .polarity = f->polarity,
        .modality = f->modality,
        .attributed_to = f->attributed_to ? kg_graph_add_mention (graph, &a) : NULL,
        .confidence = f->confidence,
      };
      KgDocumentInfo probe = { .id = f->document };
      KgEvidence evidence = {
        .document = kg_graph_add_document (graph, &probe),
        .sentence = f->sentence,
        .start = f->sentence * 100,
        .end = f->sentence * 100 + 60,
        .text = f->text,
        .confidence = f->confidence,
        .time = f->time,
        .place = f->place,
      };
      kg_graph_add_fact (graph, &fact, &evidence);
    }
  return graph;
}

/* Writes graph in format through kg_export_write into a temporary file
 * and returns the bytes.  (transfer full) */
G_GNUC_UNUSED static char *
sample_export (KgGraph *graph, KgFormat format, const KgExportOptions *options, gsize *length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kgraph-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *name = g_strdup_printf ("graph.%s", kg_format_to_string (format));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  KgExportOptions defaults = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT };
  g_assert_true (kg_export_write (graph, format, options ? options : &defaults, path, &error));
  g_assert_no_error (error);
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_remove (path);
  g_rmdir (dir);
  return data;
}

/* Fails the test, showing them, if lint finds problems in data. */
G_GNUC_UNUSED static void
assert_lint_clean (KgFormat format, const char *data, gsize length)
{
  g_autoptr (GPtrArray) problems = kg_lint_check (format, data, length);
  for (guint i = 0; i < problems->len; i++)
    {
      const KgLintProblem *problem = problems->pdata[i];
      g_test_message ("%s %u:%u: %s", kg_format_to_string (format), problem->line, problem->column, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The sample graph built forwards and backwards exports to the same bytes;
 * returns them.  (transfer full) */
G_GNUC_UNUSED static char *
assert_same_export (KgFormat format, const KgExportOptions *options, gsize *length)
{
  g_autoptr (KgGraph) forward = sample_graph_new (FALSE);
  g_autoptr (KgGraph) backward = sample_graph_new (TRUE);
  gsize n;
  char *a = sample_export (forward, format, options, length);
  g_autofree char *b = sample_export (backward, format, options, &n);
  g_assert_cmpmem (a, *length, b, n);
  return a;
}

#endif
