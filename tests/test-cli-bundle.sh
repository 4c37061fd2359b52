#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-bundle.sh — the exchange between offices through duan8-cli alone:
# a province and two unit offices, each with its own database. The province
# sends the plan; the units record, edit, delete and export; the province
# imports both and its figures equal what each unit recorded; it sends the
# whole picture back and the units match it. Re-imports change nothing; a
# concurrent edit becomes a conflict that both sides resolve the same way;
# deletions travel as tombstones; malformed bundles are refused with the
# database file unchanged; --dry-run writes nothing; a snapshot restores.
# Trust (issue 11): every bundle is signed; a first office is confirmed with
# --trust-new-office or registered with trust-office; another key, an
# unsigned bundle, an older bundle and another unit's records are refused.
# Usage: sh tests/test-cli-bundle.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
srcdir="${G_TEST_SRCDIR:-${D8_SOURCE_ROOT:-.}/tests}"
d8_test_sandbox
d8_test_require python3
is () { # is DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then d8_test_ok "$1"; else d8_test_not_ok "$1"; echo "#   got: $2" | head -5; echo "#   expected: $3" | head -5; fi
}
P="$tmp/province.sqlite3"; U1="$tmp/chu-puh.sqlite3"; U2="$tmp/krong-pa.sqlite3"
at () { db="$1"; shift; "$cli" --db "$db" "$@"; }
# expect DESCRIPTION STATUS DB ARGS...: keeps stdout/stderr in $tmp/out, $tmp/err
expect () {
  desc="$1"; want="$2"; db="$3"; shift 3
  set +e; "$cli" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err" "$tmp/out" | head -8; fi
}
# What a unit shows for itself, in the machine format.
figures () { at "$1" progress --as-of 2023-12-31 --unit "$2" --format csv; }
entries () { at "$1" entries --include-deleted --format csv | cut -d, -f1-10,12 | sort; }

# ------------------------------------------------------------ offices
expect "a new database is the provincial office" 0 "$P" office --format json
grep -q '"office" *: *"province"' "$tmp/out" && d8_test_ok "office prints province" || d8_test_not_ok "office prints province"
expect "Chư Pưh's office is set by name" 0 "$U1" office --set "chu puh"
grep -q "Chư Pưh" "$tmp/out" && d8_test_ok "office names the unit" || d8_test_not_ok "office names the unit"
at "$U2" office --set "Krông Pa" >/dev/null
expect "an unknown office is refused" 1 "$U2" office --set "Hà Nội"
expect "a bundle must be named *.duan8.json" 1 "$P" export-bundle --out "$tmp/plan.json"
[ ! -e "$tmp/plan.json" ] && d8_test_ok "and nothing is written" || d8_test_not_ok "and nothing is written"
expect "--all and --plan-only together are refused" 1 "$P" export-bundle --all --plan-only --out "$tmp/x.duan8.json"
expect "office as CSV: a header and one row" 0 "$U1" office --format csv
is "office CSV" "$(cut -d, -f1-3 "$tmp/out" | sed 's/,[0-9 ]*$/,FP/')" "office,name,fingerprint
gia-lai/chu-puh,Chư Pưh,FP"
# The office's key: its fingerprint to read aloud, its public key to register.
key_of () { at "$1" office --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"; }
pkey=$(key_of "$P" key); pfp=$(key_of "$P" fingerprint); u1key=$(key_of "$U1" key)
echo "$pfp" | grep -Eq '^[0-9]{5}( [0-9]{5}){5}$' && d8_test_ok "the fingerprint is six groups of five digits" || d8_test_not_ok "the fingerprint is six groups of five digits ($pfp)"
[ "$(stat -c %a "$P.key")" = 600 ] && d8_test_ok "the secret key is a file only its owner reads" || d8_test_not_ok "the secret key file's mode"
expect "the province registers Chư Pưh's key" 0 "$P" trust-office "Chư Pưh" --key "$u1key"
grep -q "Chư Pưh" "$tmp/out" && d8_test_ok "and lists it" || d8_test_not_ok "and lists it"
expect "trust-office needs --key with an office" 1 "$P" trust-office "Chư Pưh"
expect "a key that is neither key nor fingerprint is refused" 1 "$P" trust-office "Chư Pưh" --key 1234
expect "Krông Pa registers the province's fingerprint" 0 "$U2" trust-office province --key "$pfp"

# -------------------------------------------- the province sends the plan
expect "the province exports the plan" 0 "$P" export-bundle --out "$tmp/plan.duan8.json"
cp "$U1" "$tmp/before-trust.sqlite3"
expect "a first bundle from the province is refused unconfirmed" 1 "$U1" import-bundle "$tmp/plan.duan8.json"
grep -q "$pfp" "$tmp/out" && d8_test_ok "the preview shows the fingerprint to read aloud" || d8_test_not_ok "the preview shows the fingerprint to read aloud"
grep -q "first bundle" "$tmp/err" && d8_test_ok "saying it is the first bundle from that office" || d8_test_not_ok "saying it is the first bundle from that office"
cmp -s "$U1" "$tmp/before-trust.sqlite3" && d8_test_ok "and writes nothing" || d8_test_not_ok "and writes nothing"
expect "Chư Pưh imports the plan" 0 "$U1" import-bundle --trust-new-office "$tmp/plan.duan8.json"
expect "Krông Pa imports the plan" 0 "$U2" import-bundle "$tmp/plan.duan8.json"
# A new installation (still the province's, nothing recorded) takes the
# province's bundle, its key confirmed: a commune of a plan it does not have
# yet can choose its unit only after. The province's own bundle, or one
# for an installation that recorded entries as the province, is refused.
expect "a new installation asks to confirm the province's key" 1 "$tmp/fresh.sqlite3" import-bundle "$tmp/plan.duan8.json"
grep -q "first bundle" "$tmp/err" && d8_test_ok "as for any first bundle" || d8_test_not_ok "as for any first bundle"
expect "then takes the province's bundle" 0 "$tmp/fresh.sqlite3" import-bundle --trust-new-office "$tmp/plan.duan8.json"
expect "the province does not import its own bundle" 1 "$P" import-bundle "$tmp/plan.duan8.json"
grep -q "this installation is the province's office too; at a unit's office, set the unit as the office first" "$tmp/err" && d8_test_ok "saying to set its unit first" || d8_test_not_ok "saying to set its unit first"
at "$tmp/told.sqlite3" record --unit "Chư Sê" --indicator 1 --date 2023-03-01 --amount 1 >/dev/null
expect "nor an installation that recorded as the province" 1 "$tmp/told.sqlite3" import-bundle --trust-new-office "$tmp/plan.duan8.json"
grep -q "set the unit as the office first" "$tmp/err" && d8_test_ok "saying the same" || d8_test_not_ok "saying the same"
cp "$U1" "$tmp/u1-copy.sqlite3"; cp "$U1.key" "$tmp/u1-copy.sqlite3.key"
at "$tmp/u1-copy.sqlite3" export-bundle --out "$tmp/self.duan8.json" >/dev/null
expect "an office does not import its own bundle" 1 "$U1" import-bundle "$tmp/self.duan8.json"
grep -q "made by this office (Chư Pưh)" "$tmp/err" && d8_test_ok "naming the office by its name, not its code" || d8_test_not_ok "naming the office by its name, not its code"
expect "a unit office does not record another unit" 1 "$U1" record --unit "Krông Pa" --indicator 1 --date 2023-03-04 --amount 2
grep -q "records only its own unit" "$tmp/err" && d8_test_ok "and says so" || d8_test_not_ok "and says so"

# -------------------------------------------- units record, edit, delete
e1=$(at "$U1" record --unit "Chư Pưh" --indicator 1 --date 2023-03-04 --amount 2 --place "Xã Ia Le")
e2=$(at "$U1" record --unit "Chư Pưh" --indicator 5 --date 2023-04-01 --amount 1)
e3=$(at "$U1" record --unit "Chư Pưh" --indicator SM --date 2023-05-04 --reached 30 --group 40)
e4=$(at "$U1" record --unit "Chư Pưh" --indicator 7 --date 2023-05-06 --amount 1)
at "$U1" edit "$e1" --amount 3 --note "đã kiểm tra"
at "$U1" delete "$e4"
f1=$(at "$U2" record --unit "Krông Pa" --indicator 1 --date 2023-02-10 --amount 4)
f2=$(at "$U2" record --unit "Krông Pa" --indicator 9 --date 2023-06-01 --amount 2)

expect "Chư Pưh exports its entries" 0 "$U1" export-bundle --out "$tmp/u1.duan8.json" --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["entries"]==4 and r["sequence"]==1 and r["origin"]=="gia-lai/chu-puh", r' "$tmp/out" \
  && d8_test_ok "the export summary: 4 entries (one a tombstone), sequence 1, as numbers" || d8_test_not_ok "the export summary (see JSON)"
expect "Krông Pa exports its entries" 0 "$U2" export-bundle --out "$tmp/u2.duan8.json"

# ------------------------------------------------ the province merges
cp "$P" "$tmp/before-dry.sqlite3"
expect "dry run of Chư Pưh's bundle" 0 "$P" import-bundle --dry-run "$tmp/u1.duan8.json"
grep -q "Dry run" "$tmp/out" && d8_test_ok "dry run says nothing was written" || d8_test_not_ok "dry run says nothing was written"
cmp -s "$P" "$tmp/before-dry.sqlite3" && d8_test_ok "dry run leaves the file byte-identical" || d8_test_not_ok "dry run leaves the file byte-identical"
expect "preview as JSON" 0 "$P" import-bundle --dry-run --json "$tmp/u1.duan8.json"
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); e=p["entries"]; assert e["new"]==3 and e["deleted"]==1 and e["rejected"]==0, e' "$tmp/out" \
  && d8_test_ok "preview counts 3 new entries and 1 deleted, none rejected" || d8_test_not_ok "preview counts (see JSON)"

expect "the province imports Chư Pưh" 0 "$P" import-bundle "$tmp/u1.duan8.json"
expect "Krông Pa's first bundle is refused unconfirmed" 1 "$P" import-bundle "$tmp/u2.duan8.json"
expect "the province imports Krông Pa" 0 "$P" import-bundle --trust-new-office "$tmp/u2.duan8.json"
is "the province shows what Chư Pưh recorded" "$(figures "$P" "Chư Pưh")" "$(figures "$U1" "Chư Pưh")"
is "the province shows what Krông Pa recorded" "$(figures "$P" "Krông Pa")" "$(figures "$U2" "Krông Pa")"
at "$P" progress --as-of 2023-12-31 --totals --format json >"$tmp/totals.json"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); r=[x for x in t["totals"] if x["indicator_code"]=="1"][0]; assert r["achieved"]==7, r' "$tmp/totals.json" \
  && d8_test_ok "province total of indicator 1 = 3 + 4" || d8_test_not_ok "province total of indicator 1 = 3 + 4"

# Every indicator: the province's total is the sum of what the two units show.
at "$U1" progress --as-of 2023-12-31 --unit "Chư Pưh" --format json >"$tmp/f1.json"
at "$U2" progress --as-of 2023-12-31 --unit "Krông Pa" --format json >"$tmp/f2.json"
python3 - "$tmp/totals.json" "$tmp/f1.json" "$tmp/f2.json" <<'PY' && d8_test_ok "every province total = Chư Pưh + Krông Pa" || d8_test_not_ok "every province total = Chư Pưh + Krông Pa"
import json, sys
totals = json.load(open(sys.argv[1]))["totals"]
rows = json.load(open(sys.argv[2]))["progress"] + json.load(open(sys.argv[3]))["progress"]
n = lambda v: v or 0
recorded = 0
for t in totals:
    mine = [r for r in rows if r["indicator_code"] == t["indicator_code"]]
    assert len(mine) == 2, t["indicator_code"]
    for key in ("achieved", "reached", "group_size"):
        assert n(t[key]) == sum(n(r[key]) for r in mine), (t["indicator_code"], key, t[key])
    recorded += sum(n(r["achieved"]) + n(r["reached"]) for r in mine)
assert recorded > 0
PY

sum_before=$(entries "$P" | sha256sum)
expect "importing the same bundle again succeeds" 0 "$P" import-bundle "$tmp/u1.duan8.json"
grep -q "imported before" "$tmp/out" && d8_test_ok "and says it was imported before" || d8_test_not_ok "and says it was imported before"
is "and changes nothing" "$(entries "$P" | sha256sum)" "$sum_before"
expect "the import log lists both bundles" 0 "$P" log --format csv
[ "$(tail -n +2 "$tmp/out" | wc -l)" -ge 2 ] && d8_test_ok "two imports logged" || d8_test_not_ok "two imports logged"

expect "a unit office refuses another unit's bundle" 1 "$U2" import-bundle "$tmp/u1.duan8.json"
grep -q "province" "$tmp/err" && d8_test_ok "saying it imports from the province only" || d8_test_not_ok "saying it imports from the province only"

# ------------------------------------------- the picture goes back
expect "the province exports everything" 0 "$P" export-bundle --all --out "$tmp/all.duan8.json"
expect "Chư Pưh imports the picture" 0 "$U1" import-bundle "$tmp/all.duan8.json"
expect "Krông Pa imports the picture" 0 "$U2" import-bundle "$tmp/all.duan8.json"
u1_before=$(entries "$U1" | sha256sum)
expect "Chư Pưh imports the picture again" 0 "$U1" import-bundle "$tmp/all.duan8.json"
grep -q "imported before" "$tmp/out" && d8_test_ok "a unit is told it imported it before" || d8_test_not_ok "a unit is told it imported it before"
is "and nothing changes at the unit" "$(entries "$U1" | sha256sum)" "$u1_before"
at "$P" progress --as-of 2023-12-31 --format csv >"$tmp/p.csv"
at "$U1" progress --as-of 2023-12-31 --format csv >"$tmp/u1.csv"
at "$U2" progress --as-of 2023-12-31 --format csv >"$tmp/u2.csv"
cmp -s "$tmp/p.csv" "$tmp/u1.csv" && d8_test_ok "Chư Pưh now shows the whole province as the province does" || d8_test_not_ok "Chư Pưh matches the province"
cmp -s "$tmp/p.csv" "$tmp/u2.csv" && d8_test_ok "Krông Pa now shows the whole province as the province does" || d8_test_not_ok "Krông Pa matches the province"
is "the three offices hold the same entries (P = U1)" "$(entries "$U1")" "$(entries "$P")"
is "the three offices hold the same entries (P = U2)" "$(entries "$U2")" "$(entries "$P")"

# ------------------------------------------- a concurrent edit
at "$U1" edit "$e2" --amount 5
at "$P" edit "$e2" --amount 7
expect "Chư Pưh sends its edit" 0 "$U1" export-bundle --out "$tmp/u1b.duan8.json"
expect "the province imports it" 0 "$P" import-bundle "$tmp/u1b.duan8.json"
grep -q "conflicts" "$tmp/out" && d8_test_ok "the import reports a conflict" || d8_test_not_ok "the import reports a conflict"
expect "conflicts lists it" 0 "$P" conflicts --format csv
grep -q "$e2" "$tmp/out" && d8_test_ok "by its UUID" || d8_test_not_ok "by its UUID"
grep -q ",5," "$tmp/out" && grep -q ",7," "$tmp/out" && d8_test_ok "with both versions (5 and 7)" || d8_test_not_ok "with both versions"
expect "resolve needs mine or theirs" 1 "$P" resolve "$e2" --keep both
expect "the province keeps Chư Pưh's version" 0 "$P" resolve "$e2" --keep theirs
grep -q "settled" "$tmp/out" && d8_test_ok "resolve says the conflict is settled" || d8_test_not_ok "resolve says the conflict is settled"
expect "no conflict is left" 0 "$P" conflicts --format csv
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 0 ] && d8_test_ok "the list is empty" || d8_test_not_ok "the list is empty"
expect "resolving again is refused" 1 "$P" resolve "$e2" --keep mine
at "$P" export-bundle --all --out "$tmp/all2.duan8.json" >/dev/null
expect "Chư Pưh imports the resolution" 0 "$U1" import-bundle "$tmp/all2.duan8.json"
expect "and has no conflict" 0 "$U1" conflicts --format csv
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 0 ] && d8_test_ok "Chư Pưh's list is empty" || d8_test_not_ok "Chư Pưh's list is empty"
amount_p=$(at "$P" entries --format csv | grep "^$e2," | cut -d, -f6)
amount_u=$(at "$U1" entries --format csv | grep "^$e2," | cut -d, -f6)
is "both sides converge on 5" "$amount_p/$amount_u" "5/5"
is "the offices hold the same entries after the conflict" "$(entries "$U1")" "$(entries "$P")"

# ------------------- a concurrent edit that both offices see before resolving
at "$U1" edit "$e1" --amount 6
at "$P" edit "$e1" --amount 8
at "$U1" export-bundle --out "$tmp/u1c.duan8.json" >/dev/null
at "$P" export-bundle --all --out "$tmp/all3.duan8.json" >/dev/null
expect "Chư Pưh imports the province's edit" 0 "$U1" import-bundle "$tmp/all3.duan8.json"
expect "the province imports Chư Pưh's edit" 0 "$P" import-bundle "$tmp/u1c.duan8.json"
at "$U1" conflicts --format csv | grep -q "^$e1," && d8_test_ok "Chư Pưh lists the conflict" || d8_test_not_ok "Chư Pưh lists the conflict"
at "$P" conflicts --format csv | grep -q "^$e1," && d8_test_ok "the province lists the conflict" || d8_test_not_ok "the province lists the conflict"
expect "the province keeps its own version (8)" 0 "$P" resolve "$e1" --keep mine
expect "Chư Pưh keeps the province's version (8)" 0 "$U1" resolve "$e1" --keep theirs
at "$U1" export-bundle --out "$tmp/u1d.duan8.json" >/dev/null
at "$P" export-bundle --all --out "$tmp/all4.duan8.json" >/dev/null
expect "the province imports Chư Pưh's resolution" 0 "$P" import-bundle "$tmp/u1d.duan8.json"
expect "Chư Pưh imports the province's resolution" 0 "$U1" import-bundle "$tmp/all4.duan8.json"
is "no conflict is left at either office" \
  "$(at "$P" conflicts --format csv | tail -n +2 | wc -l)/$(at "$U1" conflicts --format csv | tail -n +2 | wc -l)" "0/0"
amount_p=$(at "$P" entries --format csv | grep "^$e1," | cut -d, -f6)
amount_u=$(at "$U1" entries --format csv | grep "^$e1," | cut -d, -f6)
is "both sides converge on 8" "$amount_p/$amount_u" "8/8"
is "the offices hold the same entries after both resolved" "$(entries "$U1")" "$(entries "$P")"

# ------------------------------------------- every conflict at once
at "$U1" edit "$e1" --amount 11
at "$U1" edit "$e2" --amount 12
at "$P" edit "$e1" --amount 21
at "$P" edit "$e2" --amount 22
at "$U1" export-bundle --out "$tmp/u1e.duan8.json" >/dev/null
expect "the province imports two concurrent edits" 0 "$P" import-bundle "$tmp/u1e.duan8.json"
is "two conflicts are listed" "$(at "$P" conflicts --format csv | tail -n +2 | wc -l)" "2"
expect "resolve needs a UUID or --all-conflicts" 1 "$P" resolve --keep theirs
expect "and not both" 1 "$P" resolve "$e1" --all-conflicts --keep theirs
is "a refused resolve changes nothing" "$(at "$P" conflicts --format csv | tail -n +2 | wc -l)" "2"
expect "the province keeps Chư Pưh's versions of all" 0 "$P" resolve --all-conflicts --keep theirs
grep -q "2 entries" "$tmp/out" && d8_test_ok "and says how many" || d8_test_not_ok "and says how many"
is "no conflict is left" "$(at "$P" conflicts --format csv | tail -n +2 | wc -l)" "0"
is "both carry Chư Pưh's amounts" \
  "$(at "$P" entries --format csv | grep "^$e1," | cut -d, -f6)/$(at "$P" entries --format csv | grep "^$e2," | cut -d, -f6)" "11/12"
expect "with none left, --all-conflicts says so" 0 "$P" resolve --all-conflicts --keep mine
grep -q "nothing changed" "$tmp/out" && d8_test_ok "nothing to settle" || d8_test_not_ok "nothing to settle"
at "$P" export-bundle --all --out "$tmp/all5.duan8.json" >/dev/null
expect "Chư Pưh imports the settlement" 0 "$U1" import-bundle "$tmp/all5.duan8.json"
is "the offices agree again" "$(entries "$U1")" "$(entries "$P")"

# ------------------------------------------- order and forgeries
at "$U2" record --unit "Krông Pa" --indicator 1 --date 2023-02-11 --amount 1 >/dev/null
at "$U2" export-bundle --out "$tmp/u2x.duan8.json" >/dev/null
at "$U2" record --unit "Krông Pa" --indicator 1 --date 2023-02-12 --amount 1 >/dev/null
at "$U2" export-bundle --all --out "$tmp/u2y.duan8.json" >/dev/null
expect "the province imports Krông Pa's newer bundle" 0 "$P" import-bundle "$tmp/u2y.duan8.json"
cp "$P" "$tmp/before-older.sqlite3"
expect "an older bundle arriving late is refused" 1 "$P" import-bundle "$tmp/u2x.duan8.json"
grep -q "not newer" "$tmp/err" && d8_test_ok "saying it is older" || d8_test_not_ok "saying it is older"
cmp -s "$P" "$tmp/before-older.sqlite3" && d8_test_ok "and writes nothing" || d8_test_not_ok "and writes nothing (older)"
expect "--allow-older takes it, changing nothing newer" 0 "$P" import-bundle --allow-older "$tmp/u2x.duan8.json"
for f in key-change unsigned bad-signature cross-unit-edit foreign-origin; do
  cp "$P" "$tmp/before.sqlite3"
  expect "attack-$f refused" 1 "$P" import-bundle --trust-new-office --allow-older "$srcdir/data/bundles/attack-$f.duan8.json"
  cmp -s "$P" "$tmp/before.sqlite3" && d8_test_ok "attack-$f: DB unchanged" || d8_test_not_ok "attack-$f: DB unchanged"
done

# ------------------------------------------- tombstones
at "$U2" delete "$f2"
at "$U2" export-bundle --out "$tmp/u2b.duan8.json" >/dev/null
expect "the province imports Krông Pa's deletion" 0 "$P" import-bundle "$tmp/u2b.duan8.json"
deleted=$(at "$P" entries --include-deleted --format csv | grep "^$f2," | awk -F, '{ print $(NF-2) }')
is "the entry is deleted at the province" "$deleted" "true"
expect "an old bundle does not bring the entry back" 0 "$P" import-bundle "$tmp/u2.duan8.json"
deleted=$(at "$P" entries --include-deleted --format csv | grep "^$f2," | awk -F, '{ print $(NF-2) }')
is "the entry stays deleted" "$deleted" "true"

# ------------------------------------------- malformed bundles
for f in "$srcdir"/data/bundles/bad-*.duan8.json; do
  cp "$P" "$tmp/before.sqlite3"
  name=$(basename "$f")
  set +e; "$cli" --db "$P" import-bundle "$f" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq 1 ] && [ -s "$tmp/err" ] && cmp -s "$P" "$tmp/before.sqlite3"; then
    d8_test_ok "$name refused, DB unchanged"
  else
    d8_test_not_ok "$name refused, DB unchanged (exit $got)"; head -2 "$tmp/err" | sed 's/^/# /'
  fi
done
expect "a missing file is a user error" 1 "$P" import-bundle "$tmp/nothing.duan8.json"

# ------------------------------------------- snapshots
expect "snapshots lists the copies taken before imports" 0 "$P" snapshots --format csv
snap=$(tail -n +2 "$tmp/out" | head -1 | cut -d, -f1)
[ -n "$snap" ] && d8_test_ok "there is a snapshot" || d8_test_not_ok "there is a snapshot"
before_restore=$(entries "$P")
expect "restore the newest snapshot" 0 "$P" restore "$snap"
after_restore=$(entries "$P")
[ "$before_restore" != "$after_restore" ] && d8_test_ok "the restore took back the last import" || d8_test_not_ok "the restore took back the last import"
deleted=$(at "$P" entries --include-deleted --format csv | grep "^$f2," | awk -F, '{ print $(NF-2) }')
is "Krông Pa's deletion is undone by the restore" "$deleted" "false"
expect "an unknown snapshot is refused" 1 "$P" restore "no-such-snapshot"

# ------------------------------------------- Vietnamese
LANGUAGE=vi LANG=vi_VN.UTF-8 "$cli" --db "$P" import-bundle "$srcdir/data/bundles/bad-digest-mismatch.duan8.json" 2>"$tmp/err" >/dev/null || true
grep -q "không khớp" "$tmp/err" && d8_test_ok "the refusal is in Vietnamese under vi" || { d8_test_not_ok "the refusal is in Vietnamese under vi"; sed 's/^/# /' "$tmp/err"; }
cp "$P" "$tmp/before-vi.sqlite3"
LANGUAGE=vi LANG=vi_VN.UTF-8 "$cli" --db "$P" import-bundle --dry-run "$tmp/u1.duan8.json" >"$tmp/out" 2>"$tmp/err" || true
grep -q "^Chạy thử: " "$tmp/out" && d8_test_ok "the dry run speaks Vietnamese under vi" || { d8_test_not_ok "the dry run speaks Vietnamese under vi"; sed 's/^/# /' "$tmp/out" "$tmp/err"; }
grep -q "^Không đổi " "$tmp/out" && d8_test_ok "the preview's labels are Vietnamese under vi" || d8_test_not_ok "the preview's labels are Vietnamese under vi"
cmp -s "$P" "$tmp/before-vi.sqlite3" && d8_test_ok "and wrote nothing" || d8_test_not_ok "and wrote nothing"

d8_test_done
