# catalogue.sh: the hostile-input catalogue (issue 14), sourced by
# tests/e2e-hostile.sh after tap.sh.  Each case is one `hostile` line: an
# id, the exit status kgraph must give, what its messages must say (file and
# position where there is one), and the command; some add checks of the
# result.  make-inputs generates the inputs, the large ones included, into
# a temporary folder: nothing large is committed.
#
#   KGRAPH_HOSTILE_FILES  how many tiny files the many-files case reads
#                         (default 10,000, about 15 s; make check-asan uses
#                         2,000; 100,000 took about 2 minutes here)
#
# Exit statuses: 0 done, 1 lint found problems, 3 no usable input, 4 an
# output could not be written, 5 a model is missing or broken, 6 outputs
# written but some inputs skipped, 128+N killed by signal N (141: SIGPIPE
# when standard output is closed early, 130 SIGINT, 143 SIGTERM).

in="$work/in"
files=${KGRAPH_HOSTILE_FILES:-10000}
sh "$TESTS/hostile/make-inputs" "$in" "$files"
hostile_cases=0

# hostile ID STATUS PATTERN COMMAND...: COMMAND (run in $in, at most 300 s)
# exits STATUS and its standard error matches the grep pattern PATTERN
# (none when empty).  Output in $work/ID.out and ID.err.
hostile () {
    h_id=$1 h_want=$2 h_pattern=$3
    shift 3
    hostile_cases=$((hostile_cases + 1))
    (cd "$in" && timeout 300 "$@") > "$work/$h_id.out" 2> "$work/$h_id.err"
    h_got=$?
    check "$h_id: exit $h_want (got $h_got)" [ "$h_got" -eq "$h_want" ]
    if [ -n "$h_pattern" ]; then
        check "$h_id: says \"$h_pattern\"" grep -q -- "$h_pattern" "$work/$h_id.err"
    fi
}

# ---- invalid and overlong UTF-8, NUL bytes --------------------------------
hostile utf8-bad-byte 3 "bad-byte.txt:1:17: invalid UTF-8 at byte 16" "$KGRAPH" build -f nt bad-byte.txt -o "$work/o1"
hostile utf8-overlong-2 3 "overlong2.txt:1:17: invalid UTF-8 at byte 16" "$KGRAPH" build -f nt overlong2.txt -o "$work/o2"
hostile utf8-overlong-3 3 "overlong3.txt:1:17: invalid UTF-8 at byte 16" "$KGRAPH" build -f nt overlong3.txt -o "$work/o3"
hostile utf8-surrogate 3 "surrogate.txt:1:17: invalid UTF-8 at byte 16" "$KGRAPH" build -f nt surrogate.txt -o "$work/o4"
hostile utf8-beyond-10ffff 3 "beyond.txt:1:17: invalid UTF-8 at byte 16" "$KGRAPH" build -f nt beyond.txt -o "$work/o5"
hostile utf8-cut-short 3 "cut-short.txt:1:27: invalid UTF-8 at byte 26" "$KGRAPH" build -f nt cut-short.txt -o "$work/o6"
hostile utf8-one-bad-file 6 "mixed/bad.txt:1:17: invalid UTF-8" "$KGRAPH" build -f nt mixed -o "$work/o7"
check "utf8-one-bad-file: the good file is built" grep -q "1 document ->" "$work/utf8-one-bad-file.err"
hostile utf8-lenient 0 "bad-byte.txt:1: 1 invalid UTF-8 or NUL byte replaced by U+FFFD, the first at column 17 (byte 16)" \
    "$KGRAPH" build -f nt bad-byte.txt --lenient -o "$work/o8"
hostile nul-byte 3 "nul.txt:1:16: NUL byte at byte 15" "$KGRAPH" build -f nt nul.txt -o "$work/o9"
hostile nul-byte-lenient 0 "nul.txt:1: 1 invalid UTF-8 or NUL byte replaced" "$KGRAPH" build -f nt nul.txt --lenient -o "$work/o10"

# ---- UTF-16 and UTF-32, with and without a byte order mark ----------------
hostile utf16-bom 0 "utf16-bom.txt: decoded from UTF-16LE (byte order mark)" "$KGRAPH" build -f nt utf16-bom.txt -o "$work/o11"
hostile utf16be-no-bom 0 "utf16be.txt: decoded from UTF-16BE (no byte order mark" "$KGRAPH" build -f nt utf16be.txt -o "$work/o12"
hostile utf16le-no-bom 0 "utf16le.txt: decoded from UTF-16LE (no byte order mark" "$KGRAPH" build -f nt utf16le.txt -o "$work/o13"
hostile utf32-bom 0 "utf32-bom.txt: decoded from UTF-32LE (byte order mark)" "$KGRAPH" build -f nt utf32-bom.txt -o "$work/o14"
hostile utf16-odd-length 0 "utf16-odd.txt: cut short: the last 1 byte (from byte 76) is not a whole UTF-16LE character, left out" \
    "$KGRAPH" build -f nt utf16-odd.txt -o "$work/o14b"
check "utf16-odd-length: the sentence is read" grep -q '"Maria Lopez met Juan Perez in Madrid."' "$work/o14b/kgraph.nt"
check "utf16 and utf32: the sentence is read" grep -q '"Maria Lopez met Juan Perez in Madrid."' "$work/o14/kgraph.nt"

# ---- line ends --------------------------------------------------------------
hostile cr-only 0 "2 facts found" "$KGRAPH" build -f nt cr-only.txt -o "$work/o15"
check "cr-only: both sentences are separate evidence" \
    sh -c "grep -q '\"Angela Merkel visited Paris.\"' '$work/o15/kgraph.nt' && grep -q '\"Maria Lopez met Juan Perez in Madrid.\"' '$work/o15/kgraph.nt'"
hostile crlf 0 "2 facts found" "$KGRAPH" build -f nt crlf.txt -o "$work/o16"

# ---- size: a 50 MB line, a 5,000-token sentence, many tiny files -----------
hostile line-50mb 3 "line-50mb.txt: 52428[0-9]* bytes, beyond the limit of 8388608 bytes for one document" \
    /usr/bin/time -f "peak RSS %M KB, %e s" "$KGRAPH" build line-50mb.txt -o "$work/o17" -f nt
echo "# line-50mb.txt: $(tail -1 "$work/line-50mb.err")"
rss=$(sed -n 's/^peak RSS \([0-9]*\) KB.*/\1/p' "$work/line-50mb.err")
check "line-50mb: peak RSS under 400 MB (${rss:-?} KB)" [ "${rss:-999999999}" -lt 409600 ]
hostile line-50mb-jsonl 6 "line-50mb.jsonl:1: a text of 52428[0-9]* bytes, beyond the limit of 8388608" \
    "$KGRAPH" build -f nt line-50mb.jsonl -o "$work/o18"
hostile tokens-5000 0 "" /usr/bin/time -f "%e s" "$KGRAPH" build tokens-5000.txt -o "$work/o19" -f nt
secs=$(tail -1 "$work/tokens-5000.err" | cut -d' ' -f1)
check "tokens-5000: seconds, not minutes ($secs s)" awk "BEGIN { exit !($secs < 60) }"
"$KGRAPH" annotate "$in/tokens-5000.txt" > "$work/tokens-5000.conllu"
check "tokens-5000: cut into sentences of at most 250 words ($(grep -c '^# text' "$work/tokens-5000.conllu"))" \
    [ "$(grep -c '^# text' "$work/tokens-5000.conllu")" -ge 21 ]
hostile commas-5000 0 "1 fact found" "$KGRAPH" build -f nt commas-5000.txt -o "$work/o20"
hostile many-files 0 "$files documents ->" \
    /usr/bin/time -f "peak RSS %M KB, %e s" "$KGRAPH" build many -o "$work/o21" -f nt
echo "# many/ ($files files): $(tail -1 "$work/many-files.err")"
rss=$(sed -n 's/^peak RSS \([0-9]*\) KB.*/\1/p' "$work/many-files.err")
check "many-files: peak RSS under 1 GB (${rss:-?} KB)" [ "${rss:-999999999}" -lt 1048576 ]
hostile empty-file 3 "empty.txt: no text (the file is empty or white space only)" "$KGRAPH" build -f nt empty.txt -o "$work/o22"
hostile binary-file 3 "image.png: binary data, not text (control bytes from byte 0)" "$KGRAPH" build -f nt image.png -o "$work/o23"
hostile missing-file 3 "no-such-file.txt: cannot open: No such file or directory" "$KGRAPH" build -f nt no-such-file.txt -o "$work/o24"

# ---- HTML -------------------------------------------------------------------
hostile html-nested-100000 3 "nested-100000.html:1: elements nested deeper than the HTML parser's limit (256)" \
    "$KGRAPH" build -f nt nested-100000.html -o "$work/o25"
hostile html-nested-200 0 "1 fact found" "$KGRAPH" build -f nt nested-200.html -o "$work/o26"
hostile html-malformed 0 "" "$KGRAPH" annotate malformed.html
check "html-malformed: the three sentences inside broken markup are read" \
    sh -c "grep -q '	Madrid	' '$work/html-malformed.out' && grep -q '	Merkel	' '$work/html-malformed.out' && grep -q '	Scholz	' '$work/html-malformed.out'"
hostile html-billion-laughs 0 "1 fact found" /usr/bin/time -f "peak RSS %M KB" "$KGRAPH" build laughs.html -o "$work/o28" -f nt
check "html-billion-laughs: no entity expanded" sh -c "! grep -q lollollol '$work/o28/kgraph.nt'"
hostile html-unknown-charset 0 "1 fact found" "$KGRAPH" build -f nt unknown-charset.html -o "$work/o29"
hostile html-script-only 3 "script-only.html: no article text found in the page" "$KGRAPH" build -f nt script-only.html -o "$work/o30"

# ---- JSON Lines ---------------------------------------------------------------
hostile jsonl-not-json 6 "not-json.jsonl:2: not JSON at column 1" "$KGRAPH" build -f nt not-json.jsonl -o "$work/o31"
check "jsonl-not-json: the two good lines are built" grep -q "2 documents ->" "$work/jsonl-not-json.err"
hostile jsonl-number-text 6 'number-text.jsonl:1: no string field "text"' "$KGRAPH" build -f nt number-text.jsonl -o "$work/o32"
hostile jsonl-no-objects 3 "all-bad.jsonl:1: not a JSON object" "$KGRAPH" build -f nt all-bad.jsonl --input-format jsonl -o "$work/o33"

# ---- labels with every C0 control, through import to every format ----------
hostile import-c0-controls 0 "" "$KGRAPH" import controls.tsv -o "$work/ctl" -f all --max-nodes 0 -q
check "c0: dot reads the .dot" dot -Tcanon -o /dev/null "$work/ctl/kgraph.dot"
check "c0: rapper reads the N-Triples" rapper -q -i ntriples -c "$work/ctl/kgraph.nt"
check "c0: rapper reads the N-Quads" rapper -q -i nquads -c "$work/ctl/kgraph.nq"
check "c0: networkx reads the GraphML, 56 nodes, 28 edges" "$PYTHON" -c "
import networkx, sys
g = networkx.read_graphml(sys.argv[1])
sys.exit(not (g.number_of_nodes() == 56 and g.number_of_edges() == 28))" "$work/ctl/kgraph.graphml"
check "c0: the SVG is well-formed XML" xmllint --noout "$work/ctl/kgraph.svg"
check "c0: lint passes all four graph files" "$KGRAPH" lint -q "$work/ctl/kgraph.dot" "$work/ctl/kgraph.graphml" \
    "$work/ctl/kgraph.nt" "$work/ctl/kgraph.nq"
check "c0: every label reaches the N-Triples (28 subjects with 'Name')" \
    [ "$(grep -c '"Name [0-9A-F][0-9A-F].* end"' "$work/ctl/kgraph.nt")" -ge 28 ]

# ---- import, lint and CoNLL-U -----------------------------------------------
hostile import-bad-utf8 3 "bad-utf8.tsv:1:10: invalid UTF-8 at byte 9" "$KGRAPH" import bad-utf8.tsv -o "$work/o34" -f nt
hostile import-nul 3 "nul.tsv" "$KGRAPH" import nul.tsv -o "$work/o35" -f nt
hostile lint-nul-dot 1 "" "$KGRAPH" lint nul.dot
check "lint-nul-dot: names the line" grep -q "nul.dot:3:" "$work/lint-nul-dot.out"
hostile lint-latin1-nt 1 "" "$KGRAPH" lint latin1.nt
check "lint-latin1-nt: names the line" grep -q "latin1.nt:1:" "$work/lint-latin1-nt.out"
hostile lint-truncated-graphml 1 "" "$KGRAPH" lint truncated.graphml
check "lint-truncated-graphml: names the line" grep -q "truncated.graphml:2:" "$work/lint-truncated-graphml.out"
hostile lint-billion-laughs 1 "" /usr/bin/time -f "peak RSS %M KB" "$KGRAPH" lint laughs.graphml
check "lint-billion-laughs: names the line" grep -q "laughs.graphml:1:" "$work/lint-billion-laughs.out"
hostile lint-external-entity 1 "" "$KGRAPH" lint external.graphml
check "lint-external-entity: the file it names is not read" \
    sh -c "! grep -qF \"\$(cat /etc/hostname)\" '$work/lint-external-entity.out'"
hostile conllu-bad-head 0 "" "$KGRAPH" annotate --input-format conllu bad-head.conllu
check "conllu-bad-head: the out-of-range head is predicted again" grep -q "^1	Maria	.*	[0-3]	" "$work/conllu-bad-head.out"

# ---- a model file truncated at every section boundary ------------------------
models="$TESTS/../data/models"
printf 'Maria Lopez met Juan Perez.\n' > "$in/one.txt"
"$PYTHON" - "$models" > "$work/boundaries" <<'PY'
import struct, sys, os
for name in ("lemmatizer", "tagger", "ner", "parser"):
    data = open(os.path.join(sys.argv[1], name + ".bin"), "rb").read(1 << 16)
    cuts = {0, 4, 8, 12}
    p = 12
    (kind,) = struct.unpack_from("<I", data, p)
    p += 4 + kind
    cuts |= {p, p + 8}
    p += 8
    (n,) = struct.unpack_from("<I", data, p)
    p += 4
    cuts.add(p)
    for _ in range(n):
        (length,) = struct.unpack_from("<I", data, p)
        p += 4 + length
        offset, size = struct.unpack_from("<QQ", data, p)
        p += 16
        cuts |= {offset, offset + size - 1}
    cuts.add(p)
    size = os.path.getsize(os.path.join(sys.argv[1], name + ".bin"))
    for cut in sorted(c for c in cuts if c < size):
        print(name, cut)
PY
mkdir "$work/models"
bad_models=0
n_cuts=0
# Under make check-asan (KGRAPH_SANITIZED), where each run costs seconds,
# every sixth cut: the fuzz target `model` covers the loader there.
step=1
[ -n "${KGRAPH_SANITIZED:-}" ] && step=6
line=0
while read -r model cut; do
    line=$((line + 1))
    [ $(((line - 1) % step)) -eq 0 ] || continue
    n_cuts=$((n_cuts + 1))
    for other in lemmatizer tagger ner parser; do
        ln -sf "$models/$other.bin" "$work/models/$other.bin"
    done
    rm -f "$work/models/$model.bin"
    head -c "$cut" "$models/$model.bin" > "$work/models/$model.bin"
    "$KGRAPH" build --model-dir "$work/models" "$in/one.txt" -o "$work/model-out" -f nt -q 2> "$work/model.err"
    status=$?
    if [ "$status" -ne 5 ] || ! grep -q "error: .*models/$model.bin: " "$work/model.err"; then
        echo "# $model.bin cut at byte $cut: exit $status, $(cat "$work/model.err")"
        bad_models=$((bad_models + 1))
    fi
done < "$work/boundaries"
hostile_cases=$((hostile_cases + 1))
check "model-truncated: $n_cuts of $line cuts at the section boundaries of 4 models each exit 5 naming the file ($bad_models did not)" \
    [ "$bad_models" -eq 0 ] && [ "$n_cuts" -ge $((30 / step)) ]

# ---- output paths: a directory, unwritable, a full disk, a closed stdout ----
printf 'Iran\tborders\tIraq\n' > "$in/one.tsv"
mkdir -p "$work/dir-out/kgraph.nt"
hostile output-is-directory 4 "dir-out/kgraph.nt'*: Is a directory" "$KGRAPH" import one.tsv -o "$work/dir-out" -f nt
printf 'x\n' > "$work/a-file"
hostile output-dir-is-file 4 "a-file" "$KGRAPH" import one.tsv -o "$work/a-file" -f nt
# Tests run as root, so permissions cannot make a directory unwritable; /proc
# refuses new entries even to root.
hostile output-unwritable 4 "/proc/kgraph-out: cannot create the output directory" "$KGRAPH" import one.tsv -o /proc/kgraph-out -f nt
"$KGRAPH" import "$in/one.tsv" -o "$work/full" -f dot,graphml,nt -q
(cd "$work/full" && md5sum kgraph.* > "$work/full.md5")
# a full disk: the file-size limit (ulimit -f, in 512-byte blocks) stops
# the write at 4 KB; SIGXFSZ is ignored, so the write fails with EFBIG
hostile output-full-disk 4 "full/kgraph.[a-z]*: cannot write the .*: File too large" \
    sh -c 'ulimit -f 8; exec "$0" import many/000001.txt controls.tsv "$1" -o "$2" -f dot,graphml,nt' \
    "$KGRAPH" "$TESTS/data/hostile.tsv" "$work/full"
check "output-full-disk: the previous outputs are intact" sh -c "cd '$work/full' && md5sum -c --quiet '$work/full.md5'"
check "output-full-disk: no temporary left" [ -z "$(ls -A "$work/full" | grep '^\.')" ]
# standard output closed early: kgraph dies of SIGPIPE (141) at once, as
# cat would, instead of hanging or writing on (the first 1,000 tiny files:
# far more N-Triples than a pipe holds, built in seconds)
hostile_cases=$((hostile_cases + 1))
(cd "$in" && timeout 60 sh -c '"$0" build many/000???.txt -o - -f nt 2>/dev/null; echo $? > "$1"' "$KGRAPH" "$work/pipe.status" | head -1 > /dev/null)
check "stdout-closed-early: kgraph ends of SIGPIPE, exit 141 (got $(cat "$work/pipe.status"))" [ "$(cat "$work/pipe.status")" -eq 141 ]

# ---- SIGINT and SIGTERM during a long build ------------------------------------
for sig in INT TERM; do
    hostile_cases=$((hostile_cases + 1))
    "$KGRAPH" build "$in/mixed/good.txt" -o "$work/sig-$sig" -f dot,graphml,nt -q
    "$PYTHON" "$TESTS/hostile/interrupt.py" "$KGRAPH" "$in/long" "$work/sig-$sig" "$sig" 1 > "$work/sig-$sig.res" 2>&1
    read -r status took temporaries same < "$work/sig-$sig.res"
    echo "# SIG$sig during a build of long/ (3,000 files): status $status, $took s after the signal"
    want=130
    [ "$sig" = TERM ] && want=143
    check "SIG$sig during a long build: exit $want (got $status)" [ "$status" -eq "$want" ]
    check "SIG$sig during a long build: no temporary left ($temporaries)" [ "$temporaries" -eq 0 ]
    check "SIG$sig during a long build: the previous outputs intact" [ "$same" = yes ]
done

echo "# the hostile catalogue: $hostile_cases cases"
check "the catalogue has at least 40 cases ($hostile_cases)" [ "$hostile_cases" -ge 40 ]
