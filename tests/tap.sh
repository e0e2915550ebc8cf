# tap.sh: TAP output and the common settings of the end-to-end scripts,
# which source it as  . "${KGRAPH_TESTS:-tests}/tap.sh"
#
#   KGRAPH  the program (build/kgraph)       TESTS  this folder
#   PYTHON  Debian's python3 with networkx, igraph, rdflib
#   SEEDS   the seed articles                 work   a temporary folder
#
#   check DESCRIPTION COMMAND...   "ok N - DESCRIPTION" if COMMAND succeeds, else "not ok"
#   ok DESCRIPTION / not_ok DESCRIPTION
#   skip REASON                    "ok N # SKIP REASON": counted as skipped, not passed
#   tap_include FILE               renumbers the "ok"/"not ok" lines of a helper's output
#   tap_done                       prints the plan; fails if any test failed
# Output a test compares goes to files in $work, so that a failure can show it.

KGRAPH=${KGRAPH:-build/kgraph}
TESTS=${KGRAPH_TESTS:-tests}
PYTHON=${PYTHON:-/usr/bin/python3}
SEEDS="$TESTS/../seeds"

tap_count=0
tap_failed=0

ok () {
    tap_count=$((tap_count + 1))
    printf 'ok %d - %s\n' "$tap_count" "$*"
}

not_ok () {
    tap_count=$((tap_count + 1))
    tap_failed=$((tap_failed + 1))
    printf 'not ok %d - %s\n' "$tap_count" "$*"
}

skip () {
    tap_count=$((tap_count + 1))
    printf 'ok %d # SKIP %s\n' "$tap_count" "$*"
}

check () {
    tap_description=$1
    shift
    if "$@"; then ok "$tap_description"; else not_ok "$tap_description"; fi
}

tap_include () {
    while IFS= read -r line; do
        case $line in
            "not ok "*) not_ok "${line#not ok - }" ;;
            "ok "*) ok "${line#ok - }" ;;
            *) printf '# %s\n' "$line" ;;
        esac
    done < "$1"
}

tap_done () {
    printf '1..%d\n' "$tap_count"
    [ "$tap_failed" -eq 0 ]
}

# A temporary directory removed on exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
