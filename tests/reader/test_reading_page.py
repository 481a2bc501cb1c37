import re

from corpus.models import Article
from reader.rendering import WordTable, render_tokens

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_article_list_shows_published_articles(client, make_article):
    article = make_article()
    response = client.get("/")
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert f'href="/articles/{article.pk}/"' in response.content.decode()


def test_reading_page_shows_every_character_with_pinyin_as_ruby(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    bank = r'<span class="w" tabindex="0" data-k="\d+"><ruby>银<rt>yín</rt></ruby><ruby>行<rt>háng</rt></ruby></span>'
    assert re.search(bank, html)
    assert '<h2 class="passage" id="p-' in html  # the heading passage
    assert "CC-CEDICT" in html and "CC BY-SA 4.0" in html
    visible = re.sub(r"<rt>.*?</rt>|<[^>]+>", "", html)
    for passage in article.passages.all():
        assert passage.text in visible


def test_reading_page_is_rendered_from_stored_tokens(client, make_article):
    article = make_article()
    passage = article.passages.get(position=2)
    passage.tokens = [{"text": "银行", "pinyin": ["yin", "hang"], "definitions": ["stored"], "term": None}]
    passage.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<ruby>银<rt>yin</rt></ruby><ruby>行<rt>hang</rt></ruby>" in html


def test_title_and_text_are_escaped(client, make_article):
    article = make_article(f"{XSS}标题\n\n正文{XSS}里有代码。</script><script>alert(2)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert" in html
    # The per-page JSON tables cannot close their <script> element either.
    assert "</script><script>" not in html


def test_rendering_escapes_token_text_readings_and_definitions():
    words = WordTable()
    html = render_tokens(
        [
            {"text": "<b>", "pinyin": ["", "", ""], "definitions": [], "term": None},
            {"text": "好", "pinyin": ['"><i>'], "definitions": ["<em>x</em>"], "term": None},
        ],
        words,
    )
    assert "<b>" not in html and "<i>" not in html and "<em>" not in html
    assert "&lt;b&gt;" in html
    assert words.entries[0]["d"] == ["<em>x</em>"]  # data for json_script, which escapes it


def test_drafts_are_hidden_from_everyone_but_their_owner_and_staff(client, make_article, django_user_model):
    owner = django_user_model.objects.create_user("owner")
    other = django_user_model.objects.create_user("other")
    draft = make_article(owner=owner, status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client.get("/").content.decode()
    client.force_login(other)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_unknown_article_is_404(client, db):
    assert client.get("/articles/999999/").status_code == 404
