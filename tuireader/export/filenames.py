"""File names for exported stories that are safe on Linux, macOS and Windows, and in Obsidian.

``story_filename(title, article_id)`` is stable (same title and id, same name) and unique
(the id is part of it), so re-exports find and replace the same file.
"""

from __future__ import annotations

import unicodedata

# Windows forbids <>:"/\|?*; Obsidian links break on # ^ [ ] (and |).
FORBIDDEN_CHARS = frozenset('<>:"/\\|?*#^[]')
# Names Windows reserves for devices, with or without an extension ("con.md" too).
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
# Bidirectional overrides would make a name display as something it is not.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_TITLE_CHARS = 80
# File systems count bytes (255 per name on ext4/APFS); 80 emoji would be 320 bytes.
MAX_TITLE_BYTES = 180
ZWJ = "\u200d"
UNTITLED = "untitled"


def story_filename(title: str, article_id: int, extension: str = ".md") -> str:
    """``"<safe title> (<id>).md"``."""
    return f"{safe_stem(title)} ({article_id}){extension}"


def safe_stem(title: str) -> str:
    """A title made fit for a file name: one line, no forbidden or control characters, bounded, never reserved."""
    text = unicodedata.normalize("NFC", title)
    cleaned = []
    for ch in text:
        if ch.isspace() or ch in FORBIDDEN_CHARS:
            cleaned.append(" ")
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            cleaned.append(ch)
    stem = _trim_edges(" ".join("".join(cleaned).split()))
    stem = _bounded(stem)
    if not stem:
        return UNTITLED
    if stem.split(".")[0].strip().upper() in RESERVED_NAMES:
        stem = "_" + stem
    return stem


def _trim_edges(text: str) -> str:
    # Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows.
    return text.strip(" .")


def _bounded(stem: str) -> str:
    limit = MAX_TITLE_CHARS
    while True:
        cut = _trim_edges(_cut_at_boundary(stem, limit))
        if len(cut.encode("utf-8")) <= MAX_TITLE_BYTES:
            return cut
        limit -= 1


def _cut_at_boundary(text: str, limit: int) -> str:
    """At most ``limit`` characters, never splitting an accent from its letter or an emoji sequence."""
    if len(text) <= limit:
        return text
    cut = limit
    while cut > 0 and (_continues_cluster(text[cut]) or text[cut - 1] == ZWJ or _splits_flag(text, cut)):
        cut -= 1
    return text[:cut]


def _continues_cluster(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors (emoji presentation)
        or 0x1F3FB <= code <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
    )


def _is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _splits_flag(text: str, cut: int) -> bool:
    """True when the cut falls between the two regional indicators of a flag."""
    if not _is_regional_indicator(text[cut]):
        return False
    run = 0
    while cut - run - 1 >= 0 and _is_regional_indicator(text[cut - run - 1]):
        run += 1
    return run % 2 == 1
