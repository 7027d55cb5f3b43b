"""The reader's cursor: a sentence, moved by sentence or paragraph, optionally extending a selection."""

from __future__ import annotations

from dataclasses import dataclass, field

from tuireader.text.sentences import paragraph_spans, sentence_spans, span_index_at


@dataclass(slots=True)
class ReadingCursor:
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    index: int = 0  # current sentence
    anchor: int | None = None  # sentence where the selection started
    _paragraph_of: list[int] = field(default_factory=list)

    @classmethod
    def for_body(cls, body: str) -> "ReadingCursor":
        sentences = sentence_spans(body) or [(0, len(body))]
        paragraphs = paragraph_spans(body) or [(0, len(body))]
        cursor = cls(sentences, paragraphs)
        cursor._paragraph_of = [span_index_at(paragraphs, start) for start, _ in sentences]
        return cursor

    @property
    def span(self) -> tuple[int, int]:
        return self.sentences[self.index]

    @property
    def selecting(self) -> bool:
        return self.anchor is not None

    def selection(self) -> tuple[int, int]:
        """What `a` highlights: the selection, or the cursor's sentence when nothing is selected."""
        if self.anchor is None:
            return self.span
        first, last = sorted((self.anchor, self.index))
        return self.sentences[first][0], self.sentences[last][1]

    def move_to_offset(self, offset: int) -> None:
        self.index = span_index_at(self.sentences, offset)

    def move_sentence(self, step: int) -> None:
        self.index = max(0, min(len(self.sentences) - 1, self.index + step))

    def move_paragraph(self, step: int) -> None:
        """To the first sentence of the next (step=1) or this/previous (step=-1) paragraph."""
        paragraph = self._paragraph_of[self.index]
        first_of_current = self._first_sentence_of(paragraph)
        if step < 0 and self.index != first_of_current:
            self.index = first_of_current
            return
        target = max(0, min(len(self.paragraphs) - 1, paragraph + step))
        self.index = self._first_sentence_of(target)

    def _first_sentence_of(self, paragraph: int) -> int:
        return self._paragraph_of.index(paragraph) if paragraph in self._paragraph_of else self.index

    def toggle_selection(self) -> None:
        self.anchor = None if self.anchor is not None else self.index

    def clear_selection(self) -> None:
        self.anchor = None
