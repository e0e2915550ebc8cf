/* cli-annotate.c: `kgraph annotate`, articles in, CoNLL-U out: the text
 * stages' results in the interchange format every later stage reads.
 * The stages run in pipeline order (kgraph/pipeline.h) up to the one asked
 * for.
 */
#include "cli.h"
#include "util/atomic-file.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  const KgPipeline *pipeline;
  FILE *out;
  GString *buffer;
} Annotation;

static void
annotate_document (KgDocument *document, G_GNUC_UNUSED double done, gpointer user_data)
{
  g_autoptr (KgDocument) owned = document;
  Annotation *a = user_data;
  kg_pipeline_annotate (a->pipeline, document);
  g_string_truncate (a->buffer, 0);
  kg_conllu_write (document, a->buffer);
  fwrite (a->buffer->str, 1, a->buffer->len, a->out);
}

int
kg_cmd_annotate (int argc, char **argv)
{
  g_autofree char *stage_name = NULL, *output = NULL;
  g_auto (KgCliInput) input = { 0 };
  const GOptionEntry entries[] = {
    { "stage", 's', 0, G_OPTION_ARG_STRING, &stage_name,
      "Last stage to run: tokens, tags (with lemmas), parse, entities (default: parse)", "STAGE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
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
    "  kgraph annotate --input-format jsonl --text-field body --id-field url news.jsonl\n\n" KG_INPUT_LIMITS_HELP "\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, kg_cli_input_group (&input));
  g_option_context_add_group (context, kg_cli_data_group (&input));
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;

  KgStage stage = KG_STAGE_PARSE;
  if (stage_name && (!kg_stage_from_string (stage_name, &stage) || stage > KG_STAGE_ENTITIES))
    {
      kg_cli_error ("unknown stage '%s' (use tokens, tags, parse or entities)", stage_name);
      return KG_EXIT_USAGE;
    }
  g_autoptr (KgReader) reader = kg_cli_input_reader (&input);
  if (reader == NULL)
    return KG_EXIT_USAGE;
  if (argc < 2)
    {
      kg_cli_error ("no input file (try 'kgraph annotate --help')");
      return KG_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) pipeline = kg_cli_pipeline_new (&input, stage, &error);
  if (pipeline == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }

  g_autoptr (KgAtomicFile) file = kg_atomic_file_open (output ? output : "-", &error);
  if (file == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  g_autoptr (GString) buffer = g_string_sized_new (1 << 16);
  Annotation annotation = { pipeline, kg_atomic_file_get_stream (file), buffer };
  KgCliCounts counts = kg_cli_read_documents (reader, (const char *const *) argv + 1, argc - 1, annotate_document,
                                              &annotation);

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
