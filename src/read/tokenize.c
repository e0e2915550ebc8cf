/* tokenize.c: words and punctuation of a block of working text, in the
 * conventions of UD English (EWT r2.16, also GUM) that the tagger and parser
 * are trained on (reading stage).
 *
 * Method: rules over one pass of the characters, no allocation per
 * character or token.  The block is cut at white space into chunks; a
 * chunk is read left to right as words (letters, digits and marks, joined
 * by the inside characters that EWT keeps in one token) and punctuation.
 * Then, as the treebank does:
 *   - clitics become words of one multiword token: 's 'm 're 've 'll 'd
 *     n't ("ca" + "n't", "wo" + "n't"), a possessive ' after s, and the
 *     run-together spellings EWT annotates the same way (dont, cannot,
 *     gonna, gotta, im ...);
 *   - hyphens are split off ("Al" "-" "Zaman", "30" "-" "year") except
 *     after a bound prefix (non-, pre-, re-, e-mail ...) and inside digit
 *     groups such as telephone numbers and dates;
 *   - a full stop stays on abbreviations (Mr., Jan., U.S., e.g., A.,
 *     "p. 330", list numbers "1." at a block's start), otherwise it is its
 *     own token (read-document.c takes it back from an abbreviation that
 *     ends a sentence, "etc" "."); runs of . ! ? are one token, as are
 *     "--", "''", "[...]" and emoticons;
 *   - numbers keep their decimal point, thousands commas, and the colons
 *     and slashes of times and dates (10,000 3.5 01:19 9/11); units and
 *     times of day written on are split (6:00 am, 650 k, 375 mm), ordinals
 *     and decades not (20th, 1990s); currency signs and % are tokens of
 *     their own (US$ is one);
 *   - URLs, e-mail addresses, #hashtags, @mentions, the one-letter
 *     shorthands b/c and w/o, and list labels "(a)" are single tokens.
 * The lists of prefixes and run-together forms, and each of these choices,
 * come from the counts of the patterns in the EWT and GUM training sets.
 */
#include "reader-private.h"

#include <string.h>

/* ---- characters ----------------------------------------------------------- */

enum { C_ALPHA = 1, C_DIGIT = 2, C_UPPER = 4, C_LOWER = 8, C_SPACE = 16 };

static const guint8 ascii_class[128] = {
  ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
  ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
  ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define U(c) [c] = C_ALPHA | C_UPPER
#define L(c) [c] = C_ALPHA | C_LOWER
  U ('A'), U ('B'), U ('C'), U ('D'), U ('E'), U ('F'), U ('G'), U ('H'), U ('I'), U ('J'), U ('K'), U ('L'), U ('M'),
  U ('N'), U ('O'), U ('P'), U ('Q'), U ('R'), U ('S'), U ('T'), U ('U'), U ('V'), U ('W'), U ('X'), U ('Y'), U ('Z'),
  L ('a'), L ('b'), L ('c'), L ('d'), L ('e'), L ('f'), L ('g'), L ('h'), L ('i'), L ('j'), L ('k'), L ('l'), L ('m'),
  L ('n'), L ('o'), L ('p'), L ('q'), L ('r'), L ('s'), L ('t'), L ('u'), L ('v'), L ('w'), L ('x'), L ('y'), L ('z'),
#undef U
#undef L
};

/* The class of the character at s (valid UTF-8); *length gets its bytes. */
static inline guint
char_class (const char *s, gsize *length)
{
  guchar b = (guchar) *s;
  if (b < 0x80)
    {
      *length = 1;
      return ascii_class[b] | (b == '_' ? C_ALPHA : 0);
    }
  gunichar c = g_utf8_get_char (s);
  *length = g_utf8_next_char (s) - s;
  if (g_unichar_isspace (c))
    return C_SPACE;
  if (g_unichar_isdigit (c))
    return C_DIGIT;
  /* A replaced bad byte stays inside its word: "Caf\xef\xbf\xbd". */
  if (g_unichar_isalpha (c) || g_unichar_ismark (c) || c == 0xFFFD)
    return C_ALPHA | (g_unichar_isupper (c) || g_unichar_istitle (c) ? C_UPPER : 0)
           | (g_unichar_islower (c) ? C_LOWER : 0);
  return 0;
}

static inline guint
class_at (const char *text, gsize i, gsize end)
{
  gsize n;
  return i < end ? char_class (text + i, &n) : C_SPACE;
}

static inline gboolean
is_alnum_at (const char *text, gsize i, gsize end)
{
  return (class_at (text, i, end) & (C_ALPHA | C_DIGIT)) != 0;
}

static inline gboolean
is_digit_byte (char c)
{
  return c >= '0' && c <= '9';
}

/* The class of the character that ends at i (UTF-8 aware). */
static guint
class_before (const char *text, gsize start, gsize i)
{
  if (i <= start)
    return C_SPACE;
  gsize j = i - 1;
  while (j > start && ((guchar) text[j] & 0xC0) == 0x80)
    j--;
  gsize n;
  return char_class (text + j, &n);
}

/* ---- word lists ----------------------------------------------------------- */

static gboolean
word_in (const char *s, gsize n, const char *const *list, gboolean fold)
{
  for (guint i = 0; list[i]; i++)
    if (strlen (list[i]) == n && (fold ? g_ascii_strncasecmp (s, list[i], n) == 0 : memcmp (s, list[i], n) == 0))
      return TRUE;
  return FALSE;
}

/* Abbreviations written with a full stop; titles, months and days, company
 * and address words, Latin, the AP state abbreviations that are not words. */
static const char *const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Gens", "Prof", "Rev", "Hon", "Gen", "Col", "Lt", "Maj",
  "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps",
  "Pres", "Amb", "Supt", "Insp", "Fr", "Sr", "Jr", "St", "Ste", "Mt", "Ft", "Esq", "Mme", "Mlle",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
  "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Dept", "Univ", "Inst", "Intl", "Natl", "Govt", "Plc",
  "Ave", "Blvd", "Rd", "Hwy", "Apt", "Bldg", "Sq",
  "etc", "vs", "viz", "cf", "al", "approx", "ca", "ed", "eds", "vol", "vols", "pp", "pg", "fig", "figs",
  "Fig", "Figs", "Vol", "Vols", "Ch", "ch", "Sec", "sec", "Art", "No", "Nos", "no", "nos", "Op", "op",
  "div", "fl",
  "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ind", "Kan", "Kans", "Ky", "Md", "Mich", "Minn",
  "Nev", "Okla", "Penn", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo",
  "min", "max", "est", "dept", "misc", "yr", "yrs", "hr", "hrs", "lb", "lbs", "oz", "ft", "sq", "mph",
  NULL,
};

/* Abbreviations that need a number after them (No. 5, Art. 3, Vol. 2). */
static const char *const number_abbreviations[] = {
  "div", "fl", "No", "Nos", "no", "nos", "Art", "Vol", "Vols", "vol", "Op", "op", "Ch", "ch", "Sec", "sec", "pp", "Fig", "fig",
  NULL,
};

/* Prefixes after which EWT and GUM keep a hyphenated word whole. */
static const char *const hyphen_prefixes[] = {
  "non", "pre", "post", "re", "co", "anti", "pro", "semi", "mid", "sub", "ex", "multi", "cross", "e",
  "over", "neo", "counter", "mini", "inter", "un", "intra", "trans", "ultra", "hyper", "micro",
  NULL,
};

/* Number words that make hyphenated numbers (ninety-nine). */
static const char *const tens[] = {
  "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL,
};
static const char *const units[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", NULL,
};

/* Run-together spellings that EWT splits as contractions, with the length
 * of the first word: "dont" = "do" + "nt". */
typedef struct {
  const char *word;
  guint8 length;
  guint8 split;
} Contraction;

#define C(word, split) { word, sizeof (word) - 1, split }
static const Contraction contractions[] = {
  C ("cannot", 3), C ("gonna", 3), C ("wanna", 3), C ("gotta", 3), C ("outta", 3), C ("dont", 2),
  C ("wont", 2), C ("cant", 2), C ("aint", 2), C ("didnt", 3), C ("doesnt", 4), C ("isnt", 2),
  C ("arent", 3), C ("wasnt", 3), C ("werent", 4), C ("havent", 4), C ("hasnt", 3), C ("hadnt", 3),
  C ("couldnt", 5), C ("wouldnt", 5), C ("shouldnt", 6), C ("im", 1), C ("ive", 1), C ("youre", 3),
  C ("theyre", 4), C ("youll", 3), C ("itll", 2), C ("thats", 4), C ("whats", 4), C ("theres", 5),
  C ("heres", 4), C ("kinda", 4), C ("sorta", 4), C ("lotta", 3), C ("alot", 1),
  { NULL, 0, 0 },
};
#undef C

/* ---- emitting ------------------------------------------------------------- */

typedef struct {
  const char *text;
  gsize block_start, block_end;
  GArray *tokens;
  guint open_single_quotes;  /* single quotes opened and not yet closed */
  gboolean chunk_has_at;     /* the chunk has an @, so may hold an e-mail address */
} Tokenizer;

static KgRawToken *
emit (Tokenizer *t, gsize start, gsize end, guint flags)
{
  const char *s = t->text;
  gsize n;
  guint first = char_class (s + start, &n);
  if (first & (C_ALPHA | C_DIGIT))
    flags |= KG_TOK_WORD;
  if (first & C_UPPER)
    flags |= KG_TOK_UPPER;
  if (first & C_LOWER)
    flags |= KG_TOK_LOWER;
  if (first & C_DIGIT)
    flags |= KG_TOK_DIGIT;
  if (start == t->block_start || (class_before (s, t->block_start, start) & C_SPACE))
    flags |= KG_TOK_SPACE_BEFORE;
  if (end >= t->block_end || (class_at (s, end, t->block_end) & C_SPACE))
    flags |= KG_TOK_SPACE_AFTER;
  if (first & C_UPPER)
    {
      /* All upper case: two or more letters and no lower-case one. */
      guint letters = 0;
      gboolean lower = FALSE;
      for (gsize i = start; i < end && !lower; i += n)
        {
          guint c = char_class (s + i, &n);
          letters += (c & C_ALPHA) != 0;
          lower = (c & C_LOWER) != 0;
        }
      if (letters >= 2 && !lower)
        flags |= KG_TOK_ALL_UPPER;
    }
  KgRawToken token = { start, end, flags };
  g_array_append_val (t->tokens, token);
  return &g_array_index (t->tokens, KgRawToken, t->tokens->len - 1);
}

/* Emits word [start, end) with its clitic split off, if it has one. */
static void
emit_with_clitic (Tokenizer *t, gsize start, gsize end, guint flags)
{
  const char *s = t->text + start;
  gsize n = end - start;
  gsize split = 0;
  if (n > 3 && (s[n - 3] == 'n' || s[n - 3] == 'N') && s[n - 2] == '\'' && (s[n - 1] == 't' || s[n - 1] == 'T'))
    split = n - 3;
  else if (n > 2 && s[n - 2] == '\'' && strchr ("sSmMdD", s[n - 1]))
    split = n - 2;
  else if (n > 3 && s[n - 3] == '\''
           && (g_ascii_strncasecmp (s + n - 2, "ll", 2) == 0 || g_ascii_strncasecmp (s + n - 2, "re", 2) == 0
               || g_ascii_strncasecmp (s + n - 2, "ve", 2) == 0))
    split = n - 3;
  else if (n >= 2 && n <= 8)
    for (const Contraction *c = contractions; c->word; c++)
      if (c->length == n && g_ascii_tolower (s[0]) == c->word[0] && g_ascii_strncasecmp (s, c->word, n) == 0)
        {
          split = c->split;
          break;
        }
  if (split == 0)
    {
      emit (t, start, end, flags);
      return;
    }
  emit (t, start, start + split, flags | KG_TOK_JOINS_NEXT);
  emit (t, start + split, end, flags & ~(KG_TOK_ABBREV));
}

/* Whether the hyphenated word [start, end) stays one token. */
static gboolean
keep_hyphenated (const char *s, gsize start, gsize end)
{
  const char *first_hyphen = memchr (s + start, '-', end - start);
  gsize first_len = first_hyphen - (s + start);
  gboolean one_hyphen = memchr (first_hyphen + 1, '-', s + end - first_hyphen - 1) == NULL;
  /* A bound prefix keeps one hyphen: "non-profit", but "non-adult-like". */
  if (one_hyphen && word_in (s + start, first_len, hyphen_prefixes, TRUE))
    return TRUE;
  if (one_hyphen && word_in (s + start, first_len, tens, TRUE)
      && word_in (first_hyphen + 1, s + end - first_hyphen - 1, units, TRUE))
    return TRUE;
  /* Digit groups: telephone numbers, dates, codes (713-853-3989,
   * 11-20-2000, 646-8420); two groups only in the telephone shape, since a
   * range (10-15) is split. */
  guint groups = 1, digits = 0, group_digits[2] = { 0, 0 };
  for (gsize i = start; i < end; i++)
    {
      if (s[i] == '-')
        {
          groups++;
          continue;
        }
      if (!is_digit_byte (s[i]))
        return FALSE;
      digits++;
      if (groups <= 2)
        group_digits[groups - 1]++;
    }
  return groups >= 3 || (groups == 2 && group_digits[0] == 3 && group_digits[1] == 4);
}

/* Where a number with a unit or time of day written on ("6:00am",
 * "375mm") splits, or 0; ordinals and decades (20th, 1990s) stay. */
static gsize
unit_split (const char *s, gsize start, gsize end)
{
  gsize i = start;
  while (i < end && (is_digit_byte (s[i]) || ((s[i] == '.' || s[i] == ',' || s[i] == ':') && i > start)))
    i++;
  if (i == start || i >= end || !is_digit_byte (s[i - 1]))
    return 0;
  /* One letter: thousands, millions, billions, times (650k, $5m, 2x). */
  if (i + 1 == end)
    return strchr ("kmbxKMB", s[i]) ? i : 0;
  for (gsize j = i; j < end; j++)
    if (!g_ascii_isalpha (s[j]))
      return 0;
  static const char *const suffixes[] = { "th", "st", "nd", "rd", NULL };
  if (word_in (s + i, end - i, suffixes, TRUE))
    return 0;
  return i;
}

/* Emits a word, splitting its hyphens and its clitic. */
static void
emit_word (Tokenizer *t, gsize start, gsize end, guint flags)
{
  const char *s = t->text;
  gsize unit = flags & KG_TOK_ABBREV ? 0 : unit_split (s, start, end);
  if (unit)
    {
      emit (t, start, unit, 0);
      emit (t, unit, end, 0);
      return;
    }
  if (flags & KG_TOK_ABBREV || !memchr (s + start, '-', end - start) || keep_hyphenated (s, start, end))
    {
      emit_with_clitic (t, start, end, flags);
      return;
    }
  gsize part = start;
  for (gsize i = start; i < end; i++)
    if (s[i] == '-')
      {
        emit (t, part, i, flags & ~(KG_TOK_ABBREV));
        emit (t, i, i + 1, 0);
        part = i + 1;
      }
  emit_with_clitic (t, part, end, flags);
}

/* ---- scanning ------------------------------------------------------------- */

/* Whether the full stop at i ends a sentence whose next one starts right
 * after it: a lower-case word of two or more letters before, a capitalised
 * word (capital, then lower case) after. */
static gboolean
missing_space (const char *s, gsize i, gsize end)
{
  if (i + 2 >= end || !g_ascii_isupper (s[i + 1]) || !g_ascii_islower (s[i + 2]))
    return FALSE;
  guint letters = 0;
  for (gsize j = i; j > 0 && g_ascii_isalpha (s[j - 1]); j--)
    {
      if (!g_ascii_islower (s[j - 1]))
        return FALSE;
      letters++;
    }
  if (letters < 2 || (i > letters && s[i - letters - 1] == '.'))
    return FALSE;
  /* The word after must end within the chunk like a word, not a domain. */
  gsize j = i + 1;
  while (j < end && g_ascii_isalpha (s[j]))
    j++;
  return j >= end || s[j] != '.';
}

/* The end of the word that starts at i: letters, digits and marks, and the
 * inside characters EWT keeps: O'Brien, U.S, 3.5, 10,000, self-made, AT&T,
 * 9/11, 01:19. */
static gsize
scan_word (const char *s, gsize i, gsize end)
{
  gsize n;
  while (i < end)
    {
      guint c = char_class (s + i, &n);
      if (c & (C_ALPHA | C_DIGIT))
        {
          i += n;
          continue;
        }
      char b = s[i];
      guint prev = class_before (s, 0, i);
      guint next = class_at (s, i + 1, end);
      gboolean join = FALSE;
      switch (b)
        {
        case '\'':
          join = (next & C_ALPHA) != 0;
          break;
        case '.':
          /* "quality.You'll": a full stop without its space, not an inside one. */
          join = (next & (C_ALPHA | C_DIGIT)) != 0 && !missing_space (s, i, end);
          break;
        case '-':
          join = (next & (C_ALPHA | C_DIGIT)) != 0;
          break;
        case ',':
          join = (prev & C_DIGIT) && i + 3 < end && is_digit_byte (s[i + 1]) && is_digit_byte (s[i + 2])
                 && is_digit_byte (s[i + 3]) && !(i + 4 < end && is_digit_byte (s[i + 4]));
          break;
        case '&':
          join = (prev & C_UPPER) && (next & C_UPPER);
          break;
        case '/':
          /* 9/11, and the one-letter shorthands b/c, w/o, l/c */
          join = ((prev & C_DIGIT) && (next & C_DIGIT))
                 || ((prev & C_ALPHA) && (next & C_ALPHA) && i >= 1 && i + 2 <= end
                     && (i < 2 || !g_ascii_isalnum (s[i - 2])) && (i + 2 == end || !g_ascii_isalnum (s[i + 2])));
          break;
        case ':':
          join = (prev & C_DIGIT) && (next & C_DIGIT);
          break;
        default:
          break;
        }
      if (!join)
        break;
      i++;
    }
  return i;
}

static gboolean
has_prefix_fold (const char *s, gsize i, gsize end, const char *prefix)
{
  gsize n = strlen (prefix);
  return end - i >= n && g_ascii_strncasecmp (s + i, prefix, n) == 0;
}

/* The end of a URL or e-mail address starting at i, or i if there is none. */
static gsize
scan_url (const char *s, gsize i, gsize end, gboolean may_be_email)
{
  gboolean url = has_prefix_fold (s, i, end, "http://") || has_prefix_fold (s, i, end, "https://")
                 || has_prefix_fold (s, i, end, "ftp://") || has_prefix_fold (s, i, end, "mailto:")
                 || (has_prefix_fold (s, i, end, "www.") && i + 4 < end && g_ascii_isalnum (s[i + 4]));
  if (!url && !may_be_email)
    return i;
  if (!url)
    {
      /* An e-mail address: local part, @, a domain with a dot. */
      gsize j = i;
      while (j < end && (g_ascii_isalnum (s[j]) || strchr ("._%+-", s[j])))
        j++;
      if (j == i || j >= end || s[j] != '@')
        return i;
      gsize k = j + 1, dot = 0;
      while (k < end && (g_ascii_isalnum (s[k]) || s[k] == '.' || s[k] == '-'))
        {
          if (s[k] == '.' && k + 1 < end && g_ascii_isalnum (s[k + 1]))
            dot = k;
          k++;
        }
      if (dot == 0)
        return i;
    }
  gsize j = i;
  int parens = 0, brackets = 0;
  while (j < end)
    {
      parens += s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
      brackets += s[j] == '[' ? 1 : s[j] == ']' ? -1 : 0;
      j++;
    }
  /* Trailing punctuation belongs to the sentence, and a closing bracket to
   * the text unless the URL opened it. */
  while (j > i)
    {
      char c = s[j - 1];
      if (c == ')' && parens < 0)
        parens++;
      else if (c == ']' && brackets < 0)
        brackets++;
      else if (!strchr (".,;:!?'\">", c))
        break;
      j--;
    }
  return j;
}

static gboolean
starts_month (const char *s, gsize n)
{
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", NULL,
  };
  for (guint i = 0; months[i]; i++)
    if (n >= 3 && memcmp (s, months[i], 3) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the word [start, end) takes the full stop after it. */
static gboolean
takes_full_stop (const char *s, gsize start, gsize end, gsize block_end, guint *flags)
{
  gsize n = end - start;
  const char *w = s + start;
  /* Initials and letter-dot abbreviations: A. U.S. e.g. a.m. Ph.D. */
  gboolean dotted = TRUE, dots = FALSE;
  guint run = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (w[i] == '.')
        {
          dots = TRUE;
          if (run == 0 || run > 3)
            dotted = FALSE;
          run = 0;
        }
      else if (g_ascii_isalpha (w[i]))
        run++;
      else
        dotted = FALSE;
    }
  if (dots && dotted && run >= 1 && run <= 3)
    {
      *flags |= KG_TOK_ABBREV;
      return TRUE;
    }
  if (n == 1 && g_ascii_isupper (w[0]) && w[0] != 'I')
    {
      *flags |= KG_TOK_ABBREV;
      return TRUE;
    }
  gboolean lower_letter = n == 1 && g_ascii_islower (w[0]);
  if (!lower_letter && !word_in (w, n, abbreviations, FALSE))
    return FALSE;
  if (lower_letter || word_in (w, n, number_abbreviations, FALSE))
    {
      /* "No. 5", "p. 330", "b. March 2009", but "said no." */
      gsize j = end + 1;
      while (j < block_end && (s[j] == ' ' || s[j] == '\n'))
        j++;
      if (j >= block_end)
        return FALSE;
      if (!is_digit_byte (s[j]) && !(lower_letter && starts_month (s + j, block_end - j)))
        return FALSE;
    }
  *flags |= KG_TOK_ABBREV;
  return TRUE;
}

/* The end of the punctuation token at i. */
static gsize
scan_punct (const char *s, gsize i, gsize end, guint *flags)
{
  char c = s[i];
  gsize j = i + 1;
  switch (c)
    {
    case '.':
    case '!':
    case '?':
      while (j < end && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
        j++;
      *flags |= KG_TOK_FINAL;
      return j;
    case ':':
    case ';':
    case '=':
      {
        /* Emoticons :) ;-) :D =( */
        gsize k = j;
        if (k < end && s[k] == '-')
          k++;
        if (k < end && strchr (")(DPpO/", s[k]) && (k + 1 >= end || !g_ascii_isalnum (s[k + 1]))
            && !(s[k] == '/' && k + 1 < end && s[k + 1] == '/'))
          return k + 1;
        if (c == '=')
          while (j < end && s[j] == '=')
            j++;
        return j;
      }
    case '-':
    case '*':
    case '~':
    case '>':
    case '<':
    case '+':
    case '^':
    case '`':
    case '$':
      while (j < end && s[j] == c)
        j++;
      if (c == '-' && j - i >= 2)
        while (j < end && s[j] == '>')
          j++;
      return j;
    case '\'':
      if (j < end && s[j] == '\'')
        j++;
      return j;
    case '(':
    case '[':
    case '{':
      *flags |= KG_TOK_OPEN;
      return j;
    case ')':
    case ']':
    case '}':
      *flags |= KG_TOK_CLOSE;
      return j;
    default:
      break;
    }
  if ((guchar) c >= 0x80)
    {
      gunichar u = g_utf8_get_char (s + i);
      j = g_utf8_next_char (s + i) - s;
      if (u == 0x2026)
        *flags |= KG_TOK_FINAL;
      else if (u == 0x00AB || u == 0x2039)
        *flags |= KG_TOK_OPEN;
      else if (u == 0x00BB || u == 0x203A)
        *flags |= KG_TOK_CLOSE;
    }
  return j;
}

static gboolean
all_upper (const char *s, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    if (!g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

/* A word cut off and restarted: "th- the", "f- for" (GUM keeps the
 * hyphen on the fragment). */
static gboolean
is_truncation (const char *s, gsize start, gsize end, gsize block_end)
{
  gsize n = end - start;
  if (n == 0 || n > 3)
    return FALSE;
  for (gsize i = start; i < end; i++)
    if (!g_ascii_isalpha (s[i]))
      return FALSE;
  gsize next = end + 1;
  while (next < block_end && s[next] == ' ')
    next++;
  return next + n < block_end && g_ascii_strncasecmp (s + start, s + next, n) == 0;
}

static void
tokenize_chunk (Tokenizer *t, gsize i, gsize end)
{
  const char *s = t->text;
  while (i < end)
    {
      gsize n;
      guint c = char_class (s + i, &n);
      gboolean starts_number = s[i] == '.' && i + 1 < end && is_digit_byte (s[i + 1])
                               && !(class_before (s, t->block_start, i) & (C_ALPHA | C_DIGIT));
      if ((c & (C_ALPHA | C_DIGIT)) || starts_number
          || ((s[i] == '#' || s[i] == '@') && (class_at (s, i + 1, end) & C_ALPHA)
              && !(class_before (s, t->block_start, i) & (C_ALPHA | C_DIGIT))))
        {
          gsize url_end = (c & (C_ALPHA | C_DIGIT)) ? scan_url (s, i, end, t->chunk_has_at) : i;
          if (url_end > i)
            {
              emit (t, i, url_end, 0);
              i = url_end;
              continue;
            }
          gsize word_end = scan_word (s, (c & (C_ALPHA | C_DIGIT)) ? i : i + 1, end);
          guint flags = 0;
          if (word_end < end && s[word_end] == '.' && (c & C_ALPHA) && !(word_end + 1 < end && s[word_end + 1] == '.')
              && takes_full_stop (s, i, word_end, t->block_end, &flags))
            word_end++;
          else if (word_end + 1 == end && s[word_end] == '.' && i == t->block_start && (c & C_DIGIT)
                   && word_end - i <= 6)
            {
              /* A list number at the start of a block: "1.", "2.1." */
              word_end++;
              flags |= KG_TOK_ABBREV;
            }
          else if (word_end + 1 == end && word_end == i + 1 && s[word_end] == ')' && g_ascii_islower (s[i])
                   && (i == t->block_start || (i >= t->block_start + 2 && s[i - 2] != '\0' && strchr (".:;", s[i - 2]))))
            {
              /* A list label "a) Leaving" (GUM keeps it whole). */
              emit (t, i, word_end + 1, 0);
              i = word_end + 1;
              continue;
            }
          else if (word_end < end && s[word_end] == '$' && word_end - i <= 3 && (c & C_UPPER)
                   && all_upper (s, i, word_end))
            {
              /* A currency with its country: US$, HK$, A$ */
              emit (t, i, word_end + 1, 0);
              i = word_end + 1;
              continue;
            }
          else if (word_end + 1 == end && s[word_end] == '-' && is_truncation (s, i, word_end, t->block_end))
            {
              emit (t, i, word_end + 1, 0);
              i = word_end + 1;
              continue;
            }
          emit_word (t, i, word_end, flags);
          i = word_end;
          continue;
        }

      if (s[i] == '(' && i + 3 == end && s[i + 2] == ')' && g_ascii_islower (s[i + 1]))
        {
          /* A list label: "(a) the quantity", GUM's single token. */
          emit (t, i, i + 3, 0);
          i += 3;
          continue;
        }
      if ((s[i] == '[' || s[i] == '(') && end - i >= 5 && memcmp (s + i + 1, "...", 3) == 0
          && s[i + 4] == (s[i] == '[' ? ']' : ')'))
        {
          /* An elision mark in a quotation: "[...]"; it may end a sentence. */
          emit (t, i, i + 5, KG_TOK_FINAL);
          i += 5;
          continue;
        }
      guint flags = 0;
      gsize punct_end = scan_punct (s, i, end, &flags);
      if (s[i] == '\'' && punct_end == i + 1)
        {
          /* A single quote: opening before a word, a possessive after a
           * plural in s (EWT: "parents'" = "parents" + "'"), else closing. */
          gboolean before_word = (class_at (s, i + 1, end) & (C_ALPHA | C_DIGIT)) != 0;
          gboolean after_word = (class_before (s, t->block_start, i) & (C_ALPHA | C_DIGIT)) != 0;
          if (before_word && !after_word)
            {
              flags |= KG_TOK_OPEN;
              t->open_single_quotes++;
            }
          else if (after_word && t->open_single_quotes == 0 && t->tokens->len > 0 && (s[i - 1] == 's' || s[i - 1] == 'S'))
            g_array_index (t->tokens, KgRawToken, t->tokens->len - 1).flags |= KG_TOK_JOINS_NEXT;
          else if (after_word)
            {
              flags |= KG_TOK_CLOSE;
              if (t->open_single_quotes > 0)
                t->open_single_quotes--;
            }
        }
      emit (t, i, punct_end, flags);
      i = punct_end;
    }
}

void
kg__tokenize (const char *text, gsize start, gsize end, GArray *tokens)
{
  Tokenizer t = { text, start, end, tokens, 0, FALSE };
  gsize i = start;
  while (i < end)
    {
      gsize n;
      while (i < end && (char_class (text + i, &n) & C_SPACE))
        i += n;
      gsize chunk = i;
      while (i < end && !(char_class (text + i, &n) & C_SPACE))
        i += n;
      if (i > chunk)
        {
          t.chunk_has_at = memchr (text + chunk, '@', i - chunk) != NULL;
          tokenize_chunk (&t, chunk, i);
        }
    }
}
