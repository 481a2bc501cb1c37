"""The preview's "why dropped" column in the interface language.

The text engine (``corpus.text``, no Django) gives its reasons in English; the ones
it knows are listed here so that they are translated. A reason not listed (a new
rule) is shown as the engine wrote it.
"""

from django.utils.translation import gettext, gettext_noop

LINE_REASONS = frozenset(
    {
        gettext_noop("breadcrumb navigation"),
        gettext_noop("comments"),
        gettext_noop("copyright notice"),
        gettext_noop("decoration (no words)"),
        gettext_noop("licence footer (ICP)"),
        gettext_noop("list of links"),
        gettext_noop("metadata (date, source, editor)"),
        gettext_noop("navigation links"),
        gettext_noop("page footer"),
        gettext_noop("page header"),
        gettext_noop("page navigation"),
        gettext_noop("place-name list (search-engine spam)"),
        gettext_noop("related links"),
        gettext_noop("share and page tools"),
        gettext_noop("share buttons"),
        gettext_noop("sidebar"),
        gettext_noop("site navigation"),
    }
)


def line_reason_label(reason: str | None) -> str:
    """Why a line is dropped, translated when the reason is a known one; "" for a kept line."""
    if not reason:
        return ""
    return gettext(reason) if reason in LINE_REASONS else reason
