"""The progress JSON API (stable): session authentication with CSRF, a learner's own progress only."""

import json
from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corpus.models import Article, Passage
from reader import progress


def _signed_in(view):
    """JSON 403 for anonymous callers: a script cannot follow a redirect to the sign-in page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": _("Sign in to keep your reading progress.")}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _not_found() -> JsonResponse:
    return JsonResponse({"error": _("No such passage or article.")}, status=404)


@require_POST
@_signed_in
def progress_mark(request):
    """``{"passage": id, "read": true|false}`` -> ``{"passage", "read", "article_read", "article_total"}``."""
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": _('Send a JSON object like {"passage": 12, "read": true}.')}, status=400)
    if not isinstance(body, dict):
        return JsonResponse({"error": _('Send a JSON object like {"passage": 12, "read": true}.')}, status=400)
    passage_id, read = body.get("passage"), body.get("read", True)
    if type(passage_id) is not int or type(read) is not bool:
        return JsonResponse(
            {"error": _('"passage" must be a passage id (a number) and "read" true or false.')}, status=400
        )
    readable = Article.objects.readable_by(request.user)
    passage = Passage.objects.filter(pk=passage_id, article__in=readable).only("pk", "article_id").first()
    if passage is None:
        return _not_found()
    counts = progress.passage_mark(learner=request.user, passage=passage, read=read)
    return JsonResponse(
        {"passage": passage.pk, "read": read, "article_read": counts.read, "article_total": counts.total}
    )


@require_GET
@_signed_in
def article_progress(request, pk: int):
    """``{"passages": [ids in order], "read": [ids], "total": m}`` for the signed-in learner."""
    if not Article.objects.readable_by(request.user).filter(pk=pk).exists():
        return _not_found()
    passages = list(Passage.objects.filter(article_id=pk).order_by("position").values_list("pk", flat=True))
    read = progress.read_passage_ids(learner=request.user, article_id=pk)
    return JsonResponse({"passages": passages, "read": read, "total": len(passages)})
