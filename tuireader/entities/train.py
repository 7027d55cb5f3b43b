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
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from .domain import GENERAL, NEWS, train_classifier
from .evaluate import bio_spans, chunks, read_conll, score, to_bilou
from .features import FeatureExtractor, encode_brown, load_resources

PKG_MODELS = Path(__file__).resolve().parent / "models"

DATASETS = {
    "id": ["id-nergrit", "id-idner2k"],
    "en": ["en-conll2003"],
}
# unlabelled text for the word clusters: token sequences of these datasets + sample_articles/
CLUSTER_TEXT = {"id": ["id-nergrit", "id-idner2k", "id-nerp"], "en": ["en-conll2003"]}
CASED_FOR_STATS = {"id": ["id-nergrit", "id-idner2k"], "en": ["en-conll2003"]}


#: Annotation style of each dataset (see ``domain.py``); the model learns one word attribute per style.
STYLE_OF_DATASET = {"id-nergrit": GENERAL, "id-idner2k": NEWS, "id-nerp": "P", "en-conll2003": "E"}


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
    entities: dict[str, list[str]] = defaultdict(list)
    for name, c in ent.items():
        typ = max(sorted(c), key=lambda t: c[t])
        if len(name) < 2 or name in lower_common:
            continue
        entities[typ].append(name)
    for v in entities.values():
        v.sort()
    return dict(entities), sorted(first)


def misc_words(sents, min_count: int = 3) -> list[str]:
    """Single words that the data tags as MISC (nationalities: "Qatari", "Egyptian") at least
    ``min_count`` times and never as a person, organisation or place."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        toks = [t for t, _ in s]
        for a, b, typ in bio_spans([g for _, g in s]):
            if b - a == 1:
                counts[toks[a]][typ] += 1
    return sorted(w for w, c in counts.items() if c["MISC"] >= min_count and sum(c.values()) == c["MISC"])


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


REPO = Path(__file__).resolve().parents[2]


def cluster_key(tok: str) -> str:
    """Key of a token in the word-cluster map: lower-cased, digits -> 0."""
    low = tok.lower()
    if any(c.isdigit() for c in low):
        low = "".join("0" if c.isdigit() else c for c in low)
    return low


def sample_article_sentences(lang: str) -> list[list[str]]:
    """Token sequences of the repo's ``sample_articles/`` in ``lang`` (unlabelled text)."""
    import html as _html
    import re

    from .recogniser import guess_language
    from .tokenize import tokenize_sentences

    out = []
    folder = REPO / "sample_articles"
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md", ".html", ".jsonl"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        texts = [text]
        if path.suffix == ".jsonl":
            texts = []
            for line in text.splitlines():
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    texts.append("\n".join(str(v) for v in obj.values() if isinstance(v, str)))
        for t in texts:
            if path.suffix == ".html":
                t = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", t)
                t = _html.unescape(re.sub(r"<[^>]+>", "\n", t))
            if guess_language(t) != lang:
                continue
            for sent in tokenize_sentences(t):
                out.append([t[a:b] for a, b in sent])
    return out


def build_clusters(sents: list[list[str]], sizes=(64, 256, 1024), min_count: int = 2, n_ctx: int = 2000,
                   dim: int = 100, seed: int = 0, iters: int = 25) -> dict[str, str]:
    """Distributional word clusters from unlabelled token sequences.

    Positional PPMI co-occurrence (window +-2, the ``n_ctx`` most frequent
    words as contexts, context-distribution smoothing 0.75) -> truncated SVD
    (``dim``) -> spherical k-means at each size in ``sizes`` (k-means++ seeded,
    fixed seed).  Returns ``key -> "c1.c2.c3"`` (one id per size, base 36).
    numpy/scipy are training-time dependencies only.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    seqs = [[cluster_key(t) for t in s] for s in sents]
    counts = Counter(w for s in seqs for w in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    widx = {w: i for i, w in enumerate(vocab)}
    ctx = vocab[:n_ctx]
    cidx = {w: i for i, w in enumerate(ctx)}
    nc = len(ctx)
    rows, cols = [], []
    for s in seqs:
        ids = [widx.get(w, -1) for w in s]
        cids = [cidx.get(w, -1) for w in s]
        n = len(s)
        for i in range(n):
            wi = ids[i]
            if wi < 0:
                continue
            for off, slot in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + off
                if 0 <= j < n:
                    cj = cids[j]
                    if cj >= 0:
                        rows.append(wi)
                        cols.append(slot * nc + cj)
                else:
                    # sentence boundary contexts
                    rows.append(wi)
                    cols.append(4 * nc + slot)
    m = coo_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
                   shape=(len(vocab), 4 * nc + 4)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((row_sum[m.row] / total) * col_p[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    k = min(dim, min(ppmi.shape) - 1)
    rng = np.random.RandomState(seed)
    v0 = rng.uniform(-1, 1, min(ppmi.shape))
    u, sv, _vt = svds(ppmi, k=k, v0=v0)
    order = np.argsort(-sv)
    u = u[:, order]
    u *= np.sign(u[np.abs(u).argmax(axis=0), np.arange(u.shape[1])])  # fixed sign per component
    x = np.round(u * np.sqrt(sv[order]), 6)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    labels = []
    for size in sizes:
        labels.append(_kmeans(x, min(size, len(vocab)), seed, iters))
    out = {}
    for i, w in enumerate(vocab):
        # last field: frequency bucket (log2 of the count, capped)
        fr = min(int(np.log2(counts[w])), 12)
        out[w] = ".".join([np.base_repr(int(lab[i]), 36).lower() for lab in labels] + [str(fr)])
    return out


def _kmeans(x, k: int, seed: int, iters: int):
    """Spherical k-means (cosine), k-means++ init with a fixed seed; returns labels."""
    import numpy as np

    rng = np.random.RandomState(seed)
    n = x.shape[0]
    # k-means++ on a fixed random sample for speed
    cent = np.empty((k, x.shape[1]))
    first = rng.randint(n)
    cent[0] = x[first]
    d = 1.0 - x @ cent[0]
    for c in range(1, k):
        p = np.maximum(d, 0) ** 2
        p /= p.sum()
        idx = rng.choice(n, p=p)
        cent[c] = x[idx]
        d = np.minimum(d, 1.0 - x @ cent[c])
    lab = None
    for _ in range(iters):
        sim = x @ cent.T
        new = sim.argmax(axis=1)
        if lab is not None and np.array_equal(new, lab):
            break
        lab = new
        for c in range(k):
            mem = x[lab == c]
            if len(mem):
                v = mem.sum(axis=0)
                cent[c] = v / max(np.linalg.norm(v), 1e-9)
    return lab


#: Build-time data packages, pinned so that training is reproducible. Only files inside their wheels are
#: read (``pip download --no-deps``): nlp-id pins numpy/scikit-learn versions that must not be installed.
TRAINING_WHEELS = {"spacy-lookups-data": "1.0.5", "nlp-id": "0.1.23.0"}


def wheel_member(package: str, member: str) -> bytes:
    """One file from a pinned wheel, fetched from the package registry into a cache on first use."""
    import subprocess
    import zipfile

    cache = Path(os.environ.get("TUIREADER_TRAIN_CACHE", Path.home() / ".cache" / "tuireader-train"))
    pattern = f"{package.replace('-', '_')}-{TRAINING_WHEELS[package]}-*.whl"
    if not sorted(cache.glob(pattern)):
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", str(cache), f"{package}=={TRAINING_WHEELS[package]}"], check=True)
    with zipfile.ZipFile(sorted(cache.glob(pattern))[0]) as zf:
        return zf.read(member)


def load_brown(lang: str, top: int) -> dict[str, int]:
    """Brown cluster paths of the capitalised words among the ``top`` most probable in spacy-lookups-data.

    spaCy computed the clusters over a large English web corpus; there are none for Indonesian.
    """
    import gzip

    if lang != "en":
        return {}
    clusters = json.loads(gzip.decompress(wheel_member("spacy-lookups-data", "spacy_lookups_data/data/en_lexeme_cluster.json.gz")))
    prob = json.loads(gzip.decompress(wheel_member("spacy-lookups-data", "spacy_lookups_data/data/en_lexeme_prob.json.gz")))
    words = sorted((w for w, c in clusters.items() if c and w and not any(ch.isspace() for ch in w)),
                   key=lambda w: (-prob.get(w, -99.0), w))
    # capitalised words only: names are what the labelled data lacks; half the entries, same F1 (measured)
    return {w: clusters[w] for w in words[:top] if w[0].isupper()}


def kumparan_sentences() -> list[list[str]]:
    """Token sequences of nlp-id's POS-tagged kumparan news (≈ 550k tokens of cased Indonesian news)."""
    text = wheel_member("nlp-id", "nlp_id/data/dataset_postag.txt").decode("utf-8")
    sents, cur = [], []
    for line in text.splitlines():
        tok = line.split("\t", 1)[0].strip()
        if tok:
            cur.append(tok)
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def prepare_tags(tags, misc: str, scheme: str = "bilou"):
    tags = list(tags) if misc == "train" else ["O" if t.endswith("MISC") else t for t in tags]
    return to_bilou(tags) if scheme == "bilou" else tags


def train_lang(lang: str, data: Path, out: Path, args) -> dict:
    import pycrfsuite

    t0 = time.time()
    names = [n for n in DATASETS[lang] if not args.only or n in args.only.split(",")]
    if lang == "id" and args.with_nerp:
        names.append("id-nerp")
    if lang == "id" and args.add_en:
        names.append("en-conll2003")
    train = {n: read_conll(data / n / "train.tsv") for n in names}
    valid = {n: read_conll(data / n / "valid.tsv") for n in DATASETS[lang] + (["id-nerp"] if lang == "id" else [])}
    if lang == "id" and args.nerp_truecase:
        train["id-nerp"] = truecase_nerp(read_conll(data / "id-nerp" / "train.tsv"),
                                         [s for n in CASED_FOR_STATS["id"] for s in train[n]])
        names.append("id-nerp")
    if not args.no_valid:
        # final model: the valid splits are training data too (scores below are then not honest)
        for n in list(train):
            if n in valid and not (n == "id-nerp" and args.nerp_truecase):
                train[n] = train[n] + valid[n]
    stats_sents = [s for n in CASED_FOR_STATS[lang] if n in train for s in train[n]]
    lower_common = lower_common_words(stats_sents)
    base = load_resources(None)
    honorifics = base.honorifics
    all_train = [s for n in names for s in train[n]]
    use_styles = not args.no_styles and all(n in STYLE_OF_DATASET for n in names) and len(names) > 1
    style_of_sentence = {id(s): STYLE_OF_DATASET[n] if use_styles else "" for n in names for s in train[n]}
    extra_gaz = []
    if lang == "id" and args.nerp_gaz and not args.with_nerp:
        extra_gaz = read_conll(data / "id-nerp" / "train.tsv")
    for n in filter(None, args.gaz_from.split(",")):
        extra_gaz += read_conll(data / n / "train.tsv")
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
    clusters = None
    if args.clusters:
        t_c = time.time()
        unl = [[t for t, _ in s] for n in CLUSTER_TEXT[lang] for s in read_conll(data / n / "train.tsv")]
        if not args.no_valid:
            unl += [[t for t, _ in s] for n in CLUSTER_TEXT[lang] for s in read_conll(data / n / "valid.tsv")]
        unl += sample_article_sentences(lang)
        if args.kumparan and lang == "id":
            unl += kumparan_sentences()
        sizes = tuple(int(x) for x in args.clusters.split(","))
        clusters = build_clusters(unl, sizes=sizes, min_count=args.cluster_min, dim=args.cluster_dim)
        print(f"[{lang}] clusters {sizes} over {sum(map(len, unl)):,} tokens: {len(clusters):,} words, "
              f"{time.time() - t_c:.1f}s", flush=True)
    brown = load_brown(lang, args.brown_top) if args.brown_top else {}
    if brown:
        print(f"[{lang}] Brown clusters for {len(brown):,} words", flush=True)
    meta = {"flags": flags, "lang": lang, "lower_common": sorted(lower_common), "entities": entities,
            "first_names": first, "datasets": names, "misc": args.misc, "trained_on_valid": not args.no_valid}
    if clusters:
        meta["clusters"] = clusters
    if brown:
        meta["brown"] = encode_brown(brown)
    words = misc_words(all_train)
    if words:
        meta["misc_words"] = words
    if use_styles:
        t_s = time.time()
        meta["style"] = train_classifier([([t for t, _ in s], STYLE_OF_DATASET[n]) for n in names for s in train[n]
                                          if STYLE_OF_DATASET[n] in (GENERAL, NEWS)])
        print(f"[{lang}] style classifier: {len(meta['style']['weights']):,} words, {time.time() - t_s:.1f}s", flush=True)
    # 2-fold cross-harvested features for the training sentences
    folds = [[], []]
    for k, s in enumerate(all_train):
        folds[k % 2].append(s)
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    for k in (0, 1):
        other = folds[1 - k]
        ents_k, first_k = harvest(other + extra_gaz, lower_common, honorifics)
        if args.misc_gaz:
            ents_k["MISC"] = misc_chunks_harvest(other)
        if args.no_train_gaz:
            ents_k, first_k = {}, []
        res_k = load_resources(None, entities=ents_k, first_names=first_k)
        res_k.lower_common = frozenset(lower_common)
        res_k.clusters = clusters or {}
        res_k.brown = brown
        fx = FeatureExtractor(res_k, flags)
        for s in folds[k]:
            toks = [t for t, _ in s]
            tags = prepare_tags([g for _, g in s], args.misc, args.scheme)
            trainer.append(fx.sentence(toks, style_of_sentence[id(s)]), tags)
    params = {"max_iterations": args.iters, "feature.possible_transitions": True, "feature.minfreq": args.minfreq}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    elif args.algorithm == "l2sgd":
        params["c2"] = args.c2
    trainer.set_params(params)
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / f"ner_{lang}.crfsuite"
    tmp = out / f"ner_{lang}.crfsuite.tmp"
    t1 = time.time()
    trainer.train(str(tmp))
    tmp.replace(model_path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    meta["attributes"] = sorted({attr for attr, _ in tagger.info().state_features})
    tagger.close()
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
        pred = [recogniser.tag_tokens([t for t, _ in s], lang) for s in sents]  # style guessed, as in use
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
    ap.add_argument("--gaz-from", default="", help="comma-separated datasets whose entity strings join the gazetteer")
    ap.add_argument("--no-styles", action="store_true",
                    help="no per-dataset style attribute and classifier (one blurred convention)")
    ap.add_argument("--only", default="", help="comma-separated training datasets (default: all of the language)")
    ap.add_argument("--algorithm", choices=["lbfgs", "l2sgd", "ap", "pa", "arow"], default="lbfgs",
                    help="crfsuite training algorithm (c1/c2 apply to lbfgs, c2 to l2sgd)")
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--misc", choices=["train", "drop"], default="train")
    ap.add_argument("--scheme", choices=["bilou", "bio"], default="bilou",
                    help="tags the CRF learns: BILOU (measured better: id +0.003, en +0.001) or plain BIO")
    ap.add_argument("--with-nerp", action="store_true")
    ap.add_argument("--nerp-gaz", action="store_true", help="harvest entity lists from NERP too")
    ap.add_argument("--all-gaz", action="store_true", help="harvest entity lists from every dataset")
    ap.add_argument("--add-en", action="store_true", help="add CoNLL training sentences to the id model")
    ap.add_argument("--flags", default="brctx,clctx,ctx2s,ctxlc", help="comma-separated feature flags")
    ap.add_argument("--nerp-truecase", action="store_true", help="add heuristically re-cased NERP to the id model")
    ap.add_argument("--misc-gaz", action="store_true")
    ap.add_argument("--no-train-gaz", action="store_true")
    ap.add_argument("--json", type=Path, help="write the valid report here")
    ap.add_argument("--no-valid", action="store_true",
                    help="train on the train splits only (honest valid scores); default: train + valid (shipped)")
    ap.add_argument("--clusters", default="64,256,1024", help="k-means cluster sizes ('' = no clusters)")
    ap.add_argument("--brown-top", type=int, default=200000,
                    help="English Brown clusters (spacy-lookups-data) for the capitalised words among this many most probable (0 = none)")
    ap.add_argument("--no-kumparan", dest="kumparan", action="store_false",
                    help="build the Indonesian word clusters without nlp-id's kumparan news text")
    ap.add_argument("--cluster-min", type=int, default=2)
    ap.add_argument("--cluster-dim", type=int, default=100)
    args = ap.parse_args(argv)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # deterministic, polite on a shared machine
    if not args.no_valid:
        print("NOTE: training on train + valid (final model); valid scores below are NOT honest", flush=True)
    reports = {}
    for lang in args.langs.split(","):
        reports[lang] = train_lang(lang, args.data, args.out, args)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
