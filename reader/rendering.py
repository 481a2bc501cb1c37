"""Stored tokens to HTML. The one place in the code that marks engine output safe.

Every piece of text that reaches the page (token text, readings, definitions)
is escaped here first; only the markup this module writes itself is trusted.
Built with string joins rather than a template loop: a 3,000-character article
has thousands of tokens, and the template engine would take tens of milliseconds.
"""

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe


def render_tokens(tokens: Iterable[Mapping[str, Any]]) -> SafeString:
    """A passage's tokens as inline HTML: <ruby> with one <rt> per character."""
    parts: list[str] = []
    for token in tokens:
        text = token["text"]
        pinyin = token["pinyin"]
        if not any(pinyin):
            parts.append(escape(text))
            continue
        hint = " ".join(p for p in pinyin if p)
        if token["definitions"]:
            hint += " — " + token["definitions"][0]
        css = "w term" if token.get("term") else "w"
        # One <ruby> per character: Chromium then widens each base to fit its
        # reading instead of letting wide readings overlap.
        parts.append(f'<span class="{css}" title="{escape(hint)}">')
        for char, reading in zip(text, pinyin, strict=False):
            parts.append(f"<ruby>{escape(char)}<rt>{escape(reading)}</rt></ruby>")
        parts.append("</span>")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece above was escaped
