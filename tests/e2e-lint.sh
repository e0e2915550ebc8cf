#!/bin/sh
# e2e-lint.sh: `kgraph lint` on the command line: FILE:LINE:COL: severity:
# message lines, exit 0 for clean files, 1 for problems, 3 for unreadable
# files or unknown formats, 2 for a bad option; --format, standard input and
# --errors-only.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

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

# expect DESCRIPTION STATUS [PATTERN] -- ARGS...: runs `kgraph lint ARGS`
# (standard input from $stdin), checks its exit status and, if given, that
# a line of its output (stdout, then stderr) matches the regex PATTERN.
stdin=/dev/null
expect () {
    what=$1 want=$2 pattern=$3
    shift 3
    [ "$1" = "--" ] && shift
    "$KGRAPH" lint "$@" < "$stdin" > "$work/stdout" 2> "$work/stderr"
    status=$?
    check "$what: exit $want (got $status)" [ "$status" -eq "$want" ]
    if [ -n "$pattern" ]; then
        check "$what: prints /$pattern/" sh -c "cat '$work/stdout' '$work/stderr' | grep -Eq -- \"\$1\"" - "$pattern"
    fi
}

expect "a clean file" 0 "1 file checked: 0 errors, 0 warnings" -- "$work/good.nt"
check "a clean file: nothing on stdout" [ ! -s "$work/stdout" ]

expect "files with problems" 1 "4 files checked: 6 errors, 1 warning" -- \
    "$work/bad.nt" "$work/bad.dot" "$work/bad.graphml" "$work/bad.nq"
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

expect "a .txt file of N-Triples, told by its content" 1 "bad-nt.txt:2:55: error" -- "$work/bad-nt.txt"
expect "an unknown extension and content" 3 "cannot tell the format.*--format" -- "$work/mystery.txt"
# the content decides, then the name (issue 14, defect 7)
expect "N-Triples named .dot, checked as N-Triples by its content" 0 "1 file checked: 0 errors" -- "$work/triples.dot"
expect "--format nt overrides the name" 0 "" -- --format nt "$work/triples.dot"
stdin="$work/bad.nt"
expect "standard input" 1 "^<stdin>:2:55: error" -- --format nt -
stdin=/dev/null
expect "a missing file" 3 "missing.nt: cannot open" -- "$work/missing.nt"
expect "a warning only" 1 "warning.nt:1:1: warning: blank node _:b" -- "$work/warning.nt"
expect "--errors-only ignores warnings" 0 "0 errors, 0 warnings" -- --errors-only "$work/warning.nt"
expect "--format png" 2 "unknown lint format 'png'" -- --format png "$work/good.nt"
expect "no file" 2 "no file to check" --

tap_done
