/* read-html.c: HTML and XHTML in (reading stage): the article's text,
 * title, date and byline from a web page.
 *
 * Parsing: libxml2's HTML parser in recover mode, with network access off
 * and no entity loading, on bytes that are UTF-8 already (read-input.c
 * checks them; a page that declares another charset is transcoded first).
 * An XHTML page's internal DTD subset is blanked out before parsing, so
 * that its entities (an XML bomb) are neither expanded nor read as text.
 * Nesting beyond the parser's limit (256) ends the page there, reported.
 *
 * The article: the <article> with the most paragraph text, else <main>,
 * else the element whose <p> children hold the most text (the densest run
 * of paragraphs; an <article> that is much smaller than that is taken for
 * a teaser and passed over).  Inside it, scripts, styles, navigation,
 * forms, footers, asides, figures and anything hidden or classed as
 * navigation, sharing, advertising, related links or comments is dropped.
 * Block elements (p, h1-h6, li, blockquote, div, td, br ...) make the
 * blocks; headings and list items keep that as a hint; bylines and captions
 * are furniture.
 *
 * Metadata: title from og:title, <title>, the first <h1>; date from
 * article:published_time (and the other usual meta names), JSON-LD
 * datePublished (json-glib), <time datetime>; byline from meta author,
 * JSON-LD author.
 *
 * Offsets: the text nodes that libxml2 decoded are matched back against the
 * HTML source in document order, each from where the previous one ended,
 * skipping markup (tags, comments, doctype) and white space between them and
 * decoding entities and character references while matching.  Every
 * character of the article then maps to its bytes in the source.  If a text
 * node cannot be matched (libxml2 repaired something), the document keeps
 * the extracted text instead of the HTML as its original bytes, paragraphs
 * separated by blank lines, and a problem says so.
 */
#include "reader-private.h"
#include "read-file.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define MAX_JSON_LD_BYTES (1 << 20)
#define MAX_JSON_LD_DEPTH 32
#define MAX_ANCESTORS 256

/* ---- element classes ------------------------------------------------------- */

static gboolean
name_is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode *node, const char *const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
  "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "table", "tr",
  "td", "th", "caption", "thead", "tbody", "address", "hr", "br", "form", "fieldset", "details", "summary",
  "center", "body", "html", "title", "option", NULL,
};

static const char *const dropped_elements[] = {
  "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg", "canvas",
  "button", "select", "textarea", "input", "object", "embed", "video", "audio", "map", "head", "figure",
  "menu", "dialog", "math", NULL,
};

/* Words in class and id attributes that mark page furniture. */
static const char *const dropped_words[] = {
  "nav", "navbar", "navigation", "menu", "footer", "sidebar", "comment", "comments", "share", "sharing",
  "social", "related", "advert", "advertisement", "ad", "ads", "adslot", "promo", "newsletter", "subscribe",
  "subscription", "cookie", "cookies", "breadcrumb", "breadcrumbs", "popup", "modal", "sponsor",
  "sponsored", "outbrain", "taboola", "recommended", "trending", "widget", "toolbar", "masthead", "skip",
  "paywall", "banner", NULL,
};

static const char *const furniture_words[] = {
  "byline", "author", "caption", "credit", "credits", "dateline", "timestamp", "published", "meta", NULL,
};

static char *
attr (const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Whether a word of the class or id attribute (split at spaces, '-' and
 * '_') is in words. */
static gboolean
classed (const xmlNode *node, const char *const *words)
{
  const char *names[] = { "class", "id" };
  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    {
      g_autofree char *value = attr (node, names[a]);
      if (value == NULL)
        continue;
      g_auto (GStrv) parts = g_strsplit_set (value, " \t\n-_", -1);
      for (guint i = 0; parts[i]; i++)
        for (guint k = 0; words[k]; k++)
          if (g_ascii_strcasecmp (parts[i], words[k]) == 0)
            return TRUE;
    }
  return FALSE;
}

static gboolean
is_dropped (const xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name_in (node, dropped_elements))
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;
  g_autofree char *aria = attr (node, "aria-hidden");
  if (aria && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  g_autofree char *role = attr (node, "role");
  static const char *const roles[] = { "navigation", "contentinfo", "complementary", "search", "dialog", "menu", "banner", NULL };
  if (role)
    for (guint i = 0; roles[i]; i++)
      if (g_ascii_strcasecmp (role, roles[i]) == 0)
        return TRUE;
  g_autofree char *style = attr (node, "style");
  if (style)
    {
      g_autofree char *compact = g_strdup (style);
      char *w = compact;
      for (const char *r = style; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = g_ascii_tolower (*r);
      *w = '\0';
      if (strstr (compact, "display:none") || strstr (compact, "visibility:hidden"))
        return TRUE;
    }
  if (name_is (node, "header") || name_is (node, "body") || name_is (node, "html") || name_is (node, "article")
      || name_is (node, "main"))
    return FALSE;
  return classed (node, dropped_words);
}

/* ---- walking the tree without recursion ------------------------------------ */

/* The next node in document order after node, below top; *left counts the
 * elements that were left on the way (their ends). */
static xmlNode *
next_node (xmlNode *node, const xmlNode *top, gboolean descend)
{
  if (descend && node->type == XML_ELEMENT_NODE && node->children)
    return node->children;
  while (node && node != top && node->next == NULL)
    node = node->parent;
  if (node == NULL || node == top)
    return NULL;
  return node->next;
}

/* The visible text length of the <p> element, dropped parts excluded. */
static gsize
text_length (xmlNode *element)
{
  gsize length = 0;
  for (xmlNode *n = element->children; n; )
    {
      gboolean descend = TRUE;
      if (n->type == XML_TEXT_NODE && n->content)
        {
          for (const xmlChar *c = n->content; *c; c++)
            length += !g_ascii_isspace (*c) && (*c & 0xC0) != 0x80;
        }
      else if (is_dropped (n))
        descend = FALSE;
      n = next_node (n, element, descend);
    }
  return length;
}

/* ---- metadata --------------------------------------------------------------- */

typedef struct {
  char *og_title, *title, *h1, *date, *json_date, *time_date, *author, *json_author;
  GPtrArray *articles;     /* xmlNode */
  xmlNode *main;
  GHashTable *p_scores;    /* parent xmlNode -> gsize of <p> text */
  GPtrArray *p_parents;    /* the keys of p_scores in document order */
} Page;

static void
page_clear (Page *page)
{
  g_free (page->og_title);
  g_free (page->title);
  g_free (page->h1);
  g_free (page->date);
  g_free (page->json_date);
  g_free (page->time_date);
  g_free (page->author);
  g_free (page->json_author);
  g_ptr_array_unref (page->articles);
  g_hash_table_unref (page->p_scores);
  g_ptr_array_unref (page->p_parents);
}

/* Element text with white space runs as single spaces.  (transfer full) */
static char *
collapsed_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  if (content == NULL)
    return NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const xmlChar *c = content; *c; c++)
    {
      if (g_ascii_isspace (*c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *c);
        }
    }
  xmlFree (content);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_once (char **field, char *value)
{
  if (*field == NULL && value && *value)
    *field = value;
  else
    g_free (value);
}

static void
read_meta (Page *page, xmlNode *node)
{
  g_autofree char *property = attr (node, "property");
  g_autofree char *name = attr (node, "name");
  g_autofree char *itemprop = attr (node, "itemprop");
  const char *key = property ? property : name ? name : itemprop;
  if (key == NULL)
    return;
  char *content = attr (node, "content");
  if (content == NULL)
    content = attr (node, "datetime");
  static const char *const date_keys[] = {
    "article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date",
    "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
    "og:published_time", NULL,
  };
  if (g_ascii_strcasecmp (key, "og:title") == 0 || g_ascii_strcasecmp (key, "twitter:title") == 0)
    set_once (&page->og_title, g_strstrip (content));
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "article:author") == 0)
    {
      /* article:author is often a profile URL, which is no byline. */
      if (content && !g_str_has_prefix (content, "http"))
        set_once (&page->author, g_strstrip (content));
      else
        g_free (content);
    }
  else
    {
      for (guint i = 0; date_keys[i]; i++)
        if (g_ascii_strcasecmp (key, date_keys[i]) == 0)
          {
            set_once (&page->date, content ? g_strstrip (content) : NULL);
            return;
          }
      g_free (content);
    }
}

/* A string member, or the "name" of an object member, or of the first
 * object of an array member.  (transfer none) */
static const char *
json_name_of (JsonObject *object, const char *member)
{
  if (!json_object_has_member (object, member))
    return NULL;
  JsonNode *node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *inner = json_node_get_object (node);
      if (json_object_has_member (inner, "name"))
        {
          JsonNode *name = json_object_get_member (inner, "name");
          if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
            return json_node_get_string (name);
        }
    }
  return NULL;
}

/* Looks for datePublished and author in a JSON-LD node, its @graph and its
 * arrays, to a bounded depth. */
static void
scan_json_ld (Page *page, JsonNode *node, guint depth)
{
  if (node == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        scan_json_ld (page, json_array_get_element (array, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  JsonObject *object = json_node_get_object (node);
  const char *date = json_name_of (object, "datePublished");
  if (date)
    set_once (&page->json_date, g_strdup (date));
  const char *author = json_name_of (object, "author");
  if (author && date)
    set_once (&page->json_author, g_strdup (author));
  if (json_object_has_member (object, "@graph"))
    scan_json_ld (page, json_object_get_member (object, "@graph"), depth + 1);
}

static void
read_json_ld (Page *page, xmlNode *script)
{
  g_autofree char *type = attr (script, "type");
  if (type == NULL || g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") != 0)
    return;
  xmlChar *content = xmlNodeGetContent (script);
  if (content == NULL)
    return;
  gsize length = strlen ((const char *) content);
  guint depth = 0, deepest = 0;
  for (gsize i = 0; i < length; i++)
    {
      char c = content[i];
      if (c == '{' || c == '[')
        deepest = MAX (deepest, ++depth);
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  if (length > 0 && length <= MAX_JSON_LD_BYTES && deepest <= MAX_JSON_LD_DEPTH)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, (const char *) content, length, NULL))
        scan_json_ld (page, json_parser_get_root (parser), 0);
    }
  xmlFree (content);
}

/* One pass over the page: metadata and the candidates for the article. */
static void
survey (Page *page, xmlDoc *doc)
{
  guint dropped = 0;   /* depth inside dropped elements */
  xmlNode *top = (xmlNode *) doc;
  for (xmlNode *n = doc->children; n;)
    {
      gboolean descend = TRUE;
      if (n->type == XML_ELEMENT_NODE)
        {
          if (name_is (n, "meta"))
            read_meta (page, n);
          else if (name_is (n, "title") && page->title == NULL)
            page->title = collapsed_text (n);
          else if (name_is (n, "script"))
            {
              read_json_ld (page, n);
              descend = FALSE;
            }
          else if (name_is (n, "time") && page->time_date == NULL)
            page->time_date = attr (n, "datetime");
          else if (name_is (n, "h1") && page->h1 == NULL && !dropped)
            page->h1 = collapsed_text (n);
          else if (name_is (n, "article") && !dropped)
            g_ptr_array_add (page->articles, n);
          else if (!dropped && page->main == NULL && name_is (n, "main"))
            page->main = n;
          if (!dropped && page->main == NULL)
            {
              g_autofree char *role = attr (n, "role");
              if (role && g_ascii_strcasecmp (role, "main") == 0)
                page->main = n;
            }
          if (name_is (n, "p") && !dropped && n->parent)
            {
              gpointer score;
              if (!g_hash_table_lookup_extended (page->p_scores, n->parent, NULL, &score))
                {
                  score = GSIZE_TO_POINTER (0);
                  g_ptr_array_add (page->p_parents, n->parent);
                }
              g_hash_table_insert (page->p_scores, n->parent,
                                   GSIZE_TO_POINTER (GPOINTER_TO_SIZE (score) + text_length (n)));
            }
          /* Metadata in a dropped element still counts; its text does not. */
          if (descend && n->children && is_dropped (n) && !name_is (n, "head"))
            dropped++;
        }
      /* Advance, leaving dropped elements on the way up. */
      if (descend && n->type == XML_ELEMENT_NODE && n->children)
        {
          n = n->children;
          continue;
        }
      while (n && n != top && n->next == NULL)
        {
          n = n->parent;
          if (n && n != top && is_dropped (n) && !name_is (n, "head") && dropped > 0)
            dropped--;
        }
      n = (n == NULL || n == top) ? NULL : n->next;
    }
}

/* The article element (see the top of the file). */
static xmlNode *
choose_root (Page *page, xmlDoc *doc)
{
  xmlNode *dense = NULL;
  gsize dense_score = 0;
  for (guint i = 0; i < page->p_parents->len; i++)
    {
      xmlNode *parent = g_ptr_array_index (page->p_parents, i);
      gsize score = GPOINTER_TO_SIZE (g_hash_table_lookup (page->p_scores, parent));
      /* Ties go to the element that comes first. */
      if (score > dense_score)
        {
          dense = parent;
          dense_score = score;
        }
    }
  xmlNode *best = NULL;
  gsize best_score = 0;
  for (guint i = 0; i < page->articles->len; i++)
    {
      xmlNode *article = g_ptr_array_index (page->articles, i);
      gsize score = 0;
      for (xmlNode *n = article->children; n;)
        {
          gboolean descend = !is_dropped (n);
          if (name_is (n, "p"))
            {
              score += text_length (n);
              descend = FALSE;
            }
          n = next_node (n, article, descend);
        }
      if (best == NULL || score > best_score)
        {
          best = article;
          best_score = score;
        }
    }
  if (best && best_score * 2 >= dense_score && best_score > 0)
    return best;
  if (page->main)
    {
      /* <main> when the paragraphs are inside it. */
      if (dense == NULL)
        return page->main;
      for (xmlNode *p = dense; p; p = p->parent)
        if (p == page->main)
          return page->main;
    }
  if (dense)
    return dense;
  if (best)
    return best;
  xmlNode *html = xmlDocGetRootElement (doc);
  for (xmlNode *n = html ? html->children : NULL; n; n = n->next)
    if (name_is (n, "body"))
      return n;
  return html;
}

/* ---- aligning text with the source ----------------------------------------- */

typedef struct {
  const char *raw;
  gsize raw_length;
  gsize cursor;         /* where the previous text node ended in raw */
  gboolean aligned;     /* every text node so far was found */
  KgText *text;         /* built from raw while aligned */
  GString *extracted;   /* the kept text as libxml2 gave it, for the fallback */
  GArray *extracted_blocks;  /* KgBlock in extracted */
  gsize block_work, block_extracted;  /* where the open block started, or G_MAXSIZE */
  KgBlockHint block_hint;
  gsize failed_at;      /* byte of raw where alignment failed */
} Builder;

/* The character an entity or character reference at raw[j] stands for,
 * and its length in raw, or 0 if it is none that libxml2 decodes. */
static gsize
decode_reference (const char *raw, gsize j, gsize end, gunichar *out)
{
  gsize k = j + 1;
  if (k < end && raw[k] == '#')
    {
      k++;
      gboolean hex = k < end && (raw[k] == 'x' || raw[k] == 'X');
      if (hex)
        k++;
      gunichar value = 0;
      gsize digits = 0;
      while (k < end && (hex ? g_ascii_isxdigit (raw[k]) : g_ascii_isdigit (raw[k])) && digits < 8)
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (raw[k]) : raw[k] - '0');
          k++;
          digits++;
        }
      if (digits == 0)
        return 0;
      if (k < end && raw[k] == ';')
        k++;
      *out = value;
      return k - j;
    }
  char name[33];
  gsize n = 0;
  while (k < end && g_ascii_isalnum (raw[k]) && n < 32)
    name[n++] = raw[k++];
  name[n] = '\0';
  if (n == 0 || k >= end || raw[k] != ';')
    return 0;
  const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);
  if (entity == NULL)
    return 0;
  *out = entity->value;
  return k + 1 - j;
}

/* Past the markup (tag, comment, doctype, processing instruction) at
 * raw[j] == '<', or j if it is not markup. */
static gsize
skip_markup (const char *raw, gsize j, gsize end)
{
  if (j + 1 >= end)
    return j;
  char c = raw[j + 1];
  if (c == '!' && j + 3 < end && raw[j + 2] == '-' && raw[j + 3] == '-')
    {
      const char *close = g_strstr_len (raw + j + 4, end - j - 4, "-->");
      return close ? (gsize) (close - raw) + 3 : end;
    }
  if (c == '!' || c == '?')
    {
      const char *close = memchr (raw + j, '>', end - j);
      return close ? (gsize) (close - raw) + 1 : end;
    }
  if (c != '/' && !g_ascii_isalpha (c))
    return j;
  char quote = 0;
  for (gsize k = j + 2; k < end; k++)
    {
      if (quote)
        {
          if (raw[k] == quote)
            quote = 0;
        }
      else if ((raw[k] == '"' || raw[k] == '\'') && raw[k - 1] == '=')
        quote = raw[k];
      else if (raw[k] == '>')
        return k + 1;
    }
  return end;
}

/* Matches content against raw from j; with text, appends what matched.
 * *end gets where the match ended in raw. */
static gboolean
match_at (Builder *b, gsize j, const char *content, gsize length, gboolean raw_text, KgText *text, gsize *end)
{
  const char *raw = b->raw;
  gsize raw_end = b->raw_length;
  gsize i = 0, run = j;
#define FLUSH() G_STMT_START { if (text && j > run) kg__text_append (text, raw + run, j - run, run); } G_STMT_END
  while (i < length)
    {
      if (j >= raw_end)
        return FALSE;
      char c = content[i], r = raw[j];
      if (r == '&' && !raw_text)
        {
          gunichar decoded;
          gsize n = decode_reference (raw, j, raw_end, &decoded);
          if (n > 0 && (decoded == 0 || decoded > 0x10FFFF || (decoded >= 0xD800 && decoded < 0xE000)))
            {
              /* libxml2 drops references to characters that cannot be. */
              FLUSH ();
              j += n;
              run = j;
              continue;
            }
          if (n > 0)
            {
              gunichar want = g_utf8_get_char (content + i);
              if (decoded == want || (want == 0xFFFD && decoded != '&'))
                {
                  FLUSH ();
                  if (text)
                    kg__text_append_char (text, decoded, j, n);
                  i = g_utf8_next_char (content + i) - content;
                  j += n;
                  run = j;
                  continue;
                }
            }
          else if (c == '&' && length - i >= 6 && strncmp (content + i, "&apos;", 6) == 0
                   && raw_end - j >= 6 && strncmp (raw + j, "&apos;", 6) == 0)
            {
              /* An HTML5 entity that libxml2 leaves as it is. */
              FLUSH ();
              if (text)
                kg__text_append_char (text, '\'', j, 6);
              i += 6;
              j += 6;
              run = j;
              continue;
            }
        }
      if (c == '\n' && r == '\r')
        {
          /* libxml2 reads CRLF and CR as LF; the CR stays in the run. */
          if (j + 1 < raw_end && raw[j + 1] == '\n')
            j++;
          else
            {
              FLUSH ();
              if (text)
                kg__text_append_replacement (text, "\n", 1, j, 1);
              i++;
              j++;
              run = j;
              continue;
            }
        }
      if (c != r && r == '<')
        {
          /* Markup that libxml2 dropped inside the text ("x</br>y"). */
          gsize k = skip_markup (raw, j, raw_end);
          if (k == j)
            return FALSE;
          FLUSH ();
          j = k;
          run = j;
          continue;
        }
      if (c != r)
        return FALSE;
      i++;
      j++;
    }
  FLUSH ();
#undef FLUSH
  *end = j;
  return TRUE;
}

/* Finds text node content in raw from the cursor on; with append, adds it
 * to the working text. */
static gboolean
align (Builder *b, const char *content, gboolean raw_text, gboolean append)
{
  gsize length = strlen (content);
  gsize j = b->cursor, end;
  for (;;)
    {
      if (j >= b->raw_length)
        return FALSE;
      if (match_at (b, j, content, length, raw_text, NULL, &end))
        break;
      if (b->raw[j] == '<')
        {
          gsize k = skip_markup (b->raw, j, b->raw_length);
          if (k == j)
            return FALSE;
          j = k;
        }
      else if (g_ascii_isspace (b->raw[j]))
        j++;
      else
        return FALSE;
    }
  if (append)
    match_at (b, j, content, length, raw_text, b->text, &end);
  b->cursor = end;
  return TRUE;
}

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
      if (name_is (n, "figcaption") || name_is (n, "address") || (n != root && classed (n, furniture_words)))
        return KG_BLOCK_FURNITURE;
      if (innermost && name_in (n, headings))
        hint = KG_BLOCK_HEADING;
      else if (hint == KG_BLOCK_TEXT && name_is (n, "li"))
        hint = KG_BLOCK_ITEM;
      if (name_in (n, block_elements))
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
        kg__text_append_replacement (b->text, "\n\n", 2, b->cursor, 0);
      if (b->extracted->len > 0)
        g_string_append (b->extracted, "\n\n");
      b->block_extracted = b->extracted->len;
      b->block_work = b->aligned ? b->text->text->len : 0;
    }
  g_string_append (b->extracted, content);
  if (b->aligned && !align (b, content, FALSE, TRUE))
    {
      b->aligned = FALSE;
      b->failed_at = b->cursor;
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
          if (is_dropped (n) && n != root)
            dropped++;
          if (inside && name_in (n, block_elements))
            close_block (b);
          if (n->children)
            {
              n = n->children;
              continue;
            }
          if (is_dropped (n) && n != root)
            dropped--;
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content && !is_blank ((const char *) n->content))
        {
          gboolean raw_text = n->type == XML_CDATA_SECTION_NODE || (n->parent && (name_is (n->parent, "script") || name_is (n->parent, "style")));
          if (inside && !dropped && !raw_text)
            add_text (b, n, root);
          else if (b->aligned && !align (b, (const char *) n->content, raw_text, FALSE))
            {
              b->aligned = FALSE;
              b->failed_at = b->cursor;
            }
        }
      /* Leave elements on the way up. */
      while (n && n != top && n->next == NULL)
        {
          n = n->parent;
          if (n == NULL || n == top)
            break;
          if (inside && name_in (n, block_elements))
            close_block (b);
          if (is_dropped (n) && n != root)
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

  Page page = {
    .articles = g_ptr_array_new (), .p_scores = g_hash_table_new (NULL, NULL), .p_parents = g_ptr_array_new (),
  };
  survey (&page, doc);
  xmlNode *root = choose_root (&page, doc);

  Builder b = {
    .raw = parsed, .raw_length = length, .aligned = TRUE, .text = kg__text_new (length / 4),
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
  page_clear (&page);

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
