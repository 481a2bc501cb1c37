"""The one write path for the glossary.

Every change records a ``LexiconChange`` (a new lexicon version and the forms it
touches) in the same transaction as the change itself, then, once committed,
announces it with ``lexicon_changed`` so stored annotation can follow.
"""

import unicodedata
import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from corpus.text.convert import TO_TRADITIONAL, convert, to_simplified
from glossary.models import LexiconChange, ReadingRule, SegmentationRule, Term
from glossary.pinyin import check_syllables, plain_pinyin
from glossary.signals import lexicon_changed


def lexicon_version_current() -> str:
    return LexiconChange.objects.values_list("version", flat=True).first() or "0"


def lexicon_record_change(*, forms: Iterable[str]) -> str:
    """Record a change touching ``forms`` and return the new version (inside the caller's transaction)."""
    # Passages are stored in their original script and segmented in simplified,
    # so record every script's spelling of each form.
    spellings = {
        spelling for form in forms if form for spelling in (form, to_simplified(form), convert(form, TO_TRADITIONAL))
    }
    change = LexiconChange.objects.create(version=uuid.uuid4().hex, forms=sorted(spellings))
    transaction.on_commit(
        lambda: lexicon_changed.send(sender=LexiconChange, version=change.version, forms=change.forms)
    )
    return change.version


def term_validate(term: Term) -> None:
    """Fill derived fields and check what full_clean cannot."""
    term.simplified = unicodedata.normalize("NFC", term.simplified.strip())
    term.traditional = unicodedata.normalize("NFC", term.traditional.strip()) or convert(
        term.simplified, TO_TRADITIONAL
    )
    term.pinyin = " ".join(unicodedata.normalize("NFC", term.pinyin).split())
    term.pinyin_plain = plain_pinyin(term.pinyin)
    if not term.slug:
        term.slug = _unique_slug(term)
    errors: dict[str, str] = {}
    if len(term.traditional) != len(term.simplified):
        errors["traditional"] = (
            f"The traditional form has {len(term.traditional)} characters but the simplified form has "
            f"{len(term.simplified)}; they must correspond character by character."
        )
    syllables = term.pinyin.split()
    if syllables and len(syllables) != len(term.simplified):
        errors["pinyin"] = (
            f"Give one syllable per character: {term.simplified} has {len(term.simplified)} characters "
            f"but the pinyin has {len(syllables)} syllables."
        )
    if errors:
        raise ValidationError(errors)


def _unique_slug(term: Term) -> str:
    """liǎng gè què lì -> liang-ge-que-li (the English rendering when there is no pinyin)."""
    base = "-".join(filter(None, map(plain_pinyin, term.pinyin.split()))) or slugify(term.english) or "term"
    slug, n = base, 2
    while Term.objects.filter(slug=slug).exclude(pk=term.pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _save_and_record(obj, *, user: AbstractBaseUser | None, forms: Iterable[str]):
    """Stamp who changed it, save, and record the lexicon change (the caller validated and holds the transaction)."""
    if user is not None and user.is_authenticated:
        obj.updated_by = user
    obj.save()
    lexicon_record_change(forms=forms)
    return obj


@transaction.atomic
def _delete_word_rule(rule: SegmentationRule | ReadingRule) -> None:
    word = rule.word
    rule.delete()
    lexicon_record_change(forms=[word])


@transaction.atomic
def term_save(*, term: Term, user: AbstractBaseUser | None = None) -> Term:
    """Create or update a term; the lexicon version changes with it."""
    old_forms = Term.objects.get(pk=term.pk).forms if term.pk else []
    term_validate(term)
    term.full_clean(exclude=["related"])
    return _save_and_record(term, user=user, forms=[*old_forms, *term.forms])


@transaction.atomic
def term_delete(*, term: Term) -> None:
    forms = term.forms
    term.delete()
    lexicon_record_change(forms=forms)


@transaction.atomic
def rule_save(*, rule: SegmentationRule, user: AbstractBaseUser | None = None) -> SegmentationRule:
    old_word = SegmentationRule.objects.get(pk=rule.pk).word if rule.pk else ""
    rule.word = to_simplified(unicodedata.normalize("NFC", rule.word.strip()))
    rule.parts = " ".join(to_simplified(unicodedata.normalize("NFC", rule.parts)).split())
    if rule.kind == SegmentationRule.Kind.SPLIT:
        if len(rule.part_list) < 2 or "".join(rule.part_list) != rule.word:
            raise ValidationError(
                {"parts": f"Write {rule.word} as two or more words separated by spaces, e.g. {' '.join(rule.word)}."}
            )
    else:
        rule.parts = ""
    rule.full_clean()
    return _save_and_record(rule, user=user, forms=[old_word, rule.word])


def rule_delete(*, rule: SegmentationRule) -> None:
    _delete_word_rule(rule)


@transaction.atomic
def reading_rule_save(*, rule: ReadingRule, user: AbstractBaseUser | None = None) -> ReadingRule:
    """Create or update a global reading; every passage containing the word follows it."""
    old_word = ReadingRule.objects.get(pk=rule.pk).word if rule.pk else ""
    rule.word = to_simplified(unicodedata.normalize("NFC", rule.word.strip()))
    rule.pinyin = " ".join(unicodedata.normalize("NFC", rule.pinyin).split())
    problem = check_syllables(rule.word, rule.pinyin.split())
    if problem:
        raise ValidationError({"pinyin": problem})
    rule.full_clean()
    return _save_and_record(rule, user=user, forms=[old_word, rule.word])


def reading_rule_delete(*, rule: ReadingRule) -> None:
    _delete_word_rule(rule)
