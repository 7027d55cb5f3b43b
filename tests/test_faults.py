"""Faults: a killed import, two processes at once, a read-only, full, damaged or newer library.

Each fault must leave a consistent library and give one clear line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tuireader.cli import main
from tuireader.store.library import Library

ROOT = os.name == "posix" and os.geteuid() == 0
WORDS = ("banjir hujan kota warga rumah sungai pemerintah bantuan jalan desa laut angin "
         "the flood river city people help road village").split()


def _write_stories(folder: Path, count: int, prefix: str, seed: int) -> Path:
    rng = random.Random(seed)
    for i in range(count):
        sub = folder / f"{i % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        (sub / f"{prefix}{i:04d}.txt").write_text(f"{prefix.upper()} story {i}\n\n{words}. Code {prefix}{i}.\n")
    return folder


@pytest.fixture(scope="module")
def two_thousand(tmp_path_factory) -> Path:
    return _write_stories(tmp_path_factory.mktemp("stories"), 2000, "a", seed=1)


def _tuireader(*args: str, library: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tuireader", *args, "--library", str(library)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen,
    )


def _run(*args: str, library: Path, timeout: float = 300) -> tuple[int, str, str]:
    process = _tuireader(*args, library=library)
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as done:
        main(argv)
    return done.value.code, out.getvalue(), err.getvalue()


def assert_consistent(db: Path) -> int:
    """The library is whole: SQLite and FTS integrity, FTS rows = articles, no dangling rows. Returns the count."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == articles
        assert conn.execute(
            "SELECT count(*) FROM article_sources WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0] == 0
        return articles
    finally:
        conn.close()


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def _one_clean_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- kill -9 during an import -----------------------------------------------------------------


def _kill_group(process: subprocess.Popen) -> None:
    """The import's worker processes too (they are in its own session, started by this test)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def test_kill_9_during_import_leaves_a_consistent_library_that_a_rerun_completes(two_thousand, tmp_path):
    db = tmp_path / "library.db"
    # A first, small import, then the user's own tags and notes.
    code, _, err = _run("import", str(two_thousand / "00"), library=db)
    assert code == 0, err
    first = Library.open(db)
    tagged, annotated = first.article_ids(sort="title")[:2]
    annotated_body = first.article(annotated).body
    first.close()
    assert _run("tag", str(tagged), "mine", "kept", library=db)[0] == 0
    quote = annotated_body.split("\n")[-1].split(".")[0][:30]
    assert _run("annotate", str(annotated), "--quote", quote, "--note", "my note", library=db)[0] == 0

    counts = []
    killed_mid_run = 0
    for delay in (0.5, 1.5, 2.5, 4.0):
        process = _tuireader("import", str(two_thousand), library=db, start_new_session=True)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        _kill_group(process)
        process.communicate()
        killed_mid_run += process.returncode == -signal.SIGKILL
        counts.append(assert_consistent(db))
        check = Library.open(db)
        assert check.tags_of(tagged) == ("kept", "mine")
        assert [h.note for h in _highlights(check, annotated)] == ["my note"]
        check.close()
    assert killed_mid_run >= 1, counts
    assert counts == sorted(counts)

    code, out, err = _run("import", str(two_thousand), library=db)
    assert code == 0 and "Traceback" not in err, err
    assert assert_consistent(db) == 2000
    library = Library.open(db)
    try:
        assert library.db.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 2000
        titles = {s.title for s in library.summaries(library.article_ids())}
        assert titles == {f"A story {i}" for i in range(2000)}
        assert library.tags_of(tagged) == ("kept", "mine")
        assert [h.note for h in _highlights(library, annotated)] == ["my note"]
    finally:
        library.close()


def _highlights(library: Library, article_id: int):
    from tuireader.store.notes import highlights_of

    return highlights_of(library, article_id)


# -- two processes at once ---------------------------------------------------------------------


def test_import_runs_while_a_reader_holds_a_read_transaction(tmp_path):
    stories = _write_stories(tmp_path / "in", 300, "r", seed=3)
    db = tmp_path / "library.db"
    reader = Library.open(db)
    try:
        reader.db.execute("BEGIN")
        assert reader.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # the snapshot is taken
        code, out, err = _run("import", str(stories), library=db)
        assert (code, err) == (0, ""), err
        assert out.startswith("imported 300,")
        assert reader.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # still its snapshot
        reader.db.conn.rollback()
        assert reader.article_count() == 300
    finally:
        reader.close()
    assert assert_consistent(db) == 300


def test_two_imports_of_different_folders_into_one_new_library_both_complete(tmp_path):
    left = _write_stories(tmp_path / "left", 600, "l", seed=4)
    right = _write_stories(tmp_path / "right", 600, "r", seed=5)
    db = tmp_path / "library.db"
    processes = [_tuireader("import", str(folder), library=db) for folder in (left, right)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    for code, out, err in results:
        assert "locked" not in err and "Traceback" not in err, err
        assert (code, err) == (0, "")
        assert out.startswith("imported 600,")
    assert assert_consistent(db) == 1200


# -- a library that cannot be written or read ---------------------------------------------------


@pytest.fixture
def stored(tmp_path) -> Path:
    """A small real library, closed, and a folder of new stories to import into it."""
    db = tmp_path / "lib" / "library.db"
    code, _, err = _cli(["import", str(_write_stories(tmp_path / "first", 60, "f", seed=6)), "--library", str(db)])
    assert code == 0, err
    _write_stories(tmp_path / "more", 60, "m", seed=7)
    return db


@pytest.mark.skipif(ROOT, reason="running as root: file permissions do not stop root from writing")
def test_read_only_library_file(stored):
    before = _sha1(stored)
    stored.chmod(0o444)
    try:
        code, _, err = _cli(["import", str(stored.parent.parent / "more"), "--library", str(stored)])
    finally:
        stored.chmod(0o644)
    assert code == 1
    line = _one_clean_line(err)
    assert line.startswith(f"tuireader: error: {stored}: ") and "read-only" in line
    assert _sha1(stored) == before


@pytest.mark.skipif(ROOT, reason="running as root: folder permissions do not stop root from writing")
def test_read_only_library_folder(stored):
    before = _sha1(stored)
    stored.parent.chmod(0o555)
    try:
        code, _, err = _cli(["import", str(stored.parent.parent / "more"), "--library", str(stored)])
    finally:
        stored.parent.chmod(0o755)
    assert code == 1
    line = _one_clean_line(err)
    assert line.startswith(f"tuireader: error: {stored}: ")
    assert _sha1(stored) == before


def test_full_disk_gives_one_line_and_keeps_what_was_stored(stored, monkeypatch):
    """SQLite's own 'disk is full', provoked by capping the importer's file at a few more pages."""
    library = Library.open(stored)
    before = [library.db.execute("SELECT * FROM articles ORDER BY id").fetchall(), library.tags_of(1)]
    library.close()
    real_open = Library.open.__func__

    def open_with_a_full_disk(cls, path):
        opened = real_open(cls, path)
        pages = opened.db.execute("PRAGMA page_count").fetchone()[0]
        opened.db.execute(f"PRAGMA max_page_count = {pages + 3}")
        return opened

    monkeypatch.setattr(Library, "open", classmethod(open_with_a_full_disk))
    code, _, err = _cli(["import", str(stored.parent.parent / "more"), "--library", str(stored)])
    assert code == 1
    assert _one_clean_line(err) == (
        f"tuireader: error: {stored}: cannot write the library, the disk is full (database or disk is full)"
    )
    monkeypatch.undo()
    assert assert_consistent(stored) == 60
    library = Library.open(stored)
    try:
        assert [library.db.execute("SELECT * FROM articles ORDER BY id").fetchall(), library.tags_of(1)] == before
    finally:
        library.close()


def test_full_disk_on_any_write_is_one_line(stored, monkeypatch):
    """A patched write raising the error, for writes the page cap may not reach (a tag)."""
    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("tuireader.store.notes.link_tags", full)
    code, _, err = _cli(["tag", "1", "x", "--library", str(stored)])
    assert code == 1
    assert _one_clean_line(err) == (
        f"tuireader: error: {stored}: cannot write the library, the disk is full (database or disk is full)"
    )


def _damage(db: Path, start_fraction: float, length_fraction: float) -> None:
    """Random bytes over part of the file (from start_fraction, length_fraction of its size)."""
    size = db.stat().st_size
    rng = random.Random(8)
    with db.open("r+b") as handle:
        handle.seek(int(size * start_fraction))
        handle.write(rng.randbytes(max(100, int(size * length_fraction))))


@pytest.mark.parametrize("start", [0.25, 0.5])
def test_damaged_library_gives_one_line_per_command_and_no_traceback(stored, start):
    _damage(stored, start, 0.25)
    before = _sha1(stored)
    failures = 0
    for args in (["list"], ["search", "banjir"], ["show", "1"], ["import", str(stored.parent.parent / "more")]):
        code, out, err = _cli([*args, "--library", str(stored)])
        if code:
            line = _one_clean_line(err)
            assert line.startswith(f"tuireader: error: {stored}: "), line
            assert "damaged" in line or "not a usable tuireader library" in line or "malformed" in line
            failures += 1
            if args[0] == "import":
                assert _sha1(stored) == before  # refused before anything was written
        else:
            assert "Traceback" not in err
    assert failures, "the damage went unnoticed by every command"


def test_damaged_header_is_refused_and_left_untouched(stored):
    _damage(stored, 0.0, 0.0)
    before = _sha1(stored)
    for args in (["list"], ["import", str(stored.parent.parent / "more")]):
        code, _, err = _cli([*args, "--library", str(stored)])
        assert code == 1
        assert _one_clean_line(err).startswith(f"tuireader: error: {stored}: not a usable tuireader library (")
    assert _sha1(stored) == before


def test_library_from_a_newer_tuireader_is_refused_by_the_cli(stored):
    conn = sqlite3.connect(stored)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tuireader', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    before = _sha1(stored)
    for args in (["list"], ["import", str(stored.parent.parent / "more")], ["tag", "1", "x"]):
        code, out, err = _run(*args, library=stored)
        assert code == 1 and out == ""
        assert _one_clean_line(err) == (
            f"tuireader: error: {stored}: written by a newer tuireader (schema m999_future); upgrade tuireader to open it"
        )
    assert _sha1(stored) == before
