"""The whole way in: bytes of an upload to a draft a teacher previews, and a draft to a document.

Every entry point reads text here: the upload view, ``manage.py annotate`` and
``manage.py import_article``. A ``Draft`` holds every line with its verdict
(kept, or dropped with a reason); ``draft_document`` applies the teacher's
restore/drop choices and title and returns the ``Document`` that is stored.
"""

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from corpus.text.clean import clean_lines, inline_pinyin_count
from corpus.text.convert import Script, detect_script
from corpus.text.decode import Decoded, decode_bytes
from corpus.text.document import TITLE_MAX, Block, Document, Kind, heading_or_paragraph
from corpus.text.errors import InputError
from corpus.text.extract import Line, extract_docx, extract_html, looks_like_html
from corpus.text.normalize import HAN, normalize, split_paragraphs

MAX_CHARS = 2_000_000  # extracted text
MAX_PARAGRAPH = 3_000  # one passage; longer paragraphs are cut at sentence ends
MAX_LINES = 50_000

_ENDS_SENTENCE = re.compile("[。！？；，、：:;,.!?…]$")
_SENTENCE = re.compile(r"[^。！？!?…]*[。！？!?…]+[”」』）)\"']*|[^。！？!?…]+$")
_GARBLED = re.compile(
    "\ufffd+|(锟斤拷)+|(烫烫)+|(屯屯)+"
    "|[\u00c0-\u00ff\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{4,}"
)
_RARE_RUN = re.compile(f"[{HAN}\ue000-\uf8ff]{{3,}}")


@dataclass(frozen=True)
class DraftLine:
    text: str
    kind: Kind
    reason: str | None  # why cleaning drops it; None: kept
    garbled: str = ""  # a stretch that reads like mojibake, shown to the teacher

    @property
    def kept(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Draft:
    title: str
    meta: dict[str, str]
    lines: tuple[DraftLine, ...]
    encoding: str = ""  # key of decode.ENCODINGS; "" for DOCX
    encoding_label: str = ""
    encoding_decided_by: str = ""
    encoding_doubtful: bool = False
    inline_pinyin_removed: int = 0
    source_kind: str = "text"  # text, html or docx
    notes: tuple[str, ...] = field(default=())

    @property
    def script(self) -> Script:
        return detect_script(script_sample(self.title, [line.text for line in self.lines if line.kept]))


def prepare(data: bytes, *, filename: str = "", encoding: str | None = None) -> Draft:
    """Read an upload into a draft: decode, extract, clean, find title and metadata.

    >>> draft = prepare("县里召开会议\\n时间：2025-03-14 来源：县融媒体中心\\n\\n会议要求抓好落实。".encode())
    >>> draft.title, draft.meta, [(l.text, l.reason) for l in draft.lines]
    ... # doctest: +NORMALIZE_WHITESPACE
    ('县里召开会议', {'date': '2025-03-14', 'source': '县融媒体中心'},
     [('时间：2025-03-14 来源：县融媒体中心', 'metadata (date, source, editor)'), ('会议要求抓好落实。', None)])
    """
    suffix = PurePath(filename).suffix.lower()
    decoded: Decoded | None = None
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        lines, source_kind = extract_docx(data), "docx"
    else:
        decoded = decode_bytes(data, encoding=encoding, html=True)
        text = normalize(decoded.text)
        _check_length(text)
        if suffix in (".html", ".htm") or looks_like_html(text):
            lines, source_kind = extract_html(text), "html"
        else:
            lines, source_kind = [Line(p) for p in split_paragraphs(text)], "text"
    lines = [Line(normalize(line.text).strip(), line.kind, line.chrome) for line in lines]
    lines = [line for line in lines if line.text]
    _check_length("".join(line.text for line in lines))
    if len(lines) > MAX_LINES:
        raise InputError(f"The text has {len(lines):,} paragraphs; the limit is {MAX_LINES:,}. Split it into parts.")
    title, lines = _take_title(lines, fallback=PurePath(filename).stem if filename else "")
    verdicts = clean_lines([line.text for line in lines], [line.chrome for line in lines])
    meta: dict[str, str] = {}
    for verdict in verdicts:
        for key, value in verdict.meta:
            meta.setdefault(key, value)
    draft_lines: list[DraftLine] = []
    kept_positions = [i for i, v in enumerate(verdicts) if v.reason is None]
    last_kept = kept_positions[-1] if kept_positions else -1
    for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        for piece in _split_long(verdict.text):
            kind: Kind = "heading" if line.kind in ("heading", "title") else heading_or_paragraph(
                piece, is_last=index == last_kept
            )
            draft_lines.append(DraftLine(piece, kind, verdict.reason, garbled_stretch(piece)))
    return Draft(
        title=title,
        meta=meta,
        lines=tuple(draft_lines),
        encoding=decoded.encoding if decoded else "",
        encoding_label=decoded.label if decoded else "",
        encoding_decided_by=decoded.decided_by if decoded else "",
        encoding_doubtful=decoded.doubtful if decoded else False,
        inline_pinyin_removed=inline_pinyin_count("\n".join(line.text for line in lines))
        if any(v.text != line.text for v, line in zip(verdicts, lines, strict=True))
        else 0,
        source_kind=source_kind,
    )


def draft_document(
    draft: Draft, *, flipped: set[int] | frozenset[int] = frozenset(), title: str | None = None
) -> Document:
    """The document a teacher publishes: the draft with the lines at ``flipped`` restored or dropped.

    >>> draft = prepare("标题\\n\\n首页 | 新闻 | 客户端 | 微博\\n第一段。".encode())
    >>> [b.text for b in draft_document(draft).blocks], [b.text for b in draft_document(draft, flipped={0}).blocks]
    (['第一段。'], ['首页 | 新闻 | 客户端 | 微博', '第一段。'])
    """
    blocks = tuple(
        Block(line.kind, line.text)
        for index, line in enumerate(draft.lines)
        if line.kept != (index in flipped)
    )
    if not blocks:
        raise InputError("No text was found to import: every line is dropped or the file has a title at most. "
                         "Add the article's body or restore a line.")
    dropped = tuple(line.text for index, line in enumerate(draft.lines) if line.kept == (index in flipped))
    chosen_title = (title if title is not None else draft.title).strip()[:TITLE_MAX * 4]
    script = detect_script(script_sample(chosen_title, [block.text for block in blocks]))
    return Document(title=chosen_title, script=script, blocks=blocks, meta=dict(draft.meta), dropped=dropped)


SCRIPT_SAMPLE = 5_000


def script_sample(title: str, texts: list[str]) -> str:
    """Title and passages, or for a long text an even sample of its passages of about SCRIPT_SAMPLE characters.

    Script detection converts its input with OpenCC, which takes about half a
    minute on a million characters; a sample spread over the text tells as well.
    """
    total = sum(len(text) for text in texts)
    if total <= SCRIPT_SAMPLE:
        return title + "".join(texts)
    step = max(1, round(total / SCRIPT_SAMPLE))
    return title + "".join(texts[::step] or texts[:1])[: SCRIPT_SAMPLE * 2]


def garbled_stretch(text: str) -> str:
    """The first stretch that reads like mojibake ("" if none): U+FFFD, 锟斤拷, Latin-1 runs, rare-character runs.

    >>> garbled_stretch("正常的句子。"), garbled_stretch("会议ä¸­æ–‡报道")
    ('', 'ä¸\\xadæ–‡')
    """
    from corpus.text.decode import mark_common

    match = _GARBLED.search(text)
    if match:
        return match.group(0)
    # Three rare characters in a row: in running text that is mojibake, not prose.
    rare = _RARE_RUN.search(mark_common(text))
    return text[rare.start() : rare.end()] if rare else ""


def _take_title(lines: list[Line], *, fallback: str) -> tuple[str, list[Line]]:
    for index, line in enumerate(lines):
        if line.kind == "title":
            return line.text, lines[:index] + lines[index + 1 :]
    # Plain text: the first line that is not chrome is the title when it looks like one.
    for index, line in enumerate(lines[:5]):
        if line.chrome:
            continue
        verdict = clean_lines([line.text])[0]
        if verdict.reason:
            continue
        if len(line.text) <= TITLE_MAX and not _ENDS_SENTENCE.search(line.text):
            return re.sub(r"^#{1,6}\s+", "", line.text), lines[:index] + lines[index + 1 :]
        break
    return fallback, lines


def _split_long(text: str) -> list[str]:
    """A paragraph longer than MAX_PARAGRAPH, cut at sentence ends into passages under it."""
    if len(text) <= MAX_PARAGRAPH:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE.findall(text):
        if len(sentence) > MAX_PARAGRAPH:
            raise InputError(
                f"A paragraph has {len(sentence):,} characters without a sentence end; the limit for one "
                f"paragraph is {MAX_PARAGRAPH:,}. Add line breaks or punctuation and try again."
            )
        if current and len(current) + len(sentence) > MAX_PARAGRAPH:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The text has {len(text):,} characters; the limit is {MAX_CHARS:,}. Split it into several articles."
        )


def read_document(data: bytes, *, name: str = "", filename: str = "", encoding: str | None = None) -> Document:
    """Read an uploaded file's bytes into the document publishing it unchanged would store.

    ``name`` (the file name without extension) is the title when the text has none.
    """
    draft = prepare(data, filename=filename, encoding=encoding)
    if not draft.title and name:
        draft = replace(draft, title=name)
    if not any(line.kept for line in draft.lines):
        raise InputError("No text was found to import: the file has a title at most. Add the article's body.")
    return draft_document(draft)


def parse_edited(text: str) -> tuple[Block, ...]:
    """Passages from the edit form: one per paragraph, a line starting with "#" is a heading.

    The teacher edits her own article here, so nothing is cleaned away; only the
    length limits apply, as on import.

    >>> [(b.kind, b.text) for b in parse_edited("# 一、总体要求\\n\\n会议要求抓好落实。\\r\\n各乡镇要行动。")]
    [('heading', '一、总体要求'), ('paragraph', '会议要求抓好落实。'), ('paragraph', '各乡镇要行动。')]
    """
    text = normalize(text)
    _check_length(text)
    blocks: list[Block] = []
    for paragraph in split_paragraphs(text):
        # A space after the marks, as ``edit_text`` writes it: #话题# opening a
        # paragraph (a hashtag) stays a paragraph.
        heading = re.match(r"^#{1,6}(?:\s+|$)", paragraph)
        if heading:
            if paragraph[heading.end() :].strip():
                blocks.append(Block("heading", paragraph[heading.end() :].strip()))
            continue
        blocks.extend(Block("paragraph", piece) for piece in _split_long(paragraph))
    return tuple(blocks)


def edit_text(blocks: list[tuple[str, str]]) -> str:
    """The edit form's text for (kind, text) passages: the inverse of ``parse_edited``.

    >>> edit_text([("heading", "一、总体要求"), ("paragraph", "会议要求抓好落实。")])
    '# 一、总体要求\\n\\n会议要求抓好落实。'
    """
    return "\n\n".join(f"# {text}" if kind == "heading" else text for kind, text in blocks)
