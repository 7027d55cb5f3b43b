from tuireader.entities.tokenize import split_sentences, tokenize


def toks(text):
    return [text[s:e] for s, e in tokenize(text)]


def test_punctuation_and_numbers():
    t = "Presiden tiba di Kairo pada Selasa (12/8). Harga Rp4.500, korban 61.700 orang."
    assert toks(t) == ["Presiden", "tiba", "di", "Kairo", "pada", "Selasa", "(", "12/8", ")", ".",
                       "Harga", "Rp", "4.500", ",", "korban", "61.700", "orang", "."]


def test_abbreviations_hyphens_clitics():
    t = "The U.S. envoy's aide didn't visit Al-Azhar; Dr. Lee met H. Salim."
    assert toks(t) == ["The", "U.S.", "envoy", "'s", "aide", "did", "n't", "visit", "Al-Azhar", ";",
                       "Dr.", "Lee", "met", "H.", "Salim", "."]


def test_markdown_is_skipped():
    t = "## Kabar\n- **Jakarta** dan *Bogor* diguyur hujan, lihat [laporan Bandung](https://x.id/a_b?q=Bandung).\n"
    assert toks(t) == ["Kabar", "Jakarta", "dan", "Bogor", "diguyur", "hujan", ",", "lihat", "laporan", "Bandung", "."]
    for s, e in tokenize(t):
        assert "*" not in t[s:e] and "http" not in t[s:e]


def test_spans_are_offsets():
    t = "Warga  Surabaya\tberkumpul.\n\nLalu pulang."
    for s, e in tokenize(t):
        assert t[s:e].strip() == t[s:e] and t[s:e]


def test_sentences():
    t = "Ia tiba di Kairo. Menurut sumber, pembicaraan berlanjut.\nADVERTISEMENT\nDr. Ani hadir."
    sents = [[t[s:e] for s, e in sent] for sent in split_sentences(t)]
    assert sents == [["Ia", "tiba", "di", "Kairo", "."], ["Menurut", "sumber", ",", "pembicaraan", "berlanjut", "."],
                     ["ADVERTISEMENT"], ["Dr.", "Ani", "hadir", "."]]
