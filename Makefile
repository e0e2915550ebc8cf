# kgraph: build, test, run, benchmark and install.
#
#   make run      install the missing Debian packages kgraph needs to build and run, build,
#                 build the graph of seeds/ into out/
#   make check    the same plus the test clients (Python, Redland...), run the whole test suite
#   make check-stores  the same, and only the triple-store test (Virtuoso, Oxigraph, Redland)
#   make bench    the same plus the benchmark tools and peers, one table of speed and memory
#                 (scripts/bench); DATA=DIR (the corpora) adds EWT test and Link Grammar,
#                 FACTS=N sets the size of the export benchmark (20000), BIG=1 measures
#                 10 MB of text and 1,000,000 facts (about 20 minutes)
#   make check-cluster  the scale-out recipes (GNU parallel, Slurm on a one-node cluster
#                 started in a temporary directory) against one build
#   make install  PREFIX=/usr/local DESTDIR=  (program, man page, library, headers, kgraph.pc, data)
#
# Our flags live in KG_CFLAGS/KG_LDLIBS; CFLAGS and LDFLAGS stay the user's.
# V=1 shows the commands.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
DATADIR    = $(PREFIX)/share/kgraph
MANDIR     = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig

PKGS    = glib-2.0 libxml-2.0 libcgraph libgvc json-glib-1.0 raptor2
CC     ?= cc
CFLAGS ?= -O2 -g

# Recursive (=) on purpose: pkg-config runs only when a compile needs it,
# which is after `make deps` has installed the packages.
KG_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -fPIC \
            -Iinclude -Isrc -I$(BUILD)/gen -DKG_VERSION='"$(VERSION)"' -MMD -MP \
            $(shell pkg-config --cflags $(PKGS))
KG_LDLIBS = $(shell pkg-config --libs $(PKGS)) -lm

BUILD    = build
# src/ holds one folder per stage, in pipeline order: read (files to
# sentences and tokens), nlp (tagger, lemmatizer, parser and the perceptron
# under them), entity (names, values, coreference, merging), extract
# (facts from clauses and noun phrases), graph (the graph, deltas, shards,
# the pipeline), export (every output format and the report), lint, cli
# (the kgraph program), and util (what every stage uses).  A header is
# included by its folder's name from another folder: "graph/shard.h".
SRC_DIRS = read nlp entity extract graph export lint cli util
LIB_SRC  = $(foreach d,$(filter-out cli,$(SRC_DIRS)),$(wildcard src/$(d)/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(wildcard tests/test-*.c)
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
PROGRAM  = $(BUILD)/kgraph
STATIC   = $(BUILD)/libkgraph.a
SHARED   = $(BUILD)/libkgraph.so.0

Q = $(if $(V),,@)
say = $(if $(V),,@printf '  %-7s %s\n' $(1) $(2);)

.PHONY: all deps run check check-stores check-asan check-tsan check-cluster check-valgrind fuzz fuzz-build tests bench clean install uninstall
.SECONDARY:
all: $(PROGRAM) $(SHARED) $(BUILD)/kgraph.pc

# scripts/install-deps SET installs what SET needs: run (build and run),
# check (and the tests' clients), bench (and the benchmark tools), all.
deps:
	$(Q)scripts/install-deps all

run:
	$(Q)scripts/install-deps run
	$(Q)$(MAKE) --no-print-directory all
	$(PROGRAM) build seeds -o out --name seeds -f dot,svg,png,pdf,graphml,nt,html

check:
	$(Q)scripts/install-deps check
	$(Q)$(MAKE) --no-print-directory all tests
	$(Q)tests/run-tests $(BUILD)

tests: $(TEST_BIN)

# make check-stores: the seeds' RDF loaded into Virtuoso, Oxigraph and
# Redland, and examples/queries/*.rq answered alike by the three
# (tests/e2e-stores.sh, which make check runs too).
check-stores:
	$(Q)scripts/install-deps check
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tests/run-tests $(BUILD) e2e-stores

# make check-asan: the library, program and tests built with AddressSanitizer
# and UndefinedBehaviorSanitizer in build-asan/, and the whole suite run
# there.  Any sanitizer report fails the run (halt_on_error, and UBSan's
# -fno-sanitize-recover); leaks inside Graphviz and fontconfig are
# suppressed by tests/lsan.supp, which names only third-party frames.
# With clang, the same build carries libFuzzer's coverage hooks
# (-fsanitize=fuzzer-no-link), so that the fuzz targets link against it.
ASAN_BUILD = build-asan
ASAN_CC ?= $(shell command -v clang >/dev/null 2>&1 && echo clang || echo gcc)
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN_COVERAGE = $(if $(findstring clang,$(ASAN_CC)),-fsanitize=fuzzer-no-link)
asan_make = $(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) CC=$(ASAN_CC) \
	  CFLAGS="$(ASAN_FLAGS) $(ASAN_COVERAGE)" LDFLAGS="$(ASAN_FLAGS)"
check-asan:
	$(Q)scripts/install-deps check
	$(Q)$(asan_make) all tests
	$(Q)ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:halt_on_error=1:detect_odr_violation=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  KGRAPH_SANITIZED=1 KGRAPH_HOSTILE_FILES=2000 tests/run-tests $(ASAN_BUILD)

# make check-tsan: the program built with ThreadSanitizer in build-tsan/,
# and `build -j 4` run under it (scripts/check-threads); a race fails.
TSAN_BUILD = build-tsan
check-tsan:
	$(Q)scripts/install-deps check
	$(Q)$(MAKE) --no-print-directory BUILD=$(TSAN_BUILD) CC=clang CFLAGS="-O1 -g -fsanitize=thread" \
	  LDFLAGS="-fsanitize=thread" $(TSAN_BUILD)/kgraph
	$(Q)scripts/check-threads $(TSAN_BUILD)

# make check-cluster: the scale-out recipes, scripts/parallel-build and
# scripts/slurm/submit, on the seeds copied 200 times, against one build of
# them (tests/e2e-cluster.sh); the Slurm part on a one-node cluster that
# scripts/slurm/local-cluster starts and stops in a temporary directory.
# Skipped (exit 77) where the daemons cannot start.  Not part of
# `make check` nor of .ci/run: see README, "Scale out".
check-cluster:
	$(Q)scripts/install-deps cluster
	$(Q)$(MAKE) --no-print-directory all
	$(Q)KGRAPH_CLUSTER=1 tests/run-tests $(BUILD) e2e-cluster

# make check-valgrind: the unit tests under memcheck; an error or a definite
# leak exits 99 (a failure).  VALGRIND_TESTS=e2e runs the end-to-end scripts
# instead, every kgraph they start under memcheck (slow: see README).
# make fuzz FUZZ_SECONDS=N: the libFuzzer targets of tests/fuzz/, built on
# the sanitizer build, each run for N seconds from its seeds
# (tests/fuzz/corpus/TARGET; what it finds goes to build-asan/corpus/, a
# crash to build-asan/crashes/).  scripts/fuzz prints the executions.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = read-text read-html read-jsonl conllu segment import lint-dot lint-graphml lint-nt model shard
fuzz_src_read-text = tests/fuzz/fuzz-reader.c -DKG_FUZZ_FORMAT=KG_INPUT_FORMAT_TEXT
fuzz_src_read-html = tests/fuzz/fuzz-reader.c -DKG_FUZZ_FORMAT=KG_INPUT_FORMAT_HTML
fuzz_src_read-jsonl = tests/fuzz/fuzz-reader.c -DKG_FUZZ_FORMAT=KG_INPUT_FORMAT_JSONL
fuzz_src_conllu = tests/fuzz/fuzz-conllu.c
fuzz_src_segment = tests/fuzz/fuzz-segment.c
fuzz_src_import = tests/fuzz/fuzz-import.c
fuzz_src_lint-dot = tests/fuzz/fuzz-lint.c -DKG_FUZZ_FORMAT=KG_FORMAT_DOT
fuzz_src_lint-graphml = tests/fuzz/fuzz-lint.c -DKG_FUZZ_FORMAT=KG_FORMAT_GRAPHML
fuzz_src_lint-nt = tests/fuzz/fuzz-lint.c -DKG_FUZZ_FORMAT=KG_FORMAT_NTRIPLES
fuzz_src_model = tests/fuzz/fuzz-model.c
fuzz_src_shard = tests/fuzz/fuzz-shard.c
FUZZ_BIN = $(FUZZ_TARGETS:%=$(ASAN_BUILD)/fuzz/fuzz-%)

.PHONY: fuzz-build
fuzz-build:
	$(Q)$(asan_make) $(FUZZ_BIN)

$(BUILD)/fuzz/fuzz-%: $(STATIC) tests/fuzz/fuzz.h $(wildcard tests/fuzz/*.c)
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(CC) $(filter-out -MMD -MP,$(KG_CFLAGS)) $(CFLAGS) -fsanitize=fuzzer \
	  $(fuzz_src_$*) -o $@ $(STATIC) $(KG_LDLIBS)

fuzz:
	$(Q)scripts/fuzz $(ASAN_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

VALGRIND_TESTS ?= $(TEST_SRC:tests/%.c=%)
check-valgrind: all tests
	$(Q)KGRAPH_VALGRIND=1 tests/run-tests $(BUILD) $(VALGRIND_TESTS)

bench:
	$(Q)scripts/install-deps bench
	$(Q)$(MAKE) --no-print-directory all
	$(Q)FACTS=$(FACTS) BIG=$(BIG) scripts/bench $(BUILD) $(DATA)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(KG_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(KG_CFLAGS) $(CFLAGS) -c $< -o $@

# The HTML report's script and style, compiled into the library.
REPORT_ASSETS = src/export/report/report.js src/export/report/report.css
$(BUILD)/gen/report-assets.h: $(REPORT_ASSETS) scripts/embed-text
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)scripts/embed-text $@ kg__report_js=src/export/report/report.js kg__report_css=src/export/report/report.css
$(BUILD)/obj/export/export-html.o: $(BUILD)/gen/report-assets.h

# The RDF vocabulary, compiled into the library (src/export/rdf-vocabulary.c) and
# installed as it is with the rest of data/.
$(BUILD)/gen/vocabulary-ttl.h: data/kgraph.ttl scripts/embed-text
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)scripts/embed-text $@ kg__vocabulary_ttl=data/kgraph.ttl
$(BUILD)/obj/export/rdf-vocabulary.o: $(BUILD)/gen/vocabulary-ttl.h

$(STATIC): $(LIB_OBJ)
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(call say,LD,$@)$(CC) -shared -Wl,-soname,libkgraph.so.0 $(LDFLAGS) -o $@ $^ $(KG_LDLIBS)

$(PROGRAM): $(CLI_OBJ) $(STATIC)
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(KG_LDLIBS)

$(BUILD)/tests/test-%: $(BUILD)/tests/test-%.o $(STATIC)
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(KG_LDLIBS)

# kgraph.pc for the PREFIX of the command line.  The public headers use
# GLib's types, so a program that includes them links GLib too: glib-2.0
# is required publicly, the rest privately.  `make install` writes it
# again, so that `make` then `make install PREFIX=DIR` installs one that
# names DIR, not the PREFIX of the first build.
write_pc = printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' \
	  'datadir=$(DATADIR)' '' 'Name: kgraph' \
	  'Description: knowledge graphs from news articles' 'Version: $(VERSION)' \
	  'Requires: glib-2.0' 'Requires.private: $(filter-out glib-2.0,$(PKGS))' \
	  'Libs: -L$${libdir} -lkgraph' 'Libs.private: -lm' 'Cflags: -I$${includedir}' > $(1)

$(BUILD)/kgraph.pc: Makefile
	@mkdir -p $(BUILD)
	$(Q)$(call write_pc,$@)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/kgraph \
	  $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROGRAM) $(DESTDIR)$(BINDIR)/kgraph
	install -m 644 docs/kgraph.1 $(DESTDIR)$(MANDIR)/man1/kgraph.1
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libkgraph.a
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/libkgraph.so.0
	ln -sf libkgraph.so.0 $(DESTDIR)$(LIBDIR)/libkgraph.so
	install -m 644 include/kgraph.h $(DESTDIR)$(INCLUDEDIR)/kgraph.h
	install -m 644 include/kgraph/*.h $(DESTDIR)$(INCLUDEDIR)/kgraph/
	$(call write_pc,$(DESTDIR)$(PKGCONFIGDIR)/kgraph.pc)
	cp -R data/. $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kgraph $(DESTDIR)$(LIBDIR)/libkgraph.* $(DESTDIR)$(MANDIR)/man1/kgraph.1 \
	  $(DESTDIR)$(INCLUDEDIR)/kgraph.h $(DESTDIR)$(PKGCONFIGDIR)/kgraph.pc
	rm -rf $(DESTDIR)$(INCLUDEDIR)/kgraph $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.d)
