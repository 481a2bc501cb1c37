"""Every URL pattern of ours, for every kind of visitor: who may see what.

Adding a URL pattern without a row here fails ``test_every_url_pattern_has_a_row``.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from corpus.models import Article

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
    return {
        "published": make_article(),
        "draft": make_article(owner=owner, status=Article.Status.DRAFT),
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
    assert client.get(url_for(articles)).status_code == expected[visitor]


def test_admin_requires_staff(client, django_user_model, db):
    assert client.get("/admin/").status_code == 302
    client.force_login(django_user_model.objects.create_user("learner"))
    assert client.get("/admin/").status_code == 302
