"""The tuireader app: screens, app-wide keys, themes and the command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tuireader.config import DEFAULTS, Config
from tuireader.navigation import ENTITIES, ENTITY, STORY, THREAD, History, Place
from tuireader.store.library import Library
from tuireader.ui.commands import EntityProvider, OpenStoryProvider, SavedSearchProvider, TagProvider
from tuireader.ui.screens.library import LibraryScreen
from tuireader.ui.themes import DEFAULT_THEME, THEMES


class ReaderApp(App[None]):
    TITLE = "tuireader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {OpenStoryProvider, TagProvider, SavedSearchProvider, EntityProvider}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("b,backspace", "back", "Back", show=False, id="app.back"),
        Binding("f", "forward", "Forward", show=False, id="app.forward"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.force_quit"),
    ]

    def __init__(self, library: Library, config: Config = DEFAULTS, warnings: list[str] | None = None,
                 *, remember: bool = False) -> None:
        super().__init__()
        self.library = library
        self.config = config
        self.history = History()
        self.startup_warnings = list(warnings or [])
        # remember: keep the palette's theme choice between runs (the real app; tests leave it off).
        self.remember = remember
        for custom in THEMES:
            self.register_theme(custom)
        from tuireader.ui.keymap import check_keymap
        from tuireader.ui_state import load_ui_state

        chosen = load_ui_state().get("theme") if remember else None
        theme = chosen or config.theme
        if theme not in self.available_themes:
            self.startup_warnings.append(f"config.toml: theme {theme!r} is not a theme; using {DEFAULT_THEME}")
            theme = DEFAULT_THEME
        self.theme = theme
        keymap, key_warnings = check_keymap(config.keys)
        self.startup_warnings += key_warnings
        self.set_keymap(keymap)

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=8)

    def watch_theme(self, theme: str) -> None:
        if self.remember and self.is_mounted:
            from tuireader.ui_state import save_ui_state

            save_ui_state(theme=theme)

    # -- navigation used by screens and palette commands ---------------------------

    def library_screen(self) -> LibraryScreen:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, LibraryScreen):
                return screen
        raise LookupError("the library screen is not open")

    def open_story(self, article_id: int, at: int | None = None) -> None:
        """Open a story (Esc comes back to where you were), at a body offset if given."""
        self.visit(Place(STORY, article_id, self.library.article(article_id).title, at))

    # -- places: stories, entity pages, threads, with back and forward ------------------

    def _content_screen_types(self) -> tuple[type, ...]:
        from tuireader.ui.screens.entities import EntitiesScreen
        from tuireader.ui.screens.entity import EntityScreen
        from tuireader.ui.screens.reader import ReaderScreen
        from tuireader.ui.screens.thread import ThreadScreen

        return ReaderScreen, EntityScreen, ThreadScreen, EntitiesScreen

    def _screen_for(self, place: Place) -> Screen:
        from tuireader.ui.screens.entities import EntitiesScreen
        from tuireader.ui.screens.entity import EntityScreen
        from tuireader.ui.screens.reader import ReaderScreen
        from tuireader.ui.screens.thread import ThreadScreen

        if place.kind == STORY:
            sequence = self.library_screen().current_ids()
            return ReaderScreen(place.id, sequence=sequence if place.id in sequence else [place.id], at=place.offset)
        if place.kind == ENTITY:
            return EntityScreen(place.id)
        if place.kind == THREAD:
            return ThreadScreen(place.id)
        return EntitiesScreen()

    def visit(self, place: Place, *, record: bool = True) -> None:
        """Show a place: it replaces the story or page on top (so Esc always returns to the list)."""
        from tuireader.ui.screens.reader import ReaderScreen

        if record:
            if isinstance(self.screen, ReaderScreen):
                self.screen.save_position()
            self.history.visit(place)
        screen = self._screen_for(place)
        if isinstance(self.screen, self._content_screen_types()):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def close_content(self) -> None:
        """Esc on a story or page: back to the list (or the notes) it was opened from."""
        self.pop_screen()
        if isinstance(self.screen, LibraryScreen):
            current = self.history.current
            if current is not None and current.kind == STORY:
                self.screen.select_article(current.id)

    def action_back(self) -> None:
        self._walk(self.history.back(), "nothing to go back to")

    def action_forward(self) -> None:
        self._walk(self.history.forward(), "nothing to go forward to")

    def _walk(self, place: Place | None, empty: str) -> None:
        from tuireader.ui.screens.reader import ReaderScreen

        if place is None:
            self.notify(empty, timeout=2)
            return
        if isinstance(self.screen, ReaderScreen):
            self.screen.save_position()
        self.visit(place, record=False)

    def open_entities(self) -> None:
        self.visit(Place(ENTITIES, None, "Entities"))

    def filter_library(self, query: str) -> None:
        while not isinstance(self.screen, LibraryScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.library_screen().set_query(query)

    def export_notes(self, article_ids: list[int]) -> None:
        """Write the stories' notes as Markdown files (one per story) and say where."""
        from tuireader import paths
        from tuireader.errors import TuireaderError
        from tuireader.export.markdown import export_markdown
        from tuireader.store.notes import notes_for_export

        folder = paths.export_dir()
        try:
            report = export_markdown(notes_for_export(self.library, article_ids), folder)
        except (OSError, TuireaderError) as error:
            self.notify(f"{folder}: cannot export ({getattr(error, 'strerror', None) or error})", severity="error")
            return
        written = report.created + report.updated + report.unchanged
        where = str(written[0]) if len(written) == 1 else f"{folder} ({report.summary()})"
        self.notify(f"exported to {where}", timeout=6)

    # -- actions ------------------------------------------------------------------

    def action_help(self) -> None:
        from tuireader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            from rich.text import Text

            extra = getattr(self.screen, "HELP_EXTRA", "")
            self.push_screen(HelpScreen(self.screen, Text(extra) if extra else None))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key of this screen", self.action_help)
        for binding in screen.BINDINGS if isinstance(screen.BINDINGS, list) else []:
            if isinstance(binding, Binding) and binding.description and binding.action != "app.quit":
                yield SystemCommand(binding.description, f"key: {binding.key}",
                                    lambda action=binding.action: self.run_action(action, screen))
