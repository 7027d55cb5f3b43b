"""The reader: one story rendered from Markdown, with its title block; n/p walk the list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.screen import Screen
from textual.widgets import Footer, Static

from tuireader.errors import NotFound
from tuireader.records import Article
from tuireader.render.story_text import render_story
from tuireader.ui.widgets.story_view import StoryView


def title_block(article: Article) -> Text:
    """Title, then source · date · language · words, then tags — all plain text, never markup."""
    block = Text()
    block.append(article.title or "(untitled)", "bold")
    meta = [x for x in (article.source, article.byline, article.published or "", _language_name(article.lang),
                        f"{article.word_count} words") if x]
    block.append("\n" + " · ".join(meta), "dim")
    if article.tags:
        block.append("\n" + "  ".join(f"#{t}" for t in article.tags), "italic")
    return block


def _language_name(code: str) -> str:
    return {"id": "Indonesian", "en": "English"}.get(code, code if code != "und" else "")


class ReaderScreen(Screen):
    CSS_PATH = "reader.tcss"
    BINDINGS = [
        Binding("n", "next_story", "Next", id="reader.next"),
        Binding("p", "previous_story", "Previous", id="reader.previous"),
        Binding("escape,q", "close", "Back", id="reader.back"),
    ]

    def __init__(self, article_id: int, sequence: list[int] | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.sequence = sequence or [article_id]
        self.article: Article | None = None

    @property
    def library(self):
        return self.app.library

    def compose(self) -> ComposeResult:
        with Center(id="page"):
            yield StoryView(id="story")
        yield Static("", id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load(self.article_id)
        self.query_one(StoryView).focus()

    def load(self, article_id: int) -> None:
        try:
            article = self.library.article(article_id)
        except NotFound as error:
            self.notify(str(error), severity="error")
            return
        self.article_id = article_id
        self.article = article
        view = self.query_one(StoryView)
        view.show(title_block(article), render_story(article.body))
        self.call_after_refresh(self._restore_position, article.position)
        if not article.is_read:
            self.library.mark_read(article_id)
        self._update_status()

    def _restore_position(self, position: int) -> None:
        view = self.query_one(StoryView)
        if position > 0:
            view.scroll_to_body_offset(position, center=False)
        else:
            view.scroll_home(animate=False)
        self._update_status()

    def save_position(self) -> None:
        view = self.query_one(StoryView)
        if self.article is not None:
            top = view.scroll_offset.y
            self.library.save_position(self.article_id, view.body_offset_at_line(top) if top > 0 else 0)

    def _update_status(self) -> None:
        view = self.query_one(StoryView)
        index = self.sequence.index(self.article_id) + 1 if self.article_id in self.sequence else 0
        where = f"story {index} of {len(self.sequence)}" if index else ""
        self.query_one("#reader-status", Static).update(f"{where} · {view.progress}%")

    def on_story_view_scrolled(self) -> None:
        self._update_status()

    # -- actions ------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if self.article_id not in self.sequence:
            return
        index = self.sequence.index(self.article_id) + delta
        if not 0 <= index < len(self.sequence):
            self.notify("no more stories that way", timeout=2)
            return
        self.save_position()
        self.load(self.sequence[index])

    def action_next_story(self) -> None:
        self._step(1)

    def action_previous_story(self) -> None:
        self._step(-1)

    def action_close(self) -> None:
        self.save_position()
        self.app.pop_screen()
        from tuireader.ui.screens.library import LibraryScreen

        if isinstance(self.app.screen, LibraryScreen):
            self.app.screen.select_article(self.article_id)
