"""A small library of original stories for driving the app."""

from __future__ import annotations

import pytest

from tests.conftest import make_article
from tuireader.store.library import Library

STORIES = [
    dict(title="Gencatan senjata dibahas di Kairo", lang="id", published="2025-08-12", source="Harian Nusantara",
         body="Delegasi **Hamas** tiba di *Kairo* pada Selasa (12/8).\n\nPerundingan berlangsung 60 hari.\n\n"
              + "\n\n".join(f"Paragraf {i} tentang perundingan yang panjang dan rinci." for i in range(40))),
    dict(title="Banjir merendam 61.700 rumah", lang="id", published="2025-08-11", source="Kabar Pagi",
         body="Banjir bandang melanda Padang. Sebanyak 61.700 orang mengungsi."),
    dict(title="Budget deficit set at 2.5%", lang="en", published="2025-08-10", source="Meridian Wire",
         body="The finance ministry said the deficit would be 2.5% of GDP."),
    dict(title="[bold red]Not markup[/] \x1b[31m", lang="en", published="2025-08-09", source="[link=x]",
         body="Body with [@click=app.quit]markup[/] that must stay literal."),
]


@pytest.fixture
def story_library(tmp_path) -> Library:
    library = Library.open(tmp_path / "ui.db")
    library.store_articles([make_article(**story, source_key=f"s{i}.md") for i, story in enumerate(STORIES)])
    yield library
    library.close()


@pytest.fixture
def extracted_library(story_library) -> Library:
    """The story library with hand-made entities and figures on the first story (no model involved)."""
    from tuireader.entities.mention import EntityMention
    from tuireader.extraction import Extraction
    from tuireader.figures.figure import Figure

    article_id = story_library.article_ids()[0]
    body = story_library.article(article_id).body

    def mention(text, label, canonical, occurrence=0):
        start = -1
        for _ in range(occurrence + 1):
            start = body.index(text, start + 1)
        return EntityMention(start, start + len(text), label, text, canonical)

    figure_start = body.index("60 hari")
    story_library.save_extraction(
        article_id,
        Extraction(
            [mention("Hamas", "ORG", "Hamas"), mention("Kairo", "LOCATION", "Cairo")],
            [Figure(figure_start, figure_start + 7, "60 hari", "DURATION", "P60D", None)],
        ),
        "test",
    )
    return story_library
