from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from corpus import services
from corpus.management.commands._reading import document_from_path


class Command(BaseCommand):
    help = "Import a text file as a published article and print the new article's id."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--owner", help="username of the article's owner")

    def handle(self, *args, path, owner, **options):
        user = None
        if owner:
            user = get_user_model().objects.filter(username=owner).first()
            if user is None:
                raise CommandError(f"No user named {owner!r}: create it first or leave out --owner.")
        document = document_from_path(path)
        article = services.article_import(document=document, owner=user, source_name=path)
        self.stdout.write(str(article.pk))
