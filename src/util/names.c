/* names.c: enum names (see names.h). */
#include "names.h"

int
kg_name_lookup (const char *const *names, guint n, const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return (int) i;
  return -1;
}
