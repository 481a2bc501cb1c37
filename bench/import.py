"""Importing a 1,000,000-character text: time until the first page is readable, and in all.

    .venv/bin/python bench/import.py [--chars 1000000] [--text cpp|demo]

Runs the real path against a fresh SQLite file (or ``DATABASE_URL``): a real
``manage.py annotation_worker`` process is started first and waits with its
engine loaded, as under ``make run``. Then, timed from the teacher's click on
"Preview" and on "Publish":

* **preview**: decode, extract, clean the uploaded bytes into a draft (``draft_create``);
* **publish**: store the article and its passages unannotated and queue the task
  (``draft_publish``) -- the request returns and the page is readable as plain text;
* **first page annotated**: until the first 30 passages carry pinyin (the worker's
  first batch), timed from the publish click (the moment DESIGN.md's "within 3 s of
  confirming" counts from);
* **all annotated**: until the last passage does.

Baseline, same text, same process: the synchronous path the commands use
(``article_import`` annotating every passage before storing anything), where
nothing is readable until the whole text is done. Prints figures only.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--text", choices=["cpp", "demo"], default="cpp")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="yuedu-bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from annotate import CPP_DEV, cpp_paragraphs, demo_paragraphs, test_text
    from django.contrib.auth import get_user_model

    from corpus import services
    from corpus.models import Article, Passage
    from corpus.text.importing import read_document

    source = cpp_paragraphs(CPP_DEV) if args.text == "cpp" and CPP_DEV.exists() else demo_paragraphs()
    paragraphs = test_text(source, args.chars)
    data = ("长文导入测试\n\n" + "\n".join(paragraphs)).encode("gb18030")  # as a GBK file from Windows
    chars = sum(len(p) for p in paragraphs)
    teacher, _ = get_user_model().objects.get_or_create(username="bench-teacher", defaults={"is_staff": True})
    print(f"text: {chars:,} characters in {len(paragraphs):,} paragraphs ({args.text}), {len(data):,} bytes GB18030")

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "annotation_worker", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        ready = worker.stdout.readline()
        if "Text engine loaded" not in ready:
            raise SystemExit(f"worker did not start: {ready}{worker.stdout.read()}")

        start = time.perf_counter()
        record = services.draft_create(data=data, owner=teacher, source_name="long.txt")
        preview = time.perf_counter() - start
        start = time.perf_counter()
        article = services.draft_publish(draft=record, title="长文导入测试", flipped=[])
        published = time.perf_counter() - start
        first_ids = list(article.passages.order_by("position").values_list("pk", flat=True)[: services.FIRST_PAGE])
        first_page = None
        while True:
            if first_page is None and not Passage.objects.pending().filter(pk__in=first_ids).exists():
                first_page = time.perf_counter() - start
            if not Passage.objects.pending().filter(article=article).exists():
                total = time.perf_counter() - start
                break
            time.sleep(0.05)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    # Baseline: the synchronous import (engine warm in this process first, like the worker's).
    from corpus.text.annotate import annotate_passages
    from corpus.text.glossary import EMPTY_LEXICON

    annotate_passages(["预热分词和拼音。"], EMPTY_LEXICON)
    start = time.perf_counter()
    document = read_document(data, filename="long.txt")
    baseline = services.article_import(document=document, owner=teacher, source_name="baseline.txt")
    synchronous = time.perf_counter() - start
    assert Article.objects.filter(pk=baseline.pk).exists()

    print(f"preview (upload -> decode, extract, clean, draft stored): {preview:.2f}s")
    print(f"after the teacher confirms: {'':8}{'this path':>12}{'baseline':>12}")
    print(f"{'publish request returns':36}{published:>11.2f}s{synchronous:>11.2f}s")
    print(f"{'first page readable (plain text)':36}{published:>11.2f}s{synchronous:>11.2f}s")
    print(f"{'first page annotated':36}{first_page:>11.2f}s{synchronous:>11.2f}s")
    print(f"{'all annotated':36}{total:>11.2f}s{synchronous:>11.2f}s")
    print(f"throughput in the worker: {chars / (total - first_page + 1e-9):,.0f} characters/s after the first page")
    print("target (DESIGN.md): first page readable in under 3 s; the rest without blocking the request")


if __name__ == "__main__":
    main()
