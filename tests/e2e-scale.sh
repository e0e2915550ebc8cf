#!/bin/sh
# e2e-scale.sh: building on several threads and in shards gives the bytes
# one build gives.  `-j 1`, `-j 2` and `-j 3` write identical files;
# shards of the documents dealt round-robin into groups, merged in any
# order, in one step or in stages (a merge written as a shard and merged
# again), write identical files; a document whose text was read already is left out and counted;
# a damaged or cut-short shard is an error naming the file and byte, and
# nothing is written.  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# Under the sanitizers (make check-asan) loading the models and annotating
# take many times longer: there only the shards' checks run, on the seeds
# alone in two groups, as the shard reader and writer are what ASan should
# see (the thread pool's own check is make check-tsan).
if [ -n "${KGRAPH_SANITIZED:-}" ]; then
    sanitized=1 jobs_list="" groups=2 variants=""
else
    sanitized="" jobs_list="2 3" groups=4 variants="1 2 3"
fi

formats=dot,graphml,nt,html
corpus="$work/corpus"
mkdir -p "$corpus"
# Twenty articles: the seeds, and three variants of each (another first
# line, so another text); five under the sanitizers.
for seed in "$SEEDS"/*.txt; do
    base=$(basename "$seed" .txt)
    cp "$seed" "$corpus/$base.txt"
    for n in $variants; do
        { echo "Variant $n of the article."; cat "$seed"; } > "$corpus/$base-v$n.txt"
    done
done
ls "$corpus"/*.txt > "$work/list.txt"
n_docs=$(wc -l < "$work/list.txt")

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
    grep -q "^kgraph: $n_docs documents, [0-9]* sentences, [0-9]* tokens in " "$work/one.err"
check "the summary gives the time of each stage" \
    grep -q '^kgraph: time per stage: reading .* tags .* parse .* entities .* facts .* (on 1 thread)' "$work/one.err"
for jobs in $jobs_list; do
    "$KGRAPH" build @"$work/list.txt" -j $jobs -o "$work/j$jobs" --name news -f $formats -q
    check "-j $jobs: the same bytes as -j 1" same_files "$work/one" "$work/j$jobs"
done
"$KGRAPH" build @"$work/list.txt" -j -1 -o "$work/j0" -q 2> "$work/err"
check "-j -1: a usage error" [ $? -eq 2 ]

# 2. Shards: the list dealt round-robin into groups (no group a run of
# the list), one shard each.
split -n r/$groups -d "$work/list.txt" "$work/group."
for group in "$work"/group.*; do
    "$KGRAPH" build -q -j 2 --shard "$group.kgshard" @"$group" || echo "# failed: $group"
done
check "one shard per group" [ "$(ls "$work"/group.*.kgshard | wc -l)" -eq $groups ]
check "a shard starts with its format and version" \
    grep -q '^{"format":"kgraph-shard","version":1}$' "$work/group.00.kgshard"
# shellcheck disable=SC2046
"$KGRAPH" merge -q $(ls -r "$work"/group.*.kgshard) -o "$work/m1" --name news -f $formats
check "shards merged in reverse order: exit 0" [ $? -eq 0 ]
check "... the same bytes as one build" same_files "$work/one" "$work/m1"

# in stages: the first group with the last, the rest, then the two
last=$(ls "$work"/group.*.kgshard | tail -1)
"$KGRAPH" merge -q --shard "$work/ends.kgshard" "$work/group.00.kgshard" "$last"
# shellcheck disable=SC2046
"$KGRAPH" merge -q --shard "$work/middle.kgshard" $(ls "$work"/group.*.kgshard | sed '1d;$d') "$work/group.00.kgshard"
"$KGRAPH" merge -q "$work/middle.kgshard" "$work/ends.kgshard" -o "$work/m3" --name news -f $formats
check "merged in stages (shards of shards): the same bytes" same_files "$work/one" "$work/m3"
n_ends=$(($(wc -l < "$work/group.00.kgshard") + $(wc -l < "$last") - 4))
check "a merged shard ends by counting its documents" \
    sh -c "tail -1 '$work/ends.kgshard' | grep -qx '{\"end\":true,\"documents\":$n_ends}'"

# 3. A document read again is left out, and said so.
# shellcheck disable=SC2046
"$KGRAPH" merge $(ls "$work"/group.*.kgshard) "$work/group.01.kgshard" -o "$work/m4" --name news \
    -f $formats 2> "$work/m4.err"
n_01=$(($(wc -l < "$work/group.01.kgshard") - 2))
check "a shard merged twice: the same bytes" same_files "$work/one" "$work/m4"
check "... its documents counted as read already" \
    grep -q "^kgraph: $n_docs documents, .*; $n_01 documents with a text read already left out" "$work/m4.err"
if [ -z "$sanitized" ]; then
    first=$(head -1 "$work/list.txt")
    "$KGRAPH" build "$first" "$first" -o "$work/b2" -f nt 2> "$work/b2.err"
    check "build: an article named twice is read once, and counted" \
        grep -q '^kgraph: 1 document, .*; 1 document with a text read already left out' "$work/b2.err"
fi

# 4. Damaged shards: an error naming file and byte, and nothing written.
shard="$work/group.00.kgshard"
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
"$KGRAPH" merge "$work/group.01.kgshard" "$work/cut.kgshard" -o "$work/out" 2> "$work/err"
check "a good shard then a bad one: exit 3" [ $? -eq 3 ]
check "nothing written by any failed merge" sh -c "[ -z \"\$(ls -A '$work/out')\" ]"
if [ -z "$sanitized" ]; then
    "$KGRAPH" build -q --shard "$work/none.kgshard" "$work/missing.txt" 2> "$work/err"
    check "a shard of no usable input: exit 3, no shard, no temporary" \
        sh -c "[ $? -eq 3 ] && [ ! -e '$work/none.kgshard' ] && [ -z \"\$(ls -A '$work' | grep '^\\.')\" ]"
fi

tap_done
