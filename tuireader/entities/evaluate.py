"""Entity-level evaluation of the recogniser on ``token<TAB>tag`` files.

conlleval rules: a chunk starts at ``B-X``, or at ``I-X`` whose previous tag
is ``O`` or of another type; exact span and type must match.  MISC is
ignored in gold and prediction (mapped to ``O``); scores cover PER/ORG/LOC.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

__all__ = ["read_conll", "bio_spans", "chunks", "score", "evaluate_file", "write_predictions", "guess_lang"]

TYPES = ("PER", "ORG", "LOC")


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of ``(token, tag)``; blank lines separate sentences."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def _norm(tag: str) -> str:
    if tag == "O" or len(tag) < 3 or tag[2:] not in TYPES:
        return "O"
    return tag


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end_exclusive, type)`` of each entity in a BIO sequence, in order (conlleval:
    an ``I-`` after ``O`` or after another type starts a new entity)."""
    if tags.count("O") == len(tags):  # most sentences: nothing to scan
        return []
    # the product rules ask again and again about a sentence they have not changed: hashing the
    # tags is done in C, the scan below is not
    return list(_spans(tuple(tags)))


@lru_cache(maxsize=4096)
def _spans(tags: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    start, typ = None, None
    for i, tag in enumerate(tags):
        if tag == "O":
            if start is not None:
                out.append((start, i, typ))
            start = typ = None
            continue
        pre, t = tag[0], tag[2:]
        if pre == "B" or start is None or t != typ:
            if start is not None:
                out.append((start, i, typ))
            start, typ = i, t
    if start is not None:
        out.append((start, len(tags), typ))
    return tuple(out)


def to_bilou(tags: list[str]) -> list[str]:
    """The same entities in BILOU tags: ``U-`` for a one-word entity, ``L-`` for the last word of a longer one."""
    out = ["O"] * len(tags)
    for a, b, typ in bio_spans(tags):
        if b - a == 1:
            out[a] = "U-" + typ
        else:
            out[a] = "B-" + typ
            for k in range(a + 1, b - 1):
                out[k] = "I-" + typ
            out[b - 1] = "L-" + typ
    return out


def bio_label(label: str) -> str:
    """A BILOU label as the BIO label of the same position (``U-`` -> ``B-``, ``L-`` -> ``I-``)."""
    if label[:2] == "U-":
        return "B-" + label[2:]
    if label[:2] == "L-":
        return "I-" + label[2:]
    return label


def chunks(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """The chunks of one tag sequence scored by conlleval (types outside PER/ORG/LOC are O)."""
    return set(bio_spans([_norm(tag) for tag in tags]))


def score(gold_seqs: Iterable[list[str]], pred_seqs: Iterable[list[str]]) -> dict:
    """Per-type and overall precision / recall / F1 with counts."""
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, n_pred, n_gold
    for g, p in zip(gold_seqs, pred_seqs):
        gc = chunks(g)
        pc = chunks(p)
        for c in pc:
            counts[c[2]][1] += 1
            if c in gc:
                counts[c[2]][0] += 1
        for c in gc:
            counts[c[2]][2] += 1

    def prf(tp, npred, ngold):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": tp, "predicted": npred, "gold": ngold}

    result = {"per_type": {t: prf(*counts[t]) for t in TYPES}}
    tot = [sum(counts[t][k] for t in TYPES) for k in range(3)]
    result["overall"] = prf(*tot)
    return result


def guess_lang(path: str | Path) -> str:
    """``en`` if the file name/path says English (``/en-`` or ``en-``), else ``id``."""
    s = str(path).replace("\\", "/").lower()
    name = s.rsplit("/", 1)[-1]
    if "/en-" in s or name.startswith("en-") or name.startswith("en_") or "/en/" in s or "conll" in s:
        return "en"
    return "id"


def _predict(sents, lang: str, doc_size: int):
    from .recogniser import tag_document

    tokens = [[t for t, _ in s] for s in sents]
    preds: list[list[str]] = []
    step = max(1, doc_size)
    for i in range(0, len(tokens), step):
        preds.extend(tag_document(tokens[i:i + step], lang, consistency=doc_size > 1))
    return preds


def evaluate_file(path: Path, lang: str | None = None, doc_size: int = 1) -> dict:
    """Score the shipped model on a TSV file.

    ``doc_size`` > 1 treats blocks of that many consecutive sentences as one
    document for the document-level consistency pass (the TSV files carry no
    document boundaries, so the default scores sentence by sentence).
    """
    lang = lang or guess_lang(path)
    sents = read_conll(path)
    gold = [[g for _, g in s] for s in sents]
    pred = _predict(sents, lang, doc_size)
    res = score(gold, pred)
    res["file"] = str(path)
    res["lang"] = lang
    res["sentences"] = len(sents)
    res["tokens"] = sum(len(s) for s in sents)
    return res


def write_predictions(path: Path, out_path: Path, lang: str | None = None, doc_size: int = 1) -> None:
    """Write ``token<TAB>gold<TAB>predicted`` lines (blank line between sentences)."""
    lang = lang or guess_lang(path)
    sents = read_conll(path)
    pred = _predict(sents, lang, doc_size)
    with open(out_path, "w", encoding="utf-8") as fh:
        for s, p in zip(sents, pred):
            for (tok, g), t in zip(s, p):
                fh.write(f"{tok}\t{g}\t{t}\n")
            fh.write("\n")


if __name__ == "__main__":  # pragma: no cover - debugging helper
    import sys

    print(json.dumps(evaluate_file(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None), indent=1))
