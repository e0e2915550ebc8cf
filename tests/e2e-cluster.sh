#!/bin/sh
# e2e-cluster.sh: the scale-out recipes write the bytes of one build.  The
# seeds copied 200 times (1,000 articles, each copy's text made its own by
# a first line naming it) and one missing path are listed; one
# `kgraph build` of the list is compared, file by file, with
#   - scripts/parallel-build (GNU parallel, this machine's cores), and with
#     --sshlogin ':' and --shards on a part of the list;
#   - scripts/slurm/submit on a one-node Slurm cluster started here
#     (scripts/slurm/local-cluster: munged, slurmctld and slurmd in a
#     temporary directory): 10 build tasks, merged in stages of 4 shards
#     then once; and a build task that fails stops the merge.
# The daemons are stopped by their pid files, and everything removed, on
# exit.  Where they cannot start, the Slurm part is skipped, saying why,
# and the script exits 77 (tests/run-tests counts that as skipped).
#
# It takes a minute or two, so `make check` leaves it out (it prints a
# plan of no test); `make check-cluster` runs it with KGRAPH_CLUSTER=1.
# Prints TAP; the times of each recipe are comments.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

if [ "${KGRAPH_CLUSTER:-}" != 1 ]; then
    echo "1..0 # SKIP the cluster test runs in make check-cluster (KGRAPH_CLUSTER=1)"
    exit 0
fi
top=$(cd "$TESTS/.." && pwd)
case $KGRAPH in /*) ;; *) KGRAPH="$PWD/$KGRAPH" ;; esac
cluster=""
cleanup () {
    [ -z "$cluster" ] || "$top/scripts/slurm/local-cluster" stop "$cluster"
    [ -z "$cluster" ] || rm -rf "$cluster"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

now () { date +%s.%N; }
since () { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

same_files () { # DIR_A DIR_B: B has every file of A, with its bytes
    [ -n "$(ls "$1")" ] || return 1
    for file in "$1"/*; do
        cmp -s "$file" "$2/$(basename "$file")" || { echo "# differs: $(basename "$file")"; return 1; }
    done
}

# 1. The corpus: the seeds copied 200 times, each copy with its own text.
formats=dot,svg,graphml,nt,html
corpus="$work/corpus"
for copy in $(seq -w 1 200); do
    mkdir -p "$corpus/$copy"
    for seed in "$SEEDS"/*.txt; do
        { echo "Copy $copy of the article."; cat "$seed"; } > "$corpus/$copy/$(basename "$seed")"
    done
done
find "$corpus" -name '*.txt' | sort > "$work/list.txt"
# One path that does not exist: every recipe skips it as one build does.
sed -i "500a $corpus/missing.txt" "$work/list.txt"
check "the list names 1,000 articles and a missing one" [ "$(wc -l < "$work/list.txt")" -eq 1001 ]

started=$(now)
"$KGRAPH" build -q @"$work/list.txt" -o "$work/single" --name news -f $formats 2> "$work/single.err"
check "one build: exit 6, the missing article skipped" [ $? -eq 6 ]
echo "# one build (kgraph -j, every core): $(since "$started") s"
check "... its files written" [ -s "$work/single/news.nt" ]

# 2. GNU parallel.
if command -v parallel >/dev/null 2>&1; then
    started=$(now)
    "$top/scripts/parallel-build" --kgraph "$KGRAPH" --name news -f $formats \
        "$work/list.txt" "$work/parallel" 2> "$work/parallel.err"
    check "parallel-build: exit 0" [ $? -eq 0 ]
    echo "# GNU parallel, one slice per core: $(since "$started") s"
    check "... the bytes of one build" same_files "$work/single" "$work/parallel"
    check "... its temporary shards removed" sh -c "[ -z \"\$(ls -A '$work/parallel' | grep -v '^news\\.')\" ]"

    head -n 60 "$work/list.txt" > "$work/part.txt"
    "$KGRAPH" build -q @"$work/part.txt" -o "$work/part-single" --name part -f dot,graphml,nt
    "$top/scripts/parallel-build" --kgraph "$KGRAPH" -S 3/: --shards "$work/part-shards" --name part \
        -f dot,graphml,nt "$work/part.txt" "$work/part-parallel" 2> "$work/part.err"
    check "parallel-build --sshlogin 3/: (this machine as a host): exit 0" [ $? -eq 0 ]
    check "... the bytes of one build" same_files "$work/part-single" "$work/part-parallel"
    check "... --shards kept one shard per job slot" [ "$(ls "$work/part-shards" | wc -l)" -eq 3 ]
else
    skip "GNU parallel is not installed (scripts/install-deps cluster)"
fi

# 3. Slurm.
cluster=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-slurm.XXXXXX")
started=$(now)
"$top/scripts/slurm/local-cluster" start "$cluster" > "$work/cluster.out" 2> "$work/cluster.err"
status=$?
sed 's/^/# /' "$work/cluster.err"
if [ $status -eq 77 ]; then
    skip "a one-node Slurm cluster could not start here: $(tail -n 1 "$work/cluster.err")"
    tap_done
    exit 77
fi
check "a one-node Slurm cluster started: exit 0" [ $status -eq 0 ]
[ $status -eq 0 ] || { tap_done; exit 1; }
echo "# the cluster started in $(since "$started") s"
export SLURM_CONF="$cluster/slurm.conf"
check "... its configuration in the temporary directory" grep -q "^AuthInfo=socket=$cluster/munge/" "$SLURM_CONF"

# The end state of job ID, once it has one (at most 600 s).
wait_job () {
    tries=0
    while [ $tries -lt 1200 ]; do
        state=$(scontrol show job -o "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
        case $state in
            '' | PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED | REQUEUED | RESIZING) ;;
            *) echo "$state"; return 0 ;;
        esac
        sleep 0.5
        tries=$((tries + 1))
    done
    echo "still ${state:-unknown} after 600 s"
}

started=$(now)
merge=$("$top/scripts/slurm/submit" --kgraph "$KGRAPH" --name news -f $formats --fan-in 4 \
    "$work/list.txt" "$work/slurm" 10 2> "$work/submit.err")
check "submit: exit 0" [ $? -eq 0 ]
sed 's/^/# /' "$work/submit.err"
state=$(wait_job "$merge")
echo "# Slurm, 10 build tasks, 3 stage merges, the final merge: $(since "$started") s from submit to the end"
check "the merge job completed (state: $state)" [ "$state" = COMPLETED ]
check "... the bytes of one build" same_files "$work/single" "$work/slurm"
check "one shard per build task" [ "$(ls "$work/slurm/shards"/shard-*.kgshard | wc -l)" -eq 10 ]
check "a stage merged them into 3" [ "$(ls "$work/slurm/shards/stage-1" | wc -l)" -eq 3 ]
check "a log per job and task" [ "$(ls "$work/slurm/logs" | wc -l)" -eq 14 ]
check "the task with the missing article says so in its log" \
    sh -c "grep -l 'missing.txt: cannot open' '$work/slurm/logs'/build-* | xargs grep -q 'some documents of the slice were skipped'"

mkdir -p "$work/fails"
head -n 4 "$work/list.txt" > "$work/fails.txt"
merge=$(KGRAPH_BUILD_OPTIONS="--model-dir $work/no-models" "$top/scripts/slurm/submit" --kgraph "$KGRAPH" \
    "$work/fails.txt" "$work/fails" 2 2> "$work/submit.err")
state=$(wait_job "$merge")
check "a build task that fails: the merge is cancelled (state: $state)" [ "$state" = CANCELLED ]
check "... and writes nothing" sh -c "[ -z \"\$(ls '$work/fails' | grep -v -e '^logs\$' -e '^shards\$')\" ]"
check "... the task's log says why" sh -c "cat '$work/fails/logs'/build-* | grep -q 'kgraph failed with status 5'"

pids=$(cat "$cluster/slurmd.pid" "$cluster/slurmctld.pid" "$cluster/munge/munged.pid" | tr '\n' ' ')
"$top/scripts/slurm/local-cluster" stop "$cluster"
check "the daemons stopped by their pid files" sh -c "
    [ \$(echo $pids | wc -w) -eq 3 ] || exit 1
    for pid in $pids; do ! kill -0 \$pid 2>/dev/null || exit 1; done"

tap_done
