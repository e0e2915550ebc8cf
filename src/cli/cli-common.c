/* cli-common.c: messages, option parsing and graph output shared by the
 * subcommands (see cli.h). */
#include "cli.h"

#include "util/atomic-file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
print_message (const char *level, const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  fprintf (stderr, "kgraph: %s: %s\n", level, message);
}

/* Removes the temporaries of the files being written, then dies of the
 * signal as it would have. */
static void
on_fatal_signal (int signal_number)
{
  kg_atomic_file_remove_temporaries ();
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

void
kg_cli_handle_signals (void)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      /* A signal ignored by whoever started us (nohup, a shell's
       * background job) stays ignored. */
      struct sigaction current;
      if (sigaction (signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN)
        continue;
      struct sigaction action = { 0 };
      action.sa_handler = on_fatal_signal;
      sigemptyset (&action.sa_mask);
      sigaction (signals[i], &action, NULL);
    }
  /* A write beyond the file-size limit (ulimit -f, a quota) would kill us
   * with SIGXFSZ and leave the temporary behind; ignored, the write fails
   * with EFBIG like one on a full disk, and the output set is abandoned
   * cleanly (exit 4). */
  signal (SIGXFSZ, SIG_IGN);
}

/* KG_INPUT_LIMITS_HELP says these figures. */
G_STATIC_ASSERT (KG_READER_MAX_FILE_BYTES == (gsize) 256 << 20);
G_STATIC_ASSERT (KG_READER_MAX_DOCUMENT_BYTES == (gsize) 8 << 20);
G_STATIC_ASSERT (KG_READER_MAX_PARAGRAPH_BYTES == (gsize) 1 << 20);
G_STATIC_ASSERT (KG_READER_MAX_SENTENCE_TOKENS == 250);

const char *
kg_cli_plural (guint n, const char *one, const char *many)
{
  return n == 1 ? one : many;
}

void
kg_cli_error (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  print_message ("error", format, args);
  va_end (args);
}

void
kg_cli_warning (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  print_message ("warning", format, args);
  va_end (args);
}

gboolean
kg_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      kg_cli_error ("%s (try '%s --help')", error->message, (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

/* ---- models and lexicons ----------------------------------------------------------------- */

/* The first of: the option, the environment variable, the installed data
 * (PREFIX/share/kgraph beside PREFIX/bin), the source tree's data/ beside
 * build/. */
static char *
data_dir (const KgCliInput *input)
{
  if (input->data_dir)
    return g_strdup (input->data_dir);
  const char *env = g_getenv ("KGRAPH_DATA_DIR");
  if (env && *env)
    return g_strdup (env);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bin = exe ? g_path_get_dirname (exe) : g_strdup (".");
  const char *candidates[] = { "../share/kgraph", "../data" };
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *dir = g_build_filename (bin, candidates[i], NULL);
      g_autofree char *models = g_build_filename (dir, "models", NULL);
      if (g_file_test (models, G_FILE_TEST_IS_DIR))
        return dir;
      g_free (dir);
    }
  return g_build_filename (bin, candidates[0], NULL);
}

KgPipeline *
kg_cli_pipeline_new (const KgCliInput *input, KgStage last, GError **error)
{
  const char *env = g_getenv ("KGRAPH_MODEL_DIR");
  g_autofree char *data = data_dir (input);
  g_autofree char *models = input->model_dir ? g_strdup (input->model_dir)
                            : env && *env ? g_strdup (env) : g_build_filename (data, "models", NULL);
  g_autofree char *lexicon = kg_cli_lexicon_dir (input);
  return kg_pipeline_new (models, lexicon, last, error);
}

char *
kg_cli_lexicon_dir (const KgCliInput *input)
{
  g_autofree char *data = data_dir (input);
  return g_build_filename (data, "lexicon", NULL);
}

/* ---- input options and reading ---------------------------------------------- */

void
kg_cli_input_clear (KgCliInput *input)
{
  g_free (input->format);
  g_free (input->text_field);
  g_free (input->id_field);
  g_free (input->title_field);
  g_free (input->date_field);
  g_free (input->data_dir);
  g_free (input->model_dir);
  memset (input, 0, sizeof *input);
}

GOptionGroup *
kg_cli_input_group (KgCliInput *input)
{
  const GOptionEntry entries[] = {
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &input->format,
      "Input format: auto, text, html, jsonl, conllu (default: auto, from the content)", "FORMAT" },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &input->text_field, "JSON Lines: field with the text (default: text)", "NAME" },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &input->id_field, "JSON Lines: field with the document id (default: id)", "NAME" },
    { "title-field", 0, 0, G_OPTION_ARG_STRING, &input->title_field, "JSON Lines: field with the title", "NAME" },
    { "date-field", 0, 0, G_OPTION_ARG_STRING, &input->date_field, "JSON Lines: field with the date", "NAME" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &input->lenient,
      "Replace invalid UTF-8 and NUL bytes with U+FFFD instead of skipping the document", NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("input", "Input options:", "Show input options", NULL, NULL);
  g_option_group_add_entries (group, entries);
  return group;
}

GOptionGroup *
kg_cli_data_group (KgCliInput *input)
{
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &input->data_dir,
      "Models and lexicons from DIR/models and DIR/lexicon (default: $KGRAPH_DATA_DIR, else the installed data)",
      "DIR" },
    { "model-dir", 0, 0, G_OPTION_ARG_FILENAME, &input->model_dir,
      "Models from DIR instead (default: $KGRAPH_MODEL_DIR, else DATA-DIR/models)", "DIR" },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("data", "Model and lexicon options:", "Show model and lexicon options",
                                            NULL, NULL);
  g_option_group_add_entries (group, entries);
  return group;
}

KgReader *
kg_cli_input_reader (const KgCliInput *input)
{
  KgInputFormat format = KG_INPUT_FORMAT_AUTO;
  if (input->format && !kg_input_format_from_string (input->format, &format))
    {
      kg_cli_error ("unknown input format '%s' (use auto, text, html, jsonl or conllu)", input->format);
      return NULL;
    }
  KgReader *reader = kg_reader_new ();
  kg_reader_set_format (reader, format);
  kg_reader_set_fields (reader, input->text_field, input->id_field, input->title_field, input->date_field);
  kg_reader_set_lenient (reader, input->lenient);
  return reader;
}

static void
report_problems (GPtrArray *problems, KgCliCounts *counts)
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

/* The names kgraph gives its tables (facts.tsv: the facts kept out of the
 * graph, on main); the graph's files are NAME.FORMAT. */
static const char *const report_suffixes[] = { ".entities.tsv", ".predicates.tsv", ".documents.tsv", ".facts.tsv" };

/* Whether path, which no argument named, is kgraph's own output: under
 * output_real (the output directory, resolved), or named as kgraph names
 * its files. */
static gboolean
is_under (const char *path, const char *dir_real)
{
  g_autofree char *real = realpath (path, NULL);
  gsize n = strlen (dir_real);
  return real && strncmp (real, dir_real, n) == 0 && (real[n] == '/' || real[n] == '\0' || n == 1);
}

static gboolean
is_own_output (const char *path, const char *output_real)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_suffixes); i++)
    if (g_str_has_suffix (path, report_suffixes[i]))
      return TRUE;
  const char *dot = strrchr (path, '.');
  KgFormat format;
  if (dot && !strchr (dot, G_DIR_SEPARATOR) && kg_format_from_string (dot + 1, &format))
    return TRUE;
  return output_real && is_under (path, output_real);
}

char *
kg_cli_unique_id (GHashTable *used, const char *id)
{
  char *unique = NULL;
  for (guint n = 2; unique == NULL || g_hash_table_contains (used, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s~%u", id, n);
    }
  return unique;
}

KgCliCounts
kg_cli_read_documents_except (const KgReader *reader, const char *const *inputs, guint n_inputs,
                              const KgCliOutput *output, KgCliDocumentFunc func, gpointer user_data)
{
  KgCliCounts counts = { 0 };
  g_autoptr (GPtrArray) problems = kg_read_problems_new ();
  g_autoptr (GPtrArray) paths = kg_reader_expand_inputs (inputs, n_inputs, problems);
  report_problems (problems, &counts);

  /* Files found in directories that kgraph wrote are not articles: a
   * second run into an output directory inside its input would read the
   * first run's graph (issue 14).  Files named as arguments are read. */
  if (output && g_strcmp0 (output->output_dir, "-") != 0)
    {
      g_autofree char *output_real = output->output_dir ? realpath (output->output_dir, NULL) : NULL;
      /* An output directory that is an input directory, or holds one, is
       * where the articles are: only the names tell outputs apart there. */
      for (guint k = 0; k < n_inputs && output_real; k++)
        {
          g_autofree char *input_real = realpath (inputs[k][0] == '@' ? inputs[k] + 1 : inputs[k], NULL);
          if (input_real && g_file_test (input_real, G_FILE_TEST_IS_DIR) && is_under (input_real, output_real))
            g_clear_pointer (&output_real, g_free);
        }
      g_autoptr (GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < paths->len;)
        {
          const char *path = g_ptr_array_index (paths, i);
          gboolean named = FALSE;
          for (guint k = 0; k < n_inputs && !named; k++)
            {
              g_autofree char *input = kg_reader_normalize_path (inputs[k]);
              named = strcmp (input, path) == 0;
            }
          if (!named && is_own_output (path, output_real))
            {
              g_ptr_array_add (own, g_ptr_array_steal_index (paths, i));
              continue;
            }
          i++;
        }
      if (own->len > 0 && !output->quiet)
        {
          g_autofree char *more = own->len > 1 ? g_strdup_printf (" and %u more file%s", own->len - 1,
                                                                  own->len == 2 ? "" : "s") : g_strdup ("");
          fprintf (stderr, "kgraph: not reading %s%s: kgraph's own output (in the output directory, or named as "
                   "kgraph names its outputs: NAME.FORMAT, NAME.entities.tsv, ...); name a file to read it\n",
                   (char *) own->pdata[0], more);
        }
    }

  /* The share of the input read, by file size, for progress. */
  g_autofree guint64 *sizes = g_new0 (guint64, paths->len + 1);
  guint64 total = 0, before = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      GStatBuf st;
      sizes[i] = g_stat (g_ptr_array_index (paths, i), &st) == 0 && S_ISREG (st.st_mode) ? (guint64) st.st_size : 0;
      total += sizes[i];
    }

  /* The source of each document id read; one id for two documents would
   * merge them (issue 14). */
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < paths->len; before += sizes[i], i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 started = g_get_monotonic_time ();
      g_autoptr (GPtrArray) documents = kg_reader_read_file (reader, g_ptr_array_index (paths, i), problems, &error);
      counts.seconds += (g_get_monotonic_time () - started) / 1e6;
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
          const char *id = kg_document_get_id (document);
          const char *source = kg_document_get_source (document) ? kg_document_get_source (document) : id;
          const char *first = g_hash_table_lookup (ids, id);
          if (first)
            {
              g_autofree char *given = g_strdup (id);
              g_autofree char *unique = kg_cli_unique_id (ids, given);
              kg_cli_warning ("%s: document id \"%s\" was read before, from %s: this document's id is \"%s\"",
                              source, given, first, unique);
              kg_document_set_id (document, unique);
              id = kg_document_get_id (document);
            }
          g_hash_table_insert (ids, g_strdup (id), g_strdup (source));
          double done = total ? (before + (double) sizes[i] * (d + 1) / documents->len) / total : 1.0;
          /* the function owns the document */
          g_ptr_array_index (documents, d) = NULL;
          func (document, done, user_data);
          counts.documents++;
        }
    }
  return counts;
}

KgCliCounts
kg_cli_read_documents (const KgReader *reader, const char *const *inputs, guint n_inputs, KgCliDocumentFunc func,
                       gpointer user_data)
{
  return kg_cli_read_documents_except (reader, inputs, n_inputs, NULL, func, user_data);
}

/* ---- output options ------------------------------------------------------ */

#define DEFAULT_FORMATS "dot,svg,graphml,nt"

void
kg_cli_output_clear (KgCliOutput *output)
{
  g_free (output->output_dir);
  g_free (output->name);
  g_free (output->formats);
  g_free (output->base_iri);
  g_free (output->vocabulary);
  g_free (output->layout);
  g_free (output->focus);
  g_free (output->types);
  memset (output, 0, sizeof *output);
}

GOptionGroup *
kg_cli_output_group (KgCliOutput *output)
{
  const GOptionEntry entries[] = {
    { "output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &output->output_dir,
      "Write the graph into DIR (default: the current directory; '-' writes one format to standard output)", "DIR" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &output->name,
      "Base name of the output files (default: kgraph)", "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &output->formats,
      "Comma-separated formats: dot, svg, png, pdf, graphml, nt, nq, ttl, html, or all (default: " DEFAULT_FORMATS ")",
      "LIST" },
    { "base", 0, 0, G_OPTION_ARG_STRING, &output->base_iri,
      "Base IRI of the RDF resources (default: " KG_DEFAULT_BASE_IRI ")", "IRI" },
    { "vocab", 0, 0, G_OPTION_ARG_STRING, &output->vocabulary,
      "RDF: the properties of the normalised relations: kgraph's (kg:memberOf), or wikidata's where "
      "data/kgraph.ttl maps one (wdt:P463) (default: kgraph)", "NAME" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &output->layout,
      "Graphviz layout for svg/png/pdf/html: auto (dot up to 300 nodes, else sfdp), dot, neato, fdp, sfdp, circo, "
      "twopi (default: auto)", "ENGINE" },
    { "collapse-parallel", 0, 0, G_OPTION_ARG_NONE, &output->collapse_parallel,
      "GraphML: one edge per pair of nodes, weights summed, predicates listed", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &output->quiet,
      "Print nothing but errors", NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("output", "Output options:", "Show output options", NULL, NULL);
  g_option_group_add_entries (group, entries);
  return group;
}

GOptionGroup *
kg_cli_diagram_group (KgCliOutput *output)
{
  output->max_nodes = -1;
  const GOptionEntry entries[] = {
    { "concepts", 0, 0, G_OPTION_ARG_NONE, &output->concepts,
      "Draw concepts and values too, not only named entities (their facts are otherwise in tooltips)", NULL },
    { "max-nodes", 0, 0, G_OPTION_ARG_INT, &output->max_nodes,
      "Draw at most N nodes, those of the edges with the most sentences first (default: "
      G_STRINGIFY (KG_DEFAULT_MAX_NODES) "; 0: all)", "N" },
    { "min-weight", 0, 0, G_OPTION_ARG_INT, &output->min_weight,
      "Draw an edge only if its facts have N supporting sentences in all (default: 1)", "N" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &output->focus,
      "Draw the neighbourhood of one entity, by label or alias, any case", "ENTITY" },
    { "depth", 0, 0, G_OPTION_ARG_INT, &output->depth,
      "With --focus: how many hops from it (default: 1)", "K" },
    { "types", 0, 0, G_OPTION_ARG_STRING, &output->types,
      "Draw only these entity types, comma-separated (default: PERSON,ORG,GPE,LOC,NORP,EVENT)", "LIST" },
    { "facts-only", 0, 0, G_OPTION_ARG_NONE, &output->facts_only,
      "Leave out negated, modal and attributed facts (by default drawn dashed or dotted)", NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("diagram", "Diagram options (dot, svg, png, pdf, html):",
                                            "Show diagram options", NULL, NULL);
  g_option_group_add_entries (group, entries);
  return group;
}

/* The --types list as a bit set; 0 after printing what is wrong. */
static guint
parse_types (const char *list)
{
  g_auto (GStrv) names = g_strsplit (list, ",", -1);
  guint types = 0;
  for (guint i = 0; names[i]; i++)
    {
      KgEntityType type;
      const char *name = g_strstrip (names[i]);
      g_autofree char *upper = g_ascii_strup (name, -1);
      if (*name == '\0')
        continue;
      if (!kg_entity_type_from_string (upper, &type))
        {
          kg_cli_error ("--types: unknown entity type '%s' (use PERSON, ORG, GPE, LOC, NORP, EVENT, DATE, TIME, "
                        "MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL, CONCEPT)", name);
          return 0;
        }
      types |= 1u << type;
    }
  if (types == 0)
    kg_cli_error ("--types: no entity type given");
  return types;
}

/* The formats in output->formats, in KgFormat order, each once. */
static gboolean
parse_formats (const char *list, gboolean wanted[KG_FORMAT_N_FORMATS])
{
  g_auto (GStrv) names = g_strsplit (list, ",", -1);
  gboolean any = FALSE;
  for (guint i = 0; names[i]; i++)
    {
      const char *name = g_strstrip (names[i]);
      KgFormat format;
      if (strcmp (name, "all") == 0)
        {
          for (guint f = 0; f < KG_FORMAT_N_FORMATS; f++)
            wanted[f] = TRUE;
        }
      else if (kg_format_from_string (name, &format))
        wanted[format] = TRUE;
      else
        {
          kg_cli_error ("unknown format '%s' (use dot, svg, png, pdf, graphml, nt, nq, ttl, html or all)", name);
          return FALSE;
        }
      any = TRUE;
    }
  if (!any)
    kg_cli_error ("no output format given");
  return any;
}

static KgExportOptions
export_options (const KgCliOutput *output)
{
  KgExportOptions options = {
    .base_iri = output->base_iri ? output->base_iri : KG_DEFAULT_BASE_IRI,
    .layout = output->layout ? output->layout : KG_DEFAULT_LAYOUT,
    .collapse_parallel = output->collapse_parallel,
    .concepts = output->concepts,
    .max_nodes = output->max_nodes == 0 ? G_MAXUINT : output->max_nodes < 0 ? 0 : (guint) output->max_nodes,
    .min_weight = MAX (output->min_weight, 0),
    .focus = output->focus,
    .depth = MAX (output->depth, 0),
    .types = output->type_set,
    .facts_only = output->facts_only,
    .title = output->name,
    .wikidata_properties = g_strcmp0 (output->vocabulary, "wikidata") == 0,
  };
  return options;
}

static gboolean
to_stdout (const KgCliOutput *output)
{
  return output->output_dir && strcmp (output->output_dir, "-") == 0;
}

gboolean
kg_cli_output_check (KgCliOutput *output, KgExit *status)
{
  *status = KG_EXIT_USAGE;
  if (output->output_dir == NULL)
    output->output_dir = g_strdup (".");
  if (output->name == NULL)
    output->name = g_strdup ("kgraph");
  if (output->formats == NULL)
    output->formats = g_strdup (DEFAULT_FORMATS);

  gboolean wanted[KG_FORMAT_N_FORMATS] = { FALSE };
  if (!parse_formats (output->formats, wanted))
    return FALSE;

  if (output->types && (output->type_set = parse_types (output->types)) == 0)
    return FALSE;
  if (output->vocabulary && strcmp (output->vocabulary, "kgraph") != 0 && strcmp (output->vocabulary, "wikidata") != 0)
    {
      kg_cli_error ("unknown vocabulary '%s' (use --vocab kgraph or --vocab wikidata)", output->vocabulary);
      return FALSE;
    }
  if (output->min_weight < 0 || output->depth < 0 || output->max_nodes < -1)
    {
      kg_cli_error ("--max-nodes, --min-weight and --depth take a number of 0 or more");
      return FALSE;
    }
  g_autoptr (GError) error = NULL;
  KgExportOptions options = export_options (output);
  if (!kg_export_options_check (&options, &error))
    {
      kg_cli_error ("%s", error->message);
      return FALSE;
    }
  if (strchr (output->name, G_DIR_SEPARATOR) || *output->name == '\0')
    {
      kg_cli_error ("--name '%s' must be a file name, without '/'", output->name);
      return FALSE;
    }

  if (to_stdout (output))
    {
      guint n = 0;
      for (guint f = 0; f < KG_FORMAT_N_FORMATS; f++)
        n += wanted[f];
      if (n != 1)
        {
          kg_cli_error ("-o - writes to standard output, which takes exactly one format (-f)");
          return FALSE;
        }
      *status = KG_EXIT_OK;
      return TRUE;
    }
  *status = KG_EXIT_OUTPUT;
  if (g_mkdir_with_parents (output->output_dir, 0755) != 0)
    {
      kg_cli_error ("%s: cannot create the output directory: %s", output->output_dir, g_strerror (errno));
      return FALSE;
    }
  if (access (output->output_dir, W_OK | X_OK) != 0)
    {
      kg_cli_error ("%s: cannot write into the output directory: %s", output->output_dir, g_strerror (errno));
      return FALSE;
    }
  *status = KG_EXIT_OK;
  return TRUE;
}

KgExit
kg_cli_output_write (KgCliOutput *output, KgGraph *graph)
{
  /* Every file goes to a temporary beside it, and only when all are
   * written are they renamed, signals held back meanwhile: a failure or an
   * interruption leaves the previous set whole (issue 14). */
  g_autoptr (KgAtomicSet) set = to_stdout (output) ? NULL : kg_atomic_set_begin ();
  gboolean wanted[KG_FORMAT_N_FORMATS] = { FALSE };
  parse_formats (output->formats, wanted);
  KgExportOptions options = export_options (output);

  guint set_aside = output->entity_centric ? kg_graph_keep_entity_facts (graph) : 0;
  if (set_aside && !output->quiet)
    fprintf (stderr, "kgraph: %u %s between two common-noun phrases kept out of the graph "
             "(in %s.facts.tsv; --all-facts keeps them)\n", set_aside, kg_cli_plural (set_aside, "fact", "facts"),
             output->name);

  /* What the diagrams show and leave out, said before drawing them (which
   * is the slow part); a --focus that matches nothing stops here. */
  if (wanted[KG_FORMAT_DOT] || wanted[KG_FORMAT_SVG] || wanted[KG_FORMAT_PNG] || wanted[KG_FORMAT_PDF]
      || wanted[KG_FORMAT_HTML])
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *summary = kg_export_describe_diagram (graph, &options, &error);
      if (summary == NULL)
        {
          kg_cli_error ("%s", error->message);
          return KG_EXIT_USAGE;
        }
      if (!output->quiet)
        fprintf (stderr, "kgraph: %s\n", summary);
    }

  g_autoptr (GString) written = g_string_new (NULL);
  for (guint f = 0; f < KG_FORMAT_N_FORMATS; f++)
    {
      if (!wanted[f])
        continue;
      g_autofree char *file = g_strdup_printf ("%s.%s", output->name, kg_format_to_string (f));
      g_autofree char *path = to_stdout (output) ? g_strdup ("-") : g_build_filename (output->output_dir, file, NULL);
      g_autoptr (GError) error = NULL;
      /* drawing is the slow part: say so, where someone watches */
      gboolean progress = !output->quiet && !to_stdout (output) && isatty (STDERR_FILENO)
                          && (f == KG_FORMAT_SVG || f == KG_FORMAT_PNG || f == KG_FORMAT_PDF || f == KG_FORMAT_HTML);
      if (progress)
        fprintf (stderr, "kgraph: drawing %s ...\r", path);
      gboolean ok = kg_export_write (graph, f, &options, path, &error);
      if (progress)
        fprintf (stderr, "\033[K");
      if (!ok)
        {
          /* the exporters' write errors ("File too large") do not know
           * the path; name it unless the message already does */
          if (strstr (error->message, path) == NULL)
            kg_cli_error ("%s: %s", path, error->message);
          else
            kg_cli_error ("%s", error->message);
          return KG_EXIT_OUTPUT;
        }
      g_string_append_printf (written, "%s%s", written->len ? ", " : "", path);
    }
  if (!to_stdout (output))
    {
      /* the tables that audit the graph go beside it */
      static const struct {
        const char *suffix;
        gboolean (*write) (KgGraph *, const char *, GError **);
      } reports[] = {
        { "entities.tsv", kg_report_write_entities },
        { "facts.tsv", kg_report_write_facts },
        { "predicates.tsv", kg_report_write_predicates },
        { "documents.tsv", kg_report_write_documents },
      };
      for (guint r = 0; r < G_N_ELEMENTS (reports); r++)
        {
          g_autofree char *file = g_strdup_printf ("%s.%s", output->name, reports[r].suffix);
          g_autofree char *path = g_build_filename (output->output_dir, file, NULL);
          g_autoptr (GError) error = NULL;
          if (!reports[r].write (graph, path, &error))
            {
              kg_cli_error ("%s", error->message);
              return KG_EXIT_OUTPUT;
            }
          g_string_append_printf (written, ", %s", path);
        }
      sigset_t held, previous;
      sigemptyset (&held);
      sigaddset (&held, SIGINT);
      sigaddset (&held, SIGTERM);
      sigaddset (&held, SIGHUP);
      sigprocmask (SIG_BLOCK, &held, &previous);
      g_autoptr (GError) error = NULL;
      gboolean committed = kg_atomic_set_commit (set, &error);
      sigprocmask (SIG_SETMASK, &previous, NULL);
      if (!committed)
        {
          kg_cli_error ("%s", error->message);
          return KG_EXIT_OUTPUT;
        }
    }
  if (!output->quiet && !to_stdout (output))
    {
      guint nodes = kg_graph_get_n_nodes (graph), edges = kg_graph_get_n_edges (graph);
      guint documents = kg_graph_get_n_documents (graph);
      fprintf (stderr, "kgraph: %u %s, %u %s, %u %s -> %s\n", nodes, kg_cli_plural (nodes, "node", "nodes"), edges,
               kg_cli_plural (edges, "edge", "edges"), documents, kg_cli_plural (documents, "document", "documents"),
               written->str);
    }
  return KG_EXIT_OK;
}
