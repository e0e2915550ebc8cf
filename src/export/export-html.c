/* export-html.c: the HTML report, one self-contained page to explore the
 * graph (export stage).
 *
 * The page holds the diagram (the same SVG as NAME.svg, inline, with pan
 * and zoom), every fact with its evidence, and every entity with its
 * aliases and the rule that merged each.  Nothing is loaded from the
 * network: the script and style (src/report/report.js, report.css) are
 * compiled in, and the data is one JSON document written with json-glib
 * in a <script type="application/json"> element, every '<' written as
 * \u003c so that no string can close the element.  The script builds
 * the tables with DOM calls (textContent), never from HTML strings.
 */
#include "export-private.h"
#include "export-diagram.h"
#include "export-text.h"
#include "kgraph/error.h"
#include "report-assets.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    {
      g_autofree char *clean = kg__text_clean (value);
      json_builder_add_string_value (b, clean);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* Documents sorted by id (the graph's indices depend on the input
 * order); position[index] is where each one is written. */
static void
add_documents (JsonBuilder *b, KgGraph *graph, GArray *position)
{
  GArray *order = kg_graph_get_document_order (graph);
  g_array_set_size (position, kg_graph_get_n_documents (graph));
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      g_array_index (position, guint, index) = i;
      const KgDocumentInfo *doc = kg_graph_get_document (graph, index);
      json_builder_begin_object (b);
      add_string (b, "id", doc->id);
      add_string (b, "title", doc->title);
      add_string (b, "date", doc->date);
      add_string (b, "source", doc->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_nodes (JsonBuilder *b, KgGraph *graph, const KgDiagram *diagram, GHashTable *index)
{
  g_autoptr (GHashTable) drawn = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < diagram->nodes->len; i++)
    g_hash_table_add (drawn, diagram->nodes->pdata[i]);
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < nodes->len; i++)
    {
      const KgNode *node = nodes->pdata[i];
      g_hash_table_insert (index, (gpointer) node, GUINT_TO_POINTER (i));
      g_autofree char *label = kg__text_node_label (node);
      json_builder_begin_object (b);
      add_string (b, "id", kg_node_get_id (node));
      add_string (b, "label", label);
      add_string (b, "type", kg_entity_type_to_string (kg_node_get_entity_type (node)));
      add_int (b, "mentions", kg_node_get_mentions (node));
      json_builder_set_member_name (b, "drawn");
      json_builder_add_boolean_value (b, g_hash_table_contains (drawn, node));
      /* [form, rule, count] */
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint a = 0; a < kg_node_get_n_aliases (node); a++)
        {
          const KgAlias *alias = kg_node_get_alias (node, a);
          g_autofree char *form = kg__text_clean (alias->form);
          json_builder_begin_array (b);
          json_builder_add_string_value (b, form);
          json_builder_add_string_value (b, alias->rule ? alias->rule : "exact");
          json_builder_add_int_value (b, alias->count);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The distinct non-empty values of a qualifier over the evidence, " | ". */
static char *
qualifier_list (const KgEdge *edge, gboolean time)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  for (guint i = 0; i < kg_edge_get_n_evidence (edge); i++)
    {
      const KgEvidence *ev = kg_edge_get_evidence (edge, i);
      const char *value = time ? ev->time : ev->place;
      gboolean known = FALSE;
      for (guint k = 0; value && *value && !known && k < seen->len; k++)
        known = strcmp (seen->pdata[k], value) == 0;
      if (value && *value && !known)
        g_ptr_array_add (seen, (gpointer) value);
    }
  g_ptr_array_add (seen, NULL);
  return g_strjoinv (" | ", (char **) seen->pdata);
}

static void
add_facts (JsonBuilder *b, KgGraph *graph, GHashTable *index, GArray *position)
{
  GPtrArray *edges = kg_graph_get_edges (graph);
  json_builder_set_member_name (b, "facts");
  json_builder_begin_array (b);
  for (guint i = 0; i < edges->len; i++)
    {
      const KgEdge *edge = edges->pdata[i];
      const KgNode *by = kg_edge_get_attributed_to (edge);
      json_builder_begin_object (b);
      add_string (b, "id", kg_edge_get_id (edge));
      add_int (b, "s", GPOINTER_TO_UINT (g_hash_table_lookup (index, kg_edge_get_subject (edge))));
      add_string (b, "p", kg_edge_get_predicate (edge));
      add_string (b, "surface", kg_edge_get_predicate_surface (edge));
      /* the normalised relation, with the office of "holds office" */
      g_autofree char *relation = kg_edge_get_office (edge)
                                  ? g_strdup_printf ("%s (%s)", kg_edge_get_relation (edge), kg_edge_get_office (edge))
                                  : g_strdup (kg_edge_get_relation (edge));
      add_string (b, "r", relation);
      add_int (b, "o", GPOINTER_TO_UINT (g_hash_table_lookup (index, kg_edge_get_object (edge))));
      add_int (b, "w", kg_edge_get_weight (edge));
      /* three decimals are what a reader compares */
      json_builder_set_member_name (b, "c");
      json_builder_add_double_value (b, (double) (gint64) (kg_edge_get_confidence (edge) * 1000 + 0.5) / 1000);
      add_string (b, "pol", kg_polarity_to_string (kg_edge_get_polarity (edge)));
      add_string (b, "mod", kg_modality_to_string (kg_edge_get_modality (edge)));
      add_int (b, "by", by ? (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (index, by)) : -1);
      g_autofree char *time = qualifier_list (edge, TRUE);
      g_autofree char *place = qualifier_list (edge, FALSE);
      add_string (b, "time", time);
      add_string (b, "place", place);
      /* [document, sentence, start, end, text, time, place] */
      json_builder_set_member_name (b, "ev");
      json_builder_begin_array (b);
      for (guint e = 0; e < kg_edge_get_n_evidence (edge); e++)
        {
          const KgEvidence *ev = kg_edge_get_evidence (edge, e);
          json_builder_begin_array (b);
          json_builder_add_int_value (b, g_array_index (position, guint, ev->document));
          json_builder_add_int_value (b, ev->sentence);
          json_builder_add_int_value (b, ev->start);
          json_builder_add_int_value (b, ev->end);
          for (guint f = 0; f < 3; f++)
            {
              const char *value = f == 0 ? ev->text : f == 1 ? ev->time : ev->place;
              g_autofree char *clean = kg__text_clean (value ? value : "");
              json_builder_add_string_value (b, clean);
            }
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The JSON data, with '<' as \u003c (only strings can hold it). */
static void
append_data (GString *out, KgGraph *graph, const KgDiagram *diagram, const char *title)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "title", title);
  add_string (b, "summary", diagram->summary);
  g_autoptr (GArray) position = g_array_new (FALSE, TRUE, sizeof (guint));
  add_documents (b, graph, position);
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  add_nodes (b, graph, diagram, index);
  add_facts (b, graph, index, position);
  json_builder_end_object (b);

  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  gsize length;
  g_autofree char *json = json_generator_to_data (generator, &length);
  for (const char *p = json; *p; p++)
    if (*p == '<')
      g_string_append (out, "\\u003c");
    else
      g_string_append_c (out, *p);
}

/* Text for an HTML element's content. */
static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, *p);
      }
}

/* The SVG element of Graphviz's document, without its XML declaration,
 * doctype and comments, which HTML does not want. */
static void
append_svg (GString *out, GBytes *svg)
{
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);
  const char *p = g_strstr_len (data, length, "<svg"), *end = data + length;
  while (p && p < end)
    {
      const char *comment = g_strstr_len (p, end - p, "<!--");
      const char *close = comment ? g_strstr_len (comment + 4, end - comment - 4, "-->") : NULL;
      if (close == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, comment - p);
      p = close + 3;
      if (p < end && *p == '\n')
        p++;
    }
}

gboolean
kg__export_html (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && out != NULL, FALSE);
  g_autoptr (KgDiagram) diagram = kg__diagram_new (graph, options, error);
  if (diagram == NULL)
    return FALSE;
  g_autoptr (GBytes) svg = diagram->nodes->len ? kg__render_diagram (graph, diagram, "svg", error) : NULL;
  if (diagram->nodes->len && svg == NULL)
    return FALSE;

  const char *title = options->title ? options->title : "kgraph";
  g_autoptr (GString) page = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                           "<meta name=\"generator\" content=\"kgraph\">\n<title>");
  append_escaped (page, title);
  g_string_append (page, " — knowledge graph report</title>\n<style>\n");
  g_string_append (page, kg__report_css);
  g_string_append (page, "</style>\n</head>\n<body>\n<header><h1>");
  append_escaped (page, title);
  g_string_append_printf (page, "</h1><p id=\"stats\">%u entities, %u facts, %u documents</p>"
                          "<p id=\"summary\">", kg_graph_get_n_nodes (graph), kg_graph_get_n_edges (graph),
                          kg_graph_get_n_documents (graph));
  append_escaped (page, diagram->summary);
  g_string_append (page, "</p></header>\n"
                   "<section id=\"diagram-section\"><h2>Diagram</h2>"
                   "<p class=\"hint\">Drag to pan, wheel or buttons to zoom; click an entity or an edge to see "
                   "its facts; hover a node or an edge for its evidence.</p>"
                   "<div class=\"zoom\"><button id=\"zoom-in\" type=\"button\">+</button>"
                   "<button id=\"zoom-out\" type=\"button\">−</button>"
                   "<button id=\"zoom-reset\" type=\"button\">fit</button></div>\n<div id=\"diagram\">");
  if (svg)
    append_svg (page, svg);
  else
    g_string_append (page, "<p>Nothing to draw.</p>");
  g_string_append (page, "</div></section>\n"
                   "<section id=\"facts-section\"><h2>Facts</h2>\n"
                   "<div class=\"controls\"><input id=\"search\" type=\"search\" placeholder=\"Search facts\" "
                   "aria-label=\"Search facts\"> <span id=\"entity-filter\" hidden></span> "
                   "<span id=\"count\"></span></div>\n"
                   "<table id=\"facts\"><thead></thead><tbody></tbody></table>\n"
                   "<div class=\"pager\" id=\"facts-pager\"></div></section>\n"
                   "<section id=\"entities-section\"><h2>Entities</h2>\n"
                   "<div class=\"controls\"><input id=\"entity-search\" type=\"search\" placeholder=\"Search entities\" "
                   "aria-label=\"Search entities\"> <span id=\"entity-count\"></span></div>\n"
                   "<table id=\"entities\"><thead></thead><tbody></tbody></table>\n"
                   "<div class=\"pager\" id=\"entities-pager\"></div></section>\n"
                   "<script type=\"application/json\" id=\"kg-data\">");
  append_data (page, graph, diagram, title);
  g_string_append (page, "</script>\n<script>\n");
  g_string_append (page, kg__report_js);
  g_string_append (page, "</script>\n</body>\n</html>\n");

  if (fwrite (page->str, 1, page->len, out) != page->len)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the HTML report: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
