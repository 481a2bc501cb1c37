from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadingPreference(models.Model):
    """How a signed-in reader likes the reading page; anonymous readers keep the same in localStorage."""

    class Pinyin(models.TextChoices):
        HOVER = "hover", _("In the popup")
        RUBY = "ruby", _("Above every character")
        OFF = "off", _("Hidden until asked")

    class Script(models.TextChoices):
        ORIGINAL = "original", _("As written")
        SIMPLIFIED = "simplified", _("Simplified")
        TRADITIONAL = "traditional", _("Traditional")
        TW = "tw", _("Taiwan")
        HK = "hk", _("Hong Kong")

    class FontSize(models.TextChoices):
        SMALL = "s", _("Small")
        MEDIUM = "m", _("Medium")
        LARGE = "l", _("Large")
        LARGEST = "xl", _("Largest")

    class Spacing(models.TextChoices):
        TIGHT = "tight", _("Tight")
        NORMAL = "normal", _("Normal")
        LOOSE = "loose", _("Loose")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_preference")
    pinyin = models.CharField(max_length=8, choices=Pinyin.choices, default=Pinyin.HOVER)
    script = models.CharField(max_length=12, choices=Script.choices, default=Script.ORIGINAL)
    tones = models.BooleanField(default=False, help_text="colour readings by tone")
    sandhi = models.BooleanField(default=False, help_text="show 一 and 不 in their spoken tone")
    font_size = models.CharField(max_length=2, choices=FontSize.choices, default=FontSize.MEDIUM)
    spacing = models.CharField(max_length=8, choices=Spacing.choices, default=Spacing.NORMAL)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.pinyin}, {self.script}"
