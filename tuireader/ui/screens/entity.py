"""An entity's page: its names, its stories newest first (with the sentence that mentions it),
the entities named with it, and the figures stated near it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.errors import NotFound
from tuireader.navigation import ENTITY, STORY, Place
from tuireader.story_entities import LABEL_TITLES
from tuireader.ui.widgets.breadcrumbs import Breadcrumbs

LABEL_NAMES = {"PERSON": "person", "ORG": "organisation", "LOCATION": "place"}


class EntityScreen(Screen):
    CSS_PATH = "pages.tcss"
    BINDINGS = [Binding("escape,q", "close", "Close", id="entity.close")]

    def __init__(self, entity_id: int) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.targets: dict[str, Place] = {}

    def compose(self) -> ComposeResult:
        yield Breadcrumbs(id="crumbs")
        yield Static("", id="page-header")
        yield OptionList(id="page-list")
        yield Footer()

    def on_mount(self) -> None:
        from tuireader.store.related_index import entity_page

        try:
            page = entity_page(self.app.library, self.entity_id)
        except (NotFound, LookupError) as error:
            self.query_one("#page-header", Static).update(Text(str(error)))
            return
        header = Text(page.name, style="bold")
        header.append(f"  {LABEL_NAMES.get(page.label, page.label)}", style="italic")
        header.append(f"\n{page.story_count} stories · {page.mention_count} mentions", style="dim")
        others = [a for a in page.aliases if a != page.name]
        if others:
            header.append("\nalso written as: " + ", ".join(others[:12]), style="dim")
        self.query_one("#page-header", Static).update(header)
        items: list[Option] = [Option(Text("Stories, newest first", style="bold"), disabled=True)]
        for number, story in enumerate(page.timeline):
            key = f"s{number}"
            self.targets[key] = Place(STORY, story.id, story.title)
            row = Text(story.title or "(untitled)")
            row.append("\n" + " · ".join(x for x in ((story.published or "")[:10], story.source, story.lang,
                                                      f"{story.mentions}×") if x), style="dim")
            if story.sentence:
                row.append("\n“" + " ".join(story.sentence.split())[:220] + "”", style="italic")
            items.append(Option(row, id=key))
        if page.co_mentioned:
            items.append(Option(Text("Named with it", style="bold"), disabled=True))
            for number, other in enumerate(page.co_mentioned):
                key = f"e{number}"
                self.targets[key] = Place(ENTITY, other.id, other.name)
                row = Text(other.name)
                row.append(f"  {LABEL_TITLES.get(other.label, other.label).lower()} · {other.stories} stories", style="dim")
                items.append(Option(row, id=key))
        if page.figures:
            items.append(Option(Text("Figures stated near it", style="bold"), disabled=True))
            for number, figure in enumerate(page.figures):
                key = f"f{number}"
                self.targets[key] = Place(STORY, figure.article_id, figure.sentence[:40])
                row = Text(figure.text, style="bold")
                row.append(f"  {figure.kind.lower()} · {(figure.published or '')[:10]}", style="dim")
                row.append("\n“" + " ".join(figure.sentence.split())[:220] + "”", style="italic")
                items.append(Option(row, id=key))
        options = self.query_one(OptionList)
        options.add_options(items)
        if len(items) > 1:
            options.highlighted = 1
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        place = self.targets.get(event.option_id or "")
        if place is None:
            return
        if place.kind == STORY:
            offset = self.app.library.first_mention(place.id, self.entity_id)
            place = Place(STORY, place.id, self.app.library.article(place.id).title, offset)
        self.app.visit(place)

    def action_close(self) -> None:
        self.app.close_content()
