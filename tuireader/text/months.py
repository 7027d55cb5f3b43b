"""Month and weekday names in Indonesian and English, shared by date parsing and figures."""

from __future__ import annotations

#: lower-case month name or abbreviation -> month number (1-12)
MONTH_NUMBERS: dict[str, int] = {}

_MONTHS = [
    ("januari", "january", "jan"),
    ("februari", "february", "feb", "pebruari"),
    ("maret", "march", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("agustus", "august", "aug", "agu", "agt", "ags"),
    ("september", "sept", "sep"),
    ("oktober", "october", "oct", "okt"),
    ("november", "nov", "nopember"),
    ("desember", "december", "dec", "des"),
]
for _number, _names in enumerate(_MONTHS, start=1):
    for _name in _names:
        MONTH_NUMBERS[_name] = _number

#: lower-case weekday name -> ISO weekday (Monday = 1)
WEEKDAY_NUMBERS: dict[str, int] = {}
_WEEKDAYS = [
    ("senin", "monday", "mon"),
    ("selasa", "tuesday", "tue", "tues"),
    ("rabu", "wednesday", "wed"),
    ("kamis", "thursday", "thu", "thurs"),
    ("jumat", "jum'at", "friday", "fri"),
    ("sabtu", "saturday", "sat"),
    ("minggu", "ahad", "sunday", "sun"),
]
for _number, _names in enumerate(_WEEKDAYS, start=1):
    for _name in _names:
        WEEKDAY_NUMBERS[_name] = _number
