from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from corpus.models import Article
from glossary.models import Term
from reader.rendering import WordTable, render_tokens


@require_GET
def article_list(request):
    articles = Article.objects.readable_by(request.user).only("title", "script", "char_count", "meta", "created_at")
    return render(request, "reader/article_list.html", {"articles": articles})


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    stored = list(article.passages.only("pk", "kind", "tokens"))
    slugs = {token["term"] for passage in stored for token in passage.tokens if token.get("term")}
    terms = {term.slug: term for term in Term.objects.filter(slug__in=slugs)} if slugs else {}
    words = WordTable()
    passages = [
        {"pk": passage.pk, "kind": passage.kind, "html": render_tokens(passage.tokens, words, terms)}
        for passage in stored
    ]
    context = {
        "article": article,
        "passages": passages,
        "words": words.entries,
        "terms": {
            slug: {"english": term.english, "explanation": term.explanation, "url": term.get_absolute_url()}
            for slug, term in terms.items()
        },
    }
    return render(request, "reader/article_detail.html", context)
