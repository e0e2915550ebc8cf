/* test-parser-state.c: the arc-hybrid transition system, its dynamic
 * oracle and projectivisation. */
#include "nlp/parser-state.h"
#include <kgraph.h>

/* Follows zero-cost transitions (with gold labels) from the start and
 * returns the heads it built, ROOT as 0.  prefer_arcs picks arcs over
 * shifts when both cost nothing, to walk a different path. */
static guint *
follow_oracle (const guint *gold, const guint *labels, guint n, gboolean prefer_arcs)
{
  KgParserState *st = kg_parser_state_new (n);
  guint steps = 0;
  while (!kg_parser_state_is_final (st))
    {
      guint costs[3];
      kg_parser_state_costs (st, gold, costs);
      static const KgMove shift_first[] = { KG_SHIFT, KG_LEFT, KG_RIGHT };
      static const KgMove arcs_first[] = { KG_RIGHT, KG_LEFT, KG_SHIFT };
      const KgMove *order = prefer_arcs ? arcs_first : shift_first;
      KgMove chosen = KG_SHIFT;
      gboolean found = FALSE;
      for (guint i = 0; i < 3 && !found; i++)
        if (costs[order[i]] == 0)
          chosen = order[i], found = TRUE;
      g_assert_true (found);
      guint s0 = kg_parser_state_s (st, 0);
      kg_parser_state_apply (st, kg_action (chosen, chosen == KG_SHIFT ? 0 : labels[s0]));
      g_assert_cmpuint (++steps, <=, 2 * n);
    }
  g_assert_cmpuint (steps, ==, 2 * n);
  guint *heads = g_new0 (guint, n + 1);
  for (guint i = 1; i <= n; i++)
    {
      heads[i] = st->head[i] == n + 1 ? 0 : st->head[i];
      g_assert_cmpuint (st->label[i], ==, labels[i]);
    }
  kg_parser_state_free (st);
  return heads;
}

static void
test_oracle_reproduces_gold_trees (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tiny.conllu", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = kg_conllu_read (path, &error);
  g_assert_no_error (error);
  guint checked = 0;
  for (guint d = 0; d < docs->len; d++)
    for (guint s = 0; s < kg_document_get_n_sentences (docs->pdata[d]); s++)
      {
        const KgSentence *sentence = kg_document_get_sentence (docs->pdata[d], s);
        guint n = sentence->n_tokens;
        g_autofree guint *gold = g_new0 (guint, n + 1);
        g_autofree guint *labels = g_new0 (guint, n + 1);
        for (guint i = 1; i <= n; i++)
          {
            const KgToken *t = kg_document_get_token (docs->pdata[d], sentence->first_token + i - 1);
            gold[i] = t->head;
            labels[i] = i % 7;  /* any labels: the oracle must keep them */
          }
        for (guint prefer_arcs = 0; prefer_arcs < 2; prefer_arcs++)
          {
            g_autofree guint *heads = follow_oracle (gold, labels, n, prefer_arcs);
            for (guint i = 1; i <= n; i++)
              g_assert_cmpuint (heads[i], ==, gold[i]);
          }
        checked++;
      }
  g_assert_cmpuint (checked, ==, 8);
}

static void
test_costs_count_lost_arcs (void)
{
  /* Gold tree 1 <- 2 -> 3 with 2 the root.  After SHIFT 1 and SHIFT 2,
   * RIGHT would make 1 the head of 2: that loses 2's own head (ROOT) and
   * its dependent 3, still in the buffer. */
  guint gold[] = { 0, 2, 0, 2 };
  KgParserState *st = kg_parser_state_new (3);
  guint costs[3];
  kg_parser_state_costs (st, gold, costs);
  g_assert_cmpuint (costs[KG_SHIFT], ==, 0);
  g_assert_cmpuint (costs[KG_LEFT], ==, G_MAXUINT);   /* empty stack */
  g_assert_cmpuint (costs[KG_RIGHT], ==, G_MAXUINT);
  kg_parser_state_apply (st, kg_action (KG_SHIFT, 0));
  kg_parser_state_costs (st, gold, costs);
  g_assert_cmpuint (costs[KG_LEFT], ==, 0);           /* 2 takes 1 */
  g_assert_cmpuint (costs[KG_SHIFT], ==, 1);          /* 1 can no longer take 2 as head */
  kg_parser_state_apply (st, kg_action (KG_SHIFT, 0));
  kg_parser_state_costs (st, gold, costs);
  g_assert_cmpuint (costs[KG_RIGHT], ==, 2);
  kg_parser_state_free (st);
}

static void
test_single_root (void)
{
  /* With ROOT next, only one word may remain: RIGHT is the only move
   * while two words are on the stack. */
  KgParserState *st = kg_parser_state_new (2);
  kg_parser_state_apply (st, kg_action (KG_SHIFT, 0));
  kg_parser_state_apply (st, kg_action (KG_SHIFT, 0));
  g_assert_false (kg_parser_state_allows (st, KG_SHIFT));
  g_assert_false (kg_parser_state_allows (st, KG_LEFT));
  g_assert_true (kg_parser_state_allows (st, KG_RIGHT));
  kg_parser_state_apply (st, kg_action (KG_RIGHT, 3));
  g_assert_true (kg_parser_state_allows (st, KG_LEFT));
  kg_parser_state_apply (st, kg_action (KG_LEFT, 5));
  g_assert_true (kg_parser_state_is_final (st));
  g_assert_cmpuint (st->head[1], ==, 3);  /* ROOT */
  g_assert_cmpuint (st->head[2], ==, 1);
  kg_parser_state_free (st);
}

static void
test_projectivise (void)
{
  /* "A hearing is scheduled on the issue today": 2 -> 7 crosses 4 -> 8.
   * Words: 1 A, 2 hearing, 3 is, 4 scheduled, 5 on, 6 the, 7 issue, 8 today. */
  guint heads[] = { 0, 2, 4, 4, 0, 7, 7, 2, 4 };
  guint lifted = kg_projectivise (heads, 8);
  g_assert_cmpuint (lifted, ==, 1);
  g_assert_cmpuint (heads[7], ==, 4);  /* lifted to the head's head */
  guint projective[] = { 0, 2, 4, 4, 0, 7, 7, 4, 4 };
  g_assert_cmpuint (kg_projectivise (projective, 8), ==, 0);
}

static void
test_actions (void)
{
  for (guint label = 0; label < 60; label++)
    {
      g_assert_cmpint (kg_action_move (kg_action (KG_LEFT, label)), ==, KG_LEFT);
      g_assert_cmpint (kg_action_move (kg_action (KG_RIGHT, label)), ==, KG_RIGHT);
      g_assert_cmpuint (kg_action_label (kg_action (KG_LEFT, label)), ==, label);
      g_assert_cmpuint (kg_action_label (kg_action (KG_RIGHT, label)), ==, label);
    }
  g_assert_cmpint (kg_action_move (0), ==, KG_SHIFT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parser-state/oracle-reproduces-gold", test_oracle_reproduces_gold_trees);
  g_test_add_func ("/parser-state/costs", test_costs_count_lost_arcs);
  g_test_add_func ("/parser-state/single-root", test_single_root);
  g_test_add_func ("/parser-state/projectivise", test_projectivise);
  g_test_add_func ("/parser-state/actions", test_actions);
  return g_test_run ();
}
