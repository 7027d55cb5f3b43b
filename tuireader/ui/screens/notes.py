"""Every highlight and note across the library, newest first; filter by words, tag:NAME and label:N."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.annotations.records import Highlight
from tuireader.store import notes


def parse_notes_filter(value: str) -> tuple[str, str | None, int | None]:
    """(words, tag, label) from the filter box: ``tag:gaza label:2 ceasefire``."""
    words, tag, label = [], None, None
    for token in value.split():
        key, _, rest = token.partition(":")
        if key == "tag" and rest:
            tag = rest.replace("_", " ")
        elif key == "label" and rest.isdigit():
            label = int(rest)
        else:
            words.append(token)
    return " ".join(words), tag, label


def highlight_row(highlight: Highlight) -> Text:
    row = Text()
    quote = " ".join(highlight.quote.split())
    row.append("“" + (quote if len(quote) <= 160 else quote[:159] + "…") + "”")
    if highlight.note.strip():
        row.append("\n  " + " ".join(highlight.note.split())[:200], "italic")
    meta = [highlight.story.title or "(untitled)", (highlight.story.published or "")[:10], highlight.created_at[:10]]
    if highlight.label:
        meta.append(f"label {highlight.label}")
    if highlight.orphaned:
        meta.append("orphan: passage not found in the story")
    row.append("\n  " + " · ".join(m for m in meta if m), "dim")
    return row


class NotesScreen(Screen):
    CSS_PATH = "notes.tcss"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="notes.filter"),
        Binding("escape,q", "close", "Back", id="notes.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Highlight] = []

    def compose(self) -> ComposeResult:
        yield Static("Notes", id="notes-title")
        yield Input(placeholder="filter: words in quote or note, tag:NAME, label:1-5", id="notes-filter")
        yield OptionList(id="notes-list")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        words, tag, label = parse_notes_filter(self.query_one(Input).value)
        self.found = notes.find_highlights(self.app.library, words, tag=tag, label=label)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(highlight_row(h), id=str(i)) for i, h in enumerate(self.found)])
        if self.found:
            options.highlighted = 0
        total = len(self.found)
        self.query_one("#notes-title", Static).update(
            f"Notes · {total} highlight{'s' if total != 1 else ''}" + (" (filtered)" if words or tag or label else "")
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        highlight = self.found[int(event.option_id)]
        if highlight.article_id is None:
            self.notify("that story was deleted: the note is kept here and in exports", timeout=4)
            return
        self.app.open_story(highlight.article_id, at=None if highlight.orphaned else highlight.start)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.app.pop_screen()
