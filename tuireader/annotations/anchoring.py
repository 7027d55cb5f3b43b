"""Anchors for highlights: find a quoted passage again after the story's text changed.

Pure functions over strings; offsets are ``str`` indices into a story body.

``reanchor`` tries, in order:

1. **exact** - the quote is still at its old offsets and no other occurrence
   fits its surrounding text better;
2. **nearest** - the quote occurs elsewhere: the occurrence whose prefix and
   suffix best resemble the old ones, the nearest to the old position on a tie;
3. **fuzzy** - the quote itself was edited: prefix+quote+suffix locates the
   region, then the stretch of text most like the quote is taken if its
   similarity (``rapidfuzz.fuzz.ratio``, 0-100) is at least ``FUZZY_THRESHOLD``;
4. otherwise ``None``: the caller keeps the highlight as an orphan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


CONTEXT_CHARS = 32
# Below 85 a one-word change in a short quote is already a different passage
# (e.g. "harga naik" vs "harga turun" scores 76); above it, typo fixes and
# small rewordings in a sentence-long quote still match.
FUZZY_THRESHOLD = 85.0
# prefix+quote+suffix must resemble the new text this much to narrow the search
# to one region; below it the whole body is searched for the quote alone.
REGION_THRESHOLD = 70.0
# partial_ratio aligns a window of the quote's old length, so an edited (longer or
# shorter) passage scores low there; this looser cut-off only picks the candidate
# whose ends are then fitted and judged against FUZZY_THRESHOLD.
ROUGH_THRESHOLD = 60.0
# How far the fuzzy match's ends may move to fit an edited quote's new length.
MAX_EDGE_SHIFT = 40

EXACT, NEAREST, FUZZY = "exact", "nearest", "fuzzy"


@dataclass(frozen=True, slots=True)
class Anchor:
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    method: str  # EXACT | NEAREST | FUZZY


def make_anchor(body: str, start: int, end: int) -> Anchor:
    """The anchor for ``body[start:end]``; raises ValueError for an empty or out-of-range span."""
    if not (0 <= start < end <= len(body)):
        raise ValueError(f"span {start}..{end} is not a non-empty part of a {len(body)}-character text")
    return Anchor(
        quote=body[start:end],
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def reanchor(anchor: Anchor, new_body: str) -> Placement | None:
    """Where the anchored passage is in ``new_body``, or None when it is gone."""
    if not anchor.quote:
        return None
    occurrences = _occurrences(anchor.quote, new_body)
    if occurrences:
        length = len(anchor.quote)
        best = max(occurrences, key=lambda at: (_context_score(anchor, new_body, at, at + length), -abs(at - anchor.start)))
        method = EXACT if best == anchor.start else NEAREST
        return Placement(best, best + len(anchor.quote), method)
    return _fuzzy_placement(anchor, new_body)


def find_quote(body: str, quote: str) -> list[tuple[int, int]]:
    """Spans of ``quote`` in ``body``, any run of whitespace matching any other.

    A quote typed on a command line has single spaces where the body may have a line break.
    """
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    spans = []
    position = 0
    while (match := pattern.search(body, position)) is not None:
        spans.append(match.span())
        position = match.start() + 1
    return spans


def _occurrences(quote: str, body: str) -> list[int]:
    found = []
    at = body.find(quote)
    while at != -1:
        found.append(at)
        at = body.find(quote, at + 1)
    return found


def _context_score(anchor: Anchor, body: str, start: int, end: int) -> float:
    """0-200: how much the text around ``body[start:end]`` resembles the anchor's prefix and suffix."""
    before = body[max(0, start - len(anchor.prefix)) : start]
    after = body[end : end + len(anchor.suffix)]
    # Empty old context (quote at the start or end of the story) says nothing either way.
    score = _fuzz().ratio(anchor.prefix, before) if anchor.prefix else 100.0
    return score + (_fuzz().ratio(anchor.suffix, after) if anchor.suffix else 100.0)


def _fuzzy_placement(anchor: Anchor, body: str) -> Placement | None:
    if not body:
        return None
    region_start, region_end = 0, len(body)
    needle = anchor.prefix + anchor.quote + anchor.suffix
    if len(needle) > len(anchor.quote):
        region = _fuzz().partial_ratio_alignment(needle, body)
        if region is not None and region.score >= REGION_THRESHOLD and len(needle) <= len(body):
            margin = MAX_EDGE_SHIFT
            region_start = max(0, region.dest_start - margin)
            region_end = min(len(body), region.dest_end + margin)
    window = body[region_start:region_end]
    rough = _fuzz().partial_ratio_alignment(anchor.quote, window)
    if rough is None or rough.score < ROUGH_THRESHOLD or len(anchor.quote) > len(window):
        return None
    start, end, score = _fit_edges(anchor, body, region_start + rough.dest_start, region_start + rough.dest_end)
    if score < FUZZY_THRESHOLD:
        return None
    return Placement(start, end, FUZZY)


def _fit_edges(anchor: Anchor, body: str, start: int, end: int) -> tuple[int, int, float]:
    """Move a rough match's ends to fit an edited passage; returns (start, end, quote similarity).

    partial_ratio aligns a window of the quote's old length, so a passage that got longer
    or shorter needs its ends moved. The quote alone would favour a truncated span (fewer
    characters to differ), so each candidate is also judged by how well the old prefix
    and suffix fit around it; and an end that was on a word boundary stays on one, so
    a changed neighbour sentence cannot pull the end into its first word.
    """
    quote = anchor.quote
    shift = min(MAX_EDGE_SHIFT, len(quote) // 3 + 2)
    starts: range | list[int] = range(max(0, start - shift), min(len(body), start + shift) + 1)
    ends: range | list[int] = range(max(1, end - shift), min(len(body), end + shift) + 1)
    if not (anchor.prefix[-1:].isalnum() and quote[:1].isalnum()):
        starts = [i for i in starts if _is_word_boundary(body, i)] or starts
    if not (quote[-1:].isalnum() and anchor.suffix[:1].isalnum()):
        ends = [i for i in ends if _is_word_boundary(body, i)] or ends
    best: tuple[float, int, int, float] | None = None
    for new_start in starts:
        for new_end in ends:
            if new_end <= new_start:
                continue
            similarity = _fuzz().ratio(quote, body[new_start:new_end])
            total = similarity + _context_score(anchor, body, new_start, new_end)
            # Prefer the tighter span on a tie, so spaces at the edges are not swallowed.
            if best is None or total > best[0] or (total == best[0] and new_end - new_start < best[2] - best[1]):
                best = (total, new_start, new_end, similarity)
    if best is None:
        return start, end, 0.0
    return best[1], best[2], best[3]


def _is_word_boundary(body: str, at: int) -> bool:
    return at <= 0 or at >= len(body) or not (body[at - 1].isalnum() and body[at].isalnum())


def _fuzz():
    """rapidfuzz, imported on first use: re-anchoring is rare, start-up is not."""
    from rapidfuzz import fuzz

    return fuzz
