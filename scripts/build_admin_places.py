#!/usr/bin/env python
"""Build tuireader/data/places_id_admin.txt: Indonesia's provinces, regencies, cities and
districts (kecamatan), lower-cased and sorted, for the recogniser's administrative-place rule.

Source: the npm package idn-area-data (data from the Indonesian government's official area
codes, Open Database License 1.0; the shipped list is a derived database under the same
licence). Fetched from the npm registry at build time only; nothing is downloaded at run time.

    python scripts/build_admin_places.py
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.0.1"
URL = f"https://registry.npmjs.org/idn-area-data/-/idn-area-data-{VERSION}.tgz"
OUT = Path(__file__).resolve().parents[1] / "tuireader" / "data" / "places_id_admin.txt"
_PREFIX = re.compile(r"^(?:kabupaten|kota|kab\.)\s+", re.IGNORECASE)


def names(tgz: bytes) -> set[str]:
    found: set[str] = set()
    with tarfile.open(fileobj=io.BytesIO(tgz)) as tar:
        for part in ("provinces", "regencies", "districts"):
            member = tar.extractfile(f"package/data/{part}.csv")
            for row in csv.DictReader(io.TextIOWrapper(member, encoding="utf-8")):
                name = " ".join(row["name"].split())
                found.add(name.lower())
                found.add(_PREFIX.sub("", name).lower())  # "Kabupaten Pesisir Selatan" is "Pesisir Selatan"
    return {n for n in found if len(n) > 2}


def main() -> int:
    with urllib.request.urlopen(URL, timeout=60) as response:
        tgz = response.read()
    places = sorted(names(tgz))
    header = (f"# Indonesian provinces, regencies, cities and districts, lower-cased and sorted. Built by "
              f"scripts/build_admin_places.py from idn-area-data {VERSION} (npm), Open Database License 1.0: "
              f"this list is a derived database under the ODbL.\n")
    OUT.write_text(header + "\n".join(places) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(places)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
