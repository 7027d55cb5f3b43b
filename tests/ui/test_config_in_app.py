"""The config file reaching the app: keymap overrides, theme, measure, highlight switches."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from tuireader.config import DEFAULTS, HighlightConfig, ReaderConfig
from tuireader.ui.app import ReaderApp
from tuireader.ui.keymap import binding_ids, check_keymap
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.widgets.story_view import StoryView

SIZE = (110, 30)


def config_with(**changes):
    if "keys" in changes:
        changes["keys"] = MappingProxyType(changes["keys"])
    return replace(DEFAULTS, **changes)


async def test_remapped_key_moves_to_the_next_story(story_library):
    app = ReaderApp(story_library, config_with(keys={"reader.next": "ctrl+n"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.screen.article.title == "Gencatan senjata dibahas di Kairo"  # n no longer bound
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.article.title == "Banjir merendam 61.700 rumah"


def test_unknown_binding_ids_and_conflicts_are_reported():
    keymap, warnings = check_keymap({"reader.nxt": "x", "reader.next": "p"})
    assert keymap == {"reader.next": "p"}
    assert any("reader.nxt is not a binding id" in w for w in warnings)
    assert any("'p'" in w and "reader.previous" in w for w in warnings)


def test_every_binding_has_an_id():
    assert {"reader.next", "library.search", "list.open", "app.help"} <= set(binding_ids())


async def test_bad_theme_falls_back_with_a_warning(story_library):
    app = ReaderApp(story_library, config_with(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "tuireader-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_measure_limits_the_reader_width(story_library):
    app = ReaderApp(story_library, config_with(reader=ReaderConfig(measure=50)))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(StoryView).size.width <= 54


async def test_highlight_switches_hide_a_type(extracted_library):
    app = ReaderApp(extracted_library, config_with(highlight=HighlightConfig(location=False)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        kinds = {o.kind for o in app.screen.query_one(StoryView)._overlays}
        assert "ORG" in kinds and "LOCATION" not in kinds


def test_light_theme_snapshot(snap_compare, extracted_library):
    app = ReaderApp(extracted_library, config_with(theme="tuireader-light"))
    assert snap_compare(app, terminal_size=(120, 34), press=["enter", "e"])
