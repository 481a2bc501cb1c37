"""An article's HSK level profile, computed from its stored tokens.

Plain functions over the token dicts of the annotation contract, so the
library page can show and filter by level without reading any tokens: the
profile is computed once when an article is annotated and stored on it.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

# HSK 3.0 levels as the engine stores them: 1-6, and 7 for the 7-9 band.
LEVELS = (1, 2, 3, 4, 5, 6, 7)
# An article's level is the lowest HSK level whose words (with all lower levels)
# cover this share of its HSK-listed word occurrences. 0.9: below that a learner
# meets an unknown listed word in nearly every sentence.
COVERAGE = 0.9


def hsk_profile(passages_tokens: Iterable[Iterable[Mapping[str, Any]]]) -> dict[str, float]:
    """Share of word occurrences per HSK level ("1".."7") and not on the lists ("none").

    Only words count (tokens with a reading); punctuation, digits and Latin do not.

    >>> hsk_profile([[{"text": "我", "pinyin": ["wǒ"], "hsk": 1}, {"text": "。", "pinyin": [""], "hsk": None},
    ...               {"text": "青禾", "pinyin": ["qīng", "hé"], "hsk": None}]])
    {'1': 0.5, 'none': 0.5}
    """
    counts: Counter[str] = Counter()
    for tokens in passages_tokens:
        for token in tokens:
            if any(token.get("pinyin", ())):
                level = token.get("hsk")
                counts[str(level) if level in LEVELS else "none"] += 1
    total = sum(counts.values())
    if not total:
        return {}
    keys = [str(level) for level in LEVELS] + ["none"]
    return {key: round(counts[key] / total, 4) for key in keys if counts[key]}


def hsk_level(profile: Mapping[str, float]) -> int | None:
    """The lowest level covering ``COVERAGE`` of the listed words; None with no listed word.

    >>> hsk_level({"1": 0.5, "2": 0.3, "5": 0.1, "none": 0.1})
    5
    >>> hsk_level({"none": 1.0}) is None
    True
    """
    listed = sum(share for key, share in profile.items() if key != "none")
    if not listed:
        return None
    covered = 0.0
    for level in LEVELS:
        covered += profile.get(str(level), 0.0)
        if covered >= COVERAGE * listed - 1e-9:
            return level
    return LEVELS[-1]
