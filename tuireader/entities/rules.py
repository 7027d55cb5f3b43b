"""Product rules applied to the CRF's tags (``recognise`` only, never in evaluation).

Each fixes a convention of the training data that a reader does not want, or a
pattern news text states outright:

- places: countries wherever they appear, Indonesia's provinces, regencies and
  districts, the place of a dateline ("JAKARTA, KOMPAS.com - …");
- organisations: an acronym in brackets names what precedes it and keeps its
  type through the story, what a news agency or newspaper is called, a name
  ending in a company word, a company's short name (also where the model left it
  untagged, in Indonesian), the alias table's names (also where the model tagged
  them in part), a body named by its region ("Polda Jawa Barat"), a numbered
  parliamentary commission, a state company's "(Persero) Tbk", two bodies joined by "dan"
  ("PSI dan Perindo") that the model read as one;
- people: a rank inside an organisation starts a person's name, an office's body
  and its holder are two ("Gubernur BI Perry Warjiyo"), a one-word speaker named
  like a person of the story is that person, a name particle joins two halves, a
  lower-case word splits two people;
- no entity: a nationality word, the acronym of a thing or of lower-case words,
  a minister's portfolio, a sentence's capitalised first word that the story
  writes in lower case or that precedes a name it states without it, the part
  of a span past a spaced dash or a currency sign.

All work in place on parallel lists of tokens and BIO tags;
``recogniser.tag_document`` runs them in order.
"""

from __future__ import annotations

import re
from functools import cache

from tuireader.text.months import MONTH_NUMBERS, WEEKDAY_NUMBERS

from .aliases import CLUB_PREFIXES, initials_fit, lookup_alias, syllable_acronym_fits
from .evaluate import bio_spans
from .mention import LOCATION, ORG


def _by_first_word(names) -> dict[str, list[tuple[str, ...]]]:
    """Token tuples of ``names`` indexed by their first token, longest first."""
    idx: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        toks = tuple(name.split())
        if toks:
            idx.setdefault(toks[0], []).append(toks)
    for entries in idx.values():
        entries.sort(key=lambda t: -len(t))
    return idx


@cache
def _country_index() -> dict[str, list[tuple[str, ...]]]:
    from .aliases import alias_rows
    from .features import _DATA_DIR, _read_list

    names = _read_list(_DATA_DIR / "gazetteer_country.txt")
    # Epithets for countries ("Negeri Zionis" = Israel, "Negeri Jiran" = Malaysia) from the alias table
    names += [alias for alias, _, label in alias_rows() if alias.startswith("Negeri ") and label == LOCATION]
    return _by_first_word(names)


def _tag_listed(toks, tags, idx, type_of, partly_tagged: bool, accept=lambda key: True, wrong=()) -> None:
    """Tag the longest listed name at each position if the model left it untagged (or, with
    ``partly_tagged``, left any word of it untagged, or tagged exactly it, if several words, with a
    type in ``wrong``), never cutting into a longer name."""
    n = len(toks)
    i = 0
    while i < n:
        hit = 0
        if tags[i] == "O" or partly_tagged and tags[i].startswith("B-"):
            for key in idx.get(toks[i], ()):
                m = len(key)
                if tuple(toks[i:i + m]) != key or (i + m < n and tags[i + m].startswith("I-")) or not accept(key):
                    continue
                untagged = tags[i:i + m].count("O")
                # a name of several words tagged whole with a wrong type ("Negeri Zionis" as a person);
                # one word may really be that type ("Jordan" the player)
                if untagged == m or partly_tagged and untagged or wrong and m > 1 and not untagged and (
                        bio_spans(tags[i:i + m]) in ([(0, m, typ)] for typ in wrong)):
                    hit = m
                    break
        if hit:
            _retag(tags, i, i + hit, type_of(tuple(toks[i:i + hit])))
            i += hit
        else:
            i += 1


def country_rule(sentences, tagged) -> None:
    """Product rule (``recognise`` only): an untagged, partly tagged or (several words) PERSON-tagged country /
    Indonesian province name is a LOCATION, also as an actor ("Israel dan Amerika
    Serikat menarik diri") or inside a job title ("Menteri Luar Negeri Mesir"),
    which IDNer-2k's annotation convention leaves untagged."""
    idx = _country_index()
    starts = idx.keys()
    for toks, tags in zip(sentences, tagged):
        if "Menteri" in toks:
            minister_title(toks, tags, idx)
        if "Minister" in toks or "Secretary" in toks:
            portfolio_title(toks, tags)
        if starts.isdisjoint(toks):  # most sentences: checked in C, not token by token
            continue
        _tag_listed(toks, tags, idx, lambda key: "LOC", partly_tagged=True, wrong=("PER",))


_PORTFOLIOS = {("Luar", "Negeri"), ("Dalam", "Negeri")}


def minister_title(toks, tags, idx) -> None:
    """"Menteri Luar Negeri Mesir Badr Abdelatty" is a job title + place + person, not an
    ORG "Luar Negeri Mesir Badr Abdelatty": untag the portfolio, the country becomes a
    LOCATION (below) and capitalised words after it a PERSON."""
    for a, b, typ in bio_spans(tags):
        # "Menteri Luar Negeri …", also "Menteri Negara Urusan Luar Negeri …", "Wakil Menteri Luar Negeri …"
        if typ != "ORG" or "Menteri" not in toks[max(0, a - 3):a] or tuple(toks[a:a + 2]) not in _PORTFOLIOS:
            continue
        for k in range(a, b):
            tags[k] = "O"
        j = a + 2
        for key in idx.get(toks[j], ()) if j < b else ():
            m = len(key)
            if j + m <= b and tuple(toks[j:j + m]) == key:
                tags[j] = "B-LOC"
                for k in range(j + 1, j + m):
                    tags[k] = "I-LOC"
                j += m
                break
        if j < b and all(t[:1].isupper() for t in toks[j:b]):
            tags[j] = "B-PER"
            for k in range(j + 1, b):
                tags[k] = "I-PER"


_PORTFOLIO_WORDS = frozenset(
    "Affairs Defence Defense Finance Trade Health Justice Energy Education Transport Agriculture Interior "
    "Security Economy Industry Labour Labor Environment Culture Tourism Development Treasury".split())


def portfolio_title(toks, tags) -> None:
    """"Qatar's Minister of State for Foreign Affairs": the portfolio is part of a job title, not an
    ORG "Foreign Affairs" (the ministry itself, "Ministry of Foreign Affairs", stays one)."""
    for a, b, typ in bio_spans(tags):
        if typ == "ORG" and a >= 2 and toks[a - 1] in ("for", "of") and toks[b - 1] in _PORTFOLIO_WORDS \
                and any(t in ("Minister", "Secretary") for t in toks[max(0, a - 5):a - 1]):
            for k in range(a, b):
                tags[k] = "O"


def nameish(tok: str, res) -> bool:
    """Could be (part of) a name: capitalised, not a usually-lower-case word, not a title."""
    return len(tok) > 1 and tok[:1].isupper() and tok.lower() not in res.lower_common and tok.lower() not in res.honorifics


_BIO_TYPE = {"PERSON": "PER", "ORG": "ORG", "LOCATION": "LOC"}


@cache
def _known_names() -> dict[str, str]:
    """Names of the shipped alias table that are safe to find by string, with their BIO type:
    several words ("Mahkamah Pidana Internasional") or an acronym of three or more capitals
    ("ICC", "KPK"). Single words ("Lima", "Solo") and two-letter acronyms ("MA", "AS") are too
    often something else."""
    from .aliases import alias_rows

    return {alias: _BIO_TYPE[label] for alias, _canonical, label in alias_rows()
            if " " in alias and alias[:1].isupper() or " " not in alias and len(alias) >= 3 and alias.isupper()}


@cache
def _known_index() -> dict[str, list[tuple[str, ...]]]:
    idx: dict[str, list[tuple[str, ...]]] = {}
    for toks in _known_types():
        idx.setdefault(toks[0], []).append(toks)
    for entries in idx.values():
        entries.sort(key=lambda t: -len(t))
    return idx


@cache
def _known_types() -> dict[tuple[str, ...], str]:
    """The names as the recogniser's tokens ("Badan Meteorologi , Klimatologi , dan Geofisika")."""
    from .tokenize import tokenize

    # most names are words and spaces: split them; the tokenizer only for the rest (it costs 10 ms at load)
    return {tuple(name.split() if name.replace(" ", "").isalnum() else (name[s:e] for s, e in tokenize(name))): typ
            for name, typ in _known_names().items()}


def known_names_rule(sentences, tagged, res) -> None:
    """A name from the alias table that the model left untagged, or tagged in part, is tagged whole
    with the table's type: the model misses "Mahkamah Internasional" or "ICC" now and then, and
    stops "Badan Meteorologi, Klimatologi, dan Geofisika" at the first comma; the table knows them.
    A listed name of several words tagged whole as a person or place takes the table's type too
    ("Aston Martin", "Visinema Studios")."""
    idx = _known_index()
    starts = idx.keys()
    single = _single_word_organisations()
    for toks, tags in zip(sentences, tagged):
        if not starts.isdisjoint(toks):
            _tag_listed(toks, tags, idx, _known_types().__getitem__, partly_tagged=True, wrong=("PER", "LOC"),
                        accept=lambda key: len(key) > 1 or key[0].lower() not in res.lower_common)
        if single.isdisjoint(toks):
            continue
        # one word the table knows only as an organisation ("Nvidia", "Muhammadiyah", "Visinema"), which
        # the model called a place or a person: never a usually lower-case word or a place's name
        for i in [j for j, tok in enumerate(toks) if tok in single]:
            tok = toks[i]
            if tags[i] in ("B-PER", "B-LOC", "O") and (i + 1 == len(toks) or tags[i + 1][:2] != "I-") \
                    and (tags[i] != "O" or i > 0 and tags[i - 1] == "O") \
                    and tok.lower() not in res.lower_common and not _is_place([tok], res):
                tags[i] = "B-ORG"


@cache
def _one_word_organisations() -> frozenset[str]:
    """The alias table's organisations written as one word ("BI", "Kemenag", "Nvidia")."""
    from .aliases import alias_rows

    return frozenset(alias for alias, _canonical, label in alias_rows()
                     if label == ORG and " " not in alias and alias[:1].isupper())


@cache
def _single_word_organisations() -> frozenset[str]:
    """Those of three letters or more, safe to find by themselves ("BI", "UI" are often something else)."""
    return frozenset(alias for alias in _one_word_organisations() if len(alias) >= 3)


@cache
def _demonyms() -> frozenset[str]:
    """Nationality words made from the first word of each country name: Qatar -> Qatari,
    Egypt -> Egyptian, Indonesia -> Indonesian, Italy -> Italian, China -> Chinese, Korea -> Korean."""
    out = set()
    for name in _country_index():
        if name[:1].isupper() and name.isalpha() and len(name) > 3:
            stem = name[:-1] if name[-1] in "aeyo" else name
            out.update({name + "i", name + "n", name + "ian", stem + "ian", stem + "an", stem + "ese"})
    return frozenset(out)


# acronyms of things, not of names: vehicles, offices, budgets, taxes, documents, time zones
_TERM_ACRONYMS = frozenset(
    "EV EVs SUV SUVs CEO CFO COO CTO GDP IPO AI LNG LPG CPO BBM PDB PHK KTP NIK ATM WIB WITA WIT UMKM UMR UMP "
    "PPN PPh APBN APBD RAPBN SBN SUN PNS ASN DPT KKN PAUD HBM DRAM NAND GPU GPUs CPU CPUs".split()
    # and what a speaker exclaims
    + "Alhamdulillah Insyaallah InsyaAllah Bismillah Masyaallah MasyaAllah Subhanallah Astagfirullah".split())


@cache
def _not_entities(misc_words: frozenset[str]) -> frozenset[str]:
    return misc_words | _demonyms() | _TERM_ACRONYMS


def misc_word_rule(sentences, tagged, res) -> None:
    """A lone nationality word ("Egyptian, Qatari and U.S. mediators"), another word the training
    data only ever calls MISC, the acronym of a thing ("EV", "SUV", "SBN", "APBN") or a feast ("Idul
    Fitri", "Lebaran") is not a person, organisation or place, whatever the model said."""
    words = _not_entities(res.misc_words)
    for toks, tags in zip(sentences, tagged):
        if words.isdisjoint(toks) and _HOLIDAYS.isdisjoint(toks):
            continue
        for a, b, _typ in bio_spans(tags):
            if b - a == 1 and toks[a] in words or _is_feast(toks, a, b):
                for k in range(a, b):
                    tags[k] = "O"


# feasts and months of the calendar the model reads as people or places ("Idul Fitri", "Lebaran")
_HOLIDAYS = frozenset("Idul Fitri Adha Idulfitri Iduladha Ramadhan Ramadan Lebaran Natal Imlek Nyepi Waisak Syawal "
                      "Muharram Hijriah Hijriyah Christmas Easter Diwali Eid al-Fitr al-Adha".split())
_HOLIDAY_WORDS = _HOLIDAYS | {"Hari", "Raya", "Tahun", "Baru"}
# also people's names ("Nanda Ramadhan"): a feast only after a lower-case word ("bulan Ramadhan")
_NAME_LIKE_HOLIDAYS = frozenset({"Ramadhan", "Ramadan", "Syawal", "Muharram"})


def _is_feast(toks, a: int, b: int) -> bool:
    """"Idul Fitri", "Hari Raya Idul Fitri", "Lebaran", "Natal" (not "Mandailing Natal", a regency), and
    "Ramadhan" after a lower-case word ("bulan Ramadhan", not "Nanda Ramadhan")."""
    words = toks[a:b]
    if _HOLIDAYS.isdisjoint(words) or not all(w in _HOLIDAY_WORDS for w in words):
        return False
    return not (b - a == 1 and words[0] in _NAME_LIKE_HOLIDAYS and (a == 0 or not toks[a - 1].islower()))


# lower-case words that join two parts of one person's name: "Faisal bin Nasser Al Kuwari"; not the
# Italian "di", which is the commonest Indonesian preposition ("menemui Jokowi di Solo")
_NAME_JOINERS = frozenset({"bin", "binti", "bint", "ibn", "van", "von", "de", "da", "del", "der", "dos", "du"})


_ARABIC_JOINERS = frozenset({"bin", "binti", "bint", "ibn"})


def name_joiner_rule(sentences, tagged) -> None:
    """Two PERSON spans with a name particle between them are one person: the model reads
    "Faisal bin Nasser Al Kuwari" as "Faisal" and "Nasser Al Kuwari". After "bin"/"binti" (son or
    daughter of) the rest is the person's whatever the model called it ("Mohammed bin
    Abdulrahman Al Thani" had an ORG). Two PERSON spans that touch are one name: "Kombes **Ade**
    **Rahmat Idnal**" (news never runs two people's names together without a comma or "dan")."""
    for toks, tags in zip(sentences, tagged):
        if "B-PER" not in tags:
            continue
        joiners = not _NAME_JOINERS.isdisjoint(toks)
        if not joiners and tags.count("B-PER") < 2:
            continue
        spans = bio_spans(tags)
        for (a, b, t1), (c, d, t2) in reversed(list(zip(spans, spans[1:]))):  # from the end: merges chain
            if t1 != "PER" or tags[a] != "B-PER":
                continue
            if c == b + 1 and joiners and (toks[b] in _NAME_JOINERS and t2 == "PER" or toks[b] in _ARABIC_JOINERS):
                _retag(tags, a, d, "PER")
            elif c == b and t2 == "PER" and toks[c][:1].isalpha():  # not "Joko Widodo" + "(Jokowi)"
                _retag(tags, a, d, "PER")


# what a byline or a court puts before a name
_BYLINE_TITLES = frozenset({"Editor", "Penulis", "Reporter", "Pewarta", "Fotografer", "Justice", "Justices", "Judge"})
# offices of a region, written before the region and the holder's name
_REGIONAL_OFFICES = frozenset("bupati gubernur walikota kapolda kapolres kapolresta kapolrestabes kajati kajari "
                              "pangdam dandim danrem camat lurah".split())
_PROVINCE_OFFICES = frozenset({"gubernur", "kapolda", "pangdam", "kajati"})
# courtesy titles English writers put before a name: "Ms Paetongtarn"
_NAME_COURTESIES = frozenset({"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Dr", "Dr.", "Prof", "Prof."})


def person_prefix_rule(sentences, tagged, res) -> None:
    """What the model read into the front of a person's name goes back out: a courtesy title ("Ms
    **Paetongtarn**"), a rank and what stands before it ("Kapolres **Rokan Hilir** AKBP **Isa Imam
    Syahroni**": the regency a place), the "RI" of "Ketua KPU RI **Mochammad Afifuddin**", and, after a
    capitalised title, a country or a known organisation before two or more name words ("Presiden
    **Ukraina** **Volodymyr Zelensky**", "Chief Executive Officer **Danantara** **Rosan Perkasa
    Roeslani**")."""
    for toks, tags in zip(sentences, tagged):
        if "B-PER" not in tags and _BYLINE_TITLES.isdisjoint(toks):
            continue
        for a, b, typ in reversed(bio_spans(tags)):
            if b - a > 2 and toks[a] in _BYLINE_TITLES:  # "Editor **Eris Eka Jaya**" was a place
                tags[a] = "O"
                _retag(tags, a + 1, b, "PER")
                continue
            if typ != "PER" or b - a < 2:
                continue
            if toks[a] in _NAME_COURTESIES:
                tags[a] = "O"
                tags[a + 1] = "B-PER"
                continue
            rank = next((k for k in range(a + 1, b - 1) if toks[k].lower() in _RANKS), None)
            if rank is not None:
                before = toks[a:rank]
                listed = _table_type(before)
                for k in range(a, rank + 1):
                    tags[k] = "O"
                if _is_place(before, res) or listed == LOCATION:
                    _retag(tags, a, rank, "LOC")
                elif listed == ORG:  # "Panglima TNI Jenderal Agus Subiyanto"
                    _retag(tags, a, rank, "ORG")
                tags[rank + 1] = "B-PER"
                continue
            if toks[a] == "RI" and b - a >= 3:
                tags[a] = "I-ORG" if a > 0 and tags[a - 1] in ("B-ORG", "I-ORG") else "O"
                tags[a + 1] = "B-PER"
                continue
            if a == 0 or not toks[a - 1][:1].isupper():
                continue
            # after a regional office, a place and a one-word name: "Bupati **Luwu** **Patahudding**". Only
            # there is a regency's name taken as a place ("Makmur", "Batu" are given names too), and a
            # province's office takes only a province of the alias table ("Gubernur **Rano Karno**").
            office = toks[a - 1].lower()
            regional = office in _REGIONAL_OFFICES
            for m in (3, 2, 1):
                if b - (a + m) < (1 if regional else 2) or not all(nameish(t, res) for t in toks[a + m:b]):
                    continue
                listed = _table_type(toks[a:a + m])
                if listed in (ORG, LOCATION) or regional and office not in _PROVINCE_OFFICES \
                        and _is_place(toks[a:a + m], res):
                    _retag(tags, a, a + m, "ORG" if listed == ORG else "LOC")
                    tags[a + m] = "B-PER"
                    break


_BYLINE_WORDS = _BYLINE_TITLES - {"Justice", "Justices", "Judge"}  # a court's titles open no byline
_BYLINE_BREAKS = frozenset({"|", "-", "–", "—", "/", "("})


def byline_name_rule(sentences, tagged, res) -> None:
    """"Editor : Denis Riantiza Meilanova", "Penulis Tatang Guritno | Editor Aprillia Ika": the
    capitalised words after a byline word, up to the line's next field, are a person the model may
    have missed."""
    for toks, tags in zip(sentences, tagged):
        if _BYLINE_WORDS.isdisjoint(toks):
            continue
        n = len(toks)
        for i, tok in enumerate(toks):
            if tok not in _BYLINE_WORDS:
                continue
            a = i + 1 + (i + 1 < n and toks[i + 1] == ":")
            b = a
            while b < n and b - a < 4 and nameish(toks[b], res) and toks[b].isalpha() and not toks[b].isupper() \
                    and tags[b] == "O" and toks[b] not in _BYLINE_TITLES:
                b += 1
            if b - a >= 2 and (b == n or toks[b] in _BYLINE_BREAKS or toks[b] in _BYLINE_TITLES):
                _retag(tags, a, b, "PER")


# ranks and offices that stand before a person's name, never at the end of an organisation's
_PERSON_TITLES = frozenset(
    "jenderal jend letjen mayjen brigjen laksamana marsekal kolonel letkol mayor kapten letnan komjen irjen "
    "brigadir kombes presiden menteri gubernur bupati walikota dubes jubir general gen. colonel "
    "camat lurah kapolda kapolres kapolsek pangdam kajati kajari ketua kepala direktur "
    "president minister governor ambassador spokesman spokeswoman spokesperson regent mayor chairman chairwoman "
    "director chief commissioner".split())


def title_split_rule(sentences, tagged, res) -> None:
    """"Badan Intelijen Umum Mesir Mayor Jenderal Tarek Fouad Hamdi" tagged as one ORG is an
    organisation, a rank and a person: an ORG that ends in title words followed by two or more
    name-like words is split there (the title stays untagged)."""
    for toks, tags in zip(sentences, tagged):
        if "B-ORG" not in tags:
            continue
        for a, b, typ in bio_spans(tags):
            if typ != "ORG" or b - a < 4:
                continue
            k = next((k for k in range(a + 1, b - 2) if toks[k].lower() in _PERSON_TITLES), None)
            if k is None:
                continue
            person = k
            while person < b and toks[person].lower() in _PERSON_TITLES:
                person += 1
            if b - person < 2 or not all(nameish(t, res) for t in toks[person:b]):
                continue
            _retag(tags, a, k, "ORG")
            for x in range(k, person):
                tags[x] = "O"
            _retag(tags, person, b, "PER")


# offices written before a body and its holder ("Kabid Humas Polda …", "Ketua DPRD …"): never the first
# word of an organisation's name
_LEADING_OFFICES = frozenset(
    "kabid kabag kasubdit kasat kasi kadis kalak kakanwil kapolda kapolres kapolsek kapolrestabes kapolresta "
    "pangdam kajati kajari dandim danrem humas ketua kepala wakil juru bicara jubir sekretaris sekjen ketum "
    "gubernur bupati walikota camat lurah ekonom analis peneliti pengamat pelatih dirut komisaris rektor dekan "
    "koordinator penjabat plt kadiv kapusdatin direktur dirjen deputi".split())
# police and military ranks, written between a body and its officer ("Polda Metro Jaya Kombes Ade …")
_RANKS = frozenset(
    "jenderal jend letjen mayjen brigjen laksamana laksda laksma marsekal marsda marsma kolonel kol letkol mayor "
    "kapten letnan komjen irjen brigjen kombes akbp akp kompol iptu ipda aiptu aipda bripka brigpol bripda".split())
# words right before an office's body: "Direktur Utama PT …", "Ketua Umum Partai Golkar …", "CEO Danantara …"
_OFFICES_BEFORE = _LEADING_OFFICES | _PERSON_TITLES | {"utama", "umum", "ceo", "eksekutif", "kapten", "manajer"}
_OFFICE_FORMS = _OFFICES_BEFORE | {w.capitalize() for w in _OFFICES_BEFORE} | {w.upper() for w in _OFFICES_BEFORE}
_SPEECH_WORDS = frozenset("kata ujar ucap tutur jelas ungkap tegas imbuh tambah said says told menurut".split())


_SPEECH_FORMS = _SPEECH_WORDS | {w.capitalize() for w in _SPEECH_WORDS}


def _spoken_names(sentences, res) -> set[str]:
    """Names right after a speech verb ("ujar Perry", "said Souza", "Menurut Perry,")."""
    words: set[str] = set()
    for toks in sentences:
        for w in _SPEECH_FORMS.intersection(toks):
            i = toks.index(w)
            while True:
                if i + 2 < len(toks) and nameish(toks[i + 1], res) and not nameish(toks[i + 2], res):
                    words.add(toks[i + 1])
                try:
                    i = toks.index(w, i + 1)
                except ValueError:
                    break
    return words


def _contains(seq: tuple, part: list) -> bool:
    m = len(part)
    return any(list(seq[i:i + m]) == part for i in range(len(seq) - m + 1))


def _is_place(words, res) -> bool:
    low = tuple(w.lower() for w in words)
    return " ".join(low) in _admin_places()[0] or any(
        tag == "L" and entry == low for entry, tag in res.gaz.get(low[0]) or ())


def _strip_offices(toks, tags, a: int, b: int) -> tuple[int, int]:
    """An ORG span without the office words before its body and a rank before a name that follows
    ("Kabid Humas Polda …", "Kapolrestabes Bandung Kombes" + "Budi Sartono"); the new bounds."""
    start, stop = a, b
    while start < b - 1 and toks[start].lower() in _LEADING_OFFICES:
        start += 1
    if b < len(tags) and tags[b] == "B-PER":
        while stop > start + 1 and toks[stop - 1].lower() in _RANKS:
            stop -= 1
    if start > a or stop < b:
        for x in (*range(a, start), *range(stop, b)):
            tags[x] = "O"
        _retag(tags, start, stop, "ORG")
    return start, stop


def _story_names(sentences, spans, res):
    """What a story names, as the model tagged it: its organisations, the words it uses alone for a
    person (a one-word PERSON, a name after a speech verb), and its longer places and organisations
    with where they stand ("Banyu Agung" of "Pilkada Banyu Agung")."""
    orgs = {tuple(t[x:y]) for t, ss in zip(sentences, spans) for x, y, kind in ss if kind == "ORG"}
    alone = _spoken_names(sentences, res) | {
        t[x] for t, ss in zip(sentences, spans) for x, y, kind in ss if kind == "PER" and y - x == 1}
    longer = [(id(t), x, y, tuple(t[x:y])) for t, ss in zip(sentences, spans)
              for x, y, kind in ss if kind in ("ORG", "LOC") and y - x > 1]
    return orgs, alone, longer


def _body_ends_at(toks, a: int, k: int, b: int, typ: str, story_orgs, res, short_names=frozenset()) -> bool:
    """Whether ``toks[a:k]`` can be the body of an office inside the span ``[a, b)``."""
    if typ == "PER":  # "… Tsunami BMKG Daryono", "Dirjen PHU Kemenag Hilman Latief": an acronym ends it
        return k < b and (_acronym_end(toks, a, k) or _table_type(toks[k - 1:k]) == ORG
                          or k - a == 1 and toks[a] in short_names)  # "Rektor Unsoed Akhmad Sodiq"
    return (toks[k - 1] == "Tbk" or k < b and (tuple(toks[a:k]) in story_orgs or _listed_organisation(toks[a:k]))
            or _acronym(toks[a]) and toks[a] not in _COMPANY_FORMS and (k - a == 1 or _is_place(toks[a + 1:k], res))
            # a state office and its region: "Dinas Pariwisata Bali"
            or toks[a] in _BRANCH_HEADS and k - a > 2 and (_is_place(toks[k - 1:k], res) or _table_place(toks[k - 1:k]))
            # an acronym or a known body's short name inside: "… Hukum Kejagung"
            or k - a > 1 and (len(toks[k - 1]) >= 3 and _acronym(toks[k - 1])
                              or _table_type(toks[k - 1:k]) == ORG))


def _defined_short_names(sentences, tagged) -> set[str]:
    """The one-word short names a story defines in brackets after an organisation: "Universitas
    Jenderal Soedirman (Unsoed)"."""
    return {toks[i + 1] for toks, tags in zip(sentences, tagged) if "(" in toks
            for i in range(1, len(toks) - 2)
            if toks[i] == "(" and toks[i + 2] == ")" and tags[i - 1][2:] == "ORG" and toks[i + 1][:1].isupper()}


def _listed_organisation(words) -> bool:
    """The words spell an organisation of the alias table as written ("Kementerian Kesehatan",
    "Kemenkes"): dictionary lookups, asked for every possible end of every organisation's span."""
    return words[0] in _one_word_organisations() if len(words) == 1 else _known_types().get(tuple(words)) == "ORG"


def _acronym_end(toks, a: int, k: int) -> bool:
    """``toks[k - 1]`` ends a body as an acronym: three capitals or more ("BMKG"), or two after
    another acronym ("BEM UI")."""
    last = toks[k - 1]
    return _acronym(last) and (len(last) >= 3 or k - 1 > a and _acronym(toks[k - 2]))


def organisation_person_rule(sentences, tagged, res) -> None:
    """"Gubernur BI Perry Warjiyo", "Ketua DPRD Riau Wahyu Baharuddin", "Kepala Ekonom PT Bank Central
    Asia Tbk David Sumual", "Kabid Humas Polda Metro Jaya Kombes Ade Ary Syam Indradi": an office, its
    body and its holder, read by the model as one ORG. Office words before the body and a rank after
    it are neither. The body is an acronym (with the places that follow it), a company name ending in
    "Tbk", an organisation the story also names on its own, or ends at an acronym or a known body's
    short name; the holder is one to four name-like words, and the story shows they are a person's:
    a rank before them, one of them used alone for a person ("ujar Perry", "kata Daryono"), or an
    office word before the body. The same for a PERSON span with an acronym inside ("… Tsunami BMKG
    Daryono")."""
    spans = [bio_spans(tags) if "B-ORG" in tags or "B-PER" in tags or "I-LOC" in tags else () for tags in tagged]
    if not any(spans):
        return
    names = None
    short_names: set[str] = set()
    for toks, tags, sentence_spans in zip(sentences, tagged, spans):
        for a, b, typ in sentence_spans:
            office_before = a > 0 and toks[a - 1].lower() in _OFFICES_BEFORE
            if typ == "ORG":
                start, b = _strip_offices(toks, tags, a, b)
                office_before = office_before or start > a
                a = start
            if b - a < 2 or typ not in ("ORG", "PER"):
                continue
            if typ == "PER" and not any(len(t) >= 3 and _acronym(t) for t in toks[a:b - 1]) \
                    and (b - a < 3 or _one_word_organisations().isdisjoint(toks[a:b - 2])) and not (
                        office_before and (toks[a] in _single_word_organisations() or toks[a] in (
                            short_names := short_names or _defined_short_names(sentences, tagged)))):
                continue  # most people's names; not "Direktur Utama Telkomsel Nugroho", "Rektor Unsoed Akhmad Sodiq"
            end = b
            if end < len(tags) and tags[end] == "B-PER":  # "… Kombes Ade" + "Ary Syam Indradi"
                end += 1
                while end < len(tags) and tags[end] == "I-PER":
                    end += 1
            if names is None:
                names = _story_names(sentences, spans, res)
            story_orgs, named_alone, named_otherwise = names
            # the longest body first ("DPRD Sulawesi Tengah" + "Fajar Tambunan"); the whole span when a
            # name follows it ("DPRD Lampung" + "Fajar Marlina")
            for k in range(b if end > b else b - 1, a, -1):
                if not _body_ends_at(toks, a, k, b, typ, story_orgs, res, short_names):
                    continue
                if k == b:
                    break
                p = k
                while p < end - 1 and toks[p].lower() in _RANKS:
                    p += 1
                tail = toks[p:end]
                if not 1 <= len(tail) <= 4 or not all(nameish(t, res) and not t.isupper() for t in tail) \
                        or any(_table_type((t,)) == LOCATION for t in tail):  # "… Rakyat" + "Republik Indonesia"
                    continue
                # an office word before the body shows a holder follows, unless the model tagged one apart
                # ("CEO Seorim Energy" + "Park Seung-woo")
                # a body the alias table knows inside a person's span: "Umrah Kemenag Hilman Latief"
                known_body = typ == "PER" and (len(tail) >= 2 or office_before) and _table_type(toks[k - 1:k]) == ORG
                if not _ORG_LAST_WORDS.isdisjoint(tail) or not (
                        p > k or tail[0] in named_alone or tail[-1] in named_alone or known_body
                        or end == b and office_before and len(tail) >= 2 and not _is_place(tail, res)):
                    continue
                if any(_contains(name, tail[:2]) or _contains(tuple(tail), list(name))
                       for t, x, y, name in named_otherwise if t != id(toks) or y <= a or x >= end):
                    continue  # the story names these words, or some of them, as a place or body elsewhere
                if typ == "PER":
                    body = k - 1
                    while body > a and _acronym(toks[body - 1]) and _acronym(toks[body]):
                        body -= 1  # "BEM UI"
                    for x in range(a, body):
                        tags[x] = "O"
                    _retag(tags, body, k, "ORG")
                else:
                    _retag(tags, a, k, "ORG")
                for x in range(k, p):
                    tags[x] = "O"
                _retag(tags, p, end, "PER")
                break


def holder_after_body_rule(sentences, tagged, res) -> None:
    """"Direktur Utama **BPJS Kesehatan** **Ghufron Mukti** meminta …": an office, its body, then two to
    four name-like words the model left untagged are the office's holder."""
    for toks, tags in zip(sentences, tagged):
        if "B-ORG" not in tags or _OFFICE_FORMS.isdisjoint(toks):
            continue
        n = len(toks)
        for a, b, typ in bio_spans(tags):
            if typ != "ORG" or a == 0 or toks[a - 1].lower() not in _OFFICES_BEFORE:
                continue
            end = b
            while end < n and end - b < 5 and tags[end] == "O" and nameish(toks[end], res) and not toks[end].isupper():
                end += 1
            name = toks[b:end]
            if 2 <= len(name) <= 4 and (end == n or not toks[end][:1].isupper()) \
                    and _ORG_LAST_WORDS.isdisjoint(name) and not _is_place(name, res) and _table_type(name) is None:
                _retag(tags, b, end, "PER")


# words that open a place's name ("Pulau Pelo", "Teluk Tutansu")
_GEO_WORDS = frozenset(
    "Pulau Kepulauan Teluk Gunung Danau Sungai Selat Tanjung Lembah Pantai Laut Jalan Island Islands Bay Mount "
    "Lake River Strait Cape Valley Beach Gulf Sea Street".split())
_PERSON_ONLY_TITLES = frozenset(
    "presiden menteri minister president gubernur governor bupati walikota mayor kapolri kapolda jaksa "
    "dubes ambassador senator".split())


def titled_person_rule(sentences, tagged, res) -> None:
    """"Finance Minister **Sri Mulyani Indrawati**", "Jaksa Agung **ST Burhanuddin**": a name of two to
    four name-like words right after a title that only people hold is a person, though the model
    called it a place or an organisation; not a place, a known name of the alias table, or one with
    an acronym ("Gubernur **Jawa Barat**", "Gubernur **Bank Indonesia**" stay)."""
    for toks, tags in zip(sentences, tagged):
        if "B-LOC" not in tags and "B-ORG" not in tags:
            continue
        for a, b, typ in bio_spans(tags):
            if typ not in ("LOC", "ORG") or a == 0 or not 2 <= b - a <= 4:
                continue
            title = toks[a - 1].lower()
            if not (title in _PERSON_ONLY_TITLES or title == "agung" and a > 1 and toks[a - 2] == "Jaksa"):
                continue
            name = toks[a:b]
            if not all(nameish(t, res) for t in name) or any(_acronym(t) and len(t) > 2 for t in name):
                continue
            if _is_place(name, res) or lookup_alias(" ".join(name)) or not _ORG_LAST_WORDS.isdisjoint(name) \
                    or name[0] in _REGION_WORDS or name[0] in _VILLAGE_WORDS or name[0] in _GEO_WORDS:
                continue
            # "Kapolda Gorontalo Maya Aziz": the office's place, then the holder
            place = next((k for k in range(min(3, b - a - 1), 0, -1) if _is_place(name[:k], res)), 0)
            if place:
                _retag(tags, a, a + place, "LOC")
            _retag(tags, a + place, b, "PER")


def speaker_rule(sentences, tagged) -> None:
    """"…," kata Sari di Bandung': one word after a speech verb that the model called a place or an
    organisation is a person when the story names a person with that word ("Sari Panjaitan")."""
    if not any("B-PER" in tags for tags in tagged):
        return
    person_words = None
    for toks, tags in zip(sentences, tagged):
        if _SPEECH_WORDS.isdisjoint(toks):
            continue
        for i in range(1, len(toks)):
            if tags[i] in ("B-LOC", "B-ORG") and toks[i - 1].lower() in _SPEECH_WORDS \
                    and (i + 1 == len(toks) or tags[i + 1][:2] != "I-"):
                if person_words is None:
                    person_words = {t for s, g in zip(sentences, tagged) if "B-PER" in g
                                    for a, b, typ in bio_spans(g) if typ == "PER" and b - a > 1 for t in s[a:b]}
                if toks[i] in person_words:
                    tags[i] = "B-PER"


# bodies named by their region: "Polda Jawa Barat", "Pemprov DKI", "DPRD Riau", "BPBD Cianjur"
_REGIONAL_BODIES = frozenset(
    "Pemprov Pemkab Pemkot Pemda Polda Polres Polresta Polrestabes Polsek Kodam Korem Kodim Kejati Kejari "
    "Kanwil DPRD KPU KPUD Bawaslu BPBD Bappeda RSUD Dinkes Disdik Dishub Basarnas Satbrimob Brimob Lanud "
    "Lantamal BNNP BNNK BPS Kesbangpol".split())
_REGION_WORDS = frozenset({"Provinsi", "Kabupaten", "Kota"})
_VILLAGE_WORDS = frozenset({"Desa", "Kelurahan", "Kecamatan", "Dusun", "Kampung", "Nagari", "Gampong"})


def regional_body_rule(sentences, tagged, res) -> None:
    """A place right after the body it names is part of that body's name: "Polda Jawa Barat",
    "Pemprov DKI", "DPRD Riau" (the model tags the place and leaves "Polda" out or apart); and
    a region's branch of a body is one name (``_regional_branches``). "Pemerintah Kabupaten
    Cianjur" is an organisation for a reader though the datasets tag only the regency there."""
    for toks, tags in zip(sentences, tagged):
        if "B-LOC" in tags and not _BRANCH_HEADS.isdisjoint(toks):
            _branch_offices(toks, tags, res)
        if _REGIONAL_BODIES.isdisjoint(toks) and ("B-LOC" not in tags or _REGION_WORDS.isdisjoint(toks)):
            continue
        for a, b, typ in bio_spans(tags):
            if typ != "LOC" or a == 0:
                continue
            head = a - 1
            if toks[head] == "Metro" and head > 0 and tags[head] == "O" and toks[head - 1] in _REGIONAL_BODIES:
                head -= 1  # "Polres Metro Jakarta Selatan"
            alone = tags[head] == "O" or tags[head] == "B-ORG" and tags[a] != "I-ORG"
            if not alone:
                continue
            if toks[a] in _VILLAGE_WORDS or not (toks[a] in _REGION_WORDS or _is_place(toks[a:b], res)
                                                 or b - a == 1 and toks[a].isupper()  # "DKI", "NTT"
                                                 or _table_place(toks[a:b])):  # "Sulsel", "Jatim"
                continue  # the place must be one, and have such bodies: "Lampung", not "Lampung Maya Sinaga"
            if toks[head] in _REGIONAL_BODIES:
                _retag(tags, head, b, "ORG")
        _untagged_regional_bodies(toks, tags, res)
        _regional_branches(toks, tags)


# first words of a state office that a province or regency follows directly: "Kejaksaan Tinggi Jawa Timur",
# "Dinas Koperasi dan Usaha Mikro Jawa Timur", "Pengadilan Negeri Surabaya"
_BRANCH_HEADS = frozenset({"Kejaksaan", "Pengadilan", "Kepolisian", "Dinas", "Balai", "Kanwil"})
_BRANCH_SECOND = frozenset({"Tinggi", "Negeri", "Agama", "Tipikor", "Daerah", "Resor", "Militer"})


def _branch_offices(toks, tags, res) -> None:
    """A place right after a state office's name is that office's region: the model tags "Dinas
    Koperasi dan Usaha Mikro" and "Jawa Timur" apart, or only the province of "Kejaksaan Tinggi
    Jawa Timur"."""
    for a, b, typ in reversed(bio_spans(tags)):
        if typ != "LOC" or a < 2 or not (_is_place(toks[a:b], res) or _table_place(toks[a:b])):
            continue
        if tags[a - 1] in ("B-ORG", "I-ORG"):
            head = a - 1
            while tags[head] != "B-ORG":
                head -= 1
            if toks[head] in _BRANCH_HEADS:
                _retag(tags, head, b, "ORG")
        elif tags[a - 1] == "O" and tags[a - 2] == "O" and toks[a - 2] in _BRANCH_HEADS and toks[a - 1] in _BRANCH_SECOND:
            _retag(tags, a - 2, b, "ORG")


def _untagged_regional_bodies(toks, tags, res) -> None:
    """"BPBD Luwu", "Pemprov Sulsel": a regional body before a place the model left untagged or called
    a person is one organisation with it."""
    for i in range(len(toks) - 1):
        if toks[i] not in _REGIONAL_BODIES or tags[i] not in ("O", "B-ORG") or tags[i + 1] not in ("O", "B-PER"):
            continue
        # a place of two words only where the model called them one person: "Rokan Hilir", else "Luwu"
        two_words = i + 2 < len(toks) and tags[i + 1] == "B-PER" and tags[i + 2] == "I-PER"
        for stop in ((i + 3, i + 2) if two_words else (i + 2,)):
            if stop <= len(toks) and toks[i + 1][:1].isupper() \
                    and (_is_place(toks[i + 1:stop], res) or _table_place(toks[i + 1:stop])) \
                    and all(tags[k] in ("O", "B-PER", "I-PER") for k in range(i + 1, stop)) \
                    and (stop == len(toks) or not tags[stop].startswith("I-")):
                _retag(tags, i, stop, "ORG")
                break


# first words of courts, agencies and other bodies: never a place's or a person's
_BODY_HEADS = frozenset(
    "Pengadilan Mahkamah Kejaksaan Kepolisian Kementerian Direktorat Dinas Badan Komisi Lembaga Sekretariat "
    "Inspektorat Dewan Satuan".split())


def _table_type(words) -> str | None:
    """The alias table's type (PERSON/ORG/LOCATION) of the name these words spell, if it lists it."""
    hit = lookup_alias(" ".join(words))
    return hit[1] if hit is not None else None


def _table_place(words) -> bool:
    return _table_type(words) == LOCATION


def _regional_branches(toks, tags) -> None:
    """A body followed by "Provinsi/Kabupaten/Kota X" is that region's body, one name: "Komisi
    Pemilihan Umum **Kabupaten Serang**" (the model tags the body and the regency apart),
    "Pemerintah Provinsi Riau", "Dinas Kesehatan Provinsi Jawa Barat" (it tags only the province)."""
    for a, b, typ in reversed(bio_spans(tags)):
        if typ != "LOC" or a == 0 or toks[a] not in _REGION_WORDS or b - a < 2:
            continue
        if tags[a - 1] in ("B-ORG", "I-ORG"):
            head = a - 1
            while tags[head] != "B-ORG":
                head -= 1
            _retag(tags, head, b, "ORG")
            continue
        head = a - 1  # an untagged run of capitalised words that opens with a body word
        while head >= max(0, a - 6) and tags[head] == "O" and toks[head][:1].isupper():
            if toks[head] in _BODY_HEADS or toks[head] in ("Pemerintah", "Kantor"):
                _retag(tags, head, b, "ORG")
                break
            head -= 1


_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII".split())


def office_building_rule(sentences, tagged, res) -> None:
    """"di **kantor Bawaslu**", "menggeledah **kantor Dinas PUPR Kabupaten Bekasi**": the model tags an
    office with the lower-case word "kantor" as a place. The body is what a reader looks for: the
    word is dropped, and what follows is an organisation (up to a regency or city after it, a
    place), unless it is itself a village's or regency's ("kantor Kelurahan Pluit")."""
    for toks, tags in zip(sentences, tagged):
        if "kantor" not in toks:
            continue
        for a, b, typ in bio_spans(tags):
            if toks[a] != "kantor" or b - a < 2:
                continue
            rest = toks[a + 1:b]
            region = next((j for j in range(1, len(rest)) if rest[j] in _REGION_WORDS), len(rest))
            body = rest[:region]
            tags[a] = "O"
            if body[0] in _REGION_WORDS or body[0] in _VILLAGE_WORDS:
                _retag(tags, a + 1, b, typ)
                continue
            _retag(tags, a + 1, a + 1 + region, "ORG")
            if region < len(rest):
                _retag(tags, a + 1 + region, b, "LOC")


def commission_rule(sentences, tagged) -> None:
    """"Komisi III DPR", "Komisi I": a parliament's numbered commission is an organisation, with the
    parliament it belongs to (the model tags "DPR" and leaves "Komisi III" out)."""
    for toks, tags in zip(sentences, tagged):
        if "Komisi" not in toks:
            continue
        for i in range(len(toks) - 2):  # "Ketua Komisi X Syaiful Huda": the numeral is no name's
            if toks[i] == "Komisi" and toks[i + 1] in _ROMAN and tags[i] == "O" and tags[i + 1] == "B-PER" \
                    and tags[i + 2] == "I-PER":
                tags[i + 1] = "O"
                tags[i + 2] = "B-PER"
        for i in range(len(toks) - 1):
            if toks[i] == "Komisi" and toks[i + 1] in _ROMAN and tags[i] == "O" and tags[i + 1] == "O":
                end = i + 2
                if end < len(toks) and toks[end] in ("DPR", "DPRD"):  # "Komisi X DPR", "Komisi VIII DPR RI"
                    end += 1
                    while end < len(toks) and tags[end].startswith("I-"):
                        end += 1
                    if end < len(toks) and toks[end] == "RI" and tags[end] == "O":
                        end += 1
                _retag(tags, i, end, "ORG")


def state_company_rule(sentences, tagged) -> None:
    """"PT Bank Rakyat Indonesia (Persero) Tbk" is one name; the model stops at the bracket and tags
    "Persero) Tbk" apart."""
    for toks, tags in zip(sentences, tagged):
        if "Persero" not in toks:
            continue
        for i in range(1, len(toks) - 2):
            if toks[i] == "(" and toks[i + 1] == "Persero" and toks[i + 2] == ")" and tags[i - 1][2:] == "ORG":
                a = i - 1
                while tags[a] == "I-ORG":
                    a -= 1
                end = i + 4 if i + 3 < len(toks) and toks[i + 3] == "Tbk" else i + 3
                if end < len(tags) and tags[end] == "I-ORG":
                    continue
                _retag(tags, a, end, "ORG")


def sentence_start_rule(sentences, tagged, res) -> None:
    """"Delegasi Hamas yang dipimpin …": an organisation's name that opens a sentence loses its first
    word when the rest is that organisation by itself (an ORG of the alias table, or tagged alone in
    the story), the first word starts no organisation the training data knows ("Partai", "Badan" do),
    and the whole is no known name."""
    cuts = []
    for toks, tags in zip(sentences, tagged):
        if tags[:2] != ["B-ORG", "I-ORG"]:
            continue
        first = toks[0]
        low = first.lower()
        if first.isupper() or low in res.honorifics:
            continue
        if any(tag == "O" and len(entry) > 1 for entry, tag in res.gaz.get(low) or ()):
            continue  # "Partai Golkar": the first word heads organisations
        end = next((j for j in range(2, len(tags)) if tags[j] != "I-ORG"), len(tags))
        if not lookup_alias(" ".join(toks[:end])):
            cuts.append((tags, tuple(toks[1:end])))
    if not cuts:  # most stories: no spans to collect
        return
    alone = {tuple(toks[a:b]) for toks, tags in zip(sentences, tagged) if "B-ORG" in tags
             for a, b, typ in bio_spans(tags) if typ == "ORG"}
    for tags, rest in cuts:
        if rest in alone or _table_type(rest) == ORG:
            tags[0] = "O"
            tags[1] = "B-ORG"


def lower_case_opener_rule(sentences, tagged, res) -> None:
    """"Ganjalan terbesar kini …" under a heading "Daftar tahanan jadi ganjalan", "Seaweed prices
    …": a one-word name that opens a sentence is no name when the story writes the word in lower
    case, never capitalised mid-sentence, and in no longer name."""
    openers = {k: sentences[k][0] for k, tags in enumerate(tagged)
               if tags and tags[0][:2] == "B-" and tags[1:2] != ["I-" + tags[0][2:]] and not sentences[k][0].isupper()}
    words = {w for w in openers.values() if w.lower() not in res.first_names}
    if not words:
        return
    lows = {w.lower() for w in words}
    written_lower: set[str] = set()
    named: set[str] = set()
    for toks, tags in zip(sentences, tagged):
        present = set(toks)  # set operations in C: most sentences hold none of the words
        written_lower |= lows & present
        if not words.isdisjoint(present):
            named |= words & set(toks[1:])
            if toks[0] in words and tags[1:2] and tags[1][:2] == "I-":
                named.add(toks[0])
    for k, word in openers.items():
        if word in words and word.lower() in written_lower and word not in named:
            tagged[k][0] = "O"


_DASHES = frozenset({"-", "–", "—", "--"})
_WEEKDAYS_AND_MONTHS = frozenset(MONTH_NUMBERS) | frozenset(WEEKDAY_NUMBERS)


def dateline_rule(sentences, tagged, res) -> None:
    """"JAKARTA, KOMPAS.com - …", "Lhokseumawe (ANTARA) - …", "Kupang - …": a story's dateline
    names the place it was filed from, and the outlet. The first of the story's first three
    sentences that opens with one to four capitalised words, then an outlet (after a comma or in
    brackets) or a date, then a dash, has the place tagged LOCATION and the outlet ORG; with
    nothing between the words and the dash, only a known place counts ("SOCCER - …" does not)."""
    for toks, tags in list(zip(sentences, tagged))[:3]:
        dash = next((i for i, t in enumerate(toks[:12]) if t in _DASHES), None)
        if dash is None or dash == 0:
            continue
        stop = next((i for i, t in enumerate(toks[:dash]) if t in (",", "(")), dash)
        place = toks[:stop]
        if not 1 <= len(place) <= 4 or not all(t[:1].isupper() and t.replace("-", "").isalpha() for t in place) \
                or place[0].lower() in _WEEKDAYS_AND_MONTHS:
            continue
        if place[0].lower() in res.honorifics or len(toks) - dash < 3:
            continue
        region = []  # "MANILA, Philippines (AP) —": the place's country or state, then the outlet in brackets
        if "(" in toks[stop + 1:dash] and toks[stop] == ",":
            paren = toks.index("(", stop + 1)
            if stop + 1 < paren and _is_place(toks[stop + 1:paren], res):
                region = list(range(stop + 1, paren))
        outlet = [i for i in range(stop + 1, dash) if toks[i] not in ("(", ")") and i not in region]
        dated = any(toks[i].lower() in _WEEKDAYS_AND_MONTHS or any(c.isdigit() for c in toks[i]) for i in outlet)
        if dated:
            outlet = []  # "Jakarta, Selasa (12/8/2025) -": a date, not an outlet
        elif not outlet or len(outlet) > 4:
            # "Kupang - …" with nothing between: only a place known as one ("SOCCER - …" is a wire headline)
            low = tuple(t.lower() for t in place)
            if outlet or not any(tag == "L" and entry == low for entry, tag in res.gaz.get(low[0]) or ()):
                continue
        _retag(tags, 0, stop, "LOC")
        if stop < len(tags) and tags[stop][:2] == "I-":
            tags[stop] = "O"
        if region:
            _retag(tags, region[0], region[-1] + 1, "LOC")
            tags[region[-1] + 1] = "O"  # the bracket
        if outlet and toks[outlet[0]][:1].isalpha():
            _retag(tags, outlet[0], outlet[-1] + 1, "ORG")
        return


_BREAKS = frozenset({"—", "–", "-", "−", "|", "•", ";", ":"})
_NOT_NAME_ENDS = frozenset({"Rp", "US$", "S$", "RM", "$", "€", "£", "¥", "/", "&", "*"})


# lower-case words that name the kind of a place and belong to its name in Indonesian ("kota Bandung",
# "desa Sukamaju", "sungai Ciliwung": both datasets tag them so), and "kantor …", left to
# office_building_rule, which knows what an office's name is
_PLACE_KIND_WORDS = frozenset(
    "kota kabupaten provinsi kecamatan kelurahan desa dusun dukuh kampung nagari gampong distrik prefektur jalan "
    "sungai pantai pulau kepulauan gunung danau selat teluk laut tanjung bukit lembah kantor".split())


def span_edge_rule(sentences, tagged) -> None:
    """A name does not run across a spaced dash or a colon, nor end in a currency sign:
    "**Sora Standard** — Rp 289 juta" had the ORG "Sora Standard — Rp"; nor does it open with an
    ordinary lower-case word ("lingkungan **Pemerintah Kabupaten Situbondo**", "kompleks **Kuil Ta
    Muen Thom**"; a name particle may, "van Persie", and a place's kind, "kota Bandung"); a name has a
    letter ("7.121,05" was a place)."""
    for toks, tags in zip(sentences, tagged):
        if "B-ORG" in tags or "B-LOC" in tags or "B-PER" in tags:
            for a, b, typ in bio_spans(tags):
                if typ != "ORG" and "(" in toks[a + 1:b]:  # "Mina (Armuzna": a bracket opens no name's part
                    cut = toks.index("(", a + 1)
                    for k in range(cut, b):
                        tags[k] = "O"
                    b = cut
                while a < b - 1 and toks[a].islower() and toks[a].isalpha() and toks[a] not in _NAME_PARTICLES \
                        and toks[a] not in _PLACE_KIND_WORDS:
                    tags[a] = "O"
                    a += 1
                    tags[a] = "B-" + typ
                if a == b - 1 and toks[a].islower() and toks[a].isalpha() and toks[a] not in _NAME_PARTICLES \
                        and toks[a] not in _PLACE_KIND_WORDS:
                    tags[a] = "O"  # "papan tengah": no name at all
                if not any(ch.isalpha() for tok in toks[a:b] for ch in tok):
                    for k in range(a, b):
                        tags[k] = "O"  # "7.121,05" was a place: no name without a letter
        if _BREAKS.isdisjoint(toks) and _NOT_NAME_ENDS.isdisjoint(toks):
            continue
        for a, b, typ in bio_spans(tags):
            cut = next((k for k in range(a + 1, b) if toks[k] in _BREAKS), b)
            end = cut
            while end > a and toks[end - 1] in _NOT_NAME_ENDS:
                end -= 1
            for k in range(max(end, a), b):
                tags[k] = "O"


# words that make a name an organisation's, whatever the model said ("Andalan Sekuritas" was a place)
_ORG_LAST_WORDS = frozenset(
    "Sekuritas Securities Tbk Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC GmbH FC Holdings Airlines Airways "
    "Association Asosiasi Institute Foundation Agency Authority Council Commission Committee Ministry "
    "Kementerian Company Group Grup Party University".split())
_ORG_FIRST_WORDS = frozenset("PT CV Universitas Yayasan Kementerian Partai Perum Persero Puskesmas RSUD".split())
# a company word alone is a fragment of a name the model missed ("… FC", "Liga 1")
_ORG_FRAGMENTS = frozenset("FC Tbk Inc Corp Ltd Group Grup Liga League".split())


def organisation_word_rule(sentences, tagged, res) -> None:
    """A PERSON or LOCATION name that ends in a company or body word ("Andalan **Sekuritas**",
    "Laskar Borneo **FC**") or starts with one ("**PT** Segara Makmur", "**Polres** Rokan Hilir",
    "**RSUD** Al Ihsan") is an organisation."""
    for toks, tags in zip(sentences, tagged):
        if _ORG_LAST_WORDS.isdisjoint(toks) and _ORG_FIRST_WORDS.isdisjoint(toks) and _ORG_FRAGMENTS.isdisjoint(toks) \
                and _REGIONAL_BODIES.isdisjoint(toks) and _BODY_HEADS.isdisjoint(toks) \
                and "Pemerintah" not in toks:
            continue
        for a, b, typ in bio_spans(tags):
            if b - a == 1 and toks[a] in _ORG_FRAGMENTS:
                tags[a] = "O"
            elif typ in ("PER", "LOC") and b - a > 1 and (toks[b - 1] in _ORG_LAST_WORDS or toks[a] in _ORG_FIRST_WORDS):
                _retag(tags, a, b, "ORG")
            elif typ in ("PER", "LOC") and b - a > 1 and (
                    toks[a] in _BODY_HEADS or toks[a] == "Pemerintah" and toks[a + 1] in _REGION_WORDS):
                _retag(tags, a, b, "ORG")  # "Pengadilan Tipikor Surabaya" was a place
            elif typ in ("PER", "LOC") and b - a > 1 and toks[a] in _REGIONAL_BODIES:
                if typ == "PER" and b - a > 2 and not _is_place(toks[a + 1:b], res):
                    tags[a] = "B-ORG"  # "Bawaslu **Bayu Utomo**": the body and its head
                    tags[a + 1] = "B-PER"
                else:
                    _retag(tags, a, b, "ORG")  # "Polres Rokan Hilir", "Polda Riau"
        _company_word_runs(toks, tags, res)


def _company_word_runs(toks, tags, res) -> None:
    """An untagged capitalised run that ends in a company word is an organisation, with the
    country the model tagged after it: "**Kiwoom Sekuritas Indonesia**", "the **Grantham
    Institute**"."""
    for k, tok in enumerate(toks):
        if tok not in _ORG_LAST_WORDS or tags[k] != "O" or tok in _ORG_FRAGMENTS:
            continue
        start = k
        while start > 0 and k - start < 4 and tags[start - 1] == "O" and nameish(toks[start - 1], res) \
                and toks[start - 1].isalpha():
            start -= 1
        if start == k:
            continue  # a company word alone ("Institute staff ...")
        end = k + 1
        if end < len(toks) and tags[end] in ("O", "B-LOC") and (end + 1 == len(toks) or tags[end + 1] != "I-LOC") \
                and toks[end][:1].isupper() and _table_place([toks[end]]):
            end += 1  # "… Sekuritas Indonesia"
        _retag(tags, start, end, "ORG")


# lower-case words that may stand inside an organisation's name
_ORG_CONNECTORS = frozenset(
    "dan and of the for untuk di at on in to de la le du des del der van von y e da dos das bin & -".split())


def organisation_lower_case_rule(sentences, tagged) -> None:
    """An organisation's name holds no run of lower-case words but connectors ("of", "dan", "de"):
    "**Gojek** dan unit keuangan **GoTo Financial**" is two organisations, cut where the ordinary
    words start; what follows them is a name only if it is capitalised."""
    for toks, tags in zip(sentences, tagged):
        if "I-ORG" not in tags:
            continue
        for a, b, typ in reversed(bio_spans(tags)):
            if typ != "ORG" or b - a < 3:
                continue
            k = next((k for k in range(a + 1, b - 1) if toks[k].islower() and toks[k] not in _ORG_CONNECTORS
                      and toks[k + 1].islower()), None)
            if k is None:
                continue
            left_end = k
            while left_end > a + 1 and toks[left_end - 1] in _ORG_CONNECTORS:
                left_end -= 1  # "Gojek dan": the conjunction goes with the cut
            right = k
            while right < b and not toks[right][:1].isupper():
                right += 1
            for j in range(left_end, right):
                tags[j] = "O"
            if right < b:
                _retag(tags, right, b, "ORG")


_CONJUNCTIONS = frozenset({"dan", "and"})


def coordination_rule(sentences, tagged, res) -> None:
    """Two organisations joined by "dan"/"and" that the model read as one are two: "**PSI** dan
    **Perindo**" (an acronym before the conjunction), "Kementerian Keuangan dan Kementerian BUMN"
    (the name's first word again after it), "**Alibaba** and **Tencent**" (one side named on its
    own elsewhere in the story, as an organisation of name-like words, and only where both sides or
    neither hold a body word: "Energy", tagged somewhere, does not split "Energy and Mineral
    Resources Ministry"). Names that hold the word stay whole: "Badan Meteorologi, Klimatologi, dan
    Geofisika", "Procter and Gamble"."""
    candidates = [(toks, tags) for toks, tags in zip(sentences, tagged)
                  if "I-ORG" in tags and not _CONJUNCTIONS.isdisjoint(toks)]
    if not candidates:
        return
    named: set[tuple[str, ...]] | None = None  # the story's organisations, built when first needed
    for toks, tags in candidates:
        for a, b, typ in bio_spans(tags):
            if typ != "ORG":
                continue
            for k in range(b - 2, a, -1):  # from the end: "A, B dan C" splits at the last one first
                if toks[k] not in _CONJUNCTIONS or not toks[k + 1][:1].isupper():
                    continue
                left, right = tuple(toks[a:k]), tuple(toks[k + 1:b])
                split = _acronym(left[-1]) or (len(right) > 1 and right[0] == left[0])
                if not split:
                    if named is None:
                        named = {tuple(t[c:d]) for t, g in zip(sentences, tagged) if "B-ORG" in g
                                 for c, d, typ in bio_spans(g) if typ == "ORG"}
                    # a body of two portfolios is one name: "Energy and Mineral Resources **Ministry**"
                    split = _org_word(left) == _org_word(right) and any(
                        side in named and all(nameish(w, res) for w in side) for side in (left, right))
                if split:
                    tags[k] = "O"
                    tags[k + 1] = "B-ORG"
                    b = k


def _org_word(words: tuple[str, ...]) -> bool:
    return words[0] in _ORG_FIRST_WORDS or not _ORG_LAST_WORDS.isdisjoint(words)


@cache
def _admin_places() -> tuple[frozenset[str], frozenset[str]]:
    """Indonesia's provinces, regencies, cities and districts (``places_id_admin.txt``), lower-cased,
    and their first words as a name starts in text ("Lengayang", "IV", "LENGAYANG")."""
    from .features import _DATA_DIR, _read_gazetteer

    names = frozenset(_read_gazetteer(_DATA_DIR / "places_id_admin.txt"))
    firsts = {name.split(" ", 1)[0] for name in names}
    return names, frozenset({w.capitalize() for w in firsts} | {w.upper() for w in firsts})


def admin_place_rule(sentences, tagged, res) -> None:
    """"Bupati **Pesisir Selatan**", "Kecamatan **Lengayang**": a name the model called a PERSON or an
    ORG that is, word for word, an Indonesian province, regency, city or district is a LOCATION
    (the model does not know the 7,000 district names). A one-word name that is also a first
    name ("Bambang") is left alone."""
    places, firsts = _admin_places()
    for toks, tags in zip(sentences, tagged):
        if "B-PER" not in tags and "B-ORG" not in tags or firsts.isdisjoint(toks):
            continue
        for a, b, typ in bio_spans(tags):
            if typ == "LOC" or b - a > 4:
                continue
            name = " ".join(toks[a:b]).lower()
            if name in places and (b - a > 1 or name not in res.first_names) and not (
                    b - a == 1 and toks[a].isupper() and _table_type(toks[a:b]) == ORG):
                _retag(tags, a, b, "LOC")  # but "KAI", the railway, is no "Kai" islands


# lower-case words inside a person's name: "Maarten den Bakker", "Kengo wa Dondo", "Faisal bin Nasser"
_NAME_PARTICLES = _NAME_JOINERS | {"den", "ter", "ten", "la", "le", "wa", "al", "el", "y", "dela", "della"}


def person_lower_case_rule(sentences, tagged) -> None:
    """A person's name holds no lower-case word but a name particle ("bin", "van", "den"): the heading
    "Fonseca khawatirkan Dimas" is two people, not one "Fonseca khawatirkan Dimas", and "Park
    Seung-woo hadir" ends before "hadir"."""
    for toks, tags in zip(sentences, tagged):
        if "I-PER" not in tags:
            continue
        for a, b, typ in bio_spans(tags):
            if typ != "PER":
                continue
            for k in range(a + 1, b - 1):
                if toks[k].islower() and toks[k] not in _NAME_PARTICLES:
                    tags[k] = "O"
                    tags[k + 1] = "B-PER"
            if toks[b - 1].islower() and toks[b - 1] not in _NAME_PARTICLES:
                tags[b - 1] = "O"


# Korean and Chinese family names: before a hyphenated given name ("An Se-young", "Seo Seung-jae") the
# pair is a person, a pattern the model rarely saw
_EAST_ASIAN_FAMILY_NAMES = frozenset(
    "Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn An Song Yoo Ryu Hong Jeon "
    "Ko Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Cha Joo Woo Min Jin Chen Wang Li Zhang Liu Huang Zhao Wu "
    "Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Zheng Liang Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai "
    "Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Lai Chou Tsai".split())
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-zA-Z][a-z]+\Z")


def east_asian_name_rule(sentences, tagged) -> None:
    """A Korean or Chinese family name before a hyphenated given name is one person: "An Se-young",
    "Kim Won-ho/Seo Seung-jae" (the model missed them, or took in the word before: "Ganda Kim Won-ho")."""
    for toks, tags in zip(sentences, tagged):
        if _EAST_ASIAN_FAMILY_NAMES.isdisjoint(toks):
            continue
        for i in range(len(toks) - 1):
            if toks[i] in _EAST_ASIAN_FAMILY_NAMES and _HYPHENATED_GIVEN.match(toks[i + 1]):
                if i > 0 and tags[i][2:] == "PER" and tags[i] != "B-PER" and toks[i - 1][:1].isupper() \
                        and toks[i - 1] not in _EAST_ASIAN_FAMILY_NAMES:
                    # "Ganda Kim Won-ho": the word before is no part of the name
                    a = i - 1
                    while a > 0 and tags[a] != "B-PER":
                        a -= 1
                    for k in range(a, i):
                        tags[k] = "O"
                end = i + 2
                if end < len(toks) and tags[end] == "I-PER":
                    continue  # a longer name the model tagged whole
                _retag(tags, i, end, "PER")


# Balinese birth-order names come after "I" (a man) or "Ni" (a woman): "I Wayan Koster", "Ni Luh Djelantik"
_BALINESE_GIVEN = frozenset("Wayan Made Nyoman Ketut Putu Gede Gde Kadek Komang Nengah Luh Gusti Dewa".split())
# noble and regional titles that are part of the name: Sasak "Lalu" and "Baiq" ("Lalu Muhamad Iqbal"),
# Balinese "Anak Agung" and "Cokorda"; "Lalu" is also "then", but not capitalised inside a sentence
_NAME_OPENERS = frozenset({"Lalu", "Baiq", "Cokorda", "Tjokorda"})
# the corps after a police or army rank: "Irjen Pol Rusdi Hartono", "Kolonel Inf Andi Putra"
_RANK_CORPS = frozenset({"Pol", "Pol.", "Inf", "Inf.", "Kav", "Kav.", "Arh", "Czi", "Cpl", "Mar", "Purn"})
_QUOTES_AND_BREAKS = frozenset({'"', "“", "'", "‘", ":", "(", "-", "–", "—"})


@cache
def _not_first_names() -> frozenset[str]:
    """Words that open a body's or a place's name, never a person's ("Yayasan Dapero Lestari")."""
    return _ORG_FIRST_WORDS | _BODY_HEADS | _REGIONAL_BODIES | _GEO_WORDS | _REGION_WORDS | _VILLAGE_WORDS | {
        "Lembaga", "Komunitas", "Forum", "Koperasi", "Gerakan"}


def _first_name_before(toks, tags, a: int, res) -> bool:
    """The word before a person's name of two or more words is its first name when the model left it
    out ("Novi", "Dian", "Dita" are ordinary words too) and what stands before it ends a body, a
    byline or a bracket, or opens the sentence."""
    k = a - 2
    if not (k < 0 or tags[k][2:] == "ORG" or toks[k] in _BYLINE_TITLES or toks[k] in (")", ":", "|")):
        return False  # most names: checked first, it is the cheap test
    word = toks[a - 1]
    return not (len(word) < 3 or word.isupper() or not nameish(word, res) or word in _BYLINE_TITLES
                or word.lower() in _admin_places()[0]
                or word.lower() in _OFFICES_BEFORE or word in _ORG_LAST_WORDS or word in _not_first_names()
                or _table_type((word,)) is not None)


def regional_name_rule(sentences, tagged, res, first_names: bool = True) -> None:
    """Indonesian names open with words the model reads as something else: a Balinese "I"/"Ni" before
    the birth-order name ("**I Wayan Koster**" was "Wayan Koster"), "Anak Agung", the Sasak "Lalu" and
    "Baiq" ("Gubernur NTB **Lalu Muhamad Iqbal**" went untagged), while the corps after a police rank
    is not the name's ("Irjen Pol **Rusdi Hartono**")."""
    for toks, tags in zip(sentences, tagged):
        openers = not _NAME_OPENERS.isdisjoint(toks)
        if not openers and "B-PER" not in tags:
            continue
        for i in range(1, len(toks) - 1) if openers else ():
            if toks[i] in _NAME_OPENERS and tags[i] == "O" and toks[i - 1] not in _QUOTES_AND_BREAKS:
                end = i + 1
                while end < len(toks) and end - i <= 4 and tags[end] in ("O", "B-PER", "I-PER") \
                        and nameish(toks[end], res) and not (end > i + 1 and tags[end] == "B-PER"):
                    end += 1
                if end > i + 1:
                    while end < len(toks) and tags[end] == "I-PER":
                        end += 1
                    _retag(tags, i, end, "PER")
        for a, b, typ in reversed(bio_spans(tags)):
            if typ != "PER":
                continue
            if b - a > 2 and toks[a].lower() in _RANKS:  # "Kombes Pol Susatyo Purnomo Condro"
                start = a + 1 + (toks[a + 1] in _RANK_CORPS and b - a > 3)
                for k in range(a, start):
                    tags[k] = "O"
                tags[start] = "B-PER"
            elif b - a > 1 and toks[a] in _RANK_CORPS and a > 0 and toks[a - 1].lower() in _RANKS:
                tags[a] = "O"
                tags[a + 1] = "B-PER"
            elif first_names and b - a > 1 and a > 0 and tags[a - 1] == "O" and _first_name_before(toks, tags, a, res):
                _retag(tags, a - 1, b, "PER")  # "Perum Bulog Novi Helmy Prasetya", "Editor Dita Angga Rusiana"
            elif a > 0 and tags[a - 1] == "O" and (
                    toks[a - 1] in ("I", "Ni") and toks[a] in _BALINESE_GIVEN
                    or toks[a - 1] == "Anak" and toks[a] == "Agung"):
                _retag(tags, a - 1, b, "PER")


_INITIALS_CUES = frozenset({"berinisial", "inisial", "initials"})
_INITIALS = re.compile(r"[A-Z]{2,4}\Z")
_INITIALS_BETWEEN = frozenset({"(", ")", ",", "dan", "and", "serta", "alias"})


def initials_rule(sentences, tagged) -> None:
    """Suspects and victims named by their initials ("dua tersangka berinisial HS (52) dan RW (41)")
    are no organisation a reader could look up, here or anywhere later in the story."""
    initials = set()
    for toks in sentences:
        if _INITIALS_CUES.isdisjoint(toks):
            continue
        for i, tok in enumerate(toks):
            if tok not in _INITIALS_CUES:
                continue
            for word in toks[i + 1:i + 12]:
                if _INITIALS.match(word):
                    initials.add(word)
                elif not (word in _INITIALS_BETWEEN or word.isdigit()):
                    break
    if not initials:
        return
    for toks, tags in zip(sentences, tagged):
        if initials.isdisjoint(toks):
            continue
        for a, b, _typ in bio_spans(tags):
            if b - a == 1 and toks[a] in initials:
                tags[a] = "O"


def doubles_rule(sentences, tagged, res) -> None:
    """Doubles pairs are written with a slash, "Leo Rolly Carnando/Bagas Maulana": in a story where a
    person's name stands beside a slash, the names on both sides of every such slash are people
    ("Liang Weikeng/Wang Chang" was read as a place and missed). An organisation beside
    the slash ("KOMPAS.com/KRISTIANTO PURNOMO", a photo credit) is left as it is."""
    pairs = []
    for toks, tags in zip(sentences, tagged):
        if "/" not in toks:
            continue
        for i in range(1, len(toks) - 1):
            if toks[i] != "/":
                continue
            a = i
            while a > 0 and i - a < 4 and nameish(toks[a - 1], res) and tags[a - 1][2:] != "ORG" \
                    and not (a < i and tags[a] == "B-PER"):
                a -= 1
            b = i + 1
            while b < len(toks) and b - i <= 4 and nameish(toks[b], res) and tags[b][2:] != "ORG" \
                    and not (b > i + 1 and tags[b] == "B-PER"):
                b += 1
            if a < i and b > i + 1 and (a == 0 or tags[a - 1][:2] != "I-" and tags[a - 1] != "B-ORG") \
                    and (b == len(toks) or tags[b][:2] != "I-"):
                pairs.append((toks, tags, a, i, b))
    if any(tags[a] == "B-PER" or tags[i + 1] == "B-PER" for _toks, tags, a, i, _b in pairs):
        for _toks, tags, a, i, b in pairs:
            _retag(tags, a, i, "PER")
            _retag(tags, i + 1, b, "PER")


_WORK_NOUNS = frozenset({"film", "lagu", "album", "novel", "serial", "sinetron", "movie", "song"})
_WORK_FORMS = _WORK_NOUNS | {w.capitalize() for w in _WORK_NOUNS}
# a genre or "berjudul" (titled) after the noun: "film Joko Anwar", "lagu Iwan Fals" name the maker instead
_WORK_KINDS = frozenset({"animasi", "horor", "drama", "dokumenter", "komedi", "laga", "pendek", "berjudul",
                         "bertajuk", "animated", "horror", "titled", "called"})


def _title_after(toks, tags, i: int, res) -> list[str]:
    """The name after the work noun at ``i`` and its genre: the span the model tagged there (not an
    organisation), or the run of name-like words it left untagged; nothing without a genre."""
    k = i + 1
    while k < len(toks) and toks[k] in _WORK_KINDS:
        k += 1
    if k == i + 1 or k == len(toks):
        return []
    end = k + 1
    if tags[k][:2] == "B-" and tags[k] != "B-ORG":
        while end < len(toks) and tags[end][:2] == "I-":
            end += 1
    elif tags[k] == "O" and nameish(toks[k], res):
        while end < len(toks) and tags[end] == "O" and nameish(toks[end], res):
            end += 1
    else:
        return []
    return toks[k:end]


def work_title_rule(sentences, tagged, res) -> None:
    """The title of a film or song is no person or place: "film animasi **Jumbo**" (the model's person
    eight times over), "lagu berjudul Rayuan Pulau Kelapa"; the same words go untagged all through
    the story. Only after a genre or "berjudul" (titled): "film Joko Anwar", "lagu Iwan Fals" name
    the maker. Not a country or place ("film horor Korea")."""
    titles = set()
    for toks, tags in zip(sentences, tagged):
        if _WORK_FORMS.isdisjoint(toks):
            continue
        for i, tok in enumerate(toks):
            if tok.lower() in _WORK_NOUNS:
                words = _title_after(toks, tags, i, res)
                if words and not _is_place(words, res) and _table_type(words) is None:
                    titles.add(tuple(words))
    if not titles:
        return
    firsts = {t[0] for t in titles}
    for toks, tags in zip(sentences, tagged):
        if firsts.isdisjoint(toks):
            continue
        for a, b, _typ in bio_spans(tags):
            if tuple(toks[a:b]) in titles:
                for k in range(a, b):
                    tags[k] = "O"


# clubs that news shortens to their city ("Real Madrid" -> "Madrid", "Inter Milan" -> "Milan")
_CLUB_PREFIXES = frozenset(word.capitalize() if word != "ac" else "AC" for word in CLUB_PREFIXES)
_PLACE_PREPOSITIONS = frozenset("in at to from near of into outside across di ke dari menuju".split())


def club_city_rule(sentences, tagged) -> None:
    """In a story about "Real Madrid", a bare "Madrid" that is not after a preposition of place is the
    club: "Carlo Ancelotti's Madrid, who have now lost", "kept Madrid level" (not "in Madrid")."""
    cities = {toks[b - 1] for toks, tags in zip(sentences, tagged) if not _CLUB_PREFIXES.isdisjoint(toks)
              for a, b, typ in bio_spans(tags) if typ == "ORG" and b - a == 2 and toks[a] in _CLUB_PREFIXES}
    if not cities:
        return
    for toks, tags in zip(sentences, tagged):
        if cities.isdisjoint(toks):
            continue
        for a, b, typ in bio_spans(tags):
            if typ == "LOC" and b - a == 1 and toks[a] in cities and (a == 0 or toks[a - 1].lower() not in _PLACE_PREPOSITIONS):
                tags[a] = "B-ORG"


_STREET_WORDS = frozenset({"Jalan", "Jl", "Jl.", "Jln", "Jln."})


def street_rule(sentences, tagged) -> None:
    """Streets are named after people: "Jalan **Ahmad Yani**" is a place, the street, whether the
    model tagged the person after "Jalan" or "Jalan Ahmad Yani" as a person."""
    for toks, tags in zip(sentences, tagged):
        if _STREET_WORDS.isdisjoint(toks):
            continue
        for a, b, typ in reversed(bio_spans(tags)):
            if typ == "PER" and toks[a] in _STREET_WORDS and b - a > 1:
                _retag(tags, a, b, "LOC")
            elif typ in ("PER", "ORG") and a > 0 and toks[a - 1] in _STREET_WORDS and tags[a - 1] == "O":
                _retag(tags, a - 1, b, "LOC")


#: words after which names joined by dashes or slashes are the stops of a route
ROUTE_WORDS = frozenset({"rute", "lintas", "trayek", "relasi", "jurusan", "route", "routes"})
_ROUTE_JOINERS = frozenset({"-", "–", "—", "/"})


def _stop_word(tok: str) -> bool:
    """A word of a stop's name: capitalised, not an acronym ("Tanah" of "Tanah Abang" is a common word)."""
    return len(tok) > 1 and tok[0].isupper() and tok.isalpha() and not tok.isupper()


def route_rule(sentences, tagged) -> None:
    """"lintas Tanah Abang–Rangkasbitung", "rute Jakarta–Bogor/Nambo", "route Rotterdam-Antwerp": after a
    route word, capitalised names joined by dashes or slashes are places (stations, ports, towns the
    place lists need not know), however the model read them; one name alone is left to the model."""
    for toks, tags in zip(sentences, tagged):
        if ROUTE_WORDS.isdisjoint(toks):
            continue
        for i, tok in enumerate(toks):
            stops = _route_stops(toks, i + 1) if tok in ROUTE_WORDS else []
            if len(stops) < 2:
                continue
            for a, b in stops:
                if b < len(tags) and tags[b][:2] == "I-":
                    continue  # a name that runs on past the stop: not a stop's name
                _retag(tags, a, b, "LOC")


def _route_stops(toks: list[str], k: int) -> list[tuple[int, int]]:
    """The (start, end) of each name of up to three words from ``k`` on, while a joiner follows it."""
    stops = []
    n = len(toks)
    while k < n:
        end = k
        while end < n and end - k < 3 and _stop_word(toks[end]):
            end += 1
        if end == k:
            break
        stops.append((k, end))
        if end + 1 >= n or toks[end] not in _ROUTE_JOINERS:
            break
        k = end + 1
    return stops


_HYPHEN_PAIR = re.compile(r"[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)+\Z")
_OCEANS = frozenset({"Pacific", "Pasifik", "Atlantic", "Atlantik"})


def hyphen_pair(token: str, res, route: bool = False) -> list[tuple[int, int, str]]:
    """"Merak-Bakauheni", "Jakarta-Denpasar", "TNI-Polri": names the alias table or the place lists
    know, joined by hyphens (a route, a pair of bodies), are one mention each; the model reads the
    word as one and leaves it. The parts as (start, end, BIO type) within the token, or nothing when
    any part is unknown ("Andika-Nanang", "Coca-Cola"), unless the word follows a route word (``route``)."""
    if not _HYPHEN_PAIR.match(token) or token.rsplit("-", 1)[1] in _OCEANS:
        return []  # "Asia-Pacific" is one region
    parts, pos = [], 0
    for part in token.split("-"):
        listed = _table_type((part,))
        typ = "ORG" if listed == ORG else "LOC" if listed == LOCATION or listed is None and not part.isupper() \
            and len(part) > 2 and _is_place([part], res) else None
        if typ is None and route and not part.isupper():
            typ = "LOC"  # after a route word: "rute Merak-Bakauheni"
        if typ is None:
            return []  # "HO-Basarnas" (a handout), "Andika-Nanang"
        parts.append((pos, pos + len(part), typ))
        pos += len(part) + 1
    return parts


def _retag(tags: list[str], a: int, b: int, typ: str) -> None:
    tags[a] = "B-" + typ
    for k in range(a + 1, b):
        tags[k] = "I-" + typ


_TERM = ""  # in acronym_rule's map: the acronym of a thing, not of a name


_LONG_FORM_JOINERS = frozenset({",", "dan", "and", "of", "&"})


def long_form_rule(sentences, tagged) -> None:
    """"Kementerian Pendidikan Dasar dan Menengah (Kemendikdasmen)", "Badan Standar, Kurikulum, dan
    Asesmen Pendidikan (BSKAP)": what a bracketed acronym abbreviates is one name up to the bracket,
    though the model stopped at a comma or "dan", or tagged none of it. The long form starts with the
    acronym's first letter, its words and joiners run up to the bracket, and it holds no more than
    the one name it may open ("Arafah, Muzdalifah, dan Mina (Armuzna)" are three places)."""
    for toks, tags in zip(sentences, tagged):
        if "(" not in toks:
            continue
        n = len(toks)
        for i in range(2, n - 2):
            if toks[i] != "(" or toks[i + 2] != ")" or tags[i - 1][2:] == "PER":
                continue
            short = toks[i + 1]
            if not (_acronym(short) or short.isalpha() and short[0].isupper() and len(short) >= 4):
                continue
            best = None
            s = i - 1
            while s >= max(0, i - 12) and (toks[s][:1].isupper() and toks[s].isalpha() or toks[s] in _LONG_FORM_JOINERS):
                words = toks[s:i]
                if toks[s][:1].lower() == short[0].lower() and toks[s] not in _LONG_FORM_JOINERS and len(words) > 1 \
                        and (initials_fit(short, " ".join(w for w in words if w != ",")) if _acronym(short)
                             else syllable_acronym_fits(short, words)):
                    best = s
                s -= 1
            if best is None or tags[best].startswith("I-"):
                continue  # none, or one that starts inside a name ("Kementerian Energi dan … (ESDM)")
            spans = bio_spans(tags[best:i])
            if len(spans) > 1 or spans and spans[0][0] != 0:
                continue  # names of their own in the range, or one that does not open it
            if spans and spans[0][1] == i - best:
                continue  # the model already has the whole long form
            if not spans and toks[best] not in _BODY_HEADS and toks[best] not in _ORG_FIRST_WORDS:
                continue  # untagged, and no body's name: "Rapat Dewan Gubernur (RDG)", "Produk Domestik Bruto (PDB)"
            typ = spans[0][2] if spans else "ORG"
            _retag(tags, best, i, typ)


def acronym_rule(sentences, tagged) -> None:
    """"Mahkamah Pidana Internasional (ICC)": an untagged acronym in brackets right after a
    name is that name's acronym, with its type (and "ICC (Mahkamah …)" the other way round).
    An organisation or place defined so, also by a syllable acronym ("Badan Pengawas Pemilu
    (Bawaslu)", "Kementerian Keuangan (Kemenkeu)"), keeps that type wherever the story names it:
    untagged, or opening a name of another type ("Bawaslu Banyu Agung" is an organisation). An
    acronym of lower-case words ("8 gigawatt-hours (GWh)") is a term: untagged wherever it stands alone."""
    defined: dict[str, str] = {}  # acronym -> its type, or _TERM
    for toks, tags in zip(sentences, tagged):
        if "(" not in toks:
            continue
        n = len(toks)
        for a, b, typ in bio_spans(tags):
            if b + 2 < n and toks[b] == "(" and toks[b + 2] == ")":
                short = toks[b + 1]
                syllables = typ != "PER" and syllable_acronym_fits(short, toks[a:b])
                if typ == "LOC" and not (syllables or initials_fit(short, " ".join(toks[a:b]))):
                    continue  # "JAKARTA (ANTARA)" is a dateline, "Kairo (Mesir)" a place and its country
                if _acronym(short) or syllables:
                    if tags[b + 1] == "O" or syllables:
                        tags[b + 1] = "B-" + typ
                    if typ != "PER":
                        defined.setdefault(short, typ)
            if a >= 3 and toks[a - 1] == "(" and b < n and toks[b] == ")" and tags[a - 2] == "O" and _acronym(toks[a - 2]):
                tags[a - 2] = "B-" + typ
        for j in range(2, n - 2):
            # "8 gigawatt-hours (GWh)", "electric vehicle (EV)": an acronym of lower-case words is a term
            if toks[j] == "(" and toks[j + 2] == ")" and _acronym(toks[j + 1]) and tags[j - 1] == "O":
                words = []
                for w in reversed(toks[max(0, j - 4):j]):  # the lower-case words right before the bracket
                    if not w.islower():
                        break
                    words.insert(0, w)
                if words and syllable_acronym_fits(
                        toks[j + 1].capitalize(), [p for w in words for p in w.split("-")], from_any=True):
                    defined.setdefault(toks[j + 1], _TERM)
    if not defined:
        return
    names = defined.keys()
    for toks, tags in zip(sentences, tagged):
        if names.isdisjoint(toks):
            continue
        for i, tok in enumerate(toks):
            typ = defined.get(tok)
            if typ == _TERM:
                if tags[i][:2] == "B-" and tags[i + 1:i + 2] != [tags[i].replace("B-", "I-")]:
                    tags[i] = "O"
                continue
            if typ is None or tags[i][2:] == typ or tags[i][:2] == "I-":
                continue
            end = i + 1
            if tags[i] != "O":
                while end < len(tags) and tags[end][:2] == "I-":
                    end += 1
            _retag(tags, i, end, typ)


# words before a company's name as written in text (aliases.COMPANY_FORMS are the same in canonical keys)
_COMPANY_FORMS = frozenset({"PT", "CV", "The", "PT."})


def short_organisation_rule(sentences, tagged, res, untagged: bool = True) -> None:
    """"PT Arunika Daya Mobilitas Tbk" … "Arunika said": a one-word PERSON that is how an
    organisation of the story begins (after "PT", "CV", "The") is that organisation, unless the
    word is a known first name or part of another person's name in the story; a PERSON of three or
    more words that opens with it is the organisation and a person ("CEO Arunika Raka Pradipta");
    and a PERSON that is an organisation of the story without its last, company word ("Satria
    Mataram" of "Satria Mataram FC") is that organisation."""
    if not any("I-ORG" in tags for tags in tagged):
        return  # no organisation of several words to begin
    heads: set[str] = set()
    head_uses: dict[str, int] = {}
    stems: set[tuple[str, ...]] = set()  # "Satria Mataram" of "Satria Mataram FC"
    for toks, tags in zip(sentences, tagged):
        if "I-ORG" in tags:
            for a, b, typ in bio_spans(tags):
                if typ == "ORG" and b - a > 1:
                    head = a + 1 if toks[a] in _COMPANY_FORMS else a
                    if head < b - (head > a):  # "PT Arunika" alone is a company form and its name
                        heads.add(toks[head])
                        head_uses[toks[head]] = head_uses.get(toks[head], 0) + 1
                    if b - head > 2 and toks[b - 1] in _ORG_LAST_WORDS:
                        stems.add(tuple(toks[head:b - 1]))
    starts = heads | {stem[0] for stem in stems}
    persons = [(toks, tags, a, b) for toks, tags in zip(sentences, tagged)
               if "B-PER" in tags and not starts.isdisjoint(toks)
               for a, b, typ in bio_spans(tags) if typ == "PER"]
    # words of other people's names keep those names: "Arunika" is no company where "Arunika Putri" is a person
    person_words = {w for toks, _tags, a, b in persons if b - a > 1
                    for w in toks[a + (b - a > 2 and toks[a] in heads):b]}
    heads -= person_words
    for toks, tags, a, b in persons:
        if stems and tuple(toks[a:b]) in stems:
            _retag(tags, a, b, "ORG")
        # a first name ("Budi") is a person's unless the story names two or more organisations with it
        # ("Nissan Motor", "Nissan Motor Kyushu": the training data had a person called Nissan)
        elif toks[a] in heads and (toks[a].lower() not in res.first_names or head_uses[toks[a]] > 1):
            if b - a == 1:
                tags[a] = "B-ORG"
            elif b - a > 2:
                tags[a] = "B-ORG"
                tags[a + 1] = "B-PER"
    if not untagged:
        return
    # and, with ``untagged``, the short name the model left untagged: "Persija menyamakan kedudukan"
    # after "Persija Jakarta"; not a common word, place or first name ("Bank", "Borneo", "Budi"), nor
    # part of a longer name
    short = {h for h in heads if not h.isupper() and nameish(h, res) and h.lower() not in res.first_names
             and h not in _ORG_FIRST_WORDS and h not in _demonyms() and not _is_place([h], res)}
    # nor a word the story also writes in lower case ("Energy" of "Energy Ministry")
    short = {h for h in short if not any(h.lower() in toks for toks in sentences)}
    for toks, tags in zip(sentences, tagged):
        if short.isdisjoint(toks):
            continue
        for i, t in enumerate(toks):
            if t in short and tags[i] == "O" and not (i + 1 < len(toks) and toks[i + 1][:1].isupper()) \
                    and not (i > 0 and toks[i - 1][:1].isupper()):
                tags[i] = "B-ORG"


def _acronym(tok: str) -> bool:
    return 2 <= len(tok) <= 10 and tok[0].isupper() and sum(c.isupper() for c in tok) >= 2 and tok.isalnum()


# Words after which a capitalised name is a news outlet: "kantor berita Al Qahera", "dilaporkan Middle East
# Monitor", "dilansir dari Al Jazeera", "the news agency Anadolu".
_OUTLET_NOUNS = [("kantor", "berita"), ("surat", "kabar"), ("harian",), ("majalah",), ("stasiun", "televisi"),
                 ("stasiun", "tv"), ("portal", "berita"), ("situs", "berita"), ("lembaga", "penyiaran"),
                 ("news", "agency"), ("newspaper",), ("broadcaster",)]
_OUTLET_VERBS = [("dilansir", "dari"), ("dilansir",), ("melansir",), ("dikutip", "dari"), ("dilaporkan",),
                 ("diberitakan",), ("reported", "by")]
# month and weekday names ("dilaporkan Selasa") are never an outlet
_TIME_WORDS = frozenset(MONTH_NUMBERS) | frozenset(WEEKDAY_NUMBERS)


# first word of a cue -> [(cue, whether it overrides a PERSON tag)], longest cue first
_CUES: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _cue, _override in sorted([(c, True) for c in _OUTLET_NOUNS] + [(c, False) for c in _OUTLET_VERBS],
                              key=lambda x: -len(x[0])):
    _CUES.setdefault(_cue[0], []).append((_cue, _override))
_CUE_STARTS = frozenset(_CUES) | {w.capitalize() for w in _CUES}


_SITE_ENDS = frozenset({"com", "co", "id", "net", "tv"})
# a news site's brands written as one word
_SITE_BRANDS = frozenset(
    "detikcom detikNews detikHealth detikFinance detikSport detikInet detikOto detikTravel detikFood detikEdu "
    "detikHot detikPop detikProperti detikJatim detikJateng detikJabar detikJogja detikSumut detikSumbagsel "
    "detikSulsel detikBali detikKalimantan detikX".split())


def site_name_rule(sentences, tagged) -> None:
    """A news site named by its address is one organisation: "**KOMPAS.com** -", "(**Kompas.com**/…)",
    "**Liputan6.com**" (the model tags "KOMPAS" and leaves ".com" out), and detik's brands
    ("**detikNews**", "**detikcom**") that it leaves untagged."""
    for toks, tags in zip(sentences, tagged):
        if _SITE_ENDS.isdisjoint(toks) and _SITE_BRANDS.isdisjoint(toks):
            continue
        n = len(toks)
        for i, tok in enumerate(toks):
            if tok in _SITE_BRANDS and tags[i] == "O":
                tags[i] = "B-ORG"
            elif tok[:1].isupper() and i + 2 < n and toks[i + 1] == "." and toks[i + 2] in _SITE_ENDS \
                    and not tags[i].startswith("I-"):
                end = i + 3
                if end + 1 < n and toks[end] == "." and toks[end + 1] == "id":  # "republika.co.id"
                    end += 2
                _retag(tags, i, end, "ORG")
                _photo_credit(toks, tags, end)


def _photo_credit(toks, tags, i: int) -> None:
    """"(KOMPAS.com/**KRISTIANTO PURNOMO**)": the name after a site's address and a slash is its photographer."""
    if i + 1 >= len(toks) or toks[i] != "/":
        return
    k = i + 1
    while k < len(toks) and k - i <= 4 and toks[k][:1].isupper() and toks[k].isalpha():
        k += 1
    if k - i >= 3 and (k == len(toks) or toks[k] in (")", "/", ".")):
        _retag(tags, i + 1, k, "PER")


def media_rule(sentences, tagged, res) -> None:
    """A capitalised run right after an outlet word is an organisation: after a noun ("kantor berita
    X") even if the model called it a person, after a reporting verb ("dilaporkan X") only if untagged."""
    countries = _country_index()
    for toks, tags in zip(sentences, tagged):
        if _CUE_STARTS.isdisjoint(toks):
            continue
        n = len(toks)
        for i, tok in enumerate(toks):
            options = _CUES.get(tok.lower())
            if not options:
                continue
            for cue, may_override in options:
                j = i + len(cue)
                if tuple(t.lower() for t in toks[i:j]) != cue:
                    continue
                if may_override and j < n:  # "lembaga penyiaran Israel KAN": the outlet's country comes first
                    j += next((len(key) for key in countries.get(toks[j], ()) if tuple(toks[j:j + len(key)]) == key), 0)
                k = j
                # the first word must look like a name or be an acronym; later ones only capitalised
                # ("Middle East Monitor")
                while k < n and k - j < 5 and toks[k].lower() not in _TIME_WORDS and (
                        (nameish(toks[k], res) or _acronym(toks[k])) if k == j else toks[k][:1].isupper()):
                    k += 1
                if k == j or tuple(toks[j:k]) in countries.get(toks[j], ()) or (k < n and tags[k].startswith("I-")) \
                        or tags[j].startswith("I-"):
                    break
                if set(tags[j:k]) == {"O"} or (may_override and bio_spans(tags[j:k]) == [(0, k - j, "PER")]):
                    _retag(tags, j, k, "ORG")
                break
