/* kgraph/lint.h: checks a DOT, GraphML, N-Triples, N-Quads or Turtle file against
 * the rules kgraph's exporters follow, and says where each problem is.
 *
 * The rules are the exporters' own (one module per format holds them):
 *
 *   DOT       UTF-8; cgraph's parse; one graph; in label-like values the
 *             backslash escapes Graphviz alters, HTML entities Graphviz
 *             decodes, raw control characters, quoted strings that look
 *             like HTML-like labels; HTML-like labels that are not
 *             well-formed; a charset other than UTF-8
 *   GraphML   well-formed XML with a UTF-8 declaration; one <graphml> root
 *             with one <graph>; keys declared before the graph with
 *             for="node"|"edge", an NMTOKEN attr.name and one of the six
 *             standard attr.types; data of declared keys of the right
 *             domain whose values parse as their type; unique node and
 *             edge ids; edge endpoints that exist; no weight 0 (Gephi drops
 *             the edge); no Gephi-reserved key id (r, g, b, x, y, z, size,
 *             color, label, weight) used for something else
 *   N-Triples W3C N-Triples / N-Quads 1.1, strictly: no BOM, absolute RFC
 *   N-Quads   3987 IRIs with legal characters and %XX escapes, only the
 *             eight ECHARs, no UCHAR for surrogates or beyond U+10FFFF,
 *             language tags, ill-typed xsd literals, a final '.'; blank
 *             nodes (legal, but never written by kgraph) and duplicate
 *             statements are warnings
 *   Turtle    raptor's Turtle parser (errors at its line and column);
 *             ill-typed xsd literals, IRIs that are not absolute RFC 3987
 *             IRIs or are relative without @base; blank nodes are a warning
 *
 * The library returns the problems; the program prints them.
 */
#ifndef KGRAPH_LINT_H
#define KGRAPH_LINT_H

#include <kgraph/export.h>

G_BEGIN_DECLS

typedef enum {
  KG_LINT_WARNING,
  KG_LINT_ERROR,
} KgLintSeverity;

typedef struct {
  guint line;              /* 1-based */
  guint column;            /* 1-based, in characters */
  KgLintSeverity severity;
  char *message;           /* one line, without the file name */
} KgLintProblem;

/* Stop collecting after this many problems in one file (the last one then
 * says so). */
#define KG_LINT_MAX_PROBLEMS 1000

/* "error" or "warning". */
const char *kg_lint_severity_to_string (KgLintSeverity severity);

/* Can lint check files of format (DOT, GraphML, N-Triples, N-Quads, Turtle)? */
gboolean kg_lint_supports (KgFormat format);

/* Tells the format of a file from the start of its content (an XML file
 * by its root element: GraphML or SVG; PNG and PDF by their signatures;
 * DOT; Turtle by @prefix or @base; N-Triples, or N-Quads or Turtle when the
 * name ends in .nq or .ttl) or, when the content says nothing clear, from
 * its name (.dot .gv .graphml .xml .nt .nq .ttl .svg .png .pdf).  FALSE if neither says.  The format may be one lint
 * does not check (see kg_lint_supports). */
gboolean kg_lint_guess_format (const char *path, const char *data, gsize length, KgFormat *format);

/* Checks length bytes of data as format.  Returns the problems sorted by
 * line and column; an empty array when the data is clean.
 * (transfer full): a GPtrArray of KgLintProblem that frees them */
GPtrArray *kg_lint_check (KgFormat format, const char *data, gsize length);

/* Reads path ("-" for standard input) and checks it as format, or as the
 * format kg_lint_guess_format finds when format is KG_FORMAT_N_FORMATS.
 * Fails with KG_ERROR_IO when the file cannot be read and KG_ERROR_OPTION
 * when its format is unknown or not one lint checks.  (transfer full) */
GPtrArray *kg_lint_file (const char *path, KgFormat format, GError **error);

G_END_DECLS

#endif
