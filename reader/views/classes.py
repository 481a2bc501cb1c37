"""Classes: teachers create them, assign articles and remove learners; learners join with a code."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from corpus import services as corpus_services
from corpus.models import Article
from reader import classes
from reader.models import Classroom, Membership
from reader.reports import class_progress
from reader.roles import is_teacher
from reader.views.access import classroom_for, teacher_required


class AssignForm(forms.Form):
    article = forms.ModelChoiceField(
        label=gettext_lazy("Article"), queryset=Article.objects.none(), empty_label=gettext_lazy("Choose an article")
    )
    due_date = forms.DateField(
        label=gettext_lazy("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = (
            Article.objects.assignable_by(user).exclude(status=Article.Status.DRAFT).order_by("title")
        )


@login_required
@require_http_methods(["GET", "POST"])
def class_list(request):
    """A teacher's classes (and the form to make one); a learner's classes."""
    teacher = is_teacher(request.user)
    if request.method == "POST":
        if not teacher:
            raise PermissionDenied(_("Only teachers create classes."))
        try:
            classroom = classes.classroom_create(teacher=request.user, name=request.POST.get("name", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reader:classes")
        messages.success(request, _("Class created. Its join code is %(code)s.") % {"code": classroom.join_code})
        return redirect(classroom)
    context = {
        "teacher": teacher,
        "taught": Classroom.objects.filter(teacher=request.user).prefetch_related("memberships") if teacher else [],
        "memberships": request.user.memberships.select_related("classroom", "classroom__teacher"),
        "own_articles": request.user.articles.only("title", "status") if teacher else [],
        "visibility_choices": Article.Status.choices,
    }
    return render(request, "reader/class_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def class_join(request):
    code = request.POST.get("code", request.GET.get("code", ""))
    if request.method == "POST":
        try:
            membership = classes.classroom_join(learner=request.user, code=code)
        except ValidationError as error:
            return render(request, "reader/class_join.html", {"code": code, "error": " ".join(error.messages)})
        messages.success(request, _("You joined %(class)s.") % {"class": membership.classroom.name})
        return redirect("reader:dashboard")
    return render(request, "reader/class_join.html", {"code": code})


@login_required
@require_POST
def class_leave(request, pk: int):
    """A learner leaves a class; her marks stay hers."""
    membership = get_object_or_404(
        Membership.objects.select_related("classroom"), classroom_id=pk, learner=request.user
    )
    classes.membership_remove(membership=membership)
    messages.success(request, _("You left %(class)s.") % {"class": membership.classroom.name})
    return redirect("reader:classes")


@teacher_required
def class_detail(request, pk: int):
    """The teacher's dashboard for one class: join code, learners, assignments, the progress matrix."""
    classroom = classroom_for(request.user, pk)
    context = {
        "classroom": classroom,
        "report": class_progress(classroom),
        "memberships": classroom.memberships.select_related("learner"),
        "assign_form": AssignForm(user=request.user),
    }
    return render(request, "reader/class_detail.html", context)


@teacher_required
@require_POST
def class_assign(request, pk: int):
    classroom = classroom_for(request.user, pk)
    form = AssignForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose an article you can read, and a valid date (or none)."))
        return redirect(classroom)
    try:
        classes.assignment_create(
            classroom=classroom,
            article=form.cleaned_data["article"],
            teacher=request.user,
            due_date=form.cleaned_data["due_date"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(classroom)


@teacher_required
@require_POST
def assignment_delete(request, pk: int, assignment_pk: int):
    classroom = classroom_for(request.user, pk)
    classes.assignment_remove(assignment=get_object_or_404(classroom.assignments, pk=assignment_pk))
    return redirect(classroom)


@teacher_required
@require_POST
def member_remove(request, pk: int, membership_pk: int):
    classroom = classroom_for(request.user, pk)
    membership = get_object_or_404(classroom.memberships.select_related("learner"), pk=membership_pk)
    classes.membership_remove(membership=membership)
    messages.success(
        request, _("%(name)s is no longer in this class.") % {"name": membership.learner.get_username()}
    )
    return redirect(classroom)


@login_required
@require_POST
def article_visibility(request, pk: int):
    """The owner chooses who reads her article: public, assigned classes only, or private draft."""
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    if not (request.user.is_staff or article.owner_id == request.user.pk):
        raise PermissionDenied(_("Only the article's owner changes who can read it."))
    try:
        corpus_services.article_visibility_set(
            article=article, status=request.POST.get("status", ""), user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        status = article.get_status_display()
        messages.success(request, _("“%(title)s” is now: %(status)s.") % {"title": article.title, "status": status})
    return redirect(request.POST.get("next") if _safe_next(request) else "reader:classes")


def _safe_next(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
