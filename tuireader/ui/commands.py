"""Command palette providers: open a story, go to a tag (more join as features land)."""

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
