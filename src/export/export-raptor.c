/* export-raptor.c: the RDF export in a syntax that one of raptor's
 * serializers writes (export stage): Turtle for now.  export-rdf.c makes
 * the N-Triples lines, subject by subject; raptor's N-Triples parser reads
 * them back into statements and the serializer writes them, with the
 * prefixes of the standard vocabularies, kg: and the base IRI's sections
 * declared.  Raptor's Turtle serializer groups statements by subject and
 * sorts them (it keeps the whole graph until the end), so the output is
 * the same in every run.  http://librdf.org/raptor/api/
 *
 * Raptor 2.0.15's Turtle serializer writes a number literal bare, as its
 * lexical form, whatever that form says in Turtle: "0.6"^^xsd:double
 * becomes 0.6, which Turtle reads as an xsd:decimal, and "1"^^xsd:double
 * an xsd:integer.  A double without an exponent is therefore given one
 * ("0.6E0", the same value) before it reaches the serializer.
 */
#include "export-private.h"
#include "rdf-syntax.h"
#include "kgraph/error.h"

#include <raptor2.h>
#include <string.h>

struct _KgRaptorSink {
  raptor_world *world;
  raptor_parser *parser;
  raptor_serializer *serializer;
  char *error;  /* the first message raptor logged at error level */
  GString *pending;
};

#define PENDING_BYTES ((gsize) 1 << 20)

static void
on_log (void *user_data, raptor_log_message *message)
{
  KgRaptorSink *sink = user_data;
  if (message->level >= RAPTOR_LOG_LEVEL_ERROR && sink->error == NULL)
    sink->error = g_strdup (message->text);
}

static gboolean
is_double_without_exponent (const raptor_term *term)
{
  if (term->type != RAPTOR_TERM_TYPE_LITERAL || term->value.literal.datatype == NULL)
    return FALSE;
  const char *datatype = (const char *) raptor_uri_as_string (term->value.literal.datatype);
  const char *lexical = (const char *) term->value.literal.string;
  return strcmp (datatype, KG_XSD_NS "double") == 0 && strpbrk (lexical, "eE") == NULL
         && lexical[strspn (lexical, "+-.0123456789")] == '\0';
}

static void
on_statement (void *user_data, raptor_statement *statement)
{
  KgRaptorSink *sink = user_data;
  if (!is_double_without_exponent (statement->object))
    {
      raptor_serializer_serialize_statement (sink->serializer, statement);
      return;
    }
  g_autofree char *lexical = g_strconcat ((const char *) statement->object->value.literal.string, "E0", NULL);
  raptor_statement with_exponent = *statement;
  with_exponent.object = raptor_new_term_from_literal (sink->world, (const unsigned char *) lexical,
                                                       statement->object->value.literal.datatype, NULL);
  raptor_serializer_serialize_statement (sink->serializer, &with_exponent);
  raptor_free_term (with_exponent.object);
}

static void
declare (KgRaptorSink *sink, const char *prefix, const char *iri)
{
  raptor_uri *uri = raptor_new_uri (sink->world, (const unsigned char *) iri);
  raptor_serializer_set_namespace (sink->serializer, uri, (const unsigned char *) prefix);
  raptor_free_uri (uri);
}

KgRaptorSink *
kg__raptor_sink_new (const char *syntax, const char *base_iri, FILE *out)
{
  KgRaptorSink *sink = g_new0 (KgRaptorSink, 1);
  sink->pending = g_string_new (NULL);
  sink->world = raptor_new_world ();
  raptor_world_set_log_handler (sink->world, sink, on_log);
  sink->parser = raptor_new_parser (sink->world, "ntriples");
  raptor_parser_set_statement_handler (sink->parser, sink, on_statement);
  sink->serializer = raptor_new_serializer (sink->world, syntax);
  g_assert (sink->parser != NULL && sink->serializer != NULL);

  static const char *const standard[][2] = {
    { "rdf", KG_RDF_NS }, { "rdfs", KG_RDFS_NS }, { "xsd", KG_XSD_NS }, { "skos", KG_SKOS_NS },
    { "schema", KG_SCHEMA_NS }, { "prov", KG_PROV_NS }, { "owl", "http://www.w3.org/2002/07/owl#" },
    { "dcterms", "http://purl.org/dc/terms/" }, { "wdt", "http://www.wikidata.org/prop/direct/" },
    { "kg", KG_VOCAB_NS },
  };
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    declare (sink, standard[i][0], standard[i][1]);
  static const char *const sections[] = { "document", "entity", "evidence", "fact", "relation" };
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *iri = g_strdup_printf ("%s%s/", base_iri, sections[i]);
      declare (sink, sections[i], iri);
    }

  raptor_serializer_start_to_file_handle (sink->serializer, NULL, out);
  raptor_uri *base = raptor_new_uri (sink->world, (const unsigned char *) base_iri);
  raptor_parser_parse_start (sink->parser, base);
  raptor_free_uri (base);
  return sink;
}

void
kg__raptor_sink_write (KgRaptorSink *sink, const char *ntriples, gsize length)
{
  if (sink->error != NULL)
    return;
  g_string_append_len (sink->pending, ntriples, length);
  if (sink->pending->len < PENDING_BYTES)
    return;
  raptor_parser_parse_chunk (sink->parser, (const unsigned char *) sink->pending->str, sink->pending->len, 0);
  g_string_truncate (sink->pending, 0);
}

gboolean
kg__raptor_sink_finish (KgRaptorSink *sink, GError **error)
{
  raptor_parser_parse_chunk (sink->parser, (const unsigned char *) sink->pending->str, sink->pending->len, 1);
  g_string_free (sink->pending, TRUE);
  raptor_serializer_serialize_end (sink->serializer);
  gboolean ok = sink->error == NULL;
  if (!ok)
    g_set_error (error, KG_ERROR, KG_ERROR_EXPORT, "raptor could not write the file: %s", sink->error);
  raptor_free_serializer (sink->serializer);
  raptor_free_parser (sink->parser);
  raptor_free_world (sink->world);
  g_free (sink->error);
  g_free (sink);
  return ok;
}
