"""Entities and figures of one article: recognise, canonicalise, apply the user's corrections.

Pure functions of (body, language, published date, corrections); the model is
loaded on first use, so importing this module is cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from tuireader.entities.mention import ENTITY_LABELS, EntityMention
from tuireader.figures.figure import Figure
from tuireader.text.months import MONTH_NUMBERS, WEEKDAY_NUMBERS

#: Bump when the recogniser, aliases or figure rules change, so `reextract` knows what is stale.
EXTRACTOR_VERSION = "8"  # 2: annotation styles (id model), year-less dates, grouped decimals; 3: Brown clusters (en), kumparan clusters (id), outlet and acronym rules, figure fixes;
# 4: signed percentages, compound durations, money ranges with two currencies, "15-year-old" as one age;
# dateline, headline, span-edge, acronym, company, administrative-place and sentence-opener rules;
# 5: kemarin/next/mendatang dates, "since" months in the past, month ranges, cents/riyal/won, margins, "setengah", "2 x 24 jam";
# an office, its body and its holder split ("Gubernur BI Perry Warjiyo"), a speaker named like a person of the story;
# regional bodies, commissions, "(Persero) Tbk", untagged short names, alias names tagged in part;
# 6: weekdays and Indonesian months named alone are dates, small numbers in words count, ranges in words,
# exchange rates "per dollar", "PSI dan Perindo" two organisations, syllable acronyms join their body;
# 7: NT$/lakh/crore, scaled ranges share their unit, day ranges, numbers to dial; Indonesian name openers ("I Wayan",
# "Lalu"), a known body inside an office holder's span; 8: a route's stops are places ("lintas Tanah Abang–Rangkasbitung")

REJECT, RELABEL, ADD = "reject", "label", "add"


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's ruling on a surface form, applied in every story."""

    surface_key: str
    surface: str
    action: str  # REJECT | RELABEL | ADD
    label: str | None = None


@dataclass(slots=True)
class Extraction:
    entities: list[EntityMention]
    figures: list[Figure]


def surface_key(text: str) -> str:
    from tuireader.entities.aliases import canonical_key

    return canonical_key(text)


def extract(body: str, lang: str, published: date | None = None, corrections: dict[str, Correction] | None = None) -> Extraction:
    from tuireader.entities.aliases import canonicalise
    from tuireader.entities.recogniser import recognise
    from tuireader.figures.parser import find_figures

    mentions = [m for m in recognise(body, lang) if not is_calendar_word(m.text)]
    if corrections:
        mentions = apply_corrections(mentions, body, corrections)
    mentions = canonicalise(mentions, body, lang)
    if corrections:
        # A user's label beats the alias table's and the majority's.
        mentions = [
            replace(m, label=c.label) if (c := corrections.get(surface_key(m.text))) and c.action in (RELABEL, ADD) and c.label else m
            for m in mentions
        ]
    figures = find_figures(body, published, lang)
    return Extraction(mentions, _drop_figures_inside_entities(figures, mentions))


def is_calendar_word(text: str) -> bool:
    """Month and weekday names ("Dec.", "Senin", "August") are dates, never people or places."""
    word = text.strip().rstrip(".").casefold()
    return word in MONTH_NUMBERS or word in WEEKDAY_NUMBERS


def apply_corrections(mentions: list[EntityMention], body: str, corrections: dict[str, Correction]) -> list[EntityMention]:
    """Drop rejected forms, relabel changed ones, add every occurrence of added ones."""
    kept: list[EntityMention] = []
    for mention in mentions:
        correction = corrections.get(surface_key(mention.text))
        if correction is None:
            kept.append(mention)
        elif correction.action in (RELABEL, ADD) and correction.label in ENTITY_LABELS:
            kept.append(replace(mention, label=correction.label))
        # REJECT: left out
    taken = [(m.start, m.end) for m in kept]
    for correction in corrections.values():
        if correction.action != ADD or not correction.surface.strip():
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(correction.surface) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(body):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            kept.append(EntityMention(start, end, correction.label or "ORG", match.group()))
            taken.append((start, end))
    kept.sort(key=lambda m: m.start)
    return kept


def _drop_figures_inside_entities(figures: list[Figure], mentions: list[EntityMention]) -> list[Figure]:
    """A number inside a name ("Liga 1", "G20") is part of the name, not a figure."""
    if not mentions:
        return figures
    # Mentions are sorted and never overlap, so only the last one starting at or before a figure can hold it.
    starts = [m.start for m in mentions]
    kept = []
    for figure in figures:
        i = bisect_right(starts, figure.start) - 1
        if i < 0 or mentions[i].end < figure.end:
            kept.append(figure)
    return kept
