#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bundle fixtures of tests/test-bundle.c (run from this folder).

Every bad-*.duan8.json must be refused as a whole with the database left
unchanged; policy-*.duan8.json and good-*.duan8.json are well-formed (valid
digest) and exercise per-record rejections and normalisation. The digest
follows docs/bundle-format.md: canonical JSON is json.dumps with sorted keys,
no spaces and ensure_ascii=False.

Signed fixtures (docs/security.md) are signed with the FIXTURE key below, made
from a published seed: it is a test key, never an office's. Its public half is
written to fixture-key.pub; tests/test-trust.c registers it as the key of the
offices the fixtures come from. attack-*.duan8.json are the forgeries of
issue 11, each refused by tests/test-trust.c with the database unchanged.
Needs python3-cryptography."""
import hashlib
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def key_from(label):
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(label.encode()).digest())


FIXTURE = key_from("duan8 test fixtures: not a secret")
ATTACKER = key_from("duan8 test fixtures: the attacker")


def public_hex(key):
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()

PLAN = "gia-lai-2023-1653"
PUH = "gia-lai/chu-puh"
SE = "gia-lai/chu-se"


def canon(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(header, plans, entries):
    hp = hashlib.sha256("".join(canon(p) + "\n" for p in plans).encode()).hexdigest()
    he = hashlib.sha256("".join(canon(e) + "\n" for e in entries).encode()).hexdigest()
    text = "duan8-bundle-digest-1\n" + canon(header) + "\n" + hp + "\n" + he + "\n"
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def entry(n, unit=PUH, **kw):
    e = {
        "uuid": "00000000-0000-4000-8000-%012d" % n,
        "plan": PLAN, "unit": unit, "indicator": "1", "date": "2023-07-15",
        "amount": 2, "reached": 0, "group_size": 0, "place": "Xã Ia Le", "note": None,
        "created_at": "2023-07-15T08:00:00.000Z", "updated_at": "2023-07-15T08:00:00.000Z",
        "origin": unit, "version": "2023-07-15T08:00:00.000Z-0000-" + unit,
        "history": [], "deleted": False,
    }
    e.update(kw)
    return e


def header(origin=PUH, seq=1, bid="11111111-1111-4111-8111-%012d"):
    return {"format": "duan8-bundle", "format_version": "1.0",
            "bundle_id": bid % seq if "%" in bid else bid, "created_at": "2023-07-16T00:00:00.000Z",
            "origin": origin, "sequence": seq, "app_version": "0.1.0"}


def text(h, plans, entries, dig=None, key=None):
    """The bundle; with @key (h has its "signer") also its signature."""
    doc = dict(h)
    doc["content"] = {"plans": plans, "entries": entries}
    doc["digest"] = dig if dig is not None else digest(h, plans, entries)
    out = "{\n" + ",\n".join('"%s":%s' % (k, canon(v)) for k, v in doc.items() if k != "content")
    out = out.rsplit(",\n", 1)[0]  # digest goes last
    out += ',\n"content":{\n"plans":[' + ",\n".join(canon(p) for p in plans) + "],\n"
    out += '"entries":[\n' + ",\n".join(canon(e) for e in entries) + "\n]\n},\n"
    out += '"digest":' + canon(doc["digest"])
    if key is not None:
        message = ("duan8-bundle-signature-1\n" + doc["digest"]).encode()
        out += ',\n"signature":' + canon(key.sign(message).hex())
    return out + "\n}\n"


def signed(origin=PUH, seq=1, bid="11111111-1111-4111-8111-%012d", key=FIXTURE, **kw):
    h = header(origin, seq, bid)
    h["format_version"] = "1.1"
    h["signer"] = public_hex(key)
    h.update(kw)
    return h


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(name, mode) as f:
        f.write(data)


good = text(header(), [], [entry(1), entry(2, amount=3)])
h = header()
es = [entry(1), entry(2)]

write("bad-not-json.duan8.json", "this is not a bundle\n")
write("bad-empty.duan8.json", "")
write("bad-root-array.duan8.json", "[1, 2, 3]\n")
write("bad-format-name.duan8.json", text(dict(h, format="duan8-plan"), [], es))
write("bad-newer-major.duan8.json", text(dict(h, format_version="2.0"), [], es))
write("bad-format-version-text.duan8.json", text(dict(h, format_version="one"), [], es))
write("bad-digest-mismatch.duan8.json", good.replace('"amount":3', '"amount":4'))
write("bad-digest-missing.duan8.json", good[: good.rindex(',\n"digest"')] + "\n}\n")
write("bad-truncated.duan8.json", good[: len(good) // 2])
write("bad-truncated-in-text.duan8.json", good[: good.index("Xã Ia Le") + 3])
write("bad-duplicate-uuid.duan8.json", text(h, [], [entry(1), entry(1, amount=5)]))
write("bad-duplicate-key.duan8.json", good.replace('"amount":3,', '"amount":3,"amount":30,'))
write("bad-negative-amount.duan8.json", text(h, [], [entry(1), entry(2, amount=-3)]))
write("bad-fractional-amount.duan8.json", text(h, [], [entry(1, amount=1.5)]))
write("bad-nan-amount.duan8.json", good.replace('"amount":3', '"amount":NaN'))
write("bad-infinite-amount.duan8.json", good.replace('"amount":3', '"amount":1e400'))
write("bad-huge-amount.duan8.json", text(h, [], [entry(1, amount=10**16)]))
write("bad-exponent-amount.duan8.json", good.replace('"amount":3', '"amount":3e2'))
write("bad-amount-text.duan8.json", text(h, [], [entry(1, amount="5")]))
write("bad-impossible-date.duan8.json", text(h, [], [entry(1, date="2023-02-30")]))
write("bad-date-format.duan8.json", text(h, [], [entry(1, date="15/07/2023")]))
write("bad-invalid-utf8.duan8.json", good.encode().replace("Ia Le".encode(), b"Ia \xff Le", 1))
write("bad-lone-surrogate.duan8.json", good.replace('"note":null', '"note":"x\\ud800y"', 1))
write("bad-nul-escape.duan8.json", good.replace('"note":null', '"note":"a\\u0000b"', 1))
write("bad-raw-control.duan8.json", good.replace('"note":null', '"note":"a\tb"', 1))
write("bad-uuid.duan8.json", text(h, [], [entry(1, uuid="not-a-uuid")]))
bad = entry(1)
del bad["date"]
write("bad-missing-date.duan8.json", text(h, [], [bad]))
write("bad-unknown-member.duan8.json", text(h, [], [entry(1, colour="red")]))
write("bad-version-stamp.duan8.json", text(h, [], [entry(1, version="yesterday")]))
write("bad-history-not-list.duan8.json", text(h, [], [entry(1, history="a b")]))
write("bad-deleted-not-bool.duan8.json", text(h, [], [entry(1, deleted="yes")]))
write("bad-created-at.duan8.json", text(h, [], [entry(1, created_at="yesterday")]))
write("bad-trailing-garbage.duan8.json", good + "{}\n")
write("bad-bom.duan8.json", "\ufeff" + good)
write("bad-sequence-zero.duan8.json", text(dict(h, sequence=0), [], es))
write("bad-bundle-id.duan8.json", text(dict(h, bundle_id="42"), [], es))
write("bad-header-duplicate.duan8.json", good.replace('"origin":', '"origin":"province",\n"origin":', 1))
write("bad-entry-not-object.duan8.json", text(h, [], [entry(1), [1, 2]]))
write("bad-plan-document.duan8.json",
      text(header("province"), [{"format": "duan8-plan", "format_version": 1}], []))
write("bad-deep-nesting.duan8.json", good.replace('"note":null', '"note":' + "[" * 100 + "]" * 100, 1))

# Well-formed: per-record rejections at the province.
small_plan = {
    "format": "duan8-plan", "format_version": 1,
    "plan": {"code": "tiny-2024", "title": "Tiny", "document_number": "1/KH", "year": 2024,
             "period_start": "2024-01-01", "period_end": "2024-12-31"},
    "units": [{"code": "tiny/a", "name": "A", "level": "district"}],
    "groups": [{"number": 1, "title": "G"}],
    "indicators": [{"code": "1", "name_vi": "Một", "count_unit": "tổ", "kind": "count", "group": 1}],
    "appendix": {"columns": ["1"], "rows": [{"tt": 1, "unit": "tiny/a", "cells": [3]}]},
}
policy = [
    entry(11),                                      # accepted
    entry(12, unit=SE, origin=SE),                  # another unit's entry
    entry(13, indicator="99"),                      # unknown indicator
    entry(14, plan="no-such-plan"),                 # unknown plan
    entry(15, unit="gia-lai/pleiku", origin=PUH),   # unit not in the plan
    entry(16, reached=3, group_size=5),             # count indicator with women reached
    entry(17, version="2999-01-01T00:00:00.000Z-0000-" + PUH),  # clock far ahead
]
write("policy-unit-office.duan8.json", text(signed(PUH, 7), [small_plan], policy, key=FIXTURE))

# Well-formed: more rejected records than the window's preview lists (200).
many = [entry(1000 + n, unit=SE, origin=SE) for n in range(230)]
write("policy-many-rejections.duan8.json",
      text(signed(PUH, 8, "33333333-3333-4333-8333-%012d"), [], many, key=FIXTURE))

# Well-formed, from the province: NFD text is stored as NFC.
nfd = "Nghe\u0323\u0302 thuật"  # "Nghệ" decomposed
write("good-nfd-note.duan8.json",
      text(signed("province", 1, "22222222-2222-4222-8222-%012d"), [],
           [entry(21, note=nfd, origin="province")], key=FIXTURE))

# ------------------------------------------------------------ trust (issue 11)
write("fixture-key.pub", public_hex(FIXTURE) + "\n")
V = "2023-07-15T08:00:00.000Z-0000-"
LATER = "2023-07-20T08:00:00.000Z-0000-"
# Accepted at the province once the fixture key is registered for both units.
write("trust-setup-se.duan8.json",
      text(signed(SE, 1, "44444444-4444-4444-8444-%012d"), [],
           [entry(31, unit=SE, amount=5)], key=FIXTURE))
write("trust-setup-puh.duan8.json",
      text(signed(PUH, 5, "5555aaaa-5555-4555-8555-%012d"), [], [entry(32)], key=FIXTURE))


def attack(name, h, entries, plans=(), key=FIXTURE):
    write("attack-%s.duan8.json" % name, text(h, list(plans), entries, key=key))


def later(n, unit, **kw):
    """A newer version of entry @n (first made at @unit), as Chư Pưh sends it."""
    base = dict(unit=unit, origin=PUH, version=LATER + PUH, history=[V + unit],
                updated_at="2023-07-20T08:00:00.000Z")
    base.update(kw)
    return entry(n, **base)


# Chư Pưh's office edits, moves into its unit, and deletes Chư Sê's entry.
attack("cross-unit-edit", signed(PUH, 6), [later(31, SE, amount=0)])
# (move and delete claim unit PUH: only the stored entry tells)
attack("cross-unit-move", signed(PUH, 6), [dict(later(31, SE), unit=PUH)])
attack("cross-unit-delete", signed(PUH, 6), [dict(later(31, SE, deleted=True), unit=PUH)])
# Entries "recorded by the province" in a bundle of Chư Pưh.
attack("foreign-origin", signed(PUH, 6),
       [entry(33, origin="province", version=V + "province")])
# The same stamp with another amount: 2 here, 2000 there.
attack("same-stamp", signed(PUH, 6), [entry(32, amount=2000)])
# A plan from a unit office.
attack("plan-from-unit", signed(PUH, 6), [], plans=[small_plan])
# An older sequence than the last imported (5), and the setup bundle again
# under its id in upper case with other content.
attack("lower-sequence", signed(PUH, 3, "66666666-6666-4666-8666-%012d"), [entry(34)])
attack("replay-upper-id", signed(PUH, 5, "5555AAAA-5555-4555-8555-%012d"),
       [entry(32), entry(34)])
attack("huge-sequence", signed(PUH, 2**63 - 1, "99999999-9999-4999-8999-000000000001"), [entry(34)])
attack("over-max-sequence", signed(PUH, 2**53 + 1, "99999999-9999-4999-8999-000000000002"),
       [entry(34)])
attack("version-leading-zero", signed(PUH, 6, format_version="01.1"), [entry(34)])
# Signed by another key than the one known for Chư Pưh.
attack("key-change", signed(PUH, 6, key=ATTACKER), [entry(34)], key=ATTACKER)
# Unsigned (a bundle of format 1.0, or a signature removed).
write("attack-unsigned.duan8.json", text(dict(header(PUH, 6), format_version="1.1"), [], [entry(34)]))
# A signature that does not match the content.
_good = text(signed(PUH, 6), [], [entry(34)], key=FIXTURE)
write("attack-bad-signature.duan8.json", _good.replace('"amount":2', '"amount":3', 1)
      .replace(digest(signed(PUH, 6), [], [entry(34)]),
               digest(signed(PUH, 6), [], [entry(34, amount=3)])))

# At Chư Pưh's office: the province's bundle (fixture key), then a forged one
# (the attacker's key) setting every quota to 0 and deleting its entry.
write("trust-province.duan8.json",
      text(signed("province", 1, "77777777-7777-4777-8777-%012d"), [],
           [entry(35, origin=PUH)], key=FIXTURE))
with open("../../../data/plans/gia-lai-2023-1653.json", encoding="utf-8") as f:
    _plan = json.load(f)
for _row in _plan["appendix"]["rows"]:
    _row["cells"] = [0 if isinstance(c, int) else c for c in _row["cells"]]
attack("forged-province", signed("province", 2, "88888888-8888-4888-8888-%012d", key=ATTACKER),
       [dict(later(35, PUH, deleted=True), origin="province", version=LATER + "province")],
       plans=[_plan], key=ATTACKER)

# Text from a file shown to people (tests/test-cli-files.sh): a signed bundle
# whose entries name units that do not exist, one with a bidi override and
# terminal escapes, one 190 characters long (under the reader's limit):
# listed as rejections, escaped, the long name cut.
write("hostile-units.duan8.json",
      text(signed(PUH, 99), [],
           [entry(1, unit="gia-lai/\u202ehp-uhc\x1b[2J", origin=PUH,
                  version="2023-07-15T08:00:00.000Z-0000-" + PUH),
            entry(2, unit="gia-lai/" + "B" * 182, origin=PUH,
                  version="2023-07-15T08:00:00.000Z-0000-" + PUH)], key=FIXTURE))
