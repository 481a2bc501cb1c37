"""Bytes to text: an allowlist of encodings, decided in a fixed order, decoded strictly.

Order of precedence: a byte-order mark, then the teacher's explicit choice, then
an HTML ``<meta charset>``, then detection (strict UTF-8 first, then
charset-normalizer restricted to the allowlist). Decoding is always strict: a
byte sequence that is not valid in the chosen encoding is reported with its
position, never replaced by U+FFFD, so a wrongly encoded file cannot be stored
as mojibake. A detected encoding is also checked for plausibility (the share of
common characters); a doubtful guess becomes a question in the preview.
"""

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from corpus.text.errors import InputError
from corpus.text.normalize import HAN

MAX_BYTES = 20 * 1024 * 1024

# What a teacher may choose, with the codec that decodes it. GB18030 covers
# GB2312 and GBK; Big5-HKSCS is a superset of Big5, so it reads both.
ENCODINGS = {
    "utf-8": ("UTF-8", "utf-8"),
    "utf-16": ("UTF-16 (with byte-order mark)", "utf-16"),
    "gb18030": ("GB18030 / GBK / GB2312 (mainland)", "gb18030"),
    "big5": ("Big5 / Big5-HKSCS (Taiwan, Hong Kong)", "big5hkscs"),
}
# Charset labels found in HTML and in detectors, mapped to our allowlist.
_ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf_8": "utf-8", "utf-8-sig": "utf-8", "utf_8_sig": "utf-8",
    "utf-16": "utf-16", "utf_16": "utf-16",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
    "euc-cn": "gb18030", "hz-gb-2312": None,
    "big5": "big5", "big5-hkscs": "big5", "big5hkscs": "big5", "cp950": "big5", "x-x-big5": "big5",
}
# Below this share of common characters among the Han characters, a detected
# encoding is doubtful (genuine news text scores above 0.95; mojibake below 0.7).
PLAUSIBLE_SHARE = 0.85
_MIN_HAN_FOR_CHECK = 8
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Files people upload by mistake, recognised by their first bytes.
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .zip); upload a Word file with the .docx extension"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel (.doc/.xls) file; save it as .docx or plain text"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text"),
]

DecidedBy = Literal["bom", "choice", "html", "detected"]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a key of ENCODINGS
    decided_by: DecidedBy
    common_share: float  # share of common characters among Han characters (1.0 when too few to tell)

    @property
    def doubtful(self) -> bool:
        """A guess that reads like mojibake: ask the teacher instead of trusting it."""
        return self.decided_by in ("html", "detected") and self.common_share < PLAUSIBLE_SHARE

    @property
    def label(self) -> str:
        return ENCODINGS[self.encoding][0]


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of an uploaded file (see ``decode_bytes``).

    >>> decode("协调".encode("utf-8-sig"))
    '协调'
    >>> decode("協調".encode("big5"), "big5")
    '協調'
    """
    return decode_bytes(data, encoding=encoding).text


def decode_bytes(data: bytes, *, encoding: str | None = None, html: bool = False) -> Decoded:
    """Decode with the precedence BOM > ``encoding`` (the teacher's choice) > HTML meta > detection."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB. "
            "Split it into smaller files."
        )
    if encoding is not None and encoding not in ENCODINGS:
        raise InputError(f"Unknown encoding {encoding!r}: choose one of {', '.join(ENCODINGS)}.")
    result = _decode_with_bom(data)
    if result is None:
        _refuse_binary_or_empty(data)
        if encoding:
            result = _strict(data, encoding, "choice")
        else:
            declared = html_charset(data) if html else None
            result = _try(data, declared, "html") if declared else None
            result = result or _detect(data)
    if not result.text.strip(" \t\r\n\u3000\u00a0\ufeff"):
        raise InputError("The file is empty: there is no text to import.")
    return result


def html_charset(data: bytes) -> str | None:
    """The allowlisted encoding an HTML page declares in its first 4 KB, if any.

    >>> html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    """
    match = _META_CHARSET.search(data[:4096])
    return _ALIASES.get(match.group(1).decode("ascii").lower()) if match else None


def common_share(text: str) -> float:
    """Share of Han characters that are among the common ones (1.0 when there are too few to tell).

    Common: level 1 of GB2312 (3,755 characters) and of Big5 (5,401), which
    between them cover nearly all running text in either script; mojibake is
    made mostly of rare characters.

    >>> common_share("我们的学校很大")
    1.0
    """
    han = "".join(_HAN_CHAR.findall(text))
    if len(han) < _MIN_HAN_FOR_CHECK:
        return 1.0
    uncommon = han.translate(_without_common())  # str.translate runs in C: fast on a whole book
    return 1 - len(uncommon) / len(han)


# Private-use characters count as uncommon: mojibake from a wrong CJK codec often lands there.
_HAN_CHAR = re.compile(f"[{HAN}\ue000-\uf8ff]")


@cache
def _without_common() -> dict[int, None]:
    return dict.fromkeys(map(ord, _common_characters()))


@cache
def _common_to_mark() -> dict[int, str]:
    return dict.fromkeys(map(ord, _common_characters()), "\u00b7")


def mark_common(text: str) -> str:
    """The text with every common character replaced by "·" (same length), so rare ones stand out.

    >>> mark_common("我们鍘块噷")
    '··鍘·噷'
    """
    return text.translate(_common_to_mark())


@cache
def _common_characters() -> frozenset[str]:
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: rows 16-55
        for trail in range(0xA1, 0xFF):
            _add(chars, bytes([lead, trail]), "gb2312")
    for lead in range(0xA4, 0xC7):  # Big5 level 1: 0xA440-0xC67E
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            _add(chars, bytes([lead, trail]), "big5")
    return frozenset(chars)


def _add(chars: set[str], pair: bytes, codec: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):
        chars.add(pair.decode(codec))


def _decode_with_bom(data: bytes) -> Decoded | None:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", "bom")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "bom")
    return None


def _refuse_binary_or_empty(data: bytes) -> None:
    if not data.strip():
        raise InputError("The file is empty: there is no text to import.")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"This file is {what}, not text. Upload plain text, HTML or a .docx file.")
    if b"\x00" in data[:65536]:
        raise InputError(
            "This looks like a binary file, not text (it contains NUL bytes; UTF-16 needs a byte-order mark). "
            "Save the article as UTF-8 plain text and try again."
        )


def _strict(data: bytes, encoding: str, decided_by: DecidedBy) -> Decoded:
    try:
        text = data.decode(ENCODINGS[encoding][1])
    except UnicodeDecodeError as error:
        hint = "Choose another encoding below, or save the file as UTF-8 and try again."
        if decided_by == "bom":
            hint = "The file starts with a byte-order mark but is damaged; save it again as UTF-8."
        raise InputError(
            f"The file is not valid {ENCODINGS[encoding][0].split(' ')[0]} "
            f"(byte 0x{data[error.start]:02x} at position {error.start}). {hint}"
        ) from None
    text = text.removeprefix("\ufeff")
    return Decoded(text=text, encoding=encoding, decided_by=decided_by, common_share=common_share(text))


def _try(data: bytes, encoding: str, decided_by: DecidedBy) -> Decoded | None:
    try:
        return _strict(data, encoding, decided_by)
    except InputError:
        return None  # a declared charset that does not fit the bytes is ignored: pages lie


def _detect(data: bytes) -> Decoded:
    utf8 = _try(data, "utf-8", "detected")
    if utf8 is not None:
        return utf8  # valid UTF-8 of any length is almost never anything else
    candidates = [_try(data, name, "detected") for name in ("gb18030", "big5")]
    readable = [candidate for candidate in candidates if candidate is not None]
    guess = _charset_normalizer_guess(data)
    readable.sort(key=lambda c: (c.encoding == guess, c.common_share), reverse=True)
    # charset-normalizer's choice wins unless the other reads clearly more like Chinese.
    if len(readable) == 2 and readable[1].common_share > readable[0].common_share + 0.1:
        readable.reverse()
    if readable:
        return readable[0]
    raise InputError(
        "The file is not valid UTF-8 (byte "
        f"0x{data[_first_bad_utf8(data)]:02x} at position {_first_bad_utf8(data)}) and is not GB18030 or Big5 "
        "either. Save it as UTF-8 and try again."
    )


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5hkscs", "big5"]).best()
    return _ALIASES.get(best.encoding.replace("_", "-")) if best else None
