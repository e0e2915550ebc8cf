/* lint-dot.c: Graphviz DOT files for `kgraph lint` (export stage).
 *
 * Two passes.  A small DOT lexer (the token rules of Graphviz's "The DOT
 * Language" page) finds positions: strings with raw control characters,
 * label-like values with backslash escapes Graphviz alters or entities it
 * decodes (the rules of dot-syntax.c, which the exporter writes by),
 * quoted values that look like HTML-like labels, HTML-like labels that are
 * not well-formed XML (Graphviz parses them with expat) or use elements
 * Graphviz does not know, more than one graph, and a charset other than
 * UTF-8.  Then cgraph itself parses the file, and its errors and warnings
 * are reported with the line it names.
 */
#include "lint-private.h"
#include "export/dot-syntax.h"
#include "export/export-cgraph.h"
#include "export/export-text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

typedef enum { TOKEN_ID, TOKEN_STRING, TOKEN_HTML, TOKEN_PUNCT, TOKEN_END, TOKEN_BAD } TokenKind;

typedef struct {
  TokenKind kind;
  gsize start, end;  /* bytes; strings and HTML include their delimiters */
} Token;

typedef struct {
  KgLintContext *ctx;
  const char *data;
  gsize length, pos;
} Lexer;

/* Attributes whose values Graphviz shows as text (escString). */
static const char *const text_attributes[] = {
  "label", "xlabel", "headlabel", "taillabel", "tooltip", "edgetooltip", "labeltooltip",
  "headtooltip", "tailtooltip",
};

/* The elements of Graphviz's HTML-like labels (lib/common/htmllex.c). */
static const char *const html_elements[] = {
  "TABLE", "TR", "TD", "TH", "FONT", "B", "I", "U", "O", "S", "SUB", "SUP", "BR", "HR", "VR", "IMG",
};

/* Skips white space and comments; FALSE after reporting an unterminated
 * comment. */
static gboolean
skip_space (Lexer *lx)
{
  const char *d = lx->data;
  while (lx->pos < lx->length)
    {
      gsize p = lx->pos;
      gboolean line_start = p == 0 || d[p - 1] == '\n';
      if (g_ascii_isspace (d[p]))
        lx->pos++;
      else if (d[p] == '/' && p + 1 < lx->length && d[p + 1] == '/')
        {
          const char *nl = memchr (d + p, '\n', lx->length - p);
          lx->pos = nl ? (gsize) (nl - d) : lx->length;
        }
      else if (d[p] == '#' && line_start)
        {
          /* a C preprocessor output line */
          const char *nl = memchr (d + p, '\n', lx->length - p);
          lx->pos = nl ? (gsize) (nl - d) : lx->length;
        }
      else if (d[p] == '/' && p + 1 < lx->length && d[p + 1] == '*')
        {
          const char *close = g_strstr_len (d + p + 2, lx->length - p - 2, "*/");
          if (close == NULL)
            {
              kg__lint_report (lx->ctx, p, KG_LINT_ERROR, "comment without a closing */");
              return FALSE;
            }
          lx->pos = close + 2 - d;
        }
      else
        break;
    }
  return TRUE;
}

static gboolean
is_id_char (guchar c, gboolean first)
{
  return g_ascii_isalpha (c) || c == '_' || c >= 0x80 || (!first && g_ascii_isdigit (c));
}

static Token
next_token (Lexer *lx)
{
  Token t = { TOKEN_END, lx->length, lx->length };
  if (!skip_space (lx))
    return (Token) { TOKEN_BAD, lx->pos, lx->pos };
  if (lx->pos >= lx->length)
    return t;
  const char *d = lx->data;
  gsize p = lx->pos;
  t.start = p;
  guchar c = d[p];
  if (c == '"')
    {
      for (p++; p < lx->length && d[p] != '"'; p++)
        if (d[p] == '\\' && p + 1 < lx->length)
          p++;
      if (p >= lx->length)
        {
          kg__lint_report (lx->ctx, t.start, KG_LINT_ERROR, "string without a closing '\"'");
          return (Token) { TOKEN_BAD, t.start, lx->length };
        }
      t.kind = TOKEN_STRING, t.end = p + 1;
    }
  else if (c == '<')
    {
      guint depth = 0;
      for (; p < lx->length; p++)
        if (d[p] == '<')
          depth++;
        else if (d[p] == '>' && --depth == 0)
          break;
      if (p >= lx->length)
        {
          kg__lint_report (lx->ctx, t.start, KG_LINT_ERROR, "HTML-like label without its closing '>'");
          return (Token) { TOKEN_BAD, t.start, lx->length };
        }
      t.kind = TOKEN_HTML, t.end = p + 1;
    }
  else if (is_id_char (c, TRUE) || g_ascii_isdigit (c) || c == '.' || c == '-')
    {
      if (c == '-' && p + 1 < lx->length && (d[p + 1] == '>' || d[p + 1] == '-'))
        t.kind = TOKEN_PUNCT, t.end = p + 2;
      else
        {
          for (p++; p < lx->length && (is_id_char (d[p], FALSE) || d[p] == '.'); p++)
            ;
          t.kind = TOKEN_ID, t.end = p;
        }
    }
  else if (strchr ("{}[]=;,:+", c))
    t.kind = TOKEN_PUNCT, t.end = p + 1;
  else
    {
      g_autofree char *name = kg__lint_describe_char (g_utf8_get_char (d + p));
      kg__lint_report (lx->ctx, p, KG_LINT_ERROR, "unexpected character %s outside a string", name);
      return (Token) { TOKEN_BAD, p, p };
    }
  lx->pos = t.end;
  return t;
}

/* The text of an ID or string token, without quotes or escaped quotes and
 * line continuations.  (transfer full) */
static char *
token_text (const Lexer *lx, const Token *t)
{
  if (t->kind != TOKEN_STRING)
    return g_strndup (lx->data + t->start, t->end - t->start);
  GString *text = g_string_new (NULL);
  for (gsize p = t->start + 1; p < t->end - 1; p++)
    {
      if (lx->data[p] == '\\' && lx->data[p + 1] == '"')
        continue;
      if (lx->data[p] == '\\' && lx->data[p + 1] == '\n')
        {
          p++;
          continue;
        }
      if (lx->data[p] == '\\' && lx->data[p + 1] == '\r' && lx->data[p + 2] == '\n')
        {
          p += 2;
          continue;
        }
      g_string_append_c (text, lx->data[p]);
    }
  return g_string_free (text, FALSE);
}

static gboolean
report_long_run (Lexer *lx, gsize start)
{
  kg__lint_report (lx->ctx, start, KG_LINT_ERROR, "more than %u bytes of a string without a backslash: "
                   "Graphviz cannot read the file (\"longer than 16384?\"); break the run with \\n or a "
                   "line continuation (backslash, line feed)", KG_DOT_MAX_RUN_BYTES);
  return TRUE;
}

/* Raw characters in any string: the ones the exporter drops are errors, a
 * raw line break a warning (the exporter writes \n), a run too long for
 * Graphviz's scanner an error. */
static void
check_string_characters (Lexer *lx, const Token *t)
{
  const char *d = lx->data;
  gsize run_start = t->start + 1;
  gboolean run_reported = FALSE;
  for (gsize p = t->start + 1; p < t->end - 1;)
    {
      if (!run_reported && p - run_start > KG_DOT_MAX_RUN_BYTES)
        run_reported = report_long_run (lx, run_start);
      if (d[p] == '\\')
        {
          /* an escape pair, or a line continuation (backslash, CR? LF) */
          p = d[p + 1] == '\r' && d[p + 2] == '\n' ? p + 3 : (gsize) (g_utf8_next_char (d + p + 1) - d);
          run_start = p;
          continue;
        }
      gunichar c = g_utf8_get_char (d + p);
      if (c == '\n' || c == '\r')
        kg__lint_report (lx->ctx, p, KG_LINT_WARNING, "raw line break inside a string: write \\n");
      else if (c != '\t' && kg__text_is_dropped (c))
        {
          g_autofree char *name = kg__lint_describe_char (c);
          kg__lint_report (lx->ctx, p, KG_LINT_ERROR, "control character %s inside a string: Graphviz "
                           "shows it as garbage and SVG output cannot carry it", name);
        }
      p = c == '\r' && d[p + 1] == '\n' ? p + 2 : (gsize) (g_utf8_next_char (d + p) - d);
    }
  if (!run_reported && t->end - 1 - run_start > KG_DOT_MAX_RUN_BYTES)
    report_long_run (lx, run_start);
}

/* Escapes, entities and HTML look-alikes in a label-like value. */
static void
check_text_value (Lexer *lx, const Token *t, const char *attribute)
{
  for (gsize p = t->start + 1; p < t->end - 1; p++)
    {
      const char *at = lx->data + p;
      if (*at == '\\')
        {
          gunichar next = g_utf8_get_char (at + 1);
          if (next != '\n' && next != '\r' && kg__dot_escape_kind (next) == KG_DOT_ESCAPE_DROPPED)
            {
              char shown[8] = { 0 };
              g_unichar_to_utf8 (next, shown);
              kg__lint_report (lx->ctx, p, KG_LINT_WARNING, "%s: Graphviz drops this backslash and shows "
                               "'\\%s' as '%s' (write \\\\ for a backslash)", attribute, shown, shown);
            }
          p = g_utf8_next_char (at + 1) - lx->data - 1;
        }
      else if (*at == '&')
        {
          gunichar decoded;
          gsize n = kg__dot_entity_length (at, &decoded);
          if (n > 0 && !kg__dot_entity_is_ours (at, n))
            {
              char shown[8] = { 0 };
              g_unichar_to_utf8 (decoded, shown);
              kg__lint_report (lx->ctx, p, KG_LINT_WARNING, "%s: Graphviz shows the entity %.*s as '%s' "
                               "(write &amp;%.*s for the text itself)", attribute, (int) n, at, shown,
                               (int) n - 1, at + 1);
            }
        }
    }
  g_autofree char *text = token_text (lx, t);
  if (kg__dot_text_looks_like_html (text, strlen (text)))
    kg__lint_report (lx->ctx, t->start, KG_LINT_WARNING, "%s: a quoted value that looks like an HTML-like "
                     "label: Graphviz shows the tags as text, pydot-based tools read HTML (write &lt; and "
                     "&gt;, or use <...> without quotes for HTML)", attribute);
}

/* ---- HTML-like labels --------------------------------------------------- */

typedef struct {
  gsize at;      /* offset in the parsed text */
  gssize delta;  /* its length there minus its length in the file */
} Shift;

typedef struct {
  char *message;
  int line, column;
  char *entity;   /* for an undefined entity: its name, to point at its '&' */
} XmlProblem;

/* The element the label's content is parsed in. */
#define WRAPPER "kgraph-label"

static void
collect_xml_error (void *data, xmlErrorPtr error)
{
  XmlProblem *first = data;
  if (first->message || error->level < XML_ERR_ERROR)
    return;
  if (error->code == XML_ERR_TAG_NAME_MISMATCH && g_strcmp0 (error->str2, WRAPPER) == 0)
    first->message = g_strdup_printf ("<%s> is not closed", error->str1);
  else if (error->code == XML_ERR_TAG_NAME_MISMATCH && g_strcmp0 (error->str1, WRAPPER) == 0)
    first->message = g_strdup_printf ("</%s> closes no element", error->str2);
  else
    first->message = g_strchomp (g_strdup (error->message ? error->message : "not well-formed"));
  if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY)
    first->entity = g_strdup_printf ("&%s;", error->str1 ? error->str1 : "");
  first->line = error->line;
  first->column = error->int2;
}

/* The file offset of a position in the parsed text, which is the label's
 * content in the wrapper element, with HTML entities as numeric
 * references. */
static gsize
html_file_offset (const Token *t, const GString *doc, GArray *shifts, int line, int column)
{
  gsize offset = 0;
  for (int l = 1; l < line && offset < doc->len; offset++)
    if (doc->str[offset] == '\n')
      l++;
  for (int c = 1; c < column && offset < doc->len && doc->str[offset] != '\n'; c++)
    offset = g_utf8_next_char (doc->str + offset) - doc->str;
  gsize prefix = strlen ("<" WRAPPER ">");
  if (offset < prefix)
    return t->start;
  gssize shift = 0;
  for (guint i = 0; i < shifts->len; i++)
    if (g_array_index (shifts, Shift, i).at < offset)
      shift += g_array_index (shifts, Shift, i).delta;
  return MIN (t->start + 1 + (offset - prefix) - shift, t->end - 1);
}

static void
check_html_elements (Lexer *lx, const Token *t, xmlNodePtr node)
{
  for (; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      gboolean known = node->parent && node->parent->type == XML_DOCUMENT_NODE;  /* our wrapper */
      for (guint i = 0; i < G_N_ELEMENTS (html_elements) && !known; i++)
        known = g_ascii_strcasecmp ((const char *) node->name, html_elements[i]) == 0;
      if (!known)
        {
          g_autofree char *needle = g_strdup_printf ("<%s", node->name);
          const char *at = g_strstr_len (lx->data + t->start + 1, t->end - t->start - 1, needle);
          kg__lint_report (lx->ctx, at ? (gsize) (at - lx->data) : t->start, KG_LINT_ERROR,
                           "<%s> is not an element of Graphviz's HTML-like labels", node->name);
        }
      check_html_elements (lx, t, node->children);
    }
}

/* Graphviz parses an HTML-like label as XML (with expat), knowing HTML's
 * entities; so do we, with HTML entities turned into numeric references. */
static void
check_html (Lexer *lx, const Token *t)
{
  g_autoptr (GString) doc = g_string_new ("<" WRAPPER ">");
  g_autoptr (GArray) shifts = g_array_new (FALSE, FALSE, sizeof (Shift));
  for (gsize p = t->start + 1; p < t->end - 1; p++)
    {
      gunichar c;
      gsize n = lx->data[p] == '&' && lx->data[p + 1] != '#' ? kg__dot_entity_length (lx->data + p, &c) : 0;
      if (n == 0)
        {
          g_string_append_c (doc, lx->data[p]);
          continue;
        }
      gsize before = doc->len;
      g_string_append_printf (doc, "&#%u;", c);
      Shift shift = { before, (gssize) (doc->len - before) - (gssize) n };
      g_array_append_val (shifts, shift);
      p += n - 1;
    }
  g_string_append (doc, "</" WRAPPER ">");

  XmlProblem problem = { NULL, 0, 0, NULL };
  xmlSetStructuredErrorFunc (&problem, collect_xml_error);
  xmlDocPtr parsed = xmlReadMemory (doc->str, doc->len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (problem.message)
    {
      gsize at = html_file_offset (t, doc, shifts, problem.line, problem.column);
      /* libxml2 reports an undefined entity after reading it */
      const char *entity = problem.entity ? g_strrstr_len (lx->data + t->start, at + 1 - t->start, problem.entity) : NULL;
      kg__lint_report (lx->ctx, entity ? (gsize) (entity - lx->data) : at, KG_LINT_ERROR,
                       "HTML-like label is not well-formed: %s", problem.message);
    }
  else if (parsed)
    check_html_elements (lx, t, xmlDocGetRootElement (parsed));
  g_free (problem.message);
  g_free (problem.entity);
  xmlFreeDoc (parsed);
}

/* ---- the token pass ----------------------------------------------------- */

static gboolean
is_text_attribute (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_attributes); i++)
    if (strcmp (name, text_attributes[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_punct (const Lexer *lx, const Token *t, char c)
{
  return t->kind == TOKEN_PUNCT && lx->data[t->start] == c;
}

/* Returns FALSE when a token could not be read: cgraph's parse would only
 * repeat the problem, less precisely. */
static gboolean
check_tokens (Lexer *lx)
{
  Token previous[2] = { { TOKEN_PUNCT, 0, 0 }, { TOKEN_PUNCT, 0, 0 } };
  g_autofree char *attribute = NULL;  /* set while reading a value (and its + parts) */
  int depth = 0;
  gboolean graph_done = FALSE;
  for (;;)
    {
      Token t = next_token (lx);
      if (t.kind == TOKEN_BAD)
        return FALSE;
      if (t.kind == TOKEN_END)
        return TRUE;
      if (graph_done)
        {
          kg__lint_report (lx->ctx, t.start, KG_LINT_ERROR, "text after the end of the graph (a second graph?): "
                           "Graphviz tools read only the first");
          return TRUE;
        }
      if (t.kind == TOKEN_STRING)
        check_string_characters (lx, &t);
      else if ((t.kind == TOKEN_HTML || t.kind == TOKEN_ID) && t.end - t.start > KG_DOT_MAX_RUN_BYTES)
        kg__lint_report (lx->ctx, t.start, KG_LINT_ERROR, "%s of %" G_GSIZE_FORMAT " bytes: Graphviz cannot "
                         "read a token longer than %u bytes (\"longer than 16384?\")",
                         t.kind == TOKEN_HTML ? "an HTML-like label" : "an ID", t.end - t.start,
                         KG_DOT_MAX_RUN_BYTES);
      if (t.kind == TOKEN_HTML)
        check_html (lx, &t);

      /* name = value: previous[1] is '=' and previous[0] the name */
      if (is_punct (lx, &previous[1], '=') && (previous[0].kind == TOKEN_ID || previous[0].kind == TOKEN_STRING))
        {
          g_free (attribute);
          attribute = token_text (lx, &previous[0]);
          if (strcmp (attribute, "charset") == 0)
            {
              g_autofree char *value = token_text (lx, &t);
              if (g_ascii_strcasecmp (value, "UTF-8") != 0 && g_ascii_strcasecmp (value, "utf8") != 0)
                kg__lint_report (lx->ctx, t.start, KG_LINT_ERROR, "charset \"%s\": the file is UTF-8, so "
                                 "Graphviz would misread its text (use charset=\"UTF-8\")", value);
            }
        }
      else if (!(is_punct (lx, &previous[1], '+') && t.kind == TOKEN_STRING)
               && !(is_punct (lx, &t, '+') && previous[1].kind == TOKEN_STRING))
        g_clear_pointer (&attribute, g_free);
      if (attribute && t.kind == TOKEN_STRING && is_text_attribute (attribute))
        check_text_value (lx, &t, attribute);

      if (is_punct (lx, &t, '{'))
        depth++;
      else if (is_punct (lx, &t, '}') && --depth == 0)
        graph_done = TRUE;
      previous[0] = previous[1];
      previous[1] = t;
    }
}

/* ---- cgraph's parse ------------------------------------------------------- */

/* cgraph's messages look like "Error: syntax error in line 3 near 'x'". */
static void
report_cgraph_message (KgLintContext *ctx, const char *line_text)
{
  KgLintSeverity severity = g_str_has_prefix (line_text, "Warning") ? KG_LINT_WARNING : KG_LINT_ERROR;
  const char *text = strchr (line_text, ':') ? strchr (line_text, ':') + 1 : line_text;
  while (*text == ' ')
    text++;
  const char *in_line = strstr (text, "in line ");
  guint line = in_line ? (guint) g_ascii_strtoull (in_line + 8, NULL, 10) : 0;
  if (line == 0)
    {
      kg__lint_report (ctx, 0, severity, "Graphviz: %s", text);
      return;
    }
  /* The token cgraph quotes, on that line or, since its parser may have
   * read ahead past line ends, on one of the two before. */
  gsize offset = kg__lint_offset_of (ctx, line, 1);
  const char *quote = strchr (text, '\'');
  const char *name = quote ? quote + 1 : NULL, *name_end = name ? strchr (name, '\'') : NULL;
  g_autofree char *token = name_end && name_end > name ? g_strndup (name, name_end - name) : NULL;
  for (guint back = 0; token && back < 3 && back < line; back++)
    {
      gsize start = kg__lint_offset_of (ctx, line - back, 1);
      const char *nl = memchr (ctx->data + start, '\n', ctx->length - start);
      gsize line_length = (nl ? (gsize) (nl - ctx->data) : ctx->length) - start;
      const char *hit = g_strrstr_len (ctx->data + start, line_length, token);
      if (hit)
        {
          offset = hit - ctx->data;
          break;
        }
    }
  /* the position replaces cgraph's line number in the message */
  g_autoptr (GString) message = g_string_new (text);
  const char *where = strstr (message->str, " in line ");
  if (where)
    {
      gsize from = where - message->str, to = from + 9;
      while (to < message->len && g_ascii_isdigit (message->str[to]))
        to++;
      if (g_str_has_prefix (message->str + to, " of input"))
        to += 9;
      g_string_erase (message, from, to - from);
    }
  kg__lint_report (ctx, offset, severity, "Graphviz: %s", message->str);
}

static void
check_with_cgraph (KgLintContext *ctx)
{
  g_autofree char *text = g_strndup (ctx->data, ctx->length);
  kg__cgraph_begin_messages ();
  Agraph_t *g = agmemread (text);
  g_autofree char *messages = kg__cgraph_end_messages ();
  if (g)
    agclose (g);
  g_auto (GStrv) lines = g_strsplit (messages, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      report_cgraph_message (ctx, lines[i]);
  if (g == NULL && *messages == '\0')
    kg__lint_report (ctx, ctx->length, KG_LINT_ERROR, "no graph in the file");
}

void
kg__lint_dot (KgLintContext *ctx)
{
  Lexer lx = { ctx, ctx->data, ctx->length, 0 };
  if (ctx->length >= 3 && memcmp (ctx->data, "\xEF\xBB\xBF", 3) == 0)
    {
      kg__lint_report (ctx, 0, KG_LINT_ERROR, "byte order mark: Graphviz reads it as part of the first word");
      return;
    }
  if (check_tokens (&lx))
    check_with_cgraph (ctx);
}
