"""Reader views, one module per area; ``reader/urls.py`` imports them from here."""

from reader.views.accounts import signup
from reader.views.api import article_progress, progress_mark
from reader.views.classes import (
    article_visibility,
    assignment_delete,
    class_assign,
    class_detail,
    class_join,
    class_leave,
    class_list,
    member_remove,
)
from reader.views.dashboards import class_article, class_export, class_learner, learner_dashboard, progress_settings
from reader.views.library import article_list
from reader.views.preferences import preferences_save
from reader.views.reading import article_detail, passage_reading_correct
from reader.views.words import word_delete, word_export, word_list, word_save

__all__ = [
    "article_detail",
    "article_list",
    "article_progress",
    "article_visibility",
    "assignment_delete",
    "class_article",
    "class_assign",
    "class_detail",
    "class_export",
    "class_join",
    "class_leave",
    "class_learner",
    "class_list",
    "learner_dashboard",
    "member_remove",
    "passage_reading_correct",
    "preferences_save",
    "progress_mark",
    "progress_settings",
    "signup",
    "word_delete",
    "word_export",
    "word_list",
    "word_save",
]
