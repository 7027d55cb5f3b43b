"""Figures (counts, money, percentages, dates, durations) found by rules, no model.

``find_figures(text, published=None, lang=None)`` returns :class:`Figure` records
sorted by start, never overlapping, with ``text[f.start:f.end] == f.text``.

Decisions (see also the tests):

* Separators. Indonesian writes "." for thousands and "," for decimals, English
  the reverse. The convention comes from the scale word or percent word when one
  follows ("juta"/"persen" -> Indonesian, "million"/"percent" -> English), else
  from ``lang``, else from a cheap guess at the text's language. A number with
  both separators takes the last one as the decimal mark ("3.621,3", "1,234.5");
  one separator repeated is grouping ("1.234.567"). A single separator followed
  by other than exactly three digits is a decimal mark ("3,5", "3.5", "2,53").
  With exactly three digits ("61.700", "1,500") it is grouping, except when the
  separator is the convention's decimal mark and a scale or percent word follows
  ("3.500 million" in English = 3.5 million; "1,500 triliun" = 1.5 trillion).
  So "1.500 people" in English text is 1500, not 1.5.
* Money: the currency comes from a prefix (Rp, US$, $, €, £, ¥, S$, NT$, Rs, RM, codes)
  or a suffix (rupiah, dolar AS, dollars, euro, riyal, won, baht, pesos, ...; "61 cents" is
  0.61 USD; fewer than 100 won are no money). Single-letter scales ("M",
  "T", "m", "bn", "k") count only in money: "Rp 2 M" is 2 miliar (for IDR "M" is
  miliar, elsewhere million), "$300m" is 300 million. "Rp 50.000,-" keeps ",-".
  Indian "lakh", "crore", "lakh crore" are 10^5, 10^7, 10^12 ("1.5 lakh crore rupees").
* Percent: value as written, unit "%". "percentage points"/"poin persentase"
  keep their value with unit "pp"; basis points ("bps", "basis poin") become
  percentage points: value / 100, unit "pp" ("25 bps", "a 25-basis-point cut"). A minus sign or "minus" before the
  number is kept ("-0,3 persen", "minus 2,5 persen" -> -0.3, -2.5), but not in a
  margin ("plus or minus 2%", "plus minus 2,5 persen" -> 2, 2.5).
* Counts: the span is the number and its scale word ("1,2 juta"), the unit is the
  lower-case noun that follows when it is not a function word (an acronym counts
  too: "5 GT", "14 SPBU"; "kali" after a numeral, not in "2 kali lipat" nor after
  a number in words; a measure glued by a hyphen: "a 25-mile stretch"). A number with no
  noun is a count only if it is a whole number >= 10. Not counts: years (a plain
  1800-2100 with no scale, money or percent, unless a people-like noun follows),
  phone numbers, long digit strings (>= 10 digits), numbers with a leading zero,
  numbers glued to letters or to a word by a hyphen ("G20", "COVID-19", "4G",
  "ke-3", "5th"), numbers after "/" or before "/x" (codes), labels after words
  like "Pasal", "No.", "tahun", "pukul" (see ``LABEL_WORDS``), times ("10:30",
  "14.05 WIB", "jam 10.00"), glued pairs that do not go up ("2-1", "21-19":
  scores), bare numbers in "(61)" or ", 27," (ages), short plain numbers right
  after a capitalised word mid-sentence ("Jalan Sudirman 45", "Boeing 737"),
  values in URLs ("?v=20250801"), model and index numbers ("Boeing 737-800",
  "S&P 500"), street numbers ("1499 San Luis Drive"), numbers to dial ("layanan
  darurat 112", "call the SES on 132 500"), gold purity ("24 karat"). "1.000-an" is 1000. Spelled-out numbers below ten ("dua", "nine")
  count the noun after them ("tiga tersangka", "nine people"), never "one"/"satu"
  or "roda empat" (four-wheeled); with nothing to count they are kept only with
  money, percent or a duration, and a range in words shares its unit ("dua
  hingga tiga hari"); "setengah juta", "dua setengah juta", "a million", "half a
  million" are read. An exchange rate "16,450 per dollar" is money in the
  currency the sentence names before it ("the rupiah", "the yen": 160.245 is
  then a decimal in English text).
  A number grouped in thousands after a label word is a quantity ("ke level
  8.105"); a year-shaped number before a measure is a count ("2000 hektare").
  Vague plurals ("ratusan", "thousands") are skipped; "50 ribuan" is 50000.
* Ranges "10-15 persen", "Rp 10-15 miliar", "3 to 5 days", "3 dan 5 persen", "5,2 s.d. 5,8 persen"
  (not after a year-shaped first number): the first number takes
  the second one's scale, currency and unit, but its span is its own. A grouped
  number, or a second amount with its own currency, shares nothing: "Rp 150.000
  hingga Rp 2,5 juta" is 150000 and 2500000. "2024-25" (a season) is no figure.
  "5 persen-10 persen" is two percentages. A scaled first amount counts what the
  second does ("6,4 juta hingga 6,7 juta unit"); a number grouped in thousands
  takes no scale from it ("by 460,000 to 4.9 million").
* Dates: "(12/8)" and "Selasa (12/8)" (span is the parenthesis), "12 Agustus
  2025", "12 Agustus", "Aug. 12", "August 12, 2025", "2025-08-12", "12/08/2025"
  (day first; month first only when day first is impossible), "Agustus 2025" and
  "November lalu"/"last November" (value "YYYY-MM"), "bulan lalu"/"last month",
  "Senin lalu"/"Senin kemarin"/"last Monday", "yesterday"/"kemarin", and ahead
  "bulan depan"/"next month", "Juli mendatang"/"next July", "Senin depan"/"next
  Monday" (the next one after the published date). A missing year comes from
  ``published``: of the previous, same and next year, the date nearest to it
  (so at most ~6 months away), preferring years where a named weekday matches.
  "November lalu" is the latest November strictly before the published month. A
  bare month after "pada", "akhir", "in", "through" … ("pada Agustus",
  "in August", "periode Agustus", "the year to March", and an Indonesian month after
  a lower-case word: "inflasi Februari") is that month nearest the published one
  (value "YYYY-MM"), an English month after a lower-case word or "the" ("from
  April", "The January fires"; not "May"); after "sejak"/"since" the latest one
  not after it, after
  "by" the next one; "Agustus tahun lalu", "September
  last year", "Desember tahun depan" take that year. A month before a range's second
  month takes its year ("Januari hingga Februari 2025", "Januari hingga 9 Maret
  2025" -> 2025-01); both days of "June 4-6, 2025" are dates. A weekday
  named alone ("pada Selasa", "on Friday", a capitalised "Minggu" inside a
  sentence) is one of the five days before the published date or the day after
  (news tells what happened); in a sentence about what will happen ("akan",
  "will", "dijadwalkan") the day itself or one of the six after. Not a day:
  "setiap Senin", "Senin-Jumat", "Black Friday", "Jumat Kliwon", "Minggu ini".
  Without ``published`` such a date is still a DATE figure with value None.
* Durations: number + unit ("60 hari" P60D, "60-day" P60D, "5 jam" PT5H,
  "1,5 tahun" P1.5Y, "three weeks" P3W); smaller units that follow join it
  ("4 tahun 6 bulan" P4Y6M, "2 hours and 30 minutes" PT2H30M). An age is a
  duration too: "berusia 15 tahun" and "a 15-year-old" are P15Y. "2 x 24 jam"
  (the legal idiom) is PT48H; "satu setengah tahun" P1.5Y; "14 working days" P14D.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from tuireader.figures.figure import COUNT, DATE, DURATION, MONEY, PERCENT, Figure
from tuireader.figures.words import (
    COUNT_NOUNS_AFTER_YEAR,
    CURRENCY_PREFIXES,
    DURATION_UNITS,
    FIRST_NUMBER_WORDS,
    LABEL_WORDS,
    NOT_NOUNS,
    NUMBER_WORDS,
    SCALE_WORDS,
    words_value,
)
from tuireader.text.months import MONTH_NUMBERS, WEEKDAY_NUMBERS

__all__ = ["find_figures"]

_S = r"[ \t\u00a0\u202f]"  # one in-line space, including no-break spaces


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trie(words) -> str:
    """A regex matching any of ``words``, factored as a trie: one test per character."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# --------------------------------------------------------------------------- regexes
# Everything that starts with a digit (or "(" / "+"), one pass over the text.
_NUM_RE = re.compile(
    rf"""
    (?P<iso>(?<![0-9.,/-])(?:1[89]|20)[0-9]{{2}}([-/])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12][0-9]|3[01])(?![0-9/-]))
   |(?P<dmy>(?<![0-9.,/-])[0-9]{{1,2}}([-/.])[0-9]{{1,2}}\4(?:(?:1[89]|20)[0-9]{{2}}|(?<=/)[0-9]{{2}})(?![0-9/-]|[.,][0-9]))
   |(?P<pdate>\((?P<pd>[0-9]{{1,2}})/(?P<pm>[0-9]{{1,2}})(?:/(?P<py>[0-9]{{4}}|[0-9]{{2}}))?\))
   |(?P<phone>\+(?=(?:[0-9][ .()-]{{0,2}}){{7}})[0-9]{{1,3}}(?>(?:{_S}|[-.])?\(?[0-9]++\)?){{2,}}
      |\(0[0-9]{{1,3}}\){_S}?[0-9]{{3,4}}[- ]?[0-9]{{3,5}}
      |(?<![0-9])0[0-9]{{2,4}}[- .][0-9]{{3,4}}[- .][0-9]{{3,5}}(?![0-9])
      |(?<![0-9])0[0-9]{{2,3}}-[0-9]{{6,9}}(?![0-9]))
   |(?P<time>(?<![0-9.,])[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9]))
   |(?P<chain>(?<![\w.,-])[0-9]++(?:[-/][0-9]++){{2,}}+)
   |(?P<num>[0-9]++(?:[.,][0-9]++)*+)
    """,
    re.X,
)

_CUR_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])({_alt(k for k in CURRENCY_PREFIXES if k[0].isalpha())})|([$€£¥])){_S}{{0,2}}\Z"
)
_CURRENCY_IN = re.compile(r"Rp|\$|€|£|USD|IDR")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_SCALE_AFTER = re.compile(
    rf"({_S}?)(?:(?i:({_alt(SCALE_WORDS)}))|([MTBKmbk]))(?![A-Za-z])"
)
_MONEY_DASH = re.compile(r",-{1,2}")
_CUR_AFTER = re.compile(
    rf"""{_S}*(?:
      (USD|IDR|EUR|GBP|JPY|SGD|MYR|CNY|AUD)\b
     |(?i:(rupiah)
     |((?:dolar|dollars?){_S}+(?:AS|Amerika(?:{_S}+Serikat)?|US)|U\.?S\.?{_S}+dollars?)
     |((?:dolar|dollars?){_S}+Singapura|Singapore{_S}+dollars?)
     |((?:dolar|dollars?){_S}+Australia|Australian{_S}+dollars?)
     |(dolar|dollars?)
     |(euros?)
     |(pound{_S}?sterling|poundsterling|pounds)
     |(yen)
     |(ringgit)
     |(yuan|renminbi)
     |(riyal|rial)
     |(won)
     |(baht)
     |(rupees?)
     |(pesos?)
     |(lira)
     |(rubel|roubles?|rubles?)
     |(dirhams?)
     |(cents?))\b)""",
    re.X,
)
_CUR_AFTER_CODES = (None, None, "IDR", "USD", "SGD", "AUD", "USD", "EUR", "GBP", "JPY", "MYR", "CNY", "SAR", "KRW",
                    "THB", "INR", "PHP", "TRY", "RUB", "AED", "USD")
_CENTS_GROUP = len(_CUR_AFTER_CODES) - 1
_PCT_AFTER = re.compile(
    rf"""{_S}*(?:
      (%|(?i:persen|percent|per{_S}cent|pct)\b)
     |((?i:poin{_S}+persentase|percentage{_S}+points?)\b)
     |((?i:basis{_S}+poin|basis(?:{_S}+|-)points?|bps|bp)\b))
    |-(?:((?i:percentage-points?)\b)|((?i:basis-points?|bps?)\b))""",  # "a 25-basis-point cut"
    re.X,
)
_DUR_AFTER = re.compile(rf"(?:{_S}+|-)(?i:(?:working|business|calendar){_S}+)?(?i:({_alt(DURATION_UNITS)}))\b(?!-[0-9])")
# the next, smaller unit of a compound duration: "4 tahun 6 bulan", "2 hours and 30 minutes"
_DUR_NEXT = re.compile(
    rf"(?:,?{_S}+(?i:dan|and){_S}+|{_S}+)([0-9]{{1,3}}(?:,[0-9]{{1,2}})?)(?![0-9.,])(?:{_S}+|-)(?i:({_alt(DURATION_UNITS)}))\b(?!-[0-9])"
)
# "minus 2,5 persen", but not a margin: "plus or minus 2%", "plus minus 3 persen"
_UNIT_DASH_BEFORE = re.compile(r"\b(?i:persen|percent|juta|miliar|triliun|ribu|million|billion)[-–]\Z")
_MONTH_DASH_BEFORE = re.compile(rf"[0-9]{_S}+(?i:{_trie(MONTH_NUMBERS)})[-–]\Z")
_ZONE_BEFORE = re.compile(r"(?:GMT|UTC)\+\Z")
_MINUS_BEFORE = re.compile(rf"(?i:(?<!plus )(?<!plus-)(?<!plus/)(?<!plus or )(?<!plus atau )\bminus){_S}+\Z")
_UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
# the counted noun, or a unit symbol written with capitals ("42 kWh", "5 GB", "100 MW")
_NOUN_AFTER = re.compile(
    rf"{_S}+(kepala{_S}keluarga|[a-z]+(?:-[a-z]+)?|[kMGT]Wh?|[KMGT]B|Mbps|Gbps|MHz|GHz|kHz|[Kk]L|[A-Z]{{2,5}}s?)\b")
_MONTH_AFTER = re.compile(
    rf"{_S}+([A-Z][a-z]{{2,8}}|[A-Z]{{3,9}})(\.?)(?:,?{_S}+((?:1[89]|20)[0-9]{{2}})(?![0-9]))?"
)
_TIME_AFTER = re.compile(
    rf"{_S}*(?:WIB|WITA|WIT|GMT|UTC|(?:[ap]\.m\.)|(?i:am|pm)\b|(?:pagi|siang|sore|malam|dini)\b)"
)
_RANGE_AFTER = re.compile(
    rf"(?:{_S}?[-–—]{_S}?|{_S}+(?i:hingga|sampai|to|s\.d\.?|s/d|and|dan|or|atau|plus{_S}+(?:or{_S}+|atau{_S}+)?minus){_S}+|{_S}*±{_S}*)"
    rf"(?:(?:Rp\.?|US\$|\$|€|£){_S}?)?([0-9]++(?:[.,][0-9]++)*+)"
)
_LABEL_BEFORE = re.compile(rf"(?i:\b({_alt(LABEL_WORDS)}))\.?{_S}*\Z")
_YEAR_NEXT = re.compile(rf"{_S}+(?:1[89]|20)[0-9]{{2}}(?![0-9])")
# a capitalised word before the number, not at the start of a sentence
_NAME_BEFORE = re.compile(rf"(?:[\w,]{_S}+|\()[A-Z][\w&-]*{_S}*\Z")  # "(HS 72)", "S&P 500" too
# the second half of a model number: "Boeing 737-800"
_MODEL_BEFORE = re.compile(rf"(?:[\w,]{_S}+|\()[A-Z][\w&-]*{_S}+[0-9]{{1,4}}[-–/]\Z")
def _counted(text: str, pos: int) -> str | None:
    """The noun a count counts, written after it: "orang", "unit", "kepala keluarga", "GT", "SPBU";
    not a function word, a time zone, nor "kali" in "dua kali lipat" (a multiple)."""
    nm = _NOUN_AFTER.match(text, pos)
    if nm is None:
        return None
    unit = nm.group(1)
    if unit in NOT_NOUNS or unit in _NOT_UNIT_ACRONYMS or unit == "kali" and _MULTIPLE_AFTER.match(text, nm.end()):
        return None
    return unit


_NOT_UNIT_ACRONYMS = frozenset({"WIB", "WITA", "WIT", "GMT", "UTC", "AM", "PM", "SM", "BC", "AD", "CE", "BCE", "HUT"})
_MULTIPLE_AFTER = re.compile(rf"{_S}+(?:lipat|lebih)\b")


# what stands before a number to dial, within a few words
_CONTACT_BEFORE = re.compile(
    r"\b(?i:call|calling|hubungi|menghubungi|telepon|telp|hotline|darurat|emergency|sms|whatsapp)\b[^.\n0-9]{0,22}"
    r"(?:[0-9]+[ -])?\Z")
_GRADE_UNITS = frozenset({"karat", "carat", "kt"})
_MEASURE_DASH_AFTER = re.compile(
    r"[-–](miles?|kilometers?|kilometres?|km|meters?|metres?|foot|feet|acres?|hectares?|tons?|tonnes?|MW|GW)\b(?!-)")
_STREET_AFTER = re.compile(
    rf"{_S}+(?:[A-Z][\w.'-]*{_S}+){{1,3}}(?:Street|St|Drive|Dr|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Way|Highway)\b")
_SLASH_DM_AFTER = re.compile(r"/([0-9]{1,2})(?![0-9/])")

# "jan", "sept": a month word that starts a longer one, so a period after it belongs to it
_MONTH_ABBREVIATIONS = frozenset(w for w in MONTH_NUMBERS if any(o != w and o.startswith(w) for o in MONTH_NUMBERS))
_WEEKDAY_FULL = [w for w in WEEKDAY_NUMBERS if len(w) > 4 or w in ("rabu", "ahad")]
_WD_BEFORE = re.compile(rf"(?i:\b({_alt(_WEEKDAY_FULL)})){_S}*,?{_S}*\Z")

# Everything that starts with a letter: month names, weekdays, relative dates, number words.
# Matched against the lower-cased text (same length) for speed; _WORD_RE_I otherwise.
_WORD_PATTERN = rf"""\b(?:
      (?P<mon>{_trie(MONTH_NUMBERS)})
     |(?P<wd>{_trie(_WEEKDAY_FULL)})
     |(?P<rel>bulan{_S}+lalu|last{_S}+month|yesterday|(?<!-)kemarin(?!-)|bulan{_S}+(?:depan|mendatang)|next{_S}+month)
     |(?P<nw>(?:{_trie(FIRST_NUMBER_WORDS)}|a(?={_S}+(?:thousand|million|billion|trillion)\b))(?:(?:{_S}+|-){_trie(NUMBER_WORDS)})*)
     |(?P<one>se(?:hari|minggu|pekan|bulan|tahun|jam)(?!-))
    )\b"""
_WORD_RE = re.compile(_WORD_PATTERN, re.X)
_WORD_RE_I = re.compile(_WORD_PATTERN, re.X | re.I)
# Where a _NUM_RE match may start; searched first because it is a plain character set.
_NUM_START = re.compile(r"[(+]?[0-9]")
_MON_DAY_AFTER = re.compile(
    rf"\.?{_S}+([0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|[.,:][0-9])(?:,?{_S}+((?:1[89]|20)[0-9]{{2}})(?![0-9]))?"
)
# the second day of "June 4-6" (and the year both share)
_DAY_RANGE_AFTER = re.compile(rf"[-–]([0-9]{{1,2}})(?![0-9]|[.,:][0-9])(?:,?{_S}+((?:1[89]|20)[0-9]{{2}})(?![0-9]))?")
_MON_YEAR_AFTER = re.compile(rf"\.?{_S}+((?:1[89]|20)[0-9]{{2}})(?![0-9])")
_WORD_SPLIT = re.compile(r"[ \t\u00a0\u202f-]+")
_QUANTITY_BEFORE = re.compile(
    rf"(?:[0-9]|\b(?i:beberapa|berapa|{_alt(NUMBER_WORDS)})){_S}+\Z"
)
_RATE_BEFORE = re.compile(rf"(?:[0-9%]|\b(?i:jt|juta|rb|ribu|miliar|triliun|rupiah|dolar|persen|kali|x)){_S}*\Z")
_TIMES_BEFORE = re.compile(rf"(?<![0-9.,])([0-9]{{1,2}}){_S}*[x×]{_S}*\Z")
# the second month of a range, with the year both share
_MONTH_RANGE_AFTER = re.compile(
    rf"{_S}*(?:[-–]|{_S}(?i:hingga|sampai|s\.d\.?|s/d|to|through|and|dan){_S}){_S}*(?:[0-9]{{1,2}}{_S}+)?"
    rf"([A-Z][a-z]{{2,8}})\.?{_S}+((?:1[89]|20)[0-9]{{2}})(?![0-9])"
)
_YEAR_WORDS_AFTER = re.compile(rf",?{_S}+(?:(?i:tahun){_S}+(lalu|kemarin|depan|ini)|(?i:(last|next|this)){_S}+year)\b")
_HALF_BEFORE = re.compile(rf"\b(?i:half){_S}+\Z")
_LALU_AFTER = re.compile(rf"{_S}+(?:lalu|kemarin)\b", re.I)
_LAST_BEFORE = re.compile(rf"\b(?i:last){_S}+\Z")
_COMING_AFTER = re.compile(rf"{_S}+(?:depan|mendatang)\b", re.I)
_NEXT_BEFORE = re.compile(rf"\b(?i:next){_S}+\Z")
# "tahun kemarin", "pekan kemarin": last year, last week, not yesterday
_PERIOD_BEFORE = re.compile(rf"\b(?i:tahun|bulan|pekan|minggu|hari-hari){_S}+\Z")
# words after which a bare month name is a date: "pada Agustus", "akhir Juli", "in August", "since May";
# after "sejak"/"since" it is in the past
_MONTH_PREP_BEFORE = re.compile(
    rf"\b(?i:pada|(?P<since>sejak|since)|(?P<by>by)|hingga|sampai|akhir|awal|pertengahan|bulan|selama|periode|yakni|in|until|"
    rf"through|to|early|late|mid|during|of)"
    rf"(?:{_S}+|-)\Z"
)

_ID_HINT = re.compile(r"\b(?:yang|dan|di|dengan|untuk|dari|ini|itu|tidak|akan|pada|adalah)\b")
_EN_HINT = re.compile(r"\b(?:the|and|of|to|is|that|for|with|was|were|has|have|from)\b")


# --------------------------------------------------------------------------- helpers
def _guess_lang(text: str) -> str:
    sample = text[:3000]
    return "en" if len(_EN_HINT.findall(sample)) > len(_ID_HINT.findall(sample)) else "id"


def _norm_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.lower()[:2]
    if lang in ("id", "in", "ms"):
        return "id"
    if lang == "en":
        return "en"
    return None


def _to_decimal(raw: str, conv: str, decimal_hint: bool) -> Decimal | None:
    """Value of a digit string with separators, or None if its shape is not a number."""
    if raw.isdigit():
        return Decimal(raw)
    has_dot = "." in raw
    has_comma = "," in raw
    if has_dot and has_comma:
        dec = "." if raw.rfind(".") > raw.rfind(",") else ","
        grp = "," if dec == "." else "."
        if raw.count(dec) != 1:
            return None
        whole, frac = raw.split(dec)
        if not _valid_groups(whole.split(grp)):
            return None
        return Decimal(whole.replace(grp, "") + "." + frac)
    sep = "." if has_dot else ","
    parts = raw.split(sep)
    if len(parts) > 2:
        return Decimal("".join(parts)) if _valid_groups(parts) else None
    whole, frac = parts
    if len(frac) != 3 or whole == "0" or len(whole) > 3 or (len(whole) > 1 and whole[0] == "0"):
        return Decimal(whole + "." + frac)
    conv_decimal = "," if conv == "id" else "."
    if sep == conv_decimal and decimal_hint:
        return Decimal(whole + "." + frac)
    return Decimal(whole + frac)


def _valid_groups(parts: list[str]) -> bool:
    if not 1 <= len(parts[0]) <= 3 or (len(parts[0]) > 1 and parts[0][0] == "0"):
        return False
    return all(len(p) == 3 for p in parts[1:])


def _number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _duration(value: Decimal, code: str, more: tuple[tuple[Decimal, str], ...] = ()) -> str:
    """ISO 8601 duration of one amount and unit code ("Y", "TH" …), and of the smaller ones that follow."""
    date_part = time_part = ""
    for amount, unit in ((value, code), *more):
        number = format(amount.normalize(), "f")
        if unit.startswith("T"):
            time_part += number + unit[1:]
        else:
            date_part += number + unit
    return "P" + date_part + ("T" + time_part if time_part else "")


def _month_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + month - 1 - back
    return index // 12, index % 12 + 1


def _resolve_day_month(
    day: int, month: int, year: int | None, published: _dt.date | None, weekday: int | None = None
) -> tuple[bool, str | None]:
    """(valid, ISO value) for a day and month, the year taken from ``published`` if missing."""
    if year is not None:
        try:
            return True, _dt.date(year, month, day).isoformat()
        except ValueError:
            return False, None
    if published is None:
        try:
            _dt.date(2024, month, day)  # a leap year: 29/2 is a valid date
        except ValueError:
            return False, None
        return True, f"--{month:02d}-{day:02d}"  # ISO 8601 without a year: all the text tells
    candidates = []
    for yy in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(_dt.date(yy, month, day))
        except ValueError:
            pass
    if not candidates:
        return False, None
    if weekday is not None:
        matching = [c for c in candidates if c.isoweekday() == weekday]
        if matching:
            candidates = matching
    best = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    return True, best.isoformat()


def _year_shaped(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100


def _is_score(first: str, second: str, sep: str) -> bool:
    """ "2-1", "21-19": a glued pair of whole numbers that does not go up is a score."""
    return (
        sep in ("-", "–")
        and first.isdigit()
        and second.isdigit()
        and len(first) <= 3
        and len(second) <= 3
        and int(second) <= int(first)
    )


# --------------------------------------------------------------------------- the scanner
class _Scan:
    __slots__ = ("text", "published", "lang", "out", "n")

    def __init__(self, text: str, published: _dt.date | None, lang: str) -> None:
        self.text = text
        self.published = published
        self.lang = lang
        self.out: list[Figure] = []
        self.n = len(text)

    def add(self, start: int, end: int, kind: str, value, unit=None) -> None:
        self.out.append(Figure(start, end, self.text[start:end], kind, value, unit))

    # ---- digits
    def numbers(self) -> None:
        text = self.text
        start_search = _NUM_START.search
        num_match = _NUM_RE.match
        pos = 0
        while True:
            f = start_search(text, pos)
            if f is None:
                break
            m = num_match(text, f.start())
            if m is None:  # "(" or "+" not starting a date or phone
                pos = f.start() + 1
                continue
            pos = m.end()
            group = m.lastgroup
            if group == "num":
                self.number(m.start(), m.end(), m.group())
            elif group == "pdate":
                self.paren_date(m)
            elif group == "iso":
                y, mo, d = re.split(r"[-/]", m.group())
                ok, value = _resolve_day_month(int(d), int(mo), int(y), None)
                if ok:
                    self.add(m.start(), m.end(), DATE, value)
            elif group == "dmy":
                d, mo, y = re.split(r"[-/.]", m.group())
                year = int(y) if len(y) == 4 else 2000 + int(y)
                ok, value = _resolve_day_month(int(d), int(mo), year, None)
                if not ok:  # month first, only when day first is impossible
                    ok, value = _resolve_day_month(int(mo), int(d), year, None)
                if ok:
                    self.add(m.start(), m.end(), DATE, value)
            # phone, time, chain: not figures

    def paren_date(self, m: re.Match) -> None:
        day, month = int(m.group("pd")), int(m.group("pm"))
        py = m.group("py")
        year = None if py is None else (int(py) if len(py) == 4 else 2000 + int(py))
        weekday = None
        wm = _WD_BEFORE.search(self.text, max(0, m.start() - 16), m.start())
        if wm:
            weekday = WEEKDAY_NUMBERS.get(wm.group(1).lower())
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return
        ok, value = _resolve_day_month(day, month, year, self.published, weekday)
        if ok:
            self.add(m.start(), m.end(), DATE, value)

    def suffix(self, end: int, currency: str | None, small_int: bool):
        """What follows a number: (kind, end, mult, conv, unit, extra)."""
        text = self.text
        pos = end
        mult = 1
        conv = None
        # fast path: no letter, "%" or "-" next means no scale, currency, unit or noun
        peek = text[end:end + 3].lstrip(" \t\u00a0\u202f")[:1]
        if not peek.isalpha() and peek not in ("%", "-", "–", "—", ","):
            if currency is not None:
                return MONEY, pos, 1, None, currency, None
            return COUNT, pos, 1, None, None, None
        sm = _SCALE_AFTER.match(text, pos)
        if sm:
            word, letter = sm.group(2), sm.group(3)
            if word:
                mult, conv = SCALE_WORDS[word.lower()]
                pos = sm.end()
            elif currency is not None:
                if letter == "M":
                    mult = 10**9 if currency == "IDR" else 10**6
                elif letter == "T":
                    mult = 10**12
                elif letter in "Bb":
                    mult = 10**9
                elif letter == "m":
                    mult = 10**6
                else:
                    mult = 10**3
                pos = sm.end()
        if currency is not None:
            dm = _MONEY_DASH.match(text, pos)
            if dm:
                pos = dm.end()
            return MONEY, pos, mult, conv, currency, None
        cm = _CUR_AFTER.match(text, pos)
        if cm:
            idx = cm.lastindex
            code = cm.group(1) if idx == 1 else _CUR_AFTER_CODES[idx]
            if idx == _CENTS_GROUP:  # "rose 61 cents": 0.61 dollars
                return MONEY, cm.end(), mult * Decimal("0.01"), conv, code, None
            if not (code == "GBP" and cm.group(idx).lower() == "pounds" and mult == 1):
                return MONEY, cm.end(), mult, conv, code, None
        if mult != 1:
            return COUNT, pos, mult, conv, _counted(text, pos), None
        pm = _PCT_AFTER.match(text, pos)
        if pm:
            word = pm.group(pm.lastindex)
            wl = word.lower()
            pconv = "id" if wl.startswith(("persen", "poin", "basis poin")) else (
                None if word == "%" else "en"
            )
            if pm.lastindex == 1:
                return PERCENT, pm.end(), 1, pconv, "%", None
            if pm.lastindex in (2, 4):
                return PERCENT, pm.end(), 1, pconv, "pp", None
            return PERCENT, pm.end(), 1, pconv, "pp", "bp"
        du = _DUR_AFTER.match(text, pos)
        if du:
            return DURATION, du.end(), 1, None, None, DURATION_UNITS[du.group(1).lower()]
        if small_int:
            mm = _MONTH_AFTER.match(text, pos)
            if mm and mm.group(1).lower() in MONTH_NUMBERS:
                month = MONTH_NUMBERS[mm.group(1).lower()]
                year = int(mm.group(3)) if mm.group(3) else None
                end = mm.end()
                if year is None and mm.group(2) and mm.group(1).lower() not in _MONTH_ABBREVIATIONS:
                    end = mm.end(1)  # "mulai 3 Oktober." ends a sentence; "12 Aug." is abbreviated
                return DATE, end, 1, None, None, (month, year)
        return COUNT, pos, 1, None, _counted(text, pos), None

    def number(self, s: int, e: int, raw: str) -> None:
        text = self.text
        if text.startswith("-an", e) and not text[e + 3:e + 4].isalpha():
            e += 3  # "1.000-an warga": about a thousand
        prev = text[s - 1] if s else ""
        currency = None
        fstart = s
        # the last non-space character before the number: searches only when it can matter
        lead = text[max(0, s - 3):s].rstrip(" \t\u00a0\u202f")[-1:]
        word_before = lead.isalpha() or lead == "."
        if word_before or lead in ("$", "€", "£", "¥"):
            cm = _CUR_BEFORE.search(text, max(0, s - 8), s)
            if cm:
                token = cm.group(1) or cm.group(2)
                currency = CURRENCY_PREFIXES.get(token, "USD")
                fstart = cm.start()
        after_pair = False
        if currency is None and prev:
            if (prev.isalpha() or prev in "_/#@&=\\") and not (
                    prev == "x" and _TIMES_BEFORE.search(text, max(0, s - 4), s) and _DUR_AFTER.match(text, e)):
                return  # G20, MH370, 11/2020, #12, ?v=2025; but "1x24 jam" is a day
            if prev in "-–" and s >= 2:
                before = text[s - 2]
                if before.isalpha() and not _UNIT_DASH_BEFORE.search(text, max(0, s - 12), s) \
                        and not _MONTH_DASH_BEFORE.search(text, max(0, s - 12), s):
                    return  # COVID-19, ke-3, B-1234; but "5 persen-10 persen" and "21 Maret-11 April" are ranges
                after_pair = before.isdigit() or before == " " and s >= 3 and text[s - 3].isdigit()
            if prev == "+" and _ZONE_BEFORE.search(text, max(0, s - 5), s):
                return  # "GMT+10"
            if prev == "." and s >= 2 and text[s - 2].isdigit():
                return
        # "-0,5 persen", "minus 2,3 persen": a sign, not a hyphen or a range
        negative = None
        if prev and prev in "-\u2212" and not after_pair and (s < 2 or text[s - 2] in " \t\u00a0(:"):
            negative = s - 1
        elif lead.isalpha() and (mm := _MINUS_BEFORE.search(text, max(0, s - 8), s)):
            negative = mm.start()
        if after_pair and currency is None:
            # "Rp 10-15 miliar": the second number shares the first one's currency
            a_end = s - 1
            while a_end > 0 and text[a_end - 1] in " -–\t\u00a0":
                a_end -= 1
            a_start = a_end
            while a_start > 0 and (text[a_start - 1].isdigit() or text[a_start - 1] in ".,"):
                a_start -= 1
            if _is_score(text[a_start:a_end], raw, text[a_end:s]):
                return  # 2-1
            if len(raw) == 2 and _year_shaped(text[a_start:a_end]) and text[a_end:s].strip() in ("-", "–"):
                return  # the 2024-25 season
            if a_start < a_end:
                cm = _CUR_BEFORE.search(text, max(0, a_start - 8), a_start)
                if cm:
                    currency = CURRENCY_PREFIXES.get(cm.group(1) or cm.group(2), "USD")
        nxt = text[e] if e < self.n else ""
        if nxt == "/" and currency is None:
            dm = _SLASH_DM_AFTER.match(text, e)
            if dm and len(raw) <= 2 and raw.isdigit():
                wm = _WD_BEFORE.search(text, max(0, s - 16), s) if lead.isalpha() or lead == "," else None
                if wm:
                    day, month = int(raw), int(dm.group(1))
                    if 1 <= day <= 31 and 1 <= month <= 12:
                        ok, value = _resolve_day_month(
                            day, month, None, self.published, WEEKDAY_NUMBERS.get(wm.group(1).lower())
                        )
                        if ok:
                            self.add(s, dm.end(), DATE, value)
            return  # codes, fractions, 24/7
        if currency is None and len(raw) <= 5 and e < self.n and text[e] in " \t\u00a0\u202fapAP" \
                and _TIME_AFTER.match(text, e):
            return  # 14.05 WIB, 10 pm
        small_int = raw.isdigit() and len(raw) <= 2
        kind, end, mult, conv, unit, extra = self.suffix(e, currency, small_int)
        if kind == COUNT and mult == 1 and unit is None and currency is None and _PER_DOLLAR_AFTER.match(text, e):
            # an exchange rate: "the rupiah weakened to 16,450 per dollar", "yen at 160.245 per dollar"
            named = _FX_CURRENCY_BEFORE.search(text, max(0, s - 160), s)
            if named:
                value = _to_decimal(raw, self.lang, True)
                if value is not None:
                    self.add(s, e, MONEY, _number(value), _FX_CODES[named.group(1).lower()])
                return
        if kind == COUNT and mult == 1 and nxt in "-–" and (mm := _MEASURE_DASH_AFTER.match(text, e)):
            value = _to_decimal(raw, self.lang, False)
            if value is not None:  # "a 25-mile stretch", "40-kilometer"
                self.add(s, e, COUNT, _number(value), mm.group(1))
            return
        # glued letters that are not a unit: 4G, 5th, 3D, 10x
        if end == e or (kind == COUNT and mult == 1):
            if nxt.isalpha():
                return
            if nxt in "-–" and e + 1 < self.n and text[e + 1].isalpha() and kind != DURATION \
                    and not _RANGE_AFTER.match(text, e):  # "Rp 3.000-Rp 5.000" is a range, "B-1234" is not
                return
        # a range: the first number borrows what follows the second
        before_pair = False
        if kind == COUNT and mult == 1 and unit is None and not _year_shaped(raw):
            rm = _RANGE_AFTER.match(text, e)
            if rm:
                sep = text[e:rm.start(1)]
                before_pair = "-" in sep or "–" in sep or "—" in sep
                if _is_score(raw, rm.group(1), sep):
                    return  # 2-1
                r_end = rm.end(1)
                r_small = rm.group(1).isdigit() and len(rm.group(1)) <= 2
                kind2, _end2, mult2, conv2, unit2, extra2 = self.suffix(r_end, None, r_small and small_int)
                if mult2 != 1 and _GROUPED.fullmatch(raw):
                    unit = unit2 if kind2 == COUNT else None  # "by 460,000 to 4.9 million": no scale
                elif kind2 != COUNT or mult2 != 1 or unit2 is not None:
                    kind, mult, conv, unit, extra = kind2, mult2, conv2, unit2, extra2
                    end = e
                    if kind == MONEY and currency is None:
                        return  # "10-15 miliar rupiah": rare; the second number carries it
        elif kind == COUNT and mult != 1 and unit is None and (rm := _RANGE_AFTER.match(text, end)):
            # "6,4 juta hingga 6,7 juta unit": the first amount counts what the second does
            kind2, _end2, mult2, _conv2, unit2, _extra2 = self.suffix(rm.end(1), None, False)
            if kind2 == COUNT and mult2 == mult:
                unit = unit2
        elif kind == MONEY and mult == 1 and end == e:
            rm = _RANGE_AFTER.match(text, e)
            # "Rp 3-5 juta" shares the scale; "Rp 150.000 hingga Rp 2,5 juta" does not: the second amount
            # has its own currency, and a number grouped in thousands never takes a scale word
            if rm and not _CURRENCY_IN.search(text, e, rm.start(1)) and not _GROUPED.fullmatch(raw):
                sm = _SCALE_AFTER.match(text, rm.end(1))
                if sm:
                    mult = self.suffix(rm.end(1), currency, False)[2]
        if kind == DATE:
            month, year = extra
            day = int(raw)
            ok, value = _resolve_day_month(day, month, year, self.published)
            if ok:
                self.add(s, end, DATE, value)
            return
        value = _to_decimal(raw, conv or self.lang, mult != 1 or kind == PERCENT)
        if value is None:
            return
        if kind == MONEY:
            if unit == "KRW" and value * mult < 100:
                return  # "they had 2 won": a won is worth a tenth of a rupiah, prices run in thousands
            self.add(fstart, end, MONEY, _number(value * mult), unit)
            return
        if kind == PERCENT:
            if extra == "bp":
                value = value / 100
            if negative is not None:
                s, value = negative, -value
            self.add(s, end, PERCENT, _number(value), unit)
            return
        if kind == DURATION:
            if text.startswith("-old", end):
                end += 4  # "a 15-year-old": an age, P15Y like "berusia 15 tahun"
            if word_before and _LABEL_BEFORE.search(text, max(0, s - 14), s):
                return  # "Nomor 11 Tahun 2020"
            if extra == "Y" and _YEAR_NEXT.match(text, end):
                return  # "11 Tahun 2020"
            more = []
            last = extra
            while (nm := _DUR_NEXT.match(text, end)) is not None:
                code = DURATION_UNITS[nm.group(2).lower()]
                if _UNIT_ORDER.index(code) <= _UNIT_ORDER.index(last):
                    break  # "4 tahun 6 bulan" goes on; "2 jam 3 jam" does not
                more.append((Decimal(nm.group(1).replace(",", ".")), code))  # "4 menit 21,55 detik"
                last, end = code, nm.end()
            if not more and (tm := _TIMES_BEFORE.search(text, max(0, s - 8), s)):
                s, value = tm.start(), value * int(tm.group(1))  # "2 x 24 jam": 48 hours
            self.add(s, end, DURATION, _duration(value, extra, tuple(more)))
            return
        # COUNT
        if mult == 1:
            plain = raw.isdigit()
            if plain and (len(raw) >= 10 or (len(raw) > 1 and raw[0] == "0")):
                return
            if _year_shaped(raw) and unit not in COUNT_NOUNS_AFTER_YEAR:
                return  # a year
            grouped_decimal = "." in raw and "," in raw  # "7.350,12": a quantity, never a label
            # nor a number grouped in thousands: "ke level 8.105", "level 1,200"
            quantity = grouped_decimal or value >= 1000 and _GROUPED.fullmatch(raw) is not None
            if word_before and not quantity and (
                _LABEL_BEFORE.search(text, max(0, s - 14), s)
                or plain and len(raw) <= 4 and unit not in COUNT_NOUNS_AFTER_YEAR
                and _NAME_BEFORE.search(text, max(0, s - 40), s)
            ):
                return  # "Pasal 27", "Jalan Sudirman 45", "Boeing 737"; but "Kota Bandung 644 kasus" counts
            if plain and len(raw) <= 4 and _MODEL_BEFORE.search(text, max(0, s - 40), s):
                return  # "Boeing 737-800 freighters"
            if unit in _GRADE_UNITS:
                return  # "emas 24 karat": a purity, not a quantity
            if unit is None:
                if _CONTACT_BEFORE.search(text, max(0, s - 30), s):
                    return  # "layanan darurat 112", "call the SES on 132 500"
                if _STREET_AFTER.match(text, end):
                    return  # "1499 San Luis Drive"
                # a bare decimal is a figure only when grouped as one ("ke level 7.350,12")
                if value < 10 or value != value.to_integral_value() and not grouped_decimal:
                    return
                if lead in ("(", ",") and nxt in (")", ","):
                    return  # ages and list labels: "Zulkifli (61)", "Cardoso, 27,"
                if after_pair or before_pair:
                    return  # 2-1, 21-19, 2020-2024
        self.add(s, end, COUNT, _number(value * mult), unit)

    # ---- words
    def words(self) -> None:
        text = self.text
        pub = self.published
        low = text.lower()
        if len(low) == len(text):
            matches = _WORD_RE.finditer(low)
        else:  # a few characters change length when lower-cased
            matches = _WORD_RE_I.finditer(text)
        for m in matches:
            group = m.lastgroup
            word = text[m.start():m.end()]
            if group == "nw":
                self.number_words(m)
                continue
            if group == "one":  # "sepekan", "setahun": one week, one year ("sehari-hari" is "daily")
                if not _RATE_BEFORE.search(text, max(0, m.start() - 12), m.start()):  # "Rp 5 jt sebulan": a rate
                    self.add(m.start(), m.end(), DURATION, _duration(Decimal(1), DURATION_UNITS[word.lower()[2:]]))
                continue
            if not word[0].isupper() and group != "rel":
                continue
            s, e = m.span()
            if group == "mon":
                month = MONTH_NUMBERS[word.lower()]
                dm = _MON_DAY_AFTER.match(text, e)
                if dm:
                    year = int(dm.group(2)) if dm.group(2) else None
                    second = None if year else _DAY_RANGE_AFTER.match(text, dm.end())
                    if second and second.group(2):  # "June 4-6, 2025": both days take the year
                        year = int(second.group(2))
                    ok, value = _resolve_day_month(int(dm.group(1)), month, year, pub)
                    if ok:
                        self.add(s, dm.end(), DATE, value)
                    if second:  # "Feb. 20-24": the last day of the range too
                        ok, value = _resolve_day_month(int(second.group(1)), month, year, pub)
                        if ok:
                            self.add(second.start(1), second.end(), DATE, value)
                    continue
                ym = _MON_YEAR_AFTER.match(text, e)
                if ym:
                    self.add(s, ym.end(), DATE, f"{int(ym.group(1)):04d}-{month:02d}")
                    continue
                yr = _YEAR_WORDS_AFTER.match(text, e)
                if yr and pub is not None:  # "September last year", "Agustus tahun depan"
                    rel = (yr.group(1) or yr.group(2)).lower()
                    year = pub.year + (-1 if rel in ("lalu", "kemarin", "last") else 1 if rel in ("depan", "next") else 0)
                    self.add(s, yr.end(), DATE, f"{year:04d}-{month:02d}")
                    continue
                rm = _MONTH_RANGE_AFTER.match(text, e)
                if rm and rm.group(1).lower() in MONTH_NUMBERS:  # "Januari hingga Februari 2025"
                    self.add(s, e, DATE, f"{int(rm.group(2)):04d}-{month:02d}")
                    continue
                lm = _LALU_AFTER.match(text, e)
                last = _LAST_BEFORE.search(text, max(0, s - 8), s)
                coming = _COMING_AFTER.match(text, e)
                upcoming = _NEXT_BEFORE.search(text, max(0, s - 8), s)
                if lm or last:
                    value = None
                    if pub is not None:
                        year = pub.year if month < pub.month else pub.year - 1
                        value = f"{year:04d}-{month:02d}"
                    if lm:
                        self.add(s, lm.end(), DATE, value)
                    else:
                        self.add(last.start(), e, DATE, value)
                elif coming or upcoming:  # "Juli mendatang", "next March": the next one
                    value = None
                    if pub is not None:
                        year = pub.year if month > pub.month else pub.year + 1
                        value = f"{year:04d}-{month:02d}"
                    self.add(upcoming.start() if upcoming else s, coming.end() if coming else e, DATE, value)
                elif word.lower() not in _MONTH_ABBREVIATIONS and (
                        (pm := _MONTH_PREP_BEFORE.search(text, max(0, s - 14), s))
                        or self._month_after_noun(word, s, e)):
                    # "pada Agustus", "in August", "inflasi Februari": that month, the one nearest the
                    # published date; "sejak Juli", "since December": the last one; "by December" the next
                    value = None
                    if pub is not None:
                        if pm and pm.group("since"):
                            year = pub.year if month <= pub.month else pub.year - 1
                        elif pm and pm.group("by"):
                            year = pub.year if month >= pub.month else pub.year + 1
                        else:
                            year = min((pub.year - 1, pub.year, pub.year + 1),
                                       key=lambda y: (abs((y - pub.year) * 12 + month - pub.month), y))
                        value = f"{year:04d}-{month:02d}"
                    self.add(s, e, DATE, value)
            elif group == "wd":
                wl = word.lower()
                # "minggu lalu", "minggu depan" are last and next week, not Sunday; a capitalised
                # "Minggu" inside a sentence is the day ("hingga Minggu kemarin")
                sunday = wl != "minggu" or not _sentence_start(text, s)
                lm = _LALU_AFTER.match(text, e) if sunday else None
                last = _LAST_BEFORE.search(text, max(0, s - 8), s)
                coming = _COMING_AFTER.match(text, e) if sunday else None
                upcoming = _NEXT_BEFORE.search(text, max(0, s - 8), s)
                if lm or last:
                    value = None
                    if pub is not None:
                        back = (pub.isoweekday() - WEEKDAY_NUMBERS[wl]) % 7 or 7
                        value = (pub - _dt.timedelta(days=back)).isoformat()
                    if lm:
                        self.add(s, lm.end(), DATE, value)
                    else:
                        self.add(last.start(), e, DATE, value)
                elif coming or upcoming:  # "Senin depan", "next Monday"
                    value = None
                    if pub is not None:
                        ahead = (WEEKDAY_NUMBERS[wl] - pub.isoweekday()) % 7 or 7
                        value = (pub + _dt.timedelta(days=ahead)).isoformat()
                    self.add(upcoming.start() if upcoming else s, coming.end() if coming else e, DATE, value)
                elif sunday and self._day_of_the_story(s, e):
                    # "on Monday", "Senin" alone: news tells what happened, so the day is one of the
                    # five before the published date or the day after it; in a sentence about what
                    # will happen ("akan", "will", "dijadwalkan"), the day itself or one of the six after
                    value = None
                    if pub is not None:
                        ahead = _FUTURE_BEFORE.search(text, max(0, s - 80), s)
                        back = 0 if ahead else 5
                        delta = (WEEKDAY_NUMBERS[wl] - pub.isoweekday() + back) % 7 - back
                        value = (pub + _dt.timedelta(days=delta)).isoformat()
                    self.add(s, e, DATE, value)
            else:  # rel
                wl = word.lower()
                if wl.startswith("bulan") and _QUANTITY_BEFORE.search(text, max(0, s - 12), s):
                    continue  # "beberapa bulan lalu", "3 bulan lalu": months ago, not last month
                if wl == "kemarin" and _PERIOD_BEFORE.search(text, max(0, s - 12), s):
                    continue  # "tahun kemarin": last year
                value = None
                if wl in ("yesterday", "kemarin"):
                    if pub is not None:
                        value = (pub - _dt.timedelta(days=1)).isoformat()
                elif pub is not None:
                    ahead = wl.startswith("next") or wl.endswith(("depan", "mendatang"))
                    y, mo = _month_back(pub.year, pub.month, -1 if ahead else 1)
                    value = f"{y:04d}-{mo:02d}"
                self.add(s, e, DATE, value)

    def _day_of_the_story(self, s: int, e: int) -> bool:
        """A weekday named alone is a day of the story, not a date written out ("Selasa (12/8)",
        "Monday, Aug. 12": the date is the figure), nor a name ("Black Friday", "Jumat Kliwon"),
        a schedule ("Senin-Jumat", "setiap Senin") or a plural."""
        text = self.text
        if _DATE_AFTER_WEEKDAY.match(text, e) or _WEEKDAY_PAIR.match(text, e) or _WEEKDAY_PAIR_BEFORE.search(
                text, max(0, s - 12), s):
            return False
        return not (_NOT_A_DAY_BEFORE.search(text, max(0, s - 12), s) or _NOT_A_DAY_AFTER.match(text, e))

    def _month_after_noun(self, word: str, s: int, e: int) -> bool:
        """Indonesian puts the month after what it dates: "inflasi Februari", "ekspor batu bara Juli".
        A capitalised Indonesian month name after a lower-case word, with no name after it ("Agustus
        Sani" is a person); an English one after a lower-case word or "the" ("sharply from April",
        "The January fires"; "May" is also a verb and a name)."""
        low = word.lower()
        if low in _INDONESIAN_MONTHS:
            before = _LOWER_WORD_BEFORE.search(self.text, max(0, s - 30), s)
        elif low in _ENGLISH_MONTHS:  # "sharply from April", "said June was", "The January fires"
            before = _LOWER_WORD_BEFORE.search(self.text, max(0, s - 30), s) or _THE_BEFORE.search(
                self.text, max(0, s - 6), s)
        else:
            return False
        return before is not None and not _NAME_AFTER.match(self.text, e)

    def number_words(self, m: re.Match) -> None:
        text = self.text
        s, e = m.span()
        tokens = _WORD_SPLIT.split(m.group().lower())
        value = words_value(tokens)
        if value is None:
            return
        if e < self.n and text[e] == "-" and e + 1 < self.n and text[e + 1].isalpha():
            du = _DUR_AFTER.match(text, e)
            if not du:
                return
        kind, end, mult, conv, unit, extra = self.suffix(e, None, False)
        if unit == "kali":
            unit = None  # "datang tiga kali sebulan", "dua kali": how often, in words, is no count
        value = Decimal(value)
        if tokens[0] == "a" and (hm := _HALF_BEFORE.search(text, max(0, s - 8), s)):
            s, value = hm.start(), value / 2  # "half a million"
        if kind == MONEY:
            self.add(s, end, MONEY, _number(value * mult), unit)
        elif kind == PERCENT:
            if extra == "bp":
                value = value / 100
            self.add(s, end, PERCENT, _number(value), unit)
        elif kind == DURATION:
            self.add(s, end, DURATION, _duration(value, extra))
        elif kind == COUNT and unit is None and mult == 1 and (rm := _WORD_RANGE_AFTER.match(text, e)):
            # "dua hingga tiga hari", "two to three percent": the first number takes the second's unit
            kind2, _end2, mult2, _conv2, unit2, extra2 = self.suffix(rm.end(), None, False)
            if kind2 == DURATION:
                self.add(s, e, DURATION, _duration(value, extra2))
            elif kind2 == PERCENT:
                self.add(s, e, PERCENT, _number(value / 100 if extra2 == "bp" else value), unit2)
            elif kind2 == COUNT and value * mult2 >= 2 and (unit2 is not None or mult2 != 1):
                self.add(s, e, COUNT, _number(value * mult2), unit2)
        elif kind == COUNT and (value * mult >= 10 or value >= 2 and unit is not None
                                and not _WHEELS_BEFORE.search(text, max(0, s - 8), s)):
            # "sepuluh ribu", and a small number that counts something: "tiga tersangka", "nine people";
            # not "kendaraan roda empat" (four-wheeled)
            self.add(s, end, COUNT, _number(value * mult), unit)


# exchange rates quoted against the dollar, in the currency the sentence names
_PER_DOLLAR_AFTER = re.compile(rf"{_S}+(?i:per{_S}+(?:US{_S}+|U\.S\.{_S}+)?dol+ar|per{_S}+US\$|against{_S}+the{_S}+dollar)")
_FX_CODES = {"yen": "JPY", "rupiah": "IDR", "won": "KRW", "peso": "PHP", "ringgit": "MYR", "baht": "THB",
             "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "dong": "VND", "euro": "EUR",
             "taiwan dollar": "TWD", "singapore dollar": "SGD", "hong kong dollar": "HKD", "australian dollar": "AUD"}
_FX_CURRENCY_BEFORE = re.compile(
    rf"\b(?i:({'|'.join(sorted((re.escape(k) for k in _FX_CODES), key=len, reverse=True))}))\b(?:[^.!?\n]|\.(?=[0-9]))*\Z")

_WHEELS_BEFORE = re.compile(rf"\b(?i:roda){_S}+\Z")

# the second number of a range written in words
_WORD_RANGE_AFTER = re.compile(
    rf"{_S}*(?:[-–]|{_S}(?i:hingga|sampai|atau|to|or){_S}){_S}*(?i:{_trie(NUMBER_WORDS)})(?:(?:{_S}+|-)(?i:{_trie(NUMBER_WORDS)}))*\b")

# bare weekdays: what makes one no day of the story
_DATE_AFTER_WEEKDAY = re.compile(rf"{_S}*,?{_S}*(?:\(?[0-9]|(?i:{_trie(MONTH_NUMBERS)})\b)")
_WEEKDAY_PAIR = re.compile(rf"{_S}*[-–/]{_S}*(?i:{_trie(_WEEKDAY_FULL)})\b")
_WEEKDAY_PAIR_BEFORE = re.compile(rf"\b(?i:{_trie(_WEEKDAY_FULL)}){_S}*[-–/]{_S}*\Z")
# a sentence about what will happen, up to the weekday
_FUTURE_BEFORE = re.compile(
    r"\b(?i:will|akan|dijadwalkan|direncanakan|rencananya|is scheduled|are scheduled|is expected to|are expected to|"
    r"is due to|are due to|besok|tomorrow)\b(?:[^.!?\n]|\.(?=[0-9]))*\Z")
_NOT_A_DAY_BEFORE = re.compile(
    rf"\b(?i:setiap|tiap|saban|every|each|per|black|good|cyber|super|bloody|ash|holy|palm|easter){_S}+\Z")
_NOT_A_DAY_AFTER = re.compile(rf"{_S}+(?:Agung|Kliwon|Legi|Pahing|Pon|Wage|Times|Mail|Telegraph|Post|ini\b)")
# months written the Indonesian way (April, September, November are the same in English)
_INDONESIAN_MONTHS = frozenset({"januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober",
                                "desember", "nopember", "pebruari"})
# English months that are no other word when capitalised inside a sentence ("May" is, and a name)
_ENGLISH_MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august", "september",
                             "october", "november", "december"})
_LOWER_WORD_BEFORE = re.compile(rf"\b[a-z]{{2,}}{_S}+\Z")
_THE_BEFORE = re.compile(rf"\b[Tt]he{_S}+\Z")
_NAME_AFTER = re.compile(rf"{_S}+[A-Z][a-z]")


def _sentence_start(text: str, s: int) -> bool:
    """Whether position ``s`` opens a sentence (text start, or after a sentence end or line break)."""
    k = s - 1
    while k >= 0 and text[k] in " \t\u00a0\"'“(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:"


# --------------------------------------------------------------------------- entry point
def find_figures(
    text: str, published: _dt.date | None = None, lang: str | None = None
) -> list[Figure]:
    """Counts, money, percentages, dates and durations in ``text``, sorted by start.

    ``published`` (the article's date) resolves dates written without a year and
    relative ones ("November lalu"); ``lang`` ("id"/"en") picks the separator
    convention when nothing else in the figure does (guessed when None).
    """
    if not text:
        return []
    if isinstance(published, _dt.datetime):
        published = published.date()
    scan = _Scan(text, published, _norm_lang(lang) or _guess_lang(text))
    scan.numbers()
    scan.words()
    found = scan.out
    if not found:
        return found
    found.sort(key=lambda f: (f.start, f.start - f.end))
    result = []
    last_end = -1
    for fig in found:
        if fig.start >= last_end:
            result.append(fig)
            last_end = fig.end
    return result
