#!/bin/sh
# e2e-hostile.sh: the hostile-input catalogue of tests/hostile/ (issue 14).
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"
. "$TESTS/hostile/catalogue.sh"
tap_done
