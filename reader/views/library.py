from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from corpus.models import Article, Tag
from corpus.profile import LEVELS
from reader.progress import progress_by_article

ARTICLES_PER_PAGE = 30


@require_GET
def article_list(request):
    """The library: every article the visitor may read, filtered by HSK level and tag, searched by title."""
    articles = Article.objects.readable_by(request.user).prefetch_related("tags")
    articles = articles.only("title", "script", "char_count", "meta", "hsk_profile", "hsk_level", "created_at")
    level = request.GET.get("level", "")
    tag = request.GET.get("tag", "")
    query = request.GET.get("q", "").strip()
    if level in {str(n) for n in LEVELS}:
        articles = articles.filter(hsk_level=int(level))
    if tag:
        articles = articles.filter(tags__slug=tag)
    if query:
        articles = articles.filter(title__icontains=query)
    unread = request.user.is_authenticated and request.GET.get("unread") == "1"
    if unread:  # articles of which the reader has marked no passage yet
        articles = articles.exclude(passages__reads__learner=request.user)
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    progress = progress_by_article(request.user, [article.pk for article in page.object_list])
    context = {
        "page": page,
        "articles": page.object_list,
        "progress": progress,
        "levels": LEVELS,
        "tags": Tag.objects.all(),
        "filters": {"level": level, "tag": tag, "q": query, "unread": "1" if unread else ""},
        "filtered": bool(level or tag or query or unread),
    }
    return render(request, "reader/article_list.html", context)
