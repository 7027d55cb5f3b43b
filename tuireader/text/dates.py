"""Find an article's published date in a metadata string.

Accepted forms, anywhere in the string (surrounding words, weekdays, times and
time zones are ignored):

* ISO and year-first numeric: ``2025-08-12``, ``2025-08-12T10:30:00+07:00``,
  ``2025/08/12``;
* month names in Indonesian or English (see ``tuireader.text.months``), day
  first or month first: ``12 Agustus 2025``, ``Tue, 12 Aug 2025 10:30 +0700``
  (RFC 2822), ``August 12, 2025``, ``Aug. 12th, 2025``;
* numeric day-first: ``12/08/2025``, ``12-8-2025``, ``12.08.2025``.  Numeric
  dates are ALWAYS read day first, as written in Indonesia, so ``08/12/2025``
  is 8 December even on an American site.  Two-digit years are not accepted.

The date is returned as written: no time-zone conversion, so
``2025-08-12T23:30:00-05:00`` is 12 August.  Years outside 1900-2100 are
rejected as noise.  When several dates appear, the earliest in the string that
is a real calendar date wins.  Nothing found or invalid -> ``None``; this
module never raises on bad input.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from tuireader.text.months import MONTH_NUMBERS

MIN_YEAR = 1900
MAX_YEAR = 2100

# Any short word; whether it names a month is a dictionary lookup afterwards,
# which is much faster than a 40-branch alternation tried at every position.
_MONTH_WORD = r"[^\W\d_]{3,9}"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"

_YEAR_FIRST = re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)")
_DAY_FIRST_NUMERIC = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)" + _YEAR)
_DAY_MONTH_NAME_YEAR = re.compile(
    rf"(?<!\d){_DAY}\.?(?:\s+of)?[\s-]+(?P<month>{_MONTH_WORD})\b\.?,?[\s-]+{_YEAR}", re.IGNORECASE
)
_MONTH_NAME_DAY_YEAR = re.compile(rf"\b(?P<month>{_MONTH_WORD})\b\.?\s+{_DAY}\b,?\s+{_YEAR}", re.IGNORECASE)

_PATTERNS = (_YEAR_FIRST, _DAY_MONTH_NAME_YEAR, _MONTH_NAME_DAY_YEAR, _DAY_FIRST_NUMERIC)


def parse_date(text: str) -> datetime.date | None:
    """Return the first valid calendar date written in ``text``, or None."""
    if not text:
        return None
    candidates = sorted(_candidates(text), key=lambda found: found[0])
    return candidates[0][1] if candidates else None


def _candidates(text: str) -> Iterator[tuple[int, datetime.date]]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match)
            if found is not None:
                yield match.start(), found


def _to_date(match: re.Match[str]) -> datetime.date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTH_NUMBERS.get(month_text.lower())
    if month is None:
        return None
    year = int(match.group("year"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, int(match.group("day")))
    except ValueError:
        return None


def format_iso_date(iso: str | None, pattern: str) -> str:
    """An ISO date from the library shown with the user's strftime pattern ('' when there is none)."""
    if not iso:
        return ""
    try:
        return datetime.date.fromisoformat(iso[:10]).strftime(pattern)
    except ValueError:
        return iso
