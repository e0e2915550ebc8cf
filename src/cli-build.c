/* cli-build.c: `kgraph build`, the main job: articles in, a knowledge graph
 * out, in every format asked for.  Documents are read and processed one at
 * a time, so memory holds the graph, not the corpus. */
#include "cli.h"
#include "entity-merge.h"

#include <stdio.h>

typedef struct {
  const KgPipeline *pipeline;
  KgGraph *graph;
  KgFactCounts facts;
} Build;

static void
build_document (KgDocument *document, gpointer user_data)
{
  Build *b = user_data;
  kg_pipeline_annotate (b->pipeline, document);
  kg_pipeline_add_to_graph (b->pipeline, document, b->graph, &b->facts);
}

int
kg_cmd_build (int argc, char **argv)
{
  g_auto (KgCliInput) input = { 0 };
  g_auto (KgCliOutput) output = { 0 };
  g_autofree char *aliases_path = NULL;
  gboolean all_facts = FALSE;
  const GOptionEntry entries[] = {
    { "all-facts", 0, 0, G_OPTION_ARG_NONE, &all_facts,
      "Keep facts between two common-noun phrases in the graph too (by default they are only in "
      "NAME.facts.tsv)", NULL },
    { "aliases", 'a', 0, G_OPTION_ARG_FILENAME, &aliases_path,
      "Rules that correct entities, one a line: 'A = B' merges, 'A != B' keeps apart, 'A -> TYPE' retypes, "
      "'!A' drops", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("INPUT... - build a knowledge graph from articles");
  g_option_context_set_summary (context,
    "Reads articles (text, HTML, JSON Lines; files, directories read recursively in\n"
    "sorted order, '-' for standard input, @LIST for a file of paths), finds the\n"
    "people, places and organisations and the facts that link them, and writes the\n"
    "graph as Graphviz DOT, SVG/PNG/PDF diagrams, an HTML report, GraphML for Gephi\n"
    "and RDF N-Triples/N-Quads, with NAME.entities.tsv (every entity, its aliases and the\n"
    "rule that merged each), NAME.predicates.tsv and NAME.documents.tsv beside it.\n"
    "A document that cannot be read is reported and skipped; the rest still build.\n\n"
    KG_INPUT_LIMITS_HELP);
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph build seeds -o out --name seeds -f all\n"
    "  kgraph build --input-format jsonl --text-field body news.jsonl -o out -f graphml,nt\n"
    "  kgraph build @articles.txt -o - -f nt | rapper -i ntriples -c -\n"
    "  kgraph build seeds -o out -f png,html --focus Araghchi --depth 2\n\n"
    "The diagrams draw the named entities and the facts between them, at most 40\n"
    "nodes; --help-diagram lists the options that change that.\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, kg_cli_input_group (&input));
  g_option_context_add_group (context, kg_cli_data_group (&input));
  g_option_context_add_group (context, kg_cli_output_group (&output));
  g_option_context_add_group (context, kg_cli_diagram_group (&output));
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc < 2)
    {
      kg_cli_error ("no input (try 'kgraph build --help')");
      return KG_EXIT_USAGE;
    }
  g_autoptr (KgReader) reader = kg_cli_input_reader (&input);
  if (reader == NULL)
    return KG_EXIT_USAGE;
  KgExit status = KG_EXIT_OK;
  if (!kg_cli_output_check (&output, &status))
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (KgAliasRules) rules = aliases_path ? kg_alias_rules_load (aliases_path, &error) : NULL;
  if (aliases_path && rules == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_INPUT;
    }
  g_autoptr (KgPipeline) pipeline = kg_cli_pipeline_new (&input, KG_STAGE_FACTS, &error);
  if (pipeline == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }

  g_autoptr (KgGraph) graph = kg_graph_new ();
  Build build = { pipeline, graph, { 0 } };
  KgCliCounts counts = kg_cli_read_documents_except (reader, (const char *const *) argv + 1, argc - 1, &output,
                                                     build_document, &build);
  if (counts.documents == 0)
    {
      kg_cli_error ("no usable input: nothing written");
      return KG_EXIT_INPUT;
    }
  kg_entities_consolidate (graph, rules);
  guint unresolved_roles = kg_entities_resolve_offices (graph);
  if (!output.quiet)
    {
      const KgFactCounts *f = &build.facts;
      fprintf (stderr,
               "kgraph: %u %s found, %u in the graph; left out: %u with an unresolved pronoun or headline "
               "word, %u with a clause for an argument, %u without an object, %u about themselves, %u with a "
               "fragment, a vague noun or a possessive for an argument\n",
               f->extracted, kg_cli_plural (f->extracted, "fact", "facts"), f->added, f->unresolved, f->clausal,
               f->no_object, f->self, f->fragment);
      if (unresolved_roles)
        fprintf (stderr, "kgraph: %u office %s named by their role alone (\"the Belarusian president\") "
               "that no document names\n", unresolved_roles, kg_cli_plural (unresolved_roles, "holder", "holders"));
    }
  output.entity_centric = !all_facts;
  status = kg_cli_output_write (&output, graph);
  return status == KG_EXIT_OK && counts.skipped > 0 ? KG_EXIT_PARTIAL : status;
}
