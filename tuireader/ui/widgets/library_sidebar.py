"""The library's side list: all stories, unread, saved searches and tags, each with a count."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True, slots=True)
class SidebarEntry:
    label: str
    query: str
    count: int | None = None
    detail: str = ""


class LibrarySidebar(OptionList):
    """Enter (or moving onto an entry) shows the stories its query selects."""

    class Chosen(Message):
        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    def show(self, sections: list[tuple[str, list[SidebarEntry]]]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self._queries: dict[str, str] = {}
        options: list[Option] = []
        for heading, entries in sections:
            if heading:
                options.append(Option(Text(heading, style="bold"), disabled=True))
            for number, entry in enumerate(entries):
                key = f"{heading}:{number}"
                self._queries[key] = entry.query
                row = Text(entry.label)
                if entry.count is not None:
                    row.append(f"  {entry.count}", style="dim")
                if entry.detail:
                    row.append(f" {entry.detail}", style="dim")
                options.append(Option(row, id=key))
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        query = self._queries.get(event.option_id or "")
        if query is not None:
            self.post_message(self.Chosen(query))
