"""Train the shipped CRF entity models from the NER TSV data.

    python -m tuireader.entities.train [--data /work/shared/data/ner] [--out tuireader/entities/models]

Deterministic: fixed dataset order, fixed fold assignment, L-BFGS (no
sampling).  Writes ``ner_<lang>.crfsuite`` + ``ner_<lang>.json`` per
language and prints valid scores per dataset and type.

Gazetteer features harvested from the training data (entity strings, first
names) are computed with 2-fold cross-harvesting during training (a
sentence sees only lists harvested from the other fold), so the model does
not learn to over-trust them; the shipped lists are harvested from all the
training data.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from .evaluate import chunks, read_conll, score
from .features import FeatureExtractor, load_resources

PKG_MODELS = Path(__file__).resolve().parent / "models"

DATASETS = {
    "id": ["id-nergrit", "id-idner2k"],
    "en": ["en-conll2003"],
}
CASED_FOR_STATS = {"id": ["id-nergrit", "id-idner2k"], "en": ["en-conll2003"]}


def lower_common_words(sents, min_lower: int = 2) -> set[str]:
    """Words whose lower-case form is at least as frequent as mid-sentence capitalised uses."""
    low = Counter()
    cap = Counter()
    for s in sents:
        for i, (tok, _tag) in enumerate(s):
            if not tok[:1].isalpha():
                continue
            if tok.islower():
                low[tok] += 1
            elif i > 0 and tok[:1].isupper() and not tok.isupper():
                cap[tok.lower()] += 1
    return {w for w, c in low.items() if c >= min_lower and c >= 2 * cap[w]}


def harvest(sents, lower_common: set[str], honorifics: frozenset[str]):
    """Entity strings by majority type and person first names from gold tags."""
    ent = defaultdict(Counter)
    first = Counter()
    for s in sents:
        toks = [t for t, _ in s]
        tags = [g for _, g in s]
        for a, b, typ in sorted(chunks(tags)):
            name = " ".join(toks[a:b])
            ent[name.lower()][typ] += 1
            if typ == "PER" and b - a >= 2:
                f = toks[a]
                fl = f.lower()
                if f[:1].isupper() and fl not in lower_common and fl not in honorifics and len(f) > 1:
                    first[fl] += 1
        # MISC too (as a separate list), to keep names like "Indonesian" apart
        for i, g in enumerate(tags):
            pass
    entities: dict[str, list[str]] = defaultdict(list)
    for name, c in ent.items():
        typ = max(sorted(c), key=lambda t: c[t])
        if len(name) < 2 or name in lower_common:
            continue
        entities[typ].append(name)
    for v in entities.values():
        v.sort()
    return dict(entities), sorted(first)


def misc_chunks_harvest(sents):
    ent = Counter()
    for s in sents:
        toks = [t for t, _ in s]
        tags = [g for _, g in s]
        i = 0
        while i < len(tags):
            if tags[i] == "B-MISC":
                j = i + 1
                while j < len(tags) and tags[j] == "I-MISC":
                    j += 1
                ent[" ".join(toks[i:j]).lower()] += 1
                i = j
            else:
                i += 1
    return sorted(ent)


def truecase_nerp(sents, cased_sents):
    """Heuristically re-case the all-lower-case NERP sentences.

    Non-entity tokens get their majority casing in the cased corpora (mid
    sentence); entity tokens get their most frequent cased form inside gold
    entities of the cased corpora, else Title case; the first token of a
    sentence is capitalised.
    """
    forms = defaultdict(Counter)
    ent_forms = defaultdict(Counter)
    for s in cased_sents:
        for i, (tok, tag) in enumerate(s):
            if tag != "O":
                ent_forms[tok.lower()][tok] += 1
            elif i > 0:
                forms[tok.lower()][tok] += 1
    keep_low = {"dan", "di", "dari", "of", "the", "and", "de", "van", "der", "bin", "binti", "untuk", "ke", "&"}
    out = []
    for s in sents:
        new = []
        for i, (tok, tag) in enumerate(s):
            low = tok.lower()
            if tag != "O":
                if low in ent_forms:
                    t = ent_forms[low].most_common(1)[0][0]
                elif low in keep_low and 0 < i and s[i - 1][1] != "O" and tag.startswith("I-"):
                    t = low
                else:
                    t = tok[:1].upper() + tok[1:]
            else:
                c = forms.get(low)
                t = c.most_common(1)[0][0] if c else tok
            if i == 0:
                t = t[:1].upper() + t[1:]
            new.append((t, tag))
        out.append(new)
    return out


def prepare_tags(tags, misc: str):
    if misc == "train":
        return list(tags)
    return ["O" if t.endswith("MISC") else t for t in tags]


def train_lang(lang: str, data: Path, out: Path, args) -> dict:
    import pycrfsuite

    t0 = time.time()
    names = list(DATASETS[lang])
    if lang == "id" and args.with_nerp:
        names.append("id-nerp")
    if lang == "id" and args.add_en:
        names.append("en-conll2003")
    train = {n: read_conll(data / n / "train.tsv") for n in names}
    if lang == "id" and args.nerp_truecase:
        train["id-nerp"] = truecase_nerp(read_conll(data / "id-nerp" / "train.tsv"),
                                         [s for n in CASED_FOR_STATS["id"] for s in train[n]])
        names.append("id-nerp")
    valid = {n: read_conll(data / n / "valid.tsv") for n in DATASETS[lang] + (["id-nerp"] if lang == "id" else [])}
    stats_sents = [s for n in CASED_FOR_STATS[lang] for s in train[n]]
    lower_common = lower_common_words(stats_sents)
    base = load_resources(None)
    honorifics = base.honorifics
    all_train = [s for n in names for s in train[n]]
    extra_gaz = []
    if lang == "id" and args.nerp_gaz and not args.with_nerp:
        extra_gaz = read_conll(data / "id-nerp" / "train.tsv")
    if args.all_gaz:
        for n in ("id-nergrit", "id-idner2k", "id-nerp", "en-conll2003"):
            if n not in names:
                extra_gaz += read_conll(data / n / "train.tsv")
    entities, first = harvest(all_train + extra_gaz, lower_common, honorifics)
    if args.misc_gaz:
        entities["MISC"] = misc_chunks_harvest(all_train)
    if args.no_train_gaz:
        entities = {}
        first = []
    flags = sorted(f for f in args.flags.split(",") if f)
    meta = {"flags": flags, "lang": lang, "lower_common": sorted(lower_common), "entities": entities,
            "first_names": first, "datasets": names, "misc": args.misc}
    # 2-fold cross-harvested features for the training sentences
    folds = [[], []]
    for k, s in enumerate(all_train):
        folds[k % 2].append(s)
    trainer = pycrfsuite.Trainer(verbose=False)
    for k in (0, 1):
        other = folds[1 - k]
        ents_k, first_k = harvest(other + extra_gaz, lower_common, honorifics)
        if args.misc_gaz:
            ents_k["MISC"] = misc_chunks_harvest(other)
        if args.no_train_gaz:
            ents_k, first_k = {}, []
        res_k = load_resources(None, entities=ents_k, first_names=first_k)
        res_k.lower_common = frozenset(lower_common)
        fx = FeatureExtractor(res_k, flags)
        for s in folds[k]:
            toks = [t for t, _ in s]
            tags = prepare_tags([g for _, g in s], args.misc)
            trainer.append(fx.sentence(toks), tags)
    trainer.set_params({
        "c1": args.c1, "c2": args.c2, "max_iterations": args.iters,
        "feature.possible_transitions": True, "feature.minfreq": args.minfreq,
    })
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / f"ner_{lang}.crfsuite"
    tmp = out / f"ner_{lang}.crfsuite.tmp"
    t1 = time.time()
    trainer.train(str(tmp))
    tmp.replace(model_path)
    with open(out / f"ner_{lang}.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    t2 = time.time()
    print(f"[{lang}] features+append {t1 - t0:.1f}s, train {t2 - t1:.1f}s, model {model_path.stat().st_size / 1e6:.2f} MB", flush=True)
    # evaluate with the shipped resources
    from . import recogniser

    recogniser.reset(out)
    report = {}
    pooled_g, pooled_p = [], []
    for n, sents in valid.items():
        gold = [[g for _, g in s] for s in sents]
        t3 = time.time()
        pred = [recogniser.tag_tokens([t for t, _ in s], lang) for s in sents]
        dt = time.time() - t3
        r = score(gold, pred)
        ntok = sum(len(s) for s in sents)
        r["tokens_per_s"] = round(ntok / dt)
        report[n] = r
        if n != "id-nerp":
            pooled_g += gold
            pooled_p += pred
        _print(n, r)
    if lang == "id":
        r = score(pooled_g, pooled_p)
        report["id-pooled"] = r
        _print("id-pooled(nergrit+idner2k)", r)
    return report


def _print(name, r):
    o = r["overall"]
    types = " ".join(f"{t}={v['f1']:.4f}" for t, v in r["per_type"].items())
    extra = f" {r['tokens_per_s']} tok/s" if "tokens_per_s" in r else ""
    print(f"  {name:30s} P={o['precision']:.4f} R={o['recall']:.4f} F1={o['f1']:.4f}  {types}{extra}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/ner"))
    ap.add_argument("--out", type=Path, default=PKG_MODELS)
    ap.add_argument("--langs", default="id,en")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--misc", choices=["train", "drop"], default="train")
    ap.add_argument("--with-nerp", action="store_true")
    ap.add_argument("--nerp-gaz", action="store_true", help="harvest entity lists from NERP too")
    ap.add_argument("--all-gaz", action="store_true", help="harvest entity lists from every dataset")
    ap.add_argument("--add-en", action="store_true", help="add CoNLL training sentences to the id model")
    ap.add_argument("--flags", default="ctx2s,ctxlc", help="comma-separated feature flags")
    ap.add_argument("--nerp-truecase", action="store_true", help="add heuristically re-cased NERP to the id model")
    ap.add_argument("--misc-gaz", action="store_true")
    ap.add_argument("--no-train-gaz", action="store_true")
    ap.add_argument("--json", type=Path, help="write the valid report here")
    args = ap.parse_args(argv)
    reports = {}
    for lang in args.langs.split(","):
        reports[lang] = train_lang(lang, args.data, args.out, args)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
