/* read-html-page.c: what an HTML page is made of (reading stage, for
 * read-html.c): which elements are page furniture, the metadata, and which
 * element holds the article.
 *
 * Dropped: scripts, styles, navigation, forms, footers, asides, figures,
 * anything hidden (hidden, aria-hidden, display:none, the navigation and
 * banner roles) or classed as navigation, sharing, advertising, related
 * links, comments, newsletters.
 *
 * Metadata, one pass over the tree: title from og:title (or twitter:title),
 * <title>, the first <h1>; date from article:published_time and the other
 * usual meta names, then JSON-LD datePublished (json-glib, also inside
 * @graph and arrays), then the first <time datetime>; byline from meta
 * author, then the JSON-LD author of the article.
 *
 * The article: the <article> with the most paragraph text, unless it has
 * less than half the text of the densest run of paragraphs (the parent
 * whose <p> children hold the most text), which marks it as a teaser; else
 * <main> when that run is inside it; else the densest run itself; else
 * <body>.  Ties go to the element that comes first.
 */
#include "read-html-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_JSON_LD_BYTES (1 << 20)
#define MAX_JSON_LD_DEPTH 32

/* ---- element classes ------------------------------------------------------- */

gboolean
kg__html_name_is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

gboolean
kg__html_name_in (const xmlNode *node, const char *const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *const kg__html_block_elements[] = {
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

const char *const kg__html_furniture_words[] = {
  "byline", "author", "caption", "credit", "credits", "dateline", "timestamp", "published", "meta", NULL,
};

char *
kg__html_attr (const xmlNode *node, const char *name)
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
gboolean
kg__html_classed (const xmlNode *node, const char *const *words)
{
  const char *names[] = { "class", "id" };
  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    {
      g_autofree char *value = kg__html_attr (node, names[a]);
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

gboolean
kg__html_is_dropped (const xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (kg__html_name_in (node, dropped_elements))
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;
  g_autofree char *aria = kg__html_attr (node, "aria-hidden");
  if (aria && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  g_autofree char *role = kg__html_attr (node, "role");
  static const char *const roles[] = { "navigation", "contentinfo", "complementary", "search", "dialog", "menu", "banner", NULL };
  if (role)
    for (guint i = 0; roles[i]; i++)
      if (g_ascii_strcasecmp (role, roles[i]) == 0)
        return TRUE;
  g_autofree char *style = kg__html_attr (node, "style");
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
  if (kg__html_name_is (node, "header") || kg__html_name_is (node, "body") || kg__html_name_is (node, "html") || kg__html_name_is (node, "article")
      || kg__html_name_is (node, "main"))
    return FALSE;
  return kg__html_classed (node, dropped_words);
}

/* ---- walking the tree without recursion ------------------------------------ */

/* The next node in document order after node, staying below top; with
 * descend FALSE, node's children are passed over. */
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
      else if (kg__html_is_dropped (n))
        descend = FALSE;
      n = next_node (n, element, descend);
    }
  return length;
}

/* ---- metadata --------------------------------------------------------------- */

void
kg__html_page_clear (KgHtmlPage *page)
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
read_meta (KgHtmlPage *page, xmlNode *node)
{
  g_autofree char *property = kg__html_attr (node, "property");
  g_autofree char *name = kg__html_attr (node, "name");
  g_autofree char *itemprop = kg__html_attr (node, "itemprop");
  const char *key = property ? property : name ? name : itemprop;
  if (key == NULL)
    return;
  char *content = kg__html_attr (node, "content");
  if (content == NULL)
    content = kg__html_attr (node, "datetime");
  static const char *const date_keys[] = {
    "article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date",
    "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
    "og:published_time", NULL,
  };
  if (g_ascii_strcasecmp (key, "og:title") == 0 || g_ascii_strcasecmp (key, "twitter:title") == 0)
    set_once (&page->og_title, content ? g_strstrip (content) : NULL);
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
scan_json_ld (KgHtmlPage *page, JsonNode *node, guint depth)
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
read_json_ld (KgHtmlPage *page, xmlNode *script)
{
  g_autofree char *type = kg__html_attr (script, "type");
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

void
kg__html_survey (KgHtmlPage *page, xmlDoc *doc)
{
  guint dropped = 0;   /* depth inside dropped elements */
  xmlNode *top = (xmlNode *) doc;
  for (xmlNode *n = doc->children; n;)
    {
      gboolean descend = TRUE;
      if (n->type == XML_ELEMENT_NODE)
        {
          if (kg__html_name_is (n, "meta"))
            read_meta (page, n);
          else if (kg__html_name_is (n, "title") && page->title == NULL)
            page->title = collapsed_text (n);
          else if (kg__html_name_is (n, "script"))
            {
              read_json_ld (page, n);
              descend = FALSE;
            }
          else if (kg__html_name_is (n, "time") && page->time_date == NULL)
            page->time_date = kg__html_attr (n, "datetime");
          else if (kg__html_name_is (n, "h1") && page->h1 == NULL && !dropped)
            page->h1 = collapsed_text (n);
          else if (kg__html_name_is (n, "article") && !dropped)
            g_ptr_array_add (page->articles, n);
          else if (!dropped && page->main == NULL && kg__html_name_is (n, "main"))
            page->main = n;
          if (!dropped && page->main == NULL)
            {
              g_autofree char *role = kg__html_attr (n, "role");
              if (role && g_ascii_strcasecmp (role, "main") == 0)
                page->main = n;
            }
          if (kg__html_name_is (n, "p") && !dropped && n->parent)
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
          if (descend && n->children && kg__html_is_dropped (n) && !kg__html_name_is (n, "head"))
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
          if (n && n != top && kg__html_is_dropped (n) && !kg__html_name_is (n, "head") && dropped > 0)
            dropped--;
        }
      n = (n == NULL || n == top) ? NULL : n->next;
    }
}

xmlNode *
kg__html_choose_root (KgHtmlPage *page, xmlDoc *doc)
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
          gboolean descend = !kg__html_is_dropped (n);
          if (kg__html_name_is (n, "p"))
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
    if (kg__html_name_is (n, "body"))
      return n;
  return html;
}
