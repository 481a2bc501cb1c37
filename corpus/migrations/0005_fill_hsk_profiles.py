"""Compute the HSK level profile of articles annotated before it was stored."""

from django.db import migrations

from corpus.profile import hsk_level, hsk_profile


def fill(apps, schema_editor):
    Article = apps.get_model("corpus", "Article")
    Passage = apps.get_model("corpus", "Passage")
    for article in Article.objects.all().only("pk").iterator():
        tokens = Passage.objects.filter(article_id=article.pk).order_by("position").values_list("tokens", flat=True)
        profile = hsk_profile(tokens.iterator())
        Article.objects.filter(pk=article.pk).update(hsk_profile=profile, hsk_level=hsk_level(profile))


class Migration(migrations.Migration):
    dependencies = [("corpus", "0004_article_tags_and_hsk_profile")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
