"""Plain text: the first non-empty line is the title, the rest is the body."""

from __future__ import annotations

from tuireader.records import RawArticle


def read_text(text: str, source_key: str) -> list[RawArticle]:
    lines = text.strip().splitlines()
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    # Plain text is stored as Markdown; escape nothing, paragraphs already use blank lines.
    return [RawArticle(source_key=source_key, title=title, body=body)]
