/* cli-import.c: `kgraph import`, triples from TSV to every export format. */
#include "cli.h"

int
kg_cmd_import (int argc, char **argv)
{
  g_auto (KgCliOutput) output = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE... - build a graph from triples in TSV");
  g_option_context_set_summary (context,
    "Reads facts, one per line, as\n"
    "  subject<TAB>predicate<TAB>object[<TAB>subject_type[<TAB>object_type[<TAB>confidence[<TAB>source\n"
    "    [<TAB>sentence[<TAB>time[<TAB>place]]]]]]]\n"
    "('-' reads standard input) and writes the graph in the requested formats.\n"
    "time and place say when and where the sentence puts the fact (\"on Monday\", \"in Minsk\");\n"
    "an empty field is an absent one.\n"
    "In fields, \\t \\n \\r \\\\ stand for tab, line feed, carriage return and backslash.\n"
    "A file with a bad line is reported (file:line:column) and skipped as a whole.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph import facts.tsv -o out --name facts -f all\n"
    "  cut -f1-3 triples.tsv | kgraph import - -o - -f nt > facts.nt\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_group (context, kg_cli_output_group (&output));
  g_option_context_add_group (context, kg_cli_diagram_group (&output));
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc < 2)
    {
      kg_cli_error ("no input file (try 'kgraph import --help')");
      return KG_EXIT_USAGE;
    }
  KgExit status;
  if (!kg_cli_output_check (&output, &status))
    return status;

  g_autoptr (KgGraph) graph = kg_graph_new ();
  guint failed = 0;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      if (!kg_import_tsv (graph, argv[i], &error))
        {
          kg_cli_error ("%s (file skipped)", error->message);
          failed++;
        }
    }

  if (failed == (guint) argc - 1)
    {
      kg_cli_error ("no usable input: nothing written");
      return KG_EXIT_INPUT;
    }
  status = kg_cli_output_write (&output, graph);
  return status == KG_EXIT_OK && failed > 0 ? KG_EXIT_PARTIAL : status;
}
