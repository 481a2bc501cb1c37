"""Normalisation and the one canonical paragraph splitter.

Text is stored NFC, never NFKC: NFKC would turn full-width punctuation such as
"，" into "," and change what the author wrote.
"""

import re
import unicodedata

# Characters that belong to CJK writing: ideographs (BMP and astral planes),
# radicals, CJK punctuation, kana, Bopomofo and full-width forms.
CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u31ff\u3200-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_ZERO_WIDTH_IN_CJK = re.compile(
    f"(?<=[{CJK}])[{ZERO_WIDTH}]+|[{ZERO_WIDTH}]+(?=[{CJK}])"
)
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_BLANK_LINES = re.compile(r"\n[ \t\u3000\u00a0]*\n")
# A line that ends a sentence; hard-wrapped lines usually do not.
_SENTENCE_END = re.compile("[。！？!?…”」』）)]$")


def normalize(text: str) -> str:
    """NFC, one line ending ("\\n"), and no zero-width characters inside CJK runs.

    Zero-width joiners elsewhere are kept: they hold emoji sequences together.

    >>> normalize("中\\u200b文\\r\\n")
    '中文\\n'
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    return _ZERO_WIDTH_IN_CJK.sub("", text)


def split_paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs, stripped of edge whitespace.

    Both common layouts work: one paragraph per line, and paragraphs separated by
    blank lines. Inside a blank-line block, lines are joined only when the block
    looks hard-wrapped: at least three lines, every line but the last nearly as
    long as the longest and not ending a sentence. Otherwise each line stays a
    paragraph, so a title or heading directly above a line is not glued to it.

    >>> split_paragraphs("标题\\n\\n第一段。\\n第二段。")
    ['标题', '第一段。', '第二段。']
    """
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if _is_hard_wrapped(lines):
            paragraphs.append(_join_wrapped(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    longest = max(len(line) for line in lines)
    body = lines[:-1]
    return longest >= 20 and all(
        len(line) >= 0.8 * longest and not _SENTENCE_END.search(line) for line in body
    )


def _join_wrapped(lines: list[str]) -> str:
    # Chinese joins without a space; Latin text split by the wrap needs one
    # ("trade," + "investment" -> "trade, investment").
    joined = lines[0]
    for line in lines[1:]:
        if joined[-1].isascii() and line[0].isascii() and line[0].isalnum():
            joined += " "
        joined += line
    return joined
