/* atomic-file.c: temporary file plus rename (see atomic-file.h). */
#include "atomic-file.h"
#include "kgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  if (fd < 0 || (file->stream = fdopen (fd, "w")) == NULL)
    {
      int saved = errno;
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "cannot write '%s': %s", path, g_strerror (saved));
      if (fd >= 0)
        {
          close (fd);
          g_unlink (file->temp_path);
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
    g_unlink (file->temp_path);
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
