/* test-graph.c: nodes, merges, facts, weights, evidence and stable ids. */
#include <kgraph.h>
#include <string.h>

static KgNode *
mention (KgGraph *graph, const char *surface, KgEntityType type)
{
  KgNodeMention m = { NULL, surface, type, NULL, TRUE };
  return kg_graph_add_mention (graph, &m);
}

static KgEdge *
fact (KgGraph *graph, KgNode *s, const char *p, KgNode *o, guint doc, guint sentence, double confidence)
{
  KgFact f = { .subject = s, .predicate = p, .object = o, .confidence = confidence };
  KgEvidence e = { .document = doc, .sentence = sentence, .start = sentence * 100,
                   .end = sentence * 100 + 50, .text = "A sentence.", .confidence = confidence };
  return kg_graph_add_fact (graph, &f, &e);
}

static void
test_node_merge (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgNode *a = mention (graph, "Iran", KG_ENTITY_GPE);
  KgNode *b = mention (graph, "IRAN", KG_ENTITY_GPE);
  KgNode *c = mention (graph, "Iran", KG_ENTITY_PERSON);
  g_assert_true (a == b && b == c);
  g_assert_cmpuint (kg_graph_get_n_nodes (graph), ==, 1);
  g_assert_cmpuint (kg_node_get_mentions (a), ==, 3);
  g_assert_cmpuint (kg_node_get_n_aliases (a), ==, 2);
  g_assert_cmpstr (kg_node_get_alias (a, 0)->form, ==, "IRAN");
  g_assert_cmpuint (kg_node_get_alias (a, 1)->count, ==, 2);
  /* majority over mentions; identity never depends on the type */
  g_assert_cmpint (kg_node_get_entity_type (a), ==, KG_ENTITY_GPE);
  g_assert_cmpuint (kg_node_get_type_count (a, KG_ENTITY_PERSON), ==, 1);
  g_assert_cmpstr (kg_node_get_label (a), ==, "Iran");
}

static void
test_node_type_ignores_unknown (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  mention (graph, "Minsk", KG_ENTITY_UNKNOWN);
  mention (graph, "Minsk", KG_ENTITY_UNKNOWN);
  KgNode *n = mention (graph, "Minsk", KG_ENTITY_GPE);
  g_assert_cmpint (kg_node_get_entity_type (n), ==, KG_ENTITY_GPE);
  KgNode *u = mention (graph, "Something", KG_ENTITY_UNKNOWN);
  g_assert_cmpint (kg_node_get_entity_type (u), ==, KG_ENTITY_UNKNOWN);
  g_assert_cmpstr (kg_entity_type_to_string (kg_node_get_entity_type (u)), ==, "UNKNOWN");
}

static void
test_node_label_prefers_names (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgNodeMention full = { "seyed abbas araghchi", "Seyed Abbas Araghchi", KG_ENTITY_PERSON, NULL, TRUE };
  KgNodeMention surname = { "seyed abbas araghchi", "Araghchi", KG_ENTITY_PERSON, "surname", TRUE };
  KgNodeMention nominal = { "seyed abbas araghchi", "the Iranian foreign minister", KG_ENTITY_PERSON, "role", FALSE };
  kg_graph_add_mention (graph, &surname);
  kg_graph_add_mention (graph, &nominal);
  KgNode *n = kg_graph_add_mention (graph, &full);
  g_assert_cmpstr (kg_node_get_label (n), ==, "Seyed Abbas Araghchi");
  g_assert_cmpuint (kg_node_get_n_aliases (n), ==, 3);
  g_assert_cmpstr (kg_node_get_alias (n, 0)->form, ==, "Araghchi");
  g_assert_cmpstr (kg_node_get_alias (n, 0)->rule, ==, "surname");
}

static void
test_empty_key_makes_no_node (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  g_assert_null (mention (graph, "  ", KG_ENTITY_UNKNOWN));
  g_assert_cmpuint (kg_graph_get_n_nodes (graph), ==, 0);
}

static void
test_fact_weight_and_evidence (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo d1 = { .id = "b.txt" }, d0 = { .id = "a.txt", .title = "A" };
  guint doc_b = kg_graph_add_document (graph, &d1);
  guint doc_a = kg_graph_add_document (graph, &d0);
  KgNode *raisi = mention (graph, "Raisi", KG_ENTITY_PERSON);
  KgNode *roadmap = mention (graph, "roadmap", KG_ENTITY_CONCEPT);

  KgEdge *e1 = fact (graph, raisi, "sign", roadmap, doc_b, 4, 0.5);
  KgEdge *e2 = fact (graph, raisi, "sign", roadmap, doc_a, 1, 0.5);
  KgEdge *e3 = fact (graph, raisi, "sign", roadmap, doc_a, 1, 0.9);  /* same sentence, same offsets */
  g_assert_true (e1 == e2 && e2 == e3);
  g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, 1);
  g_assert_cmpuint (kg_edge_get_weight (e1), ==, 2);
  g_assert_cmpuint (kg_edge_get_n_evidence (e1), ==, 2);
  /* evidence sorted by document id, not by insertion */
  g_assert_cmpuint (kg_edge_get_evidence (e1, 0)->document, ==, doc_a);
  g_assert_cmpfloat_with_epsilon (kg_edge_get_evidence (e1, 0)->confidence, 0.9, 1e-9);
  g_assert_cmpstr (kg_edge_get_evidence (e1, 1)->text, ==, "A sentence.");
  /* noisy-or: 1 - (1 - 0.9) (1 - 0.5) */
  g_assert_cmpfloat_with_epsilon (kg_edge_get_confidence (e1), 0.95, 1e-9);
}

/* (Raisi, sign, roadmap) from sentence 3 of doc, with a time and place. */
static KgEdge *
signed_at (KgGraph *graph, guint doc, const char *time, const char *place, double confidence)
{
  KgFact f = { .subject = mention (graph, "Raisi", KG_ENTITY_PERSON), .predicate = "sign",
               .object = mention (graph, "roadmap", KG_ENTITY_CONCEPT), .confidence = 1 };
  KgEvidence e = { .document = doc, .sentence = 3, .start = 300, .end = 350, .text = "Raisi signed it.",
                   .confidence = confidence, .time = time, .place = place };
  return kg_graph_add_fact (graph, &f, &e);
}

/* Time and place are kept on the evidence as given, copied, and take part
 * in its order and identity after the sentence: the same sentence with
 * other qualifiers is another record, identical records merge. */
static void
test_evidence_time_and_place (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "doc" };
  guint doc = kg_graph_add_document (graph, &d);
  char place[] = "in Minsk";
  KgEdge *edge = signed_at (graph, doc, "on Monday", place, 0.5);
  place[0] = 'X';  /* the graph keeps its own copy */
  signed_at (graph, doc, "on Monday", "in Minsk", 0.8);   /* identical: merges */
  signed_at (graph, doc, NULL, "in Minsk", 0.4);
  signed_at (graph, doc, "", "", 0.3);                    /* "" is no qualifier */
  signed_at (graph, doc, NULL, NULL, 0.2);                /* the same record */
  signed_at (graph, doc, "on Friday", "в Минске 📰", 0.6);
  signed_at (graph, doc, "on Monday", "at the \"UN\"", 0.7);

  static const struct { const char *time, *place; double confidence; } want[] = {
    { NULL, NULL, 0.3 },
    { NULL, "in Minsk", 0.4 },
    { "on Friday", "в Минске 📰", 0.6 },
    { "on Monday", "at the \"UN\"", 0.7 },
    { "on Monday", "in Minsk", 0.8 },
  };
  g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, 1);
  g_assert_cmpuint (kg_edge_get_n_evidence (edge), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const KgEvidence *ev = kg_edge_get_evidence (edge, i);
      g_assert_cmpstr (ev->time, ==, want[i].time);
      g_assert_cmpstr (ev->place, ==, want[i].place);
      g_assert_cmpfloat_with_epsilon (ev->confidence, want[i].confidence, 1e-9);
      g_assert_cmpstr (ev->text, ==, "Raisi signed it.");
    }
  /* interned: equal strings are one copy */
  g_assert_true (kg_edge_get_evidence (edge, 1)->place == kg_edge_get_evidence (edge, 4)->place);
  g_assert_true (kg_edge_get_evidence (edge, 3)->time == kg_edge_get_evidence (edge, 4)->time);
  /* one sentence, one vote: weight and confidence as if it were one record */
  g_assert_cmpuint (kg_edge_get_weight (edge), ==, 1);
  g_assert_cmpfloat_with_epsilon (kg_edge_get_confidence (edge), 0.8, 1e-9);
}

static void
test_fact_qualifiers_make_distinct_edges (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "doc" };
  guint doc = kg_graph_add_document (graph, &d);
  KgNode *iran = mention (graph, "Iran", KG_ENTITY_GPE);
  KgNode *sco = mention (graph, "SCO", KG_ENTITY_ORG);
  KgNode *speaker = mention (graph, "Raisi", KG_ENTITY_PERSON);
  KgEvidence ev = { .document = doc, .confidence = 1 };
  KgFact plain = { .subject = iran, .predicate = "join", .object = sco, .confidence = 1 };
  KgFact negated = plain, future = plain, attributed = plain;
  negated.polarity = KG_POLARITY_NEGATIVE;
  future.modality = KG_MODALITY_FUTURE;
  attributed.attributed_to = speaker;
  KgEdge *edges[] = {
    kg_graph_add_fact (graph, &plain, &ev), kg_graph_add_fact (graph, &negated, &ev),
    kg_graph_add_fact (graph, &future, &ev), kg_graph_add_fact (graph, &attributed, &ev),
  };
  g_assert_cmpuint (kg_graph_get_n_edges (graph), ==, 4);
  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      g_assert_cmpstr (kg_edge_get_id (edges[i]), !=, kg_edge_get_id (edges[j]));
  g_assert_cmpint (kg_edge_get_polarity (edges[1]), ==, KG_POLARITY_NEGATIVE);
  g_assert_cmpstr (kg_modality_to_string (kg_edge_get_modality (edges[2])), ==, "future");
  g_assert_true (kg_edge_get_attributed_to (edges[3]) == speaker);
}

static void
test_predicate_surface_majority (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "doc" };
  guint doc = kg_graph_add_document (graph, &d);
  KgNode *a = mention (graph, "A", KG_ENTITY_PERSON), *b = mention (graph, "B", KG_ENTITY_PERSON);
  const char *surfaces[] = { "signed", "has signed", "signed", "will sign" };
  KgEdge *edge = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      KgFact f = { .subject = a, .predicate = "sign", .predicate_surface = surfaces[i], .object = b, .confidence = 1 };
      KgEvidence e = { .document = doc, .sentence = i, .confidence = 1 };
      edge = kg_graph_add_fact (graph, &f, &e);
    }
  g_assert_cmpstr (kg_edge_get_predicate (edge), ==, "sign");
  g_assert_cmpstr (kg_edge_get_predicate_surface (edge), ==, "signed");
}

/* Builds the same graph from the facts in two orders. */
static KgGraph *
build_in_order (gboolean reversed)
{
  static const char *triples[][3] = {
    { "Iran", "border", "Iraq" }, { "Belarus", "border", "Russia" },
    { "Minsk", "capital of", "Belarus" }, { "Tehran", "capital of", "Iran" },
  };
  KgGraph *graph = kg_graph_new ();
  KgDocumentInfo d = { .id = "doc" };
  guint doc = kg_graph_add_document (graph, &d);
  for (guint k = 0; k < G_N_ELEMENTS (triples); k++)
    {
      guint i = reversed ? G_N_ELEMENTS (triples) - 1 - k : k;
      fact (graph, mention (graph, triples[i][0], KG_ENTITY_GPE), triples[i][1],
            mention (graph, triples[i][2], KG_ENTITY_GPE), doc, i, 1.0);
    }
  return graph;
}

static void
test_ids_do_not_depend_on_order (void)
{
  g_autoptr (KgGraph) forward = build_in_order (FALSE);
  g_autoptr (KgGraph) backward = build_in_order (TRUE);
  GPtrArray *fn = kg_graph_get_nodes (forward), *bn = kg_graph_get_nodes (backward);
  GPtrArray *fe = kg_graph_get_edges (forward), *be = kg_graph_get_edges (backward);
  g_assert_cmpuint (fn->len, ==, 6);
  g_assert_cmpuint (fe->len, ==, 4);
  for (guint i = 0; i < fn->len; i++)
    {
      g_assert_cmpstr (kg_node_get_id (fn->pdata[i]), ==, kg_node_get_id (bn->pdata[i]));
      g_assert_cmpstr (kg_node_get_key (fn->pdata[i]), ==, kg_node_get_key (bn->pdata[i]));
    }
  for (guint i = 0; i < fe->len; i++)
    g_assert_cmpstr (kg_edge_get_id (fe->pdata[i]), ==, kg_edge_get_id (be->pdata[i]));
  /* sorted by key */
  g_assert_cmpstr (kg_node_get_key (fn->pdata[0]), ==, "belarus");
  g_assert_cmpstr (kg_edge_get_predicate (fe->pdata[0]), ==, "border");
  /* ids are a letter and 16 hex digits */
  const char *id = kg_node_get_id (fn->pdata[0]);
  g_assert_cmpint (id[0], ==, 'n');
  g_assert_cmpuint (strlen (id), ==, 17);
}

static void
test_documents (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgDocumentInfo b = { .id = "b" }, a = { .id = "a" }, a2 = { .id = "a", .title = "Title", .date = "2024-04-16" };
  g_assert_cmpuint (kg_graph_add_document (graph, &b), ==, 0);
  g_assert_cmpuint (kg_graph_add_document (graph, &a), ==, 1);
  g_assert_cmpuint (kg_graph_add_document (graph, &a2), ==, 1);
  g_assert_cmpuint (kg_graph_get_n_documents (graph), ==, 2);
  g_assert_cmpstr (kg_graph_get_document (graph, 1)->title, ==, "Title");
  GArray *order = kg_graph_get_document_order (graph);
  g_assert_cmpuint (g_array_index (order, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 0);
}

static void
test_type_names (void)
{
  KgEntityType t;
  g_assert_true (kg_entity_type_from_string ("person", &t) && t == KG_ENTITY_PERSON);
  g_assert_true (kg_entity_type_from_string ("PER", &t) && t == KG_ENTITY_PERSON);
  g_assert_true (kg_entity_type_from_string ("Organization", &t) && t == KG_ENTITY_ORG);
  g_assert_true (kg_entity_type_from_string ("GPE", &t) && t == KG_ENTITY_GPE);
  g_assert_false (kg_entity_type_from_string ("PLANET", &t));
  for (guint i = 0; i < KG_ENTITY_N_TYPES; i++)
    {
      g_assert_true (kg_entity_type_from_string (kg_entity_type_to_string (i), &t));
      g_assert_cmpint (t, ==, i);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graph/node/merge", test_node_merge);
  g_test_add_func ("/graph/node/type-ignores-unknown", test_node_type_ignores_unknown);
  g_test_add_func ("/graph/node/label-prefers-names", test_node_label_prefers_names);
  g_test_add_func ("/graph/node/empty-key", test_empty_key_makes_no_node);
  g_test_add_func ("/graph/fact/weight-and-evidence", test_fact_weight_and_evidence);
  g_test_add_func ("/graph/fact/qualifiers", test_fact_qualifiers_make_distinct_edges);
  g_test_add_func ("/graph/fact/evidence-time-and-place", test_evidence_time_and_place);
  g_test_add_func ("/graph/fact/predicate-surface", test_predicate_surface_majority);
  g_test_add_func ("/graph/ids/order-independent", test_ids_do_not_depend_on_order);
  g_test_add_func ("/graph/documents", test_documents);
  g_test_add_func ("/graph/type-names", test_type_names);
  return g_test_run ();
}
