import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_switching_the_interface_to_chinese_and_back(client, make_article):
    article = make_article()
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": article.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "阅读设置" in html and "按声调着色" in html and "释义来自" in html
    ui = json.loads(re.search(r'id="yuedu-ui" type="application/json">(.*?)</script>', html).group(1))
    assert ui["more"] == "查看这个术语的详细说明"  # the strings reader.js writes
    assert "Reading settings" not in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Reading settings" in client.get(article.get_absolute_url()).content.decode()


def test_browser_language_picks_chinese(client, db):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    assert "<h1>文章</h1>" in html


def test_every_message_is_translated_and_compiled():
    po = (ROOT / "locale/zh_Hans/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    untranslated = [entry for entry in entries if re.search(r'^msgstr(\[0\])? ""$', entry, re.M)]
    assert untranslated == []
    assert "#, fuzzy" not in po
    mo = ROOT / "locale/zh_Hans/LC_MESSAGES/django.mo"
    assert mo.stat().st_size > 1000
