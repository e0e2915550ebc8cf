/* kgraph/error.h: the one error domain of the library.
 *
 * Every runtime failure (a file that cannot be read, malformed input, a bad
 * model, a failed write) is reported through a GError in KG_ERROR whose
 * message names the file and, where known, the line and column or byte
 * offset.  Programmer mistakes are g_return_if_fail() checks instead.
 */
#ifndef KGRAPH_ERROR_H
#define KGRAPH_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define KG_ERROR (kg_error_quark ())

typedef enum {
  KG_ERROR_IO,      /* a file or directory could not be read or written */
  KG_ERROR_INPUT,   /* malformed input: bad UTF-8, a bad TSV line, an unparseable document */
  KG_ERROR_LIMIT,   /* input beyond a safety limit (size, nesting depth) */
  KG_ERROR_MODEL,   /* a model file that is missing, corrupt or incompatible */
  KG_ERROR_OPTION,  /* an unknown format, layout or option value */
  KG_ERROR_EXPORT,  /* Graphviz or libxml2 failed while writing an export */
} KgError;

GQuark kg_error_quark (void);

G_END_DECLS

#endif
