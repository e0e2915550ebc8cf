/* read-html-private.h: what the three parts of the HTML reader share
 * (read-html.c builds the document, read-html-page.c reads the page's
 * structure and metadata, read-html-align.c finds text in the source). */
#ifndef KG_READ_HTML_PRIVATE_H
#define KG_READ_HTML_PRIVATE_H

#include "reader-private.h"

#include <libxml/tree.h>

/* ---- elements (read-html-page.c) ------------------------------------------- */

gboolean kg__html_name_is (const xmlNode *node, const char *name);
gboolean kg__html_name_in (const xmlNode *node, const char *const *names);
/* An attribute's value, or NULL.  (transfer full) */
char *kg__html_attr (const xmlNode *node, const char *name);
/* Whether a word of node's class or id (split at spaces, '-' and '_') is
 * in words. */
gboolean kg__html_classed (const xmlNode *node, const char *const *words);
/* Page furniture whose text is never article text (see read-html-page.c). */
gboolean kg__html_is_dropped (const xmlNode *node);
/* Elements that start and end blocks of text. */
extern const char *const kg__html_block_elements[];
/* Class words of bylines, captions, credits, time stamps. */
extern const char *const kg__html_furniture_words[];

/* ---- the page ----------------------------------------------------------------- */

typedef struct {
  char *og_title, *title, *h1, *date, *json_date, *time_date, *author, *json_author;
  GPtrArray *articles;     /* xmlNode */
  xmlNode *main;
  GHashTable *p_scores;    /* parent xmlNode -> gsize of <p> text */
  GPtrArray *p_parents;    /* the keys of p_scores in document order */
} KgHtmlPage;

/* One pass over the page: its metadata and the candidates for the article. */
void kg__html_survey (KgHtmlPage *page, xmlDoc *doc);
/* The element that holds the article.  (transfer none) */
xmlNode *kg__html_choose_root (KgHtmlPage *page, xmlDoc *doc);
void kg__html_page_clear (KgHtmlPage *page);

/* ---- alignment (read-html-align.c) ------------------------------------------ */

typedef struct {
  const char *raw;
  gsize length;
  gsize cursor;   /* where the previous text node ended */
} KgHtmlSource;

/* Finds a text node's content in the source from the cursor on and moves
 * the cursor past it; with text, appends it there with its offsets.
 * raw_text: script or style content, matched without decoding.  FALSE if
 * the content is not where it should be. */
gboolean kg__html_align (KgHtmlSource *source, const char *content, gboolean raw_text, KgText *text);

#endif
