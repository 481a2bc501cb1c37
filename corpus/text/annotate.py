"""``annotate()``: text in, tokens with readings, both scripts and definitions out.

The result is frozen dataclasses whose ``to_dict()`` is the JSON contract of
DESIGN.md. Invariants, for every input: a passage's tokens joined give its text;
each token's ``simplified`` and ``traditional`` have as many characters as its
``text``; ``pinyin`` has one entry per character.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from corpus.text.convert import (
    TO_TRADITIONAL,
    Script,
    clear_conversion_cache,
    convert,
    convert_tokens,
    to_simplified,
)
from corpus.text.dictionary import Dictionary, default_dictionary
from corpus.text.document import Document, Kind, parse_document
from corpus.text.glossary import EMPTY_LEXICON, Lexicon, LexiconTerm, apply_splits, merge_terms
from corpus.text.pinyin import capitalise, readings_many
from corpus.text.segment import segmenter_for

OutputScript = Literal["original", "simplified", "traditional"]


@dataclass(frozen=True)
class Token:
    text: str
    simplified: str
    traditional: str
    pinyin: tuple[str, ...]
    definitions: tuple[str, ...] = ()
    hsk: int | None = None
    term: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": list(self.pinyin),
            "definitions": list(self.definitions),
            "hsk": self.hsk,
            "term": self.term,
        }

    def in_script(self, script: OutputScript) -> "Token":
        if script == "original":
            return self
        text = self.simplified if script == "simplified" else self.traditional
        return Token(text, self.simplified, self.traditional, self.pinyin, self.definitions, self.hsk, self.term)


@dataclass(frozen=True)
class Passage:
    index: int
    kind: Kind
    text: str
    tokens: tuple[Token, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "text": self.text,
            "tokens": [token.to_dict() for token in self.tokens],
        }


@dataclass(frozen=True)
class Annotation:
    title: str
    script: Script
    passages: tuple[Passage, ...]
    meta: dict[str, str] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "script": self.script,
            "meta": dict(self.meta),
            "dropped": list(self.dropped),
            "passages": [passage.to_dict() for passage in self.passages],
        }


def annotate(text: str, lexicon: Lexicon = EMPTY_LEXICON, *, script: OutputScript = "original") -> Annotation:
    """Annotate a whole text: title, metadata, and every passage's tokens.

    >>> result = annotate("县里部署工作\\n\\n要协调发展。")
    >>> result.title, result.passages[0].tokens[1].pinyin
    ('县里部署工作', ('xié', 'tiáo'))
    """
    return annotate_document(parse_document(text), lexicon, script=script)


def annotate_document(
    document: Document, lexicon: Lexicon = EMPTY_LEXICON, *, script: OutputScript = "original"
) -> Annotation:
    passages = []
    annotated = annotate_passages([block.text for block in document.blocks], lexicon)
    for index, (block, block_tokens) in enumerate(zip(document.blocks, annotated, strict=True)):
        tokens = [token.in_script(script) for token in block_tokens]
        passages.append(Passage(index, block.kind, "".join(t.text for t in tokens), tuple(tokens)))
    title = document.title
    if script != "original":
        title = to_simplified(title) if script == "simplified" else convert(title, TO_TRADITIONAL)
    return Annotation(
        title=title, script=document.script, passages=tuple(passages), meta=document.meta, dropped=document.dropped
    )


def annotate_passage(text: str, lexicon: Lexicon = EMPTY_LEXICON) -> tuple[Token, ...]:
    """The tokens of one passage, in its original script.

    >>> [t.text for t in annotate_passage("他在银行工作")]
    ['他', '在', '银行', '工作']
    """
    return annotate_passages([text], lexicon)[0]


def annotate_passages(texts: Sequence[str], lexicon: Lexicon = EMPTY_LEXICON) -> list[tuple[Token, ...]]:
    """The tokens of many passages; their polyphones are read in one batch (much faster)."""
    # Segment and read the simplified form: jieba's and pypinyin's dictionaries are
    # simplified, so 長城 is cut and read exactly like 长城. The conversion keeps
    # the length, so the word boundaries map straight back onto the original.
    simplified_texts = [to_simplified(text) for text in texts]
    segmenter = segmenter_for(lexicon.segmenter_words)
    has_word = default_dictionary().has_word
    cuts = [segmenter.cut(text, known=has_word) if text else [] for text in simplified_texts]
    all_pinyin = readings_many(simplified_texts, cuts)
    return [
        _tokens(text, tuple(passage_pinyin), cut, lexicon)
        for text, cut, passage_pinyin in zip(texts, cuts, all_pinyin, strict=True)
    ]


def _tokens(text: str, passage_pinyin: tuple[str, ...], cut: Sequence[str], lexicon: Lexicon) -> tuple[Token, ...]:
    if not text:
        return ()
    dictionary = default_dictionary()
    if lexicon.splits:
        cut = apply_splits(cut, dict(lexicon.splits))
    simplified = merge_terms(cut, lexicon)
    words = _slices_like(text, simplified)
    traditional = convert_tokens(words, TO_TRADITIONAL)
    has_terms = bool(lexicon.terms)
    has_readings = bool(lexicon.readings)
    tokens = []
    start = 0
    for word, word_s, word_t in zip(words, simplified, traditional, strict=True):
        end = start + len(word)
        word_pinyin = passage_pinyin[start:end]
        start = end
        if has_readings:
            word_pinyin = lexicon.reading_for(word_s) or word_pinyin
        term = has_terms and (lexicon.term_for(word_s) or lexicon.term_for(word))
        if term:
            tokens.append(_term_token(word, word_s, word_t, word_pinyin, term, dictionary))
        else:
            tokens.append(_word_token(word, word_s, word_t, word_pinyin, dictionary))
    return tuple(tokens)


def _slices_like(text: str, pieces: Sequence[str]) -> list[str]:
    """Cut text at the same offsets as pieces (which have the same total length)."""
    result = []
    start = 0
    for piece in pieces:
        result.append(text[start : start + len(piece)])
        start += len(piece)
    return result


def _term_token(
    word: str, simplified: str, traditional: str, pinyin: tuple[str, ...], term: LexiconTerm, dictionary: Dictionary
) -> Token:
    if len(term.pinyin) == len(word):
        pinyin = term.pinyin
    # The term's own rendering, then CC-CEDICT's senses of the whole word if it has
    # any; character-by-character glosses would only distract from the explanation.
    definitions = dictionary.definitions(word, simplified, pinyin, per_character=False)
    if term.english:
        definitions = (term.english, *(d for d in definitions if d != term.english))
    return Token(
        text=word,
        simplified=simplified,
        traditional=traditional,
        pinyin=pinyin,
        definitions=definitions,
        hsk=dictionary.hsk_level(simplified),
        term=term.slug,
    )


# Words repeat heavily in any real text (a few hundred cover half of it), and a
# token depends only on these arguments and immutable dictionary data, so the
# finished token is shared. Bounded, so memory stays flat on huge imports.
@lru_cache(maxsize=50_000)
def _word_token(word: str, simplified: str, traditional: str, pinyin: tuple[str, ...], dictionary: Dictionary) -> Token:
    if not any(pinyin):  # punctuation, digits, Latin: nothing to look up
        return Token(word, simplified, traditional, pinyin)
    if dictionary.is_proper_noun(simplified):
        pinyin = tuple(capitalise(pinyin))
    return Token(
        text=word,
        simplified=simplified,
        traditional=traditional,
        pinyin=pinyin,
        definitions=dictionary.definitions(word, simplified, pinyin),
        hsk=dictionary.hsk_level(simplified),
    )


def clear_token_cache() -> None:
    """Forget shared tokens and word conversions (for benchmarks that must start cold)."""
    _word_token.cache_clear()
    clear_conversion_cache()
