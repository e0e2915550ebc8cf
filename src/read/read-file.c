/* read-file.c: reading input files whole, with clear errors (see read-file.h). */
#include "read-file.h"
#include "kgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
kg_read_file_display_name (const char *path)
{
  return strcmp (path, "-") == 0 ? "standard input" : path;
}

static GBytes *
read_stream (int fd, const char *path, gsize max_bytes, GError **error)
{
  GByteArray *buffer = g_byte_array_new ();
  guint8 chunk[65536];
  for (;;)
    {
      ssize_t n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: cannot read: %s",
                       kg_read_file_display_name (path), g_strerror (errno));
          g_byte_array_unref (buffer);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_bytes)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_LIMIT, "%s: larger than the limit of %" G_GSIZE_FORMAT " bytes",
                       kg_read_file_display_name (path), max_bytes);
          g_byte_array_unref (buffer);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  /* A NUL after the data, not counted, so that text can be read as a string. */
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  gsize length = buffer->len - 1;
  guint8 *data = g_byte_array_free (buffer, FALSE);
  return g_bytes_new_with_free_func (data, length, g_free, data);
}

GBytes *
kg_read_file (const char *path, gsize max_bytes, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, "-") == 0)
    return read_stream (STDIN_FILENO, path, max_bytes, error);

  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: cannot open: %s", path, g_strerror (errno));
      return NULL;
    }
  /* Pipes and devices are fine (process substitution); directories are not. */
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_IO, "%s: is a directory, not a file", path);
      close (fd);
      return NULL;
    }
  GBytes *bytes = read_stream (fd, path, max_bytes, error);
  close (fd);
  return bytes;
}

void
kg_text_position (const char *data, gsize offset, guint *line, guint *column)
{
  guint l = 1, c = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        l++, c = 1;
      else if (((guint8) data[i] & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

gboolean
kg_check_utf8 (const char *path, const char *data, gsize length, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  /* A byte order mark says what the text is instead. */
  static const struct { const char *mark; gsize n; const char *encoding; } marks[] = {
    { "\xff\xfe\0\0", 4, "UTF-32LE" }, { "\0\0\xfe\xff", 4, "UTF-32BE" },
    { "\xff\xfe", 2, "UTF-16LE" }, { "\xfe\xff", 2, "UTF-16BE" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (length >= marks[i].n && memcmp (data, marks[i].mark, marks[i].n) == 0)
      {
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT,
                     "%s:1:1: %s text (by its byte order mark), not UTF-8: convert it first "
                     "(iconv -f %s -t UTF-8)", kg_read_file_display_name (path), marks[i].encoding,
                     marks[i].encoding);
        return FALSE;
      }
  gsize offset = end - data;
  guint line, column;
  kg_text_position (data, offset, &line, &column);
  g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s:%u:%u: %s at byte %" G_GSIZE_FORMAT,
               kg_read_file_display_name (path), line, column,
               data[offset] == '\0' ? "NUL byte" : "invalid UTF-8", offset);
  return FALSE;
}

GBytes *
kg_read_text_file (const char *path, gsize max_bytes, GError **error)
{
  g_autoptr (GBytes) bytes = kg_read_file (path, max_bytes, error);
  if (bytes == NULL)
    return NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (!kg_check_utf8 (path, data, length, error))
    return NULL;
  return g_steal_pointer (&bytes);
}
