"""A small school built through the services: two teachers, two learners, an admin, a class."""

import pytest
from django.contrib.auth.models import Group

from corpus.models import Article
from reader import accounts, classes, progress
from reader.roles import TEACHER

CLASS_TEXT = """河边的早晨

天刚亮，河边已经有人在跑步。

几位老人在柳树下打太极拳，动作很慢。

卖豆浆的小车停在桥头，热气一阵阵地冒出来。

太阳升高以后，河边又安静下来。
"""


def teacher(django_user_model, username: str):
    user = django_user_model.objects.create_user(username, password=f"{username}-long-password")
    user.groups.add(Group.objects.get(name=TEACHER))
    return user


@pytest.fixture
def school(roles, django_user_model, make_article):
    owner = teacher(django_user_model, "owner")
    other_teacher = teacher(django_user_model, "other_teacher")
    admin = django_user_model.objects.create_user("admin", password="admin-long-password", is_staff=True)
    classroom = classes.classroom_create(teacher=owner, name="Class 3B")
    other_class = classes.classroom_create(teacher=other_teacher, name="Evening group")
    learner_a = accounts.learner_signup(
        username="learner_a", email="a@example.org", password="learner-a-long-password", join_code=classroom.join_code
    )
    learner_b = accounts.learner_signup(username="learner_b", email="b@example.org", password="learner-b-long-password")
    published = make_article(owner=owner)
    for_class = make_article(CLASS_TEXT, owner=owner, status=Article.Status.CLASSES)
    draft = make_article(owner=owner, status=Article.Status.DRAFT)
    classes.assignment_create(classroom=classroom, article=for_class, teacher=owner)
    classes.assignment_create(classroom=classroom, article=published, teacher=owner)
    class_passage = for_class.passages.get(position=1)
    progress.passage_mark(learner=learner_a, passage=class_passage, read=True)
    return {
        "owner": owner,
        "other_teacher": other_teacher,
        "admin": admin,
        "learner_a": learner_a,
        "learner_b": learner_b,
        "classroom": classroom,
        "other_class": other_class,
        "published": published,
        "published_passage": published.passages.get(position=2),
        "for_class": for_class,
        "class_passage": class_passage,
        "draft": draft,
    }


def word_offset(passage, word: str) -> int:
    """The character offset of the first token spelling ``word`` in the passage."""
    offset = 0
    for token in passage.tokens:
        if token["text"] == word:
            return offset
        offset += len(token["text"])
    raise AssertionError(f"{word} is not a token of passage {passage.pk}")
