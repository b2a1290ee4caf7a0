# tend: a private healing journal for the terminal.
# `make run` and `make check` install missing dependencies first (scripts/deps).

# The version has one home, include/cli/cli.h (tend --version); the
# installed man page takes it from there.
VERSION := $(shell sed -n 's/^\#define TEND_VERSION "\(.*\)"$$/\1/p' include/cli/cli.h)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

CFLAGS ?= -O2 -g
CPPFLAGS ?=
LDFLAGS ?=
LDLIBS ?=
HOSTCC ?= $(CC)

PKGS = ncursesw sqlite3 libsodium libcmark jansson
TEST_PKGS = cmocka

BUILD = build
ifeq ($(DEBUG),1)
  BUILD = build/debug
  DEBUG_FLAGS = -O0 -g3
endif
ifeq ($(SANITIZE),1)
  BUILD := $(BUILD)/san
  SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

# Quiet by default, as dte and nnn are; V=1 shows the whole commands.
ifeq ($(V),1)
  Q =
  E = @:
else
  Q = @
  E = @printf '  %-6s %s\n'
endif

WARNINGS = -Wall -Wextra -Wshadow -Wvla -Wformat=2 -Wmissing-prototypes \
           -Wstrict-prototypes -Wpointer-arith -Wundef
ifeq ($(WERROR),1)
  WARNINGS += -Werror
endif

# pkg-config runs once per make (:=), not once per compiler call.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
# libcsv (Daylio import) ships a pkg-config file on some systems only;
# elsewhere its header and library are where the compiler looks anyway
# (the have-run-deps probe below checks the header).
CSV_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcsv 2>/dev/null)
CSV_LIBS := $(shell $(PKG_CONFIG) --libs libcsv 2>/dev/null || echo -lcsv)
PKG_CFLAGS += $(CSV_CFLAGS)
PKG_LIBS += $(CSV_LIBS) $(LDLIBS)
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

TEND_CFLAGS = -std=c11 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -Iinclude -I$(BUILD)/gen \
              -MMD -MP $(WARNINGS) $(PKG_CFLAGS) $(DEBUG_FLAGS) $(SAN_FLAGS) $(CPPFLAGS)
TEND_LDFLAGS = $(SAN_FLAGS)

SRC = $(sort $(wildcard src/*/*.c))
# content/ is compiled in: scripts/embed.c writes it out as a C table.
# content/examples (homework packs for therapists) is not.
CONTENT = $(shell find content -path content/examples -prune -o -type f \( -name '*.md' -o -name '*.tsv' \) -print)
CONTENT_DIRS = $(shell find content -path content/examples -prune -o -type d -print)
GEN_OBJ = $(BUILD)/obj/gen/content_data.o
OBJ = $(SRC:src/%.c=$(BUILD)/obj/%.o) $(GEN_OBJ)
MAIN_OBJ = $(BUILD)/obj/main.o
# The test hooks (TEND_NOW, TEND_INSECURE_FAST_KDF; util/testhook.h) are
# compiled in only for the test binaries: testhook.c is built twice, once
# with -DTEND_TEST_HOOKS, and every other object is shared. ./tend (make,
# make run, make install) links the plain one and ignores both variables.
HOOK_OBJ = $(BUILD)/obj/util/testhook.o
HOOK_TEST_OBJ = $(BUILD)/obj/util/testhook-on.o
TEST_LINK_OBJ = $(filter-out $(HOOK_OBJ),$(OBJ)) $(HOOK_TEST_OBJ)
TEST_SRC = $(sort $(wildcard tests/unit/*.c))
TEST_OBJ = $(TEST_SRC:tests/unit/%.c=$(BUILD)/test/%.o)

ifeq ($(BUILD),build)
  TEND = tend
else
  TEND = $(BUILD)/tend
endif
# tend with the test hooks: what the suites run as TEND_BIN.
TEND_TEST = $(BUILD)/tend-test
UNIT = $(BUILD)/unit-tests
SCREEN = $(BUILD)/screen-driver
# A full disk on demand for tests/vault/faults.sh, and one failing I/O call
# for tests/vault/inject.sh (LD_PRELOAD; never in tend).
NOSPACE = $(BUILD)/nospace.so
INJECT = $(BUILD)/inject.so

all: $(TEND)

$(TEND): $(MAIN_OBJ) $(OBJ)
	$(E) LINK $@
	$(Q)$(CC) $(TEND_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(TEND_TEST): $(MAIN_OBJ) $(TEST_LINK_OBJ)
	$(E) LINK $@
	$(Q)$(CC) $(TEND_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(UNIT): $(TEST_OBJ) $(TEST_LINK_OBJ)
	$(E) LINK $@
	$(Q)$(CC) $(TEND_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

$(SCREEN): $(BUILD)/test/screen-driver.o $(TEST_LINK_OBJ)
	$(E) LINK $@
	$(Q)$(CC) $(TEND_LDFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/test/screen-driver.o: tests/screen/driver.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(TEND_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(TEND_CFLAGS) -c -o $@ $<

$(HOOK_TEST_OBJ): src/util/testhook.c
	@mkdir -p $(@D)
	$(E) CC "$< (test hooks)"
	$(Q)$(CC) $(CFLAGS) $(TEND_CFLAGS) -DTEND_TEST_HOOKS -c -o $@ $<

$(BUILD)/embed: scripts/embed.c
	@mkdir -p $(@D)
	$(E) HOSTCC $<
	$(Q)$(HOSTCC) -std=c11 $(WARNINGS) -O2 -o $@ $<

# The folders too, so adding or removing a file regenerates.
$(BUILD)/gen/content_data.c: $(BUILD)/embed $(CONTENT) $(CONTENT_DIRS)
	@mkdir -p $(@D)
	$(E) EMBED content
	$(Q)$(BUILD)/embed content $@

$(GEN_OBJ): $(BUILD)/gen/content_data.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(TEND_CFLAGS) -c -o $@ $<

$(BUILD)/test/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) $(CFLAGS) $(TEND_CFLAGS) $(TEST_CFLAGS) -Itests/unit -c -o $@ $<

# Dependencies: install what is missing, then build in a fresh make so the
# pkg-config flags are read after the install.
have-run-deps = $(PKG_CONFIG) --exists $(PKGS) 2>/dev/null \
            && printf '\#include <csv.h>\n' | $(CC) -E - >/dev/null 2>&1
have-deps = $(have-run-deps) && $(PKG_CONFIG) --exists $(TEST_PKGS) 2>/dev/null \
            && command -v tmux >/dev/null && command -v clang >/dev/null
deps:
	scripts/deps

run:
	@$(have-run-deps) || scripts/deps run
	@$(MAKE) --no-print-directory all
	./$(TEND)

check:
	@$(have-deps) || scripts/deps
	@$(MAKE) --no-print-directory build-tests
	@TEND_BIN=$(abspath $(TEND_TEST)) PLAIN_TEND_BIN=$(abspath $(TEND)) UNIT_BIN=$(abspath $(UNIT)) \
		SCREEN_BIN=$(abspath $(SCREEN)) NOSPACE_SO=$(abspath $(NOSPACE)) INJECT_SO=$(abspath $(INJECT)) \
		LAYERS_OBJ=$(abspath $(BUILD)/obj) tests/run

build-tests: $(TEND) $(TEND_TEST) $(UNIT) $(SCREEN) $(NOSPACE) $(INJECT)

# Built without the sanitizers: they only count and pass calls on.
$(NOSPACE) $(INJECT): $(BUILD)/%.so: tests/faults/%.c
	@mkdir -p $(@D)
	$(E) CC $<
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) -shared -fPIC -o $@ $< -ldl

check-layers:
	@scripts/check-layers

# A report's HTML rendered by headless Chromium: a screenshot that is not
# blank and charts in the DOM (tests/browser/report.sh). Not part of check,
# since it needs a browser: skipped without Chromium unless
# TEND_REQUIRE_BROWSER=1, as .ci/run sets it. CHROMIUM=path picks one.
check-browser:
	@$(have-deps) || scripts/deps
	@$(MAKE) --no-print-directory $(TEND_TEST)
	@TEND_BIN=$(abspath $(TEND_TEST)) bash tests/browser/report.sh

# The tests that do not draw a screen, under valgrind (leaks and reads of
# uninitialised memory). Slower than check; not part of it.
check-valgrind:
	@$(have-deps) || scripts/deps
	@$(MAKE) --no-print-directory build-tests
	@command -v valgrind >/dev/null || { echo "check-valgrind: install valgrind first"; exit 1; }
	@TEND_BIN=$(abspath $(TEND_TEST)) UNIT_BIN=$(abspath $(UNIT)) SCREEN_BIN=$(abspath $(SCREEN)) \
		TEND_VALGRIND=1 TESTS='unit cli/basic cli/journal cli/tracking cli/import cli/homework cli/report vault/roundtrip' tests/run

# The benchmark program links every object except main.o, like the tests
# (with the test hooks: its scratch vaults use the cheap key derivation).
# The whole-program figures time ./tend itself, as installed.
BENCH = $(BUILD)/bench/bench
$(BENCH): bench/bench.c bench/gen.h tests/unit/store_helpers.c $(TEST_LINK_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TEND_CFLAGS) $(TEND_LDFLAGS) $(LDFLAGS) -o $@ bench/bench.c \
		tests/unit/store_helpers.c $(TEST_LINK_OBJ) $(PKG_LIBS) -lutil
-include $(BENCH).d

bench:
	@$(have-deps) || scripts/deps
	@$(MAKE) --no-print-directory $(BENCH) $(TEND)
	@BENCH_BIN=$(abspath $(BENCH)) TEND_BIN=$(abspath $(TEND)) CC="$(CC)" bench/run

# Fuzzing (libFuzzer, clang only; see docs/testing.md).
# The project's sources are compiled again with coverage and sanitizers
# into build/fuzz/, apart from the normal objects; main.c is not needed.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 20
FUZZ = build/fuzz
FUZZ_TARGETS = frontmatter markdown keyfile vfs journal textbuf import foreign homework sealed input config
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -Iinclude -I$(FUZZ)/gen -Ifuzz \
              -MMD -MP $(WARNINGS) $(PKG_CFLAGS) -O1 -g $(FUZZ_SAN) -DTEND_TEST_HOOKS $(CPPFLAGS)
FUZZ_OBJ = $(SRC:src/%.c=$(FUZZ)/obj/%.o) $(FUZZ)/obj/gen/content_data.o
FUZZ_BIN = $(FUZZ_TARGETS:%=$(FUZZ)/fuzz_%)
have-libfuzzer = printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }\n' \
	| $(FUZZ_CC) -x c - -fsanitize=fuzzer,address,undefined -o $(FUZZ)/.probe >/dev/null 2>&1

$(FUZZ)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(E) FUZZCC $<
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ)/gen/content_data.c: $(BUILD)/embed $(CONTENT) $(CONTENT_DIRS)
	@mkdir -p $(@D)
	$(E) EMBED content
	$(Q)$(BUILD)/embed content $@

$(FUZZ)/obj/gen/content_data.o: $(FUZZ)/gen/content_data.c
	@mkdir -p $(@D)
	$(E) FUZZCC $<
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ)/main/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(E) FUZZCC $<
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ)/fuzz_%: $(FUZZ)/main/fuzz_%.o $(FUZZ_OBJ)
	$(E) LINK $@
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# Writes the seeds that must come from the code (a key file, a recovery
# code, an encrypted database) into fuzz/corpus/; they are checked in.
$(FUZZ)/gen-seeds: $(FUZZ)/main/gen_seeds.o $(FUZZ_OBJ)
	$(E) LINK $@
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

.SECONDARY: $(FUZZ_TARGETS:%=$(FUZZ)/main/fuzz_%.o) $(FUZZ)/main/gen_seeds.o

fuzz-seeds: $(FUZZ)/gen-seeds
	$(FUZZ)/gen-seeds fuzz/corpus

fuzz-build:
	@mkdir -p $(FUZZ)
	@$(have-libfuzzer) || { \
	  echo "fuzz: '$(FUZZ_CC) -fsanitize=fuzzer' does not link: it needs clang with libFuzzer."; \
	  echo "fuzz: install clang and its runtime libraries:"; \
	  echo "fuzz:   Debian/Ubuntu: apt-get install clang libclang-rt-dev (bookworm: libclang-rt-14-dev)"; \
	  echo "fuzz:   Fedora: dnf install clang compiler-rt   Arch: pacman -S clang compiler-rt"; \
	  echo "fuzz:   macOS: brew install llvm, then make fuzz FUZZ_CC=\$$(brew --prefix llvm)/bin/clang"; \
	  exit 1; }
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

# Runs every target for FUZZ_SECONDS each; fails on the first crash, leak,
# sanitizer report or timeout. FUZZ_TARGETS='vfs textbuf' runs only those.
fuzz:
	@$(have-deps) || scripts/deps
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_DIR=$(FUZZ) FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run $(FUZZ_TARGETS)

install: $(TEND)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(TEND) $(DESTDIR)$(BINDIR)/tend
	sed '1s/"tend [^"]*"/"tend $(VERSION)"/' docs/tend.1 >$(DESTDIR)$(MANDIR)/man1/tend.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/tend.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 completions/tend.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tend
	install -m 644 completions/_tend $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tend

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tend $(DESTDIR)$(MANDIR)/man1/tend.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/tend \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tend

clean:
	rm -rf build tend

# A recipe that fails leaves no half-written target behind to be taken as
# up to date next time.
.DELETE_ON_ERROR:

.PHONY: all deps run check check-browser check-valgrind build-tests check-layers bench fuzz fuzz-build fuzz-seeds install \
        uninstall clean

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/test/screen-driver.d \
         $(HOOK_TEST_OBJ:.o=.d)
-include $(FUZZ_OBJ:.o=.d) $(wildcard $(FUZZ)/main/*.d)
