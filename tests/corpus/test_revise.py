"""Editing a published article keeps the identity of every unchanged passage."""

import pytest

from corpus import services
from corpus.models import Passage, ReadingCorrection
from corpus.text.document import Block

TEXT = """小镇的早晨

一、菜市场

天刚亮，菜市场就热闹起来了。

卖菜的阿姨把青菜摆得整整齐齐。

二、小学

孩子们背着书包走进校门。

卖菜的阿姨把青菜摆得整整齐齐。
"""


def ids_by_text(article):
    return [(p.pk, p.text) for p in article.passages.order_by("position")]


@pytest.fixture
def article(make_article, django_user_model):
    return make_article(TEXT, owner=django_user_model.objects.create_user("owner"))


def test_unchanged_passages_keep_their_ids_after_edit(article):
    before = {text: pk for pk, text in ids_by_text(article)}
    blocks = [
        Block("heading", "一、菜市场"),
        Block("paragraph", "天刚亮，菜市场就热闹起来了，人来人往。"),  # changed
        Block("paragraph", "卖菜的阿姨把青菜摆得整整齐齐。"),
        Block("paragraph", "孩子们背着书包走进校门。"),  # moved up
        Block("heading", "二、小学"),
        Block("paragraph", "放学以后，他们在操场上踢球。"),  # new
    ]
    services.article_revise(article=article, title="小镇的一天", blocks=blocks)
    after = ids_by_text(article)
    assert [text for _, text in after] == [block.text for block in blocks]
    assert after[0][0] == before["一、菜市场"]
    assert after[2][0] in {pk for pk, text in ids_by_text(article) if text == "卖菜的阿姨把青菜摆得整整齐齐。"}
    assert after[3][0] == before["孩子们背着书包走进校门。"]
    assert after[4][0] == before["二、小学"]
    assert after[1][0] not in before.values() and after[5][0] not in before.values()
    article.refresh_from_db()
    assert article.title == "小镇的一天"
    assert article.char_count == sum(len(block.text) for block in blocks)
    assert not Passage.objects.pending().exists()  # the new passages were annotated (inline in tests)


def test_duplicates_each_keep_one_id_and_a_removed_duplicate_is_deleted(article):
    duplicates = [pk for pk, text in ids_by_text(article) if text == "卖菜的阿姨把青菜摆得整整齐齐。"]
    assert len(duplicates) == 2
    blocks = [Block(p.kind, p.text) for p in article.passages.order_by("position")]
    del blocks[-1]  # the second occurrence goes
    services.article_revise(article=article, title=article.title, blocks=blocks)
    remaining = [pk for pk, text in ids_by_text(article) if text == "卖菜的阿姨把青菜摆得整整齐齐。"]
    assert remaining == duplicates[:1]
    assert not Passage.objects.filter(pk=duplicates[1]).exists()


def test_reordering_everything_keeps_every_id(article):
    before = ids_by_text(article)
    blocks = [Block("paragraph", text) for _, text in reversed(before)]
    services.article_revise(article=article, title=article.title, blocks=blocks)
    after = ids_by_text(article)
    assert sorted(after) == sorted(before)
    assert [text for _, text in after] == [text for _, text in reversed(before)]


def test_a_correction_on_an_unchanged_passage_survives_the_edit(article, django_user_model):
    passage = article.passages.get(text="孩子们背着书包走进校门。")
    offset = 0
    for token in passage.tokens:
        if token["text"] == "书包":
            break
        offset += len(token["text"])
    services.reading_correct(
        passage=passage, offset=offset, text="书包", pinyin=["shū", "bāo"], author=article.owner
    )
    blocks = [Block("paragraph", "新的开头。"), Block("paragraph", passage.text)]
    services.article_revise(article=article, title=article.title, blocks=blocks)
    assert ReadingCorrection.objects.filter(passage_id=passage.pk).exists()
    assert article.passages.get(pk=passage.pk).position == 1


def test_edit_view_round_trips_headings_and_keeps_ids(client, article):
    client.force_login(article.owner)
    page = client.get(f"/texts/{article.pk}/edit/").content.decode()
    assert "# 一、菜市场" in page
    before = ids_by_text(article)
    text = "\n\n".join(f"# {p.text}" if p.kind == "heading" else p.text for p in article.passages.all())
    response = client.post(f"/texts/{article.pk}/edit/", {"title": "小镇的早晨", "text": text + "\n\n（完）"})
    assert response.status_code == 302
    after = ids_by_text(article)
    assert after[: len(before)] == before and after[-1][1] == "（完）"
    assert list(article.passages.values_list("kind", flat=True))[0] == "heading"


def test_edit_view_refuses_an_empty_text_and_changes_nothing(client, article):
    client.force_login(article.owner)
    before = ids_by_text(article)
    response = client.post(f"/texts/{article.pk}/edit/", {"title": "小镇", "text": "  \n\n # \n"})
    assert response.status_code == 200
    assert "at least one paragraph" in response.content.decode()
    assert ids_by_text(article) == before


def test_only_the_owner_and_staff_can_edit(client, article, django_user_model):
    client.force_login(django_user_model.objects.create_user("someone"))
    assert client.get(f"/texts/{article.pk}/edit/").status_code == 404
    assert client.post(f"/texts/{article.pk}/edit/", {"title": "x", "text": "改掉。"}).status_code == 404
    client.force_login(django_user_model.objects.create_user("admin", is_staff=True))
    assert client.get(f"/texts/{article.pk}/edit/").status_code == 200
