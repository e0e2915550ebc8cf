/* main.c: the kgraph program: picks the subcommand and hands it argv.
 * Each subcommand lives in src/cli/cli-NAME.c with its own options and help. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} KgCommand;

static const KgCommand commands[] = {
  { "build", kg_cmd_build, "Build a knowledge graph from articles" },
  { "annotate", kg_cmd_annotate, "Tokens, tags, lemmas and dependency trees as CoNLL-U" },
  { "openie", kg_cmd_openie, "Open IE tuples from one sentence a line (CaRB format)" },
  { "import", kg_cmd_import, "Build a graph from triples in TSV" },
  { "merge", kg_cmd_merge, "Merge shards built apart into one graph" },
  { "lint", kg_cmd_lint, "Check a DOT, GraphML or N-Triples file" },
  { "train", kg_cmd_train, "Train a model from annotated corpora" },
};

static const KgCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage:\n  kgraph COMMAND [OPTION...] [ARG...]\n\n"
                "kgraph reads news articles and builds a knowledge graph of the people,\n"
                "places and organisations in them and the facts that link them.\n\n"
                "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "  %-10s %s\n\n", "help", "Show the help of a command");
  fprintf (out, "Options:\n  -h, --help     Show this help\n  --version      Show the version\n\n"
                "'kgraph help COMMAND' or 'kgraph COMMAND --help' shows a command's options.\n\n"
                KG_EXIT_CODES_HELP);
}

/* Runs cmd with argv[0] set to "kgraph NAME", so that GOption's help and
 * messages name the subcommand. */
static int
run_command (const KgCommand *cmd, int argc, char **argv)
{
  g_autofree char *prgname = g_strdup_printf ("kgraph %s", cmd->name);
  g_set_prgname (prgname);
  argv[0] = prgname;
  return cmd->run (argc, argv);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* Numbers in every output use a full stop, whatever the locale. */
  setlocale (LC_NUMERIC, "C");
  kg_cli_handle_signals ();

  if (argc < 2)
    {
      print_usage (stderr);
      return KG_EXIT_USAGE;
    }
  const char *name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0)
    {
      print_usage (stdout);
      return KG_EXIT_OK;
    }
  if (strcmp (name, "--version") == 0)
    {
      printf ("kgraph %s\n", KG_VERSION);
      return KG_EXIT_OK;
    }
  if (strcmp (name, "help") == 0)
    {
      if (argc < 3)
        {
          print_usage (stdout);
          return KG_EXIT_OK;
        }
      const KgCommand *cmd = find_command (argv[2]);
      if (cmd == NULL)
        {
          kg_cli_error ("unknown command '%s' (try 'kgraph --help')", argv[2]);
          return KG_EXIT_USAGE;
        }
      char *help_argv[] = { argv[0], "--help-all", NULL };
      return run_command (cmd, 2, help_argv);
    }

  const KgCommand *cmd = find_command (name);
  if (cmd == NULL)
    {
      kg_cli_error ("unknown command '%s' (try 'kgraph --help')", name);
      return KG_EXIT_USAGE;
    }
  return run_command (cmd, argc - 1, argv + 1);
}
