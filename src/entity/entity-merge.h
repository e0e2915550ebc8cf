/* entity-merge.h: one node per real-world entity across documents, and
 * the user's corrections (entity stage, after every document is in the
 * graph).  Rules and file format: entity-merge.c. */
#ifndef KG_ENTITY_MERGE_H
#define KG_ENTITY_MERGE_H

#include "kgraph/graph.h"

typedef struct _KgAliasRules KgAliasRules;

/* Reads a rules file (A = B, A != B, A -> TYPE, !A; '#' comments).  Fails
 * with KG_ERROR_IO or KG_ERROR_INPUT naming the file and line.
 * (transfer full) */
KgAliasRules *kg_alias_rules_load (const char *path, GError **error);
void kg_alias_rules_free (KgAliasRules *rules);

/* Merges the nodes that name the same entity across documents (surnames,
 * acronyms) unless a rule keeps them apart, then applies the rules (which
 * may be NULL). */
void kg_entities_consolidate (KgGraph *graph, const KgAliasRules *rules);
/* Resolves the holders of offices no document named (kg_office_key():
 * "the Belarusian president") to the one person the graph has holding that
 * office of that country or organisation; the others become concepts.
 * Returns how many stay unresolved. */
guint kg_entities_resolve_offices (KgGraph *graph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgAliasRules, kg_alias_rules_free)

#endif
