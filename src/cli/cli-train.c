/* cli-train.c: `kgraph train`, which turns annotated corpora into the model
 * files under data/models/.  Only this command writes models. */
#include "cli.h"
#include "util/atomic-file.h"
#include "nlp/lemmatizer.h"
#include "entity/lexicon.h"
#include "entity/ner.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

#include <stdio.h>
#include <string.h>

static void
print_progress (const char *message, gpointer user_data)
{
  fprintf (stderr, "kgraph train: %s\n", message);
}

/* Reads a comma-separated list of CoNLL-U files into one array of
 * documents.  An item FILE.conllu:NAMES.iob2 also reads the gold names of
 * the file's sentences from a Universal NER file.  (transfer full); NULL
 * after printing the error */
static GPtrArray *
read_corpora (const char *list)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) kg_document_free);
  g_auto (GStrv) items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) paths = g_strsplit (items[i], ":", 2);
      g_autoptr (GPtrArray) read = kg_conllu_read (paths[0], &error);
      if (read && paths[1] && !kg_ner_add_iob2 (read, paths[1], &error))
        g_clear_pointer (&read, g_ptr_array_unref);
      if (read == NULL)
        {
          kg_cli_error ("%s", error->message);
          g_ptr_array_unref (documents);
          return NULL;
        }
      /* move the documents over */
      g_ptr_array_set_free_func (read, NULL);
      g_ptr_array_extend_and_steal (documents, g_steal_pointer (&read));
    }
  return documents;
}

typedef struct {
  KgTrainOptions base;
  const char *tagger_path;
  guint jackknife;
  const char *lexicon_dir;
} TrainArgs;

static GBytes *
train_tagger (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error)
{
  return kg_tagger_train (train, dev, &args->base);
}

static GBytes *
train_lemmatizer (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error)
{
  return kg_lemmatizer_train (train, dev, &args->base);
}

/* Gives the training data jackknifed tags and the dev data the tagger's,
 * for the models that learn from predicted tags. */
static gboolean
predict_tags (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error)
{
  if (args->jackknife >= 2)
    {
      KgTrainOptions options = args->base;
      options.iterations = 10;
      kg_tagger_jackknife (train, args->jackknife, &options);
    }
  if (args->tagger_path && dev)
    {
      g_autoptr (KgTagger) tagger = kg_tagger_load (args->tagger_path, error);
      if (tagger == NULL)
        return FALSE;
      for (guint d = 0; d < dev->len; d++)
        kg_tagger_tag (tagger, dev->pdata[d]);
    }
  return TRUE;
}

static GBytes *
train_parser (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error)
{
  if (!predict_tags (train, dev, args, error))
    return NULL;
  return kg_parser_train (train, dev, &args->base);
}

static GBytes *
train_ner (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error)
{
  g_autoptr (KgLexicon) lexicon = kg_lexicon_load (args->lexicon_dir, error);
  if (lexicon == NULL)
    return NULL;
  /* GUM's names are cut by its gold tags, before predicted ones replace them */
  guint gum = kg_ner_add_gum_entities (train, lexicon) + (dev ? kg_ner_add_gum_entities (dev, lexicon) : 0);
  kg_train_report (&args->base, "ner: %u names from GUM's entity annotation", gum);
  if (!predict_tags (train, dev, args, error))
    return NULL;
  return kg_ner_train (train, dev, lexicon, &args->base);
}

typedef struct {
  const char *kind;
  GBytes *(*train) (GPtrArray *train, GPtrArray *dev, const TrainArgs *args, GError **error);
} Trainer;

static const Trainer trainers[] = {
  { "tagger", train_tagger },
  { "lemmatizer", train_lemmatizer },
  { "parser", train_parser },
  { "ner", train_ner },
};

int
kg_cmd_train (int argc, char **argv)
{
  g_autofree char *train_list = NULL, *dev_list = NULL, *output = NULL;
  g_autofree char *tagger_path = NULL, *lexicon_dir = NULL;
  int iterations = 10, seed = 1, jackknife = 0;
  double min_weight = 0.0;
  const GOptionEntry entries[] = {
    { "train", 0, 0, G_OPTION_ARG_STRING, &train_list, "Training corpora, comma-separated CoNLL-U files", "A[,B...]" },
    { "dev", 0, 0, G_OPTION_ARG_STRING, &dev_list, "Development corpora: the best iteration on them is kept", "C[,D...]" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The model file to write", "FILE" },
    { "iterations", 'i', 0, G_OPTION_ARG_INT, &iterations, "Passes over the training data (default: 10)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the shuffling (default: 1)", "N" },
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_dir, "ner: the lexicon directory (default: data/lexicon)", "DIR" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight,
      "Drop averaged weights smaller than W from the model, for size and speed (default: 0)", "W" },
    { "tagger", 0, 0, G_OPTION_ARG_FILENAME, &tagger_path, "parser: the tagger model that tags the dev data", "FILE" },
    { "jackknife", 0, 0, G_OPTION_ARG_INT, &jackknife,
      "parser: tag the training data with taggers trained on the other N folds (default: gold tags)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("tagger --train A.conllu[,B.conllu] --dev C.conllu -o FILE"
                                                             " - train a model");
  g_option_context_set_summary (context,
    "Trains a model on annotated corpora and writes it as a model file.\n"
    "The same data and options always give the same file.\n\n"
    "Models:\n"
    "  tagger      UPOS, XPOS and FEATS (averaged perceptron)\n"
    "  lemmatizer  lemmas from forms and tags (edit rules)\n"
    "  parser      labelled dependency trees (arc-hybrid, averaged perceptron)\n"
    "  ner         names of people, organisations and places (BILOU perceptron);\n"
    "              gold names from GUM's Entity= annotation, or FILE.conllu:NAMES.iob2\n"
    "              for Universal NER's labels of a treebank file");
  g_option_context_set_description (context,
    "Example:\n  kgraph train tagger --train ewt-train.conllu,gum-train.conllu --dev ewt-dev.conllu "
    "-o data/models/tagger.bin\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc != 2 || train_list == NULL || output == NULL || iterations < 1 || jackknife < 0 || min_weight < 0)
    {
      kg_cli_error ("give a model kind, --train and -o (try 'kgraph train --help')");
      return KG_EXIT_USAGE;
    }
  const Trainer *trainer = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (trainers); i++)
    if (strcmp (argv[1], trainers[i].kind) == 0)
      trainer = &trainers[i];
  if (trainer == NULL)
    {
      kg_cli_error ("unknown model kind '%s' (tagger, lemmatizer, parser, ner)", argv[1]);
      return KG_EXIT_USAGE;
    }

  g_autoptr (GPtrArray) train = read_corpora (train_list);
  g_autoptr (GPtrArray) dev = dev_list ? read_corpora (dev_list) : NULL;
  if (train == NULL || (dev_list && dev == NULL))
    return KG_EXIT_INPUT;

  TrainArgs args = { { .iterations = iterations, .seed = seed, .min_weight = min_weight, .progress = print_progress },
                     tagger_path, jackknife, lexicon_dir ? lexicon_dir : "data/lexicon" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) model = trainer->train (train, dev, &args, &error);
  if (model == NULL)
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_MODEL;
    }

  gsize length;
  const void *data = g_bytes_get_data (model, &length);
  if (!kg_atomic_file_write (output, data, length, &error))
    {
      kg_cli_error ("%s", error->message);
      return KG_EXIT_OUTPUT;
    }
  fprintf (stderr, "kgraph train: wrote %s (%" G_GSIZE_FORMAT " bytes)\n", output, length);
  return KG_EXIT_OK;
}
