"""The one write path for reading progress, and the reads that summarise it.

A mark is a row in ``PassageRead`` under a unique (learner, passage) constraint.
Marking inserts the row if it is absent (``ignore_conflicts``: under concurrency
the database, not a read-then-write in Python, decides), so any number of
simultaneous marks leave exactly one row; undo deletes it. Nothing is ever
rewritten as a list, so no mark can overwrite another.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, Max
from django.db.models.functions import Length, TruncDate
from django.utils import timezone

from corpus.models import Article, Passage
from reader.models import PassageRead, ProgressSettings
from reader.pagination import paginate


@dataclass(frozen=True)
class ArticleProgress:
    read: int
    total: int

    @property
    def share(self) -> float:
        return self.read / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


def passage_mark(*, learner: AbstractBaseUser, passage: Passage, read: bool) -> ArticleProgress:
    """Mark one passage read (insert if absent) or unread (delete); idempotent either way."""
    assert learner.is_authenticated, "only a signed-in learner has progress"
    with transaction.atomic():
        if read:
            PassageRead.objects.bulk_create([PassageRead(learner=learner, passage=passage)], ignore_conflicts=True)
        else:
            PassageRead.objects.filter(learner=learner, passage=passage).delete()
    return article_progress(learner=learner, article_id=passage.article_id)


def article_progress(*, learner: AbstractBaseUser, article_id: int) -> ArticleProgress:
    total = Passage.objects.filter(article_id=article_id).count()
    read = PassageRead.objects.filter(learner=learner, passage__article_id=article_id).count()
    return ArticleProgress(read=read, total=total)


def read_passage_ids(*, learner: AbstractBaseUser, article_id: int) -> list[int]:
    """The learner's read passages of one article, in reading order."""
    return list(
        PassageRead.objects.filter(learner=learner, passage__article_id=article_id)
        .order_by("passage__position")
        .values_list("passage_id", flat=True)
    )


def progress_by_article(user: AbstractBaseUser, article_ids: Iterable[int]) -> dict[int, ArticleProgress]:
    """Read and total passages per article, in two queries: for the library and dashboards.

    Anonymous visitors have no progress: every article reads 0 of its total.
    """
    ids = list(article_ids)
    totals = dict(
        Passage.objects.filter(article_id__in=ids)
        .values("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )
    reads: dict[int, int] = {}
    if user.is_authenticated:
        reads = dict(
            PassageRead.objects.filter(learner=user, passage__article_id__in=ids)
            .values("passage__article_id")
            .annotate(n=Count("pk"))
            .values_list("passage__article_id", "n")
        )
    return {pk: ArticleProgress(read=reads.get(pk, 0), total=totals.get(pk, 0)) for pk in ids}


@dataclass(frozen=True)
class ArticleInProgress:
    article: Article
    progress: ArticleProgress
    last_read_at: datetime.datetime
    next_passage_id: int | None  # the first unread passage: where to continue
    next_page: int = 1  # the page of the reading page that shows it


def _first_unread(outline: list[tuple[int, str, int]], read_ids: set[int]) -> tuple[int | None, int]:
    """The first unread passage of an article ((id, kind, length) in order) and its reading-page page."""
    pages = paginate([(kind, length) for _, kind, length in outline])
    for index, (passage_id, _, _) in enumerate(outline):
        if passage_id not in read_ids:
            return passage_id, next(n for n, page in enumerate(pages, start=1) if index in page)
    return None, 1


def articles_in_progress(*, learner: AbstractBaseUser) -> list[ArticleInProgress]:
    """Articles the learner has started and can still read, most recently read first."""
    last = dict(
        PassageRead.objects.filter(learner=learner)
        .values("passage__article_id")
        .annotate(last=Max("read_at"))
        .values_list("passage__article_id", "last")
    )
    articles = {a.pk: a for a in Article.objects.readable_by(learner).filter(pk__in=last).only("title", "status")}
    progress = progress_by_article(learner, articles)
    read_ids = set(
        PassageRead.objects.filter(learner=learner, passage__article_id__in=articles).values_list(
            "passage_id", flat=True
        )
    )
    outlines: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for article_id, passage_id, kind, length in (
        Passage.objects.filter(article_id__in=articles)
        .order_by("article_id", "position")
        .values_list("article_id", "pk", "kind", Length("text"))
    ):
        outlines[article_id].append((passage_id, kind, length))
    rows = []
    for pk, article in articles.items():
        next_id, next_page = _first_unread(outlines[pk], read_ids)
        rows.append(ArticleInProgress(article, progress[pk], last[pk], next_id, next_page))
    return sorted(rows, key=lambda row: row.last_read_at, reverse=True)


def reads_per_day(*, learner: AbstractBaseUser, days: int = 14) -> list[tuple[datetime.date, int]]:
    """Passages read on each of the last ``days`` days (local time), oldest first, zeros included."""
    today = timezone.localdate()
    start = today - datetime.timedelta(days=days - 1)
    since = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    counts = dict(
        PassageRead.objects.filter(learner=learner, read_at__gte=since)
        .annotate(day=TruncDate("read_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return [(day, counts.get(day, 0)) for day in (start + datetime.timedelta(days=i) for i in range(days))]


def auto_mark_enabled(user: AbstractBaseUser) -> bool:
    if not user.is_authenticated:
        return False
    return ProgressSettings.objects.filter(user=user, auto_mark=True).exists()


@transaction.atomic
def progress_settings_save(*, user: AbstractBaseUser, auto_mark: bool) -> ProgressSettings:
    settings, _ = ProgressSettings.objects.update_or_create(user=user, defaults={"auto_mark": auto_mark})
    return settings
