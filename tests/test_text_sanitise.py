"""Tests for tuireader.text.sanitise: terminal-safe text."""

from __future__ import annotations

import time

import pytest

from tuireader.text.sanitise import sanitise, sanitise_line

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(f"a{ESC}[31mred{ESC}[0m", "ared", id="sgr-colour"),
        pytest.param(f"{ESC}[2J{ESC}[H{ESC}[?1049hx", "x", id="clear-screen-and-private-mode"),
        pytest.param(f"x{ESC}[38;2;255;0;0my", "xy", id="truecolour"),
        pytest.param(f"x{ESC}[1 qy", "xy", id="csi-with-intermediate"),
        pytest.param(f"{ESC}]8;;https://evil.example{ST}click{ESC}]8;;{ST}", "click", id="osc8-hyperlink"),
        pytest.param(f"{ESC}]52;c;cm0gLXJmIH4={BEL}ok", "ok", id="osc52-clipboard-bel"),
        pytest.param(f"{ESC}]52;c;cm0gLXJmIH4={ST}ok", "ok", id="osc52-clipboard-st"),
        pytest.param(f"{ESC}]0;new title{BEL}ok", "ok", id="osc-window-title"),
        pytest.param(f"{ESC}P+q544e{ST}ok", "ok", id="dcs"),
        pytest.param(f"{ESC}_apc payload{ST}ok", "ok", id="apc"),
        pytest.param(f"{ESC}^pm payload{ST}ok", "ok", id="pm"),
        pytest.param(f"{ESC}Xsos payload{ST}ok", "ok", id="sos"),
        pytest.param(f"{ESC}cok", "ok", id="two-char-reset"),
        pytest.param(f"{ESC}(Bok", "ok", id="charset-designation"),
        pytest.param(f"{ESC}7{ESC}8ok", "ok", id="save-restore-cursor"),
        pytest.param("\x9b31mok", "ok", id="c1-csi"),
        pytest.param("\x9d52;c;QQ==\x9cok", "ok", id="c1-osc-terminated"),
        pytest.param(f"ok{ESC}", "ok", id="trailing-lone-esc"),
    ],
)
def test_removes_escape_sequences(raw: str, expected: str) -> None:
    assert sanitise(raw) == expected


def test_unterminated_osc_is_dropped_only_to_end_of_line() -> None:
    assert sanitise(f"a{ESC}]52;c;payload\nnext line") == "a\nnext line"


def test_lone_c1_osc_introducer_keeps_following_text() -> None:
    assert sanitise("caf\x9de au lait") == "cafe au lait"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("a\x00b", "ab", id="nul"),
        pytest.param("a\x7fb", "ab", id="del"),
        pytest.param("a\x07b\x08c", "abc", id="bell-backspace"),
        pytest.param("a\x1c\x1d\x1eb", "ab", id="information-separators"),
        pytest.param("a\x80\x9fb", "ab", id="c1-controls"),
    ],
)
def test_removes_control_characters(raw: str, expected: str) -> None:
    assert sanitise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("a\r\nb", "a\nb", id="crlf"),
        pytest.param("a\rb", "a\nb", id="lone-cr"),
        pytest.param("a\r\n\r\nb", "a\n\nb", id="blank-line-crlf"),
        pytest.param("a\x0bb\x0cc", "a\nb\nc", id="vt-ff"),
        pytest.param("a\x85b", "a\nb", id="nel"),
        pytest.param("a\u2028b\u2029c", "a\nb\nc", id="unicode-separators"),
    ],
)
def test_normalises_line_breaks_to_newline(raw: str, expected: str) -> None:
    assert sanitise(raw) == expected


def test_tab_becomes_four_spaces() -> None:
    assert sanitise("a\tb") == "a    b"


def test_keeps_newlines() -> None:
    assert sanitise("one\n\ntwo\n") == "one\n\ntwo\n"


@pytest.mark.parametrize(
    "char",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"],
)
def test_removes_bidi_controls(char: str) -> None:
    assert sanitise(f"abc{char}def") == "abcdef"


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u2060"])
def test_removes_zero_width_characters(char: str) -> None:
    assert sanitise(f"ab{char}cd") == "abcd"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\U0001F469\u200d\U0001F4BB", id="zwj-emoji"),
        pytest.param("a\u200cb", id="zwnj"),
    ],
)
def test_keeps_joiners(text: str) -> None:
    assert sanitise(text) == text


def test_nfc_normalises() -> None:
    assert sanitise("Jose\u0301") == "Jos\u00e9"


def test_nfc_composes_across_removed_character() -> None:
    assert sanitise("e\u200b\u0301") == "\u00e9"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[bold red]not markup[/bold red]", id="rich-markup"),
        pytest.param("**bold** and [link](http://x)", id="markdown"),
        pytest.param("Rp 1.000 – “kutipan” ’s 😀", id="typography-and-emoji"),
        pytest.param("Jakarta, 12/08/2025\n\nParagraf kedua.", id="plain-paragraphs"),
    ],
)
def test_leaves_ordinary_text_unchanged(text: str) -> None:
    assert sanitise(text) == text


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param("a" * 1_000_000, id="plain"),
        pytest.param(f"{ESC}[" * 500_000, id="csi-introducers"),
        pytest.param(f"{ESC}]" * 500_000, id="osc-introducers"),
        pytest.param(f"{ESC}[1" * 300_000, id="unfinished-csi"),
        pytest.param("\x9d" + "a" * 1_000_000, id="unterminated-c1-osc"),
        pytest.param("\x9da" * 500_000, id="many-c1-osc"),
        pytest.param("\x00\t" * 500_000, id="controls-and-tabs"),
    ],
)
def test_million_char_line_is_fast(hostile: str) -> None:
    start = time.perf_counter()
    result = sanitise(hostile)
    sanitise_line(hostile)
    assert time.perf_counter() - start < 2.0
    assert ESC not in result and "\x9d" not in result


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("  Judul\n  Berita \t baru  ", "Judul Berita baru", id="collapses-whitespace"),
        pytest.param("a\u00a0\u00a0b", "a b", id="collapses-nbsp"),
        pytest.param(f"{ESC}[1mTitle{ESC}[0m\r\n", "Title", id="sanitises"),
        pytest.param(" \n\t ", "", id="only-whitespace"),
    ],
)
def test_sanitise_line(raw: str, expected: str) -> None:
    assert sanitise_line(raw) == expected
