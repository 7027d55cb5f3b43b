"""Word-wrap rendered text into lines while remembering each line's offsets.

Rich can wrap text itself, but the reader must know which characters land on
which screen line (to scroll to a mention, to draw a cursor), so the breaks
are computed here as (start, end) offsets into the text.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_CHUNK = re.compile(r"\S+\s*|\s+")


def wrap_offsets(plain: str, width: int) -> list[tuple[int, int]]:
    """Lines of ``plain`` no wider than ``width`` cells, as (start, end) offsets.

    Newlines end a line; spaces at a break stay at the end of the line they
    follow (so the offsets cover every character); words wider than a line are
    cut at a character boundary, never inside a wide character.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    position = 0
    for raw_line in plain.split("\n"):
        line_end = position + len(raw_line)
        if not raw_line:
            lines.append((position, position))
            position = line_end + 1
            continue
        start = position
        used = 0
        for match in _CHUNK.finditer(raw_line):
            chunk = match.group()
            word = chunk.rstrip()
            word_cells = cell_len(word)
            chunk_start = position + match.start()
            if used and used + word_cells > width:
                lines.append((start, chunk_start))
                start, used = chunk_start, 0
            while word_cells > width:
                # Fold a word longer than the line, character by character.
                cut, cells = 0, 0
                while cut < len(word) and cells + cell_len(word[cut]) <= width:
                    cells += cell_len(word[cut])
                    cut += 1
                cut = max(cut, 1)
                lines.append((start, start + cut))
                start += cut
                word = word[cut:]
                word_cells = cell_len(word)
                used = 0
            used += word_cells + (len(chunk) - len(chunk.rstrip()))
        lines.append((start, line_end))
        position = line_end + 1
    return lines
