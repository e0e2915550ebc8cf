/* test-graphml-schema.c: GraphML value rules, NMTOKENs, Gephi's built-in
 * properties, and the exporter's key table checked against them. */
#include "export/graphml-schema.h"

#include <string.h>

static void
test_types (void)
{
  static const char *const names[] = { "boolean", "int", "long", "float", "double", "string" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      KgGraphmlType type;
      g_assert_true (kg__graphml_type_from_name (names[i], &type));
      g_assert_cmpstr (kg__graphml_type_name (type), ==, names[i]);
    }
  static const char *const others[] = { "integer", "listint", "String", "bigdecimal", "", NULL };
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      KgGraphmlType type;
      g_assert_false (kg__graphml_type_from_name (others[i], &type));
    }
}

static void
test_values (void)
{
  static const struct { KgGraphmlType type; const char *text; gboolean valid; } cases[] = {
    { KG_GRAPHML_INT, "42", TRUE }, { KG_GRAPHML_INT, "-2147483648", TRUE }, { KG_GRAPHML_INT, "2147483648", FALSE },
    { KG_GRAPHML_INT, "3.5", FALSE }, { KG_GRAPHML_INT, " 1", FALSE }, { KG_GRAPHML_INT, "", FALSE },
    { KG_GRAPHML_LONG, "9223372036854775807", TRUE }, { KG_GRAPHML_LONG, "9223372036854775808", FALSE },
    { KG_GRAPHML_DOUBLE, "0.95", TRUE }, { KG_GRAPHML_DOUBLE, "1e-07", TRUE }, { KG_GRAPHML_DOUBLE, "2", TRUE },
    { KG_GRAPHML_DOUBLE, ".5", TRUE }, { KG_GRAPHML_DOUBLE, "NaN", FALSE }, { KG_GRAPHML_DOUBLE, "Infinity", FALSE },
    { KG_GRAPHML_DOUBLE, "1,5", FALSE }, { KG_GRAPHML_DOUBLE, "1e999", FALSE }, { KG_GRAPHML_DOUBLE, "0x10", FALSE },
    { KG_GRAPHML_FLOAT, "1e39", FALSE }, { KG_GRAPHML_FLOAT, "3.4e38", TRUE },
    { KG_GRAPHML_BOOLEAN, "true", TRUE }, { KG_GRAPHML_BOOLEAN, "False", TRUE }, { KG_GRAPHML_BOOLEAN, "1", FALSE },
    { KG_GRAPHML_STRING, "anything <at> all", TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *problem = kg__graphml_value_problem (cases[i].type, cases[i].text);
      g_assert_cmpint (problem == NULL, ==, cases[i].valid);
    }
}

static void
test_nmtoken (void)
{
  static const struct { const char *s; gboolean valid; } cases[] = {
    { "label", TRUE }, { "attr.name-1_x:y", TRUE }, { "1abc", TRUE }, { "first seen", FALSE },
    { "", FALSE }, { "a\tb", FALSE }, { "Лукашенко", TRUE }, { "a$b", FALSE }, { "Edge Weight", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kg__graphml_is_nmtoken (cases[i].s), ==, cases[i].valid);
}

static void
test_gephi (void)
{
  static const struct { KgGraphmlDomain domain; const char *name; KgGephiProperty property; } cases[] = {
    { KG_GRAPHML_FOR_NODE, "label", KG_GEPHI_LABEL }, { KG_GRAPHML_FOR_NODE, "b", KG_GEPHI_COLOR_COMPONENT },
    { KG_GRAPHML_FOR_NODE, "x", KG_GEPHI_POSITION }, { KG_GRAPHML_FOR_NODE, "size", KG_GEPHI_SIZE },
    { KG_GRAPHML_FOR_NODE, "weight", KG_GEPHI_NONE }, { KG_GRAPHML_FOR_EDGE, "weight", KG_GEPHI_WEIGHT },
    { KG_GRAPHML_FOR_EDGE, "edgelabel", KG_GEPHI_LABEL }, { KG_GRAPHML_FOR_EDGE, "x", KG_GEPHI_NONE },
    { KG_GRAPHML_FOR_EDGE, "Weight", KG_GEPHI_NONE }, { KG_GRAPHML_FOR_NODE, "type", KG_GEPHI_NONE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kg__graphml_gephi_property (cases[i].domain, cases[i].name), ==, cases[i].property);
  g_assert_true (kg__graphml_gephi_accepts (KG_GEPHI_WEIGHT, KG_GRAPHML_DOUBLE));
  g_assert_false (kg__graphml_gephi_accepts (KG_GEPHI_WEIGHT, KG_GRAPHML_STRING));
  g_assert_false (kg__graphml_gephi_accepts (KG_GEPHI_COLOR_COMPONENT, KG_GRAPHML_DOUBLE));
  g_assert_false (kg__graphml_gephi_accepts (KG_GEPHI_LABEL, KG_GRAPHML_INT));
}

/* The exporter's keys follow the rules lint applies to everyone. */
static void
test_exporter_keys (void)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) node_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) edge_names = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *const required_node[] = { "label", "type", "aliases", "mentions" };
  static const char *const required_edge[] = { "label", "surface", "weight", "confidence", "polarity", "modality",
                                               "attributed_to", "time", "place", "evidence" };
  for (guint k = 0; k < KG_N_KEYS; k++)
    {
      const KgGraphmlKeyInfo *key = kg__graphml_key (k);
      g_assert_true (kg__graphml_is_nmtoken (key->id));
      g_assert_true (kg__graphml_is_nmtoken (key->name));
      g_assert_false (g_hash_table_contains (ids, key->id));
      g_hash_table_add (ids, (gpointer) key->id);
      GHashTable *names = key->domain == KG_GRAPHML_FOR_NODE ? node_names : edge_names;
      g_assert_false (g_hash_table_contains (names, key->name));
      g_hash_table_add (names, (gpointer) key->name);
      /* an id Gephi maps means the same as the name, and the type suits it */
      KgGephiProperty by_id = kg__graphml_gephi_property (key->domain, key->id);
      KgGephiProperty by_name = kg__graphml_gephi_property (key->domain, key->name);
      g_assert_true (by_id == KG_GEPHI_NONE || by_id == by_name);
      g_assert_true (kg__graphml_gephi_accepts (by_name, key->type));
      g_assert_cmpstr (key->name, !=, "id");
    }
  for (guint i = 0; i < G_N_ELEMENTS (required_node); i++)
    g_assert_true (g_hash_table_contains (node_names, required_node[i]));
  for (guint i = 0; i < G_N_ELEMENTS (required_edge); i++)
    g_assert_true (g_hash_table_contains (edge_names, required_edge[i]));
  g_assert_cmpint (kg__graphml_key (KG_KEY_EDGE_WEIGHT)->type, ==, KG_GRAPHML_DOUBLE);
  g_assert_cmpint (kg__graphml_gephi_property (KG_GRAPHML_FOR_EDGE, kg__graphml_key (KG_KEY_EDGE_WEIGHT)->id), ==,
                   KG_GEPHI_WEIGHT);
  g_assert_cmpint (kg__graphml_gephi_property (KG_GRAPHML_FOR_NODE, kg__graphml_key (KG_KEY_NODE_LABEL)->id), ==,
                   KG_GEPHI_LABEL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graphml-schema/types", test_types);
  g_test_add_func ("/graphml-schema/values", test_values);
  g_test_add_func ("/graphml-schema/nmtoken", test_nmtoken);
  g_test_add_func ("/graphml-schema/gephi", test_gephi);
  g_test_add_func ("/graphml-schema/exporter-keys", test_exporter_keys);
  return g_test_run ();
}
