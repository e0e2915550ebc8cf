/* fuzz-import.c: the TSV importer (kg import), which reads a path: the
 * input goes to a memory file named by /proc/self/fd. */
#include "fuzz.h"

#include <sys/mman.h>
#include <unistd.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static int fd = -1;
  if (fd < 0)
    fd = memfd_create ("fuzz.tsv", 0);
  if (fd < 0 || ftruncate (fd, 0) != 0 || pwrite (fd, data, size, 0) != (ssize_t) size)
    abort ();
  g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autoptr (KgGraph) graph = kg_graph_new ();
  g_autoptr (GError) error = NULL;
  (void) kg_import_tsv (graph, path, &error);
  return 0;
}
