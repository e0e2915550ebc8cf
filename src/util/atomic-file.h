/* atomic-file.h: write a file completely or not at all.
 *
 * Output goes to a hidden temporary file beside the target; commit flushes,
 * syncs and renames it over the target, discard removes it.  A reader never
 * sees a partial file, and a failed run leaves nothing behind.  The path "-"
 * writes to standard output instead.
 *
 * A set of files is replaced together: between kg_atomic_set_begin and
 * kg_atomic_set_commit, committing a file leaves it in its temporary, and
 * kg_atomic_set_commit renames them all, so that a failure before it
 * leaves every target as it was.  One set at a time, for the whole
 * process: it is the program's (kgraph's writes of a graph), not a library
 * user's.  A program that wants no temporary left behind by a signal calls
 * kg_atomic_file_remove_temporaries from its handler, and blocks the
 * signal around kg_atomic_set_commit.
 */
#ifndef KG_ATOMIC_FILE_H
#define KG_ATOMIC_FILE_H

#include <glib.h>
#include <stdio.h>

typedef struct _KgAtomicFile KgAtomicFile;
typedef struct _KgAtomicSet KgAtomicSet;

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

/* Removes every temporary file that exists now (of open files and staged
 * sets), with unlink() alone: safe to call from a signal handler. */
void kg_atomic_file_remove_temporaries (void);

/* Starts a set: the files committed from now on wait for
 * kg_atomic_set_commit.  Not while another set is open.  (transfer full) */
KgAtomicSet *kg_atomic_set_begin (void);
/* Renames every file of the set over its target.  A target that is a
 * directory fails it before anything is renamed. */
gboolean kg_atomic_set_commit (KgAtomicSet *set, GError **error);
/* Ends the set: removes the temporaries not renamed, and frees it.  NULL
 * is ignored. */
void kg_atomic_set_free (KgAtomicSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgAtomicSet, kg_atomic_set_free)

#endif
