#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-plan.py — writes a plan of the shape plans have after the 2025 reform,
# for benchmarks and for trying the import by hand:
#
#   --shape country   3,300 communes and wards under 34 provinces (the whole
#                     country's commune level), 9 indicators in 4 groups
#   --shape gia-lai   the 135 communes (110 xã, 25 phường) of the new Gia Lai
#
# as a plan file (--format json, docs/plan-format.md) or as the appendix
# table an analyst would have (--format csv: BOM, ";", CRLF, a totals row).
# The output depends only on the arguments.
#
# Usage: make-plan.py [--shape country|gia-lai] [--format json|csv] OUT
import argparse
import json
import random

ONSETS = ['Ia', 'Chư', 'Đak', 'Kon', 'Krông', 'Phú', 'Tân', 'An', 'Hòa', 'Nhơn', 'Bình', 'Tây',
          'Đức', 'Mỹ', 'Hoài', 'Vĩnh', 'Cát', 'Phước', 'Quy', 'Ân', 'Long', 'Thạnh', 'Hưng',
          'Quảng', 'Xuân', 'Thanh', 'Trung', 'Hải', 'Lạc', 'Gia']
RIMES = ['Hrú', 'Sê', 'Pơ', 'Thành', 'Lợi', 'Phong', 'Hưng', 'Sơn', 'Đông', 'Tây', 'Nam', 'Bắc',
         'Mỹ', 'Khánh', 'Lộc', 'Hải', 'Tường', 'Quang', 'Thạnh', 'Hội', 'Điền', 'Trạch', 'Yên',
         'Phú', 'Bình', 'Hòa', 'Thịnh', 'Vinh', 'Châu', 'Lâm']
THIRD = ['', ' Một', ' Hai', ' Ba', ' Bốn', ' Năm']
INDICATORS = [
    ('1', 'Thành lập và duy trì tổ truyền thông cộng đồng', 'tổ', 1),
    ('2', 'Tổ nhóm sinh kế do phụ nữ làm chủ ứng dụng công nghệ 4.0', 'tổ/nhóm', 2),
    ('3', 'Địa chỉ tin cậy cộng đồng', 'địa chỉ', 2),
    ('4', 'Đối thoại chính sách cấp xã và cụm thôn bản', 'cuộc', 3),
    ('5', 'CLB thủ lĩnh của sự thay đổi', 'CLB', 3),
    ('6', 'Nâng cao năng lực cho cán bộ nữ DTTS', 'cán bộ', 3),
    ('7', 'Tập huấn GS&ĐG về BĐG cho cán bộ xã, thôn', 'cuộc', 4),
    ('8', 'Tập huấn LGG (chương trình 2) cho cán bộ xã', 'cuộc', 4),
    ('9', 'Tập huấn LGG (chương trình 3) cho cán bộ thôn', 'cuộc', 4),
]


def names(n):
    """n distinct commune names; none two fold equal (diacritics, case)."""
    out = []
    for third in THIRD:
        for a in ONSETS:
            for b in RIMES:
                if a != b:
                    out.append(a + ' ' + b + third)
    import unicodedata
    seen, result = set(), []
    for name in out:
        key = ''.join(c for c in unicodedata.normalize('NFD', name.lower().replace('đ', 'd'))
                      if not unicodedata.combining(c))
        if key not in seen:
            seen.add(key)
            result.append(name)
        if len(result) == n:
            return result
    raise SystemExit('not enough names')


def build(shape):
    rnd = random.Random(2026)
    if shape == 'gia-lai':
        provinces = [('gia-lai-2025', 'Gia Lai', 135)]
        title = 'Kế hoạch thực hiện Dự án 8 năm 2026 (tỉnh Gia Lai)'
    else:
        provinces = [('tinh-%02d' % (i + 1), 'Tỉnh %02d' % (i + 1), 97 + (1 if i < 2 else 0))
                     for i in range(34)]
        title = 'Kế hoạch thực hiện Dự án 8 năm 2026 (toàn quốc)'
    total = sum(p[2] for p in provinces)
    pool = names(total)
    units, rows = [], []
    for code, name, n in provinces:
        units.append({'code': code, 'name': name, 'kind': 'tỉnh', 'level': 'province',
                      'valid_from': '2025-07-01'})
        for k in range(n):
            i = len(rows)
            ucode = '%s/%04d' % (code, k + 1)
            units.append({'code': ucode, 'name': pool[i],
                          'kind': 'phường' if k >= n * 110 // 135 else 'xã',
                          'level': 'commune', 'parent': code, 'valid_from': '2025-07-01'})
            cells = [rnd.choice(['-', '', 0, 1, 1, 2, 3]) if c % 3 == 1 else rnd.randint(0, 5)
                     for c in range(len(INDICATORS))]
            rows.append({'tt': i + 1, 'unit': ucode, 'cells': cells})
    totals = [sum(r['cells'][c] for r in rows if isinstance(r['cells'][c], int))
              for c in range(len(INDICATORS))]
    return {
        'format': 'duan8-plan', 'format_version': 1,
        'plan': {'code': 'bench-2026-%s' % shape, 'title': title,
                 'document_number': '99/KH-BENCH', 'issuer': 'Hội LHPN',
                 'issued_on': '2026-02-01', 'year': 2026, 'period_start': '2026-01-01',
                 'period_end': '2026-12-31'},
        'units': units,
        'groups': [{'number': g, 'title': 'Nội dung %d' % g} for g in range(1, 5)],
        'indicators': [{'code': c, 'name_vi': n, 'count_unit': u, 'kind': 'count', 'group': g}
                       for c, n, u, g in INDICATORS],
        'appendix': {'title': 'Phụ lục phân bổ chỉ tiêu năm 2026',
                     'columns': [c for c, _, _, _ in INDICATORS], 'rows': rows,
                     'total_row': {'label': 'Chỉ tiêu năm 2026', 'cells': totals}},
    }


def as_csv(plan):
    names_by_code = {u['code']: u['name'] for u in plan['units']}
    lines = [plan['appendix']['title'],
             ';'.join(['TT', 'Đơn vị'] + [i['name_vi'] for i in plan['indicators']])]
    for r in plan['appendix']['rows']:
        lines.append(';'.join([str(r['tt']), names_by_code[r['unit']]] + [str(c) for c in r['cells']]))
    lines.append(';'.join(['', plan['appendix']['total_row']['label']] +
                          [str(c) for c in plan['appendix']['total_row']['cells']]))
    return '\ufeff' + '\r\n'.join(lines) + '\r\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shape', choices=['country', 'gia-lai'], default='country')
    ap.add_argument('--format', choices=['json', 'csv'], default='json')
    ap.add_argument('out')
    args = ap.parse_args()
    plan = build(args.shape)
    with open(args.out, 'w', encoding='utf-8', newline='') as f:
        f.write(json.dumps(plan, ensure_ascii=False, indent=1) + '\n' if args.format == 'json'
                else as_csv(plan))


if __name__ == '__main__':
    main()
