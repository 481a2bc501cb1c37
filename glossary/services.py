"""The one write path for the glossary: every change replaces the lexicon version."""

import uuid

from django.db import transaction

from corpus.text.convert import TO_TRADITIONAL, convert
from glossary.models import LexiconVersion, Term

_VERSION_ROW = 1


def lexicon_version_bump() -> str:
    value = uuid.uuid4().hex
    LexiconVersion.objects.update_or_create(pk=_VERSION_ROW, defaults={"value": value})
    return value


def lexicon_version_current() -> str:
    row = LexiconVersion.objects.filter(pk=_VERSION_ROW).values_list("value", flat=True).first()
    return row or "0"


@transaction.atomic
def term_save(*, term: Term) -> Term:
    """Create or update a term; fills the traditional form from OpenCC when empty."""
    if not term.traditional:
        term.traditional = convert(term.simplified, TO_TRADITIONAL)
    term.full_clean()
    term.save()
    lexicon_version_bump()
    return term


@transaction.atomic
def term_delete(*, term: Term) -> None:
    term.delete()
    lexicon_version_bump()
