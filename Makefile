# SPDX-License-Identifier: GPL-3.0-or-later
# duan8 — the two commands of the README, and their set-up.
#   make run    install missing Debian packages, build, launch the app
#   make check  same set-up, then every test under Xvfb
#   make bench  the benchmarks (not part of check)
BUILD ?= build
PACKAGES_FILE := .ci/packages.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MESON_TEST_OPTS ?= --num-processes 2 --print-errorlogs
# CI sets --werror: a warning of the stricter set in meson.build fails the build.
MESON_SETUP_OPTS ?=
RUN_ENV := GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data DUAN8_LOCALEDIR=$(CURDIR)/$(BUILD)/po

.PHONY: all deps setup build run check bench bench-deps install clean

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

check: build
	@rc=0; xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C $(BUILD) $(MESON_TEST_OPTS) || rc=$$?; \
	python3 -c 'import json,sys; r=[json.loads(l)["result"] for l in open(sys.argv[1])]; \
	p=sum(x in ("OK","EXPECTEDFAIL") for x in r); print(f"{p} passed, {len(r)-p} failed")' \
	  $(BUILD)/meson-logs/testlog.json; exit $$rc

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

# Startup is timed on a real display: Xvfb unless one is already there.
bench: build bench-deps
	$(RUN_ENV) $(if $(DISPLAY),,xvfb-run -a -s '-screen 0 1600x1000x24') \
	  python3 bench/bench-startup.py $(CURDIR)/$(BUILD)
	$(RUN_ENV) $(if $(DISPLAY),,xvfb-run -a -s '-screen 0 1600x1000x24') \
	  ./$(BUILD)/bench/duan8-bench $(CURDIR)/$(BUILD)
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-charts
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-bundle
	$(RUN_ENV) ./$(BUILD)/bench/duan8-bench-plans $(CURDIR)

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD)
