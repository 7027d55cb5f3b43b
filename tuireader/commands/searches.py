"""The searches command: list saved searches with live counts, save, rename, delete, move."""

from __future__ import annotations

from pathlib import Path

import click

from tuireader.commands.common import echo_json, library_option, open_library


def saved_search_json(search) -> dict:
    data = {"name": search.name, "query": search.query, "total": search.total, "unread": search.unread,
            "position": search.position}
    if search.error:
        data["error"] = search.error
    return data


@click.group("searches", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def searches_command(ctx: click.Context, as_json: bool, library_path: Path | None) -> None:
    """Saved searches: list them with their article and unread counts.

    \b
    tuireader searches save NAME QUERY     (QUERY in the search language; quote it)
    tuireader searches rename OLD NEW
    tuireader searches move NAME OFFSET    (-1 up one place, 1 down one)
    tuireader searches delete NAME
    """
    if ctx.invoked_subcommand is not None:
        return
    from tuireader.store.saved_searches import list_saved_searches

    library = open_library(ctx, library_path)
    searches = list_saved_searches(library)
    if as_json:
        echo_json([saved_search_json(s) for s in searches])
        return
    if not searches:
        click.echo('no saved searches (add one: tuireader searches save NAME "QUERY")', err=True)
        return
    width = max(len(s.name) for s in searches)
    for s in searches:
        counts = f"{s.total:>5} {s.unread:>5} unread" if s.error is None else f"error: {s.error}"
        click.echo(f"{s.name:<{width}}  {counts}  {s.query}")


@searches_command.command("save")
@click.argument("name")
@click.argument("query")
@click.option("--replace", "overwrite", is_flag=True, help="Replace the query of a search with this name.")
@library_option
@click.pass_context
def save_command(ctx: click.Context, name: str, query: str, overwrite: bool, library_path: Path | None) -> None:
    """Save QUERY under NAME (put -- before a query that starts with -)."""
    from tuireader.store.saved_searches import count_articles, save_search

    library = open_library(ctx, library_path)
    search = save_search(library, name, query, overwrite=overwrite)
    total = count_articles(library, search.query)
    click.echo(f"saved {search.name!r}: {total} article{'s' if total != 1 else ''}")


@searches_command.command("rename")
@click.argument("old_name")
@click.argument("new_name")
@library_option
@click.pass_context
def rename_command(ctx: click.Context, old_name: str, new_name: str, library_path: Path | None) -> None:
    """Rename a saved search."""
    from tuireader.store.saved_searches import rename_saved_search

    search = rename_saved_search(open_library(ctx, library_path), old_name, new_name)
    click.echo(f"renamed to {search.name!r}")


@searches_command.command("move")
@click.argument("name")
@click.argument("offset", type=int)
@library_option
@click.pass_context
def move_command(ctx: click.Context, name: str, offset: int, library_path: Path | None) -> None:
    """Move a saved search OFFSET places (negative: up; put -- before a negative number)."""
    from tuireader.store.saved_searches import move_saved_search

    position = move_saved_search(open_library(ctx, library_path), name, offset)
    click.echo(f"{name!r} is now number {position + 1}")


@searches_command.command("delete")
@click.argument("name")
@library_option
@click.pass_context
def delete_command(ctx: click.Context, name: str, library_path: Path | None) -> None:
    """Delete a saved search (the articles are not touched)."""
    from tuireader.store.saved_searches import delete_saved_search

    delete_saved_search(open_library(ctx, library_path), name)
    click.echo(f"deleted {name!r}")


COMMANDS = [searches_command]
