"""Which annotation style a stretch of Indonesian text is closest to.

The two Indonesian training sets disagree on conventions: IDNer-2k (news)
leaves a country that acts or modifies ("serangan udara Israel", "bahasa
Indonesia") untagged and draws organisation spans its own way, NERGRIT
(encyclopedic text) tags them. A model trained on both learns a blur of the
two. So the CRF gets, besides every shared attribute, one attribute of the
word *in this style* ("N:w=israel"), and a small logistic regression over
the words of the text picks the style (domain adaptation by feature
augmentation, Daumé 2007). A whole article is classified once; a lone
sentence (as in ``eval-ner``) on its own.

Training is pure Python, deterministic (fixed seed and epochs, rounded
weights), and takes a few seconds; the weights ship inside ``ner_id.json``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

#: Style prefixes: NERGRIT-like encyclopedic text and IDNer-2k-like news.
GENERAL, NEWS = "G", "N"


def words_of(tokens: Iterable[str]) -> list[str]:
    """The classifier's view of a text: each distinct token, lower-cased (case variants count apart)."""
    return [t.lower() for t in set(tokens)]


def train_classifier(
    examples: Sequence[tuple[Sequence[str], str]], epochs: int = 15, l2: float = 1e-4, seed: int = 0
) -> dict:
    """Logistic regression (SGD) separating NEWS from GENERAL token sequences.

    Returns ``{"bias": float, "weights": {word: float}}`` with weights rounded to
    4 decimals and near-zero ones dropped, so the shipped file stays small and
    training is reproducible byte for byte.
    """
    data = [(sorted(words_of(tokens)), 1.0 if style == NEWS else 0.0) for tokens, style in examples]
    order = list(range(len(data)))
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    bias = 0.0
    for epoch in range(epochs):
        rng.shuffle(order)
        rate = 0.5 / (1 + epoch)
        for i in order:
            words, y = data[i]
            z = bias + sum(weights.get(w, 0.0) for w in words)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = y - p
            bias += rate * g
            for w in words:
                old = weights.get(w, 0.0)
                weights[w] = old + rate * (g - l2 * old)
    kept = {w: round(v, 4) for w, v in sorted(weights.items()) if abs(v) >= 0.01}
    return {"bias": round(bias, 4), "weights": kept}


class StyleClassifier:
    """The shipped classifier, with each token's weight looked up once per process."""

    __slots__ = ("bias", "weights", "_by_token")

    def __init__(self, classifier: Mapping) -> None:
        self.bias = float(classifier["bias"])
        self.weights: Mapping[str, float] = classifier["weights"]
        self._by_token: dict[str, float] = {}

    def score(self, tokens: Iterable[str]) -> float:
        """Log-odds that the text is news-style (positive) rather than encyclopedic."""
        by_token = self._by_token
        total = self.bias
        for t in set(tokens):
            w = by_token.get(t)
            if w is None:
                w = by_token[t] = self.weights.get(t.lower(), 0.0)
            total += w
        return total

    def style_of(self, sentences: Sequence[Sequence[str]]) -> str:
        """One style for a whole text: the sentences' log-odds added up (no evidence → news)."""
        return GENERAL if sum(self.score(s) for s in sentences) < 0 else NEWS
