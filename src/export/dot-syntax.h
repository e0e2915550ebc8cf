/* dot-syntax.h: how Graphviz reads the text of a label, and how we write
 * text so that it reads back exactly (export stage; used by the DOT
 * exporter and by `kgraph lint`).
 *
 * Graphviz treats a plain (quoted) label in three passes
 * (lib/common/labels.c): backslash escapes for object names (\N \G \E \T
 * \H \L), HTML entity decoding (&amp; -> &), then line breaks (\n \l \r)
 * while any other backslash is dropped ("\d" shows "d").  cgraph's agwrite
 * escapes only double quotes.  So the exporter writes a backslash as "\\",
 * a line feed as "\n", and '&', '<', '>' as "&amp;", "&lt;", "&gt;"; the
 * latter also means no quoted label ever looks like an HTML-like label
 * "<...>" to tools that take it for one.  Long lines are wrapped for
 * display (see kg__dot_append_text).
 */
#ifndef KG_DOT_SYNTAX_H
#define KG_DOT_SYNTAX_H

#include <glib.h>

/* Lines of a label longer than this many characters are wrapped. */
#define KG_DOT_WRAP_COLUMNS 30

/* Graphviz's file scanner (flex, with a 16 KiB buffer) cannot read a
 * token longer than this: in a quoted string, a run of bytes with no
 * backslash in it (escapes and line continuations end a run); an HTML-like
 * label or an unquoted ID as a whole.  `dot FILE` then fails with "longer
 * than 16384?", while agmemread, which reads from memory, does not.  Found
 * by trying Graphviz 2.43 (a run after an escape fails one byte earlier:
 * this is the smaller limit). */
#define KG_DOT_MAX_RUN_BYTES 16379
/* The exporter breaks a line of text (with "\n") before its escaped run
 * would exceed this many bytes; only unwrapped text (tooltips) has lines
 * that long. */
#define KG_DOT_BREAK_RUN_BYTES 8000

/* Appends text as the value of a Graphviz escString attribute (label,
 * tooltip): cleaned (see export-text.h), escaped as above.  With wrap > 0,
 * each line longer than wrap characters is broken at its last space within
 * the limit (the space becomes the line break), or, in a word longer than
 * the limit, between two characters (never before a combining mark or
 * joiner).  Whatever wrap is, a line whose escaped form would run past
 * KG_DOT_BREAK_RUN_BYTES without a backslash is broken there (between two
 * characters, not before a combining mark unless the mark runs on), so that
 * Graphviz can read the file back.  agwrite adds the quotes. */
void kg__dot_append_text (GString *out, const char *text, guint wrap);

/* What Graphviz does with a backslash followed by c in a plain label. */
typedef enum {
  KG_DOT_ESCAPE_LITERAL,    /* \\ and \" : the character itself */
  KG_DOT_ESCAPE_LINE_BREAK, /* \n \l \r : a line break, centred, left or right */
  KG_DOT_ESCAPE_OBJECT,     /* \N \G \E \T \H \L : the name of an object */
  KG_DOT_ESCAPE_DROPPED,    /* anything else: the backslash disappears */
} KgDotEscape;

KgDotEscape kg__dot_escape_kind (gunichar c);

/* If p starts an HTML entity that Graphviz decodes in a plain label
 * (&name; of HTML 4, &#N; or &#xH;), returns its length in bytes and its
 * character in *decoded; otherwise 0. */
gsize kg__dot_entity_length (const char *p, gunichar *decoded);

/* Is the entity at p (of length bytes) one the exporter writes for '&',
 * '<' or '>'? */
gboolean kg__dot_entity_is_ours (const char *p, gsize length);

/* Does a quoted string look like an HTML-like label ("<...>")?  Graphviz
 * shows it as text, but pydot-based tools turn it into HTML. */
gboolean kg__dot_text_looks_like_html (const char *text, gsize length);

/* What Graphviz shows for the plain label value, lines joined by '\n';
 * object-name escapes are kept as they are.  A model of the three passes
 * above, for tests and lint messages.  (transfer full) */
char *kg__dot_render_text (const char *value);

#endif
