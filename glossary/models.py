from django.db import models


class Term(models.Model):
    """A policy term that the segmenter keeps whole and the reader explains."""

    slug = models.SlugField(max_length=120, unique=True)
    simplified = models.CharField(max_length=60, unique=True)
    traditional = models.CharField(max_length=60, blank=True)
    pinyin = models.CharField(
        max_length=300, blank=True, help_text="Curated reading, one syllable per character, space separated."
    )
    english = models.CharField(max_length=300, blank=True)
    explanation = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["simplified"]

    def __str__(self) -> str:
        return self.simplified


class LexiconVersion(models.Model):
    """One row: the version of the lexicon, replaced by every glossary change.

    A fresh random value rather than a counter, so a version can never be reused
    for different content (for example after a rolled-back transaction).
    """

    value = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.value
