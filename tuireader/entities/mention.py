"""The plain record an entity recogniser hands to the rest of tuireader."""

from __future__ import annotations

from dataclasses import dataclass

#: Labels as users and the JSON output see them.
PERSON = "PERSON"
ORG = "ORG"
LOCATION = "LOCATION"
ENTITY_LABELS = (PERSON, ORG, LOCATION)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One mention of an entity: ``text == body[start:end]``.

    ``canonical`` is the name shared by every alias of the same entity
    ("Al Hayya" -> "Khalil Al Hayya", "AS" -> "United States"); empty until
    canonicalisation has run.
    """

    start: int
    end: int
    label: str
    text: str
    canonical: str = ""
