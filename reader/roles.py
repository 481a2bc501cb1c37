"""Who is who: learners and teachers are Django groups (made by a migration), admins are staff."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

LEARNER = "learner"
TEACHER = "teacher"


def is_teacher(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Teachers and admins may create classes and assign articles."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name=TEACHER).exists()
