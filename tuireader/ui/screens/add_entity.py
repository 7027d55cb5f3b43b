"""Add a name the recogniser missed: its text and its type."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

TYPES = [("Person", "PERSON"), ("Organisation", "ORG"), ("Place", "LOCATION")]


class AddEntityScreen(ModalScreen[tuple[str, str] | None]):
    CSS_PATH = "add_entity.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add_entity.cancel")]

    def __init__(self, suggestion: str = "") -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="add-entity-box"):
            yield Static("Add an entity the recogniser missed (applies to every story)")
            yield Input(self.suggestion, placeholder="name as it appears in the text", id="entity-text")
            yield Select(TYPES, value="PERSON", allow_blank=False, id="entity-type")
            yield Static("Enter adds · Esc cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.dismiss((text, str(self.query_one(Select).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
