/* cli-merge.c: `kgraph merge`, shards built apart (`kgraph build --shard`,
 * one per slice of a corpus, on one machine or many) into one graph, or
 * into one shard again for a merge in stages.  The graph is the one a
 * single build of all their documents gives. */
#include "cli.h"

int
kg_cmd_merge (int argc, char **argv)
{
  g_auto (KgCliOutput) output = { 0 };
  g_auto (KgCliGraphOptions) options = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new ("SHARD... - merge shards into one graph");
  g_option_context_set_summary (context,
    "Reads shards that 'kgraph build --shard' (or 'kgraph merge --shard') wrote, in\n"
    "the order given ('-' for standard input), and writes the graph of all their\n"
    "documents in the formats asked for, as one build of them all would: entities\n"
    "merged by the same rules, evidence joined, and a document whose text was read\n"
    "already left out.  With --shard, writes the documents as one shard again.\n"
    "A shard that is damaged or cut short is an error naming the file, line and\n"
    "byte; nothing is written then.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph build --shard a.kgshard @first-half.txt\n"
    "  kgraph build --shard b.kgshard @second-half.txt\n"
    "  kgraph merge a.kgshard b.kgshard -o out --name news -f all\n"
    "  kgraph merge --shard ab.kgshard a.kgshard b.kgshard\n\n" KG_EXIT_CODES_HELP);
  kg_cli_graph_options_add (context, &options, "Write the merged documents as one shard, instead of the formats");
  g_option_context_add_group (context, kg_cli_output_group (&output));
  g_option_context_add_group (context, kg_cli_diagram_group (&output));
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc < 2)
    {
      kg_cli_error ("no shard to merge (try 'kgraph merge --help')");
      return KG_EXIT_USAGE;
    }
  g_auto (KgCliSink) sink = { 0 };
  g_autoptr (KgAliasRules) rules = NULL;
  KgExit status = kg_cli_sink_open (&sink, &options, &output, &rules);
  if (status != KG_EXIT_OK)
    return status;
  g_autoptr (GError) error = NULL;
  for (int i = 1; i < argc; i++)
    {
      sink.done = (double) (i - 1) / (argc - 1);
      if (!kg_shard_read (argv[i], kg_cli_sink_add, &sink, &error))
        {
          kg_cli_error ("%s; nothing written", error->message);
          return KG_EXIT_INPUT;
        }
    }
  KgCliSinkEnd end = { .rules = rules, .all_facts = options.all_facts };
  return kg_cli_sink_finish (&sink, &end, &output);
}
