"""Reading preferences, classes, assignments, reading progress and saved words.

Writes to the class and progress models go through the services (``reader/classes.py``,
``reader/progress.py``, ``reader/words.py``); nothing else saves them.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
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


# Join codes avoid letters and digits that read alike (0/O, 1/I/L).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


class Classroom(models.Model):
    name = models.CharField(max_length=120)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms_taught")
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reader:class", args=[self.pk])


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["learner__username"]
        constraints = [models.UniqueConstraint(fields=["classroom", "learner"], name="membership_unique_learner")]

    def __str__(self) -> str:
        return f"{self.learner} in {self.classroom}"


class Assignment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    article = models.ForeignKey("corpus.Article", on_delete=models.CASCADE, related_name="assignments")
    due_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["classroom", "article"], name="assignment_unique_article")]

    def __str__(self) -> str:
        return f"{self.article} for {self.classroom}"


class PassageReadQuerySet(models.QuerySet):
    def of(self, learner):
        return self.filter(learner=learner)


class PassageRead(models.Model):
    """One learner has read one passage. The row's existence is the mark; undo deletes it."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passage_reads")
    passage = models.ForeignKey("corpus.Passage", on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField(auto_now_add=True)

    objects = PassageReadQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "passage"], name="passage_read_once")]
        indexes = [models.Index(fields=["learner", "read_at"], name="passage_read_by_time")]

    def __str__(self) -> str:
        return f"{self.learner} read {self.passage_id}"


class ProgressSettings(models.Model):
    """A learner's choice about progress: mark passages read automatically or only by hand."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_settings")
    auto_mark = models.BooleanField(
        default=False,
        help_text="Mark a passage read once it has been on screen long enough for its length.",
    )

    def __str__(self) -> str:
        return f"{self.user}: auto-mark {'on' if self.auto_mark else 'off'}"


class SavedWord(models.Model):
    """A word a learner saved from the reading page, with the sentence she met it in."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_words")
    simplified = models.CharField(max_length=40)
    traditional = models.CharField(max_length=40)
    pinyin = models.CharField(max_length=200)
    definitions = models.JSONField(default=list, blank=True)
    sentence = models.TextField()
    passage = models.ForeignKey(
        "corpus.Passage", null=True, blank=True, on_delete=models.SET_NULL, related_name="saved_words"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["learner", "simplified", "pinyin"], name="saved_word_once")]

    def __str__(self) -> str:
        return self.simplified
