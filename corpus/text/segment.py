"""Word segmentation with jieba, one Tokenizer per word list (no global state)."""

import logging
from collections.abc import Callable, Iterable
from functools import lru_cache

import jieba

# jieba logs its dictionary loading at DEBUG on its own handler; keep stderr
# for messages a person needs to read.
logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.default_logger.setLevel(logging.WARNING)

# Frequency given to caller-supplied words: high enough that jieba's DAG keeps
# them whole against any split into ordinary dictionary words.
EXTRA_WORD_FREQ = 100_000


class Segmenter:
    """A jieba tokenizer with extra words that it keeps whole.

    jieba's total frequency is held at its dictionary's value while words are
    added, so every route score that does not use an added word stays
    exactly the same: a glossary change can only alter the segmentation of text
    that contains one of the changed words. The glossary relies on this to
    re-annotate only the passages that contain them.

    >>> Segmenter(["综治中心"]).cut("县综治中心成立")
    ['县', '综治中心', '成立']
    """

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        total = self._tokenizer.total
        for word in extra_words:
            self._tokenizer.add_word(word, freq=EXTRA_WORD_FREQ)
        self._tokenizer.total = total

    def cut(self, text: str, known: Callable[[str], bool] | None = None) -> list[str]:
        """Words of the text; with ``known``, only words someone has heard of.

        jieba's HMM joins characters its dictionary cannot place into "new words".
        It finds some names that way, but mostly glues a function word to its
        neighbour (这是, 最有, 他长 in 他长得很高), which a learner would look up
        as a word that does not exist. A new word is kept only when ``known``
        says a dictionary has it; otherwise it is cut again without the HMM.
        """
        tokens = [token for token in self._tokenizer.cut(text, HMM=True) if token]
        if known is not None:
            words = self._tokenizer.FREQ
            checked: list[str] = []
            for token in tokens:
                if len(token) > 1 and not words.get(token) and not known(token):
                    checked.extend(self._tokenizer.cut(token, HMM=False))
                else:
                    checked.append(token)
            tokens = checked
        # jieba returns every character it is given; if a future version did not,
        # one token per character still keeps the contract.
        if "".join(tokens) != text:
            return list(text)
        return tokens


@lru_cache(maxsize=4)
def segmenter_for(extra_words: frozenset[str]) -> Segmenter:
    """A shared segmenter per word list; building one loads jieba's dictionary."""
    return Segmenter(sorted(extra_words))
