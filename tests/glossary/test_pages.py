import json
import re

import pytest
from django.contrib.auth.models import Group

from glossary.models import SegmentationRule, Term
from glossary.services import rule_save, term_save

ARTICLE = "平安工作简报\n\n今年的平安建设工作成效明显。\n\n村里修了一条新路。\n"


@pytest.fixture
def terms(db):
    return [
        term_save(
            term=Term(
                slug="ping-an-jian-she",
                simplified="平安建设",
                pinyin="píng ān jiàn shè",
                english="Peaceful China initiative",
                explanation="Keeping society safe and orderly.",
                category="governance",
            )
        ),
        term_save(
            term=Term(
                slug="lv-se-fa-zhan",
                simplified="绿色发展",
                pinyin="lǜ sè fā zhǎn",
                english="green development",
                category="ecology",
            )
        ),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("平安", ["平安建设"]),
        ("平安建設", ["平安建设"]),
        ("ping an", ["平安建设"]),
        ("píng ān jiàn", ["平安建设"]),
        ("lvse", ["绿色发展"]),
        ("green", ["绿色发展"]),
        ("nothing-like-it", []),
    ],
)
def test_glossary_index_searches_hanzi_pinyin_and_english(client, terms, query, expected):
    html = client.get("/glossary/", {"q": query}).content.decode()
    found = [name for name in ("平安建设", "绿色发展") if f">{name}</a>" in html]
    assert found == expected


def test_glossary_index_filters_by_category_and_shows_traditional(client, terms):
    html = client.get("/glossary/", {"category": "ecology", "script": "traditional"}).content.decode()
    assert ">綠色發展</a>" in html and "平安建" not in html


def test_term_page_lists_the_passages_it_occurs_in_with_links_to_them(client, terms, make_article):
    article = make_article(ARTICLE)
    passage = article.passages.get(position=0)
    html = client.get("/glossary/ping-an-jian-she/").content.decode()
    assert "Peaceful China initiative" in html and "Keeping society safe and orderly." in html
    assert f'href="/articles/{article.pk}/#p-{passage.pk}"' in html
    assert "村里修了一条新路" not in html


def test_term_page_hides_passages_of_drafts(client, terms, make_article):
    make_article(ARTICLE, status="draft")
    assert "No published article uses this term yet." in client.get("/glossary/ping-an-jian-she/").content.decode()


def test_reading_page_highlights_terms_and_carries_their_explanation(client, terms, make_article):
    article = make_article(ARTICLE)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="w term" data-k="' in html
    terms_json = json.loads(
        re.search(r'<script id="yuedu-terms" type="application/json">(.*?)</script>', html).group(1)
    )
    assert terms_json["ping-an-jian-she"]["explanation"] == "Keeping society safe and orderly."
    assert terms_json["ping-an-jian-she"]["url"] == "/glossary/ping-an-jian-she/"


def test_a_deleted_term_is_never_highlighted_even_before_reannotation(client, terms, make_article):
    article = make_article(ARTICLE)
    Term.objects.filter(slug="ping-an-jian-she").delete()  # as if the refresh had not run yet
    html = client.get(article.get_absolute_url()).content.decode()
    assert "w term" not in html
    assert "ping-an-jian-she" not in html


def test_each_distinct_word_has_one_popup_entry_per_page(client, make_article, db):
    article = make_article("标题\n\n发展发展再发展。\n\n发展是硬道理。\n")
    html = client.get(article.get_absolute_url()).content.decode()
    words = json.loads(re.search(r'<script id="yuedu-words" type="application/json">(.*?)</script>', html).group(1))
    assert [w[0] for w in words].count("发展") == 1  # entries: [simplified, traditional, pinyin, ...]
    assert html.count('data-k="0"') == 4


@pytest.fixture
def editor_client(client, django_user_model, db):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="editor"))
    client.force_login(editor)
    return client


def test_admin_finds_terms_by_toneless_pinyin(editor_client, terms):
    html = editor_client.get("/admin/glossary/term/", {"q": "pinganjianshe"}).content.decode()
    assert "平安建设" in html and "绿色发展" not in html


def test_admin_shows_how_a_rules_example_segments_with_and_without_it(editor_client, db):
    rule = rule_save(rule=SegmentationRule(kind="split", word="的确", parts="的 确", example="他们的确来了"))
    html = editor_client.get(f"/admin/glossary/segmentationrule/{rule.pk}/change/").content.decode()
    assert "Without this rule:</strong> <span lang='zh'>他们 | 的确 | 来 | 了</span>" in html
    assert "With this rule:</strong> <span lang='zh'>他们 | 的 | 确 | 来 | 了</span>" in html


def test_admin_import_previews_rows_before_storing(editor_client, db):
    csv = (
        "slug,simplified,traditional,pinyin,english,explanation,category,origin,variants,related\n"
        "he-zhang-zhi,河长制,,hé zhǎng zhì,river chief system,Rivers get a responsible official.,ecology,,,\n"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        "/admin/glossary/term/import/",
        {"import_file": SimpleUploadedFile("terms.csv", csv.encode()), "format": "0", "resource": "0"},
    )
    assert response.status_code == 200
    assert "河长制" in response.content.decode()
    assert not Term.objects.exists()  # a preview only, until confirmed
