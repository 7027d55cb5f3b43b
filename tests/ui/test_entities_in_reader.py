"""Entities and figures in the reader: colouring, the panel, stepping, corrections."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tuireader.importing import import_paths
from tuireader.store.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.story_view import StoryView

SIZE = (120, 34)


def styled_words(view: StoryView) -> set[str]:
    """The words of the body that carry an overlay style."""
    story = view.story
    words = set()
    for overlay in view._overlays:
        if overlay.kind not in ("PERSON", "ORG", "LOCATION", "FIGURE"):
            continue
        start, end = story.span_to_rendered(overlay.start, overlay.end)
        words.add(story.text.plain[start:end])
    return words


async def test_entities_and_figures_are_marked_and_h_toggles_them(extracted_library):
    app = ReaderApp(extracted_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(StoryView)
        assert {"Hamas", "Kairo", "60 hari"} <= styled_words(view)
        await pilot.press("h")
        assert styled_words(view) == set()
        await pilot.press("h")
        assert "Hamas" in styled_words(view)


async def test_entity_panel_lists_entities_by_type_and_figures(extracted_library):
    app = ReaderApp(extracted_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        panel = app.screen.query_one(EntityPanel)
        assert panel.display
        prompts = [str(o.prompt) for o in panel.query_one(OptionList).options]
        assert prompts.index("Organisations") < prompts.index("Hamas  1") < prompts.index("Places")
        assert "Cairo  1" in prompts
        assert any(p.startswith("60 hari") and "P60D" in p for p in prompts)


async def test_choosing_an_entity_steps_through_its_mentions(extracted_library):
    app = ReaderApp(extracted_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "e", "down")
        await pilot.pause()
        reader = app.screen
        assert reader.step_name == "Hamas"
        assert reader.steps[reader.step_index][0] == reader.article.body.index("Hamas")


async def test_find_in_story_steps_with_full_stop_and_comma(extracted_library):
    app = ReaderApp(extracted_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "slash")
        assert app.focused is app.screen.query_one("#find", Input)
        await pilot.press(*"paragraf", "enter")
        await pilot.pause()
        reader = app.screen
        assert len(reader.steps) == 40 and reader.step_index == 0
        await pilot.press("full_stop", "full_stop")
        assert reader.step_index == 2
        await pilot.press("comma")
        assert reader.step_index == 1
        await pilot.press("n")
        assert reader.article.title == "Banjir merendam 61.700 rumah"  # n stays next story


async def test_a_rejected_entity_stays_rejected_after_reimport(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    story = folder / "story.md"
    story.write_text(
        "---\ntitle: Rapat di Jakarta\nlang: id\n---\n"
        "Presiden Joko Santoso bertemu Gubernur Rina Kartika di Jakarta pada Senin (11/8).\n\n"
        "Joko Santoso mengatakan Jakarta siap.\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "lib.db")
    import_paths(library, [folder])
    article_id = library.article_ids()[0]
    assert "Jakarta" in {m.text for m in library.mentions_of(article_id)}
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        target = next(i for i, o in enumerate(options.options) if str(o.prompt).startswith("Jakarta"))
        options.highlighted = target
        await pilot.press("x")
        await pilot.pause()
        assert "Jakarta" not in {m.text for m in library.mentions_of(article_id)}
    story.write_text(story.read_text(encoding="utf-8") + "\nWarga Jakarta menyambut baik.\n", encoding="utf-8")
    report = import_paths(library, [folder])
    assert report.updated == 1
    assert "Jakarta" not in {m.text for m in library.mentions_of(article_id)}
    assert "Joko Santoso" in {m.canonical for m in library.mentions_of(article_id)}
    library.close()
