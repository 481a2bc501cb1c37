"""Reader views, one module per area; ``reader/urls.py`` imports them from here."""

from reader.views.reading import article_detail, article_list, passage_reading_correct

__all__ = ["article_detail", "article_list", "passage_reading_correct"]
