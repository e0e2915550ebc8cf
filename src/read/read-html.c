/* read-html.c: HTML and XHTML in (reading stage): the article's text,
 * title, date and byline from a web page (with read-html-page.c, which
 * finds the article and the metadata, and read-html-align.c, which finds
 * the text in the source).
 *
 * Parsing: libxml2's HTML parser in recover mode, with network access off
 * and no entity loading, on bytes that are UTF-8 already (read-input.c
 * checks them; a page that declares another charset is transcoded first).
 * An XHTML page's internal DTD subset is blanked out before parsing, so
 * that its entities (an XML bomb) are neither expanded nor read as text.
 * Nesting beyond the parser's limit (256) ends the page there, reported.
 *
 * The article (read-html-page.c) is walked in document order: block
 * elements (p, h1-h6, li, blockquote, div, td, br ...) make the blocks,
 * separated by blank lines in the working text; headings and list items
 * keep that as a hint for cleaning, bylines and captions are furniture.
 * Every text node of the page, kept or not, is found in the source
 * (read-html-align.c), so that each character of the article maps to its
 * bytes in the HTML.  If a text node cannot be found (libxml2 repaired
 * something), the document keeps the extracted text instead of the HTML as
 * its original bytes, paragraphs separated by blank lines, and a problem
 * says so.
 */
#include "read-html-private.h"
#include "read-file.h"

#include <libxml/HTMLparser.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define MAX_ANCESTORS 256

/* ---- building the working text ---------------------------------------------- */

typedef struct {
  KgHtmlSource source;  /* the page being matched, and how far */
  gboolean aligned;     /* every text node so far was found */
  KgText *text;         /* built from raw while aligned */
  GString *extracted;   /* the kept text as libxml2 gave it, for the fallback */
  GArray *extracted_blocks;  /* KgBlock in extracted */
  gsize block_work, block_extracted;  /* where the open block started, or G_MAXSIZE */
  KgBlockHint block_hint;
  gsize failed_at;      /* byte of raw where alignment failed */
} Builder;

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static void
close_block (Builder *b)
{
  if (b->block_work == G_MAXSIZE)
    return;
  if (b->aligned)
    kg__text_add_block (b->text, b->block_work, b->text->text->len, b->block_hint);
  KgBlock block = { b->block_extracted, b->extracted->len, b->block_hint };
  if (block.end > block.start)
    g_array_append_val (b->extracted_blocks, block);
  b->block_work = G_MAXSIZE;
}

/* The hint for a block that starts inside node. */
static KgBlockHint
hint_of (xmlNode *node, xmlNode *root)
{
  guint steps = 0;
  KgBlockHint hint = KG_BLOCK_TEXT;
  gboolean innermost = TRUE;
  for (xmlNode *n = node; n && n->type == XML_ELEMENT_NODE && steps < MAX_ANCESTORS; n = n->parent, steps++)
    {
      static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
      if (kg__html_name_is (n, "figcaption") || kg__html_name_is (n, "address") || (n != root && kg__html_classed (n, kg__html_furniture_words)))
        return KG_BLOCK_FURNITURE;
      if (innermost && kg__html_name_in (n, headings))
        hint = KG_BLOCK_HEADING;
      else if (hint == KG_BLOCK_TEXT && kg__html_name_is (n, "li"))
        hint = KG_BLOCK_ITEM;
      if (kg__html_name_in (n, kg__html_block_elements))
        innermost = FALSE;
      if (n == root)
        break;
    }
  return hint;
}

static void
add_text (Builder *b, xmlNode *node, xmlNode *root)
{
  const char *content = (const char *) node->content;
  if (b->block_work == G_MAXSIZE)
    {
      /* A new block: blank lines before it in both texts. */
      b->block_hint = hint_of (node->parent, root);
      if (b->aligned && b->text->text->len > 0)
        kg__text_append_replacement (b->text, "\n\n", 2, b->source.cursor, 0);
      if (b->extracted->len > 0)
        g_string_append (b->extracted, "\n\n");
      b->block_extracted = b->extracted->len;
      b->block_work = b->aligned ? b->text->text->len : 0;
    }
  g_string_append (b->extracted, content);
  if (b->aligned && !kg__html_align (&b->source, content, FALSE, b->text))
    {
      b->aligned = FALSE;
      b->failed_at = b->source.cursor;
    }
}

/* Walks the whole page in document order: aligns every text node, and adds
 * those of the article that are not dropped. */
static void
build (Builder *b, xmlDoc *doc, xmlNode *root)
{
  xmlNode *top = (xmlNode *) doc;
  guint dropped = 0;
  gboolean inside = FALSE;
  for (xmlNode *n = doc->children; n;)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          if (n == root)
            inside = TRUE;
          if (kg__html_is_dropped (n) && n != root)
            dropped++;
          if (inside && kg__html_name_in (n, kg__html_block_elements))
            close_block (b);
          if (n->children)
            {
              n = n->children;
              continue;
            }
          if (kg__html_is_dropped (n) && n != root)
            dropped--;
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content && !is_blank ((const char *) n->content))
        {
          gboolean raw_text = n->type == XML_CDATA_SECTION_NODE || (n->parent && (kg__html_name_is (n->parent, "script") || kg__html_name_is (n->parent, "style")));
          if (inside && !dropped && !raw_text)
            add_text (b, n, root);
          else if (b->aligned && !kg__html_align (&b->source, (const char *) n->content, raw_text, NULL))
            {
              b->aligned = FALSE;
              b->failed_at = b->source.cursor;
            }
        }
      /* Leave elements on the way up. */
      while (n && n != top && n->next == NULL)
        {
          n = n->parent;
          if (n == NULL || n == top)
            break;
          if (inside && kg__html_name_in (n, kg__html_block_elements))
            close_block (b);
          if (kg__html_is_dropped (n) && n != root)
            dropped--;
          if (n == root)
            inside = FALSE;
        }
      n = (n == NULL || n == top) ? NULL : n->next;
    }
  close_block (b);
}

/* ---- the document ----------------------------------------------------------- */

/* A copy of the page with the internal subset of its DOCTYPE ("[ <!ENTITY
 * ...> ]") turned into spaces, or NULL if it has none.  libxml2's HTML
 * parser does not expand those entities, but it reads the subset as text;
 * blanking keeps every other byte where it was. */
static char *
blank_internal_subset (const char *data, gsize length)
{
  gsize n = MIN (length, 4096);
  gsize i = 0;
  while (i + 9 <= n && g_ascii_strncasecmp (data + i, "<!DOCTYPE", 9) != 0)
    i++;
  if (i + 9 > n)
    return NULL;
  gsize j = i + 9;
  while (j < length && data[j] != '[' && data[j] != '>')
    j++;
  if (j >= length || data[j] != '[')
    return NULL;
  const char *close = g_strstr_len (data + j, length - j, "]>");
  if (close == NULL)
    {
      const char *bracket = memchr (data + j, ']', length - j);
      if (bracket == NULL)
        return NULL;
      close = bracket;
    }
  gsize end = close - data + 1;
  char *copy = g_malloc (length + 1);
  memcpy (copy, data, length);
  copy[length] = '\0';
  for (gsize k = j; k < end; k++)
    if (copy[k] != '\n')
      copy[k] = ' ';
  return copy;
}

static char *
clean_title (const char *title)
{
  if (title == NULL)
    return NULL;
  g_autofree char *copy = g_strstrip (g_strdup (title));
  return *copy ? g_steal_pointer (&copy) : NULL;
}

gboolean
kg__read_html (KgReadContext *context, GBytes *bytes, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  if (length > G_MAXINT)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_LIMIT, "%s: too large for the HTML parser", context->display);
      return FALSE;
    }
  /* The parser sees the page with its DTD's internal subset blanked out
   * (same length, so offsets stay); the document keeps the original. */
  g_autofree char *blanked = blank_internal_subset (data, length);
  const char *parsed = blanked ? blanked : data;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                | HTML_PARSE_IGNORE_ENC;
  htmlParserCtxtPtr parser = htmlNewParserCtxt ();
  if (parser == NULL)
    g_error ("out of memory");
  g_autoptr (xmlDoc) doc = htmlCtxtReadMemory (parser, parsed, (int) length, NULL, "UTF-8", options);
  const xmlError *parse_error = xmlCtxtGetLastError (parser);
  guint depth_line = 0;
  if (parse_error && parse_error->level == XML_ERR_FATAL && parse_error->message
      && strstr (parse_error->message, "depth"))
    depth_line = MAX (parse_error->line, 1);
  htmlFreeParserCtxt (parser);
  if (doc == NULL)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: not HTML that libxml2 can read", context->display);
      return FALSE;
    }

  KgHtmlPage page = {
    .articles = g_ptr_array_new (), .p_scores = g_hash_table_new (NULL, NULL), .p_parents = g_ptr_array_new (),
  };
  kg__html_survey (&page, doc);
  xmlNode *root = kg__html_choose_root (&page, doc);

  Builder b = {
    .source = { parsed, length, 0 }, .aligned = TRUE, .text = kg__text_new (length / 4),
    .extracted = g_string_new (NULL), .extracted_blocks = g_array_new (FALSE, FALSE, sizeof (KgBlock)),
    .block_work = G_MAXSIZE,
  };
  if (root)
    build (&b, doc, root);

  g_autoptr (KgText) text = NULL;
  g_autoptr (GBytes) original = NULL;
  if (b.aligned)
    {
      text = g_steal_pointer (&b.text);
      original = g_bytes_ref (bytes);
    }
  else
    {
      guint line, column;
      kg_text_position (data, MIN (b.failed_at, length), &line, &column);
      kg__read_problem (context, KG_ERROR_INPUT, line, b.failed_at, FALSE,
                        "cannot match the extracted text with the HTML source after byte %" G_GSIZE_FORMAT
                        "; offsets point into the extracted text (paragraphs separated by blank lines)",
                        b.failed_at);
      text = kg__text_new (b.extracted->len);
      for (guint i = 0; i < b.extracted_blocks->len; i++)
        {
          const KgBlock *block = &g_array_index (b.extracted_blocks, KgBlock, i);
          if (i > 0)
            {
              const KgBlock *previous = &g_array_index (b.extracted_blocks, KgBlock, i - 1);
              kg__text_append (text, b.extracted->str + previous->end, block->start - previous->end, previous->end);
            }
          gsize start = text->text->len;
          kg__text_append (text, b.extracted->str + block->start, block->end - block->start, block->start);
          kg__text_add_block (text, start, text->text->len, block->hint);
        }
      original = g_string_free_to_bytes (g_steal_pointer (&b.extracted));
    }
  kg__text_free (b.text);
  if (b.extracted)
    g_string_free (b.extracted, TRUE);
  g_array_unref (b.extracted_blocks);

  g_autoptr (KgDocument) document = kg_document_new (strcmp (context->path, "-") == 0 ? "stdin" : context->path,
                                                      original);
  kg_document_set_source (document, context->display);
  g_autofree char *title = clean_title (page.og_title ? page.og_title : page.title ? page.title : page.h1);
  if (title)
    kg_document_set_title (document, title);
  const char *date = page.date ? page.date : page.json_date ? page.json_date : page.time_date;
  if (date)
    kg_document_set_date (document, g_strstrip ((char *) date));
  const char *author = page.author ? page.author : page.json_author;
  if (author)
    kg_document_set_byline (document, author);
  kg__html_page_clear (&page);

  if (!kg__document_fill (document, text, error))
    return FALSE;
  if (kg_document_get_n_tokens (document) == 0)
    {
      if (depth_line)
        g_set_error (error, KG_ERROR, KG_ERROR_LIMIT,
                     "%s:%u: elements nested deeper than the HTML parser's limit (256), and no article text before",
                     context->display, depth_line);
      else
        g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "%s: no article text found in the page", context->display);
      return FALSE;
    }
  if (depth_line)
    kg__read_problem (context, KG_ERROR_LIMIT, depth_line, G_MAXUINT64, FALSE,
                      "elements nested deeper than the HTML parser's limit (256); the rest of the page is not read");
  g_ptr_array_add (context->documents, g_steal_pointer (&document));
  return TRUE;
}

/* ---- charsets --------------------------------------------------------------- */

GBytes *
kg__html_transcode (GBytes *bytes, char **charset)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize n = MIN (length, 4096);
  const char *keys[] = { "charset=", "encoding=" };
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gsize m = strlen (keys[k]);
      for (gsize i = 0; i + m < n; i++)
        {
          if (g_ascii_strncasecmp (data + i, keys[k], m) != 0)
            continue;
          gsize j = i + m;
          while (j < n && (data[j] == '"' || data[j] == '\'' || data[j] == ' '))
            j++;
          gsize start = j;
          while (j < n && (g_ascii_isalnum (data[j]) || data[j] == '-' || data[j] == '_' || data[j] == ':'))
            j++;
          if (j == start)
            continue;
          g_autofree char *name = g_strndup (data + start, j - start);
          if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
            return NULL;
          gsize written;
          char *converted = g_convert (data, length, "UTF-8", name, NULL, &written, NULL);
          if (converted == NULL)
            return NULL;
          *charset = g_steal_pointer (&name);
          return g_bytes_new_take (converted, written);
        }
    }
  return NULL;
}
