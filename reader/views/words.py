"""Saved words: saved from the word popup, listed on "My words", exported for Anki."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corpus.models import Article, Passage
from reader import words


@login_required
@require_GET
def word_list(request):
    saved = request.user.saved_words.select_related("passage__article")
    return render(request, "reader/word_list.html", {"words": saved})


@require_POST
def word_save(request):
    """JSON out: the popup's "Save word" button posts the passage and the word's character offset."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to save words.")}, status=403)
    try:
        passage_id, offset = int(request.POST["passage"]), int(request.POST["offset"])
    except (KeyError, ValueError):
        return JsonResponse({"error": _("Missing the word's position; reload the page.")}, status=400)
    passage = Passage.objects.filter(pk=passage_id, article__in=Article.objects.readable_by(request.user)).first()
    if passage is None:
        return JsonResponse({"error": _("No such passage.")}, status=404)
    try:
        word, created = words.saved_word_add(learner=request.user, passage=passage, offset=offset)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"word": word.simplified, "pinyin": word.pinyin, "created": created})


@login_required
@require_POST
def word_delete(request, pk: int):
    words.saved_word_remove(word=get_object_or_404(request.user.saved_words, pk=pk))
    return redirect("reader:words")


@login_required
@require_GET
def word_export(request):
    response = HttpResponse(
        words.words_anki_csv(request.user.saved_words.all()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="yuedu-words.csv"'
    return response
