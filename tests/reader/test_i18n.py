import json
import re
from pathlib import Path

from tests.reader.conftest import word_offset

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


# ---- the pages added with classes, progress, saved words and importing -------------------

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def _in_chinese(client, user=None):
    if user is not None:
        client.force_login(user)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    return client


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    return html


def _headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S)]


def _no_english_heading(html: str, *english: str) -> None:
    """No h1/h2 is written in Latin letters only (titles and class names in the fixtures are Chinese
    or named below), and none of the given English texts remains anywhere on the page."""
    for text in english:
        assert text not in html
    for heading in _headings(html):
        assert not re.fullmatch(r"[A-Za-z ,.'’:()-]+", heading), heading


def test_a_teachers_texts_page_in_chinese(client, school):
    html = _page(_in_chinese(client, school["owner"]), "/texts/")
    assert "<h1>我的文本</h1>" in html
    assert "导入文本" in html and "你的文章" in html and "粘贴文本（或网页的 HTML）" in html and "自动检测" in html
    assert "公开" in html and "仅限布置的班级" in html  # the articles' visibility
    assert "个字" in html and "编辑" in html
    _no_english_heading(html, "Import a text", "Your articles", "Encoding of the file", "Assigned classes only")


def test_a_class_page_and_the_class_list_in_chinese(client, school):
    _in_chinese(client, school["owner"])
    classroom = school["classroom"]
    html = _page(client, classroom.get_absolute_url())
    assert "加入码：" in html and classroom.join_code in html
    assert "进度" in html and "布置的文章" in html and "学习者" in html and "下载 CSV 文件" in html
    assert "选择一篇文章" in html and "截止日期" in html and "取消布置" in html
    headings = _headings(html)
    assert headings[1:] == ["进度", "布置的文章", "学习者"]
    _no_english_heading(html, "Assigned articles", "Learners", "Join code", "Download as CSV")
    html = _page(client, "/classes/")
    assert "你教的班级" in html and "1 名学习者" in html and "谁可以阅读你的文章" in html and "创建班级" in html
    _no_english_heading(html, "Classes you teach", "Who can read your articles", "learner")
    article = school["for_class"]
    html = _page(client, f"/classes/{classroom.pk}/articles/{article.pk}/")
    assert "每个段落的阅读情况" in html and "✓ 已读" in html and "✓ read" not in html
    html = _page(client, f"/classes/{classroom.pk}/learners/{school['learner_a'].pk}/")
    assert "最近阅读" in html and "Last read" not in html
    html = _page(client, f"/texts/{article.pk}/edit/")
    assert "编辑《" in html and "每行一段" in html and "保存" in html and "Paragraphs you do not change" not in html


def test_a_learners_dashboard_and_words_in_chinese(client, school):
    from reader import words

    passage = school["published_passage"]
    offset = word_offset(passage, "银行")
    words.saved_word_add(learner=school["learner_a"], passage=passage, offset=offset)
    _in_chinese(client, school["learner_a"])
    html = _page(client, "/me/")
    assert "<h1>我的阅读</h1>" in html
    assert "继续上次的阅读" in html and "已读 1 / " in html and "最近阅读" in html
    assert "布置给你的文章" in html and "每天阅读的段落" in html and "自动标记为已读" in html
    _no_english_heading(html, "Continue where you left off", "passages read", "Passages read per day", "Settings")
    html = _page(client, "/words/")
    assert "<h1>我的生词</h1>" in html and "银行" in html
    assert "导出到 Anki（CSV）" in html and "释义" in html and "例句" in html and "移除" in html
    _no_english_heading(html, "Export for Anki", "Meaning", "Sentence", ">Remove<")


def test_sign_up_in_chinese(client, db):
    html = _page(_in_chinese(client), "/accounts/signup/")
    assert "<h1>创建学习者账户</h1>" in html
    assert "班级加入码" in html and "忘记密码时用于重设密码。" in html and "电子邮箱" in html
    _no_english_heading(html, "Create a learner account", "Class join code", "Already have an account")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "xiaoming",
            "email": "x@example.org",
            "password1": "a-long-pass-2026",
            "password2": "a-long-pass-2026",
            "join_code": "NOSUCH99",
        },
    )
    assert "没有班级使用这个加入码" in response.content.decode()  # a form error, in Chinese too


def test_the_import_preview_in_chinese(client, school):
    _in_chinese(client, school["owner"])
    news = (FIXTURES / "scraped-news.html").read_text(encoding="utf-8").encode("gb18030")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/texts/", {"file": SimpleUploadedFile("qingshi.html", news), "encoding": ""})
    assert response.status_code == 302
    html = _page(client, response["Location"])
    assert "<h1>发布前检查</h1>" in html
    assert "网页中已声明" in html and "删去原因" in html and "按以下编码读取文件" in html and "发布" in html
    assert "标题：</strong>" in html and "已从正文中删去 5 处" in html
    # the engine's reasons for dropping a line, translated in the Django layer
    assert "备案信息页脚（ICP）" in html and "地名列表（搜索引擎垃圾内容）" in html
    _no_english_heading(html, "Check before publishing", "Why dropped", "licence footer (ICP)", "Heading:")


def test_every_reason_the_engine_gives_is_translated():
    from django.utils import translation

    from corpus.reasons import LINE_REASONS, line_reason_label
    from corpus.text import clean, extract

    reasons = {r for _, r in clean._RULES} | set(extract._CHROME_TAGS.values()) | {r for _, r in extract._CHROME_NAMES}
    assert reasons <= LINE_REASONS
    with translation.override("zh-hans"):
        assert all(line_reason_label(reason) != reason for reason in LINE_REASONS)
        assert line_reason_label("a reason no one listed") == "a reason no one listed"


def _ui_table(html: str) -> dict:
    return json.loads(re.search(r'id="yuedu-ui" type="application/json">(.*?)</script>', html).group(1))


def test_the_progress_and_annotation_scripts_get_their_strings_in_chinese(client, school):
    article = school["published"]
    html = _page(_in_chinese(client, school["learner_a"]), article.get_absolute_url())
    ui = _ui_table(html)
    assert ui["markRead"] == "标记为已读" and ui["saveWord"] == "收藏生词"
    assert ui["passagesToGo"] == {"one": "还剩 %(counter)s 段", "other": "还剩 %(counter)s 段"}
    assert ui["articleRead"]["other"] == "已读 %(read)s / %(total)s 段。"
    # the mark-read control progress.js copies after each passage
    assert 'class="mark-read" aria-pressed="false" disabled>标记为已读</button>' in html
    # every ui.<key> the scripts use is in the table, translated, and no English sentence is left in them
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = _ui_table(client.get(article.get_absolute_url()).content.decode())
    assert english["passagesToGo"] == {"one": "%(counter)s passage to go", "other": "%(counter)s passages to go"}
    for script in ("progress.js", "annotation-progress.js"):
        source = (ROOT / "static" / "js" / script).read_text(encoding="utf-8")
        used = set(re.findall(r"\bui\.(\w+)", source))
        assert used and used <= ui.keys(), script
        assert all(ui[key] != english[key] for key in used), script
        code = re.sub(r"^\s*//.*$", "", source, flags=re.M)
        literals = re.findall(r'"([^"\n]*)"', code)
        assert [text for text in literals if re.search(r"[A-Za-z]+ [A-Za-z]+", text)] == ["use strict"], script


def test_json_errors_follow_the_interface_language(client, school):
    _in_chinese(client, school["learner_a"])
    response = client.post("/api/progress/", data="[]", content_type="application/json")
    assert response.status_code == 400 and "JSON 对象" in response.json()["error"]
