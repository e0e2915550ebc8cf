/* atomic-file.h: write a file completely or not at all.
 *
 * Output goes to a hidden temporary file beside the target; commit flushes,
 * syncs and renames it over the target, discard removes it.  A reader never
 * sees a partial file, and a failed run leaves nothing behind.  The path "-"
 * writes to standard output instead.
 */
#ifndef KG_ATOMIC_FILE_H
#define KG_ATOMIC_FILE_H

#include <glib.h>
#include <stdio.h>

typedef struct _KgAtomicFile KgAtomicFile;

/* (transfer full); NULL with KG_ERROR_IO if the temporary file cannot be made */
KgAtomicFile *kg_atomic_file_open (const char *path, GError **error);
/* The stream to write to.  (transfer none) */
FILE *kg_atomic_file_get_stream (KgAtomicFile *file);
/* Finishes the file and frees it; on a write error the target is untouched. */
gboolean kg_atomic_file_commit (KgAtomicFile *file, GError **error);
/* Drops what was written and frees the file.  NULL is ignored. */
void kg_atomic_file_discard (KgAtomicFile *file);

/* Writes data as the whole content of path, atomically. */
gboolean kg_atomic_file_write (const char *path, const void *data, gsize length, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgAtomicFile, kg_atomic_file_discard)

#endif
