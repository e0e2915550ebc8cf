#!/bin/sh
# e2e-import-errors.sh: bad input and bad options for `kgraph import`: each
# gives a clear message that names the file (and line:column where there is
# one), the documented exit status, and leaves no output or temporary file.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

printf 'Iran\tborders\tIraq\n' > "$work/good.tsv"
: > "$work/empty.tsv"
printf 'Iran\tborders\tIraq\n\377\376oops\tx\ty\n' > "$work/latin.tsv"
printf 'Iran\tborders\tIraq\nonly\ttwo\n' > "$work/short.tsv"
printf 'just text\n' > "$work/regular-file"
mkdir "$work/a-directory"

# expect NAME STATUS MESSAGE-REGEX OUTDIR -- kgraph ARGS...
# Runs kgraph, then checks the exit status, that stderr matches the regex,
# and that OUTDIR holds no file at all (no output, no temporary file).
expect () {
    name=$1 want=$2 pattern=$3 outdir=$4
    shift 5
    "$KGRAPH" "$@" > "$work/stdout" 2> "$work/stderr"
    status=$?
    check "$name: exit status $want (got $status)" [ "$status" -eq "$want" ]
    if grep -Eq -- "$pattern" "$work/stderr"; then
        ok "$name: says $(head -c 160 "$work/stderr" | tr '\n' ' ')"
    else
        not_ok "$name: stderr does not match /$pattern/: $(head -c 300 "$work/stderr")"
    fi
    left=$(ls -A "$outdir" 2>/dev/null | tr '\n' ' ')
    check "$name: nothing written into the output directory ($left)" [ -z "$left" ]
}

expect "missing file" 3 "missing\\.tsv: cannot open: No such file" "$work/o1" -- \
    import "$work/missing.tsv" -o "$work/o1" -f all
expect "a directory" 3 "a-directory: is a directory" "$work/o2" -- \
    import "$work/a-directory" -o "$work/o2" -f all
expect "an empty file" 3 "empty\\.tsv: no triples" "$work/o3" -- \
    import "$work/empty.tsv" -o "$work/o3" -f all
expect "invalid UTF-8" 3 "latin\\.tsv:2:1: invalid UTF-8 at byte 18" "$work/o4" -- \
    import "$work/latin.tsv" -o "$work/o4" -f all
expect "too few columns" 3 "short\\.tsv:2:9: expected at least 3 tab-separated columns" "$work/o5" -- \
    import "$work/short.tsv" -o "$work/o5" -f all
expect "invalid UTF-8 on standard input" 3 "standard input:2:1: invalid UTF-8" "$work/o6" -- \
    import - -o "$work/o6" -f nt < "$work/latin.tsv"
# Tests run as root, so permissions cannot make a directory unwritable; a
# path under a regular file cannot be a directory for anyone.
expect "an output directory under a regular file" 4 "regular-file/out: cannot create the output directory: Not a directory" \
    "$work/regular-file/out" -- import "$work/good.tsv" -o "$work/regular-file/out" -f all
mkdir -p "$work/o7/kg.dot"
expect "an output name taken by a directory" 4 "cannot write '.*kg\\.dot': Is a directory" "$work/o7/kg.dot" -- \
    import "$work/good.tsv" -o "$work/o7" --name kg -f dot
check "an output name taken by a directory: no temporary file beside it" \
    [ "$(ls -A "$work/o7")" = "kg.dot" ]
expect "an unknown format" 2 "unknown format 'jpeg'" "$work/o8" -- \
    import "$work/good.tsv" -o "$work/o8" -f dot,jpeg
expect "an unknown layout" 2 "unknown layout 'spring'" "$work/o9" -- \
    import "$work/good.tsv" -o "$work/o9" --layout spring
expect "a relative base IRI" 2 "base IRI 'kg/' must be an absolute IRI" "$work/o10" -- \
    import "$work/good.tsv" -o "$work/o10" --base kg/
expect "a base IRI with a bad %-escape" 2 "base IRI 'http://example.org/%zz/'" "$work/o11" -- \
    import "$work/good.tsv" -o "$work/o11" --base 'http://example.org/%zz/'
expect "a base IRI without a final / or #" 2 "ends in '/' or '#'" "$work/o12" -- \
    import "$work/good.tsv" -o "$work/o12" --base 'http://example.org/kg'
expect "a base IRI with a space" 2 "base IRI 'http://example.org/a b/'" "$work/o13" -- \
    import "$work/good.tsv" -o "$work/o13" --base 'http://example.org/a b/'

# One bad file among good ones: the good ones are written, status 6.
"$KGRAPH" import "$work/good.tsv" "$work/short.tsv" -o "$work/partial" -f nt > /dev/null 2> "$work/stderr"
status=$?
check "a bad file among good ones: exit status 6 (got $status)" [ "$status" -eq 6 ]
check "a bad file among good ones: names it and skips it" grep -q "short\\.tsv:2:9: .*(file skipped)" "$work/stderr"
check "a bad file among good ones: the graph of the good file is written" \
    grep -q '/entity/iran> ' "$work/partial/kgraph.nt"

tap_done
