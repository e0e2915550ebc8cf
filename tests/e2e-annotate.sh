#!/bin/sh
# e2e-annotate.sh: `kgraph annotate` on real files: the seeds, a web page,
# JSON Lines, standard input, list files, and a batch with bad files; the
# CoNLL-U is checked by a small reader of its own (python3), offsets against
# the input bytes.  Prints TAP.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# Checks CoNLL-U: ten columns, sentence ids, token lines in order, and every
# token's TokenRange slicing the input file to its form (curly quotes and
# the other documented characters normalised); multiword tokens cover their
# words.  Usage: validate CONLLU INPUT
validate() {
    "$PYTHON" - "$1" "$2" <<'EOF'
import sys
conllu, source = sys.argv[1], sys.argv[2]
raw = open(source, "rb").read()
table = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
         "\u00a0": " ", "\u00ad": "", "\u200b": ""}
def normal(b):
    text = b.decode("utf-8")
    if source.endswith(".html"):
        import html
        text = html.unescape(text)
    return "".join(table.get(c, c) for c in text)
expected_id = 1
words = sentences = 0
mwt_end = 0
for number, line in enumerate(open(conllu, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line:
        expected_id = 1
        mwt_end = 0
        continue
    if line.startswith("# sent_id = "):
        sentences += 1
    if line.startswith("#"):
        continue
    cols = line.split("\t")
    assert len(cols) == 10, "line %d: %d columns" % (number, len(cols))
    misc = dict(f.split("=", 1) for f in cols[9].split("|") if "=" in f)
    start, end = map(int, misc["TokenRange"].split(":"))
    assert normal(raw[start:end]) == cols[1], "line %d: %r is %r in the input" % (number, cols[1], raw[start:end])
    if "-" in cols[0]:
        first, last = map(int, cols[0].split("-"))
        assert first == expected_id, "line %d: token %s, expected word %d" % (number, cols[0], expected_id)
        mwt_end = last
        continue
    assert int(cols[0]) == expected_id, "line %d: word %s, expected %d" % (number, cols[0], expected_id)
    if int(cols[0]) <= mwt_end:
        assert "SpaceAfter" not in misc, "line %d: SpaceAfter inside a multiword token" % number
    expected_id += 1
    words += 1
assert words > 0 and sentences > 0
EOF
}

# 1. The seeds: valid CoNLL-U whose offsets slice each seed exactly.
for seed in "$SEEDS"/*.txt; do
    name=$(basename "$seed")
    "$KGRAPH" annotate --stage tokens "$seed" > "$work/$name.conllu" 2> "$work/err"
    status=$?
    check "seed $name: exit 0, nothing on stderr" test "$status" -eq 0 -a ! -s "$work/err"
    check "seed $name: CoNLL-U with exact offsets" validate "$work/$name.conllu" "$seed"
done
check "seed 003: the title, the byline as furniture" \
    grep -q -x "# kind = title" "$work/003_c180dd2929c64c42.txt.conllu"
check "seed 002: A. Lukashenko stays in one sentence" \
    grep -q "^# text = At that time, President A. Lukashenko emphasised" "$work/002_be3693e29a9c8e21.txt.conllu"

# 2. A web page: the article only, offsets into the HTML source.
"$KGRAPH" annotate "$TESTS/data/news-page.html" > "$work/page.conllu" 2> "$work/err"
check "HTML page: exit 0" [ $? -eq 0 ]
check "HTML page: offsets slice the HTML source" validate "$work/page.conllu" "$TESTS/data/news-page.html"
check "HTML page: no navigation, ads or footer" sh -c "! grep -q 'Subscribe\\|flights\\|rights' '$work/page.conllu'"

# 3. Standard input, -o, and an unknown stage or format.
printf 'Read from standard input. It has two sentences.\n' | "$KGRAPH" annotate - -o "$work/stdin.conllu"
check "standard input to -o FILE" grep -q "^# newdoc id = stdin" "$work/stdin.conllu"
check "two sentences from standard input" [ "$(grep -c '^# sent_id' "$work/stdin.conllu")" -eq 2 ]
"$KGRAPH" annotate --stage sideways "$SEEDS/000_60a27b6c2513630d.txt" > /dev/null 2> "$work/err"
check "unknown stage: exit 2 and a message" sh -c "[ $? -eq 2 ] && grep -q \"unknown stage 'sideways'\" '$work/err'"
"$KGRAPH" annotate --model-dir /nonexistent/models "$SEEDS/000_60a27b6c2513630d.txt" > /dev/null 2> "$work/err"
check "missing models: exit 5 naming the model file" \
    sh -c "[ $? -eq 5 ] && grep -q '/nonexistent/models/tagger.bin' '$work/err'"

# 3b. Gold tokens in, everything else predicted: the words stay the words.
"$KGRAPH" annotate --input-format conllu "$TESTS/data/tiny.conllu" > "$work/tiny.conllu" 2> "$work/err"
check "conllu input: exit 0" [ $? -eq 0 ]
check "conllu input: the same words in the same order" \
    sh -c "[ \"\$(grep -E '^[0-9]+\s' '$TESTS/data/tiny.conllu' | cut -f2)\" = \"\$(grep -E '^[0-9]+\s' '$work/tiny.conllu' | cut -f2)\" ]"
check "conllu input: every word has a lemma, tags, a head and a relation" \
    sh -c "! grep -E '^[0-9]+\s' '$work/tiny.conllu' | awk -F'\t' '\$3==\"_\" || \$4==\"_\" || \$5==\"_\" || \$7==\"_\" || \$8==\"_\"' | grep -q ."
check "conllu input: one root per sentence" \
    [ "$(awk -F'\t' '$7=="0"' "$work/tiny.conllu" | wc -l)" -eq "$(grep -c '^# sent_id' "$work/tiny.conllu")" ]
"$KGRAPH" annotate --input-format pdf "$SEEDS/000_60a27b6c2513630d.txt" > /dev/null 2>&1
check "unknown input format: exit 2" [ $? -eq 2 ]

# 4. JSON Lines with chosen fields; a bad line is skipped with its line.
printf '%s\n' '{"url": "u1", "body": "The first story. It ends here."}' 'oops' \
    '{"url": "u2", "body": "The second \u201cstory\u201d."}' > "$work/news.jsonl"
"$KGRAPH" annotate --text-field body --id-field url "$work/news.jsonl" > "$work/news.conllu" 2> "$work/err"
check "JSON Lines with a bad line: exit 6 (partial)" [ $? -eq 6 ]
check "JSON Lines: the bad line named with file and line" grep -q "news.jsonl:2: not JSON" "$work/err"
check "JSON Lines: both good documents, by id" \
    sh -c "grep -q '^# newdoc id = u1' '$work/news.conllu' && grep -q '^# newdoc id = u2' '$work/news.conllu'"

# 5. A batch with bad files: each named, skipped, the rest written.
mkdir "$work/batch"
cp "$SEEDS/001_c9860bf5d6f75a1b.txt" "$work/batch/good.txt"
printf 'Bad \377 byte.\n' > "$work/batch/invalid.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$work/batch/image.png"
: > "$work/batch/empty.txt"
ln -s /nonexistent/kgraph/file "$work/batch/dangling.txt"
"$KGRAPH" annotate "$work/batch" -o "$work/batch.conllu" 2> "$work/err"
check "batch with bad files: exit 6" [ $? -eq 6 ]
for bad in "invalid.txt:1:5: invalid UTF-8 at byte 4" "image.png: binary data" "empty.txt: no text" \
           "dangling.txt: cannot open"; do
    check "batch: reported '$bad'" grep -q "$bad" "$work/err"
done
check "batch: the good file written" validate "$work/batch.conllu" "$work/batch/good.txt"
"$KGRAPH" annotate --lenient "$work/batch/invalid.txt" > "$work/lenient.conllu" 2> "$work/err"
check "--lenient: exit 0" [ $? -eq 0 ]
check "--lenient: the replacement reported with its line" grep -q "invalid.txt:1: 1 invalid UTF-8" "$work/err"
check "--lenient: the bad byte read as U+FFFD" grep -q "$(printf '\t\357\277\275\t')" "$work/lenient.conllu"

# 6. Nothing usable: exit 3, and -o leaves no file behind.
"$KGRAPH" annotate "$work/batch/empty.txt" "$work/batch/image.png" -o "$work/none.conllu" 2> /dev/null
check "no usable input: exit 3" [ $? -eq 3 ]
check "no usable input: no output file" [ ! -e "$work/none.conllu" ]

# 7. A list file.
printf '# inputs\n%s\n\n%s\n' "$SEEDS/002_be3693e29a9c8e21.txt" "$work/news.jsonl" > "$work/list.txt"
"$KGRAPH" annotate --text-field body --id-field url "@$work/list.txt" > "$work/list.conllu" 2> /dev/null
check "list file: every listed input read" [ "$(grep -c '^# newdoc' "$work/list.conllu")" -eq 3 ]

tap_done
