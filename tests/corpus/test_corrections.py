import pytest
from django.core.exceptions import ValidationError

from corpus import services
from corpus.models import Passage, ReadingCorrection
from glossary.lexicon import lexicon_current
from glossary.models import LexiconChange, ReadingRule

TEXT = "简报\n\n他长得很高。\n\n这条路很长。\n"


def token_at(passage, text):
    offset = 0
    for token in passage.tokens:
        if token["text"] == text:
            return offset, token
        offset += len(token["text"])
    raise AssertionError(f"{text} not in {passage.tokens}")


@pytest.fixture
def teacher(django_user_model, db):
    return django_user_model.objects.create_user("teacher")


@pytest.fixture
def article(make_article, teacher):
    return make_article(TEXT, owner=teacher)


def test_a_correction_changes_that_occurrence_now(article, teacher):
    passage = article.passages.get(position=1)
    offset, token = token_at(passage, "长")
    services.reading_correct(passage=passage, offset=offset, text="长", pinyin=["cháng"], author=teacher)
    passage.refresh_from_db()
    assert token_at(passage, "长")[1]["pinyin"] == ["cháng"]


def test_a_correction_is_kept_across_reannotation(article, teacher):
    passage = article.passages.get(position=1)
    offset, _ = token_at(passage, "长")
    services.reading_correct(passage=passage, offset=offset, text="长", pinyin=["cháng"], author=teacher)
    services.passages_reannotate(passages=Passage.objects.filter(pk=passage.pk))
    passage.refresh_from_db()
    assert token_at(passage, "长")[1]["pinyin"] == ["cháng"]
    # Other occurrences elsewhere keep the engine's reading.
    other = article.passages.get(position=0)
    assert token_at(other, "长")[1]["pinyin"] == ["zhǎng"]


@pytest.mark.parametrize(
    ("text", "offset_delta", "pinyin", "message"),
    [
        ("长", 1, ["cháng"], "is not a word at position"),
        ("长", 0, ["cháng", "de"], "one syllable per character"),
        ("长", 0, ["chang2"], "tone marks"),
    ],
)
def test_a_wrong_correction_is_refused_and_nothing_changes(article, teacher, text, offset_delta, pinyin, message):
    passage = article.passages.get(position=1)
    before = passage.tokens
    offset, _ = token_at(passage, "长")
    with pytest.raises(ValidationError, match=message):
        services.reading_correct(
            passage=passage, offset=offset + offset_delta, text=text, pinyin=pinyin, author=teacher
        )
    passage.refresh_from_db()
    assert passage.tokens == before
    assert not ReadingCorrection.objects.exists()


def test_promoting_a_correction_makes_a_global_rule_and_bumps_the_lexicon(
    article, teacher, django_user_model, django_capture_on_commit_callbacks
):
    passage = article.passages.get(position=1)
    offset, _ = token_at(passage, "长")
    correction = services.reading_correct(passage=passage, offset=offset, text="长", pinyin=["cháng"], author=teacher)
    version = lexicon_current().version
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    with django_capture_on_commit_callbacks(execute=True):
        rule = services.reading_correction_promote(correction=correction, user=admin)
    assert rule.word == "长" and rule.pinyin == "cháng"
    assert lexicon_current().version != version
    assert set(LexiconChange.objects.first().forms) == {"长", "長"}
    assert ReadingRule.objects.count() == 1
    # Any other text with the word now reads it so.
    from corpus.text.annotate import annotate_passage

    tokens = annotate_passage("那条河很长。", lexicon_current())
    assert next(t for t in tokens if t.text == "长").pinyin == ("cháng",)


def test_only_the_owner_and_staff_can_correct(client, article, django_user_model):
    passage = article.passages.get(position=1)
    offset, _ = token_at(passage, "长")
    data = {"offset": offset, "text": "长", "pinyin": "cháng"}
    url = f"/passages/{passage.pk}/reading/"
    assert client.post(url, data).status_code == 302  # to the login page
    client.force_login(django_user_model.objects.create_user("someone-else"))
    assert client.post(url, data).status_code == 404
    assert not ReadingCorrection.objects.exists()
    client.force_login(article.owner)
    response = client.post(url, data)
    assert response.status_code == 200 and response.json()["pinyin"] == ["cháng"]
    assert client.post(url, {**data, "pinyin": "chang2"}).json()["error"].startswith('Write "chang2"')


def test_the_owner_sees_offsets_for_corrections_and_readers_do_not(client, article, django_user_model):
    assert "data-o=" not in client.get(article.get_absolute_url()).content.decode()
    client.force_login(article.owner)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "data-o=" in html and 'id="correct-reading"' in html


def test_admin_promote_action(client, article, teacher, django_user_model, django_capture_on_commit_callbacks):
    passage = article.passages.get(position=1)
    offset, _ = token_at(passage, "长")
    correction = services.reading_correct(passage=passage, offset=offset, text="长", pinyin=["cháng"], author=teacher)
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/corpus/readingcorrection/", {"action": "promote", "_selected_action": [correction.pk]}, follow=True
        )
    assert "is now read cháng everywhere" in response.content.decode()
    assert ReadingRule.objects.get().word == "长"
