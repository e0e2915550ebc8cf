/* test-canonical.c: canonical keys, predicate keys and the stable hash. */
#include <kgraph.h>

static void
test_key_cases (void)
{
  static const struct { const char *label, *key; } cases[] = {
    { "Iran", "iran" },
    { "  IRAN\t", "iran" },
    { "U.S.", "us" },
    { "US", "us" },
    { "Seyed  Abbas\nAraghchi", "seyed abbas araghchi" },
    { "Iran’s", "irans" },
    { "Iran–Belarus", "iran belarus" },
    { "like\u2011minded", "like minded" },
    { "\"Friends of the Charter\"", "friends of the charter" },
    { "Лукашенко", "лукашенко" },
    { "وزیر امور خارجه", "وزیر امور خارجه" },
    { "C++", "c++" },
    { "news 📰", "news 📰" },
    { "e\u0301te\u0301", "\u00e9t\u00e9" },       /* NFC */
    { "STRASSE", "strasse" },
    { "a\x01" "b", "a b" },                     /* control characters separate */
    { "\\", "\\" },                              /* only punctuation: kept */
    { "...", "..." },
    { "", "" },
    { " \t ", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = kg_canonical_key (cases[i].label);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_predicate_cases (void)
{
  static const struct { const char *predicate, *key; } cases[] = {
    { "Signed", "signed" },
    { "  take   part in ", "take part in" },
    { "be member of", "be member of" },
    { "co-chair", "co-chair" },
    { "MEET\nWITH", "meet with" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = kg_canonical_predicate (cases[i].predicate);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_stable_hash (void)
{
  /* Fixed values: ids in every export depend on them never changing. */
  g_assert_true (kg_stable_hash ("", 0) == G_GUINT64_CONSTANT (0xefd01f60ba992926));
  g_assert_true (kg_stable_hash ("iran", 4) == G_GUINT64_CONSTANT (0xa036236801af3a39));
  g_assert_cmpuint (kg_stable_hash ("iran", 4), !=, kg_stable_hash ("irao", 4));
  g_assert_cmpuint (kg_stable_hash ("iran", 4), ==, kg_stable_hash ("iran!", 4));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/canonical/key", test_key_cases);
  g_test_add_func ("/canonical/predicate", test_predicate_cases);
  g_test_add_func ("/canonical/stable-hash", test_stable_hash);
  return g_test_run ();
}
