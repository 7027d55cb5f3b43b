"""What every command shares: the --library option, opening the library, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tuireader import paths

library_option = click.option(
    "--library",
    "library_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=paths.LIBRARY_ENV,
    help="Library file (default: the user data folder; or set $TUIREADER_LIBRARY).",
)


def open_library(ctx: click.Context, library_path: Path | None):
    """The library named on this command, else on an enclosing group, else the default; closed on exit."""
    from tuireader.opening import open_library as open_chosen

    chosen = library_path
    parent = ctx.parent
    while chosen is None and parent is not None:  # --library may sit on `tags`, `searches` or the top group
        chosen = parent.params.get("library_path")
        parent = parent.parent
    library = open_chosen(chosen)
    ctx.call_on_close(library.close)
    return library


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
