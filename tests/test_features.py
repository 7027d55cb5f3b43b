"""CRF feature extraction: gazetteer lookups and the shipped place list."""

from __future__ import annotations

from tuireader.entities.features import _DATA_DIR, FeatureExtractor, Gazetteer, Resources, _read_gazetteer


def test_gazetteer_finds_every_name_starting_with_a_word_longest_first():
    gaz = Gazetteer([(["jakarta", "jakarta barat", "jakarta pusat kota", "jakartaku", "kairo"], "L"),
                     (["jakarta post"], "O")])
    assert gaz.get("jakarta") == [(("jakarta", "pusat", "kota"), "L"), (("jakarta", "barat"), "L"),
                                  (("jakarta", "post"), "O"), (("jakarta",), "L")]
    assert gaz.get("kairo") == [(("kairo",), "L")]
    assert gaz.get("jakart") is None  # a prefix of a word is not the word
    assert gaz.get("bandung") is None


def test_unsorted_or_mixed_case_entity_lists_are_normalised():
    res = Resources(locations=["kairo"], entities={"ORG": ["Middle  East Monitor", "Hamas"]})
    assert res.gaz.get("middle") == [(("middle", "east", "monitor"), "O")]
    assert res.gaz.get("hamas") == [(("hamas",), "O")]


def test_the_shipped_place_list_is_stored_lower_cased_and_sorted():
    names = _read_gazetteer(_DATA_DIR / "gazetteer_loc.txt")
    assert len(names) > 40_000
    assert names == sorted(names)
    assert all(name == " ".join(name.lower().split()) for name in names)
    assert "jakarta" in names and "kairo" in names


def test_gazetteer_attributes_mark_the_longest_match():
    res = Resources(locations=["jawa", "jawa barat"])
    attrs = FeatureExtractor(res).attribute_names("Banjir di Jawa Barat kemarin".split())
    assert "gL=B" in attrs[2] and "gL=I" in attrs[3]
    assert "+1gL" in attrs[1] and "-1gL" in attrs[4]
    assert not any(a.startswith("gL") for a in attrs[0] + attrs[4])


def test_brown_paths_round_trip_through_their_compact_form():
    from tuireader.entities.features import decode_brown, encode_brown

    brown = {"London": 678, "Jakarta": 678, "Reuters": 294, "Clinton": 86}
    encoded = encode_brown(brown)
    assert encoded == {"86": "Clinton", "294": "Reuters", "678": "Jakarta London"}
    assert decode_brown(encoded) == brown
    assert decode_brown(None) == {}


def test_brown_attributes_for_capitalised_words_and_their_all_capitals_form():
    res = Resources(brown={"London": 0b1010100110})
    fx = FeatureExtractor(res, flags=("brctx",))
    london, capitals, lower = fx.attribute_names(["London", "LONDON", "london"])
    assert {"b4=6", "b6=38", "b10=678", "b=678"} <= set(london)
    assert "b=678" in capitals  # looked up as "London"
    assert "b-" in lower and not any(a.startswith("b=") for a in lower)
    assert "-1b=38" in capitals and "+1b=38" in fx.attribute_names(["in", "London"])[0]
