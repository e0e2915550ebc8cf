/* cli-annotate.c: `kgraph annotate`, articles in, CoNLL-U out: the text
 * stages' results in the interchange format every later stage reads.
 * The stages run in pipeline order (kgraph/pipeline.h) up to the one asked
 * for.
 */
#include "cli.h"
#include "atomic-file.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  guint documents;   /* written */
  guint skipped;     /* files and documents left out */
} Counts;

static void
report_problems (GPtrArray *problems, Counts *counts)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const KgReadProblem *problem = g_ptr_array_index (problems, i);
      if (problem->skipped)
        {
          kg_cli_warning ("%s (skipped)", problem->message);
          counts->skipped++;
        }
      else
        kg_cli_warning ("%s", problem->message);
    }
  g_ptr_array_set_size (problems, 0);
}

int
kg_cmd_annotate (int argc, char **argv)
{
  g_autofree char *stage_name = NULL, *format_name = NULL, *output = NULL, *model_dir = NULL;
  g_autofree char *text_field = NULL, *id_field = NULL, *title_field = NULL, *date_field = NULL;
  gboolean lenient = FALSE;
  const GOptionEntry entries[] = {
    { "stage", 's', 0, G_OPTION_ARG_STRING, &stage_name,
      "Last stage to run: tokens, tags (with lemmas), parse (default: parse)", "STAGE" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      "Input format: auto, text, html, jsonl, conllu (default: auto, from the content)", "FORMAT" },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &text_field, "JSON Lines: field with the text (default: text)", "NAME" },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &id_field, "JSON Lines: field with the document id (default: id)", "NAME" },
    { "title-field", 0, 0, G_OPTION_ARG_STRING, &title_field, "JSON Lines: field with the title", "NAME" },
    { "date-field", 0, 0, G_OPTION_ARG_STRING, &date_field, "JSON Lines: field with the date", "NAME" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient,
      "Replace invalid UTF-8 and NUL bytes with U+FFFD instead of skipping the document", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "model-dir", 0, 0, G_OPTION_ARG_FILENAME, &model_dir,
      "Models from DIR (default: $KGRAPH_MODEL_DIR, else the installed models)", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE... - tokens, tags and trees as CoNLL-U");
  g_option_context_set_summary (context,
    "Reads articles (text, HTML, JSON Lines; files, directories, '-' for standard\n"
    "input, @LIST for a file of paths) and writes CoNLL-U: '# newdoc id', '# sent_id',\n"
    "'# text', '# kind' for headings, bullets, titles and page furniture, and per\n"
    "word its lemma, UPOS, XPOS, features, head and relation, with its byte offsets\n"
    "in the original input (TokenRange=START:END) and SpaceAfter=No.  With\n"
    "--input-format conllu the tokens of the file are kept and the rest predicted,\n"
    "so any treebank can be scored with gold tokens (scripts/eval-ud).  Files and\n"
    "documents that cannot be read are reported and skipped; the rest is written.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph annotate seeds/000_60a27b6c2513630d.txt\n"
    "  kgraph annotate --stage tokens corpus/ -o corpus.conllu\n"
    "  kgraph annotate --input-format conllu en_ewt-ud-test.conllu > predicted.conllu\n"
    "  kgraph annotate --input-format jsonl --text-field body --id-field url news.jsonl\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;

  KgStage stage = KG_STAGE_PARSE;
  if (stage_name && !kg_stage_from_string (stage_name, &stage))
    {
      kg_cli_error ("unknown stage '%s' (use tokens, tags or parse)", stage_name);
      return KG_EXIT_USAGE;
    }
  KgInputFormat format = KG_INPUT_FORMAT_AUTO;
  if (format_name && !kg_input_format_from_string (format_name, &format))
    {
      kg_cli_error ("unknown input format '%s' (use auto, text, html, jsonl or conllu)", format_name);
      return KG_EXIT_USAGE;
    }
  if (argc < 2)
    {
      kg_cli_error ("no input file (try 'kgraph annotate --help')");
      return KG_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) pipeline = kg_cli_pipeline_new (model_dir, stage, &error);
  if (pipeline == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }

  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, format);
  kg_reader_set_fields (reader, text_field, id_field, title_field, date_field);
  kg_reader_set_lenient (reader, lenient);

  g_autoptr (KgAtomicFile) file = kg_atomic_file_open (output ? output : "-", &error);
  if (file == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  FILE *out = kg_atomic_file_get_stream (file);

  Counts counts = { 0, 0 };
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs ((const char *const *) argv + 1, argc - 1, problems);
  report_problems (problems, &counts);
  g_autoptr (GString) buffer = g_string_sized_new (1 << 16);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_clear_error (&error);
      g_autoptr (GPtrArray) documents = kg_reader_read_file (reader, path, problems, &error);
      report_problems (problems, &counts);
      if (documents == NULL)
        {
          kg_cli_warning ("%s (skipped)", error->message);
          counts.skipped++;
          continue;
        }
      for (guint d = 0; d < documents->len; d++)
        {
          KgDocument *document = g_ptr_array_index (documents, d);
          kg_pipeline_annotate (pipeline, document);
          g_string_truncate (buffer, 0);
          kg_conllu_write (document, buffer);
          fwrite (buffer->str, 1, buffer->len, out);
          counts.documents++;
        }
    }

  if (counts.documents == 0)
    {
      kg_cli_error ("no usable input: nothing written");
      return KG_EXIT_INPUT;
    }
  g_clear_error (&error);
  if (!kg_atomic_file_commit (g_steal_pointer (&file), &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  return counts.skipped > 0 ? KG_EXIT_PARTIAL : KG_EXIT_OK;
}
