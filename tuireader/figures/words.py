"""Number words, scale words, currencies and units known to the figure parser.

Indonesian and English side by side. Kept as plain tables so that the parser's
regexes are built from them once, at import.
"""

from __future__ import annotations

from decimal import Decimal

#: Kinds of number word for :func:`words_value`:
#: "d" 1-9, "t" a complete 10-19, "tens" 20-90 (English), "sH" seratus (100),
#: "big" a power of 1000 (ribu, thousand, ...), "sbig" se- form of one (seribu),
#: "belas" / "puluh" / "ratus" Indonesian multipliers of the digit before,
#: "hundred" the English multiplier of the group before, "half" setengah (a half, or a digit and a half).
NUMBER_WORDS: dict[str, tuple[str, int]] = {}

for _i, _w in enumerate(
    ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"), 1
):
    NUMBER_WORDS[_w] = ("d", _i)
for _i, _w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1
):
    NUMBER_WORDS[_w] = ("d", _i)
for _i, _w in enumerate(
    ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
     "seventeen", "eighteen", "nineteen"), 10
):
    NUMBER_WORDS[_w] = ("t", _i)
for _i, _w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
):
    NUMBER_WORDS[_w] = ("tens", _i * 10)
NUMBER_WORDS.update(
    {
        "sepuluh": ("t", 10),
        "sebelas": ("t", 11),
        "seratus": ("sH", 100),
        "seribu": ("sbig", 1_000),
        "sejuta": ("sbig", 1_000_000),
        "semiliar": ("sbig", 1_000_000_000),
        "belas": ("belas", 10),
        "puluh": ("puluh", 10),
        "ratus": ("ratus", 100),
        "hundred": ("hundred", 100),
        "ribu": ("big", 1_000),
        "juta": ("big", 1_000_000),
        "miliar": ("big", 1_000_000_000),
        "milyar": ("big", 1_000_000_000),
        "triliun": ("big", 1_000_000_000_000),
        "thousand": ("big", 1_000),
        "million": ("big", 1_000_000),
        "billion": ("big", 1_000_000_000),
        "trillion": ("big", 1_000_000_000_000),
        "setengah": ("half", 0),
    }
)

#: Words that may start a spelled-out number.
FIRST_NUMBER_WORDS = tuple(w for w, (k, _) in NUMBER_WORDS.items() if k in ("d", "t", "tens", "sH", "sbig", "half"))


def words_value(words: list[str]) -> int | Decimal | None:
    """Value of a spelled-out number ("dua puluh lima ribu" -> 25000, "satu setengah juta" ->
    1500000, "a million" -> 1000000), None if malformed."""
    total = 0
    group: int | Decimal = 0
    last = 0
    prev = None
    if words[:1] == ["a"] and len(words) == 2:
        words = ["one", words[1]]  # the parser only lets "a" start "a thousand/million/billion/trillion"
    for word in words:
        entry = NUMBER_WORDS.get(word)
        if entry is None:
            return None
        kind, value = entry
        if kind == "half":
            if prev not in (None, "d"):
                return None
            group += Decimal("0.5")
            prev = "half"
        elif kind == "d":
            if prev in ("d", "t", "half"):
                return None
            group += value
            last = value
            prev = "d"
        elif kind in ("t", "tens"):
            if prev in ("d", "t", "tens", "half"):
                return None
            group += value
            prev = kind
        elif kind == "sH":
            if prev not in (None, "big"):
                return None
            group += value
            prev = "h"
        elif kind == "sbig":
            if prev is not None and prev != "big" or group:
                return None
            total += value
            prev = "big"
        elif kind == "belas":
            if prev != "d":
                return None
            group += 10
            prev = "t"
        elif kind == "puluh":
            if prev != "d":
                return None
            group += last * 9
            prev = "tens"
        elif kind == "ratus":
            if prev != "d":
                return None
            group += last * 99
            prev = "h"
        elif kind == "hundred":
            if prev not in ("d", "t", "tens") or group >= 100:
                return None
            group *= 100
            prev = "h"
        else:  # big
            if group == 0:
                return None
            total += group * value
            group = 0
            prev = "big"
    return total + group


#: scale word (lower case) -> (multiplier, language whose separators it implies)
SCALE_WORDS: dict[str, tuple[int, str | None]] = {
    "ribu": (10**3, "id"),
    "ribuan": (10**3, "id"),
    "rb": (10**3, "id"),
    "juta": (10**6, "id"),
    "jutaan": (10**6, "id"),
    "jt": (10**6, "id"),
    "miliar": (10**9, "id"),
    "milyar": (10**9, "id"),
    "miliaran": (10**9, "id"),
    "milyaran": (10**9, "id"),
    "triliun": (10**12, "id"),
    "trilyun": (10**12, "id"),
    "triliunan": (10**12, "id"),
    "thousand": (10**3, "en"),
    "million": (10**6, "en"),
    "billion": (10**9, "en"),
    "trillion": (10**12, "en"),
    "mln": (10**6, "en"),
    "mn": (10**6, "en"),
    "bln": (10**9, "en"),
    "bn": (10**9, "en"),
    "tn": (10**12, "en"),
    "trln": (10**12, "en"),
    # Indian English: "1.5 lakh crore rupees" is 1.5 trillion
    "lakh": (10**5, "en"),
    "lakh crore": (10**12, "en"),
    "crore": (10**7, "en"),
}

#: currency written before the amount -> ISO code
CURRENCY_PREFIXES: dict[str, str] = {
    "Rp": "IDR",
    "Rp.": "IDR",
    "RP": "IDR",
    "rp": "IDR",
    "rp.": "IDR",
    "IDR": "IDR",
    "USD": "USD",
    "US$": "USD",
    "$": "USD",
    "S$": "SGD",
    "SGD": "SGD",
    "A$": "AUD",
    "AUD": "AUD",
    "HK$": "HKD",
    "HKD": "HKD",
    "C$": "CAD",
    "NZ$": "NZD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "RM": "MYR",
    "MYR": "MYR",
    "CNY": "CNY",
    "RMB": "CNY",
    "NT$": "TWD",
    "TWD": "TWD",
    "INR": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "KRW": "KRW",
    "THB": "THB",
    "CHF": "CHF",
    "R$": "BRL",
    "SAR": "SAR",
    "AED": "AED",
    "QAR": "QAR",
}

#: duration unit (lower case) -> ISO-8601 designator; a leading "T" marks a time part
DURATION_UNITS: dict[str, str] = {
    "hari": "D",
    "day": "D",
    "days": "D",
    "minggu": "W",
    "pekan": "W",
    "week": "W",
    "weeks": "W",
    "bulan": "M",
    "month": "M",
    "months": "M",
    "tahun": "Y",
    "year": "Y",
    "years": "Y",
    "jam": "TH",
    "hour": "TH",
    "hours": "TH",
    "hrs": "TH",
    "hr": "TH",
    "menit": "TM",
    "minute": "TM",
    "minutes": "TM",
    "mins": "TM",
    "min": "TM",
    "detik": "TS",
    "second": "TS",
    "seconds": "TS",
    "secs": "TS",
    "sec": "TS",
}

#: a word before a number that makes it a label, not a quantity ("Pasal 27")
LABEL_WORDS = frozenset(
    """
    pasal ayat nomor nomer no number article section halaman hal page pages pp
    jalan jl jln gang gg rt rw blok kav kavling lantai floor tahun year pukul jam pkl pk
    kode code versi version seri series episode eps ep bab chapter edisi vol volume
    kelas grade gate room ruang kamar km peringkat rank ranked ranking rute route
    level gelombang putaran babak tanggal tgl urut day uu pp perpres permen perppu keppres perda
    inpres pergub perwal perbup sk se kepmen nrp nip nik ktp magnitudo bermagnitudo magnitude menit minute pph
    """.split()
)

#: a lower-case word after a number that is not the counted noun
NOT_NOUNS = frozenset(
    """
    dan atau di ke dari yang pada untuk dengan dalam ini itu sebagai oleh per lebih kurang
    hingga sampai sekitar saja pun lagi adalah akan telah sudah juga tersebut lalu kemudian
    namun tetapi tapi serta bagi terhadap antara karena sejak selama setelah sebelum
    tak tidak belum masih bahwa agar supaya jika kalau maka ia dia mereka kami kita
    and or of the a an to in on at for from by with as is are was were be been than
    that which who whom per more less over under about since after before into this these
    those it its their his her our your not no also only up down out off so if but nor yet
    between among against during through across via vs versus ago atas bawah
    kemarin kini sekarang tadi nanti besok lainnya lain others other
    yesterday today tomorrow now then again earlier later
    st nd rd th x s sd menjadi jadi new plus minus
    """.split()
)

#: nouns after which a year-shaped number ("2000 orang") is still a count
COUNT_NOUNS_AFTER_YEAR = frozenset(
    """
    orang warga jiwa korban pengungsi penduduk pekerja karyawan siswa mahasiswa peserta
    unit rumah ekor kasus kepala keluarga people persons residents workers students
    cases units homes houses families soldiers troops
    hektare hektar ha ton tons tonnes km kilometer meter kg liter barel barrels hectares kilometres kilometers
    """.split()
)
