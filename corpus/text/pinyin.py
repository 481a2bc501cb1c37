"""Pinyin in context: one reading per character, tone marks, NFC.

Two readers, each where it is strong (figures on the CPP polyphone set):

* pypinyin reads the whole passage with its phrase dictionary. Characters it
  reads inside a multi-character phrase are about 97.5% right.
* Characters it reads alone are only about 79% right when polyphonic. Those go to
  g2pM's BiLSTM (``polyphones.py``), which reads the whole sentence; a whole
  article's sentences go through it in one batch. A character pypinyin knows only
  one reading for is never sent.

Phrase readings are not overridden on g2pM's word alone, even when it is
"certain": trained on encyclopedia sentences, it reads everyday words wrong with
probability above 0.9999 (了解 as le jiě, 头发 as tóu fā, 为什么 as wéi shénme).
A phrase reading changes only when two sources outvote pypinyin's phrase table:
CC-CEDICT reads the same word differently at that character, and g2pM reads the
sentence the way CC-CEDICT does (落差 luòchā, 薄膜 bómó, 简朴 jiǎnpǔ; pypinyin's
table has chà, báo, piáo). On CPP dev that fixes 29 phrase readings and breaks 2.

Traditional text is read through its simplified form (aligned character by
character), because both readers' data are simplified: 長城 reads like 长城.
"""

import unicodedata
from collections.abc import Sequence
from functools import cache

from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.contrib.tone_convert import to_tone, to_tone3
from pypinyin.converter import UltimateConverter
from pypinyin.seg.simpleseg import seg

from corpus.text.grammar import grammar_readings
from corpus.text.polyphones import default_model, split_sentences

_converter = UltimateConverter()


def _no_reading(chunk: str) -> list[list[str]]:
    # pypinyin hands over each run without a reading (punctuation, digits, Latin,
    # emoji) as one chunk; give every character of it an empty reading.
    return [[""] for _ in chunk]


def readings(simplified_text: str) -> list[str]:
    """One reading per character of the text, "" where there is none.

    >>> readings("他在银行工作，2024年")
    ['tā', 'zài', 'yín', 'háng', 'gōng', 'zuò', '', '', '', '', '', 'nián']
    >>> readings("这条路很长")[-1], readings("他长得很高")[1]
    ('cháng', 'zhǎng')
    """
    return readings_many([simplified_text])[0]


def readings_many(simplified_texts: Sequence[str], words: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """``readings`` of many passages, with one g2pM run for all of them.

    The network runs step by step over batches of sentences of similar length, so a
    whole article's sentences together cost little more than one passage's.
    ``words`` are the texts cut into words (the engine's segmentation); without
    them each text is cut with jieba's own dictionary. The grammar rules
    (``grammar.py``) and erhua work on those words and have the last word.
    """
    results: list[list[str]] = []
    # Characters the model reads: position -> the readings it may give there
    # (None: any of the character's readings; a set: only CC-CEDICT's, see above).
    asked: list[dict[int, frozenset[str] | None]] = []
    pending: list[tuple[int, int, str, list[int]]] = []  # (text, offset, sentence, positions)
    for number, text in enumerate(simplified_texts):
        result, wanted = _pypinyin_pass(text)
        results.append(result)
        asked.append(wanted)
        positions = sorted(wanted)
        t = 0
        for offset, sentence in split_sentences(text) if positions else ():
            mine = []
            while t < len(positions) and positions[t] < offset + len(sentence):
                mine.append(positions[t] - offset)
                t += 1
            if mine:
                pending.append((number, offset, sentence, mine))
    if pending:
        predictions = default_model().predict([p[2] for p in pending], [p[3] for p in pending])
        for (number, offset, _, positions), found in zip(pending, predictions, strict=True):
            for position, (reading, _probability) in zip(positions, found, strict=True):
                allowed = asked[number][offset + position]
                numbered_reading = reading.replace("u:", "v")
                if allowed is None or numbered_reading in allowed:
                    results[number][offset + position] = _marked(reading)
    for number, text in enumerate(simplified_texts):
        cut = words[number] if words is not None else _default_cut(text)
        _by_words(cut, results[number])
    return results


def _default_cut(text: str) -> list[str]:
    from corpus.text.dictionary import default_dictionary
    from corpus.text.segment import segmenter_for

    return segmenter_for(frozenset()).cut(text, known=default_dictionary().has_word)


def _by_words(words: Sequence[str], result: list[str]) -> None:
    """Readings decided by whole words: grammar rules, citation 一/不, erhua 儿."""
    for offset, reading in grammar_readings(words, _phrase_pieces).items():
        result[offset] = reading
    text = "".join(words)
    for char, reading in CITATION.items():
        # Stored readings keep the citation tone; the reader applies tone sandhi
        # for display (sandhi.py). pypinyin's phrases mix both (一个 yí, 一样 yī).
        at = text.find(char)
        while at != -1:
            result[at] = reading
            at = text.find(char, at + 1)
    if "儿" in text:
        offset = 0
        for word in words:
            k = word.find("儿", 1)
            while k != -1:
                if _is_erhua(word, k):
                    result[offset + k] = "r"
                k = word.find("儿", k + 1)
            offset += len(word)


@cache
def _phrase_pieces(word: str) -> tuple[str, ...]:
    """The pieces pypinyin reads the word in: its phrases and lone characters."""
    return tuple(seg(word))


# 一 and 不 in their citation tone; every other reading pypinyin gives them is sandhi.
CITATION = {"一": "yī", "不": "bù"}


@cache
def _is_erhua(word: str, k: int) -> bool:
    """Whether CC-CEDICT reads the word's k-th character (儿) as the erhua suffix r.

    >>> _is_erhua("一点儿", 2), _is_erhua("女儿", 1)
    (True, False)
    """
    from corpus.text.dictionary import default_dictionary  # it imports ``numbered`` from here

    for entry in default_dictionary().entries(word):
        syllables = entry.reading.split()
        if len(syllables) == len(word) and syllables[k] == "r5":
            return True
    return False


def _pypinyin_pass(text: str) -> tuple[list[str], dict[int, frozenset[str] | None]]:
    """pypinyin's readings, and the polyphones to ask the model about.

    Segment by segment exactly as pypinyin.pinyin() does, noting the path each
    character took: a polyphone read alone may take any reading the model gives;
    one read inside a phrase only a CC-CEDICT reading of that phrase that
    contradicts pypinyin's.
    """
    result: list[str] = []
    wanted: dict[int, frozenset[str] | None] = {}
    targets = _targets()
    for word in seg(text) if text else ():
        rows = _converter.convert(word, Style.TONE, False, _no_reading, strict=True)
        phrase = len(word) > 1 and word in PHRASES_DICT
        for k, (char, row) in enumerate(zip(word, rows, strict=True)):
            reading = _nfc(row[0])
            if char in targets:
                if not phrase:
                    wanted[len(result)] = None
                elif dissent := _dictionary_dissent(word, k, reading):
                    wanted[len(result)] = dissent
            result.append(reading)
    if len(result) != len(text):  # never expected; keep the contract anyway
        raise AssertionError(f"pypinyin returned {len(result)} readings for {len(text)} characters")
    return result, wanted


@cache
def _dictionary_dissent(word: str, k: int, reading: str) -> frozenset[str]:
    """CC-CEDICT's readings of ``word``'s k-th character when none is pypinyin's.

    >>> sorted(_dictionary_dissent("落差", 1, "chà"))
    ['cha1']
    >>> _dictionary_dissent("了解", 0, "liǎo")
    frozenset()
    """
    from corpus.text.dictionary import default_dictionary  # it imports ``numbered`` from here

    found = set()
    for entry in default_dictionary().entries(word):
        syllables = entry.reading.split()
        if len(syllables) == len(word):
            found.add(syllables[k])
    return frozenset() if numbered(reading) in found else frozenset(found)


@cache
def _targets() -> frozenset[str]:
    """Characters both g2pM and pypinyin consider polyphonic."""
    return frozenset(char for char in default_model().polyphones if "," in PINYIN_DICT.get(ord(char), ""))


@cache
def _marked(numbered_reading: str) -> str:
    """g2pM's numbered class to tone marks: "lu:4" -> "lǜ", "de5" -> "de"."""
    return _nfc(to_tone(numbered_reading.replace("u:", "v")))


@cache
def _nfc(syllable: str) -> str:
    # A few hundred distinct syllables: normalise each once.
    return unicodedata.normalize("NFC", syllable)


def capitalise(syllables: Sequence[str]) -> list[str]:
    """Capitalise a proper name's first syllable, as Hanyu Pinyin spelling rules do.

    >>> capitalise(["běi", "jīng"])
    ['Běi', 'jīng']
    """
    result = list(syllables)
    for i, syllable in enumerate(result):
        if syllable:
            result[i] = syllable[:1].upper() + syllable[1:]
            break
    return result


@cache
def numbered(syllable: str) -> str:
    """Tone-mark pinyin to CC-CEDICT's numbered form, neutral tone as 5.

    >>> numbered("lǜ"), numbered("de")
    ('lv4', 'de5')
    """
    if not syllable:
        return ""
    return to_tone3(syllable.lower(), v_to_u=False, neutral_tone_with_five=True)
