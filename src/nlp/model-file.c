/* model-file.c: the container of every trained model (see model-file.h).
 *
 * A model file is read into memory advised for huge pages rather than
 * mapped: scoring reads a few bytes here and there from megabytes of
 * weights, and in 4 KB pages nearly every such read also missed the TLB
 * (a page walk, dearer still in a virtual machine).  The memory is
 * private, read-only once filled, and shared by every thread.
 */
#include "model-file.h"
#include "kgraph/error.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char magic[8] = "KGMODEL";

struct _KgModel {
  char *path;
  GBytes *bytes;  /* of the mapped file, or in memory */
  const guint8 *data;
  gsize length;
  GHashTable *sections;  /* name -> Section */
};

typedef struct {
  guint64 offset, length;
} Section;

/* A cursor over the header that never reads past the end. */
typedef struct {
  const guint8 *data;
  gsize length, pos;
  gboolean truncated;
} Cursor;

static gboolean
take (Cursor *c, void *out, gsize n)
{
  if (c->truncated || c->length - c->pos < n)
    {
      c->truncated = TRUE;
      return FALSE;
    }
  memcpy (out, c->data + c->pos, n);
  c->pos += n;
  return TRUE;
}

static guint32
take_u32 (Cursor *c)
{
  guint32 v = 0;
  take (c, &v, 4);
  return GUINT32_FROM_LE (v);
}

static guint64
take_u64 (Cursor *c)
{
  guint64 v = 0;
  take (c, &v, 8);
  return GUINT64_FROM_LE (v);
}

/* A length-prefixed string of at most 255 bytes. */
static char *
take_string (Cursor *c)
{
  guint32 n = take_u32 (c);
  if (n > 255 || c->truncated || c->length - c->pos < n)
    {
      c->truncated = TRUE;
      return NULL;
    }
  char *s = g_strndup ((const char *) c->data + c->pos, n);
  c->pos += n;
  return s;
}

static gboolean
fail (GError **error, const char *path, const char *what)
{
  g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: %s", path, what);
  return FALSE;
}

static gboolean
parse_header (KgModel *model, const char *kind, guint64 feature_hash, GError **error)
{
  Cursor c = { model->data, model->length, 0, FALSE };
  char tag[8];
  if (!take (&c, tag, sizeof tag) || memcmp (tag, magic, sizeof magic) != 0)
    return fail (error, model->path, c.truncated ? "truncated model file (no header)"
                                                 : "not a kgraph model file (wrong magic tag)");
  guint32 version = take_u32 (&c);
  g_autofree char *file_kind = take_string (&c);
  guint64 file_hash = take_u64 (&c);
  guint32 n_sections = take_u32 (&c);
  if (c.truncated)
    return fail (error, model->path, "truncated model file (header)");
  if (version > KG_MODEL_FORMAT_VERSION)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL,
                   "%s: model format version %u is newer than this kgraph reads (%u): upgrade kgraph",
                   model->path, version, KG_MODEL_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    return fail (error, model->path, "bad model format version 0");
  if (strcmp (file_kind, kind) != 0)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: a %s model, expected a %s model",
                   model->path, file_kind, kind);
      return FALSE;
    }
  if (file_hash != feature_hash)
    return fail (error, model->path,
                 "trained with another feature set than this kgraph uses: retrain it (scripts/train-models)");

  for (guint32 i = 0; i < n_sections; i++)
    {
      g_autofree char *name = take_string (&c);
      Section section = { take_u64 (&c), 0 };
      section.length = take_u64 (&c);
      if (c.truncated)
        return fail (error, model->path, "truncated model file (section table)");
      if (section.offset > model->length || section.length > model->length - section.offset)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: truncated model file (section '%s' ends past the end)",
                       model->path, name);
          return FALSE;
        }
      /* Sections are read in place as arrays of integers: one off the
       * 8-byte alignment the writer keeps would be misaligned loads (found
       * by fuzzing; UBSan reports them, some machines trap). */
      if (section.offset % 8 != 0)
        {
          g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: corrupt model file (section '%s' at byte %"
                       G_GUINT64_FORMAT ", not 8-byte aligned)", model->path, name, section.offset);
          return FALSE;
        }
      g_hash_table_insert (model->sections, g_steal_pointer (&name), g_memdup2 (&section, sizeof section));
    }
  return TRUE;
}

KgModel *
kg_model_new_from_bytes (GBytes *bytes, const char *name, const char *kind, guint64 feature_hash,
                         GError **error)
{
  g_return_val_if_fail (bytes != NULL && name != NULL && kind != NULL, NULL);

  KgModel *model = g_new0 (KgModel, 1);
  model->path = g_strdup (name);
  model->bytes = g_bytes_ref (bytes);
  model->data = g_bytes_get_data (bytes, &model->length);
  model->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!parse_header (model, kind, feature_hash, error))
    {
      kg_model_free (model);
      return NULL;
    }
  return model;
}

#define HUGE_PAGE_SIZE ((gsize) 2 << 20)

typedef struct {
  void *start;
  gsize length;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *m = data;
  munmap (m->start, m->length);
  g_free (m);
}

/* The whole file in anonymous memory aligned to a huge page and advised
 * for huge pages (where the kernel has them: transparent huge pages in
 * "madvise" or "always" mode), then made read-only.  NULL with errno set
 * on failure. */
static GBytes *
read_into_huge_pages (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = S_ISREG (st.st_mode) ? errno : EINVAL;
      close (fd);
      errno = saved;
      return NULL;
    }
  gsize length = st.st_size;
  gsize mapped = (length + 2 * HUGE_PAGE_SIZE - 1) & ~(HUGE_PAGE_SIZE - 1);
  char *start = mmap (NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED)
    {
      int saved = errno;
      close (fd);
      errno = saved;
      return NULL;
    }
  char *data = (char *) (((guintptr) start + HUGE_PAGE_SIZE - 1) & ~(guintptr) (HUGE_PAGE_SIZE - 1));
  madvise (data, MAX (length, 1), MADV_HUGEPAGE); /* advice: no harm where refused */
  gsize done = 0;
  while (done < length)
    {
      ssize_t n = read (fd, data + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO; /* the file shrank while read */
          close (fd);
          munmap (start, mapped);
          errno = saved;
          return NULL;
        }
      done += n;
    }
  close (fd);
  mprotect (start, mapped, PROT_READ);
  Mapping *m = g_new (Mapping, 1);
  *m = (Mapping) { start, mapped };
  return g_bytes_new_with_free_func (data, length, mapping_free, m);
}

KgModel *
kg_model_open (const char *path, const char *kind, guint64 feature_hash, GError **error)
{
  g_return_val_if_fail (path != NULL && kind != NULL, NULL);

  g_autoptr (GBytes) bytes = read_into_huge_pages (path);
  if (bytes == NULL)
    {
      int saved = errno;
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: cannot open the %s model: %s", path, kind,
                   g_strerror (saved));
      return NULL;
    }
  return kg_model_new_from_bytes (bytes, path, kind, feature_hash, error);
}

void
kg_model_free (KgModel *model)
{
  if (model == NULL)
    return;
  g_hash_table_unref (model->sections);
  g_bytes_unref (model->bytes);
  g_free (model->path);
  g_free (model);
}

const char *
kg_model_get_path (const KgModel *model)
{
  return model->path;
}

gboolean
kg_model_has_section (const KgModel *model, const char *name)
{
  return g_hash_table_contains (model->sections, name);
}

const void *
kg_model_get_section (const KgModel *model, const char *name, gsize *length, GError **error)
{
  const Section *section = g_hash_table_lookup (model->sections, name);
  if (section == NULL)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: the model has no '%s' section", model->path, name);
      return NULL;
    }
  *length = section->length;
  return model->data + section->offset;
}

GHashTable *
kg_model_get_table (const KgModel *model, const char *name, GError **error)
{
  gsize length;
  const char *data = kg_model_get_section (model, name, &length, error);
  if (data == NULL)
    return NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *copy = g_strndup (data, length);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *tab = strrchr (lines[i], '\t');
      if (tab == NULL)
        continue;
      *tab = '\0';
      g_hash_table_insert (table, g_strdup (lines[i]), g_strdup (tab + 1));
    }
  return table;
}

/* ---- writing ------------------------------------------------------------- */

struct _KgModelWriter {
  char *kind;
  guint64 feature_hash;
  GPtrArray *names;
  GPtrArray *blobs;  /* GBytes */
};

KgModelWriter *
kg_model_writer_new (const char *kind, guint64 feature_hash)
{
  KgModelWriter *writer = g_new0 (KgModelWriter, 1);
  writer->kind = g_strdup (kind);
  writer->feature_hash = feature_hash;
  writer->names = g_ptr_array_new_with_free_func (g_free);
  writer->blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  return writer;
}

void
kg_model_writer_free (KgModelWriter *writer)
{
  if (writer == NULL)
    return;
  g_free (writer->kind);
  g_ptr_array_unref (writer->names);
  g_ptr_array_unref (writer->blobs);
  g_free (writer);
}

void
kg_model_writer_add (KgModelWriter *writer, const char *name, const void *data, gsize length)
{
  g_return_if_fail (strlen (name) <= 255);
  g_ptr_array_add (writer->names, g_strdup (name));
  g_ptr_array_add (writer->blobs, g_bytes_new (data, length));
}

static void
put_u32 (GByteArray *out, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_u64 (GByteArray *out, guint64 v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
put_string (GByteArray *out, const char *s)
{
  put_u32 (out, strlen (s));
  g_byte_array_append (out, (const guint8 *) s, strlen (s));
}

static gsize
aligned (gsize n)
{
  return (n + 7) & ~(gsize) 7;
}

GBytes *
kg_model_writer_finish (KgModelWriter *writer)
{
  GByteArray *out = g_byte_array_new ();
  g_byte_array_append (out, (const guint8 *) magic, sizeof magic);
  put_u32 (out, KG_MODEL_FORMAT_VERSION);
  put_string (out, writer->kind);
  put_u64 (out, writer->feature_hash);
  put_u32 (out, writer->names->len);

  /* The section table's size is known before the offsets it holds. */
  gsize table = 0;
  for (guint i = 0; i < writer->names->len; i++)
    table += 4 + strlen (writer->names->pdata[i]) + 16;
  gsize offset = aligned (out->len + table);
  for (guint i = 0; i < writer->names->len; i++)
    {
      gsize length = g_bytes_get_size (writer->blobs->pdata[i]);
      put_string (out, writer->names->pdata[i]);
      put_u64 (out, offset);
      put_u64 (out, length);
      offset = aligned (offset + length);
    }
  for (guint i = 0; i < writer->blobs->len; i++)
    {
      static const guint8 zeros[8] = { 0 };
      g_byte_array_append (out, zeros, aligned (out->len) - out->len);
      gsize length;
      const guint8 *data = g_bytes_get_data (writer->blobs->pdata[i], &length);
      g_byte_array_append (out, data, length);
    }
  kg_model_writer_free (writer);
  return g_byte_array_free_to_bytes (out);
}
