/* test-document.c: the document's mentions: kept in order whatever order
 * they arrive in, found by token, and replaced within their sentence. */
#include <kgraph.h>

/* Two sentences of words "w0".."w4" and "w5".."w9". */
static KgDocument *
two_sentences (void)
{
  g_autoptr (GBytes) raw = g_bytes_new_static ("", 0);
  KgDocument *doc = kg_document_new ("d", raw);
  for (guint s = 0; s < 2; s++)
    {
      for (guint k = 0; k < 5; k++)
        {
          g_autofree char *form = g_strdup_printf ("w%u", 5 * s + k);
          kg_document_add_token (doc, form, 0, 0, TRUE);
        }
      kg_document_add_sentence (doc, KG_SENTENCE_BODY);
    }
  return doc;
}

static void
add (KgDocument *doc, guint first, guint n, KgMentionKind kind)
{
  KgMention m = { .first_token = first, .n_tokens = n, .head = first + n - 1, .kind = kind, .chain = -1 };
  kg_document_add_mention (doc, &m);
}

/* The mentions as "first+n" items, in the document's order. */
static char *
spans (const KgDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < kg_document_get_n_mentions (doc); i++)
    {
      const KgMention *m = kg_document_get_mention (doc, i);
      g_string_append_printf (out, "%s%u+%u", i ? " " : "", m->first_token, m->n_tokens);
    }
  return g_string_free (out, FALSE);
}

static void
test_order (void)
{
  g_autoptr (KgDocument) doc = two_sentences ();
  add (doc, 7, 1, KG_MENTION_NAME);
  add (doc, 1, 2, KG_MENTION_NAME);
  add (doc, 5, 2, KG_MENTION_NAME);
  add (doc, 1, 3, KG_MENTION_VALUE);
  add (doc, 0, 1, KG_MENTION_NAME);
  g_autofree char *order = spans (doc);
  /* by first token, then longest first */
  g_assert_cmpstr (order, ==, "0+1 1+3 1+2 5+2 7+1");
}

static void
test_find (void)
{
  g_autoptr (KgDocument) doc = two_sentences ();
  add (doc, 1, 3, KG_MENTION_NAME);
  add (doc, 2, 1, KG_MENTION_PRONOUN);
  add (doc, 6, 2, KG_MENTION_NAME);
  /* the mention headed by the token, else the shortest that holds it */
  g_assert_cmpint (kg_document_find_mention (doc, 3), ==, 0);
  g_assert_cmpint (kg_document_find_mention (doc, 2), ==, 1);
  g_assert_cmpint (kg_document_find_mention (doc, 1), ==, 0);
  g_assert_cmpint (kg_document_find_mention (doc, 4), ==, -1);
  g_assert_cmpint (kg_document_find_mention (doc, 5), ==, -1);
  g_assert_cmpint (kg_document_find_mention (doc, 7), ==, 2);
  g_assert_cmpuint (kg_document_first_mention_at (doc, 0), ==, 0);
  g_assert_cmpuint (kg_document_first_mention_at (doc, 2), ==, 1);
  g_assert_cmpuint (kg_document_first_mention_at (doc, 3), ==, 2);
  g_assert_cmpuint (kg_document_first_mention_at (doc, 8), ==, 3);
}

static void
test_put (void)
{
  g_autoptr (KgDocument) doc = two_sentences ();
  add (doc, 0, 1, KG_MENTION_NAME);
  add (doc, 1, 1, KG_MENTION_NAME);
  add (doc, 2, 1, KG_MENTION_VALUE);
  add (doc, 3, 2, KG_MENTION_NAME);
  add (doc, 5, 1, KG_MENTION_NAME);
  /* a name over words 1..3 replaces the names it overlaps (1+1, 3+2),
   * not the value inside it, the name before it or the next sentence's */
  KgMention m = { .first_token = 1, .n_tokens = 3, .head = 3, .kind = KG_MENTION_NAME, .chain = -1 };
  kg_document_put_mention (doc, &m);
  g_autofree char *after = spans (doc);
  g_assert_cmpstr (after, ==, "0+1 1+3 2+1 5+1");
  g_assert_cmpint (kg_document_get_mention (doc, 2)->kind, ==, KG_MENTION_VALUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/mention-order", test_order);
  g_test_add_func ("/document/find-mention", test_find);
  g_test_add_func ("/document/put-mention", test_put);
  return g_test_run ();
}
