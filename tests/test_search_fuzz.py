"""Whatever is typed into search: results or a SearchQueryError, never another exception or a traceback."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import make_article
from tuireader.cli import main
from tuireader.errors import SearchQueryError
from tuireader.store.library import Library

FTS_PIECES = [
    "AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR(a b, 2)", "(", ")", '"', "'", "*", "^", ":", "-", "+", "{", "}",
    "title:", "body:", "{title body}:", "{title}:", "-title:", "articles_fts:", "rank:", "rowid:",
    "tag:", "lang:", "source:", "after:", "before:", "is:", "person:", "org:", "place:", "is:unread", "is:nope",
    "after:2025-13-45", "before:yesterday", "tag:\"", "lang:", "kairo", "banjir", "café", "新闻", "😀", "\u202e",
    "\x00", "\x1b[31m", "%", "_", "\\", ";", "--", "/*", "'; DROP TABLE articles; --", "OR OR", "NOT NOT",
]
queries = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(FTS_PIECES) | st.text(min_size=1, max_size=8), max_size=10).map(" ".join),
    st.lists(st.sampled_from(FTS_PIECES), max_size=12).map("".join),
)


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory) -> Library:
    library = Library.open(tmp_path_factory.mktemp("fuzz") / "library.db")
    library.store_articles([
        make_article("Gencatan senjata dibahas di Kairo", "Delegasi tiba di Kairo. NEAR AND OR NOT title: body:", lang="id"),
        make_article("Banjir di Padang", "Banjir bandang melanda kota. café 新闻 😀", lang="id", published="2025-08-11"),
        make_article("Budget deficit", "The deficit would be 2.5% of GDP (\"quoted\").", lang="en"),
    ])
    yield library
    library.close()


SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(query=queries)
@example('title:kairo')
@example('{title body}:kairo')
@example('NEAR(kairo delegasi, 3)')
@example('kai*')
@example('^kairo')
@example('"unclosed')
@example('kairo OR')
@example('(((')
@example(')')
@example('-')
@example('""')
@example('tag:')
def test_library_search_raises_only_search_query_errors(fuzz_library, query):
    for call in (
        lambda: fuzz_library.search(query),
        lambda: fuzz_library.article_ids(query=query),
        lambda: fuzz_library.article_ids(sort="relevance", query=query),
        lambda: fuzz_library.article_ids(sort="title", query=query),
    ):
        try:
            call()
        except SearchQueryError as error:
            assert str(error) and "\n" not in str(error)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries.filter(lambda q: not q.startswith("-") and "\x00" not in q))
@example('"unclosed')
@example("kairo OR")
@example("NEAR(")
@example("{title body}:x")
def test_cli_search_never_prints_a_traceback(fuzz_library, query):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as done:
        main(["search", "--library", str(fuzz_library.path), "--", query])
    assert done.value.code in (0, 1)
    assert "Traceback" not in err.getvalue() and "unexpected error" not in err.getvalue()
    if done.value.code == 1:
        assert len(err.getvalue().strip().splitlines()) == 1
