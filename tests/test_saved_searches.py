"""Saved searches: save, list with live counts, rename, delete, reorder; the searches command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import make_article
from tuireader.cli import cli
from tuireader.errors import NotFound, SearchQueryError
from tuireader.store.library import Library
from tuireader.store.saved_searches import (
    SavedSearchError,
    count_articles,
    delete_saved_search,
    get_saved_search,
    list_saved_searches,
    move_saved_search,
    rename_saved_search,
    reorder_saved_searches,
    save_search,
)


@pytest.fixture
def news(library):
    """Five stories: three on floods (one read), two on football (Indonesian)."""
    outcomes = library.store_articles([
        make_article("Banjir Jakarta", "Banjir besar melanda Jakarta.", lang="id", tags=["banjir"]),
        make_article("Banjir Bekasi", "Banjir juga di Bekasi.", lang="id", tags=["banjir"]),
        make_article("Flood in Jakarta", "A flood hit Jakarta on Monday.", lang="en", published="2025-08-01"),
        make_article("Persib menang", "Persib menang 2-0 atas Persija.", lang="id", tags=["sepak bola"]),
        make_article("Persija kalah", "Persija kalah di kandang.", lang="id", tags=["sepak bola"]),
    ])
    library.mark_read(outcomes[1].article_id)
    return library


def names(library) -> list[str]:
    return [s.name for s in list_saved_searches(library, counts=False)]


def test_save_and_list_with_live_counts(news):
    save_search(news, "Floods", "banjir OR flood")
    save_search(news, "Sepak bola", "tag:sepak_bola")
    save_search(news, "English", "lang:en")
    listed = list_saved_searches(news)
    assert [(s.name, s.query, s.total, s.unread, s.position) for s in listed] == [
        ("Floods", "banjir OR flood", 3, 2, 0),
        ("Sepak bola", "tag:sepak_bola", 2, 2, 1),
        ("English", "lang:en", 1, 1, 2),
    ]
    assert all(s.error is None and s.created_at for s in listed)
    # Counts are live: they follow the library.
    news.mark_read(news.article_ids(query="persib")[0])
    news.store_articles([make_article("Banjir Bogor", "Banjir di Bogor.", lang="id")])
    counts = {s.name: (s.total, s.unread) for s in list_saved_searches(news)}
    assert counts == {"Floods": (4, 3), "Sepak bola": (2, 1), "English": (1, 1)}


def test_counts_agree_with_article_ids(news):
    for query in ("banjir", "banjir OR flood", "-persija persib", "is:read", "lang:id is:read", '"banjir juga"'):
        save_search(news, query, query)
    for search in list_saved_searches(news):
        assert search.total == len(news.article_ids(query=search.query))
        assert search.unread == len(news.article_ids(query=search.query + " is:unread"))
    assert get_saved_search(news, "is:read").total is None  # not counted unless asked
    assert (get_saved_search(news, "is:read", counts=True).total, get_saved_search(news, "IS:READ", counts=True).unread) == (1, 0)


def test_count_articles(news):
    assert count_articles(news) == 5
    assert count_articles(news, "") == 5
    assert count_articles(news, unread_only=True) == 4
    assert count_articles(news, "banjir") == 2
    assert count_articles(news, "banjir", unread_only=True) == 1
    with pytest.raises(SearchQueryError):
        count_articles(news, '"open')


def test_listing_without_counts(news):
    save_search(news, "Floods", "banjir")
    [search] = list_saved_searches(news, counts=False)
    assert search.total is None and search.unread is None


@pytest.mark.parametrize("query", ['"unclosed', "banjir OR", "OR banjir", "-only", "after:yesterday", "is:starred", "", "   "])
def test_a_query_that_does_not_parse_is_rejected(library, query):
    with pytest.raises(SearchQueryError):
        save_search(library, "Bad", query)
    assert list_saved_searches(library) == []


def test_names_are_unique_ignoring_case_and_trimmed(library):
    saved = save_search(library, "  Banjir   Jakarta ", "banjir")
    assert saved.name == "Banjir Jakarta"
    assert get_saved_search(library, "banjir jakarta").id == saved.id
    with pytest.raises(SavedSearchError, match="already"):
        save_search(library, "BANJIR JAKARTA", "flood")
    with pytest.raises(SavedSearchError):
        save_search(library, "   ", "flood")
    with pytest.raises(SavedSearchError):
        save_search(library, "x" * 81, "flood")
    assert [(s.name, s.query) for s in list_saved_searches(library, counts=False)] == [("Banjir Jakarta", "banjir")]


def test_overwrite_replaces_the_query_and_keeps_the_place(library):
    save_search(library, "A", "alpha")
    save_search(library, "B", "beta")
    replaced = save_search(library, "a", "gamma", overwrite=True)
    assert (replaced.name, replaced.query, replaced.position) == ("A", "gamma", 0)
    assert [(s.name, s.query) for s in list_saved_searches(library, counts=False)] == [("A", "gamma"), ("B", "beta")]


def test_rename(library):
    save_search(library, "Floods", "banjir")
    save_search(library, "Football", "persib")
    renamed = rename_saved_search(library, "floods", "Banjir")
    assert renamed.name == "Banjir" and renamed.query == "banjir"
    assert names(library) == ["Banjir", "Football"]
    assert rename_saved_search(library, "banjir", "BANJIR").name == "BANJIR"  # a change of case alone
    with pytest.raises(SavedSearchError, match="already"):
        rename_saved_search(library, "BANJIR", "football")
    with pytest.raises(NotFound):
        rename_saved_search(library, "Nope", "Other")
    assert names(library) == ["BANJIR", "Football"]


def test_delete_closes_the_gap(library):
    for name in "ABCD":
        save_search(library, name, name.lower() + "x")
    delete_saved_search(library, "b")
    listed = list_saved_searches(library, counts=False)
    assert [(s.name, s.position) for s in listed] == [("A", 0), ("C", 1), ("D", 2)]
    with pytest.raises(NotFound):
        delete_saved_search(library, "B")
    save_search(library, "E", "ex")
    assert get_saved_search(library, "E").position == 3


def test_reorder(library):
    for name in "ABCD":
        save_search(library, name, name.lower() + "x")
    reordered = reorder_saved_searches(library, ["d", "B"])
    assert [(s.name, s.position) for s in reordered] == [("D", 0), ("B", 1), ("A", 2), ("C", 3)]
    assert names(library) == ["D", "B", "A", "C"]
    with pytest.raises(NotFound):
        reorder_saved_searches(library, ["A", "Nope"])
    with pytest.raises(SavedSearchError):
        reorder_saved_searches(library, ["A", "a"])
    assert names(library) == ["D", "B", "A", "C"]


def test_move(library):
    for name in "ABCD":
        save_search(library, name, name.lower() + "x")
    assert move_saved_search(library, "C", -1) == 1
    assert names(library) == ["A", "C", "B", "D"]
    assert move_saved_search(library, "A", 10) == 3
    assert names(library) == ["C", "B", "D", "A"]
    assert move_saved_search(library, "D", -99) == 0
    assert names(library) == ["D", "C", "B", "A"]
    assert [s.position for s in list_saved_searches(library, counts=False)] == [0, 1, 2, 3]


def test_saved_searches_survive_reopening(tmp_path):
    path = tmp_path / "lib.db"
    library = Library.open(path)
    save_search(library, "Floods", "banjir")
    library.close()
    library = Library.open(path)
    assert get_saved_search(library, "floods").query == "banjir"
    library.close()


def test_a_stored_query_that_no_longer_parses_is_listed_with_an_error(library):
    save_search(library, "Good", "banjir")
    library.db.execute(
        "INSERT INTO saved_searches (name, query, position, created_at) VALUES ('Old', '\"broken', 5, 'x')"
    )
    listed = list_saved_searches(library)
    assert [s.name for s in listed] == ["Good", "Old"]
    assert listed[1].total is None and listed[1].unread is None and "quote" in listed[1].error


# -- the command ------------------------------------------------------------------------------


@pytest.fixture
def run(news):
    path = str(news.path)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--library", path, *args], catch_exceptions=False)

    return invoke


def test_searches_command_json(run):
    assert json.loads(run("searches", "--json").stdout) == []
    assert run("searches", "save", "Floods", "banjir OR flood").exit_code == 0
    saved = run("searches", "save", "Bola", "tag:sepak_bola")
    assert saved.exit_code == 0 and "2 articles" in saved.stdout
    data = json.loads(run("searches", "--json").stdout)
    assert data == [
        {"name": "Floods", "query": "banjir OR flood", "total": 3, "unread": 2, "position": 0},
        {"name": "Bola", "query": "tag:sepak_bola", "total": 2, "unread": 2, "position": 1},
    ]


def test_searches_command_text_rename_move_delete(run):
    run("searches", "save", "Floods", "banjir OR flood")
    run("searches", "save", "Bola", "tag:sepak_bola")
    listing = run("searches").stdout.splitlines()
    assert listing[0].split()[:3] == ["Floods", "3", "2"] and listing[0].endswith("banjir OR flood")
    assert run("searches", "rename", "bola", "Sepak bola").exit_code == 0
    assert run("searches", "move", "Sepak bola", "--", "-1").exit_code == 0
    assert [d["name"] for d in json.loads(run("searches", "--json").stdout)] == ["Sepak bola", "Floods"]
    deleted = run("searches", "delete", "floods")
    assert deleted.exit_code == 0
    assert [d["name"] for d in json.loads(run("searches", "--json").stdout)] == ["Sepak bola"]


def test_searches_command_library_on_the_subcommand(news, tmp_path):
    runner = CliRunner()
    other = tmp_path / "other.db"
    result = runner.invoke(cli, ["searches", "save", "X", "banjir", "--library", str(other)])
    assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(cli, ["searches", "--json", "--library", str(other)]).stdout)[0]["name"] == "X"
    assert list_saved_searches(news) == []


def test_searches_command_errors_change_nothing(run):
    run("searches", "save", "Floods", "banjir")
    for args, message in (
        (["searches", "save", "Bad", '"open'], "unclosed quote"),
        (["searches", "save", "floods", "flood"], "already"),
        (["searches", "delete", "Nope"], "no saved search called 'Nope'"),
    ):
        with pytest.raises(Exception) as raised:
            run(*args)
        assert message in str(raised.value)
    assert [d["name"] for d in json.loads(run("searches", "--json").stdout)] == ["Floods"]


def test_searches_command_through_main_exits_1_with_a_message(news, capsys):
    from tuireader.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["--library", str(news.path), "searches", "save", "Bad", "banjir OR"])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("tuireader: error: ") and "OR" in err and "Traceback" not in err
