import orjson
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import TextField
from django.db.models.functions import Cast, Length
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corpus import services
from corpus.models import Article, Passage
from glossary.models import Term
from reader.models import ReadingPreference
from reader.pagination import paginate
from reader.preferences import options_for
from reader.rendering import WordTable, json_for_script, render_tokens
from reader.scripts import lang_for


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    options = options_for(request.user, request.GET)
    outline = list(article.passages.annotate(length=Length("text")).values_list("pk", "kind", "length"))
    pages = paginate([(kind, length) for _, kind, length in outline])
    number = _page_number(request.GET.get("page"), len(pages))
    on_page = [outline[index][0] for index in pages[number - 1]]
    stored = _stored_passages(on_page)
    slugs = {token["term"] for *_, tokens in stored for token in tokens if token.get("term")}
    terms = {term.slug: term for term in Term.objects.filter(slug__in=slugs)} if slugs else {}
    words = WordTable()
    can_correct = _can_correct(request.user, article)
    passages = []
    for passage_pk, kind, text, tokens in stored:
        annotated = bool(tokens) and "".join(token["text"] for token in tokens) == text
        html = (
            render_tokens(
                tokens, words, terms, script=options.script, ruby=options.pinyin == "ruby", with_offsets=can_correct
            )
            if annotated
            else None
        )
        passages.append({"pk": passage_pk, "kind": kind, "text": text, "html": html})
    context = {
        "article": article,
        "options": options,
        "lang": lang_for(options.script, article.script),
        "can_correct": can_correct,
        "passages": passages,
        "page": number,
        "page_count": len(pages),
        "page_links": _page_links(request.GET, number, len(pages)),
        "pinyin_choices": ReadingPreference.Pinyin.choices,
        "script_choices": ReadingPreference.Script.choices,
        "size_choices": ReadingPreference.FontSize.choices,
        "spacing_choices": ReadingPreference.Spacing.choices,
        "ui": _ui_strings(),
        "words_json": json_for_script(words.entries),
        "terms_json": json_for_script(
            {
                slug: {"english": term.english, "explanation": term.explanation, "url": term.get_absolute_url()}
                for slug, term in terms.items()
            }
        ),
    }
    return render(request, "reader/article_detail.html", context)


def _stored_passages(pks: list[int]) -> list[tuple[int, str, str, list]]:
    """(pk, kind, text, tokens) of the given passages in order.

    The tokens come from the database as JSON text and are decoded with orjson:
    a 3,000-character page holds about 400 KB of token JSON, and the standard
    decoder that JSONField uses takes three times as long over it.
    """
    rows = (
        Passage.objects.filter(pk__in=pks)
        .order_by("position")
        .values_list("pk", "kind", "text", Cast("tokens", TextField()))
    )
    return [(pk, kind, text, orjson.loads(tokens)) for pk, kind, text, tokens in rows]


def _page_links(query, number: int, count: int) -> dict:
    """Query strings for the page links, keeping the reader's other parameters."""

    def with_page(n: int) -> str:
        params = query.copy()
        params["page"] = str(n)
        return params.urlencode()

    return {
        "prev": with_page(number - 1),
        "next": with_page(number + 1),
        "numbers": [(n, with_page(n)) for n in range(1, count + 1)],
    }


def _ui_strings() -> dict[str, str]:
    """The words reader.js writes into the page, in the interface language."""
    return {
        "more": _("More about this term"),
        "correct": _("Correct the reading here"),
        "listen": _("Listen"),
        "readPassage": _("Read this passage aloud"),
        "stop": _("Stop reading"),
        "showPinyin": _("Show pinyin"),
        "notHsk": _("Not on the HSK lists"),
        "noAnswer": _("The server did not answer; try again."),
        "notSaved": _("Could not save."),
        "settingsNotSaved": _("Your settings could not be saved; they apply to this page only."),
    }


def _page_number(raw: str | None, count: int) -> int:
    """The requested page; no parameter means the first. A page that does not exist is a 404."""
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= count:
        raise Http404(f"This article has pages 1 to {count}.")
    return int(raw)


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
