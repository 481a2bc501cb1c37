import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Script(models.TextChoices):
    SIMPLIFIED = "simplified", _("Simplified")
    TRADITIONAL = "traditional", _("Traditional")
    MIXED = "mixed", _("Mixed")


class Tag(models.Model):
    """A topic label for the library (politics, environment, ...), set in the admin."""

    name = models.CharField(max_length=50, unique=True)
    slug = models.SlugField(max_length=50, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def readable_by(self, user):
        """The one visibility rule: public articles; the user's own; articles assigned
        to a class she belongs to or teaches (when shared with classes only); all for staff.
        """
        if user.is_staff:
            return self.all()
        if user.is_authenticated:
            # Through reverse relation names, so corpus never imports reader.
            assigned = Article.objects.filter(
                Q(assignments__classroom__memberships__learner=user) | Q(assignments__classroom__teacher=user)
            ).values("pk")
            return self.filter(
                Q(status=Article.Status.PUBLISHED) | Q(owner=user) | Q(status=Article.Status.CLASSES, pk__in=assigned)
            )
        return self.published()

    def assignable_by(self, user) -> "ArticleQuerySet":
        """What a teacher may assign to her classes: public articles and her own (all for staff)."""
        if user.is_staff:
            return self.all()
        return self.filter(Q(status=Article.Status.PUBLISHED) | Q(owner=user))


class Article(models.Model):
    class Status(models.TextChoices):
        """Who may read it (the field keeps its first name, status, for the import code)."""

        DRAFT = "draft", _("Private draft")
        PUBLISHED = "published", _("Public")
        CLASSES = "classes", _("Assigned classes only")

    title = models.CharField(max_length=300)
    script = models.CharField(max_length=12, choices=Script.choices)
    meta = models.JSONField(default=dict, blank=True, help_text="date, source, editor when found")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    source_name = models.CharField(max_length=255, blank=True, help_text="file the text came from")
    char_count = models.PositiveIntegerField(default=0)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    # Derived from the stored tokens by corpus.profile whenever they are annotated.
    hsk_profile = models.JSONField(default=dict, blank=True, help_text="share of words per HSK level")
    hsk_level = models.PositiveSmallIntegerField(
        null=True, blank=True, db_index=True, help_text="lowest HSK level covering 90% of its listed words"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reader:article", args=[self.pk])

    def annotation_progress(self) -> tuple[int, int]:
        """(passages annotated, passages in all): long imports are annotated in the background."""
        total = self.passages.count()
        pending = self.passages.filter(annotated_at__isnull=True).count()
        return total - pending, total


class PassageQuerySet(models.QuerySet):
    def pending(self):
        """Passages stored but not annotated yet (their annotation task has not reached them)."""
        return self.filter(annotated_at__isnull=True)

    def stale(self, *, engine_version: str, lexicon_version: str):
        """Passages whose stored annotation was made by another engine or lexicon."""
        return self.exclude(engine_version=engine_version, lexicon_version=lexicon_version)


class Passage(models.Model):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", "Paragraph"
        HEADING = "heading", "Heading"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PARAGRAPH)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, db_index=True)
    # The annotation contract's token list, and what made it.
    tokens = models.JSONField(default=list, blank=True)
    engine_version = models.CharField(max_length=200, blank=True)
    lexicon_version = models.CharField(max_length=32, blank=True)
    annotated_at = models.DateTimeField(null=True, blank=True)
    # Glossary terms found in the stored tokens, for the term pages.
    terms = models.ManyToManyField("glossary.Term", blank=True, related_name="passages")

    objects = PassageQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="passage_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.position} {self.text[:20]}"

    @staticmethod
    def hash_text(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReadingCorrection(models.Model):
    """A teacher's correction of the reading of one word occurrence in her article.

    Kept by character offset and text, and applied again whenever the passage is
    re-annotated; it stops applying (but is kept) if the passage text there changes.
    """

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="corrections")
    offset = models.PositiveIntegerField(help_text="Character offset of the word in the passage text.")
    text = models.CharField(max_length=40)
    pinyin = models.JSONField(help_text="One syllable per character of text.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["passage", "offset"]
        constraints = [models.UniqueConstraint(fields=["passage", "offset"], name="correction_unique_occurrence")]

    def __str__(self) -> str:
        return f"{self.text} {' '.join(self.pinyin)}"


class ImportDraft(models.Model):
    """An upload read and cleaned, waiting for the teacher to check it and publish.

    Its id is the idempotency token of the preview form: publishing a draft twice
    (a double click, a resubmitted form) returns the article the first publish made.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_drafts")
    source_name = models.CharField(max_length=255, blank=True)
    # The uploaded bytes, kept until publishing so the teacher can re-read them in another encoding.
    raw = models.BinaryField(blank=True)
    # corpus.text.importing.Draft as plain data (see corpus.drafts).
    content = models.JSONField()
    article = models.OneToOneField(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_draft"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.content.get('title') or self.source_name} (draft)"

    def get_absolute_url(self) -> str:
        return reverse("corpus:draft", args=[self.pk])
