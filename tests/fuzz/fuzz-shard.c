/* fuzz-shard.c: the shard reader (kgraph merge), which reads a path: the
 * input goes to a memory file named by /proc/self/fd; each document read
 * is added to a graph, so that what the reader accepts is what the graph
 * can take. */
#include "fuzz.h"
#include "graph/shard.h"

#include <sys/mman.h>
#include <unistd.h>

static void
add (KgDelta *delta, gpointer graph)
{
  kg_delta_apply (delta, graph);
  kg_delta_free (delta);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static int fd = -1;
  if (fd < 0)
    fd = memfd_create ("fuzz.kgshard", 0);
  if (fd < 0 || ftruncate (fd, 0) != 0 || pwrite (fd, data, size, 0) != (ssize_t) size)
    abort ();
  g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autoptr (KgGraph) graph = kg_graph_new ();
  g_autoptr (GError) error = NULL;
  (void) kg_shard_read (path, add, graph, &error);
  (void) kg_graph_get_edges (graph);
  return 0;
}
