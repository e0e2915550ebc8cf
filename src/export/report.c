/* report.c: the entity, predicate and document tables (export stage; see
 * kgraph/report.h).  Rows go out in blocks of about 64 KB, so that a
 * million facts never sit in memory a second time as text. */
#include "kgraph/report.h"
#include "util/atomic-file.h"
#include "nlp/tally.h"

#include <string.h>

/* Appends s as one linear-TSV field. */
static void
append_field (GString *out, const char *s)
{
  for (const char *p = s ? s : ""; *p; p++)
    switch (*p)
      {
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

#define TABLE_BLOCK (64 * 1024)

/* A table being written: its file and the rows not yet handed to it. */
typedef struct {
  KgAtomicFile *file;
  GString *out;
} Table;

static void
table_clear (Table *table)
{
  kg_atomic_file_discard (table->file);
  g_string_free (table->out, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static gboolean
table_open (Table *table, const char *path, const char *header, GError **error)
{
  table->file = kg_atomic_file_open (path, error);
  table->out = g_string_new (header);
  return table->file != NULL;
}

static void
table_flush (Table *table)
{
  fwrite (table->out->str, 1, table->out->len, kg_atomic_file_get_stream (table->file));
  g_string_truncate (table->out, 0);
}

/* Appends fields as one line. */
static void
table_row (Table *table, const char *const *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (table->out, '\t');
      append_field (table->out, fields[i]);
    }
  g_string_append_c (table->out, '\n');
  if (table->out->len >= TABLE_BLOCK)
    table_flush (table);
}

/* Writes the rest and commits the file (a write error shows there). */
static gboolean
table_close (Table *table, GError **error)
{
  table_flush (table);
  return kg_atomic_file_commit (g_steal_pointer (&table->file), error);
}

gboolean
kg_report_write_entities (KgGraph *graph, const char *path, GError **error)
{
  g_auto (Table) table = { 0 };
  if (!table_open (&table, path, "id\tlabel\ttype\tmentions\ttypes\taliases\n", error))
    return FALSE;
  GPtrArray *nodes = kg_graph_get_nodes (graph);
  for (guint i = 0; i < nodes->len; i++)
    {
      const KgNode *node = nodes->pdata[i];
      g_autoptr (GString) types = g_string_new (NULL);
      for (guint t = 0; t < KG_ENTITY_N_TYPES; t++)
        if (kg_node_get_type_count (node, t))
          g_string_append_printf (types, "%s%s=%u", types->len ? " " : "", kg_entity_type_to_string (t),
                                  kg_node_get_type_count (node, t));
      g_autoptr (GString) aliases = g_string_new (NULL);
      for (guint a = 0; a < kg_node_get_n_aliases (node); a++)
        {
          const KgAlias *alias = kg_node_get_alias (node, a);
          g_string_append_printf (aliases, "%s%s (%u, %s)", a ? " | " : "", alias->form, alias->count, alias->rule);
        }
      g_autofree char *mentions = g_strdup_printf ("%u", kg_node_get_mentions (node));
      const char *fields[] = { kg_node_get_id (node), kg_node_get_label (node),
                               kg_entity_type_to_string (kg_node_get_entity_type (node)), mentions, types->str,
                               aliases->str };
      table_row (&table, fields, G_N_ELEMENTS (fields));
    }
  return table_close (&table, error);
}

typedef struct {
  guint facts, weight;
  const char *relation;  /* the normalised relation, or the predicate itself */
  GHashTable *surfaces;  /* form -> itself */
} PredicateCount;

static void
predicate_count_free (PredicateCount *count)
{
  g_hash_table_unref (count->surfaces);
  g_free (count);
}

gboolean
kg_report_write_predicates (KgGraph *graph, const char *path, GError **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) predicate_count_free);
  GPtrArray *edges = kg_graph_get_edges (graph);
  for (guint i = 0; i < edges->len; i++)
    {
      const KgEdge *edge = edges->pdata[i];
      const char *predicate = kg_edge_get_predicate (edge);
      PredicateCount *count = g_hash_table_lookup (counts, predicate);
      if (count == NULL)
        {
          count = g_new0 (PredicateCount, 1);
          count->surfaces = g_hash_table_new (g_str_hash, g_str_equal);
          count->relation = kg_edge_get_relation (edge);
          g_hash_table_insert (counts, (gpointer) predicate, count);
        }
      count->facts++;
      count->weight += kg_edge_get_weight (edge);
      g_hash_table_add (count->surfaces, (gpointer) kg_edge_get_predicate_surface (edge));
    }
  g_auto (Table) table = { 0 };
  if (!table_open (&table, path, "predicate\trelation\tfacts\tweight\tsurface_forms\n", error))
    return FALSE;
  g_autoptr (GPtrArray) predicates = kg_sorted_keys (counts);
  for (guint i = 0; i < predicates->len; i++)
    {
      const PredicateCount *count = g_hash_table_lookup (counts, predicates->pdata[i]);
      g_autoptr (GPtrArray) surfaces = kg_sorted_keys (count->surfaces);
      g_ptr_array_add (surfaces, NULL);
      g_autofree char *joined = g_strjoinv (" | ", (char **) surfaces->pdata);
      g_autofree char *facts = g_strdup_printf ("%u", count->facts);
      g_autofree char *weight = g_strdup_printf ("%u", count->weight);
      const char *fields[] = { predicates->pdata[i], count->relation, facts, weight, joined };
      table_row (&table, fields, G_N_ELEMENTS (fields));
    }
  return table_close (&table, error);
}

gboolean
kg_report_write_facts (KgGraph *graph, const char *path, GError **error)
{
  g_auto (Table) table = { 0 };
  if (!table_open (&table, path, "fact\tin_graph\tsubject\tsubject_type\tpredicate\trelation\toffice\tobject"
                   "\tobject_type\tpolarity\tmodality\tattributed_to\tconfidence\tdocument"
                   "\tsentence\tstart\tend\ttime\tplace\ttext\n", error))
    return FALSE;
  GPtrArray *kept = kg_graph_get_edges (graph), *aside = kg_graph_get_set_aside_edges (graph);
  for (guint i = 0; i < kept->len + aside->len; i++)
    {
      const KgEdge *edge = i < kept->len ? kept->pdata[i] : aside->pdata[i - kept->len];
      const KgNode *subject = kg_edge_get_subject (edge), *object = kg_edge_get_object (edge);
      const KgNode *speaker = kg_edge_get_attributed_to (edge);
      g_autofree char *confidence = g_strdup_printf ("%.3f", kg_edge_get_confidence (edge));
      for (guint k = 0; k < kg_edge_get_n_evidence (edge); k++)
        {
          const KgEvidence *ev = kg_edge_get_evidence (edge, k);
          g_autofree char *sentence = g_strdup_printf ("%u", ev->sentence);
          g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, ev->start);
          g_autofree char *end = g_strdup_printf ("%" G_GUINT64_FORMAT, ev->end);
          const char *fields[] = {
            kg_edge_get_id (edge), i < kept->len ? "yes" : "no",
            kg_node_get_label (subject), kg_entity_type_to_string (kg_node_get_entity_type (subject)),
            kg_edge_get_predicate (edge), kg_edge_get_relation (edge), kg_edge_get_office (edge),
            kg_node_get_label (object), kg_entity_type_to_string (kg_node_get_entity_type (object)),
            kg_polarity_to_string (kg_edge_get_polarity (edge)), kg_modality_to_string (kg_edge_get_modality (edge)),
            speaker ? kg_node_get_label (speaker) : NULL, confidence,
            kg_graph_get_document (graph, ev->document)->id, sentence, start, end, ev->time, ev->place, ev->text,
          };
          table_row (&table, fields, G_N_ELEMENTS (fields));
        }
    }
  return table_close (&table, error);
}

gboolean
kg_report_write_documents (KgGraph *graph, const char *path, GError **error)
{
  g_auto (Table) table = { 0 };
  if (!table_open (&table, path, "id\ttitle\tdate\tbyline\tsource\n", error))
    return FALSE;
  GArray *order = kg_graph_get_document_order (graph);
  for (guint i = 0; i < order->len; i++)
    {
      const KgDocumentInfo *doc = kg_graph_get_document (graph, g_array_index (order, guint, i));
      const char *fields[] = { doc->id, doc->title, doc->date, doc->byline, doc->source };
      table_row (&table, fields, G_N_ELEMENTS (fields));
    }
  return table_close (&table, error);
}
