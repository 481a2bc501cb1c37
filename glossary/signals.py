"""Sent after a glossary change has committed.

The glossary may not import ``corpus`` (imports run reader -> corpus -> glossary),
yet stored annotation depends on the glossary. ``corpus`` listens here and
re-annotates the passages that contain one of the changed ``forms``.
"""

from django.dispatch import Signal

# kwargs: version (the new lexicon version), forms (list[str])
lexicon_changed = Signal()
