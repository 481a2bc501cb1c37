"""Every URL pattern of ours, for every kind of visitor: who may see what.

Adding a URL pattern without a row here fails ``test_every_url_pattern_has_a_row``.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver

from corpus import services
from corpus.models import Article
from glossary.models import Term
from glossary.services import term_save

VISITORS = ["anonymous", "learner", "owner", "staff"]
# name -> (how to build the URL from the fixtures, expected status per visitor)
MATRIX = {
    "reader:articles": (lambda a: "/", dict.fromkeys(VISITORS, 200)),
    "reader:article": (
        lambda a: a["published"].get_absolute_url(),
        dict.fromkeys(VISITORS, 200),
    ),
    "reader:article [draft]": (
        lambda a: a["draft"].get_absolute_url(),
        {"anonymous": 404, "learner": 404, "owner": 200, "staff": 200},
    ),
    "glossary:index": (lambda a: "/glossary/?q=ping", dict.fromkeys(VISITORS, 200)),
    "glossary:term": (lambda a: a["term"].get_absolute_url(), dict.fromkeys(VISITORS, 200)),
    # POST rows: (url, data) -> status. Correcting a reading: the article's owner and staff only.
    "reader:passage-reading": (
        lambda a: ("POST", f"/passages/{a['published_passage'].pk}/reading/", a["correction"]),
        {"anonymous": 302, "learner": 404, "owner": 200, "staff": 200},
    ),
    "reader:passage-reading [GET]": (
        lambda a: f"/passages/{a['published_passage'].pk}/reading/",
        dict.fromkeys(VISITORS, 405),
    ),
    # Reading preferences: signed-in readers store their own (anonymous readers keep them in the browser).
    "reader:preferences": (
        lambda a: ("POST", "/preferences/", {"pinyin": "ruby"}),
        {"anonymous": 302, "learner": 200, "owner": 200, "staff": 200},
    ),
    "reader:preferences [GET]": (lambda a: "/preferences/", dict.fromkeys(VISITORS, 405)),
    "set_language": (
        lambda a: ("POST", "/i18n/setlang/", {"language": "zh-hans", "next": "/"}),
        dict.fromkeys(VISITORS, 302),
    ),
    # Importing texts (corpus): teachers (the corpus.add_article permission; "owner" has it here) and staff.
    "corpus:texts": (lambda a: "/texts/", {"anonymous": 302, "learner": 403, "owner": 200, "staff": 200}),
    "corpus:texts [POST]": (
        lambda a: ("POST", "/texts/", {"text": "小河\n\n河水很清。", "encoding": ""}),
        {"anonymous": 302, "learner": 403, "owner": 302, "staff": 302},
    ),
    # A draft is seen by the teacher who uploaded it only.
    "corpus:draft": (
        lambda a: a["import_draft"].get_absolute_url(),
        {"anonymous": 302, "learner": 403, "owner": 200, "staff": 404},
    ),
    "corpus:draft [POST]": (
        lambda a: ("POST", a["import_draft"].get_absolute_url(), {"title": "小河", "keep": ["0"]}),
        {"anonymous": 302, "learner": 403, "owner": 302, "staff": 404},
    ),
    "corpus:draft-encoding": (
        lambda a: ("POST", f"/texts/drafts/{a['import_draft'].pk}/encoding/", {"encoding": "gb18030"}),
        {"anonymous": 302, "learner": 403, "owner": 302, "staff": 404},
    ),
    "corpus:draft-encoding [GET]": (
        lambda a: f"/texts/drafts/{a['import_draft'].pk}/encoding/",
        {"anonymous": 302, "learner": 405, "owner": 405, "staff": 405},
    ),
    "corpus:edit": (
        lambda a: f"/texts/{a['published'].pk}/edit/",
        {"anonymous": 302, "learner": 404, "owner": 200, "staff": 200},
    ),
    "corpus:edit [POST]": (
        lambda a: ("POST", f"/texts/{a['published'].pk}/edit/", {"title": "新标题", "text": "新的一段。"}),
        {"anonymous": 302, "learner": 404, "owner": 302, "staff": 302},
    ),
    "corpus:progress": (lambda a: f"/texts/{a['published'].pk}/progress/", dict.fromkeys(VISITORS, 200)),
    "corpus:progress [draft]": (
        lambda a: f"/texts/{a['draft'].pk}/progress/",
        {"anonymous": 404, "learner": 404, "owner": 200, "staff": 200},
    ),
    "login": (lambda a: "/accounts/login/", dict.fromkeys(VISITORS, 200)),
    "logout": (lambda a: ("POST", "/accounts/logout/", {}), dict.fromkeys(VISITORS, 302)),
    "logout [GET]": (lambda a: "/accounts/logout/", dict.fromkeys(VISITORS, 405)),
    "password_change": (lambda a: "/accounts/password_change/", {**dict.fromkeys(VISITORS, 200), "anonymous": 302}),
    "password_change_done": (
        lambda a: "/accounts/password_change/done/",
        {**dict.fromkeys(VISITORS, 200), "anonymous": 302},
    ),
    "password_reset": (lambda a: "/accounts/password_reset/", dict.fromkeys(VISITORS, 200)),
    "password_reset_done": (lambda a: "/accounts/password_reset/done/", dict.fromkeys(VISITORS, 200)),
    "password_reset_confirm": (lambda a: "/accounts/reset/MQ/bad-token/", dict.fromkeys(VISITORS, 200)),
    "password_reset_complete": (lambda a: "/accounts/reset/done/", dict.fromkeys(VISITORS, 200)),
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
def articles(make_article, django_user_model):
    owner = django_user_model.objects.create_user("owner")
    owner.user_permissions.add(Permission.objects.get(codename="add_article", content_type__app_label="corpus"))
    published = make_article(owner=owner)
    passage = published.passages.get(position=2)
    offset = 0
    for token in passage.tokens:
        if token["text"] == "银行":
            break
        offset += len(token["text"])
    return {
        "published": published,
        "published_passage": passage,
        "correction": {"offset": offset, "text": "银行", "pinyin": "yín háng"},
        "draft": make_article(owner=owner, status=Article.Status.DRAFT),
        "import_draft": services.draft_create(data="小河\n\n河水很清。".encode(), owner=owner),
        "term": term_save(
            term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative")
        ),
    }


@pytest.mark.parametrize("row", MATRIX)
@pytest.mark.parametrize("visitor", VISITORS)
def test_authorization_matrix(client, django_user_model, articles, row, visitor):
    if visitor == "learner":
        client.force_login(django_user_model.objects.create_user("learner"))
    elif visitor == "owner":
        client.force_login(django_user_model.objects.get(username="owner"))
    elif visitor == "staff":
        client.force_login(django_user_model.objects.create_user("admin", is_staff=True))
    url_for, expected = MATRIX[row]
    target = url_for(articles)
    if isinstance(target, tuple):
        _, url, data = target
        response = client.post(url, data)
    else:
        response = client.get(target)
    assert response.status_code == expected[visitor]


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
