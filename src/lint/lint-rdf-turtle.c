/* lint-rdf-turtle.c: Turtle for `kgraph lint` (export stage).  The syntax
 * is raptor's Turtle parser's (the one that writes kgraph's Turtle): each
 * message it logs becomes a problem at its line and column.  On the
 * statements it reads, the rules kgraph's exporters follow, as lint-rdf.c
 * applies them to N-Triples: typed literals of the xsd datatypes must be
 * well-typed, IRIs absolute (a relative IRI resolves against a base the
 * file does not give, which differs from store to store), and blank nodes
 * are a warning.  http://librdf.org/raptor/api/
 */
#include "lint-private.h"
#include "export/rdf-syntax.h"

#include <raptor2.h>
#include <string.h>

/* The base the parser resolves relative IRIs against: a statement whose
 * IRI starts with it had a relative one. */
#define UNSET_BASE "x-kgraph-lint:/"

typedef struct {
  KgLintContext *ctx;
  raptor_parser *parser;
  gboolean warned_bnode, warned_relative;
} Check;

static void
position (Check *check, const raptor_locator *locator, guint *line, guint *column)
{
  *line = locator && locator->line > 0 ? (guint) locator->line : 1;
  *column = locator && locator->column > 0 ? (guint) locator->column : 1;
}

static void
on_log (void *user_data, raptor_log_message *message)
{
  Check *check = user_data;
  if (message->level < RAPTOR_LOG_LEVEL_WARN)
    return;
  guint line, column;
  position (check, message->locator, &line, &column);
  kg__lint_report_at (check->ctx, line, column,
                      message->level >= RAPTOR_LOG_LEVEL_ERROR ? KG_LINT_ERROR : KG_LINT_WARNING,
                      "%s", message->text);
}

static void G_GNUC_PRINTF (3, 4)
report (Check *check, KgLintSeverity severity, const char *format, ...)
{
  guint line, column;
  position (check, raptor_parser_get_locator (check->parser), &line, &column);
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  kg__lint_report_at (check->ctx, line, column, severity, "%s", message);
}

static void
check_iri (Check *check, raptor_uri *uri)
{
  const char *iri = (const char *) raptor_uri_as_string (uri);
  gsize where;
  const char *why;
  if (g_str_has_prefix (iri, UNSET_BASE))
    {
      if (!check->warned_relative)
        report (check, KG_LINT_ERROR, "relative IRI <%s> and no @base: stores would resolve it each against "
                "a base of their own (the first of the file)", iri + strlen (UNSET_BASE));
      check->warned_relative = TRUE;
    }
  else if (!kg__rdf_iri_check (iri, strlen (iri), &where, &why))
    report (check, KG_LINT_ERROR, "<%s> is not an absolute IRI: %s", iri, why);
}

static void
check_term (Check *check, const raptor_term *term)
{
  switch (term->type)
    {
    case RAPTOR_TERM_TYPE_URI:
      check_iri (check, term->value.uri);
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      if (!check->warned_bnode)
        report (check, KG_LINT_WARNING, "blank node (the first of the file): legal RDF, but kgraph never writes "
                "blank nodes, which stores cannot merge across files");
      check->warned_bnode = TRUE;
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      if (term->value.literal.datatype)
        {
          const char *datatype = (const char *) raptor_uri_as_string (term->value.literal.datatype);
          const char *lexical = (const char *) term->value.literal.string;
          if (kg__xsd_check (datatype, lexical) == KG_XSD_INVALID)
            report (check, KG_LINT_ERROR, "ill-typed literal: \"%s\" is not a valid xsd:%s", lexical,
                    datatype + strlen (KG_XSD_NS));
        }
      break;
    default:
      break;
    }
}

static void
on_statement (void *user_data, raptor_statement *statement)
{
  Check *check = user_data;
  check_term (check, statement->subject);
  check_term (check, statement->predicate);
  check_term (check, statement->object);
}

void
kg__lint_turtle (KgLintContext *ctx)
{
  raptor_world *world = raptor_new_world ();
  Check check = { ctx, NULL, FALSE, FALSE };
  raptor_world_set_log_handler (world, &check, on_log);
  check.parser = raptor_new_parser (world, "turtle");
  raptor_parser_set_statement_handler (check.parser, &check, on_statement);
  raptor_uri *base = raptor_new_uri (world, (const unsigned char *) UNSET_BASE);
  raptor_parser_parse_start (check.parser, base);
  raptor_parser_parse_chunk (check.parser, (const unsigned char *) ctx->data, ctx->length, 1);
  raptor_free_uri (base);
  raptor_free_parser (check.parser);
  raptor_free_world (world);
}
