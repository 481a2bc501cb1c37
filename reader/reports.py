"""What a teacher sees: each class's progress by learner and article (reads only)."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max

from corpus.models import Article, Passage
from reader.models import Assignment, Classroom, PassageRead
from reader.progress import ArticleProgress, progress_by_article


def visible_assignments(classroom: Classroom, user: AbstractBaseUser):
    """The class's assignments of articles the user may still read: an article its
    owner made private after it was assigned drops out of every list and report."""
    return classroom.assignments.select_related("article").filter(article__in=Article.objects.readable_by(user))


@dataclass(frozen=True)
class ClassProgress:
    classroom: Classroom
    learners: list[AbstractBaseUser]
    assignments: list[Assignment]
    cells: dict[tuple[int, int], ArticleProgress]  # (learner id, article id) -> progress

    def cell(self, learner_id: int, article_id: int) -> ArticleProgress:
        return self.cells[(learner_id, article_id)]

    def article_share(self, article_id: int) -> ArticleProgress:
        """The class as a whole: passages read over passages its learners could read."""
        cells = [self.cells[(learner.pk, article_id)] for learner in self.learners]
        return ArticleProgress(read=sum(c.read for c in cells), total=sum(c.total for c in cells))

    def rows(self):
        """Learners with their cells in assignment order, ready for a template or CSV."""
        for learner in self.learners:
            yield learner, [self.cells[(learner.pk, a.article_id)] for a in self.assignments]


def class_progress(classroom: Classroom) -> ClassProgress:
    """The class x article matrix in three queries, however many learners and articles."""
    learners = [m.learner for m in classroom.memberships.select_related("learner")]
    assignments = list(visible_assignments(classroom, classroom.teacher))
    article_ids = [a.article_id for a in assignments]
    totals = dict(
        Passage.objects.filter(article_id__in=article_ids)
        .values("article_id")
        .annotate(n=Count("pk"))
        .values_list("article_id", "n")
    )
    reads: dict[tuple[int, int], int] = defaultdict(int)
    for learner_id, article_id, n in (
        PassageRead.objects.filter(learner__in=learners, passage__article_id__in=article_ids)
        .values("learner_id", "passage__article_id")
        .annotate(n=Count("pk"))
        .values_list("learner_id", "passage__article_id", "n")
    ):
        reads[(learner_id, article_id)] = n
    cells = {
        (learner.pk, article_id): ArticleProgress(read=reads[(learner.pk, article_id)], total=totals.get(article_id, 0))
        for learner in learners
        for article_id in article_ids
    }
    return ClassProgress(classroom=classroom, learners=learners, assignments=assignments, cells=cells)


@dataclass(frozen=True)
class LearnerArticle:
    assignment: Assignment
    progress: ArticleProgress
    last_read_at: object  # datetime or None


def learner_in_class(classroom: Classroom, learner: AbstractBaseUser) -> list[LearnerArticle]:
    """One learner's progress on each article assigned to the class."""
    assignments = list(visible_assignments(classroom, classroom.teacher))
    ids = [a.article_id for a in assignments]
    progress = progress_by_article(learner, ids)
    last = dict(
        PassageRead.objects.filter(learner=learner, passage__article_id__in=ids)
        .values("passage__article_id")
        .annotate(last=Max("read_at"))
        .values_list("passage__article_id", "last")
    )
    return [LearnerArticle(a, progress[a.article_id], last.get(a.article_id)) for a in assignments]


def passages_read_by(article: Article, learners: list[AbstractBaseUser]) -> list[tuple[Passage, dict[int, object]]]:
    """Each passage of the article with, per learner id, when that learner read it."""
    reads: dict[int, dict[int, object]] = defaultdict(dict)
    for passage_id, learner_id, read_at in PassageRead.objects.filter(
        passage__article=article, learner__in=learners
    ).values_list("passage_id", "learner_id", "read_at"):
        reads[passage_id][learner_id] = read_at
    return [(passage, reads[passage.pk]) for passage in article.passages.only("pk", "position", "kind", "text")]
