"""Edit a note (multi-line). Esc and ctrl+s both save: a note is never thrown away by a key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


class NoteEditorScreen(ModalScreen[str]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape,ctrl+s", "save", "Save note", id="note.save"),
    ]

    def __init__(self, heading: str, note: str = "", quote: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading, style="bold"))
            if self.quote:
                yield Static(Text("“" + _shorten(self.quote, 300) + "”", style="italic"), classes="quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static("Esc or ctrl+s saves · an empty note is fine", classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
