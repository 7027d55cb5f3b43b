"""Commands over related stories and entities: related, thread, entity, entities, reindex."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tuireader.commands.common import echo_json, library_option, open_library

ENTITY_TYPES = ["PERSON", "ORG", "LOCATION"]


def story_json(story) -> dict:
    return {"id": story.id, "title": story.title, "published": story.published, "source": story.source,
            "lang": story.lang, "score": story.score, "reasons": list(story.reasons)}


def _story_line(story) -> str:
    return f"{story.id:>6}  {story.published or '':10}  {story.lang:<3} {story.title}"


@click.command("related")
@click.argument("article_id", type=int)
@click.option("-k", "k", type=click.IntRange(min=1, max=100), default=5, show_default=True, help="How many stories.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def related_command(ctx: click.Context, article_id: int, k: int, as_json: bool, library_path: Path | None) -> None:
    """Stories about the same event as ARTICLE_ID, best first, with score and reasons."""
    from tuireader.store.related_index import related

    library = open_library(ctx, library_path)
    stories = related(library, article_id, k)
    if as_json:
        echo_json([story_json(s) for s in stories])
        return
    if not stories:
        click.echo("no related stories", err=True)
    for s in stories:
        click.echo(f"{_story_line(s)}  [{s.score:.3f}]")
        if s.reasons:
            click.echo(f"        {s.reason}")


@click.command("thread")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def thread_command(ctx: click.Context, article_id: int, as_json: bool, library_path: Path | None) -> None:
    """The developing story ARTICLE_ID belongs to, oldest first (marked with *)."""
    from tuireader.store.related_index import thread

    library = open_library(ctx, library_path)
    stories = thread(library, article_id)
    if as_json:
        echo_json([story_json(s) for s in stories])
        return
    for s in stories:
        click.echo(("* " if s.id == article_id else "  ") + _story_line(s))


def entity_page_json(page) -> dict:
    return {
        "id": page.id, "name": page.name, "type": page.label, "aliases": list(page.aliases),
        "stories": page.story_count, "mentions": page.mention_count,
        "timeline": [
            {"id": s.id, "title": s.title, "published": s.published, "source": s.source, "lang": s.lang,
             "mentions": s.mentions, "sentence": s.sentence}
            for s in page.timeline
        ],
        "co_mentioned": [{"id": c.id, "name": c.name, "type": c.label, "stories": c.stories} for c in page.co_mentioned],
        "co_mentions_over": page.co_mentions_over,
        "figures": [
            {"article_id": f.article_id, "published": f.published, "text": f.text, "kind": f.kind, "value": f.value,
             "unit": f.unit, "sentence": f.sentence}
            for f in page.figures
        ],
    }


@click.command("entity")
@click.argument("name")
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True, help="Stories in the timeline.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def entity_command(ctx: click.Context, name: str, limit: int, as_json: bool, library_path: Path | None) -> None:
    """Everything about one entity (a name, any alias seen, or an id): stories, co-mentions, figures."""
    from tuireader.store.related_index import entity_page

    library = open_library(ctx, library_path)
    page = entity_page(library, name, limit=limit)
    if as_json:
        echo_json(entity_page_json(page))
        return
    click.echo(click.style(page.name, bold=True) + f"  {page.label} · {page.story_count} stories · {page.mention_count} mentions")
    others = [a for a in page.aliases if a != page.name]
    if others:
        click.echo("also: " + ", ".join(others))
    if page.co_mentioned:
        click.echo("with: " + ", ".join(f"{c.name} ({c.stories})" for c in page.co_mentioned[:10]))
    click.echo()
    for s in page.timeline:
        click.echo(f"{s.id:>6}  {s.published or '':10}  {s.title}")
        if s.sentence:
            click.echo(f"        {s.sentence}")
    if page.figures:
        click.echo()
        click.echo("figures:")
        for f in page.figures:
            click.echo(f"  {f.published or '':10}  {f.text}  ({f.kind})  [{f.article_id}]")


@click.command("entities")
@click.option("--type", "label", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type.")
@click.option("--filter", "name_filter", default="", help="Only names containing this.")
@click.option("--sort", type=click.Choice(["mentions", "stories", "recent", "name"]), default="mentions", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@library_option
@click.pass_context
def entities_command(ctx: click.Context, label: str | None, name_filter: str, sort: str, limit: int, offset: int,
                     as_json: bool, library_path: Path | None) -> None:
    """The people, organisations and places of the library."""
    from tuireader.store.related_index import list_entities

    library = open_library(ctx, library_path)
    rows = list_entities(library, type=label, name_filter=name_filter, sort=sort, limit=limit, offset=offset)
    if as_json:
        echo_json([{"id": e.id, "name": e.name, "type": e.label, "stories": e.stories, "mentions": e.mentions,
                    "last_published": e.last_published} for e in rows])
        return
    for e in rows:
        click.echo(f"{e.id:>6}  {e.label:<8} {e.stories:>5} stories {e.mentions:>6} mentions  {e.name}")


@click.command("reindex")
@library_option
@click.pass_context
def reindex_command(ctx: click.Context, library_path: Path | None) -> None:
    """Rebuild the related-stories index from every article (after re-extraction, or to refresh word weights)."""
    from tuireader.store.related_index import rebuild

    library = open_library(ctx, library_path)
    total = library.article_count()
    bar = click.progressbar(length=total, label="indexing", file=sys.stderr) if sys.stderr.isatty() and total else None
    last = 0

    def progress(done: int) -> None:
        nonlocal last
        if bar is not None:
            bar.update(done - last)
            last = done

    if bar is not None:
        with bar:
            done = rebuild(library, on_progress=progress)
    else:
        done = rebuild(library)
    click.echo(f"indexed {done} article{'s' if done != 1 else ''}")


COMMANDS = [related_command, thread_command, entity_command, entities_command, reindex_command]
