"""Plain records that flow between the importers, the store and the screens."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(slots=True)
class RawArticle:
    """What an importer read from a file, before cleaning.

    ``source_key`` names where it came from and is stable across re-imports:
    the file path, or ``path#url`` / ``path#N`` for one object of a JSON Lines file.
    """

    source_key: str
    title: str
    body: str
    byline: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    lang: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PreparedArticle:
    """A cleaned article, ready to store: every text field is sanitised."""

    source_key: str
    content_hash: str
    title: str
    body: str
    byline: str
    source: str
    url: str
    published: str | None  # ISO date
    lang: str
    word_count: int
    tags: list[str]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    source: str
    published: str | None
    lang: str
    word_count: int
    is_read: bool
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article with everything the reader shows."""

    id: int
    title: str
    body: str
    byline: str
    source: str
    url: str
    published: str | None
    lang: str
    word_count: int
    source_path: str
    content_hash: str
    imported_at: str
    updated_at: str
    is_read: bool
    position: int
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredMention:
    """An entity mention as stored: offsets into the body, and its canonical entity."""

    start: int
    end: int
    text: str
    label: str
    canonical: str
    entity_id: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article matching a search, with a snippet whose matches are marked."""

    id: int
    title: str
    source: str
    published: str | None
    lang: str
    snippet: str
    rank: float


def content_hash(title: str, body: str) -> str:
    """An article's identity by content: the same title and cleaned body are the same article."""
    return hashlib.sha256(f"{title}\n\x00{body}".encode("utf-8")).hexdigest()
