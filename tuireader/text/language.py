"""Tell Indonesian from English by counting stop words.

News prose in either language is dense with function words ("yang", "di",
"dan" / "the", "of", "and"), so counting them over the first couple of
thousand characters is both accurate and fast.  The lists live in
``tuireader/data/stopwords_{id,en}.txt`` and are shared with search scoring
(:func:`stopwords`).

Word shapes typical of one language (Indonesian "-nya", "-kan", "meng-";
English "-tion", "-ly", "'s") add half a point each, which settles short
titles that hold a single stop word.

Returns "und" (undetermined) when there is too little evidence: a winner below
:data:`MIN_SCORE`, not clearly ahead, or stop words too rare among the words
to be either language (e.g. French, German).
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

INDONESIAN = "id"
ENGLISH = "en"
UNDETERMINED = "und"

SAMPLE_LENGTH = 2000
#: The winner needs at least this score (stop word 1, typical word shape 0.5) ...
MIN_SCORE = 1.5
SHAPE_WEIGHT = 0.5
#: ... this many times the loser's score ...
MIN_LEAD = 1.5
#: ... and stop words must be at least this share of all words (both languages
#: run at 30-50%; a language that is neither scores far lower).
MIN_STOPWORD_SHARE = 0.1

# Letters with inner apostrophes kept, so "don't" and "jum'at" stay one word.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")

# Affixes with almost no false friends in the other language; the minimum
# length keeps short words ("kenya", "bed") out.
_SHAPE_MIN_LENGTH = 6
_INDONESIAN_PREFIXES = ("meng", "meny", "memb", "memp", "menj", "peng", "peny", "diper", "memper")
_INDONESIAN_SUFFIXES = ("nya", "kan", "lah")
_ENGLISH_PREFIXES = ()
_ENGLISH_SUFFIXES = ("tion", "tions", "ly", "ment", "ments", "ness", "'s", "ed")


def detect_language(text: str) -> str:
    """Return "id", "en" or "und" for ``text`` (a title and/or body)."""
    words = _WORD.findall(text[:SAMPLE_LENGTH].lower().replace("\u2019", "'"))
    if not words:
        return UNDETERMINED
    indonesian_only, english_only = _distinctive_stopwords()
    id_score = _score(words, indonesian_only, _INDONESIAN_PREFIXES, _INDONESIAN_SUFFIXES)
    en_score = _score(words, english_only, _ENGLISH_PREFIXES, _ENGLISH_SUFFIXES)
    winner, winner_score, loser_score = (
        (INDONESIAN, id_score, en_score) if id_score >= en_score else (ENGLISH, en_score, id_score)
    )
    if winner_score < MIN_SCORE or winner_score < loser_score * MIN_LEAD:
        return UNDETERMINED
    stopword_hits = sum(1 for word in words if word in (indonesian_only if winner == INDONESIAN else english_only))
    if stopword_hits < len(words) * MIN_STOPWORD_SHARE:
        return UNDETERMINED
    return winner


def _score(words: list[str], stop: frozenset[str], prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> float:
    score = 0.0
    for word in words:
        if word in stop:
            score += 1
        elif len(word) >= _SHAPE_MIN_LENGTH and (word.startswith(prefixes) or word.endswith(suffixes)):
            score += SHAPE_WEIGHT
    return score


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    """The stop words of ``language`` ("id" or "en"), lower case."""
    if language not in (INDONESIAN, ENGLISH):
        raise ValueError(f"no stop words for language {language!r}")
    source = files("tuireader").joinpath("data", f"stopwords_{language}.txt").read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in source.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def _distinctive_stopwords() -> tuple[frozenset[str], frozenset[str]]:
    # A word on both lists says nothing about which language this is.
    indonesian, english = stopwords(INDONESIAN), stopwords(ENGLISH)
    return indonesian - english, english - indonesian
