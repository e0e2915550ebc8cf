/* export-graphml.c: the graph as GraphML for Gephi, networkx and igraph
 * (export stage), written with libxml2's xmlTextWriter.
 *
 * What Gephi's importer does decides the shape (read from Gephi's source,
 * gephi/gephi ImporterGraphML.java and ImportContainerImpl.java):
 * it picks the charset from the XML declaration, maps keys named label,
 * weight, r/g/b, x/y/z, size and color to built-in properties (so those
 * names are used for nothing else), drops edges of weight 0, ignores
 * graph-level keys, and merges parallel edges into one with summed weights
 * unless the user chooses otherwise; --collapse-parallel does that merge
 * here, listing the facts.  The keys and value rules live in
 * graphml-schema.c, which `kgraph lint` checks files against.
 *
 * Node data: label, type, canonical_key, aliases (one per line), mentions,
 * type_counts ("PERSON=2 ORG=1").  Edge data: label (the predicate),
 * surface, relation (the normalised relation: "holds office", "met", ...),
 * office (for "holds office"), weight (distinct supporting sentences), confidence, polarity,
 * modality, attributed_to and attributed_to_id (when the fact is someone's
 * claim), time and place (the distinct times and places of the evidence
 * records as written, "on Monday", "in Minsk", in the order of the
 * evidence lines, each where first met, separated by " | "; absent when no
 * record has one; for display and filtering, as a value may itself hold
 * " | ": the evidence lines give each record's own), facts (1, or the
 * number merged), evidence (one line per record: document id, sentence
 * index, byte range start-end, sentence text, time and place, separated by
 * tabs and read by position; empty fields at the end of a line are left
 * off, so a record without time and place reads
 * "doc<TAB>2<TAB>200-260<TAB>text" as it always did, and one with a place
 * alone "doc<TAB>2<TAB>200-260<TAB>text<TAB><TAB>in Minsk").  A collapsed
 * edge sums the weights, keeps the highest confidence, lists its facts'
 * other values separated by "; " in the same order (labels as "not p" /
 * "p (future)"), gives time and place over all its facts' evidence, and
 * starts each evidence line with the fact's label and a tab.  Text is
 * cleaned (export-text.h) and XML-escaped; inside an evidence line and a
 * time or place list, tabs and line feeds are spaces.
 */
#include "export-private.h"
#include "export-text.h"
#include "graphml-schema.h"
#include "kgraph/error.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

typedef struct {
  xmlTextWriterPtr w;
  gboolean failed;  /* a libxml2 call failed: the stream could not be written */
} Writer;

static void
check (Writer *out, int status)
{
  if (status < 0)
    out->failed = TRUE;
}

static void
start (Writer *out, const char *element)
{
  check (out, xmlTextWriterStartElement (out->w, BAD_CAST element));
}

static void
end (Writer *out)
{
  check (out, xmlTextWriterEndElement (out->w));
}

static void
attribute (Writer *out, const char *name, const char *value)
{
  check (out, xmlTextWriterWriteAttribute (out->w, BAD_CAST name, BAD_CAST value));
}

/* <data key="...">value</data>, cleaned; nothing for an empty value, which
 * Gephi and networkx drop anyway. */
static void
data (Writer *out, KgGraphmlKey key, const char *value)
{
  g_autofree char *clean = kg__text_clean (value);
  if (*clean == '\0')
    return;
  g_warn_if_fail (kg__graphml_value_problem (kg__graphml_key (key)->type, clean) == NULL);
  start (out, "data");
  attribute (out, "key", kg__graphml_key (key)->id);
  check (out, xmlTextWriterWriteString (out->w, BAD_CAST clean));
  end (out);
}

static void
data_uint (Writer *out, KgGraphmlKey key, guint value)
{
  char text[16];
  g_snprintf (text, sizeof text, "%u", value);
  data (out, key, text);
}

static void
data_double (Writer *out, KgGraphmlKey key, double value)
{
  char text[KG_DOUBLE_BUF_SIZE];
  data (out, key, kg__text_format_double (text, value));
}

static void
write_keys (Writer *out)
{
  for (guint k = 0; k < KG_N_KEYS; k++)
    {
      const KgGraphmlKeyInfo *key = kg__graphml_key (k);
      start (out, "key");
      attribute (out, "id", key->id);
      attribute (out, "for", key->domain == KG_GRAPHML_FOR_NODE ? "node" : "edge");
      attribute (out, "attr.name", key->name);
      attribute (out, "attr.type", kg__graphml_type_name (key->type));
      end (out);
    }
}

static void
write_node (Writer *out, const KgNode *node)
{
  start (out, "node");
  attribute (out, "id", kg_node_get_id (node));
  g_autofree char *label = kg__text_node_label (node);
  data (out, KG_KEY_NODE_LABEL, label);
  data (out, KG_KEY_NODE_TYPE, kg_entity_type_to_string (kg_node_get_entity_type (node)));
  data (out, KG_KEY_NODE_CANONICAL_KEY, kg_node_get_key (node));

  g_autoptr (GString) aliases = g_string_new (NULL);
  for (guint i = 0; i < kg_node_get_n_aliases (node); i++)
    g_string_append_printf (aliases, "%s%s", i ? "\n" : "", kg_node_get_alias (node, i)->form);
  data (out, KG_KEY_NODE_ALIASES, aliases->str);
  data_uint (out, KG_KEY_NODE_MENTIONS, kg_node_get_mentions (node));

  g_autoptr (GString) counts = g_string_new (NULL);
  for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
    if (kg_node_get_type_count (node, t) > 0)
      g_string_append_printf (counts, "%s%s=%u", counts->len ? " " : "", kg_entity_type_to_string (t),
                              kg_node_get_type_count (node, t));
  data (out, KG_KEY_NODE_TYPE_COUNTS, counts->str);
  end (out);
}

/* Appends text with tabs and line feeds as spaces, so that it stays one
 * field of one line. */
static void
append_field (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' ? ' ' : *p);
}

/* The distinct values of one evidence field, in the order first met,
 * separated by " | ". */
typedef struct {
  GString *list;
  GHashTable *seen;  /* the values as written in list */
} Distinct;

static Distinct
distinct_make (void)
{
  return (Distinct) { g_string_new (NULL), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
}

static void
distinct_clear (Distinct *d)
{
  g_string_free (d->list, TRUE);
  g_hash_table_unref (d->seen);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Distinct, distinct_clear)

static void
distinct_add (Distinct *d, const char *value)
{
  if (value == NULL)
    return;
  /* two values that read the same in the file are one */
  g_autofree char *clean = kg__text_clean (value);
  g_autoptr (GString) field = g_string_new (NULL);
  append_field (field, clean);
  if (field->len == 0 || !g_hash_table_add (d->seen, g_strdup (field->str)))
    return;
  if (d->list->len)
    g_string_append (d->list, " | ");
  g_string_append (d->list, field->str);
}

/* One line per evidence record of edge, each starting with prefix; adds
 * each record's time and place to times and places. */
static void
append_evidence (GString *out, Distinct *times, Distinct *places, KgGraph *graph, const KgEdge *edge,
                 const char *prefix)
{
  for (guint i = 0; i < kg_edge_get_n_evidence (edge); i++)
    {
      const KgEvidence *ev = kg_edge_get_evidence (edge, i);
      if (out->len)
        g_string_append_c (out, '\n');
      if (prefix)
        {
          append_field (out, prefix);
          g_string_append_c (out, '\t');
        }
      append_field (out, kg_graph_get_document (graph, ev->document)->id);
      g_string_append_printf (out, "\t%u\t%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, ev->sentence, ev->start,
                              ev->end);
      /* text, time, place: by position, the empty ones at the end left off */
      const char *tail[] = { ev->text, ev->time, ev->place };
      guint n = G_N_ELEMENTS (tail);
      while (n > 0 && tail[n - 1] == NULL)
        n--;
      for (guint k = 0; k < n; k++)
        {
          g_string_append_c (out, '\t');
          append_field (out, tail[k] ? tail[k] : "");
        }
      distinct_add (times, ev->time);
      distinct_add (places, ev->place);
    }
}

static void
list_append (GString *list, const char *value)
{
  if (list->len)
    g_string_append (list, "; ");
  g_string_append (list, value);
}

/* Writes one <edge> for edges, which share subject and object: one fact,
 * or all of them when parallel edges are collapsed. */
static void
write_edge_group (Writer *out, KgGraph *graph, GPtrArray *edges)
{
  const KgEdge *first = edges->pdata[0];
  gboolean collapsed = edges->len > 1;
  start (out, "edge");
  attribute (out, "id", kg_edge_get_id (first));
  attribute (out, "source", kg_node_get_id (kg_edge_get_subject (first)));
  attribute (out, "target", kg_node_get_id (kg_edge_get_object (first)));

  g_autoptr (GString) label = g_string_new (NULL), surface = g_string_new (NULL);
  g_autoptr (GString) relation = g_string_new (NULL), office = g_string_new (NULL);
  g_autoptr (GString) polarity = g_string_new (NULL), modality = g_string_new (NULL);
  g_autoptr (GString) who = g_string_new (NULL), who_id = g_string_new (NULL);
  g_autoptr (GString) evidence = g_string_new (NULL);
  g_auto (Distinct) times = distinct_make (), places = distinct_make ();
  double weight = 0, confidence = 0;
  gboolean any_attribution = FALSE, any_office = FALSE;
  for (guint i = 0; i < edges->len; i++)
    {
      const KgEdge *edge = edges->pdata[i];
      g_autofree char *fact_label = collapsed ? kg__text_edge_label (edge) : g_strdup (kg_edge_get_predicate (edge));
      const KgNode *source = kg_edge_get_attributed_to (edge);
      g_autofree char *source_label = source ? kg__text_node_label (source) : g_strdup ("");
      list_append (label, fact_label);
      list_append (surface, kg_edge_get_predicate_surface (edge));
      list_append (relation, kg_edge_get_relation (edge));
      /* positional, like the other lists of a collapsed edge */
      list_append (office, kg_edge_get_office (edge) ? kg_edge_get_office (edge) : "");
      any_office = any_office || kg_edge_get_office (edge) != NULL;
      list_append (polarity, kg_polarity_to_string (kg_edge_get_polarity (edge)));
      list_append (modality, kg_modality_to_string (kg_edge_get_modality (edge)));
      if (i > 0)
        g_string_append (who, "; "), g_string_append (who_id, "; ");
      g_string_append (who, source_label);
      g_string_append (who_id, source ? kg_node_get_id (source) : "");
      any_attribution = any_attribution || source != NULL;
      weight += kg_edge_get_weight (edge);
      confidence = MAX (confidence, kg_edge_get_confidence (edge));
      append_evidence (evidence, &times, &places, graph, edge, collapsed ? fact_label : NULL);
    }

  data (out, KG_KEY_EDGE_LABEL, label->str);
  data (out, KG_KEY_EDGE_SURFACE, surface->str);
  data (out, KG_KEY_EDGE_RELATION, relation->str);
  if (any_office)
    data (out, KG_KEY_EDGE_OFFICE, office->str);
  data_double (out, KG_KEY_EDGE_WEIGHT, weight);
  data_double (out, KG_KEY_EDGE_CONFIDENCE, confidence);
  data (out, KG_KEY_EDGE_POLARITY, polarity->str);
  data (out, KG_KEY_EDGE_MODALITY, modality->str);
  if (any_attribution)
    {
      data (out, KG_KEY_EDGE_ATTRIBUTED_TO, who->str);
      data (out, KG_KEY_EDGE_ATTRIBUTED_TO_ID, who_id->str);
    }
  data (out, KG_KEY_EDGE_TIME, times.list->str);
  data (out, KG_KEY_EDGE_PLACE, places.list->str);
  data_uint (out, KG_KEY_EDGE_FACTS, edges->len);
  data (out, KG_KEY_EDGE_EVIDENCE, evidence->str);
  end (out);
}

/* Groups edges by (subject, object) in the order of their first edge. */
static GPtrArray *
group_edges (KgGraph *graph, gboolean collapse)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) by_pair = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      KgEdge *edge = edges->pdata[i];
      GPtrArray *group = NULL;
      if (collapse)
        {
          char *pair = g_strconcat (kg_node_get_id (kg_edge_get_subject (edge)), " ",
                                    kg_node_get_id (kg_edge_get_object (edge)), NULL);
          group = g_hash_table_lookup (by_pair, pair);
          if (group == NULL)
            g_hash_table_insert (by_pair, pair, group = g_ptr_array_new ());
          else
            g_free (pair);
          if (group->len > 0)
            {
              g_ptr_array_add (group, edge);
              continue;
            }
        }
      else
        group = g_ptr_array_new ();
      g_ptr_array_add (group, edge);
      g_ptr_array_add (groups, group);
    }
  return groups;
}

gboolean
kg__export_graphml (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && out != NULL, FALSE);

  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile (out, NULL);
  g_autoptr (xmlTextWriter) w = buffer ? xmlNewTextWriter (buffer) : NULL;
  if (w == NULL)
    {
      if (buffer)
        xmlOutputBufferClose (buffer);
      g_set_error (error, KG_ERROR, KG_ERROR_EXPORT, "libxml2 could not start the GraphML writer");
      return FALSE;
    }
  Writer writer = { w, FALSE };
  check (&writer, xmlTextWriterSetIndent (w, 1));
  check (&writer, xmlTextWriterSetIndentString (w, BAD_CAST "  "));
  check (&writer, xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  start (&writer, "graphml");
  attribute (&writer, "xmlns", KG_GRAPHML_NS);
  attribute (&writer, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  attribute (&writer, "xsi:schemaLocation",
             KG_GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  write_keys (&writer);
  start (&writer, "graph");
  attribute (&writer, "id", "G");
  attribute (&writer, "edgedefault", "directed");

  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    write_node (&writer, nodes->pdata[i]);
  g_autoptr (GPtrArray) groups = group_edges (graph, options->collapse_parallel);
  for (guint i = 0; i < groups->len; i++)
    write_edge_group (&writer, graph, groups->pdata[i]);

  check (&writer, xmlTextWriterEndDocument (w));
  check (&writer, xmlTextWriterFlush (w));
  if (writer.failed || ferror (out))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the GraphML file: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
