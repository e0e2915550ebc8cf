/* fuzz-lint.c: one of lint's checkers (KG_FUZZ_FORMAT: DOT, GraphML or
 * N-Triples), and the guess of the format from the content. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FUZZ_FORMAT, (const char *) data, size);
  KgFormat format;
  (void) kg_lint_guess_format ("fuzz", (const char *) data, size, &format);
  for (guint i = 0; problems && i < problems->len; i++)
    {
      const KgLintProblem *problem = problems->pdata[i];
      if (problem->line == 0 || problem->message == NULL)
        abort ();
    }
  return 0;
}
