"""The command line: a thin shell over the core. Every command takes --library."""

from __future__ import annotations

import sqlite3
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import NoReturn

import click

from tuireader import __version__, paths
from tuireader.commands import articles, config, entities, notes, related, searches
from tuireader.commands.common import library_option, open_library
from tuireader.errors import TuireaderError

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
        library = open_library(ctx, library_path)
        from tuireader.ui.app import ReaderApp

        from tuireader.config import load_config

        config, warnings = load_config()
        ReaderApp(library, config, warnings, remember=True).run()


for command in [*articles.COMMANDS, *entities.COMMANDS, *config.COMMANDS, *searches.COMMANDS, *related.COMMANDS, *notes.COMMANDS]:
    cli.add_command(command)


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
    except sqlite3.DatabaseError as error:
        from tuireader.store.library import library_failure

        cause = library_failure(error)
        if cause is None:
            _unexpected(error)
        click.echo(f"tuireader: error: {_library_named(argv)}: {cause}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never show a traceback
        _unexpected(error)
    sys.exit(status if isinstance(status, int) else 0)


def _unexpected(error: Exception) -> NoReturn:
    log = _log_unexpected(error)
    where = f"details in {log}" if log else "and the error log could not be written"
    message = " ".join(f"tuireader: unexpected error ({type(error).__name__}: {error}); {where}".split())
    click.echo(message, err=True)
    sys.exit(1)


def _library_named(argv: list[str] | None) -> str:
    """The library a command line names (--library, else $TUIREADER_LIBRARY, config or default)."""
    args = list(sys.argv[1:] if argv is None else argv)
    for index, arg in enumerate(args):
        if arg == "--library" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--library="):
            return arg.partition("=")[2]
    try:
        return str(paths.library_path(None))
    except Exception:  # the message must still come out
        return "the library"
