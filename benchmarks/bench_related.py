"""Related stories: quality against a plain TF-IDF cosine baseline, and speed at scale.

Run: python benchmarks/bench_related.py [--planted N] [--scale N] [--skip-quality]

Quality (precision@k, k = min(5, thread size - 1), averaged over every member of
every labelled thread), side by side for the shipped scoring and a plain TF-IDF
cosine (sublinear tf, smoothed idf, stop words out, every word kept):

* the bundled samples (``benchmarks/sample_threads.tsv``);
* a generated library with planted threads: ``benchmarks/generate_library.py``
  when it exists (``--count N --out DIR`` writing ``threads.tsv``), else the
  small planted-thread generator below (both languages, places and people that
  recur in unrelated events months apart, several events of one kind at once).

Both go through the real import (recogniser, aliases, index at import).

Speed (``--scale N``, default 100000; 0 skips): a synthetic library of N articles
(Zipf vocabulary, ~350 words, 12 entities each drawn from a Zipf pool) written
straight into SQLite, indexed, then: related() and entity_page() latency (p50,
p95 over 200 random stories / entities), adding 1,000 articles incrementally,
and the index's share of the database size.  The database is cached in /tmp.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tuireader.importing import import_paths  # noqa: E402
from tuireader.store import related_index  # noqa: E402
from tuireader.store.library import Library  # noqa: E402

# -- quality ------------------------------------------------------------------------------


_BASE_WORD = re.compile(r"\w+")


def tfidf_baseline(library: Library):
    """related(article_id, k) by plain TF-IDF cosine over title + body (brute force)."""
    from tuireader.related import stop_words

    stops = stop_words()
    rows = library.db.conn.execute("SELECT id, title, body FROM articles").fetchall()
    counts = {i: Counter(w for w in _BASE_WORD.findall(f"{t}\n{b}".lower()) if w not in stops) for i, t, b in rows}
    df = Counter(w for c in counts.values() for w in c)
    n = len(rows)
    vectors = {}
    for i, c in counts.items():
        v = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vectors[i] = {w: x / norm for w, x in v.items()}

    def related(article_id: int, k: int) -> list[int]:
        q = vectors[article_id]
        scores = []
        for j, v in vectors.items():
            if j != article_id:
                small, big = (q, v) if len(q) < len(v) else (v, q)
                scores.append((sum(x * big.get(w, 0.0) for w, x in small.items()), j))
        scores.sort(reverse=True)
        return [j for _, j in scores[:k]]

    return related


def precision(library: Library, labels: dict[int, str], related_fn) -> tuple[float, int]:
    threads: dict[str, list[int]] = {}
    for article_id, thread in labels.items():
        if thread != "-":
            threads.setdefault(thread, []).append(article_id)
    scores = []
    for members in threads.values():
        if len(members) < 2:
            continue
        k = min(5, len(members) - 1)
        for article_id in members:
            found = related_fn(article_id, k)[:k]
            scores.append(sum(1 for j in found if labels.get(j) == labels[article_id]) / k)
    return (statistics.fmean(scores) if scores else float("nan")), len(scores)


def labels_from_tsv(library: Library, tsv: Path, base: Path) -> dict[int, str]:
    """Ground truth rows (path relative to ``base`` → thread) as article id → thread."""
    keys = {}
    for key, article_id in library.db.conn.execute("SELECT source_key, article_id FROM article_sources"):
        keys[key] = article_id
    by_suffix = {}
    for key, article_id in keys.items():
        by_suffix[key.replace(os.sep, "/")] = article_id
    labels = {}
    with tsv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path, thread = row.get("path") or row.get("key") or "", row.get("thread") or "-"
            name, _, line = path.partition("#")
            full = str(base / name)
            candidates = [full]
            if line and not line.isdigit():  # generate_library.py keys a JSONL record by its url
                candidates = [f"{full}#{line}"]
            elif line:
                number = int(line)
                try:
                    obj = json.loads((base / name).read_text(encoding="utf-8").splitlines()[number - 1])
                    url = obj.get("url") or obj.get("link") or ""
                except (OSError, IndexError, ValueError):
                    url = ""
                candidates = [f"{full}#{url}"] if url else []
                candidates.append(f"{full}#{number}")
            article_id = next((by_suffix[c] for c in candidates if c in by_suffix), None)
            if article_id is not None:
                labels[article_id] = thread
    return labels


def evaluate(name: str, folder: Path, tsv: Path) -> list[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "library.db")
        started = time.perf_counter()
        import_paths(library, [folder])
        import_s = time.perf_counter() - started
        labels = labels_from_tsv(library, tsv, folder)
        ours, n = precision(library, labels, lambda i, k: [s.id for s in related_index.related(library, i, k)])
        base, _ = precision(library, labels, tfidf_baseline(library))
        # Thread reconstruction: share of each member's thread found by thread(), and purity.
        recall, purity = [], []
        for article_id, label in labels.items():
            if label == "-":
                continue
            members = {i for i, t in labels.items() if t == label}
            got = {s.id for s in related_index.thread(library, article_id)}
            recall.append(len(got & members) / len(members))
            purity.append(len(got & members) / len(got))
        library.close()
    return [(name, library.article_count() if False else len(labels), n, ours, base,
             statistics.fmean(recall) if recall else float("nan"), statistics.fmean(purity) if purity else float("nan"),
             import_s)]


# -- a small planted-thread generator (used when benchmarks/generate_library.py is missing) ----

_FIRST = ["Rudi", "Sari", "Bambang", "Lestari", "Hendra", "Wulan", "Agus", "Nining", "Yusuf", "Ratna", "Fajar",
          "Indah", "Taufik", "Melati", "Gilang", "Citra", "Arif", "Putri", "Bayu", "Dewi"]
_LAST = ["Hartono", "Wibisono", "Siregar", "Nasution", "Kusuma", "Pratama", "Halim", "Lubis", "Sembiring",
         "Tanjung", "Saragih", "Mahendra", "Gunadi", "Rahardjo", "Setiadi", "Purnomo", "Hutapea", "Wirawan"]
_PLACES = ["Kabupaten Garut", "Kabupaten Sleman", "Kota Palu", "Kabupaten Banyuwangi", "Kota Ambon", "Kabupaten Agam",
           "Kota Kupang", "Kabupaten Bone", "Kota Jambi", "Kabupaten Sumedang"]
_COMPANIES = ["PT Samudra Niaga", "PT Karya Dirgantara", "PT Lintas Nusa", "PT Bumi Harapan", "PT Sinar Tekno",
              "PT Mega Pangan", "PT Tirta Jaya", "PT Cahaya Logam"]

_TOPICS = {
    "flood": (
        ["Banjir merendam ribuan rumah warga di {place} setelah hujan deras sejak Senin malam.",
         "Kepala BPBD {place}, {person}, mengatakan {n} warga mengungsi ke balai desa dan masjid.",
         "{person} meminta warga di bantaran sungai tetap waspada karena hujan diperkirakan berlanjut.",
         "Bantuan logistik berupa beras, selimut dan air bersih mulai disalurkan ke posko pengungsian di {place}.",
         "Tim SAR gabungan masih mencari {k} warga yang dilaporkan hilang terseret arus sungai.",
         "Pemerintah daerah {place} menetapkan status tanggap darurat selama {k} hari."],
        ["Floods swamped thousands of homes in {place} after heavy rain that began on Monday night.",
         "{person}, who heads the disaster agency in {place}, said {n} residents had fled to shelters.",
         "{person} urged people living along the river to stay alert as more rain was forecast.",
         "Rice, blankets and clean water were being sent to evacuation posts in {place}.",
         "Rescuers were still searching for {k} people swept away by the river.",
         "Authorities in {place} declared a {k}-day state of emergency."]),
    "strike": (
        ["Ribuan buruh {company} di {place} mogok kerja menuntut kenaikan upah.",
         "Ketua serikat pekerja {company}, {person}, mengatakan mogok akan berlanjut sampai tuntutan dipenuhi.",
         "Manajemen {company} menyebut produksi di pabrik {place} turun hingga {k} persen.",
         "{person} menolak tawaran kenaikan upah yang dinilai terlalu kecil.",
         "Dinas Tenaga Kerja {place} memanggil kedua pihak untuk berunding pekan ini.",
         "Mogok itu membuat pengiriman barang dari {place} tertunda."],
        ["Thousands of workers at {company} in {place} walked out demanding higher wages.",
         "Union leader {person} said the strike at {company} would go on until demands were met.",
         "{company} said output at its {place} plant had fallen by {k} percent.",
         "{person} rejected a pay offer the union called far too small.",
         "The labour office in {place} summoned both sides to talks this week.",
         "The strike delayed shipments of goods from {place}."]),
    "court": (
        ["Pengadilan Negeri {place} menggelar sidang perdana kasus korupsi dengan terdakwa {person}.",
         "Jaksa mendakwa {person} merugikan negara Rp {k} miliar dalam proyek jalan di {place}.",
         "Kuasa hukum {person} menyebut dakwaan jaksa kabur dan akan mengajukan eksepsi.",
         "Majelis hakim menunda sidang selama {k} hari untuk mendengar saksi.",
         "Sejumlah pejabat dinas pekerjaan umum {place} akan dihadirkan sebagai saksi.",
         "{person} membantah menerima suap dari kontraktor proyek."],
        ["The {place} district court opened the corruption trial of {person}.",
         "Prosecutors say {person} cost the state {k} billion rupiah on a road project in {place}.",
         "Lawyers for {person} called the indictment vague and said they would object.",
         "Judges adjourned the hearing for {k} days to hear witnesses.",
         "Several public works officials from {place} are due to testify.",
         "{person} denied taking bribes from the project's contractors."]),
    "launch": (
        ["{company} meresmikan pabrik baru di {place} dengan investasi Rp {k} triliun.",
         "Direktur utama {company}, {person}, mengatakan pabrik itu akan menyerap {n} tenaga kerja.",
         "{person} menargetkan produksi komersial dimulai tahun depan.",
         "Pemerintah daerah {place} menyambut investasi {company} dan menjanjikan kemudahan izin.",
         "Saham {company} naik {k} persen setelah pengumuman pabrik tersebut.",
         "Analis menilai rencana ekspansi {company} cukup agresif."],
        ["{company} opened a new plant in {place}, investing {k} trillion rupiah.",
         "{company} chief executive {person} said the plant would employ {n} people.",
         "{person} expects commercial production to start next year.",
         "Officials in {place} welcomed the {company} investment and promised quick permits.",
         "Shares in {company} rose {k} percent after the announcement.",
         "Analysts called the {company} expansion plan aggressive."]),
}


def planted_library(out: Path, threads: int = 40, standalone: int = 60, seed: int = 11) -> Path:
    """Write a planted-thread library under ``out`` (one .txt per story) and threads.tsv; returns the tsv."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    lines: list[str] = []
    count = 0

    def story(topic: str, lang: str, person: str, place: str, company: str, day: int, thread: str) -> None:
        nonlocal count
        count += 1
        id_sentences, en_sentences = _TOPICS[topic]
        sentences = en_sentences if lang == "en" else id_sentences
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(4, 6)))
        fill = dict(person=person, place=place, company=company, n=rng.randint(100, 9000), k=rng.randint(2, 40))
        body = " ".join(s.format(**fill) for s in picked)
        extra = " ".join(s.format(**fill) for s in rng.sample(sentences, 2))
        title = picked[0].format(**fill).rstrip(".")[:90]
        lines.append(json.dumps({
            "title": title, "body": f"{body}\n\n{extra}", "date": date_from(day).isoformat(), "lang": lang,
            "url": f"https://example.com/planted/{count}", "source": rng.choice(["Warta", "Ledger", "Wire"]),
        }, ensure_ascii=False))
        rows.append((f"planted.jsonl#{count}", thread))

    for t in range(threads):
        topic = rng.choice(list(_TOPICS))
        person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        place, company = rng.choice(_PLACES), rng.choice(_COMPANIES)
        start = rng.randint(0, 700)
        for _ in range(rng.randint(3, 7)):
            story(topic, "en" if rng.random() < 0.35 else "id", person, place, company,
                  start + rng.randint(0, 12), f"t{t}")
    for _ in range(standalone):
        topic = rng.choice(list(_TOPICS))
        story(topic, "en" if rng.random() < 0.35 else "id", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
              rng.choice(_PLACES), rng.choice(_COMPANIES), rng.randint(0, 712), "-")
    (out / "planted.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tsv = out / "threads.tsv"
    with tsv.open("w", encoding="utf-8") as handle:
        handle.write("path\tthread\n")
        for name, thread in rows:
            handle.write(f"{name}\t{thread}\n")
    return tsv


def date_from(day: int):
    import datetime

    return datetime.date(2024, 1, 1) + datetime.timedelta(days=day)


def generated_sets(count: int, tmp: Path) -> list[tuple[str, Path, Path]]:
    sets = []
    generator = ROOT / "benchmarks" / "generate_library.py"
    if generator.exists():
        out = tmp / "generated"
        result = subprocess.run([sys.executable, str(generator), "--count", str(count), "--out", str(out)],
                                capture_output=True, text=True)
        if result.returncode == 0 and (out / "threads.tsv").exists():
            sets.append((f"generate_library.py ({count})", out, out / "threads.tsv"))
        else:
            print(f"generate_library.py failed: {result.stderr.strip()[-300:]}", file=sys.stderr)
    planted = tmp / "planted"
    sets.append(("planted (bench)", planted, planted_library(planted)))
    return sets


# -- speed ----------------------------------------------------------------------------------


def synthetic_library(path: Path, n: int, seed: int = 5) -> None:
    """N articles of Zipf-distributed words with Zipf-distributed entities, written straight into SQLite."""
    rng = random.Random(seed)
    library = Library.open(path)
    conn = library.db.conn
    vocab = [f"w{chr(97 + i % 26)}{i:x}" for i in range(60_000)]
    weights = [1 / (r + 1) ** 1.05 for r in range(len(vocab))]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    n_entities = 40_000
    ent_cum = []
    total = 0.0
    for r in range(n_entities):
        total += 1 / (r + 1)
        ent_cum.append(total)
    labels = ["PERSON", "ORG", "LOCATION"]
    with library.transaction():
        conn.executemany(
            "INSERT INTO entities (id, key, label, name) VALUES (?,?,?,?)",
            [(i + 1, f"entity {i}", labels[i % 3], f"Entity {i}") for i in range(n_entities)],
        )
    for chunk_start in range(0, n, 2000):
        articles, article_entities, mentions = [], [], []
        for i in range(chunk_start, min(n, chunk_start + 2000)):
            # A story is a mix of a topic (a narrow band of the vocabulary) and common words.
            topic = rng.randrange(2000)
            words = rng.choices(vocab, cum_weights=cum, k=250)
            words += [vocab[3000 + (topic * 25 + rng.randrange(60)) % 57_000] for _ in range(100)]
            rng.shuffle(words)
            body = " ".join(words)
            day = date_from(rng.randrange(3650)).isoformat()
            article_id = i + 1
            articles.append((article_id, f"/syn/{article_id}", f"h{article_id}", " ".join(words[:8]), body, day))
            ents = set(rng.choices(range(1, n_entities + 1), cum_weights=ent_cum, k=12))
            for e in ents:
                m = rng.randint(1, 4)
                article_entities.append((article_id, e, m, 10 * e % len(body)))
                for j in range(m):
                    start = (e * 7 + j * 97) % (len(body) - 10)
                    mentions.append((article_id, e, start + j, start + j + 5, "xxxxx"))
        with library.transaction():
            conn.executemany(
                """INSERT INTO articles (id, source_path, content_hash, title, body, published, lang, imported_at,
                   updated_at) VALUES (?,?,?,?,?,?,'en','2025-01-01','2025-01-01')""", articles)
            conn.executemany("INSERT OR IGNORE INTO article_entities VALUES (?,?,?,?)", article_entities)
            conn.executemany('INSERT OR IGNORE INTO mentions (article_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)', mentions)
    library.close()


def db_size(path: Path) -> int:
    conn = Library.open(path).db.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def table_bytes(path: Path, prefix: str) -> int:
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        return sum(r[0] for r in conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE ? OR name LIKE ? GROUP BY name",
            (f"{prefix}%", f"sqlite_autoindex_{prefix}%"),
        ))
    except sqlite3.OperationalError:
        return -1
    finally:
        conn.close()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def speed(n: int) -> list[tuple[str, str]]:
    cache = Path(tempfile.gettempdir()) / f"tuireader-bench-related-{n}.db"
    base = Path(tempfile.gettempdir()) / f"tuireader-bench-related-{n}-raw.db"
    rows = []
    if not base.exists():
        started = time.perf_counter()
        synthetic_library(base, n)
        print(f"synthetic library of {n}: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    if not cache.exists():
        shutil.copy(base, cache)
        library = Library.open(cache)
        started = time.perf_counter()
        related_index.rebuild(library)
        rows.append(("full index build", f"{time.perf_counter() - started:.1f} s ({n} articles)"))
        library.close()
    without = db_size(base)
    with_index = db_size(cache)
    index_bytes = table_bytes(cache, "related_")
    rows.append(("database without index", f"{without / 1e6:.0f} MB"))
    rows.append(("index (related_* tables)", f"{index_bytes / 1e6:.0f} MB = +{100 * index_bytes / without:.0f}% "
                 f"(file {with_index / 1e6:.0f} MB)"))
    library = Library.open(cache)
    rng = random.Random(3)
    ids = [rng.randint(1, n) for _ in range(200)]
    related_index.related(library, ids[0])
    times = []
    for article_id in ids:
        started = time.perf_counter()
        related_index.related(library, article_id, 5)
        times.append((time.perf_counter() - started) * 1000)
    rows.append(("related(k=5)", f"p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms"))
    times = []
    for article_id in ids[:40]:
        started = time.perf_counter()
        related_index.thread(library, article_id)
        times.append((time.perf_counter() - started) * 1000)
    rows.append(("thread()", f"p50 {pct(times, 0.5):.0f} ms, p95 {pct(times, 0.95):.0f} ms"))
    # Entities: the commonest ones and random ones (Zipf: the first ids are in many stories).
    entity_ids = [1, 2, 3, 5, 10] + [rng.randint(1, 40_000) for _ in range(195)]
    times = []
    for entity_id in entity_ids:
        started = time.perf_counter()
        related_index.entity_page(library, entity_id)
        times.append((time.perf_counter() - started) * 1000)
    rows.append(("entity_page()", f"p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms, "
                 f"max {max(times):.0f} ms (Entity 0 in {related_index.entity_page(library, 1).story_count} stories)"))
    times = []
    for sort in ("mentions", "recent"):
        for label in (None, "PERSON"):
            started = time.perf_counter()
            related_index.list_entities(library, type=label, sort=sort)
            times.append((time.perf_counter() - started) * 1000)
    rows.append(("list_entities()", f"max {max(times):.1f} ms"))
    library.close()
    # Incremental: 1,000 more articles on a copy.
    grow = Path(tempfile.gettempdir()) / f"tuireader-bench-related-{n}-grow.db"
    shutil.copy(cache, grow)
    for suffix in ("-wal", "-shm"):
        if Path(str(cache) + suffix).exists():
            shutil.copy(Path(str(cache) + suffix), Path(str(grow) + suffix))
    library = Library.open(grow)
    conn = library.db.conn
    with library.transaction():
        conn.execute(
            f"""INSERT INTO articles (id, source_path, content_hash, title, body, published, lang, imported_at, updated_at)
                SELECT id + {n}, source_path || '+', content_hash || '+', title, body, published, lang, imported_at,
                updated_at FROM articles WHERE id <= 1000"""
        )
        conn.execute(f"INSERT INTO article_entities SELECT article_id + {n}, entity_id, mentions, first_start "
                     "FROM article_entities WHERE article_id <= 1000")
    started = time.perf_counter()
    for chunk in range(0, 1000, 200):
        related_index.index_articles(library, range(n + 1 + chunk, n + 1 + chunk + 200))
    rows.append(("index 1,000 new articles (5 batches)", f"{time.perf_counter() - started:.2f} s"))
    library.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(grow) + suffix).unlink(missing_ok=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--planted", type=int, default=2000, help="articles asked of generate_library.py")
    parser.add_argument("--scale", type=int, default=100_000, help="articles in the speed library (0: skip)")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    if not args.skip_quality:
        results = evaluate("bundled samples", ROOT / "sample_articles", ROOT / "benchmarks" / "sample_threads.tsv")
        with tempfile.TemporaryDirectory() as tmp:
            for name, folder, tsv in generated_sets(args.planted, Path(tmp)):
                results += evaluate(name, folder, tsv)
        print(f"{'set':<28} {'labelled':>8} {'queries':>7} {'p@5 ours':>9} {'p@5 tf-idf':>10} "
              f"{'thread recall':>13} {'purity':>6} {'import':>7}")
        for name, labelled, queries, ours, base, recall, purity, import_s in results:
            print(f"{name:<28} {labelled:>8} {queries:>7} {ours:>9.3f} {base:>10.3f} {recall:>13.3f} {purity:>6.3f} "
                  f"{import_s:>6.1f}s")
    if args.scale:
        print()
        for name, value in speed(args.scale):
            print(f"{name:<38} {value}")


if __name__ == "__main__":
    main()
