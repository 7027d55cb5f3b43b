"""Turn a scraped file's bytes into text.

Order of attempts, cheapest and most certain first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding;
2. data that looks binary (magic number, NUL or control bytes in the first
   8 KB) is refused -- this includes UTF-16 without a BOM;
3. strict UTF-8, the common case;
4. mostly-UTF-8 data with a few stray legacy bytes (a pasted cp1252 quote) is
   kept as UTF-8, each stray byte read as cp1252;
5. a file glued together from UTF-8 and cp1252 pieces is read line by line,
   each line in its own encoding;
6. otherwise a legacy encoding: ``charset_normalizer`` is asked, but its
   guesses among Latin code pages are close to random on short text, so its
   answer is only taken when it finds a non-Latin script it is sure about
   (e.g. cp1251 Cyrillic, Shift-JIS); everything else is read as cp1252, the
   usual legacy encoding of Indonesian and English web text.

The result is not sanitised; pass it through ``tuireader.text.sanitise``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from tuireader.errors import ImportFailed

BINARY_MESSAGE = "binary file, not text"

_SNIFF_SIZE = 8192
# A stray NUL or two turns up in real scraped text; binaries have far more.
_MAX_NUL_FRACTION = 0.01
# Control bytes other than whitespace and ESC (ANSI-coloured text is still text).
_MAX_CONTROL_FRACTION = 0.05
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])

_BINARY_SIGNATURES = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",  # xz
    b"7z\xbc\xaf\x27\x1c",
    b"SQLite format 3\x00",
    b"\x7fELF",
    b"MZ",  # Windows executable
    b"RIFF",  # WebP, WAV, AVI
    b"OggS",
    b"ID3",  # MP3
)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Below this coherence a single-byte detection is a guess, not a finding.
_MIN_COHERENCE = 0.3

# Bytes that failed UTF-8 decoding, as "surrogateescape" represents them.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def decode(data: bytes, *, name: str = "") -> str:
    """Decode a text file's bytes; raise ImportFailed when they are not text.

    ``name`` is the file name, accepted so callers can pass it uniformly; the
    error message does not include it because the caller prefixes it.
    """
    if not data:
        return ""
    by_bom = _decode_by_bom(data)
    if by_bom is not None:
        return by_bom
    if _looks_binary(data):
        raise ImportFailed(BINARY_MESSAGE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    return _decode_legacy(data)


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # The BOM is an explicit promise, so a few bad bytes are replaced
            # rather than second-guessing the whole file.
            return data.decode(encoding, errors="replace")
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_SIGNATURES):
        return True
    sample = data[:_SNIFF_SIZE]
    if sample.count(0) > len(sample) * _MAX_NUL_FRACTION:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_FRACTION


def _decode_mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(text))
    valid_multibyte = len(_VALID_NON_ASCII.findall(text))
    # Legacy single-byte text almost never forms valid UTF-8 multibyte
    # sequences by accident, so a majority of valid ones means UTF-8.
    if valid_multibyte == 0 or invalid > valid_multibyte:
        return None
    return _ESCAPED_BYTE.sub(_stray_byte_as_cp1252, text)


def _stray_byte_as_cp1252(match: re.Match[str]) -> str:
    byte = ord(match.group()) - 0xDC00
    return bytes([byte]).decode("cp1252", errors="replace")


def _decode_legacy(data: bytes) -> str:
    detected = from_bytes(data).best()
    if detected is not None and _is_confident_non_latin(detected.encoding, detected.coherence, str(detected)):
        return str(detected)
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined.  If the detector found some text
    # encoding the data is text with a stray byte or two; if it found none,
    # nothing we know can read it.
    if detected is None:
        raise ImportFailed(BINARY_MESSAGE)
    return data.decode("cp1252", errors="replace")


def _decode_mixed_lines(data: bytes) -> str | None:
    """Files glued together from UTF-8 and cp1252 sources: each line in its own encoding.

    Only when some line is valid UTF-8 with non-ASCII characters in it (cp1252 text
    practically never is) and some other line is not.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8") if not line.isascii() else None)
        except UnicodeDecodeError:
            decoded.append(None)
    if not any(decoded):  # (some line fails, or the whole file would have been UTF-8)
        return None
    return "".join(
        d if d is not None else line.decode("cp1252", errors="replace") for d, line in zip(decoded, lines)
    )


def _is_confident_non_latin(encoding: str, coherence: float, text: str) -> bool:
    # Without a BOM, UTF-16/32 would have failed the NUL check; a detector
    # saying so here is pairing up legacy bytes into nonsense.
    if encoding.startswith(("utf_16", "utf_32")):
        return False
    if not is_multi_byte_encoding(encoding) and coherence < _MIN_COHERENCE:
        return False
    # Mis-read cp1252 shows a few odd letters among ASCII words; a real
    # Cyrillic or CJK text is mostly made of them.
    return _non_latin_letter_share(text) > 0.5


def _non_latin_letter_share(text: str) -> float:
    letters = [char for char in text[:_SNIFF_SIZE] if char.isalpha()]
    if not letters:
        return 0.0
    non_latin = sum(1 for char in letters if char > "\x7f" and not unicodedata.name(char, "").startswith("LATIN"))
    return non_latin / len(letters)
