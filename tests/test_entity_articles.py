"""The entity corpus in tests/data/entity_articles: its loader and scorer.

These test the annotations (every anchor is found) and the scoring rules, not the model:
no accuracy threshold is asserted, so retraining cannot break them. The accuracy itself is
printed by benchmarks/eval_entities.py; both share benchmarks/entity_corpus.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import benchmark_modules

ec = benchmark_modules.load("entity_corpus")
ANNOTATIONS = ec.load_annotations()


def _corpus(tmp_path: Path, body: str, records: list[dict], name: str = "a.txt") -> list:
    (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps([{"file": name, **r} for r in records]), encoding="utf-8")
    return ec.load_annotations(tmp_path)[name]


def _entity(body: str, text: str, label: str, after: int = 0) -> dict:
    start = body.index(text, after)
    return {"text": text, "label": label, "start": start, "end": start + len(text)}


# ---------------------------------------------------------------- the shipped corpus

def test_corpus_has_every_article_annotated():
    assert sorted(ANNOTATIONS) == ec.article_files()
    assert len(ANNOTATIONS) >= 10
    assert all(any(not a.optional for a in annotations) for annotations in ANNOTATIONS.values())


def test_every_anchor_is_found():
    broken = []
    for name, file_annotations in ANNOTATIONS.items():
        body = ec.prepare_article(ec.CORPUS_DIR / name).body
        broken += [f"{name}: anchor {a.anchor!r} ({a.describe()}) not found after the previous anchor"
                   for a, where in ec.locate_all(body, file_annotations) if where is None]
    if broken:
        pytest.fail(f"{len(broken)} broken anchors:\n" + "\n".join(broken))


def test_corpus_scores_add_up():
    """The whole corpus through the extractor: every count accounted for, whatever the model gets right."""
    by_lang = {}
    for name, file_annotations in ANNOTATIONS.items():
        article = ec.extract_article(ec.CORPUS_DIR / name)
        for e in article.entities:
            assert article.body[e["start"]:e["end"]] == e["text"], (name, e)
        score = ec.score_article(name, article.body, article.entities, file_annotations)
        assert not score.broken_anchors
        # each extracted entity is scored or lies on an optional annotation, exactly once
        assert score.total("scored") + sum(score.on_optional.values()) == len(article.entities), name
        assert score.optional == sum(a.optional for a in file_annotations)
        by_lang.setdefault(article.lang, ec.Score()).add(score)
    assert set(by_lang) == {"id", "en"}

    corpus = ec.score_corpus()
    assert list(corpus) == ["id", "en", "all"]
    total = ec.Score()
    for lang, score in by_lang.items():
        assert score.counts == corpus[lang].counts
        total.add(score)
    assert total.counts == corpus["all"].counts

    for score in corpus.values():
        for label, counts in score.counts.items():
            outcomes = counts["right"] + counts["wrong_type"] + counts["wrong_span"] + counts["missed"]
            assert outcomes == counts["expected"], label
        assert score.total("correct") == score.total("right")
        for status, column in (("missed", "missed"), ("wrong type", "wrong_type"), ("wrong span", "wrong_span"),
                               ("extra", "extra"), ("false positive", "false_positive")):
            assert sum(m.status == status for m in score.mismatches) == score.total(column), status
        assert len(score.unscored) == score.on_optional["other"]
        p, r, f1 = score.prf()
        assert 0 <= p <= 1 and 0 <= r <= 1 and min(p, r) <= f1 <= max(p, r)
    assert corpus["all"].total("expected") >= 300


# ---------------------------------------------------------------- the scorer on a made-up article

BODY = ("Ketua DPR Puan Maharani bertemu Menteri Sugiono di Jakarta pada Senin. "
        "Persib Bandung menang atas Persija di GBLA, kata Budi kepada Kompas.com.")
RECORDS = [
    {"anchor": "DPR", "label": "ORG"},
    {"anchor": "Puan Maharani", "label": "PERSON"},
    {"anchor": "Sugiono", "label": "PERSON"},
    {"anchor": "Jakarta", "label": "LOCATION"},
    {"anchor": "Persib Bandung", "label": "ORG", "alts": ["Persib"]},
    {"anchor": "atas [[Persija]]", "label": ["ORG", "LOCATION"]},
    {"anchor": "GBLA", "label": "LOCATION", "optional": True},
    {"anchor": "kata [[Budi]]", "optional": True},
    {"anchor": "Kompas.com", "analyses": [[{"text": "Kompas.com", "label": "ORG"}],
                                          [{"text": "Kompas", "label": "ORG"}]]},
]


def test_scorer_classifies_every_case(tmp_path):
    annotations = _corpus(tmp_path, BODY, RECORDS)
    entities = [
        _entity(BODY, "DPR", "ORG"),                  # right
        _entity(BODY, "Puan Maharani", "ORG"),        # wrong type
        _entity(BODY, "Menteri Sugiono", "PERSON"),   # wrong span (a title inside the span)
        # Jakarta: missed
        _entity(BODY, "Senin", "PERSON"),             # false positive
        _entity(BODY, "Persib", "ORG"),               # right, through the alternative span
        _entity(BODY, "Bandung", "LOCATION"),         # extra: inside an annotated region
        _entity(BODY, "Persija", "LOCATION"),         # right: the second acceptable label
        _entity(BODY, "GBLA", "PERSON"),              # optional, not as annotated: not scored
        _entity(BODY, "Budi", "PERSON"),              # optional with any label: not scored
        _entity(BODY, "Kompas", "ORG"),               # right, through the second analysis
    ]
    score = ec.score_article("a.txt", BODY, entities, annotations)
    c = score.counts
    assert (c["ORG"]["expected"], c["ORG"]["right"], c["ORG"]["scored"], c["ORG"]["correct"]) == (4, 4, 4, 3)
    assert (c["PERSON"]["expected"], c["PERSON"]["wrong_type"], c["PERSON"]["wrong_span"]) == (2, 1, 1)
    assert (c["PERSON"]["right"], c["PERSON"]["false_positive"], c["PERSON"]["scored"]) == (0, 1, 2)
    assert (c["LOCATION"]["expected"], c["LOCATION"]["missed"], c["LOCATION"]["extra"]) == (1, 1, 1)
    assert (c["LOCATION"]["scored"], c["LOCATION"]["correct"]) == (2, 1)  # Bandung, and Persija labelled LOCATION
    assert score.optional == 2 and score.on_optional == {"as annotated": 1, "other": 1}
    assert [m.status for m in score.mismatches] == ["wrong type", "wrong span", "missed", "false positive", "extra"]
    assert [m.got for m in score.mismatches] == ["Puan Maharani ORG", "Menteri Sugiono PERSON", "nothing",
                                                 "Senin PERSON", "Bandung LOCATION"]
    assert all(m.file == "a.txt" for m in score.mismatches)
    assert [m.got for m in score.unscored] == ["GBLA PERSON"]
    assert score.prf() == (4 / 8, 4 / 7, pytest.approx(2 * (4 / 8) * (4 / 7) / (4 / 8 + 4 / 7)))
    assert score.prf("PERSON") == (0.0, 0.0, 0.0)


def test_scorer_without_entities_misses_everything_and_nothing_else(tmp_path):
    annotations = _corpus(tmp_path, BODY, RECORDS)
    score = ec.score_article("a.txt", BODY, [], annotations)
    assert score.total("expected") == score.total("missed") == 7
    assert score.total("scored") == 0 and score.prf() == (0.0, 0.0, 0.0)


def test_wrong_span_needs_an_entity_that_is_no_exact_match(tmp_path):
    body = "kantor Dinas PUPR Kabupaten Bekasi digeledah"
    annotations = _corpus(tmp_path, body, [{"anchor": "Dinas PUPR", "label": "ORG"},
                                           {"anchor": "Kabupaten Bekasi", "label": "LOCATION", "alts": ["Bekasi"]}])
    # one long entity over both: one wrong span each, and it is not also a false positive
    long = _entity(body, "kantor Dinas PUPR Kabupaten Bekasi", "LOCATION")
    score = ec.score_article("a.txt", body, [long], annotations)
    assert [m.status for m in score.mismatches] == ["wrong span", "wrong span"]
    assert score.total("scored") == 1
    # an exact match of one entity is not a wrong span of another it overlaps
    score = ec.score_article("a.txt", body, [_entity(body, "Bekasi", "LOCATION")], annotations)
    assert [m.status for m in score.mismatches] == ["missed"]
    assert score.counts["LOCATION"]["right"] == 1


def test_best_analysis_is_the_one_with_most_exact_hits(tmp_path):
    body = "Ketua Komisi III DPR Habiburokhman"
    annotations = _corpus(tmp_path, body, [{"anchor": "Komisi III DPR", "analyses": [
        [{"text": "Komisi III DPR", "label": "ORG"}],
        [{"text": "Komisi III", "label": "ORG"}, {"text": "DPR", "label": "ORG"}]]}])
    whole = ec.score_article("a.txt", body, [_entity(body, "Komisi III DPR", "ORG")], annotations)
    assert whole.counts["ORG"]["expected"] == whole.counts["ORG"]["right"] == 1
    split = ec.score_article("a.txt", body, [_entity(body, "DPR", "ORG")], annotations)
    assert (split.counts["ORG"]["expected"], split.counts["ORG"]["right"], split.counts["ORG"]["missed"]) == (2, 1, 1)
    nothing = ec.score_article("a.txt", body, [], annotations)
    assert nothing.counts["ORG"]["expected"] == 1  # ties go to the first analysis


# ---------------------------------------------------------------- anchors

def test_locate_whole_words_forward_from_the_previous_region(tmp_path):
    body = "DPRD dan DPR, lalu DPR lagi; Isabela provinces. Puan"
    annotations = _corpus(tmp_path, body, [
        {"anchor": "DPR", "label": "ORG"},                       # not inside "DPRD"
        {"anchor": "DPR", "label": "ORG"},                       # the next one
        {"anchor": "Isabela", "label": "LOCATION", "alts": ["Isabela provinces"]},  # an alternative past the region
        {"anchor": "Maharani", "label": "PERSON"},               # broken
        {"anchor": "[[Puan]]", "label": "PERSON"},               # found after a broken one
    ])
    located = ec.locate_all(body, annotations)
    assert [where.region if where else None for _, where in located] == [(9, 12), (19, 22), (29, 36), None, (48, 52)]
    assert located[2][1].analyses[0][0].spans == ((29, 36), (29, 46))
    score = ec.score_article("a.txt", body, [], annotations)
    assert [m.status for m in score.mismatches] == ["broken anchor"] + ["missed"] * 4
    assert score.total("expected") == 4 and len(score.broken_anchors) == 1


def test_locate_marks_the_span_inside_a_longer_anchor(tmp_path):
    body = "Gubernur Jakarta Pramono Anung ke Jakarta Utara"
    annotations = _corpus(tmp_path, body, [{"anchor": "ke [[Jakarta]] Utara", "label": "LOCATION"}])
    (annotation, where), = ec.locate_all(body, annotations)
    assert body[slice(*where.region)] == "Jakarta" and where.region[0] == body.index("Jakarta Utara")


def test_loader_rejects_bad_records(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    for bad in ('[{"file": "a.txt", "anchor": "x", "label": "LOC"}]',
                '[{"file": "a.txt", "anchor": "x"}]',
                '[{"file": "b.txt", "anchor": "x", "label": "ORG"}]',
                '[{"file": "a.txt", "anchor": "[[x", "label": "ORG"}]',
                '[{"file": "a.txt", "anchor": "x", "label": "ORG", "kind": "ORG"}]',
                '[{"file": "a.txt", "anchor": "x", "label": "ORG", "alts": "y"}]',
                '[{"file": "a.txt", "anchor": "x", "label": "ORG", "analyses": [[{"text": "x", "label": "ORG"}]]}]',
                '[{"file": "a.txt", "anchor": "x y", "analyses": [[{"text": "z", "label": "ORG"}]]}]',
                '[{"file": "a.txt", "anchor": "x", "label": "ORG", "optional": "yes"}]',
                '[]'):
        (tmp_path / "expected.json").write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError):
            ec.load_annotations(tmp_path)
    (tmp_path / "expected.json").write_text('[{"file": "a.txt", "anchor": "x", "optional": true}]', encoding="utf-8")
    assert ec.load_annotations(tmp_path)["a.txt"][0].analyses[0][0].labels is None
