import pytest

from tests.conftest import make_article
from tuireader.errors import NotFound, TuireaderError
from tuireader.importing import import_paths
from tuireader.store import notes

BODY = (
    "Banjir merendam Padang pada Selasa. Harga beras naik tajam di pasar induk. "
    "Warga mengungsi ke masjid. Pemerintah daerah membuka dapur umum."
)


@pytest.fixture
def article_id(library):
    [out] = library.store_articles([make_article("Banjir Padang", BODY, url="https://x.id/banjir", source_key="a")])
    return out.article_id


def span(quote: str, body: str = BODY) -> tuple[int, int]:
    start = body.index(quote)
    return start, start + len(quote)


def test_create_stores_quote_context_and_story_identity(library, article_id):
    h = notes.create_highlight(library, article_id, *span("Harga beras naik tajam"), note="cek BPS", label=2)
    article = library.article(article_id)
    assert (h.quote, h.note, h.label, h.orphaned) == ("Harga beras naik tajam", "cek BPS", 2, False)
    assert BODY.endswith(h.suffix, 0, None) or h.suffix == BODY[h.end : h.end + 32]
    assert h.prefix == BODY[max(0, h.start - 32) : h.start]
    assert (h.story.content_hash, h.story.title, h.story.url) == (article.content_hash, article.title, article.url)
    assert h.uid and h.created_at == h.updated_at


def test_create_refuses_bad_spans_labels_and_articles(library, article_id):
    with pytest.raises(TuireaderError, match="cannot highlight"):
        notes.create_highlight(library, article_id, 10, 10)
    with pytest.raises(TuireaderError, match="label"):
        notes.create_highlight(library, article_id, 0, 5, label=6)
    with pytest.raises(NotFound):
        notes.create_highlight(library, 999, 0, 5)
    assert notes.highlights_of(library, article_id) == []


def test_update_note_and_label_separately(library, article_id):
    h = notes.create_highlight(library, article_id, 0, 6, label=1)
    h = notes.update_highlight(library, h.id, note="baris satu\nbaris \"dua\" 🌊")
    assert (h.note, h.label) == ("baris satu\nbaris \"dua\" 🌊", 1)
    h = notes.update_highlight(library, h.id, label=None)
    assert (h.note, h.label) == ("baris satu\nbaris \"dua\" 🌊", None)
    with pytest.raises(NotFound):
        notes.update_highlight(library, 12345, note="x")


def test_delete_returns_the_row_and_restore_undoes(library, article_id):
    h = notes.create_highlight(library, article_id, *span("Warga mengungsi"), note="n", label=3)
    deleted = notes.delete_highlight(library, h.id)
    assert deleted == h
    assert notes.highlights_of(library, article_id) == []
    assert notes.restore_highlight(library, deleted) == h


def test_lists_by_position_and_newest_first_with_filters(library, article_id):
    [other] = library.store_articles([make_article("Pasar", "Harga cabai turun di pasar.", source_key="b")])
    late = notes.create_highlight(library, article_id, *span("Warga mengungsi"), note="Pengungsi ÜBER", label=1)
    early = notes.create_highlight(library, article_id, *span("Banjir merendam"), label=2)
    elsewhere = notes.create_highlight(library, other.article_id, 0, 11, note="cabai")
    notes.add_tags(library, [other.article_id], ["pasar"])
    assert [h.id for h in notes.highlights_of(library, article_id)] == [early.id, late.id]
    assert [h.id for h in notes.find_highlights(library)] == [elsewhere.id, early.id, late.id]
    assert [h.id for h in notes.find_highlights(library, "über")] == [late.id]  # note, any case
    assert [h.id for h in notes.find_highlights(library, "HARGA   cabai")] == [elsewhere.id]  # quote
    assert [h.id for h in notes.find_highlights(library, tag="PASAR")] == [elsewhere.id]
    assert [h.id for h in notes.find_highlights(library, label=2)] == [early.id]
    assert notes.find_highlights(library, tag="no such tag") == []


def test_story_note_set_get_and_clear(library, article_id):
    assert notes.story_note(library, article_id) is None
    note = notes.set_story_note(library, article_id, "Perlu dicek.\n\n> kutipan *penting*")
    assert notes.story_note(library, article_id) == note
    assert note.note == "Perlu dicek.\n\n> kutipan *penting*"
    assert notes.set_story_note(library, article_id, "  ") is None
    assert notes.story_note(library, article_id) is None


def test_deleting_a_story_keeps_its_notes_as_orphans(library, article_id):
    h = notes.create_highlight(library, article_id, *span("Harga beras"), note="tetap")
    notes.set_story_note(library, article_id, "catatan cerita")
    library.delete_article(article_id)
    [orphan] = notes.find_highlights(library)
    assert orphan.id == h.id and orphan.article_id is None and orphan.orphaned
    assert (orphan.quote, orphan.note, orphan.story.title) == ("Harga beras", "tetap", "Banjir Padang")
    assert [n.note for n in notes.orphaned_story_notes(library)] == ["catatan cerita"]
    assert notes.find_highlights(library, include_orphaned=False) == []


def test_reanchor_article_after_a_direct_store_update(library, article_id):
    h = notes.create_highlight(library, article_id, *span("Warga mengungsi ke masjid."))
    new_body = "Kabar terbaru. " + BODY
    library.store_articles([make_article("Banjir Padang", new_body, source_key="a")])
    [moved] = notes.highlights_of(library, article_id)
    assert new_body[moved.start : moved.end] == "Warga mengungsi ke masjid." and not moved.orphaned
    assert moved.story.content_hash == library.article(article_id).content_hash
    assert notes.reanchor_article(library, article_id).exact == 0  # nothing stale any more
    assert moved.id == h.id


def test_reimport_moves_changes_and_orphans_highlights(library, write_file):
    path = write_file("banjir.txt", "Banjir Padang\n\n" + BODY)
    report = import_paths(library, [path], workers=1)
    [article_id] = report.article_ids
    body = library.article(article_id).body
    same = notes.create_highlight(library, article_id, *span("Banjir merendam Padang", body), note="tetap")
    moved = notes.create_highlight(library, article_id, *span("Pemerintah daerah membuka dapur umum.", body))
    changed = notes.create_highlight(library, article_id, *span("Harga beras naik tajam di pasar induk.", body),
                                     note="ubah", label=4)
    gone = notes.create_highlight(library, article_id, *span("Warga mengungsi ke masjid.", body), note="hilang")

    edited = (BODY.replace("naik tajam", "naik sangat tajam")
              .replace("Warga mengungsi ke masjid. ", "")
              .replace("Pemerintah daerah", "Sementara itu, relawan datang. Pemerintah daerah"))
    write_file("banjir.txt", "Banjir Padang\n\n" + edited)
    again = import_paths(library, [path], workers=1)
    assert again.updated == 1 and again.article_ids == [article_id]
    new_body = library.article(article_id).body
    by_id = {h.id: h for h in notes.highlights_of(library, article_id)}
    assert len(by_id) == 4  # nothing dropped
    assert (by_id[same.id].start, by_id[same.id].orphaned) == (same.start, False)
    assert new_body[by_id[moved.id].start : by_id[moved.id].end] == "Pemerintah daerah membuka dapur umum."
    assert new_body[by_id[changed.id].start : by_id[changed.id].end] == "Harga beras naik sangat tajam di pasar induk."
    assert (by_id[changed.id].note, by_id[changed.id].label) == ("ubah", 4)
    lost = by_id[gone.id]
    assert lost.orphaned and lost.quote == "Warga mengungsi ke masjid." and lost.note == "hilang"
    assert [h.id for h in notes.highlights_of(library, article_id, include_orphaned=False)] == [
        same.id, changed.id, moved.id]
    # The passage comes back in a later version: the orphan is anchored again.
    write_file("banjir.txt", "Banjir Padang\n\n" + BODY)
    import_paths(library, [path], workers=1)
    restored = notes.highlight(library, gone.id)
    assert not restored.orphaned and BODY[restored.start : restored.end] == "Warga mengungsi ke masjid."
