/* test-model-file.c: the model container: round trip and every way a
 * model file can be wrong. */
#include "nlp/model-file.h"
#include "kgraph/error.h"

#include <string.h>

static GBytes *
sample_model (const char *kind, guint64 hash)
{
  KgModelWriter *writer = kg_model_writer_new (kind, hash);
  kg_model_writer_add (writer, "labels", "a\nb", 3);
  kg_model_writer_add (writer, "numbers", "\x01\x02\x03\x04\x05", 5);
  return kg_model_writer_finish (writer);
}

static void
test_round_trip (void)
{
  g_autoptr (GBytes) bytes = sample_model ("tagger", 42);
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_new_from_bytes (bytes, "m.bin", "tagger", 42, &error);
  g_assert_no_error (error);
  gsize length;
  const char *labels = kg_model_get_section (model, "labels", &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (labels, length, "a\nb", 3);
  const guint8 *numbers = kg_model_get_section (model, "numbers", &length, &error);
  g_assert_cmpuint (length, ==, 5);
  g_assert_cmpuint (numbers[4], ==, 5);
  g_assert_cmpuint ((gsize) numbers % 8, ==, 0);  /* sections are aligned */
  g_assert_true (kg_model_has_section (model, "labels"));
  g_assert_false (kg_model_has_section (model, "weights"));
  g_assert_null (kg_model_get_section (model, "weights", &length, &error));
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "m.bin"));
}

static void
test_deterministic (void)
{
  g_autoptr (GBytes) a = sample_model ("parser", 7);
  g_autoptr (GBytes) b = sample_model ("parser", 7);
  g_assert_true (g_bytes_equal (a, b));
}

/* Opens data as a model and expects a KG_ERROR_MODEL naming the file and
 * containing what. */
static void
expect_bad (GBytes *data, const char *kind, guint64 hash, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_new_from_bytes (data, "broken.bin", kind, hash, &error);
  g_assert_null (model);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "broken.bin"));
  if (strstr (error->message, what) == NULL)
    g_error ("expected '%s' in: %s", what, error->message);
}

static GBytes *
patched (GBytes *bytes, gsize offset, const void *data, gsize n)
{
  gsize length;
  const guint8 *original = g_bytes_get_data (bytes, &length);
  guint8 *copy = g_memdup2 (original, length);
  memcpy (copy + offset, data, n);
  return g_bytes_new_take (copy, length);
}

static void
test_errors (void)
{
  g_autoptr (GBytes) good = sample_model ("tagger", 42);
  gsize length = g_bytes_get_size (good);

  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  expect_bad (empty, "tagger", 42, "truncated");
  g_autoptr (GBytes) header_only = g_bytes_new_from_bytes (good, 0, 14);
  expect_bad (header_only, "tagger", 42, "truncated");
  g_autoptr (GBytes) cut = g_bytes_new_from_bytes (good, 0, length - 3);
  expect_bad (cut, "tagger", 42, "past the end");
  g_autoptr (GBytes) magic = patched (good, 0, "NOTMODEL", 8);
  expect_bad (magic, "tagger", 42, "wrong magic");
  guint32 future = GUINT32_TO_LE (99);
  g_autoptr (GBytes) newer = patched (good, 8, &future, 4);
  expect_bad (newer, "tagger", 42, "newer");
  expect_bad (good, "tagger", 43, "another feature set");
  expect_bad (good, "parser", 42, "expected a parser model");
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_open ("/nonexistent/model.bin", "tagger", 1, &error);
  g_assert_null (model);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "/nonexistent/model.bin"));
}

/* A section off the 8-byte alignment would be read with misaligned loads:
 * refused as corrupt (found by fuzzing). */
static void
test_misaligned_section (void)
{
  KgModelWriter *writer = kg_model_writer_new ("toy", 7);
  kg_model_writer_add (writer, "data", "0123456789abcdef", 16);
  g_autoptr (GBytes) bytes = kg_model_writer_finish (writer);
  gsize length;
  const void *written = g_bytes_get_data (bytes, &length);
  guint8 *data = g_memdup2 (written, length);
  /* magic 8, version 4, kind 4 + 3, hash 8, count 4, name 4 + 4: then the
   * section's offset */
  gsize at = 8 + 4 + 4 + 3 + 8 + 4 + 4 + 4;
  data[at] += 1;       /* one byte later ... */
  data[at + 8] -= 1;   /* ... and one shorter, so that it still ends in the file */
  g_autoptr (GBytes) shifted = g_bytes_new_take (data, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (KgModel) model = kg_model_new_from_bytes (shifted, "toy.bin", "toy", 7, &error);
  g_assert_null (model);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "not 8-byte aligned"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model-file/misaligned-section", test_misaligned_section);
  g_test_add_func ("/model-file/round-trip", test_round_trip);
  g_test_add_func ("/model-file/deterministic", test_deterministic);
  g_test_add_func ("/model-file/errors", test_errors);
  g_test_add_func ("/model-file/missing-file", test_missing_file);
  return g_test_run ();
}
