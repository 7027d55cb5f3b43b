"""Named-entity recogniser: PERSON / ORG / LOCATION in Indonesian and English.

A CRF (python-crfsuite) per language, trained by ``tuireader.entities.train``
and shipped in ``tuireader/entities/models/``.  Nothing heavy happens at
import time: the model and its word lists are loaded on first use (one lazy
singleton per language, per process).

Public API::

    recognise(text: str, lang: str) -> list[EntityMention]
    tag_tokens(tokens: list[str], lang: str) -> list[str]
    tag_document(sentences: list[list[str]], lang: str, consistency: bool = True) -> list[list[str]]
    guess_language(text: str) -> str
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from .domain import StyleClassifier
from .evaluate import bio_label, bio_spans
from .mention import LOCATION, ORG, PERSON, EntityMention
from .rules import (ROUTE_WORDS, acronym_rule, admin_place_rule, byline_name_rule, club_city_rule, commission_rule,
                    coordination_rule, country_rule, dateline_rule, doubles_rule, east_asian_name_rule,
                    holder_after_body_rule, hyphen_pair, initials_rule, known_names_rule, long_form_rule,
                    lower_case_opener_rule, media_rule, misc_word_rule, name_joiner_rule, nameish,
                    office_building_rule, organisation_lower_case_rule, organisation_person_rule,
                    organisation_word_rule, person_lower_case_rule, person_prefix_rule, regional_body_rule,
                    regional_name_rule, route_rule, sentence_start_rule, short_organisation_rule, site_name_rule,
                    span_edge_rule, speaker_rule, state_company_rule, street_rule, title_split_rule, titled_person_rule,
                    work_title_rule)
from .tokenize import split_sentences, tokenize

__all__ = ["recognise", "tag_tokens", "tag_document", "guess_language", "is_loaded", "reset", "MODELS_DIR"]

MODELS_DIR = Path(__file__).resolve().parent / "models"
LANGS = ("id", "en")
_LABELS = {"PER": PERSON, "ORG": ORG, "LOC": LOCATION}

_lock = threading.Lock()
_models: dict[str, "_Model"] = {}
_models_dir: Path = MODELS_DIR


class _Model:
    def __init__(self, lang: str, models_dir: Path) -> None:
        import pycrfsuite  # local import: only on first use

        from .features import FeatureExtractor, load_resources

        self.lang = lang
        self.res = load_resources(models_dir / f"ner_{lang}.json")
        self.fx = FeatureExtractor(self.res, self.res.flags)
        self.style_classifier = StyleClassifier(self.res.style) if self.res.style else None
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(models_dir / f"ner_{lang}.crfsuite"))
        # the model's labels as shown: BILOU (how it is trained) read as BIO, MISC (trained as a label) as O
        self.shown = {label: "O" if label.endswith("MISC") else bio_label(label) for label in self.tagger.labels()}

    def style(self, sentences: list[list[str]]) -> str:
        """The annotation style to tag these sentences in ("" for a model without styles)."""
        return self.style_classifier.style_of(sentences) if self.style_classifier else ""

    def tag(self, tokens: list[str], style: str = "") -> list[str]:
        if not tokens:
            return []
        shown = self.shown
        return [shown[t] for t in self.tagger.tag(self.fx.sentence(tokens, style))]


def reset(models_dir: Path | None = None) -> None:
    """Forget loaded models (and optionally point at another models folder)."""
    global _models_dir
    with _lock:
        _models.clear()
        _models_dir = Path(models_dir) if models_dir is not None else MODELS_DIR


def is_loaded(lang: str | None = None) -> bool:
    """Whether a model (for ``lang``, or any) has been loaded in this process."""
    return bool(_models) if lang is None else lang in _models


def _get(lang: str) -> _Model:
    m = _models.get(lang)
    if m is None:
        with _lock:
            m = _models.get(lang)
            if m is None:
                m = _Model(lang, _models_dir)
                _models[lang] = m
    return m


_ID_WORDS = frozenset("yang dan di ini itu dengan untuk dari tidak pada akan dalam ke juga adalah oleh karena bahwa sudah saat telah kata para".split())
_EN_WORDS = frozenset("the of and to in is was that for on with as by at from said it be has have are were will which".split())
_WORD_RE = re.compile(r"[A-Za-z]+")


def guess_language(text: str) -> str:
    """``en`` or ``id`` from function-word counts in the first ~2,000 chars (default ``id``)."""
    i = e = 0
    for w in _WORD_RE.findall(text[:2000].lower()):
        if w in _ID_WORDS:
            i += 1
        elif w in _EN_WORDS:
            e += 1
    return "en" if e > i else "id"


def _norm_lang(lang: str | None, text: str = "") -> str:
    lang = (lang or "").lower()[:2]
    if lang in LANGS:
        return lang
    return guess_language(text) if text else "id"


def tag_tokens(tokens: list[str], lang: str) -> list[str]:
    """BIO tags (``B-PER``, ``I-LOC``, ``O`` ...) for one sentence of tokens."""
    return tag_document([tokens], lang, consistency=False)[0]


def tag_document(sentences: list[list[str]], lang: str, consistency: bool = True) -> list[list[str]]:
    """Tag the sentences of one document; with ``consistency`` the product rules of ``rules.py``
    run, then a name tagged once is tagged (with its majority label) wherever it recurs."""
    lang = _norm_lang(lang, " ".join(" ".join(s) for s in sentences[:20]))
    model = _get(lang)
    style = model.style(sentences)
    if consistency:
        lower_common = model.res.lower_common
        story = sentences if len(sentences) > 1 else None
        tagged = [["O"] * len(s) if _not_for_the_model(s, story, lower_common) else model.tag(list(s), style)
                  for s in sentences]
    else:  # evaluation tags every sentence as it is
        tagged = [model.tag(list(s), style) for s in sentences]
    if consistency:
        # document-level rules first, so that the names they settle are propagated by the consistency pass
        span_edge_rule(sentences, tagged)
        dateline_rule(sentences, tagged, model.res)
        misc_word_rule(sentences, tagged, model.res)
        long_form_rule(sentences, tagged)
        acronym_rule(sentences, tagged)
        organisation_word_rule(sentences, tagged, model.res)
        coordination_rule(sentences, tagged, model.res)
        organisation_lower_case_rule(sentences, tagged)
        # English: trained on whole documents, the model tags short names itself, and capitalised common
        # words head organisations there ("Energy" of "Energy and Mineral Resources Ministry")
        short_organisation_rule(sentences, tagged, model.res, untagged=lang == "id")
        media_rule(sentences, tagged, model.res)
        site_name_rule(sentences, tagged)
        known_names_rule(sentences, tagged, model.res)
        title_split_rule(sentences, tagged, model.res)
        organisation_person_rule(sentences, tagged, model.res)
        holder_after_body_rule(sentences, tagged, model.res)
        speaker_rule(sentences, tagged)
        titled_person_rule(sentences, tagged, model.res)
        name_joiner_rule(sentences, tagged)
        person_prefix_rule(sentences, tagged, model.res)
        byline_name_rule(sentences, tagged, model.res)
        person_lower_case_rule(sentences, tagged)
        east_asian_name_rule(sentences, tagged)
        # Indonesian: English puts titles before names that no first-name rule should take in ("Speaker Johnson")
        regional_name_rule(sentences, tagged, model.res, first_names=lang == "id")
        sentence_start_rule(sentences, tagged, model.res)
        lower_case_opener_rule(sentences, tagged, model.res)
        country_rule(sentences, tagged)
        admin_place_rule(sentences, tagged, model.res)
        regional_body_rule(sentences, tagged, model.res)
        office_building_rule(sentences, tagged, model.res)
        commission_rule(sentences, tagged)
        state_company_rule(sentences, tagged)
        doubles_rule(sentences, tagged, model.res)
        street_rule(sentences, tagged)
        route_rule(sentences, tagged)
        club_city_rule(sentences, tagged)
        initials_rule(sentences, tagged)
        work_title_rule(sentences, tagged, model.res)
        if len(sentences) > 1:
            _consistency(sentences, tagged, model.res)
    return tagged


def _not_for_the_model(tokens: list[str], story: list[list[str]] | None, lower_common) -> bool:
    """Sentences of a story the model is not asked about. One with no capital letter after a first
    word that is usually lower case names nobody: the model tagged none of 386 such sentences in 150
    benchmark stories, and skipping them saves their feature and tagging time. A title-case headline
    is left to the consistency pass (``_headline``)."""
    if not tokens:
        return False
    first = tokens[0]
    if all(t == t.lower() for t in tokens[1:]) and (first == first.lower() or first.lower() in lower_common):
        return True
    return story is not None and _headline(tokens, story, lower_common)


_LONG_LOWER_WORD = re.compile(r"(?<!\S)[a-z]{7,}(?!\S)")


def _headline(tokens: list[str], story: list[list[str]], lower_common) -> bool:
    """A headline in title case ("Arunika Gandeng Seorim Bangun Pabrik Baterai dan Mobil Listrik …"):
    every word has a capital, the model's main cue, so it reads half the line as names. Told from a
    sentence full of names ("Presiden … menyampaikan Rancangan Anggaran …") by having no lower-case
    word but short ones ("dan", "di", "at"), and from a list of names ("Laskar Borneo 8, Satria
    Mataram 3") by its common words: at least three, and two in five of its capitalised words, are
    written in lower case elsewhere in the story (or usually are). The first word is not counted.
    In a story such a line is left to the consistency pass, which tags there the story's names."""
    if len(tokens) < 5 or _LONG_LOWER_WORD.search(" ".join(tokens)):
        return False  # most sentences: one regex search in C
    words = [t for t in tokens[1:] if t[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = [t for t in words if t[0].isupper() and not t.isupper()]
    if len(capitalised) * 4 < len(words) * 3:
        return False
    lows = {t.lower() for t in capitalised} - lower_common
    written_lower = {t for s in story if not lows.isdisjoint(s) for t in s if t in lows}  # rare: few lines get here
    common = sum(1 for t in capitalised if t.lower() in written_lower or t.lower() in lower_common)
    return common >= 3 and common * 5 >= len(capitalised) * 2


def _consistency(sentences, tagged, res) -> None:
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    per_parts: set[tuple[str, ...]] = set()
    found = []
    for si, (toks, tags) in enumerate(zip(sentences, tagged)):
        for a, b, typ in bio_spans(tags):
            key = tuple(toks[a:b])
            d = votes.setdefault(key, {})
            d[typ] = d.get(typ, 0) + 1
            found.append((si, a, b, key))
            if typ == "PER" and b - a >= 2:
                for x in range(a, b):
                    for y in range(x + 1, b + 1):
                        if (x, y) == (a, b):
                            continue
                        part = tuple(toks[x:y])
                        if nameish(part[0], res) and nameish(part[-1], res):
                            per_parts.add(part)
    if not votes:
        return
    major = {k: max(sorted(d), key=lambda t: d[t]) for k, d in votes.items()}
    # 1. relabel minority labels of the same string
    for si, a, b, key in found:
        lab = major[key]
        tags = tagged[si]
        if tags[a][2:] != lab and votes[key][lab] > votes[key].get(tags[a][2:], 0):
            tags[a] = "B-" + lab
            for k in range(a + 1, b):
                tags[k] = "I-" + lab
    # 2. propagate to untagged occurrences
    cand: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for k, lab in major.items():
        if nameish(k[0], res):
            cand.setdefault(k[0], []).append((k, lab))
    for part in per_parts:
        if part not in major:
            cand.setdefault(part[0], []).append((part, "PER"))
    for lst in cand.values():
        lst.sort(key=lambda x: -len(x[0]))
    starts = cand.keys()
    for toks, tags in zip(sentences, tagged):
        if starts.isdisjoint(toks):
            continue
        n = len(toks)
        i = 0
        while i < n:
            lst = cand.get(toks[i])
            if not lst or tags[i] != "O":
                i += 1
                continue
            done = False
            for key, lab in lst:
                m = len(key)
                if i + m > n or tuple(toks[i:i + m]) != key:
                    continue
                if any(t != "O" for t in tags[i:i + m]):
                    continue
                if i + m < n and tags[i + m].startswith("I-"):
                    continue
                if i == 0 and m == 1 and toks[0].lower() in res.lower_common:
                    continue
                tags[i] = "B-" + lab
                for k in range(i + 1, i + m):
                    tags[k] = "I-" + lab
                i += m
                done = True
                break
            if not done:
                i += 1


_NOISE_RE = re.compile(
    r"^\s*(ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT|SCROLL TO RESUME CONTENT|Baca [Jj]uga\b.*|BACA JUGA\b.*|"
    r"Advertisement|Iklan|IKLAN|Lihat [Jj]uga\b.*|Simak [Vv]ideo\b.*|\[Gambas:.*)\s*$"
)


def recognise(text: str, lang: str) -> list[EntityMention]:
    """Entity mentions in ``text`` (light Markdown allowed), sorted by start,
    non-overlapping, ``text == body[start:end]``, ``canonical`` empty."""
    if not text or not text.strip():
        return []
    lang = _norm_lang(lang, text)
    spans = tokenize(text)
    sents = split_sentences(text, spans)
    keep = []
    for sent in sents:
        line_start = text.rfind("\n", 0, sent[0][0]) + 1
        line_end = text.find("\n", sent[-1][1])
        if line_end < 0:
            line_end = len(text)
        if _NOISE_RE.match(text[line_start:line_end]) and "\n" not in text[sent[0][0]:sent[-1][1]]:
            continue
        keep.append(sent)
    tok_sents = [[text[s:e] for s, e in sent] for sent in keep]
    tagged = tag_document(tok_sents, lang, consistency=True)
    res = _get(lang).res
    out: list[EntityMention] = []
    for sent, toks, tags in zip(keep, tok_sents, tagged):
        # most sentences hold no hyphen: one search in C
        pairs = _hyphen_pairs(text, sent, toks, tags, res) if "-" in text[sent[0][0]:sent[-1][1]] else {}
        for a, b, typ in bio_spans(tags):
            label = _LABELS.get(typ)
            if label is None or b - a == 1 and a in pairs:
                continue  # a pair's parts stand in for it
            s = sent[a][0]
            e = sent[b - 1][1]
            out.append(EntityMention(s, e, label, text[s:e]))
        for mentions in pairs.values():
            out.extend(mentions)
    out.sort(key=lambda m: m.start)
    return out


def _hyphen_pairs(text: str, sent, toks, tags, res) -> dict[int, list[EntityMention]]:
    """The mentions of each hyphen-joined word of the sentence that the model left untagged or tagged
    as one word, by token: a route or a pair of bodies ("Merak-Bakauheni", "TNI-Polri", see
    ``rules.hyphen_pair``); after an untagged "Tol" the whole is one road ("Tol Jakarta-Cikampek")."""
    pairs: dict[int, list[EntityMention]] = {}
    for i, tok in enumerate(toks):
        if "-" not in tok or not (tags[i] == "O" or tags[i][:2] == "B-" and (i + 1 == len(tags) or tags[i + 1][:2] != "I-")):
            continue
        parts = hyphen_pair(tok, res, route=i > 0 and toks[i - 1] in ROUTE_WORDS)
        if not parts:
            continue
        if i > 0 and toks[i - 1] == "Tol" and tags[i - 1] == "O":
            s, e = sent[i - 1][0], sent[i][1]
            pairs[i] = [EntityMention(s, e, LOCATION, text[s:e])]
        else:
            s0 = sent[i][0]
            pairs[i] = [EntityMention(s0 + ps, s0 + pe, _LABELS[typ], text[s0 + ps:s0 + pe]) for ps, pe, typ in parts]
    return pairs
