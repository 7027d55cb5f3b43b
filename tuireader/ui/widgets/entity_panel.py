"""The entity panel: a story's people, organisations and places, most mentioned first, then its figures."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.figures.figure import Figure
from tuireader.story_entities import LABEL_TITLES, EntityGroup


class EntityPanel(Vertical):
    """Lists entities and figures; moving over one asks the reader to show its mentions."""

    BINDINGS = [
        Binding("x", "reject", "Not an entity", id="entities.reject"),
        Binding("t", "relabel", "Change type", id="entities.relabel"),
    ]

    class Chosen(Message):
        """The user moved to an entity or figure: show these spans."""

        def __init__(self, spans: tuple[tuple[int, int], ...], name: str) -> None:
            self.spans = spans
            self.name = name
            super().__init__()

    class OpenPage(Message):
        """Enter on an entity: open its page."""

        def __init__(self, entity_id: int, name: str) -> None:
            self.entity_id = entity_id
            self.name = name
            super().__init__()

    class Correct(Message):
        """The user ruled on an entity's surface form."""

        def __init__(self, surface: str, action: str, label: str) -> None:
            self.surface = surface
            self.action = action
            self.label = label
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._targets: dict[str, tuple[tuple[tuple[int, int], ...], str, str]] = {}

    def compose(self) -> ComposeResult:
        yield Static("Entities", id="entity-panel-title")
        yield OptionList(id="entity-options")

    def show(self, groups: list[EntityGroup], figures: list[Figure], surface_of: dict[int, str]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self._targets.clear()
        label = None
        items: list[Option | None] = []
        for group in groups:
            if group.label != label:
                label = group.label
                items.append(Option(Text(LABEL_TITLES.get(label, label), style="bold"), disabled=True))
            key = f"e{group.entity_id}"
            self._targets[key] = (group.spans, surface_of.get(group.entity_id, group.name), group.label)
            row = Text(group.name)
            row.append(f"  {group.count}", style="dim")
            items.append(Option(row, id=key))
        if figures:
            items.append(Option(Text("Figures", style="bold"), disabled=True))
            for index, figure in enumerate(figures):
                key = f"f{index}"
                self._targets[key] = (((figure.start, figure.end),), figure.text, figure.kind)
                row = Text(figure.text)
                value = _figure_value(figure)
                if value:
                    row.append(f"  = {value}", style="dim")
                items.append(Option(row, id=key))
        if not items:
            items.append(Option(Text("nothing recognised in this story", style="dim"), disabled=True))
        options.add_options(items)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        target = self._targets.get(event.option_id or "")
        if target:
            self.post_message(self.Chosen(target[0], target[1]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option_id or ""
        if option_id.startswith("e"):
            _spans, surface, _label = self._targets[option_id]
            name = str(event.option.prompt).rsplit("  ", 1)[0]
            self.post_message(self.OpenPage(int(option_id[1:]), name))
        else:
            self.on_option_list_option_highlighted(event)  # a figure: back to it

    def _current_entity(self) -> tuple[str, str] | None:
        """(surface form, label) of the highlighted entity; None on a figure or header."""
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or ""
        if not option_id.startswith("e"):
            return None
        _spans, surface, label = self._targets[option_id]
        return surface, label

    def action_reject(self) -> None:
        if entity := self._current_entity():
            self.post_message(self.Correct(entity[0], "reject", entity[1]))

    def action_relabel(self) -> None:
        if entity := self._current_entity():
            self.post_message(self.Correct(entity[0], "label", entity[1]))


def _figure_value(figure: Figure) -> str:
    if figure.value is None:
        return ""
    value = f"{figure.value:,}" if isinstance(figure.value, (int, float)) else str(figure.value)
    return f"{value} {figure.unit}" if figure.unit and figure.kind != "PERCENT" else value + ("%" if figure.kind == "PERCENT" else "")
