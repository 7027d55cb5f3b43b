import sqlite3

import pytest

from tuireader.errors import LibraryError, NotFound, SearchQueryError
from tuireader.store.library import IMPORTED, UNCHANGED, UPDATED, Library
from tests.conftest import make_article


def test_open_sets_wal_foreign_keys_and_busy_timeout(library):
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000



def test_opening_a_new_library_waits_while_another_program_turns_it_to_wal(tmp_path, monkeypatch):
    # Two importers opening one new library both switch it to WAL; SQLite tells the loser
    # "locked" at once (deadlock avoidance, no busy handler), so opening must wait and retry.
    from sqlite_utils import Database

    refusals = []
    execute = Database.execute

    def contended(self, sql, *args, **kwargs):
        if sql.startswith("PRAGMA journal_mode = WAL") and len(refusals) < 3:
            refusals.append(sql)
            raise sqlite3.OperationalError("database is locked")
        return execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", contended)
    library = Library.open(tmp_path / "new.db")
    try:
        assert len(refusals) == 3
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        library.close()


def test_schema_is_migrated_and_recorded(library):
    tables = set(library.db.table_names())
    assert {"articles", "article_sources", "tags", "article_tags", "articles_fts"} <= tables
    applied = [r[0] for r in library.db.execute("SELECT name FROM _sqlite_migrations")]
    assert applied and applied[0].startswith("m001")


def test_reopening_applies_nothing_twice(tmp_path):
    Library.open(tmp_path / "l.db").close()
    again = Library.open(tmp_path / "l.db")
    names = [r[0] for r in again.db.execute("SELECT name FROM _sqlite_migrations")]
    assert len(names) == len(set(names))


def test_newer_schema_is_refused_without_changes(tmp_path):
    path = tmp_path / "l.db"
    lib = Library.open(path)
    lib.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tuireader', 'm999_future', 'x')"
    )
    lib.db.conn.commit()
    lib.close()
    with pytest.raises(LibraryError, match="newer tuireader"):
        Library.open(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError, match="junk.db"):
        Library.open(path)


def test_store_inserts_then_reports_unchanged(library):
    first = library.store_articles([make_article("Banjir", "Air naik.")])
    again = library.store_articles([make_article("Banjir", "Air naik.")])
    assert first[0].status == IMPORTED
    assert again[0] == type(again[0])(UNCHANGED, first[0].article_id)
    assert library.article_count() == 1


def test_changed_file_updates_the_same_article(library):
    [first] = library.store_articles([make_article("Banjir", "Air naik.", source_key="a.txt")])
    [second] = library.store_articles([make_article("Banjir", "Air naik lagi.", source_key="a.txt")])
    assert second.status == UPDATED and second.article_id == first.article_id
    assert library.article(first.article_id).body == "Air naik lagi."


def test_identical_content_under_two_paths_is_one_article(library):
    library.store_articles([make_article("Sama", "Isi sama.", source_key="a.txt")])
    [second] = library.store_articles([make_article("Sama", "Isi sama.", source_key="b/a.txt")])
    assert second.status == UNCHANGED
    assert library.article_count() == 1


def test_article_not_found(library):
    with pytest.raises(NotFound):
        library.article(404)


def test_read_state_and_position_are_remembered(library):
    [out] = library.store_articles([make_article()])
    library.mark_read(out.article_id)
    library.save_position(out.article_id, 120)
    article = library.article(out.article_id)
    assert article.is_read and article.position == 120


def test_sorting_by_date_and_title(library):
    library.store_articles([
        make_article("Beta", "b", published="2025-08-10"),
        make_article("alpha", "a", published="2025-08-12"),
        make_article("Gamma", "c", published=None),
    ])
    by_date = [library.article(i).title for i in library.article_ids("date")]
    by_title = [library.article(i).title for i in library.article_ids("title")]
    assert by_date == ["alpha", "Beta", "Gamma"]
    assert by_title == ["alpha", "Beta", "Gamma"][::1] and by_title[0] == "alpha"


def test_search_folds_diacritics_and_matches_prefixes(library):
    library.store_articles([make_article("Café talks", "Negotiators met in Kairo on Tuesday.")])
    assert [h.title for h in library.search("cafe")] == ["Café talks"]
    assert [h.title for h in library.search("negoti")] == ["Café talks"]


def test_search_ranks_title_matches_first(library):
    library.store_articles([
        make_article("Other story", "A flood report mentions banjir twice: banjir."),
        make_article("Banjir bandang", "Water rose."),
    ])
    assert library.search("banjir")[0].title == "Banjir bandang"


def test_search_snippet_marks_matches(library):
    library.store_articles([make_article("T", "Pengungsi mencapai 61.700 orang di Padang.")])
    [hit] = library.search("padang")
    assert "\x02Padang\x03" in hit.snippet


def test_fts_stays_in_sync_on_update_and_delete(library):
    [out] = library.store_articles([make_article("Old", "alpha words", source_key="x")])
    library.store_articles([make_article("New", "beta words", source_key="x")])
    assert library.search("alpha") == []
    assert [h.id for h in library.search("beta")] == [out.article_id]
    library.delete_article(out.article_id)
    assert library.search("beta") == []
    assert library.db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')") is not None


@pytest.mark.parametrize("query", ['"lone', "AND OR", "kairo OR"])
def test_bad_queries_raise_search_errors(library, query):
    with pytest.raises(SearchQueryError):
        library.search(query)


def test_fts_operators_typed_as_words_are_just_words(library):
    library.store_articles([make_article("NEAR and AND", "words NOT here")])
    assert len(library.search("NEAR AND NOT")) == 1


def test_filters_select_by_language_tag_date_and_read_state(library):
    outs = library.store_articles([
        make_article("Satu", "x", lang="id", published="2025-08-01", tags=["Gaza"]),
        make_article("Two", "y", lang="en", published="2025-09-01"),
    ])
    library.mark_read(outs[1].article_id)
    assert len(library.article_ids(query="lang:id")) == 1
    assert library.article_ids(query="tag:gaza") == [outs[0].article_id]
    assert library.article_ids(query="after:2025-08-15") == [outs[1].article_id]
    assert library.article_ids(query="is:unread") == [outs[0].article_id]


def test_tags_are_case_insensitive(library):
    [out] = library.store_articles([make_article(tags=["Gaza", "gaza", " Politik "])])
    assert library.tags_of(out.article_id) == ("Gaza", "Politik")


def test_deleting_an_article_cascades_to_its_tags(library):
    [out] = library.store_articles([make_article(tags=["a"])])
    library.delete_article(out.article_id)
    assert library.db.execute("SELECT count(*) FROM article_tags").fetchone()[0] == 0


def _with_entities(library, title, mentions):
    from tuireader.entities.mention import EntityMention
    from tuireader.extraction import Extraction

    body = " ".join(text for text, _label, _canonical in mentions)
    [out] = library.store_articles([make_article(title, body)])
    spans, at = [], 0
    for text, label, canonical in mentions:
        spans.append(EntityMention(at, at + len(text), label, text, canonical))
        at += len(text) + 1
    library.save_extraction(out.article_id, Extraction(spans, []), "test")
    return out.article_id


def test_entity_filters_match_canonical_names_aliases_and_the_alias_table(library):
    cairo = _with_entities(library, "Di Kairo", [("Kairo", "LOCATION", "Cairo"), ("Al Hayya", "PERSON", "Khalil Al Hayya")])
    other = _with_entities(library, "Elsewhere", [("Doha", "LOCATION", "Doha")])
    assert library.article_ids(query="place:Cairo") == [cairo]
    assert library.article_ids(query="place:kairo") == [cairo]
    assert library.article_ids(query="person:Khalil_Al_Hayya") == [cairo]  # _ stands for a space
    assert library.article_ids(query="person:al_hayya") == [cairo]  # an alias seen in the story
    assert library.article_ids(query="place:Doha") == [other]
    assert library.article_ids(query="org:Cairo") == []


def test_a_company_short_name_in_another_story_is_the_company(library):
    first = _with_entities(library, "Deal", [("PT Arunika Daya Mobilitas Tbk", "ORG", "PT Arunika Daya Mobilitas Tbk")])
    later = _with_entities(library, "Launch", [("Arunika", "PERSON", "Arunika"), ("Bambang", "PERSON", "Bambang")])
    _with_entities(library, "Budget", [("Arunika Putri", "PERSON", "Arunika Putri")])
    third = _with_entities(library, "Again", [("Arunika", "PERSON", "Arunika")])  # now also a person's first name
    entity = {m.text: (m.label, m.entity_id) for m in library.mentions_of(later)}
    [(label, company)] = {(m.label, m.entity_id) for m in library.mentions_of(first)}
    assert entity["Arunika"] == ("ORG", company)
    assert entity["Bambang"][0] == "PERSON"
    assert [m.label for m in library.mentions_of(third)] == ["PERSON"]


def test_a_short_name_of_two_companies_is_the_one_named_in_more_stories(library):
    for title in ("Deal", "Results"):
        _with_entities(library, title, [("PT Seorim Daya Tbk", "ORG", "PT Seorim Daya Tbk")])
    _with_entities(library, "Venture", [("PT Seorim Battery", "ORG", "PT Seorim Battery")])
    later = _with_entities(library, "Launch", [("Seorim", "PERSON", "Seorim")])
    [mention] = library.mentions_of(later)
    assert (mention.label, mention.canonical) == ("ORG", "PT Seorim Daya Tbk")


def test_is_annotated_selects_stories_with_highlights_or_notes(library):
    from tuireader.store import notes

    first, second = (o.article_id for o in library.store_articles([make_article("A", "one two"), make_article("B", "x")]))
    notes.create_highlight(library, first, 0, 3)
    assert library.article_ids(query="is:annotated") == [first]


def test_tag_filter_folds_case_in_any_script_and_takes_spaces(library):
    [out] = library.store_articles([make_article(tags=["Ümraniye Baru"])])
    assert library.article_ids(query='tag:"ümraniye baru"') == [out.article_id]
    assert library.article_ids(query="tag:nothing") == []
