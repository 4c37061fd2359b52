#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli.sh — duan8-cli end to end: every command against a fresh database
# seeded with the embedded 2023 plan, the CSV of quotas compared cell by cell
# with tests/data/cli/quotas-2023.csv (typed from the plan's appendix), and
# the errors a user can make. Usage: sh tests/test-cli.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
srcdir="${G_TEST_SRCDIR:-${D8_SOURCE_ROOT:-.}/tests}"
d8_test_sandbox

db="$tmp/duan8.sqlite3"

check () { # check DESCRIPTION COMMAND...: passes when the command succeeds
  desc="$1"; shift
  if "$@" >/dev/null 2>&1; then d8_test_ok "$desc"; else d8_test_not_ok "$desc"; fi
}
d8 () { "$cli" --db "$db" "$@"; }

# run EXPECTED-STATUS ARGS...: runs the CLI, keeps stdout/stderr in
# $tmp/out and $tmp/err, and returns 0 when the exit status is as expected.
run () {
  expected="$1"; shift
  set +e
  "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  set -e
  if [ "$status" -ne "$expected" ]; then
    echo "# exit $status, expected $expected: duan8-cli $*" >&2
    sed 's/^/# stderr: /' "$tmp/err" >&2
    return 1
  fi
  return 0
}

db_sum () { sha256sum "$db" | cut -d' ' -f1; }

# ------------------------------------------------------------ the plan
if run 0 plans --format csv && grep -q ',1653/KH-UBND,' "$tmp/out"; then
  d8_test_ok "plans lists 1653/KH-UBND"
else
  d8_test_not_ok "plans lists 1653/KH-UBND"
fi

run 0 units --format csv || true
units=$(awk -F, 'NR > 1 { printf "%s|", $4 }' "$tmp/out")
expected_units="Chư Pưh|Chư Sê|Đak Đoa|Chư Păh|Mang Yang|Đức Cơ|Phú Thiện|Krông Pa|Ia Pa|Đak Pơ|Kông Chro|An Khê|Kbang|Chư Prông|Ia Grai|"
if [ "$units" = "$expected_units" ]; then
  d8_test_ok "units lists the 15 units in the document's order"
else
  d8_test_not_ok "units lists the 15 units in the document's order (got: $units)"
fi
positions=$(awk -F, 'NR > 1 { printf "%s ", $1 }' "$tmp/out")
if [ "$positions" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 " ]; then
  d8_test_ok "units carry their row numbers (TT)"
else
  d8_test_not_ok "units carry their row numbers (TT) (got: $positions)"
fi

run 0 indicators --format csv || true
codes=$(awk -F, 'NR > 1 { printf "%s ", $1 }' "$tmp/out")
if [ "$codes" = "1 2 3 4 5 6 7 8 9 SM " ]; then
  d8_test_ok "indicators lists codes 1..9 and SM"
else
  d8_test_not_ok "indicators lists codes 1..9 and SM (got: $codes)"
fi

if run 0 quotas --format csv && cmp "$tmp/out" "$srcdir/data/cli/quotas-2023.csv" >/dev/null; then
  d8_test_ok "quotas --format csv matches the appendix cell by cell"
else
  d8_test_not_ok "quotas --format csv matches the appendix cell by cell"
  diff "$tmp/out" "$srcdir/data/cli/quotas-2023.csv" | sed 's/^/# /' | head -20 || true
fi

# One line per allocation object, spaces squeezed: {"indicator_code" : "1", … }
run 0 allocation --format json || true
tr -d '\n' <"$tmp/out" | tr -s ' ' | tr '}' '\n' | grep '"indicator_code"' >"$tmp/alloc" || true
if grep '"indicator_code" : "1"' "$tmp/alloc" \
   | grep '"stated" : 128' | grep '"allocated" : 126' | grep -q '"difference" : 2'; then
  d8_test_ok "allocation: indicator 1 states 128, allocates 126, difference 2"
else
  d8_test_not_ok "allocation: indicator 1 states 128, allocates 126, difference 2"
fi
others=$(grep -v '"indicator_code" : "1"' "$tmp/alloc" | grep -c '"difference" : 0' || true)
all=$(wc -l <"$tmp/alloc")
if [ "$others" -eq 8 ] && [ "$all" -eq 9 ]; then
  d8_test_ok "allocation: every other column adds up (difference 0)"
else
  d8_test_not_ok "allocation: every other column adds up (difference 0) ($others of $all)"
fi
for cmd in allocation quotas progress entries; do
  if ! d8_test_need python3; then
    d8_test_skip "$cmd --format json is valid JSON" "no python3"
  elif "$cli" --db "$db" "$cmd" --format json | python3 -m json.tool >/dev/null 2>&1; then
    d8_test_ok "$cmd --format json is valid JSON"
  else
    d8_test_not_ok "$cmd --format json is valid JSON"
  fi
done
if run 0 quotas && grep -q '2' "$tmp/out" && grep -q 'not allocated' "$tmp/out"; then
  d8_test_ok "quotas (table) shows the allocation check"
else
  d8_test_not_ok "quotas (table) shows the allocation check"
fi

# ------------------------------------------------------------ recording
chu_puh_1='^Chư Pưh,gia-lai/chu-puh,Thành lập và duy trì tổ truyền thông cộng đồng,1,4'
uuid=""
if run 0 record --unit "chu puh" --indicator 1 --date 2023-03-05 --amount 3 --place "Xã Ia Le"; then
  uuid=$(cat "$tmp/out")
fi
if printf '%s\n' "$uuid" | grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'; then
  d8_test_ok "record prints the new entry's UUID alone"
else
  d8_test_not_ok "record prints the new entry's UUID alone (got: $uuid)"
fi

# The longest place or note: 10,000 characters; one more is refused at
# once, naming the limit, by record and by edit, and nothing is written.
long_note=$(python3 -c 'print("ữ" * 10000)')
longer_note=$(python3 -c 'print("ữ" * 10001)')
before=$(db_sum)
if run 1 record --unit "chu puh" --indicator 1 --date 2023-03-06 --amount 1 --note "$longer_note" \
   && grep -q '10000' "$tmp/err" && [ "$(db_sum)" = "$before" ]; then
  d8_test_ok "record refuses a 10,001-character note, naming the limit"
else
  d8_test_not_ok "record refuses a 10,001-character note, naming the limit"
fi
if run 1 edit "$uuid" --note "$longer_note" && grep -q '10000' "$tmp/err" \
   && [ "$(db_sum)" = "$before" ]; then
  d8_test_ok "edit refuses a 10,001-character note, naming the limit"
else
  d8_test_not_ok "edit refuses a 10,001-character note, naming the limit"
fi
if run 0 edit "$uuid" --note "$long_note" && run 0 entries --format json \
   && python3 -c 'import json, sys; sys.exit(not any(e["note"] == "ữ" * 10000 for e in json.load(open(sys.argv[1]))["entries"]))' "$tmp/out" \
   && run 0 edit "$uuid" --note ""; then
  d8_test_ok "edit accepts a 10,000-character note"
else
  d8_test_not_ok "edit accepts a 10,000-character note"
fi

progress_line () { # progress_line AS-OF: the Chư Pưh × 1 row
  "$cli" --db "$db" progress --unit "chu puh" --format csv --as-of "$1" | grep "$chu_puh_1" || true
}
line=$(progress_line 2023-06-30)
case "$line" in
  *",1,4,3,1,75.0,on-track,,") d8_test_ok "progress --unit shows the recorded amount" ;;
  *) d8_test_not_ok "progress --unit shows the recorded amount (got: $line)" ;;
esac
line=$(progress_line 2023-03-04)
case "$line" in
  *",1,4,0,4,0.0,"*) d8_test_ok "--as-of before the entry's date leaves it out" ;;
  *) d8_test_not_ok "--as-of before the entry's date leaves it out (got: $line)" ;;
esac
if run 0 progress --format csv --unit "chu puh" --as-of 2023-06-30 \
   && [ "$(head -n1 "$tmp/out")" = "unit,unit_code,indicator,indicator_code,quota,achieved,remaining,percent,status,reached,group_size" ] \
   && [ "$(wc -l <"$tmp/out")" -eq 11 ]; then
  d8_test_ok "progress --unit: one row per indicator, stable column names"
else
  d8_test_not_ok "progress --unit: one row per indicator, stable column names"
fi

check "record SM with --reached/--group (Ia Grai)" \
  d8 record --unit "Ia Grai" --indicator SM --date 2023-04-01 --reached 30 --group 40
check "record SM with --reached/--group (Kbang)" \
  d8 record --unit kbang --indicator sm --date 2023-04-02 --reached 50 --group 60
line=$("$cli" --db "$db" progress --totals --format csv --as-of 2023-06-30 | grep '^SM,' || true)
case "$line" in
  *",80.0,done,80,100") d8_test_ok "province progress of SM: sum reached / sum group (80 / 100)" ;;
  *) d8_test_not_ok "province progress of SM: sum reached / sum group (got: $line)" ;;
esac
if run 0 progress --format json --as-of 2023-06-30 && grep -q '"totals"' "$tmp/out" \
   && grep -q '"target" : "80%"' "$tmp/out"; then
  d8_test_ok "progress without --unit has the province totals and the plan's targets"
else
  d8_test_not_ok "progress without --unit has the province totals and the plan's targets"
fi
line=$("$cli" --db "$db" progress --totals --format csv --as-of 2023-06-30 | grep '^1,' || true)
case "$line" in
  "1,"*",128,,126,128,3,125,2.3,"*) d8_test_ok "province total of 1 is judged against the stated 128" ;;
  *) d8_test_not_ok "province total of 1 is judged against the stated 128 (got: $line)" ;;
esac

# ------------------------------------------------------------ delete / undelete
check "delete UUID" d8 delete "$uuid"
line=$(progress_line 2023-06-30)
case "$line" in
  *",1,4,0,4,"*) d8_test_ok "a deleted entry no longer counts" ;;
  *) d8_test_not_ok "a deleted entry no longer counts (got: $line)" ;;
esac
if run 0 entries --format csv --include-deleted && grep "^$uuid," "$tmp/out" | grep -q ',true,'; then
  d8_test_ok "entries --include-deleted shows the tombstone"
else
  d8_test_not_ok "entries --include-deleted shows the tombstone"
fi
if run 0 entries --format csv && ! grep -q "^$uuid," "$tmp/out"; then
  d8_test_ok "entries leaves deleted entries out"
else
  d8_test_not_ok "entries leaves deleted entries out"
fi
check "undelete UUID" d8 undelete "$uuid"
line=$(progress_line 2023-06-30)
case "$line" in
  *",1,4,3,1,"*) d8_test_ok "an undeleted entry counts again" ;;
  *) d8_test_not_ok "an undeleted entry counts again (got: $line)" ;;
esac
if run 1 delete 00000000-0000-0000-0000-000000000000 && [ -s "$tmp/err" ]; then
  d8_test_ok "delete of an unknown UUID: exit 1"
else
  d8_test_not_ok "delete of an unknown UUID: exit 1"
fi

# ------------------------------------------------------------ errors
if run 1 record --unit "Chu Puhh" --indicator 1 --date 2023-03-05 --amount 1 \
   && grep -q 'Chu Puhh' "$tmp/err" && grep -q '^duan8-cli: ' "$tmp/err"; then
  d8_test_ok "unknown unit: exit 1, the message names it"
else
  d8_test_not_ok "unknown unit: exit 1, the message names it"
fi
for amount in -1 2.5 abc; do
  before=$(db_sum)
  if run 1 record --unit "chu puh" --indicator 1 --date 2023-03-05 --amount "$amount" \
     && grep -q -- "--amount" "$tmp/err" && [ "$(db_sum)" = "$before" ]; then
    d8_test_ok "amount $amount: exit 1, the database is unchanged"
  else
    d8_test_not_ok "amount $amount: exit 1, the database is unchanged"
  fi
done
before=$(db_sum)
if run 1 record --unit "chu puh" --indicator 1 --date 2023-02-30 --amount 1 \
   && grep -q '2023-02-30' "$tmp/err" && [ "$(db_sum)" = "$before" ]; then
  d8_test_ok "date 2023-02-30: exit 1"
else
  d8_test_not_ok "date 2023-02-30: exit 1"
fi
before=$(db_sum)
if run 1 record --unit "chu puh" --indicator 1 --date 2024-01-05 --amount 1 \
   && grep -q -- '--allow-out-of-period' "$tmp/err" && [ "$(db_sum)" = "$before" ]; then
  d8_test_ok "a date outside the plan period: exit 1 without --allow-out-of-period"
else
  d8_test_not_ok "a date outside the plan period: exit 1 without --allow-out-of-period"
fi
if run 0 record --unit "chu puh" --indicator 1 --date 2024-01-05 --amount 1 --allow-out-of-period; then
  d8_test_ok "--allow-out-of-period records it"
  d8 delete "$(cat "$tmp/out")"
else
  d8_test_not_ok "--allow-out-of-period records it"
fi
if run 1 record --unit "chu puh" --indicator SM --date 2023-03-05 --amount 1; then
  d8_test_ok "--amount for a percent indicator: exit 1"
else
  d8_test_not_ok "--amount for a percent indicator: exit 1"
fi
if run 1 frobnicate && grep -q 'frobnicate' "$tmp/err"; then
  d8_test_ok "unknown command: exit 1"
else
  d8_test_not_ok "unknown command: exit 1"
fi
if run 1 progress --amount 3; then d8_test_ok "an option of another command: exit 1"; else d8_test_not_ok "an option of another command: exit 1"; fi
if run 1 --format xml plans; then d8_test_ok "unknown format: exit 1"; else d8_test_not_ok "unknown format: exit 1"; fi
set +e
"$cli" --db /proc/nope/x.db plans >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
if [ "$status" -ne 0 ] && [ -s "$tmp/err" ]; then
  d8_test_ok "--db in a folder that cannot be created: exit $status with a message"
else
  d8_test_not_ok "--db in a folder that cannot be created (exit $status)"
fi

# ------------------------------------------------------------ usage
if run 0 units --format csv --plan 1653/KH-UBND && [ "$(wc -l <"$tmp/out")" -eq 16 ]; then
  d8_test_ok "global options after the command; --plan by document number"
else
  d8_test_not_ok "global options after the command; --plan by document number"
fi
check "--version" "$cli" --version
check "--help" "$cli" --help
check "help record" "$cli" help record

# ------------------------------------------------------------ locales
if locale -a 2>/dev/null | grep -Eqi '^vi_VN\.utf-?8$'; then
  export LANG=vi_VN.UTF-8
  line=$(progress_line 2023-06-30)
  case "$line" in
    *",1,4,3,1,75.0,on-track,,") d8_test_ok "vi: CSV keeps '.' decimals" ;;
    *) d8_test_not_ok "vi: CSV keeps '.' decimals (got: $line)" ;;
  esac
  if run 0 entries --format csv && grep -q ',2023-03-05,' "$tmp/out"; then
    d8_test_ok "vi: CSV keeps ISO dates"
  else
    d8_test_not_ok "vi: CSV keeps ISO dates"
  fi
  if run 0 progress --unit "chu puh" --format json --as-of 2023-06-30 \
     && grep -q '"percent" : 75.0' "$tmp/out" && grep -q '"as_of" : "2023-06-30"' "$tmp/out"; then
    d8_test_ok "vi: JSON keeps '.' decimals and ISO dates"
  else
    d8_test_not_ok "vi: JSON keeps '.' decimals and ISO dates"
  fi
  if [ -f "${DUAN8_LOCALEDIR:-/nonexistent}/vi/LC_MESSAGES/duan8.mo" ]; then
    if run 0 progress --unit "chu puh" --as-of 2023-06-30 && grep -q '75,0' "$tmp/out" \
       && grep -q '30/06/2023' "$tmp/out"; then
      d8_test_ok "vi: the table shows Vietnamese numbers and dates"
    else
      d8_test_not_ok "vi: the table shows Vietnamese numbers and dates"
    fi
  else
    # The build makes the catalogue: without it the build is broken.
    d8_test_not_ok "vi table: no Vietnamese catalogue in \$DUAN8_LOCALEDIR"
  fi
  export LANG=C.UTF-8
else
  d8_test_skip "the CLI under vi_VN.UTF-8" "vi_VN.UTF-8 is not installed (locale -a; make deps creates it)"
fi

d8_test_done
