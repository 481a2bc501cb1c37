"""Every URL pattern of ours, for every kind of visitor: who may see what.

Adding a URL pattern without a row here fails ``test_every_url_pattern_has_a_row``.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from corpus import services
from glossary.models import Term
from glossary.services import term_save
from reader import words
from tests.reader.conftest import word_offset

JSON = {"content_type": "application/json"}

VISITORS = ["anonymous", "learner_a", "learner_b", "owner", "other_teacher", "admin"]
# learner_a is in the owner's class; learner_b in no class; owner is the teacher who owns the
# articles and the class; other_teacher teaches another class; admin is staff.
SIGNED_IN = VISITORS[1:]
LEARNERS = ["learner_a", "learner_b"]


def _all(status):
    return dict.fromkeys(VISITORS, status)


def _signed_in(status, anonymous=302):
    return {**dict.fromkeys(SIGNED_IN, status), "anonymous": anonymous}


def _class_teacher(status, *, learners=403, other=404):
    """A class's teacher pages: its teacher and admins; learners are not teachers; other teachers get 404."""
    return {
        "anonymous": 302,
        **dict.fromkeys(LEARNERS, learners),
        "owner": status,
        "other_teacher": other,
        "admin": status,
    }


def _class_only(ok=200, refused=404, anonymous=404):
    """An article shared with assigned classes only: its class (learner_a), its owner and admins."""
    return {
        "anonymous": anonymous,
        "learner_a": ok,
        "learner_b": refused,
        "owner": ok,
        "other_teacher": refused,
        "admin": ok,
    }


def _class_url(a, suffix=""):
    return f"/classes/{a['classroom'].pk}/{suffix}"


# name -> (how to build the URL from the fixtures, expected status per visitor)
# POST rows build ("POST", url, data[, extra arguments for client.post]).
MATRIX = {
    "reader:articles": (lambda a: "/", _all(200)),
    "reader:article": (lambda a: a["published"].get_absolute_url(), _all(200)),
    "reader:article [draft]": (
        lambda a: a["draft"].get_absolute_url(),
        {**_all(404), "owner": 200, "admin": 200},
    ),
    "reader:article [classes only]": (lambda a: a["for_class"].get_absolute_url(), _class_only()),
    "glossary:index": (lambda a: "/glossary/?q=ping", _all(200)),
    "glossary:term": (lambda a: a["term"].get_absolute_url(), _all(200)),
    # Correcting a reading: the article's owner and staff only.
    "reader:passage-reading": (
        lambda a: ("POST", f"/passages/{a['published_passage'].pk}/reading/", a["correction"]),
        {**_signed_in(404), "owner": 200, "admin": 200},
    ),
    "reader:passage-reading [GET]": (lambda a: f"/passages/{a['published_passage'].pk}/reading/", _all(405)),
    # Reading preferences: signed-in readers store their own (anonymous readers keep them in the browser).
    "reader:preferences": (lambda a: ("POST", "/preferences/", {"pinyin": "ruby"}), _signed_in(200)),
    "reader:preferences [GET]": (lambda a: "/preferences/", _all(405)),
    "set_language": (lambda a: ("POST", "/i18n/setlang/", {"language": "zh-hans", "next": "/"}), _all(302)),
    # Importing texts (corpus): teachers (the corpus.add_article permission of the teacher group) and staff.
    "corpus:texts": (lambda a: "/texts/", {**_signed_in(200), "learner_a": 403, "learner_b": 403}),
    "corpus:texts [POST]": (
        lambda a: ("POST", "/texts/", {"text": "小河\n\n河水很清。", "encoding": ""}),
        {**_signed_in(302), "learner_a": 403, "learner_b": 403},
    ),
    # A draft is seen by the teacher who uploaded it only.
    "corpus:draft": (
        lambda a: a["import_draft"].get_absolute_url(),
        {**_signed_in(404), "learner_a": 403, "learner_b": 403, "owner": 200},
    ),
    "corpus:draft [POST]": (
        lambda a: ("POST", a["import_draft"].get_absolute_url(), {"title": "小河", "keep": ["0"]}),
        {**_signed_in(404), "learner_a": 403, "learner_b": 403, "owner": 302},
    ),
    "corpus:draft-encoding": (
        lambda a: ("POST", f"/texts/drafts/{a['import_draft'].pk}/encoding/", {"encoding": "gb18030"}),
        {**_signed_in(404), "learner_a": 403, "learner_b": 403, "owner": 302},
    ),
    "corpus:draft-encoding [GET]": (lambda a: f"/texts/drafts/{a['import_draft'].pk}/encoding/", _signed_in(405)),
    "corpus:edit": (
        lambda a: f"/texts/{a['published'].pk}/edit/",
        {**_signed_in(404), "owner": 200, "admin": 200},
    ),
    "corpus:edit [POST]": (
        lambda a: ("POST", f"/texts/{a['published'].pk}/edit/", {"title": "新标题", "text": "新的一段。"}),
        {**_signed_in(404), "owner": 302, "admin": 302},
    ),
    "corpus:progress": (lambda a: f"/texts/{a['published'].pk}/progress/", _all(200)),
    "corpus:progress [draft]": (
        lambda a: f"/texts/{a['draft'].pk}/progress/",
        {**_all(404), "owner": 200, "admin": 200},
    ),
    "corpus:progress [classes only]": (lambda a: f"/texts/{a['for_class'].pk}/progress/", _class_only()),
    "login": (lambda a: "/accounts/login/", _all(200)),
    "logout": (lambda a: ("POST", "/accounts/logout/", {}), _all(302)),
    "logout [GET]": (lambda a: "/accounts/logout/", _all(405)),
    "password_change": (lambda a: "/accounts/password_change/", _signed_in(200)),
    "password_change_done": (lambda a: "/accounts/password_change/done/", _signed_in(200)),
    "password_reset": (lambda a: "/accounts/password_reset/", _all(200)),
    "password_reset_done": (lambda a: "/accounts/password_reset/done/", _all(200)),
    "password_reset_confirm": (lambda a: "/accounts/reset/MQ/bad-token/", _all(200)),
    "password_reset_complete": (lambda a: "/accounts/reset/done/", _all(200)),
    # Sign-up is for visitors; the signed-in are sent to their dashboard.
    "reader:signup": (lambda a: "/accounts/signup/", _signed_in(302, anonymous=200)),
    "reader:dashboard": (lambda a: "/me/", _signed_in(200)),
    "reader:progress-settings": (lambda a: ("POST", "/me/settings/", {"auto_mark": "on"}), _signed_in(302)),
    "reader:progress-settings [GET]": (lambda a: "/me/settings/", _signed_in(405)),
    "reader:classes": (lambda a: "/classes/", _signed_in(200)),
    "reader:classes [create]": (
        lambda a: ("POST", "/classes/", {"name": "New class"}),
        {**_signed_in(302), "learner_a": 403, "learner_b": 403},
    ),
    "reader:class-join": (lambda a: "/classes/join/", _signed_in(200)),
    # The owner cannot join her own class as a learner: the form shows why (200).
    "reader:class-join [POST]": (
        lambda a: ("POST", "/classes/join/", {"code": a["classroom"].join_code}),
        {**_signed_in(302), "owner": 200},
    ),
    "reader:class": (lambda a: _class_url(a), _class_teacher(200)),
    # Leaving: only a learner of the class has a membership to end.
    "reader:class-leave": (
        lambda a: ("POST", _class_url(a, "leave/"), {}),
        {**_signed_in(404), "learner_a": 302},
    ),
    "reader:class-assign": (
        lambda a: ("POST", _class_url(a, "assignments/"), {"article": a["published"].pk}),
        _class_teacher(302),
    ),
    "reader:assignment-delete": (
        lambda a: ("POST", _class_url(a, f"assignments/{a['classroom'].assignments.first().pk}/delete/"), {}),
        _class_teacher(302),
    ),
    "reader:assignment-delete [GET]": (
        lambda a: _class_url(a, f"assignments/{a['classroom'].assignments.first().pk}/delete/"),
        _class_teacher(405, other=405),
    ),
    "reader:member-remove": (
        lambda a: ("POST", _class_url(a, f"members/{a['classroom'].memberships.get().pk}/delete/"), {}),
        _class_teacher(302),
    ),
    "reader:class-learner": (lambda a: _class_url(a, f"learners/{a['learner_a'].pk}/"), _class_teacher(200)),
    "reader:class-learner [not in the class]": (
        lambda a: _class_url(a, f"learners/{a['learner_b'].pk}/"),
        _class_teacher(404),
    ),
    "reader:class-article": (lambda a: _class_url(a, f"articles/{a['for_class'].pk}/"), _class_teacher(200)),
    "reader:class-article [not assigned]": (
        lambda a: _class_url(a, f"articles/{a['draft'].pk}/"),
        _class_teacher(404),
    ),
    "reader:class-export": (lambda a: _class_url(a, "progress.csv"), _class_teacher(200)),
    "reader:article-visibility": (
        lambda a: ("POST", f"/articles/{a['published'].pk}/visibility/", {"status": "classes"}),
        {**_signed_in(403), "owner": 302, "admin": 302},
    ),
    "reader:article-visibility [draft]": (
        lambda a: ("POST", f"/articles/{a['draft'].pk}/visibility/", {"status": "published"}),
        {**_signed_in(404), "owner": 302, "admin": 302},
    ),
    "reader:words": (lambda a: "/words/", _signed_in(200)),
    "reader:word-save": (
        lambda a: ("POST", "/words/save/", {"passage": a["published_passage"].pk, "offset": a["correction"]["offset"]}),
        _signed_in(200, anonymous=403),
    ),
    "reader:word-save [classes only]": (
        lambda a: ("POST", "/words/save/", {"passage": a["class_passage"].pk, "offset": 0}),
        _class_only(anonymous=403),
    ),
    "reader:word-delete": (
        lambda a: ("POST", f"/words/{a['saved_word'].pk}/delete/", {}),
        {**_signed_in(404), "learner_a": 302},
    ),
    "reader:words-export": (lambda a: "/words/export.csv", _signed_in(200)),
    "reader:api-progress": (
        lambda a: ("POST", "/api/progress/", {"passage": a["published_passage"].pk, "read": True}, JSON),
        _signed_in(200, anonymous=403),
    ),
    "reader:api-progress [classes only]": (
        lambda a: ("POST", "/api/progress/", {"passage": a["class_passage"].pk, "read": False}, JSON),
        _class_only(anonymous=403),
    ),
    "reader:api-progress [GET]": (lambda a: "/api/progress/", _all(405)),
    "reader:api-article-progress": (
        lambda a: f"/api/articles/{a['published'].pk}/progress/",
        _signed_in(200, anonymous=403),
    ),
    "reader:api-article-progress [classes only]": (
        lambda a: f"/api/articles/{a['for_class'].pk}/progress/",
        _class_only(anonymous=403),
    ),
}


def _pattern_names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":  # Django's admin checks staff itself
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _pattern_names(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_has_a_row():
    covered = {name.split(" ")[0] for name in MATRIX}
    assert set(_pattern_names()) <= covered


@pytest.fixture
def articles(school):
    passage = school["published_passage"]
    offset = word_offset(passage, "银行")
    saved_word, _ = words.saved_word_add(learner=school["learner_a"], passage=passage, offset=offset)
    return {
        **school,
        "correction": {"offset": offset, "text": "银行", "pinyin": "yín háng"},
        "saved_word": saved_word,
        "import_draft": services.draft_create(data="小河\n\n河水很清。".encode(), owner=school["owner"]),
        "term": term_save(
            term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative")
        ),
    }


@pytest.mark.parametrize("row", MATRIX)
@pytest.mark.parametrize("visitor", VISITORS)
def test_authorization_matrix(client: Client, articles, row, visitor):
    if visitor != "anonymous":
        client.force_login(articles[visitor])
    url_for, expected = MATRIX[row]
    target = url_for(articles)
    if isinstance(target, tuple):
        _, url, data, *extra = target
        response = client.post(url, data, **(extra[0] if extra else {}))
    else:
        response = client.get(target)
    assert response.status_code == expected[visitor], response.content[:300]


def test_admin_requires_staff(client, django_user_model, db):
    assert client.get("/admin/").status_code == 302
    client.force_login(django_user_model.objects.create_user("learner"))
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("who", "can_change"),
    [("learner", False), ("teacher_staff_without_glossary", False), ("editor", True), ("admin", True)],
)
def test_only_admins_and_editors_can_change_the_glossary(client, django_user_model, db, who, can_change):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(who, is_staff=who != "learner", is_superuser=who == "admin")
    if who == "editor":
        user.groups.add(Group.objects.get(name="editor"))
    client.force_login(user)
    response = client.post(
        "/admin/glossary/term/add/",
        {"slug": "he-he-zhi", "simplified": "河长制", "pinyin": "hé zhǎng zhì", "english": "river chief system"},
    )
    assert Term.objects.filter(slug="he-he-zhi").exists() is can_change
    assert response.status_code == (302 if can_change else 403 if who != "learner" else 302)
