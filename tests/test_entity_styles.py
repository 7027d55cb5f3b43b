"""Annotation styles: the classifier that tells news from encyclopedic Indonesian, and its use by the model."""

import json

from tuireader.entities import recogniser
from tuireader.entities.domain import GENERAL, NEWS, StyleClassifier, train_classifier
from tuireader.entities.features import FeatureExtractor, load_resources

NEWS_LINES = [
    "Harga beras naik 3 persen pekan ini , kata pedagang di pasar .",
    "Kami belum bisa memastikan jumlahnya , ujarnya kepada wartawan .",
    "Polisi mengatakan sejumlah warga terluka dalam insiden itu .",
]
ENCYCLOPEDIC_LINES = [
    "Desa ini terletak di kabupaten yang berada di lereng gunung .",
    "Album tersebut berisi sepuluh lagu yaitu lagu daerah dan musik pop .",
    "Sekolah ini didirikan pada tanggal 1 Februari oleh yayasan pendidikan .",
]


def examples():
    return [(line.split(), NEWS) for line in NEWS_LINES] + [(line.split(), GENERAL) for line in ENCYCLOPEDIC_LINES]


def test_the_classifier_learns_the_two_styles_reproducibly():
    trained = train_classifier(examples())
    assert trained == train_classifier(examples())
    model = StyleClassifier(trained)
    assert model.score("Harga naik 5 persen , ujarnya .".split()) > 0
    assert model.score("Desa ini terletak di lereng gunung .".split()) < 0
    assert model.style_of([line.split() for line in NEWS_LINES]) == NEWS
    assert model.style_of([line.split() for line in ENCYCLOPEDIC_LINES]) == GENERAL


def test_a_whole_text_gets_one_style_from_all_its_sentences():
    model = StyleClassifier({"bias": 0.0, "weights": {"ujarnya": 2.0, "terletak": -1.0}})
    assert model.style_of([["terletak"], ["Terletak"], ["terletak", "terletak"], ["ujarnya"]]) == GENERAL
    assert model.style_of([["terletak"], ["ujarnya"]]) == NEWS
    assert model.score(["terletak", "Terletak", "ujarnya", "lain"]) == 0.0  # case variants count apart


def test_the_shipped_indonesian_model_tags_in_a_style_and_english_has_none():
    data = json.loads((recogniser.MODELS_DIR / "ner_id.json").read_text(encoding="utf-8"))
    assert len(data["style"]["weights"]) > 1000
    classifier = StyleClassifier(data["style"])
    assert classifier.style_of([line.split() for line in NEWS_LINES]) == NEWS
    assert classifier.style_of([line.split() for line in ENCYCLOPEDIC_LINES]) == GENERAL
    assert "style" not in json.loads((recogniser.MODELS_DIR / "ner_en.json").read_text(encoding="utf-8"))

    fx = FeatureExtractor(load_resources(recogniser.MODELS_DIR / "ner_id.json"))
    assert "N:w=israel" in fx.attribute_names(["Israel", "menyerang"], NEWS)[0]
    assert not any(a.startswith(("N:", "G:")) for a in fx.attribute_names(["Israel", "menyerang"])[0])
