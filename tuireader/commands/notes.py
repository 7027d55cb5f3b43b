"""Commands over tags, highlights and notes: tag, untag, tags, annotate, notes, export, import-notes."""

from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from tuireader.commands.common import echo_json, library_option, open_library
from tuireader.errors import TuireaderError


def highlight_json(h) -> dict:
    """A highlight as the CLI prints it (also meant for `show --json`)."""
    return {
        "id": h.id, "uid": h.uid, "article_id": h.article_id, "quote": h.quote, "start": h.start, "end": h.end,
        "note": h.note, "label": h.label, "orphaned": h.orphaned, "created_at": h.created_at,
        "updated_at": h.updated_at,
        "story": {"title": h.story.title, "url": h.story.url, "content_hash": h.story.content_hash},
    }


def story_note_json(note) -> dict | None:
    return None if note is None else {"text": note.note, "updated_at": note.updated_at}


# -- tags ---------------------------------------------------------------------------------


@click.command("tag")
@click.argument("article_id", type=int)
@click.argument("tags", nargs=-1, required=True)
@library_option
@click.pass_context
def tag_command(ctx: click.Context, article_id: int, tags: tuple[str, ...], library_path: Path | None) -> None:
    """Add tags to a story (a tag may hold spaces: quote it)."""
    from tuireader.store.notes import add_tags, tags_of

    library = open_library(ctx, library_path)
    added = add_tags(library, [article_id], tags)
    click.echo(f"story {article_id}: {', '.join(tags_of(library, article_id))} ({added} added)")


@click.command("untag")
@click.argument("article_id", type=int)
@click.argument("tags", nargs=-1, required=True)
@library_option
@click.pass_context
def untag_command(ctx: click.Context, article_id: int, tags: tuple[str, ...], library_path: Path | None) -> None:
    """Remove tags from a story."""
    from tuireader.store.notes import remove_tags, tags_of

    library = open_library(ctx, library_path)
    removed = remove_tags(library, [article_id], tags)
    left = ", ".join(tags_of(library, article_id)) or "no tags"
    click.echo(f"story {article_id}: {left} ({removed} removed)")


@click.group("tags", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def tags_command(ctx: click.Context, as_json: bool, library_path: Path | None) -> None:
    """List tags with how many stories carry each.

    \b
    tuireader tags rename OLD NEW    (merges into NEW when it exists)
    """
    if ctx.invoked_subcommand is not None:
        return
    from tuireader.store.notes import tag_counts

    counts = tag_counts(open_library(ctx, library_path))
    if as_json:
        echo_json([{"name": t.name, "count": t.count} for t in counts])
        return
    if not counts:
        click.echo("no tags (add one: tuireader tag ID TAG)", err=True)
    for t in counts:
        click.echo(f"{t.count:>6}  {t.name}")


@tags_command.command("rename")
@click.argument("old")
@click.argument("new")
@library_option
@click.pass_context
def rename_tag_command(ctx: click.Context, old: str, new: str, library_path: Path | None) -> None:
    """Rename tag OLD to NEW; when NEW exists the two become one."""
    from tuireader.store.notes import rename_tag

    stories = rename_tag(open_library(ctx, library_path), old, new)
    click.echo(f"renamed {old!r} to {' '.join(new.split())!r}: {stories} stor{'ies' if stories != 1 else 'y'}")


# -- highlights and notes -------------------------------------------------------------------


@click.command("annotate")
@click.argument("article_id", type=int)
@click.option("--quote", required=True, help="Exact text to highlight (any run of spaces matches any other).")
@click.option("--note", default="", help="Your note on the passage.")
@click.option("--label", type=click.IntRange(1, 5), help="Label 1-5.")
@click.option("--occurrence", type=click.IntRange(min=1), help="Which occurrence, when the quote is there more than once.")
@click.option("--json", "as_json", is_flag=True, help="Print the highlight as JSON.")
@library_option
@click.pass_context
def annotate_command(ctx: click.Context, article_id: int, quote: str, note: str, label: int | None,
                     occurrence: int | None, as_json: bool, library_path: Path | None) -> None:
    """Highlight a passage of a story, with an optional note and label."""
    from tuireader.annotations.anchoring import find_quote
    from tuireader.store.notes import create_highlight

    library = open_library(ctx, library_path)
    spans = find_quote(library.article(article_id).body, quote)
    start, end = pick_occurrence(spans, occurrence, article_id)
    h = create_highlight(library, article_id, start, end, note=note, label=label)
    if as_json:
        echo_json(highlight_json(h))
        return
    click.echo(f"highlight {h.id} on story {article_id} ({h.start}-{h.end})")


def pick_occurrence(spans: list[tuple[int, int]], occurrence: int | None, article_id: int) -> tuple[int, int]:
    if not spans:
        raise TuireaderError(f"the quote is not in story {article_id}")
    if occurrence is None:
        if len(spans) > 1:
            raise TuireaderError(
                f"the quote occurs {len(spans)} times in story {article_id}; choose one with --occurrence 1..{len(spans)}"
            )
        return spans[0]
    if occurrence > len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        raise TuireaderError(f"--occurrence {occurrence}: the quote occurs only {times} in story {article_id}")
    return spans[occurrence - 1]


@click.command("notes")
@click.argument("article_id", type=int, required=False)
@click.option("--search", "text", default="", help="Only highlights whose quote or note holds this text.")
@click.option("--tag", help="Only highlights of stories with this tag.")
@click.option("--label", type=click.IntRange(1, 5), help="Only highlights with this label.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def notes_command(ctx: click.Context, article_id: int | None, text: str, tag: str | None, label: int | None,
                  as_json: bool, library_path: Path | None) -> None:
    """A story's note and highlights, or (without ID) highlights across the library, newest first."""
    from tuireader.store import notes

    library = open_library(ctx, library_path)
    if article_id is not None:
        article = library.article(article_id)
        note = notes.story_note(library, article_id)
        highlights = notes.highlights_of(library, article_id)
        if as_json:
            echo_json({"id": article_id, "title": article.title, "tags": list(article.tags),
                       "note": story_note_json(note), "highlights": [highlight_json(h) for h in highlights]})
            return
        click.echo(click.style(article.title, bold=True))
        if article.tags:
            click.echo("tags: " + ", ".join(article.tags))
        if note is not None:
            click.echo()
            click.echo(note.note)
        for h in highlights:
            click.echo()
            click.echo(_format_highlight(h, with_story=False))
        if note is None and not highlights:
            click.echo("no notes on this story", err=True)
        return
    highlights = notes.find_highlights(library, text, tag=tag, label=label)
    if as_json:
        echo_json([highlight_json(h) for h in highlights])
        return
    if not highlights:
        click.echo("no highlights", err=True)
    for index, h in enumerate(highlights):
        if index:
            click.echo()
        click.echo(_format_highlight(h, with_story=True))


def _format_highlight(h, *, with_story: bool) -> str:
    head = [f"#{h.id}"]
    if with_story:
        head.append(f"story {h.article_id}" if h.article_id is not None else "deleted story")
        head.append(h.story.title)
    if h.label is not None:
        head.append(f"label {h.label}")
    if h.orphaned:
        head.append("orphaned")
    lines = [" · ".join(head)]
    lines += [f"  > {line}" for line in h.quote.split("\n")]
    lines += [f"  {line}" for line in h.note.split("\n")] if h.note else []
    return "\n".join(lines)


# -- export and import ---------------------------------------------------------------------


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="json", show_default=True)
@click.option("--tag", help="Only stories with this tag.")
@click.option("--id", "article_ids", type=int, multiple=True, help="Only this story (repeat for more).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="md: the folder (e.g. an Obsidian vault); json/csv: the file (default: standard output).")
@library_option
@click.pass_context
def export_command(ctx: click.Context, fmt: str, tag: str | None, article_ids: tuple[int, ...],
                   output: Path | None, library_path: Path | None) -> None:
    """Export tags, highlights and notes as Markdown files, a JSON document or CSV.

    Without --tag or --id: every story with a highlight, a note or a tag, and the notes
    of deleted stories. Markdown re-exports update their files in place.
    """
    from tuireader.store.notes import notes_for_export

    library = open_library(ctx, library_path)
    stories = notes_for_export(library, list(article_ids) or None, tag=tag)
    if fmt == "md":
        from tuireader.export.markdown import export_markdown

        if output is None:
            raise TuireaderError("--format md writes one file per story: name a folder with -o")
        if output.exists() and not output.is_dir():
            raise TuireaderError(f"{output}: not a folder")
        click.echo(f"{output}: {export_markdown(stories, output).summary()}")
        return
    if fmt == "json":
        from tuireader.export import json_notes

        text = json_notes.dumps(json_notes.to_document(stories, datetime.now(timezone.utc).isoformat(timespec="seconds")))
    else:
        from tuireader.export.csv_notes import write_csv

        buffer = io.StringIO(newline="")
        write_csv(stories, buffer)
        text = buffer.getvalue()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise TuireaderError(f"{output}: cannot write ({error.strerror})") from None
    count = sum(len(s.highlights) for s in stories)
    click.echo(f"{output}: {len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, "
               f"{count} highlight{'s' if count != 1 else ''}", err=True)


@click.command("import-notes")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@library_option
@click.pass_context
def import_notes_command(ctx: click.Context, file: Path, library_path: Path | None) -> None:
    """Merge a JSON notes export (tuireader export --format json) into this library.

    Stories are matched by content, then by URL; importing the same file twice adds nothing.
    """
    from tuireader.export.json_notes import loads
    from tuireader.store.notes import import_notes

    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TuireaderError(f"{file}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    try:
        stories = loads(text)
    except TuireaderError as error:
        raise TuireaderError(f"{file}: {error}") from None
    report = import_notes(open_library(ctx, library_path), stories)
    click.echo(report.summary())


COMMANDS = [tag_command, untag_command, tags_command, annotate_command, notes_command, export_command,
            import_notes_command]
