/* lint-rdf.c: a strict N-Triples / N-Quads 1.1 lexer for `kgraph lint`
 * (export stage).  It follows the W3C grammar (RDF 1.1 N-Triples and
 * N-Quads, section "Grammar") line by line and is stricter than rapper
 * (which accepts a missing final '.' and raw line breaks in literals) and
 * rdflib (which accepts surrogate escapes and bad %XX in IRIs): IRIs must
 * be absolute RFC 3987 IRIs (rdf-syntax.c), typed literals of the xsd
 * datatypes must be well-typed, and the file must not start with a BOM.
 */
#include "lint-private.h"
#include "export/export-text.h"
#include "export/rdf-syntax.h"
#include "kgraph/canonical.h"

#include <string.h>

typedef enum { TERM_IRI, TERM_BNODE, TERM_LITERAL } TermKind;

typedef struct {
  KgLintContext *ctx;
  const char *data;
  gsize pos, end;           /* the current line is data[pos..end) */
  gboolean quads;
  gboolean warned_bnode;
  GString *statement;       /* the decoded terms, to find duplicates */
  GHashTable *seen;         /* hash of a statement -> its line number */
} Lexer;

static void
skip_blanks (Lexer *lx)
{
  while (lx->pos < lx->end && (lx->data[lx->pos] == ' ' || lx->data[lx->pos] == '\t'))
    lx->pos++;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Lexer *lx, gsize offset, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  kg__lint_report (lx->ctx, offset, KG_LINT_ERROR, "%s", message);
  return FALSE;
}

/* \uXXXX or \UXXXXXXXX at data[pos] (the backslash): the code point, or
 * (gunichar) -1 after reporting. */
static gunichar
read_uchar (Lexer *lx, gsize *pos)
{
  gsize at = *pos;
  char kind = at + 1 < lx->end ? lx->data[at + 1] : '\0';
  guint digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
  if (digits == 0 || at + 2 + digits > lx->end)
    return fail (lx, at, "bad escape: expected \\uXXXX or \\UXXXXXXXX"), (gunichar) -1;
  gunichar c = 0;
  for (guint i = 0; i < digits; i++)
    {
      char h = lx->data[at + 2 + i];
      if (!g_ascii_isxdigit (h))
        return fail (lx, at, "bad escape: \\%c needs %u hex digits", kind, digits), (gunichar) -1;
      c = c * 16 + g_ascii_xdigit_value (h);
    }
  if (c >= 0xD800 && c <= 0xDFFF)
    return fail (lx, at, "\\%c%.*s encodes a UTF-16 surrogate, not a character: write the code point "
                 "(\\U0001F4F0) or the character itself", kind, digits, lx->data + at + 2), (gunichar) -1;
  if (c > 0x10FFFF)
    return fail (lx, at, "\\%c%.*s is beyond U+10FFFF", kind, digits, lx->data + at + 2), (gunichar) -1;
  *pos = at + 2 + digits;
  return c;
}

/* IRIREF at '<'; the decoded IRI goes to iri. */
static gboolean
read_iri (Lexer *lx, GString *iri)
{
  gsize start = lx->pos, pos = start + 1;
  gboolean escaped = FALSE;
  g_string_truncate (iri, 0);
  while (pos < lx->end && lx->data[pos] != '>')
    {
      if (lx->data[pos] == '\\')
        {
          gunichar c = read_uchar (lx, &pos);
          if (c == (gunichar) -1)
            return FALSE;
          g_string_append_unichar (iri, c);
          escaped = TRUE;
          continue;
        }
      gunichar c = g_utf8_get_char (lx->data + pos);
      if (c <= 0x20 || (c < 0x80 && strchr ("<\"{}|^`", (int) c)))
        {
          g_autofree char *name = kg__lint_describe_char (c);
          return fail (lx, pos, "illegal character %s in an IRI%s", name,
                       c == ' ' ? " (a space: write %20)" : "");
        }
      gsize next = g_utf8_next_char (lx->data + pos) - lx->data;
      g_string_append_len (iri, lx->data + pos, next - pos);
      pos = next;
    }
  if (pos >= lx->end)
    return fail (lx, start, "IRI without a closing '>'");
  gsize where;
  const char *why;
  if (!kg__rdf_iri_check (iri->str, iri->len, &where, &why))
    return fail (lx, escaped ? start : start + 1 + where, "<%s> is not an absolute IRI: %s", iri->str, why);
  lx->pos = pos + 1;
  return TRUE;
}

/* _:label, with '.' allowed inside but not at the end. */
static gboolean
read_bnode (Lexer *lx, GString *label)
{
  gsize start = lx->pos, pos = start + 2;
  if (pos > lx->end || lx->data[start + 1] != ':')
    return fail (lx, start, "expected a blank node label \"_:name\"");
  gsize last_good = pos;
  for (gboolean first = TRUE; pos < lx->end; first = FALSE)
    {
      gunichar c = g_utf8_get_char (lx->data + pos);
      if (!(kg__text_is_xml_name_char (c, first) || (first && c < 0x80 && g_ascii_isdigit (c))))
        break;
      pos = g_utf8_next_char (lx->data + pos) - lx->data;
      if (c != '.')
        last_good = pos;
    }
  if (last_good == start + 2)
    return fail (lx, start, "empty or malformed blank node label");
  g_string_truncate (label, 0);
  g_string_append_len (label, lx->data + start + 2, last_good - start - 2);
  if (!lx->warned_bnode)
    kg__lint_report (lx->ctx, start, KG_LINT_WARNING, "blank node _:%s (the first of the file): legal RDF, "
                     "but kgraph never writes blank nodes, which stores cannot merge across files", label->str);
  lx->warned_bnode = TRUE;
  lx->pos = last_good;
  return TRUE;
}

static gboolean
read_langtag (Lexer *lx, GString *tag)
{
  gsize start = lx->pos, pos = start + 1;
  gboolean ok = TRUE, long_subtag = FALSE;
  for (guint part = 0; ok; part++)
    {
      gsize from = pos;
      while (pos < lx->end && (part == 0 ? g_ascii_isalpha (lx->data[pos]) : g_ascii_isalnum (lx->data[pos])))
        pos++;
      ok = pos > from;
      long_subtag = long_subtag || pos - from > 8;
      if (!ok || pos >= lx->end || lx->data[pos] != '-')
        break;
      pos++;
    }
  if (!ok)
    return fail (lx, start, "malformed language tag (letters, then '-' and letters or digits)");
  g_string_truncate (tag, 0);
  g_string_append_len (tag, lx->data + start + 1, pos - start - 1);
  if (long_subtag)
    kg__lint_report (lx->ctx, start, KG_LINT_WARNING, "language tag @%s has a subtag longer than 8 characters "
                     "(not BCP 47)", tag->str);
  lx->pos = pos;
  return TRUE;
}

static gboolean
read_literal (Lexer *lx, GString *text, GString *annotation)
{
  gsize start = lx->pos, pos = start + 1;
  g_string_truncate (text, 0);
  g_string_truncate (annotation, 0);
  while (pos < lx->end && lx->data[pos] != '"')
    {
      char c = lx->data[pos];
      if (c == '\\')
        {
          char next = pos + 1 < lx->end ? lx->data[pos + 1] : '\0';
          const char *echar = strchr ("tbnrf\"'\\", next);
          if (next == 'u' || next == 'U')
            {
              gunichar u = read_uchar (lx, &pos);
              if (u == (gunichar) -1)
                return FALSE;
              g_string_append_unichar (text, u);
              continue;
            }
          if (next == '\0' || echar == NULL)
            return fail (lx, pos, "invalid escape \\%c in a string: only \\t \\b \\n \\r \\f \\\" \\' \\\\ "
                         "\\uXXXX and \\UXXXXXXXX", next ? next : ' ');
          g_string_append_c (text, "\t\b\n\r\f\"'\\"[echar - "tbnrf\"'\\"]);
          pos += 2;
          continue;
        }
      gsize next = g_utf8_next_char (lx->data + pos) - lx->data;
      g_string_append_len (text, lx->data + pos, next - pos);
      pos = next;
    }
  if (pos >= lx->end)
    return fail (lx, start, "string without a closing '\"' (a raw line break inside a literal? write \\n)");
  lx->pos = pos + 1;

  for (const char *p = text->str; p < text->str + text->len; p = g_utf8_next_char (p))
    if (!kg__text_is_xml_char (g_utf8_get_char (p)))
      {
        g_autofree char *name = kg__lint_describe_char (g_utf8_get_char (p));
        kg__lint_report (lx->ctx, start, KG_LINT_WARNING, "literal contains %s, which XML 1.0 cannot carry "
                         "(RDF/XML, SPARQL XML results)", name);
        break;
      }

  if (lx->pos + 1 < lx->end && lx->data[lx->pos] == '^' && lx->data[lx->pos + 1] == '^')
    {
      lx->pos += 2;
      gsize at = lx->pos;
      if (at >= lx->end || lx->data[at] != '<')
        return fail (lx, at, "expected a datatype IRI after ^^");
      if (!read_iri (lx, annotation))
        return FALSE;
      if (strcmp (annotation->str, KG_RDF_NS "langString") == 0)
        return fail (lx, at, "rdf:langString needs a language tag (\"text\"@en), not ^^");
      if (kg__xsd_check (annotation->str, text->str) == KG_XSD_INVALID)
        return fail (lx, start, "ill-typed literal: \"%s\" is not a valid xsd:%s", text->str,
                     annotation->str + strlen (KG_XSD_NS));
      g_string_prepend (annotation, "^^");
    }
  else if (lx->pos < lx->end && lx->data[lx->pos] == '@')
    {
      if (!read_langtag (lx, annotation))
        return FALSE;
      g_string_prepend_c (annotation, '@');
    }
  return TRUE;
}

/* One term of the kinds allowed; appends its identity to lx->statement. */
static gboolean
read_term (Lexer *lx, gboolean literal_ok, gboolean bnode_ok, const char *role)
{
  g_autoptr (GString) value = g_string_new (NULL), annotation = g_string_new (NULL);
  char c = lx->pos < lx->end ? lx->data[lx->pos] : '\0';
  TermKind kind;
  gboolean ok;
  if (c == '<')
    kind = TERM_IRI, ok = read_iri (lx, value);
  else if (c == '_' && bnode_ok)
    kind = TERM_BNODE, ok = read_bnode (lx, value);
  else if (c == '"' && literal_ok)
    kind = TERM_LITERAL, ok = read_literal (lx, value, annotation);
  else
    return fail (lx, lx->pos, "expected %s as the %s%s", literal_ok ? "an IRI, a blank node or a literal"
                 : bnode_ok ? "an IRI or a blank node" : "an IRI", role,
                 c == '"' ? " (a literal cannot be one)" : c == '\0' ? ", found the end of the line" : "");
  if (!ok)
    return FALSE;
  g_string_append_printf (lx->statement, "%d%s%s%c", kind, value->str, annotation->str, 0x1F);
  return TRUE;
}

static void
check_duplicate (Lexer *lx, gsize start)
{
  guint64 *hash = g_new (guint64, 1);
  *hash = kg_stable_hash (lx->statement->str, lx->statement->len);
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (lx->seen, hash));
  if (line)
    {
      kg__lint_report (lx->ctx, start, KG_LINT_WARNING, "duplicate of the statement on line %u", line);
      g_free (hash);
      return;
    }
  guint here;
  kg__lint_position (lx->ctx, start, &here, NULL);
  g_hash_table_insert (lx->seen, hash, GUINT_TO_POINTER (here));
}

static void
read_statement (Lexer *lx)
{
  skip_blanks (lx);
  if (lx->pos >= lx->end || lx->data[lx->pos] == '#')
    return;
  gsize start = lx->pos;
  g_string_truncate (lx->statement, 0);
  if (!read_term (lx, FALSE, TRUE, "subject"))
    return;
  skip_blanks (lx);
  if (!read_term (lx, FALSE, FALSE, "predicate"))
    return;
  skip_blanks (lx);
  if (!read_term (lx, TRUE, TRUE, "object"))
    return;
  skip_blanks (lx);
  if (lx->quads && lx->pos < lx->end && (lx->data[lx->pos] == '<' || lx->data[lx->pos] == '_'))
    {
      if (!read_term (lx, FALSE, TRUE, "graph label"))
        return;
      skip_blanks (lx);
    }
  if (lx->pos >= lx->end || lx->data[lx->pos] != '.')
    {
      fail (lx, lx->pos, "expected '.' at the end of the %s", lx->quads ? "quad" : "triple");
      return;
    }
  lx->pos++;
  skip_blanks (lx);
  if (lx->pos < lx->end && lx->data[lx->pos] != '#')
    {
      fail (lx, lx->pos, "unexpected text after the final '.' (one statement per line)");
      return;
    }
  check_duplicate (lx, start);
}

void
kg__lint_rdf (KgLintContext *ctx, gboolean quads)
{
  Lexer lx = { ctx, ctx->data, 0, 0, quads, FALSE, g_string_new (NULL),
               g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL) };
  if (ctx->length >= 3 && memcmp (ctx->data, "\xEF\xBB\xBF", 3) == 0)
    {
      kg__lint_report (ctx, 0, KG_LINT_ERROR, "byte order mark: N-Triples files must not start with one "
                       "(rapper rejects it)");
      lx.pos = 3;
    }
  while (lx.pos < ctx->length && !ctx->full)
    {
      /* EOL is any run of CR and LF */
      const char *eol = lx.data + lx.pos;
      while (eol < lx.data + ctx->length && *eol != '\n' && *eol != '\r')
        eol++;
      lx.end = eol - lx.data;
      read_statement (&lx);
      lx.pos = lx.end;
      while (lx.pos < ctx->length && (lx.data[lx.pos] == '\n' || lx.data[lx.pos] == '\r'))
        lx.pos++;
    }
  g_string_free (lx.statement, TRUE);
  g_hash_table_unref (lx.seen);
}
