"""Background tasks (django-tasks; the database queue, run by ``manage.py annotation_worker``).

Tasks take ids, not objects, and re-read everything: by the time one runs, the
article may have been edited or deleted.
"""

from django_tasks import task


@task()
def article_annotate(article_id: int) -> int:
    """Annotate an article's pending passages in reading order; returns how many were annotated."""
    from corpus import services

    return services.passages_annotate_pending(article_id=article_id)


@task()
def annotation_refresh() -> tuple[int, int]:
    """After a glossary change: re-annotate the passages it affects (see services.passages_refresh)."""
    from corpus import services

    return services.passages_refresh()
