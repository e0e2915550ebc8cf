/* export-dot.c: the graph as Graphviz DOT source (export stage).
 *
 * The graph is built by export-cgraph.c and written with cgraph's agwrite,
 * so the file is exactly what Graphviz itself would write; agwrite quotes
 * every string that needs it (ids such as "node" or "-1a", and every value
 * with spaces or quotes) and escapes double quotes, and dot-syntax.c has
 * already made the rest of each label safe.
 */
#include "export-private.h"
#include "export-cgraph.h"
#include "kgraph/error.h"

#include <errno.h>

gboolean
kg__export_dot (KgGraph *graph, const KgExportOptions *options, FILE *out, GError **error)
{
  g_return_val_if_fail (graph != NULL && out != NULL, FALSE);

  g_autoptr (KgDiagram) diagram = kg__diagram_new (graph, options, error);
  if (diagram == NULL)
    return FALSE;
  /* What the caps and the selection left out, where a reader of the file
   * sees it.  (The summary holds no newline; a label could hold a star and
   * slash, so they are kept apart.) */
  g_autoptr (GString) comment = g_string_new (NULL);
  for (const char *p = diagram->summary; *p; p++)
    {
      g_string_append_c (comment, *p);
      if (*p == '*' && p[1] == '/')
        g_string_append_c (comment, ' ');
    }
  fprintf (out, "/* kgraph %s */\n", comment->str);

  kg__cgraph_begin_messages ();
  g_autoptr (Agraph_t) g = kg__cgraph_build (graph, diagram);
  int status = agwrite (g, out);
  g_autofree char *messages = kg__cgraph_end_messages ();
  if (status != 0 || ferror (out))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write the DOT file: %s",
                   *messages ? messages : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
