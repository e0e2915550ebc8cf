/* facts.c: the facts of a document as edges of the graph (graph stage;
 * see facts.h).
 *
 * Each extraction record (kgraph/extract.h) becomes one edge when both of
 * its ends, and its speaker if it has one, can be nodes:
 *
 *   - an argument whose head is an entity mention goes to the node of the
 *     mention's coreference chain: a name, or a pronoun or description
 *     resolved to one, or a nationality standing for its country
 *     ("Belarusian" -> Belarus), or a value (a date, an amount);
 *   - a proper noun the recogniser missed is a node of its own under its
 *     canonical key, so that it meets the same name found elsewhere;
 *   - any other noun or adjective is a concept node: the head noun phrase
 *     (the head and the compounds and adjectives that name the kind of
 *     thing), the head lemmatised, determiners and numbers dropped: "the two
 *     countries' new economic ties" -> "new economic tie";
 *   - a pronoun left unresolved, a relative pronoun without antecedent, a
 *     bare determiner or a clause is no node: the fact is left out and
 *     counted, so that no pronoun ever becomes a node.
 *
 * A description that restates the subject in a copular, appositive or title
 * fact stays a concept ("Lukashenko is the president": the president is
 * what is said of Lukashenko, not another name for him).  A fact whose two
 * ends are the same node says nothing, and two names said to be one ("Raisi
 * is Lukashenko") are a misparse: both are left out.  Nothing is added to
 * the graph for a fact left out.
 *
 * The evidence of a fact is its sentence, and the record's first time and
 * first place qualifier as written ("on Monday", "in Minsk"): kept on the
 * evidence, never made part of the predicate or a node.
 */
#include "facts-private.h"
#include "entity/entities-private.h"
#include "kgraph/canonical.h"

#include <string.h>

/* Whether an argument has a node, and why not. */
typedef enum {
  END_NODE = 0,
  END_UNRESOLVED,  /* a pronoun, relative or determiner with nothing it stands for */
  END_CLAUSE,      /* a clause, not a thing */
  END_FRAGMENT,    /* a lone adjective or a run without a word: no thing either */
} EndStatus;

gboolean *
kg__facts_named_chains (const KgDocument *document)
{
  gboolean *named = g_new0 (gboolean, kg_document_get_n_chains (document) + 1);
  for (guint i = 0; i < kg_document_get_n_mentions (document); i++)
    {
      const KgMention *m = kg_document_get_mention (document, i);
      if (m->chain >= 0 && m->kind == KG_MENTION_NAME)
        named[m->chain] = TRUE;
    }
  return named;
}

/* Whether a dependent with this relation is part of the name of the kind
 * of thing its head is: "economic" in "economic ties", "trade" in "trade
 * volume", "long" and "-" in "long-term". */
static gboolean
names_the_kind (const KgToken *token)
{
  const char *rel = token->deprel ? token->deprel : "";
  if (g_str_has_prefix (rel, "compound") || g_str_has_prefix (rel, "flat") || strcmp (rel, "fixed") == 0)
    return TRUE;
  if (strcmp (rel, "amod") == 0)
    return token->upos == KG_UPOS_ADJ || token->upos == KG_UPOS_VERB || token->upos == KG_UPOS_PROPN;
  return strcmp (rel, "punct") == 0 && strcmp (token->form, "-") == 0 && !token->space_after;
}

/* Whether token is inside head's noun phrase name: every link up to head is
 * one that names the kind (a modifier of a modifier, too: "long" in
 * "long-term strategic partnership"). */
static gboolean
in_kind_name (const KgDocument *document, const KgSentence *sentence, guint token, guint head)
{
  for (guint t = token, steps = 0; t != head; steps++)
    {
      const KgToken *tok = kg_document_get_token (document, t);
      int parent = kg_document_get_head (document, t);
      if (parent < 0 || steps > sentence->n_tokens)
        return FALSE;
      /* an adverb may grade an adjective that names the kind: "highly skilled" */
      if (!names_the_kind (tok) && !(strcmp (tok->deprel ? tok->deprel : "", "advmod") == 0 && (guint) parent != head))
        return FALSE;
      t = parent;
    }
  return TRUE;
}

/* Whether a word is written in capitals throughout: "EU", "NATO". */
static gboolean
is_all_caps (const char *word)
{
  gboolean upper = FALSE;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      upper = upper || g_unichar_isupper (c);
    }
  return upper;
}

/* Appends one word of a concept label.  Names, acronyms and nationalities
 * keep their capitals; common nouns and other words are lower case, as a
 * capital on them only says where they stood ("President Raisi", a
 * sentence's first word). */
static void
append_word (const Facts *f, GString *label, guint t, const char *word, gboolean sentence_start)
{
  const KgToken *token = kg_document_get_token (f->document, t);
  if (label->len && kg_document_get_token (f->document, t - 1)->space_after)
    g_string_append_c (label, ' ');
  int m = kg_document_find_mention (f->document, t);
  KgMentionKind kind = m >= 0 ? kg_document_get_mention (f->document, m)->kind : KG_MENTION_N_KINDS;
  /* a name or nationality keeps its capitals even as a sentence's first word */
  gboolean named = kind == KG_MENTION_DEMONYM || kind == KG_MENTION_NAME;
  gboolean keep_case = named || is_all_caps (word)
                       || ((token->upos == KG_UPOS_PROPN || token->upos == KG_UPOS_ADJ) && !sentence_start);
  if (keep_case)
    {
      g_string_append (label, word);
      return;
    }
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_string_append (label, lower);
}

/* The head noun phrase of an argument, tokens *first .. *last: the head
 * with the words around it that name the kind of thing. */
static void
kind_span (const Facts *f, const KgSentence *sentence, const KgArgument *arg, guint *first, guint *last)
{
  *first = *last = arg->head;
  while (*first > arg->first && in_kind_name (f->document, sentence, *first - 1, arg->head))
    (*first)--;
  while (*last + 1 < arg->first + arg->n_tokens && in_kind_name (f->document, sentence, *last + 1, arg->head))
    (*last)++;
  /* a hyphen is only inside a word, never at its edge */
  while (*first < arg->head && strcmp (kg_document_get_token (f->document, *first)->form, "-") == 0)
    (*first)++;
  while (*last > arg->head && strcmp (kg_document_get_token (f->document, *last)->form, "-") == 0)
    (*last)--;
}

/* Whether token t is the first word of its sentence, punctuation and
 * list bullets aside. */
static gboolean
starts_sentence (const Facts *f, const KgSentence *sentence, guint t)
{
  for (guint k = sentence->first_token; k < t; k++)
    if (kg_document_get_token (f->document, k)->upos != KG_UPOS_PUNCT)
      return FALSE;
  return TRUE;
}

/* A concept's label: the head noun phrase, its head lemmatised when it is
 * a common noun ("new economic ties" -> "new economic tie"). */
static char *
concept_label (const Facts *f, const KgSentence *sentence, const KgArgument *arg)
{
  guint first, last;
  kind_span (f, sentence, arg, &first, &last);
  GString *label = g_string_new (NULL);
  for (guint t = first; t <= last; t++)
    {
      const KgToken *token = kg_document_get_token (f->document, t);
      gboolean lemmatise = t == arg->head && token->upos == KG_UPOS_NOUN && token->lemma && *token->lemma
                           && !kg_lexicon_is_plural_noun (f->lexicon, token->form);
      append_word (f, label, t, lemmatise ? token->lemma : token->form, starts_sentence (f, sentence, t));
    }
  return g_string_free (label, FALSE);
}

/* A name the recogniser missed: the capitalised words of the head noun
 * phrase as written ("the upcoming Eurasia Trade Exhibition" -> "Eurasia
 * Trade Exhibition"); NULL when it is only a sentence's capitalised first
 * word, which is no evidence of a name. */
static char *
unrecognised_name (const Facts *f, const KgSentence *sentence, const KgArgument *arg)
{
  guint first, last;
  kind_span (f, sentence, arg, &first, &last);
  while (first < arg->head && !g_unichar_isupper (g_utf8_get_char (kg_document_get_token (f->document, first)->form)))
    first++;
  if (first == last && starts_sentence (f, sentence, first))
    return NULL;
  return kg_document_dup_text (f->document, first, last - first + 1);
}

/* One end of a fact (subject, object or speaker) as resolved, before any
 * node is made: a fact left out must leave no node behind. */
typedef struct {
  EndStatus status;
  gboolean named;      /* a named entity, not a concept or a value */
  char *key;           /* the node's key */
  char *surface;       /* the mention to add when the node is new */
  KgEntityType type;
  const char *rule;
  gboolean is_name;
} End;

static void
end_clear (End *end)
{
  g_free (end->key);
  g_free (end->surface);
}

static void
end_set (End *end, const char *key, char *surface, KgEntityType type, const char *rule, gboolean is_name)
{
  end->key = g_strdup (key);
  end->surface = surface;
  end->type = type;
  end->rule = rule;
  end->is_name = is_name;
}

/* The key of an end's node.  Nodes the entity stage made already have
 * their mentions; a fact's end adds one only to a node the document has
 * not mentioned yet. */
static const char *
end_node (Facts *f, const End *end)
{
  KgNodeMention mention = {
    .key = end->key, .surface = end->surface, .type = end->type, .rule = end->rule, .is_name = end->is_name,
  };
  return kg_delta_node (f->delta, &mention);
}

/* Resolves the end of mention m's chain, m heading the argument. */
static void
resolve_chain (Facts *f, const KgMention *m, End *end)
{
  const KgChain *chain = kg_document_get_chain (f->document, m->chain);
  char *text = kg_document_dup_text (f->document, m->first_token, m->n_tokens);
  end->named = f->chain_named[m->chain];
  if (end->named)
    end_set (end, chain->key, text, chain->type, m->rule, m->kind == KG_MENTION_NAME);
  else if (m->kind == KG_MENTION_DEMONYM && m->value)
    {
      /* a nationality stands for its country */
      g_free (text);
      end_set (end, chain->key, g_strdup (m->value), chain->type, "demonym", TRUE);
    }
  else
    end_set (end, chain->key, text, m->type, m->rule, m->kind == KG_MENTION_VALUE);
}

/* "the Belarusian president" with no president of Belarus named in the
 * document: a node for the office holder (kg_office_key()), which the
 * graph's holders of that office resolve once every document is in
 * (kg_entities_resolve_offices()).  FALSE when the office's country has no
 * node key. */
static gboolean
resolve_office (Facts *f, const KgMention *m, End *end)
{
  int owner = kg_document_find_mention (f->document, m->office_owner);
  const KgMention *country = owner >= 0 ? kg_document_get_mention (f->document, owner) : NULL;
  if (country == NULL || country->chain < 0)
    return FALSE;
  const KgChain *chain = kg_document_get_chain (f->document, country->chain);
  g_autofree char *key = kg_office_key (m->office, chain->key);
  end->named = TRUE;
  end_set (end, key, kg_document_dup_text (f->document, m->first_token, m->n_tokens), KG_ENTITY_PERSON,
           "unresolved role", FALSE);
  return TRUE;
}

/* "Ukrainian troops", "the Iranian government", "Sudan's army", "Hamas
 * militants": what a country's state or a group's members do is the
 * country's or group's, as a nationality alone is (a noun of
 * state-nouns.txt with a nationality, a name before it or a country's
 * possessive). */
static gboolean
resolve_state (Facts *f, const KgSentence *sentence, const KgArgument *arg, End *end)
{
  if (arg->head_kind != KG_HEAD_NOUN)
    return FALSE;
  const KgToken *head = kg_document_get_token (f->document, arg->head);
  if (!kg_lexicon_is_state_noun (f->lexicon, head->lemma ? head->lemma : head->form))
    return FALSE;
  guint first, last;
  kind_span (f, sentence, arg, &first, &last);
  for (guint t = first; t < arg->head; t++)
    {
      int m = kg_document_find_mention (f->document, t);
      const KgMention *x = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
      if (x && x->kind == KG_MENTION_DEMONYM && x->chain >= 0 && x->value)
        {
          resolve_chain (f, x, end);
          return TRUE;
        }
    }
  /* "Hamas militants", "Wagner fighters": a group's name before them */
  for (guint t = first; t < arg->head; t++)
    {
      int m = kg_document_find_mention (f->document, t);
      const KgMention *x = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
      if (x && x->kind == KG_MENTION_NAME && x->chain >= 0 && f->chain_named[x->chain]
          && x->first_token + x->n_tokens <= arg->head
          && (x->type == KG_ENTITY_ORG || x->type == KG_ENTITY_GPE || x->type == KG_ENTITY_NORP
              || x->type == KG_ENTITY_UNKNOWN))
        {
          resolve_chain (f, x, end);
          return TRUE;
        }
    }
  /* "Sudan's army": a country's possessive */
  for (guint t = arg->first; t < arg->head; t++)
    if (kg_document_get_head (f->document, t) == (int) arg->head
        && g_strcmp0 (kg_document_get_token (f->document, t)->deprel, "nmod:poss") == 0)
      {
        int m = kg__mention_of_head (f->document, t, arg->head);
        const KgMention *x = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
        if (x && x->kind == KG_MENTION_NAME && x->type == KG_ENTITY_GPE && x->chain >= 0)
          {
            resolve_chain (f, x, end);
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Resolves an argument.  restates: the argument is the object of a fact
 * that describes the subject (copular, appositive, title). */
static void
resolve (Facts *f, const KgSentence *sentence, const KgArgument *arg, gboolean restates, End *end)
{
  memset (end, 0, sizeof *end);
  int index = kg__mention_of_head (f->document, arg->head, arg->first + arg->n_tokens);
  const KgMention *m = index >= 0 ? kg_document_get_mention (f->document, index) : NULL;
  if (m && m->chain >= 0 && !(m->kind == KG_MENTION_NOMINAL && (restates || !f->chain_named[m->chain])))
    {
      resolve_chain (f, m, end);
      return;
    }
  if (m && m->kind == KG_MENTION_NOMINAL && m->office && !restates && resolve_office (f, m, end))
    return;
  if (!restates && resolve_state (f, sentence, arg, end))
    return;
  switch (arg->head_kind)
    {
    case KG_HEAD_PRONOUN:
    case KG_HEAD_RELATIVE:
    case KG_HEAD_DETERMINER:
      end->status = END_UNRESOLVED;
      return;
    case KG_HEAD_CLAUSE:
      end->status = END_CLAUSE;
      return;
    default:
      break;
    }
  if (m && m->kind == KG_MENTION_PRONOUN)
    {
      end->status = END_UNRESOLVED;
      return;
    }
  if (arg->head_kind == KG_HEAD_NAME)
    {
      /* a headline capitalises every word: no evidence of a name */
      if (sentence->kind == KG_SENTENCE_TITLE)
        {
          end->status = END_UNRESOLVED;
          return;
        }
      char *name = unrecognised_name (f, sentence, arg);
      if (name)
        {
          g_autofree char *key = kg__entity_key (f->lexicon, name, KG_ENTITY_UNKNOWN);
          end->named = TRUE;
          end_set (end, key, name, KG_ENTITY_UNKNOWN, "unrecognised name", TRUE);
          return;
        }
    }
  char *label = concept_label (f, sentence, arg);
  if (*label == '\0')
    {
      g_free (label);
      end->status = END_UNRESOLVED;
      return;
    }
  if (arg->head_kind == KG_HEAD_ADJECTIVE || !has_letter (label) || kg_lexicon_is_vague_noun (f->lexicon, label))
    {
      g_free (label);
      end->status = END_FRAGMENT;
      return;
    }
  g_autofree char *key = kg_canonical_key (label);
  end_set (end, key, label, arg->head_kind == KG_HEAD_NUMBER ? KG_ENTITY_CARDINAL : KG_ENTITY_CONCEPT, "concept",
           FALSE);
}

/* Why a fact with these ends is left out, counted; FALSE if it is not. */
static gboolean
left_out (const KgExtraction *e, const End *subject, const End *object, const End *speaker, KgFactCounts *counts)
{
  const End *ends[] = { subject, object, speaker };
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (ends[i]->status == END_CLAUSE)
      {
        counts->clausal++;
        return TRUE;
      }
    else if (ends[i]->status == END_UNRESOLVED)
      {
        counts->unresolved++;
        return TRUE;
      }
    else if (ends[i]->status == END_FRAGMENT)
      {
        counts->fragment++;
        return TRUE;
      }
  /* "Norway's foreign minister Anna Berg" read as Norway having Anna Berg;
   * "Iran's foreign policy" as Iran having one: a possessive says what a
   * noun belongs to, rarely a fact worth an edge */
  if (e->kind == KG_CLAUSE_POSSESSIVE)
    {
      counts->fragment++;
      return TRUE;
    }
  /* "Raisi is Lukashenko": two names said to be one are a misparse or
   * coreference the entity stage did not make, never a relation */
  gboolean equated = subject->named && object->named && strcmp (e->predicate, "be") == 0;
  /* "Western restrictions are Iran": a concept said to be a name is a
   * misparse too */
  gboolean misparse = !subject->named && object->named && strcmp (e->predicate, "be") == 0;
  if (misparse)
    {
      counts->fragment++;
      return TRUE;
    }
  if (strcmp (subject->key, object->key) == 0 || equated)
    {
      counts->self++;
      return TRUE;
    }
  return FALSE;
}

/* The first qualifier of role as written, its marker and its words ("in
 * Minsk", "on Monday", "last year"); NULL when the record has none.  The
 * marker usually stands right before the words but need not ("the city in
 * which ..."), so the two are joined by one space.  (transfer full) */
static char *
dup_qualifier (const KgDocument *document, const KgExtraction *e, KgRole role)
{
  for (guint i = 0; i < e->n_qualifiers; i++)
    {
      const KgArgument *q = &e->qualifiers[i];
      if (q->role != role || q->n_tokens == 0)
        continue;
      g_autofree char *words = kg_document_dup_text (document, q->first, q->n_tokens);
      if (q->n_marker == 0)
        return g_steal_pointer (&words);
      g_autofree char *marker = kg_document_dup_text (document, q->marker_first, q->n_marker);
      return g_strconcat (marker, " ", words, NULL);
    }
  return NULL;
}

/* Whether an argument is "I" or "me". */
static gboolean
is_first_person (const Facts *f, const KgArgument *arg)
{
  if (arg->n_tokens != 1 || arg->head_kind != KG_HEAD_PRONOUN)
    return FALSE;
  const char *form = kg_document_get_token (f->document, arg->first)->form;
  return strcmp (form, "I") == 0 || g_ascii_strcasecmp (form, "me") == 0;
}

/* Quotation marks as the reader normalises them (straight, or PTB's). */
static gboolean
is_quote_mark (const char *form)
{
  return strcmp (form, "\"") == 0 || strcmp (form, "``") == 0 || strcmp (form, "''") == 0;
}

/* The speaker of the quotation that holds e's subject: its attribution,
 * else the last person the sentence names before the quotation opens
 * ("Lukashenko stated at the meeting that 'I have come ...'"). */
static gboolean
quote_speaker (const Facts *f, const KgExtraction *e, KgArgument *speaker)
{
  if (e->attribution.n_tokens)
    {
      *speaker = e->attribution;
      speaker->role = KG_ROLE_SUBJECT;
      return TRUE;
    }
  const KgSentence *sentence = kg_document_get_sentence (f->document, e->sentence);
  guint open = e->subject.first;
  while (open > sentence->first_token && !is_quote_mark (kg_document_get_token (f->document, open)->form))
    open--;
  for (guint m = kg_document_first_mention_at (f->document, open); m-- > 0;)
    {
      const KgMention *x = kg_document_get_mention (f->document, m);
      if (x->first_token < sentence->first_token)
        break;
      if (x->type == KG_ENTITY_PERSON && x->chain >= 0 && f->chain_named[x->chain])
        {
          *speaker = (KgArgument) { .first = x->first_token, .n_tokens = x->n_tokens, .head = x->head,
                                    .role = KG_ROLE_SUBJECT, .head_kind = KG_HEAD_NAME };
          return TRUE;
        }
    }
  return FALSE;
}

/* "the Instituto Gonzaga, a school in Milan": what a place is said to be
 * in it, "be <noun> in" a country, city or region, locates it (for
 * appositions and copulas: "was born in" is no place's kind). */
static gboolean
is_kind_in_place (const char *predicate, const End *object)
{
  if (!g_str_has_prefix (predicate, "be ") || !g_str_has_suffix (predicate, " in")
      || (object->type != KG_ENTITY_GPE && object->type != KG_ENTITY_LOC))
    return FALSE;
  const char *noun = predicate + 3;
  const char *space = strchr (noun, ' ');
  return space && strcmp (space, " in") == 0;
}

void
kg__facts_add_one (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  if (e->object.n_tokens == 0)
    {
      counts->no_object++;
      return;
    }
  if (kg__facts_add_pairs (f, e, counts))
    return;
  /* "Lukashenko said: 'I have come to Iran'": in a quotation, "I" is its
   * speaker */
  KgArgument speaker_arg;
  if ((e->flags & KG_EXTRACTION_QUOTED) && is_first_person (f, &e->subject) && quote_speaker (f, e, &speaker_arg))
    {
      KgExtraction own = *e;
      own.subject = speaker_arg;
      own.flags &= ~KG_EXTRACTION_QUOTED;
      kg__facts_add_one (f, &own, counts);
      return;
    }
  const KgSentence *sentence = kg_document_get_sentence (f->document, e->sentence);
  gboolean restates = e->kind == KG_CLAUSE_COPULAR || e->kind == KG_CLAUSE_APPOSITION || e->kind == KG_CLAUSE_TITLE;
  End subject, object, speaker = { 0 };
  resolve (f, sentence, &e->subject, FALSE, &subject);
  resolve (f, sentence, &e->object, restates, &object);
  if (e->attribution.n_tokens)
    resolve (f, sentence, &e->attribution, FALSE, &speaker);
  if (!left_out (e, &subject, &object, &speaker, counts))
    {
      g_autofree char *text = kg_document_dup_text (f->document, sentence->first_token, sentence->n_tokens);
      g_autofree char *time = dup_qualifier (f->document, e, KG_ROLE_TIME);
      g_autofree char *place = dup_qualifier (f->document, e, KG_ROLE_PLACE);
      g_autofree char *office = NULL;
      const char *relation = kg_lexicon_relation (f->lexicon, e->predicate, &office);
      if (relation == NULL && (e->kind == KG_CLAUSE_APPOSITION || e->kind == KG_CLAUSE_COPULAR)
          && is_kind_in_place (e->predicate, &object))
        relation = "located in";
      const char *subject_key = end_node (f, &subject);
      const char *object_key = end_node (f, &object);
      KgDeltaFact fact = {
        .subject = subject_key,
        .object = object_key,
        .attributed_to = speaker.key ? end_node (f, &speaker) : NULL,
        .predicate = e->predicate,
        .predicate_surface = e->predicate_surface,
        .relation = relation,
        .office = office,
        .polarity = e->polarity,
        .modality = e->modality,
        .confidence = e->confidence,
      };
      KgEvidence evidence = {
        .sentence = e->sentence,
        .start = sentence->start,
        .end = sentence->end,
        .text = text,
        .confidence = e->confidence,
        .time = time,
        .place = place,
      };
      if (fact.subject && fact.object)
        kg_delta_add_fact (f->delta, &fact, &evidence);
      counts->added++;
    }
  end_clear (&subject);
  end_clear (&object);
  end_clear (&speaker);
}

/* Whether m's last word is a role ("Iran's Parliament Speaker" is no
 * place, whatever its type). */
static gboolean
names_role (const Facts *f, const KgMention *m)
{
  g_autofree char *last = g_ascii_strdown (kg_document_get_token (f->document, m->first_token + m->n_tokens - 1)->form, -1);
  return kg_lexicon_is_role (f->lexicon, last);
}

/* Adds "m is in place" (located in) with m's sentence as evidence, and
 * clears place. */
static void
add_located_in (Facts *f, const KgMention *m, const KgSentence *sentence, End *place, KgFactCounts *counts)
{
  End named = { 0 };
  resolve_chain (f, m, &named);
  g_autofree char *text = kg_document_dup_text (f->document, sentence->first_token, sentence->n_tokens);
  const char *subject = end_node (f, &named);
  KgDeltaFact fact = {
    .subject = subject, .object = end_node (f, place), .predicate = "be in", .predicate_surface = "be in",
    .relation = "located in", .confidence = 0.5,
  };
  KgEvidence evidence = {
    .sentence = kg_document_find_sentence (f->document, m->first_token),
    .start = sentence->start, .end = sentence->end, .text = text, .confidence = 0.5,
  };
  if (fact.subject && fact.object && strcmp (fact.subject, fact.object) != 0)
    {
      kg_delta_add_fact (f->delta, &fact, &evidence);
      counts->extracted++;
      counts->added++;
    }
  end_clear (&named);
  end_clear (place);
}

/* "the Greek Ministry of Culture", "the Iranian Red Crescent", "Iran's
 * Guardian Council": an organisation named with its country's nationality
 * (in its name or right before it) or possessive is in that country
 * (located in), the first sentence that names it the evidence; so is a
 * place with a place's possessive ("Mecca's Grand Mosque"). */
static gboolean
is_possessive (const char *form)
{
  return strcmp (form, "'s") == 0 || strcmp (form, "\xe2\x80\x99s") == 0 || strcmp (form, "'") == 0;
}

static void
add_national_organisations (Facts *f, KgFactCounts *counts)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < kg_document_get_n_mentions (f->document); i++)
    {
      const KgMention *m = kg_document_get_mention (f->document, i);
      gboolean is_place = m->type == KG_ENTITY_GPE || m->type == KG_ENTITY_LOC;
      if (m->kind != KG_MENTION_NAME || (m->type != KG_ENTITY_ORG && !is_place) || m->chain < 0
          || !f->chain_named[m->chain] || g_hash_table_contains (seen, GINT_TO_POINTER (m->chain + 1)))
        continue;
      const KgSentence *sentence = kg_document_get_sentence (f->document,
                                                             kg_document_find_sentence (f->document, m->first_token));
      if (sentence->kind == KG_SENTENCE_FURNITURE || sentence->kind == KG_SENTENCE_TITLE)
        continue;
      /* the nationality inside the name or right before it, or the
       * country's possessive ("Iran's Guardian Council") */
      const char *country = kg_lexicon_demonym_country (f->lexicon, kg_document_get_token (f->document,
                                                                                         m->first_token)->form);
      guint first = m->first_token;
      const KgMention *before = NULL;
      if (first > sentence->first_token && is_possessive (kg_document_get_token (f->document, first - 1)->form))
        first--;
      int b = first > sentence->first_token ? kg_document_find_mention (f->document, first - 1) : -1;
      before = b >= 0 ? kg_document_get_mention (f->document, b) : NULL;
      gboolean possessor = first < m->first_token && before && before->kind == KG_MENTION_NAME
                           && before->type == KG_ENTITY_GPE && before->chain >= 0;
      if (country == NULL && first == m->first_token && before && before->kind == KG_MENTION_DEMONYM)
        country = before->value;
      /* a place is in the place that owns it ("Mecca's Grand Mosque"), not
       * in a nationality ("the Iranian Tehran" says nothing) */
      g_autofree char *name = kg_document_dup_text (f->document, m->first_token, m->n_tokens);
      if (is_place && (!possessor || kg_lexicon_country (f->lexicon, name) || names_role (f, m)))
        continue;
      if (country == NULL && !possessor)
        continue;
      g_hash_table_add (seen, GINT_TO_POINTER (m->chain + 1));
      End place = { 0 };
      g_autofree char *key = country ? kg__entity_key (f->lexicon, country, KG_ENTITY_GPE) : NULL;
      if (country)
        end_set (&place, key, g_strdup (country), KG_ENTITY_GPE, "demonym", TRUE);
      else
        resolve_chain (f, before, &place);
      add_located_in (f, m, sentence, &place, counts);
    }
}

/* Whether the mention at token (if any) is a name of a place. */
static const KgMention *
place_name_at (const Facts *f, guint token)
{
  if (token >= kg_document_get_n_tokens (f->document))
    return NULL;
  int i = kg_document_find_mention (f->document, token);
  const KgMention *m = i >= 0 ? kg_document_get_mention (f->document, i) : NULL;
  return m && m->kind == KG_MENTION_NAME && (m->type == KG_ENTITY_GPE || m->type == KG_ENTITY_LOC) && m->chain >= 0
         ? m : NULL;
}

static gboolean
token_is (const Facts *f, guint token, const char *form)
{
  return token < kg_document_get_n_tokens (f->document)
         && strcmp (kg_document_get_token (f->document, token)->form, form) == 0;
}

/* "in Aceh, Indonesia", "the University of Sheffield, United Kingdom": a
 * name followed by a comma and a country's name is in that country
 * (located in), unless the two are items of a list ("Iran, Belarus and
 * Russia"): the name is no country, and neither a place before it nor one
 * after the country continues the series. */
static void
add_places_in_countries (Facts *f, KgFactCounts *counts)
{
  for (guint i = 0; i < kg_document_get_n_mentions (f->document); i++)
    {
      const KgMention *m = kg_document_get_mention (f->document, i);
      if (m->kind != KG_MENTION_NAME || m->chain < 0 || !f->chain_named[m->chain]
          || (m->type != KG_ENTITY_GPE && m->type != KG_ENTITY_LOC && m->type != KG_ENTITY_ORG))
        continue;
      guint comma = m->first_token + m->n_tokens;
      const KgMention *country = token_is (f, comma, ",") ? place_name_at (f, comma + 1) : NULL;
      if (country == NULL || country->first_token != comma + 1)
        continue;
      const KgSentence *sentence = kg_document_get_sentence (f->document,
                                                             kg_document_find_sentence (f->document, m->first_token));
      if (sentence->kind == KG_SENTENCE_FURNITURE || sentence->kind == KG_SENTENCE_TITLE
          || country->first_token + country->n_tokens > sentence->first_token + sentence->n_tokens)
        continue;
      g_autofree char *name = kg_document_dup_text (f->document, m->first_token, m->n_tokens);
      g_autofree char *country_name = kg_document_dup_text (f->document, country->first_token, country->n_tokens);
      guint after = country->first_token + country->n_tokens;
      gboolean series = (m->first_token >= 2 && token_is (f, m->first_token - 1, ",")
                         && place_name_at (f, m->first_token - 2))
                        || token_is (f, after, "and") || token_is (f, after, "or")
                        || (token_is (f, after, ",") && place_name_at (f, after + 1));
      if (series || kg_lexicon_country (f->lexicon, country_name) == NULL || kg_lexicon_country (f->lexicon, name))
        continue;
      End place = { 0 };
      resolve_chain (f, country, &place);
      add_located_in (f, m, sentence, &place, counts);
    }
}

void
kg__facts_add (const KgLexicon *lexicon, const KgDocument *document, const gboolean *chain_named,
               const KgExtractions *extractions, KgDelta *delta, KgFactCounts *counts)
{
  Facts f = { lexicon, document, chain_named, delta };
  for (guint i = 0; i < kg_extractions_get_n (extractions); i++)
    {
      counts->extracted++;
      kg__facts_add_one (&f, kg_extractions_get (extractions, i), counts);
      kg__facts_add_derived (&f, extractions, i, counts);
    }
  add_national_organisations (&f, counts);
  add_places_in_countries (&f, counts);
}
