#!/bin/sh
# e2e-report.sh: the HTML report of the seeds in a real browser: Debian's
# chromium, headless, with a fresh profile, driven through the DevTools
# protocol by tests/check-report.js (Node, no modules): the row count, the
# search box, a click on a node of the diagram, a row's evidence, no
# script error; the screenshot goes to out/seeds-report.png; a report of
# 50,000 facts loads and filters within seconds.  Where
# chromium or node is missing or chromium cannot start, the test says so
# and is counted as skipped (never as passed).
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# KGRAPH_CHROMIUM names another browser (or a missing one, to test the skip).
chromium=${KGRAPH_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
node=$(command -v node || command -v nodejs || true)
if [ -z "$chromium" ] || [ -z "$node" ]; then
    skip "the browser test needs chromium and node (make deps installs them)"
    tap_done
    exit
fi
# Under make check-asan (KGRAPH_SANITIZED) it took 150 s, mostly the
# browser; the report's writer runs under the sanitizers in test-export-html.
if [ -n "${KGRAPH_SANITIZED:-}" ]; then
    skip "the browser test: not run under sanitizers (test-export-html covers the writer)"
    tap_done
    exit
fi

# built from the project's top, so that the screenshot shows the ids
# `make run` gives (seeds/...), not the tests' path to them
(cd "$TESTS/.." && "$KGRAPH" build seeds -o "$work/out" --name seeds -f html -q)
check "kgraph build -f html writes the report" [ -s "$work/out/seeds.html" ]

# A report of 50,000 facts, to see that the table pages.
"$PYTHON" -c '
# distinct pairs: k is k % 5000 and k // 5000
for k in range(50000):
    a, b = k % 5000, k // 5000 * 1000 + k * 37 % 1000
    print("Entity %d\tvisit\tEntity %d\tPERSON\tGPE\t0.7\tdoc%d.txt\tEntity %d went to Entity %d on a trip." % (a, b + 5000, k % 1000, a, b + 5000))
' > "$work/big.tsv"
"$KGRAPH" import "$work/big.tsv" -o "$work/out" --name big -f html -q
check "kgraph import -f html writes a report of 50,000 facts" [ -s "$work/out/big.html" ]

shots="$TESTS/../out"
mkdir -p "$shots"
mkdir "$work/profile"
"$node" "$TESTS/check-report.js" "$chromium" "$work/out/seeds.html" "$shots/seeds-report.png" "$work/profile" \
    "$work/out/big.html" \
    > "$work/report.tap" 2>&1
status=$?
if [ "$status" -eq 3 ]; then
    skip "$(sed -n 's/^skip: //p' "$work/report.tap" | head -1)"
else
    tap_include "$work/report.tap"
    check "the browser test finished (exit $status)" [ "$status" -eq 0 ]
fi
tap_done
