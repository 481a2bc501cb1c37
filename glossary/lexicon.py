"""Builds the engine's Lexicon from the glossary tables."""

from corpus.text.convert import to_simplified
from corpus.text.glossary import Lexicon, LexiconTerm
from glossary.models import ReadingRule, SegmentationRule, Term
from glossary.services import lexicon_version_current


def lexicon_current() -> Lexicon:
    """The current glossary as the engine's plain, hashable Lexicon."""
    version = lexicon_version_current()
    terms = tuple(
        LexiconTerm(
            slug=term.slug,
            # Text is segmented in its simplified form: add that of every spelling.
            forms=tuple(dict.fromkeys([*term.forms, *(to_simplified(form) for form in term.forms)])),
            pinyin=tuple(term.pinyin.split()),
            english=term.english,
        )
        for term in Term.objects.order_by("pk")
    )
    rules = list(SegmentationRule.objects.order_by("pk"))
    return Lexicon(
        version=version,
        terms=terms,
        words=tuple(rule.word for rule in rules if rule.kind == SegmentationRule.Kind.KEEP),
        splits=tuple((rule.word, tuple(rule.part_list)) for rule in rules if rule.kind == SegmentationRule.Kind.SPLIT),
        readings=tuple((rule.word, tuple(rule.pinyin.split())) for rule in ReadingRule.objects.order_by("pk")),
    )
