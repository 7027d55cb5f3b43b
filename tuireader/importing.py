"""The import pipeline: files -> RawArticles -> cleaned, prepared articles -> the library.

Reading and cleaning are pure functions of a file; storing happens in batches,
one transaction each, so a crash loses at most the batch in flight.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.errors import ImportFailed
from tuireader.extraction import EXTRACTOR_VERSION, Correction, Extraction, extract
from tuireader.importers import DEFAULT_MAX_BYTES, is_supported, read_file
from tuireader.records import PreparedArticle, RawArticle, content_hash
from tuireader.store.library import IMPORTED, UNCHANGED, UPDATED, Library
from tuireader.text.cleaning import drop_noise_lines
from tuireader.text.dates import parse_date
from tuireader.text.language import detect_language
from tuireader.text.sanitise import sanitise, sanitise_line

BATCH_SIZE = 200
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )


@dataclass(frozen=True, slots=True)
class FileListing:
    files: list[Path]
    skipped: int
    errors: list[str]


def list_files(paths: Iterable[Path]) -> FileListing:
    """Supported files under the given files and folders (recursive, sorted, hidden entries left out)."""
    found: list[Path] = []
    skipped = 0
    errors: list[str] = []
    for path in paths:
        if path.is_file():
            if is_supported(path):
                found.append(path)
            else:
                skipped += 1
        elif path.is_dir():
            # followlinks=False: a symlink loop cannot trap the walk.
            for root, dirs, names in os.walk(path, onerror=lambda e: errors.append(_describe_os_error(e))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    candidate = Path(root) / name
                    if is_supported(candidate):
                        found.append(candidate)
                    else:
                        skipped += 1
        else:
            errors.append(f"{_display(path)}: no such file or folder")
    return FileListing(found, skipped, errors)


def _describe_os_error(error: OSError) -> str:
    return f"{_display(Path(error.filename or '?'))}: cannot read folder ({error.strerror or error})"


def _display(path: Path | str) -> str:
    """A path as one printable line, whatever bytes its name holds."""
    return sanitise_line(os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8"))


def prepare(raw: RawArticle, extra_noise: Iterable[str] = ()) -> PreparedArticle:
    """Clean one raw article: noise lines out, escapes out, language and date settled."""
    body = drop_noise_lines(sanitise(raw.body), extra_noise)
    title = sanitise_line(raw.title)
    if not title:
        title = sanitise_line(next((line for line in body.splitlines() if line.strip()), ""))[:120]
    if not title and not body:
        raise ImportFailed("no title and no text")
    lang = sanitise_line(raw.lang).lower()[:8] or detect_language(f"{title}\n{body}")
    published = parse_date(raw.published) if raw.published else None
    return PreparedArticle(
        source_key=raw.source_key,
        content_hash=content_hash(title, body),
        title=title,
        body=body,
        byline=sanitise_line(raw.byline),
        source=sanitise_line(raw.source),
        url=sanitise_line(raw.url),
        published=published.isoformat() if published else None,
        lang=lang,
        word_count=len(_WORD.findall(body)),
        tags=[t for t in (sanitise_line(tag) for tag in raw.tags) if t],
    )


def prepare_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, extra_noise: Iterable[str] = ()) -> list[PreparedArticle]:
    return [prepare(raw, extra_noise) for raw in read_file(path, max_bytes=max_bytes)]


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extra_noise: Iterable[str] = (),
    workers: int | None = None,
    on_file_done: Callable[[Path], None] | None = None,
    on_listed: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import files and folders; bad files are reported and skipped, the rest goes on.

    Reading, cleaning and extraction run in ``workers`` processes (default: one per
    core) when there are enough files to pay for starting them.
    """
    listing = list_files([Path(p) for p in paths])
    report = ImportReport(skipped=listing.skipped, failed=len(listing.errors), errors=list(listing.errors))
    if on_listed:
        on_listed(len(listing.files))
    corrections = library.corrections()
    options = (max_bytes, tuple(extra_noise))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    with _work_pool(workers if len(listing.files) >= PARALLEL_FROM else 1) as run:
        for chunk_start in range(0, len(listing.files), BATCH_SIZE):
            chunk = listing.files[chunk_start : chunk_start + BATCH_SIZE]
            batch: list[PreparedArticle] = []
            for path, result in zip(chunk, run(_prepare_or_error, chunk, [options] * len(chunk))):
                if isinstance(result, str):
                    report.failed += 1
                    report.errors.append(f"{_display(path)}: {result}")
                else:
                    batch.extend(result)
                if on_file_done:
                    on_file_done(path)
            fresh = _unique_by_hash(p for p in batch if not library.is_stored(p))
            extracted = run(_extract, fresh, [corrections] * len(fresh))
            extractions = {p.content_hash: e for p, e in zip(fresh, extracted)}
            _store(library, batch, extractions, report)
    return report


PARALLEL_FROM = 48


@contextmanager
def _work_pool(workers: int) -> Iterator[Callable]:
    """A map function: in this process for small jobs, over a process pool for big ones."""
    if workers <= 1:
        yield lambda fn, *columns: list(map(fn, *columns))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver/spawn would re-import everything per worker; fork is cheap and safe here
    # because workers only read files and compute.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield lambda fn, *columns: list(pool.map(fn, *columns, chunksize=8))


def _unique_by_hash(items: Iterable[PreparedArticle]) -> list[PreparedArticle]:
    seen: dict[str, PreparedArticle] = {}
    for item in items:
        seen.setdefault(item.content_hash, item)
    return list(seen.values())


def _extract(item: PreparedArticle, corrections: dict[str, Correction]) -> Extraction:
    published = date.fromisoformat(item.published) if item.published else None
    return extract(item.body, item.lang, published, corrections)


def _prepare_or_error(path: Path, options: tuple[int, tuple[str, ...]]) -> list[PreparedArticle] | str:
    max_bytes, extra_noise = options
    try:
        return prepare_file(path, max_bytes=max_bytes, extra_noise=extra_noise)
    except ImportFailed as error:
        return str(error)
    except RecursionError:
        return "too deeply nested to read"
    except Exception as error:  # an importer bug must not stop the import of other files
        return f"could not be read ({type(error).__name__}: {error})"


def _store(library: Library, batch: list[PreparedArticle], extractions: dict[str, Extraction], report: ImportReport) -> None:
    outcomes = library.store_articles(batch, extractions, EXTRACTOR_VERSION)
    for outcome in outcomes:
        if outcome.status == IMPORTED:
            report.imported += 1
        elif outcome.status == UPDATED:
            report.updated += 1
        elif outcome.status == UNCHANGED:
            report.unchanged += 1
        report.article_ids.append(outcome.article_id)
    from tuireader.store.related_index import index_articles  # related stories: index new and changed ones

    index_articles(library, [o.article_id for o in outcomes if o.status != UNCHANGED])


def reextract(library: Library, *, everything: bool = False, on_done: Callable[[int], None] | None = None) -> int:
    """Run extraction again for stale articles (or all); returns how many were redone."""
    from tuireader.corrections import reextract_articles

    return reextract_articles(library, library.stale_extraction_ids(EXTRACTOR_VERSION, everything=everything), on_done)
