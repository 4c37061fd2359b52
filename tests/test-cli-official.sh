#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-official.sh — duan8-cli report (issue 16): the province's report
# to the People's Committee for 2023-h1, in Vietnamese, as PDF (read by
# pdftotext: national title, motto, number, every unit, the totals; pages
# turned into PNGs to look at), DOCX (read by pandoc: text and table cells)
# and XLSX (read with python3's zipfile: sheet names, cells, A4 landscape,
# frozen header); CSV --excel bytes (BOM, CRLF) against plain CSV; bad
# arguments refused. A reader that is missing fails the test: the readers
# are in .ci/packages.txt (poppler-utils, pandoc, python3).
# PNGs of the pages go to $D8_SHOTS_DIR, else <build>/official/.
# Usage: sh tests/test-cli-official.sh PATH-TO-duan8-cli
set -eu
. "$(dirname "$0")/d8-test.sh"

cli="$1"
d8_test_sandbox
for program in pdfinfo pdftotext pdftoppm pandoc python3; do
  if ! d8_test_need "$program"; then
    echo "Bail out! $program is needed to read what report writes"
    exit 1
  fi
done
export LANGUAGE=vi LANG=C.UTF-8
db="$tmp/duan8.sqlite3"
shots="${D8_SHOTS_DIR:-${D8_BUILD_ROOT:-$tmp}/official}"
mkdir -p "$shots"
d8 () { "$cli" --db "$db" "$@"; }
expect () { # expect DESCRIPTION STATUS ARGS...
  desc="$1"; want="$2"; shift 2
  set +e; d8 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -eq "$want" ]; then d8_test_ok "$desc"; else d8_test_not_ok "$desc (exit $got)"; sed 's/^/# /' "$tmp/err"; fi
}
has () { # has DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then d8_test_ok "$1"; else d8_test_not_ok "$1"; fi
}

# --------------------------------------------- the 10 June cycle, by CLI
# Three unit offices: Chư Pưh on time with a narrative (approved), Chư Sê
# late, Đak Đoa on time but returned; the twelve others send nothing.
at () { office="$1"; now="$2"; shift 2; DUAN8_NOW="$now" "$cli" --db "$tmp/$office.sqlite3" "$@"; }
at u1 2023-06-01T00:00:00Z office --set "Chư Pưh" >/dev/null
at u2 2023-06-01T00:00:00Z office --set "Chư Sê" >/dev/null
at u3 2023-06-01T00:00:00Z office --set "Đak Đoa" >/dev/null
at u1 2023-06-01T00:00:00Z record --unit "Chư Pưh" --indicator 1 --date 2023-03-04 --amount 4 >/dev/null
at u1 2023-06-01T00:00:00Z record --unit "Chư Pưh" --indicator 4 --date 2023-04-04 --amount 1 >/dev/null
at u1 2023-06-01T00:00:00Z record --unit "Chư Pưh" --indicator 1 --date 2023-07-02 --amount 5 >/dev/null # after the cut-off
at u2 2023-06-01T00:00:00Z record --unit "Chư Sê" --indicator 1 --date 2023-03-14 --amount 2 >/dev/null
at u3 2023-06-01T00:00:00Z record --unit "Đak Đoa" --indicator 5 --date 2023-05-14 --amount 3 >/dev/null
printf '%s\n' "# Kết quả" "Thành lập 4 tổ truyền thông cộng đồng tại 4 xã." "# Khó khăn" \
  "Địa bàn rộng, mùa mưa đi lại khó khăn." "# Đề xuất" "Đề nghị tỉnh hỗ trợ tài liệu tiếng Jrai." \
  "# Lý do 5" "Trường học chưa bố trí được thời gian thành lập CLB." >"$tmp/n1.txt"
printf '%s\n' "# Khó khăn" "Kinh phí cấp chậm." >"$tmp/n2.txt"
printf '%s\n' "# Đề xuất" "Đề xuất của báo cáo bị trả lại." >"$tmp/n3.txt"
send () { # send OFFICE SUBMITTED RECEIVED NARRATIVE
  at "$1" "$2" submit-report --period 2023-h1 --narrative "$4" >/dev/null
  at "$1" "$2" export-bundle --out "$tmp/$1.duan8.json" >/dev/null
  DUAN8_NOW="$3" d8 import-bundle "$tmp/$1.duan8.json" --trust-new-office >/dev/null
}
send u1 2023-06-09T02:00:00Z 2023-06-09T09:00:00Z "$tmp/n1.txt"
send u2 2023-06-12T02:00:00Z 2023-06-12T09:00:00Z "$tmp/n2.txt"
send u3 2023-06-08T02:00:00Z 2023-06-08T09:00:00Z "$tmp/n3.txt"
DUAN8_NOW=2023-06-12T10:00:00Z d8 return --unit "Đak Đoa" --period 2023-h1 --reason "Số liệu chỉ tiêu 5 chưa khớp" >/dev/null
DUAN8_NOW=2023-06-12T10:00:00Z d8 approve --unit "Chư Pưh" --period 2023-h1 >/dev/null
export DUAN8_NOW=2023-06-14T03:00:00Z
# The signer, set under English: the other settings keep following their
# (Vietnamese) defaults, nothing English is frozen into the database.
LANGUAGE=en d8 report-settings --signer-name "Nguyễn Thị Hoà" >/dev/null
expect "report-settings shows the settings as JSON" 0 report-settings --format json
has "… with the signer's name" "$tmp/out" '"signer_name" : "Nguyễn Thị Hoà"'
has "… and the issuing body's default in Vietnamese" "$tmp/out" '"issuing_body" : "HỘI LHPN TỈNH GIA LAI"'

# ------------------------------------------------------------------ PDF
expect "report writes a PDF" 0 report --period 2023-h1 --out "$tmp/report.pdf"
has "it says how many pages, in Vietnamese" "$tmp/out" "trang"
pdfinfo "$tmp/report.pdf" >"$tmp/info"
has "the first page is A4 portrait" "$tmp/info" "595.28 x 841.89 pts (A4)"
pages=$(awk '/^Pages:/ { print $2 }' "$tmp/info")
last=$(pdfinfo -f "$pages" -l "$pages" "$tmp/report.pdf" | awk '/^Page +[0-9]+ size:/ { printf "%.0fx%.0f", $4, $6 }')
[ "$last" = "842x595" ] && d8_test_ok "the appendix is A4 landscape" || d8_test_not_ok "the appendix is A4 landscape ($last)"
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "HỘI LHPN TỈNH GIA LAI" \
            "Số:" "/BC-HPN" "BÁO CÁO" "1653/KH-UBND" "I. KẾT QUẢ THỰC HIỆN" "Nội dung 1" "Nội dung 4" \
            "II. CÁC ĐƠN VỊ CHẬM TIẾN ĐỘ" "III. KHÓ KHĂN" "IV. ĐỀ XUẤT" "Nơi nhận:" "TM. BAN THƯỜNG VỤ" \
            "CHỦ TỊCH" "Nguyễn Thị Hoà" "đạt 6/128 tổ" "còn 2 chưa phân bổ" "Gia Lai, ngày 14 tháng 6 năm 2023" \
            "đã nhận báo cáo của 3/15 đơn vị" "Chưa nhận được báo cáo của: Chư Păh" \
            "- Chư Pưh: Thành lập 4 tổ truyền thông" "Lý do đơn vị nêu (chỉ tiêu 5): Trường học" \
            "- Chư Pưh: Địa bàn rộng" "- Chư Sê: Kinh phí cấp chậm." "- Chư Pưh: Đề nghị tỉnh hỗ trợ" \
            "Chư Pưh" "Chư Sê" "Đak Đoa" "Chư Păh" "Mang Yang" "Đức Cơ" "Phú Thiện" "Krông Pa" "Ia Pa" \
            "Đak Pơ" "Kông Chro" "An Khê" "Kbang" "Chư Prông" "Ia Grai" "Cộng các đơn vị"; do
  has "the PDF reads “$text”" "$tmp/report.txt" "$text"
done
if grep -E "Cộng các đơn vị +126 +6 " "$tmp/report.txt" >/dev/null; then
  d8_test_ok "the units' sum row: 126 allocated, 6 achieved by the cut-off"
else d8_test_not_ok "the units' sum row: 126 allocated, 6 achieved by the cut-off"; fi
if grep -E "(Chỉ tiêu năm 2023|^ +2023) +128 +6 " "$tmp/report.txt" >/dev/null; then
  d8_test_ok "the stated total row: 128 as the plan writes it"
else d8_test_not_ok "the stated total row: 128 as the plan writes it"; fi
if grep -q "bị trả lại" "$tmp/report.txt"; then
  d8_test_not_ok "a returned report's narrative is not compiled"
else d8_test_ok "a returned report's narrative is not compiled"; fi
if grep -qi "report\|results\|province" "$tmp/report.txt"; then
  d8_test_not_ok "no English in the Vietnamese report"; grep -i "report\|results\|province" "$tmp/report.txt" | sed 's/^/# /'
else d8_test_ok "no English in the Vietnamese report"; fi
rm -f "$shots"/report-*.png
pdftoppm -png -r 60 "$tmp/report.pdf" "$shots/report"
n_png=$(ls "$shots"/report-*.png | wc -l)
[ "$n_png" -eq "$pages" ] && d8_test_ok "every page as a PNG in $shots" || d8_test_not_ok "every page as a PNG ($n_png of $pages)"

# ----------------------------------------------------------------- DOCX
expect "report writes a DOCX" 0 report --period 2023-h1 --out "$tmp/report.docx"
pandoc -f docx -t plain --wrap=none "$tmp/report.docx" >"$tmp/docx.txt"
for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "Số:" "BÁO CÁO" \
            "Nơi nhận:" "- Lưu: VT." "đạt 6/128 tổ"; do
  has "the DOCX reads “$text”" "$tmp/docx.txt" "$text"
done
pandoc -f docx -t html "$tmp/report.docx" >"$tmp/docx.html"
for cell in "Chư Pưh" "Ia Grai" "Cộng các đơn vị" "Chỉ tiêu năm 2023" "126" "128" "Giao" "Đạt"; do
  has "the DOCX table has a cell “$cell”" "$tmp/docx.html" ">$cell<"
done

# ----------------------------------------------------------------- XLSX
expect "report writes an XLSX" 0 report --period 2023-h1 --out "$tmp/report.xlsx"
if python3 - "$tmp/report.xlsx" >"$tmp/xlsx.out" 2>&1 <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read('xl/workbook.xml').decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
assert names == ['Toàn tỉnh', 'Theo chỉ tiêu', 'Tình hình báo cáo'], names
assert '_xlnm.Print_Titles' in wb, 'no repeated header rows'
strings = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode())
for s in ['Chư Pưh', 'Ia Grai', 'Cộng các đơn vị', 'Chỉ tiêu năm 2023', 'Giao', 'Đạt']:
    assert s in strings, s
for i in (1, 2, 3):
    sheet = z.read('xl/worksheets/sheet%d.xml' % i).decode()
    assert 'paperSize="9"' in sheet and 'orientation="landscape"' in sheet, 'sheet %d page set-up' % i
    assert 'state="frozen"' in sheet, 'sheet %d frozen' % i
sheet1 = z.read('xl/worksheets/sheet1.xml').decode()
# the row of the units' sum: 126 allocated in column C, 6 achieved in column D
row = re.search(r'<row r="(\d+)"[^>]*>(?:(?!</row>).)*<c r="B\1"[^>]*t="s"[^>]*><v>%d</v></c>(.*?)</row>'
                % strings.index('Cộng các đơn vị'), sheet1, re.S)
assert row, 'no sum row'
assert re.search(r'<c r="C%s"[^>]*><v>126</v>' % row.group(1), row.group(0)), 'sum 126'
assert re.search(r'<c r="D%s"[^>]*><v>6</v>' % row.group(1), row.group(0)), 'achieved 6'
print('ok')
EOF
then d8_test_ok "the XLSX: sheet names, cells, A4 landscape, frozen and repeated header"
else d8_test_not_ok "the XLSX: sheet names, cells, A4 landscape, frozen and repeated header"; sed 's/^/# /' "$tmp/xlsx.out"; fi

# ------------------------------------------------------ refusals, --force
expect "an existing file is not replaced unasked" 1 report --period 2023-h1 --out "$tmp/report.pdf"
expect "--force replaces it" 0 report --period 2023-h1 --out "$tmp/report.pdf" --force
expect "an unknown period is refused" 1 report --period 2023-h3 --out "$tmp/x.pdf"
has "… naming the periods there are" "$tmp/err" "2023-h1"
expect "another file kind is refused" 1 report --period 2023-h1 --out "$tmp/x.odt"
expect "--period is required" 1 report --out "$tmp/x.pdf"
set +e; at u1 2023-06-20T00:00:00Z report --period 2023-h1 --out "$tmp/x.pdf" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
[ "$got" -eq 1 ] && d8_test_ok "a unit office does not make the province's report" || d8_test_not_ok "a unit office does not make the province's report (exit $got)"
has "… saying the province makes it, naming the office" "$tmp/err" "do tỉnh lập; cơ sở dữ liệu này là của văn phòng Chư Pưh"
[ ! -e "$tmp/x.pdf" ] && [ ! -e "$tmp/x.odt" ] && d8_test_ok "nothing written on refusal" || d8_test_not_ok "nothing written on refusal"

# ---------------------------------------------------------- CSV --excel
"$cli" --db "$db" --format csv progress --as-of 2023-06-10 >"$tmp/plain.csv"
"$cli" --db "$db" --format csv --excel progress --as-of 2023-06-10 >"$tmp/excel.csv"
if [ "$(head -c 3 "$tmp/excel.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]; then
  d8_test_ok "--excel starts with the UTF-8 byte-order mark"
else d8_test_not_ok "--excel starts with the UTF-8 byte-order mark"; fi
lines=$(wc -l <"$tmp/excel.csv"); crlf=$(grep -c "$(printf '\r')\$" "$tmp/excel.csv" || true)
[ "$lines" -gt 10 ] && [ "$lines" -eq "$crlf" ] && d8_test_ok "--excel ends every line in CRLF" \
  || d8_test_not_ok "--excel ends every line in CRLF ($crlf of $lines)"
if tail -c +4 "$tmp/excel.csv" | tr -d '\r' | cmp -s - "$tmp/plain.csv"; then
  d8_test_ok "--excel holds the same cells as plain CSV"
else d8_test_not_ok "--excel holds the same cells as plain CSV"; fi
if [ "$(head -c 3 "$tmp/plain.csv")" != "$(printf '\357\273\277')" ] && ! grep -q "$(printf '\r')" "$tmp/plain.csv"; then
  d8_test_ok "plain CSV stays as it was: no byte-order mark, LF"
else d8_test_not_ok "plain CSV stays as it was: no byte-order mark, LF"; fi
expect "--excel without --format csv is refused" 1 --excel units

d8_test_done
