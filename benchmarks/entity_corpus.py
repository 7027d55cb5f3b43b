"""The annotated entity corpus (tests/data/entity_articles): load it, locate anchors, score entities.

Used by tests/test_entity_articles.py and benchmarks/eval_entities.py. Everything here is
a pure function of the corpus files and a list of entities, except `extract_article`,
which runs tuireader in-process exactly as `tuireader extract FILE --json` does
(`prepare_file` for the cleaned body and the detected language, then `extraction.extract`),
so entity offsets index the same body the anchors are located in.

Entities are plain dicts with the keys of `tuireader extract --json`:
text, label, start, end (and canonical, unused here).

Scoring (see `score_article`) is exact span + label, the same rules as the hand scorer the
annotations were first written for, so the two print the same totals.
"""

from __future__ import annotations

import sys
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # when loaded by path, as the tests do

from annotated_corpus import extract_prepared, group_by_file, prepare_article  # noqa: E402

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "entity_articles"
EXPECTED_NAME = "expected.json"
ARTICLE_SUFFIXES = (".txt", ".md")
LABELS = ("PERSON", "ORG", "LOCATION")
# per expected entity (under its first label), then per extracted entity (under its label)
ITEM_COLUMNS = ("expected", "right", "wrong_type", "wrong_span", "missed")
EXTRACTION_COLUMNS = ("extra", "false_positive", "scored", "correct")
COLUMNS = ITEM_COLUMNS + EXTRACTION_COLUMNS

_KEYS = {"file", "anchor", "label", "alts", "analyses", "optional"}
_ENTITY_KEYS = {"text", "label", "alts"}

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Entity:
    """One expected entity: its text, the acceptable labels (None = any) and alternative exact spans."""

    text: str
    labels: tuple[str, ...] | None
    alts: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.text} {'/'.join(self.labels) if self.labels else 'any'}"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One hand-annotated region of an article.

    ``analyses`` are alternative readings of the region, each a tuple of entities; a plain
    record (anchor + label) has one analysis of one entity, the region's own text.
    """

    file: str
    anchor: str
    analyses: tuple[tuple[Entity, ...], ...]
    optional: bool = False

    @property
    def region_text(self) -> str:
        m = re.search(r"\[\[(.+?)\]\]", self.anchor)
        return m.group(1) if m else self.anchor

    def describe(self) -> str:
        text = " | ".join(" + ".join(e.describe() for e in analysis) for analysis in self.analyses)
        return text + (" (optional)" if self.optional else "")


@dataclass(frozen=True, slots=True)
class Expected:
    """An entity of an annotation located in the body: its own span first, then its alternatives'."""

    entity: Entity
    spans: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return self.spans[0]

    @property
    def label(self) -> str:
        """The label it is counted under (the first acceptable one)."""
        return self.entity.labels[0] if self.entity.labels else "-"


@dataclass(frozen=True, slots=True)
class Located:
    annotation: Annotation
    region: Span
    analyses: tuple[tuple[Expected, ...], ...]


@dataclass(frozen=True, slots=True)
class Mismatch:
    file: str
    status: str  # "missed" | "wrong type" | "wrong span" | "extra" | "false positive" | "optional" | "broken anchor"
    label: str  # expected label; the extracted entity's label for "extra" / "false positive" / "optional"
    context: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.file}: {self.status}: {self.context!r}: expected {self.expected}; got {self.got}"


def _columns() -> Counter:
    return Counter({c: 0 for c in COLUMNS})


@dataclass(slots=True)
class Score:
    """Per-label counts (see COLUMNS), optional-annotation counts and every mismatch.

    Item columns count expected entities under their first label; ``extra``,
    ``false_positive``, ``scored`` (extracted entities outside optional annotations, the
    precision denominator) and ``correct`` count extracted entities under their own label.
    ``unscored`` lists entities on optional annotations that are not as annotated (shown,
    never counted).
    """

    counts: dict[str, Counter] = field(default_factory=lambda: {k: _columns() for k in LABELS})
    optional: int = 0
    on_optional: Counter = field(default_factory=Counter)  # "as annotated" / "other"
    mismatches: list[Mismatch] = field(default_factory=list)
    unscored: list[Mismatch] = field(default_factory=list)

    def add(self, other: Score) -> Score:
        for label, counter in other.counts.items():
            self.counts.setdefault(label, _columns()).update(counter)
        self.optional += other.optional
        self.on_optional.update(other.on_optional)
        self.mismatches.extend(other.mismatches)
        self.unscored.extend(other.unscored)
        return self

    def total(self, column: str) -> int:
        return sum(c[column] for c in self.counts.values())

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Exact precision, recall, F1, overall or for one label (0.0 where undefined)."""
        counts = [self.counts.get(label, _columns())] if label else list(self.counts.values())
        correct = sum(c["correct"] for c in counts)
        scored = sum(c["scored"] for c in counts)
        right = sum(c["right"] for c in counts)
        expected = sum(c["expected"] for c in counts)
        p = correct / scored if scored else 0.0
        r = right / expected if expected else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def broken_anchors(self) -> list[Mismatch]:
        return [m for m in self.mismatches if m.status == "broken anchor"]


# ---------------------------------------------------------------- loading

def load_annotations(directory: Path = CORPUS_DIR) -> dict[str, list[Annotation]]:
    """Annotations by article file name, in file order (see ``annotated_corpus.group_by_file``)."""
    return group_by_file(directory, EXPECTED_NAME, article_files(directory), _annotation)


def article_files(directory: Path = CORPUS_DIR) -> list[str]:
    return sorted(p.name for p in Path(directory).iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def _labels(value: object, where: str, optional: bool) -> tuple[str, ...] | None:
    if value is None:
        if not optional:
            raise ValueError(f"{where}: only an optional record may leave out 'label'")
        return None
    labels = tuple(value) if isinstance(value, list) else (value,)
    if not labels or not all(label in LABELS for label in labels):
        raise ValueError(f"{where}: 'label' must be one of {', '.join(LABELS)} or a list of them, not {value!r}")
    return labels


def _alts(value: object, where: str) -> tuple[str, ...]:
    alts = value if value is not None else []
    if not isinstance(alts, list) or not all(isinstance(a, str) and a for a in alts):
        raise ValueError(f"{where}: 'alts' must be a list of non-empty strings")
    return tuple(alts)


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
            "[[" in anchor and anchor.index("[[") + 2 >= anchor.index("]]")):
        raise ValueError(f"{where}: anchor {anchor!r} may hold one non-empty [[...]] span")
    optional = record.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"{where}: 'optional' must be true or false")
    region = re.search(r"\[\[(.+?)\]\]", anchor)
    region = region.group(1) if region else anchor
    if "analyses" in record:
        if "label" in record or "alts" in record:
            raise ValueError(f"{where}: give either 'label' (and 'alts') or 'analyses', not both")
        raw = record["analyses"]
        if not isinstance(raw, list) or not raw or not all(isinstance(a, list) and a for a in raw):
            raise ValueError(f"{where}: 'analyses' must be a non-empty list of non-empty lists")
        analyses = []
        for analysis in raw:
            entities = []
            for item in analysis:
                if not isinstance(item, dict) or set(item) - _ENTITY_KEYS or not isinstance(item.get("text"), str):
                    raise ValueError(f"{where}: an analysis entity is an object with 'text', 'label', 'alts'")
                if item["text"] not in region:
                    raise ValueError(f"{where}: {item['text']!r} is not inside the anchor's span {region!r}")
                entities.append(Entity(item["text"], _labels(item.get("label"), where, optional),
                                       _alts(item.get("alts"), where)))
            analyses.append(tuple(entities))
    else:
        analyses = [(Entity(region, _labels(record.get("label"), where, optional), _alts(record.get("alts"), where)),)]
    return Annotation(file, anchor, tuple(analyses), optional)


# ---------------------------------------------------------------- anchors

def find(body: str, text: str, start: int = 0) -> int:
    """First occurrence of text at or after start, not inside a word (where text starts/ends alphanumeric)."""
    pattern = re.escape(text)
    if text[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if text[-1].isalnum():
        pattern += r"(?!\w)"
    m = re.compile(pattern).search(body, start)
    return m.start() if m else -1


def locate(body: str, annotation: Annotation, cursor: int = 0) -> Located | None:
    """The annotation resolved in the body, searching from cursor; None when the anchor is not found.

    The anchor (brackets removed) is searched as whole words; its region is the ``[[...]]``
    part, else the whole anchor. Each entity is the first occurrence of its text inside the
    region; each alternative is searched around its entity (it may reach past the region:
    "Isabela" with the alternative "Isabela provinces"). A missing entity or alternative
    also makes the annotation unlocatable.
    """
    plain = annotation.anchor.replace("[[", "").replace("]]", "")
    pos = find(body, plain, cursor)
    if pos < 0:
        return None
    start = pos + max(0, annotation.anchor.find("[["))
    end = start + len(annotation.region_text)
    analyses = []
    for analysis in annotation.analyses:
        expected = []
        for entity in analysis:
            p = body.find(entity.text, start, end)
            if p < 0:
                return None
            spans = [(p, p + len(entity.text))]
            for alt in entity.alts:
                q = body.find(alt, max(0, p - len(alt)), p + len(entity.text) + len(alt))
                if q < 0:
                    return None
                spans.append((q, q + len(alt)))
            expected.append(Expected(entity, tuple(spans)))
        analyses.append(tuple(expected))
    return Located(annotation, (start, end), tuple(analyses))


def locate_all(body: str, annotations: list[Annotation]) -> list[tuple[Annotation, Located | None]]:
    """Each annotation with its location (None when not found), each searched after the previous region."""
    out = []
    cursor = 0
    for annotation in annotations:
        located = locate(body, annotation, cursor)
        if located is not None:
            cursor = located.region[1]
        out.append((annotation, located))
    return out


# ---------------------------------------------------------------- scoring

def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def context(body: str, span: Span, width: int = 28) -> str:
    return ("…" + body[max(0, span[0] - width):span[1] + width] + "…").replace("\n", " ")


def _describe(entities: list[dict]) -> str:
    return "; ".join(f"{e['text']} {e['label']}" for e in entities) or "nothing"


def score_article(file: str, body: str, entities: list[dict], annotations: list[Annotation]) -> Score:
    """Score one article's extracted entities against its annotations (exact span + label).

    For each scored annotation, the analysis with the most entities extracted exactly
    (span and label) is the one expected. An expected entity is **right** when an extracted
    entity has its span (or an alternative's) and one of its labels; **wrong type** when
    the span matches but not the label; **wrong span** when extracted entities overlap it
    without any being an exact match of some expected entity (those count once, as used);
    **missed** when nothing overlaps. An extracted entity left over is **extra** when it
    overlaps a scored annotation's region, on an optional annotation (not scored; listed in
    ``unscored`` when not as annotated) when it overlaps only optional ones, and a
    **false positive** otherwise. Precision = correct / scored extracted entities.
    An anchor not found in the body is a "broken anchor" mismatch and is not counted.
    """
    score = Score()
    exact = {(e["start"], e["end"]): e for e in entities}
    located: list[Located] = []
    for annotation, where in locate_all(body, annotations):
        if where is None:
            score.mismatches.append(Mismatch(file, "broken anchor", "-", annotation.anchor, annotation.describe(),
                                             "anchor (or an entity inside it) not found in the cleaned body"))
        else:
            located.append(where)

    def hits(analysis: tuple[Expected, ...]) -> int:
        return sum(any(sp in exact and exact[sp]["label"] in (x.entity.labels or ()) for sp in x.spans)
                   for x in analysis)

    expected: list[Expected] = []
    for where in located:
        if where.annotation.optional:
            score.optional += 1
        else:
            expected.extend(max(where.analyses, key=hits))
    hit = {id(x): next((sp for sp in x.spans if sp in exact), None) for x in expected}
    exact_used = {sp for sp in hit.values() if sp is not None}
    used = set(exact_used)
    for x in expected:
        counts = score.counts.setdefault(x.label, _columns())
        counts["expected"] += 1
        if hit[id(x)] is not None:
            got = exact[hit[id(x)]]
            if got["label"] in x.entity.labels:
                counts["right"] += 1
            else:
                counts["wrong_type"] += 1
                score.mismatches.append(Mismatch(file, "wrong type", x.label, context(body, x.span),
                                                 x.entity.describe(), _describe([got])))
            continue
        over = [e for e in entities
                if overlaps((e["start"], e["end"]), x.span) and (e["start"], e["end"]) not in exact_used]
        if over:
            counts["wrong_span"] += 1
            used.update((e["start"], e["end"]) for e in over)
            score.mismatches.append(Mismatch(file, "wrong span", x.label, context(body, x.span),
                                             x.entity.describe(), _describe(over)))
        else:
            counts["missed"] += 1
            score.mismatches.append(Mismatch(file, "missed", x.label, context(body, x.span),
                                             x.entity.describe(), "nothing"))
    for e in entities:
        sp = (e["start"], e["end"])
        counts = score.counts.setdefault(e["label"], _columns())
        hard = [w for w in located if not w.annotation.optional and overlaps(sp, w.region)]
        soft = [w for w in located if w.annotation.optional and overlaps(sp, w.region)]
        if sp in used or hard or not soft:
            counts["scored"] += 1
        if sp in used:
            continue
        if hard:
            counts["extra"] += 1
            regions = ", ".join(repr(w.annotation.region_text) for w in hard)
            score.mismatches.append(Mismatch(file, "extra", e["label"], context(body, sp),
                                             f"no further entity in {regions}", _describe([e])))
        elif soft:
            ok = any(sp in x.spans and (x.entity.labels is None or e["label"] in x.entity.labels)
                     for w in soft for analysis in w.analyses for x in analysis)
            if ok:
                score.on_optional["as annotated"] += 1
            else:
                score.on_optional["other"] += 1
                score.unscored.append(Mismatch(file, "optional", e["label"], context(body, sp),
                                               "; ".join(w.annotation.describe() for w in soft), _describe([e])))
        else:
            counts["false_positive"] += 1
            score.mismatches.append(Mismatch(file, "false positive", e["label"], context(body, sp),
                                             "no entity", _describe([e])))
    for x in expected:
        sp = hit[id(x)]
        if sp is not None and exact[sp]["label"] in x.entity.labels:
            score.counts.setdefault(exact[sp]["label"], _columns())["correct"] += 1
    return score


# ---------------------------------------------------------------- running tuireader

@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    file: str
    body: str
    lang: str
    entities: list[dict]


def extract_article(path: Path) -> ExtractedArticle:
    """What `tuireader extract PATH --json` prints for a one-article file, computed in-process."""
    path = Path(path)
    article = prepare_article(path)
    extraction = extract_prepared(article)
    entities = [{"text": m.text, "label": m.label, "start": m.start, "end": m.end, "canonical": m.canonical}
                for m in extraction.entities]
    return ExtractedArticle(path.name, article.body, article.lang, entities)


def score_corpus(directory: Path = CORPUS_DIR) -> dict[str, Score]:
    """Run the extractor on every article and score it: a Score per detected language, plus "all"."""
    directory = Path(directory)
    by_lang: dict[str, Score] = {}
    for name, file_annotations in load_annotations(directory).items():
        article = extract_article(directory / name)
        score = score_article(name, article.body, article.entities, file_annotations)
        by_lang.setdefault(article.lang, Score()).add(score)
    total = Score()
    for score in by_lang.values():
        total.add(score)
    return {**dict(sorted(by_lang.items(), key=lambda kv: (kv[0] != "id", kv[0]))), "all": total}
