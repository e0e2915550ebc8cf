/* export-private.h: the writers behind kg_export_write(), one per file.
 * Each writes the whole graph to an open stream and reports failures with
 * KG_ERROR_EXPORT or KG_ERROR_IO; export.c makes the write atomic. */
#ifndef KG_EXPORT_PRIVATE_H
#define KG_EXPORT_PRIVATE_H

#include "kgraph/export.h"
#include <stdio.h>

gboolean kg__export_dot (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error);
gboolean kg__export_render (KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out,
                            GError **error);
gboolean kg__export_graphml (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error);
gboolean kg__export_html (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error);
/* N-Triples, N-Quads or Turtle (export-rdf.c). */
gboolean kg__export_rdf (KgGraph *graph, KgFormat format, const KgExportOptions *options, FILE *out,
                         GError **error);

/* One of raptor's serializers ("turtle"), fed with N-Triples text in
 * whole lines and writing to out (export-raptor.c); finish ends the
 * output, frees the sink and reports what raptor could not write.  The
 * prefixes of the standard vocabularies and of base_iri's sections
 * (entity:, fact:, ...) are declared. */
typedef struct _KgRaptorSink KgRaptorSink;
KgRaptorSink *kg__raptor_sink_new (const char *syntax, const char *base_iri, FILE *out);
void kg__raptor_sink_write (KgRaptorSink *sink, const char *ntriples, gsize length);
gboolean kg__raptor_sink_finish (KgRaptorSink *sink, GError **error);

/* The diagram laid out by diagram->engine and rendered by Graphviz's
 * renderer ("svg", "png", "pdf"), in memory (export-render.c).
 * (transfer full) */
struct _KgDiagram;
GBytes *kg__render_diagram (KgGraph *graph, const struct _KgDiagram *diagram, const char *renderer,
                            GError **error);

/* A copy of a PDF with its /CreationDate and /ModDate set to the Unix
 * epoch and its cross-reference offsets moved to match (export-render.c).
 * A PDF without a classic xref table keeps its offsets.  (transfer full) */
GByteArray *kg__render_pdf_fix_dates (const guint8 *data, gsize length);

#endif
