"""Drive the app by keys, as a user would, and check the screen and the database."""

from __future__ import annotations

from textual.widgets import Input, Static

from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.library import LibraryScreen
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView

SIZE = (100, 30)


def titles(app) -> list[str]:
    articles = app.screen.query_one(ArticleList)
    return [s.title for s in app.library.summaries(articles.ids)]


async def test_library_lists_every_story_newest_first(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app)[0] == "Gencatan senjata dibahas di Kairo"
        assert "4 stories" in str(app.screen.query_one("#status", Static).render())


async def test_slash_searches_as_you_type(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.focused is app.screen.query_one("#search", Input)
        await pilot.press(*"banj")
        await pilot.pause(0.3)  # results come after a pause in typing
        assert titles(app) == ["Banjir merendam 61.700 rumah"]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == "Banjir merendam 61.700 rumah"


async def test_malformed_search_shows_a_message_not_a_crash(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "quotation_mark", "k")
        await pilot.pause(0.3)
        status = app.screen.query_one("#status", Static)
        assert "unclosed quote" in str(status.render())
        assert status.has_class("-error")


async def test_enter_opens_story_and_marks_it_read(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(StoryView)
        assert "Gencatan senjata dibahas di Kairo" in view.plain
        assert "Delegasi Hamas tiba di Kairo" in view.plain  # Markdown rendered, markers gone
        assert story_library.article(app.screen.article_id).is_read


async def test_n_and_p_walk_the_list_and_q_goes_back_to_it(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.screen.article.title == "Banjir merendam 61.700 rumah"
        await pilot.press("n", "p")
        await pilot.pause()
        assert app.screen.article.title == "Banjir merendam 61.700 rumah"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.query_one(ArticleList)
        assert story_library.article(articles.current_id).title == "Banjir merendam 61.700 rumah"


async def test_reading_position_is_saved_and_restored(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "space")
        await pilot.pause()
        article_id = app.screen.article_id
        await pilot.press("escape")
        await pilot.pause()
        saved = story_library.article(article_id).position
        assert saved > 0
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(StoryView).scroll_offset.y > 0


async def test_markup_and_escapes_in_articles_are_shown_literally(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "enter")
        await pilot.pause()
        view = app.screen.query_one(StoryView)
        assert "[bold red]Not markup[/]" in view.plain
        assert "[@click=app.quit]markup[/]" in view.plain
        assert app.is_running


async def test_question_mark_lists_the_keys_of_the_screen(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert "Next" in keys and "Previous" in keys and "Back" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_sort_cycles_to_title_order(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert titles(app)[0] == "[bold red]Not markup[/] \x1b[31m"
