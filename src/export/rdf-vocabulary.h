/* rdf-vocabulary.h: kgraph's RDF vocabulary, data/kgraph.ttl, compiled
 * into the library and read once with raptor's Turtle parser (export
 * stage).  The RDF exporter copies its statements into every file and
 * takes from it what the data needs: the class of each entity type, the
 * standard classes beside it, and the property of each normalised
 * relation, in kgraph's namespace or Wikidata's.
 */
#ifndef KG_RDF_VOCABULARY_H
#define KG_RDF_VOCABULARY_H

#include <glib.h>

typedef struct {
  /* Every statement of the file as "<s> <p> <o> ." in N-Triples, in the
   * order of the file. */
  GPtrArray *statements;
  /* skos:notation -> "<IRI>" of the class with it (entity types:
   * "PERSON") and of the property with it (normalised relations: "met"). */
  GHashTable *classes;
  GHashTable *relations;
  /* "<IRI>" of a class -> GPtrArray of the "<IRI>"s of its direct
   * superclasses outside the vocabulary (schema:Person), sorted. */
  GHashTable *standard_superclasses;
  /* "<IRI>" of a relation property -> "<IRI>" of its Wikidata property
   * (skos:closeMatch into http://www.wikidata.org/prop/direct/). */
  GHashTable *wikidata;
} KgRdfVocabulary;

/* The vocabulary, parsed at the first call (thread-safe) and kept for the
 * life of the process.  The file is part of the build and tested, so a
 * parse failure is a programmer's mistake and aborts.  (transfer none) */
const KgRdfVocabulary *kg__rdf_vocabulary_get (void);


#endif
