from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from corpus.models import Article, Tag
from corpus.profile import LEVELS

ARTICLES_PER_PAGE = 30


@require_GET
def article_list(request):
    """The library: every article the visitor may read, filtered by HSK level and tag, searched by title."""
    articles = Article.objects.readable_by(request.user).prefetch_related("tags")
    articles = articles.only("title", "script", "char_count", "meta", "hsk_profile", "hsk_level", "created_at")
    level = request.GET.get("level", "")
    tag = request.GET.get("tag", "")
    query = request.GET.get("q", "").strip()
    if level.isdigit() and int(level) in LEVELS:
        articles = articles.filter(hsk_level=int(level))
    if tag:
        articles = articles.filter(tags__slug=tag)
    if query:
        articles = articles.filter(title__icontains=query)
    # Issue 6 (progress) plugs in here: a filter for unread articles and, per
    # article on the page, {"read": n, "total": m} under progress[article.pk].
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    progress: dict[int, dict[str, int]] = {}
    context = {
        "page": page,
        "articles": page.object_list,
        "progress": progress,
        "levels": LEVELS,
        "tags": Tag.objects.all(),
        "filters": {"level": level, "tag": tag, "q": query},
        "filtered": bool(level or tag or query),
    }
    return render(request, "reader/article_list.html", context)
