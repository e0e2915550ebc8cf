/* test-rdf-syntax.c: IRI slugs, N-Triples literal escaping, the RFC 3987
 * IRI check and XML Schema lexical forms. */
#include "export/rdf-syntax.h"

#include <string.h>

static void
test_slug (void)
{
  static const struct { const char *key, *slug; } cases[] = {
    { "iran", "iran" },
    { "seyed abbas araghchi", "seyed_abbas_araghchi" },
    { "at&t", "at%26t" },
    { "50% off_sale", "50%25_off%5Fsale" },      /* '_' means a space, so a real '_' is %5F */
    { "a.b-c~d", "a.b-c~d" },                   /* unreserved stays */
    { "лукашенко", "%D0%BB%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%BE" },
    { "news 📰", "news_%F0%9F%93%B0" },
    { "c:\\news", "c%3A%5Cnews" },
    { "<b>", "%3Cb%3E" },
    { "a/b?c#d", "a%2Fb%3Fc%23d" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) slug = g_string_new (NULL);
      kg__rdf_append_slug (slug, cases[i].key);
      g_assert_cmpstr (slug->str, ==, cases[i].slug);
      g_autofree char *iri = g_strconcat ("https://kgraph.example.org/entity/", slug->str, NULL);
      g_assert_true (kg__rdf_iri_check (iri, strlen (iri), NULL, NULL));
    }
  /* different keys, different slugs */
  g_autoptr (GString) a = g_string_new (NULL), b = g_string_new (NULL);
  kg__rdf_append_slug (a, "a b");
  kg__rdf_append_slug (b, "a_b");
  g_assert_cmpstr (a->str, !=, b->str);
}

static void
test_literal (void)
{
  static const struct { const char *text, *literal; } cases[] = {
    { "plain", "\"plain\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "C:\\news", "\"C:\\\\news\"" },
    { "a\nb\rc\td", "\"a\\nb\\rc\\td\"" },
    { "bs\b ff\f", "\"bs\\b ff\\f\"" },
    { "nul-free \x01 \x1f \x7f", "\"nul-free \\u0001 \\u001F \\u007F\"" },
    { "وزیر 📰", "\"وزیر 📰\"" },               /* raw UTF-8, never \u escapes */
    { "", "\"\"" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) literal = g_string_new (NULL);
      kg__rdf_append_literal (literal, cases[i].text);
      g_assert_cmpstr (literal->str, ==, cases[i].literal);
    }
}

static void
test_iri (void)
{
  static const struct { const char *iri; gboolean valid; gsize where; } cases[] = {
    { "https://kgraph.example.org/entity/iran", TRUE, 0 },
    { "http://example.org/a?b=c&d=e#frag/x?y", TRUE, 0 },
    { "urn:isbn:0451450523", TRUE, 0 },
    { "http://[::1]:8080/x", TRUE, 0 },
    { "http://user:pw@example.org/", TRUE, 0 },
    { "http://example.org/وزیر", TRUE, 0 },       /* IRIs may hold ucschar */
    { "http://example.org/%D9%88", TRUE, 0 },
    { "http://example.org/?q=\xee\x80\x80", TRUE, 0 },  /* iprivate in the query */
    { "entity/iran", FALSE, 0 },                  /* relative */
    { "1http://x/", FALSE, 0 },
    { "http://example.org/a b", FALSE, 20 },
    { "http://example.org/%zz", FALSE, 19 },
    { "http://example.org/%4", FALSE, 19 },
    { "http://example.org/a#b#c", FALSE, 22 },
    { "http://example.org/a|b", FALSE, 20 },
    { "http://example.org/\xee\x80\x80", FALSE, 19 },   /* iprivate outside the query */
    { "http://exa mple.org/", FALSE, 10 },
    { "http://example.org:80x/", FALSE, 21 },
    { "http://[::1/", FALSE, 7 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize where = 999;
      const char *why = NULL;
      gboolean valid = kg__rdf_iri_check (cases[i].iri, strlen (cases[i].iri), &where, &why);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (!valid)
        {
          g_assert_nonnull (why);
          g_assert_cmpuint (where, ==, cases[i].where);
        }
    }
}

static void
test_xsd (void)
{
  static const struct { const char *type, *lexical; KgXsdResult result; } cases[] = {
    { "integer", "42", KG_XSD_VALID }, { "integer", "-0", KG_XSD_VALID }, { "integer", "+7", KG_XSD_VALID },
    { "integer", "12.5", KG_XSD_INVALID }, { "integer", "", KG_XSD_INVALID }, { "integer", " 1", KG_XSD_INVALID },
    { "integer", "123456789012345678901234567890", KG_XSD_VALID },
    { "int", "2147483647", KG_XSD_VALID }, { "int", "2147483648", KG_XSD_INVALID },
    { "long", "-9223372036854775808", KG_XSD_VALID }, { "long", "9223372036854775808", KG_XSD_INVALID },
    { "byte", "-129", KG_XSD_INVALID }, { "unsignedByte", "255", KG_XSD_VALID },
    { "unsignedLong", "18446744073709551615", KG_XSD_VALID }, { "unsignedLong", "-1", KG_XSD_INVALID },
    { "nonNegativeInteger", "-0", KG_XSD_VALID }, { "positiveInteger", "0", KG_XSD_INVALID },
    { "negativeInteger", "-1", KG_XSD_VALID }, { "nonPositiveInteger", "1", KG_XSD_INVALID },
    { "decimal", "1.", KG_XSD_VALID }, { "decimal", ".5", KG_XSD_VALID }, { "decimal", "1e3", KG_XSD_INVALID },
    { "double", "0.95", KG_XSD_VALID }, { "double", "1e-07", KG_XSD_VALID }, { "double", "INF", KG_XSD_VALID },
    { "double", "NaN", KG_XSD_VALID }, { "double", "inf", KG_XSD_INVALID }, { "double", "1,5", KG_XSD_INVALID },
    { "double", "1e", KG_XSD_INVALID }, { "float", "-.5E+3", KG_XSD_VALID },
    { "boolean", "true", KG_XSD_VALID }, { "boolean", "0", KG_XSD_VALID }, { "boolean", "TRUE", KG_XSD_INVALID },
    { "date", "2024-04-16", KG_XSD_VALID }, { "date", "2024-02-29", KG_XSD_VALID },
    { "date", "2023-02-29", KG_XSD_INVALID }, { "date", "1900-02-29", KG_XSD_INVALID },
    { "date", "2000-02-29", KG_XSD_VALID }, { "date", "2024-04-31", KG_XSD_INVALID },
    { "date", "2024-4-16", KG_XSD_INVALID }, { "date", "April 2024", KG_XSD_INVALID },
    { "date", "2024-04-16Z", KG_XSD_VALID }, { "date", "2024-04-16+14:00", KG_XSD_VALID },
    { "date", "2024-04-16+14:30", KG_XSD_INVALID }, { "date", "-0044-03-15", KG_XSD_VALID },
    { "dateTime", "2024-04-16T10:00:00Z", KG_XSD_VALID }, { "dateTime", "2024-04-16T24:00:00", KG_XSD_VALID },
    { "dateTime", "2024-04-16T24:00:01", KG_XSD_INVALID }, { "dateTime", "2024-04-16T10:00", KG_XSD_INVALID },
    { "dateTime", "2024-04-16T10:00:00.123+03:30", KG_XSD_VALID },
    { "dateTimeStamp", "2024-04-16T10:00:00", KG_XSD_INVALID }, { "time", "23:59:60", KG_XSD_INVALID },
    { "gYear", "2024", KG_XSD_VALID }, { "gYear", "24", KG_XSD_INVALID }, { "gYearMonth", "2024-13", KG_XSD_INVALID },
    { "string", "anything", KG_XSD_UNKNOWN },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iri = g_strconcat (KG_XSD_NS, cases[i].type, NULL);
      g_assert_cmpint (kg__xsd_check (iri, cases[i].lexical), ==, cases[i].result);
    }
  g_assert_cmpint (kg__xsd_check ("http://example.org/integer", "x"), ==, KG_XSD_UNKNOWN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rdf-syntax/slug", test_slug);
  g_test_add_func ("/rdf-syntax/literal", test_literal);
  g_test_add_func ("/rdf-syntax/iri", test_iri);
  g_test_add_func ("/rdf-syntax/xsd", test_xsd);
  return g_test_run ();
}
