"""Keeps stored annotation in step with the glossary (see glossary/signals.py)."""

from django.dispatch import receiver

from corpus import tasks
from glossary.signals import lexicon_changed


@receiver(lexicon_changed, dispatch_uid="corpus.refresh_annotation")
def refresh_annotation(sender, **kwargs):
    # Runs after the glossary change has committed. The worker re-annotates only
    # the passages that contain a changed form, so the admin's save returns at once.
    tasks.annotation_refresh.enqueue()
