"""Drop scraper noise lines ("ADVERTISEMENT", "Baca juga: ...") from article text.

Runs before anything else reads the text, so search, language detection and
the reader never see page furniture.  Only whole lines are dropped: a pattern
must match the entire line (fullmatch), so a sentence that merely contains
"baca juga" or "advertisement" survives.

The built-in patterns are data, in ``tuireader/data/noise_lines.txt``.  Lines
longer than :data:`MAX_NOISE_LINE_LENGTH` are never treated as noise: real
prompts are short, and the cap keeps a loose pattern from eating a paragraph.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib.resources import files

MAX_NOISE_LINE_LENGTH = 500

_NOISE_FILE = "noise_lines.txt"

# Markdown that can wrap a noise line: quote markers, list bullets, numbered
# items and heading hashes at the start (repeatable: "> - **Baca juga**").
_MARKDOWN_PREFIX = re.compile(r"(?:[>#]+|[-*+•](?=\s)|\d{1,3}[.)](?=\s))\s*")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_BACKSLASH_ESCAPE = re.compile(r"\\([^\w\s])")
_EMPHASIS = re.compile(r"[*_~`]+")
# Decoration around labels such as "— Advertisement —" or "[ Iklan ]".
_SURROUNDING_DECORATION = " \t-–—=|•·»«›‹[](){}"

# Cheap tests that spare plain paragraphs the unwrapping: markup characters
# anywhere, a numbered-list start, or a line that starts, or ends, with
# something other than a word or sentence punctuation ("— Advertisement —").
_MARKUP_CHARACTER = re.compile(r"[*_~`\[\\]|\A\d{1,3}[.)]\s")
_PLAIN_LINE_END = ".,:;!?\"'”’)…"

# Blank lines may hold stray spaces; three or more line breaks become one blank line.
_EXCESS_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def drop_noise_lines(text: str, extra_patterns: Iterable[str] = ()) -> str:
    """Return ``text`` without scraper noise lines, blank-line runs collapsed.

    Line endings in the result are ``\\n``.

    ``extra_patterns`` are user regexes added to the built-in list, matched the
    same way (case-insensitive fullmatch on the stripped, unwrapped line).
    Raises ValueError naming the first invalid pattern.
    """
    matchers = _noise_matchers(tuple(extra_patterns))
    # Callers may run this before sanitise(), so accept any line ending.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = [line for line in text.split("\n") if not _is_noise(line, matchers)]
    return _tidy_blank_lines("\n".join(kept))


def _is_noise(line: str, matchers: tuple[re.Pattern[str], ...]) -> bool:
    # Patterns are written with single plain spaces; scraped lines often hold
    # non-breaking spaces or doubled spaces instead.
    stripped = " ".join(line.split())
    if not stripped or len(stripped) > MAX_NOISE_LINE_LENGTH:
        return False
    candidates = {stripped}
    if _may_be_wrapped(stripped):
        candidates = {stripped, _unwrap_markdown(stripped)} - {""}
    return any(matcher.fullmatch(candidate) for matcher in matchers for candidate in candidates)


def _may_be_wrapped(line: str) -> bool:
    if not line[0].isalnum():
        return True
    if not (line[-1].isalnum() or line[-1] in _PLAIN_LINE_END):
        return True
    return _MARKUP_CHARACTER.search(line) is not None


def _unwrap_markdown(line: str) -> str:
    """Reduce a markdown-wrapped line to its plain words for matching."""
    line = _MARKDOWN_LINK.sub(r"\1", line)
    line = _BACKSLASH_ESCAPE.sub(r"\1", line)
    line = _EMPHASIS.sub("", line)
    previous = None
    while previous != line:
        previous = line
        line = line.strip(_SURROUNDING_DECORATION)
        line = _MARKDOWN_PREFIX.sub("", line, count=1) if _MARKDOWN_PREFIX.match(line) else line
    return line


def _tidy_blank_lines(text: str) -> str:
    text = _EXCESS_BLANK_LINES.sub("\n\n", text)
    text = _LEADING_BLANK_LINES.sub("", text)
    # Trailing spaces on the last line carry no meaning, so a plain rstrip
    # is enough (and far cheaper than a regex anchored at the end).
    return text.rstrip(" \t\n")


@functools.cache
def builtin_noise_patterns() -> tuple[str, ...]:
    """The patterns from ``tuireader/data/noise_lines.txt``, comments removed."""
    source = files("tuireader").joinpath("data", _NOISE_FILE).read_text(encoding="utf-8")
    lines = (line.strip() for line in source.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def _builtin_matcher() -> re.Pattern[str]:
    # One alternation is much faster than looping over patterns per line; each
    # branch is grouped so a pattern's own "|" stays inside it.
    combined = "|".join(f"(?:{pattern})" for pattern in builtin_noise_patterns())
    return re.compile(combined, re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _noise_matchers(extra_patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    # User patterns stay separate: joined into the alternation, their group
    # numbers and inline flags could change meaning or fail to compile.
    compiled = [_builtin_matcher()]
    for pattern in extra_patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            raise ValueError(f"invalid noise pattern {pattern!r}: {error}") from None
    return tuple(compiled)
