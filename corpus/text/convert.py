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
CONFIGS = ("s2t", "t2s", "s2tw", "s2hk")
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
    simplified = convert(text, "t2s")
    traditional = convert(text, "s2t")
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
