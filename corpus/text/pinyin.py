"""Pinyin in context: one reading per character, tone marks, NFC.

Two readers, each where it is strong (figures on the CPP polyphone set):

* pypinyin reads the whole passage with its phrase dictionary. Characters it
  reads inside a multi-character phrase are about 97.5% right.
* Characters it reads alone are only about 79% right when polyphonic. Those go to
  g2pM's BiLSTM (``polyphones.py``), which reads the whole sentence; a whole
  article's sentences go through it in one batch. A character pypinyin knows only
  one reading for is never sent.

Phrase readings are never overridden, even when g2pM is "certain": trained on
encyclopedia sentences, it reads everyday words wrong with probability above
0.9999 (了解 as le jiě, 头发 as tóu fā, 为什么 as wéi shénme). Letting it override
phrases above such a threshold gains half a point on CPP and would teach learners
wrong readings of some of the commonest words.

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


def readings_many(simplified_texts: Sequence[str]) -> list[list[str]]:
    """``readings`` of many passages, with one g2pM run for all of them.

    The network runs step by step over batches of sentences of similar length, so a
    whole article's sentences together cost little more than one passage's.
    """
    results: list[list[str]] = []
    pending: list[tuple[int, int, str, list[int]]] = []  # (text, offset, sentence, positions)
    for number, text in enumerate(simplified_texts):
        result, alone = _pypinyin_pass(text)
        results.append(result)
        t = 0
        for offset, sentence in split_sentences(text) if alone else ():
            mine = []
            while t < len(alone) and alone[t] < offset + len(sentence):
                mine.append(alone[t] - offset)
                t += 1
            if mine:
                pending.append((number, offset, sentence, mine))
    if pending:
        predictions = default_model().predict([p[2] for p in pending], [p[3] for p in pending])
        for (number, offset, _, positions), found in zip(pending, predictions, strict=True):
            for position, (reading, _probability) in zip(positions, found, strict=True):
                results[number][offset + position] = _marked(reading)
    return results


def _pypinyin_pass(text: str) -> tuple[list[str], list[int]]:
    """pypinyin's readings, and the polyphones it read alone (not inside a phrase).

    Segment by segment exactly as pypinyin.pinyin() does, noting the path each
    character took.
    """
    result: list[str] = []
    alone: list[int] = []
    targets = _targets()
    for word in seg(text) if text else ():
        rows = _converter.convert(word, Style.TONE, False, _no_reading, strict=True)
        phrase = len(word) > 1 and word in PHRASES_DICT
        for char, row in zip(word, rows, strict=True):
            if char in targets and not phrase:
                alone.append(len(result))
            result.append(_nfc(row[0]))
    if len(result) != len(text):  # never expected; keep the contract anyway
        raise AssertionError(f"pypinyin returned {len(result)} readings for {len(text)} characters")
    return result, alone


@cache
def _targets() -> frozenset[str]:
    """Characters both g2pM and pypinyin consider polyphonic."""
    return frozenset(
        char for char in default_model().polyphones if "," in PINYIN_DICT.get(ord(char), "")
    )


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
