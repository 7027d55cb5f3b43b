"""The library screen: every story in a virtual list, live search on `/`."""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tuireader.errors import SearchQueryError, TuireaderError
from tuireader.store import notes, saved_searches
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.library_sidebar import LibrarySidebar, SidebarEntry

def marked_snippet(snippet: str, match_style) -> Text:
    """A search snippet as Text: the \x02..\x03-wrapped matches styled, everything else literal."""
    text = Text()
    for index, part in enumerate(snippet.replace("\n", " ").replace("\x03", "\x02").split("\x02")):
        text.append(part, match_style if index % 2 else None)
    return text


SEARCH_DELAY_S = 0.15
SIDEBAR_DELAY_S = 0.05
SIDEBAR_TAGS = 60
SIDEBAR_MIN_WIDTH = 90  # the most used; the rest are a tag: search away


SORT_LABELS = {"date": "newest first", "title": "by title", "relevance": "by relevance"}


class LibraryScreen(Screen):
    CSS_PATH = "library.tcss"
    HELP_EXTRA = "1–9: show saved search N (S saves the current search)"
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="library.search"),
        Binding("s", "cycle_sort", "Sort", id="library.sort"),
        Binding("escape", "clear_search", "Clear search", show=False, id="library.clear_search"),
        Binding("m", "toggle_read", "Read/unread", id="library.toggle_read"),
        Binding("M", "mark_all_read", "Mark all read", show=False, id="library.mark_all_read"),
        Binding("t", "tag", "Tag", id="library.tag"),
        Binding("S", "save_search", "Save search", show=False, id="library.save_search"),
        Binding("A", "notes", "Notes", id="library.notes"),
        Binding("E", "entities", "Entities", id="library.entities"),
        Binding("x", "export", "Export notes", show=False, id="library.export"),
        Binding("backslash", "toggle_sidebar", "Side list", show=False, id="library.toggle_sidebar"),
        Binding("tab", "switch_focus", "List/side list", show=False, id="library.switch_focus"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "date"
        self.query_text = ""
        self._search_timer = None
        self._shown_once = False
        self._sidebar_choice: bool | None = None

    @property
    def library(self):
        return self.app.library

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-bar"):
            yield Static("/", id="search-prompt")
            yield Input(placeholder='search: words, "a phrase", -word, OR, tag:x lang:id source:x after:2025-08-01',
                        id="search", select_on_focus=False)
        yield Static("", id="status")
        with Horizontal(id="library-body"):
            yield LibrarySidebar(id="sidebar")
            yield ArticleList(self.library.summaries, id="articles")
        yield Static("", id="snippet")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).date_format = self.app.config.reader.date_format
        self.reload()
        self.query_one(ArticleList).focus()
        if os.environ.get("TUIREADER_EXIT_AFTER_READY"):  # the cold-start benchmark: the list is on screen
            self.call_after_refresh(self.app.exit)
        # The list first, usable at once; the side list (tag counts over the whole library) follows.
        self.set_timer(SIDEBAR_DELAY_S, self.refresh_sidebar)

    def refresh_sidebar(self) -> None:
        total = self.library.article_count()
        sections = [("", [SidebarEntry("All stories", "", total),
                          SidebarEntry("Unread", "is:unread", self.library.unread_count())])]
        searches = saved_searches.list_saved_searches(self.library)
        if searches:
            sections.append(("Saved searches", [
                SidebarEntry(f"{n}. {s.name}" if n <= 9 else s.name, s.query, s.total,
                             f"({s.unread} unread)" if s.unread else "")
                for n, s in enumerate(searches, start=1)
            ]))
        tags = sorted(notes.tag_counts(self.library), key=lambda t: (-t.count, t.name.casefold()))[:SIDEBAR_TAGS]
        if tags:
            sections.append(("Tags", [SidebarEntry(t.name, f"tag:{t.name.replace(' ', '_')}", t.count) for t in tags]))
        self.query_one(LibrarySidebar).show(sections)

    # -- list contents --------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        articles = self.query_one(ArticleList)
        keep = keep if keep is not None else articles.current_id
        sort = self.sort
        if sort == "relevance" and not self.query_text.strip():
            sort = "date"
        try:
            ids = self.library.article_ids(sort=sort, query=self.query_text)
        except SearchQueryError as error:
            self._set_status(str(error), error=True)
            return
        articles.set_ids(ids, keep=keep)
        self._set_status(self._describe(len(ids)))

    def _describe(self, count: int) -> str:
        total = self.library.article_count()
        noun = "story" if total == 1 else "stories"
        sort = SORT_LABELS["date" if self.sort == "relevance" and not self.query_text.strip() else self.sort]
        if self.query_text.strip():
            return f"{count} of {total} {noun} match · {sort}"
        return f"{total} {noun} · {sort}"

    def _set_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(message)
        status.set_class(error, "-error")

    def refresh_rows(self) -> None:
        self.query_one(ArticleList).refresh_rows()

    # -- events ---------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search" or event.value == self.query_text:
            return
        # Wait for a pause in typing: each keystroke would otherwise run a search
        # over the whole library (a one-letter prefix matches nearly every story).
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY_S, lambda: self._run_search(event.value))

    def _run_search(self, value: str) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = None
        self.query_text = value
        if self.query_text.strip() and self.sort == "date":
            self.sort = "relevance"
        elif not self.query_text.strip() and self.sort == "relevance":
            self.sort = "date"
        self.reload()

    def flush_search(self) -> None:
        """Run a pending search now (Enter, or a test that does not want to wait)."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._run_search(self.query_one("#search", Input).value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.flush_search()
        self.query_one(ArticleList).focus()

    def on_article_list_opened(self, event: ArticleList.Opened) -> None:
        self.app.open_story(event.article_id)

    def on_screen_resume(self) -> None:
        if not self._shown_once:  # the first resume is the first show: on_mount filled everything
            self._shown_once = True
            return
        self.refresh_rows()
        self.refresh_sidebar()

    def on_article_list_highlighted(self, event: ArticleList.Highlighted) -> None:
        """While searching, show where the words match in the story under the cursor."""
        preview = self.query_one("#snippet", Static)
        snippet = None
        if event.article_id is not None and self.query_text.strip():
            try:
                snippet = self.library.snippet(event.article_id, self.query_text)
            except SearchQueryError:
                snippet = None
        preview.display = bool(snippet)
        if snippet:
            preview.update(marked_snippet(snippet, self.query_one(ArticleList).get_component_rich_style(
                "article-list--match", partial=True)))

    def on_library_sidebar_chosen(self, event: LibrarySidebar.Chosen) -> None:
        self.set_query(event.query)
        self.query_one(ArticleList).focus()

    # -- actions --------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # At once, not on the next tick: keys typed right after / must land in the box.
        self.set_focus(self.query_one("#search", Input))

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            self._run_search("")
        self.query_one(ArticleList).focus()

    def action_cycle_sort(self) -> None:
        order = ["date", "title"] + (["relevance"] if self.query_text.strip() else [])
        self.sort = order[(order.index(self.sort) + 1) % len(order)] if self.sort in order else "date"
        self.reload()

    def action_toggle_read(self) -> None:
        articles = self.query_one(ArticleList)
        article_id = articles.current_id
        if article_id is None:
            return
        summary = self.library.summaries([article_id])[0]
        self.library.mark_read(article_id, not summary.is_read)
        articles.refresh_rows()

    def action_mark_all_read(self) -> None:
        ids = self.query_one(ArticleList).ids
        self.library.mark_all_read(ids)
        self.refresh_rows()
        self.notify(f"marked {len(ids)} stories as read", timeout=3)

    def action_tag(self) -> None:
        from tuireader.ui.screens.tag_editor import TagEditorScreen

        articles = self.query_one(ArticleList)
        chosen = articles.selection
        if not chosen:
            return
        single = len(chosen) == 1 and not articles.marked
        current = self.library.tags_of(chosen[0]) if single else None
        heading = (f"Tags of “{self.library.summaries(chosen)[0].title[:50]}”" if single
                   else f"Tag {len(chosen)} marked stories")

        def save(change) -> None:
            if change is None:
                return
            if change.remove:
                notes.remove_tags(self.library, chosen, change.remove)
            if change.add:
                notes.add_tags(self.library, chosen, change.add)
            articles.clear_marks()
            self.refresh_rows()
            self.refresh_sidebar()

        all_tags = [t.name for t in notes.tag_counts(self.library)]
        self.app.push_screen(TagEditorScreen(heading, all_tags, current), save)

    def action_save_search(self) -> None:
        from tuireader.ui.screens.prompt import PromptScreen

        query = self.query_text.strip()
        if not query:
            self.notify("type a search first (/), then S saves it", timeout=3)
            return

        def save(name: str | None) -> None:
            if not name:
                return
            try:
                saved_searches.save_search(self.library, name, query, overwrite=True)
            except TuireaderError as error:
                self.notify(str(error), severity="error")
                return
            self.refresh_sidebar()
            self.notify(f"saved “{name}”", timeout=3)

        self.app.push_screen(PromptScreen(f"Save the search “{query}” as", placeholder="name"), save)

    def on_key(self, event) -> None:
        if event.key.isdigit() and event.key != "0" and not self.query_one("#search", Input).has_focus:
            searches = saved_searches.list_saved_searches(self.library, counts=False)
            number = int(event.key)
            if number <= len(searches):
                self.set_query(searches[number - 1].query)
                self.query_one(ArticleList).focus()
            event.stop()

    def action_export(self) -> None:
        articles = self.query_one(ArticleList)
        if articles.selection:
            self.app.export_notes(articles.selection)
            articles.clear_marks()

    def action_entities(self) -> None:
        self.app.open_entities()

    def action_notes(self) -> None:
        from tuireader.ui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen())

    def on_resize(self, event) -> None:
        # On a narrow terminal the list needs the room, unless the user chose otherwise.
        if self._sidebar_choice is None:
            self.query_one(LibrarySidebar).display = event.size.width >= SIDEBAR_MIN_WIDTH

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(LibrarySidebar)
        sidebar.display = not sidebar.display
        self._sidebar_choice = sidebar.display
        if not sidebar.display:
            self.query_one(ArticleList).focus()

    def action_switch_focus(self) -> None:
        sidebar = self.query_one(LibrarySidebar)
        articles = self.query_one(ArticleList)
        if articles.has_focus and sidebar.display:
            sidebar.focus()
        else:
            articles.focus()

    def current_ids(self) -> list[int]:
        return self.query_one(ArticleList).ids

    def set_query(self, query: str) -> None:
        """Show the stories a search selects (used by the command palette)."""
        self.query_one("#search", Input).value = query
        self._run_search(query)

    def select_article(self, article_id: int) -> None:
        """Put the list cursor on an article (after reading moved on with n/p)."""
        articles = self.query_one(ArticleList)
        if article_id in articles.ids:
            articles.set_ids(articles.ids, keep=article_id)
