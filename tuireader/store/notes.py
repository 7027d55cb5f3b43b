"""Tags, highlights and story notes in the library: the only code that knows their tables.

Functions take an open ``Library``; each write is one transaction. Reads return the
plain records of ``tuireader.annotations.records``.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from tuireader.annotations.anchoring import Anchor, make_anchor, reanchor
from tuireader.annotations.records import (
    LABELS,
    Highlight,
    NotesImportReport,
    ReanchorReport,
    StoryNote,
    StoryNotes,
    StoryRef,
    TagCount,
)
from tuireader.annotations.tags import normalise_tag, tag_key, unique_tags
from tuireader.errors import NotFound, TuireaderError
from tuireader.store.library import Library
from tuireader.text.sanitise import sanitise

_KEEP: Any = object()  # "leave this field as it is" in update_highlight

_HIGHLIGHT_COLUMNS = """id, uid, article_id, quote, prefix, suffix, start, "end", note, label, orphaned,
    created_at, updated_at, story_hash, story_title, story_url, story_published"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- tags -----------------------------------------------------------------------------


def add_tags(library: Library, article_ids: Iterable[int], names: Iterable[str]) -> int:
    """Tag articles; returns how many (article, tag) links are new. Unknown ids raise NotFound."""
    ids = list(article_ids)
    with library.transaction():
        _require_articles(library.db.conn, ids)
        return sum(link_tags(library.db.conn, article_id, names) for article_id in ids)


def link_tags(conn: sqlite3.Connection, article_id: int, names: Iterable[str]) -> int:
    """Tag one article inside the caller's transaction (also used when importing articles).

    An existing tag keeps its spelling: adding "BANJIR" to a library with "banjir" links "banjir".
    """
    added = 0
    for name in unique_tags(list(names)):
        tag_id = _tag_id(conn, name) or conn.execute("INSERT INTO tags (name) VALUES (?)", (name,)).lastrowid
        cursor = conn.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)", (article_id, tag_id)
        )
        added += cursor.rowcount
    return added


def remove_tags(library: Library, article_ids: Iterable[int], names: Iterable[str]) -> int:
    """Untag articles; returns how many links went. A tag left on no article is deleted."""
    ids = list(article_ids)
    removed = 0
    with library.transaction():
        conn = library.db.conn
        _require_articles(conn, ids)
        for name in unique_tags(list(names)):
            tag_id = _tag_id(conn, name)
            if tag_id is None:
                continue
            for article_id in ids:
                removed += conn.execute(
                    "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?", (article_id, tag_id)
                ).rowcount
        _drop_unused_tags(conn)
    return removed


def tag_counts(library: Library) -> list[TagCount]:
    """Every tag in use with how many stories carry it, by name."""
    rows = library.db.conn.execute(
        """SELECT t.name, count(at.article_id) FROM tags t JOIN article_tags at ON at.tag_id = t.id
           GROUP BY t.id"""
    ).fetchall()
    return sorted((TagCount(name, count) for name, count in rows), key=lambda t: (tag_key(t.name), t.name))


def tags_of(library: Library, article_id: int) -> tuple[str, ...]:
    return library.tags_of(article_id)


def rename_tag(library: Library, old: str, new: str) -> int:
    """Rename a tag; when ``new`` is another existing tag the two merge. Returns stories now tagged ``new``."""
    new_name = normalise_tag(new)
    if not new_name:
        raise TuireaderError("the new tag name is empty")
    with library.transaction():
        conn = library.db.conn
        old_id = _tag_id(conn, old)
        if old_id is None:
            raise NotFound(f"no tag {normalise_tag(old)!r}")
        target_id = _tag_id(conn, new_name)
        if target_id is None or target_id == old_id:
            # Also the case-only rename ("ev" -> "EV") of one tag.
            conn.execute("UPDATE tags SET name = ? WHERE id = ?", (new_name, old_id))
            target_id = old_id
        else:
            conn.execute(
                "INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags "
                "WHERE tag_id = ?",
                (target_id, old_id),
            )
            conn.execute("DELETE FROM tags WHERE id = ?", (old_id,))
        return conn.execute("SELECT count(*) FROM article_tags WHERE tag_id = ?", (target_id,)).fetchone()[0]


def article_ids_tagged(library: Library, name: str) -> list[int]:
    tag_id = _tag_id(library.db.conn, name)
    if tag_id is None:
        return []
    return [r[0] for r in library.db.conn.execute(
        "SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id", (tag_id,)
    )]


def tag_id(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the tag a name means (case folded in any script), or None."""
    return _tag_id(conn, name)


def _tag_id(conn: sqlite3.Connection, name: str) -> int | None:
    key = tag_key(name)
    if not key:
        return None
    # NOCASE folds ASCII only; the Python fallback finds "Ümraniye" for "ümraniye".
    row = conn.execute("SELECT id FROM tags WHERE name = ?", (normalise_tag(name),)).fetchone()
    if row:
        return row[0]
    if name.isascii():
        return None  # NOCASE already folded ASCII: no other spelling can match
    for tag_id, stored in conn.execute("SELECT id, name FROM tags"):
        if tag_key(stored) == key:
            return tag_id
    return None


def _drop_unused_tags(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT DISTINCT tag_id FROM article_tags)")


def _require_articles(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    for article_id in ids:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise NotFound(f"no article with id {article_id}")


# -- highlights -----------------------------------------------------------------------


def create_highlight(
    library: Library, article_id: int, start: int, end: int, note: str = "", label: int | None = None
) -> Highlight:
    """Highlight ``body[start:end]`` of an article (offsets into the stored body)."""
    _check_label(label)
    article = library.article(article_id)
    try:
        anchor = make_anchor(article.body, start, end)
    except ValueError as error:
        raise TuireaderError(f"cannot highlight story {article_id}: {error}") from None
    story = StoryRef(article.content_hash, article.title, article.url, article.published)
    now = _now()
    with library.transaction():
        highlight_id = _insert_highlight(library.db.conn, str(uuid.uuid4()), article_id, anchor, note, label,
                                         False, now, now, story)
    return highlight(library, highlight_id)


def highlight(library: Library, highlight_id: int) -> Highlight:
    row = library.db.conn.execute(
        f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?", (highlight_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no highlight with id {highlight_id}")
    return _highlight(row)


def update_highlight(library: Library, highlight_id: int, *, note: str = _KEEP, label: int | None = _KEEP) -> Highlight:
    """Change a highlight's note and/or label (``label=None`` clears it); other fields stay."""
    current = highlight(library, highlight_id)
    new_note = current.note if note is _KEEP else note
    new_label = current.label if label is _KEEP else label
    _check_label(new_label)
    with library.transaction():
        library.db.conn.execute(
            "UPDATE highlights SET note = ?, label = ?, updated_at = ? WHERE id = ?",
            (sanitise(new_note), new_label, _now(), highlight_id),
        )
    return highlight(library, highlight_id)


def delete_highlight(library: Library, highlight_id: int) -> Highlight:
    """Delete a highlight and return it as it was, so ``restore_highlight`` can undo."""
    deleted = highlight(library, highlight_id)
    with library.transaction():
        library.db.conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
    return deleted


def restore_highlight(library: Library, deleted: Highlight) -> Highlight:
    """Put back a highlight returned by ``delete_highlight`` (same id, uid, times)."""
    conn = library.db.conn
    with library.transaction():
        article_id = deleted.article_id
        if article_id is not None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            article_id = None  # the story went meanwhile: back as an orphan
        _insert_highlight(conn, deleted.uid, article_id, deleted.anchor, deleted.note, deleted.label,
                          deleted.orphaned or article_id is None, deleted.created_at, deleted.updated_at,
                          deleted.story, highlight_id=deleted.id)
    return highlight(library, deleted.id)


def highlights_of(library: Library, article_id: int, *, include_orphaned: bool = True) -> list[Highlight]:
    """An article's highlights by position; its orphaned ones (passage lost) after them."""
    rows = library.db.conn.execute(
        f"""SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_id = ?
            {'' if include_orphaned else 'AND orphaned = 0'} ORDER BY orphaned, start, "end", id""",
        (article_id,),
    ).fetchall()
    return [_highlight(row) for row in rows]


def find_highlights(
    library: Library,
    text: str = "",
    *,
    tag: str | None = None,
    label: int | None = None,
    include_orphaned: bool = True,
) -> list[Highlight]:
    """Highlights across the library, newest first.

    ``text`` matches inside the quote or the note, ignoring case (any script); ``tag``
    keeps highlights of stories with that tag (orphans of deleted stories have none).
    """
    clauses, params = ["1"], []
    if tag is not None:
        tag_id = _tag_id(library.db.conn, tag)
        if tag_id is None:
            return []
        clauses.append("article_id IN (SELECT article_id FROM article_tags WHERE tag_id = ?)")
        params.append(tag_id)
    if label is not None:
        clauses.append("label = ?")
        params.append(label)
    if not include_orphaned:
        clauses.append("orphaned = 0")
    rows = library.db.conn.execute(
        f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE {' AND '.join(clauses)} ORDER BY created_at DESC, id DESC",
        params,
    ).fetchall()
    found = [_highlight(row) for row in rows]
    wanted = " ".join(text.split()).casefold()
    if wanted:
        found = [h for h in found if wanted in " ".join(h.quote.split()).casefold() or wanted in h.note.casefold()]
    return found


def _insert_highlight(
    conn: sqlite3.Connection, uid: str, article_id: int | None, anchor: Anchor, note: str, label: int | None,
    orphaned: bool, created_at: str, updated_at: str, story: StoryRef, highlight_id: int | None = None,
) -> int:
    cursor = conn.execute(
        """INSERT INTO highlights (id, uid, article_id, quote, prefix, suffix, start, "end", note, label, orphaned,
           created_at, updated_at, story_hash, story_title, story_url, story_published)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (highlight_id, uid, article_id, anchor.quote, anchor.prefix, anchor.suffix, anchor.start, anchor.end,
         sanitise(note), label, int(orphaned), created_at, updated_at, story.content_hash, story.title, story.url,
         story.published),
    )
    return cursor.lastrowid


def _highlight(row: tuple) -> Highlight:
    return Highlight(
        id=row[0], uid=row[1], article_id=row[2], quote=row[3], prefix=row[4], suffix=row[5], start=row[6],
        end=row[7], note=row[8], label=row[9], orphaned=bool(row[10]) or row[2] is None, created_at=row[11],
        updated_at=row[12], story=StoryRef(row[13], row[14], row[15], row[16]),
    )


def _check_label(label: int | None) -> None:
    if label is not None and label not in LABELS:
        raise TuireaderError(f"a label is a number from {LABELS.start} to {LABELS.stop - 1}, not {label}")


# -- re-anchoring ---------------------------------------------------------------------


def reanchor_article(library: Library, article_id: int) -> ReanchorReport:
    """Find an article's highlights again in its current text (run after its body changed)."""
    with library.transaction():
        return reanchor_in_transaction(library.db.conn, article_id)


def reanchor_in_transaction(conn: sqlite3.Connection, article_id: int) -> ReanchorReport:
    """``reanchor_article`` inside the caller's transaction.

    Only highlights anchored to another version of the text (story_hash differs) are
    touched, so this is cheap to call after any store. Orphans are tried again too: a
    passage restored by a later edit comes back.
    """
    row = conn.execute(
        "SELECT body, content_hash, title, url, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return ReanchorReport()
    body, current_hash, title, url, published = row
    stale = conn.execute(
        f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_id = ? AND story_hash != ?",
        (article_id, current_hash),
    ).fetchall()
    counts = {"exact": 0, "nearest": 0, "fuzzy": 0, "orphaned": 0}
    for old in map(_highlight, stale):
        placement = reanchor(old.anchor, body)
        if placement is None:
            # Keep the old quote and offsets: they say what was highlighted.
            conn.execute(
                "UPDATE highlights SET orphaned = 1, story_hash = ?, story_title = ?, story_url = ?, "
                "story_published = ? WHERE id = ?",
                (current_hash, title, url, published, old.id),
            )
            counts["orphaned"] += 1
            continue
        anchor = make_anchor(body, placement.start, placement.end)
        conn.execute(
            """UPDATE highlights SET quote = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, orphaned = 0,
               story_hash = ?, story_title = ?, story_url = ?, story_published = ? WHERE id = ?""",
            (anchor.quote, anchor.prefix, anchor.suffix, anchor.start, anchor.end, current_hash, title, url,
             published, old.id),
        )
        counts[placement.method] += 1
    return ReanchorReport(**counts)


# -- story notes ----------------------------------------------------------------------


def story_note(library: Library, article_id: int) -> StoryNote | None:
    row = library.db.conn.execute(
        "SELECT article_id, note, updated_at, story_hash, story_title, story_url, story_published "
        "FROM story_notes WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    return _story_note(row) if row else None


def set_story_note(library: Library, article_id: int, note: str) -> StoryNote | None:
    """Set a story's note; a blank note removes it (returns None then)."""
    article = library.article(article_id)
    with library.transaction():
        conn = library.db.conn
        if not note.strip():
            conn.execute("DELETE FROM story_notes WHERE article_id = ?", (article_id,))
            return None
        _upsert_story_note(conn, article_id, note, _now(),
                           StoryRef(article.content_hash, article.title, article.url, article.published))
    return story_note(library, article_id)


def orphaned_story_notes(library: Library) -> list[StoryNote]:
    rows = library.db.conn.execute(
        "SELECT article_id, note, updated_at, story_hash, story_title, story_url, story_published "
        "FROM story_notes WHERE article_id IS NULL ORDER BY updated_at DESC, id DESC"
    ).fetchall()
    return [_story_note(row) for row in rows]


def _upsert_story_note(conn: sqlite3.Connection, article_id: int, note: str, updated_at: str, story: StoryRef) -> None:
    conn.execute(
        """INSERT INTO story_notes (article_id, note, updated_at, story_hash, story_title, story_url, story_published)
           VALUES (?,?,?,?,?,?,?) ON CONFLICT (article_id) DO UPDATE SET note = excluded.note,
           updated_at = excluded.updated_at, story_hash = excluded.story_hash, story_title = excluded.story_title,
           story_url = excluded.story_url, story_published = excluded.story_published""",
        (article_id, sanitise(note), updated_at, story.content_hash, story.title, story.url, story.published),
    )


def _story_note(row: tuple) -> StoryNote:
    return StoryNote(row[0], row[1], row[2], StoryRef(row[3], row[4], row[5], row[6]))


# -- export ---------------------------------------------------------------------------


def annotated_article_ids(library: Library) -> list[int]:
    """Stories with a highlight, a story note or a tag: what an export holds by default."""
    return [r[0] for r in library.db.conn.execute(
        """SELECT id FROM articles WHERE id IN (SELECT article_id FROM highlights)
           OR id IN (SELECT article_id FROM story_notes) OR id IN (SELECT article_id FROM article_tags)
           ORDER BY id"""
    )]


def notes_for_export(
    library: Library, article_ids: Sequence[int] | None = None, *, tag: str | None = None,
    include_deleted: bool | None = None,
) -> list[StoryNotes]:
    """The stories to export, each with tags, entities, note and highlights.

    Without ``article_ids`` and ``tag``: every annotated story, then the notes of deleted
    stories (one ``StoryNotes`` per deleted story, ``article_id`` None). With a filter, the
    deleted stories' notes are left out unless ``include_deleted`` says otherwise.
    """
    if article_ids is not None:
        ids = list(dict.fromkeys(article_ids))
        _require_articles(library.db.conn, ids)
    else:
        ids = annotated_article_ids(library)
    if tag is not None:
        tagged = set(article_ids_tagged(library, tag))
        ids = [i for i in ids if i in tagged]
    stories = [_story_notes(library, article_id) for article_id in ids]
    if include_deleted if include_deleted is not None else (article_ids is None and tag is None):
        stories.extend(_deleted_stories(library))
    return stories


def _story_notes(library: Library, article_id: int) -> StoryNotes:
    article = library.article(article_id)
    entities: dict[str, list[str]] = {}
    for mention in library.mentions_of(article_id):
        names = entities.setdefault(mention.label, [])
        if mention.canonical not in names:
            names.append(mention.canonical)
    return StoryNotes(
        article_id=article_id,
        story=StoryRef(article.content_hash, article.title, article.url, article.published),
        source=article.source,
        lang=article.lang,
        tags=tuple(sorted(article.tags, key=tag_key)),
        entities={label: sorted(names, key=str.casefold) for label, names in sorted(entities.items())},
        note=story_note(library, article_id),
        highlights=tuple(highlights_of(library, article_id)),
    )


def _deleted_stories(library: Library) -> list[StoryNotes]:
    rows = library.db.conn.execute(
        f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_id IS NULL ORDER BY start, \"end\", created_at, uid"
    ).fetchall()
    highlights: dict[str, list[Highlight]] = {}
    stories: dict[str, StoryRef] = {}
    for h in map(_highlight, rows):
        highlights.setdefault(h.story.content_hash, []).append(h)
        stories.setdefault(h.story.content_hash, h.story)
    notes: dict[str, StoryNote] = {}
    for note in orphaned_story_notes(library):
        notes.setdefault(note.story.content_hash, note)
        stories.setdefault(note.story.content_hash, note.story)
    return [
        StoryNotes(article_id=None, story=story, note=notes.get(key), highlights=tuple(highlights.get(key, ())))
        for key, story in stories.items()
    ]


# -- import of exported notes -------------------------------------------------------------


def import_notes(library: Library, stories: Sequence[StoryNotes]) -> NotesImportReport:
    """Merge exported notes (see ``tuireader.export.json_notes.parse``) into this library, in one transaction.

    Stories match by content hash, else by URL. Highlights already here (same uid) are
    skipped, so importing twice adds nothing. A highlight from another version of the
    story is re-anchored in this library's text; one whose story is not here is kept as
    an orphan carrying that story's identity. A story note replaces this library's only
    when it is newer.
    """
    counts = dict(stories_matched=0, stories_unmatched=0, highlights_added=0, highlights_orphaned=0,
                  highlights_skipped=0, notes_added=0, notes_updated=0, tags_added=0)
    added_uids: list[str] = []
    with library.transaction():
        conn = library.db.conn
        for entry in stories:
            article_id = _match_story(conn, entry.story)
            counts["stories_matched" if article_id is not None else "stories_unmatched"] += 1
            if article_id is not None and entry.tags:
                counts["tags_added"] += link_tags(conn, article_id, entry.tags)
            for h in entry.highlights:
                if conn.execute("SELECT 1 FROM highlights WHERE uid = ?", (h.uid,)).fetchone():
                    counts["highlights_skipped"] += 1
                    continue
                # Stored with the exported story's hash: if this library's text differs,
                # re-anchoring below sees a stale highlight and places it. An orphan gets
                # no hash, so it is tried again (it may be one only because its story was deleted).
                story = entry.story
                if h.orphaned and article_id is not None:
                    story = StoryRef("", story.title, story.url, story.published)
                _insert_highlight(conn, h.uid, article_id, h.anchor, h.note, h.label,
                                  h.orphaned or article_id is None, h.created_at, h.updated_at, story)
                added_uids.append(h.uid)
            if entry.note is not None:
                outcome = _merge_story_note(conn, article_id, entry.note, entry.story)
                if outcome:
                    counts[outcome] += 1
            if article_id is not None:
                reanchor_in_transaction(conn, article_id)
        counts["highlights_added"] = len(added_uids)
        for uid in added_uids:
            counts["highlights_orphaned"] += conn.execute(
                "SELECT orphaned FROM highlights WHERE uid = ?", (uid,)
            ).fetchone()[0]
    return NotesImportReport(**counts)


def _match_story(conn: sqlite3.Connection, story: StoryRef) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (story.content_hash,)).fetchone()
    if row is None and story.url:
        row = conn.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY updated_at DESC, id DESC LIMIT 1", (story.url,)
        ).fetchone()
    return row[0] if row else None


def _article_ref(conn: sqlite3.Connection, article_id: int) -> StoryRef:
    row = conn.execute("SELECT content_hash, title, url, published FROM articles WHERE id = ?", (article_id,)).fetchone()
    return StoryRef(*row)


def _merge_story_note(conn: sqlite3.Connection, article_id: int | None, note: StoryNote, story: StoryRef) -> str | None:
    """Which count the merge adds to ("notes_added", "notes_updated"), or None when nothing changed."""
    if article_id is None:
        existing = conn.execute(
            "SELECT id, note, updated_at FROM story_notes WHERE article_id IS NULL AND story_hash = ?",
            (story.content_hash,),
        ).fetchone()
    else:
        story = _article_ref(conn, article_id)
        existing = conn.execute(
            "SELECT id, note, updated_at FROM story_notes WHERE article_id = ?", (article_id,)
        ).fetchone()
    if existing is None:
        conn.execute(
            """INSERT INTO story_notes (article_id, note, updated_at, story_hash, story_title, story_url,
               story_published) VALUES (?,?,?,?,?,?,?)""",
            (article_id, sanitise(note.note), note.updated_at, story.content_hash, story.title, story.url,
             story.published),
        )
        return "notes_added"
    if existing[1] == sanitise(note.note) or note.updated_at <= existing[2]:
        return None  # the same, or this library's note is the newer one
    conn.execute("UPDATE story_notes SET note = ?, updated_at = ? WHERE id = ?",
                 (sanitise(note.note), note.updated_at, existing[0]))
    return "notes_updated"
