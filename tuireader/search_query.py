"""The search language: parse what a user typed into words, phrases and filters.

``gencatan kairo``       both words, as prefixes (results while typing)
``"gencatan senjata"``   an exact phrase
``-hamas``               exclude a word
``banjir OR flood``      either side
``tag:NAME lang:id source:NAME after:2025-08-01 before:2025-09-01 is:unread``

Parsing never touches the database; ``to_fts5`` turns the text part into an
FTS5 MATCH expression in which every user word is quoted, so no user input
can be read as FTS syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tuireader.errors import SearchQueryError

FILTER_KEYS = ("tag", "lang", "source", "after", "before", "is", "person", "org", "place")
IS_VALUES = ("read", "unread", "annotated")
#: Filters whose value is a name; "_" stands for a space in them (tag:gencatan_senjata).
NAME_FILTERS = ("tag", "source", "person", "org", "place")
PREFIX_MIN_CHARS = 2

WORD_PATTERN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Term:
    """A word (prefix-matched) or a phrase (exact)."""

    text: str
    phrase: bool = False


@dataclass(slots=True)
class SearchQuery:
    # Each group is a list of alternatives joined by OR; groups are ANDed.
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def has_text(self) -> bool:
        return bool(self.groups)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded and not self.filters

    def words(self) -> list[str]:
        """Every positive word, for highlighting matches."""
        return [w for group in self.groups for term in group for w in WORD_PATTERN.findall(term.text)]


def _lex(query: str) -> list[tuple[str, str, int]]:
    """Split into (kind, text, column) tokens: 'phrase', 'word', 'or', with '-' kept on words."""
    tokens: list[tuple[str, str, int]] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        negate = False
        start = i
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            negate = True
            i += 1
            ch = query[i]
        if ch == '"':
            close = query.find('"', i + 1)
            if close == -1:
                raise SearchQueryError(f'unclosed quote at column {i + 1}: add a closing " or remove it')
            tokens.append(("-phrase" if negate else "phrase", query[i + 1 : close], start + 1))
            i = close + 1
            continue
        end = i
        while end < n and not query[end].isspace() and query[end] != '"':
            end += 1
        word = query[i:end]
        if word.endswith(":") and end < n and query[end] == '"':
            # A filter with a quoted value: tag:"gencatan senjata".
            close = query.find('"', end + 1)
            if close == -1:
                raise SearchQueryError(f'unclosed quote at column {end + 1}: add a closing " or remove it')
            tokens.append(("word", word + query[end + 1 : close], start + 1))
            i = close + 1
            continue
        if word == "OR" and not negate:
            tokens.append(("or", word, start + 1))
        else:
            tokens.append(("-word" if negate else "word", word, start + 1))
        i = end
    return tokens


def _check_filter(key: str, value: str, column: int) -> str:
    if not value:
        raise SearchQueryError(f"{key}: needs a value at column {column} (for example {key}:something)")
    if key in ("after", "before"):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise SearchQueryError(
                f"{key}:{value} at column {column} is not a date: write YYYY-MM-DD"
            ) from None
    if key == "is" and value.lower() not in IS_VALUES:
        raise SearchQueryError(f"is:{value} at column {column}: use one of {', '.join(IS_VALUES)}")
    if key == "lang":
        return value.lower()
    return value


def parse(query: str) -> SearchQuery:
    """Parse a search; raises SearchQueryError with a message that points at the problem."""
    result = SearchQuery()
    pending_or = False
    for kind, text, column in _lex(query):
        if kind == "or":
            if not result.groups or pending_or:
                raise SearchQueryError(f"OR at column {column} needs a word on both sides")
            pending_or = True
            continue
        if kind == "word" and ":" in text and text.split(":", 1)[0].lower() in FILTER_KEYS:
            key, value = text.split(":", 1)
            key = key.lower()
            value = value.replace("_", " ") if key in NAME_FILTERS else value
            result.filters.setdefault(key, []).append(_check_filter(key, value, column))
            continue
        term = Term(text, phrase=kind.endswith("phrase"))
        if not WORD_PATTERN.search(term.text):
            continue  # punctuation alone matches nothing; ignore it like a search box would
        if kind.startswith("-"):
            result.excluded.append(term)
        elif pending_or:
            result.groups[-1].append(term)
            pending_or = False
        else:
            result.groups.append([term])
    if pending_or:
        raise SearchQueryError("OR at the end of the search needs a word after it")
    if result.excluded and not result.groups:
        raise SearchQueryError("a search cannot only exclude words: add a word to look for")
    return result


def _fts_term(term: Term) -> str:
    words = WORD_PATTERN.findall(term.text)
    if term.phrase:
        return '"' + " ".join(words) + '"'
    # A word with inner punctuation ("al-azhar", "61.700") becomes a phrase of its parts.
    if len(words) > 1:
        return '"' + " ".join(words) + '"'
    if len(words[0]) < PREFIX_MIN_CHARS:
        return f'"{words[0]}"'  # a one-letter prefix matches nearly everything: match the word itself
    return f'"{words[0]}"*'


def to_fts5(query: SearchQuery) -> str:
    """The MATCH expression for the text part of a query ('' when there is none)."""
    parts = []
    for group in query.groups:
        alternatives = [_fts_term(t) for t in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    expression = " AND ".join(parts)
    for term in query.excluded:
        expression += " NOT " + _fts_term(term)
    return expression
