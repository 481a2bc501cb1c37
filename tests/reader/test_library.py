import re

import pytest

from corpus.models import Article, Tag


def titles(response) -> list[str]:
    return re.findall(r'<a href="/articles/\d+/" lang="zh">([^<]+)</a>', response.content.decode())


def test_library_shows_length_script_level_profile_and_tags(client, make_article):
    article = make_article("我的家\n\n我家有三个人。爸爸、妈妈和我。\n")
    tag = Tag.objects.create(name="Everyday life", slug="everyday")
    article.tags.add(tag)
    html = client.get("/").content.decode()
    assert "我的家" in html
    assert f"{article.char_count} characters" in html
    assert f"HSK {article.hsk_level}" in html
    assert 'class="hsk-profile" role="img" aria-label="Words per HSK level: HSK 1' in html
    assert '<a class="tag" href="?tag=everyday">Everyday life</a>' in html


def test_library_filters_by_level_tag_and_title(client, make_article):
    easy = make_article("我的家\n\n我家有三个人。爸爸、妈妈和我。我们都很好。\n")
    hard = make_article("治理\n\n统筹推进基层治理体系和治理能力现代化，健全矛盾纠纷多元化解机制。\n")
    politics = Tag.objects.create(name="Politics", slug="politics")
    hard.tags.add(politics)
    assert easy.hsk_level != hard.hsk_level
    assert titles(client.get(f"/?level={easy.hsk_level}")) == ["我的家"]
    assert titles(client.get("/?tag=politics")) == ["治理"]
    assert titles(client.get("/?q=家")) == ["我的家"]
    assert sorted(titles(client.get("/?level=banana&tag="))) == ["我的家", "治理"]
    empty = client.get("/?q=没有这个标题")
    assert titles(empty) == [] and "No article matches these filters." in empty.content.decode()


def test_library_hides_other_peoples_drafts(client, make_article, django_user_model):
    owner = django_user_model.objects.create_user("owner")
    make_article("草稿\n\n还没写完。\n", owner=owner, status=Article.Status.DRAFT)
    assert titles(client.get("/?q=草稿")) == []
    client.force_login(owner)
    assert titles(client.get("/?q=草稿")) == ["草稿"]


def test_library_title_search_is_escaped(client, db):
    html = client.get("/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html


@pytest.mark.parametrize("level", ["²", "9" * 5000, "-1", "abc"])
def test_an_odd_level_filter_is_ignored_not_an_error(client, db, level):
    assert client.get("/", {"level": level}).status_code == 200
