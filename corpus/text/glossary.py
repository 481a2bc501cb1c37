"""The lexicon the glossary hands to the engine, and term matching.

The glossary app builds a ``Lexicon`` from its database rows; the engine only sees
this plain, hashable value. Terms are matched on token boundaries, so a match
never cuts a word in two (the segmenter is also told to keep every term form
whole, so in practice the term is already one token).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LexiconTerm:
    slug: str
    forms: tuple[str, ...]  # simplified, traditional and variant spellings
    pinyin: tuple[str, ...] = ()  # curated reading, one syllable per character
    english: str = ""  # the accepted English rendering, shown first in the popup


@dataclass(frozen=True)
class Lexicon:
    """Everything the glossary tells the engine. Segmentation works on the
    simplified form of a text, so ``words`` and ``splits`` are simplified."""

    version: str = "0"
    terms: tuple[LexiconTerm, ...] = ()
    words: tuple[str, ...] = ()  # plain "keep together" words
    # A token jieba glues together -> the words it should be; applied wherever
    # jieba produces exactly that token.
    splits: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Global reading rules (a word -> its reading, one syllable per character),
    # promoted from teachers' corrections; the word is also kept whole.
    readings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    _forms: dict[str, LexiconTerm] = field(init=False, repr=False, compare=False, hash=False)
    _readings: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        forms = {form: term for term in self.terms for form in term.forms if form}
        object.__setattr__(self, "_forms", forms)
        readings = {word: pinyin for word, pinyin in self.readings if len(word) == len(pinyin)}
        object.__setattr__(self, "_readings", readings)

    @property
    def segmenter_words(self) -> frozenset[str]:
        return frozenset(self._forms) | frozenset(self.words) | frozenset(self._readings)

    def reading_for(self, simplified: str) -> tuple[str, ...] | None:
        return self._readings.get(simplified)

    def term_for(self, text: str) -> LexiconTerm | None:
        return self._forms.get(text)

    @property
    def longest_form(self) -> int:
        return max((len(form) for form in self._forms), default=0)


EMPTY_LEXICON = Lexicon()


def apply_splits(tokens: Iterable[str], splits: dict[str, tuple[str, ...]]) -> list[str]:
    """Replace every token that a split rule names by the rule's parts.

    >>> apply_splits(["他们", "的确", "来", "了"], {"的确": ("的", "确")})
    ['他们', '的', '确', '来', '了']
    """
    result: list[str] = []
    for token in tokens:
        parts = splits.get(token)
        if parts:
            result.extend(parts)
        else:
            result.append(token)
    return result


def merge_terms(tokens: Sequence[str], lexicon: Lexicon) -> list[str]:
    """Join runs of whole tokens that spell a glossary term, longest match first.

    >>> lexicon = Lexicon(terms=(LexiconTerm("liang-ge-que-li", ("两个确立",)),))
    >>> merge_terms(["坚持", "两个", "确立", "。"], lexicon)
    ['坚持', '两个确立', '。']
    """
    longest = lexicon.longest_form
    if not longest:
        return list(tokens)
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        end = _longest_term_end(tokens, i, lexicon, longest)
        merged.append("".join(tokens[i:end]))
        i = end
    return merged


def _longest_term_end(tokens: Sequence[str], start: int, lexicon: Lexicon, longest: int) -> int:
    best = start + 1
    text = ""
    for end in range(start, len(tokens)):
        text += tokens[end]
        if len(text) > longest:
            break
        if end > start and lexicon.term_for(text):
            best = end + 1
    return best
