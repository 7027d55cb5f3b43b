"""Related stories: the scoring, pure (no SQL, no Textual).

Two stories are about the same event when they share rare words, share rare
canonical entities and were published close together.  This module turns an
article into a sparse weighted term vector, scores a candidate against a story
and explains the score in words; ``tuireader.store.related_index`` keeps the
vectors in the library and finds the candidates.  The weights and the reasons
for them are in ``docs/related.md``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

#: Terms kept per article (the highest TF-IDF weights); the rest are dropped from the index.
TERMS_PER_ARTICLE = 40
#: A title word counts as this many body occurrences.
TITLE_WEIGHT = 3
#: The combined score: lexical and entity similarity (each a cosine in [0, 1]) ...
LEXICAL_WEIGHT = 0.5
ENTITY_WEIGHT = 0.5
#: ... times a closeness-in-time factor between TIME_FLOOR (far apart) and 1 (same day).
TIME_FLOOR = 0.5
#: Days for the time factor to fall half-way from 1 to TIME_FLOOR.
TIME_HALF_LIFE_DAYS = 14.0
#: The factor for a story without a date: as if published a half-life away.
UNDATED_TIME_FACTOR = TIME_FLOOR + (1 - TIME_FLOOR) * 0.5
#: Below this combined score a candidate is not shown as related at all.
MIN_SCORE = 0.05
#: Words and entities named in a reason.
REASON_ENTITIES = 3
REASON_WORDS = 3

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"(?:19|20)\d\d")


# -- records --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelatedStory:
    """A story related to another one, with why."""

    id: int
    title: str
    published: str | None
    source: str
    lang: str
    score: float
    reasons: tuple[str, ...] = ()  # e.g. ("shares Hamas, Khalil Al Hayya", "2 days later", "words: gencatan, senjata")

    @property
    def reason(self) -> str:
        """The reasons on one line, joined by " · "."""
        return " · ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class EntityStory:
    """A story on an entity page: where it mentions the entity."""

    id: int
    title: str
    published: str | None
    source: str
    lang: str
    mentions: int
    sentence: str  # the sentence of the first mention


@dataclass(frozen=True, slots=True)
class CoMention:
    """An entity named in the same stories as the page's entity."""

    id: int
    name: str
    label: str
    stories: int  # stories mentioning both (among the ones counted, see EntityPage.co_mentions_over)


@dataclass(frozen=True, slots=True)
class NearbyFigure:
    """A figure stated in the same sentence as a mention of the entity."""

    article_id: int
    published: str | None
    text: str
    kind: str
    value: object
    unit: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class EntityPage:
    id: int
    name: str
    label: str  # PERSON | ORG | LOCATION
    aliases: tuple[str, ...]  # surface forms seen in the library, the name included
    story_count: int
    mention_count: int
    timeline: tuple[EntityStory, ...]  # newest first (at most the page's limit)
    co_mentioned: tuple[CoMention, ...]  # most often first
    figures: tuple[NearbyFigure, ...]  # newest story first
    co_mentions_over: int = 0  # how many of the newest stories co-mentions were counted over


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One row of the entity list."""

    id: int
    name: str
    label: str
    stories: int
    mentions: int
    last_published: str | None


# -- terms --------------------------------------------------------------------------------


@cache
def stop_words() -> frozenset[str]:
    """Stop words of both languages: a story may quote the other one, and neither list holds content words."""
    from tuireader.text.language import stopwords

    return stopwords("id") | stopwords("en")


def stem(word: str) -> str:
    """A very light stemmer: the Indonesian "-nya" clitic and the English plural "-s".

    Enough to meet "warga/warganya" and "talk/talks" (not yet measured against
    no stemming; see docs/related.md).
    """
    if len(word) > 6 and word.endswith("nya"):
        return word[:-3]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ies")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Content words of ``text``: lower case, stop words and bare numbers (but years) dropped, lightly stemmed."""
    stops = stop_words()
    out = []
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in stops:
            continue
        if not _HAS_LETTER.search(word) and not _YEAR.fullmatch(word):
            continue
        out.append(stem(word))
    return out


def term_counts(title: str, body: str) -> Counter[str]:
    """Term frequencies of an article, title words counted TITLE_WEIGHT times."""
    counts = Counter(tokens(body))
    for term in tokens(title):
        counts[term] += TITLE_WEIGHT
    return counts


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency; never below a small positive floor."""
    return math.log((n_docs + 1) / (df + 0.5)) if df < n_docs else 0.1


def weigh_terms(counts: Counter[str], df: dict[str, int], n_docs: int, limit: int = TERMS_PER_ARTICLE) -> list[tuple[str, float]]:
    """The ``limit`` heaviest terms, (1 + ln tf) * idf, scaled to unit length, heaviest first."""
    weighted = [
        (term, (1.0 + math.log(tf)) * idf(max(1, df.get(term, 1)), max(1, n_docs)))
        for term, tf in counts.items()
    ]
    weighted.sort(key=lambda item: (-item[1], item[0]))
    top = weighted[:limit]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return [(term, w / norm) for term, w in top]


# -- the score --------------------------------------------------------------------------


def time_factor(days_apart: float | None) -> float:
    """1 for the same day, falling towards TIME_FLOOR; UNDATED_TIME_FACTOR when a date is missing."""
    if days_apart is None:
        return UNDATED_TIME_FACTOR
    decay = 0.5 ** (abs(days_apart) / TIME_HALF_LIFE_DAYS)
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * decay


def combined_score(lexical: float, entity: float, days_apart: float | None) -> float:
    """(LEXICAL_WEIGHT * lexical cosine + ENTITY_WEIGHT * entity cosine) * time factor."""
    return (LEXICAL_WEIGHT * lexical + ENTITY_WEIGHT * entity) * time_factor(days_apart)


def entity_cosine(query: dict[int, float], candidate_shared: Iterable[int], candidate_norm: float) -> float:
    """Cosine of two binary entity vectors weighted by IDF: shared IDF² over both norms.

    ``query`` maps the story's entity ids to their IDF; ``candidate_norm`` is the
    candidate's own vector length (stored when it was indexed).
    """
    query_norm = math.sqrt(sum(w * w for w in query.values()))
    if not query_norm or not candidate_norm:
        return 0.0
    shared = sum(query[e] ** 2 for e in candidate_shared if e in query)
    return min(1.0, shared / (query_norm * candidate_norm))


def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 for an ISO date (or date-time); None when missing or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


# -- reasons ------------------------------------------------------------------------------


def describe_time(days_apart: int | None) -> str:
    """"same day", "1 day later", "3 days earlier" (the candidate relative to the story); "" without dates."""
    if days_apart is None:
        return ""
    if days_apart == 0:
        return "same day"
    n = abs(days_apart)
    unit = "day" if n == 1 else "days"
    return f"{n} {unit} {'later' if days_apart > 0 else 'earlier'}"


def reasons(shared_entities: Sequence[str], days_apart: int | None, shared_words: Sequence[str]) -> tuple[str, ...]:
    """Human reasons, strongest evidence first: shared entities (rarest first), time, shared words."""
    out = []
    if shared_entities:
        out.append("shares " + ", ".join(shared_entities[:REASON_ENTITIES]))
    when = describe_time(days_apart)
    if when:
        out.append(when)
    if shared_words:
        out.append("words: " + ", ".join(shared_words[:REASON_WORDS]))
    return tuple(out)


@dataclass(slots=True)
class Candidate:
    """Scoring state of one candidate while the index looks for related stories."""

    article_id: int
    lexical: float = 0.0
    entities: set[int] = field(default_factory=set)
    entity: float = 0.0
    days_apart: int | None = None
    score: float = 0.0

    def finish(self, query_entities: dict[int, float], entity_norm: float, days_apart: int | None) -> float:
        self.entity = entity_cosine(query_entities, self.entities, entity_norm)
        self.days_apart = days_apart
        self.score = combined_score(self.lexical, self.entity, days_apart)
        return self.score


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The [left, right) offsets of the sentence (or line) of ``body`` holding [start, end)."""
    left = max(body.rfind(mark, 0, start) for mark in _SENTENCE_ENDS)
    left = 0 if left < 0 else left + 1
    stops = [i for i in (body.find(mark, end) for mark in _SENTENCE_ENDS) if i >= 0]
    right = min(stops) + 1 if stops else len(body)
    return left, right


def sentence_around(body: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence of ``body`` holding [start, end), on one line, shortened around the span if long."""
    left, right = sentence_bounds(body, start, end)
    text = " ".join(body[left:right].split())
    if len(text) > limit:
        lo = max(0, start - left - limit // 2)
        text = ("…" if lo else "") + text[lo : lo + limit].strip() + "…"
    return text


_SENTENCE_ENDS = (". ", "? ", "! ", "\n")
