"""Throughput of the rule-based figure parser: prints tokens/s (median of 5 runs).

Run: python benchmarks/bench_figures.py [n_articles]
The text is generated here (Indonesian and English sentences with and without
figures), so the benchmark needs no data files.
"""

from __future__ import annotations

import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tuireader.figures.parser import find_figures  # noqa: E402

_SENTENCES_ID = [
    "Pemerintah menyiapkan anggaran Rp {a},{b} triliun untuk pemulihan wilayah pesisir pada {d} Agustus {y}.",
    "Sebanyak {n}.{m:03d} warga mengungsi ke {k} lokasi dan {p} orang masih dirawat di rumah sakit.",
    "Inflasi tahunan tercatat {a},{b} persen, sementara pertumbuhan ekonomi mencapai {a},{b}{b} persen.",
    "Gubernur mengatakan bantuan akan disalurkan selama {k} hari ke depan kepada para korban banjir.",
    "Menteri itu berbicara di Jakarta pada Selasa ({d}/{mo}) dan menyebut proyek selesai dalam dua tahun.",
    "Kepala desa menjelaskan bahwa jalan yang rusak sepanjang beberapa kilometer belum juga diperbaiki.",
    "Hujan deras yang turun sejak pagi membuat sungai meluap dan merendam permukiman di sekitar pasar.",
    "Harga beras naik menjadi Rp{n}.{m:03d} per kilogram menurut data Badan Pusat Statistik.",
]
_SENTENCES_EN = [
    "The government set aside US${a}.{b} billion for recovery on August {d}, {y}, officials said.",
    "About {n},{m:03d} people were evacuated to {k} shelters and {p} remain in hospital.",
    "Inflation rose {a}.{b} percent while the central bank held its rate for {k} months.",
    "The governor said aid would flow for the next {k} days to families who lost their homes.",
    "Residents said the river had burst its banks before dawn, flooding streets near the market.",
    "Police said the suspect, who was arrested on Tuesday, had been in the area since last year.",
]


def make_text(rng: random.Random, sentences: list[str], n_sentences: int) -> str:
    parts = []
    for _ in range(n_sentences):
        template = rng.choice(sentences)
        parts.append(
            template.format(
                a=rng.randint(1, 99), b=rng.randint(1, 9), d=rng.randint(1, 28), y=rng.randint(2019, 2025),
                n=rng.randint(1, 99), m=rng.randint(0, 999), k=rng.randint(2, 90), p=rng.randint(2, 9),
                mo=rng.randint(1, 12),
            )
        )
    return " ".join(parts)


def main() -> None:
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(7)
    articles = [
        (make_text(rng, _SENTENCES_ID if i % 2 else _SENTENCES_EN, 35), "id" if i % 2 else "en")
        for i in range(n_articles)
    ]
    tokens = sum(len(text.split()) for text, _ in articles)
    published = datetime.date(2025, 8, 13)
    rates = []
    figures = 0
    for _ in range(5):
        t0 = time.perf_counter()
        figures = 0
        for text, lang in articles:
            figures += len(find_figures(text, published, lang))
        rates.append(tokens / (time.perf_counter() - t0))
    per_article_ms = 1000 * tokens / statistics.median(rates) / n_articles
    print(f"{n_articles} articles, {tokens} tokens, {figures} figures per run")
    print(f"median {statistics.median(rates):,.0f} tokens/s ({per_article_ms:.2f} ms per article)")
    long_line = "angka 1.234,5 dan " * 60_000  # ~1,000,000 characters on one line
    t0 = time.perf_counter()
    find_figures(long_line, published, "id")
    print(f"one {len(long_line):,}-char line: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
