/* cli-graph.c: the end `kgraph build` and `kgraph merge` share: each
 * document's delta into one graph (or one shard), documents already read
 * left out, then the graph consolidated, summarised and written. */
#include "cli.h"
#include "entity/entity-merge.h"

#include <stdio.h>
#include <unistd.h>

#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 2)

/* A sink into a new graph, or into the shard at shard_path (nullable);
 * FALSE when the shard cannot be made. */
static gboolean
sink_init (KgCliSink *sink, const char *shard_path, gboolean quiet, GError **error)
{
  *sink = (KgCliSink) { 0 };
  sink->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sink->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sink->quiet = quiet;
  sink->progress = !quiet && isatty (STDERR_FILENO);
  sink->started = g_get_monotonic_time ();
  if (shard_path)
    return (sink->shard = kg_shard_writer_open (shard_path, error)) != NULL;
  sink->graph = kg_graph_new ();
  return TRUE;
}

void
kg_cli_sink_clear (KgCliSink *sink)
{
  g_clear_pointer (&sink->hashes, g_hash_table_unref);
  g_clear_pointer (&sink->ids, g_hash_table_unref);
  g_clear_pointer (&sink->graph, kg_graph_free);
  g_clear_pointer (&sink->shard, kg_shard_writer_discard);
  g_clear_error (&sink->error);
}

static void
show_progress (KgCliSink *sink, gboolean last)
{
  gint64 now = g_get_monotonic_time ();
  if (!sink->progress || (!last && now - sink->shown < PROGRESS_INTERVAL_US))
    return;
  sink->shown = now;
  if (last)
    {
      fputs ("\r\033[K", stderr);
      return;
    }
  double seconds = (now - sink->started) / 1e6;
  g_autofree char *eta = NULL;
  if (sink->done > 0.01 && sink->done < 1.0)
    {
      int left = (int) (seconds / sink->done * (1.0 - sink->done));
      eta = g_strdup_printf (", %d%%, %d:%02d left", (int) (sink->done * 100), left / 60, left % 60);
    }
  fprintf (stderr, "\r\033[Kkgraph: %u %s, %.0f tokens/s%s", sink->documents,
           kg_cli_plural (sink->documents, "document", "documents"), seconds > 0 ? sink->words / seconds : 0.0,
           eta ? eta : "");
}

/* A document whose content was read before is left out; another document
 * with a used id gets "ID~2" (as the reader does within one run). */
void
kg_cli_sink_add (KgDelta *delta, gpointer user_data)
{
  g_autoptr (KgDelta) owned = delta;
  KgCliSink *sink = user_data;
  if (sink->error)
    return;
  const char *hash = kg_delta_get_hash (delta);
  const char *id = kg_delta_get_document (delta)->id;
  const char *first = g_hash_table_lookup (sink->hashes, hash);
  if (first)
    {
      sink->duplicates++;
      if (!sink->quiet && sink->duplicates <= 3)
        kg_cli_warning ("%s: the same text as %s, read already: left out", id, first);
      return;
    }
  if (g_hash_table_contains (sink->ids, id))
    {
      g_autofree char *given = g_strdup (id);
      g_autofree char *unique = kg_cli_unique_id (sink->ids, given);
      kg_cli_warning ("document id \"%s\" was read before with other text: this document's id is \"%s\"", given,
                      unique);
      kg_delta_set_id (delta, unique);
      id = kg_delta_get_document (delta)->id;
    }
  g_hash_table_insert (sink->hashes, g_strdup (hash), g_strdup (id));
  g_hash_table_insert (sink->ids, g_strdup (id), g_strdup (hash));
  sink->documents++;
  sink->sentences += kg_delta_get_sentences (delta);
  sink->words += kg_delta_get_words (delta);
  kg_delta_add_counts (delta, &sink->facts);
  if (sink->shard)
    kg_shard_writer_add (sink->shard, delta, &sink->error);
  else
    kg_delta_apply (delta, sink->graph);
  show_progress (sink, FALSE);
}

static void
print_summary (const KgCliSink *sink, const double *stage_seconds, double read_seconds, guint threads)
{
  double seconds = (g_get_monotonic_time () - sink->started) / 1e6;
  g_autofree char *duplicates = sink->duplicates
    ? g_strdup_printf ("; %u %s with a text read already left out", sink->duplicates,
                       kg_cli_plural (sink->duplicates, "document", "documents"))
    : g_strdup ("");
  fprintf (stderr, "kgraph: %u %s, %" G_GUINT64_FORMAT " sentences, %" G_GUINT64_FORMAT " tokens in %.1f s (%.0f "
           "tokens/s)%s\n", sink->documents, kg_cli_plural (sink->documents, "document", "documents"), sink->sentences,
           sink->words, seconds, seconds > 0 ? sink->words / seconds : 0.0, duplicates);
  if (stage_seconds)
    fprintf (stderr, "kgraph: time per stage: reading %.1f s, tags %.1f s, parse %.1f s, entities %.1f s, "
             "facts %.1f s (on %u %s)\n", read_seconds, stage_seconds[KG_STAGE_TAGS], stage_seconds[KG_STAGE_PARSE],
             stage_seconds[KG_STAGE_ENTITIES], stage_seconds[KG_STAGE_FACTS], threads,
             kg_cli_plural (threads, "thread", "threads"));
  const KgFactCounts *f = &sink->facts;
  fprintf (stderr,
           "kgraph: %u %s found, %u in the graph; left out: %u with an unresolved pronoun or headline "
           "word, %u with a clause for an argument, %u without an object, %u about themselves, %u with a "
           "fragment, a vague noun or a possessive for an argument\n",
           f->extracted, kg_cli_plural (f->extracted, "fact", "facts"), f->added, f->unresolved, f->clausal,
           f->no_object, f->self, f->fragment);
}

KgExit
kg_cli_sink_finish (KgCliSink *sink, const KgCliSinkEnd *end, KgCliOutput *output)
{
  show_progress (sink, TRUE);
  if (sink->error)
    {
      kg_cli_error ("%s", sink->error->message);
      return KG_EXIT_OUTPUT;
    }
  if (sink->documents == 0)
    {
      kg_cli_error ("no usable input: nothing written");
      return KG_EXIT_INPUT;
    }
  if (!output->quiet)
    print_summary (sink, end->stage_seconds, end->read_seconds, end->threads);
  if (sink->shard)
    {
      g_autoptr (GError) error = NULL;
      if (!kg_shard_writer_commit (g_steal_pointer (&sink->shard), &error))
        {
          kg_cli_error ("%s", error->message);
          return KG_EXIT_OUTPUT;
        }
      return KG_EXIT_OK;
    }
  kg_entities_consolidate (sink->graph, end->rules);
  guint unresolved_roles = kg_entities_resolve_offices (sink->graph);
  if (!output->quiet && unresolved_roles)
    fprintf (stderr, "kgraph: %u office %s named by their role alone (\"the Belarusian president\") "
             "that no document names\n", unresolved_roles, kg_cli_plural (unresolved_roles, "holder", "holders"));
  output->entity_centric = !end->all_facts;
  return kg_cli_output_write (output, sink->graph);
}

/* ---- the options build and merge share ------------------------------------ */

void
kg_cli_graph_options_clear (KgCliGraphOptions *options)
{
  g_free (options->aliases_path);
  g_free (options->shard_path);
  *options = (KgCliGraphOptions) { 0 };
}

void
kg_cli_graph_options_add (GOptionContext *context, KgCliGraphOptions *options, const char *shard_help)
{
  const GOptionEntry entries[] = {
    { "all-facts", 0, 0, G_OPTION_ARG_NONE, &options->all_facts,
      "Keep facts between two common-noun phrases in the graph too (by default they are only in "
      "NAME.facts.tsv)", NULL },
    { "aliases", 'a', 0, G_OPTION_ARG_FILENAME, &options->aliases_path,
      "Rules that correct entities, one a line: 'A = B' merges, 'A != B' keeps apart, 'A -> TYPE' retypes, "
      "'!A' drops", "FILE" },
    { "shard", 0, 0, G_OPTION_ARG_FILENAME, &options->shard_path, shard_help, "FILE" },
    { NULL }
  };
  g_option_context_add_main_entries (context, entries, NULL);
}

gboolean
kg_cli_graph_options_rules (const KgCliGraphOptions *options, KgAliasRules **rules)
{
  g_autoptr (GError) error = NULL;
  *rules = NULL;
  if (options->aliases_path == NULL)
    return TRUE;
  if ((*rules = kg_alias_rules_load (options->aliases_path, &error)) == NULL)
    kg_cli_error ("%s", error->message);
  return *rules != NULL;
}

KgExit
kg_cli_sink_open (KgCliSink *sink, const KgCliGraphOptions *options, KgCliOutput *output, KgAliasRules **rules)
{
  KgExit status = KG_EXIT_OK;
  if (options->shard_path == NULL && !kg_cli_output_check (output, &status))
    return status;
  if (!kg_cli_graph_options_rules (options, rules))
    return KG_EXIT_INPUT;
  g_autoptr (GError) error = NULL;
  if (!sink_init (sink, options->shard_path, output->quiet, &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  return KG_EXIT_OK;
}
