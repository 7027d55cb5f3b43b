"""CSV export: one row per highlight, for spreadsheets (RFC 4180 quoting by the csv module).

Text is written as the user typed it - newlines and quotes included; the csv module
quotes such fields. Tags are joined with "; ".
"""

from __future__ import annotations

import csv
from typing import TextIO

from tuireader.annotations.records import StoryNotes

COLUMNS = ("title", "url", "published", "tags", "quote", "note", "label", "orphaned", "created_at", "updated_at")
TAG_SEPARATOR = "; "


def rows(stories: list[StoryNotes]) -> list[dict[str, str]]:
    return [
        {
            "title": story.story.title,
            "url": story.story.url,
            "published": story.story.published or "",
            "tags": TAG_SEPARATOR.join(story.tags),
            "quote": h.quote,
            "note": h.note,
            "label": "" if h.label is None else str(h.label),
            "orphaned": "yes" if h.orphaned else "",
            "created_at": h.created_at,
            "updated_at": h.updated_at,
        }
        for story in stories
        for h in story.highlights
    ]


def write_csv(stories: list[StoryNotes], stream: TextIO) -> int:
    """Write the header and one row per highlight; returns the number of rows. Open files with newline=""."""
    table = rows(stories)
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(table)
    return len(table)
