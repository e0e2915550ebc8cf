/* parser-state.c: arc-hybrid transitions, the dynamic oracle, and
 * projectivisation (parse stage; see parser-state.h). */
#include "parser-state.h"

#include <string.h>

KgParserState *
kg_parser_state_new (guint n)
{
  KgParserState *st = g_new0 (KgParserState, 1);
  guint size = n + 2;
  st->n = n;
  st->stack = g_new (guint, size);
  st->next = 1;
  st->head = g_new0 (guint, size);
  st->label = g_new0 (guint, size);
  st->left1 = g_new0 (guint, size);
  st->left2 = g_new0 (guint, size);
  st->right1 = g_new0 (guint, size);
  st->right2 = g_new0 (guint, size);
  st->n_left = g_new0 (guint, size);
  st->n_right = g_new0 (guint, size);
  st->left_labels = g_new0 (guint64, size);
  st->right_labels = g_new0 (guint64, size);
  return st;
}

void
kg_parser_state_free (KgParserState *st)
{
  if (st == NULL)
    return;
  g_free (st->stack);
  g_free (st->head);
  g_free (st->label);
  g_free (st->left1);
  g_free (st->left2);
  g_free (st->right1);
  g_free (st->right2);
  g_free (st->n_left);
  g_free (st->n_right);
  g_free (st->left_labels);
  g_free (st->right_labels);
  g_free (st);
}

gboolean
kg_parser_state_is_final (const KgParserState *st)
{
  return st->depth == 0 && st->next == st->n + 1;
}

gboolean
kg_parser_state_allows (const KgParserState *st, KgMove move)
{
  switch (move)
    {
    case KG_SHIFT:
      return st->next <= st->n;
    case KG_LEFT:
      /* ROOT takes a dependent only when it is the last word left. */
      return st->depth >= 1 && (st->next <= st->n || st->depth == 1);
    case KG_RIGHT:
      return st->depth >= 2;
    default:
      return FALSE;
    }
}

static void
attach (KgParserState *st, guint head, guint child, guint label)
{
  st->head[child] = head;
  st->label[child] = label;
  if (child < head)
    {
      /* left children arrive from right to left: the new one is leftmost */
      st->left2[head] = st->left1[head];
      st->left1[head] = child;
      st->n_left[head]++;
      st->left_labels[head] |= G_GUINT64_CONSTANT (1) << (label % 64);
    }
  else
    {
      /* right children arrive from left to right: the new one is rightmost */
      st->right2[head] = st->right1[head];
      st->right1[head] = child;
      st->n_right[head]++;
      st->right_labels[head] |= G_GUINT64_CONSTANT (1) << (label % 64);
    }
}

void
kg_parser_state_apply (KgParserState *st, guint action)
{
  guint label = kg_action_label (action);
  switch (kg_action_move (action))
    {
    case KG_SHIFT:
      g_return_if_fail (st->next <= st->n);
      st->stack[st->depth++] = st->next++;
      break;
    case KG_LEFT:
      g_return_if_fail (st->depth >= 1);
      attach (st, st->next, st->stack[st->depth - 1], label);
      st->depth--;
      break;
    case KG_RIGHT:
      g_return_if_fail (st->depth >= 2);
      attach (st, st->stack[st->depth - 2], st->stack[st->depth - 1], label);
      st->depth--;
      break;
    }
}

/* Gold head of w inside the state: ROOT as n + 1. */
static guint
gold_head (const KgParserState *st, const guint *gold_heads, guint w)
{
  return gold_heads[w] == 0 ? st->n + 1 : gold_heads[w];
}

/* Gold dependents of w still in the buffer (they lose w as head if w
 * leaves the stack). */
static guint
dependents_in_buffer (const KgParserState *st, const guint *gold_heads, guint w)
{
  guint lost = 0;
  for (guint d = st->next; d <= st->n; d++)
    lost += gold_head (st, gold_heads, d) == w;
  return lost;
}

void
kg_parser_state_costs (const KgParserState *st, const guint *gold_heads, guint costs[3])
{
  guint s0 = kg_parser_state_s (st, 0), s1 = kg_parser_state_s (st, 1), b0 = st->next;

  costs[KG_LEFT] = G_MAXUINT;
  if (kg_parser_state_allows (st, KG_LEFT))
    {
      /* s0 takes b0 as head: it can no longer take s1 or a later word. */
      guint h = gold_head (st, gold_heads, s0);
      costs[KG_LEFT] = (h != b0 && (h == s1 || h > b0)) + dependents_in_buffer (st, gold_heads, s0);
    }
  costs[KG_RIGHT] = G_MAXUINT;
  if (kg_parser_state_allows (st, KG_RIGHT))
    {
      /* s0 takes s1 as head: it can no longer take a word of the buffer. */
      guint h = gold_head (st, gold_heads, s0);
      costs[KG_RIGHT] = (h >= b0) + dependents_in_buffer (st, gold_heads, s0);
    }
  costs[KG_SHIFT] = G_MAXUINT;
  if (kg_parser_state_allows (st, KG_SHIFT))
    {
      /* b0 goes on the stack: it can no longer take a head deeper than s0,
       * nor give one to any word on the stack. */
      guint h = gold_head (st, gold_heads, b0), lost = 0;
      for (guint i = 0; i < st->depth; i++)
        {
          guint w = st->stack[i];
          lost += (i + 1 < st->depth && w == h) + (gold_head (st, gold_heads, w) == b0);
        }
      costs[KG_SHIFT] = lost;
    }
}

/* Does h dominate k (heads 1..n, ROOT as 0)? */
static gboolean
dominates (const guint *heads, guint n, guint h, guint k)
{
  for (guint steps = 0; k != 0 && steps <= n; steps++)
    {
      if (k == h)
        return TRUE;
      k = heads[k];
    }
  return h == 0;
}

static gboolean
is_projective_arc (const guint *heads, guint n, guint d)
{
  guint h = heads[d];
  if (h == 0)
    return TRUE;
  guint lo = MIN (h, d), hi = MAX (h, d);
  for (guint k = lo + 1; k < hi; k++)
    if (!dominates (heads, n, h, k))
      return FALSE;
  return TRUE;
}

guint
kg_projectivise (guint *heads, guint n)
{
  guint lifted = 0;
  for (;;)
    {
      guint shortest = 0, shortest_length = G_MAXUINT;
      for (guint d = 1; d <= n; d++)
        if (!is_projective_arc (heads, n, d))
          {
            guint length = heads[d] > d ? heads[d] - d : d - heads[d];
            if (length < shortest_length)
              shortest = d, shortest_length = length;
          }
      if (shortest == 0 || lifted > 2 * n)
        return lifted;
      heads[shortest] = heads[heads[shortest]];
      lifted++;
    }
}
