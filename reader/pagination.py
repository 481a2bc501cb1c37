"""Pages of a long article, made of whole passages.

A page holds passages up to about ``PAGE_CHARS`` characters; a passage is never
split (a longer one is a page of its own), and a heading never ends a page, so
it always stands above its text.
"""

from collections.abc import Sequence

PAGE_CHARS = 4000


def paginate(passages: Sequence[tuple[str, int]], page_chars: int = PAGE_CHARS) -> list[range]:
    """Split passages, given as (kind, length) in order, into pages: ranges of passage indexes.

    >>> paginate([("heading", 5), ("paragraph", 30), ("heading", 5), ("paragraph", 30)], page_chars=40)
    [range(0, 2), range(2, 4)]
    >>> paginate([])
    [range(0, 0)]
    """
    pages: list[range] = []
    start = 0
    size = 0
    for index, (_, length) in enumerate(passages):
        if index > start and size + length > page_chars:
            end = index
            # Carry trailing headings over to the next page, unless that would empty this one.
            while end - 1 > start and passages[end - 1][0] == "heading":
                end -= 1
            pages.append(range(start, end))
            start = end
            size = sum(length for _, length in passages[start:index])
        size += length
    pages.append(range(start, len(passages)))
    return pages
