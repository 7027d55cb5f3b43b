"""The plain record the figure parser hands to the rest of tuireader."""

from __future__ import annotations

from dataclasses import dataclass

COUNT = "COUNT"
MONEY = "MONEY"
PERCENT = "PERCENT"
DATE = "DATE"
DURATION = "DURATION"
FIGURE_KINDS = (COUNT, MONEY, PERCENT, DATE, DURATION)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a text: ``text == body[start:end]``.

    ``value`` is normalised: a number (int when whole) for COUNT, MONEY and
    PERCENT; an ISO date ("2025-08-12"), month ("2025-11") or, when the year
    cannot be known, day and month ("--08-12", ISO 8601's year-less form) for DATE; an
    ISO-8601 duration ("P60D", "P3W", "PT5H") for DURATION.
    ``unit`` is the currency code for MONEY ("IDR", "USD", "EUR"), the counted
    noun for COUNT when one follows ("orang", "people"), "%" for PERCENT,
    else None.
    """

    start: int
    end: int
    text: str
    kind: str
    value: int | float | str | None
    unit: str | None = None
