"""Each import format, read into RawArticles."""

from __future__ import annotations

import json

import pytest

from tuireader.errors import ImportFailed
from tuireader.importers import read_file


def test_txt_first_line_is_the_title_and_a_dateline_gives_the_date(write_file):
    path = write_file("2025-01-01-x.txt", "\n\nBanjir di Padang\n\nPadang, Senin (3/3/2025)\n\nAir naik.\n")
    [article] = read_file(path)
    assert article.title == "Banjir di Padang"
    assert article.body.startswith("Padang, Senin (3/3/2025)")
    assert article.published == "2025-03-03"


def test_txt_dateline_opening_the_first_paragraph_gives_the_date(write_file):
    body = ("Jakarta, Selasa (12/8/2025) - Nilai ekspor naik 9,86 persen dibanding bulan lalu, "
            "kata kepala badan statistik pada 1 Juli 2024 silam.")
    [article] = read_file(write_file("ekspor.txt", "Ekspor naik\n\n" + body))
    assert article.published == "2025-08-12"
    # a date deeper in the first sentence is not a dateline
    [other] = read_file(write_file("lain.txt", "Judul\n\nPemerintah pada 1 Juli 2024 - sesuai rencana - menaikkan harga."))
    assert other.published == ""

def test_txt_without_a_dateline_takes_the_date_from_the_file_name(write_file):
    [article] = read_file(write_file("2025-08-12-kairo.txt", "Judul\n\nIsi berita."))
    assert article.published == "2025-08-12"


def test_txt_that_starts_with_the_lede_keeps_it_in_the_body(write_file):
    lede = "Pemimpin senior Hamas tiba di Kairo pada Selasa untuk mendorong kembali negosiasi gencatan senjata di Gaza. Dia datang bersama delegasi."
    [article] = read_file(write_file("lede.txt", lede + "\n\nParagraf kedua."))
    assert article.title == "Pemimpin senior Hamas tiba di Kairo pada Selasa untuk mendorong kembali negosiasi gencatan senjata di Gaza."
    assert article.body.startswith("Pemimpin senior")


def test_markdown_front_matter_fields(write_file):
    text = ("---\ntitle: Rapat Anggaran\ndate: 2025-08-15\nsource: Harian Nusantara\nurl: https://example.com/a\n"
            "lang: id\ntags: [anggaran, DPR]\nauthor: Rina\n---\nIsi **tebal**.\n")
    [article] = read_file(write_file("a.md", text))
    assert (article.title, article.published, article.source, article.url, article.lang, article.byline) == (
        "Rapat Anggaran", "2025-08-15", "Harian Nusantara", "https://example.com/a", "id", "Rina")
    assert article.tags == ["anggaran", "DPR"]
    assert article.body == "Isi **tebal**."


def test_markdown_without_front_matter_uses_the_heading(write_file):
    [article] = read_file(write_file("b.md", "# Judul Besar\n\nIsi."))
    assert (article.title, article.body) == ("Judul Besar", "Isi.")


def test_unsafe_yaml_is_refused_without_running_it(write_file, tmp_path):
    marker = tmp_path / "pwned"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nx\n'
    with pytest.raises(ImportFailed, match="front matter"):
        read_file(write_file("evil.md", text))
    assert not marker.exists()


def test_html_main_content_and_metadata(write_file):
    page = """<html><head><title>Delegasi tiba | Kabar</title>
    <meta name="author" content="Nadia Rahmawati"><meta property="og:site_name" content="Kabar Pagi">
    <meta property="article:published_time" content="2025-08-10T09:00:00+07:00"></head>
    <body><nav>Beranda Politik Ekonomi Olahraga</nav><script>var x = 1;</script>
    <article><h1>Delegasi tiba di Kairo</h1>
    <p>Delegasi Hamas tiba di Kairo pada Minggu sore untuk membuka kembali perundingan gencatan senjata.</p>
    <p>Pertemuan ini menjadi upaya ketiga para mediator, yakni Mesir, Qatar dan Amerika Serikat, dalam dua bulan.</p>
    <p>Menurut seorang pejabat Mesir, rombongan langsung menuju markas intelijen untuk bertemu mediator.</p>
    </article><footer>Hak cipta 2025 Kabar Pagi. Semua hak dilindungi.</footer></body></html>"""
    [article] = read_file(write_file("page.html", page))
    assert "Delegasi Hamas tiba di Kairo" in article.body
    assert "var x" not in article.body and "Beranda Politik" not in article.body
    assert article.byline == "Nadia Rahmawati" and article.source == "Kabar Pagi"
    assert article.published.startswith("2025-08-10")


@pytest.mark.parametrize("field", ["body", "text", "content"])
def test_jsonl_reads_each_object_and_any_body_field(write_file, field):
    lines = [
        json.dumps({"title": "Satu", field: "Isi satu.", "url": "https://e.com/1", "date": "2025-08-01", "lang": "id"}),
        json.dumps({"title": "Dua", field: "Isi dua.", "tags": ["x"]}),
    ]
    articles = read_file(write_file("feed.jsonl", "\n".join(lines)))
    assert [(a.title, a.body) for a in articles] == [("Satu", "Isi satu."), ("Dua", "Isi dua.")]
    assert articles[0].source_key.endswith("#https://e.com/1") and articles[1].source_key.endswith("#2")


def test_json_array_and_wrong_types_are_tolerated(write_file):
    data = [{"title": "Ok", "body": "Isi."}, {"title": ["not", "text"], "body": 5, "tags": None}, 7, None]
    articles = read_file(write_file("feed.json", json.dumps(data)))
    assert [a.title for a in articles] == ["Ok", ""]


def test_utf8_bom_and_cp1252_are_decoded(write_file):
    [bom] = read_file(write_file("bom.txt", "\ufeffJudul\n\nIsi".encode("utf-8")))
    [legacy] = read_file(write_file("old.txt", b"Caf\xe9 news\n\n\x93Quoted\x94 text"))
    assert bom.title == "Judul"
    assert legacy.title == "Café news" and "“Quoted”" in legacy.body


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", "", "empty"),
        ("blank.md", "   \n\n", "empty"),
        ("bad.jsonl", "{not json", "invalid JSON"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        ("nothing.json", json.dumps([1, 2]), "no article"),
    ],
)
def test_bad_files_raise_a_clear_reason(write_file, name, content, message):
    with pytest.raises(ImportFailed, match=message):
        read_file(write_file(name, content))


def test_files_over_the_size_limit_are_refused(write_file):
    with pytest.raises(ImportFailed, match="limit"):
        read_file(write_file("big.txt", "x" * 2000), max_bytes=1000)
