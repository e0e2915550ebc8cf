/* lint-graphml.c: GraphML files for `kgraph lint` (export stage).
 *
 * libxml2's xmlTextReader walks the file once; well-formedness errors come
 * with the parser's line and column.  The reader does not say where an
 * element starts, so a cursor follows the raw text: elements arrive in
 * document order, so each one's start tag is the next '<' that does not
 * open a comment, CDATA section, processing instruction, declaration or
 * end tag ('<' cannot occur in attribute values or text).  The rules are
 * graphml-schema.c's, which the exporter writes by.
 */
#include "lint-private.h"
#include "export/graphml-schema.h"

#include <libxml/xmlreader.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

typedef struct {
  char *id;
  gboolean for_node, for_edge, for_graph;
  KgGraphmlType type;
  gboolean typed;                 /* attr.type was one of the six */
  KgGephiProperty gephi;          /* for node or edge keys */
} Key;

typedef struct {
  char *source, *target;
  gsize source_at, target_at;
} Edge;

typedef struct {
  KgLintContext *ctx;
  xmlTextReaderPtr reader;
  gsize cursor;                   /* where the search for the next start tag begins */
  GHashTable *keys;               /* id -> Key */
  GHashTable *key_names[3];       /* attr.name -> id, for node, edge, graph */
  GHashTable *node_ids;           /* id -> offset + 1 */
  GHashTable *edge_ids;
  GArray *edges;                  /* Edge */
  const Key *last_key;            /* the one a <default> belongs to */
  guint graphs;
  gboolean directed;
  gboolean broken;                /* not well-formed: what the reader says next is noise */
  gsize root_at;
  char *parents[64];              /* element local name at each depth */
} Lint;

static void
key_free (Key *key)
{
  g_free (key->id);
  g_free (key);
}

static void
edge_clear (Edge *edge)
{
  g_free (edge->source);
  g_free (edge->target);
}

/* ---- positions ------------------------------------------------------------ */

/* Skips past the first occurrence of marker at or after p. */
static gsize
skip_past (const Lint *l, gsize p, const char *marker)
{
  const char *hit = g_strstr_len (l->ctx->data + p, l->ctx->length - p, marker);
  return hit ? (gsize) (hit - l->ctx->data) + strlen (marker) : l->ctx->length;
}

/* The offset of the next element's start tag; moves the cursor past it. */
static gsize
next_start_tag (Lint *l)
{
  const char *d = l->ctx->data;
  gsize n = l->ctx->length, p = l->cursor;
  for (;;)
    {
      const char *lt = memchr (d + p, '<', n - p);
      if (lt == NULL)
        return l->cursor = n;
      p = lt - d;
      if (g_str_has_prefix (lt, "<!--"))
        p = skip_past (l, p, "-->");
      else if (g_str_has_prefix (lt, "<![CDATA["))
        p = skip_past (l, p, "]]>");
      else if (g_str_has_prefix (lt, "<?"))
        p = skip_past (l, p, "?>");
      else if (lt[1] == '!' || lt[1] == '/')
        p = skip_past (l, p, ">");
      else
        {
          l->cursor = p + 1;
          return p;
        }
    }
}

/* The offset of attribute name in the start tag at tag, or tag itself. */
static gsize
attribute_offset (const Lint *l, gsize tag, const char *name)
{
  const char *d = l->ctx->data, *end = d + l->ctx->length, *p = d + tag + 1;
  gsize name_length = strlen (name);
  while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
    p++;
  while (p < end && *p != '>')
    {
      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      const char *attr = p;
      while (p < end && *p != '=' && !g_ascii_isspace (*p) && *p != '>')
        p++;
      if ((gsize) (p - attr) == name_length && memcmp (attr, name, name_length) == 0)
        return attr - d;
      while (p < end && *p != '"' && *p != '\'' && *p != '>')
        p++;
      if (p < end && *p != '>')
        {
          const char *close = memchr (p + 1, *p, end - p - 1);
          p = close ? close + 1 : end;
        }
    }
  return tag;
}

/* The offset just after the start tag at tag: where its content begins. */
static gsize
content_offset (const Lint *l, gsize tag)
{
  const char *d = l->ctx->data, *end = d + l->ctx->length;
  char quote = 0;
  for (const char *p = d + tag; p < end; p++)
    {
      if (quote)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1 - d;
    }
  return l->ctx->length;
}

/* ---- reading -------------------------------------------------------------- */

static void
structured_error (void *data, xmlErrorPtr error)
{
  Lint *l = data;
  if (error->level >= XML_ERR_ERROR)
    l->broken = TRUE;
  g_autofree char *message = g_strchomp (g_strdup (error->message ? error->message : "XML error"));
  kg__lint_report_at (l->ctx, error->line, error->int2,
                      error->level == XML_ERR_WARNING ? KG_LINT_WARNING : KG_LINT_ERROR,
                      "XML: %s", message);
}

/* The value of attribute name of the current element.  (transfer full) */
static char *
get_attribute (Lint *l, const char *name)
{
  return (char *) xmlTextReaderGetAttribute (l->reader, BAD_CAST name);
}

static void
check_key (Lint *l, gsize tag)
{
  g_autofree char *id = get_attribute (l, "id");
  g_autofree char *domain = get_attribute (l, "for");
  g_autofree char *name = get_attribute (l, "attr.name");
  g_autofree char *type = get_attribute (l, "attr.type");
  KgLintContext *ctx = l->ctx;

  if (l->graphs > 0)
    kg__lint_report (ctx, tag, KG_LINT_ERROR, "<key> after <graph>: GraphML declares keys first");
  if (id == NULL)
    {
      kg__lint_report (ctx, tag, KG_LINT_ERROR, "<key> without an id");
      return;
    }
  if (g_hash_table_contains (l->keys, id))
    {
      kg__lint_report (ctx, attribute_offset (l, tag, "id"), KG_LINT_ERROR, "key id \"%s\" declared twice", id);
      return;
    }
  Key *key = g_new0 (Key, 1);
  key->id = g_strdup (id);
  g_hash_table_insert (l->keys, key->id, key);
  l->last_key = key;

  if (domain == NULL || strcmp (domain, "all") == 0)
    {
      kg__lint_report (ctx, domain ? attribute_offset (l, tag, "for") : tag, KG_LINT_WARNING,
                       "key \"%s\" is for all elements%s: Gephi then maps no built-in property; write "
                       "for=\"node\" or for=\"edge\"", id, domain ? "" : " (no for=)");
      key->for_node = key->for_edge = key->for_graph = TRUE;
    }
  else if (strcmp (domain, "node") == 0)
    key->for_node = TRUE;
  else if (strcmp (domain, "edge") == 0)
    key->for_edge = TRUE;
  else if (strcmp (domain, "graph") == 0)
    {
      key->for_graph = TRUE;
      kg__lint_report (ctx, attribute_offset (l, tag, "for"), KG_LINT_WARNING,
                       "key \"%s\" is for the graph: Gephi ignores graph attributes", id);
    }
  else
    kg__lint_report (ctx, attribute_offset (l, tag, "for"), KG_LINT_ERROR,
                     "key \"%s\" has for=\"%s\" (node, edge or graph for Gephi)", id, domain);

  if (name == NULL)
    kg__lint_report (ctx, tag, KG_LINT_ERROR, "key \"%s\" has no attr.name (networkx refuses the file)", id);
  else if (!kg__graphml_is_nmtoken (name))
    kg__lint_report (ctx, attribute_offset (l, tag, "attr.name"), KG_LINT_ERROR,
                     "attr.name \"%s\" is not an XML NMTOKEN (no spaces; letters, digits, . - _ :)", name);
  if (type == NULL)
    kg__lint_report (ctx, tag, KG_LINT_ERROR, "key \"%s\" has no attr.type", id);
  else if (!kg__graphml_type_from_name (type, &key->type))
    kg__lint_report (ctx, attribute_offset (l, tag, "attr.type"), KG_LINT_ERROR,
                     "attr.type \"%s\" is not one of boolean, int, long, float, double, string", type);
  else
    key->typed = TRUE;
  if (!key->typed)
    key->type = KG_GRAPHML_STRING;

  const char *label = name ? name : id;
  gboolean domains[3] = { key->for_node, key->for_edge, key->for_graph };
  for (guint d = 0; d < 3; d++)
    if (domains[d] && name)
      {
        const char *other = g_hash_table_lookup (l->key_names[d], name);
        if (other)
          kg__lint_report (ctx, attribute_offset (l, tag, "attr.name"), KG_LINT_ERROR,
                           "keys \"%s\" and \"%s\" have the same attr.name \"%s\" (networkx and igraph keep one)",
                           other, id, name);
        else
          g_hash_table_insert (l->key_names[d], g_strdup (name), g_strdup (id));
      }
  if (key->for_node && name && strcmp (name, "id") == 0)
    kg__lint_report (ctx, attribute_offset (l, tag, "attr.name"), KG_LINT_ERROR,
                     "a node key named \"id\" clashes with igraph's attribute for node ids");

  /* Gephi: the property of the id wins over the one of attr.name. */
  if (key->for_node != key->for_edge)
    {
      KgGraphmlDomain where = key->for_node ? KG_GRAPHML_FOR_NODE : KG_GRAPHML_FOR_EDGE;
      KgGephiProperty by_id = kg__graphml_gephi_property (where, id);
      KgGephiProperty by_name = kg__graphml_gephi_property (where, label);
      key->gephi = by_id != KG_GEPHI_NONE ? by_id : by_name;
      if (by_id != KG_GEPHI_NONE && by_name != by_id)
        kg__lint_report (ctx, attribute_offset (l, tag, "id"), KG_LINT_ERROR,
                         "key id \"%s\" is what Gephi reads as %s, but attr.name \"%s\" says it is something "
                         "else: choose another id", id, kg__graphml_gephi_property_name (by_id), label);
      else if (key->typed && !kg__graphml_gephi_accepts (key->gephi, key->type))
        kg__lint_report (ctx, attribute_offset (l, tag, "attr.type"), KG_LINT_ERROR,
                         "key \"%s\" is %s for Gephi, which cannot read it as %s", id,
                         kg__graphml_gephi_property_name (key->gephi), type);
    }
}

static void
check_graph (Lint *l, gsize tag, int depth)
{
  l->graphs++;
  if (depth != 1)
    kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "nested <graph>: Gephi and networkx flatten it");
  else if (l->graphs > 1)
    kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "a second <graph>: networkx and igraph read only the first");
  g_autofree char *edgedefault = get_attribute (l, "edgedefault");
  if (edgedefault == NULL)
    kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "<graph> without edgedefault (GraphML requires it)");
  else if (strcmp (edgedefault, "directed") != 0 && strcmp (edgedefault, "undirected") != 0)
    kg__lint_report (l->ctx, attribute_offset (l, tag, "edgedefault"), KG_LINT_ERROR,
                     "edgedefault=\"%s\" (directed or undirected)", edgedefault);
  if (l->graphs == 1)
    l->directed = g_strcmp0 (edgedefault, "undirected") != 0;
}

/* Checks an id attribute is there (if required), an NMTOKEN and unique. */
static char *
check_id (Lint *l, gsize tag, GHashTable *seen, const char *element, gboolean required)
{
  char *id = get_attribute (l, "id");
  if (id == NULL)
    {
      kg__lint_report (l->ctx, tag, required ? KG_LINT_ERROR : KG_LINT_WARNING, "<%s> without an id%s", element,
                       required ? "" : " (give every edge a unique id)");
      return NULL;
    }
  gsize at = attribute_offset (l, tag, "id");
  if (!kg__graphml_is_nmtoken (id))
    kg__lint_report (l->ctx, at, KG_LINT_ERROR, "%s id \"%s\" is not an XML NMTOKEN (no spaces)", element, id);
  gsize previous = GPOINTER_TO_SIZE (g_hash_table_lookup (seen, id));
  if (previous)
    {
      guint line, column;
      kg__lint_position (l->ctx, previous - 1, &line, &column);
      kg__lint_report (l->ctx, at, KG_LINT_ERROR, "%s id \"%s\" is used before, at %u:%u", element, id, line, column);
    }
  else
    g_hash_table_insert (seen, g_strdup (id), GSIZE_TO_POINTER (at + 1));
  return id;
}

static void
check_edge (Lint *l, gsize tag)
{
  g_autofree char *id = check_id (l, tag, l->edge_ids, "edge", FALSE);
  Edge edge = { get_attribute (l, "source"), get_attribute (l, "target"),
                attribute_offset (l, tag, "source"), attribute_offset (l, tag, "target") };
  if (edge.source == NULL || edge.target == NULL)
    kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "<edge> without a %s", edge.source ? "target" : "source");
  g_array_append_val (l->edges, edge);
  g_autofree char *directed = get_attribute (l, "directed");
  if (directed && strcmp (directed, "true") != 0 && strcmp (directed, "false") != 0)
    kg__lint_report (l->ctx, attribute_offset (l, tag, "directed"), KG_LINT_ERROR,
                     "directed=\"%s\" (true or false)", directed);
  else if (directed && (strcmp (directed, "true") == 0) != l->directed)
    kg__lint_report (l->ctx, attribute_offset (l, tag, "directed"), KG_LINT_ERROR,
                     "directed=\"%s\" in a graph whose edgedefault says otherwise (networkx refuses mixed graphs)",
                     directed);
  g_autofree char *label = get_attribute (l, "label");
  if (label)
    kg__lint_report (l->ctx, attribute_offset (l, tag, "label"), KG_LINT_ERROR,
                     "label= on <edge> is Gephi's edge type, not GraphML: use a <data> key");
}

static void
check_value (Lint *l, const Key *key, const char *value, gsize at)
{
  if (l->broken)
    return;
  if (*value == '\0')
    {
      kg__lint_report (l->ctx, at, KG_LINT_WARNING, "empty value of key \"%s\" (Gephi and networkx drop it)",
                       key->id);
      return;
    }
  const char *problem = kg__graphml_value_problem (key->type, value);
  if (problem)
    {
      kg__lint_report (l->ctx, at, KG_LINT_ERROR, "value \"%s\" of key \"%s\" (%s): %s", value, key->id,
                       kg__graphml_type_name (key->type), problem);
      return;
    }
  if (key->gephi == KG_GEPHI_WEIGHT && key->type != KG_GRAPHML_STRING)
    {
      double weight = g_ascii_strtod (value, NULL);
      if (weight == 0)
        kg__lint_report (l->ctx, at, KG_LINT_ERROR, "edge weight 0: Gephi drops the edge");
      else if (weight < 0)
        kg__lint_report (l->ctx, at, KG_LINT_WARNING, "negative edge weight %s", value);
    }
  else if (key->gephi == KG_GEPHI_COLOR_COMPONENT)
    {
      gint64 v = g_ascii_strtoll (value, NULL, 10);
      if (v < 0 || v > 255)
        kg__lint_report (l->ctx, at, KG_LINT_ERROR, "colour component %s outside 0..255", value);
    }
}

static void
check_data (Lint *l, gsize tag, const char *parent)
{
  g_autofree char *id = get_attribute (l, "key");
  if (id == NULL)
    {
      kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "<data> without a key");
      return;
    }
  const Key *key = g_hash_table_lookup (l->keys, id);
  if (key == NULL)
    {
      kg__lint_report (l->ctx, attribute_offset (l, tag, "key"), KG_LINT_ERROR, "<data> of an undeclared key \"%s\"",
                       id);
      return;
    }
  gboolean allowed = (g_strcmp0 (parent, "node") == 0 && key->for_node)
                     || (g_strcmp0 (parent, "edge") == 0 && key->for_edge)
                     || ((g_strcmp0 (parent, "graph") == 0 || g_strcmp0 (parent, "graphml") == 0) && key->for_graph);
  if (!allowed)
    kg__lint_report (l->ctx, attribute_offset (l, tag, "key"), KG_LINT_ERROR,
                     "key \"%s\" is not declared for <%s>", id, parent ? parent : "?");
  g_autofree char *value = (char *) xmlTextReaderReadString (l->reader);
  check_value (l, key, value ? value : "", content_offset (l, tag));
}

static void
check_element (Lint *l, const char *name, gboolean in_graphml_ns, int depth, gsize tag)
{
  const char *parent = depth > 0 && depth <= (int) G_N_ELEMENTS (l->parents) ? l->parents[depth - 1] : NULL;
  if (l->broken)
    return;
  if (depth == 0)
    {
      l->root_at = tag;
      if (strcmp (name, "graphml") != 0 || !in_graphml_ns)
        kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "the root element must be <graphml xmlns=\"" KG_GRAPHML_NS "\">");
      return;
    }
  if (!in_graphml_ns)
    return;
  if (strcmp (name, "key") == 0)
    check_key (l, tag);
  else if (strcmp (name, "graph") == 0)
    check_graph (l, tag, depth);
  else if (strcmp (name, "node") == 0)
    g_free (check_id (l, tag, l->node_ids, "node", TRUE));
  else if (strcmp (name, "edge") == 0)
    check_edge (l, tag);
  else if (strcmp (name, "data") == 0)
    check_data (l, tag, parent);
  else if (strcmp (name, "default") == 0 && g_strcmp0 (parent, "key") == 0 && l->last_key)
    {
      g_autofree char *value = (char *) xmlTextReaderReadString (l->reader);
      check_value (l, l->last_key, value ? value : "", content_offset (l, tag));
    }
  else if (strcmp (name, "desc") == 0 && (g_strcmp0 (parent, "node") == 0 || g_strcmp0 (parent, "edge") == 0))
    kg__lint_report (l->ctx, tag, KG_LINT_WARNING, "<desc> in <%s>: Gephi shows it as the label", parent);
  else if (strcmp (name, "hyperedge") == 0 || strcmp (name, "port") == 0 || strcmp (name, "endpoint") == 0
           || strcmp (name, "locator") == 0)
    kg__lint_report (l->ctx, tag, KG_LINT_ERROR, "<%s> is not supported by Gephi or networkx", name);
}

static void
check_declaration (KgLintContext *ctx)
{
  const char *d = ctx->data;
  gsize skip = ctx->length >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (ctx->length < skip + 5 || memcmp (d + skip, "<?xml", 5) != 0)
    {
      kg__lint_report (ctx, 0, KG_LINT_WARNING, "no XML declaration: write <?xml version=\"1.0\" "
                       "encoding=\"UTF-8\"?> (Gephi takes the charset from it)");
      return;
    }
  const char *close = g_strstr_len (d + skip, ctx->length - skip, "?>");
  g_autofree char *declaration = g_strndup (d + skip, close ? (gsize) (close - d) - skip : ctx->length - skip);
  const char *encoding = strstr (declaration, "encoding");
  if (encoding == NULL)
    kg__lint_report (ctx, skip, KG_LINT_WARNING, "the XML declaration has no encoding=\"UTF-8\"");
  else if (!strstr (encoding, "UTF-8") && !strstr (encoding, "utf-8"))
    kg__lint_report (ctx, skip + (encoding - declaration), KG_LINT_ERROR,
                     "the XML declaration names another encoding than UTF-8");
}

void
kg__lint_graphml (KgLintContext *ctx)
{
  check_declaration (ctx);
  Lint l = { .ctx = ctx };
  /* XML_PARSE_HUGE lifts libxml2's limits on text size, and with them its
   * guard against entity amplification: a DOCTYPE's nested entities (the
   * "billion laughs") then ran for minutes.  Without a DOCTYPE there are no
   * entities to expand, so only then are the limits lifted. */
  int options = XML_PARSE_NONET;
  if (g_strstr_len (ctx->data, ctx->length, "<!DOCTYPE") == NULL)
    options |= XML_PARSE_HUGE;
  l.reader = xmlReaderForMemory (ctx->data, ctx->length, NULL, NULL, options);
  g_autoptr (xmlTextReader) reader = l.reader;
  if (reader == NULL)
    {
      kg__lint_report (ctx, 0, KG_LINT_ERROR, "libxml2 cannot read the file");
      return;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, structured_error, &l);
  l.keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) key_free);
  for (guint d = 0; d < 3; d++)
    l.key_names[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.node_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.edge_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_array_set_clear_func (l.edges, (GDestroyNotify) edge_clear);

  int status;
  gboolean doctype = FALSE;
  while ((status = xmlTextReaderRead (reader)) == 1 && !ctx->full)
    {
      int type = xmlTextReaderNodeType (reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE && !doctype)
        {
          const char *at = g_strstr_len (ctx->data, ctx->length, "<!DOCTYPE");
          kg__lint_report (ctx, at ? (gsize) (at - ctx->data) : 0, KG_LINT_ERROR, "DOCTYPE: GraphML needs none");
          doctype = TRUE;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      gsize tag = next_start_tag (&l);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
      check_element (&l, name, g_strcmp0 (ns, KG_GRAPHML_NS) == 0, depth, tag);
      if (depth < (int) G_N_ELEMENTS (l.parents))
        {
          g_free (l.parents[depth]);
          l.parents[depth] = g_strdup (name);
        }
    }

  if (status == 0 && !l.broken)
    {
      if (l.graphs == 0)
        kg__lint_report (ctx, l.root_at, KG_LINT_ERROR, "no <graph> element");
      for (guint i = 0; i < l.edges->len; i++)
        {
          const Edge *edge = &g_array_index (l.edges, Edge, i);
          if (edge->source && !g_hash_table_contains (l.node_ids, edge->source))
            kg__lint_report (ctx, edge->source_at, KG_LINT_ERROR, "edge source \"%s\" is not a node (Gephi, "
                             "networkx and igraph silently create it)", edge->source);
          if (edge->target && !g_hash_table_contains (l.node_ids, edge->target))
            kg__lint_report (ctx, edge->target_at, KG_LINT_ERROR, "edge target \"%s\" is not a node (Gephi, "
                             "networkx and igraph silently create it)", edge->target);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (l.parents); i++)
    g_free (l.parents[i]);
  g_hash_table_unref (l.keys);
  for (guint d = 0; d < 3; d++)
    g_hash_table_unref (l.key_names[d]);
  g_hash_table_unref (l.node_ids);
  g_hash_table_unref (l.edge_ids);
  g_array_unref (l.edges);
}
