"""HTML pages: main-content extraction with trafilatura, as Markdown, with its metadata."""

from __future__ import annotations

from tuireader.errors import ImportFailed
from tuireader.importers.fields import as_tags
from tuireader.records import RawArticle


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
    if document is None or not (document.text or "").strip():
        raise ImportFailed("no article text found in the page")
    return [
        RawArticle(
            source_key=source_key,
            title=document.title or "",
            body=document.text,
            byline=document.author or "",
            source=document.sitename or "",
            url=document.url or "",
            published=document.date or "",
            lang="",
            # trafilatura hands keywords over as one comma-separated string per meta tag.
            tags=as_tags(",".join(document.tags)) if isinstance(document.tags, list) else as_tags(document.tags),
        )
    ]
