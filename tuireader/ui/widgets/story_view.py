"""The story: wrapped to a reading measure, drawn line by line, with style overlays.

The widget shows a header (title block) and a rendered story. Overlays
(entity colours, figure marks, highlights, the reading cursor) are given as
body offsets and land on the right rendered characters through the story's
offset map.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.render.story_text import RenderedStory
from tuireader.render.wrapping import wrap_offsets


@dataclass(frozen=True, slots=True)
class Overlay:
    """A style over body offsets [start, end)."""

    start: int
    end: int
    style: Style
    kind: str = ""  # what it marks: PERSON/ORG/LOCATION/FIGURE, cursor, highlight, selection, current


class StoryView(ScrollView, can_focus=True):
    # Overlay styles come from CSS (themes decide the colours; each also differs without colour).
    COMPONENT_CLASSES = {
        "story--person", "story--org", "story--location", "story--figure", "story--current",
        "story--highlight-1", "story--highlight-2", "story--highlight-3", "story--highlight-4",
        "story--highlight-5", "story--cursor", "story--selection",
    }
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    class Scrolled(Message):
        """The view moved (the reading progress changed)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._header = Text()
        self._story: RenderedStory | None = None
        self._overlays: list[Overlay] = []
        self._full = Text()
        self._body_start = 0
        self._lines: list[tuple[int, int]] = []
        self._strips: dict[int, Strip] = {}
        self._wrapped_width = -1

    # -- content ----------------------------------------------------------------

    def show(self, header: Text, story: RenderedStory, overlays: list[Overlay] | None = None) -> None:
        self._header = header
        self._story = story
        self._overlays = overlays or []
        self._compose_text()

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self._overlays = overlays
        self._compose_text(rewrap=False)

    @property
    def story(self) -> RenderedStory | None:
        return self._story

    @property
    def plain(self) -> str:
        return self._full.plain

    def _compose_text(self, rewrap: bool = True) -> None:
        full = self._header.copy()
        full.append("\n\n")
        self._body_start = len(full)
        if self._story is not None:
            body = self._story.text.copy()
            for overlay in self._overlays:
                start, end = self._story.span_to_rendered(overlay.start, overlay.end)
                if end > start:
                    body.stylize(overlay.style, start, end)
            full.append_text(body)
        self._full = full
        self._strips.clear()
        if rewrap:
            self._wrapped_width = -1
        self._rewrap()
        self.refresh()

    def _rewrap(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        if width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap_offsets(self._full.plain, width)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        self._rewrap()
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.post_message(self.Scrolled())

    # -- positions ----------------------------------------------------------------

    def line_of_display_offset(self, offset: int) -> int:
        for number, (start, end) in enumerate(self._lines):
            if offset < end or (start == end == offset):
                return number
        return max(0, len(self._lines) - 1)

    def display_offset_of_body(self, body_offset: int) -> int:
        if self._story is None:
            return 0
        return self._body_start + self._story.to_rendered(body_offset)

    def body_offset_at_line(self, line: int) -> int:
        """The body offset shown at the start of a screen line (for the reading position)."""
        if self._story is None or not self._lines:
            return 0
        start = self._lines[max(0, min(line, len(self._lines) - 1))][0]
        return self._story.to_body(max(0, start - self._body_start))

    def scroll_to_body_offset(self, body_offset: int, *, center: bool = True) -> None:
        line = self.line_of_display_offset(self.display_offset_of_body(body_offset))
        target = line - (self.size.height // 3 if center else 0)
        self.scroll_to(y=max(0, target), animate=False)

    def ensure_body_offset_visible(self, body_offset: int) -> None:
        line = self.line_of_display_offset(self.display_offset_of_body(body_offset))
        top = self.scroll_offset.y
        if line < top or line >= top + self.size.height:
            self.scroll_to_body_offset(body_offset)

    @property
    def progress(self) -> int:
        """Percent of the story read, by the bottom of the screen."""
        total = len(self._lines)
        if total == 0:
            return 100
        seen = min(total, self.scroll_offset.y + self.size.height)
        return round(100 * seen / total)

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        index = self.scroll_offset.y + y
        width = self.size.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            start, end = self._lines[index]
            line = self._full[start:end]
            line.rstrip()
            line.end = ""
            line.no_wrap = True
            strip = Strip(list(line.render(self.app.console))).apply_style(self.rich_style).adjust_cell_length(
                self._wrapped_width, self.rich_style
            )
            self._strips[index] = strip
        return strip.crop_extend(0, width, self.rich_style) if width != strip.cell_length else strip

    # -- actions ------------------------------------------------------------------

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + max(1, self.size.height - 2), animate=False)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_offset.y - max(1, self.size.height - 2), animate=False)
