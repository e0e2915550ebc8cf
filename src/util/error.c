/* error.c: the KG_ERROR domain (see kgraph/error.h). */
#include "kgraph/error.h"

G_DEFINE_QUARK (kg-error-quark, kg_error)
