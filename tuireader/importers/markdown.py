"""Markdown with optional YAML front matter (title, date, source, url, lang, tags, author)."""

from __future__ import annotations

import re

import yaml

from tuireader.errors import ImportFailed
from tuireader.importers.fields import as_tags, as_text
from tuireader.records import RawArticle

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"\A#\s+(.+)\n?")


def split_front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        # safe_load: front matter is untrusted; tags like !!python/object are refused.
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ImportFailed(f"invalid front matter ({problem})") from None
    if not isinstance(meta, dict):
        raise ImportFailed("invalid front matter (not a mapping of fields)")
    return meta, text[match.end():]


def read_markdown(text: str, source_key: str) -> list[RawArticle]:
    meta, body = split_front_matter(text)
    body = body.strip()
    title = as_text(meta.get("title"))
    if not title:
        heading = _HEADING.match(body)
        if heading:
            title, body = heading.group(1).strip(), body[heading.end():].strip()
        else:
            first, _, rest = body.partition("\n")
            title, body = first.strip().lstrip("#").strip(), rest.strip()
    return [
        RawArticle(
            source_key=source_key,
            title=title,
            body=body,
            byline=as_text(meta.get("author") or meta.get("byline")),
            source=as_text(meta.get("source") or meta.get("publisher")),
            url=as_text(meta.get("url")),
            published=as_text(meta.get("date") or meta.get("published")),
            lang=as_text(meta.get("lang") or meta.get("language")),
            tags=as_tags(meta.get("tags")),
        )
    ]
