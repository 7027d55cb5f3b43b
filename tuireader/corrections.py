"""A user's corrections to the recogniser: stored per library, applied to every story with that form."""

from __future__ import annotations

from collections.abc import Callable

from tuireader.entities.mention import ENTITY_LABELS
from tuireader.extraction import ADD, EXTRACTOR_VERSION, REJECT, RELABEL, Correction, extract, surface_key
from tuireader.store.library import Library
from tuireader.store.related_index import index_articles


def next_label(label: str) -> str:
    """The type a "change type" press moves to: person → organisation → place → person."""
    order = list(ENTITY_LABELS)
    return order[(order.index(label) + 1) % len(order)] if label in order else order[0]


def correct(library: Library, surface: str, action: str, label: str | None = None,
            on_article: Callable[[int], None] | None = None) -> int:
    """Record a correction and re-extract every story that holds the form; returns how many changed."""
    if action not in (REJECT, RELABEL, ADD):
        raise ValueError(f"unknown correction {action!r}")
    library.add_correction(Correction(surface_key(surface), surface.strip(), action, label))
    return reextract_articles(library, library.articles_containing(surface), on_article)


def reextract_articles(library: Library, article_ids: list[int], on_article: Callable[[int], None] | None = None) -> int:
    from datetime import date

    corrections = library.corrections()
    for article_id in article_ids:
        article = library.article(article_id)
        published = date.fromisoformat(article.published) if article.published else None
        library.save_extraction(article_id, extract(article.body, article.lang, published, corrections), EXTRACTOR_VERSION)
        if on_article:
            on_article(article_id)
    # Related stories weigh shared entities: the index must forget the ones just removed.
    index_articles(library, article_ids, _rebase=False)
    library.remove_unused_entities()
    return len(article_ids)
