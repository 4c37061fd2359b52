#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-reporting.sh — the reporting cycle through duan8-cli alone
# (issue 16, docs/cli.md "The reporting cycle"): the province and three unit
# offices, each with its own database, through the first half of 2023.
# Chư Pưh reports on 9 June (on time), is returned, sends again and is
# approved; Chư Sê reports on 12 June (late) and is approved; Đak Đoa never
# reports (missing). The rates are checked against figures computed by
# hand; an approved period's entry is refused at the province, on import
# and at the office; reopening with a reason unlocks it. DUAN8_NOW fixes
# the clock of the cycle so the test does not depend on today's date.
# Usage: sh tests/test-cli-reporting.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
d8_test_require python3
export TZ=Asia/Ho_Chi_Minh
is () { # is DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then d8_test_ok "$1"; else d8_test_not_ok "$1"; echo "#   got: $2" | head -5; echo "#   expected: $3" | head -5; fi
}
P="$tmp/province.sqlite3"; U1="$tmp/chu-puh.sqlite3"; U2="$tmp/chu-se.sqlite3"; U3="$tmp/dak-doa.sqlite3"
at () { db="$1"; shift; "$cli" --db "$db" "$@"; }
# expect DESCRIPTION STATUS DB ARGS...: keeps stdout/stderr in $tmp/out, $tmp/err
expect () {
  desc="$1"; want="$2"; db="$3"; shift 3
  set +e; "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err" "$tmp/out" | head -8; fi
}
n=0
# send FROM TO: FROM exports everything, TO imports it (confirming a first office).
send () {
  n=$((n + 1))
  at "$1" export-bundle --all --out "$tmp/b$n.duan8.json" >/dev/null
  at "$2" import-bundle --trust-new-office "$tmp/b$n.duan8.json" >"$tmp/import.out"
}
# row DB UNIT_CODE FIELD: one field of a unit's row of "reports" as JSON.
field () {
  at "$1" reports --period 2023-h1 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([r for r in d["reports"] if r["unit_code"] == sys.argv[1]][0][sys.argv[2]])' "$2" "$3"
}

# ------------------------------------------------------------ offices
at "$U1" office --set "Chư Pưh" >/dev/null
at "$U2" office --set "Chư Sê" >/dev/null
at "$U3" office --set "Đak Đoa" >/dev/null
at "$P" office >/dev/null
send "$P" "$U1"; send "$P" "$U2"; send "$P" "$U3"

# ------------------------------------------------------- the schedule
expect "periods lists the plan's schedule" 0 "$P" periods --format csv
is "periods as CSV" "$(cat "$tmp/out")" "code,title,start,end,cutoff,unit_due,province_due
2023-h1,Báo cáo 6 tháng đầu năm 2023,2023-01-01,2023-06-10,2023-06-10,2023-06-10,2023-06-15
2023-year,Báo cáo năm 2023,2023-01-01,2023-12-10,2023-12-10,2023-12-10,2023-12-15"
expect "an unknown period is refused" 1 "$P" reports --period 2023-q3
grep -q "2023-h1" "$tmp/err" && d8_test_ok "naming the plan's periods" || d8_test_not_ok "naming the plan's periods"
expect "reports needs --period" 1 "$P" reports

# ------------------------------------------------------------ entries
e1=$(at "$U1" record --unit "Chư Pưh" --indicator 1 --date 2023-03-01 --amount 2)
at "$U1" record --unit "Chư Pưh" --indicator 4 --date 2023-04-01 --amount 1 >/dev/null
at "$U2" record --unit "Chư Sê" --indicator 1 --date 2023-03-02 --amount 4 >/dev/null
at "$U3" record --unit "Đak Đoa" --indicator 1 --date 2023-03-03 --amount 1 >/dev/null

# ------------------------------------------------- Chư Pưh, on 9 June
printf '# Kết quả\nĐã thành lập 2 tổ truyền thông.\n# Khó khăn\nĐịa bàn rộng.\n# Đề xuất\nBổ sung kinh phí.\n# Lý do 5\nChưa có trường phối hợp.\n' >"$tmp/narrative.txt"
printf '# Kết quả\nx\n# Tóm tắt\ny\n' >"$tmp/bad.txt"
cp "$U1" "$tmp/u1-before.sqlite3"
DUAN8_NOW=2023-06-09T02:00:00Z expect "a narrative with an unknown heading is refused" 1 "$U1" submit-report --period 2023-h1 --narrative "$tmp/bad.txt"
grep -q "bad.txt: line 3" "$tmp/err" && d8_test_ok "naming the file and the line" || d8_test_not_ok "naming the file and the line"
cmp -s "$U1" "$tmp/u1-before.sqlite3" && d8_test_ok "and the database is unchanged" || d8_test_not_ok "and the database is unchanged"
expect "the province does not submit" 1 "$P" submit-report --period 2023-h1
DUAN8_NOW=2023-06-09T02:00:00Z expect "Chư Pưh submits with its narrative" 0 "$U1" submit-report --period 2023-h1 --narrative "$tmp/narrative.txt" --format json
is "JSON keeps the submission time as ISO 8601 UTC" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["submitted_at"])' "$tmp/out")" "2023-06-09T02:00:00Z"
is "its figures are frozen at the cut-off" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["figures"]; print(f[0]["achieved"], f[0]["quota"], f[4]["reason"])' "$tmp/out")" "2 4 Chưa có trường phối hợp."
DUAN8_NOW=2023-06-09T03:00:00Z expect "a second submission awaits the decision" 1 "$U1" submit-report --period 2023-h1
DUAN8_NOW=2023-06-09T09:00:00Z send "$U1" "$P"
grep -q "Reports: 1 new" "$tmp/import.out" && d8_test_ok "the province receives the report" || d8_test_not_ok "the province receives the report"

# ---------------------------------------- Chư Sê, on 12 June: late
DUAN8_NOW=2023-06-12T01:00:00Z expect "Chư Sê submits, late" 0 "$U2" submit-report --period 2023-h1
is "the table shows the submission in local time, not as a machine stamp" "$(grep '^Submitted:' "$tmp/out")" "Submitted: Jun 12, 2023 08:00"
DUAN8_NOW=2023-06-12T09:00:00Z send "$U2" "$P"

# ----------------------------------------- the province on 12 June
export DUAN8_NOW=2023-06-12T10:00:00Z
is "Chư Pưh on time" "$(field "$P" gia-lai/chu-puh status)" "on-time"
is "received on 9 June" "$(field "$P" gia-lai/chu-puh received)" "2023-06-09"
is "Chư Sê late" "$(field "$P" gia-lai/chu-se status)" "late"
is "Đak Đoa missing" "$(field "$P" gia-lai/dak-doa status)" "missing"
# By hand: 15 units expected, 2 received, 1 on time: 13.3 % and 6.7 %.
is "the rates" "$(at "$P" reports --period 2023-h1 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)["rates"][0]; print(r["expected"], r["received"], r["on_time"], r["completeness"], r["timeliness"])')" "15 2 1 13.3 6.7"
expect "the status table as CSV" 0 "$P" reports --period 2023-h1 --format csv
is "CSV: a header and 15 units" "$(wc -l <"$tmp/out" | tr -d ' ')" "16"
LANGUAGE=vi LANG=vi_VN.UTF-8 expect "the status table in Vietnamese" 0 "$P" reports --period 2023-h1
grep -q "Đã nhận, muộn hạn" "$tmp/out" && ! grep -Eq "on-time|late|missing" "$tmp/out" && d8_test_ok "with the status words, no machine names" || d8_test_not_ok "with the status words, no machine names"

# ------------------------------- returned, sent again, approved
expect "return needs a reason" 1 "$P" return --unit "Chư Pưh" --period 2023-h1
expect "the province returns Chư Pưh's report" 0 "$P" return --unit "Chư Pưh" --period 2023-h1 --reason "Thiếu số liệu chỉ tiêu 5"
expect "a unit office does not approve" 1 "$U1" approve --unit "Chư Pưh" --period 2023-h1
send "$P" "$U1"
is "the office sees it returned" "$(field "$U1" gia-lai/chu-puh status)" "returned"
is "with the reason" "$(field "$U1" gia-lai/chu-puh reason)" "Thiếu số liệu chỉ tiêu 5"
is "the office lists only its own unit, not the others as missing" "$(at "$U1" reports --period 2023-h1 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["rates"][0]; print([x["unit_code"] for x in d["reports"]], r["expected"], r["received"])')" "['gia-lai/chu-puh'] 1 1"
expect "a returned report is not withdrawn" 1 "$U1" withdraw-report --period 2023-h1
at "$U1" record --unit "Chư Pưh" --indicator 5 --date 2023-05-20 --amount 1 >/dev/null
DUAN8_NOW=2023-06-13T02:00:00Z expect "Chư Pưh sends again" 0 "$U1" submit-report --period 2023-h1 --format json
is "as its second submission" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["submission"])' "$tmp/out")" "2"
DUAN8_NOW=2023-06-13T09:00:00Z send "$U1" "$P"
is "still received on 9 June: on time" "$(field "$P" gia-lai/chu-puh status) $(field "$P" gia-lai/chu-puh received)" "on-time 2023-06-09"
is "no difference from the entries" "$(field "$P" gia-lai/chu-puh differences)" "0"
expect "approve Chư Pưh" 0 "$P" approve --unit "Chư Pưh" --period 2023-h1
expect "approve Chư Sê" 0 "$P" approve --unit "chu se" --period 2023-h1
expect "approving it twice is refused" 1 "$P" approve --unit "chu se" --period 2023-h1
is "naming its status as a quoted word, not a capitalised one mid-sentence" "$(cat "$tmp/err")" "duan8-cli: The report of Chư Sê for Báo cáo 6 tháng đầu năm 2023 has the status “Approved”; this decision does not apply to it."
expect "an approved report is not returned" 1 "$P" return --unit "Chư Pưh" --period 2023-h1 --reason x
is "both approved, rates unchanged" "$(field "$P" gia-lai/chu-puh status) $(field "$P" gia-lai/chu-se status) $(at "$P" reports --period 2023-h1 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)["rates"][0]; print(r["received"], r["on_time"])')" "approved approved 2 1"

# ------------------------------------------------------------ locks
cp "$P" "$tmp/p-before.sqlite3"
expect "the province records no entry in the approved period" 1 "$P" record --unit "Chư Pưh" --indicator 1 --date 2023-05-01 --amount 1
grep -q "Chư Pưh" "$tmp/err" && grep -q "Báo cáo 6 tháng đầu năm 2023" "$tmp/err" && d8_test_ok "naming the unit and the period" || d8_test_not_ok "naming the unit and the period"
cmp -s "$P" "$tmp/p-before.sqlite3" && d8_test_ok "and writes nothing" || d8_test_not_ok "and writes nothing"
expect "after the period it records" 0 "$P" record --unit "Chư Pưh" --indicator 1 --date 2023-07-01 --amount 1
# Chư Pưh edits before the approval reaches it: refused on import.
at "$U1" edit "$e1" --amount 3
n=$((n + 1)); at "$U1" export-bundle --all --out "$tmp/b$n.duan8.json" >/dev/null
expect "the import goes ahead" 0 "$P" import-bundle --json "$tmp/b$n.duan8.json"
is "with the locked entry rejected" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["entries"]["rejected"], [r["record"] for r in d["rejections"] if "Chư Pưh" in r["reason"]] != [])' "$tmp/out")" "1 True"
expect "the same bundle again, as a table" 0 "$P" import-bundle "$tmp/b$n.duan8.json"
is "does not claim the database holds what it rejected" "$(tail -1 "$tmp/out")" "Nothing to import: the database holds the rest already; the rejected records above were left out."
is "the province keeps its figure" "$(at "$P" entries --unit "Chư Pưh" --indicator 1 --format csv | grep "$e1" | cut -d, -f6)" "2"
send "$P" "$U1"
expect "at the office the entry is locked too" 1 "$U1" edit "$e1" --amount 4
expect "and cannot be deleted" 1 "$U1" delete "$e1"
expect "reopen needs a reason" 1 "$P" reopen --unit "Chư Pưh" --period 2023-h1
expect "the province reopens with a reason" 0 "$P" reopen --unit "Chư Pưh" --period 2023-h1 --reason "Sửa số liệu chỉ tiêu 1"
send "$P" "$U1"
is "the office sees it reopened, with the reason" "$(field "$U1" gia-lai/chu-puh status) $(field "$U1" gia-lai/chu-puh reason)" "reopened Sửa số liệu chỉ tiêu 1"
expect "and may edit again" 0 "$U1" edit "$e1" --amount 4
send "$U1" "$P"
is "which the province takes" "$(at "$P" entries --unit "Chư Pưh" --indicator 1 --format csv | grep "$e1" | cut -d, -f6)" "4"

d8_test_done
