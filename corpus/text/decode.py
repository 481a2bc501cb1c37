"""Bytes to text: strict UTF-8 (with or without BOM), refusing binary and empty input.

Decoding is strict: a byte sequence that is not valid UTF-8 is reported with its
position, never replaced by U+FFFD, so a wrongly encoded file cannot be stored as
mojibake.
"""

import codecs

from corpus.text.errors import InputError

MAX_BYTES = 20 * 1024 * 1024


def decode(data: bytes) -> str:
    """
    >>> decode("协调".encode("utf-8-sig"))
    '协调'
    """
    if len(data) > MAX_BYTES:
        raise InputError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB. "
            "Split it into smaller files."
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise InputError("The file is empty: there is no text to import.")
    if b"\x00" in data:
        raise InputError("This looks like a binary file, not text. Save the article as UTF-8 plain text and try again.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"The file is not valid UTF-8 (byte 0x{data[error.start]:02x} at position {error.start}). "
            "Save it as UTF-8 and try again."
        ) from None
