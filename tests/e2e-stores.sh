#!/bin/sh
# e2e-stores.sh: the seeds' graph loaded into three real triple stores, and
# the SPARQL queries of examples/queries/*.rq answered by each (make
# check-stores runs this script alone):
#
#   Virtuoso  virtuoso-t (Debian virtuoso-opensource-7-bin) started on two
#             free loopback ports with an ini generated in the temporary
#             folder; the N-Quads bulk-loaded with ld_dir + rdf_loader_run
#             through isql-vt; the queries sent to its SPARQL endpoint with
#             curl; the server stopped
#   Oxigraph  the store's engine as a library (npm oxigraph, pinned in
#             tests/stores/package.json): loads the Turtle
#   Redland   rdfproc with hashes (Berkeley DB) storage: loads the N-Triples
#
# Each store must hold every statement of its file, and every query must
# give the same solutions in all of them (compared as sorted rows of
# N-Triples terms, tests/stores/results-table.py), none empty: the seeds
# have meetings, offices, facts about Belarus, entities in several
# documents and attributed facts.  A store that is not installed or does
# not start is skipped, saying why; a skip is never counted as a pass.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

QUERIES="$TESTS/../examples/queries"
STORES="$TESTS/stores"
BASE="https://kgraph.example.org/"

. "$STORES/virtuoso.sh"
trap 'virtuoso_stop; rm -rf "$work"' EXIT

out="$work/out"
# from the top folder, so that document ids are seeds/NAME as in README
(cd "$SEEDS/.." && "$KGRAPH" build seeds -o "$out" --name seeds -f nt,nq,ttl -q)
check "kgraph build writes the seeds as N-Triples, N-Quads and Turtle (exit $?)" \
    [ -s "$out/seeds.nt" ] && [ -s "$out/seeds.nq" ] && [ -s "$out/seeds.ttl" ]
triples=$(wc -l < "$out/seeds.nt")
quads=$(wc -l < "$out/seeds.nq")

# The results of store $1 (NAME.json per query) as tables beside them.
tabulate () {
    for json in "$work/$1"/*.json; do
        "$PYTHON" "$STORES/results-table.py" "$json" > "${json%.json}.tsv" || return 1
    done
}

# The number in the first binding of a SPARQL JSON result.
first_number () {
    "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])' \
        < "$1" 2>/dev/null || echo "unreadable"
}

stores=""

# ---- Virtuoso ----------------------------------------------------------------
virtuoso () {
    started=$(date +%s)
    dir="$work/virtuoso-db"
    mkdir -p "$dir" "$work/virtuoso"
    if ! virtuoso_start "$dir"; then
        skip "Virtuoso: virtuoso-t $virtuoso_why"
        return
    fi
    cp "$out/seeds.nq" "$dir/"
    check "Virtuoso bulk-loads the N-Quads (ld_dir, rdf_loader_run) without an error" \
        virtuoso_load "$dir" "$dir/seeds.nq" "$BASE"
    cat > "$work/count.rq" <<EOF
SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "$BASE")) }
EOF
    virtuoso_query "$work/count.rq" > "$work/virtuoso-count.json"
    loaded=$(first_number "$work/virtuoso-count.json")
    check "Virtuoso holds all $quads quads, in the default and the documents' graphs (got $loaded)" \
        [ "$loaded" = "$quads" ]
    failed=""
    for query in "$QUERIES"/*.rq; do
        name=$(basename "$query" .rq)
        virtuoso_query "$query" > "$work/virtuoso/$name.json" || failed="$failed $name"
    done
    check "Virtuoso answers every query${failed:+ (failed:$failed)}" [ -z "$failed" ]
    virtuoso_stop
    check "Virtuoso: started, loaded, queried and stopped in $(($(date +%s) - started)) s" tabulate virtuoso
    stores="$stores virtuoso"
}

if ! command -v virtuoso-t > /dev/null || ! command -v isql-vt > /dev/null || ! command -v curl > /dev/null; then
    skip "Virtuoso: virtuoso-t, isql-vt or curl not installed (Debian virtuoso-opensource-7-bin and curl: scripts/install-deps check)"
else
    virtuoso
fi

# ---- Oxigraph ----------------------------------------------------------------
if ! command -v node > /dev/null || [ ! -d "$STORES/node_modules/oxigraph" ]; then
    skip "Oxigraph: node or the npm package oxigraph is not installed (scripts/install-deps check runs npm ci in tests/stores)"
else
    started=$(date +%s)
    node "$STORES/oxigraph-query.js" "$out/seeds.ttl" "$work/oxigraph" "$QUERIES"/*.rq 2> "$work/oxigraph.err"
    status=$?
    check "Oxigraph loads the Turtle and answers every query (exit $status)" [ "$status" -eq 0 ]
    sed 's/^/# /' "$work/oxigraph.err"
    check "Oxigraph holds all $triples triples" grep -q "loaded $triples quads" "$work/oxigraph.err"
    check "Oxigraph: loaded and queried in $(($(date +%s) - started)) s" tabulate oxigraph
    stores="$stores oxigraph"
fi

# ---- Redland -----------------------------------------------------------------
if ! command -v rdfproc > /dev/null; then
    skip "Redland: rdfproc not installed (Debian redland-utils: scripts/install-deps check)"
else
    started=$(date +%s)
    mkdir -p "$work/redland" "$work/redland-db"
    storage="hash-type='bdb',dir='$work/redland-db'"
    rdfproc -q -n -s hashes -t "$storage" kg parse "$out/seeds.nt" ntriples 2> "$work/redland.err"
    check "Redland (rdfproc) loads the N-Triples (exit $?)" [ ! -s "$work/redland.err" ]
    rdfproc -q -r json -s hashes -t "$storage" kg query sparql - \
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" > "$work/redland-count.json" 2>/dev/null
    loaded=$(first_number "$work/redland-count.json")
    check "Redland holds all $triples triples (got $loaded)" [ "$loaded" = "$triples" ]
    failed=""
    for query in "$QUERIES"/*.rq; do
        name=$(basename "$query" .rq)
        # rasqal warns of the variables of aggregates and unions it
        # rewrites; only the exit status tells a failure
        rdfproc -q -r json -s hashes -t "$storage" kg query sparql - "$(cat "$query")" \
            > "$work/redland/$name.json" 2>> "$work/redland.err" || failed="$failed $name"
    done
    check "Redland answers every query${failed:+ (failed:$failed)}" [ -z "$failed" ]
    check "Redland: loaded and queried in $(($(date +%s) - started)) s" tabulate redland
    stores="$stores redland"
fi

# ---- the answers -------------------------------------------------------------
set -- $stores
if [ $# -lt 2 ]; then
    skip "the answers of the stores compared: fewer than two stores ran (${stores:- none})"
fi
for query in "$QUERIES"/*.rq; do
    name=$(basename "$query" .rq)
    [ $# -ge 1 ] || break
    first=$1
    rows=$(($(wc -l < "$work/$first/$name.tsv") - 1))
    check "$name: $rows solutions in $first, at least one" [ "$rows" -ge 1 ]
    for store in "$@"; do
        [ "$store" = "$first" ] && continue
        if cmp -s "$work/$first/$name.tsv" "$work/$store/$name.tsv"; then
            ok "$name: $store gives the same $rows solutions as $first"
        else
            not_ok "$name: $store differs from $first"
            diff "$work/$first/$name.tsv" "$work/$store/$name.tsv" | head -n 10 | sed 's/^/# /'
        fi
    done
    sed 's/^/# /' "$work/$first/$name.tsv" | head -n 5
done

tap_done
