/* entities.h: the entity stage (after parsing): names of people,
 * organisations and places, dates and amounts, nationalities, and the
 * pronouns and descriptions that refer to them, linked into one chain per
 * entity with a canonical key.  Method and order: entities-private.h. */
#ifndef KG_ENTITIES_H
#define KG_ENTITIES_H

#include "kgraph/document.h"
#include "lexicon.h"

typedef struct _KgEntities KgEntities;

/* Loads the name recogniser (model_dir/ner.bin) and the lexicon.
 * (transfer full) */
KgEntities *kg_entities_new (const char *model_dir, const char *lexicon_dir, GError **error);
void kg_entities_free (KgEntities *entities);

/* Adds the mentions and chains of a parsed document.  Thread-safe. */
void kg_entities_find (const KgEntities *entities, KgDocument *document);
/* (transfer none) */
const KgLexicon *kg_entities_get_lexicon (const KgEntities *entities);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgEntities, kg_entities_free)

#endif
