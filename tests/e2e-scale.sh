#!/bin/sh
# e2e-scale.sh: building on several threads and in shards gives the bytes
# one build gives.  `-j 1`, `-j 2` and `-j 3` write identical files;
# shards built from any grouping of the documents (one each, halves, odd
# and even lines of a list), merged in any order, in one step or in
# stages (a merge written as a shard and merged again), write identical
# files; a document whose text was read already is left out and counted;
# a damaged or cut-short shard is an error naming the file and byte, and
# nothing is written.  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

formats=dot,graphml,nt,html
corpus="$work/corpus"
mkdir -p "$corpus"
# Twenty articles: the seeds, and three variants of each (another first
# line, so another text).
for seed in "$SEEDS"/*.txt; do
    base=$(basename "$seed" .txt)
    cp "$seed" "$corpus/$base.txt"
    for n in 1 2 3; do
        { echo "Variant $n of the article."; cat "$seed"; } > "$corpus/$base-v$n.txt"
    done
done
ls "$corpus"/*.txt > "$work/list.txt"

same_files () { # DIR_A DIR_B: every file of A has the bytes of B's
    [ -n "$(ls "$1")" ] || return 1
    for file in "$1"/*; do
        cmp -s "$file" "$2/$(basename "$file")" || { echo "# differs: $(basename "$file")"; return 1; }
    done
    [ "$(ls "$1" | wc -l)" -eq "$(ls "$2" | wc -l)" ]
}

# 1. Threads.
"$KGRAPH" build @"$work/list.txt" -j 1 -o "$work/one" --name news -f $formats 2> "$work/one.err"
check "-j 1: exit 0" [ $? -eq 0 ]
check "the summary counts documents, sentences and tokens" \
    grep -q '^kgraph: 20 documents, [0-9]* sentences, [0-9]* tokens in ' "$work/one.err"
check "the summary gives the time of each stage" \
    grep -q '^kgraph: time per stage: reading .* tags .* parse .* entities .* facts .* (on 1 thread)' "$work/one.err"
for jobs in 2 3; do
    "$KGRAPH" build @"$work/list.txt" -j $jobs -o "$work/j$jobs" --name news -f $formats -q
    check "-j $jobs: the same bytes as -j 1" same_files "$work/one" "$work/j$jobs"
done
"$KGRAPH" build @"$work/list.txt" -j -1 -o "$work/j0" -q 2> "$work/err"
check "-j -1: a usage error" [ $? -eq 2 ]

# 2. Shards in several groupings.
mkdir -p "$work/shards"
for file in "$corpus"/*.txt; do
    "$KGRAPH" build -q -j 2 --shard "$work/shards/$(basename "$file" .txt).kgshard" "$file" || echo "# failed: $file"
done
check "one shard per document" [ "$(ls "$work/shards" | wc -l)" -eq 20 ]
check "a shard starts with its format and version" \
    grep -q '^{"format":"kgraph-shard","version":1}$' "$work/shards/$(ls "$work/shards" | head -1)"
# shellcheck disable=SC2046
"$KGRAPH" merge -q $(ls -r "$work"/shards/*.kgshard) -o "$work/m1" --name news -f $formats
check "merged one shard per document, in reverse order: exit 0" [ $? -eq 0 ]
check "... the same bytes as one build" same_files "$work/one" "$work/m1"

sed -n '1~2p' "$work/list.txt" > "$work/odd.txt"
sed -n '2~2p' "$work/list.txt" > "$work/even.txt"
"$KGRAPH" build -q --shard "$work/odd.kgshard" @"$work/odd.txt"
"$KGRAPH" build -q --shard "$work/even.kgshard" @"$work/even.txt"
"$KGRAPH" merge -q "$work/even.kgshard" "$work/odd.kgshard" -o "$work/m2" --name news -f $formats
check "odd and even lines of the list as two shards, merged: the same bytes" same_files "$work/one" "$work/m2"

# in stages: halves of the one-document shards merged into shards, then merged
# shellcheck disable=SC2046
"$KGRAPH" merge -q --shard "$work/first.kgshard" $(ls "$work"/shards/*.kgshard | head -7)
# shellcheck disable=SC2046
"$KGRAPH" merge -q --shard "$work/rest.kgshard" $(ls "$work"/shards/*.kgshard | tail -n +8)
"$KGRAPH" merge -q "$work/rest.kgshard" "$work/first.kgshard" -o "$work/m3" --name news -f $formats
check "merged in stages (shards of shards): the same bytes" same_files "$work/one" "$work/m3"
check "a merged shard ends by counting its documents" \
    sh -c "tail -1 '$work/first.kgshard' | grep -qx '{\"end\":true,\"documents\":7}'"

# 3. A document read again is left out, and said so.
"$KGRAPH" merge "$work/odd.kgshard" "$work/even.kgshard" "$work/odd.kgshard" -o "$work/m4" --name news \
    -f $formats 2> "$work/m4.err"
check "a shard merged twice: the same bytes" same_files "$work/one" "$work/m4"
check "... its documents counted as read already" \
    grep -q '^kgraph: 20 documents, .*; 10 documents with a text read already left out' "$work/m4.err"
"$KGRAPH" build "$corpus" "$corpus/$(ls "$corpus" | head -1)" -o "$work/b2" --name news -f $formats 2> "$work/b2.err"
check "build: an article named twice is read once" same_files "$work/one" "$work/b2"
check "... and counted" grep -q '; 1 document with a text read already left out' "$work/b2.err"

# 4. Damaged shards: an error naming file and byte, and nothing written.
shard="$work/odd.kgshard"
mkdir -p "$work/out"
head -c 5000 "$shard" > "$work/cut.kgshard"
"$KGRAPH" merge "$work/cut.kgshard" -o "$work/out" 2> "$work/err"
check "a shard cut short: exit 3" [ $? -eq 3 ]
check "... naming the file and the byte" grep -q 'cut.kgshard: cut short at byte [0-9]* after 0 documents' "$work/err"
head -n 3 "$shard" > "$work/noend.kgshard"
"$KGRAPH" merge "$work/noend.kgshard" -o "$work/out" 2> "$work/err"
check "a shard without its end line: exit 3 naming it" \
    sh -c "[ $? -eq 3 ] && grep -q 'noend.kgshard: cut short at byte [0-9]* after 2 documents' '$work/err'"
sed '2s/"sentences":[0-9]*/"sentences":"many"/' "$shard" > "$work/bad.kgshard"
"$KGRAPH" merge "$work/bad.kgshard" -o "$work/out" 2> "$work/err"
check "a record with a wrong member: exit 3 naming line, byte and member" \
    sh -c "[ $? -eq 3 ] && grep -q 'bad.kgshard: line 2 (byte [0-9]*): document: \"sentences\" is missing or not a count' '$work/err'"
sed '3s/^{/{]/' "$shard" > "$work/json.kgshard"
"$KGRAPH" merge "$work/json.kgshard" -o "$work/out" 2> "$work/err"
check "a line that is not JSON: exit 3 naming line and column" \
    sh -c "[ $? -eq 3 ] && grep -q 'json.kgshard: line 3 (byte [0-9]*): column [0-9]*: Parse error' '$work/err'"
sed '1s/"version":1/"version":9/' "$shard" > "$work/v9.kgshard"
"$KGRAPH" merge "$work/v9.kgshard" -o "$work/out" 2> "$work/err"
check "a shard of another version: exit 3 saying so" \
    sh -c "[ $? -eq 3 ] && grep -q 'a shard of version 9; this kgraph reads version 1' '$work/err'"
"$KGRAPH" merge "$SEEDS/$(ls "$SEEDS" | head -1)" -o "$work/out" 2> "$work/err"
check "an article given as a shard: exit 3" [ $? -eq 3 ]
"$KGRAPH" merge "$work/odd.kgshard" "$work/cut.kgshard" -o "$work/out" 2> "$work/err"
check "a good shard then a bad one: exit 3" [ $? -eq 3 ]
check "nothing written by any failed merge" sh -c "[ -z \"\$(ls -A '$work/out')\" ]"
"$KGRAPH" build -q --shard "$work/none.kgshard" "$work/missing.txt" 2> "$work/err"
check "a shard of no usable input: exit 3, no shard, no temporary" \
    sh -c "[ $? -eq 3 ] && [ ! -e '$work/none.kgshard' ] && [ -z \"\$(ls -A '$work' | grep '^\\.')\" ]"

tap_done
