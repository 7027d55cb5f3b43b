"""Related stories, story threads and entity pages, on small hand-made libraries."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import make_article
from tuireader import related as scoring
from tuireader.cli import cli
from tuireader.entities.mention import EntityMention
from tuireader.errors import NotFound
from tuireader.extraction import Extraction
from tuireader.figures.figure import Figure
from tuireader.store import related_index
from tuireader.store.related_index import entity_page, index_articles, list_entities, related, thread


def add(library, title, body, entities=(), figures=(), **fields):
    """Store an article with entities given as (surface, label, canonical) found in the body; index it."""
    fields.setdefault("published", "2025-08-10")
    (outcome,) = library.store_articles([make_article(title, body, source_key=f"/t/{title}.txt", **fields)])
    mentions = []
    for surface, label, canonical in entities:
        start = 0
        while (start := body.find(surface, start)) >= 0:
            mentions.append(EntityMention(start, start + len(surface), label, surface, canonical))
            start += len(surface)
    mentions.sort(key=lambda m: m.start)
    library.save_extraction(outcome.article_id, Extraction(mentions, list(figures)), "test")
    index_articles(library, [outcome.article_id])
    return outcome.article_id


def filler(library, n, entities=(("Indonesia", "LOCATION", "Indonesia"),), start=0):
    """Unrelated stories (their own words) that all name the common entities."""
    for i in range(n):
        add(library, f"Filler story {start + i}", f"Indonesia reported figures on topic{start + i} and matter{start + i} "
            f"while officials discussed item{start + i}.", entities)


def ids(stories):
    return [s.id for s in stories]


# -- scoring, pure --------------------------------------------------------------------------


def test_tokens_drop_stop_words_numbers_and_keep_years():
    assert scoring.tokens("Yang the Gencatan senjata 2026 di 61.700 Talks") == ["gencatan", "senjata", "2026", "talk"]


def test_time_factor_falls_with_distance_and_stays_above_the_floor():
    assert scoring.time_factor(0) == 1.0
    assert scoring.time_factor(2) > scoring.time_factor(30) > scoring.time_factor(365) >= scoring.TIME_FLOOR
    assert scoring.time_factor(-5) == scoring.time_factor(5)
    assert scoring.time_factor(None) == scoring.UNDATED_TIME_FACTOR


def test_reasons_read_like_a_sentence():
    assert scoring.reasons(["Hamas", "Khalil Al Hayya", "Cairo", "Qatar"], 2, ["gencatan", "senjata"]) == (
        "shares Hamas, Khalil Al Hayya, Cairo", "2 days later", "words: gencatan, senjata")
    assert scoring.describe_time(-1) == "1 day earlier"


# -- related stories ----------------------------------------------------------------------


def test_a_shared_rare_entity_beats_a_shared_common_one(library):
    filler(library, 12, entities=(("Indonesia", "LOCATION", "Indonesia"), ("Jakarta", "LOCATION", "Jakarta")))
    query = add(library, "Minister visits port", "Indonesia and Jakarta officials met Khalil Al Hayya at the port.",
                [("Indonesia", "LOCATION", "Indonesia"), ("Jakarta", "LOCATION", "Jakarta"),
                 ("Khalil Al Hayya", "PERSON", "Khalil Al Hayya")])
    rare = add(library, "Delegation arrives", "A delegation led by Khalil Al Hayya arrived on Sunday evening.",
               [("Khalil Al Hayya", "PERSON", "Khalil Al Hayya")])
    common = add(library, "Weather report", "Indonesia and Jakarta expect rain on Sunday evening.",
                 [("Indonesia", "LOCATION", "Indonesia"), ("Jakarta", "LOCATION", "Jakarta")])
    found = related(library, query, k=3)
    assert found[0].id == rare
    assert ids(found).index(rare) < ids(found).index(common) if common in ids(found) else True
    assert "Khalil Al Hayya" in found[0].reasons[0]



def test_a_correction_refreshes_the_related_index(library):
    from tuireader.corrections import correct
    from tuireader.extraction import REJECT

    filler(library, 6)
    query = add(library, "Harbour talks", "A delegation met Khalil Al Hayya at the harbour to discuss the ceasefire.",
                [("Khalil Al Hayya", "PERSON", "Khalil Al Hayya")])
    other = add(library, "Delegation arrives", "A delegation led by Khalil Al Hayya arrived to discuss the ceasefire.",
                [("Khalil Al Hayya", "PERSON", "Khalil Al Hayya")])
    assert "Khalil Al Hayya" in related(library, query, k=1)[0].reasons[0]

    correct(library, "Khalil Al Hayya", REJECT)

    found = related(library, query, k=1)
    assert ids(found) == [other]  # still related through its words
    assert all("Khalil Al Hayya" not in reason for reason in found[0].reasons)
    stored = library.db.conn.execute("SELECT entities FROM related_docs WHERE article_id = ?", [query]).fetchone()[0]
    assert stored == ""

def test_closer_in_time_ranks_higher_when_all_else_is_equal(library):
    filler(library, 5)
    query = add(library, "Strike at the docks", "Dockworkers at Rotterdam walked out over pay.",
                [("Rotterdam", "LOCATION", "Rotterdam")], published="2025-10-06")
    near = add(library, "Strike spreads", "Dockworkers at Rotterdam walked out over pay again.",
               [("Rotterdam", "LOCATION", "Rotterdam")], published="2025-10-08")
    far = add(library, "Strike spreads again", "Dockworkers at Rotterdam walked out over pay again.",
              [("Rotterdam", "LOCATION", "Rotterdam")], published="2026-06-08")
    found = related(library, query, k=2)
    assert ids(found) == [near, far]
    assert found[0].score > found[1].score
    assert "2 days later" in found[0].reasons


def test_cross_language_stories_meet_through_canonical_entities(library):
    filler(library, 8)
    hamas = ("Hamas", "ORG", "Hamas")
    indonesian = add(library, "Delegasi tiba di Kairo",
                     "Delegasi Hamas tiba di Kairo untuk perundingan gencatan senjata.",
                     [hamas, ("Kairo", "LOCATION", "Cairo")], lang="id", published="2025-08-10")
    english = add(library, "Talks resume in Cairo", "Hamas negotiators resumed ceasefire talks in Cairo.",
                  [hamas, ("Cairo", "LOCATION", "Cairo")], lang="en", published="2025-08-11")
    other = add(library, "Other news from Indonesia", "Indonesia opened a new ceasefire monitoring office today.",
                [("Indonesia", "LOCATION", "Indonesia")], lang="en", published="2025-08-11")
    found = related(library, indonesian, k=2)
    assert found[0].id == english
    assert "Cairo" in found[0].reasons[0] and "Hamas" in found[0].reasons[0]
    assert ids(related(library, english, k=1)) == [indonesian]
    assert other not in ids(found[:1])


def test_a_story_is_never_related_to_itself_and_unknown_ids_fail(library):
    a = add(library, "One", "Alpha beta gamma delta story words.")
    add(library, "Two", "Alpha beta gamma delta story words too.")
    assert a not in ids(related(library, a))
    with pytest.raises(NotFound):
        related(library, 999)


def test_indexing_is_incremental(library, monkeypatch):
    monkeypatch.setattr(related_index, "AUTO_REBUILD_MAX", 0)  # as in a big library: never re-based
    filler(library, 6)
    first = add(library, "Flood in Painan", "Flash floods hit Painan overnight, forcing evacuations.",
                [("Painan", "LOCATION", "Painan")])
    assert related(library, first, k=1) == [] or related(library, first, k=1)[0].id != first
    # Adding a story indexes that story only: no rebuild, the others' rows untouched.
    monkeypatch.setattr(related_index, "rebuild", lambda *a, **k: pytest.fail("full rebuild"))
    before = dict(library.db.conn.execute("SELECT article_id, terms FROM related_docs"))
    second = add(library, "Painan floods recede", "Floods in Painan recede as evacuations end.",
                 [("Painan", "LOCATION", "Painan")])
    after = dict(library.db.conn.execute("SELECT article_id, terms FROM related_docs"))
    assert set(after) == set(before) | {second}
    assert all(after[i] == before[i] for i in before)
    assert related(library, first, k=1)[0].id == second


def test_articles_stored_before_the_index_existed_are_indexed_lazily(library):
    stored = library.store_articles(
        [make_article(f"Filler {i}", f"Markets moved on item{i} and topic{i}.") for i in range(6)]
        + [make_article("Old story", "Volcano erupts near Sinabung village.", published="2025-01-01"),
           make_article("Old twin", "Sinabung volcano erupts again, village evacuated.", published="2025-01-02")]
    )
    old, twin = stored[-2].article_id, stored[-1].article_id
    assert related_index.indexed_count(library) == 0  # stored without the index, as before it existed
    assert ids(related(library, old, k=1)) == [twin]
    assert related_index.indexed_count(library) == 8


def test_an_updated_article_is_reindexed(library):
    filler(library, 6)
    volcano = add(library, "Sinabung erupts", "Mount Sinabung erupts, villages evacuated.")
    story = add(library, "Market news", "Rice prices rose at the market this week.")
    assert volcano not in ids(related(library, story, k=1))
    (outcome,) = library.store_articles([make_article("Market news", "Sinabung erupts again, villages evacuated.",
                                                      source_key="/t/Market news.txt", published="2025-08-10")])
    assert outcome.status == "updated"
    index_articles(library, [story])
    assert ids(related(library, story, k=1)) == [volcano]
    assert related_index.indexed_count(library) == 8


def test_importing_indexes_new_articles(library, write_file):
    from tuireader.importing import import_paths

    a = write_file("2025-08-10-kairo.txt", "Delegasi Hamas tiba di Kairo\n\nKairo, Minggu (10/8/2025) — Delegasi Hamas "
                   "tiba di Kairo, Mesir, untuk membuka kembali perundingan gencatan senjata di Jalur Gaza.")
    b = write_file("2025-08-11-cairo.txt", "Hamas delegation in Cairo as truce talks resume\n\nCAIRO, Aug. 11, 2025 — "
                   "A Hamas delegation met Egyptian mediators in Cairo on Monday as Gaza ceasefire talks resumed.")
    c = write_file("2025-03-03-banjir.txt", "Banjir bandang di Painan\n\nPainan, Senin (3/3/2025) — Banjir bandang "
                   "merendam ribuan rumah di Pesisir Selatan, Sumatera Barat.")
    report = import_paths(library, [a.parent])
    assert related_index.indexed_count(library) == report.imported == 3
    by_title = {library.article(i).title: i for i in report.article_ids}
    kairo = by_title["Delegasi Hamas tiba di Kairo"]
    found = related(library, kairo, k=2)
    assert found[0].id == by_title["Hamas delegation in Cairo as truce talks resume"]


# -- threads ----------------------------------------------------------------------------------


def test_thread_is_the_chain_of_a_story_ordered_by_date(library):
    filler(library, 10)
    rotterdam = ("Rotterdam", "LOCATION", "Rotterdam")
    union = ("FNV Havens", "ORG", "FNV Havens")
    chain = [
        add(library, f"Rotterdam strike day {d}", f"FNV Havens dockworkers in Rotterdam strike over pay, day {d} of walkout.",
            [rotterdam, union], published=f"2025-10-{d:02d}")
        for d in (9, 6, 7)
    ]
    stories = thread(library, chain[0])
    assert ids(stories) == [chain[1], chain[2], chain[0]]
    assert [s.published for s in stories] == ["2025-10-06", "2025-10-07", "2025-10-09"]
    assert not any(i in ids(stories) for i in range(1, 11))


# -- entities ---------------------------------------------------------------------------------


def test_entity_page_collects_stories_aliases_co_mentions_and_figures(library):
    body1 = "Khalil Al Hayya tiba di Kairo. Al Hayya menyebut 1.200 tahanan harus dibebaskan. Cuaca cerah, 30 derajat."
    body2 = "Khalil Al Hayya met mediators in Cairo on Monday."
    first = add(library, "Tiba", body1, [("Khalil Al Hayya", "PERSON", "Khalil Al Hayya"), ("Kairo", "LOCATION", "Cairo")],
                figures=[Figure(body1.index("1.200 tahanan"), body1.index("1.200 tahanan") + 13, "1.200 tahanan", "COUNT", 1200, "tahanan"),
                         Figure(body1.index("30 derajat"), body1.index("30 derajat") + 10, "30 derajat", "COUNT", 30, "derajat")],
                published="2025-08-10")
    # The alias "Al Hayya" is a mention of the same canonical entity.
    assert body1[24:29] == "Kairo" and body1[31:39] == "Al Hayya"
    library.save_extraction(first, Extraction(
        [EntityMention(0, 15, "PERSON", "Khalil Al Hayya", "Khalil Al Hayya"),
         EntityMention(24, 29, "LOCATION", "Kairo", "Cairo"),
         EntityMention(31, 39, "PERSON", "Al Hayya", "Khalil Al Hayya")],
        library.figures_of(first)), "test")
    second = add(library, "Met", body2, [("Khalil Al Hayya", "PERSON", "Khalil Al Hayya"), ("Cairo", "LOCATION", "Cairo")],
                 published="2025-08-12")
    page = entity_page(library, "al hayya")
    assert page.name == "Khalil Al Hayya" and page.label == "PERSON"
    assert set(page.aliases) == {"Khalil Al Hayya", "Al Hayya"}
    assert page.story_count == 2 and page.mention_count == 3
    assert ids(page.timeline) == [second, first]  # newest first
    assert page.timeline[1].sentence == "Khalil Al Hayya tiba di Kairo."
    assert [(c.name, c.stories) for c in page.co_mentioned] == [("Cairo", 2)]
    assert [f.text for f in page.figures] == ["1.200 tahanan"]  # same sentence as "Al Hayya"; "30 derajat" is not
    assert entity_page(library, page.id).name == page.name
    assert entity_page(library, "Kairo").name == "Cairo"  # any alias seen
    with pytest.raises(NotFound):
        entity_page(library, "Nobody At All")


def test_list_entities_filters_and_sorts(library):
    add(library, "A", "Hamas and Qatar in Doha.", [("Hamas", "ORG", "Hamas"), ("Qatar", "LOCATION", "Qatar"),
                                                     ("Doha", "LOCATION", "Doha")], published="2025-08-01")
    add(library, "B", "Hamas said Hamas would answer.", [("Hamas", "ORG", "Hamas")], published="2025-08-02")
    add(library, "C", "Qatar hosts.", [("Qatar", "LOCATION", "Qatar")], published="2025-09-01")
    rows = list_entities(library)
    assert [(e.name, e.stories, e.mentions) for e in rows][:2] == [("Hamas", 2, 3), ("Qatar", 2, 2)]
    assert [e.name for e in list_entities(library, type="LOCATION")] == ["Qatar", "Doha"]
    assert [e.name for e in list_entities(library, name_filter="oh")] == ["Doha"]
    assert list_entities(library, sort="recent")[0].name == "Qatar"
    assert [e.name for e in list_entities(library, limit=1, offset=1)] == ["Qatar"]


# -- command line -------------------------------------------------------------------------------


def test_cli_related_entity_entities_and_reindex_as_json(tmp_path):
    from tuireader.store.library import Library

    path = tmp_path / "lib.db"
    library = Library.open(path)
    filler(library, 4)
    hamas = ("Hamas", "ORG", "Hamas")
    a = add(library, "Delegasi tiba di Kairo", "Delegasi Hamas tiba di Kairo.", [hamas, ("Kairo", "LOCATION", "Cairo")], lang="id")
    b = add(library, "Talks in Cairo", "Hamas talks in Cairo resume.", [hamas, ("Cairo", "LOCATION", "Cairo")],
            published="2025-08-11")
    library.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["related", str(a), "-k", "1", "--json", "--library", str(path)])
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.output)
    assert story["id"] == b and story["score"] > 0 and "1 day later" in story["reasons"]
    result = runner.invoke(cli, ["entity", "Kairo", "--json", "--library", str(path)])
    page = json.loads(result.output)
    assert page["name"] == "Cairo" and page["stories"] == 2 and page["timeline"][0]["id"] == b
    result = runner.invoke(cli, ["entities", "--type", "ORG", "--json", "--library", str(path)])
    assert [e["name"] for e in json.loads(result.output)] == ["Hamas"]
    result = runner.invoke(cli, ["thread", str(a), "--json", "--library", str(path)])
    assert [s["id"] for s in json.loads(result.output)] == [a, b]
    result = runner.invoke(cli, ["reindex", "--library", str(path)])
    assert result.exit_code == 0 and "indexed 6 articles" in result.output
    result = runner.invoke(cli, ["related", str(a), "--json", "--library", str(path)])
    assert json.loads(result.output)[0]["id"] == b
