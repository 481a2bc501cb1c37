"""Small text helpers for glossary fields (no engine import: the web process uses them)."""

import re
import unicodedata

_SEPARATORS = re.compile(r"[;；,，、\n\r]+")


def plain_pinyin(text: str) -> str:
    """Pinyin without tones, spaces or case, for searching.

    >>> plain_pinyin("Liǎng gè què lì"), plain_pinyin("lǜ huà")
    ('lianggequeli', 'lvhua')
    """
    # ü (with or without a tone) is typed as v, as pinyin keyboards do.
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("u\u0308", "v")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", letters)


def split_list(text: str) -> list[str]:
    """
    >>> split_list("社会治安综合治理中心；综治中心\\n")
    ['社会治安综合治理中心', '综治中心']
    """
    return [item.strip() for item in _SEPARATORS.split(text) if item.strip()]


# One pinyin syllable with tone marks (or none, for the neutral tone).
_SYLLABLE = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+", re.IGNORECASE)


def check_syllables(text: str, syllables: list[str]) -> str:
    """"" when ``syllables`` can be the reading of ``text``, else what is wrong.

    >>> check_syllables("重庆", ["chóng", "qìng"])
    ''
    >>> check_syllables("重庆", ["chong2", "qing4"])
    'Write "chong2" with tone marks, e.g. mǎ, not ma3.'
    """
    if len(syllables) != len(text):
        return f"Give one syllable per character: {text} has {len(text)} characters, the reading has {len(syllables)}."
    for syllable in syllables:
        if not _SYLLABLE.fullmatch(unicodedata.normalize("NFC", syllable)):
            return f'Write "{syllable}" with tone marks, e.g. mǎ, not ma3.'
    return ""
