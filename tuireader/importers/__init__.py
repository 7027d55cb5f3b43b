"""Read files into RawArticles: one module per format, dispatched by extension."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tuireader.errors import ImportFailed
from tuireader.records import RawArticle
from tuireader.text.decoding import decode

Reader = Callable[[str, str], list[RawArticle]]

#: Files bigger than this are refused unless the user raises the limit.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _reader_for(suffix: str) -> Reader | None:
    # Imported on demand: html extraction pulls in lxml and trafilatura.
    if suffix == ".txt":
        from tuireader.importers.text import read_text
        return read_text
    if suffix in (".md", ".markdown"):
        from tuireader.importers.markdown import read_markdown
        return read_markdown
    if suffix in (".html", ".htm"):
        from tuireader.importers.html import read_html
        return read_html
    if suffix in (".json", ".jsonl", ".ndjson"):
        from tuireader.importers.jsonl import read_json
        return read_json
    return None


SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson")


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawArticle]:
    """Articles in one file; raises ImportFailed with the cause (the caller names the file)."""
    reader = _reader_for(path.suffix.lower())
    if reader is None:
        raise ImportFailed(f"unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFailed(
                f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit (raise it with --max-size)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed(f"cannot read file ({error.strerror or error})") from None
    text = decode(data, name=str(path))
    if not text.strip():
        raise ImportFailed("file is empty")
    return reader(text, source_key(path))


def source_key(path: Path) -> str:
    """The path as text SQLite can store: bytes of a non-UTF-8 file name are kept as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
