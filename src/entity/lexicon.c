/* lexicon.c: loading and looking up the entity stage's word lists (see
 * lexicon.h). */
#include "lexicon.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define ISO_SUBDIVISIONS "/usr/share/iso-codes/json/iso_3166-2.json"

struct _KgLexicon {
  GHashTable *countries;     /* key of a name -> short English name */
  GHashTable *demonyms;      /* key of a nationality adjective -> short English name */
  GHashTable *subdivisions;  /* key of a name without diacritics -> itself */
  GHashTable *capitals;      /* key of a capital -> its country */
  GHashTable *first_names;   /* key -> KgGender */
  GHashTable *roles;         /* key -> itself */
  GHashTable *honorifics;
  GHashTable *org_words;
  GHashTable *place_words;
  GHashTable *org_names;       /* well-known organisations (org-names.txt) */
  GHashTable *aliases;       /* variant as written -> canonical name */
  GHashTable *canonical_names;  /* key of a canonical name of the alias table -> itself */
  GHashTable *role_abbreviations;  /* as written -> role */
  GHashTable *relations;     /* normalised predicate -> relation of the vocabulary */
  GHashTable *address_forms; /* key -> itself: ranks and forms of address beside honorifics */
  GHashTable *vague_nouns;   /* key -> itself: nouns too vague to be a node alone */
  GHashTable *state_nouns;   /* key -> itself: nouns a nationality makes its country's state */
  GHashTable *plural_nouns;  /* key -> itself: plurals concept labels keep ("relations") */
};

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Reads the lines of a list, skipping blank lines and '#' comments, and
 * calls add() with the tab-separated fields of each. */
static gboolean
read_lines (const char *dir, const char *name, guint n_fields, void (*add) (KgLexicon *, char **),
            KgLexicon *lexicon, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s: cannot read the lexicon: %s", path, local->message);
      return FALSE;
    }
  /* Lines cut in place: g_strsplit() would look for each newline with
   * strstr(), whose sanitizer interceptor measures the rest of the file
   * every time (quadratic under make check-asan). */
  char *next = text;
  for (guint i = 0; next; i++)
    {
      char *line = next;
      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != n_fields || !g_utf8_validate (line, -1, NULL))
        {
          g_set_error (error, KG_ERROR, KG_ERROR_MODEL, "%s:%u: expected %u tab-separated fields", path, i + 1,
                       n_fields);
          return FALSE;
        }
      add (lexicon, fields);
    }
  return TRUE;
}

static void
insert_key (GHashTable *table, const char *text, const char *value)
{
  char *key = kg_canonical_key (text);
  if (*key == '\0')
    {
      g_free (key);
      return;
    }
  g_hash_table_replace (table, key, g_strdup (value));
}

static void
add_country (KgLexicon *lexicon, char **fields)
{
  /* code, label, kind, variant */
  GHashTable *table = strcmp (fields[2], "demonym") == 0 ? lexicon->demonyms : lexicon->countries;
  insert_key (table, fields[3], fields[1]);
  if (table == lexicon->countries)
    insert_key (table, fields[1], fields[1]);
}

static void
add_capital (KgLexicon *lexicon, char **fields)
{
  insert_key (lexicon->capitals, fields[0], fields[1]);
}

static void
add_first_name (KgLexicon *lexicon, char **fields)
{
  KgGender gender = strcmp (fields[1], "female") == 0 ? KG_GENDER_FEMALE : KG_GENDER_MALE;
  char *key = kg_canonical_key (fields[0]);
  g_hash_table_replace (lexicon->first_names, key, g_memdup2 (&gender, sizeof gender));
}

static void
add_alias (KgLexicon *lexicon, char **fields)
{
  g_hash_table_replace (lexicon->aliases, g_strdup (fields[0]), g_strdup (fields[1]));
  insert_key (lexicon->canonical_names, fields[1], fields[1]);
}

static void
add_relation (KgLexicon *lexicon, char **fields)
{
  g_hash_table_replace (lexicon->relations, g_strdup (fields[0]), g_strdup (fields[1]));
}

static void
add_role_abbreviation (KgLexicon *lexicon, char **fields)
{
  g_hash_table_replace (lexicon->role_abbreviations, g_strdup (fields[0]), g_strdup (fields[1]));
}

#define WORD_LIST_ADDER(name, table) \
  static void name (KgLexicon *lexicon, char **fields) { insert_key (lexicon->table, fields[0], fields[0]); }
WORD_LIST_ADDER (add_role, roles)
WORD_LIST_ADDER (add_honorific, honorifics)
WORD_LIST_ADDER (add_org_word, org_words)
WORD_LIST_ADDER (add_place_word, place_words)
WORD_LIST_ADDER (add_org_name, org_names)
WORD_LIST_ADDER (add_address_form, address_forms)
WORD_LIST_ADDER (add_vague_noun, vague_nouns)
WORD_LIST_ADDER (add_state_noun, state_nouns)
WORD_LIST_ADDER (add_plural_noun, plural_nouns)

/* The canonical key of text with its diacritics removed ("Tehrān" ->
 * "tehran"), for names written in transliteration. */
static char *
plain_key (const char *text)
{
  if (g_str_is_ascii (text))
    return kg_canonical_key (text);
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *plain = g_string_new (NULL);
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (plain, c);
    }
  g_autofree char *s = g_string_free (plain, FALSE);
  return kg_canonical_key (s);
}

/* Subdivision names from iso-codes, if installed; a missing or unreadable
 * file leaves the table empty (they only confirm what the rules find). */
static void
load_subdivisions (KgLexicon *lexicon)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, ISO_SUBDIVISIONS, NULL))
    return;
  JsonNode *root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;
  JsonNode *list = json_object_get_member (json_node_get_object (root), "3166-2");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return;
  JsonArray *array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      const char *name = json_object_get_string_member_with_default (json_node_get_object (item), "name", NULL);
      if (name && g_utf8_validate (name, -1, NULL))
        {
          char *key = plain_key (name);
          g_hash_table_replace (lexicon->subdivisions, key, g_strdup (key));
          /* Chinese provinces and cities are written without their kind
           * in English ("Guangdong Sheng", "Shanghai Shi") */
          if (g_str_has_suffix (key, " sheng") || g_str_has_suffix (key, " shi"))
            {
              char *short_key = g_strndup (key, strrchr (key, ' ') - key);
              g_hash_table_replace (lexicon->subdivisions, short_key, g_strdup (short_key));
            }
        }
    }
}

KgLexicon *
kg_lexicon_load (const char *dir, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_autoptr (KgLexicon) lexicon = g_new0 (KgLexicon, 1);
  lexicon->countries = new_table ();
  lexicon->demonyms = new_table ();
  lexicon->subdivisions = new_table ();
  lexicon->capitals = new_table ();
  lexicon->first_names = new_table ();
  lexicon->roles = new_table ();
  lexicon->honorifics = new_table ();
  lexicon->org_words = new_table ();
  lexicon->place_words = new_table ();
  lexicon->org_names = new_table ();
  lexicon->aliases = new_table ();
  lexicon->canonical_names = new_table ();
  lexicon->role_abbreviations = new_table ();
  lexicon->relations = new_table ();
  lexicon->address_forms = new_table ();
  lexicon->vague_nouns = new_table ();
  lexicon->state_nouns = new_table ();
  lexicon->plural_nouns = new_table ();
  if (!read_lines (dir, "countries.tsv", 4, add_country, lexicon, error)
      || !read_lines (dir, "first-names.tsv", 2, add_first_name, lexicon, error)
      || !read_lines (dir, "capitals.tsv", 2, add_capital, lexicon, error)
      || !read_lines (dir, "roles.txt", 1, add_role, lexicon, error)
      || !read_lines (dir, "honorifics.txt", 1, add_honorific, lexicon, error)
      || !read_lines (dir, "org-words.txt", 1, add_org_word, lexicon, error)
      || !read_lines (dir, "place-words.txt", 1, add_place_word, lexicon, error)
      || !read_lines (dir, "org-names.txt", 1, add_org_name, lexicon, error)
      || !read_lines (dir, "aliases.tsv", 2, add_alias, lexicon, error)
      || !read_lines (dir, "relations.tsv", 2, add_relation, lexicon, error)
      || !read_lines (dir, "address-forms.txt", 1, add_address_form, lexicon, error)
      || !read_lines (dir, "vague-nouns.txt", 1, add_vague_noun, lexicon, error)
      || !read_lines (dir, "state-nouns.txt", 1, add_state_noun, lexicon, error)
      || !read_lines (dir, "plural-nouns.txt", 1, add_plural_noun, lexicon, error)
      || !read_lines (dir, "role-abbreviations.tsv", 2, add_role_abbreviation, lexicon, error))
    return NULL;
  load_subdivisions (lexicon);
  return g_steal_pointer (&lexicon);
}

void
kg_lexicon_free (KgLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  GHashTable **tables[] = { &lexicon->countries, &lexicon->demonyms, &lexicon->subdivisions, &lexicon->capitals,
                            &lexicon->first_names, &lexicon->roles, &lexicon->honorifics,
                            &lexicon->org_words, &lexicon->place_words, &lexicon->org_names, &lexicon->aliases,
                            &lexicon->role_abbreviations, &lexicon->canonical_names, &lexicon->relations,
                            &lexicon->address_forms, &lexicon->vague_nouns,
                            &lexicon->state_nouns, &lexicon->plural_nouns };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_clear_pointer (tables[i], g_hash_table_unref);
  g_free (lexicon);
}

static const char *
lookup_key (GHashTable *table, const char *text)
{
  g_autofree char *key = kg_canonical_key (text);
  return g_hash_table_lookup (table, key);
}

const char *
kg_lexicon_country (const KgLexicon *lexicon, const char *name)
{
  return lookup_key (lexicon->countries, name);
}

static const char *
demonym_country_of_key (const KgLexicon *lexicon, const char *key)
{
  const char *country = g_hash_table_lookup (lexicon->demonyms, key);
  gsize length = strlen (key);
  if (country == NULL && length > 1 && key[length - 1] == 's')
    {
      g_autofree char *singular = g_strndup (key, length - 1);  /* "Iranians" */
      country = g_hash_table_lookup (lexicon->demonyms, singular);
    }
  return country;
}

const char *
kg_lexicon_demonym_country (const KgLexicon *lexicon, const char *word)
{
  g_autofree char *key = kg_canonical_key (word);
  return demonym_country_of_key (lexicon, key);
}

const char *
kg_lexicon_capital_country (const KgLexicon *lexicon, const char *name)
{
  return lookup_key (lexicon->capitals, name);
}

gboolean
kg_lexicon_is_subdivision (const KgLexicon *lexicon, const char *name)
{
  g_autofree char *key = plain_key (name);
  return g_hash_table_contains (lexicon->subdivisions, key);
}

KgGender
kg_lexicon_first_name_gender (const KgLexicon *lexicon, const char *name)
{
  const KgGender *gender = (const KgGender *) lookup_key (lexicon->first_names, name);
  return gender ? *gender : KG_GENDER_UNKNOWN;
}

gboolean
kg_lexicon_is_role (const KgLexicon *lexicon, const char *phrase)
{
  return lookup_key (lexicon->roles, phrase) != NULL;
}

gboolean
kg_lexicon_is_honorific (const KgLexicon *lexicon, const char *word)
{
  return lookup_key (lexicon->honorifics, word) != NULL;
}

gboolean
kg_lexicon_is_address_form (const KgLexicon *lexicon, const char *word)
{
  return lookup_key (lexicon->honorifics, word) != NULL || lookup_key (lexicon->address_forms, word) != NULL;
}

gboolean
kg_lexicon_is_vague_noun (const KgLexicon *lexicon, const char *lemma)
{
  return lookup_key (lexicon->vague_nouns, lemma) != NULL;
}

gboolean
kg_lexicon_is_state_noun (const KgLexicon *lexicon, const char *lemma)
{
  return lookup_key (lexicon->state_nouns, lemma) != NULL;
}

gboolean
kg_lexicon_is_plural_noun (const KgLexicon *lexicon, const char *form)
{
  return lookup_key (lexicon->plural_nouns, form) != NULL;
}

gboolean
kg_lexicon_is_org_word (const KgLexicon *lexicon, const char *word)
{
  return lookup_key (lexicon->org_words, word) != NULL;
}

gboolean
kg_lexicon_is_place_word (const KgLexicon *lexicon, const char *word)
{
  return lookup_key (lexicon->place_words, word) != NULL;
}

const char *
kg_lexicon_role_abbreviation (const KgLexicon *lexicon, const char *word)
{
  return g_hash_table_lookup (lexicon->role_abbreviations, word);
}

const char *
kg_lexicon_relation (const KgLexicon *lexicon, const char *predicate, char **office)
{
  *office = NULL;
  const char *bare = g_str_has_prefix (predicate, "be ") ? predicate + 3 : predicate;
  const char *relation = g_hash_table_lookup (lexicon->relations, predicate);
  if (relation == NULL)
    relation = g_hash_table_lookup (lexicon->relations, bare);
  if (relation)
    return relation;
  /* "a founding member of", "full member of" */
  if (g_str_has_suffix (bare, " member of"))
    return "member of";
  /* "conduct strike against", "sign deal with", "launch missile at": after
   * a verb that says little of its own the noun of its object and the
   * preposition say what is done ("strike against"), else the verb and
   * the preposition ("sign with", "launch at"); "condemn attack on" is no
   * attack */
  static const char *const support_verbs[] = { "conduct", "carry out", "launch", "stage", "mount", "wage", "hold",
                                               "make", "take", "give", "have", "begin", "start", NULL };
  const char *first_space = strchr (bare, ' '), *last_space = strrchr (bare, ' ');
  if (first_space && last_space != first_space && !g_str_has_suffix (bare, " of"))
    {
      for (guint i = 0; support_verbs[i]; i++)
        {
          gsize n = strlen (support_verbs[i]);
          const char *noun_prep = bare + n + 1;
          if (strncmp (bare, support_verbs[i], n) == 0 && bare[n] == ' ' && strchr (noun_prep, ' ') == last_space
              && (relation = g_hash_table_lookup (lexicon->relations, noun_prep)))
            return relation;
        }
      g_autofree char *verb = g_strndup (bare, first_space - bare);
      g_autofree char *verb_prep = g_strconcat (verb, last_space, NULL);
      if ((relation = g_hash_table_lookup (lexicon->relations, verb_prep)))
        return relation;
    }
  /* "foreign minister of", "be speaker of": an office and what it serves */
  if (g_str_has_suffix (bare, " of"))
    {
      g_autofree char *role = g_strndup (bare, strlen (bare) - 3);
      /* a listed role, or one named by its head and a portfolio:
       * "education minister", "energy secretary" */
      const char *head = strrchr (role, ' ');
      guint words = 1;
      for (const char *p = role; *p; p++)
        words += *p == ' ';
      gboolean portfolio = head && words <= 3 && kg_lexicon_is_role (lexicon, head + 1);
      if ((kg_lexicon_is_role (lexicon, role) || portfolio) && !kg_lexicon_is_address_form (lexicon, role))
        {
          *office = g_steal_pointer (&role);
          return "holds office";
        }
    }
  return NULL;
}

gboolean
kg_lexicon_is_canonical_name (const KgLexicon *lexicon, const char *name)
{
  return lookup_key (lexicon->canonical_names, name) != NULL;
}

const char *
kg_lexicon_alias (const KgLexicon *lexicon, const char *name)
{
  return g_hash_table_lookup (lexicon->aliases, name);
}

guint
kg_lexicon_marks (const KgLexicon *lexicon, const char *text)
{
  g_autofree char *key = kg_canonical_key (text);
  g_autofree char *plain = g_str_is_ascii (text) ? NULL : plain_key (text);
  const KgGender *gender = g_hash_table_lookup (lexicon->first_names, key);
  return (g_hash_table_contains (lexicon->countries, key) ? KG_LEXICON_COUNTRY : 0)
         | (demonym_country_of_key (lexicon, key) ? KG_LEXICON_DEMONYM : 0)
         | (gender && *gender == KG_GENDER_MALE ? KG_LEXICON_MALE_NAME : 0)
         | (gender && *gender == KG_GENDER_FEMALE ? KG_LEXICON_FEMALE_NAME : 0)
         | (g_hash_table_contains (lexicon->roles, key) ? KG_LEXICON_ROLE : 0)
         | (g_hash_table_contains (lexicon->honorifics, key) ? KG_LEXICON_HONORIFIC : 0)
         | (g_hash_table_contains (lexicon->org_words, key) ? KG_LEXICON_ORG_WORD : 0)
         | (g_hash_table_contains (lexicon->place_words, key) ? KG_LEXICON_PLACE_WORD : 0)
         | (g_hash_table_contains (lexicon->subdivisions, plain ? plain : key) ? KG_LEXICON_SUBDIVISION : 0)
         | (g_hash_table_contains (lexicon->aliases, text) ? KG_LEXICON_ALIAS : 0)
         | (g_hash_table_contains (lexicon->capitals, key) ? KG_LEXICON_CAPITAL : 0)
         | (g_hash_table_contains (lexicon->org_names, key) ? KG_LEXICON_ORG_NAME : 0);
}
