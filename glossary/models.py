from django.conf import settings
from django.db import models
from django.urls import reverse


class Category(models.TextChoices):
    POLITICAL_THEORY = "political-theory", "Political theory"
    PARTY_BUILDING = "party-building", "Party building"
    GOVERNANCE = "governance", "Governance"
    RULE_OF_LAW = "rule-of-law", "Rule of law"
    ECONOMY = "economy", "Economy"
    RURAL_DEVELOPMENT = "rural-development", "Rural development"
    SOCIAL_POLICY = "social-policy", "Social policy"
    ECOLOGY = "ecology", "Ecology"
    SECURITY = "security", "Security"
    FOREIGN_AFFAIRS = "foreign-affairs", "Foreign affairs"
    TECHNOLOGY = "technology", "Technology"


class Edited(models.Model):
    """When a glossary row was made and changed, and who changed it last."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        abstract = True


class TermQuerySet(models.QuerySet):
    def search(self, query: str):
        """Match hanzi in either script, pinyin with or without tones, or English."""
        from glossary.pinyin import plain_pinyin  # small helper, no engine import

        query = query.strip()
        if not query:
            return self
        condition = (
            models.Q(simplified__icontains=query)
            | models.Q(traditional__icontains=query)
            | models.Q(variants__icontains=query)
            | models.Q(english__icontains=query)
        )
        plain = plain_pinyin(query)
        if plain:
            condition |= models.Q(pinyin_plain__icontains=plain)
        return self.filter(condition)


class Term(Edited):
    """A policy term that the segmenter keeps whole and the reader explains."""

    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="Leave empty to make it from the pinyin."
    )
    simplified = models.CharField(max_length=60, unique=True)
    traditional = models.CharField(max_length=60, blank=True, help_text="Filled by OpenCC when left empty.")
    variants = models.TextField(
        blank=True, help_text="Other spellings or abbreviations of the same term, separated by ; or new lines."
    )
    pinyin = models.CharField(
        max_length=300,
        blank=True,
        help_text="Curated reading: one tone-marked syllable per character, e.g. liǎng gè què lì.",
    )
    pinyin_plain = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    english = models.CharField(max_length=300, help_text="The accepted English rendering.")
    explanation = models.TextField(blank=True)
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    origin = models.CharField(max_length=200, blank=True, help_text="Source or date of origin.")
    related = models.ManyToManyField("self", blank=True)

    objects = TermQuerySet.as_manager()

    class Meta(Edited.Meta):
        ordering = ["pinyin_plain", "simplified"]

    def __str__(self) -> str:
        return self.simplified

    def get_absolute_url(self) -> str:
        return reverse("glossary:term", args=[self.slug])

    @property
    def variant_list(self) -> list[str]:
        from glossary.pinyin import split_list

        return split_list(self.variants)

    @property
    def forms(self) -> list[str]:
        """Every spelling the segmenter keeps whole: simplified, traditional, variants."""
        return list(dict.fromkeys(f for f in (self.simplified, self.traditional, *self.variant_list) if f))


class SegmentationRule(Edited):
    """A fix to segmentation everywhere: keep a word together, or split a glued one."""

    class Kind(models.TextChoices):
        KEEP = "keep", "Keep together"
        SPLIT = "split", "Split"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    word = models.CharField(max_length=40, unique=True, help_text="In simplified characters.")
    parts = models.CharField(
        max_length=80, blank=True, help_text="For a split: the words it should be, separated by spaces (的 确)."
    )
    example = models.CharField(
        max_length=300, blank=True, help_text="A sentence that shows the problem; its segmentation is shown below."
    )

    class Meta(Edited.Meta):
        ordering = ["word"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.word}"

    @property
    def part_list(self) -> list[str]:
        return self.parts.split()


class ReadingRule(Edited):
    """A reading that wins everywhere the word occurs (usually a promoted teacher correction)."""

    word = models.CharField(max_length=40, unique=True, help_text="In simplified characters.")
    pinyin = models.CharField(max_length=300, help_text="One tone-marked syllable per character: chóng qìng.")
    note = models.CharField(max_length=300, blank=True, help_text="Why, or where the correction came from.")

    class Meta(Edited.Meta):
        ordering = ["word"]

    def __str__(self) -> str:
        return f"{self.word} {self.pinyin}"


class LexiconChange(models.Model):
    """One row per glossary change; the newest row's version is the lexicon version.

    ``forms`` are the strings whose segmentation or annotation the change can
    affect, so only passages containing one of them need re-annotation. Versions
    are random, never a reused counter, so a version never names two contents.
    """

    version = models.CharField(max_length=32, unique=True)
    forms = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.version
