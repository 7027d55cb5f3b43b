"""Tag names: what the user typed, and the identity two spellings share."""

from __future__ import annotations

import unicodedata

from tuireader.text.sanitise import sanitise_line


def normalise_tag(name: str) -> str:
    """A tag as stored: no control characters or escape sequences, NFC, trimmed, inner whitespace
    collapsed to one space ("" when blank)."""
    return " ".join(unicodedata.normalize("NFC", sanitise_line(name)).split())


def tag_key(name: str) -> str:
    """Identity of a tag: "Banjir", "banjir " and "BANJIR" are one tag; so are "Ümraniye" and "ümraniye".

    SQLite's NOCASE folds ASCII only, so the comparison is done with casefold() here.
    """
    return normalise_tag(name).casefold()


def unique_tags(names: list[str] | tuple[str, ...]) -> list[str]:
    """Normalised, blanks dropped, first spelling of each key kept, in the given order."""
    seen: dict[str, str] = {}
    for name in names:
        tag = normalise_tag(name)
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return list(seen.values())
