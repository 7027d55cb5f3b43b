"""Markdown export: one file per story, YAML front matter, the story note, then the highlights.

Re-exporting into the same folder (an Obsidian vault works) rewrites the files it wrote
before, found by ``tuireader_id`` in their front matter (or, for a deleted story, by
``content_hash``) wherever they were moved or however they were renamed. Other files are
never touched. What the user added survives: front matter keys tuireader does not
write, and everything below the ``END_MARKER`` line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tuireader.annotations.records import Highlight, StoryNotes
from tuireader.export.filenames import safe_stem, story_filename

END_MARKER = "<!-- tuireader: notes above are rewritten on export; write below this line to keep text -->"
HIGHLIGHT_SEPARATOR = "* * *"
# Folders an exporter must not look into (vault settings, version control, trash).
SKIPPED_FOLDERS = frozenset([".obsidian", ".git", ".trash", ".stfolder"])


@dataclass(slots=True)
class MarkdownExportReport:
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        return f"created {len(self.created)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}"


def front_matter(story: StoryNotes) -> dict:
    return {
        "title": story.story.title,
        "source": story.source,
        "url": story.story.url,
        "published": story.story.published,
        "lang": story.lang,
        "tags": list(story.tags),
        "tuireader_id": story.article_id,
        "content_hash": story.story.content_hash,
        "entities": {label: list(names) for label, names in story.entities.items()},
    }


def render_story(story: StoryNotes, kept_front_matter: dict | None = None, kept_tail: str = "") -> str:
    """The whole file for one story; ``kept_*`` are what the user added to an earlier export."""
    meta = front_matter(story)
    for key, value in (kept_front_matter or {}).items():
        meta.setdefault(key, value)
    parts = [
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False) + "---",
        f"# {_one_line(story.story.title)}",
    ]
    if story.article_id is None:
        parts.append("*This story is no longer in the library; its notes are kept here.*")
    if story.note is not None:
        parts += ["## Note", story.note.note]
    if story.anchored:
        parts += ["## Highlights", _highlights(story.anchored)]
    if story.orphaned:
        parts += [
            "## Orphaned highlights",
            "*Passages that could not be found in the story's current text.*"
            if story.article_id is not None else "",
            _highlights(story.orphaned),
        ]
    parts.append(END_MARKER)
    text = "\n\n".join(p for p in parts if p) + "\n"
    return text + kept_tail


def _highlights(highlights: list[Highlight]) -> str:
    return f"\n\n{HIGHLIGHT_SEPARATOR}\n\n".join(_highlight(h) for h in highlights)


def _highlight(h: Highlight) -> str:
    quote = "\n".join(f"> {line}" if line else ">" for line in h.quote.split("\n"))
    parts = [quote]
    if h.label is not None:
        parts.append(f"Label: {h.label}")
    if h.note:
        parts.append(h.note)
    return "\n\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_front_matter(text: str) -> dict | None:
    """The YAML front matter of a Markdown text, or None when it has none (or it is not a mapping)."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return None
    end = text.find("\n---", 3)
    if end == -1:
        return None
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None


def kept_tail(text: str) -> str:
    """What the user wrote below the end marker of an earlier export (with its line break)."""
    at = text.find(END_MARKER)
    return "" if at == -1 else text[at + len(END_MARKER) :].removeprefix("\r\n").removeprefix("\n")


def story_key(story: StoryNotes) -> tuple[str, object]:
    """How an exported file is recognised: its story's id, or a deleted story's content hash."""
    if story.article_id is not None:
        return ("id", story.article_id)
    return ("hash", story.story.content_hash)


def existing_exports(folder: Path) -> dict[tuple[str, object], Path]:
    """Files a previous export wrote under ``folder`` (any depth), by ``story_key``."""
    found: dict[tuple[str, object], Path] = {}
    if not folder.is_dir():
        return found
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
        for name in sorted(names):
            if not name.lower().endswith(".md"):
                continue
            path = Path(root) / name
            meta = _front_matter_of(path)
            if not meta or "tuireader_id" not in meta:
                continue
            if isinstance(meta["tuireader_id"], int) and not isinstance(meta["tuireader_id"], bool):
                found.setdefault(("id", meta["tuireader_id"]), path)
            elif meta["tuireader_id"] is None and isinstance(meta.get("content_hash"), str):
                found.setdefault(("hash", meta["content_hash"]), path)
    return found


def _front_matter_of(path: Path) -> dict | None:
    try:
        with path.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\r\n") != "---":
                return None
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    return read_front_matter("---\n" + text)


def export_markdown(stories: list[StoryNotes], folder: Path) -> MarkdownExportReport:
    """Write (or rewrite) one file per story in ``folder``; only changed files are written."""
    folder.mkdir(parents=True, exist_ok=True)
    known = existing_exports(folder)
    report = MarkdownExportReport()
    for story in stories:
        path = known.get(story_key(story))
        if path is None:
            path = _free_path(folder, _file_name(story))
            previous = None
        else:
            previous = path.read_text(encoding="utf-8")
        meta = read_front_matter(previous) if previous else None
        ours = set(front_matter(story))
        kept = {k: v for k, v in (meta or {}).items() if k not in ours}
        text = render_story(story, kept, kept_tail(previous) if previous else "")
        if previous == text:
            report.unchanged.append(path)
            continue
        _write_atomically(path, text)
        (report.created if previous is None else report.updated).append(path)
    return report


def _file_name(story: StoryNotes) -> str:
    if story.article_id is not None:
        return story_filename(story.story.title, story.article_id)
    return f"{safe_stem(story.story.title)} (deleted {story.story.content_hash[:12]}).md"


def _free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or a numbered variant when someone else's file already has that name."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem} {n}{suffix}"
        n += 1
    return path


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tuireader-tmp")
    with temporary.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(temporary, path)
