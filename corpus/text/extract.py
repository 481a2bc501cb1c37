"""HTML and DOCX to lines of text, each with what the markup says about it.

HTML is parsed by lxml (libxml2's HTML parser, which copes with any tag soup the
way browsers do). Content that is never text to read is removed with its text:
scripts, styles, ruby readings (``rt``/``rp``), forms, embedded objects. Lines in
page chrome (``nav``, ``header``, ``footer``, ``aside``, elements whose class or
id says navigation, share, related, comment, copyright) and outside the page's
one ``<article>``/``<main>`` are kept as lines but marked with the reason to drop
them, so the preview can show them and the teacher can restore one.

DOCX is read with python-docx, after the ZIP container has been checked (size,
entry count, compression ratio) so that a "zip bomb" is refused before anything
is inflated.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from corpus.text.errors import InputError

LineKind = Literal["paragraph", "heading", "title"]

# Elements removed with everything inside them.
_REMOVED = (
    "script", "style", "noscript", "template", "rt", "rp", "iframe", "svg", "math", "object", "embed",
    "select", "option", "button", "input", "textarea", "head", "canvas", "video", "audio",
)
_CHROME_TAGS = {"nav": "site navigation", "header": "page header", "footer": "page footer", "aside": "sidebar"}
_CHROME_NAMES = [
    (re.compile(r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|topbar)([-_\s]|$)", re.I), "site navigation"),
    (re.compile(r"share|bdsharebuttonbox|social", re.I), "share buttons"),
    (re.compile(r"related|recommend|hot-?news|tuijian|xiangguan", re.I), "related links"),
    (re.compile(r"comment|pinglun", re.I), "comments"),
    (re.compile(r"copyright|banquan", re.I), "copyright notice"),
    (re.compile(r"(^|[-_\s])(footer|foot|bottom)([-_\s]|$)", re.I), "page footer"),
    (re.compile(r"sidebar|side-?bar|(^|[-_\s])(aside|right-?col)([-_\s]|$)", re.I), "sidebar"),
]
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote", "pre", "section",
    "article", "main", "dd", "dt", "figcaption", "caption", "table", "ul", "ol", "dl", "form", "hr", "address",
    "center", "figure", "body", "html", "nav", "header", "footer", "aside",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
# Page titles often carry the site's name after a separator: "标题_某某网", "标题 - 某某新闻".
# A hyphen counts only with spaces around it: "2023-2024年度报告" keeps its years.
_TITLE_SUFFIX = re.compile(r"(\s*[_|｜]\s*|\s+[-—–]{1,2}\s+)[^_|｜]{1,30}$")

DOCX_MAX_ENTRIES = 1000
DOCX_MAX_UNCOMPRESSED = 100 * 1024 * 1024
DOCX_MAX_RATIO = 100


@dataclass(frozen=True)
class Line:
    text: str
    kind: LineKind = "paragraph"
    # Why the markup says this line is not part of the article (None: it is, as far as markup tells).
    chrome: str | None = None


def looks_like_html(text: str) -> bool:
    """True when pasted or uploaded text is an HTML page or fragment.

    >>> looks_like_html("<p>你好</p>"), looks_like_html("价格 < 100 元")
    (True, False)
    """
    head = text[:2000].lower()
    return bool(re.search(r"<(!doctype html|html|body|p|div|article|h[1-6]|br|span|table)[\s>/]", head))


def extract_html(text: str) -> list[Line]:
    """Lines of an HTML page: headings, paragraphs, and chrome marked with a reason.

    >>> [(line.text, line.kind) for line in extract_html("<h1>标题</h1><p>第一段<rt>dì</rt>。</p><script>x()</script>")]
    [('标题', 'title'), ('第一段。', 'paragraph')]
    >>> [extract_html(f"<title>{t}</title><p>正文。</p>")[0].text for t in ("年报_某某网", "2023-2024年报 - 某某网")]
    ['年报', '2023-2024年报']
    """
    from lxml import etree, html

    text = _XML_DECLARATION.sub("", text)
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise InputError(
            "The HTML page could not be read: it has no content. Paste the article's text instead."
        ) from None
    page_title = root.findtext(".//title") or ""
    for element in list(root.iter(*_REMOVED)):
        if element.getparent() is not None:
            element.drop_tree()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    mains = root.xpath("//article") or root.xpath("//main") or root.xpath("//*[@itemprop='articleBody']")
    main = mains[0] if len(mains) == 1 else None
    walker = _Walker(main)
    walker.walk(root, chrome=None, inside_main=main is None)
    lines = walker.lines
    if not any(line.kind == "title" for line in lines):
        title = _TITLE_SUFFIX.sub("", _SPACES.sub(" ", page_title).strip()) if page_title.strip() else ""
        if title:
            lines.insert(0, Line(title, "title"))
    return lines


class _Walker:
    """Depth-first walk that starts a new line at every block boundary."""

    def __init__(self, main) -> None:
        self.main = main
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._kind: LineKind = "paragraph"
        self._chrome: str | None = None
        self._seen_title = False

    def walk(self, element, *, chrome: str | None, inside_main: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if element is self.main:
            inside_main = True
        chrome = chrome or _chrome_of(element, tag)
        block = tag in _BLOCKS or tag == "br"
        if block:
            self.flush()
        if tag in _HEADINGS:
            self._kind = "title" if tag == "h1" and not self._seen_title else "heading"
        self._chrome = chrome or (None if inside_main else "outside the page's main article")
        if element.text and tag != "br":
            self._parts.append(element.text)
        for child in element:
            self.walk(child, chrome=chrome, inside_main=inside_main)
            self._chrome = chrome or (None if inside_main else "outside the page's main article")
            if child.tail:
                self._parts.append(child.tail)
        if block:
            self.flush()

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if text:
            kind = self._kind
            chrome = self._chrome
            if kind == "title":
                self._seen_title = True
                chrome = None  # the h1 is the title even where it stands outside <article>
            self.lines.append(Line(text, kind, chrome))
        self._kind = "paragraph"


def _chrome_of(element, tag: str) -> str | None:
    if tag in _CHROME_TAGS:
        return _CHROME_TAGS[tag]
    names = f"{element.get('class', '')} {element.get('id', '')}".strip() if tag else ""
    if not names:
        return None
    for pattern, reason in _CHROME_NAMES:
        if pattern.search(names):
            return reason
    return None


def extract_docx(data: bytes) -> list[Line]:
    """Paragraphs and headings of a Word document, in order, tables included."""
    check_docx_container(data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package  # noqa: BLE001
        raise InputError(
            f"The Word file could not be read ({type(error).__name__}). Open it in Word, save it as .docx again, "
            "or paste the text."
        ) from None
    lines: list[Line] = []
    for item in document.iter_inner_content():
        paragraphs = (
            [p for row in item.rows for cell in row.cells for p in cell.paragraphs]
            if isinstance(item, Table)
            else [item]
        )
        for paragraph in paragraphs:
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            kind: LineKind = "paragraph"
            if style == "Title":
                kind = "title"
            elif style.startswith("Heading"):
                kind = "heading"
            for part in text.split("\n"):  # soft line breaks inside one paragraph
                if part.strip():
                    lines.append(Line(part.strip(), kind))
    return lines


def check_docx_container(data: bytes) -> None:
    """Refuse a .docx whose ZIP container is not a sane Word document, before inflating anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("This is not a .docx file (it is not a ZIP package). Save it from Word as .docx.") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > DOCX_MAX_ENTRIES:
            raise InputError(
                f"The Word file has {len(entries)} parts; the limit is {DOCX_MAX_ENTRIES}. "
                "Save it again from Word, or paste the text."
            )
        total = sum(entry.file_size for entry in entries)
        if total > DOCX_MAX_UNCOMPRESSED:
            raise InputError(
                f"The Word file would unpack to {total // 1024 // 1024} MB; the limit is "
                f"{DOCX_MAX_UNCOMPRESSED // 1024 // 1024} MB. Remove images or paste the text."
            )
        for entry in entries:
            if entry.file_size > 1024 * 1024 and entry.file_size > DOCX_MAX_RATIO * max(entry.compress_size, 1):
                raise InputError(
                    f"The Word file's part {entry.filename!r} is compressed more than {DOCX_MAX_RATIO}:1, as "
                    "zip bombs are; it was refused. Save the document again from Word, or paste the text."
                )
        if "word/document.xml" not in archive.namelist():
            raise InputError("This ZIP file is not a Word document (no word/document.xml). Save it from Word as .docx.")
