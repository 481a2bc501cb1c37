from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from corpus import services
from corpus.models import Article, Passage
from glossary.models import Term
from reader.rendering import WordTable, render_tokens


@require_GET
def article_list(request):
    articles = Article.objects.readable_by(request.user).only("title", "script", "char_count", "meta", "created_at")
    return render(request, "reader/article_list.html", {"articles": articles})


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    stored = list(article.passages.only("pk", "kind", "tokens", "text", "annotated_at"))
    slugs = {token["term"] for passage in stored for token in passage.tokens if token.get("term")}
    terms = {term.slug: term for term in Term.objects.filter(slug__in=slugs)} if slugs else {}
    words = WordTable()
    can_correct = _can_correct(request.user, article)
    passages = [
        {
            "pk": passage.pk,
            "kind": passage.kind,
            # A passage still waiting for its background annotation is shown as
            # plain text (escaped by the template) until the worker reaches it.
            "html": render_tokens(passage.tokens, words, terms, with_offsets=can_correct)
            if passage.annotated_at
            else passage.text,
        }
        for passage in stored
    ]
    pending = sum(1 for passage in stored if not passage.annotated_at)
    context = {
        "article": article,
        "can_correct": can_correct,
        "pending": pending,
        "annotated": len(stored) - pending,
        "passages": passages,
        "words": words.entries,
        "terms": {
            slug: {"english": term.english, "explanation": term.explanation, "url": term.get_absolute_url()}
            for slug, term in terms.items()
        },
    }
    return render(request, "reader/article_detail.html", context)


@require_POST
@login_required
def passage_reading_correct(request, pk: int):
    """The article's owner corrects the reading of one word occurrence (JSON in, JSON out)."""
    passage = get_object_or_404(Passage.objects.select_related("article"), pk=pk)
    if not _can_correct(request.user, passage.article):
        return JsonResponse({"error": "Not found."}, status=404)
    try:
        offset = int(request.POST.get("offset", ""))
    except ValueError:
        return JsonResponse({"error": "Missing the word's position; reload the page."}, status=400)
    text = request.POST.get("text", "")
    pinyin = request.POST.get("pinyin", "").split()
    try:
        correction = services.reading_correct(
            passage=passage, offset=offset, text=text, pinyin=pinyin, author=request.user
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"text": correction.text, "pinyin": correction.pinyin})


def _can_correct(user, article: Article) -> bool:
    return user.is_authenticated and (user.is_staff or article.owner_id == user.pk)
