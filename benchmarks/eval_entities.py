"""Accuracy of entity extraction on the hand-annotated articles in tests/data/entity_articles.

Run: python benchmarks/eval_entities.py
Prints, per language (id, en, all) and per label, the expected entities and how many came
out right, with the wrong type, with a wrong span, missed, plus extra entities inside an
annotated region and false positives (entities overlapping no annotation), exact-match
precision/recall/F1, then every error grouped by kind, with context. Scoring is shared
with tests/test_entity_articles.py via entity_corpus.py; see
tests/data/entity_articles/README.md for the annotation format.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_corpus import CORPUS_DIR, LABELS, Score, load_annotations, score_corpus  # noqa: E402

_HEADERS = ("label", "expected", "right", "wrong type", "wrong span", "missed", "extra", "false pos.",
            "extracted", "P", "R", "F1")
_COLUMNS = ("expected", "right", "wrong_type", "wrong_span", "missed", "extra", "false_positive", "scored")
_GROUPS = (("missed", "missed"), ("wrong type", "wrong type"), ("wrong span", "wrong span"),
           ("extra", "extra entity inside an annotated region"), ("false positive", "false positive"))


def format_table(score: Score) -> str:
    labels = list(LABELS) + sorted(k for k in score.counts if k not in LABELS)
    rows = [[label, *(score.counts.get(label, {}).get(c, 0) for c in _COLUMNS), *score.prf(label)] for label in labels]
    rows.append(["total", *(score.total(c) for c in _COLUMNS), *score.prf()])
    widths = [max(len(_HEADERS[0]), *(len(r[0]) for r in rows))] + [max(len(h), 5) for h in _HEADERS[1:]]
    rule = "  ".join("-" * w for w in widths)
    lines = ["  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(_HEADERS, widths))), rule]
    for i, row in enumerate(rows):
        if i == len(rows) - 1:
            lines.append(rule)
        cells = [row[0].ljust(widths[0])]
        cells += [str(v).rjust(w) for v, w in zip(row[1:9], widths[1:9])]
        cells += [f"{v:.3f}".rjust(w) for v, w in zip(row[9:], widths[9:])]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main() -> int:
    annotations = load_annotations(CORPUS_DIR)
    scores = score_corpus(CORPUS_DIR)
    total = scores["all"]
    print(f"entity corpus: {len(annotations)} articles, {total.total('expected')} scored entities, "
          f"{total.optional} optional annotations (exact span + label)")
    for lang, score in scores.items():
        print(f"\n[{lang}]")
        print(format_table(score))
    p, r, f1 = total.prf()
    print(f"\noverall: {total.total('right')}/{total.total('expected')} right, precision {p:.3f} recall {r:.3f} "
          f"F1 {f1:.3f} ({total.total('scored')} extracted entities scored; on optional annotations: "
          f"{total.on_optional['as annotated']} as annotated, {total.on_optional['other']} other, not scored)")
    if total.broken_anchors:
        print(f"\nbroken anchors (not scored, fix expected.json): {len(total.broken_anchors)}")
        for mismatch in total.broken_anchors:
            print(f"  {mismatch}")
    for status, title in _GROUPS:
        group = [m for m in total.mismatches if m.status == status]
        print(f"\n{title} ({len(group)})")
        for m in group:
            print(f"  {m.file}: {m.context} | expected {m.expected} | got {m.got}")
    print(f"\non optional annotations, not as annotated (not scored) ({len(total.unscored)})")
    for m in total.unscored:
        print(f"  {m.file}: {m.context} | annotated {m.expected} | got {m.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
