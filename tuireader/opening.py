"""Open the library a command or the app asks for, seeding a brand-new default library with the samples."""

from __future__ import annotations

from pathlib import Path

from tuireader import paths
from tuireader.store.library import Library


def open_library(explicit: str | Path | None = None) -> Library:
    path = paths.library_path(explicit)
    is_new = not path.exists()
    library = Library.open(path)
    if is_new and not explicit and paths.is_default_library(path) and library.article_count() == 0:
        seed_with_samples(library)
    return library


def seed_with_samples(library: Library):
    from tuireader.importing import import_paths

    return import_paths(library, [paths.bundled_samples_dir()])
