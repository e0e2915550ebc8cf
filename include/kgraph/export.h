/* kgraph/export.h: the graph written for the tools our users open it in.
 *
 *   DOT       Graphviz source, built with cgraph; shapes and colours by type
 *   SVG/PNG/PDF  diagrams laid out and rendered in-process with gvc
 *   GraphML   for Gephi, written with libxml2's xmlTextWriter
 *   N-Triples / N-Quads  RDF 1.1 for triple stores
 *
 * Every file is written to a temporary file and renamed, so a failure
 * leaves no partial output, and the same graph and options always give
 * byte-identical files.  README.md describes what each format contains.
 */
#ifndef KGRAPH_EXPORT_H
#define KGRAPH_EXPORT_H

#include <kgraph/graph.h>

G_BEGIN_DECLS

typedef enum {
  KG_FORMAT_DOT,
  KG_FORMAT_SVG,
  KG_FORMAT_PNG,
  KG_FORMAT_PDF,
  KG_FORMAT_GRAPHML,
  KG_FORMAT_NTRIPLES,
  KG_FORMAT_NQUADS,
  KG_FORMAT_N_FORMATS
} KgFormat;

typedef struct {
  const char *base_iri;        /* absolute IRI ending in '/' or '#', for RDF */
  const char *layout;          /* Graphviz engine for SVG/PNG/PDF: dot, neato, fdp, sfdp, circo, twopi */
  gboolean collapse_parallel;  /* GraphML: one edge per (source, target), weights summed */
} KgExportOptions;

#define KG_DEFAULT_BASE_IRI "https://kgraph.example.org/"
#define KG_DEFAULT_LAYOUT "dot"

/* The name used on the command line ("dot", "graphml", "nt", ...), which is
 * also the file extension. */
const char *kg_format_to_string (KgFormat format);
gboolean kg_format_from_string (const char *name, KgFormat *format);

/* Checks options before any work is done: a known layout engine, and an
 * absolute base IRI that ends in '/' or '#'.  Fails with KG_ERROR_OPTION. */
gboolean kg_export_options_check (const KgExportOptions *options, GError **error);

/* Writes graph in format to path ("-" for standard output), atomically. */
gboolean kg_export_write (KgGraph *graph, KgFormat format, const KgExportOptions *options,
                          const char *path, GError **error);

G_END_DECLS

#endif
