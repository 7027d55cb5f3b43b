from tuireader.reading_cursor import ReadingCursor

BODY = "Satu. Dua.\n\nTiga. Empat. Lima.\n\nEnam."


def text(cursor, span=None):
    start, end = span or cursor.span
    return BODY[start:end]


def test_cursor_moves_by_sentence_within_bounds():
    cursor = ReadingCursor.for_body(BODY)
    cursor.move_sentence(-1)
    assert text(cursor) == "Satu."
    cursor.move_sentence(3)
    assert text(cursor) == "Empat."
    cursor.move_sentence(99)
    assert text(cursor) == "Enam."


def test_cursor_moves_by_paragraph():
    cursor = ReadingCursor.for_body(BODY)
    cursor.move_paragraph(1)
    assert text(cursor) == "Tiga."
    cursor.move_sentence(2)
    cursor.move_paragraph(-1)
    assert text(cursor) == "Tiga."  # first back to the start of this paragraph
    cursor.move_paragraph(-1)
    assert text(cursor) == "Satu."


def test_selection_extends_over_sentences_in_either_direction():
    cursor = ReadingCursor.for_body(BODY)
    cursor.move_sentence(3)
    cursor.toggle_selection()
    cursor.move_sentence(-2)
    assert text(cursor, cursor.selection()) == "Dua.\n\nTiga. Empat."


def test_without_selection_the_sentence_is_selected():
    cursor = ReadingCursor.for_body(BODY)
    cursor.move_to_offset(BODY.index("Lima"))
    assert text(cursor, cursor.selection()) == "Lima."
