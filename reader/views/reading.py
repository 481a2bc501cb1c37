import re
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from corpus import services
from corpus.models import Article, Passage
from reader.models import ReadingPreference
from reader.page import article_outline, page_render
from reader.preferences import options_for
from reader.scripts import lang_for, title_in


@require_GET
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    options = options_for(request.user, request.GET)
    outline = article_outline(article)
    number = _page_number(request.GET.get("page"), len(outline.pages))
    can_correct = _can_correct(request.user, article)
    page = page_render(
        article=article,
        outline=outline,
        number=number,
        script=options.script,
        ruby=options.pinyin == "ruby",
        offsets=can_correct,
        sandhi=options.sandhi,
    )
    # Issue 3 annotates long imports in the background: how far it has got.
    pending = sum(1 for row in outline.rows if row[4] is None)
    context = {
        **page,
        "article": article,
        "options": options,
        "lang": lang_for(options.script, article.script),
        "title": title_in(article.title, options.script),
        "can_correct": can_correct,
        "page": number,
        "page_count": len(outline.pages),
        "page_links": _page_links(request.GET, number, len(outline.pages)),
        "pinyin_choices": _choices(ReadingPreference.Pinyin),
        "script_choices": _choices(ReadingPreference.Script),
        "size_choices": _choices(ReadingPreference.FontSize),
        "spacing_choices": _choices(ReadingPreference.Spacing),
        "ui": _ui_strings(),
        "pending": pending,
        "annotated": len(outline.rows) - pending,
        "passage_total": len(outline.rows),
    }
    return render(request, "reader/article_detail.html", context)


def _choices(choices) -> list[tuple[str, str]]:
    # Labels translated once here: lazy labels cost the template a lookup each.
    return [(value, str(label)) for value, label in choices.choices]


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
        # progress.js (mark read, Save word); %(name)s placeholders are filled in by the script.
        "markRead": _("Mark as read"),
        "readUndo": _("Read ✓ (undo)"),
        "markedRead": _("Marked read."),
        "markUndone": _("Mark undone."),
        "articleRead": _plural_forms(
            lambda n: ngettext("%(read)s of %(total)s passage read.", "%(read)s of %(total)s passages read.", n)
        ),
        "notSavedBecause": _("Not saved: %(error)s"),
        "progressNotLoaded": _("Your reading progress could not be loaded; reload the page to mark passages."),
        "saveWord": _("Save word"),
        "saveWordAgain": _("Save word (try again)"),
        "wordSaved": _("Saved ✓"),
        "wordAlreadySaved": _("Already in My words"),
        "wordSavedTo": _("Saved %(word)s to My words."),
        # annotation-progress.js
        "passagesToGo": _plural_forms(
            lambda n: ngettext("%(counter)s passage to go", "%(counter)s passages to go", n)
        ),
        "pinyinReady": _("Pinyin is ready: reload the page"),
    }


def _plural_forms(message: Callable[[int], str]) -> dict[str, str]:
    """A message's forms for 1 and for other counts, which is all English and Chinese distinguish.

    The script picks "one" for a count of 1 and "other" otherwise (a language with more forms
    would need Django's JavaScriptCatalog instead).
    """
    return {"one": message(1), "other": message(2)}


def _page_number(raw: str | None, count: int) -> int:
    """The requested page; no parameter means the first. A page that does not exist is a 404."""
    if raw is None:
        return 1
    # fullmatch, not isdigit(): "²" is a digit to isdigit() but not to int().
    if not re.fullmatch(r"[0-9]{1,6}", raw) or not 1 <= int(raw) <= count:
        raise Http404(_("This article has pages 1 to %(count)s.") % {"count": count})
    return int(raw)


@require_POST
@login_required
def passage_reading_correct(request, pk: int):
    """The article's owner corrects the reading of one word occurrence (JSON in, JSON out)."""
    passage = get_object_or_404(Passage.objects.select_related("article"), pk=pk)
    if not _can_correct(request.user, passage.article):
        return JsonResponse({"error": _("Not found.")}, status=404)
    try:
        offset = int(request.POST.get("offset", ""))
    except ValueError:
        return JsonResponse({"error": _("Missing the word's position; reload the page.")}, status=400)
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
