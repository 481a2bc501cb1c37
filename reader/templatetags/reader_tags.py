from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def hsk_bands(profile: dict) -> list[tuple[str, str, int]]:
    """An article's HSK profile as (css key, label, whole percent), level 1 first, unlisted words last."""
    bands = [(key, f"HSK {key}" if key != "7" else "HSK 7–9", profile.get(key, 0)) for key in "1234567"]
    bands.append(("none", _("not on the lists"), profile.get("none", 0)))
    return [(key, label, round(share * 100)) for key, label, share in bands if share]
