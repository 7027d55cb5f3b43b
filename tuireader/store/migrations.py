"""Schema versions, applied forward on open (sqlite-utils' migration sets).

Each migration is a function that takes the database and changes it; the
names of applied ones are recorded in ``_sqlite_migrations``. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "tuireader"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_articles_tags_search(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_path TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            byline TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT,
            lang TEXT NOT NULL DEFAULT 'und',
            body TEXT NOT NULL,
            word_count INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            is_read INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX articles_published ON articles (published DESC, id DESC)")
    db.execute("CREATE INDEX articles_title ON articles (title COLLATE NOCASE)")
    db.execute("CREATE INDEX articles_url ON articles (url) WHERE url != ''")
    # One article can come from several files (identical content, two paths);
    # a file keeps pointing at its article when its content changes.
    db.execute(
        """
        CREATE TABLE article_sources (
            source_key TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX article_sources_article ON article_sources (article_id)")
    db.execute(
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id)")
    # External-content FTS5 index: the text lives once, in articles.
    db.execute(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body,
            content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2',
            prefix='2 3'
        )
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END
        """
    )


def known_migration_names() -> set[str]:
    return {m.name for m in migrations._migrations}


@migrations()
def m002_entities_figures(db: Database) -> None:
    # Canonical entities: one row per (key, label); "key" is aliases.canonical_key(name).
    db.execute(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (key, label)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE entity_aliases (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            PRIMARY KEY (entity_id, alias)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, start)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX mentions_entity ON mentions (entity_id, article_id)")
    db.execute(
        """
        CREATE TABLE article_entities (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            mentions INTEGER NOT NULL,
            first_start INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id)")
    db.execute(
        """
        CREATE TABLE figures (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            value,
            unit TEXT,
            PRIMARY KEY (article_id, start)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX figures_kind ON figures (kind, value)")
    # Which extractor version produced an article's rows: reextract finds stale ones.
    db.execute(
        """
        CREATE TABLE extraction_state (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL
        )
        """
    )
    # A user's corrections, per library, keyed by surface form so they apply in every story.
    db.execute(
        """
        CREATE TABLE entity_corrections (
            surface_key TEXT PRIMARY KEY,
            surface TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('reject', 'label', 'add')),
            label TEXT,
            created_at TEXT NOT NULL
        )
        """
    )


@migrations()
def m004_related_index(db: Database) -> None:
    # Related stories (tuireader/store/related_index.py, docs/related.md): every word ever
    # indexed with its document frequency; per article its heaviest terms (packed term ids and
    # weights) and the entities it was indexed with; an inverted index term -> articles.
    db.execute(
        """
        CREATE TABLE related_terms (
            id INTEGER PRIMARY KEY,
            term TEXT NOT NULL UNIQUE,
            df INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE related_docs (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            day INTEGER,
            terms BLOB NOT NULL,
            entities TEXT NOT NULL DEFAULT '',
            entity_norm REAL NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE related_postings (
            term_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            weight INTEGER NOT NULL,
            PRIMARY KEY (term_id, article_id)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE related_entity_stats (
            entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
            stories INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            last_published TEXT
        )
        """
    )
    db.execute("CREATE INDEX related_entity_stats_mentions ON related_entity_stats (mentions DESC)")
    db.execute("CREATE INDEX related_entity_stats_recent ON related_entity_stats (last_published DESC)")
    db.execute("CREATE TABLE related_state (key TEXT PRIMARY KEY, value)")


@migrations()
def m003_highlights_notes(db: Database) -> None:
    # article_id is SET NULL, not CASCADE: a deleted story's highlights stay as orphans,
    # identified by the story_* columns (the story as it was when last anchored).
    # story_hash is also the content hash of the body that start/end index, so a
    # changed body shows which highlights need re-anchoring.
    db.execute(
        """
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            label INTEGER CHECK (label IS NULL OR label BETWEEN 1 AND 5),
            orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
            story_hash TEXT NOT NULL,
            story_title TEXT NOT NULL,
            story_url TEXT NOT NULL DEFAULT '',
            story_published TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX highlights_article ON highlights (article_id, start)")
    db.execute("CREATE INDEX highlights_created ON highlights (created_at DESC, id DESC)")
    # One note per story; kept (article_id NULL) when the story is deleted, like highlights.
    db.execute(
        """
        CREATE TABLE story_notes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER UNIQUE REFERENCES articles(id) ON DELETE SET NULL,
            note TEXT NOT NULL,
            story_hash TEXT NOT NULL,
            story_title TEXT NOT NULL,
            story_url TEXT NOT NULL DEFAULT '',
            story_published TEXT,
            updated_at TEXT NOT NULL
        )
        """
    )
    # BEFORE: once the row is gone the foreign key has already set article_id to NULL.
    db.execute(
        """
        CREATE TRIGGER highlights_orphaned_with_article BEFORE DELETE ON articles BEGIN
            UPDATE highlights SET orphaned = 1 WHERE article_id = old.id;
        END
        """
    )


@migrations()
def m005_saved_searches(db: Database) -> None:
    # Named searches in the search language (tuireader/search_query.py), in the user's order.
    db.execute(
        """
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            query TEXT NOT NULL,
            position INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )


@migrations()
def m006_person_name_parts(db: Database) -> None:
    # First name, surname and last two words of every multi-word person, so a story that
    # only says "Al Bana" can be linked to the "Yusuf Karim Al Bana" other stories name.
    db.execute(
        """
        CREATE TABLE person_name_parts (
            part TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (part, entity_id)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        "INSERT OR IGNORE INTO person_name_parts (part, entity_id) "
        "SELECT substr(key, instr(key, ' ') + 1), id FROM entities WHERE label = 'PERSON' AND instr(key, ' ') > 0"
    )


@migrations()
def m007_read_state_index(db: Database) -> None:
    # The unread count at start-up must not read every article body: count an index instead.
    db.execute("CREATE INDEX articles_read_state ON articles (is_read)")


@migrations()
def m008_list_row_index(db: Database) -> None:
    # word_count and is_read sit after the body in each row; the list reads them from here.
    db.execute("CREATE INDEX articles_list_tail ON articles (id, word_count, is_read)")
