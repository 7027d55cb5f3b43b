"""JSON and JSON Lines: one article per object (title, body/text/content, url, date, source, lang, tags)."""

from __future__ import annotations

import json

from tuireader.errors import ImportFailed
from tuireader.importers.fields import as_tags, as_text
from tuireader.records import RawArticle

BODY_FIELDS = ("body", "text", "content", "article", "description")
DATE_FIELDS = ("date", "published", "published_at", "pubdate", "datePublished")


def _article(obj: object, source_key: str) -> RawArticle | None:
    if not isinstance(obj, dict):
        return None
    body = next((as_text(obj.get(f)) for f in BODY_FIELDS if as_text(obj.get(f))), "")
    title = as_text(obj.get("title") or obj.get("headline"))
    if not body and not title:
        return None
    return RawArticle(
        source_key=source_key,
        title=title,
        body=body,
        byline=as_text(obj.get("author") or obj.get("byline")),
        source=as_text(obj.get("source") or obj.get("publisher") or obj.get("site")),
        url=as_text(obj.get("url") or obj.get("link")),
        published=next((as_text(obj.get(f)) for f in DATE_FIELDS if as_text(obj.get(f))), ""),
        lang=as_text(obj.get("lang") or obj.get("language")),
        tags=as_tags(obj.get("tags")),
    )


def _key(path: str, obj: object, number: int) -> str:
    # Keyed by url when there is one, so inserting a line above does not re-key the rest.
    url = as_text(obj.get("url") or obj.get("link")) if isinstance(obj, dict) else ""
    return f"{path}#{url}" if url else f"{path}#{number}"


def read_json(text: str, source_key: str) -> list[RawArticle]:
    stripped = text.lstrip()
    objects: list[tuple[int, object]] = []
    if stripped.startswith("["):
        try:
            objects = list(enumerate(json.loads(stripped), start=1))
        except json.JSONDecodeError as error:
            raise ImportFailed(f"invalid JSON at line {error.lineno} ({error.msg})") from None
    elif stripped.startswith("{") and "\n{" not in stripped.strip():
        try:
            objects = [(1, json.loads(stripped))]
        except json.JSONDecodeError:
            objects = []
    if not objects:
        bad_lines = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                objects.append((number, json.loads(line)))
            except json.JSONDecodeError:
                bad_lines.append(number)
        if bad_lines and not objects:
            raise ImportFailed(f"invalid JSON on line {bad_lines[0]}")
    articles = [a for n, obj in objects if (a := _article(obj, _key(source_key, obj, n)))]
    if not articles:
        found = sorted({_JSON_KINDS.get(type(obj), "object") for _, obj in objects if not isinstance(obj, dict)})
        if found and not any(isinstance(obj, dict) for _, obj in objects):
            raise ImportFailed(f"no article objects (found {' and '.join(found)} where objects were expected)")
        raise ImportFailed("no article objects (each needs a title or a body/text/content field)")
    return articles


_JSON_KINDS = {str: "a string", int: "a number", float: "a number", bool: "true/false", type(None): "null", list: "a list"}
