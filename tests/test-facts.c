/* test-facts.c: the facts stage (facts.c) on sentences written for these
 * tests, run through the shipped models and lexicons to the graph: each
 * fact an edge, its evidence the sentence with the fact's time and place
 * as written. */
#include "entity/entity-merge.h"
#include "pipeline-test-util.h"
#include "reader-test-util.h"

/* The graph of one plain-text document.  (transfer full) */
static KgGraph *
graph_of (const char *text)
{
  KgPipeline *pipeline = shared_pipeline (KG_STAGE_FACTS);
  g_autoptr (KgDocument) doc = read_text (text);
  kg_pipeline_annotate (pipeline, doc);
  KgGraph *graph = kg_graph_new ();
  kg_pipeline_add_to_graph (pipeline, doc, graph, NULL);
  return graph;
}

/* The edge (subject key, predicate, object key), or NULL. */
static const KgEdge *
find_edge (KgGraph *graph, const char *subject, const char *predicate, const char *object)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    if (strcmp (kg_node_get_key (kg_edge_get_subject (edges->pdata[i])), subject) == 0
        && strcmp (kg_edge_get_predicate (edges->pdata[i]), predicate) == 0
        && strcmp (kg_node_get_key (kg_edge_get_object (edges->pdata[i])), object) == 0)
      return edges->pdata[i];
  return NULL;
}

/* One line per edge and evidence record, for failure messages. */
static char *
describe (KgGraph *graph)
{
  GString *out = g_string_new (NULL);
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    for (guint k = 0; k < kg_edge_get_n_evidence (edges->pdata[i]); k++)
      {
        const KgEvidence *ev = kg_edge_get_evidence (edges->pdata[i], k);
        g_string_append_printf (out, "(%s, %s, %s) time=%s place=%s\n",
                                kg_node_get_key (kg_edge_get_subject (edges->pdata[i])),
                                kg_edge_get_predicate (edges->pdata[i]),
                                kg_node_get_key (kg_edge_get_object (edges->pdata[i])), ev->time, ev->place);
      }
  return g_string_free (out, FALSE);
}

/* Time and place stay on the evidence as written, marker and capitals
 * included; they are no fact or node of their own (edges: every edge of
 * the sentence's graph). */
static void
test_time_and_place (void)
{
  static const struct {
    const char *sentence, *subject, *predicate, *object, *time, *place;
    guint edges;
  } cases[] = {
    { "Raisi signed the roadmap in Minsk on Monday.", "raisi", "sign", "roadmap", "on Monday", "in Minsk", 1 },
    { "In Minsk, the two presidents signed 12 documents on March 13, 2023.", "president", "sign", "document",
      "on March 13, 2023", "In Minsk", 1 },
    { "Iran and Belarus signed a deal last year.", "iran", "sign", "deal", "last year", NULL, 3 },
    { "Iran and Belarus signed a deal last year.", "belarus", "sign", "deal", "last year", NULL, 3 },
    { "Iran and Belarus signed a deal last year.", "iran", "sign with", "belarus", "last year", NULL, 3 },
    { "Last year, Iran joined the SCO in Astana.", "iran", "join", "shanghai cooperation organization",
      "Last year", "in Astana", 1 },
    { "Raisi spoke with Lukashenko at the United Nations.", "raisi", "speak with", "lukashenko", NULL,
      "at the United Nations", 1 },
    { "Raisi will visit Minsk next week.", "raisi", "visit", "minsk", "next week", NULL, 1 },
    { "Raisi signed the roadmap.", "raisi", "sign", "roadmap", NULL, NULL, 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgGraph) graph = graph_of (cases[i].sentence);
      g_autofree char *edges = describe (graph);
      g_test_message ("%s\n%s", cases[i].sentence, edges);
      g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, cases[i].edges);
      const KgEdge *edge = find_edge (graph, cases[i].subject, cases[i].predicate, cases[i].object);
      g_assert_nonnull (edge);
      g_assert_cmpuint (kg_edge_get_n_evidence (edge), ==, 1);
      const KgEvidence *ev = kg_edge_get_evidence (edge, 0);
      g_assert_cmpstr (ev->text, ==, cases[i].sentence);
      g_assert_cmpstr (ev->time, ==, cases[i].time);
      g_assert_cmpstr (ev->place, ==, cases[i].place);
    }
}

/* The edge (subject key, normalised relation, object key), or NULL. */
static const KgEdge *
find_relation (KgGraph *graph, const char *subject, const char *relation, const char *object)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    if (strcmp (kg_node_get_key (kg_edge_get_subject (edges->pdata[i])), subject) == 0
        && strcmp (kg_edge_get_relation (edges->pdata[i]), relation) == 0
        && strcmp (kg_node_get_key (kg_edge_get_object (edges->pdata[i])), object) == 0)
      return edges->pdata[i];
  return NULL;
}

/* The facts between entities a reader takes from news, in the wordings
 * news uses: offices, memberships, co-signers, meetings and visits named
 * by verbs or nouns, and entities inside a common-noun argument. */
static void
test_entity_facts (void)
{
  static const struct {
    const char *sentence, *subject, *relation, *object, *office;
  } cases[] = {
    /* offices: a title before the name, with a nationality, a possessor or "of" */
    { "The Norwegian Defence Minister Anna Berg visited Oslo.", "anna berg", "holds office", "norway",
      "defence minister" },
    { "Norway's foreign minister Anna Berg met Tom Lind.", "anna berg", "holds office", "norway",
      "foreign minister" },
    { "Iran's Parliament Speaker, Mohammad Baqer Qalibaf, urged for an acceleration of banking relations.",
      "mohammad baqer qalibaf", "holds office", "iran", "parliament speaker" },
    { "Iranian Supreme Leader Ali Khamenei emphasized the areas of cooperation.", "ali khamenei", "holds office",
      "iran", "supreme leader" },
    /* ... after the name */
    { "Anna Berg, Norway's interior minister, criticised the plan.", "anna berg", "holds office", "norway",
      "interior minister" },
    { "Alexander Volfovich, State Secretary of Belarus's National Security Council, met the delegation.",
      "alexander volfovich", "holds office", "national security council", "state secretary" },
    /* a counterpart holds the office named before */
    { "In July 2023, Belarusian Defence Minister Viktor Khrenin and his Iranian counterpart, Mohammad Reza "
      "Ashtiani, signed a memorandum on military cooperation.", "mohammad reza ashtiani", "holds office", "iran",
      "defence minister" },
    /* memberships */
    { "NATO's members include Sweden and Norway.", "sweden", "member of", "north atlantic treaty organization", NULL },
    { "NATO's members include Sweden and Norway.", "norway", "member of", "north atlantic treaty organization", NULL },
    { "Sweden, a member of NATO, signed the treaty.", "sweden", "member of", "north atlantic treaty organization", NULL },
    { "Sweden, which joined NATO in 2024, hosted the summit.", "sweden", "member of", "north atlantic treaty organization", NULL },
    { "Tom Lind of Amnesty International criticised Norway.", "tom lind", "member of", "amnesty international",
      NULL },
    /* offices in an "at" phrase, after "a", and closing a sentence */
    { "\"It was worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said.", "khaled al maeena",
      "holds office", "saudi gazette", "editor" },
    { "Montalvo was put through to a Scientology attorney, Kendrick Moxon.", "kendrick moxon", "holds office",
      "scientology", "attorney" },
    /* co-signers, active and passive, and coordinated objects */
    { "Sweden and Norway signed the accord on Monday.", "sweden", "signed", "norway", NULL },
    { "The treaty was signed by Denmark and Finland.", "denmark", "signed", "finland", NULL },
    /* ... with a title before the second name, which parsers take for an apposition */
    { "Iran's President Ebrahim Raisi and Belarusian President Alexander Lukashenko have signed a roadmap.",
      "ebrahim raisi", "signed", "alexander lukashenko", NULL },
    { "Anna Berg met Tom Lind and Mark Stone.", "anna berg", "met", "tom lind", NULL },
    { "Norway and Sweden held talks in Oslo on Monday.", "norway", "met", "sweden", NULL },
    { "Norway and Sweden have maintained close consultations over recent years.", "norway", "cooperates with",
      "sweden", NULL },
    /* a verb the tagger took for a noun */
    { "Norway views Sweden as a key partner.", "norway", "view", "sweden", NULL },
    { "Anna Berg met Tom Lind and Mark Stone.", "anna berg", "met", "mark stone", NULL },
    /* a "with" phrase the parser hung on a time word */
    { "Anna Berg met on Monday with Tom Lind, the Swedish foreign minister.", "anna berg", "met", "tom lind", NULL },
    /* spoke with, allied with, in charge of */
    { "Anna Berg spoke with Tom Lind on Tuesday.", "anna berg", "spoke with", "tom lind", NULL },
    { "The rebels allied with the Islamic State last year.", "rebel", "allied with", "islamic state", NULL },
    { "Anna Berg leads the Moderate Party.", "anna berg", "in charge of", "moderate party", NULL },
    /* a title the parser made a second subject */
    { "Apple CEO Tim Cook met Anna Berg in Oslo on Monday.", "tim cook", "met", "anna berg", NULL },
    /* events named by nouns */
    { "Anna Berg's visit to Oslo was a success.", "anna berg", "visited", "oslo", NULL },
    { "During Anna Berg's trip to Oslo, she met the king.", "anna berg", "visited", "oslo", NULL },
    { "Anna Berg's meeting with Tom Lind lasted two hours.", "anna berg", "met", "tom lind", NULL },
    /* an event phrase before the verb is the subject's, a role nominal its holder */
    { "Norwegian President Tom Lind arrived. In a meeting with the Norwegian president, Anna Berg emphasized "
      "cooperation.", "anna berg", "met", "tom lind", NULL },
    /* attacks named by nouns, their agents nationalities or names */
    { "Belarus condemned U.S. and Israeli attacks on Iran's nuclear facilities.", "israel", "attacks", "iran", NULL },
    { "Belarus condemned U.S. and Israeli attacks on Iran's nuclear facilities.", "united states", "attacks", "iran",
      NULL },
    { "Russian strikes on Kharkiv killed ten people.", "russia", "attacks", "kharkiv", NULL },
    /* what one condemns or backs is also whoever it belongs to */
    { "Belarus condemned U.S. and Israeli attacks on Iran.", "belarus", "opposes", "israel", NULL },
    { "Iran and Belarus oppose US unilateralism.", "belarus", "opposes", "united states", NULL },
    /* "thanked X for doing": X does it */
    { "Anna Berg thanked Norway for condemning the Swedish attacks.", "norway", "opposes", "sweden", NULL },
    { "The coalition carried out strikes against the Islamic State.", "coalition", "attacks", "islamic state", NULL },
    /* passives and copulas */
    { "Tom Lind was born in Norway.", "tom lind", "be born in", "norway", NULL },
    { "Tom Lind was given Norwegian nationality in 2020.", "tom lind", "be given nationality", "norway", NULL },
    /* an entity beside a common-noun object */
    { "The Houthis launched missiles at Israel on Tuesday.", "houthis", "attacks", "israel", NULL },
    { "Sweden signed a defence deal with Norway.", "sweden", "signed", "norway", NULL },
    /* a nationality's troops or government stand for its country */
    { "The militia clashed with Ukrainian troops near Bakhmut.", "militia", "fights", "ukraine", NULL },
    { "Sudan's army has been fighting the rebels since April.", "sudan", "fights", "rebel", NULL },
    { "Hezbollah fighters clashed with Israeli forces near the border.", "hezbollah", "fights", "israel", NULL },
    { "The militants attacked an African Union base in Somalia.", "militant", "attacks", "african union", NULL },
    /* an office named by a lower-case portfolio */
    { "Pakistan's army chief, General Asim Munir, met the delegation.", "asim munir", "holds office", "pakistan",
      "army chief" },
    /* an entity inside a common-noun argument */
    { "Anna Berg supports Tom Lind's candidacy.", "anna berg", "supports", "tom lind", NULL },
    { "The coalition conducted 26 strikes against the Islamic State.", "coalition", "attacks",
      "islamic state", NULL },
    /* no time word in a person's node */
    { "Earlier this year Anna Berg visited Norway.", "anna berg", "visited", "norway", NULL },
    /* offices in "of" and "for" phrases, and with an organisation as owner */
    { "Also the president of the Lombardy region, Roberto Maroni, has reacted.", "roberto maroni", "holds office",
      "lombardy region", "president" },
    { "Major general Fuad Basya, spokesman for the Indonesian military, said fishermen noticed the boat.",
      "fuad basya", "holds office", "indonesia", "spokesman" },
    { "Malaysia's Prime Minister, Najib Razak said the talks went well.", "najib razak", "holds office", "malaysia",
      "prime minister" },
    /* relations a noun names between two parties */
    { "Anna Berg said relations between Norway and Sweden are steadily expanding.", "norway", "cooperates with",
      "sweden", NULL },
    { "Norwegian-Swedish relations have grown.", "norway", "cooperates with", "sweden", NULL },
    { "Firms gained after the Free Trade Agreement between Norway and the European Union.", "norway",
      "have free trade agreement with", "european union", NULL },
    /* trade and alignment */
    { "In 2021, the trade volume between Norway and Sweden exceeded $33 million.", "norway", "trades with", "sweden",
      NULL },
    /* a place named with the place it lies in */
    { "Thomas Sam, from Sydney, Australia, was jailed.", "sydney", "located in", "australia", NULL },
    /* a place said to be a kind of thing in a place; memberships with a qualifier */
    { "The Instituto Gonzaga, a school in Milan, must pay the tax.", "instituto gonzaga", "located in", "milan",
      NULL },
    { "Tom Cruise, a well-known member of the Church of Scientology, appeared in the video.", "tom cruise",
      "member of", "church of scientology", NULL },
    /* "the two countries": the two countries named last, relating to each other */
    { "Norway and Sweden met in Oslo. The two countries support each other at major forums.", "norway",
      "supports", "sweden", NULL },
    { "Norway and Sweden met in Oslo. The two countries support each other at major forums.", "sweden",
      "supports", "norway", NULL },
    /* "I" in a quotation is its speaker */
    { "Lukashenko stated at the meeting that \"I have come to Iran to open a new page.\"", "lukashenko",
      "visited", "iran", NULL },
    /* an organisation named with its country's nationality is in it */
    { "The religion was banned by the Greek Ministry of Culture.", "greek ministry of culture", "located in",
      "greece", NULL },
    { "Iran's Guardian Council approved the law on Sunday.", "guardian council", "located in", "iran", NULL },
    /* a place with a place's possessive, or a name with its country after a comma */
    { "The crane fell into Mecca's Grand Mosque on Friday.", "grand mosque", "located in", "mecca", NULL },
    { "Norway's Finnmark region is cold.", "finnmark region", "located in", "norway", NULL },
    { "The study came from the University of Sheffield, United Kingdom, last week.", "university of sheffield",
      "located in", "united kingdom", NULL },
    /* telling someone */
    { "Aref told Belarusian Industry Minister Andrei Kuznetsov that the meeting was useful.", "aref", "said",
      "andrei kuznetsov", NULL },
    /* a place named before an event noun */
    { "Anna Berg's Oslo visit was a success.", "anna berg", "visited", "oslo", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgGraph) graph = graph_of (cases[i].sentence);
      g_autofree char *edges = describe (graph);
      g_test_message ("%s\n%s", cases[i].sentence, edges);
      const KgEdge *edge = find_relation (graph, cases[i].subject, cases[i].relation, cases[i].object);
      g_assert_nonnull (edge);
      g_assert_cmpstr (kg_edge_get_office (edge), ==, cases[i].office);
    }
}

/* The graph of several documents, consolidated as a build does it; the
 * number of office holders no document names goes to *unresolved.
 * (transfer full) */
static KgGraph *
graph_of_documents (const char *const *texts, guint n, guint *unresolved)
{
  KgPipeline *pipeline = shared_pipeline (KG_STAGE_FACTS);
  KgGraph *graph = kg_graph_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KgDocument) doc = read_text (texts[i]);
      kg_pipeline_annotate (pipeline, doc);
      kg_pipeline_add_to_graph (pipeline, doc, graph, NULL);
    }
  kg_entities_consolidate (graph, NULL);
  *unresolved = kg_entities_resolve_offices (graph);
  return graph;
}

/* "The Belarusian president" where a document names no one: the one
 * president of Belarus the graph knows, else a concept counted as
 * unresolved; never a node of its own once resolved. */
static void
test_office_holders_across_documents (void)
{
  static const char *const texts[] = {
    "Anna Berg met the Norwegian president in Oslo. She also met the Swedish prime minister. She later met "
    "with the secretary of Norway's Security Council.",
    "Norwegian President Tom Lind opened the summit.",
    "Mark Stone, State Secretary of Norway's National Security Council, spoke.",
  };
  guint unresolved = 0;
  g_autoptr (KgGraph) graph = graph_of_documents (texts, G_N_ELEMENTS (texts), &unresolved);
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  g_assert_nonnull (find_relation (graph, "anna berg", "met", "tom lind"));
  /* an organisation's office, its name cut short in one article */
  g_assert_nonnull (find_relation (graph, "anna berg", "met", "mark stone"));
  g_assert_cmpuint (unresolved, ==, 1);
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    if (kg_is_office_key (kg_node_get_key (nodes->pdata[i])))
      {
        g_assert_cmpint (kg_node_get_entity_type (nodes->pdata[i]), ==, KG_ENTITY_CONCEPT);
        g_assert_nonnull (strstr (kg_node_get_label (nodes->pdata[i]), "prime minister"));
      }
}

/* In a quotation inversion the speaker is the name after the verb, and
 * the quote's words are never a subject of theirs. */
static void
test_quotation_inversion (void)
{
  g_autoptr (KgGraph) graph = graph_of ("\"Norway will support Sweden,\" wrote Anna Berg, founder of Acme.");
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  const KgEdge *edge = find_relation (graph, "norway", "supports", "sweden");
  g_assert_nonnull (edge);
  g_assert_nonnull (kg_edge_get_attributed_to (edge));
  g_assert_cmpstr (kg_node_get_key (kg_edge_get_attributed_to (edge)), ==, "anna berg");
  g_assert_cmpint (kg_edge_get_modality (edge), ==, KG_MODALITY_FUTURE);
  GPtrArray *all = kg_graph_get_edges (graph);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (kg_node_get_key (kg_edge_get_object (all->pdata[i])), !=, "norway will support sweden");
}

/* Concept labels keep the case of their proper parts and are lower case
 * otherwise, the head lemmatised unless its plural means more. */
static void
test_concept_labels (void)
{
  g_autoptr (KgGraph) graph = graph_of ("Iran-Belarus relations have gained strategic weight. The Two "
                                        "Countries signed New Economic Agreements.");
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  gboolean relations = FALSE, weight = FALSE;
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    {
      const char *label = kg_node_get_label (nodes->pdata[i]);
      relations |= strcmp (label, "Iran-Belarus relations") == 0;
      weight |= strcmp (label, "strategic weight") == 0;
    }
  g_assert_true (relations);
  g_assert_true (weight);
}

/* An organisation's name cut short is the organisation. */
static void
test_name_fragments (void)
{
  g_autoptr (KgGraph) graph = graph_of ("Iran joined the Shanghai Cooperation Organization last year. "
                                        "The Cooperation Organization welcomed Iran.");
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  g_assert_null (kg_graph_lookup_node (graph, "cooperation organization"));
  g_assert_nonnull (kg_graph_lookup_node (graph, "shanghai cooperation organization"));

  /* an editor's brackets complete a name: no node for "Shanghai" alone */
  g_autoptr (KgGraph) bracketed = graph_of ("Iran can use the capacity of Shanghai [Cooperation Organization] and "
                                            "the Eurasian Economic Union.");
  g_assert_null (kg_graph_lookup_node (bracketed, "shanghai"));
  KgNode *sco = kg_graph_lookup_node (bracketed, "shanghai cooperation organization");
  g_assert_nonnull (sco);
  g_assert_cmpstr (kg_node_get_label (sco), ==, "Shanghai [Cooperation Organization]");
}

/* Condemning an attack on a country is no attack on it; a finite clause
 * whose subject the parser lost does not take the main clause's. */
static void
test_no_false_facts (void)
{
  g_autoptr (KgGraph) graph = graph_of ("Belarus condemned U.S. and Israeli attacks on Iran.");
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  g_assert_null (find_relation (graph, "belarus", "attacks", "iran"));
  g_autoptr (KgGraph) students = graph_of ("Anna Berg added that the degrees are well evaluated and of a high "
                                           "standard, noting that more than 10,000 Chinese students are currently "
                                           "studying in Norway.");
  g_autofree char *more = describe (students);
  g_test_message ("%s", more);
  g_assert_null (find_edge (students, "anna berg", "study in", "norway"));
  /* items of a list of places are not in each other; a role is no place */
  g_autoptr (KgGraph) list = graph_of ("Leaders of Norway, Sweden and Finland met in Oslo. Anna Berg visited Oslo, "
                                       "Bergen, Norway, and Malmo. Norway's Parliament Speaker, Tom Lind, spoke.");
  g_autofree char *list_edges = describe (list);
  g_test_message ("%s", list_edges);
  GPtrArray *all = kg_graph_get_edges (list);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (kg_edge_get_relation (all->pdata[i]), "located in") == 0)
      g_assert_cmpstr (kg_node_get_key (kg_edge_get_subject (all->pdata[i])), !=, "sweden");
  g_assert_null (find_relation (list, "norway", "located in", "sweden"));
  g_assert_null (find_relation (list, "bergen", "located in", "norway"));
  g_assert_null (find_relation (list, "parliament speaker", "located in", "norway"));
}

/* Forms of address and ranks are no offices, and a possessor never "has"
 * the person its title names. */
static void
test_no_false_offices (void)
{
  static const char *const sentences[] = {
    "Ayatollah Ali Khamenei met Dr. Tom Lind and Gen. Mark Stone.",
    "Norway's foreign minister Anna Berg met Tom Lind.",
  };
  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autoptr (KgGraph) graph = graph_of (sentences[i]);
      g_autofree char *edges = describe (graph);
      g_test_message ("%s\n%s", sentences[i], edges);
      GPtrArray *all = kg_graph_get_edges (graph);
      for (guint e = 0; e < all->len; e++)
        {
          const char *office = kg_edge_get_office (all->pdata[e]);
          g_assert_true (office == NULL || (strcmp (office, "ayatollah") != 0 && strcmp (office, "dr") != 0));
          g_assert_cmpstr (kg_edge_get_predicate (all->pdata[e]), !=, "have");
          g_assert_cmpstr (kg_node_get_key (kg_edge_get_object (all->pdata[e])), !=, "dr");
        }
    }
}

/* The entity-centric graph keeps what is about an entity, a date or an
 * amount, and sets aside what joins two common-noun phrases with the nodes
 * only they were about. */
static void
test_entity_centric (void)
{
  g_autoptr (KgGraph) graph = graph_of ("Anna Berg visited Oslo. The current trade volume does not reflect the "
                                        "true potential. The budget rose to $5 million.");
  g_autofree char *edges = describe (graph);
  g_test_message ("%s", edges);
  g_assert_nonnull (find_edge (graph, "current trade volume", "reflect", "true potential"));
  guint before = kg_graph_get_n_edges (graph);
  g_assert_cmpuint (kg_graph_keep_entity_facts (graph), ==, 1);
  g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, before - 1);
  g_assert_null (find_edge (graph, "current trade volume", "reflect", "true potential"));
  g_assert_null (kg_graph_lookup_node (graph, "true potential"));
  g_assert_nonnull (find_edge (graph, "anna berg", "visit", "oslo"));
  GPtrArray *aside = kg_graph_get_set_aside_edges (graph);
  g_assert_cmpuint (aside->len, ==, 1);
  g_assert_cmpstr (kg_edge_get_predicate (aside->pdata[0]), ==, "reflect");
  /* an amount anchors its fact */
  GPtrArray *kept = kg_graph_get_edges (graph);
  gboolean amount = FALSE;
  for (guint i = 0; i < kept->len; i++)
    amount |= kg_node_get_entity_type (kg_edge_get_object (kept->pdata[i])) == KG_ENTITY_MONEY;
  g_assert_true (amount);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/facts/time-and-place", test_time_and_place);
  g_test_add_func ("/facts/entity-facts", test_entity_facts);
  g_test_add_func ("/facts/no-false-offices", test_no_false_offices);
  g_test_add_func ("/facts/no-false-facts", test_no_false_facts);
  g_test_add_func ("/facts/entity-centric", test_entity_centric);
  g_test_add_func ("/facts/office-holders-across-documents", test_office_holders_across_documents);
  g_test_add_func ("/facts/name-fragments", test_name_fragments);
  g_test_add_func ("/facts/concept-labels", test_concept_labels);
  g_test_add_func ("/facts/quotation-inversion", test_quotation_inversion);
  return g_test_run ();
}
