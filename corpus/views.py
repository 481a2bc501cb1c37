"""Teachers bring texts in: upload, preview, publish, edit; and the annotation progress of an article."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corpus import services
from corpus.drafts import draft_from_data
from corpus.forms import ENCODING_CHOICES, ReviseForm, UploadForm
from corpus.models import Article, ImportDraft, Script
from corpus.reasons import line_reason_label
from corpus.text.errors import InputError
from corpus.text.importing import edit_text, parse_edited


def can_import(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.has_perm("corpus.add_article"))


def _require_importer(request) -> None:
    if not can_import(request.user):
        raise PermissionDenied(gettext("Only teachers can import texts."))


@login_required
@require_http_methods(["GET", "POST"])
def texts(request):
    """The teacher's texts, and the form that brings a new one in."""
    _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data, name = form.upload_bytes()
        try:
            draft = services.draft_create(
                data=data, owner=request.user, source_name=name, encoding=form.cleaned_data["encoding"] or None
            )
        except InputError as error:
            form.add_error(None, str(error))
        else:
            return redirect(draft)
    own = Article.objects.filter(owner=request.user).only("title", "status", "char_count", "created_at")
    drafts = ImportDraft.objects.filter(owner=request.user, article__isnull=True).defer("raw")[:20]
    return render(request, "corpus/texts.html", {"form": form, "articles": own, "drafts": drafts})


@login_required
@require_http_methods(["GET", "POST"])
def draft_detail(request, pk):
    """The preview: check title, metadata, kept and dropped lines; restore or drop any; publish."""
    _require_importer(request)
    record = get_object_or_404(ImportDraft, pk=pk, owner=request.user)
    if record.article_id is not None:
        return redirect(record.article)  # published already (a second click lands on the article)
    draft = draft_from_data(record.content)
    error = ""
    title = draft.title
    if request.method == "POST":
        title = request.POST.get("title", "").strip()
        keep = {int(value) for value in request.POST.getlist("keep") if re.fullmatch(r"[0-9]{1,7}", value)}
        flipped = {index for index, line in enumerate(draft.lines) if line.kept != (index in keep)}
        if not title:
            error = gettext("Give the article a title.")
        elif len(title) > 300:
            error = gettext("The title has %(count)s characters; the limit is 300.") % {"count": len(title)}
        else:
            try:
                article = services.draft_publish(draft=record, title=title, flipped=flipped)
            except InputError as problem:
                error = str(problem)
            else:
                return redirect(article)
    context = {
        "record": record,
        "draft": draft,
        "title": title,
        "error": error,
        # The engine gives its reasons in English; the known ones are translated here.
        "lines": [(index, line, line_reason_label(line.reason)) for index, line in enumerate(draft.lines)],
        "script_label": Script(draft.script).label if draft.script in Script.values else draft.script,
        "kept_count": sum(1 for line in draft.lines if line.kept),
        "garbled_count": sum(1 for line in draft.lines if line.garbled),
        "encodings": ENCODING_CHOICES[1:],
    }
    return render(request, "corpus/draft.html", context, status=400 if error else 200)


@login_required
@require_POST
def draft_encoding(request, pk):
    """Read the upload again in the encoding the teacher chose in the preview."""
    _require_importer(request)
    record = get_object_or_404(ImportDraft, pk=pk, owner=request.user, article__isnull=True)
    encoding = request.POST.get("encoding", "")
    if encoding not in dict(ENCODING_CHOICES[1:]):
        messages.error(request, gettext("Choose one of the encodings in the list."))
        return redirect(record)
    try:
        services.draft_reread(draft=record, encoding=encoding)
    except InputError as error:
        messages.error(request, str(error))
    else:
        label = dict(ENCODING_CHOICES)[encoding]
        messages.success(request, gettext("Read again as %(encoding)s.") % {"encoding": label})
    return redirect(record)


@login_required
@require_http_methods(["GET", "POST"])
def article_edit(request, pk: int):
    """The owner (or staff) edits title and text; unchanged passages keep their identity."""
    article = get_object_or_404(Article, pk=pk)
    if not (request.user.is_staff or article.owner_id == request.user.pk):
        raise Http404(gettext("No article here."))
    passages = list(article.passages.order_by("position").values_list("kind", "text"))
    form = ReviseForm(request.POST or None, initial={"title": article.title, "text": edit_text(passages)})
    if request.method == "POST" and form.is_valid():
        try:
            blocks = parse_edited(form.cleaned_data["text"])
            if not blocks:
                raise InputError(gettext("The text is empty: an article keeps at least one paragraph."))
        except InputError as error:
            form.add_error("text", str(error))
        else:
            services.article_revise(article=article, title=form.cleaned_data["title"], blocks=blocks)
            messages.success(request, gettext("Saved. Unchanged paragraphs kept their readers' progress."))
            return redirect(article)
    return render(request, "corpus/edit.html", {"article": article, "form": form})


@require_GET
def article_progress(request, pk: int):
    """How much of an article is annotated, for the reading page to poll: {"annotated", "total", "done"}."""
    article = get_object_or_404(Article.objects.readable_by(request.user), pk=pk)
    annotated, total = article.annotation_progress()
    return JsonResponse({"annotated": annotated, "total": total, "done": annotated == total})
