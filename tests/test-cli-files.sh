#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-files.sh — files and output of duan8-cli (issue 11, item 6): an
# existing --out file is kept unless --force; an empty, garbage or damaged
# database file is refused (exit 1) and left byte for byte; a database this
# user may not write is read by read commands; restore takes only a listed
# snapshot and a failed restore takes none; text from a bundle (control
# characters, bidi overrides, huge names) reaches the terminal escaped and
# cut, in error lines and in the preview table.
# Usage: sh tests/test-cli-files.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
srcdir="${G_TEST_SRCDIR:-${D8_SOURCE_ROOT:-.}/tests}"
d8_test_sandbox
d8_test_require python3 cmp
P="$tmp/province.sqlite3"; U="$tmp/chu-puh.sqlite3"
# expect DESCRIPTION STATUS DB ARGS...: keeps stdout/stderr in $tmp/out, $tmp/err
expect () {
  desc="$1"; want="$2"; db="$3"; shift 3
  set +e; "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err" "$tmp/out" | head -8; fi
}
check () { # check DESCRIPTION COMMAND...: ok when the command succeeds
  desc="$1"; shift
  if "$@"; then d8_test_ok "$desc"; else d8_test_not_ok "$desc"; fi
}
same_file () { cmp -s "$1" "$2"; }
no_raw () { # no_raw FILE: no C0 control (but newline) nor U+202E/U+2066 bytes
  python3 - "$1" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
bad = [c for c in t if (ord(c) < 32 and c != "\n") or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f"]
sys.exit(1 if bad else 0)
PY
}
longest_line () { awk '{ n = length($0); if (n > m) m = n } END { print m + 0 }' "$1"; }

# ------------------------------------------------------------ --out and --force
"$cli" --db "$P" plans >/dev/null
"$cli" --db "$U" office --set "Chư Pưh" >/dev/null
echo "a bundle someone kept" > "$tmp/kept.duan8.json"
cp "$tmp/kept.duan8.json" "$tmp/kept.orig"
seq_before=$(sqlite3 "$P" "SELECT value FROM meta WHERE key = 'bundle_sequence'" 2>/dev/null || true)
expect "export-bundle does not replace an existing --out file" 1 "$P" export-bundle --out "$tmp/kept.duan8.json"
check "the existing bundle is left as it was" same_file "$tmp/kept.duan8.json" "$tmp/kept.orig"
grep -q -- "--force" "$tmp/err" && d8_test_ok "the message names --force" || d8_test_not_ok "the message names --force"
seq_after=$(sqlite3 "$P" "SELECT value FROM meta WHERE key = 'bundle_sequence'" 2>/dev/null || true)
[ "$seq_before" = "$seq_after" ] && d8_test_ok "a refused export uses no sequence number" || d8_test_not_ok "a refused export uses no sequence number ($seq_before -> $seq_after)"
expect "export-bundle --force replaces it" 0 "$P" export-bundle --out "$tmp/kept.duan8.json" --force
grep -q '"format":"duan8-bundle"' "$tmp/kept.duan8.json" && d8_test_ok "the file is now a bundle" || d8_test_not_ok "the file is now a bundle"
ls "$tmp" | grep -q 'part' && d8_test_not_ok "no temporary file is left" || d8_test_ok "no temporary file is left"
# The old fixed temporary name (NAME.part) is not followed when a link is planted there.
echo "victim" > "$tmp/victim"
ln -s "$tmp/victim" "$tmp/planted.duan8.json.part"
expect "export with a link planted at NAME.part" 0 "$P" export-bundle --out "$tmp/planted.duan8.json"
[ "$(cat "$tmp/victim")" = "victim" ] && d8_test_ok "the link's target is not written" || d8_test_not_ok "the link's target is not written"
rm -f "$tmp/planted.duan8.json.part"
expect "an export into a missing folder fails" 1 "$P" export-bundle --out "$tmp/no/such/x.duan8.json" --force
seq_fail=$(sqlite3 "$P" "SELECT value FROM meta WHERE key = 'bundle_sequence'")
expect "the next export works" 0 "$P" export-bundle --out "$tmp/next.duan8.json" --format json
python3 - "$tmp/out" "$seq_fail" <<'PY' && d8_test_ok "a failed export used no sequence number" || d8_test_not_ok "a failed export used no sequence number"
import json, sys
sys.exit(0 if json.load(open(sys.argv[1]))["sequence"] == int(sys.argv[2]) + 1 else 1)
PY
echo "old chart" > "$tmp/chart.png"
expect "render does not replace an existing --out file" 1 "$P" render --chart matrix --out "$tmp/chart.png"
[ "$(cat "$tmp/chart.png")" = "old chart" ] && d8_test_ok "the chart file is kept" || d8_test_not_ok "the chart file is kept"
expect "render --force replaces it" 0 "$P" render --chart matrix --out "$tmp/chart.png" --force
echo "old pack" > "$tmp/pack.pdf"
expect "print-pack does not replace an existing --out file" 1 "$P" print-pack --out "$tmp/pack.pdf"
[ "$(cat "$tmp/pack.pdf")" = "old pack" ] && d8_test_ok "the pack file is kept" || d8_test_not_ok "the pack file is kept"

# ------------------------------------------------------------ damaged databases
: > "$tmp/empty.sqlite3"
expect "an empty database file is refused" 1 "$tmp/empty.sqlite3" plans
[ ! -s "$tmp/empty.sqlite3" ] && d8_test_ok "the empty file stays empty" || d8_test_not_ok "the empty file stays empty"
grep -q "empty" "$tmp/err" && d8_test_ok "the message says it is empty" || d8_test_not_ok "the message says it is empty"
expect "record into an empty database file is refused" 1 "$tmp/empty.sqlite3" record --unit "Chư Pưh" --indicator 1 --date 2023-05-01 --amount 1
[ ! -s "$tmp/empty.sqlite3" ] && d8_test_ok "record did not re-create it" || d8_test_not_ok "record did not re-create it"
printf 'not a database at all\n' > "$tmp/garbage.sqlite3"; cp "$tmp/garbage.sqlite3" "$tmp/garbage.orig"
expect "a file that is not SQLite is refused" 1 "$tmp/garbage.sqlite3" progress
check "it is left byte for byte" same_file "$tmp/garbage.sqlite3" "$tmp/garbage.orig"
cp "$P" "$tmp/damaged.sqlite3"
python3 - "$tmp/damaged.sqlite3" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:   # overwrite every page after the first: the schema survives, the tables do not
    f.seek(4096); size = f.seek(0, 2); f.seek(4096); f.write(b"\xa5" * (size - 4096))
PY
cp "$tmp/damaged.sqlite3" "$tmp/damaged.orig"
expect "a damaged database is refused with exit 1" 1 "$tmp/damaged.sqlite3" progress
grep -qi "damaged" "$tmp/err" && d8_test_ok "the message says it is damaged" || d8_test_not_ok "the message says it is damaged"
check "the damaged file is left as it was" same_file "$tmp/damaged.sqlite3" "$tmp/damaged.orig"

# ------------------------------------------------------------ a read-only database
# Root writes any file: the check then runs as nobody, through setpriv.
ro="$tmp/ro"; mkdir "$ro"; cp "$P" "$ro/duan8.sqlite3"
as_reader=""
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null 2>&1; then
    as_reader="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chmod 755 "$tmp"
  fi
fi
chmod 444 "$ro/duan8.sqlite3"; chmod 555 "$ro"
cp "$ro/duan8.sqlite3" "$tmp/ro.orig"
if [ "$(id -u)" = 0 ] && [ -z "$as_reader" ]; then
  d8_test_skip "read commands read a read-only database" "root, and no setpriv"
else
  set +e; $as_reader "$cli" --db "$ro/duan8.sqlite3" quotas --format csv >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  [ "$got" = 0 ] && d8_test_ok "read commands read a read-only database" || { d8_test_not_ok "read commands read a read-only database (exit $got)"; sed 's/^/# /' "$tmp/err"; }
  grep -q "Chư Pưh" "$tmp/out" && d8_test_ok "with its figures" || d8_test_not_ok "with its figures"
  set +e; $as_reader "$cli" --db "$ro/duan8.sqlite3" record --unit "Chư Pưh" --indicator 1 --date 2023-05-01 --amount 1 >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  [ "$got" = 2 ] && d8_test_ok "a write command on it fails with exit 2" || d8_test_not_ok "a write command on it fails with exit 2 (exit $got)"
  grep -q "read-only" "$tmp/err" && d8_test_ok "saying it is read-only" || { d8_test_not_ok "saying it is read-only"; sed 's/^/# /' "$tmp/err"; }
fi
check "the read-only database is unchanged" same_file "$ro/duan8.sqlite3" "$tmp/ro.orig"
chmod 755 "$ro"; chmod 644 "$ro/duan8.sqlite3"

# ------------------------------------------------------------ restore
"$cli" --db "$U" record --unit "Chư Pưh" --indicator 1 --date 2023-05-01 --amount 3 >/dev/null
"$cli" --db "$U" export-bundle --out "$tmp/u1.duan8.json" --all >/dev/null
"$cli" --db "$P" import-bundle --trust-new-office "$tmp/u1.duan8.json" >/dev/null
n_snap () { "$cli" --db "$P" snapshots --format csv | tail -n +2 | wc -l; }
before=$(n_snap)
cp "$P" "$tmp/elsewhere.sqlite3"
expect "restore refuses a path to another file" 1 "$P" restore "$tmp/elsewhere.sqlite3"
expect "restore refuses a name that is not listed" 1 "$P" restore "20230101T000000.000Z-import.sqlite3"
[ "$(n_snap)" = "$before" ] && d8_test_ok "refused restores take no snapshot" || d8_test_not_ok "refused restores take no snapshot"
snapdir="$P.snapshots"
printf 'garbage' > "$snapdir/20230101T000000.000Z-import.sqlite3"
before=$(n_snap)
cp "$P" "$tmp/p.before"
expect "a damaged snapshot is not restored" 1 "$P" restore "20230101T000000.000Z-import.sqlite3"
[ "$(n_snap)" = "$before" ] && d8_test_ok "a failed restore takes no snapshot" || d8_test_not_ok "a failed restore takes no snapshot ($before -> $(n_snap))"
"$cli" --db "$P" entries --format csv > "$tmp/e1"; "$cli" --db "$tmp/p.before" entries --format csv > "$tmp/e2"
check "a failed restore changes nothing" same_file "$tmp/e1" "$tmp/e2"
rm -f "$snapdir/20230101T000000.000Z-import.sqlite3"
name=$("$cli" --db "$P" snapshots --format csv | sed -n 2p | cut -d, -f1)
expect "a listed snapshot is restored" 0 "$P" restore "$name"

# ------------------------------------------------------------ text from files
# A bundle refused as a whole: its bad UUID holds controls and overrides;
# the error line shows them escaped. (The reader refuses text over its
# length limits before quoting it.)
python3 - "$tmp/evil-uuid.duan8.json" <<'PY'
import sys
uuid = "x\u202e\u2066\x1b[31m\x07" + "A" * 40
doc = ('{"format":"duan8-bundle","format_version":"1.0","bundle_id":"11111111-1111-4111-8111-000000000001",'
       '"created_at":"2023-07-16T00:00:00.000Z","origin":"gia-lai/chu-puh","sequence":1,"app_version":"0.1.0",'
       '"content":{"plans":[],"entries":[{"uuid":%s}]},"digest":"sha256:00"}' % __import__("json").dumps(uuid))
open(sys.argv[1], "w", encoding="utf-8").write(doc)
PY
expect "a bundle with a hostile UUID is refused" 1 "$P" import-bundle --dry-run "$tmp/evil-uuid.duan8.json"
check "the error line holds no raw control or override" no_raw "$tmp/err"
grep -q '\\u202E' "$tmp/err" && d8_test_ok "the override is shown escaped" || { d8_test_not_ok "the override is shown escaped"; head -c 300 "$tmp/err" | sed 's/^/# /'; }
[ "$(wc -l < "$tmp/err")" -eq 1 ] && d8_test_ok "the error is one line" || d8_test_not_ok "the error is one line"

# A well-formed, signed bundle whose entries name units that do not exist,
# with an override and a long name (190 characters, under the reader's
# limit): listed as rejections, escaped, the name cut. The fixture is made
# by tests/data/bundles/make-bundles.py and signed with the fixtures' key,
# registered at a database of its own.
P2="$tmp/p2.sqlite3"
"$cli" --db "$P2" trust-office gia-lai/chu-puh --key "$(cat "$srcdir/data/bundles/fixture-key.pub")" >/dev/null
expect "a bundle naming hostile units is read" 0 "$P2" import-bundle --dry-run "$srcdir/data/bundles/hostile-units.duan8.json"
if grep -q "Rejected" "$tmp/out"; then
  check "the preview holds no raw control or override" no_raw "$tmp/out"
  grep -q '\\u202E' "$tmp/out" && d8_test_ok "the override in a rejection is shown escaped" || d8_test_not_ok "the override in a rejection is shown escaped"
  grep -q 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB…' "$tmp/out" && ! grep -q 'B\{100\}' "$tmp/out" \
    && d8_test_ok "the long unit name is cut" || { d8_test_not_ok "the long unit name is cut"; grep BBB "$tmp/out" | cut -c1-300 | sed 's/^/# /'; }
else
  sed 's/^/# /' "$tmp/out" "$tmp/err" | head -5
  d8_test_not_ok "the hostile units are listed as rejections"
fi

# ------------------------------------------------------------ exit codes (docs/cli.md)
expect "an unknown command is exit 1" 1 "$P" no-such-command
expect "a missing bundle file is exit 1" 1 "$P" import-bundle "$tmp/missing.duan8.json"
expect "an entry not found is exit 1" 1 "$P" delete 00000000-0000-4000-8000-000000000000
mkdir -p "$tmp/dir.sqlite3"
expect "a folder given as the database is exit 1" 1 "$tmp/dir.sqlite3" plans

d8_test_done
