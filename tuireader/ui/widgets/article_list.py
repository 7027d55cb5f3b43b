"""The library list: a virtual list that asks the store only for the rows on screen.

It holds the ordered ids of the current view (cheap even at 100,000
articles) and fetches titles, dates and sources for the visible window, so
start-up cost does not grow with the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.records import ArticleSummary
from tuireader.text.dates import format_iso_date

PAGE = 120


class ArticleList(ScrollView, can_focus=True):
    """Rows of (read mark, date, language, title, source); Enter opens the row under the cursor."""

    COMPONENT_CLASSES = {
        "article-list--cursor", "article-list--unread", "article-list--meta", "article-list--tag",
        "article-list--marked", "article-list--match",
    }
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("space", "toggle_mark", "Mark", id="list.mark"),
        Binding("V", "mark_range", "Mark range", show=False, id="list.mark_range"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "open", "Open", id="list.open"),
    ]

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    class Highlighted(Message):
        def __init__(self, article_id: int | None) -> None:
            self.article_id = article_id
            super().__init__()

    def __init__(self, fetch: Callable[[Sequence[int]], list[ArticleSummary]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, ArticleSummary] = {}
        self.marked: set[int] = set()
        self.date_format = "%Y-%m-%d"
        self._last_marked: int | None = None

    # -- data -------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    def set_ids(self, ids: list[int], keep: int | None = None) -> None:
        """Show these articles; keep the cursor on article ``keep`` when it is still listed."""
        self._ids = ids
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(ids))
        position = ids.index(keep) if keep is not None and keep in ids else 0
        self.cursor = position
        self.scroll_to(y=max(0, position - self.size.height // 2), animate=False)
        self.refresh()

    def refresh_rows(self) -> None:
        """Forget fetched rows (read state or tags changed) and redraw."""
        self._cache.clear()
        self.refresh()

    @property
    def current_id(self) -> int | None:
        return self._ids[self.cursor] if 0 <= self.cursor < len(self._ids) else None

    def _summary(self, index: int) -> ArticleSummary | None:
        article_id = self._ids[index]
        summary = self._cache.get(article_id)
        if summary is None:
            start = max(0, index - PAGE // 4)
            if len(self._cache) > PAGE * 20:
                self._cache.clear()
            for row in self._fetch(self._ids[start : start + PAGE]):
                self._cache[row.id] = row
            summary = self._cache.get(article_id)
        return summary

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_y = self.scroll_offset.y
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self._ids):
            return Strip.blank(width, base)
        summary = self._summary(index)
        if summary is None:
            return Strip.blank(width, base)
        text = self._row_text(summary, width)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("article-list--cursor"))
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def _row_text(self, summary: ArticleSummary, width: int) -> Text:
        meta_style = self.get_component_rich_style("article-list--meta", partial=True)
        unread_style = self.get_component_rich_style("article-list--unread", partial=True)
        tag_style = self.get_component_rich_style("article-list--tag", partial=True)
        mark = " " if summary.is_read else "●"
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if summary.id in self.marked:
            text.append("▌", self.get_component_rich_style("article-list--marked", partial=True))
        else:
            text.append(" ")
        text.append(f"{mark} ", unread_style)
        shown = format_iso_date(summary.published, self.date_format)
        text.append(f"{shown:{max(10, len(shown))}}  {summary.lang:<3} ", meta_style)
        text.append(summary.title, None if summary.is_read else unread_style)
        if summary.tags:
            text.append("  " + " ".join(f"#{t}" for t in summary.tags), tag_style)
        if summary.source:
            text.append(f"  · {summary.source}", meta_style)
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self.current_id))

    def _move(self, position: int) -> None:
        if not self._ids:
            return
        self.cursor = max(0, min(position, len(self._ids) - 1))
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._ids))

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._ids) - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.size.height - 1))

    @property
    def selection(self) -> list[int]:
        """The marked articles in list order, or the one under the cursor when none is marked."""
        if self.marked:
            return [i for i in self._ids if i in self.marked]
        return [self.current_id] if self.current_id is not None else []

    def action_toggle_mark(self) -> None:
        article_id = self.current_id
        if article_id is None:
            return
        if article_id in self.marked:
            self.marked.discard(article_id)
        else:
            self.marked.add(article_id)
            self._last_marked = self.cursor
        self._move(self.cursor + 1)
        self.refresh()

    def action_mark_range(self) -> None:
        """Mark every row from the last marked one to the cursor."""
        if self.current_id is None:
            return
        start = self._last_marked if self._last_marked is not None else self.cursor
        low, high = sorted((start, self.cursor))
        self.marked.update(self._ids[low : high + 1])
        self.refresh()

    def clear_marks(self) -> None:
        self.marked.clear()
        self._last_marked = None
        self.refresh()

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.current_id))

    def on_click(self, event) -> None:
        self._move(self.scroll_offset.y + event.y)
