"""Which characters a reader sees: the stored forms, or Taiwan / Hong Kong forms made at render time.

Stored tokens carry the text as written and its simplified and traditional
forms, each aligned character by character with the text. Taiwan and Hong Kong
forms are made here from the simplified form with OpenCC's ``s2tw`` / ``s2hk``
(character variants and phrases, not ``s2twp``'s vocabulary swaps such as
软件 -> 軟體, which would put other words, with other readings, under the pinyin).
``corpus.text.convert`` keeps the length, falling back to character-by-character
conversion, and each distinct word is converted once per process. Only OpenCC is
loaded, never jieba or pypinyin.
"""

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from corpus.text.convert import convert

SCRIPTS = ("original", "simplified", "traditional", "tw", "hk")
_REGIONAL = {"tw": "s2tw", "hk": "s2hk"}


def display_form(token: Mapping[str, Any], script: str) -> str:
    """The token's text in ``script``, always as long as the token's text.

    >>> display_form({"text": "裏面", "simplified": "里面", "traditional": "裏面"}, "tw")
    '裡面'
    """
    text = token["text"]
    if script == "original":
        return text
    simplified = token.get("simplified") or text
    if script == "simplified":
        form = simplified
    elif script == "traditional":
        form = token.get("traditional") or text
    else:
        form = _regional(simplified, _REGIONAL[script])
    return form if len(form) == len(text) else text


@lru_cache(maxsize=50_000)
def _regional(simplified: str, config: str) -> str:
    return convert(simplified, config)


@lru_cache(maxsize=4096)
def title_in(title: str, script: str) -> str:
    """An article's title in ``script`` (titles are stored as plain text, without tokens).

    >>> title_in("河边的早晨", "tw")
    '河邊的早晨'
    """
    if script == "original":
        return title
    simplified = convert(title, "t2s")
    if script == "simplified":
        return simplified
    return convert(simplified, {"traditional": "s2t", **_REGIONAL}[script])


def lang_for(script: str, written: str) -> str:
    """The BCP 47 tag for text shown in ``script`` (fonts pick regional glyphs by it)."""
    if script == "original":
        script = "traditional" if written == "traditional" else "simplified"
    return {"simplified": "zh-Hans", "traditional": "zh-Hant", "tw": "zh-Hant-TW", "hk": "zh-Hant-HK"}[script]
