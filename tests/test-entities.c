/* test-entities.c: the entity stage on sentences written for these tests:
 * names without titles, types, values, nationalities, coreference, keys,
 * merging across documents, and the user's alias rules. */
#include "entity/entities-private.h"
#include "entity/entity-merge.h"
#include "pipeline-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static KgPipeline *
pipeline (void)
{
  return shared_pipeline (KG_STAGE_ENTITIES);
}

static KgLexicon *
lexicon (void)
{
  static KgLexicon *shared = NULL;
  if (shared == NULL)
    {
      g_autofree char *dir = data_dir ("lexicon");
      g_autoptr (GError) error = NULL;
      shared = kg_lexicon_load (dir, &error);
      g_assert_no_error (error);
    }
  return shared;
}

static KgDocument *
annotate (const char *id, const char *text)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_INPUT_FORMAT_TEXT);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = kg_reader_read_bytes (reader, id, bytes, problems, &error);
  g_assert_no_error (error);
  KgDocument *doc = g_ptr_array_steal_index (docs, 0);
  kg_pipeline_annotate (pipeline (), doc);
  return doc;
}

static char *
text_of (const KgDocument *doc, const KgMention *m)
{
  return kg_document_dup_text (doc, m->first_token, m->n_tokens);
}

/* The mention whose text is exactly text, or NULL. */
static const KgMention *
find (const KgDocument *doc, const char *text)
{
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      g_autofree char *t = text_of (doc, m);
      if (strcmp (t, text) == 0)
        return m;
    }
  return NULL;
}

static const KgMention *
must_find (const KgDocument *doc, const char *text)
{
  const KgMention *m = find (doc, text);
  if (m == NULL)
    g_error ("no mention '%s'", text);
  return m;
}

static void
test_keys (void)
{
  static const struct { const char *label; KgEntityType type; const char *key; } cases[] = {
    { "Mr. Holmes", KG_ENTITY_PERSON, "holmes" },
    { "U.S.", KG_ENTITY_GPE, "united states" },
    { "US", KG_ENTITY_GPE, "united states" },
    { "United States of America", KG_ENTITY_GPE, "united states" },
    { "Iranian", KG_ENTITY_NORP, "iran" },
    { "UN", KG_ENTITY_ORG, "united nations" },
    { "Seyed Abbas Araghchi", KG_ENTITY_PERSON, "seyed abbas araghchi" },
    /* a person is never the country named like them */
    { "Jordan", KG_ENTITY_PERSON, "jordan (person)" },
    { "Jordan", KG_ENTITY_GPE, "jordan" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = kg__entity_key (lexicon (), cases[i].label, cases[i].type);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_titles_and_types (void)
{
  g_autoptr (KgDocument) doc = annotate ("t", "Iran’s Foreign Minister Seyed Abbas Araghchi met Belarusian President "
                                              "Alexander Lukashenko in Minsk on Monday.\n");
  const KgMention *araghchi = must_find (doc, "Seyed Abbas Araghchi");
  g_assert_cmpint (araghchi->type, ==, KG_ENTITY_PERSON);
  g_assert_cmpint (araghchi->kind, ==, KG_MENTION_NAME);
  g_assert_cmpint (must_find (doc, "Alexander Lukashenko")->type, ==, KG_ENTITY_PERSON);
  g_assert_null (find (doc, "Foreign Minister Seyed Abbas Araghchi"));
  g_assert_cmpint (must_find (doc, "Iran")->type, ==, KG_ENTITY_GPE);
  g_assert_cmpint (must_find (doc, "Minsk")->type, ==, KG_ENTITY_GPE);
  const KgMention *belarusian = must_find (doc, "Belarusian");
  g_assert_cmpint (belarusian->kind, ==, KG_MENTION_DEMONYM);
  g_assert_cmpstr (belarusian->value, ==, "Belarus");
}

static void
test_values (void)
{
  g_autoptr (KgDocument) doc = annotate ("v",
      "The roadmap for 2023–2026 was signed on March 13, 2023, at 01:19.\n"
      "Trade exceeded $33 million in 2021, up 3.5% from the year before.\n"
      "More than 10,000 students attended the 18th meeting.\n");
  static const struct { const char *text; KgEntityType type; const char *value; } cases[] = {
    { "2023–2026", KG_ENTITY_DATE, "2023/2026" },
    { "March 13, 2023", KG_ENTITY_DATE, "2023-03-13" },
    { "01:19", KG_ENTITY_TIME, "01:19" },
    { "$33 million", KG_ENTITY_MONEY, "USD 33000000" },
    { "2021", KG_ENTITY_DATE, "2021" },
    { "3.5%", KG_ENTITY_PERCENT, "3.5" },
    { "More than 10,000", KG_ENTITY_CARDINAL, ">10000" },
    { "18th", KG_ENTITY_ORDINAL, "18" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const KgMention *m = must_find (doc, cases[i].text);
      g_assert_cmpint (m->kind, ==, KG_MENTION_VALUE);
      g_assert_cmpstr (kg_entity_type_to_string (m->type), ==, kg_entity_type_to_string (cases[i].type));
      g_assert_cmpstr (m->value, ==, cases[i].value);
    }
}

static int
chain_of (const KgDocument *doc, const char *text)
{
  return must_find (doc, text)->chain;
}

static void
test_coreference (void)
{
  g_autoptr (KgDocument) doc = annotate ("c",
      "Iran’s Foreign Minister Seyed Abbas Araghchi arrived in Minsk on Monday.\n"
      "Araghchi said he was pleased with the talks.\n"
      "The Iranian foreign minister also met the Belarusian president.\n"
      "Iran joined the Eurasian Economic Union (EAEU) last year, and the EAEU welcomed it.\n");
  int araghchi = chain_of (doc, "Seyed Abbas Araghchi");
  g_assert_cmpint (araghchi, >=, 0);
  g_assert_cmpint (chain_of (doc, "Araghchi"), ==, araghchi);
  g_assert_cmpint (chain_of (doc, "he"), ==, araghchi);
  g_assert_cmpint (chain_of (doc, "The Iranian foreign minister"), ==, araghchi);
  g_assert_cmpstr (must_find (doc, "Araghchi")->rule, ==, "surname");
  g_assert_cmpstr (must_find (doc, "The Iranian foreign minister")->rule, ==, "role");
  int union_chain = chain_of (doc, "Eurasian Economic Union");
  g_assert_cmpint (union_chain, >=, 0);
  g_assert_cmpint (chain_of (doc, "EAEU"), ==, union_chain);
  g_assert_cmpstr (kg_document_get_chain (doc, araghchi)->key, ==, "seyed abbas araghchi");
  /* no person holds the role "president" of Belarus here: unresolved */
  g_assert_cmpint (chain_of (doc, "the Belarusian president"), ==, -1);
}

/* Organisation names that begin with a place or go on with "for" stay
 * one organisation. */
static void
test_whole_organisation_names (void)
{
  g_autoptr (KgDocument) doc = annotate ("w",
      "The Tehran Stock Exchange rose, and the Council for Economic Affairs met.\n");
  const char *names[] = { "Tehran Stock Exchange", "Council for Economic Affairs" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const KgMention *m = must_find (doc, names[i]);
      g_assert_cmpint (m->type, ==, KG_ENTITY_ORG);
      g_assert_cmpint (m->kind, ==, KG_MENTION_NAME);
    }
  g_assert_null (find (doc, "Tehran"));
}

/* Two or three capitalised proper nouns right after a role word are a
 * person's name even where the recogniser missed it. */
static void
test_titled_persons (void)
{
  g_autoptr (KgDocument) doc = annotate ("p",
      "Swedish captain Andreas Granqvist scored from the penalty spot.\n");
  const KgMention *m = must_find (doc, "Andreas Granqvist");
  g_assert_cmpint (m->type, ==, KG_ENTITY_PERSON);
  g_assert_cmpint (m->kind, ==, KG_MENTION_NAME);
}

/* A possessive fronted before the subject points forward to it. */
static void
test_cataphora (void)
{
  g_autoptr (KgDocument) doc = annotate ("k",
      "Tom Lind arrived on Monday.\n"
      "In her speech, Anna Berg said Norway would act.\n");
  int berg = chain_of (doc, "Anna Berg");
  g_assert_cmpint (berg, >=, 0);
  g_assert_cmpint (chain_of (doc, "her"), ==, berg);
}

/* A title right before a name is the name's: "Apple CEO" is Tim Cook,
 * never a description another chief executive could take. */
static void
test_title_before_name (void)
{
  g_autoptr (KgDocument) doc = annotate ("t",
      "Apple CEO Tim Cook met Anna Berg on Monday.\n"
      "Elon Musk, the chief executive of Tesla, sold shares.\n");
  g_assert_cmpint (chain_of (doc, "Tim Cook"), !=, chain_of (doc, "Elon Musk"));
  const KgMention *title = find (doc, "Apple CEO");
  g_assert_true (title == NULL || title->chain != chain_of (doc, "Elon Musk"));
}

static void
test_never_over_merge (void)
{
  g_autoptr (KgDocument) doc = annotate ("o",
      "Mohammad Reza Aref met Mohammad Reza Ashtiani in Tehran.\n"
      "Alexander Lukashenko and Alexander Volfovich spoke, and Ali Khamenei received Ali Larijani.\n"
      "Michael Jordan visited Jordan.\n");
  const char *names[] = { "Mohammad Reza Aref", "Mohammad Reza Ashtiani", "Alexander Lukashenko",
                          "Alexander Volfovich", "Ali Khamenei", "Ali Larijani", "Michael Jordan" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (names); j++)
      g_assert_cmpint (chain_of (doc, names[i]), !=, chain_of (doc, names[j]));
  int person = chain_of (doc, "Michael Jordan");
  const KgMention *country = must_find (doc, "Jordan");
  g_assert_cmpint (country->type, ==, KG_ENTITY_GPE);
  g_assert_cmpint (country->chain, !=, person);
}

static void
test_subdivisions (void)
{
  /* from iso-codes: Chinese provinces and cities also without "Sheng", "Shi" */
  const char *places[] = { "Tehran", "Texas", "Shanghai", "Shanghai Shi", "Guangdong" };
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    g_assert_true (kg_lexicon_is_subdivision (lexicon (), places[i]));
  g_assert_false (kg_lexicon_is_subdivision (lexicon (), "Shi"));
  g_assert_false (kg_lexicon_is_subdivision (lexicon (), "Araghchi"));
}

static void
test_coordinated_acronyms (void)
{
  g_autoptr (KgDocument) doc = annotate ("a",
      "Iran works within GLORB, the Shanghai Cooperation Organization and the United Nations.\n"
      "The official said that PLINK was fine.\n");
  const KgMention *glorb = must_find (doc, "GLORB");
  g_assert_cmpint (glorb->kind, ==, KG_MENTION_NAME);
  g_assert_cmpint (glorb->type, ==, KG_ENTITY_ORG);
  /* an acronym with nothing to go by stays unrecognised */
  g_assert_null (find (doc, "PLINK"));
}

/* A graph from documents, consolidated with rules (may be NULL). */
static KgGraph *
build_graph (const char *const *texts, guint n, KgAliasRules *rules)
{
  KgGraph *graph = kg_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc%u", i);
      g_autoptr (KgDocument) doc = annotate (id, texts[i]);
      kg_pipeline_add_to_graph (pipeline (), doc, graph, NULL);
    }
  kg_entities_consolidate (graph, rules);
  return graph;
}

static KgNode *
node_labelled (KgGraph *graph, const char *label)
{
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    if (strcmp (kg_node_get_label (nodes->pdata[i]), label) == 0)
      return nodes->pdata[i];
  return NULL;
}

static const char *
rule_of_alias (const KgNode *node, const char *form)
{
  for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
    if (strcmp (kg_node_get_alias (node, i)->form, form) == 0)
      return kg_node_get_alias (node, i)->rule;
  return NULL;
}

static void
test_merge_across_documents (void)
{
  const char *texts[] = {
    "Foreign Minister Seyed Abbas Araghchi visited Minsk. He met President A. Lukashenko there.\n",
    "Abbas Araghchi met Alexander Lukashenko and Alexander Volfovich.\n",
    "In Tehran, Araghchi said that Iran joined the Shanghai Cooperation Organization (SCO).\n",
    "The SCO met. Mohammad Reza Aref and Mohammad Reza Ashtiani spoke about the U.S. and the United States.\n",
  };
  g_autoptr (KgGraph) graph = build_graph (texts, G_N_ELEMENTS (texts), NULL);
  KgNode *araghchi = node_labelled (graph, "Seyed Abbas Araghchi");
  g_assert_nonnull (araghchi);
  g_assert_cmpstr (rule_of_alias (araghchi, "Abbas Araghchi"), ==, "surname");
  g_assert_cmpstr (rule_of_alias (araghchi, "Araghchi"), ==, "surname");
  KgNode *lukashenko = node_labelled (graph, "Alexander Lukashenko");
  g_assert_nonnull (lukashenko);
  g_assert_cmpstr (rule_of_alias (lukashenko, "A. Lukashenko"), ==, "initials");
  g_assert_nonnull (node_labelled (graph, "Alexander Volfovich"));
  g_assert_nonnull (node_labelled (graph, "Mohammad Reza Aref"));
  g_assert_nonnull (node_labelled (graph, "Mohammad Reza Ashtiani"));
  KgNode *sco = node_labelled (graph, "Shanghai Cooperation Organization");
  g_assert_nonnull (sco);
  g_assert_nonnull (rule_of_alias (sco, "SCO"));
  KgNode *us = node_labelled (graph, "United States");
  g_assert_nonnull (us);
  g_assert_nonnull (rule_of_alias (us, "U.S."));
  g_assert_cmpint (kg_node_get_entity_type (us), ==, KG_ENTITY_GPE);
  /* no pronoun ever becomes a node, nor an alias */
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    {
      g_assert_cmpstr (kg_node_get_label (nodes->pdata[i]), !=, "He");
      g_assert_null (rule_of_alias (nodes->pdata[i], "He"));
    }
}

/* An organisation's name cut short is the organisation, within a
 * document and across documents; an acronym the alias table knows stands
 * for its own name, never for another name with its initials. */
static void
test_fragments_and_known_acronyms (void)
{
  const char *texts[] = {
    "The Church of Scientology sued the site. Critics said Scientology lost.\n",
    "Scientology answered the critics on Monday.\n",
    "Researchers at the University of Sheffield said the US will fund the work.\n",
  };
  g_autoptr (KgGraph) graph = build_graph (texts, G_N_ELEMENTS (texts), NULL);
  KgNode *church = node_labelled (graph, "Church of Scientology");
  g_assert_nonnull (church);
  g_assert_cmpstr (rule_of_alias (church, "Scientology"), ==, "fragment");
  g_assert_null (node_labelled (graph, "Scientology"));
  KgNode *sheffield = node_labelled (graph, "University of Sheffield");
  g_assert_nonnull (sheffield);
  g_assert_null (rule_of_alias (sheffield, "US"));
}

static KgAliasRules *
rules_from (const char *text, GError **error)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("kgraph-aliases-XXXXXX", &path, NULL);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  KgAliasRules *rules = kg_alias_rules_load (path, error);
  g_unlink (path);
  return rules;
}

static void
test_alias_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KgAliasRules) rules = rules_from (
      "# corrections\n"
      "Abbas Araghchi != Seyed Abbas Araghchi\n"
      "Minsk = Tehran\n"
      "Volfovich -> ORG\n"
      "!Belarus\n", &error);
  g_assert_no_error (error);
  const char *texts[] = {
    "Foreign Minister Seyed Abbas Araghchi visited the city of Minsk and Belarus.\n",
    "On Monday, Abbas Araghchi met Alexander Volfovich in Tehran. Later, Volfovich said that Belarus signed.\n",
  };
  g_autoptr (KgGraph) graph = build_graph (texts, G_N_ELEMENTS (texts), rules);
  g_assert_nonnull (node_labelled (graph, "Seyed Abbas Araghchi"));
  g_assert_nonnull (node_labelled (graph, "Abbas Araghchi"));  /* kept apart */
  KgNode *tehran = node_labelled (graph, "Tehran");
  g_assert_nonnull (tehran);
  g_assert_cmpstr (rule_of_alias (tehran, "Minsk"), ==, "user");
  g_assert_null (node_labelled (graph, "Minsk"));
  g_assert_cmpint (kg_node_get_entity_type (node_labelled (graph, "Alexander Volfovich")), ==, KG_ENTITY_ORG);
  g_assert_null (node_labelled (graph, "Belarus"));

  static const struct { const char *text, *message; } bad[] = {
    { "Iran -> PLANET\n", ":1: unknown entity type 'PLANET'" },
    { "# fine\n\nIran\n", ":3: expected 'A = B'" },
    { " = Iran\n", ":1: expected 'A = B'" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e = NULL;
      g_autoptr (KgAliasRules) r = rules_from (bad[i].text, &e);
      g_assert_null (r);
      g_assert_error (e, KG_ERROR, KG_ERROR_INPUT);
      if (strstr (e->message, bad[i].message) == NULL)
        g_error ("expected '%s' in: %s", bad[i].message, e->message);
    }
}

static void
test_conllu_columns (void)
{
  g_autoptr (KgDocument) doc = annotate ("n", "Alexander Lukashenko visited Tehran. He met Iranian officials.\n");
  g_autoptr (GString) out = g_string_new (NULL);
  kg_conllu_write (doc, out);
  g_assert_nonnull (strstr (out->str, "NE=B-PERSON|Entity=(1-person"));
  g_assert_nonnull (strstr (out->str, "NE=I-PERSON|Entity=1)"));
  g_assert_nonnull (strstr (out->str, "NE=B-GPE|Entity=(2-gpe)"));
  /* "He" joins the chain of Lukashenko, without being a name */
  const char *he = strstr (out->str, "\tHe\t");
  g_assert_nonnull (he);
  const char *line_end = strchr (he, '\n');
  g_autofree char *line = g_strndup (he, line_end - he);
  g_assert_nonnull (strstr (line, "Entity=(1-person)"));
  g_assert_null (strstr (line, "NE="));
  g_assert_nonnull (strstr (out->str, "NE=B-NORP"));
}

/* A name keeps one type through its document, and its initials name it
 * too ("Zorvath Mining Corporation" ... "ZMC"). */
static void
test_one_type_per_name (void)
{
  g_autoptr (KgDocument) doc = annotate ("a",
      "The Zorvath Mining Corporation opened a new mine in Chile on Monday.\n"
      "Analysts expect ZMC to double its output next year.\n"
      "Zorvath Mining Corporation shares rose.\n");
  const KgMention *full = must_find (doc, "Zorvath Mining Corporation");
  g_assert_cmpint (full->type, ==, KG_ENTITY_ORG);
  const KgMention *initials = must_find (doc, "ZMC");
  g_assert_cmpint (initials->kind, ==, KG_MENTION_NAME);
  g_assert_cmpint (initials->type, ==, KG_ENTITY_ORG);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entities/keys", test_keys);
  g_test_add_func ("/entities/titles-and-types", test_titles_and_types);
  g_test_add_func ("/entities/values", test_values);
  g_test_add_func ("/entities/coreference", test_coreference);
  g_test_add_func ("/entities/cataphora", test_cataphora);
  g_test_add_func ("/entities/titled-persons", test_titled_persons);
  g_test_add_func ("/entities/whole-organisation-names", test_whole_organisation_names);
  g_test_add_func ("/entities/title-before-name", test_title_before_name);
  g_test_add_func ("/entities/never-over-merge", test_never_over_merge);
  g_test_add_func ("/entities/coordinated-acronyms", test_coordinated_acronyms);
  g_test_add_func ("/entities/one-type-per-name", test_one_type_per_name);
  g_test_add_func ("/entities/subdivisions", test_subdivisions);
  g_test_add_func ("/entities/merge-across-documents", test_merge_across_documents);
  g_test_add_func ("/entities/fragments-and-known-acronyms", test_fragments_and_known_acronyms);
  g_test_add_func ("/entities/alias-rules", test_alias_rules);
  g_test_add_func ("/entities/conllu", test_conllu_columns);
  return g_test_run ();
}
