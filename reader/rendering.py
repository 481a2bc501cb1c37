"""Stored tokens to HTML. The one place in the code that marks engine output safe.

Every piece of text that reaches the page (token text and readings) is escaped
here first; only the markup this module writes itself is trusted. Definitions do
not go into the HTML at all: each distinct word's popup data is collected once
per page in a ``WordTable`` and sent as one JSON table, so a word that occurs
fifty times costs fifty short spans and one table entry.

Pinyin goes into the HTML as ``<ruby>`` only when the reader wants it above every
character; in the hover and off modes the popup takes it from the table. That
keeps a 3,000-character page well under 150 KB (ruby markup alone is about 100 KB).

Built with string joins rather than a template loop: a 3,000-character article
has thousands of tokens, and the template engine would take tens of milliseconds.
"""

from collections.abc import Collection, Iterable, Mapping
from html import escape
from typing import Any

import orjson
from django.utils.safestring import SafeString, mark_safe

from reader.scripts import display_form

# Popups list at most this many senses; the rest would only weigh on the page.
MAX_DEFINITIONS = 4
# What Django's json_script escapes, so the JSON can never close its <script>.
_JSON_SCRIPT_ESCAPES = {">": "\\u003E", "<": "\\u003C", "&": "\\u0026"}


class WordTable:
    """Popup data for each distinct word on a page, numbered in order of first use.

    Each entry is a short list because the table travels with every page:
    ``[simplified, traditional or "" when the same, readings joined by spaces
    (one per character, "" for none), definitions, HSK level, glossary slug]``;
    "traditional" is the Taiwan / Hong Kong form when the reader chose one.
    """

    def __init__(self) -> None:
        self._index: dict[tuple, int] = {}
        self.entries: list[list[Any]] = []
        # Rendered HTML of each distinct token, per display mode (see render_tokens).
        self.fragments: dict[tuple, dict[tuple, str]] = {}

    def key_for(self, token: Mapping[str, Any], term: str | None, shown: str = "") -> int:
        pinyin = " ".join(token["pinyin"])
        key = (token["text"], pinyin, term, shown)
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.entries)
            simplified = token.get("simplified") or token["text"]
            traditional = token.get("traditional") or token["text"]
            if shown and shown != simplified:
                traditional = shown  # the regional form the reader is looking at
            self.entries.append(
                [
                    simplified,
                    "" if traditional == simplified else traditional,
                    pinyin,
                    list(token.get("definitions", ()))[:MAX_DEFINITIONS],
                    token.get("hsk"),
                    term,
                ]
            )
        return index


def render_tokens(
    tokens: Iterable[Mapping[str, Any]],
    words: WordTable,
    known_terms: Collection[str] | None = None,
    *,
    script: str = "original",
    ruby: bool = True,
    with_offsets: bool = False,
) -> SafeString:
    """A passage's tokens as inline HTML: one focusable span per word (with <ruby> per character if ``ruby``).

    ``script``: which form of the characters to show (see ``reader.scripts``); the
    readings and the popup stay those of the token, since every form is aligned.
    ``known_terms``: slugs that still exist; a stored term not among them is shown
    as a plain word, so a deleted glossary term is never highlighted.
    ``with_offsets``: add each word's character offset (for the owner's corrections).
    """
    # Words repeat: each distinct token is rendered once per page and reused.
    memo = words.fragments.setdefault((script, ruby, with_offsets), {})
    remembered = memo.get
    parts: list[str] = []
    if not with_offsets:
        for token in tokens:
            get = token.get
            signature = (token["text"], get("simplified"), get("traditional"), *token["pinyin"], get("term"))
            fragment = remembered(signature)
            if fragment is None:
                fragment = memo[signature] = _render_token(token, words, known_terms, script, ruby)
            parts.append(fragment)
        return _trusted("".join(parts))  # every piece was escaped by _render_token
    offset = 0
    for token in tokens:
        text = token["text"]
        get = token.get
        signature = (text, get("simplified"), get("traditional"), *token["pinyin"], get("term"))
        fragment = remembered(signature)
        if fragment is None:
            fragment = memo[signature] = _render_token(token, words, known_terms, script, ruby)
        if fragment[0] == "<":
            # The owner's correction form sends the stored text back, whatever script is shown.
            head, rest = fragment.split(">", 1)
            fragment = f'{head} data-o="{offset}" data-x="{escape(text)}">{rest}'
        parts.append(fragment)
        offset += len(text)
    return _trusted("".join(parts))  # every piece was escaped by _render_token


def _render_token(
    token: Mapping[str, Any], words: WordTable, known_terms: Collection[str] | None, script: str, ruby: bool
) -> str:
    """One token's HTML, every piece of text escaped; a word starts with its "<span".

    Focusability (tabindex) is added by reader.js, which is also what makes focus
    useful; leaving it out of the HTML saves 13 bytes a word.
    """
    shown = display_form(token, script)
    pinyin = token["pinyin"]
    if not any(pinyin):
        return escape(shown)
    term = token.get("term")
    if term and known_terms is not None and term not in known_terms:
        term = None
    css = "w term" if term else "w"
    key = words.key_for(token, term, shown)
    if ruby:
        # One <ruby> per character: Chromium then widens each base to fit its
        # reading instead of letting wide readings overlap.
        inner = "".join(
            f"<ruby>{escape(char)}<rt>{escape(reading)}</rt></ruby>"
            for char, reading in zip(shown, pinyin, strict=False)
        )
    else:
        inner = escape(shown)
    return f'<span class="{css}" data-k="{key}">{inner}</span>'


def render_passages(passages: Iterable[Mapping[str, Any]], pending_note: str, note_lang: str) -> SafeString:
    """The passages of a page as block elements: ``<h2>`` for headings, ``<p>`` for paragraphs.

    Each passage is ``{"pk", "kind", "text", "html"}``; ``html`` is ``render_tokens``'
    output, or None for a passage without usable tokens, shown as escaped plain
    text with ``pending_note``. Joined here rather than in the template: the
    template loop cost a millisecond more per page than the rest of a cached page.
    """
    parts = []
    for passage in passages:
        tag = "h2" if passage["kind"] == "heading" else "p"
        if passage["html"] is None:
            parts.append(
                f'<{tag} class="passage pending" id="p-{int(passage["pk"])}">{escape(passage["text"])} '
                f'<small class="pending-note" lang="{escape(note_lang)}">{escape(pending_note)}</small></{tag}>\n'
            )
        else:
            parts.append(f'<{tag} class="passage" id="p-{int(passage["pk"])}">{passage["html"]}</{tag}>\n')
    return _trusted("".join(parts))  # text escaped here, html made safe by render_tokens


def json_for_script(data: Any) -> SafeString:
    """``data`` as JSON for a ``<script type="application/json">`` element.

    Like Django's ``json_script`` but without escaping every Chinese character
    as ``\\uXXXX`` (which doubles the size of the word table); ``<``, ``>`` and ``&``
    are escaped exactly as ``json_script`` does, so the text cannot end the element.
    """
    text = orjson.dumps(data).decode()
    for char, escaped in _JSON_SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return _trusted(text)  # the only characters that matter in <script> are escaped


def _trusted(html: str) -> SafeString:
    """The one call in the project that marks HTML safe; every caller above has
    escaped all text it was given and adds only markup it writes itself."""
    return mark_safe(html)  # noqa: S308
