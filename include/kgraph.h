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
#include <kgraph/graph.h>
#include <kgraph/import.h>
#include <kgraph/export.h>
#include <kgraph/lint.h>
#include <kgraph/document.h>
#include <kgraph/reader.h>
#include <kgraph/conllu.h>
#include <kgraph/pipeline.h>
#include <kgraph/extract.h>

#endif
