"""The annotated figure corpus (tests/data/figure_articles): load it, locate anchors, score figures.

Used by tests/test_figure_articles.py and benchmarks/eval_figures.py. Everything here is
a pure function of the corpus files and a list of figures, except `extract_article`,
which runs tuireader in-process exactly as `tuireader extract FILE --json` does
(`prepare_file` for the cleaned body, language and the date from the file name, then
`extraction.extract`), so figure offsets index the same body the anchors are located in.

Figures are plain dicts with the keys of `tuireader extract --json`:
text, kind, value, unit, start, end.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # when loaded by path, as the tests do

from annotated_corpus import extract_prepared, group_by_file, prepare_article  # noqa: E402

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "figure_articles"
EXPECTED_NAME = "expected.json"
KINDS = ("COUNT", "MONEY", "PERCENT", "DATE", "DURATION")
COLUMNS = ("expected", "right", "wrong", "missing", "false_positive")

_KEYS = {"file", "anchor", "kind", "value", "unit", "optional"}


@dataclass(frozen=True, slots=True)
class Annotation:
    """One hand-annotated figure. ``units`` lists every acceptable unit (None = no unit)."""

    file: str
    anchor: str
    kind: str | None
    value: object
    units: tuple
    optional: bool = False

    def describe(self) -> str:
        if self.kind is None:
            return "optional (any figure or none)"
        unit = "|".join("-" if u is None else u for u in self.units)
        return f"{self.kind} {self.value!r} {unit}" + (" (optional)" if self.optional else "")


@dataclass(frozen=True, slots=True)
class Mismatch:
    file: str
    status: str  # "wrong" | "missing" | "false positive" | "broken anchor"
    kind: str | None  # expected kind; the figure's kind for a false positive
    anchor: str  # for a false positive: the figure in its context
    expected: str
    got: str

    def __str__(self) -> str:
        if self.status == "false positive":
            return f"{self.file}: false positive: got {self.got} in {self.anchor!r}; expected no figure there"
        return f"{self.file}: {self.status}: anchor {self.anchor!r}: expected {self.expected}; got {self.got}"


@dataclass(slots=True)
class Score:
    """Per-kind counts (see COLUMNS), optional annotations seen, and every mismatch."""

    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    optional: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    def add(self, other: Score) -> Score:
        for kind, counter in other.counts.items():
            self.counts.setdefault(kind, Counter()).update(counter)
        self.optional += other.optional
        self.mismatches.extend(other.mismatches)
        return self

    def total(self, column: str) -> int:
        return sum(c[column] for c in self.counts.values())

    @property
    def broken_anchors(self) -> list[Mismatch]:
        return [m for m in self.mismatches if m.status == "broken anchor"]


# ---------------------------------------------------------------- loading

def load_annotations(directory: Path = CORPUS_DIR) -> dict[str, list[Annotation]]:
    """Annotations by article file name, in file order (see ``annotated_corpus.group_by_file``)."""
    return group_by_file(directory, EXPECTED_NAME, article_files(directory), _annotation)


def article_files(directory: Path = CORPUS_DIR) -> list[str]:
    return sorted(p.name for p in Path(directory).glob("*.txt"))


def _annotation(record: object, where: str) -> Annotation:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: not an object")
    unknown = set(record) - _KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    file, anchor = record.get("file"), record.get("anchor")
    if not isinstance(file, str) or not isinstance(anchor, str) or not anchor:
        raise ValueError(f"{where}: 'file' and 'anchor' must be non-empty strings")
    if anchor.count("[[") != anchor.count("]]") or anchor.count("[[") > 1 or (
            "[[" in anchor and anchor.index("[[") > anchor.index("]]")):
        raise ValueError(f"{where}: anchor {anchor!r} may hold one [[...]] span")
    optional = record.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"{where}: 'optional' must be true or false")
    kind = record.get("kind")
    if kind is None and not optional:
        raise ValueError(f"{where}: only an optional record may leave out 'kind'")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    if kind is not None and "value" not in record:
        raise ValueError(f"{where}: 'value' missing")
    unit = record.get("unit")
    units = tuple(unit) if isinstance(unit, list) else (unit,)
    if not all(u is None or isinstance(u, str) for u in units):
        raise ValueError(f"{where}: 'unit' must be a string, null or a list of them")
    return Annotation(file, anchor, kind, record.get("value"), units, optional)


# ---------------------------------------------------------------- anchors

def locate(body: str, anchor: str, cursor: int = 0) -> tuple[int, int] | None:
    """(start, end) of the anchor's span: the first occurrence whose span starts at or after cursor.

    The span is the ``[[...]]`` part of the anchor, else the whole anchor.
    """
    plain = anchor.replace("[[", "").replace("]]", "")
    if "[[" in anchor:
        offset = anchor.index("[[")
        length = anchor.index("]]") - offset - 2
    else:
        offset, length = 0, len(plain)
    i = body.find(plain, max(0, cursor - offset))
    if i < 0:
        return None
    return i + offset, i + offset + length


def locate_all(body: str, annotations: list[Annotation]) -> list[tuple[Annotation, tuple[int, int] | None]]:
    """Each annotation with its span (None when not found), each searched forward from the previous one."""
    located = []
    cursor = 0
    for annotation in annotations:
        span = locate(body, annotation.anchor, cursor)
        if span is not None:
            cursor = span[0] + 1
        located.append((annotation, span))
    return located


# ---------------------------------------------------------------- scoring

def same_value(a: object, b: object) -> bool:
    if isinstance(a, (bool, str)) or isinstance(b, (bool, str)) or a is None or b is None:
        return a == b
    return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))


def matches(figure: dict, annotation: Annotation) -> bool:
    return (figure["kind"] == annotation.kind and same_value(figure["value"], annotation.value)
            and figure["unit"] in annotation.units)


def describe_figure(figure: dict) -> str:
    unit = "-" if figure["unit"] is None else figure["unit"]
    return f"{figure['text']!r} {figure['kind']} {figure['value']!r} {unit}"


def score_article(file: str, body: str, figures: list[dict], annotations: list[Annotation]) -> Score:
    """Score one article's figures against its annotations.

    A scored annotation is right when a figure overlapping its span has its kind, value and
    one of its units; wrong when figures overlap it but none matches; missing when none
    overlaps. A figure overlapping no annotation (optional ones included) is a false positive.
    An anchor not found in the body is a "broken anchor" mismatch and is not counted.
    """
    score = Score()
    used: set[int] = set()
    for annotation, span in locate_all(body, annotations):
        if span is None:
            score.mismatches.append(Mismatch(file, "broken anchor", annotation.kind, annotation.anchor,
                                             annotation.describe(), "anchor not found in the cleaned body"))
            continue
        start, end = span
        hits = [i for i, f in enumerate(figures) if f["start"] < end and start < f["end"]]
        used.update(hits)
        if annotation.optional:
            score.optional += 1
            continue
        counts = score.counts[annotation.kind]
        counts["expected"] += 1
        if any(matches(figures[i], annotation) for i in hits):
            counts["right"] += 1
            continue
        status = "wrong" if hits else "missing"
        counts[status] += 1
        got = "; ".join(describe_figure(figures[i]) for i in hits) or "no figure"
        score.mismatches.append(Mismatch(file, status, annotation.kind, annotation.anchor, annotation.describe(), got))
    for i, figure in enumerate(figures):
        if i in used:
            continue
        score.counts.setdefault(figure["kind"], Counter())["false_positive"] += 1
        context = body[max(0, figure["start"] - 25):figure["end"] + 15].replace("\n", " ")
        score.mismatches.append(Mismatch(file, "false positive", figure["kind"], f"…{context}…",
                                         "no figure", describe_figure(figure)))
    return score


# ---------------------------------------------------------------- running tuireader

@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    file: str
    body: str
    lang: str
    published: str | None
    figures: list[dict]


def extract_article(path: Path) -> ExtractedArticle:
    """What `tuireader extract PATH --json` prints for a one-article file, computed in-process."""
    path = Path(path)
    article = prepare_article(path)
    extraction = extract_prepared(article)
    figures = [{"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit, "start": f.start, "end": f.end}
               for f in extraction.figures]
    return ExtractedArticle(path.name, article.body, article.lang, article.published, figures)


def score_corpus(directory: Path = CORPUS_DIR) -> Score:
    """Run the extractor on every article of the corpus and score it."""
    directory = Path(directory)
    total = Score()
    for name, file_annotations in load_annotations(directory).items():
        article = extract_article(directory / name)
        total.add(score_article(name, article.body, article.figures, file_annotations))
    return total
