"""Commands over entities and figures: extract a file, re-extract the library, score the model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from tuireader.commands.articles import figure_json, mention_json
from tuireader.commands.common import echo_json, library_option, open_library


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["id", "en"]), help="Language (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def extract_command(file: Path, lang: str | None, as_json: bool) -> None:
    """Print the entities and figures of a file that is not imported.

    Offsets index the cleaned body, the same body `show --json` returns after import.
    """
    from tuireader.extraction import extract
    from tuireader.importing import prepare_file

    results = []
    for article in prepare_file(file):
        language = lang or article.lang
        published = date.fromisoformat(article.published) if article.published else None
        extraction = extract(article.body, language, published)
        results.append({
            "title": article.title, "lang": language, "published": article.published, "body": article.body,
            "entities": [mention_json(m) for m in extraction.entities],
            "figures": [figure_json(f) for f in extraction.figures],
        })
    if as_json:
        echo_json(results[0] if len(results) == 1 else results)
        return
    for result in results:
        click.echo(click.style(result["title"], bold=True))
        for m in result["entities"]:
            click.echo(f"  {m['label']:<9} {m['text']}" + (f"  → {m['canonical']}" if m["canonical"] != m["text"] else ""))
        for f in result["figures"]:
            unit = f" {f['unit']}" if f["unit"] else ""
            click.echo(f"  {f['kind']:<9} {f['text']}  = {f['value']}{unit}")


@click.command("reextract")
@click.option("--all", "everything", is_flag=True, help="Redo every article, not only stale ones.")
@library_option
@click.pass_context
def reextract_command(ctx: click.Context, everything: bool, library_path: Path | None) -> None:
    """Run entity and figure extraction again (after a model upgrade, or with --all)."""
    from tuireader.importing import reextract

    library = open_library(ctx, library_path)
    done = reextract(library, everything=everything)
    click.echo(f"re-extracted {done} article{'s' if done != 1 else ''}")


@click.command("eval-ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["id", "en"]), help="Model to score (default: from the file name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--predictions", type=click.Path(dir_okay=False, path_type=Path),
              help="Write token<TAB>gold<TAB>predicted lines here.")
def eval_ner_command(file: Path, lang: str | None, as_json: bool, predictions: Path | None) -> None:
    """Score the shipped entity model on a token<TAB>tag file (entity-level P/R/F1, conlleval rules)."""
    from tuireader.entities.evaluate import evaluate_file, write_predictions

    scores = evaluate_file(file, lang)
    if predictions:
        write_predictions(file, predictions, lang)
    if as_json:
        echo_json(scores)
        return
    click.echo(format_scores(scores))


def format_scores(scores: dict) -> str:
    lines = [f"{'type':<8} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>6} {'pred':>6}"]
    rows = dict(scores.get("per_type", {}))
    rows["overall"] = scores.get("overall", {})
    for name, row in rows.items():
        lines.append(
            f"{name:<8} {row.get('precision', 0):>9.4f} {row.get('recall', 0):>7.4f} {row.get('f1', 0):>7.4f}"
            f" {row.get('gold', ''):>6} {row.get('predicted', ''):>6}"
        )
    return "\n".join(lines)


COMMANDS = [extract_command, reextract_command, eval_ner_command]
