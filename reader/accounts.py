"""The one write path for learner accounts: sign-up, with an optional class to join."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction

from reader.classes import classroom_join
from reader.roles import LEARNER


@transaction.atomic
def learner_signup(*, username: str, email: str, password: str, join_code: str = "") -> AbstractBaseUser:
    """A new learner; with a join code she is in that class too, or (bad code) nothing is stored."""
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    # get_or_create: an admin who deleted the group must not break sign-up.
    user.groups.add(Group.objects.get_or_create(name=LEARNER)[0])
    if join_code.strip():
        classroom_join(learner=user, code=join_code)
    return user
