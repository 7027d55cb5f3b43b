"""Library screen: marking and tagging several stories, the side list, saved searches, the notes screen."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tuireader.store import notes, saved_searches
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.notes import NotesScreen, parse_notes_filter
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.library_sidebar import LibrarySidebar

SIZE = (110, 30)


async def test_space_marks_and_t_tags_every_marked_story(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "t")
        await pilot.pause()
        await pilot.press(*"banjir sumatra", "enter")
        await pilot.pause()
        first, second, third, _ = story_library.article_ids()
        assert story_library.tags_of(first) == ("banjir sumatra",)
        assert story_library.tags_of(second) == ("banjir sumatra",)
        assert story_library.tags_of(third) == ()
        assert not app.screen.query_one(ArticleList).marked


async def test_capital_v_marks_a_range_and_minus_untags(story_library):
    ids = story_library.article_ids()
    notes.add_tags(story_library, ids, ["old"])
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "j", "j", "V")
        assert app.screen.query_one(ArticleList).marked == set(ids[:4])
        await pilot.press("t", *"-old", "enter")
        await pilot.pause()
        assert all(story_library.tags_of(i) == () for i in ids)


async def test_side_list_filters_by_tag(story_library):
    notes.add_tags(story_library, [story_library.article_ids()[2]], ["fiscal"])
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        sidebar = app.screen.query_one(LibrarySidebar)
        assert app.focused is sidebar
        labels = [str(o.prompt) for o in sidebar.options]
        sidebar.highlighted = labels.index("fiscal  1")
        await pilot.press("enter")
        await pilot.pause()
        ids = app.screen.query_one(ArticleList).ids
        assert [story_library.article(i).title for i in ids] == ["Budget deficit set at 2.5%"]


async def test_capital_s_saves_the_search_and_its_number_recalls_it(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"lang:en", "enter", "S")
        await pilot.pause()
        await pilot.press(*"english", "enter")
        await pilot.pause()
        [saved] = saved_searches.list_saved_searches(story_library)
        assert (saved.name, saved.query, saved.total) == ("english", "lang:en", 2)
        await pilot.press("escape")  # clears the search
        await pilot.pause(0.3)
        assert len(app.screen.query_one(ArticleList).ids) == 4
        await pilot.press("1")
        await pilot.pause()
        assert len(app.screen.query_one(ArticleList).ids) == 2


async def test_notes_screen_lists_highlights_filters_and_opens_the_story(story_library):
    first, second = story_library.article_ids()[:2]
    body = story_library.article(second).body
    start = body.index("Sebanyak")
    notes.create_highlight(story_library, first, 0, 10, note="catatan pertama")
    notes.create_highlight(story_library, second, start, start + 8, note="kedua", label=2)
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert [h.note for h in app.screen.found] == ["kedua", "catatan pertama"]  # newest first
        await pilot.press("slash", *"label:2")
        await pilot.pause()
        assert [h.note for h in app.screen.found] == ["kedua"]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == second
        assert app.screen.cursor.span[0] <= start < app.screen.cursor.span[1]
        await pilot.press("escape")
        assert isinstance(app.screen, NotesScreen)


def test_notes_filter_understands_tag_and_label():
    assert parse_notes_filter("tag:gencatan_senjata label:3 kairo") == ("kairo", "gencatan senjata", 3)


async def test_search_shows_the_matching_passage_of_the_current_story(story_library):
    from textual.widgets import Static

    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"mengungsi")
        await pilot.pause(0.3)
        preview = app.screen.query_one("#snippet", Static)
        assert preview.display
        rendered = preview.render()
        assert "Sebanyak 61.700 orang mengungsi" in str(rendered)
        assert any(str(rendered)[s.start:s.end] == "mengungsi" for s in rendered.spans)
        await pilot.press("escape")
        await pilot.pause()
        assert not preview.display


async def test_palette_goes_to_a_saved_search(story_library):
    from tuireader.ui.commands import SavedSearchProvider

    saved_searches.save_search(story_library, "english", "lang:en")
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        hits = [hit async for hit in SavedSearchProvider(app.screen).search("engl")]
        assert [str(h.match_display) for h in hits] == ["saved search: english"]
        hits[0].command()
        await pilot.pause()
        assert len(app.screen.query_one(ArticleList).ids) == 2
