"""Tokenisation for the entity recogniser.

Produces character spans over the raw (light-Markdown) article body in the
CoNLL / IndoNLU style: punctuation is split off, numbers such as ``61.700``,
``12/8`` or ``2014-2019`` stay whole, ``Rp4.500`` becomes ``Rp`` + ``4.500``,
abbreviations (``U.S.``, ``Dr.``, ``H.``) and hyphenated words (``Al-Azhar``,
``anak-anak``) stay whole, English clitics (``'s``, ``n't``) are split.

Markdown syntax is skipped: emphasis markers (``**``, ``*``, ``__``), heading
hashes, list bullets, the brackets of ``[text](url)`` links and the whole
``(url)`` part of a link. Only stdlib ``re`` is used.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["tokenize", "split_sentences", "tokenize_sentences", "ABBREVIATIONS"]

#: Abbreviations kept together with their full stop (compared case-sensitively
#: after stripping the stop).  Single capital letters ("H.", "J.") are initials.
ABBREVIATIONS = frozenset(
    """Dr Drs Dra Prof Ir Hj H Mr Mrs Ms Jr Sr St Inc Ltd Co Corp Bros Gen Lt Col
    Capt Sgt Rep Sen Gov Jend Kol Letjen Mayjen Brigjen Kompol AKBP AKP Ipda Iptu
    No Nos Vol vs etc dll dsb dkk Tbk Jl Jln Kab Kec Kel Prov Mt Ft Ave Blvd Rd
    Jan Feb Mar Apr Jun Jul Aug Agu Sep Sept Okt Oct Nov Des Dec S.H M.M M.Si
    S.E S.Pd S.Sos S.Kom M.A M.Sc Ph.D SH MM MH SE MA MSc PhD KH K.H Moh Muh""".split()
)

_URL = r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_DOTTED = r"(?:[A-Za-z]\.){2,}(?:[A-Za-z](?![\w]))?"  # U.S., a.k.a., U.S
_ABBR = r"[A-Za-z]+(?:\.[A-Za-z]+)*\."  # candidate abbreviation, checked below
_CURRENCY = r"(?:Rp|US\$|S\$|RM|\$|€|£|¥)(?=\d)"
_NUMBER = r"\d+(?:[.,/:\-]\d+)*(?:%)?"
_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
_PUNCT = r"\.{2,}|-{2,}|[^\w\s]|_"
# A word of letters followed by none of the characters that could make it a URL, e-mail, abbreviation,
# currency or longer word: most tokens, matched before the branches above try (and fail on) each of them.
_PLAIN_WORD = r"[^\W\d_]+(?![\w.@'’:/+$\-])"

_TOKEN_RE = re.compile(
    "|".join(
        f"(?P<{name}>{pat})"
        for name, pat in (
            ("plain", _PLAIN_WORD),
            ("url", _URL),
            ("email", _EMAIL),
            ("dotted", _DOTTED),
            ("abbr", _ABBR),
            ("cur", _CURRENCY),
            ("num", _NUMBER),
            ("word", _WORD),
            ("punct", _PUNCT),
        )
    )
)

_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
_LINE_MARK_RE = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+(?=\S))")
_EMPH_RE = re.compile(r"\*{1,3}|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|`+")
_CLITIC_RE = re.compile(r"(?i)(n't|['’](?:s|re|ve|ll|d|m))$")


def _markdown_skips(text: str) -> list[tuple[int, int]]:
    """Character ranges that are Markdown syntax, not prose."""
    skips: list[tuple[int, int]] = []
    if "](" in text:
        for m in _LINK_RE.finditer(text):
            skips.append((m.start(), m.start() + 1))  # "["
            skips.append((m.end(1), m.end()))  # "](url)"
    if "#" in text or ">" in text or "-" in text or "*" in text or "+" in text:
        for m in _LINE_MARK_RE.finditer(text):
            skips.append((m.start(), m.end()))
    if "*" in text or "_" in text or "`" in text:
        for m in _EMPH_RE.finditer(text):
            skips.append((m.start(), m.end()))
    skips.sort()
    return skips


def _raw_tokens(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    # Most stories (all but a few Indonesian ones) have no apostrophe: skip the clitic check then.
    apostrophes = text.find("'", start, end) >= 0 or text.find("’", start, end) >= 0
    for m in _TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "abbr":
            tok = text[s:e - 1]
            if tok in ABBREVIATIONS or (len(tok) == 1 and tok.isupper()):
                out.append((s, e))
                continue
            # not an abbreviation: re-tokenise without the trailing stop logic
            for m2 in re.finditer(f"{_WORD}|{_PUNCT}", text[s:e]):
                out.append((s + m2.start(), s + m2.end()))
            continue
        if apostrophes and kind == "word" and e - s > 2 and ("'" in (word := m.group()) or "’" in word):
            c = _CLITIC_RE.search(text, s, e)
            if c is not None and c.start() > s:
                out.append((s, c.start()))
                out.append((c.start(), e))
                continue
        out.append((s, e))


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token ``(start, end)`` character spans over ``text`` (Markdown skipped)."""
    out: list[tuple[int, int]] = []
    skips = _markdown_skips(text)
    pos = 0
    for s, e in skips:
        if s > pos:
            _raw_tokens(text, pos, s, out)
        pos = max(pos, e)
    if pos < len(text):
        _raw_tokens(text, pos, len(text), out)
    return out


_CLOSERS = frozenset(['"', "'", "”", "’", ")", "]", "»"])
_ENDERS = frozenset([".", "!", "?", "...", "…"])
_ENDER_CHAR = re.compile(r"[.!?…]")


def split_sentences(text: str, spans: list[tuple[int, int]] | None = None) -> list[list[tuple[int, int]]]:
    """Group token spans into sentences.

    A sentence ends at ``. ! ? …`` (plus any closing quotes/brackets) when the
    next token starts with an upper-case letter, digit or quote, and always
    at a line break.
    """
    if spans is None:
        spans = tokenize(text)
    n = len(spans)
    if not n:
        return []
    # Where a sentence starts, found from the line breaks and the enders in the text (a few per
    # sentence) rather than by looking at every token.
    breaks: set[int] = set()
    if "\n" in text:
        starts = [s for s, _ in spans]
        p = text.find("\n")
        while p >= 0:
            i = bisect_right(starts, p)
            if 0 < i < n and spans[i - 1][1] <= p:
                breaks.add(i)
            p = text.find("\n", p + 1)
    index = {s: k for k, (s, _) in enumerate(spans)}
    for m in _ENDER_CHAR.finditer(text):
        i = index.get(m.start())
        if i is None or text[m.start():spans[i][1]] not in _ENDERS:
            continue
        j = i + 1
        while j < n and text[spans[j][0]:spans[j][1]] in _CLOSERS and "\n" not in text[spans[j - 1][1]:spans[j][0]]:
            j += 1
        if j < n:
            nxt = text[spans[j][0]]
            if nxt.isupper() or nxt.isdigit() or nxt in "\"“'‘(" or "\n" in text[spans[j - 1][1]:spans[j][0]]:
                breaks.add(j)
    sentences = []
    prev = 0
    for b in sorted(breaks):
        sentences.append(spans[prev:b])
        prev = b
    sentences.append(spans[prev:])
    return sentences


def tokenize_sentences(text: str) -> list[list[tuple[int, int]]]:
    """Shorthand for ``split_sentences(text, tokenize(text))``."""
    return split_sentences(text, tokenize(text))
