/* names.h: looking up the name of an enum value in its table of names
 * (formats, stages, entity types, tags). */
#ifndef KG_NAMES_H
#define KG_NAMES_H

#include <glib.h>

/* The index of name in names[0..n), ignoring ASCII case; -1 if absent. */
int kg_name_lookup (const char *const *names, guint n, const char *name);

#endif
