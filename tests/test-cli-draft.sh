#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-draft.sh — making and amending a plan with duan8-cli alone
# (issue 15): a draft 2024 plan from the 2023 one, edited (totals, quotas,
# a new unit), checked (allocation), refused entries and bundles while a
# draft, issued, amended (the following set-quota belongs to the
# amendment), sent to a unit office in a bundle, and the office's
# plan-history shows the same amendment. Every refusal leaves the database
# file as it was.
# Usage: sh tests/test-cli-draft.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
d8_test_require python3
is () { # is DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then d8_test_ok "$1"; else d8_test_not_ok "$1"; echo "#   got: $2" | head -5; echo "#   expected: $3" | head -5; fi
}
P="$tmp/province.sqlite3"; U="$tmp/chu-puh.sqlite3"
at () { db="$1"; shift; "$cli" --db "$db" "$@"; }
expect () { # expect DESCRIPTION STATUS DB ARGS...: stdout/stderr in $tmp/out, $tmp/err
  desc="$1"; want="$2"; db="$3"; shift 3
  set +e; "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err" "$tmp/out" | head -8; fi
}
said () { # said DESCRIPTION WORDS: the last stderr contains WORDS
  if grep -q -- "$2" "$tmp/err"; then d8_test_ok "$1"; else d8_test_not_ok "$1"; sed 's/^/# /' "$tmp/err" | head -4; fi
}
unchanged () { # unchanged DESCRIPTION: the province file equals $tmp/before
  if cmp -s "$P" "$tmp/before"; then d8_test_ok "$1"; else d8_test_not_ok "$1"; fi
}
keep () { cp "$P" "$tmp/before"; }
P24="--plan gia-lai-2024"

# ------------------------------------------------------------------ draft
expect "new-plan makes a draft from the 2023 plan" 0 "$P" new-plan --from 1653/KH-UBND --code gia-lai-2024 --year 2024
at "$P" plans --format csv > "$tmp/plans.csv"
is "plans lists it as a draft, period 2024" "$(grep gia-lai-2024 "$tmp/plans.csv" | cut -d, -f2,4,5,6,10)" "gia-lai-2024,2024,2024-01-01,2024-12-31,draft"
is "with the 2023 plan's 15 units" "$(at "$P" $P24 units --format csv | tail -n +2 | wc -l)" "15"
is "and the reporting schedule of 2023, a year later" "$(at "$P" $P24 periods --format csv | tail -n +2 | tr '\n' ';')" "2024-h1,Báo cáo 6 tháng đầu năm 2024,2024-01-01,2024-06-10,2024-06-10,2024-06-10,2024-06-15;2024-year,Báo cáo năm 2024,2024-01-01,2024-12-10,2024-12-10,2024-12-10,2024-12-15;"
is "and its 10 indicators" "$(at "$P" $P24 indicators --format csv | tail -n +2 | wc -l)" "10"
expect "allocation of the draft" 0 "$P" $P24 allocation
is "heads the table with the draft's code, as it has no number yet" "$(head -1 "$tmp/out")" "Draft plan gia-lai-2024 (Jan 1, 2024 – Dec 31, 2024)"
is "quotas start as no quota" "$(at "$P" $P24 quotas --format csv | grep -c ',[0-9]' || true)" "0"
keep
expect "a taken code is refused" 1 "$P" new-plan --code gia-lai-2024 --year 2025
said "naming the code" "gia-lai-2024"
expect "--copy-quotas without --from is refused" 1 "$P" new-plan --code x --year 2025 --copy-quotas
expect "a year out of range is refused" 1 "$P" new-plan --code x --year 12
unchanged "nothing was written by the refusals"
expect "new-plan --copy-quotas copies the quotas" 0 "$P" new-plan --from 1653/KH-UBND --code copy-2024 --year 2024 --copy-quotas
at "$P" --plan copy-2024 allocation --format csv > "$tmp/alloc.csv"
is "and the allocation check of the copy is 2023's (128 stated, 126 allocated)" "$(grep '^1,' "$tmp/alloc.csv" | cut -d, -f1,3-5)" "1,128,126,2"

# ------------------------------------------------------------------ edit
expect "set-total sets indicator 1's stated total" 0 "$P" $P24 set-total --indicator 1 10
expect "set-quota gives Chư Pưh 4" 0 "$P" $P24 set-quota --unit "Chư Pưh" --indicator 1 4
expect "set-quota gives Chư Sê 5" 0 "$P" $P24 set-quota --unit "Chư Sê" --indicator 1 5
expect "set-quota - takes a quota away" 0 "$P" $P24 set-quota --unit "Chư Sê" --indicator 2 -
at "$P" $P24 allocation --format csv > "$tmp/alloc.csv"
is "allocation: 10 stated, 9 allocated, 1 not allocated" "$(grep '^1,' "$tmp/alloc.csv" | cut -d, -f1,3-5)" "1,10,9,1"
expect "add-unit adds a commune under Chư Pưh" 0 "$P" $P24 add-unit --name "Ia Le" --level commune --parent "Chư Pưh" --kind xã
is "the plan now has 16 units" "$(at "$P" $P24 units --format csv | tail -n +2 | wc -l)" "16"
expect "and the new unit takes a quota" 0 "$P" $P24 set-quota --unit "Ia Le" --indicator 1 1
at "$P" $P24 allocation --format csv > "$tmp/alloc.csv"
is "which closes the gap: 10 stated, 10 allocated" "$(grep '^1,' "$tmp/alloc.csv" | cut -d, -f1,3-5)" "1,10,10,0"
keep
expect "a quota that is not a number is refused" 1 "$P" $P24 set-quota --unit "Chư Pưh" --indicator 1 4x
expect "a quota for an unknown unit is refused" 1 "$P" $P24 set-quota --unit "Hà Nội" --indicator 1 4
expect "add-unit twice under the same parent is refused" 1 "$P" $P24 add-unit --name "ia le" --level commune --parent "Chư Pưh"
said "naming the unit" "Ia Le"
expect "a draft takes no entries" 1 "$P" $P24 record --unit "Chư Pưh" --indicator 1 --date 2024-03-01 --amount 1
said "saying the plan is a draft" "gia-lai-2024.*draft"
expect "a draft is not exported to offices" 1 "$P" $P24 export-bundle --out "$tmp/draft.duan8.json"
said "saying it is sent once issued" "once it is issued"
expect "amending a draft is refused" 1 "$P" $P24 amend-plan --document-number 1/QĐ --issued-on 2024-03-01
expect "issuing without a document number is refused" 1 "$P" $P24 issue-plan --issued-on 2024-01-15
expect "issuing with a bad date is refused" 1 "$P" $P24 issue-plan --document-number 12/KH-UBND --issued-on 2024-02-30
unchanged "nothing was written by the refusals"
expect "the export of all plans leaves the drafts out" 0 "$P" --plan 1653/KH-UBND export-bundle --out "$tmp/one.duan8.json"
expect "export-bundle without --plan sends the issued plans only" 0 "$P" export-bundle --out "$tmp/all.duan8.json"
said "and says the drafts were left out" "Left out 2 draft plans"

# ------------------------------------------------------------ issue, amend
expect "issue-plan issues the draft" 0 "$P" $P24 issue-plan --document-number 12/KH-UBND --issued-on 2024-01-15
at "$P" plans --format csv > "$tmp/plans.csv"
is "it is issued, with its number" "$(grep gia-lai-2024 "$tmp/plans.csv" | cut -d, -f3,8,10)" "12/KH-UBND,2024-01-15,issued"
keep
expect "an issued plan's quota changes only by an amendment" 1 "$P" $P24 set-quota --unit "Chư Pưh" --indicator 1 6
said "saying so" "amendment"
expect "issuing it again is refused" 1 "$P" $P24 issue-plan --document-number 13/KH-UBND --issued-on 2024-01-16
expect "an issued plan takes no new unit" 1 "$P" $P24 add-unit --name "Ia Dêr" --level commune
expect "an amendment before the plan's date is refused" 1 "$P" $P24 amend-plan --document-number 25/QĐ-UBND --issued-on 2023-12-01
unchanged "nothing was written"
expect "help amend-plan" 0 "$P" help amend-plan
grep -q -- "--document-number.*of the amending decision" "$tmp/out" && d8_test_ok "says its number is the amending decision's, not the plan's" || d8_test_not_ok "says its number is the amending decision's, not the plan's"
expect "amend-plan opens an amendment" 0 "$P" $P24 amend-plan --document-number 25/QĐ-UBND --issued-on 2024-03-15
expect "the set-quota after it belongs to the amendment" 0 "$P" $P24 set-quota --unit "Chư Pưh" --indicator 1 6
expect "and so does set-total" 0 "$P" $P24 set-total --indicator 1 12
expect "a total the plan did not state yet" 0 "$P" $P24 set-total --indicator 2 3
expect "a plan with an open amendment is not sent" 1 "$P" $P24 export-bundle --out "$tmp/open.duan8.json"
said "saying to issue the amendment" "open amendment"
expect "issue-plan issues the amendment" 0 "$P" $P24 issue-plan --document-number 25/QĐ-UBND --issued-on 2024-03-15
expect "plan-history at the province" 0 "$P" $P24 plan-history --format json
is "lists the amendment's two changes, old → new" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
h = d["history"] if "history" in d else [t for t in d["tables"] if t["key"] == "history"][0]["rows"]
print(";".join(sorted("%s|%s|%s|%s|%s" % (r["revision"], r["unit_code"], r["indicator"], r["old"], r["new"]) for r in h)))
' "$tmp/out")" "25/QĐ-UBND|None|1|10|12;25/QĐ-UBND|None|2|None|3;25/QĐ-UBND|gia-lai/chu-puh|1|4|6"
expect "plan-history as a table" 0 "$P" $P24 plan-history
grep -q "as amended by 25/QĐ-UBND" "$tmp/out" && d8_test_ok "says “as amended by 25/QĐ-UBND”" || d8_test_not_ok "says “as amended by 25/QĐ-UBND”"
expect "the amended plan records entries" 0 "$P" $P24 record --unit "Chư Pưh" --indicator 1 --date 2024-04-01 --amount 2
expect "the pack of the amended plan" 0 "$P" $P24 print-pack --units none --out "$tmp/pack.pdf"
if d8_test_need pdftotext; then
  pdftotext -l 1 "$tmp/pack.pdf" - | grep -q "as amended by 25/QĐ-UBND of Mar 15, 2024" && d8_test_ok "says on its cover “as amended by 25/QĐ-UBND of Mar 15, 2024”" || d8_test_not_ok "says on its cover “as amended by 25/QĐ-UBND of Mar 15, 2024”"
else
  d8_test_skip "the pack's cover names the amendment" "pdftotext is not installed"
fi

# ------------------------------------------------------- to a unit office
pfp=$(at "$P" office --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')
at "$U" office --set "Chư Pưh" >/dev/null
at "$U" trust-office province --key "$pfp" >/dev/null
expect "the province sends the amended plan" 0 "$P" $P24 export-bundle --out "$tmp/plan2024.duan8.json"
python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))
p = b["content"]["plans"][0]
a = p["amendments"][0]
print(a["document_number"], a["issued_on"], a["kind"], len(a["changes"]))
' "$tmp/plan2024.duan8.json" > "$tmp/amend.txt"
is "the bundle's plan carries the amendment" "$(cat "$tmp/amend.txt")" "25/QĐ-UBND 2024-03-15 amendment 3"
expect "Chư Pưh's office imports it" 0 "$U" import-bundle "$tmp/plan2024.duan8.json"
expect "plan-history at the office" 0 "$U" $P24 plan-history --format csv
is "shows the same amendment" "$(grep chu-puh "$tmp/out" | cut -d, -f1,2,5-7)" "25/QĐ-UBND,2024-03-15,1,4,6"
is "and its quota is the amended one" "$(at "$U" $P24 quotas --format csv | grep '^Chư Pưh,' | head -1 | cut -d, -f3)" "6"
cp "$U" "$tmp/office-before"
expect "importing the bundle again" 0 "$U" import-bundle "$tmp/plan2024.duan8.json"
is "records the amendment once" "$(at "$U" $P24 plan-history --format csv | grep -c chu-puh)" "1"
at "$U" $P24 plan-history --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
h = d["history"] if "history" in d else [t for t in d["tables"] if t["key"] == "history"][0]["rows"]
print(sorted(str(r["old"]) for r in h))' > "$tmp/olds.txt"
is "with the same old values, none where there was no total" "$(cat "$tmp/olds.txt")" "['10', '4', 'None']"
e=$(at "$U" $P24 record --unit "Chư Pưh" --indicator 1 --date 2024-05-01 --amount 1)
[ -n "$e" ] && d8_test_ok "the office records entries on the amended plan" || d8_test_not_ok "the office records entries on the amended plan"

# ------------------------------------------- untrusted amendments refused
python3 - "$tmp/plan2024.duan8.json" "$tmp/forged.duan8.json" <<'EOF'
import json, sys
b = json.load(open(sys.argv[1]))
b["content"]["plans"][0]["amendments"][0]["changes"][0]["unit"] = "no-such-unit"
json.dump(b, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
cp "$U" "$tmp/office-before"
expect "a bundle whose amendment names an unknown unit is refused" 1 "$U" import-bundle "$tmp/forged.duan8.json"
cmp -s "$U" "$tmp/office-before" && d8_test_ok "and the office's database is unchanged" || d8_test_not_ok "and the office's database is unchanged"

# ------------------------------------------------------------ distribute
# The window's "Distribute…" from the command line: 20 over five units in
# proportion to their 2023 quotas 4, 4, 6, 19, 18 (sum 51): whole parts
# 1, 1, 2, 7, 7 (18), remainders 29, 29, 18, 23, 3 (of 51) give the two
# left to Chư Pưh and Chư Sê (equal remainders: the earlier row first).
D="$tmp/distribute.sqlite3"
at "$D" new-plan --from 1653/KH-UBND --code d-2024 --year 2024 >/dev/null
FIVE="Chư Pưh,Chư Sê,Đak Đoa,Chư Păh,Mang Yang"
expect "distribute without a total refuses when the plan states none" 1 "$D" --plan d-2024 distribute --indicator 1 --reference 1653/KH-UBND
said "naming --total" "total"
at "$D" --plan d-2024 set-total --indicator 1 20 >/dev/null
cp "$D" "$tmp/before"
expect "distribute --dry-run" 0 "$D" --plan d-2024 distribute --indicator 1 --reference 1653/KH-UBND --among "$FIVE" --dry-run --format csv
is "proposes 2, 2, 2, 7, 7 beside 4, 4, 6, 19, 18" "$(tail -n +2 "$tmp/out" | cut -d, -f1,3,4 | tr '\n' ' ')" "Chư Pưh,4,2 Chư Sê,4,2 Đak Đoa,6,2 Chư Păh,19,7 Mang Yang,18,7 "
cmp -s "$D" "$tmp/before" && d8_test_ok "and writes nothing" || d8_test_not_ok "and writes nothing"
expect "distribute over an unknown unit is refused" 1 "$D" --plan d-2024 distribute --indicator 1 --reference 1653/KH-UBND --among "Chư Pưh,Hà Nội"
cmp -s "$D" "$tmp/before" && d8_test_ok "leaving the database as it was" || d8_test_not_ok "leaving the database as it was"
expect "distribute sets the quotas" 0 "$D" --plan d-2024 distribute --indicator 1 --reference 1653/KH-UBND --among "$FIVE"
is "Chư Păh's quota is now 7" "$(at "$D" --plan d-2024 quotas --format csv | grep '^Chư Păh,Thành lập' | cut -d, -f3)" "7"
expect "distribute over every unit" 0 "$D" --plan d-2024 distribute --indicator 1 --reference 1653/KH-UBND
at "$D" --plan d-2024 allocation --format csv > "$tmp/alloc.csv"
is "and the allocation check of indicator 1 goes to zero" "$(grep '^1,' "$tmp/alloc.csv" | cut -d, -f1,3-5)" "1,20,20,0"

d8_test_done
