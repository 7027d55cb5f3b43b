import pytest

from tests.conftest import make_article
from tuireader.errors import NotFound, TuireaderError
from tuireader.store import notes


@pytest.fixture
def ids(library):
    outcomes = library.store_articles([
        make_article("Banjir Padang", "Air naik.", source_key="a"),
        make_article("Harga beras", "Harga naik.", source_key="b"),
        make_article("Pemilu", "Suara dihitung.", source_key="c"),
    ])
    return [o.article_id for o in outcomes]


def counts(library):
    return {t.name: t.count for t in notes.tag_counts(library)}


def test_add_tags_trims_collapses_and_ignores_case(library, ids):
    added = notes.add_tags(library, ids[:2], ["  banjir   bandang ", "BANJIR bandang", "", "Sumatra"])
    assert added == 4
    assert counts(library) == {"banjir bandang": 2, "Sumatra": 2}
    assert notes.add_tags(library, [ids[0]], ["Banjir Bandang"]) == 0  # same tag, already there
    assert notes.tags_of(library, ids[0]) == ("banjir bandang", "Sumatra")


def test_non_latin_tags_are_one_tag_whatever_the_case(library, ids):
    notes.add_tags(library, [ids[0]], ["Ümraniye", "تحليل", "경제"])
    notes.add_tags(library, [ids[1]], ["ümraniye", "ÜMRANIYE"])
    assert counts(library) == {"Ümraniye": 2, "تحليل": 1, "경제": 1}


def test_remove_tags_and_unused_tags_disappear(library, ids):
    notes.add_tags(library, ids, ["ekonomi", "pilihan"])
    assert notes.remove_tags(library, ids[:2], ["EKONOMI"]) == 2
    assert notes.remove_tags(library, [ids[2]], ["pilihan", "no such tag"]) == 1
    assert counts(library) == {"ekonomi": 1, "pilihan": 2}
    notes.remove_tags(library, [ids[2]], ["ekonomi"])
    assert "ekonomi" not in counts(library)
    assert library.db.execute("SELECT count(*) FROM tags WHERE name = 'ekonomi'").fetchone()[0] == 0


def test_unknown_article_is_not_found_and_changes_nothing(library, ids):
    with pytest.raises(NotFound, match="404"):
        notes.add_tags(library, [ids[0], 404], ["x"])
    assert counts(library) == {}


def test_rename_tag_and_case_only_rename(library, ids):
    notes.add_tags(library, ids[:2], ["ev"])
    assert notes.rename_tag(library, "EV", "EV") == 2
    assert counts(library) == {"EV": 2}
    assert notes.rename_tag(library, "ev", "kendaraan listrik") == 2
    assert counts(library) == {"kendaraan listrik": 2}


def test_rename_into_existing_tag_merges(library, ids):
    notes.add_tags(library, ids[:2], ["banjir"])
    notes.add_tags(library, ids[1:], ["Bencana"])
    assert notes.rename_tag(library, "banjir", "bencana") == 3
    assert counts(library) == {"Bencana": 3}


def test_rename_errors(library, ids):
    with pytest.raises(NotFound):
        notes.rename_tag(library, "nothing", "x")
    notes.add_tags(library, ids[:1], ["a"])
    with pytest.raises(TuireaderError, match="empty"):
        notes.rename_tag(library, "a", "   ")


def test_imported_tags_use_the_same_rules(library):
    [out] = library.store_articles([make_article("T", "B", tags=["  Banjir  Bandang", "banjir bandang", "Ümraniye"])])
    library.store_articles([make_article("U", "C", tags=["ümraniye"])])
    assert library.tags_of(out.article_id) == ("Banjir Bandang", "Ümraniye")
    assert counts(library)["Ümraniye"] == 2


def test_tags_work_with_the_search_filter(library, ids):
    notes.add_tags(library, [ids[2]], ["Pemilu"])
    assert library.article_ids(query="tag:pemilu") == [ids[2]]


def test_escape_sequences_never_reach_a_tag_or_a_note(library):
    from tests.conftest import make_article
    from tuireader.store import notes

    [out] = library.store_articles([make_article()])
    notes.add_tags(library, [out.article_id], ["\x1b]52;c;cHduZWQ=\x07gaza\x1b[31m"])
    highlight = notes.create_highlight(library, out.article_id, 0, 4, note="line one\n\x1b[2Jline two")
    assert library.tags_of(out.article_id) == ("gaza",)
    assert notes.highlight(library, highlight.id).note == "line one\nline two"
