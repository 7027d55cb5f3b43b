import csv
import io
import json
import unicodedata

import pytest
import yaml

from tests.conftest import make_article
from tuireader.errors import TuireaderError
from tuireader.export import csv_notes, json_notes
from tuireader.export.filenames import MAX_TITLE_BYTES, MAX_TITLE_CHARS, safe_stem, story_filename
from tuireader.export.markdown import END_MARKER, export_markdown, read_front_matter, render_story
from tuireader.extraction import Extraction
from tuireader.importing import import_paths
from tuireader.records import content_hash
from tuireader.store import notes
from tuireader.store.library import Library

TRICKY = 'Line one\nline "two", with, commas; and \'quotes\'\n\n**bold** # not a heading | pipe 🌊🇮🇩 — é'
BODY = "Banjir merendam Padang pada Selasa. Harga beras naik tajam di pasar induk. Warga mengungsi ke masjid."


def span(quote, body=BODY):
    start = body.index(quote)
    return start, start + len(quote)


# -- file names -------------------------------------------------------------------------

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Banjir Padang", "Banjir Padang (7).md"),
        ("CON", "_CON (7).md"),
        ("nul.txt", "_nul.txt (7).md"),
        ("com1", "_com1 (7).md"),
        ("LPT9  ", "_LPT9 (7).md"),
        ("Konsol", "Konsol (7).md"),  # starts like CON: not reserved
        ('Harga: "naik"? <50%> a/b\\c|d*e', "Harga naik 50% a b c d e (7).md"),
        ("Baris satu\nbaris dua\r\n\tdan tab", "Baris satu baris dua dan tab (7).md"),
        ("...tersembunyi. . ", "tersembunyi (7).md"),
        ("\x00\x07\x1b[31m", "[31m"[1:] + " (7).md"),
        ("", "untitled (7).md"),
        ("   \n ", "untitled (7).md"),
        ("Gaza 🕊️ ceasefire", "Gaza 🕊️ ceasefire (7).md"),
        ("#tag [[link]] ^block", "tag link block (7).md"),
        ("\u202eevil\u202c.md", "evil.md (7).md"),
    ],
)
def test_filename_safety_table(title, expected):
    assert story_filename(title, 7) == expected


@pytest.mark.parametrize(
    "title",
    ["a" * 300, "kata " * 100, "😀" * 200, "👨‍👩‍👧‍👦" * 40, "🇮🇩" * 90, "e\u0301" * 200, "中文标题" * 50, "x" * 79 + "é"],
)
def test_long_titles_are_bounded_on_a_character_boundary(title):
    stem = safe_stem(title)
    assert 0 < len(stem) <= MAX_TITLE_CHARS
    assert len(stem.encode("utf-8")) <= MAX_TITLE_BYTES
    assert len(story_filename(title, 123456).encode("utf-8")) < 255
    normalised = unicodedata.normalize("NFC", title)
    assert normalised.startswith(stem)
    rest = normalised[len(stem):]
    if rest:  # never cut inside a cluster: the next char starts a new one
        assert unicodedata.category(rest[0]) not in ("Mn", "Me", "Mc") and rest[0] != "\u200d"
        assert not stem.endswith("\u200d")
    if title.startswith("🇮🇩"):
        assert len(stem) % 2 == 0  # flags kept whole


def test_filenames_are_stable_unique_and_safe():
    titles = ["Sama", "Sama", "sama", "SAMA?", "Sama."]
    names = [story_filename(t, i) for i, t in enumerate(titles)]
    assert len({n.casefold() for n in names}) == len(names)  # unique even on case-insensitive disks
    assert names == [story_filename(t, i) for i, t in enumerate(titles)]
    for name in names:
        assert not WINDOWS_FORBIDDEN & set(name)
        assert not name.endswith((" ", "."))


# -- a library with notes -------------------------------------------------------------------


@pytest.fixture
def noted(library):
    """Two annotated stories (one with entities), one plain story, one deleted story with notes."""
    [a, b, plain, doomed] = library.store_articles([
        make_article("Banjir: Padang?", BODY, url="https://x.id/banjir", published="2025-03-04", source="Kabar",
                     lang="id", source_key="a"),
        make_article("Harga beras", "Harga beras naik lagi. Pedagang mengeluh.", url="https://x.id/beras",
                     source_key="b"),
        make_article("Tanpa catatan", "Tidak ada apa-apa.", source_key="c"),
        make_article("Akan dihapus", "Cerita yang dihapus nanti.", url="https://x.id/hapus", source_key="d"),
    ])
    class Mention:  # what _replace_extraction reads of a recogniser mention
        def __init__(self, text, label, start, canonical=""):
            self.text, self.label, self.start, self.end, self.canonical = text, label, start, start + len(text), canonical

    library.save_extraction(a.article_id, Extraction(
        entities=[Mention("Padang", "LOC", BODY.index("Padang"))], figures=[]
    ), "test")
    notes.add_tags(library, [a.article_id], ["banjir", "Sumatra Barat"])
    notes.set_story_note(library, a.article_id, TRICKY)
    notes.create_highlight(library, a.article_id, *span("Harga beras naik tajam"), note=TRICKY, label=3)
    notes.create_highlight(library, a.article_id, *span("Banjir merendam Padang"))
    notes.create_highlight(library, b.article_id, 0, 11, note="naik 'lagi'")
    notes.create_highlight(library, doomed.article_id, 0, 6, note="yatim")
    notes.set_story_note(library, doomed.article_id, "catatan yatim")
    library.delete_article(doomed.article_id)
    return library, a.article_id, b.article_id, plain.article_id


# -- markdown -----------------------------------------------------------------------------


def test_markdown_front_matter_note_and_highlights(noted, tmp_path):
    library, a, b, plain = noted
    report = export_markdown(notes.notes_for_export(library), tmp_path / "vault")
    names = sorted(p.name for p in report.created)
    assert names == ["Akan dihapus (deleted " + content_hash("Akan dihapus", "Cerita yang dihapus nanti.")[:12] + ").md",
                     f"Banjir Padang ({a}).md", f"Harga beras ({b}).md"]
    text = (tmp_path / "vault" / f"Banjir Padang ({a}).md").read_text(encoding="utf-8")
    meta = read_front_matter(text)
    assert meta["title"] == "Banjir: Padang?" and meta["tuireader_id"] == a
    assert meta["tags"] == ["banjir", "Sumatra Barat"] and meta["url"] == "https://x.id/banjir"
    assert meta["published"] == "2025-03-04" and meta["lang"] == "id" and meta["source"] == "Kabar"
    assert meta["content_hash"] == library.article(a).content_hash
    assert meta["entities"] == {"LOC": ["Padang"]}
    body = text.split("\n---\n", 1)[1]
    assert TRICKY in body  # the story note, verbatim
    assert "> Harga beras naik tajam\n\nLabel: 3\n\n" + TRICKY in body
    assert body.index("> Banjir merendam Padang") < body.index("> Harga beras naik tajam")  # by position
    assert "🌊🇮🇩" in text  # allow_unicode: no \U escapes


def test_markdown_puts_orphaned_highlights_in_their_own_section(noted, tmp_path):
    library, a, *_ = noted
    library.store_articles([make_article("Banjir: Padang?", "Semua teks diganti.", source_key="a")])
    [story] = notes.notes_for_export(library, [a])
    text = render_story(story)
    orphans = text.index("## Orphaned highlights")
    assert text.index("> Harga beras naik tajam") > orphans and "## Highlights" not in text


def test_markdown_reexport_updates_in_place_and_leaves_other_files_alone(noted, tmp_path):
    library, a, b, _ = noted
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / ".obsidian" / "app.json").write_text("{}")
    foreign = vault / "My own note.md"
    foreign.write_text("---\ntitle: mine\n---\nhands off\n", encoding="utf-8")
    clash = vault / f"Harga beras ({b}).md"  # someone else's file with our name
    clash.write_text("not from tuireader\n", encoding="utf-8")
    first = export_markdown(notes.notes_for_export(library), vault)
    ours = vault / f"Banjir Padang ({a}).md"
    # The user moves and renames the file, adds a property and writes below the marker.
    moved = vault / "Sub" / "banjir renamed.md"
    moved.parent.mkdir()
    ours.rename(moved)
    edited = moved.read_text(encoding="utf-8").replace("---\ntitle:", "---\naliases:\n- banjir sumbar\ntitle:", 1)
    moved.write_text(edited + "My own thoughts.\n", encoding="utf-8")
    notes.update_highlight(library, notes.highlights_of(library, a)[0].id, note="catatan baru")

    second = export_markdown(notes.notes_for_export(library), vault)
    assert second.updated == [moved] and not second.created and len(second.unchanged) == len(first.created) - 1
    text = moved.read_text(encoding="utf-8")
    assert "catatan baru" in text and text.endswith(END_MARKER + "\nMy own thoughts.\n")
    assert read_front_matter(text)["aliases"] == ["banjir sumbar"]
    assert not ours.exists()
    assert foreign.read_text(encoding="utf-8") == "---\ntitle: mine\n---\nhands off\n"
    assert clash.read_text(encoding="utf-8") == "not from tuireader\n"
    assert (vault / ".obsidian" / "app.json").read_text() == "{}"
    third = export_markdown(notes.notes_for_export(library), vault)
    assert not third.created and not third.updated
    assert len(list(vault.rglob("*.md"))) == 5  # 3 exported + 2 foreign, no duplicates


def test_yaml_front_matter_survives_tricky_titles_and_tags(library, tmp_path):
    title = 'Judul: "kutip" --- # 🌊\nbaris\tdua'
    [out] = library.store_articles([make_article(title, "isi", source_key="t")])
    notes.add_tags(library, [out.article_id], ["a: b", "- dash", "🌊"])
    [story] = notes.notes_for_export(library, [out.article_id])
    meta = read_front_matter(render_story(story))
    assert meta["title"] == title and meta["tags"] == ["- dash", "a: b", "🌊"]


# -- JSON ---------------------------------------------------------------------------------


def export_document(library):
    return json_notes.to_document(notes.notes_for_export(library), "2026-01-01T00:00:00+00:00")


def test_json_document_has_versioned_schema_and_orphans(noted):
    library, a, b, plain = noted
    document = json.loads(json_notes.dumps(export_document(library)))
    assert (document["format"], document["version"]) == ("tuireader-notes", 1)
    titles = [s["story"]["title"] for s in document["stories"]]
    assert titles == ["Harga beras", "Banjir: Padang?"]  # undated first, then by date
    first = document["stories"][1]
    assert first["tags"] == ["banjir", "Sumatra Barat"] and first["note"]["text"] == TRICKY
    assert [h["quote"] for h in first["highlights"]] == ["Banjir merendam Padang", "Harga beras naik tajam"]
    assert first["highlights"][1]["note"] == TRICKY and first["highlights"][1]["label"] == 3
    assert set(first["highlights"][0]) == {"id", "quote", "prefix", "suffix", "start", "end", "note", "label",
                                           "orphaned", "created_at", "updated_at"}
    [orphan] = document["orphans"]
    assert orphan["story"]["url"] == "https://x.id/hapus" and orphan["note"]["text"] == "catatan yatim"
    assert orphan["highlights"][0]["orphaned"] is True


def test_round_trip_into_a_fresh_library_and_import_twice(noted, tmp_path, write_file):
    library, a, b, _ = noted
    exported = json_notes.dumps(export_document(library))
    fresh = Library.open(tmp_path / "fresh.db")
    try:
        fresh.store_articles([
            make_article("Harga beras", "Harga beras naik lagi. Pedagang mengeluh.", url="https://x.id/beras",
                         source_key="b2"),
            make_article("Banjir: Padang?", BODY, url="https://x.id/banjir", published="2025-03-04", source="Kabar",
                         lang="id", source_key="a2"),
        ])
        report = notes.import_notes(fresh, json_notes.loads(exported))
        assert (report.stories_matched, report.stories_unmatched) == (2, 1)
        assert (report.highlights_added, report.highlights_orphaned, report.notes_added) == (4, 1, 2)
        assert report.tags_added == 2
        again = notes.import_notes(fresh, json_notes.loads(exported))
        assert (again.highlights_added, again.notes_added, again.notes_updated, again.tags_added) == (0, 0, 0, 0)
        assert again.highlights_skipped == 4
        assert json_notes.dumps(export_document(fresh)) == exported
    finally:
        fresh.close()


def test_import_matches_by_url_and_reanchors_in_the_other_text(noted, tmp_path):
    library, a, *_ = noted
    document = export_document(library)
    fresh = Library.open(tmp_path / "fresh.db")
    try:
        other_body = "PEMBARUAN pukul 10.00. " + BODY.replace("naik tajam", "naik sangat tajam")
        [out] = fresh.store_articles([make_article("Banjir di Padang", other_body, url="https://x.id/banjir")])
        report = notes.import_notes(fresh, json_notes.parse(document))
        # "Harga beras" and the deleted story are not in this library: their highlights are orphans.
        assert (report.stories_matched, report.stories_unmatched, report.highlights_orphaned) == (1, 2, 2)
        placed = {h.note: other_body[h.start : h.end] for h in notes.highlights_of(fresh, out.article_id)}
        assert placed[TRICKY] == "Harga beras naik sangat tajam"
        assert placed[""] == "Banjir merendam Padang"
    finally:
        fresh.close()


def test_deleted_story_orphans_reattach_when_the_story_is_imported_again(noted, tmp_path):
    library, *_ = noted
    document = export_document(library)
    fresh = Library.open(tmp_path / "fresh.db")
    try:
        [out] = fresh.store_articles([make_article("Akan dihapus", "Cerita yang dihapus nanti.", url="https://x.id/hapus")])
        notes.import_notes(fresh, json_notes.parse(document))
        [h] = notes.highlights_of(fresh, out.article_id)
        assert not h.orphaned and (h.quote, h.note) == ("Cerita", "yatim")
        assert notes.story_note(fresh, out.article_id).note == "catatan yatim"
    finally:
        fresh.close()


def test_newer_story_note_wins_on_import(noted, tmp_path):
    library, a, *_ = noted
    document = export_document(library)
    document["stories"][1]["note"] = {"text": "dari masa depan", "updated_at": "2999-01-01T00:00:00+00:00"}
    report = notes.import_notes(library, json_notes.parse(document))
    assert report.notes_updated == 1 and notes.story_note(library, a).note == "dari masa depan"
    document["stories"][1]["note"] = {"text": "kuno", "updated_at": "2000-01-01T00:00:00+00:00"}
    assert notes.import_notes(library, json_notes.parse(document)).notes_updated == 0
    assert notes.story_note(library, a).note == "dari masa depan"


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "not a tuireader notes file"),
        ({"format": "other"}, "not a tuireader notes file"),
        ({"format": "tuireader-notes", "version": 2}, "newer"),
        ({"format": "tuireader-notes", "version": 1, "stories": [{"story": {}}]}, "stories\\[0\\]"),
        ({"format": "tuireader-notes", "version": 1, "stories": [{"story": {"content_hash": "h"},
          "highlights": [{"id": "u", "quote": "q", "start": 0, "end": 1, "created_at": "t", "label": 9}]}]}, "label"),
    ],
)
def test_bad_documents_are_refused_with_a_reason(data, message):
    with pytest.raises(TuireaderError, match=message):
        json_notes.parse(data)


# -- CSV ----------------------------------------------------------------------------------


def test_csv_round_trips_quotes_newlines_and_emoji_through_the_csv_module(noted):
    library, a, b, _ = noted
    buffer = io.StringIO(newline="")
    assert csv_notes.write_csv(notes.notes_for_export(library), buffer) == 4
    read = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    assert tuple(read[0]) == csv_notes.COLUMNS
    by_quote = {row["quote"]: row for row in read}
    row = by_quote["Harga beras naik tajam"]
    assert row["note"] == TRICKY and row["label"] == "3" and row["tags"] == "banjir; Sumatra Barat"
    assert row["title"] == "Banjir: Padang?" and row["published"] == "2025-03-04"
    assert by_quote["Cerita"]["orphaned"] == "yes" and by_quote["Harga beras"]["note"] == "naik 'lagi'"


def test_export_filters_by_tag_and_id(noted):
    library, a, b, plain = noted
    assert [s.article_id for s in notes.notes_for_export(library, tag="BANJIR")] == [a]
    assert [s.article_id for s in notes.notes_for_export(library, [plain])] == [plain]
    assert [s.article_id for s in notes.notes_for_export(library)] == [a, b, None]
