"""The tuireader app: screens, app-wide keys and the command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tuireader.store.library import Library
from tuireader.ui.screens.library import LibraryScreen


class ReaderApp(App[None]):
    TITLE = "tuireader"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.force_quit"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())

    def action_help(self) -> None:
        from tuireader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key of this screen", self.action_help)
        if isinstance(screen, LibraryScreen):
            yield SystemCommand("Search the library", "Focus the search box", screen.action_focus_search)
            yield SystemCommand("Sort the list", "Cycle date / title / relevance", screen.action_cycle_sort)
