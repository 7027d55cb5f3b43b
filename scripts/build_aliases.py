#!/usr/bin/env python3
"""Build ``tuireader/data/aliases.tsv``, the shipped entity alias table.

Sources:

* pycountry (build time only, ``pip install 'tuireader[train]'``): every
  ISO 3166-1 country/territory with its English short, common and official
  names, their Indonesian translations (``gettext`` catalogue
  ``iso3166-1``, language ``id``) and "X, Republic of" names turned around
  ("Republic of X"); the Indonesian provinces (ISO 3166-2:ID).
* ``scripts/aliases_extra.tsv``: the hand-written supplement (common short
  forms such as AS / UK / Korsel, epithets such as "Negeri Zionis", world
  cities with Indonesian spellings, province abbreviations, international
  and Indonesian bodies).  Its rows win over generated rows.

Usage::

    python scripts/build_aliases.py            # write the table
    python scripts/build_aliases.py --check    # exit 1 if the table is stale

The output is sorted and deterministic so rebuilds give clean diffs.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tuireader.entities.aliases import canonical_key  # noqa: E402

EXTRA = ROOT / "scripts" / "aliases_extra.tsv"
OUT = ROOT / "tuireader" / "data" / "aliases.tsv"
TYPES = ("LOCATION", "ORG", "PERSON")

#: English canonical names where ISO's name is not what the news writes.
COUNTRY_CANONICAL = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VN": "Vietnam",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

#: Indonesian province canonical names where ISO 3166-2 differs.
PROVINCE_CANONICAL = {
    "ID-JK": "Jakarta",
    "ID-YO": "Yogyakarta",
    "ID-PE": "Papua Pegunungan",  # ISO spells it "Pengunungan"
}


def _turn_around(name: str) -> str | None:
    """'Korea, Republic of' -> 'Republic of Korea'; None when not sensible."""
    if name.count(",") != 1:
        return None
    head, tail = (p.strip() for p in name.split(","))
    if not head or not tail or " and " in tail or " dan " in tail:
        return None
    out = f"{tail} {head}"
    return out[4:] if out.startswith("The ") else out


def _variants(name: str | None) -> list[str]:
    """A name plus usable variants; names with a comma are only turned around."""
    if not name:
        return []
    out: list[str] = []
    if "(" in name:
        before = name.split("(")[0].strip()
        inside = name.split("(")[1].split(")")[0].strip()
        out += [before] + ([inside] if "," not in inside else [])
        rest = None
    else:
        rest = name
    if rest is not None:
        if "," in rest:
            turned = _turn_around(rest)
            if turned:
                out.append(turned)
        else:
            out.append(rest)
    return [v for v in out if v]


def generated_rows() -> list[tuple[str, str, str]]:
    import pycountry  # build-time dependency only

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
        id_name = tr.gettext
    except OSError:  # pragma: no cover
        print("warning: no Indonesian pycountry catalogue", file=sys.stderr)
        id_name = str

    rows: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        canonical = COUNTRY_CANONICAL.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        if "," in canonical:
            canonical = _turn_around(canonical) or canonical
        names: list[str] = [canonical]
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names += _variants(value) + _variants(id_name(value))
        for alias in names:
            rows.append((alias, canonical, "LOCATION"))

    for s in pycountry.subdivisions.get(country_code="ID"):
        canonical = PROVINCE_CANONICAL.get(s.code, s.name)
        rows.append((canonical, canonical, "LOCATION"))
        rows.append((s.name, canonical, "LOCATION"))
        if s.type == "Province":
            rows.append((f"Provinsi {canonical}", canonical, "LOCATION"))
    return rows


def read_extra(path: Path = EXTRA) -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "alias":
            continue
        if len(parts) != 3 or parts[2] not in TYPES or not parts[0] or not parts[1]:
            raise SystemExit(f"{path}:{n}: expected alias<TAB>canonical<TAB>type, got {line!r}")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def build(generated: list[tuple[str, str, str]], extra: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Merge rows: one row per normalised alias; extra rows win, then first seen."""
    by_key: dict[str, tuple[str, str, str]] = {}
    for row in extra:
        key = canonical_key(row[0])
        if key in by_key and by_key[key][1:] != row[1:]:
            print(f"warning: extra alias {row[0]!r} given twice: {by_key[key]} / {row}", file=sys.stderr)
            continue
        by_key.setdefault(key, row)
    for row in generated:
        key = canonical_key(row[0])
        if not key:
            continue
        old = by_key.get(key)
        if old is not None and old[1] != row[1] and old not in extra:
            print(f"warning: {row[0]!r} -> {row[1]!r} clashes with {old[1]!r}; kept the first", file=sys.stderr)
        by_key.setdefault(key, row)
    # Keep distinct spellings that share a key only once (the first seen).
    return sorted(by_key.values(), key=lambda r: (r[2], canonical_key(r[1]), canonical_key(r[0])))


def render(rows: list[tuple[str, str, str]]) -> str:
    header = (
        "# Generated by scripts/build_aliases.py from pycountry and scripts/aliases_extra.tsv.\n"
        "# Do not edit by hand: edit aliases_extra.tsv and rebuild.\n"
        "alias\tcanonical\ttype\n"
    )
    return header + "".join(f"{a}\t{c}\t{t}\n" for a, c, t in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped table is stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = render(build(generated_rows(), read_extra()))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; run scripts/build_aliases.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    rows = text.count("\n") - 3
    print(f"wrote {rows} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
