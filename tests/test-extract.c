/* test-extract.c: the extraction stage (kgraph/extract.h).
 *
 * Two kinds of cases.  Sentences run through the shipped models
 * (data/models) and the lexicons (data/lexicon), as kgraph runs them: the
 * constructions issue 6 lists and the seed sentences it quotes, each with
 * the facts it must give (graph view: subject, predicate, object,
 * polarity, modality, speaker).  And hand-written trees in CoNLL-U, which
 * pin each rule down whatever the parser does today.  Then what must give
 * nothing wrong (questions, verbless headlines, expletives, broken trees,
 * a 300-word sentence), the Open IE view, and the API's edges.
 */
#include "reader-test-util.h"

#include <glib/gstdio.h>

/* ---- fixtures ------------------------------------------------------------ */

static char *
data_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

static KgPipeline *
pipeline (void)
{
  static KgPipeline *shared = NULL;
  if (shared == NULL)
    {
      g_autofree char *dir = data_dir ("models");
      g_autofree char *lexicon = data_dir ("lexicon");
      g_autoptr (GError) error = NULL;
      shared = kg_pipeline_new (dir, lexicon, KG_STAGE_PARSE, &error);
      g_assert_no_error (error);
    }
  return shared;
}

static KgExtractor *
extractor (void)
{
  static KgExtractor *shared = NULL;
  if (shared == NULL)
    {
      g_autofree char *dir = data_dir ("lexicon");
      g_autoptr (GError) error = NULL;
      shared = kg_extractor_new (dir, &error);
      g_assert_no_error (error);
    }
  return shared;
}

/* Reads text as one plain-text document and tags and parses it. */
static KgDocument *
annotate (const char *text)
{
  KgDocument *doc = read_text (text);
  kg_pipeline_annotate (pipeline (), doc);
  return doc;
}

/* A document from a hand-written tree: one word a line, eight fields
 * separated by spaces (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL), a blank
 * line between sentences. */
static KgDocument *
tree (const char *rows)
{
  GString *conllu = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      if (g_strv_length (f) == 0 || *f[0] == '\0')
        {
          g_string_append_c (conllu, '\n');
          continue;
        }
      g_assert_cmpuint (g_strv_length (f), ==, 8);
      g_string_append_printf (conllu, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t_\n", f[0], f[1], f[2], f[3], f[4], f[5],
                              f[6], f[7]);
    }
  g_string_append_c (conllu, '\n');
  g_autoptr (GBytes) bytes = g_string_free_to_bytes (conllu);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = kg_conllu_read_bytes ("tree", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return g_ptr_array_steal_index (docs, 0);
}

/* ---- expected facts ------------------------------------------------------- */

#define ANY "*"

typedef struct {
  const char *subject;     /* the subject's words */
  const char *predicate;   /* normalised */
  const char *object;      /* "" for none, ANY for any */
  KgPolarity polarity;
  KgModality modality;
  const char *speaker;     /* NULL for none, ANY for any */
} Fact;

#define POS KG_POLARITY_POSITIVE
#define NEG KG_POLARITY_NEGATIVE
#define ASSERTED KG_MODALITY_ASSERTED

static char *
text_of (const KgDocument *doc, const KgArgument *arg)
{
  return arg->n_tokens ? kg_document_dup_text (doc, arg->first, arg->n_tokens) : g_strdup ("");
}

/* One line per fact, for failure messages. */
static char *
describe (const KgDocument *doc, const KgExtractions *facts)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < kg_extractions_get_n (facts); i++)
    {
      const KgExtraction *e = kg_extractions_get (facts, i);
      g_autofree char *s = text_of (doc, &e->subject);
      g_autofree char *o = text_of (doc, &e->object);
      g_autofree char *a = text_of (doc, &e->attribution);
      g_string_append_printf (out, "  (%s | %s | %s) %s %s by '%s' [%s] open: %s\n", s, e->predicate, o,
                              kg_polarity_to_string (e->polarity), kg_modality_to_string (e->modality), a,
                              kg_clause_kind_to_string (e->kind), e->relation);
    }
  return g_string_free (out, FALSE);
}

static const KgExtraction *
find_fact (const KgDocument *doc, const KgExtractions *facts, const Fact *want)
{
  for (guint i = 0; i < kg_extractions_get_n (facts); i++)
    {
      const KgExtraction *e = kg_extractions_get (facts, i);
      g_autofree char *s = text_of (doc, &e->subject);
      g_autofree char *o = text_of (doc, &e->object);
      g_autofree char *a = text_of (doc, &e->attribution);
      if (strcmp (s, want->subject) != 0 || strcmp (e->predicate, want->predicate) != 0)
        continue;
      if (strcmp (want->object, ANY) != 0 && strcmp (o, want->object) != 0)
        continue;
      if (e->polarity != want->polarity || e->modality != want->modality)
        continue;
      if (want->speaker == NULL ? *a != '\0' : strcmp (want->speaker, ANY) != 0 && strcmp (a, want->speaker) != 0)
        continue;
      return e;
    }
  return NULL;
}

static const KgExtraction *
assert_fact (const KgDocument *doc, const KgExtractions *facts, const Fact *want)
{
  const KgExtraction *e = find_fact (doc, facts, want);
  if (e == NULL)
    {
      g_autofree char *got = describe (doc, facts);
      g_error ("no fact (%s | %s | %s) %s %s by '%s'; got:\n%s", want->subject, want->predicate, want->object,
               kg_polarity_to_string (want->polarity), kg_modality_to_string (want->modality),
               want->speaker ? want->speaker : "", got);
    }
  return e;
}

/* No argument of any fact, in either view, is the word (case-insensitive). */
static void
assert_no_argument (const KgDocument *doc, const KgExtractions *facts, const char *word)
{
  for (guint i = 0; i < kg_extractions_get_n (facts); i++)
    {
      const KgExtraction *e = kg_extractions_get (facts, i);
      const KgArgument *args[3] = { &e->subject, &e->object, &e->attribution };
      for (guint a = 0; a < 3 + e->n_arguments + e->n_qualifiers; a++)
        {
          const KgArgument *arg = a < 3 ? args[a] : a < 3 + e->n_arguments ? &e->arguments[a - 3]
                                                                              : &e->qualifiers[a - 3 - e->n_arguments];
          g_autofree char *t = text_of (doc, arg);
          if (g_ascii_strcasecmp (t, word) == 0)
            {
              g_autofree char *got = describe (doc, facts);
              g_error ("'%s' is an argument:\n%s", word, got);
            }
        }
    }
}

/* ---- sentences through the models --------------------------------------- */

typedef struct {
  const char *sentence;
  Fact facts[3];
} Case;

/* The constructions of issue 6, each with the fact it must give. */
static const Case constructions[] = {
  /* copular clauses */
  { "Belarus is a member of both organizations.", { { "Belarus", "be member of", "both organizations", POS, ASSERTED, NULL } } },
  { "Belarus is a reliable partner.", { { "Belarus", "be", "a reliable partner", POS, ASSERTED, NULL } } },
  { "Belarus is a member of the EAEU and a partner of Iran.",
    { { "Belarus", "be member of", "the EAEU", POS, ASSERTED, NULL }, { "Belarus", "be partner of", "Iran", POS, ASSERTED, NULL } } },
  /* obliques join the predicate */
  { "Raisi met with Lukashenko.", { { "Raisi", "meet with", "Lukashenko", POS, ASSERTED, NULL } } },
  { "In 2024, Belarusian military personnel took part in anti-terrorism exercises in Iran.",
    { { "Belarusian military personnel", "take part in", "anti-terrorism exercises in Iran", POS, ASSERTED, NULL },
      { "anti-terrorism exercises", "be in", "Iran", POS, ASSERTED, NULL } } },
  { "An Iranian military attaché’s office opened in Minsk.",
    { { "An Iranian military attaché's office", "open in", "Minsk", POS, ASSERTED, NULL } } },
  /* xcomp chains: a modal verb gives modality, others stay */
  { "Minsk aims to expand joint industrial production.",
    { { "Minsk", "expand", "joint industrial production", POS, KG_MODALITY_INTENDED, NULL } } },
  { "Lukashenko promised to tackle banking issues with Iran.",
    { { "Lukashenko", "tackle", "banking issues with Iran", POS, KG_MODALITY_INTENDED, NULL } } },
  { "Belarus continues to strengthen its ties with Iran.",
    { { "Belarus", "continue to strengthen", "its ties with Iran", POS, ASSERTED, NULL } } },
  /* particles */
  { "Iran set up a joint committee.", { { "Iran", "set up", "a joint committee", POS, ASSERTED, NULL } } },
  /* passives */
  { "The comprehensive cooperation roadmap was signed by Ebrahim Raisi and Alexander Lukashenko.",
    { { "Ebrahim Raisi", "sign", "The comprehensive cooperation roadmap", POS, ASSERTED, NULL },
      { "Alexander Lukashenko", "sign", "The comprehensive cooperation roadmap", POS, ASSERTED, NULL } } },
  { "Existing obstacles were reviewed during the visit.", { { "Existing obstacles", "be reviewed", "", POS, ASSERTED, NULL } } },
  /* coordination */
  { "Iran and Belarus have formed a group.",
    { { "Iran", "form", "a group", POS, ASSERTED, NULL }, { "Belarus", "form", "a group", POS, ASSERTED, NULL } } },
  { "Raisi and Lukashenko signed the agreement.",
    { { "Raisi", "sign", "the agreement", POS, ASSERTED, NULL }, { "Lukashenko", "sign", "the agreement", POS, ASSERTED, NULL } } },
  { "Raisi and Lukashenko met in Tehran on Monday.", { { "Raisi", "meet with", "Lukashenko", POS, ASSERTED, NULL } } },
  { "The roadmap and seven documents were signed between Iran and Belarus.",
    { { "The roadmap", "be signed between", "Iran and Belarus", POS, ASSERTED, NULL },
      { "seven documents", "be signed between", "Iran and Belarus", POS, ASSERTED, NULL } } },
  /* noun phrases */
  { "Belarusian President Alexander Lukashenko visited Tehran.",
    { { "Alexander Lukashenko", "president of", "Belarusian", POS, ASSERTED, NULL },
      { "Belarusian President Alexander Lukashenko", "visit", "Tehran", POS, ASSERTED, NULL } } },
  { "Iran is in the final stages of joining the SCO.", { { "Iran", "join", "the SCO", POS, KG_MODALITY_INTENDED, NULL } } },
  { "Aref met Andrei Kuznetsov, who co-chairs the Joint Cooperation Commission.",
    { { "Andrei Kuznetsov", "co-chair", "the Joint Cooperation Commission", POS, ASSERTED, NULL },
      { "Aref", "meet", "Andrei Kuznetsov", POS, ASSERTED, NULL } } },
  { "The Iranian foreign minister described the visit as constructive.",
    { { "The Iranian foreign minister", "describe", "the visit", POS, ASSERTED, NULL } } },
  /* negation and modality */
  { "Belarus did not sign the treaty.", { { "Belarus", "sign", "the treaty", NEG, ASSERTED, NULL } } },
  { "Iran and Belarus should enhance commercial exchanges.",
    { { "Iran", "enhance", "commercial exchanges", POS, KG_MODALITY_OBLIGATION, NULL } } },
  { "Private sectors must play a stronger role.", { { "Private sectors", "play", "a stronger role", POS, KG_MODALITY_OBLIGATION, NULL } } },
  { "Cooperation will expand within BRICS.", { { "Cooperation", "expand within", "BRICS", POS, KG_MODALITY_FUTURE, NULL } } },
  { "The two countries may sign a new agreement.", { { "The two countries", "sign", "a new agreement", POS, KG_MODALITY_POSSIBLE, NULL } } },
  { "Belarus planned to open an embassy in Tehran.", { { "Belarus", "open", "an embassy", POS, KG_MODALITY_INTENDED, NULL } } },
  { "If sanctions are lifted, Iran will buy more tractors from Belarus.",
    { { "Iran", "buy", "more tractors", POS, KG_MODALITY_HYPOTHETICAL, NULL },
      { "sanctions", "be lifted", "", POS, KG_MODALITY_HYPOTHETICAL, NULL } } },
  /* attribution */
  { "According to Raisi, Iran will join the SCO.", { { "Iran", "join", "the SCO", POS, KG_MODALITY_FUTURE, "Raisi" } } },
  { "Iran and Belarus are close partners, Lukashenko said.",
    { { "Iran", "be", "close partners", POS, ASSERTED, "Lukashenko" } } },
  { "Khamenei emphasized that the countries must cooperate with each other.",
    { { "the countries", "cooperate with", "each other", POS, KG_MODALITY_OBLIGATION, "Khamenei" },
      { "Khamenei", "emphasize", "the countries must cooperate with each other", POS, ASSERTED, NULL } } },
  /* existentials */
  { "There are no obstacles in bilateral ties.", { { "no obstacles", "exist in", "bilateral ties", NEG, ASSERTED, NULL } } },
};

/* Sentences of the seeds that issue 6 quotes, with its facts. */
static const Case seeds[] = {
  { "Iran’s Foreign Minister Seyed Abbas Araghchi said relations between Iran and Belarus are steadily expanding in "
    "political, economic, and cultural domains.",
    { { "Seyed Abbas Araghchi", "foreign minister of", "Iran", POS, ASSERTED, NULL },
      { "relations between Iran and Belarus", "expand in", "political, economic, and cultural domains", POS, ASSERTED,
        "Iran's Foreign Minister Seyed Abbas Araghchi" } } },
  { "Speaking at the conclusion of his visit to Minsk, the Belarusian capital, Araghchi said Iran and Belarus are "
    "politically and internationally aligned.",
    { { "his", "visit", "Minsk", POS, ASSERTED, NULL },
      { "Minsk", "capital of", "Belarusian", POS, ASSERTED, NULL },
      { "Iran", "be aligned with", "Belarus", POS, ASSERTED, "Araghchi" } } },
  { "Despite the absence of formal barriers, Araghchi said the current trade volume does not reflect the true "
    "potential of bilateral relations.",
    { { "the current trade volume", "reflect", "the true potential of bilateral relations", NEG, ASSERTED, "Araghchi" } } },
  { "He stated that there are no obstacles in bilateral ties.",
    { { "no obstacles", "exist in", "bilateral ties", NEG, ASSERTED, "He" } } },
  { "Iran is in the final stages of joining the SCO and is actively seeking to strengthen its ties with the EAEU. "
    "Meanwhile, Belarus is a member of both organizations.",
    { { "Iran", "join", "the SCO", POS, KG_MODALITY_INTENDED, NULL },
      { "Belarus", "be member of", "both organizations", POS, ASSERTED, NULL } } },
  { "Lukashenko promised to tackle banking issues with Iran.",
    { { "Lukashenko", "tackle", "banking issues with Iran", POS, KG_MODALITY_INTENDED, NULL } } },
  { "Iranian Foreign Minister Abbas Araghchi met on Monday with Alexander Volfovich.",
    { { "Abbas Araghchi", "foreign minister of", "Iranian", POS, ASSERTED, NULL } } },
};

static void
check_cases (const Case *cases, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KgDocument) doc = annotate (cases[i].sentence);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      for (guint f = 0; f < G_N_ELEMENTS (cases[i].facts) && cases[i].facts[f].subject; f++)
        assert_fact (doc, facts, &cases[i].facts[f]);
    }
}

static void
test_constructions (void)
{
  check_cases (constructions, G_N_ELEMENTS (constructions));
}

static void
test_seed_sentences (void)
{
  check_cases (seeds, G_N_ELEMENTS (seeds));
}

/* The marks a fact carries besides its triple. */
static void
test_marks (void)
{
  static const struct {
    const char *sentence;
    Fact fact;
    KgExtractionFlags flags;
    KgHeadKind subject_kind, object_kind;
  } cases[] = {
    { "Existing obstacles were reviewed during the visit.", { "Existing obstacles", "be reviewed", "", POS, ASSERTED, NULL },
      KG_EXTRACTION_PASSIVE, KG_HEAD_NOUN, KG_HEAD_NOUN },
    { "Raisi and Lukashenko met in Tehran.", { "Raisi", "meet with", "Lukashenko", POS, ASSERTED, NULL },
      KG_EXTRACTION_JOINT, KG_HEAD_NAME, KG_HEAD_NAME },
    { "If sanctions are lifted, Iran will buy more tractors.", { "Iran", "buy", "more tractors", POS, KG_MODALITY_HYPOTHETICAL, NULL },
      KG_EXTRACTION_CONDITIONAL, KG_HEAD_NAME, KG_HEAD_NOUN },
    { "Araghchi said Iran and Belarus are aligned.", { "Araghchi", "say", "Iran and Belarus are aligned", POS, ASSERTED, NULL },
      KG_EXTRACTION_REPORTING, KG_HEAD_NAME, KG_HEAD_CLAUSE },
    { "Speaking at the conclusion of his visit to Minsk, Araghchi said Iran and Belarus are aligned.",
      { "his", "visit", "Minsk", POS, ASSERTED, NULL }, 0, KG_HEAD_PRONOUN, KG_HEAD_NAME },
    { "Belarusian President Alexander Lukashenko visited Tehran.", { "Alexander Lukashenko", "president of", "Belarusian", POS, ASSERTED, NULL },
      0, KG_HEAD_NAME, KG_HEAD_DEMONYM },
    { "Aref met Andrei Kuznetsov, who co-chairs the Joint Cooperation Commission.",
      { "Andrei Kuznetsov", "co-chair", "the Joint Cooperation Commission", POS, ASSERTED, NULL },
      KG_EXTRACTION_INHERITED, KG_HEAD_NAME, KG_HEAD_NAME },
    { "Iran and Belarus are aligned.", { "Iran", "be aligned with", "Belarus", POS, ASSERTED, NULL },
      KG_EXTRACTION_JOINT | KG_EXTRACTION_PASSIVE, KG_HEAD_NAME, KG_HEAD_NAME },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgDocument) doc = annotate (cases[i].sentence);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      const KgExtraction *e = assert_fact (doc, facts, &cases[i].fact);
      g_assert_cmpuint (e->flags & cases[i].flags, ==, cases[i].flags);
      g_assert_cmpstr (kg_head_kind_to_string (e->subject.head_kind), ==, kg_head_kind_to_string (cases[i].subject_kind));
      if (e->object.n_tokens)
        g_assert_cmpstr (kg_head_kind_to_string (e->object.head_kind), ==, kg_head_kind_to_string (cases[i].object_kind));
    }
}

/* Times and places are qualifiers of the fact, not lost and not in the
 * predicate. */
static void
test_qualifiers (void)
{
  g_autoptr (KgDocument) doc = annotate ("In July 2023, Khrenin signed a memorandum in Minsk.\n");
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  Fact want = { "Khrenin", "sign", "a memorandum", POS, ASSERTED, NULL };
  const KgExtraction *e = assert_fact (doc, facts, &want);
  gboolean time = FALSE, place = FALSE;
  for (guint q = 0; q < e->n_qualifiers; q++)
    {
      g_autofree char *text = text_of (doc, &e->qualifiers[q]);
      if (e->qualifiers[q].role == KG_ROLE_TIME)
        {
          time = TRUE;
          g_assert_cmpstr (text, ==, "July 2023");
          g_assert_cmpstr (e->qualifiers[q].marker, ==, "in");
        }
      if (e->qualifiers[q].role == KG_ROLE_PLACE)
        {
          place = TRUE;
          g_assert_cmpstr (text, ==, "Minsk");
        }
    }
  g_assert_true (time && place);
}

/* ---- hand-written trees: the rules whatever the parser does -------------- */

static void
check_tree (const char *rows, const Fact *want, guint n_want)
{
  g_autoptr (KgDocument) doc = tree (rows);
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  for (guint i = 0; i < n_want; i++)
    assert_fact (doc, facts, &want[i]);
}

static void
test_relative_clauses (void)
{
  /* The subject pronoun is its antecedent, without the clause. */
  const Fact subject[] = { { "Kuznetsov", "co-chair", "the Commission", POS, ASSERTED, NULL } };
  check_tree ("1 Kuznetsov Kuznetsov PROPN NNP Number=Sing 8 nsubj\n"
              "2 , , PUNCT , _ 4 punct\n"
              "3 who who PRON WP PronType=Rel 4 nsubj\n"
              "4 co-chairs co-chair VERB VBZ _ 1 acl:relcl\n"
              "5 the the DET DT _ 6 det\n"
              "6 Commission Commission PROPN NNP _ 4 obj\n"
              "7 , , PUNCT , _ 4 punct\n"
              "8 spoke speak VERB VBD _ 0 root\n"
              "9 . . PUNCT . _ 8 punct\n",
              subject, 1);
  /* The object pronoun too, and a gap without one. */
  const Fact object[] = { { "the presidents", "sign", "The roadmap", POS, ASSERTED, NULL },
                          { "The roadmap", "cover", "trade", POS, ASSERTED, NULL } };
  check_tree ("1 The the DET DT _ 2 det\n"
              "2 roadmap roadmap NOUN NN _ 7 nsubj\n"
              "3 that that PRON WDT PronType=Rel 6 obj\n"
              "4 the the DET DT _ 5 det\n"
              "5 presidents president NOUN NNS _ 6 nsubj\n"
              "6 signed sign VERB VBD _ 2 acl:relcl\n"
              "7 covers cover VERB VBZ _ 0 root\n"
              "8 trade trade NOUN NN _ 7 obj\n"
              "9 . . PUNCT . _ 7 punct\n",
              object, 2);
  check_tree ("1 The the DET DT _ 2 det\n"
              "2 roadmap roadmap NOUN NN _ 6 nsubj\n"
              "3 the the DET DT _ 4 det\n"
              "4 presidents president NOUN NNS _ 5 nsubj\n"
              "5 signed sign VERB VBD _ 2 acl:relcl\n"
              "6 covers cover VERB VBZ _ 0 root\n"
              "7 trade trade NOUN NN _ 6 obj\n"
              "8 . . PUNCT . _ 6 punct\n",
              object, 2);
}

static void
test_titles_and_appositions (void)
{
  const Fact facts[] = { { "Seyed Abbas Araghchi", "foreign minister of", "Iran", POS, ASSERTED, NULL },
                         { "Minsk", "capital of", "Belarusian", POS, ASSERTED, NULL } };
  check_tree ("1 Iran Iran PROPN NNP _ 5 nmod:poss\n"
              "2 's 's PART POS _ 1 case\n"
              "3 Foreign Foreign ADJ NNP _ 4 amod\n"
              "4 Minister Minister PROPN NNP _ 5 nmod:desc\n"
              "5 Seyed Seyed PROPN NNP _ 8 nsubj\n"
              "6 Abbas Abbas PROPN NNP _ 5 flat\n"
              "7 Araghchi Araghchi PROPN NNP _ 5 flat\n"
              "8 visited visit VERB VBD _ 0 root\n"
              "9 Minsk Minsk PROPN NNP _ 8 obj\n"
              "10 , , PUNCT , _ 13 punct\n"
              "11 the the DET DT _ 13 det\n"
              "12 Belarusian Belarusian ADJ JJ _ 13 amod\n"
              "13 capital capital NOUN NN _ 9 appos\n"
              "14 . . PUNCT . _ 8 punct\n",
              facts, 2);
  /* A name in apposition to a role is the subject; an honorific is no role. */
  const Fact reversed[] = { { "Mohammad Baqer Qalibaf", "parliament speaker of", "Iran", POS, ASSERTED, NULL } };
  check_tree ("1 Iran Iran PROPN NNP _ 4 nmod:poss\n"
              "2 's 's PART POS _ 1 case\n"
              "3 Parliament parliament NOUN NN _ 4 compound\n"
              "4 Speaker speaker NOUN NN _ 10 nsubj\n"
              "5 , , PUNCT , _ 6 punct\n"
              "6 Mohammad Mohammad PROPN NNP _ 4 appos\n"
              "7 Baqer Baqer PROPN NNP _ 6 flat\n"
              "8 Qalibaf Qalibaf PROPN NNP _ 6 flat\n"
              "9 , , PUNCT , _ 6 punct\n"
              "10 spoke speak VERB VBD _ 0 root\n"
              "11 . . PUNCT . _ 10 punct\n",
              reversed, 1);
  g_autoptr (KgDocument) doc = tree ("1 Mr. Mr. PROPN NNP _ 2 nmod:desc\n"
                                     "2 Mills Mills PROPN NNP _ 3 nsubj\n"
                                     "3 left leave VERB VBD _ 0 root\n");
  g_autoptr (KgExtractions) left = kg_extractor_extract (extractor (), doc);
  g_assert_cmpuint (kg_extractions_get_n (left), ==, 1);
  g_assert_cmpstr (kg_extractions_get (left, 0)->predicate, ==, "leave");
}

static void
test_passive_and_modal_chain (void)
{
  /* "are scheduled to convene": the passive belongs to the modal verb. */
  const Fact facts[] = { { "commissions", "convene", "", POS, KG_MODALITY_INTENDED, NULL },
                         { "consultations", "be held", "", POS, KG_MODALITY_INTENDED, NULL } };
  check_tree ("1 commissions commission NOUN NNS _ 4 nsubj:pass\n"
              "2 are be AUX VBP _ 4 aux:pass\n"
              "3 also also ADV RB _ 4 advmod\n"
              "4 scheduled schedule VERB VBN _ 0 root\n"
              "5 to to PART TO _ 6 mark\n"
              "6 convene convene VERB VB _ 4 xcomp\n"
              "7 and and CCONJ CC _ 10 cc\n"
              "8 consultations consultation NOUN NNS _ 10 nsubj:pass\n"
              "9 are be AUX VBP _ 10 aux:pass\n"
              "10 planned plan VERB VBN _ 4 conj\n"
              "11 to to PART TO _ 13 mark\n"
              "12 be be AUX VB _ 13 aux:pass\n"
              "13 held hold VERB VBN _ 10 xcomp\n",
              facts, 2);
}

/* What the rules do with the parser's common errors. */
static void
test_parse_errors (void)
{
  /* A relative clause hung on the verb modifies the noun before it. */
  const Fact relative[] = { { "Andrei Kuznetsov", "co-chair", "the Commission", POS, ASSERTED, NULL } };
  check_tree ("1 Aref Aref PROPN NNP _ 2 nsubj\n"
              "2 met meet VERB VBD _ 0 root\n"
              "3 Andrei Andrei PROPN NNP _ 2 obj\n"
              "4 Kuznetsov Kuznetsov PROPN NNP _ 3 flat\n"
              "5 , , PUNCT , _ 7 punct\n"
              "6 who who PRON WP PronType=Rel 7 nsubj\n"
              "7 co-chairs co-chair VERB VBZ _ 2 acl:relcl\n"
              "8 the the DET DT _ 9 det\n"
              "9 Commission Commission PROPN NNP _ 7 obj\n",
              relative, 1);
  /* A subject with a preposition and a clause that is a lone adjective
   * give no fact. */
  g_autoptr (KgDocument) doc = tree ("1 According accord VERB VBG _ 3 case\n"
                                     "2 to to ADP IN _ 1 fixed\n"
                                     "3 Raisi Raisi PROPN NNP _ 8 nsubj\n"
                                     "4 , , PUNCT , _ 5 punct\n"
                                     "5 Iran Iran PROPN NNP _ 3 conj\n"
                                     "6 and and CCONJ CC _ 7 cc\n"
                                     "7 Belarus Belarus PROPN NNP _ 3 conj\n"
                                     "8 joined join VERB VBD _ 0 root\n"
                                     "9 talks talk NOUN NNS _ 8 obj\n"
                                     "\n"
                                     "1 Belarusian Belarusian ADJ JJ _ 3 ccomp\n"
                                     "2 Kuznetsov Kuznetsov PROPN NNP _ 3 nsubj\n"
                                     "3 said say VERB VBD _ 0 root\n");
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  for (guint i = 0; i < kg_extractions_get_n (facts); i++)
    {
      const KgExtraction *e = kg_extractions_get (facts, i);
      g_autofree char *subject = text_of (doc, &e->subject);
      g_autofree char *object = text_of (doc, &e->object);
      g_assert_cmpstr (subject, !=, "Raisi");
      g_assert_cmpstr (subject, !=, "Iran");
      g_assert_cmpstr (object, !=, "Belarusian");
    }
}

/* ---- what must give nothing wrong ---------------------------------------- */

static void
test_nothing_wrong (void)
{
  static const char *const no_facts[] = {
    "Will Iran join the SCO?",
    "Why does it matter?",
    "Iran-Belarus relations: a new chapter",
    "Key points:",
  };
  for (guint i = 0; i < G_N_ELEMENTS (no_facts); i++)
    {
      g_autoptr (KgDocument) doc = annotate (no_facts[i]);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      if (kg_extractions_get_n (facts) != 0)
        {
          g_autofree char *got = describe (doc, facts);
          g_error ("'%s' gave facts:\n%s", no_facts[i], got);
        }
    }
  /* Expletives are never arguments. */
  static const struct {
    const char *sentence, *word;
  } expletives[] = {
    { "There are no obstacles in bilateral ties.", "there" },
    { "It was agreed that follow-up exchanges would take place.", "it" },
    { "It is important to expand trade between the two countries.", "it" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (expletives); i++)
    {
      g_autoptr (KgDocument) doc = annotate (expletives[i].sentence);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      assert_no_argument (doc, facts, expletives[i].word);
    }
  /* Relative pronouns never stand as arguments. */
  g_autoptr (KgDocument) doc = annotate ("Lukashenko, who was on an official visit to Tehran, met Raisi.\n");
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  assert_no_argument (doc, facts, "who");
}

/* Headings and furniture give nothing; a headline gives facts with less
 * confidence than the same clause in the body. */
static void
test_sentence_kinds (void)
{
  const char *words[] = { "Iran", "signs", "a", "roadmap", "with", "Belarus" };
  const char *text = "Iran signs a roadmap with Belarus";
  g_autoptr (GBytes) raw = g_bytes_new_static (text, strlen (text));
  g_autoptr (KgDocument) doc = kg_document_new ("kinds", raw);
  const KgSentenceKind kinds[] = { KG_SENTENCE_BODY, KG_SENTENCE_TITLE, KG_SENTENCE_HEADING, KG_SENTENCE_FURNITURE };
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint64 offset = 0;
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          kg_document_add_token (doc, words[w], offset, offset + strlen (words[w]), TRUE);
          offset += strlen (words[w]) + 1;
        }
      kg_document_add_sentence (doc, kinds[k]);
    }
  kg_pipeline_annotate (pipeline (), doc);
  double confidence[G_N_ELEMENTS (kinds)] = { 0 };
  guint count[G_N_ELEMENTS (kinds)] = { 0 };
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (KgExtractions) facts = kg_extractor_extract_sentence (extractor (), doc, k);
      count[k] = kg_extractions_get_n (facts);
      for (guint i = 0; i < count[k]; i++)
        {
          const KgExtraction *e = kg_extractions_get (facts, i);
          g_assert_cmpuint (e->sentence, ==, k);
          if (strcmp (e->predicate, "sign with") == 0 || strcmp (e->predicate, "sign") == 0)
            confidence[k] = e->confidence;
        }
    }
  g_assert_cmpuint (count[0], >, 0);
  g_assert_cmpuint (count[1], ==, count[0]);
  g_assert_cmpfloat (confidence[1], <, confidence[0]);
  g_assert_cmpfloat (confidence[1], >, 0);
  g_assert_cmpuint (count[2], ==, 0);
  g_assert_cmpuint (count[3], ==, 0);
}

/* A tree with a cycle, one with a head out of range, one without a parse. */
static void
test_broken_trees (void)
{
  g_autoptr (KgDocument) cycle = tree ("1 Iran Iran PROPN NNP _ 2 nsubj\n"
                                       "2 signed sign VERB VBD _ 3 root\n"
                                       "3 roadmap roadmap NOUN NN _ 2 obj\n");
  g_autoptr (KgExtractions) none = kg_extractor_extract (extractor (), cycle);
  g_assert_cmpuint (kg_extractions_get_n (none), ==, 0);

  const char *text = "Iran signed it";
  g_autoptr (GBytes) raw = g_bytes_new_static (text, strlen (text));
  g_autoptr (KgDocument) doc = kg_document_new ("unparsed", raw);
  kg_document_add_token (doc, "Iran", 0, 4, TRUE);
  kg_document_add_token (doc, "signed", 5, 11, TRUE);
  kg_document_add_token (doc, "it", 12, 14, FALSE);
  kg_document_add_sentence (doc, KG_SENTENCE_BODY);
  g_autoptr (KgExtractions) unparsed = kg_extractor_extract (extractor (), doc);
  g_assert_cmpuint (kg_extractions_get_n (unparsed), ==, 0);
  /* A head beyond the sentence. */
  KgToken *t = kg_document_get_token_mut (doc, 0);
  t->head = 9;
  t->deprel = kg_document_intern (doc, "nsubj");
  g_autoptr (KgExtractions) out_of_range = kg_extractor_extract (extractor (), doc);
  g_assert_cmpuint (kg_extractions_get_n (out_of_range), ==, 0);
}

/* A 300-word sentence of clauses: bounded facts in bounded time. */
static void
test_long_sentence (void)
{
  GString *text = g_string_new ("Iran");
  for (guint i = 0; i < 60; i++)
    g_string_append (text, i % 3 ? " and Belarus signed deals" : ", who met Raisi, said Minsk");
  g_string_append (text, " .\n");
  g_autoptr (KgDocument) doc = annotate (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpuint (kg_document_get_n_tokens (doc), >=, 250);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  gint64 elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
  g_assert_cmpuint (kg_extractions_get_n (facts), <=, 64 * kg_document_get_n_sentences (doc));
}

/* ---- views, spans, API ----------------------------------------------------- */

/* The Open IE view keeps the sentence's voice and words. */
static void
test_open_view (void)
{
  static const struct {
    const char *sentence, *relation, *arg1, *arg2;
  } cases[] = {
    { "The roadmap was signed by Raisi.", "was signed by", "The roadmap", "Raisi" },
    { "Belarus is a member of both organizations.", "is", "Belarus", "a member of both organizations" },
    { "Belarus has not taken part in the talks.", "has not taken part in", "Belarus", "the talks" },
    { "Minsk, the Belarusian capital, will host the talks.", "be", "Minsk", "the Belarusian capital" },
    { "Iran has sharply increased its exports.", "has sharply increased", "Iran", "its exports" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KgDocument) doc = annotate (cases[i].sentence);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      gboolean found = FALSE;
      for (guint f = 0; f < kg_extractions_get_n (facts) && !found; f++)
        {
          const KgExtraction *e = kg_extractions_get (facts, f);
          if (e->n_arguments < 2 || strcmp (e->relation, cases[i].relation) != 0)
            continue;
          g_autofree char *a1 = text_of (doc, &e->arguments[0]);
          g_autofree char *a2 = text_of (doc, &e->arguments[1]);
          found = strcmp (a1, cases[i].arg1) == 0 && strcmp (a2, cases[i].arg2) == 0;
        }
      if (!found)
        {
          g_autofree char *got = describe (doc, facts);
          g_error ("no tuple %s | %s | %s in '%s'; got:\n%s", cases[i].relation, cases[i].arg1, cases[i].arg2,
                   cases[i].sentence, got);
        }
    }
}

/* Over the seeds: every span lies in its sentence and holds its head, no
 * argument is empty, markers stand outside their spans, every confidence
 * is in (0, 1], and the same document gives the same facts twice. */
static void
test_seed_invariants (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "seeds", NULL);
  g_autoptr (GDir) seeds = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (seeds);
  const char *name;
  guint total = 0;
  while ((name = g_dir_read_name (seeds)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_autoptr (KgDocument) doc = annotate (text);
      g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
      g_autoptr (KgExtractions) again = kg_extractor_extract (extractor (), doc);
      g_autofree char *first = describe (doc, facts);
      g_autofree char *second = describe (doc, again);
      g_assert_cmpstr (first, ==, second);
      for (guint i = 0; i < kg_extractions_get_n (facts); i++)
        {
          const KgExtraction *e = kg_extractions_get (facts, i);
          const KgSentence *s = kg_document_get_sentence (doc, e->sentence);
          g_assert_cmpfloat (e->confidence, >, 0);
          g_assert_cmpfloat (e->confidence, <=, 1);
          g_assert_cmpuint (e->subject.n_tokens, >, 0);
          g_assert_cmpuint (e->n_arguments, >=, 1);
          g_assert_true (*e->predicate && *e->relation && *e->predicate_surface);
          g_assert_cmpuint (e->subject.head_kind, !=, KG_HEAD_RELATIVE);
          const KgArgument *args[3] = { &e->subject, &e->object, &e->attribution };
          for (guint a = 0; a < 3 + e->n_arguments + e->n_qualifiers; a++)
            {
              const KgArgument *arg = a < 3 ? args[a] : a < 3 + e->n_arguments ? &e->arguments[a - 3]
                                                                                  : &e->qualifiers[a - 3 - e->n_arguments];
              if (arg->n_tokens == 0)
                {
                  g_assert_cmpuint (a, !=, 0);
                  g_assert_cmpuint (a, <, 3);
                  continue;
                }
              g_assert_cmpuint (arg->first, >=, s->first_token);
              g_assert_cmpuint (arg->first + arg->n_tokens, <=, s->first_token + s->n_tokens);
              if (!arg->resolved)
                {
                  g_assert_cmpuint (arg->head, >=, arg->first);
                  g_assert_cmpuint (arg->head, <, arg->first + arg->n_tokens);
                }
              if (arg->n_marker)
                {
                  g_assert_nonnull (arg->marker);
                  g_assert_true (arg->marker_first + arg->n_marker <= arg->first
                                 || arg->marker_first >= arg->first + arg->n_tokens);
                }
            }
          total++;
        }
    }
  g_assert_cmpuint (total, >, 100);
}

static void
test_count_predicates (void)
{
  g_autoptr (KgDocument) doc = annotate ("Raisi signed the roadmap. Lukashenko signed the memorandum. Iran met with Belarus.\n");
  g_autoptr (KgExtractions) facts = kg_extractor_extract (extractor (), doc);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kg_extractions_count_predicates (facts, counts);
  kg_extractions_count_predicates (facts, counts);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "sign")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "meet with")), ==, 2);
}

static void
test_names (void)
{
  g_assert_cmpstr (kg_role_to_string (KG_ROLE_TIME), ==, "time");
  g_assert_cmpstr (kg_head_kind_to_string (KG_HEAD_DEMONYM), ==, "demonym");
  g_assert_cmpstr (kg_clause_kind_to_string (KG_CLAUSE_TITLE), ==, "title");
  for (guint i = 0; i < KG_ROLE_N_ROLES; i++)
    g_assert_nonnull (kg_role_to_string (i));
  for (guint i = 0; i < KG_HEAD_N_KINDS; i++)
    g_assert_nonnull (kg_head_kind_to_string (i));
  for (guint i = 0; i < KG_CLAUSE_N_KINDS; i++)
    g_assert_nonnull (kg_clause_kind_to_string (i));
}

/* Copies the lexicons to a temporary directory, with one file replaced. */
static char *
lexicons_with (const char *file, const char *contents)
{
  g_autofree char *dir = data_dir ("lexicon");
  char *tmp = g_dir_make_tmp ("kgraph-lexicon-XXXXXX", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *from = g_build_filename (dir, name, NULL);
      g_autofree char *to = g_build_filename (tmp, name, NULL);
      g_autofree char *text = NULL;
      gsize length;
      g_assert_true (g_file_get_contents (from, &text, &length, NULL));
      g_assert_true (g_file_set_contents (to, text, length, NULL));
    }
  g_autofree char *path = g_build_filename (tmp, file, NULL);
  if (contents)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  else
    g_assert_cmpint (g_remove (path), ==, 0);
  return tmp;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* Asserts that lexicons with file replaced by contents (NULL: removed)
 * fail with code and a message containing message. */
static void
assert_lexicon_error (const char *file, const char *contents, int code, const char *message)
{
  g_autofree char *dir = lexicons_with (file, contents);
  g_autoptr (GError) error = NULL;
  g_autoptr (KgExtractor) e = kg_extractor_new (dir, &error);
  g_assert_null (e);
  g_assert_error (error, KG_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("'%s' does not say '%s'", error->message, message);
  remove_dir (dir);
}

static void
test_lexicon_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KgExtractor) none = kg_extractor_new ("/nonexistent", &error);
  g_assert_null (none);
  g_assert_error (error, KG_ERROR, KG_ERROR_MODEL);
  g_assert_nonnull (strstr (error->message, "/nonexistent/reporting-verbs.txt"));

  assert_lexicon_error ("event-nouns.txt", NULL, KG_ERROR_MODEL, "event-nouns.txt: cannot read the lexicon");
  assert_lexicon_error ("modality.txt", "# comment\nwill\tfuture\taux\nplan\tsoon\tverb\n", KG_ERROR_INPUT,
                        "modality.txt:3: unknown modality 'soon'");
  assert_lexicon_error ("event-nouns.txt", "visit\tvisit\n", KG_ERROR_INPUT, "event-nouns.txt:1: expected noun");
  assert_lexicon_error ("light-verbs.txt", "take\n\t\n", KG_ERROR_INPUT, "light-verbs.txt:2: empty column");
  assert_lexicon_error ("time-words.txt", "caf\xe9\n", KG_ERROR_INPUT, "time-words.txt: not UTF-8");
}

/* One extractor serves several threads at once, with the same results. */
static gpointer
extract_in_thread (gpointer data)
{
  KgExtractions *facts = kg_extractor_extract (extractor (), data);
  return facts;
}

static void
test_threads (void)
{
  g_autoptr (KgDocument) doc = annotate ("Raisi and Lukashenko signed the agreement, which covers trade, in Tehran.\n");
  extractor ();
  GThread *threads[4];
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_in_thread, doc);
  g_autoptr (KgExtractions) reference = kg_extractor_extract (extractor (), doc);
  g_autofree char *want = describe (doc, reference);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr (KgExtractions) facts = g_thread_join (threads[i]);
      g_autofree char *got = describe (doc, facts);
      g_assert_cmpstr (got, ==, want);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/constructions", test_constructions);
  g_test_add_func ("/extract/seed-sentences", test_seed_sentences);
  g_test_add_func ("/extract/marks", test_marks);
  g_test_add_func ("/extract/qualifiers", test_qualifiers);
  g_test_add_func ("/extract/tree/relative-clauses", test_relative_clauses);
  g_test_add_func ("/extract/tree/titles-and-appositions", test_titles_and_appositions);
  g_test_add_func ("/extract/tree/passive-and-modal-chain", test_passive_and_modal_chain);
  g_test_add_func ("/extract/tree/parse-errors", test_parse_errors);
  g_test_add_func ("/extract/nothing-wrong", test_nothing_wrong);
  g_test_add_func ("/extract/sentence-kinds", test_sentence_kinds);
  g_test_add_func ("/extract/broken-trees", test_broken_trees);
  g_test_add_func ("/extract/long-sentence", test_long_sentence);
  g_test_add_func ("/extract/open-view", test_open_view);
  g_test_add_func ("/extract/seed-invariants", test_seed_invariants);
  g_test_add_func ("/extract/count-predicates", test_count_predicates);
  g_test_add_func ("/extract/names", test_names);
  g_test_add_func ("/extract/lexicon-errors", test_lexicon_errors);
  g_test_add_func ("/extract/threads", test_threads);
  return g_test_run ();
}
