"""Reader views, one module per area; ``reader/urls.py`` imports them from here."""

from reader.views.library import article_list
from reader.views.preferences import preferences_save
from reader.views.reading import article_detail, passage_reading_correct

__all__ = ["article_detail", "article_list", "passage_reading_correct", "preferences_save"]
