"""Shared fixtures: a fresh library on disk, and small article factories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.records import PreparedArticle, content_hash
from tuireader.store.library import Library


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real user's data, state or config folders."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("TUIREADER_LIBRARY", raising=False)
    return home


@pytest.fixture
def library(tmp_path) -> Library:
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()


def make_article(title: str = "A title", body: str = "Some body text.", **fields) -> PreparedArticle:
    values = dict(
        source_key=fields.pop("source_key", f"/tmp/{title}.txt"),
        content_hash=content_hash(title, body),
        title=title,
        body=body,
        byline="",
        source="",
        url="",
        published=None,
        lang="en",
        word_count=len(body.split()),
        tags=[],
    )
    values.update(fields)
    return PreparedArticle(**values)


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
