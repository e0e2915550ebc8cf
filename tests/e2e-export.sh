#!/bin/sh
# e2e-export.sh: hostile labels, times and places (tests/data/hostile.tsv,
# plus a 10 kB label and a 300-character word made here) through `kgraph
# import` to every format, read back by the real clients: Graphviz (dot
# -Tsvg, no warnings, every label exact), rapper and rdflib, Redland with a
# SPARQL query, rapper and rdflib the Turtle, networkx and igraph (tests/check-exports.py), qpdf; the same
# bytes in two runs and for two input orders; `kgraph lint` passes every
# output.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# The input: the fixture, and generated long labels.
input="$work/hostile.tsv"
cp "$TESTS/data/hostile.tsv" "$input"
long=$("$PYTHON" -c '
words = []
i = 0
while len(" ".join(words).encode()) < 10240:
    words.append(["Лукашенко%d" % i, "وزیر%d" % i, "word%d" % i, "📰%d" % i][i % 4])
    i += 1
print(" ".join(words))')
word=$("$PYTHON" -c 'print("x" * 150 + "ж" * 150)')
printf '%s\tdescribes\t%s\tCONCEPT\tCONCEPT\t0.5\tlong.txt\tA very long label.\n' "$long" "$word" >> "$input"
check "the input has a 10 kB label" [ "$(printf '%s' "$long" | wc -c)" -ge 10240 ]

out="$work/out"
# The diagrams draw everything here (--concepts --max-nodes 0), so that
# every label can be checked.
draw_all="--concepts --max-nodes 0"
"$KGRAPH" import "$input" -o "$out" --name kg -f all $draw_all 2> "$work/import.err"
status=$?
check "kgraph import writes every format (exit 0)" [ "$status" -eq 0 ]
check "kgraph import prints only its summaries" sh -c "[ \$(wc -l < '$work/import.err') -eq 2 ] && grep -q '^kgraph: .* nodes, .* edges' '$work/import.err' && grep -q '^kgraph: diagram: ' '$work/import.err'"
"$KGRAPH" import "$input" -o "$out" --name kg-collapsed -f graphml --collapse-parallel -q
check "kgraph import --collapse-parallel" [ -s "$out/kg-collapsed.graphml" ]
for ext in dot svg png pdf graphml nt nq ttl html; do
    check "kg.$ext is written" [ -s "$out/kg.$ext" ]
done
check "no temporary files are left" [ "$(ls -A "$out" | grep -c '^\.')" -eq 0 ]

# Graphviz reads the DOT file without a word on stderr.
dot -Tsvg "$out/kg.dot" -o "$out/kg-dot.svg" 2> "$work/dot.err"
status=$?
check "dot -Tsvg reads kg.dot (exit 0)" [ "$status" -eq 0 ]
check "dot -Tsvg writes nothing on stderr" [ ! -s "$work/dot.err" ]
dot -Tpng "$out/kg.dot" -o "$work/dot.png" 2> "$work/dot-png.err"
check "dot -Tpng writes nothing on stderr (no label too large to draw)" [ ! -s "$work/dot-png.err" ]
check "PNG signature" sh -c "head -c 8 '$out/kg.png' | od -An -c | grep -q 'P   N   G'"
check "qpdf finds no error in kg.pdf (valid xref after the date reset)" sh -c "qpdf --check '$out/kg.pdf' > /dev/null 2>&1"
for layout in neato fdp sfdp circo twopi; do
    check "--layout $layout renders" "$KGRAPH" import "$input" -o "$work/layouts" --name "$layout" -f svg --layout "$layout" -q
done

# The real clients read back what the TSV says.
"$PYTHON" "$TESTS/check-exports.py" "$out" kg "$input" > "$work/check.tap" 2>&1
tap_include "$work/check.tap"

# kgraph lint passes every output.
"$KGRAPH" lint -q "$out/kg.dot" "$out/kg.graphml" "$out/kg-collapsed.graphml" "$out/kg.nt" "$out/kg.nq" "$out/kg.ttl" > "$work/lint.out" 2>&1
status=$?
check "kgraph lint passes every output" [ "$status" -eq 0 ] && [ ! -s "$work/lint.out" ]
[ -s "$work/lint.out" ] && sed 's/^/# /' "$work/lint.out"

# The same bytes in a second run, and with the input in two files given in
# either order.
"$KGRAPH" import "$input" -o "$work/again" --name kg -f all -q $draw_all
same=yes
for ext in dot svg png pdf graphml nt nq ttl html; do
    cmp -s "$out/kg.$ext" "$work/again/kg.$ext" || same="no ($ext)"
done
check "a second run writes the same bytes: $same" [ "$same" = yes ]
head -n 9 "$input" > "$work/part-a.tsv"
tail -n +10 "$input" > "$work/part-b.tsv"
(cd "$work" && "$KGRAPH" import part-a.tsv part-b.tsv -o ab --name kg -f all -q $draw_all \
    && "$KGRAPH" import part-b.tsv part-a.tsv -o ba --name kg -f all -q $draw_all)
same=yes
for ext in dot svg png pdf graphml nt nq ttl html; do
    cmp -s "$work/ab/kg.$ext" "$work/ba/kg.$ext" || same="no ($ext)"
done
check "two input orders write the same bytes: $same" [ "$same" = yes ]

tap_done
