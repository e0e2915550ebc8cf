#!/bin/sh
# e2e-build.sh: `kgraph build`, the main job, on the five seed articles:
# the entities and facts an analyst must find (tests/check-build.py), the
# evidence bytes, Graphviz and rapper reading the outputs, byte-identical
# output whatever the input order, the user's alias rules, and the errors:
# a bad article in a batch, a bad rules file, an output that cannot be
# written.  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

seeds=$(ls "$SEEDS"/*.txt)
reversed=$(ls -r "$SEEDS"/*.txt)

# 1. The seeds, and what the graph must hold.
# shellcheck disable=SC2086
"$KGRAPH" build $seeds -o "$work/a" --name seeds -f dot,graphml,nt 2> "$work/a.err"
check "seeds: exit 0" [ $? -eq 0 ]
check "seeds: the summary counts the facts and those left out" \
    grep -q 'facts found, [0-9]* in the graph; left out: [0-9]* with' "$work/a.err"
"$PYTHON" "$TESTS/check-build.py" "$work/a" seeds > "$work/check.tap" 2>&1
tap_include "$work/check.tap"
dot -Tcanon "$work/a/seeds.dot" > /dev/null 2> "$work/dot.err"
check "seeds: Graphviz reads the DOT file" [ $? -eq 0 ] && [ ! -s "$work/dot.err" ]
rapper -q -i ntriples -c "$work/a/seeds.nt" 2> "$work/rapper.err"
check "seeds: rapper reads the N-Triples" [ $? -eq 0 ]

# 2. The same articles in the opposite order: the same bytes.
# shellcheck disable=SC2086
"$KGRAPH" build $reversed -o "$work/b" --name seeds -f dot,graphml,nt 2> /dev/null
for file in "$work"/a/*; do
    check "input order changes nothing: $(basename "$file")" cmp -s "$file" "$work/b/$(basename "$file")"
done

# 3. The user's rules: drop, retype, merge.
cat > "$work/rules.txt" <<'EOF'
# corrections
!Tehran
Minsk -> LOC
Pezeshkian = Seyed Abbas Araghchi
EOF
# shellcheck disable=SC2086
"$KGRAPH" build $seeds -o "$work/c" --name seeds -f graphml --aliases "$work/rules.txt" 2> /dev/null
check "rules: exit 0" [ $? -eq 0 ]
check "rules: '!Tehran' drops the node" sh -c "! cut -f2 '$work/c/seeds.entities.tsv' | grep -qx Tehran"
check "rules: 'Minsk -> LOC' retypes it" grep -q "$(printf '\tMinsk\tLOC\t')" "$work/c/seeds.entities.tsv"
check "rules: 'A = B' merges A into B, by the user's rule" \
    grep -q "$(printf '\tSeyed Abbas Araghchi\tPERSON\t.*Pezeshkian ([0-9]*, user)')" "$work/c/seeds.entities.tsv"
check "rules: the dropped node is not in the GraphML" \
    sh -c "! grep -q '<data key=\"label\">Tehran</data>' '$work/c/seeds.graphml'"
check "rules: without the rules, it is" grep -q '<data key="label">Tehran</data>' "$work/a/seeds.graphml"

printf 'Iran = Iran\nMinsk -> CAPITAL\n' > "$work/bad-rules.txt"
"$KGRAPH" build "$SEEDS" -o "$work/d" --aliases "$work/bad-rules.txt" 2> "$work/err"
check "bad rules file: exit 3 naming the file and line" \
    sh -c "[ $? -eq 3 ] && grep -q 'bad-rules.txt:2: unknown entity type' '$work/err'"
check "bad rules file: nothing written" sh -c "[ -z \"\$(ls -A '$work/d' 2> /dev/null)\" ]"
"$KGRAPH" build "$SEEDS" -o "$work/d" --aliases "$work/missing.txt" 2> "$work/err"
check "missing rules file: exit 3 naming it" sh -c "[ $? -eq 3 ] && grep -q 'missing.txt' '$work/err'"

# 4. One bad article in a batch: reported and skipped, the rest build.
mkdir "$work/batch"
cp "$SEEDS"/*.txt "$work/batch/"
printf 'Valid start \377 then a bad byte.\n' > "$work/batch/bad.txt"
"$KGRAPH" build "$work/batch" -o "$work/e" --name batch -f graphml 2> "$work/err"
check "bad article: exit 6 (outputs written, input skipped)" [ $? -eq 6 ]
check "bad article: the error names the file" grep -q 'bad.txt' "$work/err"
check "bad article: the other five documents are in the graph" \
    [ "$(tail -n +2 "$work/e/batch.documents.tsv" | wc -l)" -eq 5 ]

# 5. Nothing usable, and an output that cannot be written.
"$KGRAPH" build "$work/batch/bad.txt" -o "$work/f" --name none -f graphml 2> /dev/null
check "no usable input: exit 3" [ $? -eq 3 ]
check "no usable input: no output file" [ ! -e "$work/f/none.graphml" ]
: > "$work/a-file"
"$KGRAPH" build "$SEEDS" -o "$work/a-file" 2> "$work/err"
check "output directory is a file: exit 4" [ $? -eq 4 ]

tap_done
