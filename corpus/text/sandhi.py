"""Tone sandhi of 一 and 不 for display; stored readings keep the citation tone.

Learners are taught the citation tone (一 yī, 不 bù) and hear the changed one, so
the reader offers both. This runs in the web process on stored tokens, so it
imports nothing heavy: tones are read from the tone marks.

* 不 bù becomes bú before a fourth tone (不是 búshì, 不要 búyào).
* 一 yī becomes yí before a fourth tone (一个 yígè) and yì before the other
  tones (一起 yìqǐ, 一天 yìtiān); it keeps yī where it counts or orders: after 第,
  beside another numeral (一九, 十一, 一一), before 月/日/号 (dates), at the end of
  a word (统一, 唯一) or before no syllable at all. Between a repeated verb
  (看一看) it is neutral, yi.
"""

from collections.abc import Sequence

_TONE_MARKS = {
    **dict.fromkeys("āēīōūǖ", 1),
    **dict.fromkeys("áéíóúǘḿń", 2),
    **dict.fromkeys("ǎěǐǒǔǚň", 3),
    **dict.fromkeys("àèìòùǜǹ", 4),
}
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两0123456789０１２３４５６７８９")
# Before these 一 is read digit by digit (一九九七, 一一); before 百千万亿两 it changes tone (yìbǎi).
_DIGITS = _NUMERALS - frozenset("百千万亿两")
_DATE_WORDS = frozenset("月日号")


def tone(syllable: str) -> int:
    """1-4 from the tone mark, 5 for the neutral tone, 0 for no syllable.

    >>> tone("shì"), tone("de"), tone("")
    (4, 5, 0)
    """
    if not syllable:
        return 0
    for char in syllable.lower():
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


def with_sandhi(words: Sequence[tuple[str, Sequence[str]]]) -> list[list[str]]:
    """Each word's readings as spoken: ``words`` are (text, citation readings) pairs.

    >>> with_sandhi([("不", ["bù"]), ("是", ["shì"])])
    [['bú'], ['shì']]
    >>> with_sandhi([("一起", ["yī", "qǐ"]), ("统一", ["tǒng", "yī"]), ("思想", ["sī", "xiǎng"])])
    [['yì', 'qǐ'], ['tǒng', 'yī'], ['sī', 'xiǎng']]
    """
    chars = [char for text, _ in words for char in text]
    flat = [syllable for _, readings in words for syllable in readings]
    word_end = set()
    position = 0
    for text, _ in words:
        position += len(text)
        word_end.add(position - 1)
    spoken = list(flat)
    for i, char in enumerate(chars):
        if char not in "一不":
            continue
        following = next((j for j in range(i + 1, len(chars)) if flat[j] or not chars[j].isspace()), None)
        next_tone = tone(flat[following]) if following is not None else 0
        citation = flat[i].lower()
        if char == "不":
            if citation == "bù" and next_tone == 4 and (i not in word_end or len(_word_of(words, i)) == 1):
                spoken[i] = _same_case("bú", flat[i])
            continue
        if citation != "yī" or not next_tone or _counts(chars, i, word_end, words):
            continue
        if 0 < i < len(chars) - 1 and chars[i - 1] == chars[i + 1] and flat[i - 1]:
            spoken[i] = _same_case("yi", flat[i])  # 看一看
        elif next_tone == 4 or next_tone == 5:
            spoken[i] = _same_case("yí", flat[i])
        else:
            spoken[i] = _same_case("yì", flat[i])
    result, start = [], 0
    for _, readings in words:
        result.append(spoken[start : start + len(readings)])
        start += len(readings)
    return result


def _same_case(syllable: str, like: str) -> str:
    return syllable[:1].upper() + syllable[1:] if like[:1].isupper() else syllable


def _word_of(words: Sequence[tuple[str, Sequence[str]]], i: int) -> str:
    position = 0
    for text, _ in words:
        if position <= i < position + len(text):
            return text
        position += len(text)
    return ""


def _counts(chars: Sequence[str], i: int, word_end: set[int], words) -> bool:
    """Whether this 一 is a number or an ordinal, which keeps yī."""
    before = chars[i - 1] if i else ""
    after = chars[i + 1] if i + 1 < len(chars) else ""
    if before == "第" or before in _NUMERALS or after in _DIGITS or after in _DATE_WORDS:
        return True
    return i in word_end and len(_word_of(words, i)) > 1
