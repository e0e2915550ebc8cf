/* atomic-file.c: temporary file plus rename, and sets of files replaced
 * together (see atomic-file.h). */
#include "atomic-file.h"
#include "kgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temporaries a signal handler removes ------------------------------ */

/* Every temporary file that exists now, for kg_atomic_file_remove_temporaries.
 * Slots are claimed and cleared atomically; the strings they point to are
 * freed only after their slot is cleared.  A temporary that finds no free
 * slot is still removed on every path but a signal. */
#define MAX_TEMPORARIES 256
static char *temporaries[MAX_TEMPORARIES];

static void
register_temporary (char *path)
{
  for (guint i = 0; i < MAX_TEMPORARIES; i++)
    if (g_atomic_pointer_compare_and_exchange (&temporaries[i], NULL, path))
      return;
}

static void
unregister_temporary (const char *path)
{
  for (guint i = 0; path && i < MAX_TEMPORARIES; i++)
    if (g_atomic_pointer_compare_and_exchange (&temporaries[i], (char *) path, NULL))
      return;
}

void
kg_atomic_file_remove_temporaries (void)
{
  for (guint i = 0; i < MAX_TEMPORARIES; i++)
    {
      const char *path = g_atomic_pointer_get (&temporaries[i]);
      if (path)
        unlink (path);
    }
}

/* ---- one file ----------------------------------------------------------- */

struct _KgAtomicFile {
  char *path;       /* the target; NULL for standard output */
  char *temp_path;
  FILE *stream;
};

KgAtomicFile *
kg_atomic_file_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  KgAtomicFile *file = g_new0 (KgAtomicFile, 1);
  if (strcmp (path, "-") == 0)
    {
      file->stream = stdout;
      return file;
    }

  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  file->path = g_strdup (path);
  file->temp_path = g_build_filename (dir, template, NULL);
  int fd = g_mkstemp_full (file->temp_path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd >= 0)
    register_temporary (file->temp_path);
  if (fd < 0 || (file->stream = fdopen (fd, "w")) == NULL)
    {
      int saved = errno;
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s", path, g_strerror (saved));
      if (fd >= 0)
        {
          close (fd);
          g_unlink (file->temp_path);
          unregister_temporary (file->temp_path);
        }
      g_free (file->temp_path);
      file->temp_path = NULL;
      kg_atomic_file_discard (file);
      return NULL;
    }
  /* mkstemp makes 0600; an export is for others to read. */
  fchmod (fd, 0644);
  return file;
}

FILE *
kg_atomic_file_get_stream (KgAtomicFile *file)
{
  return file->stream;
}

/* The set being written, if any (see kg_atomic_set_begin). */
static KgAtomicSet *current_set;
static void set_add (KgAtomicSet *set, const char *target, char *temp_path);

gboolean
kg_atomic_file_commit (KgAtomicFile *file, GError **error)
{
  g_return_val_if_fail (file != NULL, FALSE);

  const char *shown = file->path ? file->path : "standard output";
  gboolean ok = TRUE;
  int saved = 0;
  if (fflush (file->stream) != 0 || ferror (file->stream))
    ok = FALSE, saved = errno;
  if (file->path)
    {
      if (ok && fsync (fileno (file->stream)) != 0)
        ok = FALSE, saved = errno;
      if (fclose (file->stream) != 0 && ok)
        ok = FALSE, saved = errno;
      file->stream = NULL;
      if (ok && current_set)
        {
          /* renamed with the rest of the set, by kg_atomic_set_commit */
          set_add (current_set, file->path, g_steal_pointer (&file->temp_path));
          kg_atomic_file_discard (file);
          return TRUE;
        }
      if (ok && g_rename (file->temp_path, file->path) != 0)
        ok = FALSE, saved = errno;
    }
  if (!ok)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s", shown,
                   saved ? g_strerror (saved) : "write error");
      kg_atomic_file_discard (file);
      return FALSE;
    }
  unregister_temporary (file->temp_path);
  g_free (file->temp_path);
  file->temp_path = NULL;
  kg_atomic_file_discard (file);
  return TRUE;
}

void
kg_atomic_file_discard (KgAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->path && file->stream)
    fclose (file->stream);
  if (file->temp_path)
    {
      g_unlink (file->temp_path);
      unregister_temporary (file->temp_path);
    }
  g_free (file->temp_path);
  g_free (file->path);
  g_free (file);
}

gboolean
kg_atomic_file_write (const char *path, const void *data, gsize length, GError **error)
{
  KgAtomicFile *file = kg_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  if (length > 0 && fwrite (data, 1, length, file->stream) != length)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s", path, g_strerror (errno));
      kg_atomic_file_discard (file);
      return FALSE;
    }
  return kg_atomic_file_commit (file, error);
}

/* ---- a set of files --------------------------------------------------- */

typedef struct {
  char *target;
  char *temp_path;  /* NULL once renamed */
} Staged;

struct _KgAtomicSet {
  GArray *files;  /* Staged */
};

static void
set_add (KgAtomicSet *set, const char *target, char *temp_path)
{
  Staged file = { g_strdup (target), temp_path };
  g_array_append_val (set->files, file);
}

KgAtomicSet *
kg_atomic_set_begin (void)
{
  g_return_val_if_fail (current_set == NULL, NULL);
  current_set = g_new0 (KgAtomicSet, 1);
  current_set->files = g_array_new (FALSE, TRUE, sizeof (Staged));
  return current_set;
}

gboolean
kg_atomic_set_commit (KgAtomicSet *set, GError **error)
{
  g_return_val_if_fail (set != NULL, FALSE);

  /* What would make a rename fail is looked for first, so that a failure
   * leaves every target as it was. */
  for (guint i = 0; i < set->files->len; i++)
    {
      const Staged *file = &g_array_index (set->files, Staged, i);
      struct stat st;
      if (g_lstat (file->target, &st) == 0 && S_ISDIR (st.st_mode))
        {
          g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s", file->target, g_strerror (EISDIR));
          return FALSE;
        }
    }
  for (guint i = 0; i < set->files->len; i++)
    {
      Staged *file = &g_array_index (set->files, Staged, i);
      if (g_rename (file->temp_path, file->target) != 0)
        {
          int saved = errno;
          g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s (%u of %u files replaced)",
                       file->target, g_strerror (saved), i, set->files->len);
          return FALSE;
        }
      unregister_temporary (file->temp_path);
      g_clear_pointer (&file->temp_path, g_free);
    }
  return TRUE;
}

void
kg_atomic_set_free (KgAtomicSet *set)
{
  if (set == NULL)
    return;
  if (current_set == set)
    current_set = NULL;
  for (guint i = 0; i < set->files->len; i++)
    {
      Staged *file = &g_array_index (set->files, Staged, i);
      if (file->temp_path)
        {
          g_unlink (file->temp_path);
          unregister_temporary (file->temp_path);
          g_free (file->temp_path);
        }
      g_free (file->target);
    }
  g_array_unref (set->files);
  g_free (set);
}
