/* rdf-syntax.h: the lexical rules of RDF 1.1 N-Triples / N-Quads that the
 * RDF exporter writes by and `kgraph lint` checks by (export stage).
 *
 *   IRIs      RFC 3987 absolute IRIs (scheme, legal characters, %XX);
 *             local names we mint are slugs of RFC 3986 unreserved bytes
 *   literals  "..." with the ECHARs \b \t \n \f \r \" \\ and \uXXXX for the
 *             other C0 controls and DEL (the escaping of RDF 1.2's canonical
 *             N-Triples and RDF Dataset Canonicalization); other characters
 *             as raw UTF-8
 *   xsd       lexical forms of the XML Schema datatypes RDF stores check
 */
#ifndef KG_RDF_SYNTAX_H
#define KG_RDF_SYNTAX_H

#include <glib.h>

#define KG_RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define KG_RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define KG_XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define KG_SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define KG_SCHEMA_NS "http://schema.org/"
#define KG_PROV_NS "http://www.w3.org/ns/prov#"
/* kgraph's own vocabulary (data/kgraph.ttl): fixed, whatever the base IRI
 * of the data, so that every export and the published file agree. */
#define KG_VOCAB_NS "https://kgraph.example.org/ontology#"
/* The IRI of the vocabulary itself (its owl:Ontology); every term's IRI
 * starts with it. */
#define KG_VOCAB_IRI "https://kgraph.example.org/ontology"

/* Appends the slug of a key: a space becomes '_', every byte outside
 * RFC 3986's unreserved set A-Z a-z 0-9 - . ~ becomes %XX with upper-case
 * hex, and '_' itself becomes %5F, so that different keys never share a
 * slug. */
void kg__rdf_append_slug (GString *out, const char *key);

/* Appends text (valid UTF-8) as a quoted N-Triples string. */
void kg__rdf_append_literal (GString *out, const char *text);

/* Checks that iri (length bytes of UTF-8, escapes already decoded) is an
 * absolute RFC 3987 IRI.  On failure returns FALSE, the byte offset of the
 * problem in *where and a description in *why (static). */
gboolean kg__rdf_iri_check (const char *iri, gsize length, gsize *where, const char **why);

/* The datatypes whose lexical forms kg__xsd_check knows. */
typedef enum {
  KG_XSD_VALID,
  KG_XSD_INVALID,
  KG_XSD_UNKNOWN,  /* not a datatype we check */
} KgXsdResult;

/* Checks lexical against the XML Schema datatype with this IRI: integers
 * (with the ranges of int, long, short, byte and the unsigned and signed
 * subtypes), decimal, double, float, boolean, date, dateTime,
 * dateTimeStamp, time, gYear, gYearMonth (days checked against the month
 * and leap years). */
KgXsdResult kg__xsd_check (const char *datatype_iri, const char *lexical);

#endif
