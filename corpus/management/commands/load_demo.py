from pathlib import Path

from django.core.management.base import BaseCommand

from corpus import services
from corpus.management.commands._reading import document_from_path
from corpus.models import Article

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = "Load the demo articles (corpus/demo/*.txt); articles already loaded are skipped."

    def handle(self, *args, **options):
        for path in sorted(DEMO_DIR.glob("*.txt")):
            source_name = f"demo/{path.name}"
            if Article.objects.filter(source_name=source_name).exists():
                continue
            article = services.article_import(document=document_from_path(str(path)), source_name=source_name)
            self.stdout.write(f"Loaded {article.pk}: {article.title}")
