"""Tests for tuireader.text.decoding: bytes of a scraped file to text."""

from __future__ import annotations

import codecs

import pytest

from tuireader.errors import ImportFailed
from tuireader.text.decoding import decode


def test_empty_bytes_give_empty_text() -> None:
    assert decode(b"") == ""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"plain ascii", "plain ascii", id="ascii"),
        pytest.param("café “kutipan” — 😀".encode(), "café “kutipan” — 😀", id="utf8"),
        pytest.param(codecs.BOM_UTF8 + "café".encode(), "café", id="utf8-bom-stripped"),
        pytest.param("café".encode("utf-16"), "café", id="utf16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + "café".encode("utf-16-be"), "café", id="utf16-be-bom"),
        pytest.param("café".encode("utf-32"), "café", id="utf32-bom"),
    ],
)
def test_decodes_unicode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"caf\xe9 \x93quoted\x94", "café “quoted”", id="cp1252-short"),
        pytest.param(
            "Presiden menghadiri acara di café “Kopi” – kata dia.".encode("cp1252"),
            "Presiden menghadiri acara di café “Kopi” – kata dia.",
            id="cp1252-indonesian",
        ),
        pytest.param("Ça été très bien, señor".encode("latin-1"), "Ça été très bien, señor", id="latin1"),
        pytest.param(b"it\x92s \x80 5", "it’s € 5", id="cp1252-only-characters"),
    ],
)
def test_legacy_western_text_reads_as_cp1252(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param("Президент России заявил сегодня, что переговоры продолжатся", "cp1251", id="cyrillic"),
        pytest.param("日本の首相は本日、記者会見を開いた。", "shift_jis", id="shift-jis"),
    ],
)
def test_confident_non_latin_detection_is_used(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_stray_cp1252_bytes_in_utf8_are_repaired() -> None:
    data = "Menteri berkata — café ".encode() + b"\x93ya\x94"
    assert decode(data) == "Menteri berkata — café “ya”"


def test_stray_undefined_byte_in_latin_text_becomes_replacement_character() -> None:
    assert decode(b"abc \x81 def") == "abc \ufffd def"


def test_occasional_nul_is_tolerated() -> None:
    assert decode(b"x" * 500 + b"\x00") == "x" * 500 + "\x00"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 4, id="all-byte-values"),
        pytest.param(b"abc\x00def\x00ghi\x00", id="many-nuls"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", id="zip"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", id="gzip"),
        pytest.param("no bom".encode("utf-16-le"), id="utf16-without-bom"),
        pytest.param(b"ab\x01\x02\x03\x04cd\x05\x06", id="control-bytes"),
    ],
)
def test_binary_data_raises_import_failed(data: bytes) -> None:
    with pytest.raises(ImportFailed, match="^binary file, not text$"):
        decode(data, name="x.bin")


def test_escape_sequences_are_still_text() -> None:
    assert decode(b"\x1b[31mred\x1b[0m") == "\x1b[31mred\x1b[0m"
