"""What the two hand-annotated corpora (figures, entities) share: reading `expected.json` into
annotations by article, and running tuireader on one article file in-process exactly as
`tuireader extract FILE --json` does (`prepare_file` for the cleaned body, the language and the
date from the file name, then `extraction.extract`), so offsets index the body the anchors are
located in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TypeVar

A = TypeVar("A")


def group_by_file(directory: Path, expected_name: str, files: list[str],
                  make: Callable[[object, str], A]) -> dict[str, list[A]]:
    """Annotations by article file name, in file order (anchor order matters); ``make`` builds one
    from a record. Raises ValueError on a malformed record, a record naming a missing file, or an
    article file without any annotation."""
    records = json.loads((Path(directory) / expected_name).read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise ValueError(f"{expected_name}: expected a JSON list of records")
    by_file: dict[str, list[A]] = {name: [] for name in files}
    for n, record in enumerate(records):
        annotation = make(record, f"{expected_name} record {n}")
        if annotation.file not in by_file:
            raise ValueError(f"{expected_name} record {n}: no article file {annotation.file!r}")
        by_file[annotation.file].append(annotation)
    empty = [name for name, annotations in by_file.items() if not annotations]
    if empty:
        raise ValueError(f"articles without annotations: {', '.join(empty)}")
    return by_file


def prepare_article(path: Path):
    """The one PreparedArticle of an article file (cleaned body, detected language, date)."""
    from tuireader.importing import prepare_file

    path = Path(path)
    prepared = prepare_file(path)
    if len(prepared) != 1:
        raise ValueError(f"{path.name}: expected one article, got {len(prepared)}")
    return prepared[0]


def extract_prepared(article):
    """``extraction.extract`` on a prepared article, with its published date."""
    from datetime import date

    from tuireader.extraction import extract

    published = date.fromisoformat(article.published) if article.published else None
    return extract(article.body, article.lang, published)
