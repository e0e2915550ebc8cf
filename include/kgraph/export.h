/* kgraph/export.h: the graph written for the tools our users open it in.
 *
 *   DOT       Graphviz source, built with cgraph; shapes and colours by type
 *   SVG/PNG/PDF  diagrams laid out and rendered in-process with gvc
 *   GraphML   for Gephi, written with libxml2's xmlTextWriter
 *   N-Triples / N-Quads / Turtle  RDF 1.1 for triple stores, in the
 *             vocabulary of data/kgraph.ttl (Turtle written by raptor)
 *   HTML      one self-contained page: the diagram, every fact with its
 *             evidence, every entity with its aliases
 *
 * The diagrams (DOT, SVG/PNG/PDF, the HTML report's picture) are designed
 * rather than dumped: by default they draw the named entities and the facts
 * between them, at most max_nodes entities ranked by weighted degree, and
 * leave out isolated nodes; facts with concepts and values go into the
 * entity's tooltip.  GraphML and RDF always carry the whole graph.
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
  KG_FORMAT_TURTLE,
  KG_FORMAT_HTML,
  KG_FORMAT_N_FORMATS
} KgFormat;

typedef struct {
  const char *base_iri;        /* absolute IRI ending in '/' or '#', for RDF */
  const char *layout;          /* Graphviz engine for SVG/PNG/PDF: dot, neato, fdp, sfdp, circo, twopi */
  gboolean collapse_parallel;  /* GraphML: one edge per (source, target), weights summed */
  /* What the diagrams draw (DOT, SVG, PNG, PDF, HTML); zero values give
   * the defaults. */
  gboolean concepts;           /* draw concepts and values too, not only named entities */
  guint max_nodes;             /* at most this many nodes (0: KG_DEFAULT_MAX_NODES; G_MAXUINT: no cap) */
  guint min_weight;            /* draw an edge only if its facts have this many sentences (0 or 1: all) */
  const char *focus;           /* only the neighbourhood of this entity (label or alias, any case) */
  guint depth;                 /* with focus: hops from it (0: 1) */
  guint types;                 /* bit (1 << KgEntityType) per type to draw (0: the named types) */
  gboolean facts_only;         /* leave out negated, modal and attributed facts */
  const char *title;           /* HTML report: the page's title (NULL: "kgraph") */
  gboolean wikidata_properties; /* RDF: a direct triple uses the Wikidata property of its relation
                                  * where data/kgraph.ttl names one (wdt:P463 for kg:memberOf) */
} KgExportOptions;

#define KG_DEFAULT_BASE_IRI "https://kgraph.example.org/"
/* "auto": dot up to KG_DIAGRAM_DOT_MAX_NODES nodes, sfdp above. */
#define KG_DEFAULT_LAYOUT "auto"
#define KG_DEFAULT_MAX_NODES 40
#define KG_DIAGRAM_DOT_MAX_NODES 300

/* The name used on the command line ("dot", "graphml", "nt", ...), which is
 * also the file extension. */
const char *kg_format_to_string (KgFormat format);
gboolean kg_format_from_string (const char *name, KgFormat *format);

/* Checks options before any work is done: a known layout engine, and an
 * absolute base IRI that ends in '/' or '#' and is not inside the
 * vocabulary's namespace.  Fails with KG_ERROR_OPTION. */
gboolean kg_export_options_check (const KgExportOptions *options, GError **error);

/* What the diagrams of graph will show with options, and what the
 * selection and caps left out, in one line for the user ("diagram: 32 of
 * 58 entities, 41 of 212 facts (dot); left out: ...").  Fails with
 * KG_ERROR_OPTION when options->focus matches no node, the message
 * listing near matches.  (transfer full) */
char *kg_export_describe_diagram (KgGraph *graph, const KgExportOptions *options, GError **error);

/* Writes graph in format to path ("-" for standard output), atomically. */
gboolean kg_export_write (KgGraph *graph, KgFormat format, const KgExportOptions *options,
                          const char *path, GError **error);

G_END_DECLS

#endif
