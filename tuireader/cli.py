"""The command line: a thin shell over the core. Every command takes --library."""

from __future__ import annotations

import json
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

import click

from tuireader import __version__, paths
from tuireader.errors import TuireaderError

library_option = click.option(
    "--library",
    "library_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=paths.LIBRARY_ENV,
    help="Library file (default: the user data folder; or set $TUIREADER_LIBRARY).",
)


def _library(ctx: click.Context, library_path: Path | None):
    from tuireader.opening import open_library

    chosen = library_path or (ctx.find_root().params.get("library_path") if ctx.find_root() else None)
    library = open_library(chosen)
    ctx.call_on_close(library.close)
    return library


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@library_option
@click.version_option(__version__, "--version", prog_name="tuireader")
@click.pass_context
def cli(ctx: click.Context, library_path: Path | None) -> None:
    """tuireader: an offline terminal reader for news libraries.

    Run without a command to open the reader on your library (the bundled
    sample library on first run).
    """
    if ctx.invoked_subcommand is None:
        library = _library(ctx, library_path)
        from tuireader.ui.app import ReaderApp

        ReaderApp(library).run()


@cli.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--max-size", type=click.FloatRange(min=0.001), default=20, show_default=True,
              help="Largest file to read, in MB.")
@library_option
@click.pass_context
def import_command(ctx: click.Context, sources: tuple[Path, ...], max_size: float, library_path: Path | None) -> None:
    """Import files and folders (recursively): .txt .md .html .json .jsonl."""
    from tuireader.importing import import_paths

    library = _library(ctx, library_path)
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
        report = import_paths(library, sources, max_bytes=int(max_size * 1_048_576),
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


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--sort", type=click.Choice(["date", "title"]), default="date", show_default=True)
@library_option
@click.pass_context
def list_command(ctx: click.Context, as_json: bool, sort: str, library_path: Path | None) -> None:
    """List the articles in the library."""
    library = _library(ctx, library_path)
    summaries = library.summaries(library.article_ids(sort=sort))
    if as_json:
        _echo_json([_summary_json(s) for s in summaries])
        return
    for s in summaries:
        click.echo(f"{s.id:>6}  {s.published or '          '}  {s.lang:<3} {s.title}  ({s.source})" if s.source
                   else f"{s.id:>6}  {s.published or '          '}  {s.lang:<3} {s.title}")


def article_json(library, article) -> dict:
    return {
        "id": article.id, "title": article.title, "byline": article.byline, "source": article.source,
        "url": article.url, "published": article.published, "lang": article.lang,
        "word_count": article.word_count, "source_path": article.source_path,
        "content_hash": article.content_hash, "imported_at": article.imported_at,
        "updated_at": article.updated_at, "is_read": article.is_read, "position": article.position,
        "tags": list(article.tags), "body": article.body,
    }


@cli.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def show_command(ctx: click.Context, article_id: int, as_json: bool, library_path: Path | None) -> None:
    """Show one article with its metadata and body."""
    library = _library(ctx, library_path)
    article = library.article(article_id)
    if as_json:
        _echo_json(article_json(library, article))
        return
    click.echo(click.style(article.title, bold=True))
    meta = " · ".join(x for x in (article.source, article.published or "", article.lang, f"{article.word_count} words") if x)
    click.echo(meta)
    if article.tags:
        click.echo("tags: " + ", ".join(article.tags))
    click.echo()
    click.echo(article.body)


@cli.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@library_option
@click.pass_context
def search_command(ctx: click.Context, query: str, as_json: bool, limit: int, library_path: Path | None) -> None:
    """Full-text search: words (prefix), "phrases", -exclude, OR, tag: lang: source: after: before: is:."""
    library = _library(ctx, library_path)
    hits = library.search(query, limit=limit)
    if as_json:
        _echo_json([
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


def _log_unexpected(error: BaseException) -> Path | None:
    log = paths.error_log_path()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(timezone.utc).isoformat()} tuireader {__version__} {sys.argv[1:]}\n")
            handle.write("".join(traceback.format_exception(error)))
        return log
    except OSError:
        return None


def main(argv: list[str] | None = None) -> None:
    try:
        status = cli.main(args=argv, prog_name="tuireader", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except TuireaderError as error:
        click.echo(f"tuireader: error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never show a traceback
        log = _log_unexpected(error)
        where = f"details in {log}" if log else "and the error log could not be written"
        click.echo(f"tuireader: unexpected error ({type(error).__name__}: {error}); {where}", err=True)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
