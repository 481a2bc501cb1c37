from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from corpus.models import Article
from reader.rendering import render_tokens


@require_GET
def article_list(request):
    articles = Article.objects.readable_by(request.user).only("title", "script", "char_count", "meta", "created_at")
    return render(request, "reader/article_list.html", {"articles": articles})


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    passages = [
        {"kind": passage.kind, "html": render_tokens(passage.tokens)}
        for passage in article.passages.only("kind", "tokens")
    ]
    return render(request, "reader/article_detail.html", {"article": article, "passages": passages})
