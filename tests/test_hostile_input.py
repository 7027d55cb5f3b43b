"""Whatever a scraper produces: each bad file gets one clear line, the rest is imported, nothing stored changes.

The hostile corpus is generated here, into tmp_path; nothing binary is committed.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from tuireader import paths
from tuireader.cli import main
from tuireader.importing import _prepare_or_error, import_paths, prepare_file
from tuireader.importers import DEFAULT_MAX_BYTES
from tuireader.store.library import Library
from tuireader.store.notes import add_tags, create_highlight

#: No file may take longer than this to read and clean (generous: CI machines are slow).
SECONDS_PER_FILE = 15
ESCAPES = "\x1b[31mred\x1b[0m \x1b[2J\x1b[H \x1b]52;c;cHduZWQ=\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x9b1m"
CONTROL = set(map(chr, [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))
INVISIBLE = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\u2060\ufeff")


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(range(256)) * 8


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Judul\n\nIsi berita yang dizip. " * 50)
    return buffer.getvalue()


def _yaml_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    return "---\n" + "\n".join(lines) + "\ntitle: Laughs\ntags: *i\n---\nThe body after a billion laughs.\n"


def _html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>Page</title>{head}</head><body>{body}</body></html>"


PARAGRAPH = "Warga kota membersihkan rumah mereka setelah banjir surut pada Selasa pagi. " * 4

#: name -> (content, expected error or None when the file must import)
REFUSED: dict[str | bytes, tuple[str | bytes, str]] = {
    "empty.txt": (b"", "file is empty"),
    "blank.md": (b"  \n\n\t \r\n ", "file is empty"),
    "image.txt": (_png(), "binary file, not text"),
    "document.md": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4,
                    "binary file, not text"),
    "archive.txt": (_zip(), "binary file, not text"),
    "archive.json": (_zip(), "binary file, not text"),
    "nuls.txt": (b"Title\x00\x00\x00 body\x00 with\x00 nuls\x00" * 20, "binary file, not text"),
    "random.html": (bytes((i * 7919 + 13) % 256 for i in range(20_000)), "binary file, not text"),
    "nulls.json": (json.dumps({"title": None, "body": None}), "no article objects"),
    "number.json": ("42", "no article objects (found a number where objects were expected)"),
    "string.json": ('"just a string"', "no article objects (found a string where objects were expected)"),
    "null.json": ("null", "no article objects (found null where objects were expected)"),
    "numbers.json": (json.dumps(list(range(100_000))), "no article objects (found a number where objects were expected)"),
    "truncated.json": ('[{"title": "cut off", "body": "x"', "invalid JSON at line 1"),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "too deeply nested to read"),
    "deep-object.json": ('{"a":' * 50_000 + "1" + "}" * 50_000, "too deeply nested to read"),
    "bad-yaml.md": ("---\ntitle: [unclosed\n---\nbody\n", "invalid front matter"),
    "scalar-yaml.md": ("---\njust a string\n---\nbody\n", "invalid front matter (not a mapping of fields)"),
    "unsafe-yaml.md": ('---\ntitle: !!python/object/apply:os.system ["echo pwned > PWNED"]\n---\nbody\n',
                       "invalid front matter (could not determine a constructor for the tag"),
    "unsafe-yaml-2.md": ("---\ntitle: !!python/object/new:os.system [echo pwned]\n---\nbody\n",
                         "invalid front matter (could not determine a constructor for the tag"),
    "no-text.html": (_html("<script>alert(1)</script><style>p{}</style><iframe src='http://x'></iframe>"),
                     "no article text found in the page"),
    b"binary with \x1b[31mescape\x1b[0m.txt": (_png(), "binary file, not text"),
    b"binary with\nnewline and \xff byte.txt": (_png(), "binary file, not text"),
}

#: name -> content; each must import (checks on what was stored are in the tests below)
IMPORTED: dict[str | bytes, str | bytes] = {
    "few-nuls.txt": ("Judul dengan NUL\n\n" + PARAGRAPH * 20 + "\x00 akhir\x00.\n").encode(),
    "invalid-utf8.txt": b"Judul rusak\n\nIsi \xff\xfe\xfa caf\xe9 \xc3\x28 berita yang cukup panjang.\n",
    "mixed-encodings.txt": "Judul café\n\n".encode() + b"Isi \xe9t\xe9 \x93dikutip\x94 dari cp1252.\n" + "Lalu naïve — UTF-8 lagi.\n".encode(),
    "utf16.txt": "Judul UTF-16\n\nIsi berita dalam UTF-16 dengan BOM: café.\n".encode("utf-16"),
    "long-line.txt": "Satu baris panjang\n\n" + "kata" * 250_000,
    "long-title.txt": "x" * 1_000_000 + "\n\nA story whose title line is a megabyte long.\n",
    "ansi.txt": f"\x1b[31mRed title\x1b[0m\x1b[2J\x1b[H\n\nBody {ESCAPES} end.\n",
    "ansi.md": ('---\ntitle: "\\e[31mRed markdown\\e]52;c;cHduZWQ=\\a"\nsource: "\\e]8;;http://x\\e\\\\Source"\n'
                'tags: ["\\e[1mtagged"]\nauthor: "\\e[2JByline"\n---\n' f"Body {ESCAPES} end.\n"),
    "ansi.json": json.dumps({"title": f"Red json {ESCAPES}", "body": f"Body {ESCAPES} end.", "source": "\x1b]8;;x\x1b\\Wire",
                             "tags": ["\x1b[1mtag"], "url": "http://example.com/\x1b[31m", "author": "\x9b2JName"}),
    "markup.md": ("---\ntitle: '[@click=app.quit]x[/]'\nsource: '[bold red]Wire[/]'\ntags: ['[link=http://e.example]t[/link]']\n"
                  "---\nBody with [bold red]x[/] and [@click=app.quit]q[/] and [link=http://e.example]l[/link].\n"),
    "bidi.txt": "Bidi \u202eevil\u202c title\u200b\u2066x\u2069\n\nBody \u202eesrever\u202c with \ufeffzero\u200bwidth.\n",
    "cjk.txt": "新闻标题 🎉👨\u200d👩\u200d👧 漢字テスト 한국어\n\n本文 😀 emoji body 本文.\n",
    "scripts.html": _html(
        "<iframe src='http://evil.example'></iframe><script>alert('pwned')</script>"
        f"<article><h1>Scripted page</h1><p>{PARAGRAPH}</p><script>evil()</script><p>{PARAGRAPH}</p></article>",
        head="<style>body { color: red }</style><script>document.write('x')</script>"),
    "many-elements.html": _html("<article>" + "".join(f"<p>Paragraf nomor {i} berisi beberapa kata.</p>" for i in range(10_000)) + "</article>"),
    "wrong-types.json": json.dumps({"title": 5, "body": ["a", "b"], "text": "Real text here.", "tags": {"x": 1},
                                    "date": [], "url": None, "source": True}),
    "huge-tags.json": json.dumps({"title": "Many tags", "body": "Body.", "tags": [f"t{i}" for i in range(100_000)]}),
    "yaml-bomb.md": _yaml_bomb(),
    b"new\nline.txt": "Title from a file with a newline in its name\n\nBody.\n",
    b"bad \xff\xfe name.txt": "Title from a file with undecodable bytes in its name\n\nBody.\n",
}

#: Cases where the outcome (refused or imported) matters less than the time it takes.
EITHER: dict[str, str] = {
    "nested.html": _html("<div>" * 5000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 5000),
}


def _write(folder: Path, name: str | bytes, content: str | bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (content, _) in REFUSED.items():
        _write(folder, name, content)
    for name, content in {**IMPORTED, **EITHER}.items():
        _write(folder, name, content)
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "loop")  # a folder loop: the walk must not follow it
    os.symlink("self-loop.txt", folder / "self-loop.txt")  # a file that links to itself
    os.symlink("missing.md", folder / "dangling.md")
    return folder


def _display(name: str | bytes) -> str:
    from tuireader.importing import _display as display

    return display(os.fsdecode(os.fsencode(name)))


@pytest.fixture(scope="module")
def imported(corpus, tmp_path_factory):
    """The corpus imported by the command line into a library that already holds a tagged, annotated story."""
    db = tmp_path_factory.mktemp("lib") / "library.db"
    library = Library.open(db)
    kept_file = tmp_path_factory.mktemp("kept") / "kept.md"
    kept_file.write_text("---\ntitle: Kept story\ntags: [keep]\n---\nA story stored before the hostile import.\n")
    article_id = import_paths(library, [kept_file]).article_ids[0]
    add_tags(library, [article_id], ["mine"])
    create_highlight(library, article_id, 2, 7, note="my note")
    before = _dump(library)
    library.close()
    result = _run_cli(["import", str(corpus), "--library", str(db)])
    library = Library.open(db)
    yield result, library, before, article_id
    library.close()


def _run_cli(argv: list[str]):
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as done:
        main(argv)
    return done.value.code, out.getvalue(), err.getvalue()


def _dump(library: Library) -> list:
    conn = library.db.conn
    return [
        conn.execute("SELECT * FROM articles ORDER BY id").fetchall(),
        conn.execute("SELECT * FROM article_tags ORDER BY article_id, tag_id").fetchall(),
        conn.execute("SELECT * FROM highlights ORDER BY id").fetchall(),
    ]


def _stored(library: Library, name: str | bytes):
    key = os.fsencode(name).decode("utf-8", "backslashreplace")
    row = library.db.execute(
        "SELECT article_id FROM article_sources WHERE source_key LIKE ? ESCAPE '!'",
        ["%/" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"],
    ).fetchone()
    assert row is not None, f"{name!r} was not imported"
    return library.article(row[0])


# -- the import as a whole -------------------------------------------------------------------


def test_every_refused_file_gets_exactly_one_line_naming_it_and_its_cause(imported, corpus):
    code, out, err = imported[0]
    assert code == 1
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines), err
    for name, (_, cause) in REFUSED.items():
        shown = _display(corpus / os.fsdecode(name))
        matching = [line for line in lines if line.startswith(f"error: {shown}: ")]
        assert len(matching) == 1, (name, matching)
        assert cause in matching[0]
    assert "Traceback" not in err and "\x1b" not in err and "\x07" not in err
    assert any("binary with newline and \\xff byte.txt: binary file" in line for line in lines)
    assert all(line.isprintable() and "\\udc" not in line for line in lines)
    assert any("self-loop.txt: cannot read file (" in line for line in lines)
    assert any("dangling.md: cannot read file (" in line for line in lines)


def test_good_files_are_imported_around_the_bad_ones(imported):
    (code, out, err), library, _, _ = imported
    nested_imported = "nested.html: " not in err
    assert out.startswith(f"imported {len(IMPORTED) + nested_imported}, updated 0, unchanged 0, skipped 0, "
                          f"failed {len(REFUSED) + (not nested_imported) + 2}")  # + the two broken links
    for name in IMPORTED:
        _stored(library, name)
    assert not (Path.cwd() / "PWNED").exists()


def test_nothing_stored_before_changes(imported):
    _, library, before, article_id = imported
    after = _dump(library)
    kept_before = [row for row in before[0] if row[0] == article_id]
    assert [row for row in after[0] if row[0] == article_id] == kept_before
    assert [r for r in after[1] if r[0] == article_id] == before[1]
    assert after[2] == before[2]
    assert library.tags_of(article_id) == ("keep", "mine")


def test_importing_the_corpus_again_changes_nothing(imported, corpus):
    (code, out, err), library, _, _ = imported
    before = _dump(library)
    again = _run_cli(["import", str(corpus), "--library", str(library.path)])
    assert again[0] == 1 and again[2] == err
    assert "imported 0, updated 0" in again[1]
    assert _dump(library) == before


def test_stored_text_holds_no_escape_control_or_invisible_character(imported):
    library = imported[1]
    for article in map(library.article, library.article_ids()):
        for value in (article.title, article.byline, article.source, article.url, *article.tags):
            assert not (set(value) & (CONTROL | INVISIBLE | {"\n"})), (article.source_path, value)
        assert not (set(article.body) & ((CONTROL - {"\n"}) | INVISIBLE)), article.source_path


def test_escapes_are_removed_and_their_visible_text_kept(imported):
    library = imported[1]
    assert _stored(library, "ansi.txt").title == "Red title"
    markdown = _stored(library, "ansi.md")
    assert (markdown.title, markdown.source, markdown.byline, markdown.tags) == ("Red markdown", "Source", "Byline", ("tagged",))
    assert "Body red" in markdown.body and "link" in markdown.body and "52;" not in markdown.body
    record = _stored(library, "ansi.json")
    assert (record.source, record.tags, record.byline) == ("Wire", ("tag",), "Name")


def test_markup_is_stored_literally(imported):
    article = _stored(imported[1], "markup.md")
    assert article.title == "[@click=app.quit]x[/]"
    assert article.source == "[bold red]Wire[/]"
    assert article.tags == ("[link=http://e.example]t[/link]",)
    assert "[@click=app.quit]q[/]" in article.body


def test_bidi_and_zero_width_characters_are_removed_but_emoji_joiners_kept(imported):
    library = imported[1]
    assert _stored(library, "bidi.txt").title == "Bidi evil titlex"
    assert "esrever" in _stored(library, "bidi.txt").body
    assert _stored(library, "cjk.txt").title == "新闻标题 🎉👨\u200d👩\u200d👧 漢字テスト 한국어"


def test_encodings_are_decoded_line_by_line_when_mixed(imported):
    library = imported[1]
    assert "caf\u00e9" in _stored(library, "invalid-utf8.txt").body
    mixed = _stored(library, "mixed-encodings.txt")
    assert mixed.title == "Judul café"
    assert "Isi été “dikutip” dari cp1252." in mixed.body and "naïve — UTF-8" in mixed.body
    assert _stored(library, "utf16.txt").title == "Judul UTF-16"
    assert "akhir." in _stored(library, "few-nuls.txt").body


def test_huge_fields_are_cut_and_huge_lines_kept(imported):
    library = imported[1]
    title = _stored(library, "long-title.txt").title
    assert len(title) == 300 and title.endswith("…")
    assert len(_stored(library, "long-line.txt").body) == 1_000_000
    assert len(_stored(library, "huge-tags.json").tags) == 100


def test_html_scripts_styles_and_iframes_are_left_out(imported):
    library = imported[1]
    page = _stored(library, "scripts.html")
    assert page.title == "Scripted page"
    for code in ("alert", "evil()", "document.write", "color: red", "iframe", "<"):
        assert code not in page.body
    many = _stored(library, "many-elements.html")
    assert not many.body.startswith("---") and "fingerprint" not in many.body
    assert "Paragraf nomor 9999" in many.body


def test_wrong_json_types_are_coerced_not_fatal(imported):
    article = _stored(imported[1], "wrong-types.json")
    assert (article.title, article.body, article.url, article.source, article.tags) == ("5", "Real text here.", "", "", ())


def test_file_names_with_newlines_and_undecodable_bytes(imported):
    library = imported[1]
    assert _stored(library, b"new\nline.txt").title.startswith("Title from a file with a newline")
    assert _stored(library, b"bad \xff\xfe name.txt").source_path.endswith("bad \\xff\\xfe name.txt")


# -- each file on its own: bounded time, the documented cause ----------------------------------


@pytest.mark.parametrize("name", [*REFUSED, *IMPORTED, *EITHER], ids=lambda n: os.fsdecode(n).encode("ascii", "backslashreplace").decode())
def test_no_file_takes_long(corpus, name):
    path = Path(os.fsdecode(os.path.join(os.fsencode(corpus), os.fsencode(name))))
    started = time.perf_counter()
    result = _prepare_or_error(path, (DEFAULT_MAX_BYTES, ()))
    assert time.perf_counter() - started < SECONDS_PER_FILE
    if name in REFUSED:
        assert isinstance(result, str) and REFUSED[name][1] in result
    elif name in IMPORTED:
        assert isinstance(result, list) and result


def test_a_json_array_of_100k_articles_reads_in_bounded_time(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"title": f"Judul {i}", "body": f"Isi {i}."} for i in range(100_000)]))
    started = time.perf_counter()
    assert len(prepare_file(path)) == 100_000
    assert time.perf_counter() - started < 4 * SECONDS_PER_FILE


def test_unsafe_yaml_runs_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    path = tmp_path / "evil.md"
    path.write_text(f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nbody\n')
    assert "invalid front matter" in _prepare_or_error(path, (DEFAULT_MAX_BYTES, ()))
    assert not marker.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading the file")
def test_unreadable_file_is_named_with_its_cause(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.\n")
    path.chmod(0)
    try:
        assert _prepare_or_error(path, (DEFAULT_MAX_BYTES, ())) == "cannot read file (Permission denied)"
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from listing the folder")
def test_unreadable_folder_is_named_and_the_rest_imported(tmp_path, library):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Readable\n\nBody.\n")
    locked = tmp_path / "ok" / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Hidden\n\nBody.\n")
    locked.chmod(0)
    try:
        report = import_paths(library, [tmp_path / "ok"])
    finally:
        locked.chmod(0o700)
    assert report.imported == 1
    assert report.errors == [f"{locked}: cannot read folder (Permission denied)"]


def test_symlink_loops_given_as_arguments(tmp_path, library):
    os.symlink("loop", tmp_path / "loop")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    report = import_paths(library, [tmp_path / "loop", tmp_path / "loop.txt"])
    assert report.errors == [f"{tmp_path / 'loop'}: broken symbolic link or link loop",
                             f"{tmp_path / 'loop.txt'}: broken symbolic link or link loop"]


# -- size limits --------------------------------------------------------------------------------


def _big_text_file(path: Path, megabytes: int) -> Path:
    # Long Indonesian words: a realistic text file, and fewer tokens per megabyte to extract.
    line = ("pemberitahuan perekonomian masyarakat pembangunan infrastruktur kepemerintahan " * 3).strip() + ".\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Berkas teks yang sangat besar\n\n")
        handle.write(line * (megabytes * 1_048_576 // len(line) + 1))
    return path


def test_a_50_mb_file_is_refused_by_default_with_a_way_out(tmp_path):
    big = _big_text_file(tmp_path / "big.txt", 50)
    code, out, err = _run_cli(["import", str(big), "--library", str(tmp_path / "l.db")])
    assert code == 1
    assert err == f"error: {big}: file is 50.0 MB, over the 20 MB limit (raise it with --max-size)\n"
    assert out.strip() == "imported 0, updated 0, unchanged 0, skipped 0, failed 1"


def test_the_config_limit_applies_and_max_size_overrides_it(tmp_path):
    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text("[import]\nmax_file_mb = 1\n")
    middling = _big_text_file(tmp_path / "two.txt", 2)
    code, _, err = _run_cli(["import", str(middling), "--library", str(tmp_path / "l.db")])
    assert code == 1 and "over the 1 MB limit (raise it with --max-size)" in err
    code, out, err = _run_cli(["import", str(middling), "--library", str(tmp_path / "l.db"), "--max-size", "3"])
    assert (code, err) == (0, "") and out.startswith("imported 1,")


def test_a_50_mb_file_imports_with_max_size_60(tmp_path, monkeypatch):
    """Reading, cleaning, storing and indexing 50 MB. Entity extraction is stubbed: it runs at 2-4 s
    per MB, which the next test measures end to end when asked to (TUIREADER_SLOW_TESTS=1)."""
    from tuireader import importing
    from tuireader.extraction import Extraction

    monkeypatch.setattr(importing, "_extract", lambda item, corrections: Extraction([], []))
    _import_50_mb(tmp_path)


@pytest.mark.skipif(not os.environ.get("TUIREADER_SLOW_TESTS"),
                    reason="takes minutes (entity extraction of 50 MB); set TUIREADER_SLOW_TESTS=1 to run it")
def test_a_50_mb_file_imports_with_max_size_60_with_extraction(tmp_path):
    _import_50_mb(tmp_path)


def _import_50_mb(tmp_path):
    big = _big_text_file(tmp_path / "big.txt", 50)
    code, out, err = _run_cli(["import", str(big), "--library", str(tmp_path / "l.db"), "--max-size", "60"])
    assert (code, err) == (0, ""), err
    assert out.startswith("imported 1,")
    library = Library.open(tmp_path / "l.db")
    try:
        article = library.article(library.article_ids()[0])
        assert article.title == "Berkas teks yang sangat besar" and len(article.body) > 50_000_000
        assert library.article_ids(query="pemberitahuan") == [article.id]  # (search() snippets: see docs/limits.md)
    finally:
        library.close()
