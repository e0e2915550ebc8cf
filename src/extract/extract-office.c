/* extract-office.c: offices as facts (extraction stage).
 *
 * The entity stage finds the office a person's name is given beside it
 * (entity-offices.c: "Belarusian Defence Minister Viktor Khrenin",
 * "Volfovich, State Secretary of Belarus's National Security Council") and
 * keeps it on the name's mention; each becomes the fact (person, "<office>
 * of", owner): (Viktor Khrenin, defence minister of, Belarusian), the
 * nationality standing for its country in the graph.  A document read
 * without the entity stage (Open IE) has no offices here; the title rule
 * of extract-noun.c still reads them from the tree.
 */
#include "extract-private.h"

#include <string.h>

void
kg__ex_offices (KgExSentence *s, KgExSink *sink)
{
  const KgDocument *doc = s->document;
  for (guint m = kg_document_first_mention_at (doc, s->first); m < kg_document_get_n_mentions (doc); m++)
    {
      const KgMention *person = kg_document_get_mention (doc, m);
      if (person->first_token >= s->first + s->n)
        break;
      /* a description's office is what no name holds (facts.c) */
      if (person->kind != KG_MENTION_NAME)
        continue;
      int owner = person->office ? kg_document_find_mention (doc, person->office_owner) : -1;
      if (owner < 0)
        continue;
      KgExFact fact;
      memset (&fact, 0, sizeof fact);
      fact.kind = KG_CLAUSE_TITLE;
      fact.subject = kg__ex_mention_argument (person, KG_ROLE_SUBJECT);
      fact.object = kg__ex_mention_argument (kg_document_get_mention (doc, owner), KG_ROLE_OBJECT);
      fact.predicate_head = person->head - s->first;
      g_snprintf (fact.predicate, sizeof fact.predicate, "%s of", person->office);
      g_strlcpy (fact.predicate_surface, fact.predicate, sizeof fact.predicate_surface);
      g_snprintf (fact.relation, sizeof fact.relation, "be %s of", person->office);
      fact.arguments[0] = fact.subject;
      fact.arguments[1] = fact.object;
      fact.n_arguments = 2;
      fact.polarity = KG_POLARITY_POSITIVE;
      fact.modality = KG_MODALITY_ASSERTED;
      if (s->quoted[fact.predicate_head])
        fact.flags |= KG_EXTRACTION_QUOTED;
      kg__ex_emit (sink, s, &fact);
    }
}
