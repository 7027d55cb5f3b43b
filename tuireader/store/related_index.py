"""The related-stories index and the entity queries: the SQL behind ``tuireader.related``.

Tables (schema m004): ``related_terms`` (word, document frequency),
``related_docs`` (per article: its TERMS_PER_ARTICLE heaviest terms, packed,
the entities it was indexed with and their IDF length), ``related_postings``
(term -> articles, the inverted index) and ``related_entity_stats`` (stories,
mentions and last date per entity).  Everything is updated per batch of
articles (``index_articles``), never recomputed whole except by ``rebuild``.

Finding related stories scores only candidates: articles sharing one of the
story's rarer terms (postings of the story's terms) or rarer entities
(``article_entities``), summed in SQL; the best few hundred are then scored
exactly and the top ``k`` explained.  See docs/related.md.
"""

from __future__ import annotations

import math
import time
from array import array
from collections import Counter
from collections.abc import Mapping, Iterable, Sequence

from tuireader import related as scoring
from tuireader.errors import NotFound
from tuireader.related import (
    Candidate,
    CoMention,
    EntityPage,
    EntityStory,
    EntitySummary,
    NearbyFigure,
    RelatedStory,
)
from tuireader.store.library import Library

#: Weights are stored as integers: weight * SCALE.
SCALE = 10_000
#: Candidates taken from the term postings and from the entity postings, each.
CANDIDATES = 300
#: Terms / entities in more than this share of the library do not generate candidates
#: (they still count in the exact score of the candidates found otherwise).
COMMON_SHARE = 0.05
COMMON_MIN = 200
#: Below this many indexed articles the IDF is re-based whenever the library has doubled.
AUTO_REBUILD_MAX = 20_000
#: related() indexes all missing articles by itself when there are at most this many.
LAZY_INDEX_MAX = 5_000
#: Thread: neighbours taken per story, the least score of a link, the most stories.
THREAD_K = 5
THREAD_MIN_SCORE = 0.08
#: ... and at least this share of the story's best link (a story with close twins ignores weak links).
THREAD_RELATIVE = 0.4
THREAD_MAX = 60
#: Entity page: co-mentions are counted over this many newest stories.
CO_MENTION_STORIES = 300
_CHUNK = 500


# -- packing --------------------------------------------------------------------------------


def _pack(pairs: Sequence[tuple[int, int]]) -> bytes:
    return array("I", [t for t, _ in pairs]).tobytes() + array("H", [w for _, w in pairs]).tobytes()


def _unpack(blob: bytes) -> list[tuple[int, int]]:
    n = len(blob) // 6
    ids, weights = array("I"), array("H")
    ids.frombytes(blob[: 4 * n])
    weights.frombytes(blob[4 * n :])
    return list(zip(ids, weights))


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _state(library: Library, key: str, default=None):
    row = library.db.conn.execute("SELECT value FROM related_state WHERE key = ?", (key,)).fetchone()
    return default if row is None else row[0]


def _set_state(library: Library, key: str, value) -> None:
    library.db.conn.execute(
        "INSERT INTO related_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def indexed_count(library: Library) -> int:
    return library.db.conn.execute("SELECT count(*) FROM related_docs").fetchone()[0]


# -- indexing ---------------------------------------------------------------------------------


def index_articles(
    library: Library, article_ids: Iterable[int], *, _rebase: bool = True,
    term_counts: Mapping[int, Counter[str]] | None = None,
) -> int:
    """Index (or re-index) these articles: terms, postings, entity statistics. Returns how many.

    Cost is proportional to the batch, not the library: document frequencies are
    updated in place, and weights use the frequencies of the moment (see
    docs/related.md on IDF drift). ``term_counts`` (by article id) may be computed
    elsewhere, e.g. by the import's worker processes.
    """
    ids = sorted(set(int(i) for i in article_ids))
    if not ids:
        return 0
    done = 0
    with library.transaction():
        for chunk in _chunks(ids):
            done += _index_chunk(library, chunk, term_counts or {})
    if _rebase:
        _maybe_rebase(library)
    return done


def _index_chunk(library: Library, ids: Sequence[int], known_counts: Mapping[int, Counter[str]]) -> int:
    conn = library.db.conn
    rows = conn.execute(
        f"SELECT id, title, body, published FROM articles WHERE id IN ({_marks(len(ids))})", list(ids)
    ).fetchall()
    if not rows:
        return 0
    found = [r[0] for r in rows]
    old = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            f"SELECT article_id, terms, entities FROM related_docs WHERE article_id IN ({_marks(len(found))})", found
        )
    }
    # Forget what the re-indexed ones contributed.
    for article_id, (blob, entities) in old.items():
        conn.executemany(
            "DELETE FROM related_postings WHERE term_id = ? AND article_id = ?",
            [(term_id, article_id) for term_id, _ in _unpack(blob)],
        )
        _add_entity_stats(conn, _parse_entities(entities), -1, None)
    # Terms and their document frequencies (new articles only: an update keeps its count).
    counts = {r[0]: known_counts.get(r[0]) or scoring.term_counts(r[1], r[2]) for r in rows}
    df_increments: Counter[str] = Counter()
    for article_id, c in counts.items():
        if article_id not in old:
            df_increments.update(c.keys())
    conn.executemany(
        "INSERT INTO related_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        sorted(df_increments.items()),
    )
    all_terms = sorted({t for c in counts.values() for t in c})
    # An updated article's new words: known from now on (its old full term set is not kept).
    conn.executemany("INSERT OR IGNORE INTO related_terms (term, df) VALUES (?, 1)", [(t,) for t in all_terms])
    term_ids: dict[str, int] = {}
    df: dict[str, int] = {}
    for part in _chunks(all_terms):
        for term_id, term, freq in conn.execute(
            f"SELECT id, term, df FROM related_terms WHERE term IN ({_marks(len(part))})", list(part)
        ):
            term_ids[term] = term_id
            df[term] = freq
    n_docs = indexed_count(library) + sum(1 for i in counts if i not in old)
    # Entities, as stored at import.
    entities: dict[int, dict[int, int]] = {i: {} for i in found}
    for article_id, entity_id, mentions in conn.execute(
        f"SELECT article_id, entity_id, mentions FROM article_entities WHERE article_id IN ({_marks(len(found))})", found
    ):
        entities[article_id][entity_id] = mentions
    published = {r[0]: r[3] for r in rows}
    for article_id in found:
        _add_entity_stats(conn, entities[article_id], +1, published[article_id])
    stories = _entity_stories(conn, {e for ents in entities.values() for e in ents})
    doc_rows, posting_rows = [], []
    for article_id in found:
        weighted = scoring.weigh_terms(counts[article_id], df, n_docs)
        pairs = [(term_ids[t], max(1, round(w * SCALE))) for t, w in weighted]
        posting_rows.extend((term_id, article_id, w) for term_id, w in pairs)
        norm = math.sqrt(sum(scoring.idf(stories.get(e, 1), n_docs) ** 2 for e in entities[article_id]))
        doc_rows.append((
            article_id, scoring.day_number(published[article_id]), _pack(pairs),
            _format_entities(entities[article_id]), norm,
        ))
    conn.executemany(
        "INSERT OR REPLACE INTO related_docs (article_id, day, terms, entities, entity_norm) VALUES (?,?,?,?,?)",
        doc_rows,
    )
    conn.executemany("INSERT OR REPLACE INTO related_postings (term_id, article_id, weight) VALUES (?,?,?)", posting_rows)
    return len(found)


def _format_entities(entities: dict[int, int]) -> str:
    return ",".join(f"{e}:{m}" for e, m in sorted(entities.items()))


def _parse_entities(text: str) -> dict[int, int]:
    out = {}
    for item in text.split(","):
        if item:
            e, _, m = item.partition(":")
            out[int(e)] = int(m or 1)
    return out


def _add_entity_stats(conn, entities: dict[int, int], sign: int, published: str | None) -> None:
    if not entities:
        return
    conn.executemany(
        """INSERT INTO related_entity_stats (entity_id, stories, mentions, last_published)
           SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM entities WHERE id = ?)
           ON CONFLICT (entity_id) DO UPDATE SET stories = max(0, stories + excluded.stories),
           mentions = max(0, mentions + excluded.mentions),
           last_published = CASE WHEN excluded.last_published > coalesce(last_published, '')
                                 THEN excluded.last_published ELSE last_published END""",
        [(e, sign, sign * m, published if sign > 0 else None, e) for e, m in entities.items()],
    )


def _entity_stories(conn, entity_ids: Iterable[int]) -> dict[int, int]:
    ids = list(entity_ids)
    out: dict[int, int] = {}
    for part in _chunks(ids):
        out.update(conn.execute(
            f"SELECT entity_id, stories FROM related_entity_stats WHERE entity_id IN ({_marks(len(part))})", list(part)
        ).fetchall())
    return out


def _maybe_rebase(library: Library) -> None:
    """While the library is small, re-weigh everything each time it doubles (amortised: each article ~2x)."""
    n = indexed_count(library)
    base = int(_state(library, "rebased_at", 0) or 0)
    if n > AUTO_REBUILD_MAX or n < 2 * max(base, 1) or base == 0 and n < 2:
        if base == 0:
            with library.transaction():
                _set_state(library, "rebased_at", n)
        return
    rebuild(library)


def refresh_weights(library: Library) -> None:
    """After an import: re-weigh the index if the library has grown enough to need it."""
    _maybe_rebase(library)


def index_missing(library: Library, limit: int | None = None) -> int:
    """Index articles the index does not know yet (imported before it existed). Returns how many."""
    sql = "SELECT a.id FROM articles a LEFT JOIN related_docs d ON d.article_id = a.id WHERE d.article_id IS NULL"
    ids = [r[0] for r in library.db.conn.execute(sql + (f" LIMIT {int(limit) + 1}" if limit is not None else ""))]
    if limit is not None and len(ids) > limit:
        return -len(ids)
    return index_articles(library, ids)


def rebuild(library: Library, on_progress=None) -> int:
    """Drop the index and build it again from every article (``tuireader reindex``).

    One transaction: another process, or a kill, never sees a half-built index, and two
    importers that both decide to re-weigh take turns instead of colliding.
    """
    conn = library.db.conn
    done = 0
    with library.transaction():
        for table in ("related_postings", "related_docs", "related_terms", "related_entity_stats"):
            conn.execute(f"DELETE FROM {table}")
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        # Document frequencies first, over everything, so that every article is weighed alike.
        for part in _chunks(ids, 2000):
            increments: Counter[str] = Counter()
            for title, body in conn.execute(
                f"SELECT title, body FROM articles WHERE id IN ({_marks(len(part))})", list(part)
            ):
                increments.update(scoring.term_counts(title, body).keys())
            conn.executemany(
                "INSERT INTO related_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                sorted(increments.items()),
            )
        # Entity statistics first too, so the entity norms use the final frequencies.
        conn.execute(
            """INSERT INTO related_entity_stats (entity_id, stories, mentions, last_published)
               SELECT ae.entity_id, count(*), sum(ae.mentions), max(a.published)
               FROM article_entities ae JOIN articles a ON a.id = ae.article_id GROUP BY ae.entity_id"""
        )
        full_df = dict(conn.execute("SELECT term, df FROM related_terms"))
        n = len(ids)
        stories = dict(conn.execute("SELECT entity_id, stories FROM related_entity_stats"))
        for part in _chunks(ids):
            done += _write_docs(library, part, full_df, n, stories)
            if on_progress:
                on_progress(done)
        _set_state(library, "rebased_at", max(n, 1))
    return done


def _write_docs(library: Library, ids: Sequence[int], df: dict[str, int], n_docs: int, stories: dict[int, int]) -> int:
    """Weigh and store articles with given frequencies (rebuild: nothing to subtract, statistics already set)."""
    conn = library.db.conn
    rows = conn.execute(
        f"SELECT id, title, body, published FROM articles WHERE id IN ({_marks(len(ids))})", list(ids)
    ).fetchall()
    term_ids = {}
    counts = {r[0]: scoring.term_counts(r[1], r[2]) for r in rows}
    terms = sorted({t for c in counts.values() for t in c})
    for part in _chunks(terms):
        term_ids.update(conn.execute(f"SELECT term, id FROM related_terms WHERE term IN ({_marks(len(part))})", list(part)))
    entities: dict[int, dict[int, int]] = {r[0]: {} for r in rows}
    for article_id, entity_id, mentions in conn.execute(
        f"SELECT article_id, entity_id, mentions FROM article_entities WHERE article_id IN ({_marks(len(rows))})",
        [r[0] for r in rows],
    ):
        entities[article_id][entity_id] = mentions
    doc_rows, posting_rows = [], []
    for article_id, _, _, published in rows:
        pairs = [(term_ids[t], max(1, round(w * SCALE))) for t, w in scoring.weigh_terms(counts[article_id], df, n_docs)]
        posting_rows.extend((t, article_id, w) for t, w in pairs)
        norm = math.sqrt(sum(scoring.idf(stories.get(e, 1), n_docs) ** 2 for e in entities[article_id]))
        doc_rows.append((article_id, scoring.day_number(published), _pack(pairs), _format_entities(entities[article_id]), norm))
    conn.executemany(
        "INSERT OR REPLACE INTO related_docs (article_id, day, terms, entities, entity_norm) VALUES (?,?,?,?,?)", doc_rows
    )
    conn.executemany("INSERT OR REPLACE INTO related_postings (term_id, article_id, weight) VALUES (?,?,?)", posting_rows)
    return len(rows)


def _ensure_indexed(library: Library, article_id: int) -> tuple | None:
    conn = library.db.conn
    row = conn.execute("SELECT day, terms, entity_norm FROM related_docs WHERE article_id = ?", (article_id,)).fetchone()
    if row is not None:
        return row
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise NotFound(f"no article with id {article_id}")
    # An older library: index what is missing when that is quick, else only this story.
    if index_missing(library, limit=LAZY_INDEX_MAX) < 0:
        index_articles(library, [article_id], _rebase=False)
    return conn.execute("SELECT day, terms, entity_norm FROM related_docs WHERE article_id = ?", (article_id,)).fetchone()


# -- related stories ----------------------------------------------------------------------


def related(library: Library, article_id: int, k: int = 5) -> list[RelatedStory]:
    """The ``k`` stories most related to this one, best first, each with its score and reasons."""
    return [story for story, _ in _related(library, article_id, k, explain=True)]


def _related(library: Library, article_id: int, k: int, *, explain: bool) -> list[tuple[RelatedStory, Candidate]]:
    conn = library.db.conn
    day, blob, _ = _ensure_indexed(library, article_id)
    n_docs = max(1, indexed_count_cached(library))
    common = max(COMMON_MIN, int(n_docs * COMMON_SHARE))
    query_terms = _unpack(blob)
    candidates: dict[int, Candidate] = {}

    # 1. Lexical candidates: postings of the story's rarer terms, dot products summed in SQL.
    df = dict(conn.execute(
        f"SELECT id, df FROM related_terms WHERE id IN ({_marks(len(query_terms))})", [t for t, _ in query_terms]
    )) if query_terms else {}
    rare_terms = [(t, w) for t, w in query_terms if df.get(t, 0) <= common]
    common_terms = [(t, w) for t, w in query_terms if df.get(t, 0) > common]
    if rare_terms:
        values = ",".join("(?,?)" for _ in rare_terms)
        sql = f"""WITH q(term_id, w) AS (VALUES {values})
                  SELECT p.article_id, sum(p.weight * q.w) AS s FROM q CROSS JOIN related_postings p
                  ON p.term_id = q.term_id WHERE p.article_id != ? GROUP BY p.article_id ORDER BY s DESC LIMIT ?"""
        params = [x for pair in rare_terms for x in pair] + [article_id, CANDIDATES]
        for candidate_id, s in conn.execute(sql, params):
            candidates[candidate_id] = Candidate(candidate_id, lexical=s / (SCALE * SCALE))

    # 2. Entity candidates: stories naming the story's rarer entities, IDF² summed in SQL.
    mine = dict(conn.execute("SELECT entity_id, mentions FROM article_entities WHERE article_id = ?", (article_id,)))
    stories = _entity_stories(conn, mine)
    entity_idf = {e: scoring.idf(max(1, stories.get(e, 1)), n_docs) for e in mine}
    rare_entities = [e for e in mine if stories.get(e, 1) <= common]
    if rare_entities:
        values = ",".join("(?,?)" for _ in rare_entities)
        sql = f"""WITH q(entity_id, w) AS (VALUES {values})
                  SELECT ae.article_id, sum(q.w) AS s FROM q CROSS JOIN article_entities ae
                  ON ae.entity_id = q.entity_id WHERE ae.article_id != ? GROUP BY ae.article_id ORDER BY s DESC LIMIT ?"""
        params = [x for e in rare_entities for x in (e, entity_idf[e] ** 2)] + [article_id, CANDIDATES]
        for candidate_id, _ in conn.execute(sql, params):
            candidates.setdefault(candidate_id, Candidate(candidate_id))
    if not candidates:
        return []
    ids = list(candidates)

    # 3. Exact scores for the candidates: the common terms and all shared entities, by key lookups.
    if common_terms:
        weights = dict(common_terms)
        for part in _chunks(ids):
            for term_id, candidate_id, w in conn.execute(
                f"""SELECT term_id, article_id, weight FROM related_postings
                    WHERE term_id IN ({_marks(len(weights))}) AND article_id IN ({_marks(len(part))})""",
                [*weights, *part],
            ):
                candidates[candidate_id].lexical += weights[term_id] * w / (SCALE * SCALE)
    if mine:
        for part in _chunks(ids):
            for candidate_id, entity_id in conn.execute(
                f"""SELECT article_id, entity_id FROM article_entities
                    WHERE article_id IN ({_marks(len(part))}) AND entity_id IN ({_marks(len(mine))})""",
                [*part, *mine],
            ):
                candidates[candidate_id].entities.add(entity_id)
    docs = {}
    for part in _chunks(ids):
        docs.update((r[0], r[1:]) for r in conn.execute(
            f"SELECT article_id, day, entity_norm FROM related_docs WHERE article_id IN ({_marks(len(part))})", list(part)
        ))
    scored = []
    for candidate_id, candidate in candidates.items():
        if candidate_id not in docs:  # deleted, or not indexed yet
            continue
        candidate_day, norm = docs[candidate_id]
        days = candidate_day - day if candidate_day is not None and day is not None else None
        if candidate.finish(entity_idf, norm, days) >= scoring.MIN_SCORE:
            scored.append(candidate)
    scored.sort(key=lambda c: (-c.score, c.article_id))
    top = scored[:k]
    return _describe(library, top, query_terms, entity_idf) if explain else [(None, c) for c in top]


def _describe(library: Library, top: list[Candidate], query_terms, entity_idf: dict[int, float]) -> list[tuple[RelatedStory, Candidate]]:
    if not top:
        return []
    conn = library.db.conn
    ids = [c.article_id for c in top]
    meta = {r[0]: r[1:] for r in conn.execute(
        f"SELECT id, title, published, source, lang FROM articles WHERE id IN ({_marks(len(ids))})", ids
    )}
    blobs = dict(conn.execute(f"SELECT article_id, terms FROM related_docs WHERE article_id IN ({_marks(len(ids))})", ids))
    shared_entities = {e for c in top for e in c.entities}
    names = dict(conn.execute(
        f"SELECT id, name FROM entities WHERE id IN ({_marks(len(shared_entities))})", list(shared_entities)
    )) if shared_entities else {}
    query_weights = dict(query_terms)
    word_overlap: dict[int, list[int]] = {}
    for c in top:
        pairs = [(t, w * query_weights[t]) for t, w in _unpack(blobs.get(c.article_id, b"")) if t in query_weights]
        pairs.sort(key=lambda p: -p[1])
        word_overlap[c.article_id] = [t for t, _ in pairs[: scoring.REASON_WORDS]]
    term_ids = {t for ts in word_overlap.values() for t in ts}
    terms = dict(conn.execute(
        f"SELECT id, term FROM related_terms WHERE id IN ({_marks(len(term_ids))})", list(term_ids)
    )) if term_ids else {}
    out = []
    for c in top:
        title, published, source, lang = meta[c.article_id]
        entity_names = [names[e] for e in sorted(c.entities, key=lambda e: (-entity_idf.get(e, 0), names.get(e, "")))]
        words = [terms[t] for t in word_overlap[c.article_id] if t in terms]
        story = RelatedStory(
            c.article_id, title, published, source, lang, round(c.score, 4),
            scoring.reasons(entity_names, c.days_apart, words),
        )
        out.append((story, c))
    return out


_COUNT_CACHE: dict[int, tuple[float, int]] = {}


def indexed_count_cached(library: Library) -> int:
    """The number of indexed articles, re-counted at most every few seconds (it only feeds IDF)."""
    key = id(library)
    now = time.monotonic()
    cached = _COUNT_CACHE.get(key)
    if cached is None or now - cached[0] > 5.0:
        cached = (now, indexed_count(library))
        _COUNT_CACHE[key] = cached
    return cached[1]


def thread(library: Library, article_id: int) -> list[RelatedStory]:
    """The developing story this article belongs to, oldest first, this article included.

    Stories are linked when each is among the other's THREAD_K most related with a
    score of at least THREAD_MIN_SCORE and THREAD_RELATIVE times that story's best
    score; the thread is the connected group of this story (at most THREAD_MAX
    stories). Each story's score is its link to the story that brought it in.
    """
    neighbours: dict[int, dict[int, Candidate]] = {}

    def links(node: int) -> dict[int, Candidate]:
        if node not in neighbours:
            found = [c for _, c in _related(library, node, THREAD_K, explain=False)]
            least = max(THREAD_MIN_SCORE, THREAD_RELATIVE * found[0].score) if found else 0.0
            neighbours[node] = {c.article_id: c for c in found if c.score >= least}
        return neighbours[node]

    links(article_id)  # raises NotFound for an unknown id
    members: dict[int, Candidate | None] = {article_id: None}
    queue = [article_id]
    while queue and len(members) < THREAD_MAX:
        node = queue.pop(0)
        for other, story in links(node).items():
            if other in members or len(members) >= THREAD_MAX:
                continue
            if node in links(other):
                members[other] = story
                queue.append(other)
    stories = []
    for summary in library.summaries(list(members)):
        link = members[summary.id]
        reason = ("this story",) if link is None else (
            (scoring.describe_time(link.days_apart),) if link.days_apart is not None else ())
        score = 1.0 if link is None else round(link.score, 4)
        stories.append(RelatedStory(summary.id, summary.title, summary.published, summary.source, summary.lang, score, reason))
    stories.sort(key=lambda s: (s.published is None, s.published or "", s.id))
    return stories


# -- entities ---------------------------------------------------------------------------------


def _resolve_entity(library: Library, name_or_id: int | str) -> tuple[int, str, str]:
    from tuireader.entities.aliases import canonical_key, lookup_alias

    conn = library.db.conn
    if isinstance(name_or_id, int) or str(name_or_id).strip().isdigit():
        row = conn.execute("SELECT id, name, label FROM entities WHERE id = ?", (int(name_or_id),)).fetchone()
        if row:
            return row
        if isinstance(name_or_id, int):
            raise NotFound(f"no entity with id {name_or_id}")
    name = str(name_or_id).strip()
    order = "ORDER BY (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) DESC, e.id"
    keys = [canonical_key(name)]
    try:
        alias = lookup_alias(name)
    except Exception:  # the alias table is a convenience here, never a reason to fail
        alias = None
    if alias:
        keys.append(canonical_key(alias[0] if isinstance(alias, tuple) else str(alias)))
    for key in keys:
        row = conn.execute(f"SELECT e.id, e.name, e.label FROM entities e WHERE e.key = ? {order} LIMIT 1", (key,)).fetchone()
        if row:
            return row
    row = conn.execute(
        f"""SELECT e.id, e.name, e.label FROM entities e WHERE e.id IN
            (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE) {order} LIMIT 1""",
        (name,),
    ).fetchone()
    if row:
        return row
    raise NotFound(f"no entity named {name!r}")


def _stories_newest_first(library: Library, entity_id: int, story_count: int, limit: int, offset: int) -> list[int]:
    conn = library.db.conn
    if story_count > 2000:
        # Common entity: walk the date index and keep the stories naming it (found quickly).
        sql = """SELECT a.id FROM articles a WHERE EXISTS
                 (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_id = ?)
                 ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"""
        return [r[0] for r in conn.execute(sql.replace("a.published IS NULL, ", ""), (entity_id, limit, offset))]
    sql = """SELECT a.id FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?
             ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"""
    return [r[0] for r in conn.execute(sql, (entity_id, limit, offset))]


def entity_page(library: Library, name_or_id: int | str, limit: int = 30, offset: int = 0) -> EntityPage:
    """Everything the library says about one entity (by id, canonical name or any alias seen).

    The timeline holds ``limit`` stories from ``offset``, newest first; co-mentions are
    counted over the CO_MENTION_STORIES newest stories; figures come from the timeline's
    stories, where stated in the same sentence as the entity.
    """
    conn = library.db.conn
    entity_id, name, label = _resolve_entity(library, name_or_id)
    story_count = conn.execute("SELECT count(*) FROM article_entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    mention_count = conn.execute("SELECT count(*) FROM mentions WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    aliases = sorted(
        {r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,))} | {name},
        key=lambda a: (a != name, a.casefold()),
    )
    page_ids = _stories_newest_first(library, entity_id, story_count, limit, offset)
    timeline: list[EntityStory] = []
    figures: list[NearbyFigure] = []
    if page_ids:
        marks = _marks(len(page_ids))
        rows = {r[0]: r[1:] for r in conn.execute(
            f"SELECT id, title, published, source, lang, body FROM articles WHERE id IN ({marks})", page_ids
        )}
        spans: dict[int, list[tuple[int, int]]] = {}
        for article_id, start, end in conn.execute(
            f'SELECT article_id, start, "end" FROM mentions WHERE entity_id = ? AND article_id IN ({marks}) ORDER BY start',
            [entity_id, *page_ids],
        ):
            spans.setdefault(article_id, []).append((start, end))
        by_article: dict[int, list] = {}
        for row in conn.execute(
            f'SELECT article_id, start, "end", text, kind, value, unit FROM figures WHERE article_id IN ({marks}) ORDER BY start',
            page_ids,
        ):
            by_article.setdefault(row[0], []).append(row[1:])
        for article_id in page_ids:
            title, published, source, lang, body = rows[article_id]
            mention_spans = spans.get(article_id, [])
            sentence = scoring.sentence_around(body, *mention_spans[0]) if mention_spans else ""
            timeline.append(EntityStory(article_id, title, published, source, lang, len(mention_spans), sentence))
            sentences = {scoring.sentence_bounds(body, s, e) for s, e in mention_spans}
            for start, end, text, kind, value, unit in by_article.get(article_id, []):
                bounds = scoring.sentence_bounds(body, start, end)
                if bounds in sentences:
                    figures.append(NearbyFigure(
                        article_id, published, text, kind, value, unit, scoring.sentence_around(body, start, end)
                    ))
    recent = _stories_newest_first(library, entity_id, story_count, CO_MENTION_STORIES, 0)
    co: list[CoMention] = []
    if recent:
        rows = conn.execute(
            f"""SELECT e.id, e.name, e.label, count(*) AS n FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                WHERE ae.article_id IN ({_marks(len(recent))}) AND ae.entity_id != ?
                GROUP BY e.id ORDER BY n DESC, e.name LIMIT 15""",
            [*recent, entity_id],
        ).fetchall()
        co = [CoMention(*r) for r in rows]
    return EntityPage(
        entity_id, name, label, tuple(aliases), story_count, mention_count, tuple(timeline), tuple(co),
        tuple(figures), co_mentions_over=len(recent),
    )


ENTITY_SORTS = {
    "mentions": "s.mentions DESC, s.stories DESC, e.name COLLATE NOCASE",
    "stories": "s.stories DESC, s.mentions DESC, e.name COLLATE NOCASE",
    "recent": "s.last_published IS NULL, s.last_published DESC, s.mentions DESC",
    "name": "e.name COLLATE NOCASE, e.id",
}


def list_entities(
    library: Library,
    type: str | None = None,  # noqa: A002 - the word users know
    name_filter: str = "",
    sort: str = "mentions",
    limit: int = 50,
    offset: int = 0,
) -> list[EntitySummary]:
    """Entities of the library with their story and mention counts (from the related index)."""
    if sort not in ENTITY_SORTS:
        raise ValueError(f"sort must be one of {', '.join(ENTITY_SORTS)}")
    if indexed_count(library) == 0 and library.article_count():
        index_missing(library, limit=LAZY_INDEX_MAX)
    clauses, params = ["s.stories > 0"], []
    if type:
        clauses.append("e.label = ?")
        params.append(type.upper())
    if name_filter.strip():
        clauses.append("(e.name LIKE ? OR e.key LIKE ?)")
        params.extend([f"%{name_filter.strip()}%", f"%{name_filter.strip().casefold()}%"])
    sql = f"""SELECT e.id, e.name, e.label, s.stories, s.mentions, s.last_published
              FROM related_entity_stats s JOIN entities e ON e.id = s.entity_id
              WHERE {' AND '.join(clauses)} ORDER BY {ENTITY_SORTS[sort]} LIMIT ? OFFSET ?"""
    return [EntitySummary(*r) for r in library.db.conn.execute(sql, [*params, int(limit), int(offset)])]
