from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from glossary.models import Category, Term

SCRIPTS = ("simplified", "traditional")


@require_GET
def term_index(request):
    query = request.GET.get("q", "")[:100]
    category = request.GET.get("category", "")
    script = request.GET.get("script", "simplified")
    terms = Term.objects.search(query)
    if category in Category.values:
        terms = terms.filter(category=category)
    context = {
        "terms": terms,
        "query": query,
        "category": category,
        "categories": Category.choices,
        "script": script if script in SCRIPTS else "simplified",
    }
    return render(request, "glossary/term_index.html", context)


@require_GET
def term_detail(request, slug: str):
    term = get_object_or_404(Term, slug=slug)
    # Occurrences in published articles only; drafts stay private to their owners.
    passages = term.passages.filter(article__status="published").select_related("article").order_by(
        "article__title", "position"
    )[:200]
    context = {"term": term, "passages": passages, "related": term.related.order_by("simplified")}
    return render(request, "glossary/term_detail.html", context)
