"""Saved searches: named queries in the search language, kept in the library in the user's order.

Names are unique ignoring case ("Banjir" and "banjir" are one search) and are
trimmed with inner whitespace collapsed. Positions are 0..n-1 with no gaps.
Counts are live: each listing runs every query against the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from tuireader import search_query
from tuireader.errors import NotFound, SearchQueryError, TuireaderError
from tuireader.store.library import Library
from tuireader.text.sanitise import sanitise_line

MAX_NAME_LENGTH = 80


class SavedSearchError(TuireaderError):
    """A saved search cannot be created or renamed as asked (bad or taken name)."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    query: str
    position: int
    created_at: str
    total: int | None = None  # articles the query selects (None: not counted, or the query no longer parses)
    unread: int | None = None  # of those, unread
    error: str | None = None  # why the stored query cannot run any more (a newer search language)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def clean_name(name: str) -> str:
    """The stored form of a name; raises SavedSearchError when it is empty or too long."""
    cleaned = sanitise_line(str(name))  # shown in the side list: no escape sequences
    if not cleaned:
        raise SavedSearchError("a saved search needs a name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise SavedSearchError(f"a saved search name can be at most {MAX_NAME_LENGTH} characters")
    return cleaned


def clean_query(query: str) -> str:
    """The stored form of a query; raises SearchQueryError when it does not parse or is empty."""
    cleaned = str(query).strip()
    parsed = search_query.parse(cleaned)
    if parsed.is_empty:
        raise SearchQueryError("a saved search needs something to search for")
    return cleaned


def count_articles(library: Library, query: str = "", *, unread_only: bool = False) -> int:
    """How many articles ``query`` selects (all when empty); SearchQueryError when it does not parse."""
    parsed = search_query.parse(query) if query.strip() else search_query.SearchQuery()
    if unread_only:
        parsed.filters.setdefault("is", []).append("unread")
    where, params = library._where(parsed) if not parsed.is_empty else ("1", [])
    return library._run(f"SELECT count(*) FROM articles WHERE {where}", params)[0][0]


_COLUMNS = "id, name, query, position, created_at"


def _row(row: tuple) -> SavedSearch:
    return SavedSearch(*row)


def get_saved_search(library: Library, name: str, *, counts: bool = False) -> SavedSearch:
    """The saved search called ``name`` (ignoring case), counted if asked; NotFound when there is none."""
    row = library.db.execute(
        f"SELECT {_COLUMNS} FROM saved_searches WHERE name = ?", [" ".join(str(name).split())]
    ).fetchone()
    if row is None:
        raise NotFound(f"no saved search called {name!r}")
    return _counted(library, _row(row)) if counts else _row(row)


def _counted(library: Library, search: SavedSearch) -> SavedSearch:
    try:
        total = count_articles(library, search.query)
        unread = count_articles(library, search.query, unread_only=True)
    except SearchQueryError as error:
        return replace(search, total=None, unread=None, error=str(error))
    return replace(search, total=total, unread=unread, error=None)


def list_saved_searches(library: Library, *, counts: bool = True) -> list[SavedSearch]:
    """Every saved search in the user's order, with live total and unread counts unless ``counts=False``."""
    searches = [
        _row(row)
        for row in library.db.execute(f"SELECT {_COLUMNS} FROM saved_searches ORDER BY position, id").fetchall()
    ]
    return [_counted(library, s) for s in searches] if counts else searches


def save_search(library: Library, name: str, query: str, *, overwrite: bool = False) -> SavedSearch:
    """Save ``query`` as ``name`` at the end of the list.

    The query must parse (SearchQueryError otherwise). A taken name is a
    SavedSearchError unless ``overwrite``, which replaces that search's query
    and keeps its place.
    """
    name = clean_name(name)
    query = clean_query(query)
    with library.transaction():
        existing = library.db.execute("SELECT id FROM saved_searches WHERE name = ?", [name]).fetchone()
        if existing is not None:
            if not overwrite:
                raise SavedSearchError(f"there is already a saved search called {name!r}")
            library.db.execute("UPDATE saved_searches SET query = ? WHERE id = ?", [query, existing[0]])
        else:
            position = library.db.execute("SELECT coalesce(max(position) + 1, 0) FROM saved_searches").fetchone()[0]
            library.db.execute(
                "INSERT INTO saved_searches (name, query, position, created_at) VALUES (?, ?, ?, ?)",
                [name, query, position, _now()],
            )
    return get_saved_search(library, name)


def rename_saved_search(library: Library, old_name: str, new_name: str) -> SavedSearch:
    """Rename a search (a change of case alone is allowed); NotFound, or SavedSearchError when taken."""
    search = get_saved_search(library, old_name)
    new_name = clean_name(new_name)
    with library.transaction():
        taken = library.db.execute(
            "SELECT id FROM saved_searches WHERE name = ? AND id != ?", [new_name, search.id]
        ).fetchone()
        if taken is not None:
            raise SavedSearchError(f"there is already a saved search called {new_name!r}")
        library.db.execute("UPDATE saved_searches SET name = ? WHERE id = ?", [new_name, search.id])
    return replace(search, name=new_name)


def delete_saved_search(library: Library, name: str) -> None:
    """Delete a search (NotFound when there is none); the others close the gap."""
    search = get_saved_search(library, name)
    with library.transaction():
        library.db.execute("DELETE FROM saved_searches WHERE id = ?", [search.id])
        _renumber(library, _ids_in_order(library))


def reorder_saved_searches(library: Library, names: Sequence[str]) -> list[SavedSearch]:
    """Put the named searches first, in that order; the ones not named follow in their old order.

    NotFound for a name that is not saved; SavedSearchError when a name is given twice.
    """
    wanted = [get_saved_search(library, name).id for name in names]
    if len(set(wanted)) != len(wanted):
        raise SavedSearchError("a saved search is named twice in the new order")
    with library.transaction():
        rest = [i for i in _ids_in_order(library) if i not in set(wanted)]
        _renumber(library, [*wanted, *rest])
    return list_saved_searches(library, counts=False)


def move_saved_search(library: Library, name: str, offset: int) -> int:
    """Move a search ``offset`` places (negative: up), clamped to the list; returns its new position."""
    search = get_saved_search(library, name)
    with library.transaction():
        order = _ids_in_order(library)
        position = max(0, min(len(order) - 1, order.index(search.id) + offset))
        order.remove(search.id)
        order.insert(position, search.id)
        _renumber(library, order)
    return position


def _ids_in_order(library: Library) -> list[int]:
    return [r[0] for r in library.db.execute("SELECT id FROM saved_searches ORDER BY position, id").fetchall()]


def _renumber(library: Library, ids: Sequence[int]) -> None:
    library.db.conn.executemany(
        "UPDATE saved_searches SET position = ? WHERE id = ?", [(position, i) for position, i in enumerate(ids)]
    )
