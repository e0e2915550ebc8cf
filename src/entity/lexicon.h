/* lexicon.h: the word lists of the entity stage (data/lexicon/): countries
 * and their nationality adjectives, first names with gender, roles and
 * titles, honorifics, common name variants, and the words that mark
 * organisation and natural-place names; plus, when Debian's iso-codes is
 * installed, the names of subdivisions.  Loaded once, read-only, shared by
 * every thread.  Lookups take text as written and compare canonical keys
 * (kgraph/canonical.h), except aliases, which are matched as written. */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include <glib.h>

typedef struct _KgLexicon KgLexicon;

typedef enum {
  KG_GENDER_UNKNOWN = 0,
  KG_GENDER_MALE,
  KG_GENDER_FEMALE,
} KgGender;

/* Reads the lists in dir.  Fails with KG_ERROR_MODEL naming a missing or
 * malformed file.  (transfer full) */
KgLexicon *kg_lexicon_load (const char *dir, GError **error);
void kg_lexicon_free (KgLexicon *lexicon);

/* The short English name of the country called name ("Islamic Republic of
 * Iran" -> "Iran"), or NULL. */
const char *kg_lexicon_country (const KgLexicon *lexicon, const char *name);
/* The country of a nationality word ("Iranian", "Iranians" -> "Iran"), or
 * NULL. */
const char *kg_lexicon_demonym_country (const KgLexicon *lexicon, const char *word);
/* The country whose capital name is ("Minsk" -> "Belarus"), or NULL. */
const char *kg_lexicon_capital_country (const KgLexicon *lexicon, const char *name);
/* Is name a subdivision (province, state, city with its own ISO code)? */
gboolean kg_lexicon_is_subdivision (const KgLexicon *lexicon, const char *name);
KgGender kg_lexicon_first_name_gender (const KgLexicon *lexicon, const char *name);
/* Is phrase (one or more words) a role or title ("foreign minister")? */
gboolean kg_lexicon_is_role (const KgLexicon *lexicon, const char *phrase);
gboolean kg_lexicon_is_honorific (const KgLexicon *lexicon, const char *word);
/* Is word an honorific or another form of address or rank that stands
 * before a name without being an office ("Dr.", "Gen.", "Ayatollah")? */
gboolean kg_lexicon_is_address_form (const KgLexicon *lexicon, const char *word);
/* The role an abbreviation stands for ("FM" -> "foreign minister"), or NULL. */
const char *kg_lexicon_role_abbreviation (const KgLexicon *lexicon, const char *word);
/* The relation of the graph's vocabulary that a normalised predicate
 * states ("meet with" -> "met", "foreign minister of" -> "holds office"
 * with *office "foreign minister", transfer full; "conduct strike against"
 * as "strike against", "sign deal with" as "sign with"), or NULL when it
 * is none (relations.tsv, roles.txt). */
const char *kg_lexicon_relation (const KgLexicon *lexicon, const char *predicate, char **office);
/* Is lemma a noun too vague to be a node on its own ("side", "world")? */
gboolean kg_lexicon_is_vague_noun (const KgLexicon *lexicon, const char *lemma);
/* Is lemma a noun that a nationality makes its country's state ("troops",
 * "government")? */
gboolean kg_lexicon_is_state_noun (const KgLexicon *lexicon, const char *lemma);
/* Is form a plural that means what its singular does not ("relations",
 * "talks")? */
gboolean kg_lexicon_is_plural_noun (const KgLexicon *lexicon, const char *form);
gboolean kg_lexicon_is_org_word (const KgLexicon *lexicon, const char *word);
gboolean kg_lexicon_is_place_word (const KgLexicon *lexicon, const char *word);
/* Is name the canonical name of the alias table ("United Nations")? */
gboolean kg_lexicon_is_canonical_name (const KgLexicon *lexicon, const char *name);
/* The canonical name of a known variant ("U.S." -> "United States"), or
 * NULL. */
const char *kg_lexicon_alias (const KgLexicon *lexicon, const char *name);

/* What the lists know a word or phrase as, one bit per list.  The values
 * are features of the name recogniser's model: add, never renumber. */
typedef enum {
  KG_LEXICON_COUNTRY = 1 << 0,      /* kg_lexicon_country() */
  KG_LEXICON_DEMONYM = 1 << 1,      /* kg_lexicon_demonym_country() */
  KG_LEXICON_MALE_NAME = 1 << 2,    /* kg_lexicon_first_name_gender() */
  KG_LEXICON_FEMALE_NAME = 1 << 3,
  KG_LEXICON_ROLE = 1 << 4,         /* kg_lexicon_is_role() */
  KG_LEXICON_HONORIFIC = 1 << 5,
  KG_LEXICON_ORG_WORD = 1 << 6,
  KG_LEXICON_PLACE_WORD = 1 << 7,
  KG_LEXICON_SUBDIVISION = 1 << 8,  /* kg_lexicon_is_subdivision() */
  KG_LEXICON_ALIAS = 1 << 9,        /* kg_lexicon_alias() */
  KG_LEXICON_CAPITAL = 1 << 10,     /* kg_lexicon_capital_country() */
  KG_LEXICON_ORG_NAME = 1 << 11,    /* a well-known organisation (org-names.txt) */
} KgLexiconMark;

/* Every list that holds text, as KgLexiconMark bits: the lookups above
 * with the key computed once, for callers that ask about every word. */
guint kg_lexicon_marks (const KgLexicon *lexicon, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KgLexicon, kg_lexicon_free)

#endif
