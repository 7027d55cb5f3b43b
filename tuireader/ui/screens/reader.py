"""The reader: one story rendered from Markdown, entities and figures marked, n/p walk the list."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from tuireader.annotations.records import Highlight
from tuireader.errors import NotFound, TuireaderError
from tuireader.reading_cursor import ReadingCursor
from tuireader.store import notes
from tuireader.figures.figure import Figure
from tuireader.records import Article, StoredMention
from tuireader.render.story_text import render_story
from tuireader.story_entities import find_all, group_mentions, next_span
from tuireader.text.dates import format_iso_date
from tuireader.navigation import ENTITY, STORY, THREAD, Place
from tuireader.ui.widgets.breadcrumbs import Breadcrumbs
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.related_panel import RelatedPanel
from tuireader.ui.widgets.story_view import Overlay, StoryView

LEGEND = (("PERSON", "person"), ("ORG", "organisation"), ("LOCATION", "place"), ("FIGURE", "figure"))
STYLE_CLASSES = {"PERSON": "story--person", "ORG": "story--org", "LOCATION": "story--location", "FIGURE": "story--figure"}


def title_block(article: Article, story_note: str = "", date_format: str = "%Y-%m-%d") -> Text:
    """Title, then source · byline · date · language · words, tags, and the story note — plain text, never markup."""
    block = Text()
    block.append(article.title or "(untitled)", "bold")
    published = format_iso_date(article.published, date_format)
    meta = [x for x in (article.source, article.byline, published, _language_name(article.lang),
                        f"{article.word_count} words") if x]
    block.append("\n" + " · ".join(meta), "dim")
    if article.tags:
        block.append("\n" + "  ".join(f"#{t}" for t in article.tags), "italic")
    if story_note.strip():
        block.append("\n\n")
        block.append("Note: ", "bold")
        block.append(story_note.strip(), "italic")
    return block


def _language_name(code: str) -> str:
    return {"id": "Indonesian", "en": "English"}.get(code, code if code != "und" else "")


class ReaderScreen(Screen):
    CSS_PATH = "reader.tcss"
    HELP_EXTRA = ("1–5: label the highlight under the cursor (again: clear it)\n"
                  "Enter: the note of the highlight under the cursor, else the page of the entity there\n"
                  "In the entity panel: x not an entity, t change type, + (in the story) add one")
    BINDINGS = [
        Binding("n", "next_story", "Next", id="reader.next"),
        Binding("p", "previous_story", "Previous", id="reader.previous"),
        Binding("h", "toggle_highlights", "Highlights", id="reader.toggle_highlights"),
        Binding("e", "toggle_entities", "Entities", id="reader.toggle_entities"),
        Binding("r", "toggle_related", "Related", id="reader.toggle_related"),
        Binding("T", "thread", "Thread", id="reader.thread"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("full_stop", "next_mention", "Next mention", id="reader.next_mention"),
        Binding("comma", "previous_mention", "Previous mention", id="reader.previous_mention"),
        Binding("plus", "add_entity", "Add entity", show=False, id="reader.add_entity"),
        Binding("tab", "switch_focus", "Story/panel", show=False, id="reader.switch_focus"),
        Binding("o", "open_url", "Open in browser", show=False, id="reader.open_url"),
        Binding("y", "copy_url", "Copy url", show=False, id="reader.copy_url"),
        Binding("right_parenthesis", "sentence(1)", "Next sentence", show=False, id="reader.next_sentence"),
        Binding("left_parenthesis", "sentence(-1)", "Previous sentence", show=False, id="reader.previous_sentence"),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False, id="reader.next_paragraph"),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False,
                id="reader.previous_paragraph"),
        Binding("v", "toggle_selection", "Select", show=False, id="reader.select"),
        Binding("a", "annotate", "Annotate", id="reader.annotate"),
        Binding("right_square_bracket", "highlight_step(1)", "Next highlight", show=False, id="reader.next_highlight"),
        Binding("left_square_bracket", "highlight_step(-1)", "Previous highlight", show=False,
                id="reader.previous_highlight"),
        Binding("enter", "edit_note", "Note / entity page", show=False, id="reader.edit_note"),
        Binding("d", "delete_highlight", "Delete highlight", show=False, id="reader.delete_highlight"),
        Binding("u", "undo_delete", "Undo delete", show=False, id="reader.undo"),
        Binding("N", "story_note", "Story note", show=False, id="reader.story_note"),
        Binding("t", "tag", "Tags", id="reader.tags"),
        Binding("A", "notes", "Notes", show=False, id="reader.notes"),
        Binding("x", "export", "Export notes", show=False, id="reader.export"),
        Binding("escape,q", "close", "Back", id="reader.back"),
    ]

    def __init__(self, article_id: int, sequence: list[int] | None = None, at: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.open_at = at  # a body offset to show first (a highlight, a mention)
        self.sequence = sequence or [article_id]
        self._place_in_sequence = -1  # index of the open story in `sequence` (-1: not in it)
        self.article: Article | None = None
        self.mentions: list[StoredMention] = []
        self.figures: list[Figure] = []
        self.show_highlights = True
        # What `.` and `,` step through: the spans of the chosen entity or search, and where we are.
        self.steps: tuple[tuple[int, int], ...] = ()
        self.step_index = -1
        self.step_name = ""
        self.cursor: ReadingCursor | None = None
        self.highlights: list[Highlight] = []
        self.deleted: list[Highlight] = []  # undo stack for this session
        self.story_note = ""

    @property
    def library(self):
        return self.app.library

    def compose(self) -> ComposeResult:
        yield Breadcrumbs(id="crumbs")
        with Horizontal(id="reader-body"):
            with Center(id="page"):
                yield StoryView(id="story")
            yield EntityPanel(id="entity-panel")
            yield RelatedPanel(id="related-panel")
        yield Input(placeholder="find in this story (Enter: first match, . and , step)", id="find")
        with Horizontal(id="reader-status"):
            yield Static(self._legend(), id="legend")
            yield Static("", id="progress")
        yield Footer()

    def _title_block(self, article: Article) -> Text:
        return title_block(article, self.story_note, self.app.config.reader.date_format)

    def on_mount(self) -> None:
        # The reading measure: text width plus the view's horizontal padding.
        self.query_one(StoryView).styles.max_width = self.app.config.reader.measure + 4
        self.query_one(EntityPanel).display = False
        self.query_one(RelatedPanel).display = False
        self.query_one("#find", Input).display = False
        self.load(self.article_id)
        self.query_one(StoryView).focus()

    # -- loading ------------------------------------------------------------------

    def load(self, article_id: int) -> None:
        try:
            article = self.library.article(article_id)
        except NotFound as error:
            self.notify(str(error), severity="error")
            return
        self.article_id = article_id
        self.article = article
        self._place_in_sequence = self.sequence.index(article_id) if article_id in self.sequence else -1
        self.mentions = self.library.mentions_of(article_id)
        self.figures = self.library.figures_of(article_id)
        self.steps, self.step_index, self.step_name = (), -1, ""
        self.cursor = ReadingCursor.for_body(article.body)
        position = self.open_at if self.open_at is not None else article.position
        self.open_at = None
        self.cursor.move_to_offset(position)
        self.highlights = notes.highlights_of(self.library, article_id, include_orphaned=False)
        note = notes.story_note(self.library, article_id)
        self.story_note = note.note if note else ""
        view = self.query_one(StoryView)
        view.show(self._title_block(article), render_story(article.body), self._overlays())
        self._fill_panel()
        if self.query_one(RelatedPanel).display:
            self._fill_related()
        self.call_after_refresh(self._restore_position, position)
        if not article.is_read:
            self.library.mark_read(article_id)
        self._update_status()

    def _fill_panel(self) -> None:
        surface_of = {}
        for mention in self.mentions:
            surface_of.setdefault(mention.entity_id, mention.text)
        self.query_one(EntityPanel).show(group_mentions(self.mentions), self.figures, surface_of)

    def _style(self, kind: str) -> Style:
        return self.query_one(StoryView).get_component_rich_style(STYLE_CLASSES[kind], partial=True)

    def _overlays(self) -> list[Overlay]:
        view = self.query_one(StoryView)
        overlays: list[Overlay] = []
        if self.cursor is not None:
            overlays.append(Overlay(*self.cursor.span, view.get_component_rich_style("story--cursor", partial=True), "cursor"))
        if self.show_highlights:
            styles = {kind: self._style(kind) for kind in STYLE_CLASSES}
            wanted = self.app.config.highlight
            shown = {"PERSON": wanted.person, "ORG": wanted.org, "LOCATION": wanted.location}
            overlays += [Overlay(m.start, m.end, styles[m.label], m.label) for m in self.mentions
                         if shown.get(m.label, False)]
            if wanted.figure:
                overlays += [Overlay(f.start, f.end, styles["FIGURE"], "FIGURE") for f in self.figures]
        for highlight in self.highlights:
            style = view.get_component_rich_style(f"story--highlight-{highlight.label or 1}", partial=True)
            overlays.append(Overlay(highlight.start, highlight.end, style, "highlight"))
        if self.cursor is not None and self.cursor.selecting:
            overlays.append(Overlay(*self.cursor.selection(), view.get_component_rich_style("story--selection", partial=True), "selection"))
        if 0 <= self.step_index < len(self.steps):
            start, end = self.steps[self.step_index]
            overlays.append(Overlay(start, end, view.get_component_rich_style("story--current"), "current"))
        return overlays

    def _legend(self) -> Text:
        legend = Text()
        for kind, name in LEGEND:
            legend.append(name, self._style(kind) if self.is_mounted else None)
            legend.append("  ")
        return legend

    def _restore_position(self, position: int) -> None:
        view = self.query_one(StoryView)
        if position > 0:
            view.scroll_to_body_offset(position, center=False)
        else:
            view.scroll_home(animate=False)
        self.query_one("#legend", Static).update(self._legend())
        self._update_status()

    def save_position(self) -> None:
        view = self.query_one(StoryView)
        if self.article is not None:
            top = view.scroll_offset.y
            self.library.save_position(self.article_id, view.body_offset_at_line(top) if top > 0 else 0)

    def _update_status(self) -> None:
        view = self.query_one(StoryView)
        # The status updates on every scroll: look the position up once per story, not here.
        index = self._place_in_sequence + 1
        parts = []
        if self.steps:
            parts.append(f"{self.step_name}: {self.step_index + 1}/{len(self.steps)}")
        if index:
            parts.append(f"story {index} of {len(self.sequence)}")
        parts.append(f"{view.progress}%")
        self.query_one("#progress", Static).update(" · ".join(parts))

    def on_story_view_scrolled(self) -> None:
        self._update_status()

    # -- stepping through mentions and matches -------------------------------------

    def _set_steps(self, spans: tuple[tuple[int, int], ...], name: str) -> None:
        self.steps, self.step_name = spans, name
        self.step_index = -1
        self._step(1)

    def _step(self, direction: int) -> None:
        if not self.steps:
            self.notify("choose an entity in the panel (e) or find a word (/) first", timeout=3)
            return
        self.step_index = next_span(self.steps, self.step_index, direction)
        view = self.query_one(StoryView)
        view.set_overlays(self._overlays())
        view.ensure_body_offset_visible(self.steps[self.step_index][0])
        self._update_status()

    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        self._set_steps(event.spans, event.name)

    def action_next_mention(self) -> None:
        self._step(1)

    def action_previous_mention(self) -> None:
        self._step(-1)

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        self.set_focus(find)  # at once: keys typed right after / must land in the box

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        needle = event.value.strip()
        find = self.query_one("#find", Input)
        find.display = False
        self.query_one(StoryView).focus()
        if not needle or self.article is None:
            return
        matches = tuple(find_all(self.article.body, needle))
        if not matches:
            self.notify(f"not in this story: {needle}", timeout=3)
            return
        self._set_steps(matches, f"“{needle}”")

    # -- corrections ----------------------------------------------------------------

    def on_entity_panel_correct(self, event: EntityPanel.Correct) -> None:
        from tuireader.corrections import correct, next_label

        label = next_label(event.label) if event.action == "label" else None
        changed = correct(self.library, event.surface, event.action, label)
        what = "not an entity" if event.action == "reject" else f"now {label}"
        self.notify(f"“{event.surface}” is {what} (in {changed} stories)", timeout=4)
        self._reload_extraction()

    def action_add_entity(self) -> None:
        from tuireader.ui.screens.add_entity import AddEntityScreen

        suggestion = self.step_name.strip("“”") if self.step_name.startswith("“") else ""
        self.app.push_screen(AddEntityScreen(suggestion), self._entity_added)

    def _entity_added(self, result: tuple[str, str] | None) -> None:
        if not result:
            return
        from tuireader.corrections import correct

        surface, label = result
        changed = correct(self.library, surface, "add", label)
        self.notify(f"“{surface}” added as {label} (in {changed} stories)", timeout=4)
        self._reload_extraction()

    def _reload_extraction(self) -> None:
        self.mentions = self.library.mentions_of(self.article_id)
        self.figures = self.library.figures_of(self.article_id)
        self.query_one(StoryView).set_overlays(self._overlays())
        self._fill_panel()

    # -- reading cursor, highlights and notes ---------------------------------------

    def _refresh_marks(self) -> None:
        self.query_one(StoryView).set_overlays(self._overlays())

    def _bring_cursor_into_view(self) -> bool:
        """Put the cursor on the first visible sentence if it is off screen; True when it moved."""
        view = self.query_one(StoryView)
        if self.cursor is None:
            return False
        top, height = view.scroll_offset.y, view.size.height
        line = view.line_of_display_offset(view.display_offset_of_body(self.cursor.span[0]))
        if top <= line < top + height:
            return False
        self.cursor.move_to_offset(view.body_offset_at_line(top))
        return True

    def _after_cursor_move(self) -> None:
        self._refresh_marks()
        if self.cursor is not None:
            self.query_one(StoryView).ensure_body_offset_visible(self.cursor.span[0])

    def action_sentence(self, step: int) -> None:
        if self.cursor is not None and not self._bring_cursor_into_view():
            self.cursor.move_sentence(step)
        self._after_cursor_move()

    def action_paragraph(self, step: int) -> None:
        if self.cursor is not None and not self._bring_cursor_into_view():
            self.cursor.move_paragraph(step)
        self._after_cursor_move()

    def action_toggle_selection(self) -> None:
        if self.cursor is not None:
            self._bring_cursor_into_view()
            self.cursor.toggle_selection()
            self._refresh_marks()

    def _highlight_at_cursor(self) -> Highlight | None:
        if self.cursor is None:
            return None
        start, end = self.cursor.span
        for highlight in self.highlights:
            if highlight.start < end and start < highlight.end:
                return highlight
        return None

    def _reload_highlights(self) -> None:
        self.highlights = notes.highlights_of(self.library, self.article_id, include_orphaned=False)
        self._refresh_marks()

    def action_annotate(self) -> None:
        if self.cursor is None or self.article is None:
            return
        self._bring_cursor_into_view()
        start, end = self.cursor.selection()
        try:
            created = notes.create_highlight(self.library, self.article_id, start, end)
        except TuireaderError as error:
            self.notify(str(error), severity="error")
            return
        self.cursor.clear_selection()
        self._reload_highlights()
        self._edit_note(created)

    def _edit_note(self, highlight: Highlight) -> None:
        from tuireader.ui.screens.note_editor import NoteEditorScreen

        def save(note: str | None) -> None:
            if note is not None and note != highlight.note:
                notes.update_highlight(self.library, highlight.id, note=note)
                self._reload_highlights()

        heading = f"Note on highlight (label {highlight.label})" if highlight.label else "Note on highlight"
        self.app.push_screen(NoteEditorScreen(heading, highlight.note, highlight.quote), save)

    def action_edit_note(self) -> None:
        """Enter: the note of the highlight under the cursor, else the page of the entity there."""
        highlight = self._highlight_at_cursor()
        if highlight is not None:
            self._edit_note(highlight)
            return
        mention = self._entity_at_cursor()
        if mention is not None:
            self.app.visit(Place(ENTITY, mention.entity_id, mention.canonical))
            return
        self.notify("nothing here to open: a highlights the sentence, ] jumps to a highlight", timeout=3)

    def action_highlight_step(self, step: int) -> None:
        if not self.highlights or self.cursor is None:
            self.notify("no highlights in this story yet (a makes one)", timeout=3)
            return
        here = self.cursor.span[0]
        starts = [h.start for h in self.highlights]
        if step > 0:
            following = [s for s in starts if s > here]
            target = following[0] if following else starts[0]
        else:
            before = [s for s in starts if s < here]
            target = before[-1] if before else starts[-1]
        self.cursor.move_to_offset(target)
        self._after_cursor_move()

    def action_delete_highlight(self) -> None:
        from tuireader.ui.screens.confirm import ConfirmScreen

        highlight = self._highlight_at_cursor()
        if highlight is None:
            self.notify("no highlight here to delete", timeout=3)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.deleted.append(notes.delete_highlight(self.library, highlight.id))
                self._reload_highlights()
                self.notify("highlight deleted · u undoes", timeout=3)

        quote = " ".join(highlight.quote.split())[:60]
        self.app.push_screen(ConfirmScreen(f"Delete the highlight “{quote}…” and its note?"), answer)

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.notify("nothing to undo", timeout=2)
            return
        notes.restore_highlight(self.library, self.deleted.pop())
        self._reload_highlights()
        self.notify("highlight restored", timeout=2)

    def on_key(self, event) -> None:
        if event.key in ("1", "2", "3", "4", "5") and self.query_one(StoryView).has_focus:
            highlight = self._highlight_at_cursor()
            if highlight is None:
                self.notify("no highlight here to label", timeout=2)
            else:
                label = int(event.key)
                notes.update_highlight(self.library, highlight.id, label=None if highlight.label == label else label)
                self._reload_highlights()
            event.stop()

    def action_story_note(self) -> None:
        from tuireader.ui.screens.note_editor import NoteEditorScreen

        def save(note: str | None) -> None:
            if note is not None and note != self.story_note and self.article is not None:
                notes.set_story_note(self.library, self.article_id, note)
                self.story_note = note
                view = self.query_one(StoryView)
                view.show(self._title_block(self.article), view.story, self._overlays())

        self.app.push_screen(NoteEditorScreen("Note on the whole story", self.story_note), save)

    def action_export(self) -> None:
        self.app.export_notes([self.article_id])

    def action_notes(self) -> None:
        from tuireader.ui.screens.notes import NotesScreen

        self.save_position()
        self.app.push_screen(NotesScreen())

    def action_tag(self) -> None:
        from tuireader.ui.screens.tag_editor import TagEditorScreen

        if self.article is None:
            return

        def save(change) -> None:
            if change is None:
                return
            if change.remove:
                notes.remove_tags(self.library, [self.article_id], change.remove)
            if change.add:
                notes.add_tags(self.library, [self.article_id], change.add)
            self.article = self.library.article(self.article_id)
            view = self.query_one(StoryView)
            view.show(self._title_block(self.article), view.story, self._overlays())

        all_tags = [t.name for t in notes.tag_counts(self.library)]
        self.app.push_screen(TagEditorScreen(f"Tags of “{self.article.title[:50]}”", all_tags, self.article.tags), save)

    # -- actions ------------------------------------------------------------------

    def action_open_url(self) -> None:
        if self.article is None or not self.article.url.startswith(("http://", "https://")):
            self.notify("this story has no web address", timeout=3)
            return
        self.app.open_url(self.article.url)

    def action_copy_url(self) -> None:
        if self.article is None or not self.article.url:
            self.notify("this story has no web address", timeout=3)
            return
        # OSC 52: terminals that allow it put the text on the system clipboard.
        self.app.copy_to_clipboard(self.article.url)
        self.notify("url copied to the clipboard (if the terminal allows it)", timeout=3)

    def action_toggle_highlights(self) -> None:
        self.show_highlights = not self.show_highlights
        self.query_one(StoryView).set_overlays(self._overlays())
        self.query_one("#legend", Static).display = self.show_highlights

    def _show_panel(self, wanted: type | None) -> None:
        """One side panel at a time: the entity panel, the related panel, or none."""
        for panel_type in (EntityPanel, RelatedPanel):
            panel = self.query_one(panel_type)
            panel.display = panel_type is wanted
            if panel.display:
                panel.query_one(OptionList).focus()
        if wanted is None:
            self.query_one(StoryView).focus()

    def action_toggle_entities(self) -> None:
        self._show_panel(None if self.query_one(EntityPanel).display else EntityPanel)

    def action_toggle_related(self) -> None:
        if self.query_one(RelatedPanel).display:
            self._show_panel(None)
            return
        self._fill_related()
        self._show_panel(RelatedPanel)

    def _fill_related(self) -> None:
        from tuireader.store.related_index import related

        self.query_one(RelatedPanel).show(related(self.library, self.article_id, k=8))

    def on_related_panel_open(self, event: RelatedPanel.Open) -> None:
        self.app.visit(Place(STORY, event.article_id, event.title))

    def action_thread(self) -> None:
        self.app.visit(Place(THREAD, self.article_id, "Thread"))

    def on_entity_panel_open_page(self, event: EntityPanel.OpenPage) -> None:
        self.app.visit(Place(ENTITY, event.entity_id, event.name))

    def _entity_at_cursor(self) -> StoredMention | None:
        """The mention being stepped through, else the first mention in the cursor's sentence."""
        if 0 <= self.step_index < len(self.steps):
            start, end = self.steps[self.step_index]
            for mention in self.mentions:
                if mention.start == start:
                    return mention
        if self.cursor is None:
            return None
        start, end = self.cursor.span
        return next((m for m in self.mentions if start <= m.start < end), None)

    def action_switch_focus(self) -> None:
        for panel_type in (EntityPanel, RelatedPanel):
            panel = self.query_one(panel_type)
            if panel.display and self.query_one(StoryView).has_focus:
                panel.query_one(OptionList).focus()
                return
        self.query_one(StoryView).focus()

    def _go(self, delta: int) -> None:
        if self._place_in_sequence < 0:
            return
        index = self._place_in_sequence + delta
        if not 0 <= index < len(self.sequence):
            self.notify("no more stories that way", timeout=2)
            return
        self.save_position()
        self.load(self.sequence[index])
        if self.article is not None:
            self.app.history.replace(Place(STORY, self.article_id, self.article.title))
            self.query_one(Breadcrumbs).refresh_crumbs()

    def action_next_story(self) -> None:
        self._go(1)

    def action_previous_story(self) -> None:
        self._go(-1)

    def action_close(self) -> None:
        find = self.query_one("#find", Input)
        if find.has_focus:
            find.display = False
            self.query_one(StoryView).focus()
            return
        self.save_position()
        self.app.history.replace(Place(STORY, self.article_id, self.article.title if self.article else ""))
        self.app.close_content()
