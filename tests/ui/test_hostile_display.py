"""Hostile text in the app: shown literally, never executed, never breaking the layout.

The library is built by the real import from generated hostile files, so what the app shows is
what ``tuireader import`` stored: escapes and invisible characters stripped, markup kept as text.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tuireader.importing import import_paths
from tuireader.store.library import Library
from tuireader.store.notes import add_tags
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.library import LibraryScreen
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView

SIZE = (100, 30)
CLICK_QUIT = "[@click=app.quit]x[/]"
ESCAPES = "\x1b[31mred\x1b[0m \x1b[2J\x1b[H \x1b]52;c;cHduZWQ=\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x9b1m"
WIDE_TITLE = "新闻标题 🎉👨\u200d👩\u200d👧 漢字テスト 한국어 제목 " * 3

FILES = {
    "markup.md": (
        "---\ntitle: '[@click=app.quit]x[/]'\nsource: '[bold red]Wire[/]'\ndate: 2025-08-05\n"
        "tags: ['[link=http://e.example]t[/link]']\n---\n"
        "Paragraph with [@click=app.quit]quit[/] and [link=http://evil.example]a link[/link] and [bold]bold[/].\n"
    ),
    "escapes.json": json.dumps({
        "title": f"Escapes {ESCAPES}", "source": "\x1b]8;;http://x\x1b\\src", "date": "2025-08-04",
        "tags": ["\x1b[1mtagged"], "body": f"Body {ESCAPES} end.\n\nSecond \x1b[1A\x1b[2K paragraph.",
    }),
    "wide.txt": f"{WIDE_TITLE}\n\n" + "本文 😀 " * 400,
    "bidi.txt": "Bidi \u202eevil\u202c and zero\u200bwidth\u2066x\u2069\n\nText \u202eesrever\u202c zero\u200bwidth \ufeff.",
    "long-line.txt": "Long line story\n\n" + "kata " * 200_000,
    "long-title.txt": "x" * 1_000_000 + "\n\nA story whose title is a megabyte long.",
}


@pytest.fixture(scope="module")
def hostile_library_file(tmp_path_factory):
    """Imported once per module (the megabyte files take a few seconds); each test gets a copy."""
    folder = tmp_path_factory.mktemp("hostile")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "hostile.db"
    library = Library.open(path)
    report = import_paths(library, [folder], workers=1)
    library.close()
    assert report.imported == len(FILES), report.errors
    return path


@pytest.fixture
def hostile_library(hostile_library_file, tmp_path) -> Library:
    copy = tmp_path / "hostile.db"
    shutil.copyfile(hostile_library_file, copy)
    library = Library.open(copy)
    yield library
    library.close()


def screen_text(app) -> str:
    """What the terminal would show, one line per row, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def row_of(app, title_start: str) -> int:
    articles = app.screen.query_one(ArticleList)
    titles = [s.title for s in app.library.summaries(articles.ids)]
    return next(i for i, t in enumerate(titles) if t.startswith(title_start))


async def open_row(pilot, index: int) -> None:
    articles = pilot.app.screen.query_one(ArticleList)
    articles.cursor = index
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_click_markup_in_a_title_is_shown_literally_and_enter_does_not_quit(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert CLICK_QUIT in screen_text(app)
        await open_row(pilot, row_of(app, CLICK_QUIT))
        assert app.is_running
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(StoryView)
        assert "[@click=app.quit]quit[/]" in view.plain
        assert "[link=http://evil.example]a link[/link]" in view.plain
        assert "[bold red]Wire[/]" in screen_text(app) + view.plain
        # Clicking every cell of the story must not run app.quit either.
        for y in range(0, SIZE[1], 4):
            for x in range(0, SIZE[0], 16):
                await pilot.click(offset=(x, y))
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_escape_sequences_never_reach_the_screen(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "\x1b" not in screen_text(app) and "\x9b" not in screen_text(app)
        await open_row(pilot, row_of(app, "Escapes"))
        view = app.screen.query_one(StoryView)
        assert "\x1b" not in view.plain and "\x9b" not in view.plain
        assert "red" in view.plain and "end." in view.plain
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "Escapes" in text


async def test_wide_characters_keep_every_row_the_width_of_the_terminal(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert len(strips) == SIZE[1]
        assert all(strip.cell_length == SIZE[0] for strip in strips)
        assert "新闻标题" in screen_text(app)
        await open_row(pilot, row_of(app, "新闻标题"))
        await pilot.press("space", "space", "G", "g")
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert all(strip.cell_length == SIZE[0] for strip in strips)


async def test_bidi_overrides_and_zero_width_characters_are_not_shown(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_row(pilot, row_of(app, "Bidi"))
        shown = screen_text(app) + app.screen.query_one(StoryView).plain
        assert not set("\u202e\u202c\u2066\u2069\u200b\ufeff") & set(shown)
        assert "esrever" in shown


async def test_a_megabyte_line_and_a_megabyte_title_open_and_scroll(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_row(pilot, row_of(app, "Long line story"))
        await pilot.press("G", "g", "space")
        await pilot.pause()
        assert "kata kata" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await open_row(pilot, row_of(app, "xxxx"))
        assert "megabyte long" in app.screen.query_one(StoryView).plain
        assert len(app.screen.article.title) <= 300  # cut at import: a title is not a megabyte
        assert app.is_running


async def test_markup_typed_into_search_is_searched_for_not_run(hostile_library):
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"[@click=app.quit]", "enter")
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]" in screen_text(app)


async def test_escapes_in_a_tag_given_on_the_command_line_never_reach_the_screen(hostile_library):
    article_id = hostile_library.article_ids()[0]
    add_tags(hostile_library, [article_id], ["\x1b]52;c;cHduZWQ=\x07evil\x1b[31m"])
    app = ReaderApp(hostile_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "\x1b" not in screen_text(app)
