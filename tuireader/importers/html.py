"""HTML pages: main-content extraction with trafilatura, as Markdown, with its metadata."""

from __future__ import annotations

import re

from tuireader.errors import ImportFailed
from tuireader.importers.fields import as_tags
from tuireader.records import RawArticle

# trafilatura's markdown output with metadata starts with a YAML header of the same fields
# the Document carries; the body is what follows it.
_METADATA_HEADER = re.compile(r"\A---\n(?:[^\n]*\n)*?---\n")


def read_html(text: str, source_key: str) -> list[RawArticle]:
    import trafilatura  # heavy: loaded only when an HTML file is imported

    document = trafilatura.extract_with_metadata(
        text,
        output_format="markdown",
        include_formatting=True,
        include_links=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
    )
    body = _METADATA_HEADER.sub("", document.text or "", count=1) if document is not None else ""
    if not body.strip():
        raise ImportFailed("no article text found in the page")
    return [
        RawArticle(
            source_key=source_key,
            title=document.title or "",
            body=body,
            byline=document.author or "",
            source=document.sitename or "",
            url=document.url or "",
            published=document.date or "",
            lang="",
            # trafilatura hands keywords over as one comma-separated string per meta tag.
            tags=as_tags(",".join(document.tags)) if isinstance(document.tags, list) else as_tags(document.tags),
        )
    ]
