/* shard.h: the documents of a partial build, to merge later (`kgraph build
 * --shard`, `kgraph merge`).
 *
 * A shard holds, for each document, what it adds to a graph (a delta:
 * its record and content hash, its mentions, its facts with evidence), so
 * that merging shards in any grouping builds the graph one build of all
 * the documents would.  The format is JSON Lines, documented in
 * docs/shard-format.md: a header line, one line per document, and an end
 * line that counts them, so that a truncated shard is told apart.
 */
#ifndef KG_SHARD_H
#define KG_SHARD_H

#include "pipeline-pool.h"

#define KG_SHARD_FORMAT "kgraph-shard"
#define KG_SHARD_VERSION 1
/* The longest line a reader accepts: far above what one document of at
 * most 8 MiB of text gives. */
#define KG_SHARD_MAX_LINE ((gsize) 512 << 20)

typedef struct _KgShardWriter KgShardWriter;

/* A shard written to a temporary beside path, renamed over it by commit;
 * "-" writes to standard output.  (transfer full) */
KgShardWriter *kg_shard_writer_open (const char *path, GError **error);
/* Appends a document.  FALSE on a write error. */
gboolean kg_shard_writer_add (KgShardWriter *writer, const KgDelta *delta, GError **error);
/* Writes the end line, closes and renames the file, and frees writer. */
gboolean kg_shard_writer_commit (KgShardWriter *writer, GError **error);
/* Drops what was written.  NULL is ignored. */
void kg_shard_writer_discard (KgShardWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgShardWriter, kg_shard_writer_discard)

/* Reads the shard at path ("-": standard input), handing each document's
 * delta to func in file order.  FALSE with KG_ERROR_IO, or KG_ERROR_INPUT
 * naming the file, line and byte offset, when it cannot be read or is not
 * a complete shard; the documents before the problem were handed over. */
gboolean kg_shard_read (const char *path, KgDeltaFunc func, gpointer user_data, GError **error);

#endif
