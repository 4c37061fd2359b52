#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-tables.py — writes the plan tables the tests import (issue 12), from
# the 2023 plan file, so every fixture says the same quotas:
#
#   appendix-2023-excel.csv   as Vietnamese Excel saves "CSV UTF-8": BOM, CRLF,
#                             ";", a title row, a header of two rows (content
#                             groups over indicator names), the totals row
#   appendix-2023-cp1258.csv  the same saved as "CSV" (code page 1258, tone
#                             marks as combining characters)
#   appendix-2023.tsv         tab-separated, LF, as pasted from LibreOffice
#   appendix-2023-reordered.csv  rows in another order, "," and quoted headers
#   appendix-2023.xlsx        a workbook (shared strings, numbers, a merged title)
#   plan-2026-135.duan8-plan.json  a 135-commune plan (110 xã, 25 phường) of
#                             the new Gia Lai, communes under the province
#   appendix-2026-135.csv     its appendix with group-title rows per area
#   plan-2023-revised.duan8-plan.json  the 2023 plan revised by a later decision
#   bad-*.csv|tsv|xlsx|json   tables and files that must be refused
#
# Run from anywhere: python3 tests/data/plans/make-tables.py
import io
import json
import os
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
PLAN = json.load(open(os.path.join(ROOT, 'data', 'plans', 'gia-lai-2023-1653.json'),
                      encoding='utf-8'))
GROUP_TITLES = {g['number']: 'Nội dung %d' % g['number'] for g in PLAN['groups']}
INDICATORS = {i['code']: i for i in PLAN['indicators']}
UNITS = {u['code']: u for u in PLAN['units']}
COLUMNS = PLAN['appendix']['columns']
ROWS = PLAN['appendix']['rows']
TOTAL = PLAN['appendix']['total_row']


def cell(v):
    return str(v)


def grid_2023(rows=ROWS, two_row_header=True, title=True):
    out = []
    if title:
        out.append([PLAN['appendix']['title']])
    if two_row_header:
        upper, last = ['TT', 'Đơn vị'], None
        for c in COLUMNS:
            g = GROUP_TITLES[INDICATORS[c]['group']]
            upper.append(g if g != last else '')
            last = g
        out.append(upper)
        out.append(['', ''] + [INDICATORS[c]['name_vi'] for c in COLUMNS])
    else:
        out.append(['TT', 'Đơn vị'] + [INDICATORS[c]['name_vi'] for c in COLUMNS])
    for r in rows:
        out.append([str(r['tt']), UNITS[r['unit']]['name']] + [cell(v) for v in r['cells']])
    out.append(['', TOTAL['label']] + [cell(v) for v in TOTAL['cells']])
    return out


def csv_text(grid, sep, eol):
    def quote(s):
        if any(ch in s for ch in (sep, '"', '\n', '\r')):
            return '"' + s.replace('"', '""') + '"'
        return s
    width = max(len(r) for r in grid)
    return eol.join(sep.join(quote(c) for c in (r + [''] * (width - len(r)))) for r in grid) + eol


def cp1258(text):
    """Encodes as Windows code page 1258: precomposed where the code page has
    the letter (ư, ơ, ă, â, ê, ô, đ), tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize('NFC', text):
        try:
            out += ch.encode('cp1258')
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize('NFD', ch)
        base, marks = d[0], list(d[1:])
        # The letter with one of its marks (ê, ơ, ư …) when the code page has
        # it, the other marks combining.
        for m in marks:
            try:
                out += unicodedata.normalize('NFC', base + m).encode('cp1258')
                rest = marks[:]
                rest.remove(m)
                out += ''.join(rest).encode('cp1258')
                break
            except UnicodeEncodeError:
                continue
        else:
            out += d.encode('cp1258')
    return bytes(out)


def write(name, data):
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(os.path.join(HERE, name), mode, **({} if mode == 'wb' else
                                                  {'encoding': 'utf-8', 'newline': ''})) as f:
        f.write(data)


def col_name(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(grid, merge_title=True, sheet_name='Phụ lục', extra=None, broken_sheet=False,
         no_workbook=False):
    """A minimal workbook as Excel writes one: shared strings for text,
    numbers as numbers, the title merged across the table."""
    strings, index = [], {}
    rows_xml = []
    for r, row in enumerate(grid):
        cells = []
        for c, v in enumerate(row):
            if v == '':
                continue
            ref = '%s%d' % (col_name(c), r + 1)
            if v.isdigit():
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
        rows_xml.append('<row r="%d">%s</row>' % (r + 1, ''.join(cells)))
    width = max(len(r) for r in grid)
    merge = ('<mergeCells count="1"><mergeCell ref="A1:%s1"/></mergeCells>' % col_name(width - 1)
             if merge_title else '')
    def esc(s):
        return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>%s</sheetData>%s</worksheet>' % (''.join(rows_xml), merge))
    if broken_sheet:
        sheet = sheet.replace('</sheetData>', '')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
           'uniqueCount="%d">%s</sst>' % (len(strings), len(strings),
                                         ''.join('<si><t>%s</t></si>' % esc(s) for s in strings)))
    sheets = [(sheet_name, sheet)] + (extra or [])
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets>%s</sheets></workbook>' % ''.join(
                    '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (esc(n), i + 1, i + 1)
                    for i, (n, _) in enumerate(sheets)))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '%s<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' %
            ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>'
                    % (i + 1, i + 1) for i in range(len(sheets))))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="xml" ContentType="application/xml"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        # Fixed dates, so the fixture is the same each time it is made.
        def put(name, text):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        put('[Content_Types].xml', content_types)
        if not no_workbook:
            put('xl/workbook.xml', workbook)
        put('xl/_rels/workbook.xml.rels', rels)
        put('xl/sharedStrings.xml', sst)
        for i, (_, text) in enumerate(sheets):
            put('xl/worksheets/sheet%d.xml' % (i + 1), text)
    return buf.getvalue()


# ------------------------------------------------------------ the 2023 plan
excel = csv_text(grid_2023(), ';', '\r\n')
write('appendix-2023-excel.csv', '\ufeff' + excel)
write('appendix-2023-cp1258.csv', cp1258(excel))
write('appendix-2023.tsv', csv_text(grid_2023(two_row_header=False, title=False), '\t', '\n'))
reordered = sorted(ROWS, key=lambda r: unicodedata.normalize('NFD', UNITS[r['unit']]['name']))
write('appendix-2023-reordered.csv', csv_text(grid_2023(reordered, two_row_header=False), ',', '\n'))
# A second sheet of notes, so that --sheet is needed to read it.
NOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>'
         '</sheetData></worksheet>')
write('appendix-2023.xlsx', xlsx(grid_2023(two_row_header=False), extra=[('Ghi chú', NOTES)]))

# A revision: decision 2001/QĐ-UBND changes two quotas and one total.
revised = json.loads(json.dumps(PLAN))
revised['plan']['document_number'] = '2001/QĐ-UBND'
revised['plan']['issued_on'] = '2023-09-15'
revised['appendix']['rows'][0]['cells'][0] = 6        # Chư Pưh, column 1: 4 → 6
revised['appendix']['rows'][14]['cells'][6] = 1       # Ia Grai, column 7: blank → 1
revised['appendix']['total_row']['cells'][6] = 21     # column 7 total: 20 → 21
write('plan-2023-revised.duan8-plan.json', json.dumps(revised, ensure_ascii=False, indent=2) + '\n')

# --------------------------------------------- 135 communes of the new Gia Lai
ONSETS = ['Ia', 'Chư', 'Đak', 'Kon', 'Krông', 'Phú', 'Tân', 'An', 'Hòa', 'Nhơn', 'Bình', 'Tây',
          'Đức', 'Mỹ', 'Hoài', 'Vĩnh', 'Cát', 'Phước', 'Quy', 'Ân']
RIMES = ['Hrú', 'Sê', 'Pơ', 'Thành', 'Lợi', 'Phong', 'Hưng', 'Sơn', 'Đông', 'Tây', 'Nam', 'Bắc',
         'Mỹ', 'Khánh', 'Lộc', 'Hải', 'Tường', 'Quang', 'Thạnh', 'Hội']
def fold(text):
    d = unicodedata.normalize('NFD', text.lower()).replace('đ', 'd')
    return ''.join(c for c in d if not unicodedata.combining(c))


names = []
for i in range(135):
    n = '%s %s' % (ONSETS[i % len(ONSETS)], RIMES[(i * 7 + i // len(ONSETS)) % len(RIMES)])
    while any(fold(n) == fold(m) for m in names):
        n += ' ' + RIMES[i % len(RIMES)]
    names.append(n)
areas = ['Khu vực phía Tây', 'Khu vực phía Đông']
units = [{'code': 'gia-lai-2025', 'name': 'Gia Lai', 'kind': 'tỉnh', 'level': 'province',
          'valid_from': '2025-07-01'}]
rows = []
for i, n in enumerate(names):
    kind = 'phường' if i >= 110 else 'xã'
    code = 'gia-lai-2025/%03d' % (i + 1)
    units.append({'code': code, 'name': n, 'kind': kind, 'level': 'commune',
                  'parent': 'gia-lai-2025', 'valid_from': '2025-07-01'})
    rows.append({'tt': i + 1, 'unit': code,
                 'cells': [(i * 3) % 4, '-' if i % 5 == 0 else (i % 3), 0 if i % 7 == 0 else 1]})
assert sum(1 for u in units if u.get('kind') == 'phường') == 25
totals = [sum(r['cells'][c] for r in rows if r['cells'][c] != '-') for c in range(3)]
plan135 = {
    'format': 'duan8-plan', 'format_version': 1,
    'plan': {'code': 'gia-lai-2026-dan8', 'title': 'Kế hoạch thực hiện Dự án 8 năm 2026',
             'document_number': '45/KH-UBND', 'issuer': 'UBND tỉnh Gia Lai',
             'issued_on': '2026-02-10', 'year': 2026, 'period_start': '2026-01-01',
             'period_end': '2026-12-31'},
    'units': units,
    'groups': [{'number': 1, 'title': 'Truyền thông'}, {'number': 2, 'title': 'Năng lực'}],
    'indicators': [
        {'code': '1', 'name_vi': 'Tổ truyền thông cộng đồng', 'count_unit': 'tổ', 'kind': 'count',
         'group': 1},
        {'code': '2', 'name_vi': 'Đối thoại chính sách', 'count_unit': 'cuộc', 'kind': 'count',
         'group': 1},
        {'code': '3', 'name_vi': 'Tập huấn cán bộ xã, thôn', 'count_unit': 'cuộc',
         'kind': 'count', 'group': 2}],
    'appendix': {'title': 'Phụ lục phân bổ chỉ tiêu năm 2026', 'columns': ['1', '2', '3'],
                 'rows': rows, 'total_row': {'label': 'Chỉ tiêu năm 2026', 'cells': totals}},
}
write('plan-2026-135.duan8-plan.json', json.dumps(plan135, ensure_ascii=False, indent=2) + '\n')
# Its appendix as a table with a group-title row per area and TT restarting.
grid = [['PHỤ LỤC PHÂN BỔ CHỈ TIÊU NĂM 2026'],
        ['STT', 'Xã, phường'] + [i['name_vi'] for i in plan135['indicators']]]
for a, area in enumerate(areas):
    grid.append(['I' if a == 0 else 'II', area, '', '', ''])
    part = rows[:70] if a == 0 else rows[70:]
    for k, r in enumerate(part):
        grid.append([str(k + 1), names[r['tt'] - 1]] + [str(v) for v in r['cells']])
grid.append(['', 'Tổng cộng'] + [str(t) for t in totals])
write('appendix-2026-135.csv', '\ufeff' + csv_text(grid, ';', '\r\n'))

# ------------------------------------------------------------------ refusals
base = grid_2023(two_row_header=False, title=False)


def with_cell(r, c, v, g=None):
    g = [row[:] for row in (g or base)]
    g[r][c] = v
    return g


write('bad-cell-text.csv', csv_text(with_cell(3, 4, 'ba'), ';', '\r\n'))
write('bad-cell-negative.csv', csv_text(with_cell(3, 4, '-3'), ';', '\r\n'))
write('bad-cell-fraction.csv', csv_text(with_cell(5, 2, '2.5'), ';', '\r\n'))
write('bad-cell-huge.csv', csv_text(with_cell(5, 2, '99999999999'), ';', '\r\n'))
write('bad-fold-equal.csv', csv_text(with_cell(2, 1, 'Thuỷ An', with_cell(1, 1, 'Thủy An')), ';',
                                     '\r\n'))
write('bad-soft-hyphen.csv', csv_text(with_cell(1, 1, 'Chư\u00adPưh'), ';', '\r\n'))
write('bad-zero-width.tsv', csv_text(with_cell(4, 1, 'Chư\u200bPăh'), '\t', '\n'))
write('bad-two-totals.csv', csv_text(base + [['', 'Tổng cộng'] + ['1'] * 9], ';', '\r\n'))
write('bad-quota-no-name.csv', csv_text(with_cell(6, 1, ''), ';', '\r\n'))
write('bad-column-no-header.csv', csv_text(with_cell(0, 10, '', [r + ['1'] for r in base]), ';',
                                           '\r\n'))
write('bad-unclosed-quote.csv', csv_text(base, ';', '\r\n').replace('Chư Sê', '"Chư Sê', 1))
write('bad-no-header.csv', 'Chư Pưh\r\nChư Sê\r\n')
write('bad-empty.csv', '')
write('bad-nul-bytes.csv', b'TT;\x00\x00;1\r\n')
write('bad-bom-not-utf8.csv', b'\xef\xbb\xbfTT;\xc4\xfe;1\r\n1;Ch\xff;3\r\n')
write('bad-no-rows.csv', csv_text(base[:1], ';', '\r\n'))
write('bad-not-a-workbook.xlsx', 'TT;Đơn vị\r\n')
write('bad-truncated.xlsx', xlsx(base)[:300])
write('bad-no-workbook.xlsx', xlsx(base, no_workbook=True))
write('bad-broken-sheet.xlsx', xlsx(base, broken_sheet=True))
fold = json.loads(json.dumps(PLAN))
fold['units'][2]['name'] = 'Thuỷ An'
fold['units'][3]['name'] = 'Thủy An'
write('bad-fold-equal-units.json', json.dumps(fold, ensure_ascii=False, indent=2) + '\n')
invisible = json.loads(json.dumps(PLAN))
invisible['units'][5]['name'] = 'Mang\u200bYang'
write('bad-invisible-unit.json', json.dumps(invisible, ensure_ascii=False, indent=2) + '\n')
# Revisions that would detach entries or change the columns.
drop = json.loads(json.dumps(revised))
del drop['appendix']['rows'][3]
write('bad-revision-drops-unit.json', json.dumps(drop, ensure_ascii=False, indent=2) + '\n')
fewer = json.loads(json.dumps(revised))
fewer['appendix']['columns'] = fewer['appendix']['columns'][:8]
for r in fewer['appendix']['rows']:
    r['cells'] = r['cells'][:8]
fewer['appendix']['total_row']['cells'] = fewer['appendix']['total_row']['cells'][:8]
write('bad-revision-drops-column.json', json.dumps(fewer, ensure_ascii=False, indent=2) + '\n')
# Ambiguity: two units whose names fold equal under different parents (allowed
# in a plan), so that --unit "Thủy An" must list both.
amb = {
    'format': 'duan8-plan', 'format_version': 1,
    'plan': {'code': 'thuy-an-2026', 'title': 'Kế hoạch thử', 'document_number': '7/KH-TEST',
             'year': 2026, 'period_start': '2026-01-01', 'period_end': '2026-12-31'},
    'units': [{'code': 'p', 'name': 'Tỉnh thử', 'level': 'province'},
              {'code': 'd1', 'name': 'Huyện Một', 'level': 'district', 'parent': 'p'},
              {'code': 'd2', 'name': 'Huyện Hai', 'level': 'district', 'parent': 'p'},
              {'code': 'd1/thuy-an', 'name': 'Thuỷ An', 'level': 'commune', 'parent': 'd1'},
              {'code': 'd2/thuy-an', 'name': 'Thủy An', 'level': 'commune', 'parent': 'd2'}],
    'groups': [{'number': 1, 'title': 'Nhóm'}],
    'indicators': [{'code': '1', 'name_vi': 'Tổ truyền thông', 'count_unit': 'tổ',
                    'kind': 'count', 'group': 1}],
    'appendix': {'columns': ['1'], 'rows': [{'tt': 1, 'unit': 'd1/thuy-an', 'cells': [2]},
                                            {'tt': 2, 'unit': 'd2/thuy-an', 'cells': [3]}]},
}
write('plan-thuy-an.duan8-plan.json', json.dumps(amb, ensure_ascii=False, indent=2) + '\n')
