/* kgraph/entity.h: the types of the things a knowledge graph is about.
 * Shared by the entity stage, which finds them in text, and the graph,
 * whose nodes they type. */
#ifndef KGRAPH_ENTITY_H
#define KGRAPH_ENTITY_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KG_ENTITY_UNKNOWN = 0,
  KG_ENTITY_PERSON,
  KG_ENTITY_ORG,
  KG_ENTITY_GPE,       /* countries, cities, states: places with a government */
  KG_ENTITY_LOC,       /* other places: regions, rivers, mountains */
  KG_ENTITY_NORP,      /* nationalities, religious and political groups */
  KG_ENTITY_EVENT,
  KG_ENTITY_DATE,
  KG_ENTITY_TIME,
  KG_ENTITY_MONEY,
  KG_ENTITY_PERCENT,
  KG_ENTITY_QUANTITY,
  KG_ENTITY_ORDINAL,
  KG_ENTITY_CARDINAL,
  KG_ENTITY_CONCEPT,   /* a common-noun argument that is not a named entity */
  KG_ENTITY_N_TYPES
} KgEntityType;

/* The upper-case name used in every export ("PERSON", "ORG", ...). */
const char *kg_entity_type_to_string (KgEntityType type);
/* Parses a type name, case-insensitively; also takes the common synonyms
 * PER, ORGANIZATION, LOCATION.  Returns FALSE for an unknown name. */
gboolean kg_entity_type_from_string (const char *name, KgEntityType *type);
/* Whether a node of this type anchors a fact in the entity-centric graph:
 * a named entity (or a name of unknown type), a date or time, an amount
 * of money, a percentage or a quantity; not a concept, a bare number or an
 * ordinal. */
gboolean kg_entity_type_is_anchor (KgEntityType type);

G_END_DECLS

#endif
