/* read-file.h: the bytes of an input file, and where in them a problem is.
 *
 * Every reader (TSV triples, articles, CoNLL-U, lint) starts here, so that
 * a missing file, a directory, an over-long file and invalid UTF-8 give the
 * same clear messages everywhere: "FILE: what" or "FILE:LINE:COLUMN: what".
 */
#ifndef KG_READ_FILE_H
#define KG_READ_FILE_H

#include <glib.h>

/* Reads the whole of path ("-" is standard input) into a NUL-terminated
 * buffer.  Fails with KG_ERROR_IO for a missing, unreadable or non-regular
 * file, and KG_ERROR_LIMIT when it is larger than max_bytes.
 * (transfer full) */
GBytes *kg_read_file (const char *path, gsize max_bytes, GError **error);

/* kg_read_file() for text: also fails as kg_check_utf8() does.
 * (transfer full) */
GBytes *kg_read_text_file (const char *path, gsize max_bytes, GError **error);

/* The name to show for path in messages: "standard input" for "-". */
const char *kg_read_file_display_name (const char *path);

/* The 1-based line and column (in characters) of byte offset in data. */
void kg_text_position (const char *data, gsize offset, guint *line, guint *column);

/* Checks that data is UTF-8 without NUL bytes; otherwise fails with
 * KG_ERROR_INPUT naming path, line, column and byte offset of the first bad
 * byte, or, for UTF-16 or UTF-32 with a byte order mark, the encoding. */
gboolean kg_check_utf8 (const char *path, const char *data, gsize length, GError **error);

#endif
