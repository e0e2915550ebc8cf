/* cli-annotate.c: `kgraph annotate`, articles in, CoNLL-U out: the text
 * stages' results in the interchange format every later stage reads.
 *
 * The stages run in pipeline order up to the one asked for; today that is
 * "tokens" (reading, cleaning, sentences, tokens).  A later stage (tags,
 * parse, entities) adds a row to the stage table and a case to
 * annotate_document().
 */
#include "cli.h"
#include "atomic-file.h"

#include <stdio.h>
#include <string.h>

typedef enum {
  STAGE_TOKENS,
  N_STAGES
} Stage;

static const struct {
  const char *name;
  const char *summary;
} stages[N_STAGES] = {
  [STAGE_TOKENS] = { "tokens", "sentences and tokens, with their kinds and byte offsets" },
};

static gboolean
parse_stage (const char *name, Stage *stage)
{
  for (guint i = 0; i < N_STAGES; i++)
    if (strcmp (name, stages[i].name) == 0)
      {
        *stage = i;
        return TRUE;
      }
  return FALSE;
}

/* Runs the stages after reading, up to stage, on document. */
static gboolean
annotate_document (KgDocument *document, Stage stage, GError **error)
{
  switch (stage)
    {
    case STAGE_TOKENS:
      return TRUE; /* the reader has split and tokenized it */
    case N_STAGES:
      break;
    }
  g_return_val_if_reached (FALSE);
}

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
  g_autofree char *stage_name = NULL, *format_name = NULL, *output = NULL;
  g_autofree char *text_field = NULL, *id_field = NULL, *title_field = NULL, *date_field = NULL;
  gboolean lenient = FALSE;
  const GOptionEntry entries[] = {
    { "stage", 's', 0, G_OPTION_ARG_STRING, &stage_name, "Last stage to run: tokens (default: tokens)", "STAGE" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      "Input format: auto, text, html, jsonl, conllu (default: auto, from the content)", "FORMAT" },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &text_field, "JSON Lines: field with the text (default: text)", "NAME" },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &id_field, "JSON Lines: field with the document id (default: id)", "NAME" },
    { "title-field", 0, 0, G_OPTION_ARG_STRING, &title_field, "JSON Lines: field with the title", "NAME" },
    { "date-field", 0, 0, G_OPTION_ARG_STRING, &date_field, "JSON Lines: field with the date", "NAME" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient,
      "Replace invalid UTF-8 and NUL bytes with U+FFFD instead of skipping the document", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE... - sentences and tokens as CoNLL-U");
  g_option_context_set_summary (context,
    "Reads articles (text, HTML, JSON Lines; files, directories, '-' for standard\n"
    "input, @LIST for a file of paths) and writes CoNLL-U: '# newdoc id', '# sent_id',\n"
    "'# text', '# kind' for headings, bullets, titles and page furniture, and per\n"
    "token its byte offsets in the original input (TokenRange=START:END) and\n"
    "SpaceAfter=No.  Files and documents that cannot be read are reported and\n"
    "skipped; the rest is written.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph annotate seeds/000_60a27b6c2513630d.txt\n"
    "  kgraph annotate --stage tokens corpus/ -o corpus.conllu\n"
    "  kgraph annotate --input-format jsonl --text-field body --id-field url news.jsonl\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;

  Stage stage = STAGE_TOKENS;
  if (stage_name && !parse_stage (stage_name, &stage))
    {
      kg_cli_error ("unknown stage '%s' (use tokens)", stage_name);
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

  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, format);
  kg_reader_set_fields (reader, text_field, id_field, title_field, date_field);
  kg_reader_set_lenient (reader, lenient);

  g_autoptr (GError) error = NULL;
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
          g_clear_error (&error);
          if (!annotate_document (document, stage, &error))
            {
              kg_cli_warning ("%s (skipped)", error->message);
              counts.skipped++;
              continue;
            }
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
