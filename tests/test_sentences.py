import pytest

from tuireader.text.sentences import paragraph_spans, sentence_spans, span_index_at


def sentences(body):
    return [body[s:e] for s, e in sentence_spans(body)]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Satu kalimat. Dua kalimat!", ["Satu kalimat.", "Dua kalimat!"]),
        ("Dr. Rina tiba. Dia lelah.", ["Dr. Rina tiba.", "Dia lelah."]),
        ("The U.S. envoy spoke. Talks went on.", ["The U.S. envoy spoke.", "Talks went on."]),
        ('"Kami siap," katanya. Lalu pergi.', ['"Kami siap," katanya.', "Lalu pergi."]),
        ("Harga naik 3,5 persen. Inflasi 2.5% tahun lalu.", ["Harga naik 3,5 persen.", "Inflasi 2.5% tahun lalu."]),
        ("Para. One.\n\nPara two", ["Para.", "One.", "Para two"]),
        ("ditunda hingga pekan depan. 61.700 orang mengungsi.", ["ditunda hingga pekan depan.", "61.700 orang mengungsi."]),
    ],
)
def test_sentences_split_at_real_boundaries(body, expected):
    assert sentences(body) == expected


def test_paragraphs_skip_blank_lines_and_trim():
    body = "  One.\n\n\n  Two\nstill two.\n\n"
    assert [body[s:e] for s, e in paragraph_spans(body)] == ["One.", "Two\nstill two."]


def test_span_index_at_finds_the_span_holding_an_offset():
    spans = [(0, 5), (6, 10)]
    assert [span_index_at(spans, o) for o in (0, 4, 5, 7, 99)] == [0, 0, 1, 1, 1]
