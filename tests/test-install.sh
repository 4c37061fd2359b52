#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-install.sh — `meson install` into a temporary prefix gives a working
# app (issue 6): a separate build configured with --prefix=<tmp> (so the
# post-install steps run, as they do for a user — with --destdir meson skips
# them), then the installed files are checked (compiled schemas, icons and
# their cache, desktop file, metainfo, catalogue) and the installed programs
# run from there with nothing pointing back into the source or build trees:
# `duan8-cli --version`, the CLI in Vietnamese from the installed catalogue,
# and `duan8` under X (Xvfb) on a temporary database until its first frame
# (DUAN8_EXIT_AFTER_FIRST_FRAME=1), which must end cleanly.
# Usage: sh tests/test-install.sh SOURCE-ROOT VERSION
set -eu
. "$(dirname "$0")/d8-test.sh"

src="$1"
version="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix="$tmp/prefix"
build="$tmp/build"

expect () { desc="$1"; shift; if "$@"; then d8_test_ok "$desc"; else d8_test_not_ok "$desc"; fi; }

# Nothing of the uninstalled set-up may leak into the installed programs.
unset GSETTINGS_SCHEMA_DIR DUAN8_LOCALEDIR D8_SOURCE_ROOT D8_BUILD_ROOT G_TEST_SRCDIR \
      G_TEST_BUILDDIR LANGUAGE LC_ALL || true
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" LANG=C.UTF-8
mkdir -p "$HOME"

d8_test_require meson
meson=$(command -v meson)

# --- build and install -------------------------------------------------------
if ! "$meson" setup --prefix="$prefix" -Dbuildtype=release "$build" "$src" >"$tmp/setup.log" 2>&1; then
  sed 's/^/# /' "$tmp/setup.log" | tail -n 30
  echo "Bail out! meson setup failed"
  exit 1
fi
if ! "$meson" install -C "$build" >"$tmp/install.log" 2>&1; then
  sed 's/^/# /' "$tmp/install.log" | tail -n 40
  echo "Bail out! meson install failed"
  exit 1
fi
d8_test_ok "meson install into $prefix"
grep -E 'warning:|error:' "$tmp/install.log" | sed 's/^/# install log: /' || true

share="$prefix/share"
app_id=vn.hoilhpn.Duan8

# --- the files ----------------------------------------------------------------
expect "bin/duan8 installed" test -x "$prefix/bin/duan8"
expect "bin/duan8-cli installed" test -x "$prefix/bin/duan8-cli"
expect "the schema installed" test -f "$share/glib-2.0/schemas/$app_id.gschema.xml"
expect "the schemas compiled by post-install" test -s "$share/glib-2.0/schemas/gschemas.compiled"
expect "scalable icon" test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
expect "symbolic icon" test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "icon cache updated by post-install" test -s "$share/icons/hicolor/icon-theme.cache"
expect "desktop file" test -f "$share/applications/$app_id.desktop"
expect "desktop file: Name[vi]" grep -q '^Name\[vi\]=' "$share/applications/$app_id.desktop"
expect "desktop file: Exec=duan8" grep -qE '^Exec=duan8( |$)' "$share/applications/$app_id.desktop"
expect "desktop file: Icon is the app id" grep -qx "Icon=$app_id" "$share/applications/$app_id.desktop"
expect "metainfo" test -f "$share/metainfo/$app_id.metainfo.xml"
expect "metainfo names the launchable" grep -q "$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
expect "Vietnamese catalogue" test -f "$share/locale/vi/LC_MESSAGES/duan8.mo"
if d8_test_need desktop-file-validate; then
  expect "installed desktop file validates" desktop-file-validate "$share/applications/$app_id.desktop"
else
  d8_test_skip "installed desktop file validates" "no desktop-file-validate"
fi
# The bundle MIME type (issue 6), once the data files define it.
if grep -q 'MimeType=' "$src/data/$app_id.desktop.in" 2>/dev/null; then
  expect "MIME type definition installed" sh -c "ls '$share/mime/packages/'*.xml >/dev/null 2>&1"
  expect "MIME database updated by post-install" test -s "$share/mime/mime.cache"
  expect "desktop MIME cache updated by post-install" test -s "$share/applications/mimeinfo.cache"
fi
# Nothing of the build tree is baked into the programs' paths.
if grep -q "$build" "$prefix/bin/duan8" "$prefix/bin/duan8-cli"; then
  d8_test_not_ok "installed programs do not name the build directory"
else
  d8_test_ok "installed programs do not name the build directory"
fi

# --- the installed programs ----------------------------------------------------
export PATH="$prefix/bin:$PATH"
export XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_BACKEND=memory

out=$("$prefix/bin/duan8-cli" --version 2>&1) || true
expect "duan8-cli --version prints “duan8-cli $version” ($out)" test "$out" = "duan8-cli $version"
out=$("$prefix/bin/duan8" --version 2>&1) || true
expect "duan8 --version prints “duan8 $version” ($out)" test "$out" = "duan8 $version"

db="$tmp/work/duan8.sqlite3"
expect "installed duan8-cli creates a database with the embedded plan" \
  sh -c "'$prefix/bin/duan8-cli' --db '$tmp/cli.sqlite3' plans --format csv | grep -q '1653/KH-UBND'"
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  # The installed catalogue, found through the configured localedir only.
  LANGUAGE=vi LC_ALL=vi_VN.UTF-8 "$prefix/bin/duan8-cli" --db "$tmp/cli.sqlite3" progress \
    --unit "chu puh" --as-of 2023-06-30 >"$tmp/vi.txt" 2>&1 || true
  unit_vi=$(env TEXTDOMAINDIR="$share/locale" LANGUAGE=vi LC_ALL=vi_VN.UTF-8 gettext -d duan8 Unit)
  expect "installed catalogue translates “Unit” ($unit_vi)" test "$unit_vi" != Unit
  expect "installed duan8-cli speaks Vietnamese" grep -qF "$unit_vi" "$tmp/vi.txt"
else
  d8_test_skip "installed duan8-cli speaks Vietnamese" "vi_VN.UTF-8 is not installed"
fi

# The window: needs a display; make check runs the tests under Xvfb.
run_gui () {
  env DUAN8_EXIT_AFTER_FIRST_FRAME=1 GTK_A11Y=none NO_AT_BRIDGE=1 \
    timeout 60 "$prefix/bin/duan8" --db "$db" >"$tmp/gui.out" 2>"$tmp/gui.err"
}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    set +e
    xvfb-run -a -s '-screen 0 1280x800x24' env DUAN8_EXIT_AFTER_FIRST_FRAME=1 GTK_A11Y=none \
      timeout 60 "$prefix/bin/duan8" --db "$db" >"$tmp/gui.out" 2>"$tmp/gui.err"
    status=$?
    set -e
  else
    d8_test_skip "installed duan8 shows its window" "no display and no xvfb-run"
    status=skip
  fi
else
  set +e
  run_gui
  status=$?
  set -e
fi
if [ "$status" != skip ]; then
  sed 's/^/# duan8 stderr: /' "$tmp/gui.err"
  expect "installed duan8 shows its window and quits cleanly (exit $status)" test "$status" -eq 0
  # The error dialog also quits after its first frame: the window it is
  # only if the database was opened (created, with the plan).
  expect "installed duan8 opened its database" test -s "$db"
  expect "installed duan8 wrote no warning" sh -c "! grep -qE 'CRITICAL|WARNING|Gtk-|GLib-' '$tmp/gui.err'"
  expect "the database duan8 created holds the plan" \
    sh -c "'$prefix/bin/duan8-cli' --db '$db' plans --format csv | grep -q '1653/KH-UBND'"
fi

d8_test_done
