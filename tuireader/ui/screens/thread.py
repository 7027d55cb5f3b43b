"""A story thread: the chain of related stories ordered by date, the current one marked."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.navigation import STORY, Place
from tuireader.ui.widgets.breadcrumbs import Breadcrumbs


class ThreadScreen(Screen):
    CSS_PATH = "pages.tcss"
    BINDINGS = [Binding("escape,q", "close", "Close", id="thread.close")]

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.ids: list[int] = []

    def compose(self) -> ComposeResult:
        yield Breadcrumbs(id="crumbs")
        yield Static("", id="page-header")
        yield OptionList(id="page-list")
        yield Footer()

    def on_mount(self) -> None:
        current = self.app.library.article(self.article_id)
        header = Text("Thread", style="bold")
        header.append("  finding the stories of this event…", style="dim")
        header.append("\nfrom: " + current.title, style="italic")
        self.query_one("#page-header", Static).update(header)
        self._find_thread()

    @work(thread=True, exclusive=True)
    def _find_thread(self) -> None:
        # A thread walks related stories story by story: on a big library that takes
        # most of a second, so it runs off the UI thread (SQLite here is serialized).
        from tuireader.store.related_index import thread

        stories = thread(self.app.library, self.article_id)
        self.app.call_from_thread(self._show, stories)

    def _show(self, stories) -> None:
        current = self.app.library.article(self.article_id)
        header = Text("Thread", style="bold")
        header.append(f"  {len(stories)} stories, oldest first", style="dim")
        header.append("\nfrom: " + current.title, style="italic")
        self.query_one("#page-header", Static).update(header)
        options = self.query_one(OptionList)
        here = 0
        for index, story in enumerate(stories):
            self.ids.append(story.id)
            marker = "▶ " if story.id == self.article_id else "  "
            if story.id == self.article_id:
                here = index
            row = Text(marker + (story.title or "(untitled)"), style="bold" if marker.strip() else "")
            row.append("\n  " + " · ".join(x for x in ((story.published or "")[:10], story.source, story.lang) if x),
                       style="dim")
            options.add_option(Option(row, id=str(index)))
        if stories:
            options.highlighted = here
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        article_id = self.ids[int(event.option_id)]
        self.app.visit(Place(STORY, article_id, self.app.library.article(article_id).title))

    def action_close(self) -> None:
        self.app.close_content()
