/* fuzz.h: what the libFuzzer targets of tests/fuzz/ share (issue 14).
 *
 * Each fuzz-NAME.c defines LLVMFuzzerTestOneInput for one reader or parser
 * and is linked with libkgraph.a and -fsanitize=fuzzer,address,undefined
 * (make fuzz).  GLib's warnings and criticals are not fatal here: a
 * g_return_if_fail in the library would show up as a crash only if it
 * were made fatal, and a malformed input must give a GError, never one,
 * so they abort. */
#ifndef KG_FUZZ_H
#define KG_FUZZ_H

#include <kgraph.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static void
kg_fuzz_quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  /* criticals and warnings are programmer errors: a finding */
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    {
      g_printerr ("%s: %s\n", domain ? domain : "kgraph", message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_default_handler (kg_fuzz_quiet_log, NULL);
  return 0;
}

#endif
