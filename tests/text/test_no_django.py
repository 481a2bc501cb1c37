"""The text engine is plain Python: nothing under corpus/text imports Django or an app.

DESIGN.md: "Import direction: reader -> corpus -> glossary -> corpus.text. A test fails if
corpus/text imports Django or any app." The check reads the source with ``ast`` (so an
import inside a function or behind a condition is caught too) and then imports the engine
in a fresh interpreter to see that Django is really never loaded.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENGINE = REPO / "corpus" / "text"
ENGINE_PACKAGE = "corpus.text"
FORBIDDEN = ("django", "corpus.models", "corpus.services", "corpus.views", "glossary", "reader")
ENGINE_FILES = sorted(ENGINE.rglob("*.py"))


def _package_of(path: Path) -> str:
    # corpus/text/annotate.py and corpus/text/__init__.py both live in corpus.text
    return ".".join(path.relative_to(REPO).parent.parts)


def imported_names(source: str, package: str) -> list[str]:
    """Every module a source file imports, relative imports resolved against ``package``.

    ``from corpus import models`` yields both ``corpus`` and ``corpus.models``, so importing
    an app's submodule by name is seen as well as importing it by path.
    """
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call):
            # importlib.import_module("django.conf") and __import__("django")
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.append(first.value)
    return names


def forbidden_imports(source: str, package: str = ENGINE_PACKAGE) -> list[str]:
    return [
        name
        for name in imported_names(source, package)
        if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN)
    ]


def test_every_engine_module_is_checked():
    names = {path.name for path in ENGINE_FILES}
    expected = {
        "normalize.py",
        "convert.py",
        "segment.py",
        "pinyin.py",
        "dictionary.py",
        "glossary.py",
        "document.py",
        "decode.py",
        "annotate.py",
        "version.py",
    }
    assert expected <= names


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda path: str(path.relative_to(ENGINE)))
def test_engine_module_imports_neither_django_nor_an_app(path):
    source = path.read_text(encoding="utf-8")
    assert forbidden_imports(source, _package_of(path)) == []


@pytest.mark.parametrize(
    "source",
    [
        "import django",
        "from django.db import models",
        "from django.utils.html import escape",
        "from corpus.models import Article",
        "from corpus import services",
        "import corpus.views",
        "from .. import models",
        "from ..services import article_import",
        "import glossary.lexicon",
        "from glossary.models import Term",
        "from reader import views",
        "def later():\n    from django.conf import settings\n    return settings",
        "import importlib\nimportlib.import_module('django.conf')",
        "__import__('reader.views')",
    ],
)
def test_import_check_catches_django_and_app_imports(source):
    assert forbidden_imports(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "from corpus.text.glossary import Lexicon",
        "from . import glossary",
        "from .normalize import normalize",
        "import jieba",
        "from pypinyin import pinyin",
        "import reader_helpers_that_do_not_exist",
    ],
)
def test_import_check_allows_the_engine_and_its_libraries(source):
    assert forbidden_imports(source) == []


def test_importing_the_engine_does_not_load_django():
    result = subprocess.run(
        [sys.executable, "-c", "import corpus.text.annotate, sys; assert 'django' not in sys.modules"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
