"""Dashboards: the learner's own reading, and a teacher's drill-downs and CSV export for a class."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corpus.models import Article
from reader import progress
from reader.reports import class_progress, learner_in_class, passages_read_by, visible_assignments
from reader.views.access import classroom_for, teacher_required


@login_required
@require_GET
def learner_dashboard(request):
    """Articles in progress with where to continue, passages read per day, assigned articles."""
    days = progress.reads_per_day(learner=request.user)
    memberships = request.user.memberships.select_related("classroom").prefetch_related(
        "classroom__assignments__article"
    )
    readable = set(Article.objects.readable_by(request.user).values_list("pk", flat=True))
    # An article made private after it was assigned leaves the learner's list.
    assigned = [
        (m.classroom, a) for m in memberships for a in m.classroom.assignments.all() if a.article_id in readable
    ]
    assigned_progress = progress.progress_by_article(request.user, {a.article_id for _, a in assigned})
    context = {
        "in_progress": progress.articles_in_progress(learner=request.user),
        "days": days,
        "busiest": max((n for _, n in days), default=0),
        "assigned": [(classroom, a, assigned_progress[a.article_id]) for classroom, a in assigned],
        "auto_mark": progress.auto_mark_enabled(request.user),
    }
    return render(request, "reader/dashboard.html", context)


@login_required
@require_POST
def progress_settings(request):
    auto = request.POST.get("auto_mark") == "on"
    progress.progress_settings_save(user=request.user, auto_mark=auto)
    if auto:
        messages.success(request, _("Passages are now marked read automatically."))
    else:
        messages.success(request, _("Passages are now marked read only when you say so."))
    return redirect("reader:dashboard")


@teacher_required
@require_GET
def class_learner(request, pk: int, learner_pk: int):
    """Drill down: one learner of the class, article by article."""
    classroom = classroom_for(request.user, pk)
    membership = get_object_or_404(classroom.memberships.select_related("learner"), learner_id=learner_pk)
    rows = learner_in_class(classroom, membership.learner)
    return render(
        request, "reader/class_learner.html", {"classroom": classroom, "learner": membership.learner, "rows": rows}
    )


@teacher_required
@require_GET
def class_article(request, pk: int, article_pk: int):
    """Drill down: one assigned article, passage by passage, who has read each."""
    classroom = classroom_for(request.user, pk)
    assignment = get_object_or_404(visible_assignments(classroom, request.user), article_id=article_pk)
    learners = [m.learner for m in classroom.memberships.select_related("learner")]
    rows = passages_read_by(assignment.article, learners)
    context = {"classroom": classroom, "article": assignment.article, "learners": learners, "rows": rows}
    return render(request, "reader/class_article.html", context)


@teacher_required
@require_GET
def class_export(request, pk: int):
    """The class matrix as CSV: one row per learner and article, with counts and the share read."""
    classroom = classroom_for(request.user, pk)
    report = class_progress(classroom)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="class-{classroom.pk}-progress.csv"'
    response.write("\ufeff")  # spreadsheet programs read the file as UTF-8 only with a BOM
    writer = csv.writer(response)
    writer.writerow(["learner", "article", "due date", "passages read", "passages", "share read"])
    for learner, cells in report.rows():
        for assignment, cell in zip(report.assignments, cells, strict=True):
            writer.writerow(
                [
                    _cell(learner.get_username()),
                    _cell(assignment.article.title),
                    assignment.due_date.isoformat() if assignment.due_date else "",
                    cell.read,
                    cell.total,
                    f"{cell.share:.2f}",
                ]
            )
    return response


def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ is read as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
