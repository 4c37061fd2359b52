#!/bin/sh
# test-cli-scale.sh — duan8-cli on a generated plan of 135 communes under 17
# former districts (bench/gen-plan.py, loaded by duan8-bench-seed through
# d8_store_import_plan): progress streamed as JSON and CSV, the roll-up by
# parent, and the meeting pack's choice of unit pages.
# Usage: sh tests/test-cli-scale.sh PATH-TO-duan8-cli PATH-TO-duan8-bench-seed
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
seed="$2"
top="${D8_SOURCE_ROOT:-.}"
d8_test_sandbox
db="$tmp/135.sqlite3"

python3 "$top/bench/gen-plan.py" 135 "$tmp/plan.json"
"$seed" "$tmp/plan.json" "$db" >/dev/null
d8 () { "$cli" --db "$db" "$@"; }

# ----------------------------------------------------- streamed output
d8 progress --as-of 2026-06-30 --format json >"$tmp/p.json"
if python3 - "$tmp/p.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["progress"]) == 1350, len(d["progress"])
assert len(d["totals"]) == 10
assert d["as_of"] == "2026-06-30"
for i in range(10):
    code = d["totals"][i]["indicator_code"]
    rows = [r for r in d["progress"] if r["indicator_code"] == code]
    assert sum(r["achieved"] for r in rows) == d["totals"][i]["achieved"], code
PY
then d8_test_ok "progress --format json: 1,350 rows, valid, adding up to the totals"
else d8_test_not_ok "progress --format json: 1,350 rows, valid, adding up to the totals"; fi

d8 progress --as-of 2026-06-30 --format csv >"$tmp/p.csv"
if python3 - "$tmp/p.csv" "$tmp/p.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
d = json.load(open(sys.argv[2]))
assert len(rows) == 1350, len(rows)
for r, j in zip(rows, d["progress"]):
    assert r["unit_code"] == j["unit_code"] and r["indicator_code"] == j["indicator_code"]
    assert r["achieved"] == str(j["achieved"])
PY
then d8_test_ok "progress --format csv: the same rows as JSON, in the same order"
else d8_test_not_ok "progress --format csv: the same rows as JSON, in the same order"; fi

# ---------------------------------------------------------- by parent
d8 progress --as-of 2026-06-30 --by-parent --format json >"$tmp/g.json"
if python3 - "$tmp/g.json" "$tmp/p.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
p = json.load(open(sys.argv[2]))
groups = {r["group_code"] for r in g["groups"]}
assert len(groups) == 17, len(groups)
assert len(g["groups"]) == 170
assert sum(r["units"] for r in g["groups"] if r["indicator_code"] == "1") == 135
for code in ("1", "5", "9"):
    quota = sum(r["quota"] or 0 for r in g["groups"] if r["indicator_code"] == code)
    total = [t for t in p["totals"] if t["indicator_code"] == code][0]
    assert quota == total["allocated"], (code, quota, total["allocated"])
for r in g["groups"]:
    names = [n for n in (r["behind"] or "").split("; ") if n]
    assert len(names) == r["units_behind"], r
PY
then d8_test_ok "progress --by-parent: 17 groups whose quotas add up to the allocation"
else d8_test_not_ok "progress --by-parent: 17 groups whose quotas add up to the allocation"; fi

if d8 progress --by-parent --as-of 2026-06-30 | grep -q "units behind:"; then
  d8_test_ok "progress --by-parent: the units behind, group by group, in the table"
else
  d8_test_not_ok "progress --by-parent: the units behind, group by group, in the table"
fi

set +e
d8 progress --by-parent --totals >/dev/null 2>&1; status=$?
set -e
if [ "$status" -eq 2 ] || [ "$status" -eq 1 ]; then
  d8_test_ok "progress --by-parent --totals is refused"
else
  d8_test_not_ok "progress --by-parent --totals is refused (exit $status)"
fi

# ------------------------------------------------------- meeting pack
pages () { d8 print-pack --as-of 2026-06-30 --force --out "$tmp/pack.pdf" "$@" >/dev/null && pdfinfo "$tmp/pack.pdf" | awk '/^Pages:/ { print $2 }'; }
n=$(pages)
# cover, the groups, 17 groups of 7–8 communes on a page each; no unit pages
if [ "$n" -eq 19 ]; then d8_test_ok "print-pack at 135 units: 19 pages by default"
else d8_test_not_ok "print-pack at 135 units: 19 pages by default (got $n)"; fi
behind=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(sum(r["units_behind"] for r in g["groups"] if r["indicator_code"]=="1"))' "$tmp/g.json")
n=$(pages --units behind)
if [ "$n" -eq $((19 + behind)) ]; then d8_test_ok "print-pack --units behind: a page per unit behind"
else d8_test_not_ok "print-pack --units behind: $n pages for $behind units behind"; fi
group=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(g["groups"][0]["group"])' "$tmp/g.json")
n=$(pages --units "$group")
if [ "$n" -eq $((19 + 8)) ]; then d8_test_ok "print-pack --units GROUP: the pages of one group's units"
else d8_test_not_ok "print-pack --units GROUP: $n pages"; fi
two=$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["progress"]; print(p[0]["unit"] + ", " + p[-1]["unit"])' "$tmp/p.json")
n=$(pages --units "$two")
if [ "$n" -eq 21 ]; then d8_test_ok "print-pack --units LIST: the units listed"
else d8_test_not_ok "print-pack --units LIST: $n pages"; fi
if d8 print-pack --out "$tmp/x.pdf" --units "no such unit" >/dev/null 2>&1; then
  d8_test_not_ok "print-pack --units with an unknown unit is refused"
else d8_test_ok "print-pack --units with an unknown unit is refused"; fi

d8_test_done
