/* test-nlp.c: the shipped models (data/models) on sentences of the kind
 * kgraph reads: the arcs that fact extraction depends on, lemmas, tags,
 * and every model-loading error. */
#include <kgraph.h>

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *
model_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "models", NULL);
}

static char *
lexicon_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lexicon", NULL);
}

static KgPipeline *
pipeline (void)
{
  static KgPipeline *shared = NULL;
  if (shared == NULL)
    {
      g_autofree char *dir = model_dir ();
      g_autofree char *lexicon = lexicon_dir ();
      g_autoptr (GError) error = NULL;
      shared = kg_pipeline_new (dir, lexicon, KG_STAGE_PARSE, &error);
      g_assert_no_error (error);
    }
  return shared;
}

/* Reads text as one plain-text document and runs tags and parse. */
static KgDocument *
annotate (const char *text)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_INPUT_FORMAT_TEXT);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = kg_reader_read_bytes (reader, "test", bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  KgDocument *doc = g_ptr_array_steal_index (docs, 0);
  kg_pipeline_annotate (pipeline (), doc);
  return doc;
}

/* The 1-based index of the first word of the sentence with this form. */
static guint
word (const KgDocument *doc, const KgSentence *s, const char *form)
{
  for (guint i = 0; i < s->n_tokens; i++)
    if (strcmp (kg_document_get_token (doc, s->first_token + i)->form, form) == 0)
      return i + 1;
  g_error ("no word '%s' in the sentence", form);
}

static const KgToken *
token (const KgDocument *doc, const KgSentence *s, guint index)
{
  return kg_document_get_token (doc, s->first_token + index - 1);
}

/* The word that heads the name w is part of (UD heads names with their
 * first word and hangs the rest from it as flat). */
static guint
name_head (const KgDocument *doc, const KgSentence *s, guint w)
{
  return strcmp (token (doc, s, w)->deprel, "flat") == 0 ? (guint) token (doc, s, w)->head : w;
}

/* Asserts that dependent hangs from head with relation deprel; a word of a
 * name stands for the name. */
static void
assert_arc (const KgDocument *doc, const KgSentence *s, const char *head, const char *deprel, const char *dependent)
{
  guint d = name_head (doc, s, word (doc, s, dependent));
  const KgToken *t = token (doc, s, d);
  guint h = head ? name_head (doc, s, word (doc, s, head)) : 0;
  if ((guint) t->head != h || strcmp (t->deprel, deprel) != 0)
    g_error ("expected %s -%s-> %s, got head %d (%s) for %s", head ? head : "ROOT", deprel, dependent, t->head,
             t->head > 0 ? token (doc, s, t->head)->form : "ROOT", t->deprel);
}

static void
test_reported_speech (void)
{
  g_autoptr (KgDocument) doc = annotate (
      "Iran’s Foreign Minister Seyed Abbas Araghchi said relations between Iran and Belarus are steadily "
      "expanding in political, economic, and cultural domains.\n");
  const KgSentence *s = kg_document_get_sentence (doc, 0);
  assert_arc (doc, s, NULL, "root", "said");
  assert_arc (doc, s, "said", "nsubj", "Araghchi");
  assert_arc (doc, s, "said", "ccomp", "expanding");
  assert_arc (doc, s, "expanding", "nsubj", "relations");
  assert_arc (doc, s, "Seyed", "nmod:desc", "Minister");
  assert_arc (doc, s, "Seyed", "nmod:poss", "Iran");
}

static void
test_appositive (void)
{
  g_autoptr (KgDocument) doc = annotate (
      "Speaking at the conclusion of his visit to Minsk, the Belarusian capital, Araghchi said Iran and "
      "Belarus are politically aligned.\n");
  const KgSentence *s = kg_document_get_sentence (doc, 0);
  assert_arc (doc, s, "Minsk", "appos", "capital");
  assert_arc (doc, s, "said", "nsubj", "Araghchi");
  assert_arc (doc, s, "said", "advcl", "Speaking");
}

static void
test_passive_negation_control (void)
{
  g_autoptr (KgDocument) doc = annotate (
      "The comprehensive cooperation roadmap was signed by Ebrahim Raisi and Alexander Lukashenko.\n"
      "The current trade volume does not reflect the true potential of bilateral relations.\n"
      "Lukashenko promised to tackle banking issues with Iran.\n");
  g_assert_cmpuint (kg_document_get_n_sentences (doc), ==, 3);
  const KgSentence *passive = kg_document_get_sentence (doc, 0);
  assert_arc (doc, passive, "signed", "nsubj:pass", "roadmap");
  assert_arc (doc, passive, "signed", "obl:agent", "Raisi");
  assert_arc (doc, passive, "Raisi", "conj", "Lukashenko");
  const KgSentence *negated = kg_document_get_sentence (doc, 1);
  assert_arc (doc, negated, "reflect", "advmod", "not");
  assert_arc (doc, negated, "reflect", "obj", "potential");
  const KgSentence *control = kg_document_get_sentence (doc, 2);
  assert_arc (doc, control, "promised", "xcomp", "tackle");
  assert_arc (doc, control, "tackle", "obj", "issues");
}

static void
test_tags_and_lemmas (void)
{
  g_autoptr (KgDocument) doc = annotate ("The presidents met in Tehran and signed documents covering several countries.\n");
  const KgSentence *s = kg_document_get_sentence (doc, 0);
  static const struct { const char *form, *lemma; KgUpos upos; } cases[] = {
    { "presidents", "president", KG_UPOS_NOUN },
    { "met", "meet", KG_UPOS_VERB },
    { "Tehran", "Tehran", KG_UPOS_PROPN },
    { "signed", "sign", KG_UPOS_VERB },
    { "countries", "country", KG_UPOS_NOUN },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const KgToken *t = token (doc, s, word (doc, s, cases[i].form));
      g_assert_cmpstr (t->lemma, ==, cases[i].lemma);
      g_assert_cmpstr (kg_upos_to_string (t->upos), ==, kg_upos_to_string (cases[i].upos));
    }
}

/* Every sentence gets one tree: one root, every head in range, no cycle. */
static void
test_always_one_tree (void)
{
  GString *text = g_string_new ("and and and , , , the the of\n");
  for (guint i = 0; i < 300; i++)
    g_string_append (text, i % 7 ? "word " : ", ");
  g_string_append (text, ".\n");
  g_autoptr (KgDocument) doc = annotate (text->str);
  g_string_free (text, TRUE);
  for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, s);
      guint roots = 0;
      for (guint i = 1; i <= sentence->n_tokens; i++)
        {
          const KgToken *t = token (doc, sentence, i);
          g_assert_cmpint (t->head, >=, 0);
          g_assert_cmpint (t->head, <=, (int) sentence->n_tokens);
          roots += t->head == 0;
          guint steps = 0;
          for (int h = t->head; h != 0; h = token (doc, sentence, h)->head)
            g_assert_cmpuint (++steps, <=, sentence->n_tokens);
        }
      g_assert_cmpuint (roots, ==, 1);
    }
}

static void
test_missing_models (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) none = kg_pipeline_new ("/nonexistent", "/nonexistent", KG_STAGE_PARSE, &error);
  g_assert_null (none);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "/nonexistent/tagger.bin"));
  /* the tokens stage needs no models */
  g_autoptr (KgPipeline) tokens = kg_pipeline_new ("/nonexistent", "/nonexistent", KG_STAGE_TOKENS, &error);
  g_assert_nonnull (tokens);
}

static void
test_model_of_another_kind (void)
{
  /* a parser model where the tagger should be */
  g_autofree char *dir = model_dir ();
  g_autofree char *parser = g_build_filename (dir, "parser.bin", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("kgraph-models-XXXXXX", NULL);
  g_autofree char *tagger = g_build_filename (tmp, "tagger.bin", NULL);
  g_assert_cmpint (symlink (parser, tagger), ==, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) p = kg_pipeline_new (tmp, tmp, KG_STAGE_TAGS, &error);
  g_assert_null (p);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "a parser model, expected a tagger model"));
  g_unlink (tagger);
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nlp/parse/reported-speech", test_reported_speech);
  g_test_add_func ("/nlp/parse/appositive", test_appositive);
  g_test_add_func ("/nlp/parse/passive-negation-control", test_passive_negation_control);
  g_test_add_func ("/nlp/tags-and-lemmas", test_tags_and_lemmas);
  g_test_add_func ("/nlp/parse/always-one-tree", test_always_one_tree);
  g_test_add_func ("/nlp/models/missing", test_missing_models);
  g_test_add_func ("/nlp/models/other-kind", test_model_of_another_kind);
  return g_test_run ();
}
