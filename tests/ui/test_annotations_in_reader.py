"""Highlights, notes and tags by keyboard alone, checked in the database."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from tuireader.store import notes
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.confirm import ConfirmScreen
from tuireader.ui.screens.note_editor import NoteEditorScreen
from tuireader.ui.screens.reader import ReaderScreen
from tuireader.ui.screens.tag_editor import TagChange, parse_tag_input
from tuireader.ui.widgets.story_view import StoryView

SIZE = (110, 34)


async def open_first(app, pilot):
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def open_tag_editor(app, pilot):
    """Open the first story and press t: the reader screen and the tag editor's input field."""
    reader = await open_first(app, pilot)
    await pilot.press("t")
    await pilot.pause()
    return reader, app.screen.query_one(Input)


async def test_a_highlights_the_cursor_sentence_and_saves_the_note(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_first(app, pilot)
        await pilot.press("right_parenthesis", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press(*"penting", "enter", *"dua")
        await pilot.press("escape")
        await pilot.pause()
        [highlight] = notes.highlights_of(story_library, reader.article_id)
        assert highlight.quote == "Perundingan berlangsung 60 hari."
        assert highlight.note == "penting\ndua"


async def test_v_selection_extends_with_motions(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_first(app, pilot)
        await pilot.press("v", "right_parenthesis", "a", "escape")
        await pilot.pause()
        [highlight] = notes.highlights_of(story_library, reader.article_id)
        assert highlight.quote.startswith("Delegasi **Hamas** tiba")
        assert highlight.quote.endswith("60 hari.")


async def test_labels_jumps_edit_delete_and_undo(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_first(app, pilot)
        await pilot.press("a", "escape", "right_curly_bracket", "right_curly_bracket", "a", "escape")
        await pilot.pause()
        first, second = notes.highlights_of(story_library, reader.article_id)
        await pilot.press("3")
        assert notes.highlight(story_library, second.id).label == 3
        await pilot.press("left_square_bracket")
        assert reader.cursor.span[0] == first.start
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press(*"edited", "ctrl+s")
        await pilot.pause()
        assert notes.highlight(story_library, first.id).note == "edited"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [h.id for h in notes.highlights_of(story_library, reader.article_id)] == [second.id]
        await pilot.press("u")
        assert [h.id for h in notes.highlights_of(story_library, reader.article_id)] == [first.id, second.id]
        assert notes.highlight(story_library, first.id).note == "edited"


async def test_declining_the_confirmation_keeps_the_highlight(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_first(app, pilot)
        await pilot.press("a", "escape", "d", "n")
        await pilot.pause()
        assert len(notes.highlights_of(story_library, reader.article_id)) == 1


async def test_story_note_is_saved_and_shown_above_the_body(story_library):
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_first(app, pilot)
        await pilot.press("N", *"catatan cerita", "escape")
        await pilot.pause()
        assert notes.story_note(story_library, reader.article_id).note == "catatan cerita"
        view = reader.query_one(StoryView)
        assert view.plain.index("Note: catatan cerita") < view.plain.index("Delegasi Hamas")


async def test_t_edits_the_story_tags_with_completion(story_library):
    notes.add_tags(story_library, [story_library.article_ids()[1]], ["Gencatan Senjata"])
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader, field = await open_tag_editor(app, pilot)
        await pilot.press(*"gaza, genc")
        await pilot.pause()
        await pilot.press("right")  # accept the completion
        assert field.value == "gaza, Gencatan Senjata"
        await pilot.press("enter")
        await pilot.pause()
        assert set(story_library.tags_of(reader.article_id)) == {"gaza", "Gencatan Senjata"}
        assert "#gaza" in reader.query_one(StoryView).plain


async def test_typing_in_the_tag_editor_adds_to_the_story_tags(story_library):
    notes.add_tags(story_library, story_library.article_ids(), ["gaza"])
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        reader, field = await open_tag_editor(app, pilot)
        assert field.value == "gaza, " and field.cursor_position == len(field.value)
        await pilot.press(*"banjir", "enter")
        await pilot.pause()
        assert set(story_library.tags_of(reader.article_id)) == {"gaza", "banjir"}


def test_tag_input_sets_exactly_for_one_story_and_adds_for_many():
    assert parse_tag_input("a, b", current=("a", "old")) == TagChange(["a", "b"], ["old"])
    assert parse_tag_input("a, -b", current=None) == TagChange(["a"], ["b"])


async def test_x_exports_the_story_notes_and_names_the_file(story_library, tmp_path, monkeypatch):
    monkeypatch.setenv("TUIREADER_EXPORT_DIR", str(tmp_path / "vault"))
    app = ReaderApp(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "a", *"catatan", "escape", "x")
        await pilot.pause()
        [written] = list((tmp_path / "vault").glob("*.md"))
        assert "catatan" in written.read_text(encoding="utf-8")
        assert any(str(written) in n.message for n in app._notifications)
        await pilot.press("x")  # again: the same file is kept, not duplicated
        await pilot.pause()
        assert list((tmp_path / "vault").glob("*.md")) == [written]
