#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen-plan.py — synthetic plan files of the shape the 2025 reform gives.

    gen-plan.py 135 OUT.json    a province's plan over 135 communes
                                (110 xã, 25 phường) under 17 former districts
    gen-plan.py 3300 OUT.json   a national plan over 3,300 communes under
                                34 provinces

The indicators, content groups and targets are those of the embedded 2023
plan (data/plans/gia-lai-2023-1653.json); names, quotas and the totals row
are made up from a fixed seed, so every run writes the same file. The file
follows docs/plan-format.md and is loaded with `duan8-bench-seed` (which
calls d8_store_import_plan) or the app's own plan import.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "data", "plans", "gia-lai-2023-1653.json")

FIRST = ["Ia", "Chư", "Đak", "Kon", "Krông", "An", "Phú", "Hòa", "Đức", "Tân", "Bình",
         "Sơn", "Kbang", "Mang", "Ayun", "Hưng", "Thạnh", "Long", "Vĩnh", "Cát"]
SECOND = ["Pưh", "Sê", "Rong", "Hiệp", "Lạc", "Thuận", "Bă", "Tơ", "Yên", "Phước", "Lợi",
          "Thành", "Mơ", "Đoa", "Pa", "Grai", "Dom", "Khê", "Trung", "Nhơn", "Hải", "Sơn",
          "Đông", "Tây", "Nam", "Bắc", "Mỹ", "Quang", "Tường", "Lâm"]
PROVINCES = ["Tuyên Quang", "Cao Bằng", "Lai Châu", "Lào Cai", "Thái Nguyên", "Điện Biên",
             "Lạng Sơn", "Sơn La", "Phú Thọ", "Bắc Ninh", "Quảng Ninh", "Hà Nội", "Hải Phòng",
             "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế",
             "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng",
             "Đồng Nai", "Tây Ninh", "TP Hồ Chí Minh", "Đồng Tháp", "Vĩnh Long", "An Giang",
             "Cần Thơ", "Cà Mau"]


def slug(text):
    import unicodedata
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "-".join(text.lower().split())


def names(rng, n, taken):
    out = []
    while len(out) < n:
        name = rng.choice(FIRST) + " " + rng.choice(SECOND)
        if name in taken:
            name = name + " " + rng.choice(SECOND).lower()
        if name in taken:
            continue
        taken.add(name)
        out.append(name)
    return out


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(n)
    base = json.load(open(BASE, encoding="utf-8"))
    national = n > 1000
    if national:
        parents = [("p/" + slug(p), p, "tỉnh", "province") for p in PROVINCES]
        root = None
    else:
        root = ("gia-lai-2025", "Gia Lai", "tỉnh", "province")
        taken = set()
        parents = [("gia-lai-2025/" + slug(d), d, "huyện (cũ)", "district")
                   for d in names(rng, 17, taken)]
    units = []
    if root:
        units.append({"code": root[0], "name": root[1], "kind": root[2], "level": root[3],
                      "valid_from": "2025-07-01"})
    for code, name, kind, level in parents:
        unit = {"code": code, "name": name, "kind": kind, "level": level}
        if root:
            unit["parent"] = root[0]
        units.append(unit)

    # Communes spread over the parents, 1 in 5 a phường (25 of 135).
    taken = set()
    columns = base["appendix"]["columns"]
    rows = []
    totals = [0] * len(columns)
    per_parent = [n // len(parents) + (1 if i < n % len(parents) else 0)
                  for i in range(len(parents))]
    tt = 0
    for (pcode, _pname, _k, _l), count in zip(parents, per_parent):
        for name in names(rng, count, taken):
            tt += 1
            ward = rng.random() < 0.21 if national else (tt * 25) % n < 25
            code = "%s/%s" % (pcode, slug(name))
            units.append({"code": code, "name": name, "kind": "phường" if ward else "xã",
                          "level": "commune", "parent": pcode, "valid_from": "2025-07-01"})
            cells = []
            for c in range(len(columns)):
                if rng.random() < 0.12:
                    cells.append("-")
                else:
                    q = rng.randint(1, 6)
                    totals[c] += q
                    cells.append(q)
            rows.append({"tt": tt, "unit": code, "cells": cells})
    # The plan states its own totals; one column differs, as the 2023 one does.
    totals[0] += 2

    where = "cả nước" if national else "tỉnh Gia Lai"
    plan = {
        "code": "synthetic-%d" % n,
        "title": "Kế hoạch thử nghiệm Dự án 8 năm 2026 (%d xã, phường, %s)" % (n, where),
        "document_number": "%d/KH-TN" % n,
        "issuer": "Số liệu tổng hợp thử",
        "issued_on": "2026-01-15",
        "year": 2026,
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
    }
    doc = {
        "format": "duan8-plan",
        "format_version": 1,
        "plan": plan,
        "units": units,
        "groups": base["groups"],
        "indicators": base["indicators"],
        "appendix": {
            "title": "Phân bổ chỉ tiêu năm 2026",
            "columns": columns,
            "rows": rows,
            "total_row": {"label": "Chỉ tiêu năm 2026", "cells": totals},
        },
        "targets": [dict(t, source="Mục II. Các chỉ tiêu cơ bản năm 2026")
                    for t in base.get("targets", [])],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
