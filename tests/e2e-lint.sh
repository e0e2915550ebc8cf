#!/bin/sh
# e2e-lint.sh: `kgraph lint` on the command line: FILE:LINE:COL: severity:
# message lines, exit 0 for clean files, 1 for problems, 3 for unreadable
# files or unknown formats, 2 for a bad option; --format, standard input and
# --errors-only.
set -u
. "$KGRAPH_TESTS/tap.sh"

cat > "$work/good.nt" <<'NT'
<http://example.org/s> <http://example.org/p> "caf\u00E9 \"ok\"" .
NT
cat > "$work/bad.nt" <<'NT'
<http://example.org/s> <http://example.org/p> "ok" .
<http://example.org/s> <http://example.org/p> "no dot"
<http://example.org/a b> <http://example.org/p> "x" .
NT
cat > "$work/bad.nq" <<'NT'
<http://example.org/s> <http://example.org/p> "x" <graph> .
NT
printf 'digraph {\n  a [label="C:\\news\\d"];\n  b -> ;\n}\n' > "$work/bad.dot"
cat > "$work/bad.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"/>
    <edge id="e1" source="a" target="b"><data key="weight">0</data></edge>
  </graph>
</graphml>
XML
printf '_:b <http://example.org/p> "x" .\n' > "$work/warning.nt"
cp "$work/bad.nt" "$work/bad-nt.txt"
cp "$work/good.nt" "$work/triples.dot"
printf 'hello\n' > "$work/mystery.txt"

run_lint () {
    "$KGRAPH" lint "$@" > "$work/stdout" 2> "$work/stderr"
    status=$?
}

run_lint "$work/good.nt"
check "a clean file: exit 0 (got $status)" [ "$status" -eq 0 ]
check "a clean file: nothing on stdout" [ ! -s "$work/stdout" ]
check "a clean file: a summary on stderr" grep -q "1 file checked: 0 errors, 0 warnings" "$work/stderr"

run_lint "$work/bad.nt" "$work/bad.dot" "$work/bad.graphml" "$work/bad.nq"
check "files with problems: exit 1 (got $status)" [ "$status" -eq 1 ]
check "every line is FILE:LINE:COL: error|warning: message" \
    sh -c "! grep -Ev '^[^:]+:[0-9]+:[0-9]+: (error|warning): .+$' '$work/stdout'"
for line in \
    "$work/bad.nt:2:55: error: expected '.' at the end of the triple" \
    "$work/bad.nt:3:22: error: illegal character U+0020 in an IRI (a space: write %20)" \
    "$work/bad.dot:2:20: warning: label: Graphviz drops this backslash and shows '\\d' as 'd' (write \\\\ for a backslash)" \
    "$work/bad.dot:3:8: error: Graphviz: syntax error near ';'" \
    "$work/bad.graphml:6:60: error: edge weight 0: Gephi drops the edge" \
    "$work/bad.graphml:6:30: error: edge target \"b\" is not a node (Gephi, networkx and igraph silently create it)" \
    "$work/bad.nq:1:52: error: <graph> is not an absolute IRI: relative IRI: no scheme (N-Triples needs absolute IRIs)"
do
    check "reports ${line#$work/}" grep -qxF "$line" "$work/stdout"
done
check "the summary counts them" grep -q "4 files checked: 6 errors, 1 warning" "$work/stderr"

run_lint "$work/bad-nt.txt"
check "a .txt file is told by its content: exit 1 (got $status)" [ "$status" -eq 1 ]
check "a .txt file of N-Triples: the problem on line 2" grep -q "bad-nt.txt:2:55: error" "$work/stdout"
run_lint "$work/mystery.txt"
check "an unknown extension and content: exit 3 (got $status)" [ "$status" -eq 3 ]
check "an unknown format: says to use --format" grep -q "cannot tell the format.*--format" "$work/stderr"
run_lint "$work/triples.dot"
check "N-Triples named .dot are checked as DOT: exit 1 (got $status)" [ "$status" -eq 1 ]
run_lint --format nt "$work/triples.dot"
check "--format nt overrides the name: exit 0 (got $status)" [ "$status" -eq 0 ]
"$KGRAPH" lint --format nt - < "$work/bad.nt" > "$work/stdout" 2> "$work/stderr"
status=$?
check "standard input: exit 1 (got $status)" [ "$status" -eq 1 ]
check "standard input: named <stdin>" grep -q "^<stdin>:2:55: error" "$work/stdout"
run_lint "$work/missing.nt"
check "a missing file: exit 3 (got $status)" [ "$status" -eq 3 ]
check "a missing file: named" grep -q "missing.nt: cannot open" "$work/stderr"
run_lint "$work/warning.nt"
check "a warning only: exit 1 (got $status)" [ "$status" -eq 1 ]
check "a warning only: reported as a warning" grep -q "warning.nt:1:1: warning: blank node _:b" "$work/stdout"
run_lint --errors-only "$work/warning.nt"
check "--errors-only ignores warnings: exit 0 (got $status)" [ "$status" -eq 0 ] && [ ! -s "$work/stdout" ]
run_lint --format png "$work/good.nt"
check "--format png: exit 2 (got $status)" [ "$status" -eq 2 ]
run_lint
check "no file: exit 2 (got $status)" [ "$status" -eq 2 ]

tap_done
