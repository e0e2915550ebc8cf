#!/bin/sh
# e2e-openie.sh: `kgraph openie` on real files: plain sentences and Penn
# Treebank tokens (--pretokenized) in, CaRB's tabbed tuples out, checked
# by a small reader of its own (python3): the sentence echoed unchanged,
# a confidence in (0, 1], every argument a run of the line's own tokens;
# the graph view; standard input; errors and their exit codes.  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# Checks tuples against their input: each line sentence, confidence,
# relation and at least two arguments; the sentence one of the input's
# lines as it was; with --tokens, every argument a contiguous run of that
# line's space-separated tokens.  Usage: validate TUPLES INPUT [--tokens]
validate() {
    "$PYTHON" - "$@" <<'EOF'
import sys
tuples, source = sys.argv[1], sys.argv[2]
tokens = "--tokens" in sys.argv[3:]
lines = set(l.rstrip("\n") for l in open(source, encoding="utf-8"))
count = 0
for number, line in enumerate(open(tuples, encoding="utf-8"), 1):
    f = line.rstrip("\n").split("\t")
    assert len(f) >= 5, "line %d: %d fields" % (number, len(f))
    assert f[0] in lines, "line %d: sentence not in the input: %r" % (number, f[0])
    assert 0 < float(f[1]) <= 1, "line %d: confidence %s" % (number, f[1])
    assert f[2].strip() and all(a.strip() for a in f[3:]), "line %d: an empty field" % number
    if tokens:
        words = f[0].split(" ")
        for arg in f[3:]:
            a = arg.split(" ")
            assert any(words[i:i + len(a)] == a for i in range(len(words))), \
                "line %d: %r is not a run of the sentence's tokens" % (number, arg)
    count += 1
assert count > 0, "no tuples"
EOF
}

# has TUPLES FIELDS...: a line whose fields after the confidence are these.
has() {
    file=$1
    shift
    want=$(printf '%s\t' "$@")
    cut -f3- "$file" | sed 's/$/\t/' | grep -qxF "$want"
}

# 1. Plain sentences, one a line; a blank line gives nothing.
cat > "$work/plain.txt" <<'EOF'
The comprehensive cooperation roadmap was signed by Ebrahim Raisi and Alexander Lukashenko.

Belarus is a member of both organizations.
Belarusian military personnel took part in anti-terrorism exercises in Iran.
Will Iran join the SCO?
EOF
"$KGRAPH" openie "$work/plain.txt" > "$work/plain.tsv" 2> "$work/err"
check "plain: exit 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s '$work/err' ]"
check "plain: well-formed tuples of the input's sentences" validate "$work/plain.tsv" "$work/plain.txt"
check "plain: was signed by | roadmap | Raisi" \
    has "$work/plain.tsv" "was signed by" "The comprehensive cooperation roadmap" "Ebrahim Raisi"
check "plain: was signed by | roadmap | Lukashenko" \
    has "$work/plain.tsv" "was signed by" "The comprehensive cooperation roadmap" "Alexander Lukashenko"
check "plain: the copula with its whole complement" \
    has "$work/plain.tsv" "is" "Belarus" "a member of both organizations"
check "plain: the light verb and the preposition in the relation" \
    has "$work/plain.tsv" "took part in" "Belarusian military personnel" "anti-terrorism exercises in Iran"
check "plain: no tuple from a question" sh -c "! grep -q '^Will Iran' '$work/plain.tsv'"

# 2. Penn Treebank tokens: quotes, brackets, 's and $ mapped for the parser,
#    printed back as they were.
cat > "$work/ptb.txt" <<'EOF'
`` Iran and Belarus are close partners , '' Lukashenko said -LRB- on Monday -RRB- .
Iran 's foreign minister met with Alexander Volfovich in Minsk .
The company 's shares rose to $ 4.25 in New York .
Belarus does n't export tractors to Iran .
EOF
"$KGRAPH" openie --pretokenized "$work/ptb.txt" > "$work/ptb.tsv" 2> "$work/err"
check "pretokenized: exit 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s '$work/err' ]"
check "pretokenized: arguments are runs of the line's own tokens" validate "$work/ptb.tsv" "$work/ptb.txt" --tokens
check "pretokenized: the quotation with its PTB quotes" \
    grep -qF "$(printf '\tsaid\tLukashenko\t`` Iran and Belarus are close partners')" "$work/ptb.tsv"
check "pretokenized: 's kept as a token" grep -qF "Iran 's foreign minister" "$work/ptb.tsv"
check "pretokenized: met with | ... | Alexander Volfovich" \
    grep -qF "$(printf '\tmet with\tIran '"'"'s foreign minister\tAlexander Volfovich')" "$work/ptb.tsv"
check "pretokenized: \$ 4.25 as tokens" grep -qF '$ 4.25' "$work/ptb.tsv"
check "pretokenized: negation in the relation" \
    grep -qF "$(printf "\tdoes n't export\tBelarus\ttractors")" "$work/ptb.tsv"

# 3. The graph view: normalised predicate, polarity, modality, speaker.
printf 'Araghchi said Iran and Belarus will expand their cooperation.\nBelarus did not sign the treaty.\n' \
    > "$work/graph.txt"
"$KGRAPH" openie --graph "$work/graph.txt" > "$work/graph.tsv"
check "graph view: the attributed, future fact" \
    grep -qF "$(printf '\tIran\texpand\ttheir cooperation\tpositive\tfuture\tAraghchi\tverbal')" "$work/graph.tsv"
check "graph view: the negated fact" \
    grep -qF "$(printf '\tBelarus\tsign\tthe treaty\tnegative\tasserted\t\tverbal')" "$work/graph.tsv"

# 4. Standard input and -o; the same output twice.
"$KGRAPH" openie - < "$work/plain.txt" > "$work/stdin.tsv"
check "standard input: the same tuples" cmp -s "$work/stdin.tsv" "$work/plain.tsv"
"$KGRAPH" openie "$work/plain.txt" -o "$work/out.tsv"
check "-o FILE: the same tuples" cmp -s "$work/out.tsv" "$work/plain.tsv"
: > "$work/empty.txt"
"$KGRAPH" openie "$work/empty.txt" > "$work/empty.tsv"
check "empty input: exit 0, no tuples" sh -c "[ $? -eq 0 ] && [ ! -s '$work/empty.tsv' ]"

# 5. Errors.
"$KGRAPH" openie "$work/nonexistent.txt" > /dev/null 2> "$work/err"
check "missing input: exit 3 naming it" sh -c "[ $? -eq 3 ] && grep -q 'nonexistent.txt' '$work/err'"
printf 'Bad \377 byte.\n' > "$work/invalid.txt"
"$KGRAPH" openie "$work/invalid.txt" > /dev/null 2> "$work/err"
check "invalid UTF-8: exit 3 with file and line" sh -c "[ $? -eq 3 ] && grep -q 'invalid.txt:1: invalid UTF-8' '$work/err'"
"$KGRAPH" openie > /dev/null 2>&1
check "no input file: exit 2" [ $? -eq 2 ]
"$KGRAPH" openie --sideways "$work/plain.txt" > /dev/null 2>&1
check "unknown option: exit 2" [ $? -eq 2 ]
"$KGRAPH" openie --model-dir /nonexistent/models "$work/plain.txt" > /dev/null 2> "$work/err"
check "missing models: exit 5 naming the model file" \
    sh -c "[ $? -eq 5 ] && grep -q '/nonexistent/models/tagger.bin' '$work/err'"
mkdir -p "$work/data/models"
models=$(cd "$TESTS/../data/models" && pwd)
for model in "$models"/*.bin; do ln -s "$model" "$work/data/models/"; done
"$KGRAPH" openie --data-dir "$work/data" "$work/plain.txt" > /dev/null 2> "$work/err"
check "missing lexicons: exit 5 naming the lexicon file" \
    sh -c "[ $? -eq 5 ] && grep -q 'data/lexicon/reporting-verbs.txt' '$work/err'"

tap_done
