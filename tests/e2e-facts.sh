#!/bin/sh
# e2e-facts.sh: scripts/eval-facts, the measure of the entity-entity facts
# (issue 11).  First the scorer itself, on a hand-made graph and gold
# (tests/data/facts/: a symmetric relation, an alias, an alternative
# relation, the office form, the relation attribute, a false positive, a
# fact from the wrong document); then the seeds' graph against the seeds'
# gold (tests/gold/seeds.facts.tsv): the script runs and gives numbers, and
# they are no lower than today's.  The GUM gold is scored by
# scripts/eval-facts-gum, outside make check (it needs the corpus).  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# The seeds' precision and recall as measured when this test was written
# (P 0.857, R 0.740 on 2026-12-04), less a margin.  They rise as the extractor improves:
# raise them with it, towards issue 11's targets (P >= 0.85, R >= 0.80).
SEEDS_MIN_PRECISION=0.82
SEEDS_MIN_RECALL=0.70

eval_facts="$TESTS/../scripts/eval-facts"
facts="$TESTS/data/facts"

# 1. The scorer on a graph whose right answer is known.
"$PYTHON" "$eval_facts" "$facts/gold.tsv" "$facts/tiny.graphml" --misses > "$work/tiny.out" 2>&1
check "tiny: exit 0" [ $? -eq 0 ]
check "tiny: 5 of 8 edges right, 5 of 9 gold facts found (the repeated fact counted once)" \
    grep -qx 'P=0.625 R=0.556 F1=0.588 gold=9 found=5 edges=8 right=5' "$work/tiny.out"
check "tiny: 'met' matches the other way round, through the alias 'Berg'" \
    sh -c "! grep -q 'Berg -\[met\]' '$work/tiny.out'"
check "tiny: a non-symmetric relation does not match the other way round" \
    grep -q 'Tom Lind -\[supports\]-> Acme Bank' "$work/tiny.out"
check "tiny: the right fact from another document does not match" \
    grep -q 'doc2: Tom Lind -\[visit\]-> Osterland' "$work/tiny.out"
check "tiny: the false positive is listed" grep -q 'doc1: Tom Lind -\[buy\]-> Acme Bank' "$work/tiny.out"
check "tiny: the edge to a concept is not counted" sh -c "! grep -q 'economic tie' '$work/tiny.out'"
"$PYTHON" "$eval_facts" "$facts/gold.tsv" "$facts/tiny.graphml" --docs doc2 > "$work/doc2.out" 2>&1
check "tiny: --docs keeps that document's gold and edges" \
    grep -qx 'P=0.000 R=0.000 F1=0.000 gold=1 found=0 edges=1 right=0' "$work/doc2.out"

# 2. The seeds' graph against the seeds' gold.
"$KGRAPH" build "$SEEDS" -o "$work/seeds" --name seeds -f graphml 2> /dev/null
check "seeds: the graph builds" [ -s "$work/seeds/seeds.graphml" ]
"$PYTHON" "$eval_facts" "$TESTS/gold/seeds.facts.tsv" "$work/seeds/seeds.graphml" > "$work/seeds.out" 2>&1
check "seeds: eval-facts exits 0" [ $? -eq 0 ]
line=$(grep '^P=' "$work/seeds.out")
check "seeds: eval-facts gives precision and recall" [ -n "$line" ]
printf '# seeds: %s\n' "$line"
p=$(printf '%s\n' "$line" | sed -n 's/^P=\([0-9.]*\) .*/\1/p')
r=$(printf '%s\n' "$line" | sed -n 's/.* R=\([0-9.]*\) .*/\1/p')
check "seeds: at least 40 gold facts" \
    [ "$(printf '%s\n' "$line" | sed -n 's/.* gold=\([0-9]*\) .*/\1/p')" -ge 40 ]
check "seeds: precision ${p:-?} >= $SEEDS_MIN_PRECISION" \
    awk "BEGIN { exit !(\"${p:-0}\" + 0 >= $SEEDS_MIN_PRECISION) }"
check "seeds: recall ${r:-?} >= $SEEDS_MIN_RECALL" \
    awk "BEGIN { exit !(\"${r:-0}\" + 0 >= $SEEDS_MIN_RECALL) }"

tap_done
