/* kgraph.h: the one header users of the kgraph library include.
 *
 * kgraph reads news articles and builds a knowledge graph of the people,
 * places and organisations in them and the facts that link them.  The
 * stages, in the order data flows through them, each have a header here.
 */
#ifndef KGRAPH_H
#define KGRAPH_H

#include <kgraph/error.h>
#include <kgraph/canonical.h>
#include <kgraph/document.h>   /* what every text stage reads and adds to */
#include <kgraph/reader.h>     /* read: files, HTML, JSON Lines -> sentences, tokens */
#include <kgraph/conllu.h>     /* the interchange format of the text stages */
#include <kgraph/pipeline.h>   /* tags, parse, entities in order */
#include <kgraph/entity.h>
#include <kgraph/extract.h>    /* facts from sentences */
#include <kgraph/graph.h>      /* entities and facts */
#include <kgraph/import.h>     /* triples the user has */
#include <kgraph/export.h>     /* DOT, SVG/PNG/PDF, GraphML, N-Triples */
#include <kgraph/report.h>     /* entity, predicate and document tables */
#include <kgraph/lint.h>       /* checking exports */

#endif
