"""Reading options: defaults, a signed-in reader's saved preferences, and the page's query string.

The query string wins (``?pinyin=ruby&script=tw`` is a stable, shareable URL),
then the saved preference, then the defaults. A value we do not know is ignored
rather than refused: a reading page never fails over a display option.
"""

from dataclasses import dataclass, replace

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from reader.models import ReadingPreference

# query parameter -> model field, for the options that have one
FIELDS = {
    "pinyin": "pinyin",
    "script": "script",
    "tones": "tones",
    "sandhi": "sandhi",
    "size": "font_size",
    "spacing": "spacing",
}
_FLAGS = ("tones", "sandhi")
_CHOICES = {
    "pinyin": ReadingPreference.Pinyin.values,
    "script": ReadingPreference.Script.values,
    "size": ReadingPreference.FontSize.values,
    "spacing": ReadingPreference.Spacing.values,
    "tones": ["0", "1"],
    "sandhi": ["0", "1"],
}


@dataclass(frozen=True)
class ReadingOptions:
    pinyin: str = ReadingPreference.Pinyin.HOVER
    script: str = ReadingPreference.Script.ORIGINAL
    tones: bool = False
    sandhi: bool = False
    size: str = ReadingPreference.FontSize.MEDIUM
    spacing: str = ReadingPreference.Spacing.NORMAL


def options_for(user: AbstractBaseUser, query: QueryDict) -> ReadingOptions:
    options = ReadingOptions()
    if user.is_authenticated:
        saved = ReadingPreference.objects.filter(user=user).first()
        if saved:
            options = ReadingOptions(**{key: getattr(saved, field) for key, field in FIELDS.items()})
    given = {key: query[key] for key in FIELDS if query.get(key) in _CHOICES[key]}
    for flag in _FLAGS:
        if flag in given:
            given[flag] = given[flag] == "1"
    return replace(options, **given)


@transaction.atomic
def preference_save(*, user: AbstractBaseUser, values: QueryDict) -> ReadingPreference:
    """Store the options given in ``values`` (any subset of FIELDS' keys) for a signed-in reader."""
    assert user.is_authenticated, "only signed-in readers have stored preferences"
    bad = [key for key in FIELDS if key in values and values[key] not in _CHOICES[key]]
    if bad:
        allowed = "; ".join(f"{key}: {', '.join(_CHOICES[key])}" for key in bad)
        raise ValidationError(
            _("Unknown value for %(keys)s. Allowed: %(allowed)s.") % {"keys": ", ".join(bad), "allowed": allowed}
        )
    preference, _created = ReadingPreference.objects.select_for_update().get_or_create(user=user)
    for key, field in FIELDS.items():
        if key in values:
            setattr(preference, field, values[key] == "1" if key in _FLAGS else values[key])
    preference.save()
    return preference
