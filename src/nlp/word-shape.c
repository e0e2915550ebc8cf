/* word-shape.c: hashes and flags of single words (see word-shape.h). */
#include "word-shape.h"
#include "perceptron.h"

#include <string.h>

const char *
kg_word_lower (const char *form, char *buffer, gsize size, char **allocated)
{
  *allocated = NULL;
  gsize n = 0;
  for (const char *p = form; *p; p++, n++)
    {
      if ((guchar) *p >= 0x80 || n + 1 >= size)
        {
          *allocated = g_utf8_strdown (form, -1);
          return *allocated;
        }
      buffer[n] = g_ascii_tolower (*p);
    }
  buffer[n] = '\0';
  return buffer;
}

static char
shape_class (gunichar c)
{
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return 'X';
  if (g_unichar_isalpha (c))
    return 'x';
  if (g_unichar_isdigit (c))
    return 'd';
  if (c < 0x80)
    return (char) c;
  return g_unichar_ispunct (c) ? '.' : 'o';
}

void
kg_word_shape_compute (const char *form, KgWordShape *out)
{
  char small[128];
  g_autofree char *big = NULL;
  const char *lower = kg_word_lower (form, small, sizeof small, &big);
  gsize lower_len = strlen (lower);

  out->form = kg_feature_string (form, -1);
  out->lower = kg_feature_string (lower, lower_len);

  /* Shape, flags and character count in one pass. */
  char shape[64];
  guint shape_len = 0, run = 0, n_chars = 0, n_upper = 0, n_letters = 0, n_digits = 0, n_numeric = 0;
  char last = 0;
  guint32 flags = 0;
  for (const char *p = form; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char cls = shape_class (c);
      run = cls == last ? run + 1 : 1;
      last = cls;
      if (run <= 2 && shape_len < sizeof shape - 1)
        shape[shape_len++] = cls;
      n_chars++;
      n_upper += cls == 'X';
      n_letters += cls == 'X' || cls == 'x';
      n_digits += cls == 'd';
      n_numeric += cls == 'd' || c == ',' || c == '.';
      if (c == '-')
        flags |= KG_WORD_HAS_HYPHEN;
      if (c == '.')
        flags |= KG_WORD_HAS_PERIOD;
    }
  out->shape = kg_feature_string (shape, shape_len);
  if (n_letters > 0 && n_upper == n_letters && n_letters > 1)
    flags |= KG_WORD_ALL_UPPER;
  else if (n_letters > 0 && shape_class (g_utf8_get_char (form)) == 'X')
    flags |= KG_WORD_TITLE;
  if (n_digits > 0)
    flags |= KG_WORD_HAS_DIGIT;
  if (n_digits > 0 && n_numeric == n_chars)
    flags |= KG_WORD_ALL_DIGIT;
  if (n_letters == 0)
    flags |= KG_WORD_NO_LETTER;
  out->flags = flags;
  out->length = n_chars;

  /* Affixes of the lower-cased form, in characters. */
  const char *ends[KG_WORD_N_AFFIXES + 1];
  guint n_ends = 0;
  for (const char *p = lower; *p && n_ends < KG_WORD_N_AFFIXES; )
    {
      p = g_utf8_next_char (p);
      ends[n_ends++] = p;
    }
  for (guint k = 0; k < KG_WORD_N_AFFIXES; k++)
    {
      const char *end = ends[MIN (k, n_ends ? n_ends - 1 : 0)];
      out->prefix[k] = n_ends ? kg_feature_mix (k + 1, kg_feature_string (lower, end - lower)) : 0;
    }
  const char *q = lower + lower_len;
  for (guint k = 0; k < KG_WORD_N_AFFIXES; k++)
    {
      if (q > lower)
        q = g_utf8_find_prev_char (lower, q);
      out->suffix[k] = kg_feature_mix (k + 101, kg_feature_string (q ? q : lower, lower + lower_len - (q ? q : lower)));
    }
}

GHashTable *
kg_word_cases_new (const KgDocument *doc)
{
  GHashTable *cases = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint s = 0; s < kg_document_get_n_sentences (doc); s++)
    {
      const KgSentence *sentence = kg_document_get_sentence (doc, s);
      for (guint i = 1; i < sentence->n_tokens; i++)
        {
          KgWordShape w;
          kg_word_shape_compute (kg_document_get_token (doc, sentence->first_token + i)->form, &w);
          guint bit = (w.flags & (KG_WORD_TITLE | KG_WORD_ALL_UPPER)) ? 2 : (w.flags & KG_WORD_NO_LETTER) ? 0 : 1;
          gpointer key = GUINT_TO_POINTER ((guint) w.lower | 1);
          g_hash_table_insert (cases, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (cases, key)) | bit));
        }
    }
  return cases;
}

guint
kg_word_case_of (GHashTable *cases, const KgWordShape *w)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (cases, GUINT_TO_POINTER ((guint) w->lower | 1)));
}

gboolean
kg_words_look_like_headline (const KgWordShape *words, guint n)
{
  guint long_words = 0, capitalised = 0;
  for (guint i = 0; i < n; i++)
    if (words[i].length > 3 && !(words[i].flags & KG_WORD_NO_LETTER))
      {
        long_words++;
        capitalised += (words[i].flags & (KG_WORD_TITLE | KG_WORD_ALL_UPPER)) != 0;
      }
  return long_words >= 3 && capitalised * 5 >= long_words * 4;
}

gboolean
kg_word_is_acronym (const char *word)
{
  gsize n = strlen (word);
  if (n < 2 || n > 8)
    return FALSE;
  for (const char *p = word; *p; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}
