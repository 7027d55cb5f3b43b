"""Plain records for tags, highlights, story notes and their export.

The store returns them, the exporters and screens read them; none knows SQL or Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tuireader.annotations.anchoring import Anchor

LABELS = range(1, 6)  # a highlight's label: 1-5, or None


@dataclass(frozen=True, slots=True)
class StoryRef:
    """Who a note belongs to, kept with the note so it outlives the story (orphans, export)."""

    content_hash: str
    title: str
    url: str = ""
    published: str | None = None


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted passage and the user's note on it.

    ``article_id`` is None once the story was deleted; ``orphaned`` is True then, and
    also when the story's text changed so that the passage could not be found again
    (``start``/``end`` are the last known offsets and must not be drawn).
    """

    id: int
    uid: str  # stable across libraries: export/import-notes identity
    article_id: int | None
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    note: str
    label: int | None
    orphaned: bool
    created_at: str
    updated_at: str
    story: StoryRef

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.quote, self.prefix, self.suffix, self.start, self.end)


@dataclass(frozen=True, slots=True)
class StoryNote:
    article_id: int | None
    note: str
    updated_at: str
    story: StoryRef


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    exact: int = 0
    nearest: int = 0
    fuzzy: int = 0
    orphaned: int = 0


@dataclass(frozen=True, slots=True)
class StoryNotes:
    """Everything exported about one story (or one deleted story, when ``article_id`` is None)."""

    article_id: int | None
    story: StoryRef
    source: str = ""
    lang: str = ""
    tags: tuple[str, ...] = ()
    entities: dict[str, list[str]] = field(default_factory=dict)  # type -> canonical names
    note: StoryNote | None = None
    highlights: tuple[Highlight, ...] = ()  # anchored first by start, then orphaned

    @property
    def anchored(self) -> list[Highlight]:
        return [h for h in self.highlights if not h.orphaned]

    @property
    def orphaned(self) -> list[Highlight]:
        return [h for h in self.highlights if h.orphaned]


@dataclass(frozen=True, slots=True)
class NotesImportReport:
    stories_matched: int = 0
    stories_unmatched: int = 0
    highlights_added: int = 0
    highlights_orphaned: int = 0
    highlights_skipped: int = 0  # already present (same uid)
    notes_added: int = 0
    notes_updated: int = 0
    tags_added: int = 0

    def summary(self) -> str:
        return (
            f"stories matched {self.stories_matched}, unmatched {self.stories_unmatched}; "
            f"highlights added {self.highlights_added} (orphaned {self.highlights_orphaned}), "
            f"already present {self.highlights_skipped}; story notes added {self.notes_added}, "
            f"updated {self.notes_updated}; tags added {self.tags_added}"
        )
