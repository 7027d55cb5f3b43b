"""Command palette providers: open a story, go to a tag, a saved search or an entity."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tuireader.errors import SearchQueryError

MAX_HITS = 20


class OpenStoryProvider(Provider):
    """“open story…”: titles found by the library's full-text search as you type."""

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        try:
            hits = self.app.library.search(query, limit=MAX_HITS)
        except SearchQueryError:
            return
        matcher = self.matcher(query)
        for hit in hits:
            score = max(matcher.match(hit.title), 0.3)
            yield Hit(score, matcher.highlight(hit.title), partial(self.app.open_story, hit.id),
                      help=" · ".join(x for x in (hit.source, hit.published or "", hit.lang) if x))


class TagProvider(Provider):
    """“go to tag…”: filter the library by one of its tags."""

    def _tags(self) -> list[str]:
        from tuireader.store.notes import tag_counts

        return [t.name for t in sorted(tag_counts(self.app.library), key=lambda t: -t.count)]

    async def discover(self) -> Hits:
        for tag in self._tags()[:MAX_HITS]:
            yield DiscoveryHit(f"tag: {tag}", partial(self.app.filter_library, f"tag:{_quoted(tag)}"),
                               help="Show the stories with this tag")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for tag in self._tags():
            score = matcher.match(f"tag: {tag}")
            if score > 0:
                yield Hit(score, matcher.highlight(f"tag: {tag}"),
                          partial(self.app.filter_library, f"tag:{_quoted(tag)}"), help="Show the stories with this tag")


def _quoted(tag: str) -> str:
    return tag.replace(" ", "_")


class SavedSearchProvider(Provider):
    """“go to saved search…”: show the stories a saved search selects."""

    async def search(self, query: str) -> Hits:
        from tuireader.store.saved_searches import list_saved_searches

        matcher = self.matcher(query)
        for saved in list_saved_searches(self.app.library, counts=False):
            label = f"saved search: {saved.name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.app.filter_library, saved.query),
                          help=saved.query)


class EntityProvider(Provider):
    """“go to entity…”: open the page of a person, organisation or place by name."""

    async def search(self, query: str) -> Hits:
        from tuireader.navigation import ENTITY, Place
        from tuireader.store.related_index import list_entities

        if len(query.strip()) < 2:
            return
        matcher = self.matcher(query)
        for row in list_entities(self.app.library, name_filter=query.strip(), limit=MAX_HITS):
            label = f"entity: {row.name}"
            yield Hit(max(matcher.match(label), 0.3), matcher.highlight(label),
                      partial(self.app.visit, Place(ENTITY, row.id, row.name)),
                      help=f"{row.label.lower()} · {row.stories} stories")
