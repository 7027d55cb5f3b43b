"""Tests for tuireader.text.language: Indonesian / English detection."""

from __future__ import annotations

import time

import pytest

from tuireader.text.language import detect_language, stopwords

INDONESIAN_TEXTS = [
    "Jokowi Resmikan Bendungan di Aceh",
    "Harga beras naik di pasar tradisional. Pedagang mengatakan pasokan dari daerah berkurang.",
    "Banjir Rendam Ribuan Rumah di Bekasi\n\nBanjir merendam ribuan rumah warga di Bekasi, Jawa Barat, "
    "setelah hujan deras mengguyur sejak malam.",
    "Polisi menangkap tiga tersangka kasus narkoba, ujar Kapolres.",
    "Menkeu: Defisit APBN 2025 Masih Terkendali\n\nMenteri Keuangan Sri Mulyani mengatakan defisit "
    "anggaran masih dalam batas aman meski penerimaan pajak melambat.",
    "Delegasi Hamas Tiba di Kairo, Perundingan Gencatan Senjata Gaza Kembali Dibuka",
    "PADANG — Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan potensi hujan lebat "
    "hingga sangat lebat di pesisir barat Sumatera Barat selama sepekan ke depan.",
]

ENGLISH_TEXTS = [
    "Floods swamp thousands of homes in Bekasi\n\nFloods submerged thousands of homes in Bekasi after heavy rain.",
    "The central bank held its benchmark rate at 6 percent on Tuesday, the governor said.",
    "Indonesia's President Prabowo Subianto met Chinese leaders in Beijing to discuss trade and investment.",
    "Bank Indonesia raises rates to defend rupiah\n\nBank Indonesia raised its key rate by 25 basis points.",
    "Jakarta Governor Pramono Anung inaugurated the new MRT line.",
    "Cairo talks resume as mediators press Hamas, Israel on 60-day Gaza truce",
    "It’s the first time the government hasn’t met its target, officials said.",
]


@pytest.mark.parametrize("text", INDONESIAN_TEXTS)
def test_detects_indonesian(text: str) -> None:
    assert detect_language(text) == "id"


@pytest.mark.parametrize("text", ENGLISH_TEXTS)
def test_detects_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("Jakarta", id="one-name"),
        pytest.param("2025 12.345 -- !!", id="no-words"),
        pytest.param("Bank Rakyat Indonesia", id="names-only"),
        pytest.param("Dan Brown visits Bali", id="single-ambiguous-hit"),
        pytest.param("Le président a dit que la situation est grave et les négociations continuent.", id="french"),
        pytest.param("Der Präsident sagte, dass die Lage ernst ist und die Verhandlungen weitergehen.", id="german"),
    ],
)
def test_undetermined_without_enough_evidence(text: str) -> None:
    assert detect_language(text) == "und"


def test_english_quote_inside_indonesian_article_stays_indonesian() -> None:
    text = (
        "Menteri Luar Negeri mengatakan pemerintah akan terus mendukung perundingan itu. "
        '"We are committed to peace," ujarnya kepada wartawan di Jakarta, Selasa.'
    )
    assert detect_language(text) == "id"


def test_only_the_opening_of_a_long_text_is_read() -> None:
    text = "Harga beras naik di pasar dan pedagang mengeluh. " * 60 + "The end of the story is in English. " * 500
    assert detect_language(text) == "id"


def test_is_fast_on_long_text() -> None:
    text = "Harga beras naik di pasar tradisional, kata pedagang. " * 50_000
    start = time.perf_counter()
    for _ in range(1000):
        detect_language(text)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("language", ["id", "en"])
def test_stopword_lists_are_plain_lower_case_words(language: str) -> None:
    words = stopwords(language)
    assert 150 <= len(words) <= 300
    assert all(word == word.lower() and " " not in word and not word.startswith("#") for word in words)


@pytest.mark.parametrize(("language", "word"), [("id", "yang"), ("id", "di"), ("en", "the"), ("en", "a")])
def test_stopword_lists_hold_the_commonest_words(language: str, word: str) -> None:
    assert word in stopwords(language)


def test_stopword_lists_do_not_share_words() -> None:
    assert not stopwords("id") & stopwords("en")


def test_unknown_stopword_language_raises() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        stopwords("fr")
