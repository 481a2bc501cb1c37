import pytest
from django.http import QueryDict

from reader.models import ReadingPreference
from reader.preferences import ReadingOptions, options_for


def test_defaults_for_anonymous_readers(rf):
    from django.contrib.auth.models import AnonymousUser

    assert options_for(AnonymousUser(), QueryDict("")) == ReadingOptions()


def test_saved_preferences_apply_and_the_query_string_wins(client, make_article, django_user_model):
    reader = django_user_model.objects.create_user("reader")
    client.force_login(reader)
    response = client.post("/preferences/", {"pinyin": "ruby", "script": "tw", "tones": "1", "size": "l"})
    assert response.status_code == 200
    assert response.json() == {
        "pinyin": "ruby",
        "script": "tw",
        "tones": True,
        "sandhi": False,
        "size": "l",
        "spacing": "normal",
    }
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'data-pinyin="ruby"' in html and 'data-script="tw"' in html and "size-l" in html and " tones" in html
    assert "<rt>" in html
    html = client.get(article.get_absolute_url() + "?pinyin=off&script=simplified").content.decode()
    assert 'data-pinyin="off"' in html and 'data-script="simplified"' in html and "<rt>" not in html
    # The URL applies to that view only; the stored preference is unchanged.
    assert ReadingPreference.objects.get(user=reader).pinyin == "ruby"


def test_saving_part_of_the_preferences_keeps_the_rest(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader"))
    client.post("/preferences/", {"script": "hk"})
    client.post("/preferences/", {"spacing": "loose"})
    saved = ReadingPreference.objects.get()
    assert (saved.script, saved.spacing, saved.pinyin) == ("hk", "loose", "hover")


@pytest.mark.parametrize("data", [{"pinyin": "sometimes"}, {"script": "<b>"}, {"tones": "yes"}])
def test_bad_preference_values_are_refused_with_a_message_and_nothing_stored(client, django_user_model, data):
    client.force_login(django_user_model.objects.create_user("reader"))
    response = client.post("/preferences/", data)
    assert response.status_code == 400
    assert "Allowed:" in response.json()["error"]
    assert not ReadingPreference.objects.exists()


def test_one_readers_preferences_do_not_affect_another(client, make_article, django_user_model):
    first = django_user_model.objects.create_user("first")
    second = django_user_model.objects.create_user("second")
    client.force_login(first)
    client.post("/preferences/", {"pinyin": "ruby"})
    client.force_login(second)
    assert 'data-pinyin="hover"' in client.get(make_article().get_absolute_url()).content.decode()
