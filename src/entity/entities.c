/* entities.c: the entity stage in order (see entities.h). */
#include "entities.h"
#include "entities-private.h"
#include "entity-values.h"
#include "ner.h"

struct _KgEntities {
  KgLexicon *lexicon;
  KgNer *ner;
};

KgEntities *
kg_entities_new (const char *model_dir, const char *lexicon_dir, GError **error)
{
  g_autoptr (KgEntities) entities = g_new0 (KgEntities, 1);
  if ((entities->lexicon = kg_lexicon_load (lexicon_dir, error)) == NULL)
    return NULL;
  g_autofree char *path = g_build_filename (model_dir, "ner.bin", NULL);
  if ((entities->ner = kg_ner_load (path, entities->lexicon, error)) == NULL)
    return NULL;
  return g_steal_pointer (&entities);
}

void
kg_entities_free (KgEntities *entities)
{
  if (entities == NULL)
    return;
  kg_ner_free (entities->ner);
  kg_lexicon_free (entities->lexicon);
  g_free (entities);
}

const KgLexicon *
kg_entities_get_lexicon (const KgEntities *entities)
{
  return entities->lexicon;
}

void
kg_entities_find (const KgEntities *entities, KgDocument *doc)
{
  g_return_if_fail (entities != NULL && doc != NULL);
  kg_ner_recognise (entities->ner, doc);
  kg__entity_names_add_by_rule (entities->lexicon, doc);
  kg__entity_names_refine (entities->lexicon, doc);
  kg_entity_values_find (doc);
  kg__entity_names_add_acronyms (entities->lexicon, doc);
  kg__entity_names_propagate (doc);
  kg__entity_names_add_demonyms (entities->lexicon, doc);
  kg__entity_offices_find (entities->lexicon, doc);
  kg__coref_resolve (entities->lexicon, doc);
}
