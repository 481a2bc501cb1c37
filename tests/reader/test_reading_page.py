import json
import re

import pytest

from corpus.models import Article, Passage
from reader.rendering import WordTable, json_for_script, render_tokens

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_article_list_shows_published_articles(client, make_article):
    article = make_article()
    response = client.get("/")
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert f'href="/articles/{article.pk}/"' in response.content.decode()


def test_reading_page_shows_every_character_with_pinyin_as_ruby(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url() + "?pinyin=ruby").content.decode()
    bank = r'<span class="w" data-k="\d+"><ruby>银<rt>yín</rt></ruby><ruby>行<rt>háng</rt></ruby></span>'
    assert re.search(bank, html)
    assert '<h2 class="passage" id="p-' in html  # the heading passage
    assert "CC-CEDICT" in html and "CC BY-SA 4.0" in html
    visible = re.sub(r"<rt>.*?</rt>|<[^>]+>", "", html)
    for passage in article.passages.all():
        assert passage.text in visible


def test_reading_page_is_rendered_from_stored_tokens(client, make_article):
    article = make_article()
    passage = article.passages.get(position=2)
    passage.text = "银行"
    passage.tokens = [{"text": "银行", "pinyin": ["yin", "hang"], "definitions": ["stored"], "term": None}]
    passage.save()
    html = client.get(article.get_absolute_url() + "?pinyin=ruby").content.decode()
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
    assert words.entries[0][3] == ["<em>x</em>"]  # data for the JSON table, which escapes it
    table = json_for_script(words.entries)
    assert "<" not in table and ">" not in table
    assert json.loads(table) == [["好", "", '"><i>', ["<em>x</em>"], None, None]]


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


def _words(html: str) -> list:
    table = re.search(r'<script id="yuedu-words" type="application/json">(.*?)</script>', html).group(1)
    return json.loads(table)


def _word_spans(html: str) -> list[tuple[int, str]]:
    """(table index, characters shown) of every word on the page."""
    return [(int(k), inner) for k, inner in re.findall(r'<span class="w[^"]*" data-k="(\d+)">([^<]*)</span>', html)]


def test_default_mode_puts_pinyin_in_the_popup_table_not_in_the_text(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<rt>" not in html
    words = _words(html)
    spans = _word_spans(html)
    bank = next(words[k] for k, shown in spans if shown == "银行")
    assert bank[0] == "银行" and bank[1] == "銀行" and bank[2] == "yín háng"
    assert any("bank" in sense for sense in bank[3])
    # One table entry per distinct word, however often it occurs.
    assert len(words) == len({k for k, _ in spans})
    assert len(words) < len(spans)


def test_word_table_keeps_chinese_readable_and_cannot_end_its_script(client, make_article):
    article = make_article("标题\n\n银行说</script><b>。\n")
    html = client.get(article.get_absolute_url()).content.decode()
    table = re.search(r'id="yuedu-words" type="application/json">(.*?)</script>', html).group(1)
    assert "银行" in table and "\\u94f6" not in table


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("original", "这条河里的鱼"),
        ("simplified", "这条河里的鱼"),
        ("traditional", "這條河裏的魚"),
        ("tw", "這條河裡的魚"),
        ("hk", "這條河裏的魚"),
    ],
)
def test_script_switch_changes_characters_and_keeps_readings_aligned(client, make_article, script, expected):
    article = make_article("河流\n\n这条河里的鱼很多。\n")
    html = client.get(f"{article.get_absolute_url()}?script={script}&pinyin=ruby").content.decode()
    passage = re.search(r'<p class="passage"[^>]*>(.*?)</p>', html).group(1)
    pairs = re.findall(r"<ruby>(.)<rt>([^<]*)</rt></ruby>", passage)
    shown = "".join(char for char, _ in pairs)
    assert shown.startswith(expected)
    # Readings do not move with the script: 里/裏/裡 is still lǐ, 鱼/魚 still yú.
    assert dict(pairs)[expected[3]] == "lǐ" and dict(pairs)[expected[5]] == "yú"
    lang = {"original": "zh-Hans", "simplified": "zh-Hans", "traditional": "zh-Hant", "tw": "zh-Hant-TW"}
    assert f'lang="{lang.get(script, "zh-Hant-HK")}"' in html


def test_traditional_article_reads_in_simplified(client, make_article):
    article = make_article("河流\n\n這條河裏的魚很多。\n")
    html = client.get(f"{article.get_absolute_url()}?script=simplified").content.decode()
    assert "这条" in "".join(shown for _, shown in _word_spans(html))


@pytest.mark.parametrize("query", ["?pinyin=loud", "?script=klingon", "?size=huge&spacing=1"])
def test_unknown_display_options_fall_back_to_the_defaults(client, make_article, query):
    article = make_article()
    response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    assert 'data-pinyin="hover"' in response.content.decode()


def test_passages_not_yet_annotated_show_as_escaped_text_with_a_note(client, make_article):
    article = make_article()
    passage = article.passages.get(position=2)
    Passage.objects.filter(pk=passage.pk).update(text="还在处理<b>粗体</b>的段落。", tokens=[])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "还在处理&lt;b&gt;粗体&lt;/b&gt;的段落。" in html
    assert 'class="passage pending"' in html and "annotating" in html


def test_tokens_that_no_longer_spell_the_text_are_not_served(client, make_article):
    article = make_article()
    passage = article.passages.get(position=2)
    Passage.objects.filter(pk=passage.pk).update(text="改过的文字。")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<p class="passage pending" id="p-{passage.pk}">改过的文字。' in html


def test_long_text_is_paginated_without_splitting_passages(client, make_article):
    paragraph = "会议强调要坚持系统观念统筹发展和安全推动基层治理能力不断提升。" * 20  # 620 characters
    text = "长文章\n\n" + "\n\n".join(f"第{n}段：{paragraph}" for n in range(1, 16)) + "\n"
    article = make_article(text)
    first = client.get(article.get_absolute_url()).content.decode()
    assert 'rel="next"' in first and 'aria-current="page">1<' in first
    seen = []
    page = 1
    while True:
        response = client.get(f"{article.get_absolute_url()}?page={page}&pinyin=off")
        html = response.content.decode()
        ids = re.findall(r'class="passage[^"]*" id="p-(\d+)"', html)
        assert ids, page
        seen += [int(i) for i in ids]
        if 'rel="next"' not in html:
            break
        assert "pinyin=off" in re.search(r'rel="next" href="([^"]+)"', html).group(1)
        page += 1
    assert page > 1
    assert seen == list(article.passages.order_by("position").values_list("pk", flat=True))
    assert client.get(f"{article.get_absolute_url()}?page={page + 1}").status_code == 404
    assert client.get(f"{article.get_absolute_url()}?page=abc").status_code == 404


def test_popup_has_a_container_for_other_features_actions(client, make_article):
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert '<div id="word-popup" class="popup" role="dialog"' in html
    assert '<div class="popup-actions"></div>' in html


def test_owner_page_carries_offsets_and_stored_text_for_corrections(client, make_article, django_user_model):
    owner = django_user_model.objects.create_user("owner")
    article = make_article("河流\n\n这条河里的鱼很多。\n", owner=owner)
    client.force_login(owner)
    html = client.get(article.get_absolute_url() + "?script=traditional").content.decode()
    # The traditional characters are shown, the stored (simplified) text is what a correction sends.
    assert re.search(r'data-o="5" data-x="鱼">魚</span>', html)


def test_spoken_tones_of_yi_and_bu_are_a_display_option(client, make_article):
    article = make_article("标题\n\n我们一起去，不要一个人走。\n")
    url = article.get_absolute_url() + "?pinyin=ruby"
    stored = client.get(url).content.decode()
    assert "<ruby>一<rt>yī</rt></ruby><ruby>起" in stored and "<ruby>不<rt>bù</rt></ruby>" in stored
    spoken = client.get(url + "&sandhi=1").content.decode()
    assert "<ruby>一<rt>yì</rt></ruby><ruby>起" in spoken and "<ruby>不<rt>bú</rt></ruby>" in spoken
    assert "<ruby>一<rt>yí</rt></ruby><ruby>个" in spoken
    assert any(t["pinyin"] == ["bù", "yào"] for t in article.passages.get().tokens)  # stored: citation tone


@pytest.mark.parametrize("page", ["²", "9" * 5000, "0", "abc"])
def test_an_odd_page_number_is_a_404_not_an_error(client, make_article, page):
    article = make_article()
    assert client.get(article.get_absolute_url(), {"page": page}).status_code == 404
