/* kgraph/import.h: triples the user already has, read into a graph.
 *
 * The TSV format, one fact per line:
 *
 *   subject <TAB> predicate <TAB> object [<TAB> subject_type [<TAB> object_type
 *           [<TAB> confidence [<TAB> source [<TAB> sentence [<TAB> time
 *           [<TAB> place]]]]]]]
 *
 * UTF-8, an optional BOM, LF or CRLF line ends.  Blank lines and lines that
 * start with '#' are skipped, as is a first line naming the columns
 * ("subject<TAB>predicate<TAB>object...").  In fields, \t \n \r and \\ stand
 * for a tab, a line feed, a carriage return and a backslash (the "linear
 * TSV" convention); any other backslash is kept as it is.  Types are entity
 * type names (PERSON, ORG, GPE, ...); confidence is a number in [0, 1]
 * (default 1); source names the document the fact came from (default: the
 * file).  Evidence records the line: its 0-based index as the sentence
 * index and its byte offsets in the file, and the sentence, time and place
 * given: when and where the fact happened as the source writes it ("on
 * Monday", "in Minsk").  An empty field is the same as an absent one, so a
 * place alone is "...<TAB>sentence<TAB><TAB>in Minsk"; files of eight
 * columns or fewer read as they always did.
 */
#ifndef KGRAPH_IMPORT_H
#define KGRAPH_IMPORT_H

#include <kgraph/graph.h>

G_BEGIN_DECLS

/* Reads one TSV file ("-" for standard input) into graph.  The whole file is
 * checked first: on any error nothing is added, and the error (KG_ERROR_IO
 * or KG_ERROR_INPUT) names the file, line and column. */
gboolean kg_import_tsv (KgGraph *graph, const char *path, GError **error);

G_END_DECLS

#endif
