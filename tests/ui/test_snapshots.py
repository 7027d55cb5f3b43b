"""SVG snapshots of the main screens at a fixed size (update with --snapshot-update)."""

from __future__ import annotations

from tuireader.ui.app import ReaderApp

SIZE = (100, 30)


def test_library_screen(snap_compare, story_library):
    assert snap_compare(ReaderApp(story_library), terminal_size=SIZE)


def test_reader_screen(snap_compare, story_library):
    assert snap_compare(ReaderApp(story_library), terminal_size=SIZE, press=["enter"])


def test_search_results(snap_compare, story_library):
    assert snap_compare(ReaderApp(story_library), terminal_size=SIZE, press=["slash", *"kairo", "enter"])


def test_reader_with_entities_and_panel(snap_compare, extracted_library):
    assert snap_compare(ReaderApp(extracted_library), terminal_size=(120, 34), press=["enter", "e"])
