/* parser-state.h: the arc-hybrid transition system of the parser and its
 * dynamic oracle.
 *
 * Arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta 2011): a stack, a buffer
 * of the words still to come, and three transitions:
 *   SHIFT     moves the front of the buffer b0 onto the stack;
 *   LEFT(l)   makes b0 the head of the stack top s0 (label l) and pops s0;
 *   RIGHT(l)  makes s1 the head of s0 (label l) and pops s0.
 * ROOT is the last item of the buffer ("going to the roots", Ballesteros
 * and Nivre 2013) and may take a dependent only when the stack holds one
 * word, so every parse is a single tree with one root.
 *
 * The dynamic oracle (Goldberg and Nivre 2013) gives the cost of each
 * transition in any state: how many arcs of the gold tree it makes
 * unreachable.  Training follows the model's own mistakes and still knows
 * the best continuation.  It is exact for projective gold trees, so
 * training trees are projectivised first by lifting arcs.
 *
 * Words are numbered 1..n as in CoNLL-U; ROOT is n + 1 inside the state
 * and 0 in the heads it reports.
 */
#ifndef KG_PARSER_STATE_H
#define KG_PARSER_STATE_H

#include <glib.h>

#define KG_NO_WORD 0

typedef enum { KG_SHIFT = 0, KG_LEFT, KG_RIGHT } KgMove;

/* Actions are numbered SHIFT = 0, LEFT(l) = 1 + 2l, RIGHT(l) = 2 + 2l. */
static inline guint kg_action (KgMove move, guint label) { return move == KG_SHIFT ? 0 : 2 * label + move; }
static inline KgMove kg_action_move (guint action) { return action == 0 ? KG_SHIFT : action % 2 ? KG_LEFT : KG_RIGHT; }
static inline guint kg_action_label (guint action) { return action == 0 ? 0 : (action - 1) / 2; }

typedef struct {
  guint n;           /* words */
  guint *stack;      /* stack[0] is the bottom */
  guint depth;       /* words on the stack */
  guint next;        /* b0: next word of the buffer; n + 1 is ROOT */
  guint *head;       /* per word 1..n: its head (n + 1 for ROOT), KG_NO_WORD if none yet */
  guint *label;      /* per word: the label of its arc */
  /* what the features see of each word 1..n+1 */
  guint *left1, *left2, *right1, *right2;  /* leftmost/rightmost children, 0 if none */
  guint *n_left, *n_right;                 /* valency */
  guint64 *left_labels, *right_labels;     /* sets of the children's labels (bit = label % 64) */
} KgParserState;

/* A state for n words, all arrays of size n + 2.  (transfer full) */
KgParserState *kg_parser_state_new (guint n);
void kg_parser_state_free (KgParserState *state);

static inline guint kg_parser_state_s (const KgParserState *st, guint i)
{
  return i < st->depth ? st->stack[st->depth - 1 - i] : KG_NO_WORD;
}
/* The i-th word of the buffer (0 = b0); ROOT is n + 1; KG_NO_WORD past it. */
static inline guint kg_parser_state_b (const KgParserState *st, guint i)
{
  return st->next + i <= st->n + 1 ? st->next + i : KG_NO_WORD;
}

gboolean kg_parser_state_is_final (const KgParserState *state);
gboolean kg_parser_state_allows (const KgParserState *state, KgMove move);
void kg_parser_state_apply (KgParserState *state, guint action);

/* The cost of each move (in gold arcs lost, labels aside) given the gold
 * heads (per word 1..n, ROOT as 0).  Illegal moves get G_MAXUINT. */
void kg_parser_state_costs (const KgParserState *state, const guint *gold_heads, guint costs[3]);

/* Replaces heads (1..n, ROOT as 0) by a projective tree: while an arc is
 * non-projective, the shortest one is lifted to the head's head.  Returns
 * how many arcs were lifted. */
guint kg_projectivise (guint *heads, guint n);

#endif
