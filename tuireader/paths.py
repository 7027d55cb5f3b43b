"""Every file location tuireader uses, in one place."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "tuireader"
LIBRARY_ENV = "TUIREADER_LIBRARY"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / "config.toml"


def default_library_path() -> Path:
    return data_dir() / "library.db"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library to open: ``--library`` wins, then $TUIREADER_LIBRARY, then config ``library``, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from tuireader.config import configured_library

    return configured_library() or default_library_path()


def is_default_library(path: Path) -> bool:
    return path.expanduser().resolve() == default_library_path().resolve()


def export_dir() -> Path:
    """Where `x` in the app writes Markdown notes ($TUIREADER_EXPORT_DIR overrides it)."""
    chosen = os.environ.get("TUIREADER_EXPORT_DIR")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_documents_dir()) / "tuireader-notes"


def error_log_path() -> Path:
    return state_dir() / "errors.log"


def bundled_samples_dir() -> Path:
    """The sample library: package data in an installed wheel, the repo folder in a checkout."""
    packaged = Path(str(files("tuireader"))) / "sample_articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "sample_articles"


def package_data(name: str) -> Path:
    return Path(str(files("tuireader"))) / "data" / name
