import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corpus import services as corpus_services
from corpus.models import Article
from reader import classes
from reader.models import JOIN_CODE_ALPHABET, Assignment, Classroom, Membership, PassageRead


def test_a_class_gets_an_unambiguous_eight_character_join_code(school):
    code = school["classroom"].join_code
    assert len(code) == 8 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set(code) & set("01OIL")


def test_only_teachers_create_classes_and_a_class_needs_a_name(school):
    with pytest.raises(PermissionDenied):
        classes.classroom_create(teacher=school["learner_a"], name="Mine")
    with pytest.raises(ValidationError, match="name"):
        classes.classroom_create(teacher=school["owner"], name="   ")
    assert Classroom.objects.count() == 2


def test_join_codes_are_read_as_people_type_them(school):
    code = school["classroom"].join_code
    typed = f" {code[:4].lower()}-{code[4:]} "
    membership = classes.classroom_join(learner=school["learner_b"], code=typed)
    assert membership.classroom == school["classroom"]
    # Joining again is harmless: still one membership.
    classes.classroom_join(learner=school["learner_b"], code=code)
    assert Membership.objects.filter(learner=school["learner_b"]).count() == 1


def test_a_wrong_join_code_says_what_to_do(school):
    with pytest.raises(ValidationError, match="Check it with your teacher"):
        classes.classroom_join(learner=school["learner_b"], code="NOPE2345")


def test_a_teacher_cannot_join_her_own_class(school):
    with pytest.raises(ValidationError, match="You teach this class"):
        classes.classroom_join(learner=school["owner"], code=school["classroom"].join_code)


def test_assigning_again_updates_the_due_date(school):
    due = datetime.date(2026, 12, 24)
    classes.assignment_create(
        classroom=school["classroom"], article=school["published"], teacher=school["owner"], due_date=due
    )
    assignment = Assignment.objects.get(classroom=school["classroom"], article=school["published"])
    assert assignment.due_date == due
    assert school["classroom"].assignments.count() == 2


def test_a_private_draft_cannot_be_assigned_and_nobody_assigns_what_they_cannot_read(school):
    with pytest.raises(ValidationError, match="private draft"):
        classes.assignment_create(classroom=school["classroom"], article=school["draft"], teacher=school["owner"])
    with pytest.raises(PermissionDenied):
        classes.assignment_create(
            classroom=school["other_class"], article=school["for_class"], teacher=school["other_teacher"]
        )


def test_classes_only_articles_are_read_by_their_classes_owner_and_staff(school, django_user_model):
    article = school["for_class"]

    def readable(user):
        return Article.objects.readable_by(user).filter(pk=article.pk).exists()

    assert readable(school["learner_a"]) and readable(school["owner"]) and readable(school["admin"])
    assert not readable(school["learner_b"]) and not readable(school["other_teacher"])
    # Each article once, even when two of the learner's classes have it.
    second = classes.classroom_create(teacher=school["owner"], name="Second")
    classes.classroom_join(learner=school["learner_a"], code=second.join_code)
    classes.assignment_create(classroom=second, article=article, teacher=school["owner"])
    assert list(Article.objects.readable_by(school["learner_a"])).count(article) == 1


def test_a_removed_learner_loses_the_class_articles_but_keeps_her_marks(school):
    membership = school["classroom"].memberships.get(learner=school["learner_a"])
    classes.membership_remove(membership=membership)
    assert not Article.objects.readable_by(school["learner_a"]).filter(pk=school["for_class"].pk).exists()
    assert PassageRead.objects.filter(learner=school["learner_a"]).count() == 1
    # Rejoining brings the article and the marks back.
    classes.classroom_join(learner=school["learner_a"], code=school["classroom"].join_code)
    assert Article.objects.readable_by(school["learner_a"]).filter(pk=school["for_class"].pk).exists()


def test_the_owner_sets_visibility_and_nobody_else(school):
    article = school["for_class"]
    corpus_services.article_visibility_set(article=article, status=Article.Status.PUBLISHED, user=school["owner"])
    assert Article.objects.readable_by(school["learner_b"]).filter(pk=article.pk).exists()
    with pytest.raises(PermissionDenied):
        corpus_services.article_visibility_set(article=article, status="draft", user=school["other_teacher"])
    with pytest.raises(ValidationError):
        corpus_services.article_visibility_set(article=article, status="secret", user=school["owner"])
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


# The pages


def test_teacher_creates_a_class_and_sees_its_code(client, school):
    client.force_login(school["other_teacher"])
    response = client.post("/classes/", {"name": "Weekend readers"}, follow=True)
    classroom = Classroom.objects.get(name="Weekend readers")
    html = response.content.decode()
    assert classroom.join_code in html and "Weekend readers" in html


def test_learner_joins_with_a_code_and_a_bad_code_is_explained(client, school):
    client.force_login(school["learner_b"])
    response = client.post("/classes/join/", {"code": "WRONG234"})
    assert response.status_code == 200
    assert "No class has this join code" in response.content.decode()
    client.post("/classes/join/", {"code": school["classroom"].join_code})
    assert Membership.objects.filter(learner=school["learner_b"], classroom=school["classroom"]).exists()


def test_teacher_assigns_with_a_due_date_and_removes_a_learner(client, school):
    client.force_login(school["owner"])
    classroom = school["classroom"]
    second = school["published"].pk
    client.post(f"/classes/{classroom.pk}/assignments/", {"article": second, "due_date": "2026-12-01"})
    assert classroom.assignments.get(article_id=second).due_date == datetime.date(2026, 12, 1)
    response = client.post(f"/classes/{classroom.pk}/assignments/", {"article": school["draft"].pk}, follow=True)
    assert "Choose an article" in response.content.decode()
    membership = classroom.memberships.get()
    client.post(f"/classes/{classroom.pk}/members/{membership.pk}/delete/")
    assert not classroom.memberships.exists()


def test_class_page_escapes_names_and_titles(client, school, make_article):
    xss = "<script>alert(1)</script>"
    client.force_login(school["owner"])
    client.post("/classes/", {"name": xss})
    html = client.get(Classroom.objects.get(name=xss).get_absolute_url()).content.decode()
    assert xss not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_teacher_changes_who_can_read_her_article_from_the_classes_page(client, school):
    client.force_login(school["owner"])
    html = client.get("/classes/").content.decode()
    assert f'id="visibility-{school["draft"].pk}"' in html
    response = client.post(
        f"/articles/{school['draft'].pk}/visibility/", {"status": "classes", "next": "/classes/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/classes/"
    assert "is now: Assigned classes only" in response.content.decode()
    school["draft"].refresh_from_db()
    assert school["draft"].status == Article.Status.CLASSES
    # An outside "next" is ignored.
    response = client.post(
        f"/articles/{school['draft'].pk}/visibility/", {"status": "draft", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/classes/"


def test_a_join_link_fills_in_the_code(client, school):
    client.force_login(school["owner"])
    code = school["classroom"].join_code
    assert f"/classes/join/?code={code}" in client.get(school["classroom"].get_absolute_url()).content.decode()
    client.force_login(school["learner_b"])
    assert f'value="{code}"' in client.get(f"/classes/join/?code={code}").content.decode()


def test_admins_see_classes_in_the_admin_but_change_them_on_the_site(client, school):
    client.force_login(school["admin"])
    school["admin"].is_superuser = True
    school["admin"].save()
    html = client.get(f"/admin/reader/classroom/{school['classroom'].pk}/change/").content.decode()
    assert school["classroom"].join_code in html and "learner_a" in html
    assert client.get("/admin/reader/classroom/add/").status_code == 403


def test_a_learner_leaves_a_class_and_keeps_her_marks(client, school):
    client.force_login(school["learner_a"])
    assert "Leave Class 3B" in client.get("/classes/").content.decode()
    response = client.post(f"/classes/{school['classroom'].pk}/leave/", follow=True)
    assert "You left Class 3B" in response.content.decode()
    assert not Membership.objects.filter(learner=school["learner_a"]).exists()
    assert PassageRead.objects.filter(learner=school["learner_a"]).count() == 1


def test_joining_someone_elses_class_does_not_let_a_teacher_assign_its_class_only_article(school):
    # Reading a class-only article as a member is not owning it.
    other = school["other_teacher"]
    membership = classes.classroom_join(learner=other, code=school["classroom"].join_code)
    assert Article.objects.readable_by(other).filter(pk=school["for_class"].pk).exists()
    with pytest.raises(PermissionDenied):
        classes.assignment_create(classroom=school["other_class"], article=school["for_class"], teacher=other)
    assert not Assignment.objects.filter(classroom=school["other_class"]).exists()
    classes.membership_remove(membership=membership)
    assert not Article.objects.readable_by(other).filter(pk=school["for_class"].pk).exists()
    # Public articles stay assignable by any teacher.
    classes.assignment_create(classroom=school["other_class"], article=school["published"], teacher=other)


def test_an_article_made_private_after_assignment_leaves_other_teachers_and_learners_pages(client, school):
    other, other_class, article = school["other_teacher"], school["other_class"], school["published"]
    classes.assignment_create(classroom=other_class, article=article, teacher=other)
    learner = school["learner_b"]
    classes.classroom_join(learner=learner, code=other_class.join_code)
    corpus_services.article_visibility_set(article=article, status=Article.Status.DRAFT, user=school["owner"])
    client.force_login(other)
    assert client.get(f"/classes/{other_class.pk}/articles/{article.pk}/").status_code == 404
    assert article.title not in client.get(f"/classes/{other_class.pk}/").content.decode()
    client.force_login(learner)
    assert article.title not in client.get("/me/").content.decode()
    client.force_login(school["owner"])
    assert client.get(f"/classes/{school['classroom'].pk}/articles/{article.pk}/").status_code == 200


def test_a_class_name_over_the_limit_is_refused_with_a_message(client, school):
    with pytest.raises(ValidationError, match="under 121 characters"):
        classes.classroom_create(teacher=school["owner"], name="班" * 121)
    client.force_login(school["owner"])
    response = client.post("/classes/", {"name": "班" * 121})
    assert response.status_code in (200, 302)
    assert not Classroom.objects.filter(name="班" * 121).exists()
