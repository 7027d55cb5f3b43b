"""Render a stored Markdown body into a Rich ``Text`` and keep a map back to body offsets.

Entities, figures and highlights are stored as character offsets into the
body. The reader shows rendered text (markup characters gone, list bullets
added), so every rendered character remembers the body offset it came from
(``source_offsets``); characters the renderer adds (bullets, blank lines)
point at the body offset of the text they precede. ``to_rendered`` is the
inverse: the rendered position of a body offset.

Only Rich is used here (no Textual), and text is only ever appended as plain
strings, so nothing in an article can be read as markup.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.style import Style
from rich.text import Text

HEADING = Style(bold=True)
STRONG = Style(bold=True)
EMPHASIS = Style(italic=True)
CODE = Style(dim=True)
LINK = Style(underline=True)
QUOTE_MARK = "▌ "
BULLET = "• "


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # commonmark without raw HTML: an article's <script> or <b> stays literal text.
    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


@dataclass(slots=True)
class RenderedStory:
    text: Text
    source_offsets: list[int]  # rendered index -> body offset (len(text) + 1 entries)

    def to_rendered(self, body_offset: int) -> int:
        """The first rendered position whose source is at or after ``body_offset``."""
        return bisect_left(self.source_offsets, body_offset)

    def span_to_rendered(self, start: int, end: int) -> tuple[int, int]:
        return self.to_rendered(start), self.to_rendered(end)

    def to_body(self, rendered_offset: int) -> int:
        rendered_offset = max(0, min(rendered_offset, len(self.source_offsets) - 1))
        return self.source_offsets[rendered_offset]


class _Builder:
    def __init__(self, body: str):
        self.body = body
        self.text = Text()
        self.offsets: list[int] = []
        self.style_stack: list[tuple[str, Style, int]] = []
        line_starts = [0]
        for index, char in enumerate(body):
            if char == "\n":
                line_starts.append(index + 1)
        self.line_starts = line_starts
        self.cursor = 0  # body offset reached so far

    def line_offset(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.body)

    def add(self, chars: str, source: int | None = None, style: Style | None = None) -> None:
        """Append text; ``source`` is the body offset of its first char (None: a decoration)."""
        if not chars:
            return
        self.text.append(chars, style)
        if source is None:
            self.offsets.extend([self.cursor] * len(chars))
        else:
            self.offsets.extend(range(source, source + len(chars)))

    def add_from_body(self, content: str, limit: int, style: Style | None = None) -> None:
        """Append inline text, finding where it sits in the body from the cursor on."""
        found = self.body.find(content, self.cursor, limit) if content else -1
        if found != -1:
            self.add(content, found, style)
            self.cursor = found + len(content)
            return
        # The parser changed the text (entities such as &amp;, backslash escapes):
        # align it char by char, looking a few chars ahead for each one.
        self.text.append(content, style)
        for char in content:
            position = self.body.find(char, self.cursor, min(limit, self.cursor + 12))
            if position == -1:
                self.offsets.append(self.cursor)
            else:
                self.offsets.append(position)
                self.cursor = position + 1

    def blank_line(self) -> None:
        if not self.text.plain:
            return
        trailing = len(self.text.plain) - len(self.text.plain.rstrip("\n"))
        self.add("\n" * max(0, 2 - trailing))


def render_story(body: str) -> RenderedStory:
    builder = _Builder(body)
    tokens = _parser().parse(body)
    prefixes: list[str] = []
    list_counters: list[int | None] = []
    heading_level = 0
    pending_item_prefix = ""
    for token in tokens:
        kind = token.type
        if token.map is not None and token.nesting >= 0:
            builder.cursor = max(builder.cursor, builder.line_offset(token.map[0]))
        if kind == "heading_open":
            builder.blank_line()
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = 0
            builder.add("\n")
        elif kind == "paragraph_open":
            if not pending_item_prefix:
                builder.blank_line()
                builder.add("".join(prefixes))
        elif kind == "paragraph_close":
            builder.add("\n")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            builder.blank_line()
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else None
            list_counters.append(start)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_counters.pop()
        elif kind == "list_item_open":
            counter = list_counters[-1] if list_counters else None
            marker = BULLET if counter is None else f"{counter}. "
            if counter is not None:
                list_counters[-1] = counter + 1
            indent = "  " * (len(list_counters) - 1)
            builder.add("".join(prefixes) + indent + marker)
            pending_item_prefix = marker
        elif kind == "list_item_close":
            pending_item_prefix = ""
        elif kind == "blockquote_open":
            builder.blank_line()
            prefixes.append(QUOTE_MARK)
        elif kind == "blockquote_close":
            prefixes.pop()
        elif kind in ("fence", "code_block"):
            builder.blank_line()
            limit = builder.line_offset(token.map[1]) if token.map else len(body)
            builder.add_from_body(token.content.rstrip("\n"), limit, CODE)
            builder.add("\n")
        elif kind == "hr":
            builder.blank_line()
            builder.add("─" * 20 + "\n")
        elif kind == "inline":
            limit = builder.line_offset(token.map[1]) if token.map else len(body)
            style = HEADING if heading_level else None
            _render_inline(builder, token.children or [], limit, style, prefixes)
            pending_item_prefix = ""
    # Trim the trailing newlines the block structure left.
    plain = builder.text.plain
    keep = len(plain.rstrip("\n"))
    text = builder.text[:keep] if keep < len(plain) else builder.text
    offsets = builder.offsets[:keep]
    offsets.append(len(body))
    # Offsets must be non-decreasing for bisect; decorations can lag behind text.
    for i in range(1, len(offsets)):
        if offsets[i] < offsets[i - 1]:
            offsets[i] = offsets[i - 1]
    return RenderedStory(text, offsets)


def _render_inline(builder: _Builder, children: list[Token], limit: int, base: Style | None, prefixes: list[str]) -> None:
    styles: list[Style] = [base] if base else []

    def current() -> Style | None:
        return Style.combine(styles) if styles else None

    for child in children:
        kind = child.type
        if kind == "text":
            builder.add_from_body(child.content, limit, current())
        elif kind == "code_inline":
            builder.add_from_body(child.content, limit, Style.combine([*styles, CODE]))
        elif kind == "softbreak":
            builder.add(" ", None, current())
        elif kind == "hardbreak":
            builder.add("\n" + "".join(prefixes))
        elif kind == "strong_open":
            styles.append(STRONG)
        elif kind == "em_open":
            styles.append(EMPHASIS)
        elif kind == "s_open":
            styles.append(Style(strike=True))
        elif kind == "link_open":
            styles.append(LINK)
        elif kind in ("strong_close", "em_close", "s_close", "link_close"):
            if styles and styles[-1] is not base:
                styles.pop()
        elif kind == "image":
            builder.add(f"[image: {child.content}]" if child.content else "[image]", None, EMPHASIS)
        elif kind == "html_inline":
            builder.add_from_body(child.content, limit, current())
