"""Make untrusted scraped text safe to show in a terminal.

Scraped files can carry terminal escape sequences (colours, cursor moves,
OSC 8 hyperlinks, OSC 52 clipboard writes, ...) and invisible characters that
reorder or hide text.  Everything shown by the reader passes through
:func:`sanitise` first, so the UI may treat stored text as inert.

Decisions callers rely on:

* Output contains no C0/C1 control character except ``\\n`` and no ``\\t``:
  a tab becomes four spaces.  Four because CommonMark treats a leading tab as
  a four-column indent, so markdown meaning is kept, and because a tab's
  on-screen width depends on its column, which breaks width arithmetic.
* Line breaks are only ``\\n``: ``\\r\\n``, lone ``\\r``, VT, FF, NEL (U+0085)
  and U+2028/U+2029 all become ``\\n``, so ``str.split("\\n")`` and
  ``str.splitlines()`` agree on the text.
* Literal text that merely looks like markup (``[bold red]``, ``**x**``) is
  left alone; escaping it for a renderer is the renderer's job.
* The result is NFC-normalised.
"""

from __future__ import annotations

import re
import unicodedata

# String-type sequences: OSC, DCS, SOS, PM, APC.  In 7-bit form (ESC x) the
# payload stops at the first terminator (BEL, ST) or ESC, or at a newline when
# the sequence is unterminated: a terminal would swallow the payload, so we do
# too, but never past the end of the line, so a stray introducer cannot eat a
# whole article.  The 8-bit form (one C1 character) must be terminated: a lone
# U+009D is more likely mis-decoded text than an attack, and dropping just the
# character (below) is already safe.  Payload runs stop at the next introducer,
# so matching stays linear even on hostile input.
_STRING_SEQUENCE_7BIT = r"\x1b[\]PX^_][^\x07\x1b\x9c\n\x0b\x0c\x85\u2028\u2029]*(?:\x07|\x1b\\|\x9c)?"
_STRING_SEQUENCE_8BIT = r"[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x80-\x9f\n\x0b\x0c\u2028\u2029]*(?:\x07|\x1b\\|\x9c)"
# CSI: parameter bytes, intermediate bytes, one final byte.  The three classes
# are disjoint, so a failed match backtracks at most once over its run.
_CSI_SEQUENCE = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
# Other escapes: ESC, optional intermediates, one final byte (ESC c, ESC ( B, ...).
_SHORT_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]"

_NEWLINE_LIKE = "\x0b\x0c\x85\u2028\u2029"

_INVISIBLE_FORMATTING = (
    "\u200b"  # zero width space
    "\u200e\u200f"  # LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u061c"  # Arabic letter mark, a bidi control like LRM/RLM
    "\ufeff"  # BOM / zero width no-break space
)
# ZWJ (U+200D) and ZWNJ (U+200C) are kept on purpose: ZWJ builds emoji
# sequences and ZWNJ changes shaping in several scripts; neither can reorder
# or hide text.

# C0 except "\n", DEL and C1; the tab and the line-break forms are in here
# too because they are rewritten rather than kept.
_CONTROL_CHARACTERS = "\x00-\x09\x0b-\x1f\x7f-\x9f"
_REPLACEMENTS = {"\t": "    ", **{char: "\n" for char in _NEWLINE_LIKE}}

# One pass over the text: escape sequences first (they start with a control
# character), then any single unwanted character.  Most articles contain
# none, so a regex scan beats str.translate, which rebuilds every string.
_UNSAFE = re.compile(
    f"{_STRING_SEQUENCE_7BIT}|{_STRING_SEQUENCE_8BIT}|{_CSI_SEQUENCE}|{_SHORT_ESCAPE}"
    f"|[{_CONTROL_CHARACTERS}{_NEWLINE_LIKE}{_INVISIBLE_FORMATTING}]"
)


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(match.group(), "")


def sanitise(text: str) -> str:
    """Return ``text`` with escape sequences, control and invisible bidi chars removed.

    Keeps ``\\n``; tabs become four spaces; every line break form becomes ``\\n``;
    the result is NFC-normalised.
    """
    # Line endings first, so the "\r" of "\r\n" is not mistaken for a lone "\r"
    # and so unterminated escape payloads stop at any kind of line end.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub(_replacement, text)
    # Removing characters can bring combining marks next to new bases, so
    # normalise last.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def sanitise_line(text: str) -> str:
    """Sanitise ``text`` for one-line fields (titles, bylines, sources).

    Any whitespace run, including newlines and non-breaking spaces, becomes one
    space, and the ends are stripped.
    """
    return " ".join(sanitise(text).split())
