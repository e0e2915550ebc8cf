/* lint-private.h: what the per-format linters share: the text being
 * checked, a line index to turn byte offsets into line and column, and the
 * list of problems (see kgraph/lint.h). */
#ifndef KG_LINT_PRIVATE_H
#define KG_LINT_PRIVATE_H

#include "kgraph/lint.h"

typedef struct {
  const char *data;
  gsize length;
  GArray *line_starts;  /* gsize: the byte offset where each line starts */
  GPtrArray *problems;  /* KgLintProblem */
  gboolean full;        /* KG_LINT_MAX_PROBLEMS reached: later reports are dropped */
} KgLintContext;

void kg__lint_init (KgLintContext *ctx, const char *data, gsize length);
/* Frees what init made; the problems go with the context unless stolen. */
void kg__lint_clear (KgLintContext *ctx);

/* Reports a problem at byte offset (clamped to the data). */
void kg__lint_report (KgLintContext *ctx, gsize offset, KgLintSeverity severity, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
/* Reports a problem at a known line and column (from a parser). */
void kg__lint_report_at (KgLintContext *ctx, guint line, guint column, KgLintSeverity severity,
                         const char *format, ...) G_GNUC_PRINTF (5, 6);

/* The line and column (1-based, in characters) of byte offset. */
void kg__lint_position (KgLintContext *ctx, gsize offset, guint *line, guint *column);

/* The byte offset of line (1-based) and column (1-based, in characters);
 * the end of the data past its last line. */
gsize kg__lint_offset_of (KgLintContext *ctx, guint line, guint column);

/* "U+0007" style names for characters in messages.  (transfer full) */
char *kg__lint_describe_char (gunichar c);

void kg__lint_dot (KgLintContext *ctx);
void kg__lint_graphml (KgLintContext *ctx);
void kg__lint_rdf (KgLintContext *ctx, gboolean quads);
void kg__lint_turtle (KgLintContext *ctx);

#endif
