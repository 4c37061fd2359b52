#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-charts.sh — duan8-cli render and print-pack: the meeting pack has
# 2 + 15 pages of A4 landscape (842 × 595 pt) with the units' and
# indicators' names intact and "Page N/M" footers (Vietnamese "Trang N/M");
# render writes PNG/SVG/PDF of the asked size; bad options are refused.
# Leaves the pack's pages as PNGs in <build>/print/ to look at.
# Usage: sh tests/test-cli-charts.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
d8_test_require pdfinfo pdftotext python3
db="$tmp/duan8.sqlite3"
out_dir="${D8_BUILD_ROOT:-$tmp}/print"
mkdir -p "$out_dir"
d8 () { "$cli" --db "$db" "$@"; }
expect () { # expect DESCRIPTION STATUS ARGS...
  desc="$1"; want="$2"; shift 2
  set +e; d8 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err"; fi
}

d8 record --unit "Chư Pưh" --indicator 1 --date 2023-03-04 --amount 3 >/dev/null
d8 record --unit "Krông Pa" --indicator 5 --date 2023-05-10 --amount 2 >/dev/null
d8 record --unit "Đức Cơ" --indicator SM --date 2023-05-04 --reached 30 --group 40 >/dev/null

# ----------------------------------------------------------- the pack
expect "print-pack writes a PDF" 0 print-pack --as-of 2023-06-30 --out "$tmp/pack.pdf"
pages=$(pdfinfo "$tmp/pack.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" = 17 ] && d8_test_ok "the pack has 2 + 15 pages" || d8_test_not_ok "the pack has 2 + 15 pages ($pages)"
sizes=$(pdfinfo -f 1 -l 17 "$tmp/pack.pdf" | awk '/^Page +[0-9]+ size:/ { printf "%.0fx%.0f\n", $4, $6 }' | sort -u)
[ "$sizes" = "842x595" ] && d8_test_ok "every page is 842 × 595 pt" || d8_test_not_ok "every page is 842 × 595 pt ($sizes)"
pdftotext -layout "$tmp/pack.pdf" "$tmp/pack.txt"
for name in "Chư Pưh" "Đak Đoa" "Krông Pa" "Kông Chro" "Đức Cơ" "Ia Grai" \
            "tổ truyền thông cộng đồng" "CLB thủ lĩnh của sự thay đổi" "1653/KH-UBND" "Page 1/17" "Page 17/17"; do
  grep -qF "$name" "$tmp/pack.txt" && d8_test_ok "the pack's text has “$name”" || d8_test_not_ok "the pack's text has “$name”"
done
# the unit page of Chư Pưh (page 3) holds its figures: quota 4, achieved 3
pdftotext -f 3 -l 3 -layout "$tmp/pack.pdf" - | grep -E "truyền thông cộng đồng +4 +3 +1 +75.0%" >/dev/null \
  && d8_test_ok "page 3 has Chư Pưh's figures for indicator 1 (4, 3, 1, 75.0%)" \
  || d8_test_not_ok "page 3 has Chư Pưh's figures for indicator 1"
pdftotext -f 2 -l 2 "$tmp/pack.pdf" - | grep -qF "126*" && d8_test_ok "the matrix page marks the 128/126 difference" \
  || d8_test_not_ok "the matrix page marks the 128/126 difference"

LANGUAGE=vi LANG=vi_VN.UTF-8 d8 print-pack --as-of 2023-06-30 --out "$tmp/pack-vi.pdf" >/dev/null
pdftotext "$tmp/pack-vi.pdf" "$tmp/pack-vi.txt"
grep -qF "Trang 1/17" "$tmp/pack-vi.txt" && d8_test_ok "Vietnamese footer “Trang 1/17”" || d8_test_not_ok "Vietnamese footer “Trang 1/17”"
grep -qF "30/06/2023" "$tmp/pack-vi.txt" && d8_test_ok "Vietnamese date 30/06/2023" || d8_test_not_ok "Vietnamese date 30/06/2023"
if grep -qE "Page [0-9]|as of|Quota|Achieved|Remaining" "$tmp/pack-vi.txt"; then
  d8_test_not_ok "no English words in the Vietnamese pack"; grep -nE "Page [0-9]|as of|Quota|Achieved|Remaining" "$tmp/pack-vi.txt" | head -5 | sed 's/^/# /'
else d8_test_ok "no English words in the Vietnamese pack"; fi
rm -f "$out_dir"/pack-vi-*.png
pdftoppm -r 60 -png "$tmp/pack-vi.pdf" "$out_dir/pack-vi"
pdftoppm -r 60 -gray -png -f 3 -l 3 "$tmp/pack-vi.pdf" "$out_dir/pack-vi-grey"

# ----------------------------------------------------------- render
expect "render a unit chart to PNG at 150 dpi" 0 render --chart unit --unit "chu puh" --dpi 150 --out "$tmp/unit.png"
dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$tmp/unit.png")
case "$dims" in 1754x124[01]) true ;; *) false ;; esac && d8_test_ok "A4 landscape at 150 dpi is 1754 × 1240 px" || d8_test_not_ok "PNG size ($dims)"
expect "render the matrix to SVG at 800 × 500 pt" 0 render --chart matrix --width 800 --height 500 --out "$tmp/m.svg"
head -c 400 "$tmp/m.svg" | grep -q 'width="800' && d8_test_ok "the SVG is 800 pt wide" || d8_test_not_ok "the SVG is 800 pt wide"
expect "render an indicator chart to PDF" 0 render --chart indicator --indicator 1 --out "$tmp/i.pdf"
pdfinfo "$tmp/i.pdf" | grep -q "Pages: *1" && d8_test_ok "one page" || d8_test_not_ok "one page"
expect "render the province timeline" 0 render --chart timeline --as-of 2023-12-31 --out "$tmp/t.png"
expect "render a unit's timeline of one indicator" 0 render --chart timeline --unit "Krông Pa" --indicator 5 --out "$tmp/t2.pdf"

expect "unknown chart kind is refused" 1 render --chart pie --out "$tmp/x.png"
grep -q "pie" "$tmp/err" && d8_test_ok "the message names the kind" || d8_test_not_ok "the message names the kind"
expect "a unit chart without --unit is refused" 1 render --chart unit --out "$tmp/x.png"
expect "an unknown extension is refused" 1 render --chart matrix --out "$tmp/x.jpg"
expect "a width without height is refused" 1 render --chart matrix --width 100 --out "$tmp/x.png"
expect "a zero DPI is refused" 1 render --chart matrix --dpi 0 --out "$tmp/x.png"
expect "a folder that does not exist is refused" 1 render --chart matrix --out "$tmp/nope/x.png"
expect "print-pack needs a .pdf" 1 print-pack --out "$tmp/pack.png"
[ ! -e "$tmp/x.png" ] && d8_test_ok "nothing written on refusal" || d8_test_not_ok "nothing written on refusal"

d8_test_done
