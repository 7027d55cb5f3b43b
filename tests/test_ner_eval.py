from pathlib import Path

from tuireader.entities.evaluate import chunks, evaluate_file, guess_lang, read_conll, score, write_predictions


def test_chunks_conlleval_rules():
    assert chunks(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")}
    # MISC is ignored
    assert chunks(["B-MISC", "I-MISC", "B-ORG"]) == {(2, 3, "ORG")}


def test_score_counts():
    gold = [["B-PER", "I-PER", "O", "B-LOC", "B-MISC"]]
    pred = [["B-PER", "O", "O", "B-LOC", "B-ORG"]]
    r = score(gold, pred)
    assert r["overall"]["tp"] == 1 and r["overall"]["gold"] == 2 and r["overall"]["predicted"] == 3
    assert r["per_type"]["LOC"]["f1"] == 1.0
    assert r["per_type"]["PER"]["f1"] == 0.0


def test_guess_lang():
    assert guess_lang("/x/en-conll2003/valid.tsv") == "en"
    assert guess_lang("/x/id-nergrit/valid.tsv") == "id"


def test_evaluate_and_predictions(tmp_path: Path):
    f = tmp_path / "en-mini.tsv"
    f.write_text("Tim\tB-PER\nCook\tI-PER\nvisited\tO\nLondon\tB-LOC\n.\tO\n\n"
                 "The\tO\nEuro\tB-MISC\nfell\tO\n.\tO\n", encoding="utf-8")
    assert len(read_conll(f)) == 2
    r = evaluate_file(f)
    assert r["lang"] == "en"
    assert r["overall"]["gold"] == 2
    assert r["overall"]["f1"] == 1.0
    out = tmp_path / "pred.tsv"
    write_predictions(f, out, "en")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "Tim\tB-PER\tB-PER"
    assert lines[5] == ""


def test_bilou_tags_mark_single_and_last_words_and_read_back_as_bio():
    from tuireader.entities.evaluate import bio_label, bio_spans, to_bilou

    bio = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-ORG", "B-ORG", "B-ORG"]
    bilou = to_bilou(bio)
    assert bilou == ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-ORG", "U-ORG", "U-ORG"]
    assert bio_spans([bio_label(t) for t in bilou]) == bio_spans(bio)
