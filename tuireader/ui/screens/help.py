"""The help screen: every key bound where help was asked, as actually bound."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def describe_bindings(screen: Screen) -> Text:
    """A two-column list of the keys active on ``screen`` (focused widget, screen and app)."""
    rows: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description or binding.action.replace("_", " ")
        rows.setdefault(description, [])
        display = screen.app.get_key_display(binding)
        if display not in rows[description]:
            rows[description].append(display)
    text = Text()
    for description, keys in sorted(rows.items(), key=lambda item: item[0].lower()):
        text.append(f"{' / '.join(keys):>18}", "bold")
        text.append(f"  {description}\n")
    return text


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, screen: Screen, extra: Text | None = None) -> None:
        super().__init__()
        self._keys = describe_bindings(screen)
        self._extra = extra

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold underline"), id="help-title")
            yield Static(self._keys, id="help-keys")
            if self._extra is not None:
                yield Static(self._extra, id="help-extra")
            yield Static(Text("ctrl+p opens the command palette · Esc closes this help", style="dim"))

    def action_dismiss(self) -> None:
        self.dismiss(None)
