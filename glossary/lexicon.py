"""Builds the engine's Lexicon from the glossary tables."""

from corpus.text.glossary import Lexicon, LexiconTerm
from glossary.models import Term
from glossary.services import lexicon_version_current


def lexicon_current() -> Lexicon:
    """The current glossary as the engine's plain, hashable Lexicon."""
    version = lexicon_version_current()
    terms = tuple(
        LexiconTerm(
            slug=term.slug,
            forms=tuple(dict.fromkeys(form for form in (term.simplified, term.traditional) if form)),
            pinyin=tuple(term.pinyin.split()),
            english=term.english,
        )
        for term in Term.objects.order_by("pk")
    )
    return Lexicon(version=version, terms=terms)
