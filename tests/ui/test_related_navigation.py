"""Related stories, threads, entity pages and back/forward, driven by keys."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from tuireader.importing import import_paths
from tuireader.store.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.entities import EntitiesScreen
from tuireader.ui.screens.entity import EntityScreen
from tuireader.ui.screens.library import LibraryScreen
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.screens.thread import ThreadScreen
from tuireader.ui.widgets.related_panel import RelatedPanel

SIZE = (130, 34)

STORIES = {
    "2025-08-10-kairo.md": ("id", "2025-08-10", "Delegasi Hamas tiba di Kairo",
                            "Delegasi Hamas yang dipimpin Yusuf Karim Al Bana tiba di Kairo, Mesir, pada Minggu. "
                            "Perundingan gencatan senjata di Jalur Gaza dibuka lagi oleh mediator Qatar."),
    "2025-08-11-cairo.md": ("en", "2025-08-11", "Cairo truce talks resume",
                            "Hamas negotiator Yusuf Karim Al Bana met Egyptian mediators in Cairo on Monday. "
                            "The ceasefire talks on the Gaza Strip resumed with Qatar present."),
    "2025-08-12-kairo-lanjut.md": ("id", "2025-08-12", "Perundingan Kairo berlanjut",
                                   "Al Bana mengatakan perundingan gencatan senjata di Kairo berlanjut. "
                                   "Mesir dan Qatar menyiapkan rumusan baru untuk Jalur Gaza."),
    "2025-03-03-banjir.md": ("id", "2025-03-03", "Banjir di Padang",
                             "Banjir bandang melanda Padang, Sumatera Barat. BNPB mencatat 61.700 orang mengungsi."),
}


@pytest.fixture
def thread_library(tmp_path) -> Library:
    folder = tmp_path / "stories"
    folder.mkdir()
    for name, (lang, date, title, body) in STORIES.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\n---\n{body}\n", encoding="utf-8")
    library = Library.open(tmp_path / "thread.db")
    import_paths(library, [folder])
    yield library
    library.close()


async def open_titled(app, pilot, title):
    await pilot.press("slash", *title.split()[0].lower(), "enter")
    await pilot.pause()
    ids = app.screen.query_one("ArticleList").ids
    app.open_story(next(i for i in ids if app.library.article(i).title == title))
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)


async def test_r_shows_related_stories_across_languages_and_enter_opens_one(thread_library):
    app = ReaderApp(thread_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(app, pilot, "Delegasi Hamas tiba di Kairo")
        await pilot.press("r")
        await pilot.pause()
        panel = app.screen.query_one(RelatedPanel)
        titles = [s.title for s in panel.stories]
        assert set(titles[:2]) == {"Cairo truce talks resume", "Perundingan Kairo berlanjut"}
        assert titles.index("Cairo truce talks resume") < titles.index("Banjir di Padang") if "Banjir di Padang" in titles else True
        assert all(s.reason for s in panel.stories[:2])
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article.title == titles[0]


async def test_capital_t_shows_the_thread_in_date_order(thread_library):
    app = ReaderApp(thread_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(app, pilot, "Perundingan Kairo berlanjut")
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ThreadScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        titles = [thread_library.article(i).title for i in app.screen.ids]
        assert titles == ["Delegasi Hamas tiba di Kairo", "Cairo truce talks resume", "Perundingan Kairo berlanjut"]


async def test_entity_page_from_the_panel_then_back_and_forward(thread_library):
    app = ReaderApp(thread_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(app, pilot, "Delegasi Hamas tiba di Kairo")
        await pilot.press("e")
        await pilot.pause()
        options = app.screen.query_one("#entity-options", OptionList)
        target = next(i for i, o in enumerate(options.options) if str(o.prompt).startswith("Yusuf Karim Al Bana"))
        options.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        crumbs = str(app.screen.query_one("#crumbs").render())
        assert "Yusuf Karim Al Bana" in crumbs
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == "Delegasi Hamas tiba di Kairo"
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_entity_page_lists_every_story_newest_first_and_opens_at_the_mention(thread_library):
    app = ReaderApp(thread_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EntitiesScreen)
        await pilot.press("slash", *"al bana", "enter")
        await pilot.pause()
        assert [r.name for r in app.screen.rows] == ["Yusuf Karim Al Bana"]
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, EntityScreen)
        stories = [p.title for k, p in page.targets.items() if k.startswith("s")]
        assert stories == ["Perundingan Kairo berlanjut", "Cairo truce talks resume", "Delegasi Hamas tiba di Kairo"]
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.body[reader.cursor.span[0]:].startswith("Al Bana")


async def test_palette_goes_to_an_entity_by_name(thread_library):
    from tuireader.ui.commands import EntityProvider

    app = ReaderApp(thread_library)
    async with app.run_test(size=SIZE) as pilot:
        provider = EntityProvider(app.screen)
        hits = [hit async for hit in provider.search("al bana")]
        assert any("Yusuf Karim Al Bana" in str(hit.match_display) for hit in hits)
        hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
