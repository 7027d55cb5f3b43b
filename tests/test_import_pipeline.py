"""The import pipeline and the import command: idempotence, updates in place, errors, the summary."""

from __future__ import annotations

from click.testing import CliRunner

from tuireader.cli import cli
from tuireader.importing import import_paths
from tuireader.opening import open_library
from tuireader import paths


def story(n: int, extra: str = "") -> str:
    return f"---\ntitle: Cerita {n}\ndate: 2025-08-{n % 28 + 1:02d}\nlang: id\n---\nPresiden Joko Santoso berpidato di Jakarta pada hari ke-{n}.{extra}\n"


def test_import_counts_and_importing_again_changes_nothing(library, write_file):
    folder = write_file("a/1.md", story(1)).parent
    write_file("a/sub/2.md", story(2))
    write_file("a/notes.docx", "skip me")
    first = import_paths(library, [folder])
    again = import_paths(library, [folder])
    assert (first.imported, first.skipped, first.failed) == (2, 1, 0)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    assert library.article_count() == 2


def test_a_changed_file_updates_the_same_article(library, write_file):
    path = write_file("1.md", story(1))
    import_paths(library, [path])
    [article_id] = library.article_ids()
    path.write_text(story(1, " Tambahan."), encoding="utf-8")
    report = import_paths(library, [path])
    assert report.updated == 1 and library.article_ids() == [article_id]
    assert "Tambahan" in library.article(article_id).body


def test_identical_content_under_two_paths_is_one_article(library, write_file):
    write_file("x/1.md", story(1))
    write_file("y/copy.md", story(1))
    report = import_paths(library, [write_file("x/1.md", story(1)).parent.parent])
    assert report.imported == 1 and report.unchanged == 1


def test_noise_lines_escapes_and_language_are_handled_at_import(library, write_file):
    text = "Judul \x1b[31mmerah\x1b[0m\n\nParagraf pertama yang cukup panjang dan berbahasa Indonesia.\n\nADVERTISEMENT\n\nBaca juga: Berita lain\n\nAkhir cerita ini."
    import_paths(library, [write_file("n.txt", text)])
    article = library.article(library.article_ids()[0])
    assert article.title == "Judul merah"
    assert "ADVERTISEMENT" not in article.body and "Baca juga" not in article.body
    assert article.lang == "id"


def test_bad_files_are_reported_and_the_rest_is_imported(library, write_file):
    write_file("in/good.md", story(1))
    write_file("in/empty.txt", "")
    report = import_paths(library, [write_file("in/bad.jsonl", "{oops").parent])
    assert report.imported == 1 and report.failed == 2
    assert any("empty.txt: file is empty" in e for e in report.errors)
    assert any("bad.jsonl: invalid JSON" in e for e in report.errors)


def test_parallel_import_matches_a_serial_one(tmp_path, write_file):
    from tuireader.store.library import Library

    for n in range(60):
        write_file(f"many/{n:03d}.md", story(n))
    folder = tmp_path / "in" / "many"
    serial, parallel = Library.open(tmp_path / "s.db"), Library.open(tmp_path / "p.db")
    import_paths(serial, [folder], workers=1)
    report = import_paths(parallel, [folder], workers=2)
    assert report.imported == 60
    titles = lambda lib: sorted(lib.article(i).title for i in lib.article_ids())  # noqa: E731
    assert titles(serial) == titles(parallel)
    mentions = lambda lib: sorted((m.text, m.label) for i in lib.article_ids() for m in lib.mentions_of(i))  # noqa: E731
    assert mentions(serial) == mentions(parallel) and mentions(serial)
    serial.close()
    parallel.close()


def test_import_command_prints_errors_and_summary_and_exits_1_on_failure(tmp_path, write_file):
    write_file("in/good.md", story(1))
    write_file("in/broken.json", "[{")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "in"), "--library", str(tmp_path / "l.db")])
    assert result.exit_code == 1
    assert "broken.json: invalid JSON" in result.output
    assert "imported 1, updated 0, unchanged 0, skipped 0, failed 1" in result.output


def test_the_first_start_of_the_default_library_imports_the_samples():
    library = open_library()
    try:
        assert library.path == paths.default_library_path()
        assert library.article_count() >= 40
        langs = [library.article(i).lang for i in library.article_ids()]
        assert langs.count("id") >= 20 and langs.count("en") >= 15
    finally:
        library.close()


def test_an_explicit_empty_library_is_not_seeded(tmp_path):
    library = open_library(tmp_path / "mine.db")
    assert library.article_count() == 0
    library.close()


def test_month_and_weekday_names_are_never_entities():
    from tuireader.extraction import is_calendar_word

    assert is_calendar_word("Dec.") and is_calendar_word("Senin") and is_calendar_word("August")
    assert not is_calendar_word("Jakarta")
