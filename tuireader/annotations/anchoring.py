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

from rapidfuzz import fuzz

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
        best = max(occurrences, key=lambda at: (_context_score(anchor, new_body, at), -abs(at - anchor.start)))
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


def _context_score(anchor: Anchor, body: str, at: int) -> float:
    before = body[max(0, at - len(anchor.prefix)) : at]
    after = body[at + len(anchor.quote) : at + len(anchor.quote) + len(anchor.suffix)]
    # Empty old context (quote at the start or end of the story) says nothing either way.
    score = fuzz.ratio(anchor.prefix, before) if anchor.prefix else 100.0
    return score + (fuzz.ratio(anchor.suffix, after) if anchor.suffix else 100.0)


def _fuzzy_placement(anchor: Anchor, body: str) -> Placement | None:
    if not body:
        return None
    region_start, region_end = 0, len(body)
    needle = anchor.prefix + anchor.quote + anchor.suffix
    if len(needle) > len(anchor.quote):
        region = fuzz.partial_ratio_alignment(needle, body)
        if region is not None and region.score >= REGION_THRESHOLD and len(needle) <= len(body):
            margin = MAX_EDGE_SHIFT
            region_start = max(0, region.dest_start - margin)
            region_end = min(len(body), region.dest_end + margin)
    window = body[region_start:region_end]
    rough = fuzz.partial_ratio_alignment(anchor.quote, window)
    if rough is None or rough.score < ROUGH_THRESHOLD or len(anchor.quote) > len(window):
        return None
    start, end, score = _fit_edges(anchor.quote, body, region_start + rough.dest_start, region_start + rough.dest_end)
    if score < FUZZY_THRESHOLD:
        return None
    return Placement(start, end, FUZZY)


def _fit_edges(quote: str, body: str, start: int, end: int) -> tuple[int, int, float]:
    """Move a rough match's ends so its text is as like ``quote`` as possible.

    partial_ratio aligns a window of the quote's old length; an edit that made the
    passage longer or shorter needs the ends moved.
    """
    shift = min(MAX_EDGE_SHIFT, len(quote) // 3 + 2)
    best = (fuzz.ratio(quote, body[start:end]), start, end)
    for new_start in range(max(0, start - shift), min(len(body), start + shift) + 1):
        for new_end in range(max(new_start + 1, end - shift), min(len(body), end + shift) + 1):
            score = fuzz.ratio(quote, body[new_start:new_end])
            # Prefer the tighter span on a tie, so spaces at the edges are not swallowed.
            if score > best[0] or (score == best[0] and new_end - new_start < best[2] - best[1]):
                best = (score, new_start, new_end)
    return best[1], best[2], best[0]
