"""Stored tokens to HTML. The one place in the code that marks engine output safe.

Every piece of text that reaches the page (token text and readings) is escaped
here first; only the markup this module writes itself is trusted. Definitions do
not go into the HTML at all: each distinct word's popup data is collected once
per page in a ``WordTable`` and sent as JSON (``json_script``), so a word that
occurs fifty times costs fifty short spans and one table entry.

Built with string joins rather than a template loop: a 3,000-character article
has thousands of tokens, and the template engine would take tens of milliseconds.
"""

from collections.abc import Collection, Iterable, Mapping
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe


class WordTable:
    """Popup data for each distinct word on a page, numbered in order of first use."""

    def __init__(self) -> None:
        self._index: dict[tuple, int] = {}
        self.entries: list[dict[str, Any]] = []

    def key_for(self, token: Mapping[str, Any], term: str | None) -> int:
        key = (token["text"], tuple(token["pinyin"]), term)
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.entries)
            self.entries.append(
                {
                    "s": token.get("simplified", token["text"]),
                    "t": token.get("traditional", token["text"]),
                    "p": " ".join(p for p in token["pinyin"] if p),
                    "d": list(token.get("definitions", ()))[:8],
                    "h": token.get("hsk"),
                    "g": term,
                }
            )
        return index


def render_tokens(
    tokens: Iterable[Mapping[str, Any]],
    words: WordTable,
    known_terms: Collection[str] | None = None,
    *,
    with_offsets: bool = False,
) -> SafeString:
    """A passage's tokens as inline HTML: one focusable span per word, <ruby> per character.

    ``known_terms``: slugs that still exist; a stored term not among them is shown
    as a plain word, so a deleted glossary term is never highlighted.
    ``with_offsets``: add each word's character offset (for the owner's corrections).
    """
    parts: list[str] = []
    offset = 0
    for token in tokens:
        text = token["text"]
        pinyin = token["pinyin"]
        start = offset
        offset += len(text)
        if not any(pinyin):
            parts.append(escape(text))
            continue
        term = token.get("term")
        if term and known_terms is not None and term not in known_terms:
            term = None
        css = "w term" if term else "w"
        where = f' data-o="{start}"' if with_offsets else ""
        parts.append(f'<span class="{css}" tabindex="0" data-k="{words.key_for(token, term)}"{where}>')
        # One <ruby> per character: Chromium then widens each base to fit its
        # reading instead of letting wide readings overlap.
        for char, reading in zip(text, pinyin, strict=False):
            parts.append(f"<ruby>{escape(char)}<rt>{escape(reading)}</rt></ruby>")
        parts.append("</span>")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece above was escaped
