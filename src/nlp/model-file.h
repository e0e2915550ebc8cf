/* model-file.h: trained model files, mapped read-only.
 *
 * A model file is a header and named sections:
 *
 *   "KGMODEL\0"            8 bytes, the magic tag
 *   format version         uint32, KG_MODEL_FORMAT_VERSION when written
 *   kind                   uint32 length + bytes: "tagger", "parser", ...
 *   feature-set hash       uint64: kg_stable_hash of the feature templates
 *   section count          uint32
 *   sections               per section: name (uint32 length + bytes),
 *                          offset and length (uint64 each)
 *   data                   each section 8-byte aligned
 *
 * All integers little-endian.  A file is only ever written by `kgraph
 * train` and loaded with GMappedFile, so loading costs no copying, and one
 * loaded model can be shared read-only by every thread.
 */
#ifndef KG_MODEL_FILE_H
#define KG_MODEL_FILE_H

#include <glib.h>

G_BEGIN_DECLS

#define KG_MODEL_FORMAT_VERSION 1

typedef struct _KgModel KgModel;

/* Maps path and checks it is a model of this kind made with these
 * features.  Fails with KG_ERROR_MODEL naming the file for a missing or
 * truncated file, a wrong magic tag, a format version from the future, the
 * wrong kind, or another feature set (retrain with this version).
 * (transfer full) */
KgModel *kg_model_open (const char *path, const char *kind, guint64 feature_hash, GError **error);
/* The same for a model held in memory; name stands for the path in
 * messages.  (transfer full) */
KgModel *kg_model_new_from_bytes (GBytes *bytes, const char *name, const char *kind, guint64 feature_hash,
                                  GError **error);
void kg_model_free (KgModel *model);

const char *kg_model_get_path (const KgModel *model);
gboolean kg_model_has_section (const KgModel *model, const char *name);
/* The bytes of a section; NULL with KG_ERROR_MODEL if the model lacks it. */
const void *kg_model_get_section (const KgModel *model, const char *name, gsize *length, GError **error);
/* A section of lines "key<TAB>value" (split at the last tab; lines without
 * one are skipped) as a table of strings; NULL with KG_ERROR_MODEL if the
 * model lacks it.  (transfer full) */
GHashTable *kg_model_get_table (const KgModel *model, const char *name, GError **error);

/* Building a model file (used by the trainers). */
typedef struct _KgModelWriter KgModelWriter;
KgModelWriter *kg_model_writer_new (const char *kind, guint64 feature_hash);
/* Adds a section; the data is copied. */
void kg_model_writer_add (KgModelWriter *writer, const char *name, const void *data, gsize length);
/* The file's bytes; frees the writer.  (transfer full) */
GBytes *kg_model_writer_finish (KgModelWriter *writer);
void kg_model_writer_free (KgModelWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgModel, kg_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgModelWriter, kg_model_writer_free)

G_END_DECLS

#endif
