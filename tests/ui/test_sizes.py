"""The app at every terminal size from 40x12 to 300x80, and resized while reading: no crash, rows fit.

SVG snapshots of the library screen at three sizes (update with --snapshot-update).
"""

from __future__ import annotations

import pytest

from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.library import LibraryScreen
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.widgets.story_view import StoryView

SIZES = [(40, 12), (57, 17), (120, 40), (300, 80)]


def assert_fits(app, size: tuple[int, int]) -> None:
    strips = app.screen._compositor.render_strips()
    assert len(strips) == size[1]
    assert all(strip.cell_length == size[0] for strip in strips)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_works_at_this_size(story_library, size):
    app = ReaderApp(story_library)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert_fits(app, size)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert_fits(app, size)
        await pilot.press("space", "G", "e")
        await pilot.pause()
        assert_fits(app, size)
        await pilot.press("escape", "escape", "question_mark")
        await pilot.pause()
        assert_fits(app, size)
        await pilot.press("escape", "slash", *"kairo", "enter")
        await pilot.pause()
        assert_fits(app, size)
        assert app.is_running


async def test_resizing_while_reading_keeps_the_place_and_never_crashes(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "space")
        await pilot.pause()
        view = app.screen.query_one(StoryView)
        for size in [(40, 12), (300, 80), (41, 13), (120, 40), (40, 12), (299, 79), (100, 30)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.size == size
            assert_fits(app, size)
            await pilot.press("space")
            await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "Paragraf" in view.plain
        await pilot.press("escape")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert_fits(app, (40, 12))
        assert app.is_running


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (300, 80)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_screen_snapshot(snap_compare, story_library, size):
    assert snap_compare(ReaderApp(story_library), terminal_size=size)
