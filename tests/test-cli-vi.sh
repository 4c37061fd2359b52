#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-vi.sh — duan8-cli under Vietnamese (issue 5): the progress table's
# headers, statuses and an error message come from the catalogue, numbers,
# percentages and dates are written the Vietnamese way (1.234, 75,0 %,
# 30/06/2023), while --format csv and --format json are the same bytes under
# C and under vi (ISO dates, '.' decimals, no grouping).
# Usage: sh tests/test-cli-vi.sh PATH-TO-duan8-cli   (needs $DUAN8_LOCALEDIR)
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
unset LC_NUMERIC LC_TIME LC_MESSAGES || true
: "${DUAN8_LOCALEDIR:?DUAN8_LOCALEDIR must name the build's po directory}"

db="$tmp/duan8.sqlite3"
expect () { # expect DESCRIPTION TEST-ARGS...
  desc="$1"; shift
  if "$@"; then d8_test_ok "$desc"; else d8_test_not_ok "$desc"; fi
}
contains () { grep -qF -- "$2" "$1"; }
lacks () { ! grep -qF -- "$2" "$1"; }

if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  echo "Bail out! the vi_VN.UTF-8 locale is missing (make check creates it)"
  exit 1
fi

in_c () { env LANG=C.UTF-8 "$cli" --db "$db" "$@"; }
in_vi () { env LANGUAGE=vi LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 "$cli" --db "$db" "$@"; }
# The catalogue's Vietnamese for a msgid (what the CLI must print).
vi_of () { env TEXTDOMAINDIR="$DUAN8_LOCALEDIR" LANGUAGE=vi LC_ALL=vi_VN.UTF-8 gettext -d duan8 "$1"; }

# Data: 1 234 groups (grouping shows) and a percent indicator at 30/40.
in_c record --unit "dak doa" --indicator 1 --date 2023-03-05 --amount 1234 --place "Xã Glar" >/dev/null
in_c record --unit "dak doa" --indicator SM --date 30/06/2023 --reached 30 --group 40 >/dev/null
in_c record --unit "chu puh" --indicator 4 --date 2023-08-01 --amount 2 --note "Đối thoại, đợt 2" >/dev/null

# --- the table under vi ---------------------------------------------------
in_vi progress --unit "dak doa" --as-of 2023-06-30 >"$tmp/vi.txt"
in_c progress --unit "dak doa" --as-of 2023-06-30 >"$tmp/c.txt"
sed 's/^/# vi: /' "$tmp/vi.txt"

# The header line is the one above the dashes.
header () { awk '/^-+( +-+)*$/ { print prev; exit } { prev = $0 }' "$1"; }
header "$tmp/vi.txt" >"$tmp/vi.header"
header "$tmp/c.txt" >"$tmp/c.header"
expect "the vi table has a header line" test -s "$tmp/vi.header"

for msgid in Unit Indicator Quota Achieved Remaining Completion Status; do
  vi=$(vi_of "$msgid")
  expect "catalogue translates column “$msgid”" test "$vi" != "$msgid"
  expect "vi header shows “$vi” for “$msgid”" contains "$tmp/vi.header" "$vi"
  expect "C header shows “$msgid”" contains "$tmp/c.header" "$msgid"
done
# No English word left in the vi header.
for word in Unit Indicator Quota Achieved Remaining Completion Status Reached; do
  expect "no English “$word” in the vi header" lacks "$tmp/vi.header" "$word"
done
# Two columns with the same title cannot be told apart.
sed 's/   */\n/g' "$tmp/vi.header" | sed '/^ *$/d' | sort | uniq -d >"$tmp/dups"
if [ -s "$tmp/dups" ]; then
  d8_test_not_ok "the vi column titles are distinct (twice: $(tr '\n' ' ' <"$tmp/dups"))"
else
  d8_test_ok "the vi column titles are distinct"
fi

# Numbers, percentages, dates the Vietnamese way; the English ones under C.
expect "vi: grouped 1.234" contains "$tmp/vi.txt" " 1.234 "
expect "vi: no 1,234" lacks "$tmp/vi.txt" "1,234"
expect "vi: percentage 75,0 %" contains "$tmp/vi.txt" "75,0 %"
expect "vi: as-of date 30/06/2023" contains "$tmp/vi.txt" "30/06/2023"
expect "vi: no ISO date in the table" lacks "$tmp/vi.txt" "2023-06-30"
# 1,234 against a quota of 6 is over-achieved (it was "done" before
# over-achieved became a status of its own)
expect "vi: status translated" contains "$tmp/vi.txt" "$(vi_of "Over-achieved")"
expect "C: grouped 1,234" contains "$tmp/c.txt" " 1,234 "
expect "C: percentage 75.0%" contains "$tmp/c.txt" "75.0%"
expect "C: date Jun 30, 2023" contains "$tmp/c.txt" "Jun 30, 2023"

# The province totals table too.
in_vi progress --totals --as-of 2023-12-31 >"$tmp/vi-totals.txt"
expect "vi totals: grouped numbers" contains "$tmp/vi-totals.txt" "1.234"
expect "vi totals: header translated" contains "$tmp/vi-totals.txt" "$(vi_of "Allocated")"

# Every table: no English word in a cell (machine names such as "district"
# or "count" are for CSV/JSON; the table is for people).
for cmd in plans units indicators quotas allocation "progress --as-of 2023-06-30" entries; do
  # shellcheck disable=SC2086
  in_vi $cmd >"$tmp/vi-table.txt"
  words=$(grep -owE 'district|commune|province|ward|town|city|count|percent|yes|no|none|true|false|done|behind|on-track|not-started|no-quota|Done|Behind|Unit|Indicator|Quota|Name|Code|Kind|Level' \
          "$tmp/vi-table.txt" | sort -u | tr '\n' ' ')
  if [ -n "$words" ]; then
    d8_test_not_ok "duan8-cli $cmd: English in the vi table: $words"
  else
    d8_test_ok "duan8-cli $cmd: no English in the vi table"
  fi
done

# --- an error message under vi ---------------------------------------------
set +e
in_vi progress --unit "xyz" >"$tmp/vi-err.out" 2>"$tmp/vi-err"
status=$?
in_c progress --unit "xyz" >/dev/null 2>"$tmp/c-err"
set -e
sed 's/^/# vi stderr: /' "$tmp/vi-err"
expect "unknown unit: exit 1 under vi" test "$status" -eq 1
fmt=$(vi_of 'unknown unit “%s” in plan %s (see “duan8-cli units”)')
# shellcheck disable=SC2059
expected=$(printf "duan8-cli: $fmt" xyz 1653/KH-UBND)
expect "unknown unit: the catalogue's Vietnamese message" test "$(cat "$tmp/vi-err")" = "$expected"
expect "unknown unit: English under C" contains "$tmp/c-err" "unknown unit"
set +e
in_vi record --unit "dak doa" --indicator 1 --date 2023-03-05 --amount 2,5 >/dev/null 2>"$tmp/vi-err2"
set -e
sed 's/^/# vi stderr: /' "$tmp/vi-err2"
expect "bad amount: not the English message" lacks "$tmp/vi-err2" "is not a whole number"
expect "bad amount: the Vietnamese message" contains "$tmp/vi-err2" \
  "$(vi_of '%s: “%s” is not a whole number' | sed 's/^%s: “%s”//')"
# --help under vi
in_vi --help >"$tmp/vi-help"
expect "--help translated" contains "$tmp/vi-help" "$(vi_of "List the entries of a plan, newest first")"

# --- machine formats: the same bytes in every locale ------------------------
for cmd in "progress --as-of 2023-06-30" "progress --totals --as-of 2023-12-31" \
           "progress --unit gia-lai/dak-doa --as-of 2023-06-30" "entries" "quotas" "units" "plans" \
           "indicators" "allocation"; do
  for fmt in csv json; do
    # shellcheck disable=SC2086
    in_c $cmd --format "$fmt" >"$tmp/c.$fmt"
    # shellcheck disable=SC2086
    in_vi $cmd --format "$fmt" >"$tmp/vi.$fmt"
    if cmp -s "$tmp/c.$fmt" "$tmp/vi.$fmt"; then
      d8_test_ok "$cmd --format $fmt: same bytes under C and vi"
    else
      d8_test_not_ok "$cmd --format $fmt: differs under vi"
      diff "$tmp/c.$fmt" "$tmp/vi.$fmt" | head -n 10 | sed 's/^/# /'
    fi
  done
done

in_vi progress --unit "dak doa" --as-of 2023-06-30 --format csv >"$tmp/vi.csv"
in_vi progress --unit "dak doa" --as-of 2023-06-30 --format json >"$tmp/vi.json"
in_vi entries --format csv >"$tmp/vi-entries.csv"
expect "csv: plain 1234" grep -q ',1234,' "$tmp/vi.csv"
expect "csv: 75.0 with a point" grep -q ',75.0,' "$tmp/vi.csv"
expect "csv: no Vietnamese percent" lacks "$tmp/vi.csv" "75,0"
expect "csv: English column names" grep -q '^unit,unit_code,indicator,indicator_code,quota,achieved' "$tmp/vi.csv"
expect "csv: ISO dates" grep -q ',2023-03-05,' "$tmp/vi-entries.csv"
expect "csv: no d/m/Y dates" lacks "$tmp/vi-entries.csv" "05/03/2023"
expect "json: as_of ISO" grep -q '"as_of" : "2023-06-30"' "$tmp/vi.json"
expect "json: plain 1234" grep -q '"achieved" : 1234' "$tmp/vi.json"
expect "json: machine status" grep -q '"status" : "over"' "$tmp/vi.json"
if d8_test_need python3; then
  expect "json: valid JSON under vi" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/vi.json"
else
  d8_test_skip "json: valid JSON under vi" "no python3"
fi

# --- help: the usage line's placeholders are Vietnamese too ---------------
# (option names, machine values and one-letter sizes stay: --unit,
# unit|matrix|…, A,B,C, W, H)
in_vi help record >"$tmp/help-record.txt"
in_vi help render >"$tmp/help-render.txt"
sed -n 1p "$tmp/help-record.txt" | sed 's/^/# vi: /'
for word in NAME CODE DATE TEXT; do
  expect "no English placeholder “$word” in the vi usage of record" lacks "$tmp/help-record.txt" " $word"
done
expect "the vi usage of record names the unit as TÊN|ID" contains "$tmp/help-record.txt" "--unit TÊN|ID"
expect "the vi usage of render keeps the chart kinds" contains "$tmp/help-render.txt" "unit|matrix|indicator"
expect "the vi usage of render: --out TỆP.png|svg|pdf" contains "$tmp/help-render.txt" "--out TỆP.png|svg|pdf"

d8_test_done
