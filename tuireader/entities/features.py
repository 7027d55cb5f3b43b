"""Feature extraction for the CRF entity recogniser (stdlib only).

Word-level features are computed once per distinct token string and cached
per process and style (``FeatureExtractor._cache``, ``_styled``); a sentence's feature lists are the
concatenation of the cached lists of the token and its neighbours (+-2) plus a
few sentence-level features (sentence boundaries, gazetteer span matches).
Feature strings are short, prefix-coded: ``w=`` lower-cased word, ``s=``
collapsed shape, ``p3=``/``x3=`` affixes, ``c0=``/``c1=``/``c2=`` word clusters at three granularities (``-1c=``/``+1c=`` for
the neighbours), ``fr=`` unlabelled-text frequency bucket, ``gL=`` place
gazetteer, ``gP=``/``gO=``/``gT=`` training-entity gazetteer, ``hon`` title,
``lc`` capitalised-but-usually-lower-case word, ``fn`` known first name, ``b4=``/``b6=``/``b10=``/``b=``
Brown-cluster path prefixes of a capitalised word (English; ``-1b=``/``+1b=`` for the neighbours), ``N:w=``/``G:w=`` the
word in the text's annotation style (``domain.py``) ...
"""

from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

__all__ = ["FeatureExtractor", "Resources", "word_shape", "load_resources"]

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def word_shape(tok: str) -> str:
    """Collapsed shape: ``Jakarta`` -> ``Xx``, ``U.S.`` -> ``X.X.``, ``12/8`` -> ``d/d``."""
    out = []
    prev = ""
    for ch in tok:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "x"
        else:
            c = ch
        if c != prev:
            out.append(c)
            prev = c
    return "".join(out)[:8]


class Resources:
    """Word lists a model was trained with (all keys lower-cased)."""

    def __init__(
        self,
        lower_common: set[str] | frozenset[str] = frozenset(),
        honorifics: set[str] | frozenset[str] = frozenset(),
        locations: list[str] | tuple = (),
        entities: dict[str, list[str]] | None = None,
        first_names: set[str] | frozenset[str] = frozenset(),
        clusters: dict[str, str] | None = None,
        brown: dict[str, int] | None = None,
        flags=(),
        style: dict | None = None,
        attributes: frozenset[str] | None = None,
        misc_words: frozenset[str] = frozenset(),
    ) -> None:
        self.flags = tuple(flags)
        #: the text-style classifier (``domain.py``), for models trained with per-style attributes
        self.style = style
        self.lower_common = frozenset(lower_common)
        self.honorifics = frozenset(honorifics)
        self.first_names = frozenset(first_names)
        self.clusters = clusters or {}
        #: Brown cluster paths of cased words from a large external corpus (bit path as an int, first bit lowest)
        self.brown = brown or {}
        #: the attributes the trained model has weights for (None while training): others are dropped once per
        #: word, because handing attribute strings to crfsuite costs as much as tagging itself
        self.attributes = attributes
        #: words the training data only ever tags as MISC (nationalities), never a person or place
        self.misc_words = misc_words
        tag_of = {"PER": "P", "ORG": "O", "LOC": "T", "MISC": "M"}
        #: gazetteers: ``gaz.get(first_word)`` -> [(token tuple, tag)], longest first
        self.gaz = Gazetteer([(list(locations), "L")] + [
            (sorted({" ".join(name.lower().split()) for name in names}), tag_of[label])
            for label, names in (entities or {}).items()])


class Gazetteer:
    """Name lists looked up by their first word, each list searched by bisection when a word is first
    asked for. Building a dict of all 55k names took a third of the model's load time; a text uses
    a few hundred capitalised words."""

    def __init__(self, sources) -> None:
        # (lower-cased names with single spaces, sorted, tag); the place list is stored that way
        self.sources = [(names if _is_sorted(names) else sorted(names), tag) for names, tag in sources]
        self._memo: dict[str, list[tuple[tuple[str, ...], str]] | None] = {}

    def get(self, first: str) -> list[tuple[tuple[str, ...], str]] | None:
        if first in self._memo:
            return self._memo[first]
        found = []
        for names, tag in self.sources:
            i = bisect_left(names, first)
            if i < len(names) and names[i] == first:
                found.append(((first,), tag))
            # every "first …" name sorts between "first " and "first!" (the character after the space)
            lo = bisect_left(names, first + " ", i)
            for name in names[lo:bisect_left(names, first + "!", lo)]:
                found.append((tuple(name.split(" ")), tag))
        found.sort(key=lambda entry: -len(entry[0]))
        self._memo[first] = found or None
        return found or None


def _is_sorted(names) -> bool:
    return isinstance(names, list) and all(a <= b for a, b in zip(names, names[1:]))


def _read_list(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return [line for line in map(str.strip, lines) if line and not line.startswith("#")]


def _read_gazetteer(path: Path) -> list[str]:
    """A lower-cased, sorted name list (comment lines start with "#"), read as it is stored."""
    with open(path, encoding="utf-8") as fh:
        return [line for line in fh.read().split("\n") if line and line[0] != "#"]


def encode_brown(brown: dict[str, int]) -> dict[str, str]:
    """Brown clusters as {path: "word word …"}: a fifth of the JSON of {word: path}, and parsed far faster."""
    groups: dict[int, list[str]] = {}
    for word, path in brown.items():
        groups.setdefault(path, []).append(word)
    return {str(path): " ".join(sorted(words)) for path, words in sorted(groups.items())}


def decode_brown(groups: dict[str, str] | None) -> dict[str, int]:
    words: list[str] = []
    paths: list[int] = []
    for path, group in (groups or {}).items():
        members = group.split(" ")
        words += members
        paths += [int(path)] * len(members)
    return dict(zip(words, paths))


def load_resources(model_json: Path | None, entities: dict[str, list[str]] | None = None,
                   first_names=None) -> Resources:
    """Resources for one language model: ``model_json`` holds the trained lists."""
    data: dict = {}
    if model_json is not None:
        with open(model_json, encoding="utf-8") as fh:
            data = json.load(fh)
    return Resources(
        lower_common=set(data.get("lower_common", ())),
        honorifics={h.lower() for h in _read_list(_DATA_DIR / "honorifics.txt")},
        locations=_read_gazetteer(_DATA_DIR / "gazetteer_loc.txt"),
        entities=entities if entities is not None else data.get("entities"),
        first_names=set(first_names if first_names is not None else data.get("first_names", ())),
        clusters=data.get("clusters"),
        brown=decode_brown(data.get("brown")),
        flags=data.get("flags", ()),
        style=data.get("style"),
        attributes=frozenset(data["attributes"]) if "attributes" in data else None,
        misc_words=frozenset(data.get("misc_words", ())),
    )


# what the positions around a sentence contribute: (own, as -2, as -1, as +1, as +2)
_PAD_FAR: tuple = ((), (), (), (), ())
_PAD_BEFORE: tuple = ((), (b"-2w=<s>",), (b"BOS",), (), ())
_PAD_AFTER: tuple = ((), (), (), (b"EOS",), ())


class FeatureExtractor:
    """Turns token lists into crfsuite attribute lists.

    Attributes are UTF-8 bytes, crfsuite's own form: pycrfsuite copies bytes as they are but encodes
    every str anew on every call, which made tagging 18 % slower (``attribute_names`` gives str)."""

    def __init__(self, res: Resources, flags=()) -> None:
        self.res = res
        self.flags = frozenset(flags)
        self.bigram = "bigram" in self.flags
        # token -> (own, -2, -1, +1, +2 attribute lists, cap, lc, lower, gazetteer entries)
        self._cache: dict[str, tuple] = {}
        # style -> token -> the same entry, its own list with the word in that style
        self._styled: dict[str, dict[str, tuple]] = {}

    def forget_words(self) -> None:
        """Empty the per-word caches (to time the cold path)."""
        self._cache.clear()
        self._styled.clear()

    # -- word level ---------------------------------------------------------
    def _word(self, tok: str):
        low = tok.lower()
        shape = word_shape(tok)
        res = self.res
        f0 = ["w=" + low, "s=" + shape]
        n = len(low)
        if n > 3:
            f0 += ["p2=" + low[:2], "p3=" + low[:3], "x2=" + low[-2:], "x3=" + low[-3:]]
            if n > 5:
                f0.append("x4=" + low[-4:])
        first = tok[:1]
        cap = first.isupper()
        if cap:
            if n > 1 and tok.isupper():
                f0.append("U")
            else:
                f0.append("T")
            if low in res.lower_common:
                f0.append("lc")
        hon = low in res.honorifics
        if hon:
            f0.append("hon")
        if low in res.first_names:
            f0.append("fn")
        if n == 1 and not first.isalnum():
            f0.append("P")
        fl = self.flags
        ctx_cl = []
        if res.clusters:
            key = low
            if not low.isalpha() and any(c.isdigit() for c in low):
                key = "".join("0" if c.isdigit() else c for c in low)
            cl = res.clusters.get(key)
            if cl is not None:
                parts = cl.split(".")
                fr = parts.pop()  # last field: frequency bucket
                if "freq" in fl:
                    f0.append("fr=" + fr)
                    if cap:
                        f0.append("Tfr=" + fr)
                for k, c in enumerate(parts):
                    f0.append(f"c{k}={c}")
                if "clctx" in fl:
                    ctx_cl = ["c=" + parts[len(parts) // 2]]
                    if "clctx2" in fl:
                        ctx_cl.append("C=" + parts[-1])
            elif "freq" in fl:
                f0.append("fr=-")
                if cap:
                    f0.append("Tfr=-")
        if res.brown:
            # path prefixes of 4, 6 and 10 bits and the whole path; an all-capitals word as its capitalised form
            b = res.brown.get(tok.capitalize() if n > 1 and tok.isupper() else tok) if cap else None
            if b:
                f0 += [f"b4={b & 15}", f"b6={b & 63}", f"b10={b & 1023}", f"b={b}"]
                if "brctx" in fl:
                    ctx_cl.append(f"b={b & 63}")
            else:
                f0.append("b-")
        sh2 = shape[:3]
        m1 = ["-1w=" + low, "-1s=" + sh2]
        p1 = ["+1w=" + low, "+1s=" + sh2]
        m2 = ["-2w=" + low]
        p2 = ["+2w=" + low]
        if "ctxaff" in fl and n > 3:
            m1.append("-1x3=" + low[-3:])
            p1.append("+1x3=" + low[-3:])
        if "ctxlc" in fl and cap and low in res.lower_common:
            m1.append("-1lc")
            p1.append("+1lc")
        if "ctx2s" in fl:
            m2.append("-2s=" + sh2)
            p2.append("+2s=" + sh2)
        if hon:
            m1.append("-1hon")
            m2.append("-2hon")
            p1.append("+1hon")
        for c in ctx_cl:
            m1.append("-1" + c)
            p1.append("+1" + c)
            if "clctx2w" in fl:
                m2.append("-2" + c)
                p2.append("+2" + c)
        known = res.attributes
        f0, m2, m1, p1, p2 = ([a.encode() for a in attrs if known is None or a in known]
                              for attrs in (f0, m2, m1, p1, p2))
        # then: gazetteer entries starting with this word (capitalised words only), and a cache of the word's
        # style attributes ("N:w=…"), filled by sentence()
        entry = (f0, m2, m1, p1, p2, cap, cap and low in res.lower_common, low, res.gaz.get(low) if cap else None)
        self._cache[tok] = entry
        return entry

    def _styled_word(self, tok: str, style: str):
        entry = self._cache.get(tok) or self._word(tok)
        attr = self._style_attribute(style, entry[7])
        if attr is not None:
            entry = ([*entry[0], attr], *entry[1:])
        self._styled[style][tok] = entry
        return entry

    # -- sentence level -----------------------------------------------------
    def attribute_names(self, tokens: list[str], style: str = "") -> list[list[str]]:
        """``sentence`` as text, to read."""
        return [[a.decode() for a in attrs] for attrs in self.sentence(tokens, style)]

    def sentence(self, tokens: list[str], style: str = "") -> list[list[bytes]]:
        """Attribute lists of one sentence; ``style`` ("G"/"N", see ``domain.py``) adds the word in that style."""
        if style:
            cache = self._styled.get(style)
            if cache is None:
                cache = self._styled[style] = {}
            ents = [cache.get(t) or self._styled_word(t, style) for t in tokens]
        else:
            cache = self._cache
            word = self._word
            ents = [cache.get(t) or word(t) for t in tokens]
        if not ents:
            return []
        # Padding entries stand for the positions before and after the sentence, so that every token
        # takes the same path: (own, -2, -1, +1, +2) lists as in _word's entries.
        padded = [_PAD_FAR, _PAD_BEFORE, *ents, _PAD_AFTER, _PAD_FAR]
        out = [[*e[0], *m1[2], *m2[1], *p1[3], *p2[4]]
               for m2, m1, e, p1, p2 in zip(padded, padded[1:], ents, padded[3:], padded[4:])]
        if ents[0][6]:
            out[0].append(b"BOSlc")
        if self.bigram:
            for i in range(1, len(ents)):
                pair = (ents[i - 1][7] + "|" + ents[i][7]).encode()
                out[i].append(b"b-=" + pair)
                out[i - 1].append(b"b+=" + pair)
        self._gazetteer(tokens, ents, out)
        return out

    def _style_attribute(self, style: str, low: str) -> bytes | None:
        attr = style + ":w=" + low
        known = self.res.attributes
        return attr.encode() if known is None or attr in known else None

    def _gazetteer(self, tokens, ents, out) -> None:
        n = len(tokens)
        covered = 0  # a match is never looked for inside an earlier one
        for i in [k for k, e in enumerate(ents) if e[8]]:  # capitalised words that start a list entry
            if i < covered:
                continue
            best = 0
            tags: set[str] = set()
            for toks, tag in ents[i][8]:
                m = len(toks)
                if best and m < best:
                    break
                if i + m > n or not ents[i + m - 1][5]:
                    continue
                ok = True
                for k in range(1, m):
                    if ents[i + k][7] != toks[k]:
                        ok = False
                        break
                if ok:
                    best = m
                    tags.add(tag)
            if not best:
                continue
            for tag in sorted(tags):
                g = b"g" + tag.encode()
                if best == 1:
                    out[i].append(g + b"=U")
                else:
                    out[i].append(g + b"=B")
                    for k in range(1, best):
                        out[i + k].append(g + b"=I")
                if i > 0:
                    out[i - 1].append(b"+1" + g)
                if i + best < n:
                    out[i + best].append(b"-1" + g)
            covered = i + best
