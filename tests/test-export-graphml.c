/* test-export-graphml.c: the GraphML export parsed back with libxml2:
 * keys as declared in graphml-schema.c, node and edge data, evidence
 * lines with their time and place, the time and place lists, cleaned
 * text, collapsed parallel edges, determinism, clean lint. */
#include "sample-graph.h"
#include "export/graphml-schema.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

typedef struct {
  xmlDocPtr doc;
  GHashTable *data;   /* element id -> (GHashTable key id -> value) */
  GPtrArray *keys;    /* xmlNode of each <key>, in order */
  GPtrArray *edges;   /* xmlNode of each <edge> */
  guint nodes;
} Parsed;

static void
parsed_free (Parsed *p)
{
  g_hash_table_unref (p->data);
  g_ptr_array_unref (p->keys);
  g_ptr_array_unref (p->edges);
  xmlFreeDoc (p->doc);
  g_free (p);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static char *
prop (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static Parsed *
parse (KgGraph *graph, gboolean collapse)
{
  KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .collapse_parallel = collapse };
  gsize length;
  g_autofree char *xml = sample_export (graph, KG_FORMAT_GRAPHML, &options, &length);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  Parsed *p = g_new0 (Parsed, 1);
  p->doc = xmlReadMemory (xml, length, NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (p->doc);
  p->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  p->keys = g_ptr_array_new ();
  p->edges = g_ptr_array_new ();
  xmlNodePtr root = xmlDocGetRootElement (p->doc);
  g_assert_cmpstr ((const char *) root->name, ==, "graphml");
  g_assert_cmpstr ((const char *) root->ns->href, ==, KG_GRAPHML_NS);
  guint graphs = 0;
  for (xmlNodePtr child = root->children; child; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) child->name, "key") == 0)
        {
          g_assert_cmpuint (graphs, ==, 0);
          g_ptr_array_add (p->keys, child);
          continue;
        }
      g_assert_cmpstr ((const char *) child->name, ==, "graph");
      g_autofree char *edgedefault = prop (child, "edgedefault");
      g_assert_cmpstr (edgedefault, ==, "directed");
      graphs++;
      for (xmlNodePtr element = child->children; element; element = element->next)
        {
          if (element->type != XML_ELEMENT_NODE)
            continue;
          if (strcmp ((const char *) element->name, "node") == 0)
            p->nodes++;
          else
            g_ptr_array_add (p->edges, element);
          GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          for (xmlNodePtr d = element->children; d; d = d->next)
            if (d->type == XML_ELEMENT_NODE)
              {
                xmlChar *text = xmlNodeGetContent (d);
                g_hash_table_insert (values, prop (d, "key"), g_strdup ((const char *) text));
                xmlFree (text);
              }
          char *id = prop (element, "id");
          g_assert_false (g_hash_table_contains (p->data, id));
          g_hash_table_insert (p->data, id, values);
        }
    }
  g_assert_cmpuint (graphs, ==, 1);
  return p;
}

static const char *
value_of (Parsed *p, const char *id, KgGraphmlKey key)
{
  GHashTable *values = g_hash_table_lookup (p->data, id);
  g_assert_nonnull (values);
  return g_hash_table_lookup (values, kg__graphml_key (key)->id);
}

static void
test_keys (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Parsed) p = parse (graph, FALSE);
  g_assert_cmpuint (p->keys->len, ==, KG_N_KEYS);
  for (guint k = 0; k < KG_N_KEYS; k++)
    {
      const KgGraphmlKeyInfo *info = kg__graphml_key (k);
      g_autofree char *id = prop (p->keys->pdata[k], "id");
      g_autofree char *domain = prop (p->keys->pdata[k], "for");
      g_autofree char *name = prop (p->keys->pdata[k], "attr.name");
      g_autofree char *type = prop (p->keys->pdata[k], "attr.type");
      g_assert_cmpstr (id, ==, info->id);
      g_assert_cmpstr (domain, ==, info->domain == KG_GRAPHML_FOR_NODE ? "node" : "edge");
      g_assert_cmpstr (name, ==, info->name);
      g_assert_cmpstr (type, ==, kg__graphml_type_name (info->type));
    }
}

static void
test_nodes (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Parsed) p = parse (graph, FALSE);
  g_assert_cmpuint (p->nodes, ==, kg_graph_get_n_nodes (graph));
  static const struct { const char *key, *label, *type, *mentions, *counts; } cases[] = {
    { "iran", "Iran", "GPE", "4", "GPE=4" },
    { "seyed abbas araghchi", "Seyed Abbas Araghchi", "PERSON", "3", "PERSON=3" },
    { "<b>ärzte co< b>", "<b>Ärzte & Co</b>", "ORG", "1", "ORG=1" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *id = kg_node_get_id (kg_graph_lookup_node (graph, cases[i].key));
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_LABEL), ==, cases[i].label);
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_TYPE), ==, cases[i].type);
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_CANONICAL_KEY), ==, cases[i].key);
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_ALIASES), ==, cases[i].label);
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_MENTIONS), ==, cases[i].mentions);
      g_assert_cmpstr (value_of (p, id, KG_KEY_NODE_TYPE_COUNTS), ==, cases[i].counts);
    }
}

static void
test_edges (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Parsed) p = parse (graph, FALSE);
  g_assert_cmpuint (p->edges->len, ==, kg_graph_get_n_edges (graph));
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      const KgEdge *edge = edges->pdata[i];
      const char *id = kg_edge_get_id (edge);
      g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_LABEL), ==, kg_edge_get_predicate (edge));
      g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_POLARITY), ==, kg_polarity_to_string (kg_edge_get_polarity (edge)));
      g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_MODALITY), ==, kg_modality_to_string (kg_edge_get_modality (edge)));
      g_assert_cmpfloat (g_ascii_strtod (value_of (p, id, KG_KEY_EDGE_WEIGHT), NULL), ==, kg_edge_get_weight (edge));
      g_assert_cmpfloat (g_ascii_strtod (value_of (p, id, KG_KEY_EDGE_CONFIDENCE), NULL), ==,
                         kg_edge_get_confidence (edge));
      g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_FACTS), ==, "1");
      g_assert_cmpint (value_of (p, id, KG_KEY_EDGE_ATTRIBUTED_TO) != NULL, ==, kg_edge_get_attributed_to (edge) != NULL);
      g_auto (GStrv) lines = g_strsplit (value_of (p, id, KG_KEY_EDGE_EVIDENCE), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, kg_edge_get_n_evidence (edge));
    }

  static const struct { const char *s, *p, *o; const char *evidence, *who, *time, *place; } cases[] = {
    /* text, time, place by position; empty fields at the end left off */
    { "alexander lukashenko", "meet", "seyed abbas araghchi",
      "belta-1\t2\t200-260\tLukashenko met Araghchi in Minsk.\t\tin Minsk\n"
      "irna-7\t0\t0-60\tThe two met on Tuesday.\ton Tuesday", NULL, "on Tuesday", "in Minsk" },
    /* tabs and line feeds inside the sentence, time and place become
     * spaces, controls vanish */
    { "iran", "trade with", "belarus",
      "belta-1\t6\t600-660\tTrade with tabs & \"quotes\" and C:\\news.\ton \"13 March\" 2023"
      "\tв Минске, در تهران & C:\\news 📰", NULL, "on \"13 March\" 2023", "в Минске, در تهران & C:\\news 📰" },
    /* a place without a sentence: empty text and time fields */
    { "iran", "border", "belarus", "belta-1\t5\t500-560\t\t\talong the \"old\" road", NULL, NULL,
      "along the \"old\" road" },
    /* neither time nor place: the line as it always was, no time or place key */
    { "iran", "sign", "roadmap", "irna-7\t4\t400-460\tAraghchi said Iran will sign the \"roadmap\".",
      "Seyed Abbas Araghchi", NULL, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint e = 0; e < edges->len; e++)
      {
        const KgEdge *edge = edges->pdata[e];
        if (strcmp (kg_node_get_key (kg_edge_get_subject (edge)), cases[i].s) != 0
            || strcmp (kg_edge_get_predicate (edge), cases[i].p) != 0)
          continue;
        const char *id = kg_edge_get_id (edge);
        g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_EVIDENCE), ==, cases[i].evidence);
        g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_ATTRIBUTED_TO), ==, cases[i].who);
        g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_TIME), ==, cases[i].time);
        g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_PLACE), ==, cases[i].place);
        if (cases[i].who)
          g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_ATTRIBUTED_TO_ID), ==,
                           kg_node_get_id (kg_edge_get_attributed_to (edge)));
      }
}

static void
test_collapse (void)
{
  g_autoptr (KgGraph) graph = sample_graph_new (FALSE);
  g_autoptr (Parsed) p = parse (graph, TRUE);
  /* two facts Iran -> Belarus become one edge; the others stay */
  g_assert_cmpuint (p->edges->len, ==, kg_graph_get_n_edges (graph) - 1);
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *collapsed = NULL;
  for (guint i = 0; i < p->edges->len; i++)
    {
      g_autofree char *source = prop (p->edges->pdata[i], "source");
      g_autofree char *target = prop (p->edges->pdata[i], "target");
      char *pair = g_strconcat (source, ">", target, NULL);
      g_assert_false (g_hash_table_contains (pairs, pair));
      g_hash_table_add (pairs, pair);
      g_autofree char *id = prop (p->edges->pdata[i], "id");
      if (g_strcmp0 (value_of (p, id, KG_KEY_EDGE_FACTS), "2") == 0)
        collapsed = g_intern_string (id);
    }
  g_assert_nonnull (collapsed);
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_LABEL), ==, "border; trade with");
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_WEIGHT), ==, "2");
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_CONFIDENCE), ==, "1");
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_POLARITY), ==, "positive; positive");
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_EVIDENCE), ==,
                   "border\tbelta-1\t5\t500-560\t\t\talong the \"old\" road\n"
                   "trade with\tbelta-1\t6\t600-660\tTrade with tabs & \"quotes\" and C:\\news."
                   "\ton \"13 March\" 2023\tв Минске, در تهران & C:\\news 📰");
  /* time and place over both facts' evidence, in the order of its lines */
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_TIME), ==, "on \"13 March\" 2023");
  g_assert_cmpstr (value_of (p, collapsed, KG_KEY_EDGE_PLACE), ==,
                   "along the \"old\" road | в Минске, در تهران & C:\\news 📰");
}

/* Distinct times and places of one edge, in evidence order, each once. */
static void
test_time_and_place_lists (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  KgNodeMention a = { NULL, "Raisi", KG_ENTITY_PERSON, NULL, TRUE }, b = { NULL, "Minsk", KG_ENTITY_GPE, NULL, TRUE };
  KgDocumentInfo d1 = { .id = "a" }, d2 = { .id = "b" };
  guint doc_a = kg_graph_add_document (graph, &d1), doc_b = kg_graph_add_document (graph, &d2);
  KgFact f = { .subject = kg_graph_add_mention (graph, &a), .predicate = "visit",
               .object = kg_graph_add_mention (graph, &b), .confidence = 1 };
  static const struct { guint sentence; const char *time, *place; } records[] = {
    { 3, "on Monday", "in Minsk" }, { 1, "in July", NULL }, { 2, "on Monday", "at the\tairport" },
    { 4, NULL, "in Minsk" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      KgEvidence ev = { .document = i == 3 ? doc_a : doc_b, .sentence = records[i].sentence, .confidence = 1,
                        .time = records[i].time, .place = records[i].place };
      kg_graph_add_fact (graph, &f, &ev);
    }
  g_autoptr (Parsed) p = parse (graph, FALSE);
  const char *id = kg_edge_get_id (kg_graph_get_edges (graph)->pdata[0]);
  /* evidence order: a#4, b#1, b#2, b#3 */
  g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_EVIDENCE), ==,
                   "a\t4\t0-0\t\t\tin Minsk\nb\t1\t0-0\t\tin July\nb\t2\t0-0\t\ton Monday\tat the airport\n"
                   "b\t3\t0-0\t\ton Monday\tin Minsk");
  g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_TIME), ==, "in July | on Monday");
  g_assert_cmpstr (value_of (p, id, KG_KEY_EDGE_PLACE), ==, "in Minsk | at the airport");
}

static void
test_deterministic_and_clean (void)
{
  for (guint collapse = 0; collapse < 2; collapse++)
    {
      KgExportOptions options = { .base_iri = KG_DEFAULT_BASE_IRI, .layout = KG_DEFAULT_LAYOUT, .collapse_parallel = collapse };
      gsize length;
      g_autofree char *xml = assert_same_export (KG_FORMAT_GRAPHML, &options, &length);
      assert_lint_clean (KG_FORMAT_GRAPHML, xml, length);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/graphml/keys", test_keys);
  g_test_add_func ("/export/graphml/nodes", test_nodes);
  g_test_add_func ("/export/graphml/edges", test_edges);
  g_test_add_func ("/export/graphml/collapse-parallel", test_collapse);
  g_test_add_func ("/export/graphml/time-and-place-lists", test_time_and_place_lists);
  g_test_add_func ("/export/graphml/deterministic-and-clean", test_deterministic_and_clean);
  return g_test_run ();
}
