/* read-input.c: the inputs of the reading stage (see kgraph/reader.h):
 * expanding directories and list files, decoding UTF-16 and UTF-32,
 * telling formats apart by content, refusing binary data and checking UTF-8, then handing the bytes to the
 * reader of their format.  Problems with single documents are collected,
 * not fatal: one bad file or line never stops a batch.
 */
#include "reader-private.h"
#include "util/names.h"
#include "kgraph/conllu.h"
#include "read-file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

struct _KgReader {
  KgInputFormat format;
  char *text_field, *id_field, *title_field, *date_field;
  gboolean lenient;
};

static const char *const format_names[KG_INPUT_FORMAT_N_FORMATS] = {
  "auto", "text", "html", "jsonl", "conllu",
};

const char *
kg_input_format_to_string (KgInputFormat format)
{
  g_return_val_if_fail (format < KG_INPUT_FORMAT_N_FORMATS, "auto");
  return format_names[format];
}

gboolean
kg_input_format_from_string (const char *name, KgInputFormat *format)
{
  g_return_val_if_fail (name != NULL && format != NULL, FALSE);
  int i = kg_name_lookup (format_names, KG_INPUT_FORMAT_N_FORMATS, name);
  if (i >= 0)
    *format = i;
  return i >= 0;
}

/* ---- problems -------------------------------------------------------------- */

void
kg_read_problem_free (KgReadProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
kg_read_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kg_read_problem_free);
}

static void
add_problem (GPtrArray *problems, const char *file, KgError code, guint line, guint64 byte, gboolean skipped,
             char *what)
{
  if (problems == NULL)
    {
      g_free (what);
      return;
    }
  KgReadProblem *problem = g_new0 (KgReadProblem, 1);
  problem->file = g_strdup (file);
  problem->line = line;
  problem->byte = byte;
  problem->code = code;
  problem->skipped = skipped;
  problem->message = line ? g_strdup_printf ("%s:%u: %s", file, line, what) : g_strdup_printf ("%s: %s", file, what);
  g_free (what);
  g_ptr_array_add (problems, problem);
}

void
kg__read_problem (KgReadContext *context, KgError code, guint line, guint64 byte, gboolean skipped,
                  const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *what = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (context->problems, context->display, code, line, byte, skipped, what);
}

/* ---- the reader ------------------------------------------------------------ */

KgReader *
kg_reader_new (void)
{
  KgReader *reader = g_new0 (KgReader, 1);
  reader->format = KG_INPUT_FORMAT_AUTO;
  reader->text_field = g_strdup ("text");
  reader->id_field = g_strdup ("id");
  return reader;
}

void
kg_reader_free (KgReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->text_field);
  g_free (reader->id_field);
  g_free (reader->title_field);
  g_free (reader->date_field);
  g_free (reader);
}

void
kg_reader_set_format (KgReader *reader, KgInputFormat format)
{
  g_return_if_fail (reader != NULL && format < KG_INPUT_FORMAT_N_FORMATS);
  reader->format = format;
}

void
kg_reader_set_fields (KgReader *reader, const char *text_field, const char *id_field, const char *title_field,
                      const char *date_field)
{
  g_return_if_fail (reader != NULL);
  struct { char **field; const char *value; } fields[] = {
    { &reader->text_field, text_field }, { &reader->id_field, id_field },
    { &reader->title_field, title_field }, { &reader->date_field, date_field },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value)
      {
        g_free (*fields[i].field);
        *fields[i].field = g_strdup (fields[i].value);
      }
}

void
kg_reader_set_lenient (KgReader *reader, gboolean lenient)
{
  g_return_if_fail (reader != NULL);
  reader->lenient = lenient;
}

const char *
kg__reader_get_field (const KgReader *reader, guint which)
{
  switch (which)
    {
    case 0: return reader->text_field;
    case 1: return reader->id_field;
    case 2: return reader->title_field;
    default: return reader->date_field;
    }
}

/* ---- expanding inputs ------------------------------------------------------ */

typedef struct {
  GPtrArray *paths;
  GPtrArray *problems;
  GArray *ancestors;   /* dev/ino pairs of the directories being walked */
} Expansion;

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void expand_one (Expansion *expansion, const char *path, guint depth);

static void
expand_directory (Expansion *expansion, const char *path, const struct stat *st, guint depth)
{
  for (guint i = 0; i < expansion->ancestors->len; i += 2)
    if (g_array_index (expansion->ancestors, guint64, i) == (guint64) st->st_dev
        && g_array_index (expansion->ancestors, guint64, i + 1) == (guint64) st->st_ino)
      {
        add_problem (expansion->problems, path, KG_ERROR_IO, 0, G_MAXUINT64, TRUE,
                     g_strdup ("a symbolic-link loop: directory already being read"));
        return;
      }
  if (depth > 64)
    {
      add_problem (expansion->problems, path, KG_ERROR_LIMIT, 0, G_MAXUINT64, TRUE,
                   g_strdup ("directories nested more than 64 deep"));
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      add_problem (expansion->problems, path, KG_ERROR_IO, 0, G_MAXUINT64, TRUE,
                   g_strdup_printf ("cannot read the directory: %s", error->message));
      return;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  guint64 id[2] = { st->st_dev, st->st_ino };
  g_array_append_vals (expansion->ancestors, id, 2);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      expand_one (expansion, child, depth + 1);
    }
  g_array_set_size (expansion->ancestors, expansion->ancestors->len - 2);
}

static void
expand_list (Expansion *expansion, const char *list, guint depth)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = kg_read_file (list, 64 << 20, &error);
  if (bytes == NULL)
    {
      /* The message starts with the file's name, which the problem adds. */
      const char *reason = error->message;
      if (g_str_has_prefix (reason, list) && reason[strlen (list)] == ':')
        reason += strlen (list) + 1;
      add_problem (expansion->problems, list, error->code, 0, G_MAXUINT64, TRUE,
                   g_strdup_printf ("list file:%s", reason));
      return;
    }
  const char *data = g_bytes_get_data (bytes, NULL);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *entry = g_strstrip (lines[i]);
      if (*entry == '\0' || *entry == '#')
        continue;
      if (strcmp (entry, "-") == 0)
        {
          add_problem (expansion->problems, list, KG_ERROR_INPUT, i + 1, G_MAXUINT64, TRUE,
                       g_strdup ("'-' (standard input) cannot be listed in a list file"));
          continue;
        }
      expand_one (expansion, entry, depth + 1);
    }
}

/* path without "." components, repeated or trailing slashes: "./seeds/"
 * and "seeds" name the same files and give the same document ids.  ".."
 * stays, since with symbolic links it does not always undo the component
 * before it.  (transfer full) */
char *
kg_reader_normalize_path (const char *path)
{
  if (strcmp (path, "-") == 0)
    return g_strdup (path);
  GString *out = g_string_new (g_path_is_absolute (path) ? G_DIR_SEPARATOR_S : "");
  gsize root = out->len;
  g_auto (GStrv) parts = g_strsplit (path, G_DIR_SEPARATOR_S, -1);
  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (out->len > root)
        g_string_append_c (out, G_DIR_SEPARATOR);
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static void
expand_one (Expansion *expansion, const char *typed, guint depth)
{
  g_autofree char *path = kg_reader_normalize_path (typed);
  struct stat st;
  if (strcmp (path, "-") != 0 && g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    expand_directory (expansion, path, &st, depth);
  else
    /* Files, standard input, and names that do not exist or cannot be
     * followed: reading them reports what is wrong. */
    g_ptr_array_add (expansion->paths, g_strdup (path));
}

GPtrArray *
kg_reader_expand_inputs (const char *const *inputs, guint n_inputs, GPtrArray *problems)
{
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, NULL);
  Expansion expansion = {
    g_ptr_array_new_with_free_func (g_free), problems, g_array_new (FALSE, FALSE, sizeof (guint64)),
  };
  for (guint i = 0; i < n_inputs; i++)
    {
      if (inputs[i][0] == '@' && inputs[i][1] != '\0')
        expand_list (&expansion, inputs[i] + 1, 0);
      else
        expand_one (&expansion, inputs[i], 0);
    }
  g_array_unref (expansion.ancestors);
  return expansion.paths;
}

/* ---- formats --------------------------------------------------------------- */

static gboolean
has_extension (const char *name, const char *const *extensions)
{
  const char *dot = name ? strrchr (name, '.') : NULL;
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR))
    return FALSE;
  for (guint i = 0; extensions[i]; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
contains_fold (const char *s, gsize n, const char *needle)
{
  gsize m = strlen (needle);
  for (gsize i = 0; i + m <= n; i++)
    if (g_ascii_strncasecmp (s + i, needle, m) == 0)
      return TRUE;
  return FALSE;
}

KgInputFormat
kg_reader_detect_format (const char *name, GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, KG_INPUT_FORMAT_TEXT);
  static const char *const html_ext[] = { "html", "htm", "xhtml", "xht", NULL };
  static const char *const jsonl_ext[] = { "jsonl", "ndjson", "json", NULL };
  static const char *const conllu_ext[] = { "conllu", "conll", NULL };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  const char *head = data + i;
  gsize n = MIN (length - i, 4096);
  if (n == 0)
    {
      /* Nothing but white space: the extension says what it was meant to be. */
      if (has_extension (name, html_ext))
        return KG_INPUT_FORMAT_HTML;
      if (has_extension (name, jsonl_ext))
        return KG_INPUT_FORMAT_JSONL;
      return KG_INPUT_FORMAT_TEXT;
    }

  if (head[0] == '<')
    {
      static const char *const tags[] = {
        "<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<title",
        "<meta", "xhtml", NULL,
      };
      for (guint k = 0; tags[k]; k++)
        if (contains_fold (head, n, tags[k]))
          return KG_INPUT_FORMAT_HTML;
      if (has_extension (name, html_ext))
        return KG_INPUT_FORMAT_HTML;
    }
  if (head[0] == '{')
    {
      /* The first line is one JSON object. */
      const char *nl = memchr (head, '\n', length - i);
      gsize line = nl ? (gsize) (nl - head) : length - i;
      while (line > 0 && g_ascii_isspace (head[line - 1]))
        line--;
      if (line > 1 && head[line - 1] == '}')
        return KG_INPUT_FORMAT_JSONL;
      if (has_extension (name, jsonl_ext))
        return KG_INPUT_FORMAT_JSONL;
    }
  /* CoNLL-U: its comments, or a word line of ten columns. */
  static const char *const conllu_comments[] = { "# newdoc", "# sent_id", "# text =", "# global.columns", NULL };
  for (guint k = 0; conllu_comments[k]; k++)
    if (n >= strlen (conllu_comments[k]) && memcmp (head, conllu_comments[k], strlen (conllu_comments[k])) == 0)
      return KG_INPUT_FORMAT_CONLLU;
  if (g_ascii_isdigit (head[0]))
    {
      const char *nl = memchr (head, '\n', n);
      guint tabs = 0;
      for (const char *p = head; p < (nl ? nl : head + n); p++)
        tabs += *p == '\t';
      if (tabs == 9)
        return KG_INPUT_FORMAT_CONLLU;
    }
  if (has_extension (name, conllu_ext) && head[0] == '#')
    return KG_INPUT_FORMAT_CONLLU;
  return KG_INPUT_FORMAT_TEXT;
}

/* ---- checks ---------------------------------------------------------------- */

/* Binary data: a known file signature, or NUL and other control bytes in
 * the first 8 KiB where text would have none. */
static gboolean
is_binary (const char *data, gsize length, gsize *where)
{
  static const struct { const char *magic; gsize n; } signatures[] = {
    { "%PDF-", 5 }, { "\x89PNG", 4 }, { "GIF8", 4 }, { "\xff\xd8\xff", 3 }, { "PK\x03\x04", 4 },
    { "\x1f\x8b", 2 }, { "\x7f" "ELF", 4 }, { "BZh", 3 }, { "\xfd" "7zXZ", 5 }, { "OggS", 4 },
    { "RIFF", 4 }, { "ID3", 3 },
  };
  for (guint k = 0; k < G_N_ELEMENTS (signatures); k++)
    if (length >= signatures[k].n && memcmp (data, signatures[k].magic, signatures[k].n) == 0)
      {
        *where = 0;
        return TRUE;
      }
  gsize n = MIN (length, 8192), controls = 0, nuls = 0;
  gsize first = G_MAXSIZE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) data[i];
      if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b))
        {
          controls++;
          nuls += c == 0;
          if (first == G_MAXSIZE)
            first = i;
        }
    }
  /* A stray NUL in text is reported as bad text, not as binary. */
  if (controls * 20 > n || nuls > 8)
    {
      *where = first;
      return TRUE;
    }
  return FALSE;
}

GBytes *
kg__read_utf8 (const KgReader *reader, const char *display, GBytes *data, KgBadBytes *bad, GError **error)
{
  gsize length;
  const char *s = g_bytes_get_data (data, &length);
  const char *end;
  memset (bad, 0, sizeof *bad);
  if (g_utf8_validate_len (s, length, &end))
    return g_bytes_ref (data);
  gsize offset = end - s;
  kg_text_position (s, offset, &bad->line, &bad->column);
  bad->first = offset;
  if (!reader->lenient)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT,
                   "%s:%u:%u: %s at byte %" G_GSIZE_FORMAT " (read leniently to replace bad bytes with U+FFFD)",
                   display, bad->line, bad->column, s[offset] == '\0' ? "NUL byte" : "invalid UTF-8", offset);
      return NULL;
    }
  GString *repaired = g_string_sized_new (length + 16);
  gsize i = 0;
  while (i < length)
    {
      if (g_utf8_validate_len (s + i, length - i, &end))
        {
          g_string_append_len (repaired, s + i, length - i);
          break;
        }
      g_string_append_len (repaired, s + i, end - (s + i));
      g_string_append (repaired, "\xef\xbf\xbd");
      bad->count++;
      i = end - s + 1;
    }
  return g_string_free_to_bytes (repaired);
}

/* ---- UTF-16 and UTF-32 ----------------------------------------------------- */

/* The encoding of data when it is UTF-16 or UTF-32: by its byte order
 * mark (*bom its length), or, for UTF-16 without one, by the NUL high
 * bytes of Latin text (at least a quarter of the first 4 KiB's
 * characters, and NUL bytes hardly ever on the other side).  NULL for
 * anything else. */
static const char *
wide_encoding (const char *data, gsize length, gsize *bom)
{
  static const struct { const char *mark; gsize n; const char *encoding; } marks[] = {
    { "\xff\xfe\0\0", 4, "UTF-32LE" }, { "\0\0\xfe\xff", 4, "UTF-32BE" },
    { "\xff\xfe", 2, "UTF-16LE" }, { "\xfe\xff", 2, "UTF-16BE" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (length >= marks[i].n && memcmp (data, marks[i].mark, marks[i].n) == 0)
      {
        *bom = marks[i].n;
        return marks[i].encoding;
      }
  *bom = 0;
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  if (n < 4)
    return NULL;
  gsize zero_even = 0, zero_odd = 0;
  gboolean seen_even[256] = { FALSE }, seen_odd[256] = { FALSE };
  guint distinct_even = 0, distinct_odd = 0;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
      distinct_even += !seen_even[(guchar) data[i]];
      distinct_odd += !seen_odd[(guchar) data[i + 1]];
      seen_even[(guchar) data[i]] = seen_odd[(guchar) data[i + 1]] = TRUE;
    }
  gsize pairs = n / 2;
  /* Latin text: many NUL high bytes.  Text of one other alphabet
   * (Cyrillic, Greek, Arabic...): high bytes of two or three values, NUL
   * among them (spaces, line ends), and never a NUL low byte. */
  if ((zero_odd * 4 >= pairs && zero_even * 8 <= zero_odd)
      || (zero_odd > 0 && zero_even == 0 && distinct_odd <= 3 && distinct_even > 4 * distinct_odd))
    return "UTF-16LE";
  if ((zero_even * 4 >= pairs && zero_odd * 8 <= zero_even)
      || (zero_even > 0 && zero_odd == 0 && distinct_even <= 3 && distinct_odd > 4 * distinct_even))
    return "UTF-16BE";
  return NULL;
}

/* Control characters in text where text has none. */
static gboolean
has_controls (const char *text, gsize length)
{
  for (gsize i = 0; i < MIN (length, 8192); i++)
    {
      guchar c = text[i];
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        return TRUE;
    }
  return FALSE;
}

/* data decoded from a wide encoding into UTF-8, with a note among the
 * problems; NULL and *error when it has a byte order mark but does not
 * decode; NULL alone when it is not a wide encoding (or, without a mark,
 * does not decode: it is then treated as any other bytes).
 * (transfer full) */
static GBytes *
decode_wide (const char *display, const char *data, gsize length, GPtrArray *problems, GError **error)
{
  gsize bom;
  const char *encoding = wide_encoding (data, length, &bom);
  if (encoding == NULL)
    return NULL;
  /* A file cut in the middle of its last character (an odd number of
   * bytes of UTF-16) is decoded without it, and said so; before, an odd
   * length hid the encoding and the file was refused as binary data. */
  gsize unit = strstr (encoding, "32") ? 4 : 2;
  gsize cut = (length - bom) % unit;
  gsize read = 0, written = 0;
  g_autoptr (GError) conversion = NULL;
  char *utf8 = g_convert (data + bom, length - bom - cut, "UTF-8", encoding, &read, &written, &conversion);
  if (utf8 && bom == 0 && has_controls (utf8, written))
    {
      /* a guess without a mark that gives no text: not UTF-16 after all */
      g_free (utf8);
      return NULL;
    }
  if (utf8 == NULL)
    {
      if (bom > 0)
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT,
                     "%s: %s text (by its byte order mark) that does not decode at byte %" G_GSIZE_FORMAT
                     ": %s", display, encoding, bom + read, conversion->message);
      return NULL;
    }
  add_problem (problems, display, KG_ERROR_INPUT, 0, G_MAXUINT64, FALSE,
               g_strdup_printf ("decoded from %s (%s); offsets point into the UTF-8 decoding", encoding,
                                bom ? "byte order mark" : "no byte order mark, found by its NUL bytes"));
  if (cut > 0)
    add_problem (problems, display, KG_ERROR_INPUT, 0, length - cut, FALSE,
                 g_strdup_printf ("cut short: the last %" G_GSIZE_FORMAT " byte%s (from byte %" G_GSIZE_FORMAT
                                  ") %s not a whole %s character, left out", cut, cut == 1 ? "" : "s",
                                  length - cut, cut == 1 ? "is" : "are", encoding));
  /* g_convert ends the text with a NUL, which every document's bytes have */
  return g_bytes_new_take (utf8, written);
}

/* ---- reading --------------------------------------------------------------- */

GPtrArray *
kg_reader_read_bytes (const KgReader *reader, const char *name, GBytes *bytes, GPtrArray *problems,
                      GError **error)
{
  g_return_val_if_fail (reader != NULL && name != NULL && bytes != NULL, NULL);
  const char *display = kg_read_file_display_name (name);
  g_autoptr (GError) wide_error = NULL;
  g_autoptr (GBytes) wide = decode_wide (display, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         problems, &wide_error);
  if (wide_error)
    {
      g_propagate_error (error, g_steal_pointer (&wide_error));
      return NULL;
    }
  if (wide)
    bytes = wide;
  KgInputFormat format = reader->format ? reader->format : kg_reader_detect_format (name, bytes);
  if (format == KG_INPUT_FORMAT_CONLLU)
    return kg_conllu_read_bytes (name, bytes, error);

  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize where;
  if (is_binary (data, length, &where))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT,
                   "%s: binary data, not text (control bytes from byte %" G_GSIZE_FORMAT ")", display, where);
      return NULL;
    }

  KgReadContext context = {
    reader, name, display, problems, g_ptr_array_new_with_free_func ((GDestroyNotify) kg_document_free),
  };
  g_autoptr (GPtrArray) documents = context.documents;
  g_autoptr (GBytes) checked = NULL;
  g_autoptr (GBytes) transcoded = NULL;
  g_autofree char *charset = NULL;
  if (format == KG_INPUT_FORMAT_HTML && !g_utf8_validate_len (data, length, NULL)
      && (transcoded = kg__html_transcode (bytes, &charset)) != NULL)
    {
      kg__read_problem (&context, KG_ERROR_INPUT, 0, G_MAXUINT64, FALSE,
                        "transcoded from %s; offsets point into the UTF-8 transcoding", charset);
      bytes = transcoded;
    }
  if (format != KG_INPUT_FORMAT_JSONL || reader->lenient)
    {
      KgBadBytes bad;
      checked = kg__read_utf8 (reader, display, bytes, &bad, error);
      if (checked == NULL)
        return NULL;
      if (bad.count > 0)
        kg__read_problem (&context, KG_ERROR_INPUT, bad.line, bad.first, FALSE,
                          "%u invalid UTF-8 or NUL byte%s replaced by U+FFFD, the first at column %u (byte %"
                          G_GSIZE_FORMAT "); offsets point into the repaired text",
                          bad.count, bad.count == 1 ? "" : "s", bad.column, bad.first);
    }
  else
    checked = g_bytes_ref (bytes);

  if (format != KG_INPUT_FORMAT_JSONL && g_bytes_get_size (checked) > KG_READER_MAX_DOCUMENT_BYTES)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_LIMIT,
                   "%s: %" G_GSIZE_FORMAT " bytes, beyond the limit of %" G_GSIZE_FORMAT
                   " bytes for one document (from byte %" G_GSIZE_FORMAT ")",
                   display, g_bytes_get_size (checked), (gsize) KG_READER_MAX_DOCUMENT_BYTES,
                   (gsize) KG_READER_MAX_DOCUMENT_BYTES);
      return NULL;
    }

  gboolean ok;
  switch (format)
    {
    case KG_INPUT_FORMAT_HTML:
      ok = kg__read_html (&context, checked, error);
      break;
    case KG_INPUT_FORMAT_JSONL:
      ok = kg__read_jsonl (&context, checked, error);
      break;
    default:
      ok = kg__read_text (&context, checked, error);
      break;
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&documents);
}

GPtrArray *
kg_reader_read_file (const KgReader *reader, const char *path, GPtrArray *problems, GError **error)
{
  g_return_val_if_fail (reader != NULL && path != NULL, NULL);
  g_autoptr (GBytes) bytes = kg_read_file (path, KG_READER_MAX_FILE_BYTES, error);
  if (bytes == NULL)
    return NULL;
  return kg_reader_read_bytes (reader, path, bytes, problems, error);
}
