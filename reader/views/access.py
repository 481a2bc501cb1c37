"""Permission checks shared by the class, dashboard and word views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from reader.models import Classroom
from reader.roles import is_teacher


def teacher_required(view):
    """Signed in (else to the sign-in page) and a teacher or admin (else 403)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_teacher(request.user):
            raise PermissionDenied(_("Only teachers can do this."))
        return view(request, *args, **kwargs)

    return wrapped


def classroom_for(user, pk: int) -> Classroom:
    """The class if this user teaches it (or is an admin); 404 for everyone else, who may not know it exists."""
    classes = Classroom.objects.all() if user.is_staff else Classroom.objects.filter(teacher=user)
    return get_object_or_404(classes, pk=pk)
