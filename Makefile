# SPDX-License-Identifier: GPL-3.0-or-later
# duan8 — the two commands of the README, and their set-up.
#   make run    install missing Debian packages, build, launch the app
#   make check  same set-up, then every test under Xvfb
#   make bench  the benchmarks (not part of check)
#   make check-sanitize  the core, CLI and build suites under ASan + UBSan
#   make fuzz   the libFuzzer targets (clang), FUZZ_SECONDS each
BUILD ?= build
PACKAGES_FILE := .ci/packages.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MESON_TEST_OPTS ?= --num-processes 2 --print-errorlogs
# CI sets --werror: a warning of the stricter set in meson.build fails the build.
MESON_SETUP_OPTS ?=
RUN_ENV := GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data DUAN8_LOCALEDIR=$(CURDIR)/$(BUILD)/po

.PHONY: all deps setup build run check check-sanitize check-summary fuzz bench bench-deps install clean

all: build

# Installs only what is missing, from the one list CI also reads.
deps:
	@missing=$$(grep -v '^#' $(PACKAGES_FILE) | grep -v '^$$' | while read -r p; do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || echo "$$p"; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
	@# The tests need the Vietnamese locale; a fresh machine has only C/POSIX.
	@locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$$' || \
	  $(SUDO) localedef -i vi_VN -f UTF-8 vi_VN.UTF-8

$(BUILD)/build.ninja:
	meson setup $(MESON_SETUP_OPTS) $(BUILD)

setup: deps $(BUILD)/build.ninja

build: setup
	meson compile -C $(BUILD)

run: build
	$(RUN_ENV) ./$(BUILD)/src/duan8 $(ARGS)

# "N passed, N failed" from meson's logs of one or more runs (CI sums both).
SUMMARY := python3 -c 'import json,sys; r=[json.loads(l)["result"] for f in sys.argv[1:] for l in open(f)]; \
	p=sum(x in ("OK","EXPECTEDFAIL") for x in r); print(f"{p} passed, {len(r)-p} failed")'

check: build
	@rc=0; xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C $(BUILD) $(MESON_TEST_OPTS) || rc=$$?; \
	$(SUMMARY) $(BUILD)/meson-logs/testlog.json; exit $$rc

# The programs start-up is compared with (bench/packages.txt), installed
# only for the benchmark.
bench-deps:
	@missing=$$(grep -v '^#' bench/packages.txt | grep -v '^$$' | while read -r p; do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || echo "$$p"; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing for the benchmark: $$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing || \
	  echo "Could not install $$missing: the benchmark reports them missing"; \
	fi

# AddressSanitizer + UndefinedBehaviorSanitizer over the suites that read
# files from elsewhere (bundles, plans, the store, the CLI). Leaks in
# third-party libraries only are suppressed, in .ci/lsan.supp (it says
# why); any report in our code fails the run. G_SLICE=always-malloc makes
# GLib's small allocations visible to ASan.
SANITIZE_BUILD ?= build-sanitize
SANITIZE_ENV := G_SLICE=always-malloc \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:fast_unwind_on_malloc=0:malloc_context_size=100 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
SANITIZE_SUITES := --suite core --suite cli --suite build

$(SANITIZE_BUILD)/build.ninja:
	meson setup $(SANITIZE_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

check-sanitize: deps $(SANITIZE_BUILD)/build.ninja
	meson compile -C $(SANITIZE_BUILD)
	@rc=0; $(SANITIZE_ENV) meson test -C $(SANITIZE_BUILD) $(SANITIZE_SUITES) $(MESON_TEST_OPTS) \
	  --timeout-multiplier 3 || rc=$$?; \
	$(SUMMARY) $(SANITIZE_BUILD)/meson-logs/testlog.json; exit $$rc

# The last line of CI: both runs together.
check-summary:
	@$(SUMMARY) $(BUILD)/meson-logs/testlog.json $(SANITIZE_BUILD)/meson-logs/testlog.json

# libFuzzer targets (tests/fuzz): built by clang with ASan + UBSan in their
# own build directory, each run FUZZ_SECONDS on a corpus seeded from
# tests/data. A crash leaves its input in $(FUZZ_BUILD)/fuzz-crashes/TARGET/:
# fix it, then copy the input to tests/fuzz/crashes/TARGET/, which make
# check replays.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := json-reader bundle plan-file spreadsheet
FUZZ_SEEDS_json-reader := tests/data/bundles tests/data/plans
FUZZ_SEEDS_bundle := tests/data/bundles
FUZZ_SEEDS_plan-file := tests/data/plans data/plans
FUZZ_SEEDS_spreadsheet := tests/data/plans
# The plan-file parser reaches json-glib, whose leaks .ci/lsan.supp names:
# suppressions match only on full stacks (GLib has no frame pointers). The
# spreadsheet target's preview reaches it too.
FUZZ_ASAN_plan-file := fast_unwind_on_malloc=0:malloc_context_size=100
FUZZ_OPTS ?= -max_len=65536 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict=tests/fuzz/json.dict

$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dbuildtype=debugoptimized

fuzz: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD) $(addprefix fuzz-,$(FUZZ_TARGETS))
	@rc=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/fuzz-corpus/$$t $(FUZZ_BUILD)/fuzz-crashes/$$t; \
	  asan=; case $$t in json-reader) seeds="$(FUZZ_SEEDS_json-reader)";; \
	    bundle) seeds="$(FUZZ_SEEDS_bundle)";; \
	    spreadsheet) seeds="$(FUZZ_SEEDS_spreadsheet)"; asan="$(FUZZ_ASAN_plan-file)";; \
	    *) seeds="$(FUZZ_SEEDS_plan-file)"; asan="$(FUZZ_ASAN_plan-file)";; esac; \
	  echo "== fuzz-$$t for $(FUZZ_SECONDS) s"; \
	  G_SLICE=always-malloc UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ASAN_OPTIONS="$$asan" LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0 \
	    ./$(FUZZ_BUILD)/tests/fuzz/fuzz-$$t $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_BUILD)/fuzz-crashes/$$t/ \
	    $(FUZZ_BUILD)/fuzz-corpus/$$t $$seeds tests/fuzz/crashes/$$t || rc=1; \
	done; exit $$rc

# Startup is timed on a real display: Xvfb unless one is already there.
bench: build bench-deps
	$(RUN_ENV) $(if $(DISPLAY),,xvfb-run -a -s '-screen 0 1600x1000x24') \
	  python3 bench/bench-startup.py $(CURDIR)/$(BUILD)
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-charts
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-chart-scale $(CURDIR)
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-bundle
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-plans $(CURDIR)

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD)
