#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-compare.sh — duan8-cli compare, link-indicator and
# render --chart compare over the three synthetic years of
# tests/data/plans/compare (2023, 2024 by district; 2026 by commune, after
# the reform): the figures in table, CSV and JSON, worked out by hand as in
# tests/test-plan-compare.c; bad plans, options and links refused with
# exit 1 and the database unchanged; the chart in Vietnamese.
# Usage: sh tests/test-cli-compare.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
d8_test_require python3 sqlite3 pdftotext
db="$tmp/duan8.sqlite3"
plans="$(dirname "$0")/data/plans/compare"
d8 () { "$cli" --db "$db" "$@"; }
expect () { # expect DESCRIPTION STATUS ARGS...
  desc="$1"; want="$2"; shift 2
  set +e; d8 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err"; fi
}
has () { # has DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then d8_test_ok "$1"; else d8_test_not_ok "$1"; sed 's/^/# /' "$2" | head -20; fi
}

for y in 2023 2024 2026; do d8 import-plan "$plans/plan-$y.duan8-plan.json" >/dev/null; done
rec () { d8 --plan "$1" record --unit "$2" --indicator "$3" --date "$4" --amount "$5" >/dev/null; }
rec cmp-2023 cmp-chu-puh 1 2023-03-01 3
rec cmp-2023 cmp-chu-puh 1 2023-09-01 1
rec cmp-2023 cmp-dak-doa 1 2023-05-10 5
rec cmp-2023 cmp-an-khe 1 2023-06-01 1
rec cmp-2023 cmp-chu-puh 2 2023-04-01 1
rec cmp-2023 cmp-dak-doa 2 2023-04-02 2
rec cmp-2024 cmp-chu-puh 1 2024-03-01 5
rec cmp-2024 cmp-dak-doa 1 2024-03-01 2
rec cmp-2024 cmp-an-khe 1 2024-03-01 2
rec cmp-2024 cmp-chu-puh 2 2024-05-01 2
rec cmp-2024 cmp-an-khe 2 2024-05-01 1
rec cmp-2026 cmp-ia-le 1 2026-02-01 2
rec cmp-2026 cmp-ia-hru 1 2026-02-01 1
rec cmp-2026 cmp-xa-dak-doa 1 2026-02-01 1
rec cmp-2026 cmp-quy-nhon 1 2026-02-01 2
rec cmp-2026 cmp-ia-le 4 2026-04-01 1
rec cmp-2026 cmp-xa-dak-doa 4 2026-04-01 2
rec cmp-2026 cmp-quy-nhon 4 2026-04-01 1
three="cmp-2023,cmp-2024,2026"

# ----------------------------------------------------------- links
expect "link 2026's 4 to 2024's 2" 0 --plan cmp-2026 link-indicator --indicator 4 --to-plan 2024 --to-indicator 2
has "link-indicator says what it linked" "$tmp/out" "Indicator 4 is now compared with indicator 2."
sqlite3 "$db" .dump >"$tmp/before.sql"
expect "two indicators of one plan are refused" 1 --plan cmp-2024 link-indicator --indicator 2 --to-plan cmp-2024 --to-indicator 3
has "… naming the plan" "$tmp/err" "both of plan cmp-2024"
expect "a count and a percentage are refused" 1 --plan cmp-2023 link-indicator --indicator SM --to-plan cmp-2024 --to-indicator 1
expect "an unknown --to-plan is refused" 1 --plan cmp-2023 link-indicator --indicator 1 --to-plan nope --to-indicator 1
has "… naming the option" "$tmp/err" "--to-plan: Unknown plan “nope”"
expect "an unknown indicator is refused" 1 --plan cmp-2023 link-indicator --indicator 9 --to-plan cmp-2024 --to-indicator 1
expect "link-indicator needs --to-indicator" 1 --plan cmp-2023 link-indicator --indicator 1 --to-plan cmp-2024
sqlite3 "$db" .dump >"$tmp/after.sql"
cmp -s "$tmp/before.sql" "$tmp/after.sql" && d8_test_ok "refused links leave the database as it was" \
  || d8_test_not_ok "refused links leave the database as it was"

# ----------------------------------------------------------- table
expect "compare as a table" 0 compare --plans "$three" --indicator 1 --as-of 2026-12-31
has "the table names the plans" "$tmp/out" "Plans: cmp-2023,cmp-2024,cmp-2026"
# 2023: stated 12, allocated 10, quota 12, achieved 10 (83.3 %)
grep -qE "^1 +2023 +12 +10 +12 +10 +83\.3% +Behind" "$tmp/out" && d8_test_ok "table: 2023 12 / 10 / 12 / 10" \
  || { d8_test_not_ok "table: 2023 12 / 10 / 12 / 10"; sed 's/^/# /' "$tmp/out"; }
grep -qE "^1 +phase +33 +30 +33 +25 +75\.8% +Behind" "$tmp/out" && d8_test_ok "table: the phase 33 / 30 / 33 / 25" \
  || { d8_test_not_ok "table: the phase 33 / 30 / 33 / 25"; sed 's/^/# /' "$tmp/out"; }

# ----------------------------------------------------------- CSV
expect "compare as CSV" 0 --format csv compare --plans "$three" --indicator 2 --as-of 2026-12-31
cat >"$tmp/want.csv" <<'EOF'
indicator,indicator_name,period,plan,plan_indicator,stated,allocated,quota,achieved,group_size,completion,status
2,Đối thoại chính sách cấp xã và cụm thôn bản,2023,cmp-2023,2,5,5,5,3,,60.0,behind
2,Đối thoại chính sách cấp xã và cụm thôn bản,2024,cmp-2024,2,5,5,5,3,,60.0,behind
2,Đối thoại chính sách cấp xã và cụm thôn bản,2026,cmp-2026,4,5,5,5,4,,80.0,behind
2,Đối thoại chính sách cấp xã và cụm thôn bản,phase,,,15,15,15,10,,66.7,behind
EOF
tr -d '\r' <"$tmp/out" >"$tmp/got.csv"
cmp -s "$tmp/want.csv" "$tmp/got.csv" && d8_test_ok "CSV: indicator 2 matched to 2026's 4 by the link, figures by hand" \
  || { d8_test_not_ok "CSV: indicator 2 matched to 2026's 4 by the link"; diff "$tmp/want.csv" "$tmp/got.csv" | sed 's/^/# /'; }

expect "compare by former district as CSV" 0 --format csv compare --plans "$three" --indicator 1 --by parent --as-of 2026-12-31
# Chư Pưh: 4/4, 5/5, Ia Le + Ia Hrú 3/3 → 12/12; Quy Nhơn under the new province
grep -qF "Chư Pưh,cmp-chu-puh,true,1,Thành lập và duy trì tổ truyền thông cộng đồng,2026,cmp-2026,1,,3,3,3,,100.0,done" "$tmp/out" \
  && d8_test_ok "CSV by parent: 2026's communes under Chư Pưh" || { d8_test_not_ok "CSV by parent: 2026's communes under Chư Pưh"; sed 's/^/# /' "$tmp/out"; }
grep -qF "Chư Pưh,cmp-chu-puh,true,1,Thành lập và duy trì tổ truyền thông cộng đồng,phase,,,,12,12,12,,100.0,done" "$tmp/out" \
  && d8_test_ok "CSV by parent: Chư Pưh's phase 12 of 12" || d8_test_not_ok "CSV by parent: Chư Pưh's phase 12 of 12"
grep -qF "Gia Lai,cmp-gl-2025,false,1," "$tmp/out" && d8_test_ok "CSV by parent: Quy Nhơn under the new province" \
  || d8_test_not_ok "CSV by parent: Quy Nhơn under the new province"

# ----------------------------------------------------------- JSON
expect "compare as JSON, every indicator, by unit" 0 --format json compare --plans "$three" --by unit --as-of 2026-12-31
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["plans"] == "cmp-2023,cmp-2024,cmp-2026" and d["by"] == "unit" and d["as_of"] == "2026-12-31"
rows = {(r["unit_code"], r["indicator"], r["period"]): r for r in d["figures"]}
r = rows[("cmp-dak-doa", "1", "phase")]
assert (r["allocated"], r["quota"], r["achieved"], r["status"]) == (11, 11, 7, "behind"), r
assert r["in_every_plan"] is False
assert ("cmp-dak-doa", "1", "2026") not in rows
r = rows[("cmp-xa-dak-doa", "1", "2026")]
assert (r["quota"], r["achieved"], r["stated"]) == (3, 1, None), r
r = rows[("cmp-chu-puh", "SM", "2023")]
assert r["group_size"] == 0 and r["completion"] is None, r
EOF
then d8_test_ok "JSON by unit: Đak Đoa 11/7 over 2023–2024, the commune its own row"
else d8_test_not_ok "JSON by unit"; fi

# ----------------------------------------------------------- refusals
expect "an unknown plan in --plans" 1 compare --plans cmp-2023,nope
has "… named, with the known plans" "$tmp/err" "--plans: Unknown plan “nope”; known plans:"
expect "a plan named twice" 1 compare --plans cmp-2023,cmp-2023
has "… named" "$tmp/err" "Plan cmp-2023 is named twice"
expect "one plan is not a comparison" 1 compare --plans cmp-2023
expect "an empty name in --plans" 1 compare --plans "cmp-2023,,cmp-2024"
expect "an unknown --by" 1 compare --plans "$three" --by district
has "… listing the choices" "$tmp/err" "unit, parent, province"
expect "an indicator no plan has" 1 compare --plans "$three" --indicator 9
expect "a malformed --as-of" 1 compare --plans "$three" --as-of 2026-13-01
expect "compare takes no --unit" 1 compare --plans "$three" --unit "Chư Pưh"
expect "render --chart compare needs --indicator" 1 render --chart compare --plans "$three" --out "$tmp/x.png"
[ ! -e "$tmp/x.png" ] && d8_test_ok "nothing written on refusal" || d8_test_not_ok "nothing written on refusal"

# ----------------------------------------------------------- the chart, in Vietnamese
in_vi () { env LANGUAGE=vi LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 "$cli" --db "$db" "$@"; }
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  in_vi render --chart compare --plans "$three" --indicator 1 --as-of 2026-12-31 --out "$tmp/compare.pdf" >/dev/null
  in_vi render --chart compare --plans "$three" --indicator 1 --as-of 2026-12-31 --dpi 110 --out "$tmp/compare.png" >/dev/null
  pdftotext -layout "$tmp/compare.pdf" "$tmp/compare.txt"
  for text in "Tất cả các năm" "2023" "2024" "2026" "Chậm tiến độ" "31/12/2026" "tổ truyền thông cộng đồng"; do
    has "the Vietnamese chart has “$text”" "$tmp/compare.txt" "$text"
  done
  if grep -qE "All years|Behind|stated|allocated|Quota|as of" "$tmp/compare.txt"; then
    d8_test_not_ok "no English in the Vietnamese chart"; grep -nE "All years|Behind|stated|allocated|Quota|as of" "$tmp/compare.txt" | sed 's/^/# /'
  else d8_test_ok "no English in the Vietnamese chart"; fi
  dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$tmp/compare.png")
  [ "$dims" = "1287x910" ] && d8_test_ok "the PNG is A4 landscape at 110 dpi" || d8_test_not_ok "the PNG is A4 landscape at 110 dpi ($dims)"
  if [ -n "${D8_BUILD_ROOT:-}" ]; then mkdir -p "$D8_BUILD_ROOT/print"; cp "$tmp/compare.png" "$D8_BUILD_ROOT/print/compare-vi.png"; fi
else
  d8_test_skip "the chart in Vietnamese" "the vi_VN.UTF-8 locale is missing"
fi

d8_test_done
