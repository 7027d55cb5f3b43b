"""What a story mentions, grouped for the reader's side panel and for stepping through mentions."""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.records import StoredMention

LABEL_ORDER = ("PERSON", "ORG", "LOCATION")
LABEL_TITLES = {"PERSON": "People", "ORG": "Organisations", "LOCATION": "Places"}


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """One canonical entity in one story, with every place it is mentioned."""

    entity_id: int
    name: str
    label: str
    spans: tuple[tuple[int, int], ...]  # body offsets, in reading order

    @property
    def count(self) -> int:
        return len(self.spans)


def group_mentions(mentions: list[StoredMention]) -> list[EntityGroup]:
    """Entities by type (people, organisations, places), most mentioned first, then by first mention."""
    spans: dict[int, list[tuple[int, int]]] = {}
    first: dict[int, StoredMention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        spans.setdefault(mention.entity_id, []).append((mention.start, mention.end))
        first.setdefault(mention.entity_id, mention)
    groups = [
        EntityGroup(entity_id, first[entity_id].canonical, first[entity_id].label, tuple(entity_spans))
        for entity_id, entity_spans in spans.items()
    ]
    order = {label: i for i, label in enumerate(LABEL_ORDER)}
    return sorted(groups, key=lambda g: (order.get(g.label, 9), -g.count, g.spans[0][0]))


def find_all(body: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of ``needle`` in ``body`` (for search within a story)."""
    if not needle.strip():
        return []
    folded_body, folded_needle = body.casefold(), needle.casefold()
    if len(folded_body) != len(body):  # casefold changed lengths (ß, ﬁ): fall back to lower()
        folded_body, folded_needle = body.lower(), needle.lower()
    found, start = [], folded_body.find(folded_needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = folded_body.find(folded_needle, start + max(1, len(needle)))
    return found


def next_span(spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], current: int, step: int) -> int:
    """Index of the next (step=1) or previous (step=-1) span, wrapping around."""
    if not spans:
        return -1
    return (current + step) % len(spans)
