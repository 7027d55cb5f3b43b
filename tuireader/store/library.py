"""The library: one SQLite file, and the only code that knows its tables.

Every screen and command reaches the data through ``Library``; queries return
the plain records of ``tuireader.records``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from tuireader import search_query
from tuireader.errors import LibraryError, NotFound, SearchQueryError
from tuireader.records import Article, ArticleSummary, PreparedArticle, SearchHit, StoredMention
from tuireader.figures.figure import Figure

if TYPE_CHECKING:
    from tuireader.extraction import Correction, Extraction
from tuireader.store.migrations import known_migration_names, migrations

BUSY_TIMEOUT_S = 15.0
SORTS = {
    # NULLs sort last in DESC order, so undated stories come after dated ones, and the
    # (published DESC, id DESC) index serves this without sorting.
    "date": "published DESC, id DESC",
    "title": "title COLLATE NOCASE ASC, id ASC",
}

IMPORTED, UPDATED, UNCHANGED = "imported", "updated", "unchanged"
# FTS5's snippet() slows down worse than linearly on a huge story full of the searched
# word (25 s at 5 MB): past this size a story's opening stands in for its snippet.
SNIPPET_MAX_WORDS = 50_000
ENTITY_FILTERS = {"person": "PERSON", "org": "ORG", "place": "LOCATION"}


def _entity_keys(name: str) -> list[str]:
    """Canonical keys a filter name can mean: itself, and its alias-table canonical (Kairo → Cairo)."""
    from tuireader.entities.aliases import canonical_key, lookup_alias

    keys = [canonical_key(name)]
    known = lookup_alias(name)
    if known:
        keys.append(canonical_key(known[0]))
    return keys


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


#: SQLite errors about the file itself (not the query), and what to tell the user.
_FILE_FAILURES = {
    "database or disk is full": "cannot write the library, the disk is full",
    "readonly database": "cannot write the library, it is read-only",
    "unable to open database file": "cannot write the library (is its folder read-only?)",
    "disk i/o error": "cannot write the library, the disk reported an error",
    "database is locked": "the library is busy in another program; try again",
    "malformed": "the library file is damaged; restore it from a backup",
    "file is not a database": "the library file is damaged; restore it from a backup",
    "vtable constructor failed": "the library file is damaged; restore it from a backup",
}


def _use_wal(db: Database) -> None:
    """Switch the file to WAL. SQLite answers "locked" at once, without its busy handler, when
    another process is doing the same to a new library: so wait here, as long as for a writer."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def library_failure(error: sqlite3.DatabaseError) -> str | None:
    """A one-line cause for an SQLite error about the library file, None for other errors."""
    if isinstance(error, sqlite3.IntegrityError):
        return None
    text = str(error).lower()
    return next((f"{cause} ({error})" for key, cause in _FILE_FAILURES.items() if key in text), None)


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    status: str  # IMPORTED | UPDATED | UNCHANGED
    article_id: int


class Library:
    """An open library file. Create with ``Library.open(path)``."""

    def __init__(self, db: Database, path: Path):
        self.db = db
        self.path = path

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> "Library":
        path = Path(path)
        if str(path) != ":memory:":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(f"{path.parent}: cannot create the library folder ({error.strerror})") from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            db = Database(conn)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            db.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                _use_wal(db)
            db.execute("PRAGMA synchronous = NORMAL")
            cls._refuse_newer_schema(db, path)
            if migrations.pending(db):
                cls._migrate(db, path)
        except sqlite3.DatabaseError as error:
            cause = library_failure(error)
            if cause is None or "damaged" in cause:  # also a file that never was a library
                cause = f"not a usable tuireader library ({error})"
            raise LibraryError(f"{path}: {cause}") from None
        return cls(db, path)

    @classmethod
    def _migrate(cls, db: Database, path: Path) -> None:
        """Apply pending migrations holding the write lock, so two processes opening a new
        library at once take turns (the second waits, then finds nothing left to do)."""
        db.execute("BEGIN IMMEDIATE")  # waits up to the busy timeout for another writer
        try:
            cls._refuse_newer_schema(db, path)
            migrations.apply(db)  # each migration is a savepoint inside this transaction
            db.conn.commit()
        except BaseException:
            db.conn.rollback()
            raise

    @staticmethod
    def _refuse_newer_schema(db: Database, path: Path) -> None:
        applied = {m.name for m in migrations.applied(db)}
        unknown = applied - known_migration_names()
        if unknown:
            raise LibraryError(
                f"{path}: written by a newer tuireader (schema {sorted(unknown)[-1]}); upgrade tuireader to open it"
            )

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; a disk, permission or damage failure becomes one LibraryError naming the file."""
        try:
            conn = self.db.conn
            if not conn.in_transaction:
                # IMMEDIATE: take the write lock now (waiting up to the busy timeout for another
                # process), so no read snapshot can go stale before the first write and fail
                # with "database is locked" without waiting.
                conn.execute("BEGIN IMMEDIATE")
            with conn:
                yield
        except sqlite3.DatabaseError as error:
            cause = library_failure(error)
            if cause is None:
                raise
            raise LibraryError(f"{self.path}: {cause}") from None

    # -- articles ---------------------------------------------------------------

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def is_stored(self, item: PreparedArticle) -> bool:
        """True when storing ``item`` would change nothing (so it needs no extraction)."""
        known = self.db.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (item.content_hash,)
        ).fetchone()
        return known is not None

    def store_articles(
        self,
        batch: Sequence[PreparedArticle],
        extractions: "dict[str, Extraction] | None" = None,
        extractor_version: str = "",
    ) -> list[StoreOutcome]:
        """Insert or update a batch in one transaction; same file or same content = same article.

        ``extractions`` (by content hash) are stored with the articles they belong to,
        in the same transaction, so a crash never leaves an article without its entities.
        """
        outcomes = []
        with self.transaction():
            for prepared in batch:
                outcome = self._store_one(prepared)
                outcomes.append(outcome)
                if outcome.status == UPDATED:
                    # The body changed under its highlights: find them again, atomically with the change.
                    from tuireader.store.notes import reanchor_in_transaction

                    reanchor_in_transaction(self.db.conn, outcome.article_id)
                extraction = (extractions or {}).get(prepared.content_hash)
                if extraction is not None and outcome.status != UNCHANGED:
                    self._replace_extraction(outcome.article_id, extraction, extractor_version)
        return outcomes

    def _store_one(self, item: PreparedArticle) -> StoreOutcome:
        conn = self.db.conn
        known = conn.execute(
            "SELECT article_id, content_hash FROM article_sources WHERE source_key = ?", (item.source_key,)
        ).fetchone()
        same_content = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (item.content_hash,)
        ).fetchone()
        now = _now()
        if known and known[1] == item.content_hash:
            return StoreOutcome(UNCHANGED, known[0])
        if same_content:
            # Identical content already stored (from another path, or this file reverted): one article.
            self._link_source(item.source_key, same_content[0], item.content_hash)
            return StoreOutcome(UNCHANGED, same_content[0])
        fields = (
            item.title, item.byline, item.source, item.url, item.published, item.lang,
            item.body, item.word_count, item.content_hash,
        )
        if known:
            conn.execute(
                """UPDATE articles SET title=?, byline=?, source=?, url=?, published=?, lang=?, body=?,
                   word_count=?, content_hash=?, updated_at=?, source_path=? WHERE id=?""",
                (*fields, now, item.source_key, known[0]),
            )
            self._link_source(item.source_key, known[0], item.content_hash)
            self._add_tags(known[0], item.tags)
            return StoreOutcome(UPDATED, known[0])
        cursor = conn.execute(
            """INSERT INTO articles (title, byline, source, url, published, lang, body, word_count,
               content_hash, imported_at, updated_at, source_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
            (*fields, now, now, item.source_key),
        )
        article_id = cursor.lastrowid
        self._link_source(item.source_key, article_id, item.content_hash)
        self._add_tags(article_id, item.tags)
        return StoreOutcome(IMPORTED, article_id)

    def _link_source(self, source_key: str, article_id: int, content_hash: str) -> None:
        self.db.conn.execute(
            "INSERT INTO article_sources (source_key, article_id, content_hash) VALUES (?,?,?) "
            "ON CONFLICT(source_key) DO UPDATE SET article_id=excluded.article_id, content_hash=excluded.content_hash",
            (source_key, article_id, content_hash),
        )

    def article(self, article_id: int) -> Article:
        row = self.db.execute(
            """SELECT id, title, body, byline, source, url, published, lang, word_count, source_path,
               content_hash, imported_at, updated_at, is_read, position FROM articles WHERE id = ?""",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        return Article(*row[:13], bool(row[13]), row[14], tags=self.tags_of(article_id))

    def article_ids(self, sort: str = "date", query: str = "") -> list[int]:
        """Ids of the articles a query selects, in list order (all when the query is empty).

        ``sort`` is "date", "title" or "relevance" (BM25 with titles weighted, for text queries).
        """
        parsed = search_query.parse(query) if query.strip() else None
        if parsed is not None and parsed.has_text and sort == "relevance" and not parsed.filters:
            # Words only: rank in the full-text index alone, no join to the articles.
            sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), rowid DESC"
            return [row[0] for row in self._run(sql, [search_query.to_fts5(parsed)])]
        if parsed is not None and parsed.has_text and sort == "relevance":
            where, params = self._where(parsed, joined_fts=True)
            sql = f"""SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                      WHERE {where} ORDER BY bm25(articles_fts, 5.0, 1.0), a.id DESC"""
            return [row[0] for row in self._run(sql, params)]
        where, params = self._where(parsed) if parsed is not None else ("1", [])
        order = SORTS.get(sort, SORTS["date"])
        return [row[0] for row in self._run(f"SELECT id FROM articles WHERE {where} ORDER BY {order}", params)]

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """List rows for the given ids, in the same order (missing ids are left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        # Columns stored before the body, then the ones after it from a covering index:
        # reading is_read from the row itself would walk each article's body pages.
        rows = self.db.execute(
            f"SELECT id, title, source, published, lang FROM articles WHERE id IN ({marks})", list(ids)
        ).fetchall()
        tail = {
            row[0]: row[1:]
            for row in self.db.execute(
                f"SELECT id, word_count, is_read FROM articles INDEXED BY articles_list_tail WHERE id IN ({marks})",
                list(ids),
            )
        }
        tags = self._tags_by_article(ids)
        by_id = {
            row[0]: ArticleSummary(*row, tail[row[0]][0], bool(tail[row[0]][1]), tags.get(row[0], ())) for row in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    def mark_read(self, article_id: int, is_read: bool = True) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET is_read = ? WHERE id = ?", [int(is_read), article_id])

    def unread_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE is_read = 0").fetchone()[0]

    def mark_all_read(self, article_ids: Sequence[int]) -> None:
        with self.transaction():
            self.db.conn.executemany("UPDATE articles SET is_read = 1 WHERE id = ?", [(i,) for i in article_ids])

    def save_position(self, article_id: int, position: int) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET position = ? WHERE id = ?", [max(0, int(position)), article_id])

    def delete_article(self, article_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    # -- search -----------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Ranked hits (BM25, title weighted x5) with a snippet whose matches are wrapped in \x02..\x03."""
        parsed = search_query.parse(query)
        if parsed.is_empty:
            return []
        where, params = self._where(parsed, joined_fts=parsed.has_text)
        if parsed.has_text:
            sql = f"""
                SELECT a.id, a.title, a.source, a.published, a.lang,
                       CASE WHEN a.word_count <= {SNIPPET_MAX_WORDS}
                            THEN snippet(articles_fts, 1, char(2), char(3), '…', 12)
                            ELSE substr(a.body, 1, 120) || '…' END,
                       bm25(articles_fts, 5.0, 1.0)
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE {where} ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?"""
        else:
            sql = f"""SELECT id, title, source, published, lang, substr(body, 1, 120), 0.0
                      FROM articles a WHERE {where} ORDER BY {SORTS['date']} LIMIT ?"""
        return [SearchHit(*row) for row in self._run(sql, [*params, limit])]

    def snippet(self, article_id: int, query: str) -> str | None:
        """The passage of one article that matches a query's words, matches wrapped in \x02..\x03."""
        parsed = search_query.parse(query)
        if not parsed.has_text:
            return None
        rows = self._run(
            f"""SELECT snippet(articles_fts, 1, char(2), char(3), '…', 16) FROM articles_fts
               WHERE articles_fts MATCH ? AND rowid = ?
               AND rowid IN (SELECT id FROM articles WHERE word_count <= {SNIPPET_MAX_WORDS})""",
            [search_query.to_fts5(parsed), article_id],
        )
        return rows[0][0] if rows else None

    def _run(self, sql: str, params: list) -> list[tuple]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "syntax" in str(error):
                raise SearchQueryError(f"cannot search for that: {error}") from None
            raise

    def _where(self, parsed: search_query.SearchQuery, *, joined_fts: bool = False) -> tuple[str, list]:
        """SQL conditions on ``articles`` for a parsed query.

        ``joined_fts``: the caller selects from articles_fts joined to articles, so the
        MATCH goes straight on the FTS table (bm25() and snippet() need that).
        """
        clauses: list[str] = []
        params: list = []
        if parsed.has_text:
            clauses.append(
                "articles_fts MATCH ?" if joined_fts
                else "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(search_query.to_fts5(parsed))
        filters = parsed.filters
        for tag in filters.get("tag", []):
            from tuireader.store.notes import tag_id

            clauses.append("id IN (SELECT article_id FROM article_tags WHERE tag_id = ?)")
            params.append(tag_id(self.db.conn, tag) or -1)
        if "lang" in filters:
            clauses.append(f"lang IN ({','.join('?' * len(filters['lang']))})")
            params.extend(filters["lang"])
        for source in filters.get("source", []):
            clauses.append("source LIKE ?")
            params.append(f"%{source}%")
        for after in filters.get("after", []):
            clauses.append("published >= ?")
            params.append(after)
        for before in filters.get("before", []):
            clauses.append("published < ?")
            params.append(before)
        for state in filters.get("is", []):
            clauses.append({
                "read": "is_read = 1",
                "unread": "is_read = 0",
                "annotated": "id IN (SELECT article_id FROM highlights WHERE article_id IS NOT NULL"
                             " UNION SELECT article_id FROM story_notes WHERE article_id IS NOT NULL)",
            }[state.lower()])
        for key, label in ENTITY_FILTERS.items():
            for name in filters.get(key, []):
                entity_keys = _entity_keys(name)
                marks = ",".join("?" * len(entity_keys))
                clauses.append(
                    f"""id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                        WHERE e.label = ? AND (e.key IN ({marks}) OR e.id IN
                        (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE)))"""
                )
                params.extend([label, *entity_keys, name])
        where = " AND ".join(c for c in clauses if c)
        return where or "1", params

    # -- tags ---------------------------------------------------------------------

    def _add_tags(self, article_id: int, names: Iterable[str]) -> None:
        from tuireader.store.notes import link_tags  # tag naming rules live in one place

        link_tags(self.db.conn, article_id, names)

    def tags_of(self, article_id: int) -> tuple[str, ...]:
        return self._tags_by_article([article_id]).get(article_id, ())

    def _tags_by_article(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"""SELECT article_id, name FROM article_tags JOIN tags ON tags.id = tag_id
                WHERE article_id IN ({marks}) ORDER BY name COLLATE NOCASE""",
            list(ids),
        ).fetchall()
        result: dict[int, list[str]] = {}
        for article_id, name in rows:
            result.setdefault(article_id, []).append(name)
        return {k: tuple(v) for k, v in result.items()}

    # -- entities and figures ---------------------------------------------------------

    def save_extraction(self, article_id: int, extraction: "Extraction", version: str) -> None:
        with self.transaction():
            self._replace_extraction(article_id, extraction, version)

    def _replace_extraction(self, article_id: int, extraction: "Extraction", version: str) -> None:
        from tuireader.entities.aliases import canonical_key

        conn = self.db.conn
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
        entity_ids: dict[tuple[str, str], int] = {}
        counts: dict[int, list[int]] = {}
        mention_rows = []
        for mention in extraction.entities:
            name = mention.canonical or mention.text
            key = (canonical_key(name) or name.casefold(), mention.label)
            entity_id = entity_ids.get(key)
            if entity_id is None:
                entity_id = self._same_name_entity(key, mention.text)
            if entity_id is None:
                entity_id = self._person_by_short_name(key) if mention.label == "PERSON" else None
            if entity_id is None and mention.label in ("PERSON", "ORG") and not mention.text.isupper():
                entity_id = self._organisation_by_short_name(key)
            if entity_id is None:
                conn.execute(
                    "INSERT INTO entities (key, label, name) VALUES (?, ?, ?) ON CONFLICT (key, label) DO NOTHING",
                    (key[0], key[1], name),
                )
                entity_id = conn.execute(
                    "SELECT id FROM entities WHERE key = ? AND label = ?", key
                ).fetchone()[0]
                if mention.label == "PERSON":
                    self._index_person_name(entity_id, key[0])
            entity_ids[key] = entity_id
            conn.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", (entity_id, mention.text))
            mention_rows.append((article_id, entity_id, mention.start, mention.end, mention.text))
            seen = counts.setdefault(entity_id, [0, mention.start])
            seen[0] += 1
        conn.executemany(
            'INSERT OR REPLACE INTO mentions (article_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)', mention_rows
        )
        conn.executemany(
            "INSERT INTO article_entities (article_id, entity_id, mentions, first_start) VALUES (?,?,?,?)",
            [(article_id, entity_id, n, first) for entity_id, (n, first) in counts.items()],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO figures (article_id, start, "end", text, kind, value, unit) VALUES (?,?,?,?,?,?,?)',
            [(article_id, f.start, f.end, f.text, f.kind, f.value, f.unit) for f in extraction.figures],
        )
        conn.execute(
            "INSERT OR REPLACE INTO extraction_state (article_id, version) VALUES (?, ?)", (article_id, version)
        )

    def _same_name_entity(self, key: tuple[str, str], surface: str) -> int | None:
        """One name is one entity across the library: the type it was first stored with wins.

        The recogniser sometimes types the same name differently in two stories; keeping
        one entity keeps entity pages and related stories whole. A user's correction of
        the name overrides this (its type is deliberate).
        """
        from tuireader.entities.aliases import canonical_key

        row = self.db.conn.execute("SELECT id, label FROM entities WHERE key = ? ORDER BY id LIMIT 1", (key[0],)).fetchone()
        if row is None or row[1] == key[1]:
            return row[0] if row else None
        corrected = self.db.conn.execute(
            "SELECT 1 FROM entity_corrections WHERE surface_key IN (?, ?) AND action != 'reject'",
            (key[0], canonical_key(surface)),
        ).fetchone()
        return None if corrected else row[0]

    def _person_by_short_name(self, key: tuple[str, str]) -> int | None:
        """A surname-only person ("Al Bana") is the one known person whose full name ends (or starts) with it.

        Within one story the aliases module merges short forms; this carries that across
        stories, and only when exactly one known person fits.
        """
        words = key[0].split()
        if not 1 <= len(words) <= 2:
            return None
        if self.db.conn.execute("SELECT 1 FROM entities WHERE key = ? AND label = 'PERSON'", (key[0],)).fetchone():
            return None  # the short form is itself a known person: keep it
        rows = self.db.conn.execute(
            "SELECT DISTINCT entity_id FROM person_name_parts WHERE part = ? LIMIT 2", (key[0],)
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def _organisation_by_short_name(self, key: tuple[str, str]) -> int | None:
        """A one-word name ("Arunika") that begins an organisation of the library ("PT Arunika Daya
        Mobilitas Tbk", after "PT", "CV" or "the") is that organisation — of several, the one named in
        the most stories — also where the model called it a person, unless it is a part of a known
        person's name.

        The aliases module does this within a story; this carries it to stories that never give the
        full name (the import order decides which stories can see it, as for short person names).
        """
        from tuireader.entities.aliases import COMPANY_FORMS

        word = key[0]
        if " " in word or len(word) < 3:
            return None
        conn = self.db.conn
        if conn.execute("SELECT 1 FROM person_name_parts WHERE part = ? LIMIT 1", (word,)).fetchone():
            return None
        prefixes = [word, *(form + " " + word for form in COMPANY_FORMS)]
        ranges = " OR ".join(["(e.key > ? AND e.key < ?)"] * len(prefixes))
        # organisations whose key starts with the word, with the number of stories that name each
        ranked = conn.execute(
            f"""SELECT e.id, (SELECT count(*) FROM article_entities a WHERE a.entity_id = e.id) AS stories
                FROM entities e WHERE e.label = 'ORG' AND ({ranges}) ORDER BY stories DESC LIMIT 2""",
            [bound for prefix in prefixes for bound in (prefix + " ", prefix + " \uffff")],
        ).fetchall()
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None  # none, or two organisations named as often: which one is meant is unknown
        return ranked[0][0]

    def _index_person_name(self, entity_id: int, key: str) -> None:
        words = key.split()
        if len(words) < 2:
            return
        parts = {" ".join(words[-n:]) for n in (1, 2) if n < len(words)} | {words[0]}
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO person_name_parts (part, entity_id) VALUES (?, ?)",
            [(part, entity_id) for part in parts if len(part) > 2],
        )

    def mentions_of(self, article_id: int) -> list[StoredMention]:
        rows = self.db.execute(
            """SELECT m.start, m."end", m.text, e.label, e.name, e.id FROM mentions m
               JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start""",
            [article_id],
        ).fetchall()
        return [StoredMention(*row) for row in rows]

    def first_mention(self, article_id: int, entity_id: int) -> int | None:
        """Body offset of an entity's first mention in an article (None when it is not mentioned)."""
        row = self.db.execute(
            "SELECT first_start FROM article_entities WHERE article_id = ? AND entity_id = ?", [article_id, entity_id]
        ).fetchone()
        return row[0] if row else None

    def figures_of(self, article_id: int) -> list[Figure]:
        rows = self.db.execute(
            'SELECT start, "end", text, kind, value, unit FROM figures WHERE article_id = ? ORDER BY start',
            [article_id],
        ).fetchall()
        return [Figure(*row) for row in rows]

    def stale_extraction_ids(self, version: str, *, everything: bool = False) -> list[int]:
        """Articles never extracted, or extracted by another version (all with ``everything``)."""
        if everything:
            return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]
        return [
            r[0]
            for r in self.db.execute(
                """SELECT a.id FROM articles a LEFT JOIN extraction_state s ON s.article_id = a.id
                   WHERE s.version IS NULL OR s.version != ? ORDER BY a.id""",
                [version],
            )
        ]

    def remove_unused_entities(self) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM article_entities)"
            )
        return cursor.rowcount

    # -- corrections --------------------------------------------------------------------

    def corrections(self) -> "dict[str, Correction]":
        from tuireader.extraction import Correction

        return {
            row[0]: Correction(*row)
            for row in self.db.execute("SELECT surface_key, surface, action, label FROM entity_corrections")
        }

    def add_correction(self, correction: "Correction") -> None:
        with self.transaction():
            self.db.execute(
                """INSERT INTO entity_corrections (surface_key, surface, action, label, created_at)
                   VALUES (?,?,?,?,?) ON CONFLICT (surface_key) DO UPDATE SET
                   surface = excluded.surface, action = excluded.action, label = excluded.label,
                   created_at = excluded.created_at""",
                [correction.surface_key, correction.surface, correction.action, correction.label, _now()],
            )

    def articles_containing(self, surface: str) -> list[int]:
        """Articles whose text may hold ``surface`` (FTS phrase match), for re-extraction after a correction."""
        words = search_query.WORD_PATTERN.findall(surface)
        if not words:
            return []
        phrase = '"' + " ".join(words) + '"'
        return [r[0] for r in self.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [phrase])]
