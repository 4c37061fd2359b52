#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-single-instance.sh — duan8 is one instance per session: a second
# launch with a bundle hands the file to the running instance, which shows
# its import preview, and exits at once. Runs on its own D-Bus session bus
# (dbus-run-session) under the X display make check provides.
# Usage: sh tests/test-single-instance.sh PATH-TO-duan8 PATH-TO-duan8-cli
set -eu
app="$1"
cli="$2"
command -v dbus-run-session >/dev/null || { echo "not ok: dbus-run-session missing (package dbus-daemon)"; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "not ok: no display; run under xvfb-run (make check does)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" GSETTINGS_BACKEND=memory LANG=C.UTF-8
unset LANGUAGE LC_ALL

"$cli" --db "$tmp/unit.sqlite3" office --set "Chư Pưh" >/dev/null
"$cli" --db "$tmp/unit.sqlite3" record --unit "Chư Pưh" --indicator 1 --date 2023-03-04 --amount 2 >/dev/null
"$cli" --db "$tmp/unit.sqlite3" export-bundle --out "$tmp/chu-puh.duan8.json" >/dev/null

cat >"$tmp/session.sh" <<SESSION
set -u
G_MESSAGES_DEBUG=duan8-ui "$app" --db "$tmp/province.sqlite3" >"$tmp/primary.log" 2>&1 &
primary=\$!
i=0
until gdbus introspect --session --dest vn.hoilhpn.Duan8 --object-path /vn/hoilhpn/Duan8 >/dev/null 2>&1; do
  i=\$((i + 1)); [ \$i -gt 100 ] && { echo "primary never registered"; exit 3; }
  sleep 0.1
done
start=\$(date +%s)
timeout 20 "$app" --db "$tmp/province.sqlite3" "$tmp/chu-puh.duan8.json" >"$tmp/second.log" 2>&1
echo "second=\$? seconds=\$((\$(date +%s) - start))" >"$tmp/result"
i=0
until grep -q "Import preview of chu-puh.duan8.json" "$tmp/primary.log"; do
  i=\$((i + 1)); [ \$i -gt 100 ] && break
  sleep 0.1
done
kill -0 \$primary 2>/dev/null && echo alive >>"$tmp/result"
kill \$primary 2>/dev/null
wait \$primary 2>/dev/null
exit 0
SESSION
dbus-run-session -- sh "$tmp/session.sh" 2>"$tmp/dbus.log" || { cat "$tmp/dbus.log"; echo "not ok: the session failed"; exit 1; }

fail=0
if grep -q "^second=0" "$tmp/result"; then echo "ok 1 - the second launch hands over and exits 0"; else echo "not ok 1 - second launch: $(cat "$tmp/result")"; sed 's/^/# /' "$tmp/second.log"; fail=1; fi
if grep -q "^alive" "$tmp/result"; then echo "ok 2 - the first instance keeps running"; else echo "not ok 2 - the first instance keeps running"; fail=1; fi
if grep -q "Import preview of chu-puh.duan8.json" "$tmp/primary.log"; then echo "ok 3 - the first instance shows the bundle's import preview"; else echo "not ok 3 - the first instance shows the bundle's import preview"; sed 's/^/# /' "$tmp/primary.log" | tail -5; fail=1; fi
echo "1..3"
exit $fail
