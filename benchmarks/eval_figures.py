"""Accuracy of the figure parser on the hand-annotated articles in tests/data/figure_articles.

Run: python benchmarks/eval_figures.py
Prints, per kind, the annotated figures and how many came out right, wrong (value, unit
or kind), missing, plus false positives (figures overlapping no annotation), then every
mismatch. See tests/data/figure_articles/README.md for the annotation format.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figure_corpus import COLUMNS, CORPUS_DIR, KINDS, Score, load_annotations, score_corpus  # noqa: E402

_HEADERS = ("kind", "expected", "right", "wrong", "missing", "false pos.", "% right")


def format_table(score: Score) -> str:
    kinds = list(KINDS) + sorted(k for k in score.counts if k not in KINDS)
    rows = [[kind, *(score.counts.get(kind, {}).get(c, 0) for c in COLUMNS)] for kind in kinds]
    rows.append(["total", *(score.total(c) for c in COLUMNS)])
    lines = []
    widths = [max(len(_HEADERS[0]), *(len(r[0]) for r in rows))] + [len(h) for h in _HEADERS[1:]]
    lines.append("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(_HEADERS, widths))))
    lines.append("  ".join("-" * w for w in widths))
    for i, row in enumerate(rows):
        if i == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        expected, right = row[1], row[2]
        percent = f"{100 * right / expected:.1f}" if expected else "-"
        cells = [row[0].ljust(widths[0]), *(str(v).rjust(w) for v, w in zip(row[1:], widths[1:])), percent.rjust(widths[-1])]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main() -> int:
    n_articles = len(load_annotations(CORPUS_DIR))
    score = score_corpus(CORPUS_DIR)
    expected, right = score.total("expected"), score.total("right")
    print(f"figure corpus: {n_articles} articles, {expected} scored figures, {score.optional} optional annotations\n")
    print(format_table(score))
    overall = f"{100 * right / expected:.1f}%" if expected else "-"
    print(f"\noverall: {right}/{expected} right ({overall}), {score.total('false_positive')} false positives")
    if score.broken_anchors:
        print(f"broken anchors (not scored, fix expected.json): {len(score.broken_anchors)}")
    print(f"\nmismatches: {len(score.mismatches)}")
    for mismatch in score.mismatches:
        print(f"  {mismatch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
