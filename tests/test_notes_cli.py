import csv
import io
import json

import pytest
from click.testing import CliRunner

from tuireader import cli as cli_module
from tuireader.cli import cli
from tuireader.errors import NotFound, TuireaderError
from tuireader.store.library import Library

STORY = "Banjir Padang\n\nBanjir merendam Padang. Harga beras naik.\nHarga beras naik lagi di pasar. Warga \"mengungsi\" 🌊.\n"


@pytest.fixture
def lib_path(tmp_path, write_file):
    path = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["import", str(write_file("banjir.txt", STORY)), "--library", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def run(lib_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [*args, "--library", str(lib_path)])

    return invoke


def test_tag_untag_and_tags_with_counts(run):
    assert run("tag", "1", " banjir ", "Sumatra  Barat", "BANJIR").output == "story 1: banjir, Sumatra Barat (2 added)\n"
    assert json.loads(run("tags", "--json").stdout) == [{"name": "banjir", "count": 1}, {"name": "Sumatra Barat", "count": 1}]
    assert run("tags").stdout == "     1  banjir\n     1  Sumatra Barat\n"
    assert run("untag", "1", "Banjir").stdout == "story 1: Sumatra Barat (1 removed)\n"


def test_tags_rename_merges(run):
    run("tag", "1", "ev", "EV listrik")
    result = run("tags", "rename", "ev", "ev listrik")
    assert result.exit_code == 0 and "1 story" in result.stdout
    assert json.loads(run("tags", "--json").stdout) == [{"name": "EV listrik", "count": 1}]


def test_library_option_on_the_tags_group_reaches_rename(lib_path):
    runner = CliRunner()
    runner.invoke(cli, ["tag", "1", "a", "--library", str(lib_path)])
    result = runner.invoke(cli, ["tags", "--library", str(lib_path), "rename", "a", "b"])
    assert result.exit_code == 0, result.output
    lib = Library.open(lib_path)
    assert lib.tags_of(1) == ("b",)
    lib.close()


def test_unknown_story_or_tag_exits_1(run):
    tagged = run("tag", "99", "x")
    assert tagged.exit_code == 1 and isinstance(tagged.exception, NotFound) and "99" in str(tagged.exception)
    renamed = run("tags", "rename", "nothing", "x")
    assert renamed.exit_code == 1 and isinstance(renamed.exception, NotFound)


def test_annotate_unique_quote_across_line_break_with_note_and_label(run):
    result = run("annotate", "1", "--quote", "naik. Harga", "--note", 'dua\nbaris "kutip" 🌊', "--label", "3", "--json")
    assert result.exit_code == 0, result.output
    h = json.loads(result.stdout)
    assert h["quote"] == "naik.\nHarga" and h["label"] == 3 and h["note"] == 'dua\nbaris "kutip" 🌊'
    listed = json.loads(run("notes", "1", "--json").stdout)
    assert [x["id"] for x in listed["highlights"]] == [h["id"]]


def test_annotate_ambiguous_quote_asks_for_occurrence(run):
    ambiguous = run("annotate", "1", "--quote", "Harga beras naik")
    assert ambiguous.exit_code == 1
    assert isinstance(ambiguous.exception, TuireaderError)
    assert str(ambiguous.exception) == "the quote occurs 2 times in story 1; choose one with --occurrence 1..2"
    second = run("annotate", "1", "--quote", "Harga beras naik", "--occurrence", "2", "--json")
    assert second.exit_code == 0
    assert json.loads(second.stdout)["start"] > json.loads(run("show", "1", "--json").stdout)["body"].index("Harga")
    too_far = run("annotate", "1", "--quote", "Harga beras naik", "--occurrence", "3")
    assert too_far.exit_code == 1 and "only 2 times" in str(too_far.exception)


def test_annotate_missing_quote_and_bad_label(run):
    missing = run("annotate", "1", "--quote", "tidak ada")
    assert missing.exit_code == 1 and str(missing.exception) == "the quote is not in story 1"
    assert run("annotate", "1", "--quote", "Banjir", "--label", "6").exit_code == 2  # usage error
    assert run("annotate", "7", "--quote", "x").exit_code == 1


def test_main_prints_errors_as_one_line(lib_path, capsys):
    with pytest.raises(SystemExit) as done:
        cli_module.main(["annotate", "1", "--quote", "tidak ada", "--library", str(lib_path)])
    assert done.value.code == 1
    assert capsys.readouterr().err == "tuireader: error: the quote is not in story 1\n"


def test_notes_lists_and_filters(run):
    run("tag", "1", "banjir")
    run("annotate", "1", "--quote", "Banjir merendam", "--label", "1", "--note", "pertama")
    run("annotate", "1", "--quote", "mengungsi", "--note", "Kedua")
    everything = json.loads(run("notes", "--json").stdout)
    assert [h["note"] for h in everything] == ["Kedua", "pertama"]  # newest first
    assert [h["note"] for h in json.loads(run("notes", "--json", "--search", "KEDUA").stdout)] == ["Kedua"]
    assert [h["note"] for h in json.loads(run("notes", "--json", "--label", "1").stdout)] == ["pertama"]
    assert json.loads(run("notes", "--json", "--tag", "other").stdout) == []
    text = run("notes").stdout
    assert "> Banjir merendam" in text and "label 1" in text and "Banjir Padang" in text


def test_export_json_csv_and_md(run, tmp_path):
    run("tag", "1", "banjir")
    run("annotate", "1", "--quote", "mengungsi", "--note", 'a "b"\nc, 🌊')
    document = json.loads(run("export", "--format", "json").stdout)
    assert document["format"] == "tuireader-notes" and document["stories"][0]["highlights"][0]["quote"] == "mengungsi"
    out = tmp_path / "n.csv"
    assert run("export", "--format", "csv", "-o", str(out)).exit_code == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert row["note"] == 'a "b"\nc, 🌊' and row["tags"] == "banjir"
    vault = tmp_path / "vault"
    first = run("export", "--format", "md", "-o", str(vault))
    assert first.exit_code == 0 and "created 1" in first.stdout
    assert run("export", "--format", "md", "-o", str(vault)).stdout.endswith("created 0, updated 0, unchanged 1\n")
    assert [p.name for p in vault.iterdir()] == ["Banjir Padang (1).md"]
    assert run("export", "--format", "md").exit_code == 1  # needs a folder
    assert json.loads(run("export", "--id", "1", "--tag", "none").stdout)["stories"] == []
    assert run("export", "--id", "42").exit_code == 1


def test_import_notes_into_another_library_twice(run, tmp_path, write_file):
    run("annotate", "1", "--quote", "mengungsi", "--note", "catatan")
    exported = tmp_path / "notes.json"
    run("export", "-o", str(exported))
    other = tmp_path / "other.db"
    runner = CliRunner()
    runner.invoke(cli, ["import", str(write_file("copy/banjir.txt", STORY)), "--library", str(other)])
    first = runner.invoke(cli, ["import-notes", str(exported), "--library", str(other)])
    assert first.exit_code == 0 and "highlights added 1" in first.stdout
    second = runner.invoke(cli, ["import-notes", str(exported), "--library", str(other)])
    assert "highlights added 0" in second.stdout and "already present 1" in second.stdout
    notes = json.loads(runner.invoke(cli, ["notes", "1", "--json", "--library", str(other)]).stdout)
    assert [h["note"] for h in notes["highlights"]] == ["catatan"]


def test_import_notes_refuses_other_files(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something"}', encoding="utf-8")
    result = run("import-notes", str(bad))
    assert result.exit_code == 1 and "not a tuireader notes file" in str(result.exception)
    bad.write_text("{not json", encoding="utf-8")
    assert "not JSON" in str(run("import-notes", str(bad)).exception)
