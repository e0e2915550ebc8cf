#!/bin/sh
# e2e-fuzz.sh: the fuzz smoke run of make check (issue 14): each libFuzzer
# target of tests/fuzz/ runs its seeds and the inputs of its past crashes
# (tests/fuzz/regressions/TARGET/, each a regression test), then fuzzes
# for KGRAPH_FUZZ_SMOKE seconds (default 3).  Skipped, with the reason,
# when clang's libFuzzer is missing.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"
top="$TESTS/.."
seconds=${KGRAPH_FUZZ_SMOKE:-3}
targets="read-text read-html read-jsonl conllu segment import lint-dot lint-graphml lint-nt model shard"
build="$top/build-asan"
if [ -n "${KGRAPH_SANITIZED:-}" ]; then
    # the targets are sanitizer builds already, and make check ran them
    skip "fuzz smoke run: run by make check, not again by make check-asan"
    tap_done
    exit 0
fi

(cd "$top" && scripts/fuzz build-asan 0 > "$work/build.out" 2>&1)
status=$?
if [ "$status" -eq 77 ]; then
    skip "fuzz smoke run: $(cat "$work/build.out")"
    tap_done
    exit 0
fi
check "the fuzz targets build (make fuzz-build)" [ "$status" -eq 0 ]

export ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:detect_odr_violation=0
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in $targets; do
    fuzzer="$build/fuzz/fuzz-$target"
    if [ -d "$TESTS/fuzz/regressions/$target" ]; then
        for input in "$TESTS/fuzz/regressions/$target"/*; do
            timeout 60 "$fuzzer" "$input" > "$work/$target.regression" 2>&1
            check "fuzz $target: regression $(basename "$input") passes" [ "$?" -eq 0 ]
        done
    fi
    mkdir -p "$work/corpus-$target"
    timeout $((seconds + 60)) "$fuzzer" "$work/corpus-$target" "$TESTS/fuzz/corpus/$target" \
        -max_total_time="$seconds" -max_len=16384 -timeout=20 -print_final_stats=1 \
        -artifact_prefix="$work/$target-" > "$work/$target.log" 2>&1
    code=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
    check "fuzz $target: ${runs:-?} executions in $seconds s, no crash (exit $code)" [ "$code" -eq 0 ]
    if [ "$code" -ne 0 ]; then
        grep -m 8 -E 'ERROR|SUMMARY| in ' "$work/$target.log"
        # the input that failed outlives the run, to become a regression
        mkdir -p "$build/crashes"
        for artifact in "$work/$target-"*; do
            [ -f "$artifact" ] && cp "$artifact" "$build/crashes/" && echo "# kept: $build/crashes/$(basename "$artifact")"
        done
    fi
done
tap_done
