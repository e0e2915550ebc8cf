#!/bin/sh
# e2e-harden.sh: the defects found by trying kgraph on hostile input and
# interrupted runs (issue 14), each checked the way it was found.
set -u
. "${KGRAPH_TESTS:-tests}/tap.sh"

# ---- 1. a run of 16,384 bytes without a backslash: Graphviz reads the .dot
# back, and lint agrees with Graphviz --------------------------------------
"$PYTHON" -c "print('A' * 20000 + '\tmeet\tBob'); print('Carol\tsay\t' + '! ' * 12000)" > "$work/long.tsv"
"$KGRAPH" import "$work/long.tsv" -o "$work/long-import" -f dot -q
check "import with a 20,000-byte subject writes a .dot" [ -s "$work/long-import/kgraph.dot" ]
check "dot reads the .dot of a 20,000-byte subject" dot -Tcanon -o /dev/null "$work/long-import/kgraph.dot"
check "lint passes the .dot of a 20,000-byte subject" "$KGRAPH" lint -q "$work/long-import/kgraph.dot"
mkdir "$work/long-docs"
# two people, so that the fact is drawn whatever a diagram leaves out, and
# the sentence is in its tooltip
"$PYTHON" -c "print('Maria Lopez met Juan Perez in Madrid to discuss ' + 'x' * 20000 + ' on Monday.')" \
    > "$work/long-docs/a.txt"
"$KGRAPH" build "$work/long-docs" -o "$work/long-build" -f dot -q 2> "$work/long-build.err"
sed 's/\\n//g' "$work/long-build/kgraph.dot" > "$work/long-build/kgraph.dot.joined"
check "build with a 20,000-character token writes a .dot" [ -s "$work/long-build/kgraph.dot" ]
check "the token is whole in the .dot's tooltips, its lines broken" \
    grep -q "x\{20000\}" "$work/long-build/kgraph.dot.joined"
check "dot reads the .dot of a 20,000-character token" dot -Tcanon -o /dev/null "$work/long-build/kgraph.dot"
check "lint passes the .dot of a 20,000-character token" "$KGRAPH" lint -q "$work/long-build/kgraph.dot"
"$PYTHON" -c "print('digraph { a [tooltip=\"' + 'x' * 20000 + '\"]; }')" > "$work/long-run.dot"
if dot -Tcanon -o /dev/null "$work/long-run.dot" 2> /dev/null; then dot_reads=yes; else dot_reads=no; fi
"$KGRAPH" lint -q "$work/long-run.dot" > "$work/long-run.lint"
lint_status=$?
check "lint fails a .dot that dot cannot read (dot reads it: $dot_reads, lint exit $lint_status)" \
    [ "$lint_status" -eq 1 ] && [ "$dot_reads" = no ]
check "lint says where the long run starts" grep -q "long-run.dot:1:23: error: more than 16379 bytes" "$work/long-run.lint"

# ---- 2. SIGINT and SIGTERM in the write phase: no temporary left, the
# previous set whole ---------------------------------------------------------
"$PYTHON" "$TESTS/check-signals.py" "$KGRAPH" "$work" > "$work/signals.tap" 2>&1
tap_include "$work/signals.tap"

# ---- 4. a second build into an output directory inside its input does not
# read the first build's files ----------------------------------------------
mkdir "$work/d"
cp "$SEEDS/000_60a27b6c2513630d.txt" "$SEEDS/001_c9860bf5d6f75a1b.txt" "$work/d/"
for run in 1 2; do
    "$KGRAPH" build "$work/d" -o "$work/d/out" -f dot,svg,nt > /dev/null 2> "$work/own-$run.err"
    check "build d -o d/out, run $run: 2 documents" grep -q "2 documents ->" "$work/own-$run.err"
done
check "build d -o d/out, run 2: says what it did not read" \
    grep -Eq "not reading .*/d/out/kgraph.documents.tsv and [0-9]+ more files: kgraph's own output" "$work/own-2.err"
check "build d -o d/out, run 2: the same documents.tsv" \
    [ "$(wc -l < "$work/d/out/kgraph.documents.tsv")" -eq 3 ]
for run in 1 2; do
    "$KGRAPH" build "$work/d" -o "$work/d" --name here -f dot,nt > /dev/null 2> "$work/here-$run.err"
    check "build d -o d, run $run: 2 documents" grep -q "2 documents ->" "$work/here-$run.err"
done

# ---- 5. JSON Lines: duplicate and empty ids, in one file and across files --
printf '%s\n' '{"id":"a1","text":"Maria Lopez met Juan Perez in Madrid."}' \
    '{"id":"a1","text":"Angela Merkel visited Paris on Monday."}' \
    '{"id":"","text":"Emmanuel Macron met Olaf Scholz in Berlin."}' > "$work/ids.jsonl"
# the same ids with other texts (the same text again would be left out as read already)
sed "s/\\./!/" "$work/ids.jsonl" > "$work/ids2.jsonl"
(cd "$work" && "$KGRAPH" build ids.jsonl ids2.jsonl -o ids-out -f nt) > /dev/null 2> "$work/ids.err"
check "a duplicate id is reported with file and line" \
    grep -q 'warning: ids.jsonl:2: a duplicate id "a1" (field "id", first on line 1): this document.s id is "ids.jsonl:2"' "$work/ids.err"
check "an empty id is reported with file and line" \
    grep -q 'warning: ids.jsonl:3: an empty id (field "id"): this document.s id is "ids.jsonl:3"' "$work/ids.err"
check "an id another file had is reported with both places" \
    grep -q 'warning: ids2.jsonl:1: document id "a1" was read before, from ids.jsonl:1: this document.s id is "a1~2"' "$work/ids.err"
check "six lines, six documents" grep -q "6 documents ->" "$work/ids.err"
check "no empty document IRI" sh -c "! grep -q '/document/>' '$work/ids-out/kgraph.nt'"
check "six document IRIs" [ "$(grep -c '/document/[^>]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle>' "$work/ids-out/kgraph.nt")" -eq 6 ]

# ---- 6. UTF-16 articles are decoded, not refused as binary data -----------
mkdir "$work/wide"
printf 'Maria Lopez met Juan Perez in Madrid on Monday.\n' | iconv -f UTF-8 -t UTF-16 > "$work/wide/bom.txt"
printf 'Angela Merkel visited Paris on Tuesday.\n' | iconv -f UTF-8 -t UTF-16BE > "$work/wide/be.txt"
"$KGRAPH" build "$work/wide" -o "$work/wide-out" -f nt > /dev/null 2> "$work/wide.err"
check "UTF-16 articles build (exit $?)" [ -s "$work/wide-out/kgraph.nt" ]
check "UTF-16 with a byte order mark is decoded, and said so" \
    grep -q "wide/bom.txt: decoded from UTF-16LE (byte order mark); offsets point into the UTF-8 decoding" "$work/wide.err"
check "UTF-16 without one is decoded, and said so" \
    grep -q "wide/be.txt: decoded from UTF-16BE (no byte order mark" "$work/wide.err"
check "no binary data" sh -c "! grep -q 'binary data' '$work/wide.err'"
check "both documents are in the graph" grep -q "2 documents ->" "$work/wide.err"
check "the evidence text is the decoded sentence" grep -q '"Maria Lopez met Juan Perez in Madrid on Monday."' "$work/wide-out/kgraph.nt"
printf 'Iran\tborders\tIraq\n' | iconv -f UTF-8 -t UTF-16 > "$work/wide.tsv"
"$KGRAPH" import "$work/wide.tsv" -o "$work/wide-tsv" -f nt > /dev/null 2> "$work/wide-tsv.err"
check "import of UTF-16 names the encoding (exit $?)" \
    grep -q "wide.tsv:1:1: UTF-16LE text (by its byte order mark), not UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)" \
    "$work/wide-tsv.err"

# ---- 7. lint picks each file's format by its content and skips the others --
printf 'Iran\tborders\tIraq\n' > "$work/one.tsv"
"$KGRAPH" import "$work/one.tsv" -o "$work/all" -f all -q
"$KGRAPH" lint "$work"/all/* > "$work/lint-all.out" 2> "$work/lint-all.err"
check "lint DIR/* on a whole output set: exit 0 (got $?)" [ "$?" -eq 0 ]
check "lint DIR/*: the five graph files checked, the drawings and tables skipped" \
    grep -Eq "5 files checked: 0 errors, 0 warnings, [0-9]+ skipped" "$work/lint-all.err"
check "lint DIR/*: the SVG is skipped, and said so" \
    grep -q "skipped .*all/kgraph.svg: lint checks dot, graphml, nt, nq and ttl, not svg" "$work/lint-all.err"
check "lint DIR/*: a report is skipped, and said so" \
    grep -q "skipped .*all/kgraph.entities.tsv: cannot tell the format" "$work/lint-all.err"
cp "$work/all/kgraph.svg" "$work/all-svg.xml"
"$KGRAPH" lint "$work/all-svg.xml" > /dev/null 2> "$work/lint-svg.err"
check "lint of an SVG named .xml alone: nothing checked, exit 3 (got $?)" [ "$?" -eq 3 ]
check "lint of an SVG named .xml alone: says it skipped it" grep -q "skipped .*all-svg.xml: .*not svg" "$work/lint-svg.err"

# ---- 8. small things ---------------------------------------------------------
"$KGRAPH" import "$work/one.tsv" -o "$work/one-out" -f nt 2> "$work/one.err"
check "one of each in the summary: 2 nodes, 1 edge, 1 document" \
    grep -q "^kgraph: 2 nodes, 1 edge, 1 document -> " "$work/one.err"
mkdir "$work/one-doc"
printf 'Maria Lopez met Juan Perez in Madrid.\n' > "$work/one-doc/a.txt"
"$KGRAPH" build "$work/one-doc" -o "$work/one-doc-out" -f nt 2> "$work/one-doc.err"
check "one document: 'document', not 'documents'" grep -q " 1 edge, 1 document -> " "$work/one-doc.err"

for command in build annotate; do
    "$KGRAPH" help "$command" | tr '\n' ' ' > "$work/help-$command.txt"
    check "kgraph help $command states the document and paragraph limits" \
        grep -q "a document of at most 8 MiB .*a paragraph of at most 1 MiB" "$work/help-$command.txt"
done
tr '\n' ' ' < "$TESTS/../README.md" > "$work/readme-joined.txt"
check "README states the document and paragraph limits" \
    grep -q "document of at most 8 MiB .*a paragraph *of at most 1 MiB" "$work/readme-joined.txt"

(cd "$work" && "$KGRAPH" build d -o norm1 -f nt -q && "$KGRAPH" build ./d/ -o norm2 -f nt -q \
    && "$KGRAPH" build .//d/000_60a27b6c2513630d.txt ./d/./001_c9860bf5d6f75a1b.txt -o norm3 -f nt -q)
check "d, ./d/ and ./d/./FILE give the same document ids" \
    sh -c "cmp '$work/norm1/kgraph.documents.tsv' '$work/norm2/kgraph.documents.tsv' && cmp '$work/norm1/kgraph.documents.tsv' '$work/norm3/kgraph.documents.tsv'"
check "d and ./d/ give the same N-Triples" cmp "$work/norm1/kgraph.nt" "$work/norm2/kgraph.nt"
check "the ids are d/FILE" grep -q "^d/000_60a27b6c2513630d.txt	" "$work/norm2/kgraph.documents.tsv"

top="$TESTS/.."
"$top/scripts/install-deps" --list run > "$work/deps-run"
"$top/scripts/install-deps" --list check > "$work/deps-check"
"$top/scripts/install-deps" --list bench > "$work/deps-bench"
check "make run's packages: the build and Graphviz" sh -c "grep -qx libgraphviz-dev '$work/deps-run' && grep -qx graphviz '$work/deps-run'"
check "make run's packages: no test client, no benchmark tool" \
    sh -c "! grep -Eqx 'python3.*|raptor2-utils|redland-utils|hyperfine|time' '$work/deps-run'"
check "make check's packages: the test clients, no benchmark tool" \
    sh -c "grep -qx python3-networkx '$work/deps-check' && grep -qx raptor2-utils '$work/deps-check' && ! grep -qx hyperfine '$work/deps-check'"
check "make bench's packages: the benchmark tools" grep -qx hyperfine "$work/deps-bench"
make -s -n -C "$top" run | grep -v "^make" > "$work/make-run.txt"
check "make run installs the run set" grep -q "scripts/install-deps run$" "$work/make-run.txt"
check "make check installs the check set" sh -c "make -s -n -C '$top' check | grep -q 'scripts/install-deps check$'"

# make install PREFIX=DIR after a plain make: the installed kgraph.pc names
# DIR, and a program compiled with it against the installed tree runs
make -s -C "$top" install PREFIX="$work/inst" > "$work/install.out" 2>&1
check "make install PREFIX=DIR succeeds" [ -x "$work/inst/bin/kgraph" ]
check "the installed kgraph.pc names DIR" grep -qx "prefix=$work/inst" "$work/inst/lib/pkgconfig/kgraph.pc"
cat > "$work/client.c" <<'CLIENT'
#include <kgraph.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
  g_autoptr (KgGraph) graph = kg_graph_new ();
  g_autofree char *path = kg_reader_normalize_path ("./seeds/");
  const char *dot = "digraph { a -> b }";
  g_autoptr (GPtrArray) problems = kg_lint_check (KG_FORMAT_DOT, dot, strlen (dot));
  printf ("%u %s %u\n", kg_graph_get_n_nodes (graph), path, problems->len);
  return 0;
}
CLIENT
PKG_CONFIG_PATH="$work/inst/lib/pkgconfig" sh -c \
    'cc $(pkg-config --cflags kgraph) "$1/client.c" -o "$1/client" $(pkg-config --libs kgraph)' - "$work" \
    > "$work/client.err" 2>&1
check "a program compiles and links with pkg-config kgraph against the installed tree ($(head -c 300 "$work/client.err"))" [ -x "$work/client" ]
check "the headers come from the installed tree" \
    sh -c "PKG_CONFIG_PATH='$work/inst/lib/pkgconfig' pkg-config --cflags kgraph | grep -q -- '-I$work/inst/include'"
check "it runs with the installed library" \
    sh -c "[ \"\$(LD_LIBRARY_PATH='$work/inst/lib' '$work/client')\" = '0 seeds 0' ]"
check "the installed kgraph finds its installed data" \
    sh -c "printf 'Maria Lopez met Juan Perez in Madrid.\\n' | '$work/inst/bin/kgraph' annotate - > /dev/null"

# the man page, installed with the program
man1="$work/inst/share/man/man1/kgraph.1"
check "make install installs the man page kgraph.1" [ -s "$man1" ]
check "groff reads the man page without a warning" sh -c "[ -z \"\$(groff -man -Tutf8 -ww -z '$man1' 2>&1)\" ]"
for command in $("$KGRAPH" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
    check "the man page describes the command $command" grep -q "^\.B kgraph $command\|^\.B $command\$" "$man1"
done
for status in 0 1 2 3 4 5 6; do
    check "the man page gives exit status $status" grep -qx "\.B $status" "$man1"
done

tap_done
