/* cli.h: what the subcommands of the kgraph program share: exit codes,
 * messages, and the output options of the commands that write a graph.
 * Only the program (main.c, cli-*.c) prints and chooses exit codes; the
 * library reports through GError.
 */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <kgraph.h>
#include "entity/entity-merge.h"
#include "graph/shard.h"

/* Exit codes, documented in `kgraph --help` and README.md. */
typedef enum {
  KG_EXIT_OK = 0,        /* done */
  KG_EXIT_PROBLEMS = 1,  /* lint found problems in the file it checked */
  KG_EXIT_USAGE = 2,     /* bad command line */
  KG_EXIT_INPUT = 3,     /* no usable input: every input was missing or malformed */
  KG_EXIT_OUTPUT = 4,    /* an output could not be written */
  KG_EXIT_MODEL = 5,     /* a model or lexicon is missing or incompatible */
  KG_EXIT_PARTIAL = 6,   /* outputs written, but some inputs were skipped (see stderr) */
} KgExit;

#define KG_EXIT_CODES_HELP \
  "Exit status:\n" \
  "  0  done\n" \
  "  1  lint found problems\n" \
  "  2  bad command line\n" \
  "  3  no usable input (every input missing or malformed)\n" \
  "  4  an output could not be written\n" \
  "  5  a model or lexicon is missing or incompatible\n" \
  "  6  outputs written, but some inputs were skipped\n"

/* The reader's limits (kgraph/reader.h), for the help of the commands
 * that read articles; cli-common.c checks the figures against the macros. */
#define KG_INPUT_LIMITS_HELP \
  "Limits: a file of at most 256 MiB, a document of at most 8 MiB (for JSON Lines,\n" \
  "each text field), a paragraph of at most 1 MiB; a document beyond a limit is\n" \
  "reported and skipped.  A run of text with no sentence end is cut into sentences\n" \
  "of at most 250 words."

/* SIGINT, SIGTERM and SIGHUP remove the temporary files being written
 * before the program dies of them (see atomic-file.h). */
void kg_cli_handle_signals (void);

/* one when n is 1, else many: "1 edge", "2 edges". */
const char *kg_cli_plural (guint n, const char *one, const char *many);

/* "kgraph: error: ..." on stderr. */
void kg_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* "kgraph: warning: ..." on stderr. */
void kg_cli_warning (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Parses argv with context; on failure prints the error and a hint and
 * returns FALSE.  The context's help includes the exit codes. */
gboolean kg_cli_parse (GOptionContext *context, int *argc, char ***argv);


/* Options of the commands that read articles (annotate, build). */
typedef struct {
  char *format;
  char *text_field, *id_field, *title_field, *date_field;
  char *data_dir, *model_dir;
  gboolean lenient;
} KgCliInput;

void kg_cli_input_clear (KgCliInput *input);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KgCliInput, kg_cli_input_clear)
/* A pipeline up to last.  Its data (models/ and lexicon/) come from the
 * data directory: --data-dir, else $KGRAPH_DATA_DIR, else the installed
 * data (PREFIX/share/kgraph beside bin/), else the source tree's data/
 * beside build/; --model-dir or $KGRAPH_MODEL_DIR replaces its models/.
 * (transfer full) */
KgPipeline *kg_cli_pipeline_new (const KgCliInput *input, KgStage last, GError **error);
/* The lexicon directory, DATA-DIR/lexicon (transfer full). */
char *kg_cli_lexicon_dir (const KgCliInput *input);
/* The option groups for input: reading (format, fields, lenient) and data
 * (--data-dir, --model-dir), for g_option_context_add_group (transfer full). */
GOptionGroup *kg_cli_input_group (KgCliInput *input);
GOptionGroup *kg_cli_data_group (KgCliInput *input);
/* A reader set up by the options; NULL after printing what is wrong.
 * (transfer full) */
KgReader *kg_cli_input_reader (const KgCliInput *input);

/* "ID~2", "ID~3", ...: the first that used (a set of ids) does not hold,
 * for a document whose id another had.  (transfer full) */
char *kg_cli_unique_id (GHashTable *used, const char *id);

/* Called with each document read, in input order, and the share of the
 * input's bytes read so far (0 to 1).  (document: transfer full) */
typedef void (*KgCliDocumentFunc) (KgDocument *document, double done, gpointer user_data);

typedef struct {
  guint documents;  /* handed to the function */
  guint skipped;    /* inputs and documents reported and left out */
  double seconds;   /* spent reading (the tokens stage), not in the function */
} KgCliCounts;

/* Reads every input (files, directories, '-', @lists) document by document,
 * reports each problem on stderr, and hands each good document to func. */
KgCliCounts kg_cli_read_documents (const KgReader *reader, const char *const *inputs, guint n_inputs,
                                   KgCliDocumentFunc func, gpointer user_data);

/* Options of the commands that write a graph (build, import). */
typedef struct {
  char *output_dir;
  char *name;
  char *formats;
  char *base_iri;
  char *vocabulary;  /* --vocab: kgraph or wikidata */
  char *layout;
  gboolean collapse_parallel;
  gboolean quiet;
  gboolean entity_centric;  /* set by build: facts between two concepts stay in
                             * NAME.facts.tsv, out of the graph (kg_graph_keep_entity_facts) */
  /* diagrams */
  gboolean concepts, facts_only;
  int max_nodes;  /* -1: the default; 0: no cap */
  int min_weight, depth;
  char *focus, *types;
  guint type_set;  /* types parsed */
} KgCliOutput;

void kg_cli_output_clear (KgCliOutput *output);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KgCliOutput, kg_cli_output_clear)
/* The option group for output, for g_option_context_add_group (transfer full). */
GOptionGroup *kg_cli_output_group (KgCliOutput *output);
/* The diagram options (--concepts, --max-nodes, --focus, ...), for
 * g_option_context_add_group (transfer full). */
GOptionGroup *kg_cli_diagram_group (KgCliOutput *output);
/* Checks the options before the input is read: formats, layout, base IRI,
 * and that the output directory exists (creating it) and is writable.  On
 * failure prints why and sets *status: KG_EXIT_USAGE for a bad option,
 * KG_EXIT_OUTPUT for a directory that cannot be made or written. */
gboolean kg_cli_output_check (KgCliOutput *output, KgExit *status);
/* Writes every requested format and the reports, each to a temporary
 * file, then renames them all, so that a failure or a signal leaves the
 * previous set whole; returns an exit code. */
KgExit kg_cli_output_write (KgCliOutput *output, KgGraph *graph);

/* kg_cli_read_documents, leaving out the files kgraph writes that were
 * found in a directory rather than named: those under output's directory,
 * and those named as kgraph names its outputs (NAME.dot, ...,
 * NAME.documents.tsv); says on stderr what it left out unless output is
 * quiet. */
KgCliCounts kg_cli_read_documents_except (const KgReader *reader, const char *const *inputs, guint n_inputs,
                                          const KgCliOutput *output, KgCliDocumentFunc func, gpointer user_data);

/* Where `build` and `merge` put documents' deltas: a graph, or a shard
 * (see cli-graph.c). */
typedef struct {
  KgGraph *graph;          /* NULL when writing a shard */
  KgShardWriter *shard;
  GHashTable *hashes;      /* content hash -> id of the document kept */
  GHashTable *ids;         /* id -> content hash */
  KgFactCounts facts;
  guint documents, duplicates;
  guint64 sentences, words;
  GError *error;           /* the first write error */
  gboolean quiet, progress;
  gint64 started, shown;
  double done;             /* share of the input read, for progress */
} KgCliSink;

void kg_cli_sink_clear (KgCliSink *sink);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KgCliSink, kg_cli_sink_clear)
/* A KgDeltaFunc: adds a document unless its text was read already;
 * another document with a used id gets "ID~2". */
void kg_cli_sink_add (KgDelta *delta, gpointer sink);

/* How a build or a merge ends. */
typedef struct {
  const KgAliasRules *rules;    /* nullable */
  gboolean all_facts;           /* facts between concepts stay in the graph */
  const double *stage_seconds;  /* KG_STAGE_N_STAGES, nullable (merge) */
  double read_seconds;
  guint threads;
} KgCliSinkEnd;

/* Prints the summary, then commits the shard, or consolidates the graph
 * and writes output; returns the exit code. */
KgExit kg_cli_sink_finish (KgCliSink *sink, const KgCliSinkEnd *end, KgCliOutput *output);

/* --all-facts and --aliases, which build and merge share. */
typedef struct {
  gboolean all_facts;
  char *aliases_path;
  char *shard_path;
} KgCliGraphOptions;
void kg_cli_graph_options_clear (KgCliGraphOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KgCliGraphOptions, kg_cli_graph_options_clear)
/* Adds the options to context's main group; shard_help says what --shard
 * writes. */
void kg_cli_graph_options_add (GOptionContext *context, KgCliGraphOptions *options, const char *shard_help);
/* Checks the output options (unless a shard is written), reads the alias
 * rules (NULL without --aliases) and opens sink; on failure prints why and
 * returns the exit code. */
KgExit kg_cli_sink_open (KgCliSink *sink, const KgCliGraphOptions *options, KgCliOutput *output,
                         KgAliasRules **rules);
/* The alias rules (NULL without --aliases); FALSE after printing why they
 * cannot be read. */
gboolean kg_cli_graph_options_rules (const KgCliGraphOptions *options, KgAliasRules **rules);

int kg_cmd_annotate (int argc, char **argv);
int kg_cmd_build (int argc, char **argv);
int kg_cmd_import (int argc, char **argv);
int kg_cmd_merge (int argc, char **argv);
int kg_cmd_lint (int argc, char **argv);
int kg_cmd_openie (int argc, char **argv);
int kg_cmd_train (int argc, char **argv);

#endif
