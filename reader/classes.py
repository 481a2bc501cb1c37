"""The one write path for classes: creating them, joining, assigning articles, removing learners."""

import datetime
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from corpus.models import Article
from reader.models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Assignment, Classroom, Membership
from reader.roles import is_teacher


def join_code_new() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def join_code_normalize(code: str) -> str:
    """What a person typed, as stored: spaces and dashes dropped, upper case."""
    return "".join(code.split()).replace("-", "").upper()


def classroom_create(*, teacher: AbstractBaseUser, name: str) -> Classroom:
    """A new class with a fresh join code (drawn again in the unlikely case it is taken)."""
    if not is_teacher(teacher):
        raise PermissionDenied(_("Only teachers create classes."))
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the class a name."))
    limit = Classroom._meta.get_field("name").max_length
    if len(name) > limit:
        raise ValidationError(_("Keep the class name under %(limit)s characters.") % {"limit": limit + 1})
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Classroom.objects.create(teacher=teacher, name=name, join_code=join_code_new())
        except IntegrityError:
            continue
    raise ValidationError(_("Could not make a unique join code; try again."))


@transaction.atomic
def classroom_join(*, learner: AbstractBaseUser, code: str) -> Membership:
    """Join the class whose code this is; joining twice is harmless."""
    classroom = Classroom.objects.filter(join_code=join_code_normalize(code)).first()
    if classroom is None:
        raise ValidationError(_("No class has this join code. Check it with your teacher (8 letters and digits)."))
    if classroom.teacher_id == learner.pk:
        raise ValidationError(_("You teach this class; learners join it with the code."))
    membership, _created = Membership.objects.get_or_create(classroom=classroom, learner=learner)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """Take a learner out of a class. Her reading progress stays: it belongs to her, not to the class."""
    membership.delete()


@transaction.atomic
def assignment_create(
    *, classroom: Classroom, article: Article, teacher: AbstractBaseUser, due_date: datetime.date | None = None
) -> Assignment:
    """Assign an article the teacher may read to her class; assigning again updates the due date."""
    if not Article.objects.assignable_by(teacher).filter(pk=article.pk).exists():
        # Reading a class-only article (as a member of someone's class) is not
        # owning it: only its owner may hand it to more classes.
        raise PermissionDenied(_("You can assign only public articles and your own."))
    if article.status == Article.Status.DRAFT:
        raise ValidationError(
            _("This article is a private draft: share it with assigned classes (or publish it) before assigning it.")
        )
    assignment, _created = Assignment.objects.update_or_create(
        classroom=classroom, article=article, defaults={"due_date": due_date}
    )
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: Assignment) -> None:
    assignment.delete()
