#!/bin/sh
# test-cli-plans.sh — plans through duan8-cli alone (issue 12): this year's
# commune-level appendix taken from a spreadsheet, previewed, imported,
# chosen with --plan by year, recorded against and sent to an office; the
# 2023 appendix as Excel saves it; a revision with its history; refusals
# that leave the database file unchanged; --unit naming two units; export →
# import round trips in JSON, CSV and XLSX.
# Usage: sh tests/test-cli-plans.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
srcdir="${G_TEST_SRCDIR:-${D8_SOURCE_ROOT:-.}/tests}"
data="$srcdir/data/plans"
d8_test_sandbox
d8_test_require python3 sha256sum
is () { # is DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then d8_test_ok "$1"; else d8_test_not_ok "$1"; echo "#   got: $2" | head -5; echo "#   expected: $3" | head -5; fi
}
P="$tmp/province.sqlite3"; U="$tmp/office.sqlite3"
at () { db="$1"; shift; "$cli" --db "$db" "$@"; }
# expect DESCRIPTION STATUS DB ARGS...: keeps stdout/stderr in $tmp/out, $tmp/err
expect () {
  desc="$1"; want="$2"; db="$3"; shift 3
  set +e; "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err" "$tmp/out" | head -8; fi
}
fingerprint () { sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true; cat "$1" "$1-wal" 2>/dev/null | sha256sum; }
json () { python3 -c "import json,sys; d=json.load(open('$tmp/out')); print($1)"; }

at "$P" plans >/dev/null

# ------------------------------------------- this year's appendix, a table
expect "the 2026 plan file previews with --dry-run" 0 "$P" import-plan "$data/plan-2026-135.duan8-plan.json" --dry-run --json
is "135 communes and the new province are new" "$(json "d['unit_counts']['new'], len(d['appendix']['rows'])")" "136 135"
is "the dry run wrote nothing" "$(at "$P" plans --format csv | wc -l)" "2"
expect "the 2026 plan file is imported" 0 "$P" import-plan "$data/plan-2026-135.duan8-plan.json"
grep -q "Imported as plan" "$tmp/out" && d8_test_ok "the import says so" || d8_test_not_ok "the import says so"
grep -q "kept apart" "$tmp/out" && d8_test_ok "the two units named Gia Lai are shown apart" || d8_test_not_ok "the two units named Gia Lai are shown apart"
expect "--plan 2026 chooses the only plan of 2026" 0 "$P" --plan 2026 units --format csv
is "its units are the 135 communes" "$(tail -n +2 "$tmp/out" | wc -l)" "135"
expect "the appendix table previews against --from 2026" 0 "$P" import-plan "$data/appendix-2026-135.csv" --from 2026 --code gia-lai-2026-bang --document-number 46/KH-UBND --dry-run --json
is "its rows are matched to the communes by name" "$(json "d['unit_counts']['new'], d['unit_counts']['known'], len(d['appendix']['rows'])")" "0 136 135"
is "group-title rows are skipped" "$(json "d['warnings'][0]")" "2 group-title rows were skipped."
expect "recording against the 2026 plan" 0 "$P" --plan 45/KH-UBND record --unit "ia hru" --indicator 2 --date 2026-03-02 --amount 1
expect "the plan goes to an office in a bundle" 0 "$P" --plan 2026 export-bundle --plan-only --out "$tmp/plan.duan8.json"
at "$U" office --set "Chư Pưh" >/dev/null
expect "the office imports it, confirming the province's key" 0 "$U" import-bundle --trust-new-office "$tmp/plan.duan8.json"
expect "the office sees the 2026 plan" 0 "$U" --plan gia-lai-2026-dan8 units --format csv
is "with its 135 communes" "$(tail -n +2 "$tmp/out" | wc -l)" "135"

# ----------------------------------------------- the 2023 appendix as saved
for f in appendix-2023-excel.csv appendix-2023-cp1258.csv appendix-2023.tsv appendix-2023-reordered.csv appendix-2023.xlsx; do
  expect "$f previews" 0 "$P" import-plan "$data/$f" --from 1653/KH-UBND --code gl-2024 --year 2024 --document-number 12/KH-UBND --dry-run --json
  is "$f: the quotas of Chư Pưh and Ia Grai, the totals" \
    "$(json "[r['cells'] for r in d['appendix']['rows'] if r['unit'] in ('gia-lai/chu-puh', 'gia-lai/ia-grai')], [a['stated'] for a in d['allocation']][0], d['allocation'][0]['difference']")" \
    "[[4, '-', '-', 1, 1, 2, 1, 1, 3], [2, '-', '-', 2, 0, 2, '', 1, '']] 128 2"
done
expect "the Excel table is imported as the 2024 plan" 0 "$P" import-plan "$data/appendix-2023-excel.csv" --from 1653/KH-UBND --code gl-2024 --year 2024 --document-number 12/KH-UBND
expect "its allocation check" 0 "$P" --plan 2024 allocation --format csv
is "states 128 and allocates 126 in column 1" "$(sed -n 2p "$tmp/out" | cut -d, -f1,3-5)" "1,128,126,2"

# ---------------------------------------------------------------- refusals
before=$(fingerprint "$P")
for f in "$data"/bad-*.csv "$data"/bad-*.tsv "$data"/bad-*.xlsx "$data"/bad-fold-equal-units.json "$data"/bad-invisible-unit.json; do
  name=$(basename "$f")
  expect "$name is refused" 1 "$P" import-plan "$f" --from 1653/KH-UBND --code bad --year 2024 --document-number 1/BAD
  grep -q "$name" "$tmp/err" && d8_test_ok "$name: the message names the file" || d8_test_not_ok "$name: the message names the file"
done
is "the database file is byte-identical after the refusals" "$(fingerprint "$P")" "$before"
expect "a table without a code is refused" 1 "$P" import-plan "$data/appendix-2023.tsv" --year 2024
grep -q -- "--code" "$tmp/err" && d8_test_ok "the message names --code" || d8_test_not_ok "the message names --code"
expect "import-bundle points a plan file to import-plan" 1 "$P" import-bundle "$data/plan-2023-revised.duan8-plan.json"
grep -q "import-plan" "$tmp/err" && d8_test_ok "naming import-plan" || d8_test_not_ok "naming import-plan"
expect "an unknown --from is refused" 1 "$P" import-plan "$data/appendix-2023.tsv" --from 1999 --code x

# ---------------------------------------------------------------- revision
expect "a revision previews" 0 "$P" import-plan "$data/plan-2023-revised.duan8-plan.json" --dry-run --json
is "it changes three cells" "$(json "d['revision'], len(d['changes'])")" "True 3"
expect "it needs --revise" 1 "$P" import-plan "$data/plan-2023-revised.duan8-plan.json"
grep -q -- "--revise" "$tmp/err" && d8_test_ok "the message says --revise" || d8_test_not_ok "the message says --revise"
is "nothing was written without --revise" "$(fingerprint "$P")" "$before"
expect "the revision is imported with --revise" 0 "$P" import-plan "$data/plan-2023-revised.duan8-plan.json" --revise
expect "plan-history lists it" 0 "$P" --plan 1653/KH-UBND plan-history --format csv
is "with the revising document and the old values" "$(grep chu-puh "$tmp/out" | cut -d, -f1,2,5-7)" "2001/QĐ-UBND,2023-09-15,1,4,6"
expect "quotas show the revised value" 0 "$P" --plan 2023 quotas --format csv
grep -q "^Chư Pưh,.*,6$" "$tmp/out" && d8_test_ok "Chư Pưh's quota is 6" || d8_test_not_ok "Chư Pưh's quota is 6"

# -------------------------------------------------------------- ambiguity
expect "a plan with Thuỷ An and Thủy An under two districts" 0 "$P" import-plan "$data/plan-thuy-an.duan8-plan.json"
expect "--unit “Thủy An” is refused" 1 "$P" --plan thuy-an-2026 record --unit "Thủy An" --indicator 1 --date 2026-03-01 --amount 1
grep -q "d1/thuy-an" "$tmp/err" && grep -q "d2/thuy-an" "$tmp/err" && d8_test_ok "listing both units" || d8_test_not_ok "listing both units"
expect "--unit by code records" 0 "$P" --plan thuy-an-2026 record --unit d2/thuy-an --indicator 1 --date 2026-03-01 --amount 1
expect "--unit with a soft hyphen is refused" 1 "$P" --plan thuy-an-2026 progress --unit "$(printf 'Thu\302\255y An')"
grep -q "U+00AD" "$tmp/err" && d8_test_ok "naming the soft hyphen" || d8_test_not_ok "naming the soft hyphen"
expect "--plan 2026 is now two plans" 1 "$P" --plan 2026 units
grep -q "45/KH-UBND" "$tmp/err" && grep -q "7/KH-TEST" "$tmp/err" && d8_test_ok "listing both plans" || d8_test_not_ok "listing both plans"

# ------------------------------------- a commune office of the 2026 plan
# Its unit is one of the 2026 plan's communes, which a new installation
# does not have: it takes the province's plan bundle first (it is new:
# never told its office, nothing recorded), then chooses its commune.
C="$tmp/commune.sqlite3"
expect "a new installation takes the province's plan bundle" 0 "$C" import-bundle --trust-new-office "$tmp/plan.duan8.json"
expect "its commune is then one of the plan's" 0 "$C" --plan 2026 office --set "Ia Hrú"
expect "it records for its commune" 0 "$C" --plan 2026 record --unit "Ia Hrú" --indicator 2 --date 2026-03-02 --amount 2
expect "and sends its entries" 0 "$C" --plan 2026 export-bundle --out "$tmp/commune.duan8.json"
expect "the province takes them" 0 "$P" import-bundle --trust-new-office "$tmp/commune.duan8.json"
expect "the province's figures count them" 0 "$P" --plan 45/KH-UBND progress --unit "Ia Hrú" --format csv
is "Ia Hrú achieved 3 of indicator 2 (1 at the province, 2 at the commune)" "$(awk -F, '$4 == "2" { print $6 }' "$tmp/out")" "3"
# An installation that recorded as the province refuses a bundle of the
# province (the usual slip: set the unit first); so does one that has a
# plan of its own (a real province that issued its plan and has not sent
# it yet): another installation's "province" bundle, confirmed by mistake,
# must not rewrite its plans or plant keys.
N="$tmp/province-again.sqlite3"
at "$N" record --unit "Chư Sê" --indicator 1 --date 2023-03-01 --amount 1 >/dev/null
expect "an installation that recorded as the province refuses the province's bundle" 1 "$N" import-bundle --trust-new-office "$tmp/plan.duan8.json"
grep -q "set the unit as the office first" "$tmp/err" && d8_test_ok "saying to set the unit first" || d8_test_not_ok "saying to set the unit first"
O="$tmp/own-plan.sqlite3"
at "$O" import-plan "$data/plan-2026-135.duan8-plan.json" >/dev/null
before=$(fingerprint "$O")
expect "a province with a plan of its own refuses another's province bundle" 1 "$O" import-bundle --trust-new-office "$tmp/plan.duan8.json"
is "and is left as it was" "$(fingerprint "$O")" "$before"

# ---------------------------------------------------- a person's mapping
# The 2023 appendix with a column header and a unit name written otherwise:
# matched by name they become a new indicator and a new unit; --mapping says
# what they are, as the window's Mapping tab does.
python3 - "$data/appendix-2023-reordered.csv" "$tmp/renamed.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
rows[1][6] = "CLB thủ lĩnh (mới)"
for r in rows:
    if len(r) > 1 and r[1] == "An Khê":
        r[1] = "Thị xã An Khê"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(rows)
PY
M="--from 1653/KH-UBND --code gl-2024m --year 2024 --document-number 13/KH-UBND"
# shellcheck disable=SC2086
expect "without a mapping the renamed column and row are new" 0 "$P" import-plan "$tmp/renamed.csv" $M --dry-run --json
is "a new unit and a new indicator" "$(json "d['unit_counts']['new'], [i['code'] for i in d['indicators'] if i['new']]")" "1 ['10']"
printf '\357\273\277{ "columns": { "CLB thủ lĩnh (mới)": "5" },\n  "units": { "Thị xã An Khê": "gia-lai/an-khe" } }\n' > "$tmp/mapping.json"
# shellcheck disable=SC2086
expect "with --mapping (a BOM first, as Notepad saves it)" 0 "$P" import-plan "$tmp/renamed.csv" $M --mapping "$tmp/mapping.json" --dry-run --json
is "the column is indicator 5, the row An Khê" "$(json "d['unit_counts']['new'], [i['code'] for i in d['indicators'] if i['new']], [r['cells'][4] for r in d['appendix']['rows'] if r['unit'] == 'gia-lai/an-khe']")" "0 [] [0]"
printf '{ "columns": { "Cột khác": "5" }, "units": { "Xã khác": "+commune", "Thị xã An Khê": "gia-lai/an-khe" } }' > "$tmp/other-mapping.json"
# shellcheck disable=SC2086
expect "a mapping made for another table" 0 "$P" import-plan "$tmp/renamed.csv" $M --mapping "$tmp/other-mapping.json" --dry-run --json
is "says which of its names the table does not have" "$(json "[w for w in d['warnings'] if 'mapping' in w]")" "['The mapping names the column “Cột khác”, which the table does not have.', 'The mapping names the row “Xã khác”, which the table does not have.']"
expect "a plan file with a mapping" 0 "$P" import-plan "$data/plan-2026-135.duan8-plan.json" --mapping "$tmp/mapping.json" --dry-run --json
is "says the mapping was not used" "$(json "[w for w in d['warnings'] if 'mapping' in w]")" "['The mapping was not used: a plan file names its indicators and units itself.']"
before=$(fingerprint "$P")
bad_mapping () { # bad_mapping DESCRIPTION JSON MESSAGE
  printf '%s' "$2" > "$tmp/bad-mapping.json"
  # shellcheck disable=SC2086
  expect "$1 is refused" 1 "$P" import-plan "$tmp/renamed.csv" $M --mapping "$tmp/bad-mapping.json"
  if grep -qF "$3" "$tmp/err"; then d8_test_ok "$1: the message names it"; else d8_test_not_ok "$1: the message names it"; sed 's/^/# /' "$tmp/err"; fi
}
bad_mapping "a mapping that is not JSON" '{ "columns": { "a": "1", } }' "bad-mapping.json: line 1:"
bad_mapping "a mapping with another member" '{ "column": {} }' "bad-mapping.json: column:"
bad_mapping "a unit mapped to a number" '{ "units": { "Thị xã An Khê": 5 } }' "units.“Thị xã An Khê”"
bad_mapping "a new unit without its level" '{ "units": { "Thị xã An Khê": "+" } }' "needs the level"
bad_mapping "a name given twice" '{ "units": { "a": "x", "a": "y" } }' "appears twice"
bad_mapping "a column mapped to an indicator the plan lacks" '{ "columns": { "CLB thủ lĩnh (mới)": "77" } }' "G2: the column is mapped to indicator 77"
bad_mapping "a row mapped to a unit the database lacks" '{ "units": { "Thị xã An Khê": "gia-lai/nowhere" } }' "gia-lai/nowhere"
# shellcheck disable=SC2086
expect "a missing mapping file is refused" 1 "$P" import-plan "$tmp/renamed.csv" $M --mapping "$tmp/none.json"
is "the refused mappings changed nothing" "$(fingerprint "$P")" "$before"

# ------------------------------------------------------------- round trips
at "$P" --plan 1653/KH-UBND export-plan --out "$tmp/ref.json" >/dev/null
for ext in json csv xlsx; do
  expect "export-plan writes .$ext" 0 "$P" --plan 1653/KH-UBND export-plan --out "$tmp/rt.$ext"
  from="--from 1653/KH-UBND"; [ "$ext" = json ] && from=""
  # shellcheck disable=SC2086
  expect "the .$ext imports as a new plan" 0 "$P" import-plan "$tmp/rt.$ext" $from --code "rt-$ext" --document-number "RT/$ext"
  at "$P" --plan "rt-$ext" export-plan --out "$tmp/back-$ext.json" >/dev/null
  is ".$ext round trip: the same quotas cell by cell" \
    "$(python3 -c "import json; a=json.load(open('$tmp/ref.json'))['appendix']; b=json.load(open('$tmp/back-$ext.json'))['appendix']; print(a['rows']==b['rows'], a['total_row']==b['total_row'])")" "True True"
done
expect "export-plan refuses another suffix" 1 "$P" --plan 2023 export-plan --out "$tmp/plan.txt"

d8_test_done
