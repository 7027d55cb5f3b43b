import pytest

from tuireader.annotations.anchoring import (
    CONTEXT_CHARS, EXACT, FUZZY, NEAREST, Anchor, find_quote, make_anchor, reanchor,
)

BODY = (
    "Banjir merendam Padang pada Selasa. Harga beras naik tajam di pasar induk. "
    "Warga mengungsi ke masjid. Pemerintah daerah membuka dapur umum."
)
QUOTE = "Harga beras naik tajam di pasar induk."


def anchor_of(body: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(quote, start + 1)
    return make_anchor(body, start, start + len(quote))


def test_make_anchor_keeps_quote_context_and_offsets():
    anchor = anchor_of(BODY, QUOTE)
    assert anchor.quote == QUOTE
    assert anchor.prefix == BODY[anchor.start - CONTEXT_CHARS : anchor.start]
    assert anchor.suffix == BODY[anchor.end : anchor.end + CONTEXT_CHARS]
    assert make_anchor("abc", 0, 2).prefix == ""


@pytest.mark.parametrize("span", [(5, 5), (-1, 3), (3, 2), (0, len(BODY) + 1)])
def test_make_anchor_refuses_empty_or_out_of_range_spans(span):
    with pytest.raises(ValueError):
        make_anchor(BODY, *span)


def test_unchanged_text_is_exact():
    anchor = anchor_of(BODY, QUOTE)
    assert reanchor(anchor, BODY) == (placement := reanchor(anchor, BODY))
    assert (placement.start, placement.end, placement.method) == (anchor.start, anchor.end, EXACT)


def test_text_inserted_before_moves_the_highlight():
    anchor = anchor_of(BODY, QUOTE)
    new_body = "PEMBARUAN: angka korban bertambah. " + BODY
    placement = reanchor(anchor, new_body)
    assert placement.method == NEAREST
    assert new_body[placement.start : placement.end] == QUOTE
    assert placement.start == anchor.start + len("PEMBARUAN: angka korban bertambah. ")


def test_edited_quote_is_found_fuzzily_with_its_new_extent():
    anchor = anchor_of(BODY, QUOTE)
    new_body = BODY.replace("naik tajam", "naik sangat tajam")
    placement = reanchor(anchor, new_body)
    assert placement.method == FUZZY
    assert new_body[placement.start : placement.end] == "Harga beras naik sangat tajam di pasar induk."


def test_deleted_passage_is_none():
    anchor = anchor_of(BODY, QUOTE)
    assert reanchor(anchor, BODY.replace(QUOTE + " ", "")) is None
    assert reanchor(anchor, "") is None


def test_rewritten_passage_below_threshold_is_none():
    anchor = anchor_of(BODY, QUOTE)
    assert reanchor(anchor, BODY.replace(QUOTE, "Pasar induk tutup sampai Kamis karena air.")) is None


def test_repeated_quote_keeps_the_occurrence_whose_context_matches():
    body = "Di Padang, air naik. Polisi berjaga. Di Solok, air naik. Sekolah libur."
    second = anchor_of(body, "air naik", occurrence=1)
    # A long insertion between the two: the first occurrence is now nearer the old
    # position of the second, so only the context can pick the right one.
    new_body = body.replace("Polisi berjaga.", "Polisi berjaga sepanjang malam di tepi sungai yang meluap deras.")
    first_at, second_at = new_body.index("air naik"), new_body.rindex("air naik")
    assert abs(first_at - second.start) < abs(second_at - second.start)
    placement = reanchor(second, new_body)
    assert (placement.start, placement.method) == (second_at, NEAREST)


def test_repeated_quote_at_same_offset_but_other_context_moves():
    body = "A: harga naik. B: harga turun."
    anchor = anchor_of(body, "harga", occurrence=1)  # the one after "B: "
    new_body = "A: harga naik. C: harga stabil. B: harga turun."
    placement = reanchor(anchor, new_body)
    assert new_body[: placement.start].endswith("B: ")


def test_repeated_quote_without_context_prefers_nearest():
    anchor = Anchor("sama", "", "", 10, 14)
    body = "sama xxxxx sama yyyyyyyyyyyyy sama"
    assert reanchor(anchor, body).start == 11


def test_find_quote_spans_any_whitespace_and_every_occurrence():
    body = "Harga beras\nnaik. Lalu harga beras naik lagi."
    assert find_quote(body, "harga beras naik") == [(23, 39)]
    assert find_quote(body, "Harga  beras naik") == [(0, 16)]
    assert find_quote(body.lower(), "harga beras naik") == [(0, 16), (23, 39)]
    assert find_quote(body, "   ") == []
    assert find_quote(body, "tidak ada") == []


def test_short_lengthened_quote_takes_its_whole_new_extent():
    # The quote alone would fit "Harga beras naik sa" better; the suffix decides the end.
    anchor = anchor_of(BODY, "Harga beras naik tajam")
    new_body = "PEMBARUAN. " + BODY.replace("naik tajam", "naik sangat tajam")
    placement = reanchor(anchor, new_body)
    assert (new_body[placement.start : placement.end], placement.method) == ("Harga beras naik sangat tajam", FUZZY)
