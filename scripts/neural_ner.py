#!/usr/bin/env python
"""Neural comparison for the entity recogniser (experiment only, not shipped).

BiLSTM (word embeddings trained from scratch + char-CNN + capitalisation
embedding) with a softmax output layer, trained with Adam on one CPU thread
under a wall-clock budget; scored with the same conlleval code as the CRF.
PyTorch is NOT a runtime dependency of tuireader.

    pip install torch==2.13.0
    python scripts/neural_ner.py --lang id --minutes 12
    python scripts/neural_ner.py --lang en --minutes 12
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tuireader.entities.evaluate import read_conll, score  # noqa: E402

DATA = {"id": ["id-nergrit", "id-idner2k"], "en": ["en-conll2003"]}


def cap_feat(w: str) -> int:
    if w.isupper() and len(w) > 1:
        return 1
    if w[:1].isupper():
        return 2
    if any(c.isdigit() for c in w):
        return 3
    if not w[:1].isalnum():
        return 4
    return 0


class Net(nn.Module):
    def __init__(self, nw, nc, nt, wd=100, cd=30, cf=50, hid=128):
        super().__init__()
        self.wemb = nn.Embedding(nw, wd, padding_idx=0)
        self.cemb = nn.Embedding(nc, cd, padding_idx=0)
        self.conv = nn.Conv1d(cd, cf, 3, padding=1)
        self.capemb = nn.Embedding(5, 8)
        self.lstm = nn.LSTM(wd + cf + 8, hid, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(2 * hid, nt)

    def forward(self, w, c, cap):
        B, T, L = c.shape
        ce = self.cemb(c.view(B * T, L)).transpose(1, 2)
        ce = torch.relu(self.conv(ce)).max(dim=2).values.view(B, T, -1)
        x = torch.cat([self.wemb(w), ce, self.capemb(cap)], dim=-1)
        h, _ = self.lstm(self.drop(x))
        return self.out(self.drop(h))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="id")
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/ner"))
    ap.add_argument("--minutes", type=float, default=12)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(13)
    random.seed(13)
    train = [s for n in DATA[args.lang] for s in read_conll(args.data / n / "train.tsv")]
    valid = {n: read_conll(args.data / n / "valid.tsv") for n in DATA[args.lang]}
    wc = Counter(t.lower() for s in train for t, _ in s)
    words = ["<pad>", "<unk>"] + sorted(w for w, c in wc.items() if c >= 2)
    widx = {w: i for i, w in enumerate(words)}
    chars = ["<pad>", "<unk>"] + sorted({ch for s in train for t, _ in s for ch in t})
    cidx = {c: i for i, c in enumerate(chars)}
    tags = sorted({g for s in train for _, g in s})
    tidx = {t: i for i, t in enumerate(tags)}

    def encode(batch):
        T = max(len(s) for s in batch)
        L = min(20, max(len(t) for s in batch for t, _ in s))
        w = torch.zeros(len(batch), T, dtype=torch.long)
        c = torch.zeros(len(batch), T, L, dtype=torch.long)
        cap = torch.zeros(len(batch), T, dtype=torch.long)
        y = torch.full((len(batch), T), -100, dtype=torch.long)
        for i, s in enumerate(batch):
            for j, (t, g) in enumerate(s):
                w[i, j] = widx.get(t.lower(), 1)
                cap[i, j] = cap_feat(t)
                for k, ch in enumerate(t[:L]):
                    c[i, j, k] = cidx.get(ch, 1)
                y[i, j] = tidx.get(g, tidx["O"])
        return w, c, cap, y

    net = Net(len(words), len(chars), len(tags))
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    lossf = nn.CrossEntropyLoss(ignore_index=-100)

    def predict(sents):
        net.eval()
        preds = []
        with torch.no_grad():
            for i in range(0, len(sents), 64):
                b = sents[i:i + 64]
                w, c, cap, _ = encode(b)
                out = net(w, c, cap).argmax(-1)
                for k, s in enumerate(b):
                    preds.append([tags[j] for j in out[k, :len(s)].tolist()])
        net.train()
        return preds

    def evaluate():
        res = {}
        g_all, p_all = [], []
        for n, sents in valid.items():
            p = predict(sents)
            g = [[x for _, x in s] for s in sents]
            res[n] = score(g, p)
            g_all += g
            p_all += p
        res["pooled"] = score(g_all, p_all)
        return res

    t0 = time.time()
    order = sorted(range(len(train)), key=lambda i: len(train[i]))
    batches = [order[i:i + 32] for i in range(0, len(order), 32)]
    best = (-1, None, 0)
    epoch = 0
    while time.time() - t0 < args.minutes * 60:
        epoch += 1
        random.shuffle(batches)
        for b in batches:
            w, c, cap, y = encode([train[i] for i in b])
            # word dropout: unknown-word robustness
            mask = (torch.rand(w.shape) < 0.05) & (w > 0)
            w = w.masked_fill(mask, 1)
            opt.zero_grad()
            out = net(w, c, cap)
            loss = lossf(out.view(-1, len(tags)), y.view(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
        r = evaluate()
        f = r["pooled"]["overall"]["f1"]
        print(f"epoch {epoch} {time.time() - t0:.0f}s valid F1 {f:.4f}", flush=True)
        if f > best[0]:
            best = (f, r, epoch)
    train_s = time.time() - t0
    # speed: tokens/s for inference on one thread, batch of sentences
    allv = [s for v in valid.values() for s in v]
    t1 = time.time()
    predict(allv)
    dt = time.time() - t1
    ntok = sum(len(s) for s in allv)
    size = sum(p.numel() for p in net.parameters()) * 4
    summary = {"lang": args.lang, "best_epoch": best[2], "epochs": epoch, "train_seconds": round(train_s),
               "tokens_per_s_batched": round(ntok / dt), "params_mb_fp32": round(size / 1e6, 2),
               "valid": {n: {"overall": r["overall"], "per_type": {t: v["f1"] for t, v in r["per_type"].items()}}
                         for n, r in best[1].items()}}
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
