/* cli-train.c: `kgraph train`, which turns annotated corpora into the model
 * files under data/models/.  Only this command writes models. */
#include "cli.h"
#include "atomic-file.h"
#include "lemmatizer.h"
#include "tagger.h"

#include <stdio.h>
#include <string.h>

static void
print_progress (const char *message, gpointer user_data)
{
  fprintf (stderr, "kgraph train: %s\n", message);
}

/* Reads a comma-separated list of CoNLL-U files into one array of
 * documents.  (transfer full); NULL after printing the error */
static GPtrArray *
read_corpora (const char *list)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) kg_document_free);
  g_auto (GStrv) paths = g_strsplit (list, ",", -1);
  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) read = kg_conllu_read (paths[i], &error);
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
  const char *kind;
  GBytes *(*train) (GPtrArray *train, GPtrArray *dev, const KgTrainOptions *options);
} Trainer;

static const Trainer trainers[] = {
  { "tagger", kg_tagger_train },
  { "lemmatizer", kg_lemmatizer_train },
};

int
kg_cmd_train (int argc, char **argv)
{
  g_autofree char *train_list = NULL, *dev_list = NULL, *output = NULL;
  int iterations = 10, seed = 1;
  const GOptionEntry entries[] = {
    { "train", 0, 0, G_OPTION_ARG_STRING, &train_list, "Training corpora, comma-separated CoNLL-U files", "A[,B...]" },
    { "dev", 0, 0, G_OPTION_ARG_STRING, &dev_list, "Development corpora: the best iteration on them is kept", "C[,D...]" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The model file to write", "FILE" },
    { "iterations", 'i', 0, G_OPTION_ARG_INT, &iterations, "Passes over the training data (default: 10)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the shuffling (default: 1)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("tagger --train A.conllu[,B.conllu] --dev C.conllu -o FILE"
                                                             " - train a model");
  g_option_context_set_summary (context,
    "Trains a model on annotated corpora and writes it as a model file.\n"
    "The same data and options always give the same file.\n\n"
    "Models:\n"
    "  tagger      UPOS, XPOS and FEATS (averaged perceptron)\n"
    "  lemmatizer  lemmas from forms and tags (edit rules)");
  g_option_context_set_description (context,
    "Example:\n  kgraph train tagger --train ewt-train.conllu,gum-train.conllu --dev ewt-dev.conllu "
    "-o data/models/tagger.bin\n\n" KG_EXIT_CODES_HELP);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!kg_cli_parse (context, &argc, &argv))
    return KG_EXIT_USAGE;
  if (argc != 2 || train_list == NULL || output == NULL || iterations < 1)
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
      kg_cli_error ("unknown model kind '%s' (tagger, lemmatizer)", argv[1]);
      return KG_EXIT_USAGE;
    }

  g_autoptr (GPtrArray) train = read_corpora (train_list);
  g_autoptr (GPtrArray) dev = dev_list ? read_corpora (dev_list) : NULL;
  if (train == NULL || (dev_list && dev == NULL))
    return KG_EXIT_INPUT;

  KgTrainOptions options = { .iterations = iterations, .seed = seed, .progress = print_progress };
  g_autoptr (GBytes) model = trainer->train (train, dev, &options);

  g_autoptr (GError) error = NULL;
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
