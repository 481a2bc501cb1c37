"""Template helpers for the progress controls and teacher tables."""

from django import template

from reader.progress import auto_mark_enabled

register = template.Library()


@register.simple_tag(takes_context=True)
def auto_mark(context) -> str:
    """ "true" when the signed-in learner lets the page mark passages read by itself."""
    return "true" if auto_mark_enabled(context["request"].user) else "false"


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes (at least 1), for messages like "wait 15 minutes"."""
    return max(1, round(delta.total_seconds() / 60)) if delta else 1
