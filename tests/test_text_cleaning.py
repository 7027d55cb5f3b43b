"""Tests for tuireader.text.cleaning: dropping scraper noise lines."""

from __future__ import annotations

import re
import time

import pytest

from tuireader.text.cleaning import MAX_NOISE_LINE_LENGTH, builtin_noise_patterns, drop_noise_lines

NOISE_LINES = [
    "ADVERTISEMENT",
    "Advertisement",
    "Iklan",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Scroll to continue",
    "Advertisement - Scroll to continue",
    "Story continues below advertisement",
    "Baca juga: Presiden resmikan bendungan di Aceh",
    "Baca Juga",
    "BACA JUGA:",
    "Lihat juga: Video banjir Jakarta",
    "Simak juga video berikut",
    'Simak Video "Detik-detik banjir bandang"',
    "Baca selengkapnya",
    "Klik di sini untuk informasi lengkap",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. "
    'Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link, kemudian join.',
    "Dapatkan informasi, inspirasi dan insight di email kamu.",
    "Ikuti kami di Google News",
    "Yuk, gabung channel WhatsApp Tempo untuk update berita",
    "Berita Terkait",
    "Artikel terkait: Banjir melanda Bekasi",
    "Share this article",
    "Share",
    "Bagikan:",
    "Bagikan artikel ini",
    "Subscribe to our newsletter",
    "Sign up for our daily briefing",
    "Follow us on Twitter",
    "Download aplikasi Kompas.com",
    "Read more: Why the rupiah fell",
    "Related: Another story",
    "Also read: Third story",
    "Halaman 2",
    "Selanjutnya »",
    "© 2025 Kompas.com",
    "Copyright © 2025 The Jakarta Post. All rights reserved.",
]


@pytest.mark.parametrize("line", NOISE_LINES)
def test_drops_noise_line(line: str) -> None:
    assert drop_noise_lines(f"Awal.\n{line}\nAkhir.") == "Awal.\nAkhir."


@pytest.mark.parametrize(
    "line",
    [
        "**Baca juga:** [Judul berita](https://example.id/a)",
        "*ADVERTISEMENT*",
        "> Baca juga",
        "> **Baca juga:** Judul",
        "- Baca juga: [Judul](https://example.id/b)",
        "1. Baca juga: Judul",
        "[Baca juga: Judul lain](https://example.id/c)",
        "### Related",
        "— Advertisement —",
        "(Baca juga: Judul)",
        r"\*ADVERTISEMENT\*",
    ],
)
def test_drops_markdown_wrapped_noise_line(line: str) -> None:
    assert drop_noise_lines(f"Awal.\n{line}\nAkhir.") == "Awal.\nAkhir."


@pytest.mark.parametrize(
    "line",
    [
        "Presiden meminta masyarakat baca juga peraturan baru itu.",
        "The advertisement was banned by the regulator.",
        "Iklan rokok dilarang tayang di televisi.",
        "Share prices fell 3% on Monday.",
        "Follow the money, he said.",
        "Related stories are often linked, analysts say.",
        "Berita terkait kasus ini masih diselidiki polisi.",
        "Berbagi di bulan Ramadan membawa berkah.",
        "Ikuti aturan lalu lintas, kata Kapolda.",
        "Telegram founder Pavel Durov was arrested in France.",
        "Bergabung dengan Golkar pada 2004, ia kemudian menjadi menteri.",
        "Print media is declining.",
        "Next year the budget will rise.",
        "(c) the third item of the law",
        "Editor: Budi Santoso",
        "Penulis: Ani Rahmawati",
        "**Presiden** berkata [di sini](https://example.id) bahwa harga naik.",
    ],
)
def test_keeps_real_sentence(line: str) -> None:
    assert drop_noise_lines(line) == line


def test_matches_across_non_breaking_and_repeated_spaces() -> None:
    assert drop_noise_lines("Awal.\n  Baca\u00a0juga:   Judul\t\nAkhir.") == "Awal.\nAkhir."


def test_long_line_is_never_noise() -> None:
    line = "Baca juga" + " kata" * MAX_NOISE_LINE_LENGTH
    assert drop_noise_lines(line) == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A\n\nBaca juga: x\n\nB", "A\n\nB", id="dropped-line-between-paragraphs"),
        pytest.param("A\n\n\n\n\nB", "A\n\nB", id="many-newlines"),
        pytest.param("A\n \n\t\n\nB", "A\n\nB", id="whitespace-only-lines"),
        pytest.param("A\n\nB", "A\n\nB", id="single-blank-line-kept"),
        pytest.param("\n\n \nA\nB\n\n", "A\nB", id="leading-and-trailing-blank-lines"),
        pytest.param("ADVERTISEMENT\n\nA", "A", id="leading-noise"),
        pytest.param("    code\nB", "    code\nB", id="first-line-indent-kept"),
        pytest.param("ADVERTISEMENT", "", id="only-noise"),
        pytest.param("", "", id="empty"),
        pytest.param("A\r\n\r\nBaca juga: x\r\n\r\nB\r\n", "A\n\nB", id="crlf-line-endings"),
        pytest.param("A\rADVERTISEMENT\rB", "A\nB", id="lone-cr-line-endings"),
    ],
)
def test_tidies_blank_lines(text: str, expected: str) -> None:
    assert drop_noise_lines(text) == expected


def test_extra_pattern_drops_matching_line() -> None:
    text = "Awal.\nPromo Kopi Nikmat\nAkhir."
    assert drop_noise_lines(text, extra_patterns=[r"promo .+"]) == "Awal.\nAkhir."


def test_extra_pattern_must_match_whole_line() -> None:
    text = "Harga promo naik."
    assert drop_noise_lines(text, extra_patterns=["promo"]) == text


def test_extra_pattern_with_groups_and_backreference() -> None:
    assert drop_noise_lines("Awal.\nxx-xx\nAkhir.", extra_patterns=[r"(x+)-\1"]) == "Awal.\nAkhir."


def test_invalid_extra_pattern_raises_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match=re.escape("'promo ('")):
        drop_noise_lines("text", extra_patterns=["promo ("])


def test_builtin_patterns_load_and_compile() -> None:
    patterns = builtin_noise_patterns()
    assert len(patterns) > 20
    assert not any(pattern.startswith("#") for pattern in patterns)
    for pattern in patterns:
        assert re.compile(pattern).fullmatch("") is None, pattern


def test_long_article_is_fast() -> None:
    paragraph = "Paragraf yang panjang tentang politik dan ekonomi, kata dia. " * 4
    article = f"{paragraph}\n\nBaca juga: x\n\n" * 2_000
    start = time.perf_counter()
    result = drop_noise_lines(article + "a" * 1_000_000)
    assert time.perf_counter() - start < 2.0
    assert "Baca juga" not in result
