import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from reader.models import Classroom, Membership


def _signup(client, **extra):
    data = {
        "username": "new_learner",
        "email": "new@example.org",
        "password1": "a-long-new-password",
        "password2": "a-long-new-password",
        **extra,
    }
    return client.post("/accounts/signup/", data)


def test_signup_makes_a_signed_in_learner_in_the_class_of_the_code(client, school):
    response = _signup(client, join_code=school["classroom"].join_code.lower())
    assert response.status_code == 302 and response["Location"] == "/me/"
    user = get_user_model().objects.get(username="new_learner")
    assert list(user.groups.values_list("name", flat=True)) == ["learner"]
    assert Membership.objects.filter(learner=user, classroom=school["classroom"]).exists()
    assert client.get("/me/").status_code == 200  # signed in


def test_signup_without_a_code_is_fine(client, school):
    assert _signup(client).status_code == 302
    assert not Membership.objects.filter(learner__username="new_learner").exists()


def test_signup_with_a_wrong_code_stores_nothing_and_says_why(client, school):
    response = _signup(client, join_code="ZZZZ2222")
    assert response.status_code == 200
    assert "No class has this join code" in response.content.decode()
    assert not get_user_model().objects.filter(username="new_learner").exists()


def test_signup_checks_passwords_like_everywhere_else(client, school):
    response = _signup(client, password1="short", password2="short")
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not get_user_model().objects.filter(username="new_learner").exists()


def _login(client, username, password, address):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_repeated_wrong_passwords_lock_that_name_from_that_address_only(client, school, settings):
    victim = "learner_a"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, victim, "wrong-guess", "203.0.113.9")
    locked = _login(client, victim, "learner-a-long-password", "203.0.113.9")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert f"Wait {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in locked.content.decode()
    # The victim, from her own address, still signs in: nobody locks her out by name alone.
    assert _login(client, victim, "learner-a-long-password", "198.51.100.4").status_code == 302
    # And the attacker's address may still sign in as someone else.
    client.logout()
    assert _login(client, "learner_b", "learner-b-long-password", "203.0.113.9").status_code == 302
    assert AccessAttempt.objects.filter(username=victim, ip_address="203.0.113.9").exists()


def test_a_successful_sign_in_resets_the_count(client, school, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "learner_b", "wrong", "192.0.2.1")
    assert _login(client, "learner_b", "learner-b-long-password", "192.0.2.1").status_code == 302
    client.logout()
    _login(client, "learner_b", "wrong", "192.0.2.1")
    assert _login(client, "learner_b", "learner-b-long-password", "192.0.2.1").status_code == 302


def test_demo_accounts_exist_only_in_debug_and_are_printed(db, settings, capsys, make_article):
    make_article()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo_accounts")
    assert not get_user_model().objects.exists()
    settings.DEBUG = True
    call_command("load_demo_accounts")
    call_command("load_demo_accounts")  # twice is harmless
    out = capsys.readouterr().out
    assert "demo-teacher / demo-teacher-password" in out and "demo-learner" in out
    classroom = Classroom.objects.get()
    assert classroom.join_code in out
    assert classroom.memberships.get().learner.username == "demo-learner"
    assert classroom.assignments.count() == 1
