"""User key remapping: check the [keys] table of the config against the app's binding ids."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding


def _scopes() -> dict[str, list[Binding]]:
    """Bindings by the screen or widget that owns them (imported here to keep start-up lazy elsewhere)."""
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.screens.help import HelpScreen
    from tuireader.ui.screens.library import LibraryScreen
    from tuireader.ui.screens.notes import NotesScreen
    from tuireader.ui.screens.reader import ReaderScreen
    from tuireader.ui.widgets.article_list import ArticleList
    from tuireader.ui.widgets.entity_panel import EntityPanel
    from tuireader.ui.widgets.story_view import StoryView

    owners = [ReaderApp, LibraryScreen, ArticleList, ReaderScreen, StoryView, EntityPanel, NotesScreen, HelpScreen]
    return {owner.__name__: [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id] for owner in owners}


# Scopes that are active at the same time: a key bound twice among them is a conflict.
_TOGETHER = [
    ("ReaderApp", "LibraryScreen", "ArticleList"),
    ("ReaderApp", "ReaderScreen", "StoryView"),
    ("ReaderApp", "ReaderScreen", "EntityPanel"),
    ("ReaderApp", "NotesScreen"),
]


def binding_ids() -> dict[str, str]:
    """Every remappable binding id and its default keys."""
    return {b.id: b.key for bindings in _scopes().values() for b in bindings}


def _keys(spec: str) -> set[str]:
    return {k.strip() for k in spec.split(",") if k.strip()}


def check_keymap(requested: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply, and one warning per unknown id or conflicting key."""
    scopes = _scopes()
    known = binding_ids()
    warnings = [f"config.toml: keys.{name} is not a binding id (see `?` in the app)" for name in requested
                if name not in known]
    keymap = {name: spec for name, spec in requested.items() if name in known}
    for group in _TOGETHER:
        owner: dict[str, str] = {}
        for scope in group:
            for binding in scopes[scope]:
                for key in _keys(keymap.get(binding.id, binding.key)):
                    other = owner.get(key)
                    if other and other != binding.id and (binding.id in keymap or other in keymap):
                        warnings.append(f"config.toml: key {key!r} is bound to both {other} and {binding.id}")
                    owner.setdefault(key, binding.id)
    return keymap, sorted(set(warnings), key=warnings.index)
