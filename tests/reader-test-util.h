/* reader-test-util.h: what the tests of the reading stage share: reading a
 * string as a document, printing its tokens and sentences compactly, and
 * checking that every token's offsets slice the original bytes to its form.
 */
#ifndef KG_READER_TEST_UTIL_H
#define KG_READER_TEST_UTIL_H

#include <kgraph.h>
#include <string.h>
#include <sys/resource.h>

/* The directory of the tests (for tests/data and ../seeds). */
static inline const char *
test_dir (void)
{
  const char *dir = g_getenv ("KGRAPH_TESTS");
  return dir ? dir : "tests";
}

/* Reads text (of the given format) as the one document it must give. */
static inline KgDocument *
read_one (const char *text, gsize length, KgInputFormat format)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, format);
  g_autoptr (GBytes) bytes = g_bytes_new (text, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "test", bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (documents);
  g_assert_cmpuint (documents->len, ==, 1);
  return g_ptr_array_steal_index (documents, 0);
}

static inline KgDocument *
read_text (const char *text)
{
  return read_one (text, strlen (text), KG_INPUT_FORMAT_TEXT);
}

/* The forms of tokens [first, first + n), space-separated; the words of a
 * multiword token joined with '+': "Iran+'s". */
static inline char *
forms_of (const KgDocument *document, guint first, guint n)
{
  GString *out = g_string_new (NULL);
  for (guint i = first; i < first + n; i++)
    {
      const KgToken *t = kg_document_get_token (document, i);
      g_string_append (out, t->form);
      if (i + 1 < first + n)
        g_string_append_c (out, t->joins_next ? '+' : ' ');
    }
  return g_string_free (out, FALSE);
}

static inline char *
all_forms (const KgDocument *document)
{
  return forms_of (document, 0, kg_document_get_n_tokens (document));
}

/* The sentences as their original text, joined by " | ". */
static inline char *
sentences_of (const KgDocument *document)
{
  gsize length;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &length);
  GString *out = g_string_new (NULL);
  for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (document, s);
      if (s > 0)
        g_string_append (out, " | ");
      g_string_append_len (out, raw + sentence->start, sentence->end - sentence->start);
    }
  return g_string_free (out, FALSE);
}

/* The kinds of the sentences, space-separated. */
static inline char *
kinds_of (const KgDocument *document)
{
  GString *out = g_string_new (NULL);
  for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
    g_string_append_printf (out, "%s%s", s ? " " : "",
                            kg_sentence_kind_to_string (kg_document_get_sentence (document, s)->kind));
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *from, *to;
} Replacement;

/* s[0..n) with every occurrence of a rule's from replaced by its to, left
 * to right.  (transfer full) */
static inline char *
replace_each (const char *s, gsize n, const Replacement *rules, guint n_rules)
{
  GString *out = g_string_new (NULL);
  for (gsize i = 0; i < n;)
    {
      gboolean replaced = FALSE;
      for (guint r = 0; r < n_rules && !replaced; r++)
        {
          gsize m = strlen (rules[r].from);
          if (i + m <= n && memcmp (s + i, rules[r].from, m) == 0)
            {
              g_string_append (out, rules[r].to);
              i += m;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_string_append_c (out, s[i++]);
    }
  return g_string_free (out, FALSE);
}

/* The documented normalisation, written out independently of the library
 * for the characters the tests use: curly quotes straight, U+2010/U+2011
 * hyphens as '-', NBSP as a space, soft hyphens and zero-width spaces
 * dropped. */
static inline char *
normalise (const char *s, gsize n)
{
  static const Replacement rules[] = {
    { "\xe2\x80\x98", "'" }, { "\xe2\x80\x99", "'" }, { "\xe2\x80\x9c", "\"" }, { "\xe2\x80\x9d", "\"" },
    { "\xe2\x80\x90", "-" }, { "\xe2\x80\x91", "-" }, { "\xc2\xa0", " " }, { "\xc2\xad", "" },
    { "\xe2\x80\x8b", "" },
  };
  return replace_each (s, n, rules, G_N_ELEMENTS (rules));
}

/* Every token's bytes in the original, normalised, are its form; tokens
 * and sentences are in order and sentences cover their tokens. */
static inline void
assert_offsets_exact (const KgDocument *document)
{
  gsize length;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &length);
  guint64 previous_end = 0;
  for (guint i = 0; i < kg_document_get_n_tokens (document); i++)
    {
      const KgToken *t = kg_document_get_token (document, i);
      g_assert_cmpuint (t->start, <, t->end);
      g_assert_cmpuint (t->end, <=, length);
      g_assert_cmpuint (t->start, >=, previous_end);
      previous_end = t->end;
      g_autofree char *slice = normalise (raw + t->start, t->end - t->start);
      if (strcmp (slice, t->form) != 0)
        g_error ("token %u: form '%s' but the original bytes %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT " are '%s'",
                 i, t->form, t->start, t->end, slice);
      g_assert_true (g_utf8_validate (raw + t->start, t->end - t->start, NULL));
    }
  for (guint s = 0; s < kg_document_get_n_sentences (document); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (document, s);
      g_assert_cmpuint (sentence->n_tokens, >, 0);
      g_assert_cmpuint (sentence->start, ==, kg_document_get_token (document, sentence->first_token)->start);
      g_assert_cmpuint (sentence->end, ==,
                        kg_document_get_token (document, sentence->first_token + sentence->n_tokens - 1)->end);
    }
}

typedef struct {
  const char *text;
  const char *expected;
} TextCase;

/* Reads each case's text and compares what view shows of the document
 * with what is expected; the offsets must be exact as well. */
static inline void
check_text_cases (const TextCase *cases, guint n, char *(*view) (const KgDocument *document))
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KgDocument) document = read_text (cases[i].text);
      g_autofree char *shown = view (document);
      if (strcmp (shown, cases[i].expected) != 0)
        {
          g_autofree char *sentences = sentences_of (document);
          g_error ("'%s':\n  got      '%s'\n  expected '%s'\n  sentences: %s", cases[i].text, shown,
                   cases[i].expected, sentences);
        }
      assert_offsets_exact (document);
    }
}

/* The peak resident memory of the process so far, in KiB. */
static inline glong
max_rss_kb (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

#endif
