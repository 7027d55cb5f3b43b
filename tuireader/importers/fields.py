"""Coerce loosely typed metadata (YAML, JSON) into the strings and lists articles hold."""

from __future__ import annotations

import datetime as dt


def as_text(value: object) -> str:
    """A scalar as text; lists, mappings and None become '' (wrong types are not fatal)."""
    if value is None or isinstance(value, (dict, list, tuple, set, bool)):
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()


def as_tags(value: object) -> list[str]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = [as_text(v) for v in value[:100]]
    else:
        return []
    return [t.strip() for t in items if t and t.strip()]
