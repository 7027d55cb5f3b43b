import pytest

from tuireader.render.story_text import render_story
from tuireader.render.wrapping import wrap_offsets

BODY = """Presiden **Joko Santoso** bertemu [Menteri Luar Negeri](https://example.org/x) di *Kairo*.

- satu *Gaza* butir
- dua 日本語 emoji 🎉 akhir

## Sub judul

> kutipan [bold red] di sini

Teks &amp; lagi \\*bukan em\\* selesai"""


@pytest.mark.parametrize(
    "word",
    ["Joko Santoso", "Menteri Luar Negeri", "Kairo", "Gaza", "日本語", "🎉", "Sub judul", "[bold red]", "lagi", "bukan em"],
)
def test_body_offsets_map_onto_the_same_rendered_characters(word):
    rendered = render_story(BODY)
    start = BODY.index(word)
    a, b = rendered.span_to_rendered(start, start + len(word))
    assert rendered.text.plain[a:b] == word


def test_markup_characters_are_not_rendered():
    plain = render_story(BODY).text.plain
    assert "**" not in plain and "https://" not in plain and "## " not in plain


def test_list_items_get_bullets_and_emphasis_is_styled():
    rendered = render_story(BODY)
    assert "• satu Gaza butir" in rendered.text.plain
    start = rendered.text.plain.index("Joko")
    assert any(span.start <= start < span.end and "bold" in str(span.style) for span in rendered.text.spans)


def test_rich_markup_in_text_stays_literal():
    rendered = render_story("[bold]not bold[/bold] and [@click=app.quit]x[/]")
    assert rendered.text.plain == "[bold]not bold[/bold] and [@click=app.quit]x[/]"
    assert rendered.text.spans == []


def test_raw_html_is_shown_as_text():
    assert "<script>" in render_story("<script>alert(1)</script>\n\ntext").text.plain


def test_to_body_inverts_to_rendered():
    rendered = render_story(BODY)
    offset = BODY.index("Kairo")
    assert rendered.to_body(rendered.to_rendered(offset)) == offset


def test_wrap_keeps_every_character_and_respects_width():
    plain = "Presiden Joko Santoso bertemu Menteri di Kairo.\n\n日本語日本語日本語 emoji 🎉🎉 supercalifragilistic"
    lines = wrap_offsets(plain, 12)
    assert "".join(plain[a:b] for a, b in lines) == plain.replace("\n", "")
    from rich.cells import cell_len

    assert all(cell_len(plain[a:b].rstrip()) <= 12 for a, b in lines)


def test_wrap_never_splits_a_wide_character():
    lines = wrap_offsets("日本語日本語", 5)
    assert [("日本語日本語")[a:b] for a, b in lines] == ["日本", "語日", "本語"]
