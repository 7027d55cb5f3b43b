"""The figure parser on the hand-annotated articles in tests/data/figure_articles.

Every scored figure must come out right (kind, value, unit) and no figure may fall
outside the annotations. Scoring lives in benchmarks/figure_corpus.py, shared with
benchmarks/eval_figures.py, which prints the same comparison as a table.
"""

from __future__ import annotations


import pytest

from tests import benchmark_modules

fc = benchmark_modules.load("figure_corpus")
ANNOTATIONS = fc.load_annotations()


@pytest.fixture(scope="module")
def extracted():
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = fc.extract_article(fc.CORPUS_DIR / name)
        return cache[name]

    return get


def test_corpus_has_every_article_annotated():
    assert sorted(ANNOTATIONS) == fc.article_files()
    assert len(ANNOTATIONS) >= 12


def test_every_anchor_is_found(extracted):
    broken = []
    for name, file_annotations in ANNOTATIONS.items():
        body = extracted(name).body
        broken += [f"{name}: anchor {a.anchor!r} ({a.describe()}) not found after the previous anchor"
                   for a, span in fc.locate_all(body, file_annotations) if span is None]
    if broken:
        pytest.fail(f"{len(broken)} broken anchors:\n" + "\n".join(broken))


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_article_figures(name, extracted):
    article = extracted(name)
    score = fc.score_article(name, article.body, article.figures, ANNOTATIONS[name])
    if score.mismatches:
        pytest.fail(f"{len(score.mismatches)} mismatches:\n" + "\n".join(map(str, score.mismatches)))
    assert score.total("right") == score.total("expected") > 0


# The scorer itself, on a hand-made body, so a vacuous pass cannot hide.

def _figure(body: str, text: str, kind: str, value, unit=None, after: int = 0) -> dict:
    start = body.index(text, after)
    return {"text": text, "kind": kind, "value": value, "unit": unit, "start": start, "end": start + len(text)}


def test_scorer_counts_right_wrong_missing_and_false_positives():
    body = "Harga naik 5% menjadi Rp 100 pada Juli, lalu 5% lagi; 12 orang dan 3 kali."
    annotations = [
        fc.Annotation("a.txt", "5%", "PERCENT", 5, ("%",)),
        fc.Annotation("a.txt", "Rp 100", "MONEY", 100, ("IDR",)),
        fc.Annotation("a.txt", "pada [[Juli]]", None, None, (None,), optional=True),
        fc.Annotation("a.txt", "5%", "PERCENT", 5, ("%",)),  # the second "5%"
        fc.Annotation("a.txt", "12 orang", "COUNT", 12, ("orang", "jiwa")),
    ]
    first = body.index("5%")
    figures = [
        _figure(body, "5%", "PERCENT", 5, "%"),                     # right
        _figure(body, "Rp 100", "MONEY", 100, "USD"),               # wrong unit
        _figure(body, "Juli", "DATE", "2025-07"),                   # on an optional annotation: fine
        # the second 5% is missing
        _figure(body, "12 orang", "COUNT", 12.0, "orang"),          # right (12.0 == 12)
        _figure(body, "3 kali", "COUNT", 3, "kali"),                # false positive
    ]
    assert figures[0]["start"] == first
    score = fc.score_article("a.txt", body, figures, annotations)
    assert score.counts["PERCENT"] == {"expected": 2, "right": 1, "missing": 1}
    assert score.counts["MONEY"] == {"expected": 1, "wrong": 1}
    assert score.counts["COUNT"] == {"expected": 1, "right": 1, "false_positive": 1}
    assert score.optional == 1
    assert [m.status for m in score.mismatches] == ["wrong", "missing", "false positive"]
    assert "'Rp 100' MONEY 100 USD" in str(score.mismatches[0]) and "a.txt" in str(score.mismatches[0])


def test_locate_searches_forward_and_marks_the_span():
    body = "dari 30-40 persen ke 30-40 persen"
    annotations = [fc.Annotation("a.txt", "[[30]]-40 persen", "PERCENT", 30, ("%",)),
                   fc.Annotation("a.txt", "30-[[40 persen]]", "PERCENT", 40, ("%",)),
                   fc.Annotation("a.txt", "[[30]]-40", "PERCENT", 30, ("%",)),
                   fc.Annotation("a.txt", "tidak ada", "COUNT", 1, (None,))]
    spans = [span for _, span in fc.locate_all(body, annotations)]
    assert spans == [(5, 7), (8, 17), (21, 23), None]
    score = fc.score_article("a.txt", body, [], annotations)
    assert [m.status for m in score.mismatches] == ["missing"] * 3 + ["broken anchor"]


def test_loader_rejects_bad_records(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    for bad in ('[{"file": "a.txt", "anchor": "x", "kind": "COUNTS", "value": 1, "unit": null}]',
                '[{"file": "a.txt", "anchor": "x", "value": 1, "unit": null}]',
                '[{"file": "b.txt", "anchor": "x", "kind": "COUNT", "value": 1, "unit": null}]',
                '[{"file": "a.txt", "anchor": "[[x", "kind": "COUNT", "value": 1, "unit": null}]',
                '[{"file": "a.txt", "anchor": "x", "kind": "COUNT", "value": 1, "units": null}]',
                '[]'):
        (tmp_path / "expected.json").write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError):
            fc.load_annotations(tmp_path)
