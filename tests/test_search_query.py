import pytest

from tuireader.errors import SearchQueryError
from tuireader.search_query import Term, parse, to_fts5


@pytest.mark.parametrize(
    "query, fts",
    [
        ("kairo", '"kairo"*'),
        ("gencatan kairo", '"gencatan"* AND "kairo"*'),
        ('"gencatan senjata"', '"gencatan senjata"'),
        ("banjir OR flood", '("banjir"* OR "flood"*)'),
        ("hamas -israel", '"hamas"* NOT "israel"*'),
        ("al-azhar", '"al azhar"'),
        ("AND", '"AND"*'),
        ("NEAR(a b)", '"NEAR a" AND "b"'),
    ],
)
def test_text_part_becomes_quoted_fts5(query, fts):
    assert to_fts5(parse(query)) == fts


@pytest.mark.parametrize(
    "query, key, value",
    [
        ("tag:politik", "tag", "politik"),
        ("lang:ID", "lang", "id"),
        ("after:2025-08-01", "after", "2025-08-01"),
        ("before:2025-09-01", "before", "2025-09-01"),
        ("is:unread", "is", "unread"),
        ("source:Harian_Nusantara", "source", "Harian Nusantara"),
    ],
)
def test_filters_are_parsed(query, key, value):
    assert parse(query).filters[key] == [value]


def test_filters_combine_with_words():
    parsed = parse("kairo tag:gaza lang:id")
    assert parsed.groups == [[Term("kairo")]]
    assert set(parsed.filters) == {"tag", "lang"}


@pytest.mark.parametrize(
    "query, message",
    [
        ('"lone quote', "unclosed quote at column 1"),
        ("AND OR", "OR at the end"),
        ("a OR OR b", "OR at column 6 needs a word on both sides"),
        ("OR kairo", "needs a word on both sides"),
        ("kairo OR", "OR at the end"),
        ("after:yesterday", "not a date"),
        ("is:maybe", "use one of"),
        ("-hamas", "cannot only exclude"),
        ("tag:", "needs a value"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query, message):
    with pytest.raises(SearchQueryError, match=message):
        parse(query)


def test_punctuation_alone_is_ignored():
    assert parse('* ( )').is_empty


def test_filter_values_may_be_quoted():
    assert parse('tag:"pemilu 2024" kairo').filters["tag"] == ["pemilu 2024"]


def test_a_single_letter_is_matched_as_a_word_not_a_prefix():
    assert to_fts5(parse("d")) == '"d"'
    assert to_fts5(parse("de")) == '"de"*'
