/* clean-blocks.c: what each block of an article is (reading stage, after
 * tokenize.c, before segment.c).
 *
 * News pages carry more than the story: headlines, section labels, bylines,
 * credits, page numbers, logos, time stamps.  Each block (a paragraph, a
 * line, a list item) is classified from its tokens with general patterns,
 * and becomes one or more units:
 *
 *   FURNITURE  bylines, credits, page chrome and time stamps (the patterns
 *              of clean-furniture.c); lines with no word at all; a dateline
 *              at the start of the first paragraph ("WASHINGTON (Reuters) -",
 *              "WNAM REPORT:", "Evansville, Indiana -", "Thursday, May 7,
 *              2015"), which becomes a unit of its own.
 *   HEADING    a label line ending in ':' (at most four words, or a name
 *              in capitals: "Go deeper:", "First Vice President X:"); a short
 *              line without final punctuation ("Why it matters") or a line
 *              in title case; HTML headings.
 *   TITLE      the first line, when it looks like a headline and more text
 *              follows: it becomes the document title, and a TITLE sentence
 *              if it is a clause (cheap rule: an auxiliary, or a common
 *              headline verb in verb position), else a HEADING.
 *   BULLET     a line that starts with a list marker (- * • ...), <li>.
 *   BODY       everything else, to be split into sentences.
 * A stray separator after the last full stop of a paragraph ("... 2023. /")
 * is left out of the sentence.
 */
#include "clean-private.h"

/* ---- headings and titles --------------------------------------------------- */

static gboolean
ends_sentence (const KgTokenSpan *b)
{
  guint last = b->n - 1;
  while (last > 0 && tok_flag (b, last, KG_TOK_CLOSE))
    last--;
  if (tok_is (b, last, "\"") || tok_is (b, last, "'"))
    return TRUE;
  return tok_flag (b, last, KG_TOK_FINAL) && !tok_is (b, last, "...") && !tok_is (b, last, "\xe2\x80\xa6");
}

/* Title case: most longer words capitalised. */
static gboolean
is_title_case (const KgTokenSpan *b)
{
  guint long_words = 0, capitalised = 0;
  for (guint i = 0; i < b->n; i++)
    if (tok_flag (b, i, KG_TOK_WORD) && !tok_flag (b, i, KG_TOK_DIGIT) && tok_len (b, i) >= 4)
      {
        long_words++;
        capitalised += tok_flag (b, i, KG_TOK_UPPER);
      }
  return long_words >= 2 && capitalised * 4 >= long_words * 3;
}

static gboolean
is_heading (const KgTokenSpan *b, KgBlockHint hint)
{
  if (hint == KG_BLOCK_HEADING)
    return TRUE;
  guint words = count_words (b, 0, b->n);
  if (words == 0)
    return FALSE;
  if (tok_is (b, b->n - 1, ":"))
    {
      /* "Mayor X said:" introduces a quotation: a clause, not a label. */
      static const char *const reporting[] = {
        "said", "says", "told", "tells", "added", "adds", "noted", "notes", "stated", "states", "wrote",
        "writes", "explained", "explains", "announced", "declared", "argued", "insisted", "warned",
        "commented", "emphasized", "emphasised", "stressed", "continued", "replied", "answered", "asked", NULL,
      };
      if (b->n >= 2 && tok_flag (b, b->n - 2, KG_TOK_LOWER) && tok_in (b, b->n - 2, reporting))
        return FALSE;
      if (words <= 4)
        return TRUE;
      if (words > 10)
        return FALSE;
      for (guint i = 0; i + 1 < b->n; i++)
        if (!kg__is_name_word (b, i) && !tok_is (b, i, ","))
          return FALSE;
      return TRUE;
    }
  if (ends_sentence (b) || words > 12)
    return FALSE;
  for (guint i = 0; i + 1 < b->n; i++)
    if (tok_flag (b, i, KG_TOK_FINAL) && tok_flag (b, i + 1, KG_TOK_UPPER))
      return FALSE; /* more than one sentence */
  if (tok_is (b, b->n - 1, ",") || tok_is (b, b->n - 1, ";"))
    return FALSE;
  return (words <= 5 && tok_flag (b, 0, KG_TOK_UPPER)) || is_title_case (b);
}

static const char *const auxiliaries[] = {
  "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has",
  "have", "had", "does", "did", "be", "been", "won't", "can't", "set", NULL,
};

/* Verbs that headlines use most, in the base form. */
static const char *const headline_verbs[] = {
  "say", "sign", "meet", "hold", "discuss", "agree", "call", "urge", "warn", "vow", "plan", "seek",
  "reject", "accept", "launch", "open", "close", "win", "lose", "kill", "attack", "strike", "hit", "ban",
  "approve", "back", "boost", "cut", "raise", "rise", "fall", "drop", "slam", "deny", "claim", "face",
  "join", "leave", "visit", "host", "welcome", "condemn", "expand", "strengthen", "deepen", "mark",
  "reach", "unveil", "announce", "report", "show", "find", "reveal", "name", "elect", "appoint", "resign",
  "arrest", "charge", "sue", "order", "ask", "tell", "push", "pledge", "promise", "threaten", "target",
  "begin", "start", "end", "halt", "resume", "extend", "discuss", "seal", "forge", "boost", "bolster",
  "eye", "mull", "weigh", "hail", "praise", "blame", "accuse", "stress", "emphasize", "emphasise",
  "review", "explore", "seek", "pursue", "release", "receive", "send", "take", "make", "give", "get",
  "see", "become", "remain", "keep", "stay", "lead", "help", "need", "want", "move", "set", "cooperate",
  "sign", "ink", "conclude", "fail", "die", "survive", "return", "arrive", "depart", "travel", NULL,
};

static const char *const irregular_verbs[] = {
  "said", "says", "met", "held", "won", "lost", "hit", "cut", "struck", "took", "made", "gave", "told",
  "began", "left", "led", "sent", "sought", "brought", "found", "rose", "fell", "drew", "went", "came",
  "saw", "chose", "spoke", "broke", "kept", "became", "got", "goes", "does", "has", NULL,
};

/* 1 for a base form, 2 for an inflected form of a headline verb. */
static int
headline_verb (const char *s, gsize n)
{
  char w[32];
  if (n == 0 || n >= sizeof w)
    return 0;
  for (gsize i = 0; i < n; i++)
    w[i] = g_ascii_tolower (s[i]);
  w[n] = '\0';
  for (guint k = 0; irregular_verbs[k]; k++)
    if (strcmp (w, irregular_verbs[k]) == 0)
      return 2;
  for (guint k = 0; headline_verbs[k]; k++)
    {
      const char *v = headline_verbs[k];
      gsize m = strlen (v);
      if (strcmp (w, v) == 0)
        return 1;
      if (n <= m || strncmp (w, v, m) != 0)
        {
          /* y -> ies, ied; final e dropped before -ing */
          if (m >= 2 && v[m - 1] == 'y' && n == m + 2 && strncmp (w, v, m - 1) == 0
              && (strcmp (w + m - 1, "ies") == 0 || strcmp (w + m - 1, "ied") == 0))
            return 2;
          continue;
        }
      const char *suffix = w + m;
      if (strcmp (suffix, "s") == 0 || strcmp (suffix, "es") == 0 || strcmp (suffix, "ed") == 0
          || strcmp (suffix, "d") == 0 || strcmp (suffix, "ing") == 0)
        return 2;
      /* doubled consonant: plan -> planned, ban -> banned */
      if (n == m + 3 && w[m] == v[m - 1] && strcmp (suffix + 1, "ed") == 0)
        return 2;
    }
  return 0;
}

static const char *const noun_markers[] = {
  "the", "a", "an", "'s", "its", "his", "her", "their", "our", "my", "your", "this", "that", "new", NULL,
};

/* The cheap clause test for a headline (see the top of the file). */
static gboolean
is_clause (const KgTokenSpan *b)
{
  /* A question: "Is the deal a good one?" */
  if (tok_in (b, 0, auxiliaries) && b->n > 2)
    return TRUE;
  for (guint i = 1; i < b->n; i++)
    {
      const KgRawToken *t = tok (b, i);
      if (!(t->flags & KG_TOK_WORD))
        continue;
      if (tok_in (b, i, auxiliaries) && !tok_flag (b, i - 1, KG_TOK_JOINS_NEXT))
        return TRUE;
      int verb = headline_verb (b->text + t->start, t->end - t->start);
      if (verb == 0 || tok_in (b, i - 1, noun_markers))
        continue;
      if (verb == 2)
        return TRUE;
      for (guint j = i + 1; j < b->n; j++)
        if (tok_flag (b, j, KG_TOK_WORD))
          return TRUE;
    }
  return FALSE;
}

/* Whether the first block can be the document's headline: short, not a
 * label, not ending in a full stop, one sentence. */
static gboolean
is_title_candidate (const KgTokenSpan *b)
{
  guint words = count_words (b, 0, b->n);
  if (words == 0 || words > 25)
    return FALSE;
  guint last = b->n - 1;
  while (last > 0 && (tok_flag (b, last, KG_TOK_CLOSE) || tok_is (b, last, "\"") || tok_is (b, last, "'")))
    last--;
  if (tok_is (b, last, ":") || tok_is (b, last, ",") || tok_is (b, last, ";") || tok_is (b, last, "."))
    return FALSE;
  for (guint i = 0; i + 1 < b->n; i++)
    if (tok_flag (b, i, KG_TOK_FINAL) && tok_flag (b, i + 1, KG_TOK_UPPER) && !tok_is (b, i, "..."))
      return FALSE;
  return TRUE;
}

/* ---- list items and datelines ---------------------------------------------- */

static gboolean
starts_with_marker (const KgTokenSpan *b)
{
  static const char *const markers[] = {
    "-", "*", "\xe2\x80\xa2" /* • */, "\xc2\xb7" /* · */, "\xe2\x96\xaa" /* ▪ */, "\xe2\x96\xba" /* ► */,
    "\xe2\x80\xa3" /* ‣ */, "\xe2\x97\xa6" /* ◦ */, "\xe2\x80\x93" /* – */, "\xe2\x80\x94" /* — */,
    "\xe2\x96\xa0" /* ■ */, "\xe2\x97\x8f" /* ● */, NULL,
  };
  return b->n >= 2 && tok_in (b, 0, markers) && tok_flag (b, 0, KG_TOK_SPACE_AFTER)
         && tok_flag (b, 1, KG_TOK_WORD | KG_TOK_OPEN);
}

/* A dateline at the start of the first paragraph: the number of its
 * tokens (separator included), or 0.  Three shapes: place names in
 * capitals before ':' or a dash ("WASHINGTON (Reuters) -", "WNAM REPORT:");
 * capitalised place names before a spaced dash ("Evansville, Indiana,
 * United States - This"); a full date before the first capitalised word
 * ("Thursday, May 7, 2015 On Tuesday"). */
static guint
dateline_length (const KgTokenSpan *b)
{
  guint capitals = 0, words = 0;
  gboolean in_parens = FALSE, all_capitalised = TRUE;
  for (guint i = 0; i < b->n && i < 12; i++)
    {
      const KgRawToken *t = tok (b, i);
      if (tok_is (b, i, "("))
        in_parens = TRUE;
      else if (tok_is (b, i, ")"))
        in_parens = FALSE;
      else if (!in_parens && i > 0
               && (tok_is (b, i, ":") || tok_is (b, i, "-") || tok_is (b, i, "--")
                   || tok_is (b, i, "\xe2\x80\x93") || tok_is (b, i, "\xe2\x80\x94")))
        {
          if (!tok_flag (b, i + 1, KG_TOK_UPPER | KG_TOK_OPEN) || !(t->flags & KG_TOK_SPACE_AFTER))
            return 0;
          if (capitals > 0 && capitals == words)
            return i + 1;
          /* Mixed case only before a dash with space on both sides. */
          if (!tok_is (b, i, ":") && all_capitalised && words > 0 && (t->flags & KG_TOK_SPACE_BEFORE))
            return i + 1;
          return 0;
        }
      else if (t->flags & KG_TOK_WORD)
        {
          if (in_parens)
            continue;
          if (t->flags & KG_TOK_DIGIT || kg__month_of (b->text + t->start, t->end - t->start))
            {
              /* A date ending in a year, then the sentence. */
              if (t->end - t->start == 4 && (t->flags & KG_TOK_DIGIT) && i > 0 && kg__is_datetime (b, 0, i + 1)
                  && tok_flag (b, i + 1, KG_TOK_UPPER))
                return i + 1;
              continue;
            }
          if (kg__is_datetime_token (b, i))
            continue;
          words++;
          if (t->flags & KG_TOK_ALL_UPPER)
            capitals++;
          else if (!(t->flags & KG_TOK_UPPER))
            all_capitalised = FALSE;
          if (!all_capitalised && capitals == 0)
            return 0;
        }
      else if (!tok_is (b, i, ","))
        return 0;
    }
  return 0;
}

/* ---- the blocks of a document ---------------------------------------------- */

static void
add_unit (GArray *units, guint first, guint n, KgSentenceKind kind, gboolean split)
{
  if (n == 0)
    return;
  KgUnit unit = { first, n, kind, split };
  g_array_append_val (units, unit);
}

void
kg__clean_blocks (const char *text, const GArray *blocks, const KgRawToken *tokens, const guint *block_first,
                  GArray *units, KgFoundMetadata *found)
{
  gboolean seen_content = FALSE;  /* a title, heading or body block came before */
  gboolean seen_body = FALSE;
  for (guint k = 0; k < blocks->len; k++)
    {
      const KgBlock *block = &g_array_index (blocks, KgBlock, k);
      KgTokenSpan b = { text, tokens, block_first[k], block_first[k + 1] - block_first[k] };
      if (b.n == 0)
        continue;

      /* A stray separator after the final full stop: "... 2023. /" */
      if (b.n >= 2 && (tok_is (&b, b.n - 1, "/") || tok_is (&b, b.n - 1, "|") || tok_is (&b, b.n - 1, "\\"))
          && tok_flag (&b, b.n - 1, KG_TOK_SPACE_BEFORE)
          && (tok_flag (&b, b.n - 2, KG_TOK_FINAL) || tok_flag (&b, b.n - 2, KG_TOK_CLOSE)
              || tok_is (&b, b.n - 2, "\"")))
        b.n--;

      guint name_first, name_end, date_first;
      if (block->hint == KG_BLOCK_FURNITURE || count_words (&b, 0, b.n) == 0)
        {
          add_unit (units, b.first, b.n, KG_SENTENCE_FURNITURE, FALSE);
          continue;
        }
      if (kg__is_byline (&b, &name_first, &name_end, &date_first))
        {
          if (found->byline_end == found->byline_start)
            {
              found->byline_start = tok (&b, name_first)->start;
              found->byline_end = tok (&b, name_end - 1)->end;
            }
          if (found->date == NULL && date_first < b.n)
            found->date = kg__parse_date (text + tok (&b, date_first)->start,
                                          tok (&b, b.n - 1)->end - tok (&b, date_first)->start);
          add_unit (units, b.first, b.n, KG_SENTENCE_FURNITURE, FALSE);
          continue;
        }
      if (kg__is_furniture (&b))
        {
          add_unit (units, b.first, b.n, KG_SENTENCE_FURNITURE, FALSE);
          continue;
        }
      if (block->hint == KG_BLOCK_ITEM || starts_with_marker (&b))
        {
          add_unit (units, b.first, b.n, KG_SENTENCE_BULLET, TRUE);
          seen_content = TRUE;
          continue;
        }

      gboolean heading = is_heading (&b, block->hint);
      if (!seen_content && k + 1 < blocks->len && is_title_candidate (&b))
        {
          if (found->title_end == found->title_start)
            {
              found->title_start = tok (&b, 0)->start;
              found->title_end = tok (&b, b.n - 1)->end;
            }
          add_unit (units, b.first, b.n, is_clause (&b) ? KG_SENTENCE_TITLE : KG_SENTENCE_HEADING, FALSE);
          seen_content = TRUE;
          continue;
        }
      seen_content = TRUE;
      if (heading)
        {
          add_unit (units, b.first, b.n, KG_SENTENCE_HEADING, FALSE);
          continue;
        }
      guint dateline = seen_body ? 0 : dateline_length (&b);
      seen_body = TRUE;
      if (dateline > 0 && dateline < b.n)
        {
          add_unit (units, b.first, dateline, KG_SENTENCE_FURNITURE, FALSE);
          add_unit (units, b.first + dateline, b.n - dateline, KG_SENTENCE_BODY, TRUE);
          continue;
        }
      add_unit (units, b.first, b.n, KG_SENTENCE_BODY, TRUE);
    }
}
