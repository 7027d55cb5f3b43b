"""The JSON notes document (``"format": "tuireader-notes"``, version 1; see docs/notes-format.md).

``to_document`` and ``parse`` are inverses over ``StoryNotes`` records: what one library
exports, ``tuireader.store.notes.import_notes`` merges into another.
"""

from __future__ import annotations

import json
from typing import Any

from tuireader.annotations.records import LABELS, Highlight, StoryNote, StoryNotes, StoryRef
from tuireader.errors import TuireaderError

FORMAT = "tuireader-notes"
VERSION = 1


class NotesFormatError(TuireaderError):
    """A file that is not a tuireader notes document this version can read."""


def to_document(stories: list[StoryNotes], exported_at: str) -> dict:
    """The document for ``stories``; live stories under "stories", deleted ones under "orphans".

    Stories are ordered by date, title and hash, not by library id, so two libraries
    holding the same notes export the same document.
    """
    def order(s: StoryNotes) -> tuple:
        return (s.story.published or "", s.story.title, s.story.content_hash)

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "stories": [_story(s) for s in sorted((s for s in stories if s.article_id is not None), key=order)],
        "orphans": [_story(s) for s in sorted((s for s in stories if s.article_id is None), key=order)],
    }


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _story(s: StoryNotes) -> dict:
    entry: dict[str, Any] = {
        "story": {
            "content_hash": s.story.content_hash,
            "title": s.story.title,
            "url": s.story.url,
            "published": s.story.published,
        },
        "tags": list(s.tags),
        "note": None if s.note is None else {"text": s.note.note, "updated_at": s.note.updated_at},
        "highlights": [_highlight(h) for h in s.highlights],
    }
    if s.article_id is not None:
        entry["story"].update(source=s.source, lang=s.lang)
    return entry


def _highlight(h: Highlight) -> dict:
    return {
        "id": h.uid,
        "quote": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "start": h.start,
        "end": h.end,
        "note": h.note,
        "label": h.label,
        "orphaned": h.orphaned,
        "created_at": h.created_at,
        "updated_at": h.updated_at,
    }


def loads(text: str) -> list[StoryNotes]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotesFormatError(f"not JSON ({error.msg} at line {error.lineno})") from None
    return parse(data)


def parse(data: object) -> list[StoryNotes]:
    """The stories of a notes document (live and orphaned alike: the importer matches each)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotesFormatError(f'not a tuireader notes file (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise NotesFormatError("the notes file has no valid version")
    if version > VERSION:
        raise NotesFormatError(f"notes file version {version} is newer than this tuireader reads ({VERSION}); upgrade")
    stories = []
    for section in ("stories", "orphans"):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise NotesFormatError(f'"{section}" must be a list')
        for index, entry in enumerate(entries):
            try:
                stories.append(_parse_story(entry))
            except (KeyError, TypeError, ValueError) as error:
                raise NotesFormatError(f"{section}[{index}]: {_describe(error)}") from None
    return stories


def _parse_story(entry: dict) -> StoryNotes:
    ident = entry["story"]
    story = StoryRef(
        content_hash=_text(ident, "content_hash", required=True),
        title=_text(ident, "title"),
        url=_text(ident, "url"),
        published=ident.get("published") or None,
    )
    note = entry.get("note")
    return StoryNotes(
        article_id=None,
        story=story,
        source=_text(ident, "source"),
        lang=_text(ident, "lang"),
        tags=tuple(_strings(entry.get("tags", []), "tags")),
        note=None if note is None else StoryNote(None, _text(note, "text", required=True), _text(note, "updated_at"), story),
        highlights=tuple(_parse_highlight(h, story) for h in entry.get("highlights", [])),
    )


def _parse_highlight(h: dict, story: StoryRef) -> Highlight:
    label = h.get("label")
    if label is not None and (not isinstance(label, int) or label not in LABELS):
        raise ValueError(f"label {label!r} is not 1-5")
    start, end = h["start"], h["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end < start:
        raise ValueError(f"bad offsets {start!r}..{end!r}")
    return Highlight(
        id=0, uid=_text(h, "id", required=True), article_id=None, quote=_text(h, "quote", required=True),
        prefix=_text(h, "prefix"), suffix=_text(h, "suffix"), start=start, end=end, note=_text(h, "note"),
        label=label, orphaned=bool(h.get("orphaned", False)), created_at=_text(h, "created_at", required=True),
        updated_at=_text(h, "updated_at") or _text(h, "created_at"), story=story,
    )


def _text(mapping: dict, key: str, *, required: bool = False) -> str:
    value = mapping.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f'"{key}" must be a{" non-empty" if required else ""} string')
    return value


def _strings(values: object, key: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f'"{key}" must be a list of strings')
    return values


def _describe(error: Exception) -> str:
    return f'missing "{error.args[0]}"' if isinstance(error, KeyError) else str(error)
