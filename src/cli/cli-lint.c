/* cli-lint.c: `kgraph lint`, which checks DOT, GraphML, N-Triples,
 * N-Quads and Turtle files against the rules kgraph's exporters follow and prints
 * each problem as FILE:LINE:COLUMN: error|warning: message. */
#include "cli.h"

#include <kgraph/lint.h>
#include <stdio.h>

int
kg_cmd_lint (int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  gboolean errors_only = FALSE, quiet = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Check as dot, graphml, nt, nq or ttl (default: from the content, then the file name; files of other "
      "formats are skipped)", "FORMAT" },
    { "errors-only", 'e', 0, G_OPTION_ARG_NONE, &errors_only, "Report errors only, not warnings", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary line on stderr", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE... - check exported graph files");
  g_option_context_set_summary (context,
    "Checks DOT, GraphML, N-Triples, N-Quads and Turtle files ('-' reads standard\n"
    "input) against the rules kgraph's exporters follow: what Graphviz, Gephi,\n"
    "networkx, igraph, rapper, rdflib and triple stores accept and read back\n"
    "unchanged.  Prints FILE:LINE:COLUMN: error|warning: message for each problem.\n"
    "The format of each file comes from its content (then its name); a file of\n"
    "another format (SVG, PNG, PDF, a report) is skipped, and said so on stderr.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph lint out/kgraph.dot out/kgraph.graphml out/kgraph.nt out/kgraph.ttl\n"
    "  curl -s https://example.org/data.nt | kgraph lint --format nt -\n\n"
    "Exit status: 0 no problems, 1 problems found, 2 bad command line,\n"
    "3 a file could not be read, or no file was checked.\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc < 2)
    {
      kg_cli_error ("no file to check (try 'kgraph lint --help')");
      return KG_EXIT_USAGE;
    }
  KgFormat format = KG_FORMAT_N_FORMATS;
  if (format_name && (!kg_format_from_string (format_name, &format) || !kg_lint_supports (format)))
    {
      kg_cli_error ("unknown lint format '%s' (use dot, graphml, nt, nq or ttl)", format_name);
      return KG_EXIT_USAGE;
    }

  guint errors = 0, warnings = 0, unreadable = 0, skipped = 0;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = kg_lint_file (argv[i], format, &error);
      if (problems == NULL && format == KG_FORMAT_N_FORMATS && g_error_matches (error, KG_ERROR, KG_ERROR_OPTION))
        {
          /* not a format lint checks (an SVG beside the .dot, a report):
           * so that lint given a whole output directory checks what it can */
          fprintf (stderr, "kgraph: skipped %s\n", error->message);
          skipped++;
          continue;
        }
      if (problems == NULL)
        {
          kg_cli_error ("%s", error->message);
          unreadable++;
          continue;
        }
      const char *shown = g_strcmp0 (argv[i], "-") == 0 ? "<stdin>" : argv[i];
      for (guint p = 0; p < problems->len; p++)
        {
          const KgLintProblem *problem = problems->pdata[p];
          if (errors_only && problem->severity != KG_LINT_ERROR)
            continue;
          printf ("%s:%u:%u: %s: %s\n", shown, problem->line, problem->column,
                  kg_lint_severity_to_string (problem->severity), problem->message);
          if (problem->severity == KG_LINT_ERROR)
            errors++;
          else
            warnings++;
        }
    }
  fflush (stdout);
  guint checked = argc - 1 - skipped - unreadable;
  g_autofree char *skipped_note = skipped ? g_strdup_printf (", %u skipped", skipped) : g_strdup ("");
  if (!quiet)
    fprintf (stderr, "kgraph: %u file%s checked: %u error%s, %u warning%s%s%s\n", checked, checked == 1 ? "" : "s",
             errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", skipped_note,
             unreadable ? ", some files unreadable" : "");
  if (unreadable || checked == 0)
    return KG_EXIT_INPUT;
  return errors + warnings > 0 ? KG_EXIT_PROBLEMS : KG_EXIT_OK;
}
