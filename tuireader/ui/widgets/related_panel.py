"""The related-stories panel: the stories most related to the one being read, each with why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.related import RelatedStory


def related_row(story: RelatedStory) -> Text:
    row = Text(story.title or "(untitled)")
    meta = " · ".join(x for x in ((story.published or "")[:10], story.source, story.lang) if x)
    row.append("\n" + meta, style="dim")
    if story.reason:
        row.append("\n" + story.reason, style="italic dim")
    return row


class RelatedPanel(Vertical):
    class Open(Message):
        def __init__(self, article_id: int, title: str) -> None:
            self.article_id = article_id
            self.title = title
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.stories: list[RelatedStory] = []

    def compose(self) -> ComposeResult:
        yield Static("Related stories", id="related-title")
        yield OptionList(id="related-options")

    def show(self, stories: list[RelatedStory]) -> None:
        self.stories = stories
        options = self.query_one(OptionList)
        options.clear_options()
        if not stories:
            options.add_option(Option(Text("no related stories found", style="dim"), disabled=True))
            return
        options.add_options([Option(related_row(s), id=str(i)) for i, s in enumerate(stories)])
        options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        story = self.stories[int(event.option_id)]
        self.post_message(self.Open(story.id, story.title))
