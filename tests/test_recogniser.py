"""The shipped entity model: loads lazily and tags original sentences."""

import subprocess
import sys

import pytest

from tuireader.entities import recogniser
from tuireader.entities.recogniser import recognise, tag_tokens


def ents(text, lang):
    ms = recognise(text, lang)
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.canonical == ""
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    return [(m.text, m.label) for m in ms]


def test_import_does_not_load_model():
    code = (
        "import sys; import tuireader.entities.recogniser as r; "
        "assert not r.is_loaded(); assert 'pycrfsuite' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


def test_indonesian_person_and_places():
    got = ents("Presiden Joko Santoso bertemu warga di Kairo pada Selasa (12/8).", "id")
    assert ("Joko Santoso", "PERSON") in got
    assert ("Kairo", "LOCATION") in got
    assert all(t not in ("Presiden", "Selasa") for t, _ in got)


def test_minister_of_country_in_city():
    got = ents("Presiden Joko Santoso bertemu Menteri Luar Negeri Mesir di Kairo pada Selasa (12/8).", "id")
    assert ("Joko Santoso", "PERSON") in got
    assert ("Mesir", "LOCATION") in got
    assert ("Kairo", "LOCATION") in got


def test_document_consistency():
    text = ("Direktur PT Sinar Kencana Rudi Hartawan tiba di Medan.\n"
            "Rudi Hartawan mengatakan pabrik baru akan dibuka tahun depan.")
    got = ents(text, "id")
    assert got.count(("Rudi Hartawan", "PERSON")) == 2


def test_sentence_initial_function_word_not_tagged():
    text = "Menurut para sumber, pembicaraan di Surabaya berlanjut. Kendati demikian, PT Garuda Nusantara tetap membuka rute."
    got = ents(text, "id")
    assert ("Surabaya", "LOCATION") in got
    assert ("PT Garuda Nusantara", "ORG") in got
    words = {t for t, _ in got}
    assert not words & {"Menurut", "Kendati"}


def test_english_ceo_company_city():
    got = ents("Mr. Daniel Moreno, CEO of Northwind Energy Corp, said the Toronto plant will reopen.", "en")
    assert ("Daniel Moreno", "PERSON") in got
    assert ("Northwind Energy Corp", "ORG") in got
    assert ("Toronto", "LOCATION") in got


def test_markdown_emphasis_and_links():
    text = "**Jakarta** is busy. See [the Bandung story](https://example.com/Bandung-flood) now."
    got = ents(text, "en")
    assert ("Jakarta", "LOCATION") in got
    assert ("Bandung", "LOCATION") in got
    assert all("example" not in t for t, _ in got)


def test_noise_lines_not_tagged():
    text = "Warga Bogor berkumpul.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nMereka pulang."
    got = ents(text, "id")
    assert all(t.isupper() is False for t, _ in got)


def test_tag_tokens_bio():
    tags = tag_tokens(["Tim", "Cook", "visited", "London", "."], "en")
    assert tags == ["B-PER", "I-PER", "O", "B-LOC", "O"]
    assert recogniser.is_loaded("en")


def test_empty_and_unknown_language():
    assert recognise("", "id") == []
    assert isinstance(recognise("Warga Medan berkumpul di alun-alun.", "xx"), list)
