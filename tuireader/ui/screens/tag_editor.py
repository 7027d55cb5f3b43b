"""Tag one or several stories: comma-separated tags, completed from the library's tags.

For one story the field holds its tags, the cursor after them, and saving sets
them exactly (typing adds, deleting a tag removes it); for several, the tags
typed are added, and ``-tag`` removes one from all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static


@dataclass(frozen=True, slots=True)
class TagChange:
    add: list[str]
    remove: list[str]


def parse_tag_input(value: str, current: tuple[str, ...] | None) -> TagChange:
    """What the user asked for; ``current`` is the one story's tags (None when tagging several)."""
    add, remove = [], []
    for item in value.split(","):
        item = " ".join(item.split())
        if not item:
            continue
        if item.startswith("-") and len(item) > 1:
            remove.append(item[1:].strip())
        else:
            add.append(item)
    if current is not None:
        wanted = {a.casefold() for a in add}
        remove += [tag for tag in current if tag.casefold() not in wanted]
    return TagChange(add, remove)


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from existing tags."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        prefix = typed.lstrip("-")
        if not prefix:
            return None
        for tag in self.tags:
            if tag.casefold().startswith(prefix.casefold()) and tag.casefold() != prefix.casefold():
                lead = value[: len(value) - len(last)] + last[: len(last) - len(typed)]
                return lead + typed[: len(typed) - len(prefix)] + tag
        return None


class TagEditorScreen(ModalScreen[TagChange | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, heading: str, all_tags: list[str], current: tuple[str, ...] | None) -> None:
        super().__init__()
        self.heading = heading
        self.all_tags = all_tags
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading, style="bold"))
            # The story's tags come first and the cursor after them, so typing adds a tag.
            value = "".join(f"{tag}, " for tag in self.current or ())
            yield Input(value, placeholder="tag, another tag, -remove this", select_on_focus=False,
                        suggester=TagSuggester(self.all_tags), id="tag-input")
            hint = "→ accepts a completion · Enter saves · Esc cancels"
            if self.current is None:
                hint = "tags are added to every marked story; -tag removes · " + hint
            yield Static(hint, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tag_input(event.value, self.current))

    def action_cancel(self) -> None:
        self.dismiss(None)
