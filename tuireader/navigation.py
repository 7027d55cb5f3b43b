"""Back and forward through everything opened (stories, entity pages, threads), like a browser."""

from __future__ import annotations

from dataclasses import dataclass, field

STORY, ENTITY, THREAD, ENTITIES = "story", "entity", "thread", "entities"


@dataclass(frozen=True, slots=True)
class Place:
    """Something the user opened: ``id`` is an article or entity id; ``offset`` a body offset."""

    kind: str
    id: int | None = None
    title: str = ""
    offset: int | None = None


@dataclass(slots=True)
class History:
    places: list[Place] = field(default_factory=list)
    index: int = -1
    limit: int = 200

    @property
    def current(self) -> Place | None:
        return self.places[self.index] if 0 <= self.index < len(self.places) else None

    def visit(self, place: Place) -> None:
        """Go somewhere new: forward history is dropped, as in a browser; revisiting the current place is a no-op."""
        current = self.current
        if current is not None and (current.kind, current.id) == (place.kind, place.id):
            self.places[self.index] = place
            return
        del self.places[self.index + 1 :]
        self.places.append(place)
        if len(self.places) > self.limit:
            del self.places[0]
        self.index = len(self.places) - 1

    def replace(self, place: Place) -> None:
        """The current place changed in place (n/p moved the reader to another story)."""
        if self.current is None:
            self.visit(place)
        else:
            self.places[self.index] = place

    def back(self) -> Place | None:
        if self.index <= 0:
            return None
        self.index -= 1
        return self.current

    def forward(self) -> Place | None:
        if self.index >= len(self.places) - 1:
            return None
        self.index += 1
        return self.current

    def crumbs(self, count: int = 4) -> list[str]:
        """Titles of the places up to the current one, the last ``count``."""
        return [p.title for p in self.places[max(0, self.index - count + 1) : self.index + 1]]
