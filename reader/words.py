"""The one write path for saved words, and their export for Anki.

The browser sends only where the word is (passage and character offset); the
word, its reading and definitions come from the stored annotation, so a saved
word is always what the page showed and nothing a client makes up.
"""

import csv
import io
import re
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from corpus.models import Passage
from reader.models import SavedWord

# A sentence ends after these; the ending and any closing quotes stay with it.
_SENTENCE = re.compile(r"[^。！？!?；;…\n]*(?:[。！？!?；;…]+[”」』’\"）)]*|$)")


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds the character at ``offset``.

    >>> sentence_at("今天下雨。我们在家看书！", 7)
    '我们在家看书！'
    """
    for match in _SENTENCE.finditer(text):
        if match.start() <= offset < match.end():
            return match.group().strip()
    return text.strip()


def _token_at(passage: Passage, offset: int) -> dict | None:
    position = 0
    for token in passage.tokens:
        if position == offset:
            return token
        position += len(token["text"])
    return None


@transaction.atomic
def saved_word_add(*, learner: AbstractBaseUser, passage: Passage, offset: int) -> tuple[SavedWord, bool]:
    """Save the word at ``offset`` of the passage with its sentence; returns (word, newly saved)."""
    token = _token_at(passage, offset)
    if token is None or not any(token["pinyin"]):
        raise ValidationError(_("There is no word at this position any more; reload the page."))
    simplified = token.get("simplified", token["text"])
    pinyin = " ".join(p for p in token["pinyin"] if p)
    return SavedWord.objects.get_or_create(
        learner=learner,
        simplified=simplified,
        pinyin=pinyin,
        defaults={
            "traditional": token.get("traditional", token["text"]),
            "definitions": list(token.get("definitions", ()))[:8],
            "sentence": sentence_at(passage.text, offset),
            "passage": passage,
        },
    )


@transaction.atomic
def saved_word_remove(*, word: SavedWord) -> None:
    word.delete()


ANKI_COLUMNS = ["Hanzi", "Pinyin", "Meaning", "Sentence", "Traditional"]


def words_anki_csv(words: Iterable[SavedWord]) -> str:
    """A CSV file Anki imports as it is: its header lines name the separator and columns.

    Anki (2.1.55+) reads ``#key:value`` lines at the top of an import file; with
    ``html:false`` it shows the fields as plain text, so nothing in them is markup.
    """
    out = io.StringIO()
    out.write("#separator:Comma\n#html:false\n#columns:" + ",".join(ANKI_COLUMNS) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    for word in words:
        writer.writerow([word.simplified, word.pinyin, "; ".join(word.definitions), word.sentence, word.traditional])
    return out.getvalue()
