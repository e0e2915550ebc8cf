/* cli-openie.c: `kgraph openie`, one sentence a line in, Open IE tuples
 * out in CaRB's tabbed format (Bhardwaj et al. 2019):
 *
 *   sentence <TAB> confidence <TAB> relation <TAB> arg1 <TAB> arg2 ...
 *
 * the sentence echoed as it was read.  Plain lines go through the reader
 * (tokens, sentences); with --pretokenized a line is one sentence of
 * space-separated Penn Treebank tokens, mapped back to ordinary characters
 * for the tagger and parser ("``" and "''" to '"', "-LRB-" to '(') while the
 * arguments print the original tokens, so that the scorer's token matching
 * sees the benchmark's own tokens.
 */
#include "cli.h"
#include "util/atomic-file.h"

#include <stdio.h>
#include <string.h>

static const struct {
  const char *ptb, *plain;
} ptb_tokens[] = {
  { "``", "\"" }, { "''", "\"" }, { "`", "'" },
  { "-LRB-", "(" }, { "-RRB-", ")" }, { "-LSB-", "[" }, { "-RSB-", "]" }, { "-LCB-", "{" }, { "-RCB-", "}" },
  { "-lrb-", "(" }, { "-rrb-", ")" },
};

static const char *
unescape_ptb (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (ptb_tokens); i++)
    if (strcmp (token, ptb_tokens[i].ptb) == 0)
      return ptb_tokens[i].plain;
  return token;
}

/* One input line and where its words are. */
typedef struct {
  char *text;          /* the line as read, without its line end */
  guint first_token;   /* pretokenized: the line's first token in the document */
  guint n_tokens;
  int sentence;        /* pretokenized: its sentence, -1 for a line without words */
  KgDocument *document;/* plain: the line's own document */
} Line;

static void
line_clear (Line *line)
{
  g_free (line->text);
  if (line->document)
    kg_document_free (line->document);
}

typedef struct {
  const KgPipeline *pipeline;
  const KgExtractor *extractor;
  GString *out;
  gboolean graph_view;
} Run;

/* Tokens first .. first + n: the line's own tokens when tokens is given,
 * else the original bytes they cover. */
static void
append_tokens (GString *out, const KgDocument *document, guint first, guint n, const GPtrArray *tokens)
{
  if (n == 0)
    return;
  if (tokens)
    {
      for (guint i = first; i < first + n; i++)
        {
          if (i > first)
            g_string_append_c (out, ' ');
          g_string_append (out, g_ptr_array_index (tokens, i));
        }
      return;
    }
  gsize size = 0;
  const char *raw = g_bytes_get_data (kg_document_get_raw (document), &size);
  guint64 start = kg_document_get_token (document, first)->start;
  guint64 stop = kg_document_get_token (document, first + n - 1)->end;
  /* Line breaks and tabs would break the format. */
  for (guint64 b = start; b < stop && b < size; b++)
    g_string_append_c (out, raw[b] == '\t' || raw[b] == '\n' || raw[b] == '\r' ? ' ' : raw[b]);
}

/* An argument as printed: its marker and words, with the line's own
 * tokens when tokens (the PTB tokens of the document) is given, else with
 * the original bytes. */
static void
append_argument (GString *out, const KgDocument *document, const KgArgument *arg, const GPtrArray *tokens)
{
  /* The marker usually stands right before the words, but not for a
   * relative pronoun's antecedent ("the issues, during which ..."). */
  if (arg->n_marker)
    {
      append_tokens (out, document, arg->marker_first, arg->n_marker, tokens);
      g_string_append_c (out, ' ');
    }
  append_tokens (out, document, arg->first, arg->n_tokens, tokens);
}

/* The graph view: subject, predicate, object, polarity, modality,
 * speaker, flags, then the qualifiers as role=text. */
static void
print_graph_view (Run *run, const char *sentence_text, const KgDocument *document, const KgExtraction *e,
                  const GPtrArray *tokens)
{
  static const struct {
    KgExtractionFlags flag;
    const char *name;
  } flags[] = {
    { KG_EXTRACTION_PASSIVE, "passive" }, { KG_EXTRACTION_JOINT, "joint" },
    { KG_EXTRACTION_CONDITIONAL, "conditional" }, { KG_EXTRACTION_REPORTING, "reporting" },
    { KG_EXTRACTION_INHERITED, "inherited" }, { KG_EXTRACTION_QUOTED, "quoted" },
  };
  GString *out = run->out;
  KgArgument subject = e->subject, object = e->object, speaker = e->attribution;
  subject.n_marker = object.n_marker = speaker.n_marker = 0;
  g_string_append_printf (out, "%s\t%.4f\t", sentence_text, e->confidence);
  append_argument (out, document, &subject, tokens);
  g_string_append_printf (out, "\t%s\t", e->predicate);
  if (object.n_tokens)
    append_argument (out, document, &object, tokens);
  g_string_append_printf (out, "\t%s\t%s\t", kg_polarity_to_string (e->polarity), kg_modality_to_string (e->modality));
  if (speaker.n_tokens)
    append_argument (out, document, &speaker, tokens);
  g_string_append_printf (out, "\t%s", kg_clause_kind_to_string (e->kind));
  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    if (e->flags & flags[f].flag)
      g_string_append_printf (out, ",%s", flags[f].name);
  for (guint q = 0; q < e->n_qualifiers; q++)
    {
      g_string_append_printf (out, "\t%s=", kg_role_to_string (e->qualifiers[q].role));
      append_argument (out, document, &e->qualifiers[q], tokens);
    }
  g_string_append_c (out, '\n');
}

static void
print_extractions (Run *run, const char *sentence_text, const KgDocument *document, const KgExtractions *facts,
                   const GPtrArray *tokens)
{
  for (guint i = 0; i < kg_extractions_get_n (facts); i++)
    {
      const KgExtraction *e = kg_extractions_get (facts, i);
      if (run->graph_view)
        {
          print_graph_view (run, sentence_text, document, e, tokens);
          continue;
        }
      /* A lone subject says that something happened, which Open IE
       * benchmarks score as nothing: the graph view keeps such facts, the
       * tuples need a second argument. */
      if (e->n_arguments < 2)
        continue;
      g_string_append_printf (run->out, "%s\t%.4f\t%s", sentence_text, e->confidence, e->relation);
      for (guint a = 0; a < e->n_arguments; a++)
        {
          g_string_append_c (run->out, '\t');
          append_argument (run->out, document, &e->arguments[a], tokens);
        }
      g_string_append_c (run->out, '\n');
    }
}

/* --pretokenized: one document, one sentence a line, the PTB tokens kept
 * beside it by token index. */
static void
run_pretokenized (Run *run, const char *name, GBytes *bytes, GArray *lines)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr (KgDocument) document = kg_document_new (name, bytes);
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  guint64 offset = 0;
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      const char *p = data + offset;
      line->first_token = kg_document_get_n_tokens (document);
      line->sentence = -1;
      gsize len = strlen (line->text);
      for (gsize i = 0; i < len;)
        {
          while (i < len && (line->text[i] == ' ' || line->text[i] == '\t'))
            i++;
          gsize j = i;
          while (j < len && line->text[j] != ' ' && line->text[j] != '\t')
            j++;
          if (j > i)
            {
              g_autofree char *token = g_strndup (line->text + i, j - i);
              gboolean space = j < len;
              kg_document_add_token (document, unescape_ptb (token), offset + i, offset + j, space);
              g_ptr_array_add (tokens, g_steal_pointer (&token));
            }
          i = j;
        }
      line->n_tokens = kg_document_get_n_tokens (document) - line->first_token;
      if (line->n_tokens > 0)
        line->sentence = kg_document_add_sentence (document, KG_SENTENCE_BODY);
      /* The next line starts after this one's line end. */
      const char *nl = memchr (p, '\n', size - offset);
      offset = nl ? (guint64) (nl - data) + 1 : size;
    }
  kg_pipeline_annotate (run->pipeline, document);
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      if (line->sentence < 0)
        continue;
      g_autoptr (KgExtractions) facts = kg_extractor_extract_sentence (run->extractor, document, line->sentence);
      print_extractions (run, line->text, document, facts, tokens);
    }
}

/* Plain lines: each line is read as a text document of its own. */
static gboolean
run_plain (Run *run, const char *name, GArray *lines, GError **error)
{
  g_autoptr (KgReader) reader = kg_reader_new ();
  kg_reader_set_format (reader, KG_INPUT_FORMAT_TEXT);
  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      if (*line->text == '\0')
        continue;
      g_autofree char *id = g_strdup_printf ("%s:%u", name, l + 1);
      g_autoptr (GBytes) bytes = g_bytes_new (line->text, strlen (line->text));
      g_autoptr (GPtrArray) problems = kg_read_problems_new ();
      g_autoptr (GError) local = NULL;
      g_autoptr (GPtrArray) documents = kg_reader_read_bytes (reader, id, bytes, problems, &local);
      if (documents == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      for (guint d = 0; d < documents->len; d++)
        {
          KgDocument *document = g_ptr_array_index (documents, d);
          kg_pipeline_annotate (run->pipeline, document);
          g_autoptr (KgExtractions) facts = kg_extractor_extract (run->extractor, document);
          print_extractions (run, line->text, document, facts, NULL);
        }
    }
  return TRUE;
}

int
kg_cmd_openie (int argc, char **argv)
{
  gboolean pretokenized = FALSE, graph_view = FALSE;
  g_auto (KgCliInput) input = { 0 };
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "pretokenized", 0, 0, G_OPTION_ARG_NONE, &pretokenized,
      "Lines are space-separated Penn Treebank tokens (``, '', -LRB-, $ 4.25, 's)", NULL },
    { "graph", 0, 0, G_OPTION_ARG_NONE, &graph_view,
      "Print the graph view instead: sentence, confidence, subject, normalised predicate, object, polarity, "
      "modality, speaker, kind and flags, then qualifiers as ROLE=TEXT", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE - Open IE tuples, one sentence a line");
  g_option_context_set_summary (context,
    "Reads one sentence a line ('-' for standard input) and prints the facts kgraph\n"
    "extracts from each in the tabbed format of the CaRB benchmark:\n\n"
    "  sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...\n\n"
    "with the sentence as read, the relation as the sentence says it (auxiliaries,\n"
    "negation and prepositions included) and the arguments as written.  Lines\n"
    "without a fact print nothing; a fact with a subject alone is left out (CaRB\n"
    "scores it as nothing) but shown by --graph.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  kgraph openie sentences.txt\n"
    "  kgraph openie --pretokenized carb/dev.txt > dev.tsv\n"
    "  scripts/eval-carb carb/dev.tsv carb/dev.txt --scorer tools/carb_score.py\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, kg_cli_data_group (&input));
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc != 2)
    {
      kg_cli_error (argc < 2 ? "no input file (try 'kgraph openie --help')"
                             : "one input file at a time (try 'kgraph openie --help')");
      return KG_EXIT_USAGE;
    }
  const char *path = argv[1];

  g_autoptr (GError) error = NULL;
  g_autoptr (KgPipeline) pipeline = kg_cli_pipeline_new (&input, KG_STAGE_PARSE, &error);
  if (pipeline == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }
  g_autofree char *lexicons = kg_cli_lexicon_dir (&input);
  g_autoptr (KgExtractor) extractor = kg_extractor_new (lexicons, &error);
  if (extractor == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }

  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *name = strcmp (path, "-") == 0 ? "standard input" : path;
  if (strcmp (path, "-") == 0)
    {
      g_autoptr (GIOChannel) in = g_io_channel_unix_new (0);
      g_io_channel_set_encoding (in, NULL, NULL);
      if (g_io_channel_read_to_end (in, &contents, &length, &error) != G_IO_STATUS_NORMAL)
        {
          kg_cli_error ("standard input: %s", error ? error->message : "cannot read");
          return KG_EXIT_INPUT;
        }
    }
  else if (!g_file_get_contents (path, &contents, &length, &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_INPUT;
    }
  const char *bad = NULL;
  if (!g_utf8_validate (contents, length, &bad))
    {
      guint line = 1;
      for (const char *c = contents; c < bad; c++)
        line += *c == '\n';
      kg_cli_error ("%s:%u: invalid UTF-8 (byte %" G_GSIZE_FORMAT "); nothing written", name, line,
                    (gsize) (bad - contents));
      return KG_EXIT_INPUT;
    }
  if (memchr (contents, '\0', length) != NULL)
    {
      kg_cli_error ("%s: contains a NUL byte; nothing written", name);
      return KG_EXIT_INPUT;
    }

  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  for (const char *p = contents; p < contents + length;)
    {
      const char *nl = memchr (p, '\n', contents + length - p);
      const char *end = nl ? nl : contents + length;
      gsize n = end - p;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      Line line = { g_strndup (p, n), 0, 0, -1, NULL };
      g_array_append_val (lines, line);
      p = nl ? nl + 1 : contents + length;
    }

  g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_autoptr (GString) out = g_string_sized_new (1 << 16);
  Run run = { pipeline, extractor, out, graph_view };
  if (pretokenized)
    run_pretokenized (&run, name, bytes, lines);
  else if (!run_plain (&run, name, lines, &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_INPUT;
    }

  g_clear_error (&error);
  if (!kg_atomic_file_write (output ? output : "-", out->str, out->len, &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  return KG_EXIT_OK;
}
