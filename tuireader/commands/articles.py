"""Commands over articles: import, list, show, search."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tuireader.commands.common import echo_json, library_option, open_library


@click.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--max-size", type=click.FloatRange(min=0.001), default=None,
              help="Largest file to read, in MB.  [default: import.max_file_mb in the config, 20]")
@library_option
@click.pass_context
def import_command(ctx: click.Context, sources: tuple[Path, ...], max_size: float | None, library_path: Path | None) -> None:
    """Import files and folders (recursively): .txt .md .html .json .jsonl."""
    from tuireader.commands.config import config_for_command
    from tuireader.importing import import_paths

    settings = config_for_command().importing
    max_bytes = int(max_size * 1_048_576) if max_size is not None else settings.max_bytes

    library = open_library(ctx, library_path)
    show_progress = sys.stderr.isatty()
    bar = None

    def on_listed(total: int) -> None:
        nonlocal bar
        if show_progress and total:
            bar = click.progressbar(length=total, label="importing", file=sys.stderr)
            bar.__enter__()

    def on_file_done(_path: Path) -> None:
        if bar is not None:
            bar.update(1)

    try:
        report = import_paths(library, sources, max_bytes=max_bytes, extra_noise=settings.noise_patterns,
                              on_listed=on_listed, on_file_done=on_file_done)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(report.summary())
    ctx.exit(1 if report.failed else 0)


def _summary_json(summary) -> dict:
    return {
        "id": summary.id, "title": summary.title, "source": summary.source, "published": summary.published,
        "lang": summary.lang, "word_count": summary.word_count, "is_read": summary.is_read,
        "tags": list(summary.tags),
    }


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--sort", type=click.Choice(["date", "title"]), default="date", show_default=True)
@library_option
@click.pass_context
def list_command(ctx: click.Context, as_json: bool, sort: str, library_path: Path | None) -> None:
    """List the articles in the library."""
    library = open_library(ctx, library_path)
    summaries = library.summaries(library.article_ids(sort=sort))
    if as_json:
        echo_json([_summary_json(s) for s in summaries])
        return
    for s in summaries:
        click.echo(f"{s.id:>6}  {s.published or '          '}  {s.lang:<3} {s.title}  ({s.source})" if s.source
                   else f"{s.id:>6}  {s.published or '          '}  {s.lang:<3} {s.title}")


def article_json(library, article) -> dict:
    from tuireader.commands.notes import highlight_json, story_note_json
    from tuireader.store import notes

    return {
        "id": article.id, "title": article.title, "byline": article.byline, "source": article.source,
        "url": article.url, "published": article.published, "lang": article.lang,
        "word_count": article.word_count, "source_path": article.source_path,
        "content_hash": article.content_hash, "imported_at": article.imported_at,
        "updated_at": article.updated_at, "is_read": article.is_read, "position": article.position,
        "tags": list(article.tags), "body": article.body,
        "entities": [mention_json(m) for m in library.mentions_of(article.id)],
        "figures": [figure_json(f) for f in library.figures_of(article.id)],
        "highlights": [highlight_json(h) for h in notes.highlights_of(library, article.id)],
        "story_note": story_note_json(notes.story_note(library, article.id)),
    }


def mention_json(mention) -> dict:
    return {"text": mention.text, "label": mention.label, "start": mention.start, "end": mention.end,
            "canonical": mention.canonical}


def figure_json(figure) -> dict:
    return {"text": figure.text, "kind": figure.kind, "value": figure.value, "unit": figure.unit,
            "start": figure.start, "end": figure.end}


@click.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def show_command(ctx: click.Context, article_id: int, as_json: bool, library_path: Path | None) -> None:
    """Show one article with its metadata and body."""
    library = open_library(ctx, library_path)
    article = library.article(article_id)
    if as_json:
        echo_json(article_json(library, article))
        return
    click.echo(click.style(article.title, bold=True))
    meta = " · ".join(x for x in (article.source, article.published or "", article.lang, f"{article.word_count} words") if x)
    click.echo(meta)
    if article.tags:
        click.echo("tags: " + ", ".join(article.tags))
    click.echo()
    click.echo(article.body)


@click.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@library_option
@click.pass_context
def search_command(ctx: click.Context, query: str, as_json: bool, limit: int, library_path: Path | None) -> None:
    """Full-text search: words (prefix), "phrases", -exclude, OR, tag: lang: source: after: before: is:."""
    library = open_library(ctx, library_path)
    hits = library.search(query, limit=limit)
    if as_json:
        echo_json([
            {"id": h.id, "title": h.title, "source": h.source, "published": h.published, "lang": h.lang,
             "snippet": h.snippet.replace("\x02", "").replace("\x03", ""), "rank": h.rank}
            for h in hits
        ])
        return
    if not hits:
        click.echo("no matches", err=True)
    for h in hits:
        snippet = h.snippet.replace("\n", " ")
        styled = snippet.replace("\x02", "\x00").replace("\x03", "\x01")
        parts = styled.split("\x00")
        out = parts[0]
        for part in parts[1:]:
            match, _, rest = part.partition("\x01")
            out += click.style(match, bold=True) + rest
        click.echo(f"{h.id:>6}  {h.published or '':10}  {h.title}")
        click.echo(f"        {out}")


COMMANDS = [import_command, list_command, show_command, search_command]
