"""Sentence and paragraph spans of a body, for the reader's cursor and highlights.

A rule-based splitter is enough here: the spans only steer a cursor, and a
wrong split costs one extra key press, so no model is loaded for it.
"""

from __future__ import annotations

import re

# Abbreviations that end with a full stop but do not end a sentence (id + en).
ABBREVIATIONS = frozenset(
    "dr prof mr mrs ms jr sr st no nos vol hal jl kec kab prov rp bpk ibu sdr h hj ir drs mt sh se "
    "u.s u.k a.s p.t pt tbk jan feb mar apr jun jul aug agu sep sept oct okt nov dec des inc ltd co corp "
    "gen col lt sgt capt gov sen rep vs etc e.g i.e approx dll dsb yth".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets, surrounding whitespace left out."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(body)))
    return [_trim(body, s, e) for s, e in spans if body[s:e].strip()]


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, paragraph by paragraph, in reading order."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(body):
        start = p_start
        for match in _BOUNDARY.finditer(body, p_start, p_end):
            word = re.search(r"([\w.]+)$", body[start : match.start()])
            if word and (word.group(1).lower().rstrip(".") in ABBREVIATIONS or len(word.group(1)) == 1):
                continue  # "Dr. Rina", "U.S. envoy", initials
            spans.append(_trim(body, start, match.end()))
            start = match.end()
        if body[start:p_end].strip():
            spans.append(_trim(body, start, p_end))
    return spans


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def span_index_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span holding ``offset`` (or the next one after it; the last one at the end)."""
    for index, (start, end) in enumerate(spans):
        if offset < end:
            return index
    return max(0, len(spans) - 1)
