/* segment.c: sentence boundaries inside a block of running text (reading
 * stage, after tokenize.c; blocks themselves, paragraphs, headings and list
 * items, always end a sentence).
 *
 * Method: rules over the tokens, in the spirit of Punkt (Kiss & Strunk
 * 2006) but with fixed lists instead of learnt ones.  A sentence ends after
 * a final token (. ! ? ... and runs of them) and the closing quotes and
 * brackets that follow it, when the next token can start a sentence: a
 * capital, a digit, an opening quote or bracket.  A full stop that the
 * tokenizer kept on an abbreviation ends a sentence only when the next word
 * is one that typically starts sentences (The, He, But ...): "the U.S. The
 * talks" splits, "A. Lukashenko", "Mr. Raisi" and "No. 5" do not.  Titles
 * (Mr., Dr., Gen.) never end a sentence.  Also, as the treebanks do: a
 * citation mark after the full stop stays with it ("... 2009. [3]"); a
 * lower-case word right after . ! ? starts a sentence in informal text
 * (not after an ellipsis or a closing quote: '"Why?" she asked'); a full
 * stop without its space ("quality.You'll") still ends one; a caption
 * credit ("... at the harbour Image: Tomas Reyes.") starts one.  Tuned on
 * EWT dev and GUM train; see scripts/eval-tokenize.
 */
#include "reader-private.h"

#include <string.h>

/* Words that start sentences far more often than they follow an
 * abbreviation inside one. */
static const char *const sentence_starters[] = {
  "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "You",
  "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "But", "And", "Or", "So", "Yet", "However",
  "Meanwhile", "In", "On", "At", "For", "With", "By", "From", "As", "If", "When", "While", "After",
  "Before", "Since", "Although", "Though", "Because", "Despite", "During", "Some", "Many", "Most", "All",
  "Both", "Each", "Every", "No", "Not", "Another", "Other", "Such", "What", "Which", "Who", "Where", "Why",
  "How", "According", "Also", "Then", "Now", "Still", "Today", "Yesterday", "Last", "Next", "Later",
  "Earlier", "Officials", "Thus", "Therefore", "Instead", "Indeed", "Nor", "Neither", "Even", "Only",
  NULL,
};

/* Abbreviations that stand before a name and never end a sentence. */
static const char *const titles[] = {
  "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Drs.", "Prof.", "Rev.", "Hon.", "Gen.", "Col.", "Lt.", "Maj.",
  "Capt.", "Cpt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Cmdr.", "Cdr.", "Gov.", "Sen.", "Rep.", "Pres.",
  "Amb.", "Supt.", "Insp.", "Fr.", "St.", "Mt.", "Ft.", "Mme.", "Mlle.", "No.", "Nos.", "no.", "Art.",
  "Vol.", "Op.", "Fig.", "fig.", "pp.", "vs.", "cf.", "Sec.", "Ch.",
  NULL,
};

static gboolean
token_in (const char *text, const KgRawToken *t, const char *const *list)
{
  gsize n = t->end - t->start;
  for (guint i = 0; list[i]; i++)
    if (strlen (list[i]) == n && memcmp (text + t->start, list[i], n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_char (const char *text, const KgRawToken *t, char c)
{
  return t->end == t->start + 1 && text[t->start] == c;
}

static gboolean
is_ellipsis (const char *text, const KgRawToken *t)
{
  gsize n = t->end - t->start;
  const char *s = text + t->start;
  if (n >= 2 && (s[0] == '[' || s[0] == '('))
    s++, n--;
  return (n >= 2 && s[0] == '.' && s[1] == '.') || (n >= 3 && memcmp (s, "\xe2\x80\xa6", 3) == 0);
}

/* A quote that closes: attached to what comes before it. */
static gboolean
is_closing (const char *text, const KgRawToken *t)
{
  if (t->flags & KG_TOK_CLOSE)
    return TRUE;
  if ((is_char (text, t, '"') || is_char (text, t, '\'')) && !(t->flags & KG_TOK_SPACE_BEFORE))
    return TRUE;
  return FALSE;
}

/* Whether token t can begin a sentence. */
static gboolean
can_start (const char *text, const KgRawToken *tokens, guint n, guint i)
{
  const KgRawToken *t = &tokens[i];
  if (t->flags & (KG_TOK_UPPER | KG_TOK_DIGIT))
    return TRUE;
  if (t->flags & KG_TOK_LOWER)
    return FALSE;
  /* Opening quotes and brackets: look at what they open. */
  if ((t->flags & KG_TOK_OPEN) || is_char (text, t, '"') || is_char (text, t, '\''))
    return i + 1 >= n || !(tokens[i + 1].flags & KG_TOK_LOWER);
  /* Currency signs, bullets, symbols. */
  return !(t->flags & (KG_TOK_FINAL | KG_TOK_CLOSE)) && !is_char (text, t, ',') && !is_char (text, t, ';')
         && !is_char (text, t, ':') && !is_char (text, t, ')');
}

/* The number of tokens of a citation mark "[12]", "[3, 4]", "[a]" at i. */
static guint
citation_length (const char *text, const KgRawToken *tokens, guint n, guint i)
{
  if (i >= n || !is_char (text, &tokens[i], '['))
    return 0;
  for (guint j = i + 1; j < n && j <= i + 6; j++)
    {
      if (is_char (text, &tokens[j], ']'))
        return j > i + 1 ? j + 1 - i : 0;
      if (!(tokens[j].flags & KG_TOK_DIGIT) && !is_char (text, &tokens[j], ',')
          && !(tokens[j].end - tokens[j].start == 1 && g_ascii_islower (text[tokens[j].start])))
        return 0;
    }
  return 0;
}

/* A full stop the tokenizer split off a run-together "quality.You'll". */
static gboolean
missing_space (const char *text, const KgRawToken *stop, const KgRawToken *next)
{
  return is_char (text, stop, '.') && (next->flags & KG_TOK_UPPER) && next->start == stop->end
         && stop->start > 0 && g_ascii_islower (text[stop->start - 1]) && next->end > next->start + 1
         && g_ascii_islower (text[next->start + 1]);
}

void
kg__segment (const char *text, const KgRawToken *tokens, guint n, gboolean *starts)
{
  if (n == 0)
    return;
  memset (starts, 0, n * sizeof *starts);
  starts[0] = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const KgRawToken *t = &tokens[i];
      /* A caption credit after a caption: "Belle Image: Nick Moreau." */
      if (i > 1 && kg__is_caption_label (text, tokens, n, i) && (tokens[i - 1].flags & KG_TOK_WORD)
          && !(tokens[i - 1].flags & KG_TOK_JOINS_NEXT))
        starts[i] = TRUE;
      gboolean final = (t->flags & KG_TOK_FINAL) != 0;
      gboolean abbrev = (t->flags & KG_TOK_ABBREV) != 0;
      if (!final && !abbrev)
        continue;
      /* The closing quotes and brackets after the full stop stay with it,
       * and so do citation marks: "... in 2009. [3] The". */
      guint j = i + 1;
      while (j < n && is_closing (text, &tokens[j]))
        j++;
      j += citation_length (text, tokens, n, j);
      if (j >= n)
        break;
      const KgRawToken *next = &tokens[j];
      if (!(next->flags & KG_TOK_SPACE_BEFORE) && j == i + 1 && !missing_space (text, t, next))
        continue; /* "3.5", "Yahoo!Inc" */
      if (!can_start (text, tokens, n, j))
        {
          /* Informal text starts sentences in lower case too: right after
           * a full stop, question or exclamation mark (not an ellipsis, an
           * abbreviation, or the end of a quotation: '"Why?" she asked')
           * a lower-case word still begins one. */
          if (!final || !(next->flags & KG_TOK_LOWER) || is_ellipsis (text, t) || j != i + 1)
            continue;
        }
      if (abbrev && !final)
        {
          if (token_in (text, t, titles))
            continue;
          if (!token_in (text, next, sentence_starters))
            continue;
        }
      starts[j] = TRUE;
      i = j - 1;
    }
}
