/* test-reader.c: inputs (files, directories, list files, formats), JSON
 * Lines, and bad input: each problem reported with file and position, the
 * rest still read, memory and time bounded. */
#include "reader-test-util.h"

#include <glib/gstdio.h>
#include <unistd.h>

/* A fresh temporary directory, removed by the test's end.  (transfer full) */
static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("kgraph-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir)
    {
      for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static char *
write_file (const char *dir, const char *name, const char *data, gssize length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Reads path; returns the documents or NULL, with the error's message in
 * *message and the problems in problems. */
static GPtrArray *
read_path (const KgReader *reader, const char *path, GPtrArray *problems, char **message)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *documents = kg_reader_read_file (reader, path, problems, &error);
  g_assert_true ((documents == NULL) == (error != NULL));
  if (message)
    *message = error ? g_strdup (error->message) : NULL;
  return documents;
}

/* ---- formats ---------------------------------------------------------------- */

static void
test_detect_format (void)
{
  static const struct {
    const char *name, *content;
    KgInputFormat format;
  } cases[] = {
    { "a.txt", "Plain text about <b> tags.", KG_INPUT_FORMAT_TEXT },
    { "a.txt", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", KG_INPUT_FORMAT_HTML },
    { "a", "\xef\xbb\xbf\n  <html lang=\"en\"><p>Hi</p></html>", KG_INPUT_FORMAT_HTML },
    { "a", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", KG_INPUT_FORMAT_HTML },
    { "a.html", "<section>Hi</section>", KG_INPUT_FORMAT_HTML },
    { "a", "<section>Hi</section>", KG_INPUT_FORMAT_TEXT },
    { "a", "{\"id\": 1, \"text\": \"Hi\"}\n{\"id\": 2, \"text\": \"Yo\"}\n", KG_INPUT_FORMAT_JSONL },
    { "a.jsonl", "{\"id\": 1,\n", KG_INPUT_FORMAT_JSONL },
    { "a", "{not JSON, just a brace", KG_INPUT_FORMAT_TEXT },
    { "a", "# newdoc id = d\n# sent_id = 1\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n", KG_INPUT_FORMAT_CONLLU },
    { "a", "1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n", KG_INPUT_FORMAT_CONLLU },
    { "a", "1. The first point.\n2. The second.", KG_INPUT_FORMAT_TEXT },
    { "a", "", KG_INPUT_FORMAT_TEXT },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].content, strlen (cases[i].content));
      KgInputFormat format = kg_reader_detect_format (cases[i].name, bytes);
      if (format != cases[i].format)
        g_error ("'%s' (%s): detected %s, expected %s", cases[i].content, cases[i].name,
                 kg_input_format_to_string (format), kg_input_format_to_string (cases[i].format));
    }
  KgInputFormat format;
  g_assert_true (kg_input_format_from_string ("JSONL", &format));
  g_assert_cmpint (format, ==, KG_INPUT_FORMAT_JSONL);
  g_assert_false (kg_input_format_from_string ("pdf", &format));
}

/* ---- inputs ----------------------------------------------------------------- */

static void
test_expand_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_mkdir (sub, 0755);
  g_autofree char *b = write_file (dir, "b.txt", "Second file.", -1);
  g_autofree char *a = write_file (dir, "a.txt", "First file.", -1);
  g_autofree char *c = write_file (sub, "c.txt", "Third file.", -1);
  g_autofree char *hidden = write_file (dir, ".hidden.txt", "Never read.", -1);
  /* Running as root, chmod 000 does not make a file unreadable: a
   * dangling symbolic link does. */
  g_autofree char *dangling = g_build_filename (dir, "broken.txt", NULL);
  g_assert_cmpint (symlink ("/nonexistent/kgraph/file.txt", dangling), ==, 0);
  /* A link back up makes a loop, which is broken. */
  g_autofree char *loop = g_build_filename (sub, "up", NULL);
  g_assert_cmpint (symlink ("..", loop), ==, 0);

  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  const char *inputs[] = { dir };
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs (inputs, 1, problems);
  g_assert_cmpuint (paths->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==, b);
  g_assert_cmpstr (g_ptr_array_index (paths, 2), ==, dangling);
  g_assert_cmpstr (g_ptr_array_index (paths, 3), ==, c);
  g_assert_cmpuint (problems->len, ==, 1);
  const KgReadProblem *problem = g_ptr_array_index (problems, 0);
  g_assert_nonnull (strstr (problem->message, "loop"));
  g_assert_true (problem->skipped);

  /* The batch: the broken entry is reported by name and skipped, the rest read. */
  g_autoptr (KgReader) reader = kg_reader_new ();
  guint documents = 0, failed = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *message = NULL;
      g_autoptr (GPtrArray) read = read_path (reader, g_ptr_array_index (paths, i), problems, &message);
      if (read)
        documents += read->len;
      else
        {
          failed++;
          g_assert_true (g_str_has_prefix (message, dangling));
          g_assert_nonnull (strstr (message, "cannot open"));
        }
    }
  g_assert_cmpuint (documents, ==, 3);
  g_assert_cmpuint (failed, ==, 1);
  (void) hidden;
  remove_tree (dir);
}

static void
test_expand_list (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *a = write_file (dir, "a.txt", "First file.", -1);
  g_autofree char *listing = g_strdup_printf ("# articles\n%s\n\n  %s  \n-\n", a, dir);
  g_autofree char *list = write_file (dir, "list", listing, -1);
  g_autofree char *at_list = g_strdup_printf ("@%s", list);
  g_autofree char *at_missing = g_build_filename ("@", dir, "missing", NULL);
  const char *inputs[] = { at_list, "-", at_missing };
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs (inputs, G_N_ELEMENTS (inputs), problems);
  /* a.txt, then the directory's a.txt and list, then standard input */
  g_assert_cmpuint (paths->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==, a);
  g_assert_cmpstr (g_ptr_array_index (paths, 2), ==, list);
  g_assert_cmpstr (g_ptr_array_index (paths, 3), ==, "-");
  g_assert_cmpuint (problems->len, ==, 2);
  const KgReadProblem *dash = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (dash->line, ==, 5);
  g_assert_nonnull (strstr (dash->message, "standard input"));
  const KgReadProblem *missing = g_ptr_array_index (problems, 1);
  g_assert_nonnull (strstr (missing->message, "missing: list file: cannot open"));
  remove_tree (dir);
}

/* ---- JSON Lines ------------------------------------------------------------- */

static void
test_jsonl (void)
{
  const char *lines =
    "{\"id\": \"a1\", \"text\": \"Velmar signed the deal.\", \"headline\": \"Deal\", \"published\": \"2024-05-02\"}\n"
    "\n"
    "not json\n"
    "{\"id\": 7, \"body\": \"no text field\"}\n"
    "{\"id\": 42, \"text\": \"The \\u201cport\\u201d reopened.\\nIt\\u2019s busy.\"}\r\n"
    "[1, 2]\n"
    "{\"id\": \"blank\", \"text\": \"   \"}\n"
    "{\"text\": \"No id here.\"}\n"
    "{\"id\": \"deep\", \"text\": \"x\", \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n"
    "{\"id\": \"bad\", \"text\": \"caf\xe9\"}\n";
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_fields (reader, NULL, NULL, "headline", "published");
  g_autoptr (GBytes) bytes = g_bytes_new_static (lines, strlen (lines));
  g_assert_cmpint (kg_reader_detect_format ("news", bytes), ==, KG_INPUT_FORMAT_JSONL);
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "news.jsonl", bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 3);

  KgDocument *first = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (kg_document_get_id (first), ==, "a1");
  g_assert_cmpstr (kg_document_get_title (first), ==, "Deal");
  g_assert_cmpstr (kg_document_get_date (first), ==, "2024-05-02");
  g_assert_cmpstr (kg_document_get_source (first), ==, "news.jsonl:1");
  KgDocument *second = g_ptr_array_index (documents, 1);
  g_assert_cmpstr (kg_document_get_id (second), ==, "42");
  g_autofree char *forms = all_forms (second);
  g_assert_cmpstr (forms, ==, "The \" port \" reopened . It+'s busy .");
  /* Offsets point into the decoded text field. */
  assert_offsets_exact (second);
  g_assert_cmpuint (kg_document_get_token (second, 2)->start, ==, 7);
  g_assert_cmpuint (kg_document_get_n_sentences (second), ==, 2);
  KgDocument *third = g_ptr_array_index (documents, 2);
  g_assert_cmpstr (kg_document_get_id (third), ==, "news.jsonl:8");

  static const struct { guint line; const char *what; } expected[] = {
    { 3, "not JSON" }, { 4, "no string field \"text\"" }, { 6, "not a JSON object" }, { 7, "has no text" },
    { 9, "nested deeper" }, { 10, "invalid UTF-8" },
  };
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KgReadProblem *problem = g_ptr_array_index (problems, i);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_true (problem->skipped);
      g_assert_cmpstr (problem->file, ==, "news.jsonl");
      g_autofree char *prefix = g_strdup_printf ("news.jsonl:%u: ", expected[i].line);
      g_assert_true (g_str_has_prefix (problem->message, prefix));
      if (!strstr (problem->message, expected[i].what))
        g_error ("line %u: '%s' does not say '%s'", expected[i].line, problem->message, expected[i].what);
    }
  /* The byte of the bad UTF-8 is the é of the last line. */
  const KgReadProblem *bad = g_ptr_array_index (problems, G_N_ELEMENTS (expected) - 1);
  g_assert_cmpuint (bad->byte, ==, (guint64) (strstr (lines, "caf\xe9") + 3 - lines));
}

static void
test_jsonl_all_bad (void)
{
  const char *lines = "nope\n[]\n";
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_INPUT_FORMAT_JSONL);
  g_autoptr (GBytes) bytes = g_bytes_new_static (lines, strlen (lines));
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "bad.jsonl", bytes, problems, &error);
  g_assert_null (documents);
  g_assert_error (error, KG_ERROR, KG_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "no line could be read (2 bad lines)"));
  g_assert_cmpuint (problems->len, ==, 2);
}

/* Issue 14, defect 5: a duplicate id merged two articles into one
 * document, an empty id gave an empty document IRI.  Each gets the id of a
 * line without one, FILE:LINE, and a problem that names the line and keeps
 * the document. */
static void
test_jsonl_ids (void)
{
  const char *lines =
    "{\"id\": \"a1\", \"text\": \"Velmar signed the deal.\"}\n"
    "{\"id\": \"a1\", \"text\": \"Orlen bought the port.\"}\n"
    "{\"id\": \"\", \"text\": \"Kestrel opened a mine.\"}\n"
    "{\"id\": \"ids.jsonl:5\", \"text\": \"Marot left the board.\"}\n"
    "{\"text\": \"No id here.\"}\n"
    "{\"id\": 7, \"text\": \"A number.\"}\n"
    "{\"id\": \"7\", \"text\": \"The same number.\"}\n";
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (lines, strlen (lines));
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "ids.jsonl", bytes, problems, &error);
  g_assert_no_error (error);
  const char *ids[] = { "a1", "ids.jsonl:2", "ids.jsonl:3", "ids.jsonl:5", "ids.jsonl:5~2", "7", "ids.jsonl:7" };
  g_assert_cmpuint (documents->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (kg_document_get_id (g_ptr_array_index (documents, i)), ==, ids[i]);
  static const struct { guint line; const char *message; } expected[] = {
    { 2, "ids.jsonl:2: a duplicate id \"a1\" (field \"id\", first on line 1): this document's id is \"ids.jsonl:2\"" },
    { 3, "ids.jsonl:3: an empty id (field \"id\"): this document's id is \"ids.jsonl:3\"" },
    { 7, "ids.jsonl:7: a duplicate id \"7\" (field \"id\", first on line 6): this document's id is \"ids.jsonl:7\"" },
  };
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KgReadProblem *problem = g_ptr_array_index (problems, i);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_false (problem->skipped);
      g_assert_cmpstr (problem->message, ==, expected[i].message);
    }
}

/* Issue 14, defect 8: document ids were paths as typed, so "seeds" and
 * "./seeds" gave different ids. */
static void
test_normalize_path (void)
{
  static const struct { const char *typed, *normal; } cases[] = {
    { "seeds", "seeds" }, { "./seeds", "seeds" }, { "seeds/", "seeds" }, { ".//seeds/./a.txt", "seeds/a.txt" },
    { "/tmp//x/./y/", "/tmp/x/y" }, { "../up/./a", "../up/a" }, { "a/../b", "a/../b" }, { ".", "." },
    { "./", "." }, { "/", "/" }, { "-", "-" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = kg_reader_normalize_path (cases[i].typed);
      g_assert_cmpstr (normal, ==, cases[i].normal);
    }
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = write_file (dir, "a.txt", "Text.", -1);
  g_autofree char *typed = g_strdup_printf ("%s/./", dir);
  const char *inputs[] = { typed };
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs (inputs, 1, NULL);
  g_assert_cmpuint (paths->len, ==, 1);
  g_autofree char *normal_file = kg_reader_normalize_path (file);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, normal_file);
  remove_tree (dir);
}

/* Issue 14, defect 8: the column of a JSON error was json-glib's, the
 * last character of the bad token, three off for "oops".  It is the
 * token's first character, counted in the file's line (indentation and
 * all, in characters), and the problem's byte is that character's. */
static void
test_jsonl_error_column (void)
{
  static const struct { const char *line; guint column; } cases[] = {
    { "{\"id\": 1, \"text\": oops}", 19 },
    { "{\"id\": 2, \"text\": \"x\" \"y\"}", 19 },
    { "  {\"id\": 4, \"text\": tru}", 21 },
    { "{\"id\": \"\u00e9\", \"text\": \"z\" x}", 21 },
    { "{\"id\": 6, \"text\": \"a\\\"b\" 7}", 19 },
  };
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_INPUT_FORMAT_JSONL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"text\": \"Fine.\"}\n%s\n", cases[i].line);
      g_autoptr (GBytes) bytes = g_bytes_new (data, strlen (data));
      g_autoptr (GPtrArray) problems = kg_read_problems_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "col.jsonl", bytes, problems, &error);
      g_assert_no_error (error);
      /* the good line is read, the bad one reported */
      g_assert_cmpuint (documents->len, ==, 1);
      g_assert_cmpuint (problems->len, ==, 1);
      const KgReadProblem *problem = g_ptr_array_index (problems, 0);
      g_autofree char *expected = g_strdup_printf ("col.jsonl:2: not JSON at column %u: ", cases[i].column);
      if (!g_str_has_prefix (problem->message, expected))
        g_error ("'%s' does not start with '%s'", problem->message, expected);
      const char *line = strchr (data, '\n') + 1;
      g_assert_cmpuint (g_utf8_strlen (line, problem->byte - (line - data)) + 1, ==, cases[i].column);
    }
}

/* Issue 14, defect 6: UTF-16 was refused as binary data.  It is decoded,
 * with a byte order mark or without one when its NUL bytes give it away,
 * and the document's original bytes (which offsets point into) are the
 * UTF-8 decoding; one with a mark that does not decode is refused, naming
 * the encoding and the byte. */
static void
test_utf16 (void)
{
  const char *text = "Сергей Лавров met Anna Berg in Minsk.\n";
  static const struct { const char *to; const char *mark; gsize mark_length; const char *note; } cases[] = {
    { "UTF-16LE", "\xff\xfe", 2, "decoded from UTF-16LE (byte order mark)" },
    { "UTF-16BE", "\xfe\xff", 2, "decoded from UTF-16BE (byte order mark)" },
    { "UTF-16LE", "", 0, "decoded from UTF-16LE (no byte order mark, found by its NUL bytes)" },
    { "UTF-16BE", "", 0, "decoded from UTF-16BE (no byte order mark, found by its NUL bytes)" },
    { "UTF-32LE", "\xff\xfe\0\0", 4, "decoded from UTF-32LE (byte order mark)" },
  };
  g_autoptr (KgReader) reader = kg_reader_new ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *wide = g_convert (text, -1, cases[i].to, "UTF-8", NULL, &length, NULL);
      g_autoptr (GByteArray) data = g_byte_array_new ();
      g_byte_array_append (data, (const guint8 *) cases[i].mark, cases[i].mark_length);
      g_byte_array_append (data, (const guint8 *) wide, length);
      g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
      g_autoptr (GPtrArray) problems = kg_read_problems_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "wide.txt", bytes, problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (documents->len, ==, 1);
      KgDocument *document = g_ptr_array_index (documents, 0);
      gsize raw_length;
      const char *raw = g_bytes_get_data (kg_document_get_raw (document), &raw_length);
      g_assert_cmpstr (raw, ==, text);
      g_assert_cmpuint (raw_length, ==, strlen (text));
      assert_offsets_exact (document);
      g_autofree char *forms = all_forms (document);
      g_assert_cmpstr (forms, ==, "Сергей Лавров met Anna Berg in Minsk .");
      g_assert_cmpuint (problems->len, ==, 1);
      const KgReadProblem *problem = g_ptr_array_index (problems, 0);
      g_assert_false (problem->skipped);
      g_autofree char *expected = g_strdup_printf ("wide.txt: %s; offsets point into the UTF-8 decoding", cases[i].note);
      g_assert_cmpstr (problem->message, ==, expected);
    }

  /* a lone surrogate after a mark */
  static const char bad[] = "\xff\xfe" "M\0a\0\0\xd8" "A\0 \0";
  g_autoptr (GBytes) bytes = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "bad16.txt", bytes, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, KG_ERROR, KG_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message,
                                   "bad16.txt: UTF-16LE text (by its byte order mark) that does not decode at byte 6"));
}

/* ---- bad input -------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *data;
  gssize length;
  int code;         /* KgError */
  const char *message;   /* the error's message, after "DIR/" */
} BadCase;

/* Each bad file alone gives an error naming it and where; in one batch with
 * a good file, the good file is still read. */
static void
test_bad_files (void)
{
  static const BadCase cases[] = {
    { "invalid.txt", "Good line.\nBad \xff byte.\n", -1, KG_ERROR_INPUT,
      "invalid.txt:2:5: invalid UTF-8 at byte 15 (read leniently" },
    { "nul.txt", "Text with a \0 NUL byte.", 23, KG_ERROR_INPUT, "nul.txt:1:13: NUL byte at byte 12" },
    { "binary.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, KG_ERROR_INPUT,
      "binary.bin: binary data, not text (control bytes from byte 0)" },
    { "random.dat", "ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a", -1,
      KG_ERROR_INPUT, "random.dat: binary data, not text (control bytes from byte 2)" },
    { "empty.txt", "", 0, KG_ERROR_INPUT, "empty.txt: no text (the file is empty or white space only)" },
    { "blank.txt", "  \n\t\r\n  \xc2\xa0 \n", -1, KG_ERROR_INPUT, "blank.txt: no text" },
    { "empty.html", "<html><body><nav><p>Home</p></nav></body></html>", -1, KG_ERROR_INPUT,
      "empty.html: no article text found in the page" },
    { "empty.jsonl", "\n\n", -1, KG_ERROR_INPUT, "empty.jsonl: no JSON lines" },
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_file (dir, "good.txt", "A good article. It has two sentences.", -1);
  g_autoptr (KgReader) reader = kg_reader_new ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (dir, cases[i].name, cases[i].data, cases[i].length);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = kg_read_problems_new ();
      g_autoptr (GPtrArray) documents = kg_reader_read_file (reader, path, problems, &error);
      g_assert_null (documents);
      g_assert_error (error, KG_ERROR, cases[i].code);
      g_autofree char *expected = g_build_filename (dir, cases[i].message, NULL);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("%s: '%s' does not start with '%s'", cases[i].name, error->message, expected);
    }
  /* The batch still reads the good file. */
  const char *inputs[] = { dir };
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs (inputs, 1, problems);
  g_assert_cmpuint (paths->len, ==, G_N_ELEMENTS (cases) + 1);
  guint good_documents = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GPtrArray) documents = read_path (reader, g_ptr_array_index (paths, i), problems, NULL);
      if (documents)
        {
          g_assert_cmpstr (kg_document_get_id (g_ptr_array_index (documents, 0)), ==, good);
          good_documents += documents->len;
        }
    }
  g_assert_cmpuint (good_documents, ==, 1);
  remove_tree (dir);
}

static void
test_lenient (void)
{
  const char text[] = "Caf\xe9 au lait.\nA \0 NUL.";
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_lenient (reader, TRUE);
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "latin1.txt", bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  KgDocument *document = g_ptr_array_index (documents, 0);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "Caf\xef\xbf\xbd au lait . A \xef\xbf\xbd NUL .");
  /* The original is the repaired text, so offsets stay exact. */
  assert_offsets_exact (document);
  g_assert_cmpuint (problems->len, ==, 1);
  const KgReadProblem *problem = g_ptr_array_index (problems, 0);
  g_assert_false (problem->skipped);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->byte, ==, 3);
  g_assert_nonnull (strstr (problem->message, "2 invalid UTF-8 or NUL bytes replaced by U+FFFD"));
}

/* A 20 MB file without a line break: refused with its size and where the
 * limit is, quickly and without holding more than a few copies of it. */
static void
test_huge_line (void)
{
  gsize size = 20 << 20;
  char *data = g_malloc (size);
  for (gsize i = 0; i < size; i++)
    data[i] = "abcdefg "[i % 8];
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_file (dir, "huge.txt", data, size);
  g_free (data);
  glong before = max_rss_kb ();
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) documents = read_path (reader, path, NULL, &message);
  g_assert_null (documents);
  g_assert_true (g_str_has_prefix (message, path));
  g_assert_nonnull (strstr (message, "20971520 bytes, beyond the limit"));
  g_assert_nonnull (strstr (message, "from byte 8388608"));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  g_assert_cmpint (max_rss_kb () - before, <, 100 * 1024);

  /* Under the document limit, a long line is still a paragraph within
   * bounds: a 2 MB line is refused as no article text, with its line. */
  GString *line = g_string_new ("Short first line.\n");
  while (line->len < (2 << 20))
    g_string_append (line, "word ");
  g_autofree char *long_path = write_file (dir, "line.txt", line->str, line->len);
  g_string_free (line, TRUE);
  g_autofree char *long_message = NULL;
  g_autoptr (GPtrArray) long_documents = read_path (reader, long_path, NULL, &long_message);
  g_assert_null (long_documents);
  g_autofree char *prefix = g_strdup_printf ("%s:2: a paragraph of", long_path);
  if (!g_str_has_prefix (long_message, prefix))
    g_error ("'%s' does not start with '%s'", long_message, prefix);
  g_assert_nonnull (strstr (long_message, "from byte 18"));
  remove_tree (dir);
}

/* A run of words without a sentence end is cut into sentences no longer
 * than the limit, after a comma near it where there is one, and every
 * word is kept. */
static void
test_long_sentence (void)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "word%u%s ", i, i == 460 ? "," : "");
  g_autoptr (KgDocument) doc = read_text (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpuint (kg_document_get_n_tokens (doc), ==, 1001);
  guint total = 0;
  for (guint i = 0; i < kg_document_get_n_sentences (doc); i++)
    {
      const KgSentence *s = kg_document_get_sentence (doc, i);
      g_assert_cmpuint (s->n_tokens, <=, KG_READER_MAX_SENTENCE_TOKENS);
      total += s->n_tokens;
    }
  g_assert_cmpuint (total, ==, 1001);
  /* 250 words, then 211 and the comma (in the last fifth before the limit) */
  g_assert_cmpuint (kg_document_get_sentence (doc, 0)->n_tokens, ==, KG_READER_MAX_SENTENCE_TOKENS);
  const KgSentence *second = kg_document_get_sentence (doc, 1);
  g_assert_cmpstr (kg_document_get_token (doc, second->first_token + second->n_tokens - 1)->form, ==, ",");
}

/* CoNLL-U in goes through kg_conllu_read, words and all. */
static void
test_conllu_input (void)
{
  const char *conllu =
    "# newdoc id = d1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
  g_autoptr (KgReader) reader = kg_reader_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (conllu, strlen (conllu));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "gold.conllu", bytes, NULL, &error);
  g_assert_no_error (error);
  KgDocument *document = g_ptr_array_index (documents, 0);
  g_autofree char *forms = all_forms (document);
  g_assert_cmpstr (forms, ==, "I do+n't know .");
  g_assert_cmpstr (kg_document_get_token (document, 2)->lemma, ==, "not");
}

/* Empty bytes, whose data may be NULL: no document and no crash (found
 * by fuzzing: the text reader added an offset to NULL, which UBSan
 * reports under make check-asan). */
static void
test_empty_bytes (void)
{
  for (KgInputFormat format = KG_INPUT_FORMAT_TEXT; format < KG_INPUT_FORMAT_N_FORMATS; format++)
    {
      g_autoptr (KgReader) reader = kg_reader_new ();
      kg_reader_set_format (reader, format);
      g_autoptr (GBytes) bytes = g_bytes_new (NULL, 0);
      g_autoptr (GPtrArray) problems = kg_read_problems_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, "empty", bytes, problems, &error);
      g_assert_true (documents == NULL || documents->len == 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reader/detect-format", test_detect_format);
  g_test_add_func ("/reader/empty-bytes", test_empty_bytes);
  g_test_add_func ("/reader/inputs/directory", test_expand_directory);
  g_test_add_func ("/reader/inputs/list", test_expand_list);
  g_test_add_func ("/reader/jsonl/lines", test_jsonl);
  g_test_add_func ("/reader/jsonl/all-bad", test_jsonl_all_bad);
  g_test_add_func ("/reader/jsonl/ids", test_jsonl_ids);
  g_test_add_func ("/reader/utf16", test_utf16);
  g_test_add_func ("/reader/jsonl/error-column", test_jsonl_error_column);
  g_test_add_func ("/reader/inputs/normalized", test_normalize_path);
  g_test_add_func ("/reader/bad/files", test_bad_files);
  g_test_add_func ("/reader/bad/lenient", test_lenient);
  g_test_add_func ("/reader/bad/huge-line", test_huge_line);
  g_test_add_func ("/reader/conllu-input", test_conllu_input);
  g_test_add_func ("/reader/long-sentence", test_long_sentence);
  return g_test_run ();
}
