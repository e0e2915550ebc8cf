/* export.c: format names, option checks, and the atomic write around each
 * format's writer (export stage; see kgraph/export.h). */
#include "export-private.h"
#include "util/names.h"
#include "util/atomic-file.h"
#include "rdf-syntax.h"
#include "kgraph/error.h"

#include <string.h>

static const char *const format_names[KG_FORMAT_N_FORMATS] = {
  "dot", "svg", "png", "pdf", "graphml", "nt", "nq", "ttl", "html",
};

static const char *const layouts[] = { "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi" };

const char *
kg_format_to_string (KgFormat format)
{
  g_return_val_if_fail (format < KG_FORMAT_N_FORMATS, NULL);
  return format_names[format];
}

gboolean
kg_format_from_string (const char *name, KgFormat *format)
{
  int i = kg_name_lookup (format_names, KG_FORMAT_N_FORMATS, name);
  if (i >= 0)
    *format = i;
  return i >= 0;
}

/* An absolute IRI by the same rule `kgraph lint` applies to N-Triples,
 * whose last character lets us append local names, and outside the
 * vocabulary's namespace: the RDF files are sorted section by section,
 * which needs the data's IRIs and the vocabulary's apart. */
static gboolean
base_iri_is_usable (const char *iri)
{
  gsize length = strlen (iri);
  return length > 0 && (iri[length - 1] == '/' || iri[length - 1] == '#')
         && kg__rdf_iri_check (iri, length, NULL, NULL) && !g_str_has_prefix (iri, KG_VOCAB_IRI);
}

gboolean
kg_export_options_check (const KgExportOptions *options, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  gboolean known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    known = known || g_strcmp0 (options->layout, layouts[i]) == 0;
  if (!known)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_OPTION,
                   "unknown layout '%s' (use auto, dot, neato, fdp, sfdp, circo or twopi)",
                   options->layout ? options->layout : "");
      return FALSE;
    }
  if (options->base_iri == NULL || !base_iri_is_usable (options->base_iri))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_OPTION,
                   "base IRI '%s' must be an absolute IRI (RFC 3987: a scheme, no spaces or <>\"{}|^`\\, "
                   "%%XX escapes with two hex digits) that ends in '/' or '#', outside the vocabulary's "
                   "namespace " KG_VOCAB_IRI " (for example " KG_DEFAULT_BASE_IRI ")", options->base_iri ? options->base_iri : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_format (KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out, GError **error)
{
  switch (format)
    {
    case KG_FORMAT_DOT:
      return kg__export_dot (graph, options, out, error);
    case KG_FORMAT_SVG:
    case KG_FORMAT_PNG:
    case KG_FORMAT_PDF:
      return kg__export_render (graph, format, options, out, error);
    case KG_FORMAT_GRAPHML:
      return kg__export_graphml (graph, options, out, error);
    case KG_FORMAT_NTRIPLES:
    case KG_FORMAT_NQUADS:
    case KG_FORMAT_TURTLE:
      return kg__export_rdf (graph, format, options, out, error);
    case KG_FORMAT_HTML:
      return kg__export_html (graph, options, out, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
kg_export_write (KgGraph *graph, KgFormat format, const KgExportOptions *options, const char *path,
                 GError **error)
{
  g_return_val_if_fail (graph != NULL && options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (format < KG_FORMAT_N_FORMATS, FALSE);

  if (!kg_export_options_check (options, error))
    return FALSE;
  g_autoptr (KgAtomicFile) file = kg_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  if (!write_format (graph, format, options, kg_atomic_file_get_stream (file), error))
    return FALSE;
  return kg_atomic_file_commit (g_steal_pointer (&file), error);
}
