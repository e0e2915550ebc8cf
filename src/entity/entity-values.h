/* entity-values.h: dates, times, money, percentages, quantities, ordinals
 * and numbers, by rules, with normalised values (entity stage, after the
 * name recogniser).  The value formats are described in entity-values.c. */
#ifndef KG_ENTITY_VALUES_H
#define KG_ENTITY_VALUES_H

#include "kgraph/document.h"

/* Adds a VALUE mention for every date, time, amount and number of the
 * tagged document that does not overlap a mention it already has. */
void kg_entity_values_find (KgDocument *document);

#endif
