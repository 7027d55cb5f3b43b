"""The import pipeline: files -> RawArticles -> cleaned, prepared articles -> the library.

Reading and cleaning are pure functions of a file; storing happens in batches,
one transaction each, so a crash loses at most the batch in flight.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
        elif path.is_symlink():
            errors.append(f"{_display(path)}: broken symbolic link or link loop")
        else:
            errors.append(f"{_display(path)}: no such file or folder")
    return FileListing(found, skipped, errors)


def _describe_os_error(error: OSError) -> str:
    return f"{_display(Path(error.filename or '?'))}: cannot read folder ({error.strerror or error})"


def _display(path: Path | str) -> str:
    """A path as one printable line, whatever bytes its name holds."""
    return sanitise_line(os.fsencode(path).decode("utf-8", "backslashreplace"))


#: One-line fields longer than this are cut (with "…"): a megabyte "title" is a scraper's accident.
FIELD_MAX_CHARS = {"title": 300, "byline": 200, "source": 200, "url": 2048, "tag": 100}
TAGS_MAX = 100


def _field(text: str, kind: str) -> str:
    limit = FIELD_MAX_CHARS[kind]
    line = sanitise_line(text[: limit * 4])  # bounded work on a huge field; whitespace runs shrink
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def prepare(raw: RawArticle, extra_noise: Iterable[str] = ()) -> PreparedArticle:
    """Clean one raw article: noise lines out, escapes out, language and date settled."""
    body = drop_noise_lines(sanitise(raw.body), extra_noise)
    title = _field(raw.title, "title")
    if not title:
        title = sanitise_line(next((line for line in body.splitlines() if line.strip()), "")[:480])[:120]
    if not title and not body:
        raise ImportFailed("no title and no text")
    lang = sanitise_line(raw.lang).lower()[:8] or detect_language(f"{title}\n{body}")
    published = parse_date(raw.published) if raw.published else None
    return PreparedArticle(
        source_key=raw.source_key,
        content_hash=content_hash(title, body),
        title=title,
        body=body,
        byline=_field(raw.byline, "byline"),
        source=_field(raw.source, "source"),
        url=_field(raw.url, "url"),
        published=published.isoformat() if published else None,
        lang=lang,
        word_count=len(_WORD.findall(body)),
        tags=[t for t in (_field(tag, "tag") for tag in raw.tags[:TAGS_MAX]) if t],
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
    job = _FileJob(max_bytes, tuple(extra_noise), library.corrections(), str(library.path))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    parallel = workers > 1 and len(listing.files) >= PARALLEL_FROM
    results = _processed(listing.files, job, workers) if parallel else (
        (path, _process_file(path, job, library)) for path in listing.files
    )
    batch: list[PreparedArticle] = []
    work: dict[str, _NewContent] = {}
    for path, result in results:
        if isinstance(result, str):
            report.failed += 1
            report.errors.append(f"{_display(path)}: {result}")
        else:
            for prepared, new_content in result:
                batch.append(prepared)
                if new_content is not None:
                    work[prepared.content_hash] = new_content
        if on_file_done:
            on_file_done(path)
        if len(batch) >= BATCH_SIZE:
            _store(library, batch, work, report)
            batch, work = [], {}
    if batch:
        _store(library, batch, work, report)
    from tuireader.store.related_index import refresh_weights

    refresh_weights(library)  # once per import, not per batch
    return report


PARALLEL_FROM = 48
FILES_PER_TASK = 8
TASKS_AHEAD = 64  # bounded look-ahead: memory stays flat however many files there are


@dataclass(frozen=True, slots=True)
class _FileJob:
    """What a worker needs to turn a file into stored-ready articles."""

    max_bytes: int
    extra_noise: tuple[str, ...]
    corrections: dict[str, Correction]
    library_path: str


def _processed(files: list[Path], job: _FileJob, workers: int) -> Iterator[tuple[Path, list | str]]:
    """Files read, cleaned and extracted in worker processes, yielded in order.

    Workers run ahead of the caller (which stores), by at most TASKS_AHEAD tasks.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start with the parent's modules loaded; they only read files and compute.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    tasks = [files[i : i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        pending: deque = deque()
        submitted = 0
        for _ in range(len(tasks)):
            while submitted < len(tasks) and len(pending) < TASKS_AHEAD:
                pending.append((tasks[submitted], pool.submit(_process_files, tasks[submitted], job)))
                submitted += 1
            paths, future = pending.popleft()
            yield from zip(paths, future.result())


def _process_files(paths: list[Path], job: _FileJob) -> list[list | str]:
    return [_process_file(path, job) for path in paths]


@dataclass(frozen=True, slots=True)
class _NewContent:
    """The work done on content the library does not hold yet: entities, figures, related-story terms."""

    extraction: Extraction
    term_counts: Counter


def _process_file(path: Path, job: _FileJob, library: Library | None = None) -> list | str:
    """[(prepared, new-content work or None when the content is already stored)] or an error message."""
    prepared = _prepare_or_error(path, (job.max_bytes, job.extra_noise))
    if isinstance(prepared, str):
        return prepared
    is_stored = library.is_stored if library is not None else _stored_checker(job.library_path)
    return [(item, None if is_stored(item) else _new_content(item, job.corrections)) for item in prepared]


def _new_content(item: PreparedArticle, corrections: dict[str, Correction]) -> _NewContent:
    from tuireader.related import term_counts

    return _NewContent(_extract(item, corrections), term_counts(item.title, item.body))


_READERS: dict[str, Callable[[PreparedArticle], bool]] = {}


def _stored_checker(library_path: str) -> Callable[[PreparedArticle], bool]:
    """In a worker: a read-only view of the library, to skip extracting content already stored."""
    checker = _READERS.get(library_path)
    if checker is None:
        import sqlite3

        try:
            # as_uri() percent-encodes "?" and "#" in the path, which a raw file: URI would misread.
            conn = sqlite3.connect(Path(library_path).resolve().as_uri() + "?mode=ro", uri=True, timeout=5)

            def checker(item: PreparedArticle) -> bool:
                try:
                    return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (item.content_hash,)).fetchone() is not None
                except sqlite3.Error:
                    return False
        except sqlite3.Error:
            def checker(item: PreparedArticle) -> bool:
                return False
        _READERS[library_path] = checker
    return checker


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


def _store(library: Library, batch: list[PreparedArticle], work: dict[str, _NewContent], report: ImportReport) -> None:
    extractions = {content_hash: done.extraction for content_hash, done in work.items()}
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

    changed = [(o.article_id, item.content_hash) for o, item in zip(outcomes, batch) if o.status != UNCHANGED]
    counts = {article_id: work[h].term_counts for article_id, h in changed if h in work}
    index_articles(library, [article_id for article_id, _ in changed], _rebase=False, term_counts=counts)


def reextract(library: Library, *, everything: bool = False, on_done: Callable[[int], None] | None = None) -> int:
    """Run extraction again for stale articles (or all); returns how many were redone."""
    from tuireader.corrections import reextract_articles

    return reextract_articles(library, library.stale_extraction_ids(EXTRACTOR_VERSION, everything=everything), on_done)
