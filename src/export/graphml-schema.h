/* graphml-schema.h: the GraphML we write for Gephi, and the rules it
 * follows, shared by the GraphML exporter and `kgraph lint` (export stage).
 *
 * Rules (GraphML 1.1 XSD; Gephi's ImporterGraphML, see the notes in
 * export-graphml.c): every attribute is a <key> with for="node" or
 * for="edge", an attr.name that is an XML NMTOKEN and one of the six
 * standard attr.types; values parse as their type (Java int/long ranges,
 * finite numbers in plain decimal, true/false); key ids and names that
 * Gephi maps to built-in properties (label, weight, r, g, b, x, y, z, size,
 * color, ...) are used for those properties only, with a type Gephi
 * parses; an edge weight is never 0, which Gephi drops.
 */
#ifndef KG_GRAPHML_SCHEMA_H
#define KG_GRAPHML_SCHEMA_H

#include <glib.h>

#define KG_GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef enum {
  KG_GRAPHML_BOOLEAN,
  KG_GRAPHML_INT,
  KG_GRAPHML_LONG,
  KG_GRAPHML_FLOAT,
  KG_GRAPHML_DOUBLE,
  KG_GRAPHML_STRING,
  KG_GRAPHML_N_TYPES
} KgGraphmlType;

typedef enum {
  KG_GRAPHML_FOR_NODE,
  KG_GRAPHML_FOR_EDGE,
} KgGraphmlDomain;

const char *kg__graphml_type_name (KgGraphmlType type);
/* The six standard attr.type names, exactly. */
gboolean kg__graphml_type_from_name (const char *name, KgGraphmlType *type);

/* NULL if text is a valid value of type, else why not (static). */
const char *kg__graphml_value_problem (KgGraphmlType type, const char *text);

/* Is s an XML NMTOKEN (one or more NameChars, so no spaces)? */
gboolean kg__graphml_is_nmtoken (const char *s);

/* The built-in properties Gephi maps keys to (by key id first, then by
 * attr.name, only for for="node"/"edge"). */
typedef enum {
  KG_GEPHI_NONE,
  KG_GEPHI_LABEL,
  KG_GEPHI_POSITION,
  KG_GEPHI_SIZE,
  KG_GEPHI_COLOR_COMPONENT,
  KG_GEPHI_COLOR,
  KG_GEPHI_WEIGHT,
} KgGephiProperty;

KgGephiProperty kg__graphml_gephi_property (KgGraphmlDomain domain, const char *id_or_name);
const char *kg__graphml_gephi_property_name (KgGephiProperty property);
/* Does Gephi parse values of type for property? */
gboolean kg__graphml_gephi_accepts (KgGephiProperty property, KgGraphmlType type);

/* The keys the exporter declares, in the order it declares them. */
typedef enum {
  KG_KEY_NODE_LABEL,
  KG_KEY_NODE_TYPE,
  KG_KEY_NODE_CANONICAL_KEY,
  KG_KEY_NODE_ALIASES,
  KG_KEY_NODE_MENTIONS,
  KG_KEY_NODE_TYPE_COUNTS,
  KG_KEY_EDGE_LABEL,
  KG_KEY_EDGE_SURFACE,
  KG_KEY_EDGE_RELATION,
  KG_KEY_EDGE_OFFICE,
  KG_KEY_EDGE_WEIGHT,
  KG_KEY_EDGE_CONFIDENCE,
  KG_KEY_EDGE_POLARITY,
  KG_KEY_EDGE_MODALITY,
  KG_KEY_EDGE_ATTRIBUTED_TO,
  KG_KEY_EDGE_ATTRIBUTED_TO_ID,
  KG_KEY_EDGE_TIME,
  KG_KEY_EDGE_PLACE,
  KG_KEY_EDGE_FACTS,
  KG_KEY_EDGE_EVIDENCE,
  KG_N_KEYS
} KgGraphmlKey;

typedef struct {
  const char *id;
  KgGraphmlDomain domain;
  const char *name;   /* attr.name */
  KgGraphmlType type;
} KgGraphmlKeyInfo;

/* (transfer none) */
const KgGraphmlKeyInfo *kg__graphml_key (KgGraphmlKey key);

#endif
