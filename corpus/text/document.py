"""From cleaned text to a document: title, metadata, and passages.

The first paragraph is the title when it looks like one (short, no sentence
punctuation at its end). A news-style line of date, source and editor near the
top becomes metadata. Headings are recognised by their numbering (一、 （一）
第一章 1. ...) or, for short unpunctuated lines, by their shape.
"""

import re
from dataclasses import dataclass, field
from typing import Literal

from corpus.text.convert import Script, detect_script
from corpus.text.normalize import normalize, split_paragraphs

Kind = Literal["paragraph", "heading"]

TITLE_MAX = 80
HEADING_MAX = 40
SUBHEADING_MAX = 20
_PUNCTUATION = re.compile("[，。！？；、：（）()《》“”「」,.!?;:]")
# Sentence punctuation that a title or heading does not end with.
_ENDS_SENTENCE = re.compile("[。！？；，、：:;,.!?…]$")
_NUMBERED_HEADING = re.compile(
    r"^(#{1,6}\s+"
    r"|[一二三四五六七八九十百]+[、．.]"
    r"|[（(][一二三四五六七八九十百]+[)）]"
    r"|第[一二三四五六七八九十百零〇\d]+[章节節部分篇条條编編]"
    r"|\d{1,2}[、．.](?!\d))"
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_BARE_DATE = re.compile(_DATE.pattern + r"(\s*\d{1,2}:\d{2}(:\d{2})?)?")
_FIELD_NAMES = {
    "date": "日期|时间|時間|发布时间|發布時間|发布日期|發布日期",
    "source": "来源|來源|出处|出處",
    "editor": "责任编辑|責任編輯|编辑|編輯|责编|責編",
}
_FIELD = re.compile(
    "(" + "|".join(_FIELD_NAMES.values()) + r")\s*[:：]\s*"
)
_FIELD_KEY = {name: key for key, names in _FIELD_NAMES.items() for name in names.split("|")}
_META_LOOKAHEAD = 4  # metadata lines sit just under the title


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str


@dataclass(frozen=True)
class Document:
    title: str
    script: Script
    blocks: tuple[Block, ...]
    meta: dict[str, str] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()


def parse_document(text: str) -> Document:
    """Split a plain text into title, metadata and passages.

    >>> doc = parse_document("县里召开会议\\n日期：2025-03-14　来源：县融媒体中心\\n\\n会议要求抓好落实。")
    >>> doc.title, doc.meta, [b.text for b in doc.blocks]
    ('县里召开会议', {'date': '2025-03-14', 'source': '县融媒体中心'}, ['会议要求抓好落实。'])
    """
    paragraphs = split_paragraphs(normalize(text))
    title = ""
    if paragraphs and _looks_like_title(paragraphs[0]):
        title = _MARKDOWN_HEADING.sub("", paragraphs.pop(0))
    meta: dict[str, str] = {}
    dropped: list[str] = []
    for paragraph in paragraphs[:_META_LOOKAHEAD]:
        found = parse_meta_line(paragraph)
        if found:
            meta.update(found)
            dropped.append(paragraph)
    body = [p for p in paragraphs if p not in dropped]
    blocks = tuple(_block(p, is_last=(i == len(body) - 1)) for i, p in enumerate(body))
    script = detect_script(title + "".join(block.text for block in blocks))
    return Document(title=title, script=script, blocks=blocks, meta=meta, dropped=tuple(dropped))


def parse_meta_line(line: str) -> dict[str, str]:
    """Date, source and editor from a news metadata line; {} if it is not one.

    A line counts only if it is made of such fields: a sentence that merely
    mentions 来源 is body text.

    >>> parse_meta_line("时间：2023年5月20日 09:15  来源：某某日报  责任编辑：王明")
    {'date': '2023-05-20', 'source': '某某日报', 'editor': '王明'}
    """
    if len(line) > 200 or _ENDS_SENTENCE.search(line) and not line.endswith(":"):
        return {}
    parts = _FIELD.split(line)
    # parts: [before, name1, value1, name2, value2, ...]; what stands before the
    # first field may only be a bare date and time ("2023年05月20日 10:29 来源：…").
    before = parts[0].strip(" \u3000|｜")
    if len(parts) < 3 or before and not _BARE_DATE.fullmatch(before):
        return {}
    meta: dict[str, str] = {}
    if before:
        parts = ["", "日期", before, *parts[1:]]
    for name, value in zip(parts[1::2], parts[2::2], strict=True):
        key = _FIELD_KEY[name]
        value = value.strip(" \u3000\u00a0|｜")
        if key == "date":
            date = _DATE.search(value)
            if date:
                year, month, day = date.groups()
                meta["date"] = f"{year}-{int(month):02d}-{int(day):02d}"
            continue
        value = re.split(r"[\s\u3000|｜]", value, maxsplit=1)[0]
        if value:
            meta[key] = value
    return meta


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= TITLE_MAX and not _ENDS_SENTENCE.search(paragraph)


def _block(paragraph: str, *, is_last: bool) -> Block:
    if len(paragraph) <= HEADING_MAX and not _ENDS_SENTENCE.search(paragraph):
        numbered = _NUMBERED_HEADING.match(paragraph)
        # An unnumbered subheading is short and has no punctuation at all; the
        # last line of a text (a sign-off such as "（完）") is never one.
        shaped = len(paragraph) <= SUBHEADING_MAX and not is_last and not _PUNCTUATION.search(paragraph)
        if numbered or shaped:
            return Block("heading", _MARKDOWN_HEADING.sub("", paragraph))
    return Block("paragraph", paragraph)


def heading_or_paragraph(paragraph: str, *, is_last: bool) -> Kind:
    """Whether a line of plain text is a heading, by its numbering or its shape.

    >>> heading_or_paragraph("一、总体要求", is_last=False), heading_or_paragraph("会议要求抓好落实。", is_last=False)
    ('heading', 'paragraph')
    """
    return _block(paragraph, is_last=is_last).kind


def read_document(data: bytes, *, name: str = "", filename: str = "", encoding: str | None = None) -> Document:
    """Read an uploaded file's bytes into a document, as every entry point does (see ``importing``)."""
    from corpus.text.importing import read_document as read

    return read(data, name=name, filename=filename, encoding=encoding)
