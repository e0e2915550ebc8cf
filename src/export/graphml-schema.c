/* graphml-schema.c: GraphML types, values, Gephi's special keys and the
 * exporter's key table (export stage; see graphml-schema.h). */
#include "graphml-schema.h"
#include "export-text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[KG_GRAPHML_N_TYPES] = {
  "boolean", "int", "long", "float", "double", "string",
};

/* Ids are the attr.names, except the edge label: "label" is the node
 * key's id, and Gephi knows "edgelabel" too. */
static const KgGraphmlKeyInfo keys[KG_N_KEYS] = {
  [KG_KEY_NODE_LABEL] = { "label", KG_GRAPHML_FOR_NODE, "label", KG_GRAPHML_STRING },
  [KG_KEY_NODE_TYPE] = { "type", KG_GRAPHML_FOR_NODE, "type", KG_GRAPHML_STRING },
  [KG_KEY_NODE_CANONICAL_KEY] = { "canonical_key", KG_GRAPHML_FOR_NODE, "canonical_key", KG_GRAPHML_STRING },
  [KG_KEY_NODE_ALIASES] = { "aliases", KG_GRAPHML_FOR_NODE, "aliases", KG_GRAPHML_STRING },
  [KG_KEY_NODE_MENTIONS] = { "mentions", KG_GRAPHML_FOR_NODE, "mentions", KG_GRAPHML_INT },
  [KG_KEY_NODE_TYPE_COUNTS] = { "type_counts", KG_GRAPHML_FOR_NODE, "type_counts", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_LABEL] = { "edgelabel", KG_GRAPHML_FOR_EDGE, "label", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_SURFACE] = { "surface", KG_GRAPHML_FOR_EDGE, "surface", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_RELATION] = { "relation", KG_GRAPHML_FOR_EDGE, "relation", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_OFFICE] = { "office", KG_GRAPHML_FOR_EDGE, "office", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_WEIGHT] = { "weight", KG_GRAPHML_FOR_EDGE, "weight", KG_GRAPHML_DOUBLE },
  [KG_KEY_EDGE_CONFIDENCE] = { "confidence", KG_GRAPHML_FOR_EDGE, "confidence", KG_GRAPHML_DOUBLE },
  [KG_KEY_EDGE_POLARITY] = { "polarity", KG_GRAPHML_FOR_EDGE, "polarity", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_MODALITY] = { "modality", KG_GRAPHML_FOR_EDGE, "modality", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_ATTRIBUTED_TO] = { "attributed_to", KG_GRAPHML_FOR_EDGE, "attributed_to", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_ATTRIBUTED_TO_ID] = { "attributed_to_id", KG_GRAPHML_FOR_EDGE, "attributed_to_id", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_TIME] = { "time", KG_GRAPHML_FOR_EDGE, "time", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_PLACE] = { "place", KG_GRAPHML_FOR_EDGE, "place", KG_GRAPHML_STRING },
  [KG_KEY_EDGE_FACTS] = { "facts", KG_GRAPHML_FOR_EDGE, "facts", KG_GRAPHML_INT },
  [KG_KEY_EDGE_EVIDENCE] = { "evidence", KG_GRAPHML_FOR_EDGE, "evidence", KG_GRAPHML_STRING },
};

const KgGraphmlKeyInfo *
kg__graphml_key (KgGraphmlKey key)
{
  g_return_val_if_fail (key < KG_N_KEYS, NULL);
  return &keys[key];
}

const char *
kg__graphml_type_name (KgGraphmlType type)
{
  g_return_val_if_fail (type < KG_GRAPHML_N_TYPES, "string");
  return type_names[type];
}

gboolean
kg__graphml_type_from_name (const char *name, KgGraphmlType *type)
{
  for (guint i = 0; i < KG_GRAPHML_N_TYPES; i++)
    if (g_strcmp0 (name, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

/* [+-]?digits, nothing else (Java's parseInt also takes no blanks). */
static gboolean
is_plain_integer (const char *s)
{
  if (*s == '+' || *s == '-')
    s++;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s))
    s++;
  return *s == '\0';
}

/* [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)? : what Java, Python
 * and igraph all read; no NaN, Infinity, hex or decimal comma. */
static gboolean
is_plain_decimal (const char *s)
{
  if (*s == '+' || *s == '-')
    s++;
  gsize before = strspn (s, "0123456789");
  s += before;
  gsize after = 0;
  if (*s == '.')
    {
      after = strspn (s + 1, "0123456789");
      s += 1 + after;
    }
  if (before + after == 0)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      s += strspn (s, "0123456789");
    }
  return *s == '\0';
}

const char *
kg__graphml_value_problem (KgGraphmlType type, const char *text)
{
  g_return_val_if_fail (text != NULL, "no value");
  switch (type)
    {
    case KG_GRAPHML_INT:
    case KG_GRAPHML_LONG:
      {
        if (!is_plain_integer (text))
          return "not an integer (digits with an optional sign, no blanks)";
        errno = 0;
        gint64 v = g_ascii_strtoll (text, NULL, 10);
        if (errno == ERANGE || (type == KG_GRAPHML_INT && (v < G_MININT32 || v > G_MAXINT32)))
          return type == KG_GRAPHML_INT ? "out of the range of int (32 bits)" : "out of the range of long (64 bits)";
        return NULL;
      }
    case KG_GRAPHML_FLOAT:
    case KG_GRAPHML_DOUBLE:
      {
        if (!is_plain_decimal (text))
          return "not a plain decimal number (no NaN, Infinity, blanks or decimal comma)";
        double v = g_ascii_strtod (text, NULL);
        if (!isfinite (v) || (type == KG_GRAPHML_FLOAT && fabs (v) > 3.4028234663852886e38))
          return type == KG_GRAPHML_FLOAT ? "out of the range of float" : "out of the range of double";
        return NULL;
      }
    case KG_GRAPHML_BOOLEAN:
      return g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0
             ? NULL : "not true or false (Gephi reads anything else, 1 included, as false)";
    case KG_GRAPHML_STRING:
      return NULL;
    default:
      g_return_val_if_reached ("unknown type");
    }
}

gboolean
kg__graphml_is_nmtoken (const char *s)
{
  if (s == NULL || *s == '\0' || !g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (!kg__text_is_xml_name_char (g_utf8_get_char (p), FALSE))
      return FALSE;
  return TRUE;
}

/* Gephi's ImporterGraphML constructor: key ids and names it maps. */
static const struct {
  KgGraphmlDomain domain;
  const char *name;
  KgGephiProperty property;
} gephi_names[] = {
  { KG_GRAPHML_FOR_NODE, "label", KG_GEPHI_LABEL },
  { KG_GRAPHML_FOR_NODE, "nodelabel", KG_GEPHI_LABEL },
  { KG_GRAPHML_FOR_NODE, "x", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "y", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "z", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "xpos", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "ypos", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "zpos", KG_GEPHI_POSITION },
  { KG_GRAPHML_FOR_NODE, "size", KG_GEPHI_SIZE },
  { KG_GRAPHML_FOR_NODE, "r", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_NODE, "g", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_NODE, "b", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_NODE, "color", KG_GEPHI_COLOR },
  { KG_GRAPHML_FOR_EDGE, "label", KG_GEPHI_LABEL },
  { KG_GRAPHML_FOR_EDGE, "edgelabel", KG_GEPHI_LABEL },
  { KG_GRAPHML_FOR_EDGE, "weight", KG_GEPHI_WEIGHT },
  { KG_GRAPHML_FOR_EDGE, "Edge Weight", KG_GEPHI_WEIGHT },
  { KG_GRAPHML_FOR_EDGE, "r", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_EDGE, "g", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_EDGE, "b", KG_GEPHI_COLOR_COMPONENT },
  { KG_GRAPHML_FOR_EDGE, "color", KG_GEPHI_COLOR },
};

KgGephiProperty
kg__graphml_gephi_property (KgGraphmlDomain domain, const char *id_or_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (gephi_names); i++)
    if (gephi_names[i].domain == domain && g_strcmp0 (gephi_names[i].name, id_or_name) == 0)
      return gephi_names[i].property;
  return KG_GEPHI_NONE;
}

const char *
kg__graphml_gephi_property_name (KgGephiProperty property)
{
  switch (property)
    {
    case KG_GEPHI_LABEL: return "the label";
    case KG_GEPHI_POSITION: return "a position coordinate";
    case KG_GEPHI_SIZE: return "the size";
    case KG_GEPHI_COLOR_COMPONENT: return "a colour component (0-255)";
    case KG_GEPHI_COLOR: return "the colour";
    case KG_GEPHI_WEIGHT: return "the edge weight";
    default: return "nothing";
    }
}

gboolean
kg__graphml_gephi_accepts (KgGephiProperty property, KgGraphmlType type)
{
  gboolean number = type == KG_GRAPHML_INT || type == KG_GRAPHML_LONG || type == KG_GRAPHML_FLOAT
                    || type == KG_GRAPHML_DOUBLE;
  switch (property)
    {
    case KG_GEPHI_POSITION:
    case KG_GEPHI_SIZE:
    case KG_GEPHI_WEIGHT:
      return number;
    case KG_GEPHI_COLOR_COMPONENT:
      return type == KG_GRAPHML_INT || type == KG_GRAPHML_LONG;
    case KG_GEPHI_LABEL:
    case KG_GEPHI_COLOR:
      return type == KG_GRAPHML_STRING;
    default:
      return TRUE;
    }
}
