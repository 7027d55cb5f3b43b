"""Every entity in the library: filter by name and type, sort by mentions or recency."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.navigation import ENTITY, Place
from tuireader.ui.widgets.breadcrumbs import Breadcrumbs

TYPES = (None, "PERSON", "ORG", "LOCATION")
TYPE_NAMES = {None: "all types", "PERSON": "people", "ORG": "organisations", "LOCATION": "places"}
PAGE_SIZE = 300


class EntitiesScreen(Screen):
    CSS_PATH = "pages.tcss"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="entities.filter"),
        Binding("ctrl+t", "cycle_type", "Type", id="entities.type"),
        Binding("ctrl+s", "cycle_sort", "Sort", id="entities.sort"),
        Binding("escape", "close", "Close", id="entities.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.type: str | None = None
        self.sort = "mentions"
        self.rows = []

    def compose(self) -> ComposeResult:
        yield Breadcrumbs(id="crumbs")
        yield Static("", id="page-header")
        yield Input(placeholder="filter by name", id="entity-filter")
        yield OptionList(id="page-list")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        from tuireader.store.related_index import list_entities

        name = self.query_one(Input).value
        self.rows = list_entities(self.app.library, type=self.type, name_filter=name, sort=self.sort, limit=PAGE_SIZE)
        header = Text("Entities", style="bold")
        header.append(f"  {TYPE_NAMES[self.type]} · by {self.sort} · {len(self.rows)} shown"
                      "  (ctrl+t type, ctrl+s sort, / filter)", style="dim")
        self.query_one("#page-header", Static).update(header)
        options = self.query_one(OptionList)
        options.clear_options()
        for index, row in enumerate(self.rows):
            text = Text(row.name)
            text.append(f"  {TYPE_NAMES.get(row.label, row.label)[:-1] if row.label else ''}"
                        f" · {row.stories} stories · {row.mentions} mentions"
                        + (f" · last {row.last_published[:10]}" if row.last_published else ""), style="dim")
            options.add_option(Option(text, id=str(index)))
        if self.rows:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[int(event.option_id)]
        self.app.visit(Place(ENTITY, row.id, row.name))

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_cycle_type(self) -> None:
        self.type = TYPES[(TYPES.index(self.type) + 1) % len(TYPES)]
        self.reload()

    def action_cycle_sort(self) -> None:
        self.sort = "recent" if self.sort == "mentions" else "mentions"
        self.reload()

    def action_close(self) -> None:
        self.app.close_content()
