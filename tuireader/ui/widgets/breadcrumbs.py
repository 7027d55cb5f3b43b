"""Where you are: the last few places opened, newest on the right."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

MAX_TITLE = 36


def _short(title: str) -> str:
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


class Breadcrumbs(Static):
    def on_mount(self) -> None:
        self.refresh_crumbs()

    def refresh_crumbs(self) -> None:
        history = self.app.history
        text = Text("Library", style="dim")
        for crumb in history.crumbs():
            text.append(" › ", style="dim")
            text.append(_short(crumb))
        hints = []
        if history.index > 0:
            hints.append("b back")
        if history.index < len(history.places) - 1:
            hints.append("f forward")
        if hints:
            text.append("   (" + " · ".join(hints) + ")", style="dim")
        self.update(text)
