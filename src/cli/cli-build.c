/* cli-build.c: `kgraph build`, the main job: articles in, a knowledge graph
 * (or a shard of one) out, in every format asked for.  Documents are read
 * in order and annotated on a pool of threads, a few at a time, their
 * deltas added in input order (pipeline-pool.h), so memory holds the
 * graph, not the corpus, and the output does not depend on -j. */
#include "cli.h"
#include "graph/pipeline-pool.h"

#include <stdio.h>

typedef struct {
  KgPipelinePool *pool;
  KgCliSink *sink;
} Build;

static void
build_document (KgDocument *document, double done, gpointer user_data)
{
  Build *b = user_data;
  b->sink->done = done;
  kg_pipeline_pool_push (b->pool, document);
}

int
kg_cmd_build (int argc, char **argv)
{
  g_auto (KgCliInput) input = { 0 };
  g_auto (KgCliOutput) output = { 0 };
  g_auto (KgCliGraphOptions) options = { 0 };
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Annotate N documents at a time (default, or 0: one per processor); the output does not depend on N", "N" },
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
    "  kgraph build seeds -o out -f png,html --focus Araghchi --depth 2\n"
    "  kgraph build --shard part1.kgshard @list1.txt   (then kgraph merge part*.kgshard -o out)\n\n"
    "The diagrams draw the named entities and the facts between them, at most 40\n"
    "nodes; --help-diagram lists the options that change that.\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  kg_cli_graph_options_add (context, &options,
                            "Write the graph of the input as a shard to merge later (kgraph merge), instead of "
                            "the formats");
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
  if (jobs < 0)
    {
      kg_cli_error ("--jobs must be 0 (one per processor) or more, not %d", jobs);
      return KG_EXIT_USAGE;
    }
  guint threads = jobs > 0 ? (guint) jobs : g_get_num_processors ();
  g_autoptr (KgReader) reader = kg_cli_input_reader (&input);
  if (reader == NULL)
    return KG_EXIT_USAGE;
  g_auto (KgCliSink) sink = { 0 };
  g_autoptr (KgAliasRules) rules = NULL;
  KgExit status = kg_cli_sink_open (&sink, &options, &output, &rules);
  if (status != KG_EXIT_OK)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) pipeline = kg_cli_pipeline_new (&input, KG_STAGE_FACTS, &error);
  if (pipeline == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }
  g_autoptr (KgPipelinePool) pool = kg_pipeline_pool_new (pipeline, threads, kg_cli_sink_add, &sink);
  Build build = { pool, &sink };
  KgCliCounts counts = kg_cli_read_documents_except (reader, (const char *const *) argv + 1, argc - 1,
                                                     options.shard_path ? NULL : &output, build_document, &build);
  kg_pipeline_pool_finish (pool);
  KgCliSinkEnd end = {
    .rules = rules, .all_facts = options.all_facts, .stage_seconds = kg_pipeline_pool_get_seconds (pool),
    .read_seconds = counts.seconds, .threads = threads,
  };
  status = kg_cli_sink_finish (&sink, &end, &output);
  return status == KG_EXIT_OK && counts.skipped > 0 ? KG_EXIT_PARTIAL : status;
}
