/* rdf-vocabulary.c: data/kgraph.ttl, compiled in (scripts/embed-text),
 * parsed once with raptor's Turtle parser into N-Triples statements and
 * the lookups the exporter needs (export stage; see rdf-vocabulary.h). */
#include "rdf-vocabulary.h"
#include "rdf-syntax.h"
#include "vocabulary-ttl.h"

#include <raptor2.h>
#include <string.h>

#define SKOS_NOTATION KG_SKOS_NS "notation"
#define SKOS_CLOSE_MATCH KG_SKOS_NS "closeMatch"
#define RDFS_SUBCLASS_OF KG_RDFS_NS "subClassOf"
#define RDF_TYPE KG_RDF_NS "type"
#define OWL_CLASS "http://www.w3.org/2002/07/owl#Class"
#define WIKIDATA_DIRECT "http://www.wikidata.org/prop/direct/"

static void
append_term (GString *out, const raptor_term *term)
{
  switch (term->type)
    {
    case RAPTOR_TERM_TYPE_URI:
      g_string_append_printf (out, "<%s>", (const char *) raptor_uri_as_string (term->value.uri));
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      kg__rdf_append_literal (out, (const char *) term->value.literal.string);
      if (term->value.literal.language)
        g_string_append_printf (out, "@%s", (const char *) term->value.literal.language);
      else if (term->value.literal.datatype)
        g_string_append_printf (out, "^^<%s>", (const char *) raptor_uri_as_string (term->value.literal.datatype));
      break;
    default:
      /* The exporter never writes blank nodes; the vocabulary has none. */
      g_error ("data/kgraph.ttl: a blank node, which the export cannot carry");
    }
}

static char *
iri_of (const raptor_term *term)
{
  return term->type == RAPTOR_TERM_TYPE_URI
         ? g_strdup_printf ("<%s>", (const char *) raptor_uri_as_string (term->value.uri)) : NULL;
}

static void
add_to_list (GHashTable *table, char *key, char *value)
{
  GPtrArray *list = g_hash_table_lookup (table, key);
  if (list == NULL)
    g_hash_table_insert (table, g_strdup (key), list = g_ptr_array_new_with_free_func (g_free));
  g_ptr_array_add (list, value);
  g_free (key);
}

typedef struct {
  KgRdfVocabulary *vocabulary;
  GHashTable *notations;  /* "<IRI>" -> its skos:notation */
  GHashTable *classes;    /* "<IRI>"s of the owl:Class subjects */
} Parse;

static void
on_statement (void *user_data, raptor_statement *statement)
{
  Parse *parse = user_data;
  KgRdfVocabulary *v = parse->vocabulary;
  GString *line = g_string_new (NULL);
  append_term (line, statement->subject);
  g_string_append_c (line, ' ');
  append_term (line, statement->predicate);
  g_string_append_c (line, ' ');
  append_term (line, statement->object);
  g_string_append (line, " .");
  g_ptr_array_add (v->statements, g_string_free (line, FALSE));

  const char *predicate = (const char *) raptor_uri_as_string (statement->predicate->value.uri);
  const raptor_term *object = statement->object;
  char *subject = iri_of (statement->subject);
  char *object_iri = iri_of (object);
  if (strcmp (predicate, SKOS_NOTATION) == 0 && object->type == RAPTOR_TERM_TYPE_LITERAL)
    g_hash_table_insert (parse->notations, g_steal_pointer (&subject), g_strdup ((const char *) object->value.literal.string));
  else if (strcmp (predicate, RDF_TYPE) == 0 && object_iri && strcmp (object_iri, "<" OWL_CLASS ">") == 0)
    g_hash_table_add (parse->classes, g_steal_pointer (&subject));
  else if (strcmp (predicate, SKOS_CLOSE_MATCH) == 0 && object_iri
           && g_str_has_prefix (object_iri + 1, WIKIDATA_DIRECT))
    g_hash_table_insert (v->wikidata, g_steal_pointer (&subject), g_steal_pointer (&object_iri));
  else if (strcmp (predicate, RDFS_SUBCLASS_OF) == 0 && object_iri && !g_str_has_prefix (object_iri + 1, KG_VOCAB_IRI))
    add_to_list (v->standard_superclasses, g_steal_pointer (&subject), g_steal_pointer (&object_iri));
  g_free (subject);
  g_free (object_iri);
}

static void
on_log (void *user_data, raptor_log_message *message)
{
  if (message->level >= RAPTOR_LOG_LEVEL_WARN)
    g_error ("data/kgraph.ttl:%d: %s", message->locator ? message->locator->line : 0, message->text);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gpointer
parse_vocabulary (gpointer unused)
{
  KgRdfVocabulary *v = g_new0 (KgRdfVocabulary, 1);
  v->statements = g_ptr_array_new_with_free_func (g_free);
  v->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->standard_superclasses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_ptr_array_unref);
  v->wikidata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  raptor_world *world = raptor_new_world ();
  raptor_world_set_log_handler (world, NULL, on_log);
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  Parse parse = { v, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  raptor_parser_set_statement_handler (parser, &parse, on_statement);
  raptor_uri *base = raptor_new_uri (world, (const unsigned char *) KG_VOCAB_IRI);
  raptor_parser_parse_start (parser, base);
  raptor_parser_parse_chunk (parser, (const unsigned char *) kg__vocabulary_ttl, strlen (kg__vocabulary_ttl), 1);
  raptor_free_uri (base);
  raptor_free_parser (parser);
  raptor_free_world (world);

  /* A notation names an entity type on a class, a relation elsewhere. */
  GHashTableIter iter;
  gpointer iri, notation, list;
  g_hash_table_iter_init (&iter, parse.notations);
  while (g_hash_table_iter_next (&iter, &iri, &notation))
    g_hash_table_insert (g_hash_table_contains (parse.classes, iri) ? v->classes : v->relations,
                         g_strdup (notation), g_strdup (iri));
  g_hash_table_unref (parse.notations);
  g_hash_table_unref (parse.classes);
  g_hash_table_iter_init (&iter, v->standard_superclasses);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, compare_strings);
  return v;
}

const KgRdfVocabulary *
kg__rdf_vocabulary_get (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, parse_vocabulary, NULL);
}
