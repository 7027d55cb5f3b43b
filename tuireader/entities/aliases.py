"""Canonical entities: turn recogniser mentions into shared entity names.

Two sources of sameness are combined:

* the shipped alias table ``tuireader/data/aliases.tsv`` (built by
  ``scripts/build_aliases.py``) maps countries, cities, Indonesian provinces,
  international bodies, epithets ("Negeri Zionis") and a few nicknames to one
  canonical name, the same in Indonesian and English stories ("Mesir",
  "Egypt" -> "Egypt"; "PBB", "UN" -> "United Nations");
* within one story, aliases of one entity are merged: a title is not part of
  a person's name ("Presiden Joko Santoso" -> "Joko Santoso"), a shorter
  PERSON mention that is the first or last word(s) of exactly one longer
  PERSON name joins it ("Santoso" -> "Joko Santoso", unless there are two
  longer "... Santoso"), and an acronym defined in parentheses ("Mahkamah
  Agung (MA)") names the same entity as its long form, wherever it appears.

See ``docs/aliases.md`` for the full rules.  Only the standard library is
used at run time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from tuireader.entities.mention import LOCATION, ORG, PERSON, EntityMention

__all__ = [
    "canonical_key",
    "strip_title",
    "lookup_alias",
    "acronym_definitions",
    "canonicalise",
    "alias_table",
    "alias_rows",
    "ALIASES_PATH",
    "TITLES_PATH",
]

_DATA = Path(__file__).resolve().parent.parent / "data"
ALIASES_PATH = _DATA / "aliases.tsv"
TITLES_PATH = _DATA / "honorifics_titles.txt"

_LABEL_ORDER = (PERSON, ORG, LOCATION)

# --------------------------------------------------------------------------
# Normalised keys
# --------------------------------------------------------------------------

_APOSTROPHES = "'’‘`´ʼʻ"
_HYPHENS = "-‐‑‒–—―−﹣－"
_PERIODS = ".․。．"
_DROP = str.maketrans({c: None for c in _APOSTROPHES + _PERIODS})
_SPACE = str.maketrans({c: " " for c in _HYPHENS + "_/"})
_NON_WORD = re.compile(r"[^\w&\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # called for every mention at import: names repeat a lot
def canonical_key(name: str) -> str:
    """Normalised lookup key for ``name``.

    Case-folded, diacritics removed (``Côte`` -> ``cote``), apostrophes and
    periods dropped (``U.S.`` -> ``us``, ``D'Ivoire`` -> ``divoire``),
    hyphens/dashes/slashes turned into spaces (``Bangsa-Bangsa`` ->
    ``bangsa bangsa``), other punctuation removed and whitespace collapsed.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_DROP).translate(_SPACE)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# --------------------------------------------------------------------------
# The alias table
# --------------------------------------------------------------------------


@cache
def alias_rows() -> tuple[tuple[str, str, str], ...]:
    """The rows of ``aliases.tsv`` as written: ``(alias, canonical, type)``. Loaded once."""
    try:
        lines = ALIASES_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover - a broken install; degrade gracefully
        return ()
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] == "alias":
            continue
        alias, canonical, kind = parts[0].strip(), parts[1].strip(), parts[2].strip()
        if alias and canonical and kind in _LABEL_ORDER:
            rows.append((alias, canonical, kind))
    return tuple(rows)


@cache
def alias_table() -> dict[str, tuple[str, str]]:
    """``canonical_key(alias) -> (canonical, type)`` from ``aliases.tsv``.

    Loaded once.  Every canonical name is also an alias of itself.
    """
    table: dict[str, tuple[str, str]] = {}
    for alias, canonical, kind in alias_rows():
        table.setdefault(canonical_key(alias), (canonical, kind))
        table.setdefault(canonical_key(canonical), (canonical, kind))
    return table


_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_ADMIN_PREFIX = re.compile(
    r"^(?:provinsi|propinsi|province of|kota|city of|state of|negara|kabupaten)\s+",
    re.IGNORECASE,
)
# Indonesian bodies often carry the country: "Kemlu RI", "Kementerian Luar Negeri Republik Indonesia"
_COUNTRY_SUFFIX = re.compile(r"\s+(?:RI|\(RI\)|Republik Indonesia)$")


@lru_cache(maxsize=65536)  # the same names are looked up story after story
def lookup_alias(name: str) -> tuple[str, str] | None:
    """``(canonical, type)`` for ``name`` from the shipped table, else None.

    Tries the name as written, then without a leading English "the", then
    without an administrative prefix ("Provinsi", "Kota", "Negara", ...), then
    without a trailing "RI" / "Republik Indonesia".
    """
    table = alias_table()
    key = canonical_key(name)
    if not key:
        return None
    hit = table.get(key)
    if hit is not None:
        return hit
    for pattern in (_LEADING_ARTICLE, _ADMIN_PREFIX, _COUNTRY_SUFFIX):
        shorter = pattern.sub("", name.strip())
        if shorter != name.strip():
            hit = table.get(canonical_key(shorter))
            if hit is not None:
                return hit
    return None


# --------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------


@cache
def _titles() -> tuple[tuple[tuple[str, ...], ...], int]:
    """Title token sequences (lower-cased), longest first, and the max length."""
    entries: set[tuple[str, ...]] = set()
    try:
        lines = TITLES_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover
        lines = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = tuple(w.casefold() for w in line.split())
        entries.add(words)
        last = words[-1]
        # "Dr." also matches "Dr"; one-letter entries ("H.") keep the period.
        if last.endswith(".") and len(last.rstrip(".").replace(".", "")) > 1:
            entries.add(words[:-1] + (last.rstrip("."),))
    ordered = tuple(sorted(entries, key=len, reverse=True))
    return ordered, max((len(e) for e in ordered), default=0)


_EDGE_PUNCT = " \t\n\"'“”‘’«»()[]{},;:!?"


@cache
def _title_lengths() -> dict[str, tuple[frozenset[tuple[str, ...]], tuple[int, ...]]]:
    """Titles grouped by their first word: the set of titles and their lengths, longest first."""
    grouped: dict[str, set[tuple[str, ...]]] = {}
    for title in _titles()[0]:
        grouped.setdefault(title[0], set()).add(title)
    return {first: (frozenset(group), tuple(sorted({len(t) for t in group}, reverse=True))) for first, group in grouped.items()}


def _match_title(tokens: Sequence[str], i: int) -> int:
    """Number of tokens of the longest title starting at ``tokens[i]``."""
    entry = _title_lengths().get(tokens[i].casefold().rstrip(","))
    if entry is None:
        return 0
    titles, lengths = entry
    for n in lengths:
        if i + n <= len(tokens) and tuple(t.casefold().rstrip(",") for t in tokens[i : i + n]) in titles:
            return n
    return 0


def _match_alias_prefix(tokens: Sequence[str], i: int, max_len: int) -> int:
    """Tokens of the longest LOCATION/ORG table alias starting at ``tokens[i]``."""
    table = alias_table()
    for n in range(min(max_len, 5), 0, -1):
        hit = table.get(canonical_key(" ".join(tokens[i : i + n])))
        if hit is not None and hit[1] in (LOCATION, ORG):
            return n
    return 0


def strip_title(name: str) -> str:
    """Remove leading honorifics and titles from a person's name.

    ``"Presiden Joko Santoso"`` -> ``"Joko Santoso"``; ``"Mantan Wakil
    Presiden Budi"`` -> ``"Budi"``; ``"Dr. H. Ahmad Yani"`` -> ``"Ahmad
    Yani"``.  Titles come from ``honorifics_titles.txt`` and are matched
    case-insensitively, longest first, repeatedly.  The place or body a title
    belongs to is removed with it when it is in the alias table ("Menteri
    Luar Negeri Mesir Badr Abdelatty" -> "Badr Abdelatty", "Sekjen PBB
    Guterres" -> "Guterres").  At least one word is always kept, so a bare
    title is returned unchanged (minus surrounding punctuation).
    """
    cleaned = name.strip(_EDGE_PUNCT)
    tokens = cleaned.split()
    if not tokens:
        return name.strip()
    i = 0
    while i < len(tokens) - 1:
        n = _match_title(tokens, i)
        if n == 0 or i + n >= len(tokens):
            break
        i += n
        # "Menteri Luar Negeri Mesir ...", "Sekjen PBB ...": the title's place/body.
        m = _match_alias_prefix(tokens, i, len(tokens) - i - 1)
        if m and _match_title(tokens, i) == 0:
            i += m
    rest = " ".join(tokens[i:]).strip(_EDGE_PUNCT)
    return rest or cleaned


# --------------------------------------------------------------------------
# Acronyms
# --------------------------------------------------------------------------

_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}$")
_DASH_AFTER = re.compile(r"[ \t]*[-–—]")
_PAREN_AFTER = re.compile(r"\s*\(\s*([^()\n]{1,40}?)\s*\)")
#: words before a company's name in a canonical key: "pt arunika daya mobilitas tbk"
COMPANY_FORMS = frozenset({"pt", "cv", "the"})
# clubs that news shortens to their city: "Real Madrid" -> "Madrid", "Inter Milan" -> "Milan"
CLUB_PREFIXES = frozenset({"real", "inter", "ac", "sporting", "borussia", "bayer", "olympique", "athletic"})
_TRAILING_PAREN = re.compile(r"^(.*\S)\s*\(\s*([^()]+?)\s*\)\s*$")


def _is_acronym(s: str) -> bool:
    s = s.strip()
    return bool(_ACRONYM.match(s)) and " " not in s


def initials_fit(acronym: str, long_form: str) -> bool:
    """Do the acronym's letters appear, in order, as word starts of the long form?"""
    letters = [c for c in canonical_key(acronym) if c.isalnum()]
    words = canonical_key(long_form).split()
    if len(words) < 2:
        return False
    wi = 0
    for ch in letters:
        while wi < len(words) and not words[wi].startswith(ch):
            wi += 1
        if wi == len(words):
            return False
        wi += 1
    return True


def syllable_acronym_fits(word: str, long_form: Sequence[str], from_any: bool = False) -> bool:
    """"Bawaslu" for "Badan Pengawas Pemilu", "Kemenkeu" for "Kementerian Keuangan": a capitalised
    word whose letters run, in order, through at least two words of the name, from its first letter
    (``from_any``: from the first letter of any of the words, "8 gigawatt-hours (GWh)")."""
    if not (2 <= len(word) <= 20 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    words = [w.lower() for w in long_form if w.isalpha()]
    letters = word.lower()
    if from_any:
        words = words[next((k for k, w in enumerate(words) if w[0] == letters[0]), len(words)):]
    if len(words) < 2 or words[0][0] != letters[0]:
        return False
    k = 0
    touched = set()
    for wi, w in enumerate(words):
        for ch in w:
            if k < len(letters) and ch == letters[k]:
                k += 1
                touched.add(wi)
    return k == len(letters) and len(touched) >= 2


def _abbreviates(word: str, long_form: str) -> bool:
    """A syllable acronym of ``long_form`` that is not simply one of its words spelled out
    ("Pertamina" of "PT Pertamina Patra Niaga" is the parent company, not an abbreviation)."""
    words = long_form.split()
    low = word.lower()
    return syllable_acronym_fits(word, words) and not any(_in_order(low, w.lower()) for w in words)


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in letters)


def acronym_definitions(text: str, mentions: Iterable[EntityMention]) -> dict[str, str]:
    """Acronyms defined in ``text``: ``{acronym: long form}``.

    * ``Long Name (ACR)``: an ORG or LOCATION mention immediately followed by
      a parenthesised acronym ("Mahkamah Pidana Internasional (ICC)"; also
      when the recogniser included the parentheses in the mention).  The
      acronym need not match the long form's initials (Indonesian long forms
      often carry English acronyms).
    * ``ACR (Long Name)``: an acronym mention immediately followed by a
      parenthesised long form that is itself a mention, or whose word
      initials spell the acronym.

    Not a definition: a parenthesised acronym that the alias table knows as
    a place ("Texas (AS)"), or as a different entity than the long form.
    The first definition of an acronym wins.
    """
    found: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    by_start = {m.start: m for m in ordered}

    def add(acr: str, long_form: str) -> None:
        acr, long_form = acr.strip(), long_form.strip()
        if not acr or not long_form or canonical_key(acr) == canonical_key(long_form):
            return
        # "Texas (AS)", "Kairo (Mesir)": a place qualified by its country, not
        # a definition.  Both known but different also means "not the same".
        acr_hit, long_hit = lookup_alias(acr), lookup_alias(long_form)
        if acr_hit is not None and (acr_hit[1] == LOCATION or long_hit is not None):
            if long_hit is None or long_hit[0] != acr_hit[0]:
                return
        found.setdefault(acr, long_form)

    for m in ordered:
        surface = text[m.start : m.end] if 0 <= m.start < m.end <= len(text) else m.text
        inner = _TRAILING_PAREN.match(surface)
        if inner and m.label in (ORG, LOCATION) and _is_acronym(inner.group(2)):
            add(inner.group(2), inner.group(1))
            continue
        after = _PAREN_AFTER.match(text, m.end) if 0 <= m.end <= len(text) else None
        if after is None:
            continue
        content = after.group(1)
        if _DASH_AFTER.match(text, after.end()):
            continue  # a dateline: "Lhokseumawe (ANTARA) - …" names an outlet, not the place
        if m.label in (ORG, LOCATION) and _is_acronym(content) and not _is_acronym(surface):
            add(content, surface)
        elif _is_acronym(surface) and not _is_acronym(content):
            # "ACR (Long Name)": long form is a mention inside the parentheses
            inside = by_start.get(after.start(1))
            if inside is not None and canonical_key(inside.text) == canonical_key(content):
                add(surface, content)
            elif initials_fit(surface, content):
                add(surface, content)
    return found


# --------------------------------------------------------------------------
# Canonicalisation
# --------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # names repeat within and across stories
def _clean(text: str, label: str) -> str:
    """A mention's name without edge punctuation, possessive or article."""
    name = text.strip(_EDGE_PUNCT)
    name = re.sub(r"(?:'s|’s|')$", "", name).strip()
    inner = _TRAILING_PAREN.match(name)
    if inner and _is_acronym(inner.group(2)):
        name = inner.group(1)
    if label == PERSON:
        name = strip_title(name)
    else:
        name = _LEADING_ARTICLE.sub("", name)
    return name.strip(_EDGE_PUNCT) or text.strip() or text


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_affix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and (long[:n] == short or long[-n:] == short)


def canonicalise(
    mentions: list[EntityMention], text: str, lang: str = "id"
) -> list[EntityMention]:
    """Fill ``canonical`` for every mention of one story; make labels agree.

    Returns new mentions in the same order with the same spans.  Rules, in
    order of precedence:

    1. Names are cleaned (edge punctuation, possessive "'s", a leading "the";
       for PERSON mentions the titles, see :func:`strip_title`).
    2. An acronym defined in the story ("Long Name (ACR)", "ACR (Long Name)")
       stands for its long form everywhere in the story, also before the
       definition.
    3. A PERSON mention that is the first or last word(s) of exactly one
       longer PERSON name in the story joins that person; if it fits two or
       more different people it stays on its own.  Non-PERSON mentions that
       are not in the alias table may join a person the same way.  A one-word
       ORG (not an acronym, not in the table) that begins a longer ORG name
       of the story (after "PT", "CV", "the") joins the first such name; a
       one-word ORG that is a syllable acronym of exactly one longer ORG of
       the story ("Banggar", "Badan Anggaran") joins it. A club's city the
       story uses as an organisation ("Madrid" of "Real Madrid") is the club.
    4. Otherwise a name found in the alias table gets the table's canonical
       name and type (cross-story, cross-language).
    5. Remaining mentions with the same key are one entity.

    The canonical name of a table entity is the table's; of any other entity
    the longest cleaned form seen in the story (first one on ties).  The
    label is the table's type for table entities, else the majority label
    (ties go to the label of the mention giving the canonical name).
    ``lang`` is accepted for symmetry with the recogniser; the table and
    titles are bilingual so it does not change the result today.
    """
    del lang  # the rules are language-neutral; kept in the signature on purpose
    n = len(mentions)
    if n == 0:
        return []
    names = [_clean(m.text, m.label) for m in mentions]
    keys = [canonical_key(s) for s in names]

    # 2. acronyms defined in this story
    acronyms = {canonical_key(a): long for a, long in acronym_definitions(text, mentions).items()}
    for i, key in enumerate(keys):
        long = acronyms.get(key)
        if long is not None:
            names[i], keys[i] = long, canonical_key(long)
        if not keys[i]:
            keys[i] = canonical_key(mentions[i].text) or f"#{i}"

    table_hit: list[tuple[str, str] | None] = []
    for i, m in enumerate(mentions):
        hit = lookup_alias(names[i])
        if hit is None and keys[i] != canonical_key(m.text):
            hit = lookup_alias(m.text)  # e.g. the acronym itself is in the table
            if hit is not None and canonical_key(m.text) in acronyms:
                hit = None  # a story's own definition beats the global table
        table_hit.append(hit)

    groups = _Groups(n)
    # 5. same key, same entity
    first_by_key: dict[str, int] = {}
    for i, key in enumerate(keys):
        j = first_by_key.setdefault(key, i)
        groups.union(i, j)

    # 3. person short forms
    person_tokens = {
        keys[i]: tuple(keys[i].split()) for i, m in enumerate(mentions) if m.label == PERSON
    }
    by_length = sorted(person_tokens.items(), key=lambda kv: -len(kv[1]))
    resolved: dict[str, str] = {}  # person key -> key of the longest name it belongs to
    person_parts: set[str] = set()  # person keys that are part of a longer person's name, of one or more
    for key, toks in by_length:
        owners = {
            resolved.get(other, other)
            for other, other_toks in by_length
            if len(other_toks) > len(toks) and _is_affix(toks, other_toks)
        }
        if owners:
            person_parts.add(key)
        resolved[key] = owners.pop() if len(owners) == 1 else key
    person_of: dict[str, str] = {}  # other names, by key: a story repeats them
    for i, m in enumerate(mentions):
        key = keys[i]
        if m.label == PERSON:
            target = resolved.get(key, key)
        elif table_hit[i] is None:
            target = person_of.get(key)
            if target is None:
                toks = tuple(key.split())
                owners = {
                    resolved.get(other, other)
                    for other, other_toks in person_tokens.items()
                    if _is_affix(toks, other_toks)
                }
                target = person_of[key] = owners.pop() if len(owners) == 1 else key
        else:
            continue
        if target != key:
            groups.union(i, first_by_key[target])

    # 3b. an organisation's short name ("Arunika" after "PT Arunika Daya Mobilitas Tbk") joins the
    # first organisation of the story that it begins (after "PT", "CV", "the")
    org_heads: dict[str, str] = {}
    for i, m in enumerate(mentions):
        toks = keys[i].split()
        if m.label == ORG and len(toks) > 1:
            head = toks[1] if toks[0] in COMPANY_FORMS and len(toks) > 2 else toks[0]
            org_heads.setdefault(head, keys[i])
    if org_heads:
        for i, m in enumerate(mentions):
            # not an acronym: "PDIP" and "PDIP Jatim" are the party and a branch of it
            owner = org_heads.get(keys[i]) if m.label == ORG and table_hit[i] is None and not m.text.isupper() else None
            if owner is not None and owner != keys[i]:
                groups.union(i, first_by_key[owner])

    # 3b'. a club's city ("Madrid" after "Real Madrid") that the story uses as an organisation is the club,
    # not the city of the table
    clubs = {toks[1]: key for key in keys if len(toks := key.split()) == 2 and toks[0] in CLUB_PREFIXES}
    club_keys = {key for i, key in enumerate(keys) if key in clubs and mentions[i].label == ORG}
    for i, key in enumerate(keys):
        if key in club_keys:
            table_hit[i] = None
            groups.union(i, first_by_key[clubs[key]])

    # 3c. an undefined syllable acronym ("Banggar" after "Badan Anggaran") joins the one organisation of
    # the story it abbreviates; two that fit leave it alone
    long_orgs = {keys[i]: names[i] for i, m in enumerate(mentions) if m.label == ORG and " " in keys[i]}
    if long_orgs:
        owner_of: dict[str, str | None] = {}
        for i, m in enumerate(mentions):
            if m.label != ORG or table_hit[i] is not None or " " in names[i] or keys[i] in acronyms:
                continue
            if keys[i] not in owner_of:
                fits = [key for key, name in long_orgs.items() if _abbreviates(names[i], name)]
                owner_of[keys[i]] = fits[0] if len(fits) == 1 else None
            owner = owner_of[keys[i]]
            if owner is not None:
                groups.union(i, first_by_key[owner])

    # 4. table entries: every mention of one table entity joins the first one
    table_anchor: dict[str, int] = {}
    used_hit: list[tuple[str, str] | None] = [None] * n
    for i in range(n):
        hit = table_hit[i]
        if hit is None:
            continue
        if mentions[i].label == PERSON and keys[i] in person_parts:
            continue  # a name or surname of someone in this story ("Sari" of two Saris), not the table's entry
        used_hit[i] = hit
        groups.union(i, table_anchor.setdefault(hit[0], i))
    group_table: dict[int, tuple[str, str]] = {}
    for i in range(n):
        if used_hit[i] is not None:
            group_table.setdefault(groups.find(i), used_hit[i])

    # canonical name and label per group
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(groups.find(i), []).append(i)
    result: list[EntityMention | None] = [None] * n
    for root, idx in members.items():
        hit = group_table.get(root)
        # the longest form; of equals, one not in capitals ("Lombok" over the dateline's "LOMBOK"), then the first
        best = max(idx, key=lambda i: (len(keys[i].split()), len(names[i]), not names[i].isupper(), -i))
        if hit is not None:
            canonical, label = hit
        else:
            canonical = names[best]
            votes = Counter(mentions[i].label for i in idx)
            top = max(votes.values())
            tied = [lab for lab, c in votes.items() if c == top]
            if mentions[best].label == PERSON and " " in keys[best] and all(
                    mentions[i].label == PERSON or " " not in keys[i] for i in idx):
                label = PERSON  # one-word others joined a person's full name as a part of it (rule 3)
            elif mentions[best].label in tied:
                label = mentions[best].label
            else:
                label = next(mentions[i].label for i in idx if mentions[i].label in tied)
        canonical = canonical.strip() or mentions[best].text.strip() or names[best]
        if not canonical:
            canonical = text[mentions[best].start : mentions[best].end].strip() or label
        for i in idx:
            m = mentions[i]
            result[i] = EntityMention(m.start, m.end, label, m.text, canonical)
    return [m for m in result if m is not None]
