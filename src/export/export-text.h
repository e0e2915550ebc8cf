/* export-text.h: text and numbers as every export writes them (export
 * stage), so that DOT, GraphML and RDF show the same label for a node.
 *
 * Cleaning drops the characters that XML 1.0 cannot carry and that render as
 * nothing or as garbage in Graphviz: C0 controls other than TAB and LF, CR
 * (a CRLF becomes LF), DEL, and the non-characters U+FFFE and U+FFFF.  The
 * linters use the same predicate to flag such characters in files.
 */
#ifndef KG_EXPORT_TEXT_H
#define KG_EXPORT_TEXT_H

#include <kgraph/graph.h>

/* Is c a character XML 1.0 can carry (the Char production)? */
gboolean kg__text_is_xml_char (gunichar c);

/* Does every export drop c from text?  (Not XML, or CR, or DEL.) */
gboolean kg__text_is_dropped (gunichar c);

/* Appends text (valid UTF-8) to out without the dropped characters. */
void kg__text_append_clean (GString *out, const char *text);

/* text without the dropped characters.  (transfer full) */
char *kg__text_clean (const char *text);

/* Is c an XML 1.0 (fifth edition) NameStartChar (first) or NameChar?
 * GraphML ids and attr.name are NMTOKENs of NameChars; N-Triples blank
 * node labels use the same sets (PN_CHARS_U, PN_CHARS) plus digits first. */
gboolean kg__text_is_xml_name_char (gunichar c, gboolean first);

/* The label every export shows for node: its cleaned label, or its id when
 * cleaning leaves nothing.  (transfer full) */
char *kg__text_node_label (const KgNode *node);

/* The label of an edge where polarity and modality have no column of
 * their own: "p", "not p", "p (future)", "not p (possible)", p being the
 * predicate.  (transfer full) */
char *kg__text_edge_label (const KgEdge *edge);

/* The shortest decimal form of a finite value that reads back as the same
 * double, with '.' whatever the locale ("0.95", "2", "1e-07").  It is a
 * valid xsd:double and GraphML double, and the same in every run. */
#define KG_DOUBLE_BUF_SIZE 32
const char *kg__text_format_double (char buffer[KG_DOUBLE_BUF_SIZE], double value);

#endif
