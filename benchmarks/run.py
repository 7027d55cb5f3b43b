"""tuireader benchmarks: one command, a table, and JSON.

    python benchmarks/run.py [--sizes 1000,10000] [--repeat N] [--json out.json]

For each library size it generates (or reuses) a library under
``benchmarks/generated/`` with ``generate_library.py``, imports it into a fresh
SQLite library and measures, as median and p95 over repeated runs:

* import rate (articles/s, with extraction, ``tuireader.importing.import_paths``),
  next to a bare ``sqlite-utils`` insert of the same rows (the floor);
* database size per 1,000 articles;
* cold start: process start -> library screen showing its list, measured on the
  real ``tuireader --library X`` under a pseudo-terminal (the status line
  "N stories" is painted), and on ``ReaderApp.run_test()`` in a subprocess;
* search latency: 1-, 2-, 3-word, prefix and as-you-type queries through
  ``Library.search`` and ``Library.article_ids``, against a ``LIKE '%word%'`` scan;
* open-and-highlight latency per article: ``article`` + ``mentions_of`` +
  ``figures_of`` + ``render_story`` + overlays applied and wrapped as the
  reader does;
* extraction throughput (tokens/s of ``tuireader.extraction.extract``, one core);
* peak RSS (VmHWM) of the app with the library open, after a search and
  opening a story.

``--scale-to 100000`` builds a 100k library by replicating the largest imported
library (bodies repeated with new ids and hashes, entities and figures copied)
when a real 100k import would take too long; such rows are flagged ``*`` and
the import rate at that size is not measured. Only the project's dependencies
are used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate_library  # noqa: E402

GENERATED = HERE / "generated"
SEED = 20250812
FORMAT_DIRS = ("txt", "md", "html", "jsonl")

TARGETS = {
    "import_rate": (">=", 500.0, "import >= 500 articles/s with extraction"),
    "cold_start_pty": ("<=", 0.6, "cold start <= 0.6 s at 100k"),
    "search_p95": ("<=", 30.0, "search p95 <= 30 ms at 100k"),
    "open_p95": ("<=", 50.0, "open+highlight p95 <= 50 ms"),
    "rss": ("<=", 300.0, "app RSS <= 300 MB at 100k"),
}


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank over sorted values, linear between ranks)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values) if values else float("nan"), "p95": pct(values, 95),
            "n": len(values), "min": min(values) if values else float("nan"),
            "max": max(values) if values else float("nan")}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def library_folder(count: int) -> Path:
    return GENERATED / f"lib-{count}"


def ensure_generated(count: int) -> Path:
    out = library_folder(count)
    if not generate_library.is_generated(out, count, SEED):
        if out.exists():
            shutil.rmtree(out)
        log(f"generating {count} articles into {out}")
        generate_library.generate(count, out, SEED)
    return out


def import_inputs(folder: Path) -> list[Path]:
    return [folder / name for name in FORMAT_DIRS if (folder / name).exists()]


def db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------------
# import
# ----------------------------------------------------------------------------------------------


def bench_import(folder: Path, db_path: Path, runs: int, workers: int | None) -> dict:
    from tuireader.importing import import_paths
    from tuireader.store.library import Library

    rates, seconds, counts = [], [], []
    for run in range(runs):
        remove_db(db_path)
        library = Library.open(db_path)
        started = time.perf_counter()
        report = import_paths(library, import_inputs(folder), workers=workers)
        elapsed = time.perf_counter() - started
        count = library.article_count()
        library.close()
        rates.append(count / elapsed)
        seconds.append(elapsed)
        counts.append(count)
        log(f"  import run {run + 1}/{runs}: {count} articles in {elapsed:.1f} s = {count / elapsed:.1f}/s "
            f"({report.summary()})")
    checkpoint(db_path)
    return {"rate": summary(rates), "seconds": summary(seconds), "articles": counts[-1],
            "workers": workers or os.cpu_count()}


def bench_floor(db_path: Path, runs: int) -> dict:
    """A bare sqlite-utils insert of the same article rows: the floor for the store step."""
    from sqlite_utils import Database

    source = sqlite3.connect(db_path)
    columns = ["title", "byline", "source", "url", "published", "lang", "body", "word_count", "content_hash",
               "imported_at", "updated_at", "source_path"]
    rows = [dict(zip(columns, r)) for r in source.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY id")]
    source.close()
    plain, with_fts = [], []
    with tempfile.TemporaryDirectory(dir=GENERATED) as tmp:
        for run in range(runs):
            for kind, sink in (("plain", plain), ("fts", with_fts)):
                path = Path(tmp) / f"floor-{kind}-{run}.db"
                db = Database(path)
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                started = time.perf_counter()
                table = db["articles"]
                if kind == "fts":
                    table.create({c: str for c in columns} | {"id": int, "word_count": int}, pk="id")
                    table.enable_fts(["title", "body"], create_triggers=True,
                                     tokenize="unicode61 remove_diacritics 2")
                table.insert_all(rows, batch_size=200)
                elapsed = time.perf_counter() - started
                db.close()
                sink.append(len(rows) / elapsed)
    return {"rate": summary(plain), "rate_with_fts": summary(with_fts)}


def db_breakdown(db_path: Path) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except sqlite3.OperationalError:
        rows = []
    conn.close()
    return {name: size for name, size in rows}


# ----------------------------------------------------------------------------------------------
# scale-up (when a real import of 100k would take too long)
# ----------------------------------------------------------------------------------------------


def replicate(source_db: Path, target_db: Path, factor: int) -> int:
    """Copy ``source_db`` and append ``factor - 1`` copies of every article with its entities and figures."""
    remove_db(target_db)
    checkpoint(source_db)
    shutil.copyfile(source_db, target_db)
    conn = sqlite3.connect(target_db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    article_cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "id"]

    def cols_of(table: str) -> list[str]:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]

    with conn:
        for k in range(1, factor):
            shift = k * top
            select = ", ".join(
                f"content_hash || '-r{k}'" if c == "content_hash"
                else f"source_path || '#r{k}'" if c == "source_path"
                else f'"{c}"' for c in article_cols
            )
            conn.execute(f"INSERT INTO articles (id, {', '.join(article_cols)}) "
                         f"SELECT id + {shift}, {select} FROM articles WHERE id <= {top}")
            for table in ("mentions", "article_entities", "figures", "extraction_state", "article_tags",
                          "article_sources"):
                try:
                    cols = cols_of(table)
                except sqlite3.OperationalError:
                    continue
                if not cols:
                    continue
                exprs = ", ".join(
                    f"article_id + {shift}" if c == "article_id"
                    else f"source_key || '#r{k}'" if c == "source_key"
                    else f"content_hash || '-r{k}'" if (table == "article_sources" and c == "content_hash")
                    else f'"{c}"' for c in cols
                )
                quoted = ", ".join(f'"{c}"' for c in cols)
                conn.execute(f"INSERT OR IGNORE INTO {table} ({quoted}) SELECT {exprs} FROM {table} "
                             f"WHERE article_id <= {top}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return count


# ----------------------------------------------------------------------------------------------
# cold start and RSS
# ----------------------------------------------------------------------------------------------

_RUN_TEST_SCRIPT = r"""
import asyncio, sys, time
from tuireader.store.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.article_list import ArticleList

async def main():
    app = ReaderApp(Library.open(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert articles.ids, "empty list"
        print("READY", time.monotonic(), len(articles.ids), flush=True)
        with open("/proc/self/status") as status:
            hwm = next((l.split()[1] for l in status if l.startswith("VmHWM")), "0")
        print("HWM", hwm, flush=True)

asyncio.run(main())
"""


def cold_start_run_test(db_path: Path) -> tuple[float, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _RUN_TEST_SCRIPT, str(db_path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    ready = next((line.split() for line in done.stdout.splitlines() if line.startswith("READY")), None)
    if ready is None:
        raise RuntimeError(f"run_test cold start failed: {done.stderr[-2000:]}")
    hwm = next((float(line.split()[1]) / 1024 for line in done.stdout.splitlines() if line.startswith("HWM")), 0.0)
    return float(ready[1]) - started, hwm


def _vm_hwm_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class PtyApp:
    """``tuireader --library X`` on a pseudo-terminal (120x40), driven by keystrokes."""

    def __init__(self, db_path: Path):
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40", PYTHONUNBUFFERED="1")
        env.pop("TEXTUAL", None)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tuireader", "--library", str(db_path)],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=str(ROOT), start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.buffer = b""

    def wait_for(self, pattern: bytes, timeout: float = 60.0) -> float:
        """Read output until ``pattern`` shows; returns the monotonic time it was seen."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.buffer = self.buffer[-4096:] + chunk
                if regex.search(self.buffer):
                    seen = time.monotonic()
                    self.buffer = b""
                    return seen
            elif self.proc.poll() is not None:
                break
        raise RuntimeError(f"did not see {pattern!r} within {timeout} s; last output {self.buffer[-400:]!r}")

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    os.read(self.master, 65536)
                except OSError:
                    return

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> None:
        try:
            self.send(b"\x11")  # ctrl+q
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def cold_start_pty(db_path: Path, count: int) -> tuple[float, float]:
    app = PtyApp(db_path)
    try:
        seen = app.wait_for(rf"{count} stor(y|ies)".encode())
        return seen - app.started, _vm_hwm_mb(app.proc.pid)
    finally:
        app.close()


def rss_after_use(db_path: Path, count: int, word: str) -> dict:
    """VmHWM with the library open, then after a search and opening the first hit."""
    app = PtyApp(db_path)
    try:
        app.wait_for(rf"{count} stor(y|ies)".encode())
        app.drain(0.5)
        at_ready = _vm_hwm_mb(app.proc.pid)
        app.send(b"/")
        app.drain(0.3)
        for char in word:  # typed one key at a time: the list reloads on every key
            app.send(char.encode())
            app.drain(0.15)
        app.drain(1.5)
        app.send(b"\r")  # back to the list
        app.drain(0.3)
        app.send(b"\r")  # open the story under the cursor
        app.drain(1.5)
        after = _vm_hwm_mb(app.proc.pid)
        return {"at_ready_mb": at_ready, "after_search_open_mb": after}
    finally:
        app.close()


# ----------------------------------------------------------------------------------------------
# search
# ----------------------------------------------------------------------------------------------


def build_queries(db_path: Path, seed: int = 7) -> dict[str, list[str]]:
    """Query sets drawn from the library's own vocabulary (FTS5 vocab: common, mid and rare words)."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, articles_fts, row)")
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    vocab = [(t, d) for t, d in conn.execute("SELECT term, doc FROM temp.bench_vocab") if t.isalpha() and len(t) >= 4]
    titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    conn.close()
    rng = random.Random(seed)
    common = [t for t, d in vocab if d > total * 0.10]
    mid = [t for t, d in vocab if total * 0.005 <= d <= total * 0.05]
    rare = [t for t, d in vocab if 2 <= d <= max(3, total * 0.001)]

    def some(pool: list[str], n: int) -> list[str]:
        return rng.sample(pool, min(n, len(pool))) if pool else []

    one = some(common, 6) + some(mid, 8) + some(rare, 6)
    multi: dict[int, list[str]] = {2: [], 3: []}
    for n in (2, 3):
        while len(multi[n]) < 20:
            words = [w for w in re.findall(r"[^\W\d_]{4,}", rng.choice(titles).lower())]
            if len(words) >= n:
                start = rng.randrange(len(words) - n + 1)
                multi[n].append(" ".join(words[start:start + n]))
    prefix = [w[: rng.choice((3, 4))] for w in some(common, 5) + some(mid, 10)]
    typing_words = some(mid, 3) + some(common, 2)
    typing = [w[:i] for w in typing_words for i in range(1, len(w) + 1)]
    return {"1-word": one, "2-word": multi[2], "3-word": multi[3], "prefix": prefix, "typing": typing}


def _like_ids(conn: sqlite3.Connection, query: str) -> list[int]:
    words = re.findall(r"\w+", query)
    where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in words)
    params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
    return [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE {where}", params)]


def bench_search(db_path: Path, repeat: int) -> dict:
    from tuireader.store.library import Library

    queries = build_queries(db_path)
    library = Library.open(db_path)
    conn = sqlite3.connect(db_path)
    results: dict[str, dict] = {}
    all_search, all_ids = [], []
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    like_repeat = max(1, repeat // 2) if count <= 20000 else 1  # a LIKE scan of 100k bodies takes a second
    for category, items in queries.items():
        timings = {"search": [], "ids_relevance": [], "ids_date": [], "like": []}
        hits = []
        for query in items:
            for _ in range(repeat):
                t = time.perf_counter()
                found = library.search(query)
                timings["search"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                ids = library.article_ids(sort="relevance", query=query)
                timings["ids_relevance"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                library.article_ids(sort="date", query=query)
                timings["ids_date"].append((time.perf_counter() - t) * 1000)
            hits.append(len(ids))
            if category != "typing" or len(query) >= 3:
                for _ in range(like_repeat):
                    t = time.perf_counter()
                    _like_ids(conn, query)
                    timings["like"].append((time.perf_counter() - t) * 1000)
        results[category] = {name: summary(values) for name, values in timings.items()}
        results[category]["queries"] = items
        results[category]["median_hits"] = statistics.median(hits) if hits else 0
        all_search += timings["search"]
        all_ids += timings["ids_relevance"]
        _ = found
    library.close()
    conn.close()
    results["all"] = {"search": summary(all_search), "ids_relevance": summary(all_ids)}
    return results


# ----------------------------------------------------------------------------------------------
# open and highlight
# ----------------------------------------------------------------------------------------------


def bench_open(db_path: Path, repeat: int, sample: int = 100) -> dict:
    from rich.style import Style

    from tuireader.render.story_text import render_story
    from tuireader.render.wrapping import wrap_offsets
    from tuireader.store.library import Library
    from tuireader.ui.widgets.story_view import Overlay

    library = Library.open(db_path)
    ids = [r[0] for r in library.db.execute("SELECT id FROM articles ORDER BY id")]
    chosen = random.Random(11).sample(ids, min(sample, len(ids)))
    styles = {"PERSON": Style(color="cyan"), "ORG": Style(color="magenta"), "LOCATION": Style(color="green"),
              "FIGURE": Style(bold=True)}

    def overlay(start: int, end: int, style: Style, kind: str):
        try:
            return Overlay(start, end, style, kind)
        except TypeError:  # an older Overlay without ``kind``
            return Overlay(start, end, style)

    phases = {k: [] for k in ("fetch", "render", "overlays", "wrap", "total")}
    mentions_total = 0
    for _ in range(repeat):
        for article_id in chosen:
            t0 = time.perf_counter()
            article = library.article(article_id)
            mentions = library.mentions_of(article_id)
            figures = library.figures_of(article_id)
            t1 = time.perf_counter()
            story = render_story(article.body)
            t2 = time.perf_counter()
            overlays = [overlay(m.start, m.end, styles.get(m.label, styles["ORG"]), m.label) for m in mentions]
            overlays += [overlay(f.start, f.end, styles["FIGURE"], "FIGURE") for f in figures]
            body = story.text.copy()
            for o in overlays:
                start, end = story.span_to_rendered(o.start, o.end)
                if end > start:
                    body.stylize(o.style, start, end)
            t3 = time.perf_counter()
            wrap_offsets(body.plain, 100)
            t4 = time.perf_counter()
            for name, value in (("fetch", t1 - t0), ("render", t2 - t1), ("overlays", t3 - t2), ("wrap", t4 - t3),
                                ("total", t4 - t0)):
                phases[name].append(value * 1000)
            mentions_total += len(mentions) + len(figures)
    library.close()
    result = {name: summary(values) for name, values in phases.items()}
    result["marks_per_article"] = mentions_total / max(1, repeat * len(chosen))
    return result


# ----------------------------------------------------------------------------------------------
# extraction throughput
# ----------------------------------------------------------------------------------------------


def bench_extraction(db_path: Path, repeat: int, sample: int = 150) -> dict:
    from datetime import date

    from tuireader.entities.tokenize import tokenize
    from tuireader.extraction import extract

    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT body, lang, published FROM articles ORDER BY id LIMIT ?", [sample]).fetchall()
    conn.close()
    tokens = sum(len(tokenize(body)) for body, _, _ in rows)
    extract(rows[0][0], rows[0][1])  # load the models outside the timing
    for lang in ("id", "en"):
        extract("Presiden berbicara di Jakarta." if lang == "id" else "The president spoke in Jakarta.", lang)
    rates, per_article = [], []
    for _ in range(repeat):
        # CPU time of this one process: "tokens/s on one core", whatever else the machine is doing
        started = time.process_time()
        for body, lang, published in rows:
            t = time.process_time()
            extract(body, lang, date.fromisoformat(published) if published else None)
            per_article.append((time.process_time() - t) * 1000)
        rates.append(tokens / (time.process_time() - started))
    return {"tokens_per_s": summary(rates), "ms_per_article": summary(per_article), "tokens": tokens,
            "articles": len(rows)}


# ----------------------------------------------------------------------------------------------
# the run
# ----------------------------------------------------------------------------------------------


def bench_size(count: int, args) -> dict:
    result: dict = {"size": count}
    folder = ensure_generated(count)
    db_path = GENERATED / f"lib-{count}.db"
    import_runs = args.import_repeat or (3 if count <= 2000 else 1)
    if args.skip_import and db_path.exists():
        log(f"{count}: reusing {db_path} (import not measured)")
    else:
        log(f"{count}: importing ({import_runs} run(s))")
        result["import"] = bench_import(folder, db_path, import_runs, args.workers)
        log(f"{count}: floor insert")
        result["floor"] = bench_floor(db_path, 3)
    return result | measure_library(db_path, args)


def measure_library(db_path: Path, args) -> dict:
    result: dict = {}
    checkpoint(db_path)
    conn = sqlite3.connect(db_path)
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    size = db_bytes(db_path)
    result["articles"] = count
    result["db_mb"] = size / 1e6
    result["db_mb_per_1k"] = size / 1e6 / (count / 1000)
    result["db_tables_mb"] = {k: round(v / 1e6, 2) for k, v in list(db_breakdown(db_path).items())[:12]}
    log(f"{count}: cold start (pty x{args.repeat}, run_test x{args.repeat})")
    pty_times, pty_hwm, rt_times = [], [], []
    cold_start_pty(db_path, count)  # one untimed run: page cache and .pyc warm, as a user's second start
    for _ in range(args.repeat):
        elapsed, hwm = cold_start_pty(db_path, count)
        pty_times.append(elapsed)
        pty_hwm.append(hwm)
        rt_times.append(cold_start_run_test(db_path)[0])
    result["cold_start_pty"] = summary(pty_times)
    result["cold_start_run_test"] = summary(rt_times)
    result["rss_ready"] = summary(pty_hwm)
    log(f"{count}: search")
    result["search"] = bench_search(db_path, args.repeat)
    log(f"{count}: open and highlight")
    result["open"] = bench_open(db_path, args.repeat)
    log(f"{count}: RSS after search and open")
    word = result["search"]["typing"]["queries"][-1] if result["search"]["typing"]["queries"] else "jakarta"
    try:
        result["rss_use"] = rss_after_use(db_path, count, word)
    except RuntimeError as error:
        result["rss_use"] = {"error": str(error)}
    return result


def baseline_stats() -> dict:
    from tuireader import __version__

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "tuireader"], cwd=ROOT, capture_output=True,
                                    text=True).stdout.strip())
    except OSError:
        commit, dirty = "?", False
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    return {"cores": os.cpu_count(), "python": platform.python_version(), "tuireader": __version__,
            "platform": platform.platform(), "sqlite": sqlite3.sqlite_version, "commit": commit,
            "tuireader_tree_dirty": dirty, "loadavg_at_start": load, "date": time.strftime("%Y-%m-%d %H:%M")}


def mark(name: str, value: float) -> str:
    op, limit, _ = TARGETS[name]
    ok = value >= limit if op == ">=" else value <= limit
    return "✓" if ok else "✗"


def fmt(value: float, digits: int = 1) -> str:
    if value != value:  # nan
        return "–"
    return f"{value:,.{digits}f}"


def print_table(machine: dict, sizes: list[dict], extraction: dict | None) -> str:
    lines = []
    out = lines.append
    out(f"machine: {machine['cores']} cores · Python {machine['python']} · SQLite {machine['sqlite']} · "
        f"tuireader {machine['tuireader']} @ {machine['commit']}{' (+uncommitted changes)' if machine['tuireader_tree_dirty'] else ''}"
        f" · load at start {machine['loadavg_at_start'][0]:.1f}")
    out("")
    header = ["metric", *[f"{s['articles']:,}{'*' if s.get('replicated') else ''}" for s in sizes], "target"]
    rows: list[list[str]] = []

    def row(name: str, cells: list[str], target: str = "") -> None:
        rows.append([name, *cells, target])

    def cell(s: dict, path: list[str], digits: int = 1, target: str | None = None, scale: float = 1.0) -> str:
        node = s
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return "–"
            node = node[key]
        med, p95 = node["median"] * scale, node["p95"] * scale
        text = f"{fmt(med, digits)} / {fmt(p95, digits)}"
        return f"{text} {mark(target, p95 if TARGETS[target][0] == '<=' else med)}" if target else text

    row("import, articles/s (median / p95-slow)", [
        (lambda s: (f"{fmt(s['import']['rate']['median'])} / {fmt(s['import']['rate']['min'])} "
                    f"{mark('import_rate', s['import']['rate']['median'])} (n={s['import']['rate']['n']})")
         if "import" in s else "not measured")(s) for s in sizes], "≥ 500")
    row("floor: sqlite-utils insert, articles/s", [cell(s, ["floor", "rate"], 0) for s in sizes])
    row("floor with FTS5 triggers, articles/s", [cell(s, ["floor", "rate_with_fts"], 0) for s in sizes])
    row("floor (with FTS) / import: import is N× slower", [
        f"{s['floor']['rate_with_fts']['median'] / s['import']['rate']['median']:.0f}×" if "import" in s else "–"
        for s in sizes])
    row("DB size, MB per 1k articles", [f"{s['db_mb_per_1k']:.1f} ({s['db_mb']:.0f} MB)" for s in sizes])
    row("cold start, pty `tuireader`, s", [cell(s, ["cold_start_pty"], 3, "cold_start_pty") for s in sizes], "≤ 0.6 s")
    row("cold start, run_test subprocess, s", [cell(s, ["cold_start_run_test"], 3) for s in sizes])
    for category in ("1-word", "2-word", "3-word", "prefix", "typing"):
        row(f"search {category}: Library.search, ms", [cell(s, ["search", category, "search"], 1, "search_p95") for s in sizes],
            "p95 ≤ 30 ms")
        row(f"search {category}: article_ids(relevance), ms",
            [cell(s, ["search", category, "ids_relevance"], 1, "search_p95") for s in sizes], "p95 ≤ 30 ms")
        row(f"search {category}: LIKE scan, ms / speed-up",
            [(cell(s, ["search", category, "like"], 1) + f"  ({s['search'][category]['like']['median'] / s['search'][category]['ids_relevance']['median']:.0f}×)")
             for s in sizes])
    row("open+highlight total, ms", [cell(s, ["open", "total"], 1, "open_p95") for s in sizes], "p95 ≤ 50 ms")
    for phase in ("fetch", "render", "overlays", "wrap"):
        row(f"  {phase}, ms", [cell(s, ["open", phase], 2) for s in sizes])
    row("app RSS at ready (VmHWM), MB", [cell(s, ["rss_ready"], 0) for s in sizes])
    row("app RSS after search + open, MB", [
        (f"{fmt(s['rss_use']['after_search_open_mb'], 0)} {mark('rss', s['rss_use']['after_search_open_mb'])}"
         if "after_search_open_mb" in s.get("rss_use", {}) else "–") for s in sizes], "≤ 300 MB")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    out("-+-".join("-" * w for w in widths))
    for r in rows:
        out(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    if extraction:
        out("")
        out(f"extraction (one core, {extraction['articles']} articles, {extraction['tokens']:,} tokens): "
            f"{fmt(extraction['tokens_per_s']['median'], 0)} tokens/s median, "
            f"{fmt(extraction['tokens_per_s']['min'], 0)} slowest run; "
            f"{fmt(extraction['ms_per_article']['median'])} ms/article median, {fmt(extraction['ms_per_article']['p95'])} p95")
    if any(s.get("replicated") for s in sizes):
        out("* replicated library (see --scale-to): read-path numbers only; import not measured at that size")
    out("cells: median / p95 over repeated runs (import: median / slowest run). Targets are checked on p95 "
        "(import: median); the 0.6 s, 30 ms and 300 MB targets are for 100k articles.")
    text = "\n".join(lines)
    print(text)
    return text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="tuireader benchmarks")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated library sizes (default 1000,10000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per latency measurement (default 5)")
    parser.add_argument("--import-repeat", type=int, default=0,
                        help="import runs per size (default 3 up to 2,000 articles, 1 above)")
    parser.add_argument("--workers", type=int, default=None, help="import worker processes (default: one per core)")
    parser.add_argument("--skip-import", action="store_true", help="reuse benchmarks/generated/lib-N.db when present")
    parser.add_argument("--scale-to", type=int, default=0,
                        help="also measure a library of this size built by replicating the largest imported one")
    parser.add_argument("--json", type=Path, help="write all numbers here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    GENERATED.mkdir(parents=True, exist_ok=True)
    machine = baseline_stats()
    results = []
    for count in sizes:
        results.append(bench_size(count, args))
    if args.scale_to and sizes:
        base = max(sizes)
        factor = max(2, round(args.scale_to / base))
        target = GENERATED / f"lib-{base}x{factor}.db"
        log(f"replicating {base} x {factor} into {target}")
        replicated = replicate(GENERATED / f"lib-{base}.db", target, factor)
        results.append({"size": replicated, "replicated": f"{base}x{factor}"} | measure_library(target, args))
    log("extraction throughput")
    extraction = bench_extraction(GENERATED / f"lib-{sizes[0]}.db", args.repeat) if sizes else None
    table = print_table(machine, results, extraction)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine, "sizes": results, "extraction": extraction,
                                         "table": table}, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
