import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from reader import progress
from reader.models import PassageRead


def test_marking_twice_keeps_one_row_and_undo_deletes_it(school):
    learner, passage = school["learner_b"], school["published_passage"]
    first = progress.passage_mark(learner=learner, passage=passage, read=True)
    second = progress.passage_mark(learner=learner, passage=passage, read=True)
    assert PassageRead.objects.filter(learner=learner, passage=passage).count() == 1
    assert (first.read, first.total) == (second.read, second.total) == (1, 3)
    undone = progress.passage_mark(learner=learner, passage=passage, read=False)
    assert undone.read == 0
    assert not PassageRead.objects.filter(learner=learner).exists()
    # Undoing what was never marked is harmless too.
    assert progress.passage_mark(learner=learner, passage=passage, read=False).read == 0


def test_one_learners_marks_never_touch_anothers(school):
    passage = school["class_passage"]
    progress.passage_mark(learner=school["owner"], passage=passage, read=True)
    progress.passage_mark(learner=school["owner"], passage=passage, read=False)
    assert PassageRead.objects.filter(learner=school["learner_a"], passage=passage).exists()


def test_progress_by_article_counts_reads_and_totals_in_two_queries(school, django_assert_num_queries):
    ids = [school["published"].pk, school["for_class"].pk, school["draft"].pk]
    with django_assert_num_queries(2):
        result = progress.progress_by_article(school["learner_a"], ids)
    assert result[school["for_class"].pk] == progress.ArticleProgress(read=1, total=4)
    assert result[school["published"].pk] == progress.ArticleProgress(read=0, total=3)
    assert result[school["for_class"].pk].percent == 25


def test_anonymous_visitors_have_no_progress(school):
    from django.contrib.auth.models import AnonymousUser

    result = progress.progress_by_article(AnonymousUser(), [school["for_class"].pk])
    assert result[school["for_class"].pk].read == 0


def test_articles_in_progress_say_where_to_continue(school):
    learner = school["learner_a"]
    article = school["for_class"]
    passages = list(article.passages.order_by("position"))
    progress.passage_mark(learner=learner, passage=passages[0], read=True)  # 0 and 1 are read now
    rows = progress.articles_in_progress(learner=learner)
    assert [row.article for row in rows] == [article]
    assert rows[0].next_passage_id == passages[2].pk
    assert rows[0].progress.read == 2


def test_articles_the_learner_can_no_longer_read_leave_the_dashboard_but_keep_their_marks(school):
    from reader import classes

    classes.membership_remove(membership=school["classroom"].memberships.get(learner=school["learner_a"]))
    assert progress.articles_in_progress(learner=school["learner_a"]) == []
    assert PassageRead.objects.filter(learner=school["learner_a"]).count() == 1


def test_reads_per_day_counts_each_local_day_with_zeros(school):
    learner = school["learner_b"]
    passages = list(school["published"].passages.all())
    for passage in passages:
        progress.passage_mark(learner=learner, passage=passage, read=True)
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    PassageRead.objects.filter(learner=learner, passage=passages[0]).update(read_at=two_days_ago)
    days = progress.reads_per_day(learner=learner, days=7)
    assert len(days) == 7
    assert days[-1] == (timezone.localdate(), 2)
    assert days[-3] == (timezone.localdate(two_days_ago), 1)
    assert sum(n for _, n in days) == 3


def test_auto_mark_is_off_until_the_learner_turns_it_on(school):
    learner = school["learner_a"]
    assert progress.auto_mark_enabled(learner) is False
    progress.progress_settings_save(user=learner, auto_mark=True)
    assert progress.auto_mark_enabled(learner) is True
    progress.progress_settings_save(user=learner, auto_mark=False)
    assert progress.auto_mark_enabled(learner) is False


# The JSON API (stable contract)


def _post(client, body, **kwargs):
    return client.post("/api/progress/", json.dumps(body), content_type="application/json", **kwargs)


def test_api_marks_and_undoes_with_the_documented_answer(client, school):
    client.force_login(school["learner_a"])
    passage = school["for_class"].passages.get(position=2)
    response = _post(client, {"passage": passage.pk, "read": True})
    assert response.json() == {"passage": passage.pk, "read": True, "article_read": 2, "article_total": 4}
    response = _post(client, {"passage": passage.pk, "read": False})
    assert response.json() == {"passage": passage.pk, "read": False, "article_read": 1, "article_total": 4}


def test_api_lists_passages_in_order_and_the_learners_reads(client, school):
    client.force_login(school["learner_a"])
    article = school["for_class"]
    data = client.get(f"/api/articles/{article.pk}/progress/").json()
    assert data == {
        "passages": list(article.passages.order_by("position").values_list("pk", flat=True)),
        "read": [school["class_passage"].pk],
        "total": 4,
    }


def test_api_shows_each_learner_only_her_own_progress(client, school):
    client.force_login(school["learner_b"])
    published = school["published"]
    progress.passage_mark(learner=school["learner_a"], passage=school["published_passage"], read=True)
    assert client.get(f"/api/articles/{published.pk}/progress/").json()["read"] == []
    # An article only learner A's class may read does not exist for learner B.
    assert client.get(f"/api/articles/{school['for_class'].pk}/progress/").status_code == 404
    assert _post(client, {"passage": school["class_passage"].pk, "read": False}).status_code == 404
    assert PassageRead.objects.filter(learner=school["learner_a"], passage=school["class_passage"]).exists()


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1, 2]", b'{"read": true}', b'{"passage": "12", "read": true}', b'{"passage": 1, "read": "yes"}'],
)
def test_api_refuses_bad_input_with_a_message(client, school, body):
    client.force_login(school["learner_a"])
    response = client.post("/api/progress/", body, content_type="application/json")
    assert response.status_code == 400
    assert "passage" in response.json()["error"]
    assert PassageRead.objects.count() == 1


def test_api_refuses_an_unknown_passage_with_404(client, school):
    client.force_login(school["learner_a"])
    assert _post(client, {"passage": 999_999, "read": True}).status_code == 404


def test_api_requires_the_csrf_token(school):
    client = Client(enforce_csrf_checks=True)
    client.force_login(school["learner_b"])
    body = {"passage": school["published_passage"].pk, "read": True}
    assert _post(client, body).status_code == 403
    client.get("/")  # the page sets the CSRF cookie, as the reading page does for progress.js
    token = client.cookies["csrftoken"].value
    assert _post(client, body, HTTP_X_CSRFTOKEN=token).status_code == 200
    assert PassageRead.objects.filter(learner=school["learner_b"]).count() == 1


def test_reading_page_gives_signed_in_readers_the_mark_read_control_and_script(client, school):
    article = school["published"]
    html = client.get(article.get_absolute_url()).content.decode()
    assert "mark-read" not in html and "progress.js" not in html
    client.force_login(school["learner_b"])
    html = client.get(article.get_absolute_url()).content.decode()
    # One control in a <template>: progress.js puts a copy after each passage (the browser tests check that).
    assert html.count('class="mark-read"') == 1 and 'id="passage-progress-template"' in html
    for passage in article.passages.all():
        assert f'id="p-{passage.pk}"' in html
    assert 'data-auto-mark="false"' in html
    assert f'data-progress-url="/api/articles/{article.pk}/progress/"' in html
    assert "js/progress.js" in html


def test_settings_form_turns_auto_marking_on(client, school):
    client.force_login(school["learner_a"])
    client.post("/me/settings/", {"auto_mark": "on"})
    assert 'data-auto-mark="true"' in client.get(school["published"].get_absolute_url()).content.decode()
    client.post("/me/settings/", {})
    assert progress.auto_mark_enabled(school["learner_a"]) is False


def test_editing_an_article_keeps_the_marks_of_unchanged_passages(school):
    from corpus import services as corpus_services
    from corpus.text.document import Block

    learner, article = school["learner_a"], school["for_class"]
    passages = list(article.passages.order_by("position"))
    for passage in passages[:3]:
        progress.passage_mark(learner=learner, passage=passage, read=True)
    blocks = [
        Block("paragraph", passages[0].text),
        Block("paragraph", passages[1].text + "大家都笑了。"),  # changed: its mark goes with the old text
        Block("paragraph", "新加的一段，讲他们中午吃了什么。"),  # new
        Block("paragraph", passages[2].text),  # moved: keeps its mark
        Block("paragraph", passages[3].text),
    ]
    corpus_services.article_revise(article=article, title=article.title, blocks=blocks)
    counts = progress.article_progress(learner=learner, article_id=article.pk)
    assert (counts.read, counts.total) == (2, 5)
    assert set(progress.read_passage_ids(learner=learner, article_id=article.pk)) == {passages[0].pk, passages[2].pk}


def test_continue_points_to_the_page_that_shows_the_first_unread_passage(school, make_article):
    from reader.pagination import PAGE_CHARS

    learner = school["learner_b"]
    paragraph = "我们每天早上都在河边散步，看看水里的鱼和岸上的花草。" * 6
    article = make_article("长文\n\n" + "\n\n".join(f"第{i}天：{paragraph}" for i in range(40)))
    passages = list(article.passages.order_by("position"))
    first_page = sum(1 for _ in range(PAGE_CHARS // len(passages[0].text)))
    for passage in passages[: first_page + 2]:
        progress.passage_mark(learner=learner, passage=passage, read=True)
    (row,) = progress.articles_in_progress(learner=learner)
    assert row.next_passage_id == passages[first_page + 2].pk
    assert row.next_page >= 2
