/* extract-noun.c: facts that noun phrases state without a verb (extraction
 * stage): appositions, titles and roles, event nominals and possessives.
 *
 * Method: the noun-phrase patterns of ClausIE (Del Corro & Gemulla 2013:
 * appositions and possessives as synthetic "is"/"has" clauses) and of
 * Stanford Open IE's nominal patterns (Angeli et al. 2015), over UD r2.16
 * trees, whose nmod:desc marks a title inside a name.  The rules:
 *
 *   N1 appositions   "Minsk, the Belarusian capital" gives (Minsk, capital of,
 *                    Belarusian): the appositive's noun becomes the predicate
 *                    when it has an owner (a possessor, a demonym adjective,
 *                    an "of" modifier), else (Minsk, be, capital).  A name in
 *                    apposition to a common noun is the subject ("Iran's
 *                    Parliament Speaker, Mohammad Baqer Qalibaf").
 *   N2 titles        "Iran's Foreign Minister Seyed Abbas Araghchi": the
 *                    nmod:desc title with its modifiers is the predicate, the
 *                    possessor or demonym its object: (Seyed Abbas Araghchi,
 *                    foreign minister of, Iran).
 *   N3 event nouns   a noun of the event lexicon with a possessor or a "by"
 *                    agent: "his visit to Minsk" gives (his, visit, Minsk);
 *                    an event phrase before the verb is the subject's:
 *                    "During his visit to Minsk, Qalibaf urged" gives
 *                    (Qalibaf, visit, Minsk), the pronoun read forwards;
 *                    the lexicon says which prepositions mark the verb's
 *                    object, others join the predicate ("meeting with").
 *   N4 possessives   "the Abbey's properties" gives (the Abbey, have,
 *                    properties) for common nouns with a non-pronoun
 *                    possessor; low confidence.
 *   N5 places        a place modifying a noun locates it: "exercises in
 *                    Iran" gives (exercises, be in, Iran).
 *   N6 between       a noun between two parties relates them: "relations
 *                    between Iran and Belarus", "Iran-Belarus relations",
 *                    "Belarusian-Iranian relations" give (Iran, have
 *                    relation with, Belarus); an event noun its verb: "the
 *                    talks between A and B" gives (A, talk with, B).
 *   N7 place, place  "Sydney, Australia" gives (Sydney, be in, Australia);
 *                    a list of places gives nothing.
 *   N8 person of org "Matthew Ingram of The Globe and Mail" gives (Ingram,
 *                    member of, The Globe and Mail).
 *
 * Appositions need a comma's kind of apposition: conjuncts without any
 * coordinator count (the parser's "X, the Y" as a list), a colon in a line
 * without a verb does not (a headline's "Topic: comment"); honorifics (Mr.,
 * Mrs.) are no titles.  The Open IE view of N1, N2 and N5 uses the
 * relation "be": the sentence gives no tense for what it states in
 * passing; N4 uses "has", or "had" in a sentence told in the past.
 */
#include "extract-private.h"

#include <string.h>

static gboolean
is_nominal (const KgExSentence *s, guint i)
{
  KgUpos u = s->tokens[i]->upos;
  return u == KG_UPOS_NOUN || u == KG_UPOS_PROPN;
}

/* The owner of a role noun: its possessor, an "of" modifier, or a demonym
 * adjective; -1 when none. */
static int
owner_of (const KgExSentence *s, guint noun)
{
  int poss = kg__ex_child (s, noun, KG_DEP_NMOD_POSS);
  if (poss >= 0)
    return poss;
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      if (s->dep[child] == KG_DEP_NMOD && child > noun)
        {
          for (guint k = s->child_start[child]; k < s->child_start[child + 1]; k++)
            if (s->dep[s->children[k]] == KG_DEP_CASE && g_ascii_strcasecmp (s->tokens[s->children[k]]->form, "of") == 0)
              return child;
        }
    }
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      if ((s->dep[child] == KG_DEP_AMOD || s->dep[child] == KG_DEP_COMPOUND) && (s->word[child] & KG_WORD_DEMONYM)
          && child < noun)
        return child;
    }
  return -1;
}

/* The role words of a noun: its compounds and adjectives before it (not
 * the owner, not determiners), then the noun: "foreign minister". */
static void
role_words (const KgExSentence *s, guint noun, int owner, char *lemmas, char *forms)
{
  /* A title the parser split into several nmod:desc ("Industry Minister"
   * as two): the earlier ones come first. */
  if (s->dep[noun] == KG_DEP_NMOD_DESC && s->head[noun] >= 0)
    {
      guint name = s->head[noun];
      for (guint c = s->child_start[name]; c < s->child_start[name + 1]; c++)
        {
          guint sibling = s->children[c];
          if (sibling < noun && s->dep[sibling] == KG_DEP_NMOD_DESC)
            {
              kg__ex_append (lemmas, s->tokens[sibling]->form, TRUE);
              kg__ex_append (forms, s->tokens[sibling]->form, FALSE);
            }
        }
    }
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      KgDep d = s->dep[child];
      if (child > noun || (int) child == owner)
        continue;
      if (d == KG_DEP_COMPOUND || d == KG_DEP_AMOD || d == KG_DEP_FLAT)
        {
          if (s->word[child] & KG_WORD_DEMONYM)
            continue;
          kg__ex_append (lemmas, s->tokens[child]->form, TRUE);
          kg__ex_append (forms, s->tokens[child]->form, FALSE);
        }
    }
  kg__ex_append (lemmas, s->tokens[noun]->upos == KG_UPOS_PROPN ? s->tokens[noun]->form : kg__ex_lemma (s, noun),
                 TRUE);
  kg__ex_append (forms, s->tokens[noun]->form, FALSE);
}

/* A fact "subject is/has complement" with a role predicate (N1, N2, N4):
 * "<role> of" owner when there is an owner, else "be" complement. */
static void
emit_role (KgExSentence *s, KgExSink *sink, KgClauseKind kind, const KgArgument *subject, guint role_noun,
           int owner, const KgArgument *open_complement, const char *relation)
{
  if (subject->n_tokens == 0 || open_complement->n_tokens == 0)
    return;
  if (subject->head_kind == KG_HEAD_RELATIVE || subject->head_kind == KG_HEAD_NUMBER)
    return;
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = kind;
  fact.predicate_head = role_noun;
  fact.subject = *subject;
  if (kind == KG_CLAUSE_POSSESSIVE)
    {
      kg__ex_append (fact.predicate, "have", FALSE);
      kg__ex_append (fact.predicate_surface, relation, FALSE);
      fact.object = *open_complement;
      fact.object.role = KG_ROLE_OBJECT;
    }
  else if (owner >= 0)
    {
      role_words (s, role_noun, owner, fact.predicate, fact.predicate_surface);
      kg__ex_append (fact.predicate, "of", FALSE);
      kg__ex_append (fact.predicate_surface, "of", FALSE);
      kg__ex_span (s, owner, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS, -1, KG_ROLE_OBJECT, &fact.object);
      fact.object.n_marker = 0;
    }
  else
    {
      kg__ex_append (fact.predicate, "be", FALSE);
      kg__ex_append (fact.predicate_surface, "be", FALSE);
      fact.object = *open_complement;
      fact.object.role = KG_ROLE_COMPLEMENT;
    }
  g_strlcpy (fact.relation, relation, sizeof fact.relation);
  fact.arguments[0] = *subject;
  fact.arguments[1] = *open_complement;
  fact.arguments[1].n_marker = 0;
  fact.n_arguments = 2;
  fact.modality = KG_MODALITY_ASSERTED;
  fact.polarity = KG_POLARITY_POSITIVE;
  int speaker = kg__ex_speaker (s, role_noun);
  if (speaker >= 0)
    kg__ex_span (s, speaker, KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CASE, -1, KG_ROLE_SPEAKER, &fact.attribution);
  if (s->quoted[role_noun])
    fact.flags |= KG_EXTRACTION_QUOTED;
  kg__ex_emit (sink, s, &fact);
}

/* N1 */
static void
apposition (KgExSentence *s, KgExSink *sink, guint noun, guint appos)
{
  if (!is_nominal (s, noun) || !is_nominal (s, appos))
    return;
  /* a time, or an event ("his meeting ..., Iran's Parliament Speaker"),
   * is no one's apposition: the parser's error */
  if ((s->word[noun] | s->word[appos]) & (KG_WORD_TIME | KG_WORD_EVENT))
    return;
  guint subject = noun, complement = appos;
  if (s->tokens[appos]->upos == KG_UPOS_PROPN && s->tokens[noun]->upos == KG_UPOS_NOUN)
    {
      subject = appos;
      complement = noun;
    }
  KgArgument subj, comp;
  kg__ex_span (s, subject, KG_CUT_APPOS | KG_CUT_RELCL | KG_CUT_CASE | KG_CUT_CONJ, -1, KG_ROLE_SUBJECT, &subj);
  kg__ex_span (s, complement, KG_CUT_APPOS | KG_CUT_RELCL | KG_CUT_CASE | KG_CUT_CONJ, -1, KG_ROLE_COMPLEMENT,
               &comp);
  /* The two spans must not overlap (a name and its apposition are
   * neighbours; a bad parse can nest them). */
  if (subj.first < comp.first + comp.n_tokens && comp.first < subj.first + subj.n_tokens)
    return;
  /* "Iran-Belarus relations: a new chapter": in a line without a verb, a
   * colon introduces the comment on a topic, a headline's shape, not an
   * apposition. */
  guint second = MAX (subj.first, comp.first) - s->first;
  if (second > 0 && strcmp (s->tokens[second - 1]->form, ":") == 0)
    {
      gboolean verb = FALSE;
      for (guint i = 0; i < s->n; i++)
        verb |= s->tokens[i]->upos == KG_UPOS_VERB || s->tokens[i]->upos == KG_UPOS_AUX;
      if (!verb)
        return;
    }
  emit_role (s, sink, KG_CLAUSE_APPOSITION, &subj, complement, owner_of (s, complement), &comp, "be");
}

/* Honorifics are forms of address, not roles. */
static gboolean
is_honorific (const char *form)
{
  static const char *const honorifics[] = { "mr", "mrs", "ms", "miss", "mister", "madam", "messrs", "mx" };
  char word[16];
  gsize n = 0;
  for (; form[n] && form[n] != '.' && n + 1 < sizeof word; n++)
    word[n] = g_ascii_tolower (form[n]);
  word[n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
    if (strcmp (word, honorifics[i]) == 0)
      return TRUE;
  return FALSE;
}

/* N2 */
static void
title (KgExSentence *s, KgExSink *sink, guint name, guint title_noun)
{
  if (s->tokens[name]->upos != KG_UPOS_PROPN || title_noun > name || is_honorific (s->tokens[title_noun]->form))
    return;
  /* Of several nmod:desc, the last (nearest the name) speaks for all. */
  guint first_desc = title_noun;
  for (guint c = s->child_start[name]; c < s->child_start[name + 1]; c++)
    {
      guint sibling = s->children[c];
      if (s->dep[sibling] != KG_DEP_NMOD_DESC || sibling == title_noun)
        continue;
      if (sibling > title_noun)
        return;
      first_desc = MIN (first_desc, sibling);
    }
  KgArgument subj, comp, first;
  kg__ex_span (s, name, KG_CUT_DESC | KG_CUT_APPOS | KG_CUT_RELCL | KG_CUT_CASE | KG_CUT_CLAUSES | KG_CUT_CONJ,
               -1, KG_ROLE_SUBJECT, &subj);
  kg__ex_span (s, title_noun, KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ, -1, KG_ROLE_COMPLEMENT, &comp);
  kg__ex_span (s, first_desc, KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ, -1, KG_ROLE_COMPLEMENT, &first);
  if (first.first < comp.first)
    {
      comp.n_tokens += comp.first - first.first;
      comp.first = first.first;
    }
  /* The title's owner may hang from the name, before the title: "Iran's
   * Foreign Minister Seyed Abbas Araghchi"; the Open IE complement then
   * starts with it. */
  int owner = owner_of (s, title_noun);
  int poss = kg__ex_child (s, name, KG_DEP_NMOD_POSS);
  if (owner < 0 && poss >= 0 && poss < (int) title_noun)
    {
      owner = poss;
      KgArgument p;
      kg__ex_span (s, poss, 0, -1, KG_ROLE_OBJECT, &p);
      if (p.first < comp.first)
        {
          comp.n_tokens += comp.first - p.first;
          comp.first = p.first;
        }
    }
  if (subj.first < comp.first + comp.n_tokens && comp.first < subj.first + subj.n_tokens)
    return;
  emit_role (s, sink, KG_CLAUSE_TITLE, &subj, title_noun, owner, &comp, "be");
}

/* Emits a fact a noun phrase states (N3, N5, N6, N7): the Open IE view
 * is its two arguments, the speaker the one whose words hold the noun. */
static void
emit_noun_fact (KgExSentence *s, KgExSink *sink, guint noun, KgExFact *fact)
{
  fact->arguments[0] = fact->subject;
  fact->arguments[1] = fact->object;
  fact->arguments[1].n_marker = 0;
  fact->n_arguments = 2;
  fact->modality = KG_MODALITY_ASSERTED;
  int speaker = kg__ex_speaker (s, noun);
  if (speaker >= 0)
    kg__ex_span (s, speaker, KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CASE, -1, KG_ROLE_SPEAKER, &fact->attribution);
  kg__ex_emit (sink, s, fact);
}

/* Emits the fact of event noun noun done by agent to object (N3). */
static void
event_fact (KgExSentence *s, KgExSink *sink, guint noun, const KgEventNoun *event, guint agent, guint object,
            gboolean object_marked)
{
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = KG_CLAUSE_NOMINAL;
  fact.predicate_head = noun;
  kg__ex_span (s, agent, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ, -1, KG_ROLE_SUBJECT, &fact.subject);
  fact.subject.n_marker = 0;
  kg__ex_span (s, object, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS, -1, KG_ROLE_OBJECT, &fact.object);
  gboolean overlap = fact.object.first < fact.subject.first + fact.subject.n_tokens
                     && fact.subject.first < fact.object.first + fact.object.n_tokens;
  if (fact.subject.head_kind == KG_HEAD_RELATIVE || overlap)
    return;
  kg__ex_append (fact.predicate, event->verb, FALSE);
  kg__ex_append (fact.predicate_surface, s->tokens[noun]->form, FALSE);
  kg__ex_append (fact.relation, s->tokens[noun]->form, FALSE);
  for (guint k = 0; k < fact.object.n_marker; k++)
    {
      const char *w = s->tokens[fact.object.marker_first - s->first + k]->form;
      if (!object_marked)
        kg__ex_append (fact.predicate, w, TRUE);
      kg__ex_append (fact.predicate_surface, w, FALSE);
      kg__ex_append (fact.relation, w, FALSE);
    }
  emit_noun_fact (s, sink, noun, &fact);
}

/* N3: "his visit to Minsk", "a visit by the Belarusian foreign minister to
 * Iran". */
static gboolean
event_nominal (KgExSentence *s, KgExSink *sink, guint noun)
{
  const KgEventNoun *event = kg__ex_lexicon_event_noun (s->lexicon, kg__ex_lemma (s, noun));
  if (event == NULL || s->tokens[noun]->upos != KG_UPOS_NOUN)
    return FALSE;
  int agent = kg__ex_child (s, noun, KG_DEP_NMOD_POSS);
  int object = -1;
  gboolean object_marked = FALSE;
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      if (s->dep[child] != KG_DEP_NMOD || child < noun)
        continue;
      int case_word = kg__ex_child (s, child, KG_DEP_CASE);
      if (case_word < 0)
        continue;
      char mark[40];
      g_snprintf (mark, sizeof mark, ",%s,", s->tokens[case_word]->form);
      for (char *m = mark; *m; m++)
        *m = g_ascii_tolower (*m);
      if (strcmp (mark, ",by,") == 0 && agent < 0)
        agent = child;
      else if (object < 0 && kg__ex_oblique_role (s, child) != KG_ROLE_TIME)
        {
          object = child;
          object_marked = strstr (event->object_marks, mark) != NULL;
        }
    }
  /* "In a meeting with Lukashenko, Khamenei said ...", "During his visit
   * to Minsk, Qalibaf urged ...": an event phrase that modifies a clause
   * (an oblique before the verb) is the clause subject's event; a
   * possessive pronoun there points forward to that subject (cataphora),
   * not back. */
  int clause_subject = -1;
  if (s->dep[noun] == KG_DEP_OBL && s->head[noun] >= 0 && noun < (guint) s->head[noun])
    {
      gboolean inherited;
      int gap;
      clause_subject = kg__ex_subject (s, s->head[noun], &inherited, &gap);
      if (clause_subject >= 0 && (s->tokens[clause_subject]->upos != KG_UPOS_PROPN || clause_subject < (int) noun))
        clause_subject = -1;
    }
  if (clause_subject >= 0 && (agent < 0 || (s->word[agent] & KG_WORD_PRONOUN)))
    agent = clause_subject;
  /* "U.S. and Israeli attacks on Iran", "Russian strikes": a nationality or
   * a name before the noun is its agent */
  for (guint c = s->child_start[noun]; agent < 0 && c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      if (child < noun && (s->dep[child] == KG_DEP_AMOD || s->dep[child] == KG_DEP_COMPOUND)
          && ((s->word[child] & KG_WORD_DEMONYM) || s->tokens[child]->upos == KG_UPOS_PROPN))
        agent = child;
    }

  /* "condemning attacks on Iran's facilities": the object's preposition
   * right after the noun, attached by the parser to the verb */
  int governor = s->head[noun];
  for (guint c = governor >= 0 ? s->child_start[governor] : 0;
       object < 0 && governor >= 0 && c < s->child_start[governor + 1]; c++)
    {
      guint child = s->children[c];
      int case_word = kg__ex_child (s, child, KG_DEP_CASE);
      if (s->dep[child] != KG_DEP_OBL || case_word != (int) noun + 1)
        continue;
      char mark[40];
      g_snprintf (mark, sizeof mark, ",%s,", s->tokens[case_word]->form);
      for (char *m = mark; *m; m++)
        *m = g_ascii_tolower (*m);
      if (strstr (event->object_marks, mark))
        {
          object = child;
          object_marked = TRUE;
        }
    }
  /* "Pezeshkian's Minsk visit": a place named before the noun */
  if (object < 0 && agent >= 0)
    for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
      {
        guint child = s->children[c];
        if (child < noun && child > (guint) agent && s->dep[child] == KG_DEP_COMPOUND
            && s->tokens[child]->upos == KG_UPOS_PROPN)
          {
            object = child;
            object_marked = TRUE;
          }
      }
  if (agent < 0 || object < 0)
    return agent >= 0;

  guint agents[KG_EX_MAX_ARGS];
  guint n_agents = kg__ex_conjuncts (s, agent, agents, G_N_ELEMENTS (agents));
  for (guint a = 0; a < n_agents; a++)
    if (!kg__ex_is_contrastive (s, agents[a]))
      event_fact (s, sink, noun, event, agents[a], object, object_marked);
  return TRUE;
}

/* N4 */
static void
possessive (KgExSentence *s, KgExSink *sink, guint noun, guint possessor)
{
  if (s->tokens[noun]->upos != KG_UPOS_NOUN || s->tokens[possessor]->upos == KG_UPOS_PRON
      || (s->word[possessor] & (KG_WORD_PRONOUN | KG_WORD_RELATIVE)) || s->dep[noun] == KG_DEP_NMOD_DESC
      || kg__ex_has_child (s, noun, KG_DEP_NMOD_DESC))
    return;
  KgArgument subj, comp;
  kg__ex_span (s, possessor, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS, -1, KG_ROLE_SUBJECT, &subj);
  subj.n_marker = 0;
  kg__ex_span (s, noun, KG_CUT_DESC | KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ | KG_CUT_CLAUSES | KG_CUT_CASE, -1,
               KG_ROLE_OBJECT, &comp);
  comp.n_marker = 0;
  /* The possessed noun without the possessor: the run after it. */
  if (comp.first <= subj.first + subj.n_tokens - 1)
    {
      guint end = comp.first + comp.n_tokens;
      guint start = possessor + s->first + 1;
      /* skip the possessive marker */
      while (start < end && s->dep[start - s->first] == KG_DEP_CASE)
        start++;
      if (start >= end)
        return;
      comp.first = start;
      comp.n_tokens = end - start;
    }
  emit_role (s, sink, KG_CLAUSE_POSSESSIVE, &subj, noun, -1, &comp, kg__ex_past_tense (s) ? "had" : "has");
}

/* N5: "the 6th European Championships in Stockholm" gives (Championships,
 * be in, Stockholm): a place that modifies a noun locates it. */
static void
located (KgExSentence *s, KgExSink *sink, guint noun, guint place)
{
  if (!is_nominal (s, noun) || kg__ex_oblique_role (s, place) != KG_ROLE_PLACE || place < noun)
    return;
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = KG_CLAUSE_MODIFIER;
  fact.predicate_head = noun;
  kg__ex_span (s, noun, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CLAUSES | KG_CUT_CONJ, place,
               KG_ROLE_SUBJECT, &fact.subject);
  fact.subject.n_marker = 0;
  kg__ex_span (s, place, KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS, -1, KG_ROLE_PLACE, &fact.object);
  if (fact.subject.head_kind == KG_HEAD_PRONOUN || fact.subject.head_kind == KG_HEAD_RELATIVE
      || fact.object.n_marker == 0)
    return;
  kg__ex_append (fact.predicate, "be", FALSE);
  kg__ex_append (fact.relation, "be", FALSE);
  for (guint k = 0; k < fact.object.n_marker; k++)
    {
      const char *w = s->tokens[fact.object.marker_first - s->first + k]->form;
      kg__ex_append (fact.predicate, w, TRUE);
      kg__ex_append (fact.relation, w, FALSE);
    }
  g_strlcpy (fact.predicate_surface, fact.relation, sizeof fact.predicate_surface);
  emit_noun_fact (s, sink, noun, &fact);
}

/* A proper-noun conjunct of noun after its "between" modifier first, with
 * "and" and only determiners and name words between them; -1 if none. */
static int
second_party (const KgExSentence *s, guint noun, guint first)
{
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint y = s->children[c];
      if (s->dep[y] != KG_DEP_CONJ || y < first || s->tokens[y]->upos != KG_UPOS_PROPN)
        continue;
      int and = -1;
      for (guint k = first + 1; k < y; k++)
        if (g_ascii_strcasecmp (s->tokens[k]->form, "and") == 0)
          and = k;
      gboolean names = and > (int) first;
      for (guint k = and + 1; names && k < y; k++)
        names = s->tokens[k]->upos == KG_UPOS_DET || s->tokens[k]->upos == KG_UPOS_PROPN
                || s->tokens[k]->upos == KG_UPOS_ADJ;
      if (names)
        return y;
    }
  return -1;
}

/* The two parties a noun stands between: the conjuncts of its "between"
 * modifier, or two names or nationalities joined by a hyphen right before
 * it ("Iran-Belarus relations"); FALSE when it has none. */
static gboolean
parties_of (const KgExSentence *s, guint noun, guint *a, guint *b)
{
  for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
    {
      guint child = s->children[c];
      guint conjuncts[2];
      if (s->dep[child] != KG_DEP_NMOD || child < noun || !kg__ex_has_marker (s, child, "between"))
        continue;
      if (kg__ex_conjuncts (s, child, conjuncts, 2) == 2)
        {
          *a = conjuncts[0];
          *b = conjuncts[1];
          return TRUE;
        }
      /* "the agreement between Iran and the EAEU" with the second party
       * parsed as a conjunct of the noun: the name after "and" */
      int second = second_party (s, noun, child);
      if (second >= 0)
        {
          *a = child;
          *b = second;
          return TRUE;
        }
    }
  if (noun < 3)
    return FALSE;
  const char *dash = s->tokens[noun - 2]->form;
  gboolean joined = (strcmp (dash, "-") == 0 || strcmp (dash, "\xe2\x80\x93") == 0)
                    && !s->tokens[noun - 3]->space_after && !s->tokens[noun - 2]->space_after;
  /* each side a whole name or nationality of its own, not a prefix
   * ("al-Ikhbariya television") */
  int sides[2] = { -1, -1 };
  for (guint k = 0; joined && k < 2; k++)
    {
      guint t = noun - 3 + 2 * k;
      sides[k] = kg_document_find_mention (s->document, s->first + t);
      const KgMention *m = sides[k] >= 0 ? kg_document_get_mention (s->document, sides[k]) : NULL;
      joined = m && (m->kind == KG_MENTION_NAME || m->kind == KG_MENTION_DEMONYM) && m->n_tokens == 1;
    }
  *a = noun - 3;
  *b = noun - 1;
  return joined && sides[0] != sides[1];
}

/* N6 */
static void
between (KgExSentence *s, KgExSink *sink, guint noun)
{
  guint a, b;
  if (s->tokens[noun]->upos != KG_UPOS_NOUN || !parties_of (s, noun, &a, &b))
    return;
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = KG_CLAUSE_NOMINAL;
  fact.flags = KG_EXTRACTION_JOINT;
  fact.predicate_head = noun;
  guint32 cut = KG_CUT_CASE | KG_CUT_RELCL | KG_CUT_APPOS | KG_CUT_CONJ;
  kg__ex_span (s, a, cut, -1, KG_ROLE_SUBJECT, &fact.subject);
  kg__ex_span (s, b, cut, -1, KG_ROLE_OBJECT, &fact.object);
  fact.subject.n_marker = fact.object.n_marker = 0;
  /* a hyphenated pair is one compound: each party is its own word */
  if (b == a + 2)
    {
      fact.subject.first = s->first + a, fact.subject.n_tokens = 1, fact.subject.head = s->first + a;
      fact.object.first = s->first + b, fact.object.n_tokens = 1, fact.object.head = s->first + b;
    }
  if (fact.subject.n_tokens == 0 || fact.object.n_tokens == 0)
    return;
  const KgEventNoun *event = kg__ex_lexicon_event_noun (s->lexicon, kg__ex_lemma (s, noun));
  if (event)
    kg__ex_append (fact.predicate, event->verb, FALSE);
  else
    {
      /* the noun with the words that name its kind: "have free trade
       * agreement with", "have trade volume with" */
      kg__ex_append (fact.predicate, "have", FALSE);
      for (guint c = s->child_start[noun]; c < s->child_start[noun + 1]; c++)
        {
          guint child = s->children[c];
          gboolean kind = s->dep[child] == KG_DEP_COMPOUND
                          || (s->dep[child] == KG_DEP_AMOD && g_unichar_isupper (g_utf8_get_char (s->tokens[child]->form))
                              && !(s->word[child] & KG_WORD_DEMONYM));
          if (child < noun && kind && child != a && child != b)
            kg__ex_append (fact.predicate, s->tokens[child]->form, TRUE);
        }
      kg__ex_append (fact.predicate, kg__ex_lemma (s, noun), TRUE);
    }
  kg__ex_append (fact.predicate, "with", FALSE);
  g_snprintf (fact.predicate_surface, sizeof fact.predicate_surface, "%s between", s->tokens[noun]->form);
  g_strlcpy (fact.relation, fact.predicate_surface, sizeof fact.relation);
  emit_noun_fact (s, sink, noun, &fact);
}

/* Whether sentence token i goes on a list of names: "and", "or", or a
 * comma before another name. */
static gboolean
continues_list (const KgExSentence *s, guint i)
{
  if (i >= s->n)
    return FALSE;
  const char *w = s->tokens[i]->form;
  if (g_ascii_strcasecmp (w, "and") == 0 || g_ascii_strcasecmp (w, "or") == 0)
    return TRUE;
  return strcmp (w, ",") == 0 && i + 1 < s->n
         && (s->tokens[i + 1]->upos == KG_UPOS_PROPN || g_ascii_strcasecmp (s->tokens[i + 1]->form, "and") == 0);
}

/* Emits (subject, predicate, object) between two mentions of the sentence
 * (N7, N8); surface and relation are the words as the sentence has them. */
static void
emit_mentions_fact (KgExSentence *s, KgExSink *sink, const KgMention *subject, const KgMention *object,
                    KgRole object_role, const char *predicate, const char *surface, const char *relation)
{
  KgExFact fact;
  memset (&fact, 0, sizeof fact);
  fact.kind = KG_CLAUSE_MODIFIER;
  fact.predicate_head = subject->head - s->first;
  fact.subject = kg__ex_mention_argument (subject, KG_ROLE_SUBJECT);
  fact.object = kg__ex_mention_argument (object, object_role);
  kg__ex_append (fact.predicate, predicate, FALSE);
  kg__ex_append (fact.predicate_surface, surface, FALSE);
  kg__ex_append (fact.relation, relation, FALSE);
  emit_noun_fact (s, sink, fact.predicate_head, &fact);
}

/* The name of the sentence that starts at sentence token i, of one of
 * the types in the mask (1 << KgEntityType), or NULL. */
static const KgMention *
name_at (const KgExSentence *s, guint i, guint types)
{
  if (i >= s->n)
    return NULL;
  int m = kg_document_find_mention (s->document, s->first + i);
  const KgMention *x = m >= 0 ? kg_document_get_mention (s->document, m) : NULL;
  if (x == NULL || x->kind != KG_MENTION_NAME || x->first_token != s->first + i || !(types & (1u << x->type)))
    return NULL;
  return x;
}

/* N7: "Sydney, Australia", "in Yeoncheon, South Korea,": a place named
 * with the larger place it lies in gives (Sydney, be in, Australia); a
 * list of places ("Iran, Belarus and Russia") gives nothing. */
static void
place_in_place (KgExSentence *s, KgExSink *sink, guint i)
{
  const KgMention *inner = name_at (s, i, 1u << KG_ENTITY_GPE | 1u << KG_ENTITY_LOC);
  if (inner == NULL || (i > 0 && (strcmp (s->tokens[i - 1]->form, ",") == 0
                                  || g_ascii_strcasecmp (s->tokens[i - 1]->form, "and") == 0)))
    return;
  guint comma = i + inner->n_tokens;
  const KgMention *outer = comma < s->n && strcmp (s->tokens[comma]->form, ",") == 0
                           ? name_at (s, comma + 1, 1u << KG_ENTITY_GPE) : NULL;
  if (outer == NULL || continues_list (s, comma + 1 + outer->n_tokens))
    return;
  emit_mentions_fact (s, sink, inner, outer, KG_ROLE_PLACE, "be in", "be in", "be in");
}

/* N8: "Matthew Ingram of The Globe and Mail": a person named with the
 * organisation after "of" belongs to it, (Ingram, member of, Globe and
 * Mail). */
static void
person_of_organisation (KgExSentence *s, KgExSink *sink, guint i)
{
  const KgMention *person = name_at (s, i, 1u << KG_ENTITY_PERSON);
  if (person == NULL)
    return;
  guint of = i + person->n_tokens;
  if (of >= s->n || g_ascii_strcasecmp (s->tokens[of]->form, "of") != 0)
    return;
  guint at = of + 1;
  if (at < s->n && g_ascii_strcasecmp (s->tokens[at]->form, "the") == 0)
    at++;
  const KgMention *org = name_at (s, at, 1u << KG_ENTITY_ORG);
  if (org == NULL)
    return;
  emit_mentions_fact (s, sink, person, org, KG_ROLE_OBJECT, "member of", "of", "be of");
}

void
kg__ex_nouns (KgExSentence *s, KgExSink *sink)
{
  for (guint i = 0; i < s->n; i++)
    {
      int h = s->head[i];
      if (h < 0)
        continue;
      switch (s->dep[i])
        {
        case KG_DEP_APPOS:
          apposition (s, sink, h, i);
          break;
        case KG_DEP_CONJ:
          if (kg__ex_is_bare_conj (s, i))
            apposition (s, sink, h, i);
          break;
        case KG_DEP_NMOD:
          located (s, sink, h, i);
          break;
        case KG_DEP_NMOD_DESC:
          title (s, sink, h, i);
          break;
        case KG_DEP_NMOD_POSS:
          if (!(s->word[h] & KG_WORD_EVENT))
            possessive (s, sink, h, i);
          break;
        default:
          break;
        }
      if (s->word[i] & KG_WORD_EVENT)
        event_nominal (s, sink, i);
      between (s, sink, i);
      place_in_place (s, sink, i);
      person_of_organisation (s, sink, i);
    }
}
