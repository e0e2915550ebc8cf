/* entities-private.h: what the files of the entity stage share.  The stage
 * runs, in this order (entities.c): the name recogniser (ner.c), names by
 * rule and refinement (entity-names.c), values (entity-values.c), acronyms,
 * names the document already taught, nationalities (entity-names.c),
 * offices beside person names (entity-offices.c), then coreference
 * (coref.c), which gives every entity its chain and key. */
#ifndef KG_ENTITIES_PRIVATE_H
#define KG_ENTITIES_PRIVATE_H

#include "kgraph/document.h"
#include "lexicon.h"

/* Names the rules know better than the recogniser replace the names they
 * overlap: countries and canonical names written out ("United Nations"),
 * and capitalised words ending in an organisation word ("Shanghai
 * Cooperation Organization"). */
void kg__entity_names_add_by_rule (const KgLexicon *lexicon, KgDocument *doc);
/* Titles out of person names, places typed GPE or LOC, countries typed
 * GPE. */
void kg__entity_names_refine (const KgLexicon *lexicon, KgDocument *doc);
/* A NAME mention for each acronym outside a name that the text defines
 * ("Eurasian Economic Union (EAEU)"), the alias table knows ("UN"), or
 * that is coordinated with names of one type ("BRICS, the SCO and the UN"). */
void kg__entity_names_add_acronyms (const KgLexicon *lexicon, KgDocument *doc);
/* A name the recogniser missed where the document names it elsewhere: a
 * proper noun that is the last word of a person's name ("Araghchi" at the
 * start of a sentence) or a whole one-word name. */
void kg__entity_names_propagate (KgDocument *doc);
/* A DEMONYM mention for each nationality word outside a name. */
void kg__entity_names_add_demonyms (const KgLexicon *lexicon, KgDocument *doc);
/* The office beside each person's name ("Belarusian Defence Minister
 * Viktor Khrenin"), kept on the name's mention (KgMention.office). */
void kg__entity_offices_find (const KgLexicon *lexicon, KgDocument *doc);
/* Sets the head of each mention from the dependency tree: its word whose
 * head lies outside it (its last word when the document is not parsed). */
void kg__entity_mentions_set_heads (KgDocument *doc);

/* The key of an entity called label: the canonical key without forms of
 * address, a known variant replaced by its canonical name ("U.S." ->
 * "united states"), a nationality by its country.  A one-word person name
 * that is also a country's gets " (person)" added, so that a person never
 * merges with the country named like them.  (transfer full) */
char *kg__entity_key (const KgLexicon *lexicon, const char *label, KgEntityType type);

/* Finds pronoun and role mentions, links mentions that name the same
 * entity, and gives every linked group with a name a chain (see coref.c). */
void kg__coref_resolve (const KgLexicon *lexicon, KgDocument *doc);

/* The mention a noun phrase with this head stands for: the head's mention,
 * except that a nationality, title or description parsed as the head of a
 * run of names ("*Belarusian* Industry Minister Andrei Kuznetsov", "Supreme
 * *Leader* Ali Khamenei") gives way to the name at the end of the run; the
 * phrase ends before token end.  -1 if none.  Needs the parse. */
int kg__mention_of_head (const KgDocument *doc, guint head, guint end);

#endif
