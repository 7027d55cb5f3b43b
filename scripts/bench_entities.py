#!/usr/bin/env python
"""Speed / load-time benchmark of the shipped entity recogniser.

    python scripts/bench_entities.py [--data /work/shared/data/ner]

Reports (CPU time of this single-threaded process, so robust to a busy
machine): model load time, ``tag_tokens`` tokens/s on the valid files (warm
word cache and cold), and ``recognise`` tokens/s on raw text rebuilt from the
valid sentences (tokenisation + sentence split + tagging + consistency pass).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/ner"))
    args = ap.parse_args()
    code = ("import time; t=time.perf_counter(); c=time.process_time(); "
            "from tuireader.entities import recogniser as r; r._get('{lang}'); "
            "print(time.perf_counter()-t, time.process_time()-c)")
    for lang in ("id", "en"):
        wall, cpu = subprocess.run([sys.executable, "-c", code.format(lang=lang)], capture_output=True,
                                   text=True, cwd=Path(__file__).resolve().parents[1]).stdout.split()
        print(f"load {lang}: wall {float(wall) * 1000:.0f} ms, cpu {float(cpu) * 1000:.0f} ms")
    from tuireader.entities.evaluate import read_conll
    from tuireader.entities.recogniser import recognise, tag_tokens, _get
    from tuireader.entities.tokenize import tokenize

    for lang, names in (("id", ["id-nergrit", "id-idner2k"]), ("en", ["en-conll2003"])):
        sents = [[t for t, _ in s] for n in names for s in read_conll(args.data / n / "valid.tsv")]
        ntok = sum(len(s) for s in sents)
        _get(lang).fx.forget_words()
        c = time.process_time()
        for s in sents:
            tag_tokens(s, lang)
        cold = ntok / (time.process_time() - c)
        c = time.process_time()
        for s in sents:
            tag_tokens(s, lang)
        warm = ntok / (time.process_time() - c)
        # raw text, in "articles" of 30 sentences
        texts = []
        for i in range(0, len(sents), 30):
            texts.append("\n".join(" ".join(s) for s in sents[i:i + 30]))
        ntok2 = sum(len(tokenize(t)) for t in texts)
        c = time.process_time()
        for t in texts:
            recognise(t, lang)
        rec = ntok2 / (time.process_time() - c)
        print(f"{lang}: tag_tokens {cold:,.0f} tok/s (cold cache) {warm:,.0f} tok/s (warm); "
              f"recognise() {rec:,.0f} tok/s over {ntok2:,} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
