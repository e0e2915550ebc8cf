/* graph-delta.c: what one document adds to a graph (see graph-delta.h).
 *
 * Mentions are kept with a count per distinct (key, surface, type, rule,
 * name) in the order first seen; facts in the order made.  Strings are
 * interned in the delta.  The JSON form is the shard format's document
 * record (docs/shard-format.md).
 */
#include "graph-delta.h"
#include "kgraph/canonical.h"
#include "kgraph/error.h"

#include <string.h>

typedef struct {
  const char *key, *surface, *rule;
  KgEntityType type;
  gboolean is_name;
  guint count;
} Mention;

typedef struct {
  KgDeltaFact fact;
  KgEvidence evidence;
} Fact;

struct _KgDelta {
  GStringChunk *strings;
  KgDocumentInfo info;
  const char *hash;
  guint sentences, words;
  KgFactCounts counts;
  GArray *mentions;           /* Mention */
  GHashTable *mention_index;  /* "key\x1fsurface\x1f..." -> index + 1 */
  GHashTable *nodes;          /* keys mentioned */
  GArray *facts;              /* Fact */
};

static const char *
intern (KgDelta *delta, const char *s)
{
  return s ? g_string_chunk_insert_const (delta->strings, s) : NULL;
}

KgDelta *
kg_delta_new (const KgDocumentInfo *info, const char *hash)
{
  g_return_val_if_fail (info != NULL && info->id != NULL && hash != NULL, NULL);
  KgDelta *delta = g_new0 (KgDelta, 1);
  delta->strings = g_string_chunk_new (4096);
  delta->info = (KgDocumentInfo) {
    .id = intern (delta, info->id), .title = intern (delta, info->title), .date = intern (delta, info->date),
    .byline = intern (delta, info->byline), .source = intern (delta, info->source),
  };
  delta->hash = intern (delta, hash);
  delta->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  delta->mention_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  delta->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  delta->facts = g_array_new (FALSE, FALSE, sizeof (Fact));
  return delta;
}

void
kg_delta_free (KgDelta *delta)
{
  if (delta == NULL)
    return;
  g_string_chunk_free (delta->strings);
  g_array_unref (delta->mentions);
  g_hash_table_unref (delta->mention_index);
  g_hash_table_unref (delta->nodes);
  g_array_unref (delta->facts);
  g_free (delta);
}

char *
kg_delta_hash_bytes (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

const KgDocumentInfo *
kg_delta_get_document (const KgDelta *delta)
{
  return &delta->info;
}

const char *
kg_delta_get_hash (const KgDelta *delta)
{
  return delta->hash;
}

void
kg_delta_set_id (KgDelta *delta, const char *id)
{
  g_return_if_fail (delta != NULL && id != NULL);
  delta->info.id = intern (delta, id);
}

void
kg_delta_set_size (KgDelta *delta, guint sentences, guint words)
{
  delta->sentences = sentences;
  delta->words = words;
}

guint
kg_delta_get_sentences (const KgDelta *delta)
{
  return delta->sentences;
}

guint
kg_delta_get_words (const KgDelta *delta)
{
  return delta->words;
}

KgFactCounts *
kg_delta_get_counts (KgDelta *delta)
{
  return &delta->counts;
}

void
kg_delta_add_counts (const KgDelta *delta, KgFactCounts *total)
{
  const KgFactCounts *c = &delta->counts;
  total->extracted += c->extracted;
  total->added += c->added;
  total->unresolved += c->unresolved;
  total->clausal += c->clausal;
  total->no_object += c->no_object;
  total->self += c->self;
  total->fragment += c->fragment;
}

/* ---- building ----------------------------------------------------------- */

static const char *
add_mention_times (KgDelta *delta, const KgNodeMention *mention, guint count)
{
  g_autofree char *derived = mention->key ? NULL : kg_canonical_key (mention->surface);
  const char *key = mention->key ? mention->key : derived;
  if (key == NULL || *key == '\0' || mention->surface == NULL)
    return NULL;
  const char *rule = mention->rule ? mention->rule : "exact";
  char *identity = g_strdup_printf ("%s\x1f%s\x1f%d\x1f%s\x1f%d", key, mention->surface, mention->type, rule,
                                    mention->is_name != FALSE);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (delta->mention_index, identity));
  if (index)
    {
      g_free (identity);
      g_array_index (delta->mentions, Mention, index - 1).count += count;
      return g_array_index (delta->mentions, Mention, index - 1).key;
    }
  Mention m = {
    .key = intern (delta, key), .surface = intern (delta, mention->surface), .rule = intern (delta, rule),
    .type = mention->type, .is_name = mention->is_name != FALSE, .count = count,
  };
  g_array_append_val (delta->mentions, m);
  g_hash_table_insert (delta->mention_index, identity, GUINT_TO_POINTER (delta->mentions->len));
  g_hash_table_add (delta->nodes, (gpointer) m.key);
  return m.key;
}

const char *
kg_delta_add_mention (KgDelta *delta, const KgNodeMention *mention)
{
  g_return_val_if_fail (delta != NULL && mention != NULL && mention->type < KG_ENTITY_N_TYPES, NULL);
  return add_mention_times (delta, mention, 1);
}

const char *
kg_delta_node (KgDelta *delta, const KgNodeMention *mention)
{
  g_return_val_if_fail (delta != NULL && mention != NULL, NULL);
  if (mention->key)
    {
      const char *known = g_hash_table_lookup (delta->nodes, mention->key);
      if (known)
        return known;
    }
  return kg_delta_add_mention (delta, mention);
}

void
kg_delta_add_fact (KgDelta *delta, const KgDeltaFact *fact, const KgEvidence *evidence)
{
  g_return_if_fail (delta != NULL && fact != NULL && evidence != NULL);
  g_return_if_fail (fact->subject && fact->object && fact->predicate);
  Fact f = { *fact, *evidence };
  KgDeltaFact *d = &f.fact;
  d->subject = intern (delta, d->subject);
  d->object = intern (delta, d->object);
  d->attributed_to = intern (delta, d->attributed_to);
  d->predicate = intern (delta, d->predicate);
  d->predicate_surface = intern (delta, d->predicate_surface);
  d->relation = intern (delta, d->relation);
  d->office = intern (delta, d->office);
  f.evidence.document = 0;
  f.evidence.text = intern (delta, evidence->text);
  f.evidence.time = intern (delta, evidence->time && *evidence->time ? evidence->time : NULL);
  f.evidence.place = intern (delta, evidence->place && *evidence->place ? evidence->place : NULL);
  g_array_append_val (delta->facts, f);
}

void
kg_delta_apply (const KgDelta *delta, KgGraph *graph)
{
  g_return_if_fail (delta != NULL && graph != NULL);
  guint document = kg_graph_add_document (graph, &delta->info);
  for (guint i = 0; i < delta->mentions->len; i++)
    {
      const Mention *m = &g_array_index (delta->mentions, Mention, i);
      KgNodeMention mention = { m->key, m->surface, m->type, m->rule, m->is_name };
      for (guint n = 0; n < m->count; n++)
        kg_graph_add_mention (graph, &mention);
    }
  for (guint i = 0; i < delta->facts->len; i++)
    {
      const Fact *f = &g_array_index (delta->facts, Fact, i);
      KgFact fact = {
        .subject = kg_graph_lookup_node (graph, f->fact.subject),
        .predicate = f->fact.predicate,
        .predicate_surface = f->fact.predicate_surface,
        .object = kg_graph_lookup_node (graph, f->fact.object),
        .polarity = f->fact.polarity,
        .modality = f->fact.modality,
        .attributed_to = f->fact.attributed_to ? kg_graph_lookup_node (graph, f->fact.attributed_to) : NULL,
        .confidence = f->fact.confidence,
        .relation = f->fact.relation,
        .office = f->fact.office,
      };
      KgEvidence evidence = f->evidence;
      evidence.document = document;
      if (fact.subject && fact.object)
        kg_graph_add_fact (graph, &fact, &evidence);
    }
}

/* ---- JSON ----------------------------------------------------------------- */

static void
member_string (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
member_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
member_double (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

#define N_COUNTS 7
static const char *const count_names[N_COUNTS] = {
  "extracted", "added", "unresolved", "clausal", "no_object", "self", "fragment",
};

static guint *
count_slot (KgFactCounts *counts, guint i)
{
  guint *slots[N_COUNTS] = {
    &counts->extracted, &counts->added, &counts->unresolved, &counts->clausal, &counts->no_object, &counts->self,
    &counts->fragment,
  };
  return slots[i];
}

JsonNode *
kg_delta_to_json (const KgDelta *delta)
{
  g_return_val_if_fail (delta != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  member_string (b, "id", delta->info.id);
  member_string (b, "hash", delta->hash);
  member_string (b, "title", delta->info.title);
  member_string (b, "date", delta->info.date);
  member_string (b, "byline", delta->info.byline);
  member_string (b, "source", delta->info.source);
  member_int (b, "sentences", delta->sentences);
  member_int (b, "words", delta->words);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  KgFactCounts counts = delta->counts;
  for (guint i = 0; i < N_COUNTS; i++)
    member_int (b, count_names[i], *count_slot (&counts, i));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "mentions");
  json_builder_begin_array (b);
  for (guint i = 0; i < delta->mentions->len; i++)
    {
      const Mention *m = &g_array_index (delta->mentions, Mention, i);
      json_builder_begin_object (b);
      member_string (b, "key", m->key);
      member_string (b, "surface", m->surface);
      member_string (b, "type", kg_entity_type_to_string (m->type));
      member_string (b, "rule", m->rule);
      json_builder_set_member_name (b, "name");
      json_builder_add_boolean_value (b, m->is_name);
      member_int (b, "count", m->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "facts");
  json_builder_begin_array (b);
  for (guint i = 0; i < delta->facts->len; i++)
    {
      const Fact *f = &g_array_index (delta->facts, Fact, i);
      json_builder_begin_object (b);
      member_string (b, "subject", f->fact.subject);
      member_string (b, "predicate", f->fact.predicate);
      member_string (b, "predicate_surface", f->fact.predicate_surface);
      member_string (b, "object", f->fact.object);
      member_string (b, "attributed_to", f->fact.attributed_to);
      member_string (b, "relation", f->fact.relation);
      member_string (b, "office", f->fact.office);
      member_string (b, "polarity", kg_polarity_to_string (f->fact.polarity));
      member_string (b, "modality", kg_modality_to_string (f->fact.modality));
      member_double (b, "confidence", f->fact.confidence);
      member_int (b, "sentence", f->evidence.sentence);
      member_int (b, "start", (gint64) f->evidence.start);
      member_int (b, "end", (gint64) f->evidence.end);
      member_string (b, "text", f->evidence.text);
      member_double (b, "evidence_confidence", f->evidence.confidence);
      member_string (b, "time", f->evidence.time);
      member_string (b, "place", f->evidence.place);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Reading: every member is checked for its type, so that a damaged shard
 * is an error naming the member, never a crash. */
typedef struct {
  JsonObject *object;
  const char *what;  /* "document", "mention 3", ... */
  GError **error;
} Reader;

static gboolean
fail (Reader *r, const char *name, const char *expected)
{
  if (*r->error == NULL)
    g_set_error (r->error, KG_ERROR, KG_ERROR_INPUT, "%s: \"%s\" is missing or not %s", r->what, name, expected);
  return FALSE;
}

static JsonNode *
member (Reader *r, const char *name)
{
  return r->object ? json_object_get_member (r->object, name) : NULL;
}

/* A string member; absent or null is NULL when optional. */
static gboolean
read_string (Reader *r, const char *name, gboolean optional, const char **value)
{
  JsonNode *node = member (r, name);
  *value = NULL;
  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && optional)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, name, "a string");
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_uint (Reader *r, const char *name, guint64 max, guint64 *value)
{
  JsonNode *node = member (r, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 0 || (guint64) json_node_get_int (node) > max)
    return fail (r, name, "a count");
  *value = (guint64) json_node_get_int (node);
  return TRUE;
}

static gboolean
read_guint (Reader *r, const char *name, guint *value)
{
  guint64 v;
  if (!read_uint (r, name, G_MAXUINT, &v))
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
read_probability (Reader *r, const char *name, double *value)
{
  JsonNode *node = member (r, name);
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  if ((type != G_TYPE_INT64 && type != G_TYPE_DOUBLE) || !(*value >= 0.0 && *value <= 1.0))
    return fail (r, name, "a number from 0 to 1");
  return TRUE;
}

static const char *
type_name (guint i)
{
  return kg_entity_type_to_string (i);
}

static const char *
polarity_name (guint i)
{
  return kg_polarity_to_string (i);
}

static const char *
modality_name (guint i)
{
  return kg_modality_to_string (i);
}

/* One of the n values name_of names. */
static gboolean
read_name (Reader *r, const char *name, const char *(*name_of) (guint), guint n, guint *value)
{
  const char *s;
  if (!read_string (r, name, FALSE, &s))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (s, name_of (i)) == 0)
      {
        *value = i;
        return TRUE;
      }
  return fail (r, name, "a known value");
}

static JsonArray *
read_array (Reader *r, const char *name)
{
  JsonNode *node = member (r, name);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, name, "an array");
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
enter (Reader *r, JsonNode *node, const char *what, guint index, char **label)
{
  g_free (*label);
  *label = g_strdup_printf ("%s %u", what, index + 1);
  r->what = *label;
  r->object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (r->object == NULL)
    g_set_error (r->error, KG_ERROR, KG_ERROR_INPUT, "%s is not an object", *label);
  return r->object != NULL;
}

static gboolean
read_mention (Reader *r, KgDelta *delta)
{
  KgNodeMention m = { 0 };
  guint type, count;
  gboolean is_name = FALSE;
  JsonNode *name = member (r, "name");
  if (name && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_BOOLEAN)
    is_name = json_node_get_boolean (name);
  else
    return fail (r, "name", "true or false");
  if (!read_string (r, "key", FALSE, &m.key) || !read_string (r, "surface", FALSE, &m.surface)
      || !read_string (r, "rule", FALSE, &m.rule) || !read_name (r, "type", type_name, KG_ENTITY_N_TYPES, &type)
      || !read_guint (r, "count", &count))
    return FALSE;
  if (*m.key == '\0')
    return fail (r, "key", "a non-empty string");
  if (count == 0)
    return fail (r, "count", "a count above 0");
  m.type = type;
  m.is_name = is_name;
  add_mention_times (delta, &m, count);
  return TRUE;
}

static gboolean
read_fact (Reader *r, KgDelta *delta)
{
  KgDeltaFact f = { 0 };
  KgEvidence e = { 0 };
  guint polarity, modality;
  guint64 start, end;
  if (!read_string (r, "subject", FALSE, &f.subject) || !read_string (r, "predicate", FALSE, &f.predicate)
      || !read_string (r, "predicate_surface", TRUE, &f.predicate_surface)
      || !read_string (r, "object", FALSE, &f.object) || !read_string (r, "attributed_to", TRUE, &f.attributed_to)
      || !read_string (r, "relation", TRUE, &f.relation) || !read_string (r, "office", TRUE, &f.office)
      || !read_name (r, "polarity", polarity_name, 2, &polarity)
      || !read_name (r, "modality", modality_name, KG_MODALITY_N_VALUES, &modality)
      || !read_probability (r, "confidence", &f.confidence) || !read_guint (r, "sentence", &e.sentence)
      || !read_uint (r, "start", G_MAXINT64, &start) || !read_uint (r, "end", G_MAXINT64, &end)
      || !read_string (r, "text", TRUE, &e.text) || !read_probability (r, "evidence_confidence", &e.confidence)
      || !read_string (r, "time", TRUE, &e.time) || !read_string (r, "place", TRUE, &e.place))
    return FALSE;
  /* a fact's ends are nodes the document mentions */
  const char *ends[] = { f.subject, f.object, f.attributed_to };
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (ends[i] && !g_hash_table_contains (delta->nodes, ends[i]))
      return fail (r, i == 0 ? "subject" : i == 1 ? "object" : "attributed_to", "the key of a mention");
  f.polarity = polarity;
  f.modality = modality;
  e.start = start;
  e.end = end;
  kg_delta_add_fact (delta, &f, &e);
  return TRUE;
}

KgDelta *
kg_delta_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  Reader r = { node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL, "document", error };
  if (r.object == NULL)
    {
      g_set_error (error, KG_ERROR, KG_ERROR_INPUT, "a document record is not an object");
      return NULL;
    }
  KgDocumentInfo info = { 0 };
  const char *hash;
  guint sentences, words;
  if (!read_string (&r, "id", FALSE, &info.id) || !read_string (&r, "hash", FALSE, &hash)
      || !read_string (&r, "title", TRUE, &info.title) || !read_string (&r, "date", TRUE, &info.date)
      || !read_string (&r, "byline", TRUE, &info.byline) || !read_string (&r, "source", TRUE, &info.source)
      || !read_guint (&r, "sentences", &sentences) || !read_guint (&r, "words", &words))
    return NULL;
  if (*info.id == '\0')
    {
      fail (&r, "id", "a non-empty string");
      return NULL;
    }
  g_autoptr (KgDelta) delta = kg_delta_new (&info, hash);
  kg_delta_set_size (delta, sentences, words);

  JsonNode *counts = member (&r, "counts");
  Reader c = { counts && JSON_NODE_HOLDS_OBJECT (counts) ? json_node_get_object (counts) : NULL, "counts", error };
  for (guint i = 0; i < N_COUNTS; i++)
    if (!read_guint (&c, count_names[i], count_slot (&delta->counts, i)))
      return NULL;

  JsonArray *mentions = read_array (&r, "mentions");
  JsonArray *facts = mentions ? read_array (&r, "facts") : NULL;
  if (facts == NULL)
    return NULL;
  g_autofree char *label = NULL;
  Reader item = { NULL, NULL, error };
  for (guint i = 0; i < json_array_get_length (mentions); i++)
    if (!enter (&item, json_array_get_element (mentions, i), "mention", i, &label) || !read_mention (&item, delta))
      return NULL;
  for (guint i = 0; i < json_array_get_length (facts); i++)
    if (!enter (&item, json_array_get_element (facts, i), "fact", i, &label) || !read_fact (&item, delta))
      return NULL;
  return g_steal_pointer (&delta);
}
