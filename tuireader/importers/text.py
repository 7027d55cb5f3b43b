"""Plain text: the first non-empty line is the title, the rest is the body.

Plain text has no metadata, so the published date comes from a dateline
("Painan, Senin (3/3/2025)", "CAIRO, Aug. 19, 2025") at the top of the body,
else from a date at the start of the file name ("2025-03-03-banjir.txt").
"""

from __future__ import annotations

import re
from pathlib import Path

from tuireader.records import RawArticle
from tuireader.text.dates import parse_date

DATELINE_MAX_CHARS = 60
_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# A dateline that opens the first paragraph: "Jakarta, Selasa (12/8/2025) - Nilai ekspor ..."
_DATELINE_LEAD = re.compile(r"^([^,\n]{2,30},[^\n]{0,40}?)\s+[-–—]\s")


TITLE_MAX_WORDS = 30
_FIRST_SENTENCE = re.compile(r"^(.{20,}?[.!?])\s")


def read_text(text: str, source_key: str) -> list[RawArticle]:
    lines = text.strip().splitlines()
    first = lines[0].strip()
    if _is_lede(first):
        # Scrapers often drop the headline: the first line is the opening paragraph.
        # Keep it in the body and title the story with its first sentence.
        sentence = _FIRST_SENTENCE.match(first + " ")
        title, body = (sentence.group(1) if sentence else first), text.strip()
    else:
        title, body = first, "\n".join(lines[1:]).strip()
    return [RawArticle(source_key=source_key, title=title, body=body, published=_published(body, source_key))]


def _is_lede(line: str) -> bool:
    return len(line.split()) > TITLE_MAX_WORDS or (line.endswith(".") and len(line.split()) > 12)


def _published(body: str, source_key: str) -> str:
    first_line = body.split("\n", 1)[0].strip()
    lead = _DATELINE_LEAD.match(first_line)
    for dateline in (first_line if len(first_line) <= DATELINE_MAX_CHARS else "", lead.group(1) if lead else ""):
        found = parse_date(dateline)
        if found:
            return found.isoformat()
    match = _FILENAME_DATE.match(Path(source_key).name)
    if match and parse_date(match.group(1)):
        return match.group(1)
    return ""
