/* facts-derived.c: facts the graph stage derives from an extraction
 * record beside the record's own (graph stage; see facts.c).
 *
 *   co-signers     "A and B signed the accord", "signed by A and B": (A,
 *                  sign with, B), beside what each signed; "A and B held
 *                  talks": (A, meet with, B)
 *   reciprocals    "A and B support each other": (A, support, B), (B,
 *                  support, A)
 *   telling        "Aref told Kuznetsov that ...": (Aref, tell, Kuznetsov)
 *   inner names    "Berg supports Lind's candidacy": (Berg, support, Lind);
 *                  "conducted strikes against the militia": (coalition,
 *                  conduct strike against, militia), which attacks it
 *   memberships    "NATO's members include Sweden": (Sweden, member of, NATO)
 *   beside objects "launched missiles at Israel": (Houthis, launch missile
 *                  at, Israel)
 *   pairs          "the two countries", "both organizations": one fact for
 *                  each of the two such names the text gave last, when the
 *                  fact relates them to each other or to another entity
 *                  ("Iran and Belarus ... the two countries support each
 *                  other": (Iran, support, Belarus), (Belarus, support, Iran))
 *
 * Each derived fact goes through kg__facts_add_one like any record, so the
 * same rules decide which of its ends can be nodes.
 */
#include "facts-private.h"
#include "entity/entities-private.h"

#include <string.h>

static gboolean
same_span (const KgArgument *a, const KgArgument *b)
{
  return a->first == b->first && a->n_tokens == b->n_tokens;
}

/* "Berg supports Lind's candidacy", "withdrew its offer for Acme Bank",
 * "conducted 26 strikes against the militia", "was given Norwegian
 * nationality": a name that is the possessor or a prepositional
 * complement of a common-noun object (or its nationality, in a passive or
 * copula) still gives the fact about the entity, (Berg, support, Lind), (Acme, withdraw
 * offer for, Acme Bank), (coalition, conduct strike against, militia): the
 * noun stays in the predicate, whose relation the vocabulary may know
 * ("strike against": attacks), or in the surface form. */
static void
add_inner_entity_facts (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  const KgArgument *object = &e->object;
  if (object->n_tokens == 0 || object->head_kind != KG_HEAD_NOUN)
    return;
  const KgToken *noun = kg_document_get_token (f->document, object->head);
  guint end = object->first + object->n_tokens;
  /* what one condemns, backs, sanctions or attacks is also whoever it
   * belongs to: "condemning U.S. and Israeli attacks", "opposing US
   * unilateralism", "attacked an African Union base" */
  g_autofree char *office = NULL;
  const char *relation = kg_lexicon_relation (f->lexicon, e->predicate, &office);
  gboolean attitude = g_strcmp0 (relation, "opposes") == 0 || g_strcmp0 (relation, "supports") == 0
                      || g_strcmp0 (relation, "sanctions") == 0 || g_strcmp0 (relation, "attacks") == 0
                      || g_strcmp0 (relation, "fights") == 0;
  /* "Lind was given Norwegian nationality": in a passive or copula the
   * nationality of the object is the fact's too, the noun kept */
  gboolean passive = !attitude && g_str_has_prefix (e->predicate, "be ");
  for (guint t = object->first; t < end; t++)
    {
      const KgToken *token = kg_document_get_token (f->document, t);
      int parent = kg_document_get_head (f->document, t);
      if (token->deprel == NULL || parent < 0)
        continue;
      const char *parent_rel = kg_document_get_token (f->document, parent)->deprel;
      gboolean modifier = (attitude || passive) && t < object->head
                          && ((parent == (int) object->head && (strcmp (token->deprel, "amod") == 0
                                                                || strcmp (token->deprel, "compound") == 0))
                              || (strcmp (token->deprel, "conj") == 0 && kg_document_get_head (f->document, parent)
                                                                          == (int) object->head
                                  && (g_strcmp0 (parent_rel, "amod") == 0 || g_strcmp0 (parent_rel, "compound") == 0)));
      gboolean possessor = parent == (int) object->head && strcmp (token->deprel, "nmod:poss") == 0;
      if (!modifier && (parent != (int) object->head || (!possessor && strcmp (token->deprel, "nmod") != 0)))
        continue;
      int m = modifier ? kg_document_find_mention (f->document, t) : kg__mention_of_head (f->document, t, end);
      const KgMention *mention = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
      gboolean named = mention && (mention->kind == KG_MENTION_NAME || (modifier && mention->kind == KG_MENTION_DEMONYM));
      if (!named || mention->first_token < object->first || mention->first_token + mention->n_tokens > end)
        continue;
      possessor = possessor || (modifier && attitude);
      /* the preposition: the case dependent of the name's head */
      const char *preposition = NULL;
      for (guint k = object->head + 1; k < t; k++)
        if (kg_document_get_head (f->document, k) == (int) t
            && g_strcmp0 (kg_document_get_token (f->document, k)->deprel, "case") == 0)
          preposition = kg_document_get_token (f->document, k)->form;
      /* "the positions of Iran" says nothing of Iran; "the president of
       * Belarus" is a person, coreference's business */
      const char *lemma = noun->lemma ? noun->lemma : noun->form;
      /* "between" relates two parties: extract-noun.c's business */
      gboolean kept_noun = modifier && !attitude;
      if ((!possessor && !kept_noun
           && (preposition == NULL || g_ascii_strcasecmp (preposition, "of") == 0
               || g_ascii_strcasecmp (preposition, "between") == 0))
          || kg_lexicon_is_role (f->lexicon, lemma) || kg_lexicon_is_state_noun (f->lexicon, lemma))
        continue;
      g_autofree char *lower = preposition ? g_utf8_strdown (preposition, -1) : NULL;
      g_autofree char *predicate = possessor   ? g_strdup (e->predicate)
                                   : kept_noun ? g_strdup_printf ("%s %s", e->predicate, lemma)
                                               : g_strdup_printf ("%s %s %s", e->predicate, lemma, lower);
      g_autofree char *surface = possessor   ? g_strdup_printf ("%s %s of", e->predicate_surface, noun->form)
                                 : kept_noun ? g_strdup_printf ("%s %s", e->predicate_surface, noun->form)
                                             : g_strdup_printf ("%s %s %s", e->predicate_surface, noun->form,
                                                                preposition);
      KgExtraction inner = *e;
      inner.object = (KgArgument) {
        .first = mention->first_token, .n_tokens = mention->n_tokens, .head = mention->head,
        .role = KG_ROLE_OBJECT, .head_kind = KG_HEAD_NAME,
      };
      inner.predicate = predicate;
      inner.predicate_surface = surface;
      counts->extracted++;
      kg__facts_add_one (f, &inner, counts);
    }
}

/* "NATO's members include Sweden", "members of NATO include Sweden":
 * (Sweden, member of, NATO). */
static void
add_membership (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  if (strcmp (e->predicate, "include") != 0 || e->object.n_tokens == 0 || e->subject.head_kind != KG_HEAD_NOUN)
    return;
  const KgToken *noun = kg_document_get_token (f->document, e->subject.head);
  if (g_strcmp0 (noun->lemma, "member") != 0)
    return;
  guint end = e->subject.first + e->subject.n_tokens;
  for (guint t = e->subject.first; t < end; t++)
    {
      const KgToken *token = kg_document_get_token (f->document, t);
      if (kg_document_get_head (f->document, t) != (int) e->subject.head
          || (g_strcmp0 (token->deprel, "nmod:poss") != 0 && g_strcmp0 (token->deprel, "nmod") != 0))
        continue;
      int m = kg__mention_of_head (f->document, t, end);
      const KgMention *owner = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
      if (owner == NULL || owner->kind != KG_MENTION_NAME)
        continue;
      KgExtraction member = *e;
      member.subject = e->object;
      member.subject.role = KG_ROLE_SUBJECT;
      member.object = (KgArgument) {
        .first = owner->first_token, .n_tokens = owner->n_tokens, .head = owner->head,
        .role = KG_ROLE_OBJECT, .head_kind = KG_HEAD_NAME,
      };
      member.predicate = "member of";
      member.predicate_surface = "member of";
      counts->extracted++;
      kg__facts_add_one (f, &member, counts);
      return;
    }
}

/* Whether an argument is "each other" or "one another". */
static gboolean
is_reciprocal (const Facts *f, const KgArgument *arg)
{
  if (arg->n_tokens != 2)
    return FALSE;
  g_autofree char *text = kg_document_dup_text (f->document, arg->first, arg->n_tokens);
  return g_ascii_strcasecmp (text, "each other") == 0 || g_ascii_strcasecmp (text, "one another") == 0;
}

/* Facts that join the coordinated subjects of one predicate: "A and B
 * signed the accord" (or "signed by A and B") gives (A, sign with, B)
 * beside what each signed; "A and B held talks" gives (A, meet with, B);
 * "A and B have maintained close consultations" (A, maintain consultation
 * with, B);
 * "A and B support each other" gives (A, support, B) and (B, support, A). */
/* Whether an argument is a meeting named by its noun: "talks", "a
 * meeting", "discussions" ("A and B held talks": they met). */
static gboolean
is_meeting (const Facts *f, const KgArgument *arg)
{
  static const char *const nouns[] = { "talk", "meeting", "discussion", "negotiation", "summit", NULL };
  if (arg->n_tokens == 0 || arg->head_kind != KG_HEAD_NOUN)
    return FALSE;
  const KgToken *head = kg_document_get_token (f->document, arg->head);
  return g_strv_contains (nouns, head->lemma ? head->lemma : head->form);
}

/* The lemma of an argument's head when it names a tie between parties
 * ("consultations", "ties", "cooperation"), else NULL.  (transfer none) */
static const char *
tie_noun (const Facts *f, const KgArgument *arg)
{
  static const char *const nouns[] = { "consultation", "tie", "relation", "relations", "ties", "cooperation",
                                       "dialogue", "contact", "partnership", "consultations", NULL };
  if (arg->n_tokens == 0 || arg->head_kind != KG_HEAD_NOUN)
    return NULL;
  const KgToken *head = kg_document_get_token (f->document, arg->head);
  const char *lemma = head->lemma ? head->lemma : head->form;
  return g_strv_contains (nouns, lemma) ? lemma : NULL;
}

static void
add_joint_subjects (Facts *f, const KgExtractions *extractions, guint i,
                    KgFactCounts *counts)
{
  const KgExtraction *a = kg_extractions_get (extractions, i);
  g_autofree char *office = NULL;
  gboolean reciprocal = is_reciprocal (f, &a->object);
  gboolean signed_ = g_strcmp0 (kg_lexicon_relation (f->lexicon, a->predicate, &office), "signed") == 0;
  gboolean meeting = is_meeting (f, &a->object);
  const char *tie = tie_noun (f, &a->object);
  g_autofree char *tie_predicate = tie ? g_strdup_printf ("%s %s with", a->predicate, tie) : NULL;
  if (a->object.n_tokens == 0 || !(reciprocal || signed_ || meeting || tie))
    return;
  for (guint j = i + 1; j < kg_extractions_get_n (extractions); j++)
    {
      const KgExtraction *b = kg_extractions_get (extractions, j);
      if (b->sentence != a->sentence)
        break;
      if (strcmp (b->predicate, a->predicate) != 0 || !same_span (&b->object, &a->object)
          || same_span (&b->subject, &a->subject) || b->polarity != a->polarity || b->modality != a->modality)
        continue;
      KgExtraction joint = *a;
      joint.object = b->subject;
      joint.object.role = KG_ROLE_OBJECT;
      if (signed_)
        {
          joint.predicate = "sign with";
          joint.predicate_surface = "signed with";
        }
      else if (meeting)
        {
          joint.predicate = "meet with";
          joint.predicate_surface = a->predicate_surface;
        }
      else if (tie)
        {
          joint.predicate = tie_predicate;
          joint.predicate_surface = tie_predicate;
        }
      counts->extracted++;
      kg__facts_add_one (f, &joint, counts);
      if (reciprocal)
        {
          KgExtraction back = *b;
          back.object = a->subject;
          back.object.role = KG_ROLE_OBJECT;
          counts->extracted++;
          kg__facts_add_one (f, &back, counts);
        }
    }
}

/* "Aref told Kuznetsov that ...", "Aref told Kuznetsov:": what someone
 * said is a clause, never an edge, but that they told someone is (Aref,
 * tell, Kuznetsov); a verb with a recipient and nothing else given has the
 * recipient for its object. */
static void
add_told (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  if (!(e->flags & KG_EXTRACTION_REPORTING) && e->object.n_tokens)
    return;
  for (guint q = 0; q < e->n_qualifiers; q++)
    if (e->qualifiers[q].role == KG_ROLE_RECIPIENT && e->qualifiers[q].n_tokens)
      {
        KgExtraction told = *e;
        told.object = e->qualifiers[q];
        told.object.role = KG_ROLE_OBJECT;
        told.n_qualifiers = 0;
        if (e->flags & KG_EXTRACTION_REPORTING)
          told.predicate = "tell";
        counts->extracted++;
        kg__facts_add_one (f, &told, counts);
        return;
      }
}

/* The kinds of entity a plural noun of a pair stands for, as a mask of
 * 1 << KgEntityType; 0 for other nouns. */
static guint
pair_types (const char *lemma)
{
  static const struct { const char *lemma; guint types; } nouns[] = {
    { "country", 1u << KG_ENTITY_GPE }, { "nation", 1u << KG_ENTITY_GPE }, { "state", 1u << KG_ENTITY_GPE },
    { "government", 1u << KG_ENTITY_GPE }, { "capital", 1u << KG_ENTITY_GPE }, { "city", 1u << KG_ENTITY_GPE },
    { "side", 1u << KG_ENTITY_GPE | 1u << KG_ENTITY_ORG | 1u << KG_ENTITY_PERSON },
    { "party", 1u << KG_ENTITY_GPE | 1u << KG_ENTITY_ORG | 1u << KG_ENTITY_PERSON },
    { "organization", 1u << KG_ENTITY_ORG }, { "organisation", 1u << KG_ENTITY_ORG },
    { "company", 1u << KG_ENTITY_ORG }, { "group", 1u << KG_ENTITY_ORG },
    { "leader", 1u << KG_ENTITY_PERSON }, { "president", 1u << KG_ENTITY_PERSON },
    { "minister", 1u << KG_ENTITY_PERSON }, { "official", 1u << KG_ENTITY_PERSON },
    { "man", 1u << KG_ENTITY_PERSON }, { "woman", 1u << KG_ENTITY_PERSON },
  };
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (strcmp (lemma, nouns[i].lemma) == 0)
      return nouns[i].types;
  return 0;
}

/* How many sentences back a pair looks for its two names. */
#define PAIR_WINDOW 3

/* "the two countries", "both sides": the two names of that kind the text
 * gave last before the phrase (within it sentence and the PAIR_WINDOW
 * before), the most recent mention of each; FALSE when arg is no such
 * phrase or the text gave fewer than two. */
static gboolean
pair_of (const Facts *f, const KgExtraction *e, const KgArgument *arg, const KgMention *pair[2])
{
  if (arg->n_tokens == 0 || arg->head_kind != KG_HEAD_NOUN)
    return FALSE;
  const KgToken *noun = kg_document_get_token (f->document, arg->head);
  const char *lemma = noun->lemma ? noun->lemma : noun->form;
  guint types = pair_types (lemma);
  gboolean country = strcmp (lemma, "country") == 0 || strcmp (lemma, "nation") == 0;
  gboolean two = FALSE;
  for (guint t = arg->first; t < arg->head; t++)
    two = two || (kg_document_get_head (f->document, t) == (int) arg->head
                  && (g_ascii_strcasecmp (kg_document_get_token (f->document, t)->form, "two") == 0
                      || g_ascii_strcasecmp (kg_document_get_token (f->document, t)->form, "both") == 0));
  if (types == 0 || !two)
    return FALSE;
  guint window = e->sentence > PAIR_WINDOW ? e->sentence - PAIR_WINDOW : 0;
  guint start = kg_document_get_sentence (f->document, window)->first_token;
  guint n = 0;
  for (guint m = kg_document_first_mention_at (f->document, arg->first); m-- > 0 && n < 2;)
    {
      const KgMention *x = kg_document_get_mention (f->document, m);
      if (x->first_token < start)
        break;
      if (x->kind != KG_MENTION_NAME || x->chain < 0 || !f->chain_named[x->chain] || !(types & (1u << x->type))
          || (n == 1 && x->chain == pair[0]->chain))
        continue;
      /* "the two countries" are countries, not any place with a government */
      if (country)
        {
          g_autofree char *name = kg_document_dup_text (f->document, x->first_token, x->n_tokens);
          if (kg_lexicon_country (f->lexicon, name) == NULL)
            continue;
        }
      pair[n++] = x;
    }
  return n == 2;
}

static KgArgument
mention_argument (const KgMention *m, KgRole role)
{
  return (KgArgument) {
    .first = m->first_token, .n_tokens = m->n_tokens, .head = m->head, .role = role, .head_kind = KG_HEAD_NAME,
  };
}

/* Whether an argument stands for a named entity of the document. */
static gboolean
names_entity (const Facts *f, const KgArgument *arg)
{
  /* "presenting themselves as partners": a reflexive is the subject again */
  const char *form = arg->n_tokens ? kg_document_get_token (f->document, arg->head)->form : "";
  if (g_str_has_suffix (form, "self") || g_str_has_suffix (form, "selves"))
    return FALSE;
  int m = arg->n_tokens ? kg__mention_of_head (f->document, arg->head, arg->first + arg->n_tokens) : -1;
  const KgMention *x = m >= 0 ? kg_document_get_mention (f->document, m) : NULL;
  return x && x->chain >= 0 && f->chain_named[x->chain];
}

gboolean
kg__facts_add_pairs (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  /* a pair relates its two to each other or to an entity; what it says of
   * a concept ("the two countries face sanctions") stays one fact about
   * the pair, which the entity-centric graph sets aside */
  const KgMention *pair[2];
  gboolean subject = (is_reciprocal (f, &e->object) || names_entity (f, &e->object))
                     && pair_of (f, e, &e->subject, pair);
  if (!subject && !(names_entity (f, &e->subject) && pair_of (f, e, &e->object, pair)))
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      KgExtraction one = *e;
      if (subject)
        {
          one.subject = mention_argument (pair[i], KG_ROLE_SUBJECT);
          if (is_reciprocal (f, &e->object))
            one.object = mention_argument (pair[1 - i], KG_ROLE_OBJECT);
        }
      else
        one.object = mention_argument (pair[i], KG_ROLE_OBJECT);
      counts->extracted += i;
      kg__facts_add_one (f, &one, counts);
    }
  return TRUE;
}

/* "launched missiles at Israel", "declared war on Scientology": an entity
 * in a prepositional argument of the verb beside a common-noun object is
 * what the fact is about, (Houthis, launch missile at, Israel), whose
 * relation the vocabulary may know (attacks). */
static void
add_oblique_entities (Facts *f, const KgExtraction *e, KgFactCounts *counts)
{
  static const char *const markers[] = { "with", "against", "at", "into", "on", "to", "toward", "towards", NULL };
  if (e->object.n_tokens == 0 || e->object.head_kind != KG_HEAD_NOUN || names_entity (f, &e->object)
      || (e->flags & KG_EXTRACTION_REPORTING))
    return;
  for (guint q = 0; q < e->n_qualifiers; q++)
    {
      const KgArgument *arg = &e->qualifiers[q];
      if ((arg->role != KG_ROLE_OBLIQUE && arg->role != KG_ROLE_PLACE) || arg->marker == NULL
          || !g_strv_contains (markers, arg->marker) || !names_entity (f, arg))
        continue;
      const KgToken *noun = kg_document_get_token (f->document, e->object.head);
      g_autofree char *predicate = g_strdup_printf ("%s %s %s", e->predicate, noun->lemma ? noun->lemma : noun->form,
                                                    arg->marker);
      g_autofree char *surface = g_strdup_printf ("%s %s %s", e->predicate_surface, noun->form, arg->marker);
      KgExtraction beside = *e;
      beside.object = *arg;
      beside.object.role = KG_ROLE_OBJECT;
      beside.predicate = predicate;
      beside.predicate_surface = surface;
      counts->extracted++;
      kg__facts_add_one (f, &beside, counts);
    }
}

void
kg__facts_add_derived (Facts *f, const KgExtractions *extractions, guint i,
                       KgFactCounts *counts)
{
  const KgExtraction *e = kg_extractions_get (extractions, i);
  add_joint_subjects (f, extractions, i, counts);
  add_told (f, e, counts);
  add_inner_entity_facts (f, e, counts);
  add_membership (f, e, counts);
  add_oblique_entities (f, e, counts);
}
