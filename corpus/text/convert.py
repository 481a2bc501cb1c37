"""Script detection and OpenCC conversion that keeps character alignment.

Every conversion here returns text of exactly the same length as its input, so
character i of the output corresponds to character i of the input: pinyin,
popups and tokens stay aligned whatever script a reader chooses. OpenCC's
phrase tables are used where they keep the length (almost always); a phrase
whose conversion would change the length falls back to character conversion.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

from opencc import OpenCC

Script = Literal["simplified", "traditional", "mixed"]
# Configs the product offers: to simplified, traditional, Taiwan and Hong Kong forms.
CONFIGS = ("s2t", "t2s", "tw2s", "s2tw", "s2hk")
TO_TRADITIONAL = "s2t"
# Taiwan writes 着 as 著 (睡著了, 笑著); t2s keeps 著, tw2s folds it by phrase
# (著作 stays 著作). tw2s's other single-character differences from t2s in
# opencc-python-reimplemented are data errors (么 -> 幺, 抬 -> 擡), so only its
# answer for these characters is taken.
_TAIWAN_VARIANTS = frozenset("著")
# A text is "mixed" when the minority script has at least this share of the
# characters that tell the scripts apart.
MIXED_SHARE = 0.2


@cache
def _converter(config: str) -> OpenCC:
    if config not in CONFIGS:
        raise ValueError(f"unknown conversion {config!r}; expected one of {CONFIGS}")
    return OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert text with OpenCC, keeping its length.

    >>> convert("协调发展", "s2t")
    '協調發展'
    """
    converted = _converter(config).convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_convert_char(char, config) for char in text)


def to_simplified(text: str) -> str:
    """Simplified form for reading and segmenting, aligned with the input.

    >>> to_simplified("他睡著了，這本著作很有名")
    '他睡着了，这本著作很有名'
    """
    simplified = convert(text, "t2s")
    if _TAIWAN_VARIANTS.isdisjoint(text):
        return simplified
    taiwan = convert(text, "tw2s")
    return "".join(
        folded if char in _TAIWAN_VARIANTS else plain
        for char, plain, folded in zip(text, simplified, taiwan, strict=True)
    )


def convert_tokens(tokens: Sequence[str], config: str) -> list[str]:
    """Convert a segmented passage, one aligned string per token.

    The passage is converted in one call (fast, and phrases keep their context);
    only when that changes the length is each token converted on its own.
    """
    whole = _converter(config).convert("".join(tokens))
    if len(whole) == sum(len(token) for token in tokens):
        return list(_slices(whole, tokens))
    return [convert(token, config) for token in tokens]


def _slices(text: str, tokens: Iterable[str]) -> Iterable[str]:
    start = 0
    for token in tokens:
        yield text[start : start + len(token)]
        start += len(token)


@cache
def _convert_char(char: str, config: str) -> str:
    converted = _converter(config).convert(char)
    return converted if len(converted) == 1 else char


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts.

    A character is simplified-only when converting to traditional changes it, and
    traditional-only when converting to simplified changes it.
    """
    simplified = to_simplified(text)
    traditional = convert(text, TO_TRADITIONAL)
    simplified_only = sum(1 for a, b in zip(text, traditional, strict=True) if a != b)
    traditional_only = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    return simplified_only, traditional_only


def detect_script(text: str) -> Script:
    """Which script a text is written in.

    Text with no distinguishing character (e.g. "中国人民") counts as simplified.

    >>> detect_script("協調發展")
    'traditional'
    """
    simplified_only, traditional_only = script_counts(text)
    total = simplified_only + traditional_only
    if total == 0:
        return "simplified"
    share = traditional_only / total
    if share >= 1 - MIXED_SHARE:
        return "traditional"
    if share <= MIXED_SHARE:
        return "simplified"
    return "mixed"
