"""Tests for tuireader.text.dates: published dates from metadata strings."""

from __future__ import annotations

import datetime
import time

import pytest

from tuireader.text.dates import parse_date

AUG_12 = datetime.date(2025, 8, 12)


@pytest.mark.parametrize(
    "text",
    [
        "2025-08-12",
        "2025-08-12T10:30:00+07:00",
        "2025-08-12T10:30:00Z",
        "2025-08-12 10:30",
        "2025/08/12",
        "2025-8-12",
    ],
)
def test_parses_iso_and_year_first(text: str) -> None:
    assert parse_date(text) == AUG_12


def test_parses_rfc_2822() -> None:
    assert parse_date("Tue, 12 Aug 2025 10:30:00 +0700") == AUG_12


@pytest.mark.parametrize(
    "text",
    [
        "12 Agustus 2025",
        "Selasa, 12 Agustus 2025 14:05 WIB",
        "Jum'at, 12 Agt. 2025 | 10:00",
        "12 agustus 2025",
        "12-Aug-2025",
    ],
)
def test_parses_indonesian_and_day_first_month_names(text: str) -> None:
    assert parse_date(text) == AUG_12


@pytest.mark.parametrize(
    "text",
    [
        "August 12, 2025",
        "Aug. 12, 2025",
        "Aug 12 2025",
        "12 Aug 2025",
        "12 August, 2025",
        "August 12th, 2025",
        "12th of August 2025",
    ],
)
def test_parses_english_month_names(text: str) -> None:
    assert parse_date(text) == AUG_12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Kamis, 14 Mei 2025", datetime.date(2025, 5, 14), id="mei"),
        pytest.param("Sept 3, 2025", datetime.date(2025, 9, 3), id="sept-not-sep"),
        pytest.param("10 Des 2025", datetime.date(2025, 12, 10), id="des"),
        pytest.param("3 Okt 2024", datetime.date(2024, 10, 3), id="okt"),
        pytest.param("1 Pebruari 2024", datetime.date(2024, 2, 1), id="old-spelling"),
    ],
)
def test_parses_each_month_spelling(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Selasa, 12/08/2025", "12/8/2025", "12-08-2025", "12.08.2025"],
)
def test_parses_numeric_day_first(text: str) -> None:
    assert parse_date(text) == AUG_12


def test_numeric_date_is_always_day_first() -> None:
    assert parse_date("08/12/2025") == datetime.date(2025, 12, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Diterbitkan: Selasa, 12 Agustus 2025 - 14:05 WIB oleh Redaksi",
        "Published on https://example.id/2025/08/12/berita-banjir",
        "<time>2025-08-12</time>",
    ],
)
def test_tolerates_surrounding_noise(text: str) -> None:
    assert parse_date(text) == AUG_12


def test_earliest_date_in_string_wins() -> None:
    text = "Diperbarui 13 Agustus 2025, Terbit 2025-08-12"
    assert parse_date(text) == datetime.date(2025, 8, 13)


def test_invalid_candidate_is_skipped_for_a_later_valid_one() -> None:
    assert parse_date("2025-13-01 lalu 12/08/2025") == AUG_12


def test_date_is_returned_as_written_without_time_zone_conversion() -> None:
    assert parse_date("2025-08-12T23:30:00-05:00") == AUG_12


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("tanpa tanggal", id="no-date"),
        pytest.param("31 Februari 2025", id="impossible-day"),
        pytest.param("2025-02-30", id="impossible-iso"),
        pytest.param("13/13/2025", id="impossible-month"),
        pytest.param("Agustus 2025", id="no-day"),
        pytest.param("12/08/25", id="two-digit-year"),
        pytest.param("0001-01-01", id="year-out-of-range"),
        pytest.param("12 Agustus 12025", id="five-digit-year"),
        pytest.param("call 12345 2025", id="digits-only"),
        pytest.param("20250812", id="compact-digits"),
    ],
)
def test_returns_none_without_a_valid_date(text: str) -> None:
    assert parse_date(text) is None


def test_long_noise_is_fast() -> None:
    text = "12 " * 300_000 + "1/" * 300_000
    start = time.perf_counter()
    assert parse_date(text) is None
    assert time.perf_counter() - start < 2.0
