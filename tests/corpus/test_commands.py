import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from corpus.models import Article
from glossary.models import Term
from glossary.services import term_save

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"title", "script", "meta", "dropped", "passages"}
TOKEN_KEYS = {"text", "simplified", "traditional", "pinyin", "definitions", "hsk", "term"}


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "社区综治中心开展矛盾纠纷排查\n时间：2024年1月13日 来源：城关街道 责任编辑：李华\n\n"
        "街道综治中心协调各方力量，把矛盾化解在基层。\n\n居民说，调解员的工作做得很细。\n",
        encoding="utf-8",
    )
    return path


def annotate_json(path, *args) -> dict:
    out = StringIO()
    call_command("annotate", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_annotate_prints_the_contract(db, article_file):
    result = annotate_json(article_file)
    assert set(result) == CONTRACT_KEYS
    assert result["title"] == "社区综治中心开展矛盾纠纷排查"
    assert result["script"] == "simplified"
    assert result["meta"] == {"date": "2024-01-13", "source": "城关街道", "editor": "李华"}
    assert [p["index"] for p in result["passages"]] == [0, 1]
    for passage in result["passages"]:
        assert passage["kind"] == "paragraph"
        assert "".join(t["text"] for t in passage["tokens"]) == passage["text"]
        for token in passage["tokens"]:
            assert set(token) == TOKEN_KEYS
            assert len(token["pinyin"]) == len(token["text"])


def test_annotate_uses_the_current_glossary(db, article_file):
    term_save(term=Term(slug="zong-zhi-zhong-xin", simplified="综治中心", english="comprehensive governance centre"))
    tokens = annotate_json(article_file)["passages"][0]["tokens"]
    term = next(t for t in tokens if t["term"])
    assert term["text"] == "综治中心"
    assert term["term"] == "zong-zhi-zhong-xin"
    assert term["definitions"][0] == "comprehensive governance centre"


def test_annotate_script_option_converts_text_but_not_readings(db, article_file):
    original = annotate_json(article_file)
    traditional = annotate_json(article_file, "--script", "traditional")
    assert traditional["title"] == "社區綜治中心開展矛盾糾紛排查"
    assert traditional["passages"][0]["text"].startswith("街道綜治中心協調")
    first, converted = original["passages"][0]["tokens"], traditional["passages"][0]["tokens"]
    assert [t["pinyin"] for t in first] == [t["pinyin"] for t in converted]
    assert traditional["script"] == "simplified"  # the script the text was written in


def test_annotate_output_is_utf8_not_ascii_escaped(db, article_file, tmp_path):
    # A database that was never migrated: annotate still works, without a glossary.
    fresh = f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}"
    ascii_terminal = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "DATABASE_URL": fresh}
    result = subprocess.run(
        [sys.executable, "manage.py", "annotate", str(article_file)],
        cwd=ROOT, capture_output=True, check=True, env=ascii_terminal,
    )
    text = result.stdout.decode("utf-8")
    assert "综治中心" in text and "\\u" not in text
    json.loads(text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image, not text"),
        (b"\x7fELF\x00\x00\x01", "binary"),
        # GB18030 is read now (tests/text/test_import.py); bytes valid in no allowed encoding are refused.
        ("协调发展".encode() + b"\xff\xfe\xfd", "not valid UTF-8"),
    ],
)
def test_annotate_refuses_bad_input_with_one_line_and_no_traceback(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "manage.py", "annotate", str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


def test_annotate_reports_a_missing_file(db):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("annotate", "/no/such/file.txt")


def test_import_article_prints_the_new_id_and_sets_the_owner(db, article_file):
    teacher = get_user_model().objects.create_user("teacher1")
    out = StringIO()
    call_command("import_article", str(article_file), "--owner", "teacher1", stdout=out)
    article = Article.objects.get(pk=int(out.getvalue()))
    assert article.owner == teacher
    assert article.passages.count() == 2


def test_import_article_refuses_an_unknown_owner_and_stores_nothing(db, article_file):
    with pytest.raises(CommandError, match="No user named"):
        call_command("import_article", str(article_file), "--owner", "nobody")
    assert not Article.objects.exists()


def test_load_demo_loads_every_demo_article_once(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    articles = Article.objects.all()
    assert articles.count() == len(list((ROOT / "corpus" / "demo").glob("*.txt"))) >= 3
    assert {a.script for a in articles} >= {"simplified", "traditional"}
    assert any(a.passages.filter(kind="heading").exists() for a in articles)
    assert all(a.char_count >= 800 for a in articles)


def test_reannotate_rebuilds_only_stale_passages(db, article_file):
    call_command("import_article", str(article_file), stdout=StringIO())
    out = StringIO()
    call_command("reannotate", stdout=out, stderr=StringIO())
    assert "Re-annotated 0 passages; 0 others" in out.getvalue()
    # The term occurs in the first passage only: that one is rebuilt, the other marked current.
    term_save(term=Term(slug="zong-zhi-zhong-xin", simplified="综治中心", english="comprehensive governance centre"))
    out, err = StringIO(), StringIO()
    call_command("reannotate", stdout=out, stderr=err)
    assert "Re-annotated 1 passages; 1 others" in out.getvalue()
    assert "1/1 passages" in err.getvalue()


def test_annotate_reads_a_saved_gb18030_news_page_as_the_upload_does(db, tmp_path):
    page = (ROOT / "tests" / "fixtures" / "import" / "scraped-news.html").read_text(encoding="utf-8")
    path = tmp_path / "qingshi.html"
    path.write_bytes(page.encode("gb18030"))
    result = annotate_json(path)
    assert result["title"] == "青石镇老街完成改造 居民回迁过上新生活"
    assert result["meta"] == {"date": "2023-05-20", "source": "清河日报", "editor": "周晓林"}
    assert result["passages"][0]["text"].startswith("五月的青石镇")
    assert [p["kind"] for p in result["passages"]].count("heading") == 2
    assert "分享到：微信 微博 QQ空间" in result["dropped"]
    assert not any("lǐng" in p["text"] for p in result["passages"])
