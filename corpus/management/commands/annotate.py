import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from corpus.management.commands._reading import document_from_path
from corpus.text.annotate import annotate_document
from corpus.text.glossary import EMPTY_LEXICON
from glossary.lexicon import lexicon_current
from glossary.models import Term


class Command(BaseCommand):
    help = "Annotate a text file with the current glossary and print the annotation contract as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--script", choices=["original", "simplified", "traditional"], default="original")

    def handle(self, *args, path, script, **options):
        document = document_from_path(path)
        annotation = annotate_document(document, self.current_lexicon(), script=script)
        output = json.dumps(annotation.to_dict(), ensure_ascii=False)
        # Always UTF-8, whatever the terminal's locale says.
        stream = getattr(self.stdout._out, "buffer", None)
        if stream is not None:
            self.stdout.flush()
            stream.write(output.encode("utf-8") + b"\n")
            stream.flush()
        else:
            self.stdout.write(output)

    @staticmethod
    def current_lexicon():
        # A database that was never migrated has no glossary: annotate without one
        # rather than fail, so the command works straight after `make install`.
        try:
            if Term._meta.db_table not in connection.introspection.table_names():
                return EMPTY_LEXICON
            return lexicon_current()
        except DatabaseError as error:
            raise CommandError(
                f"Cannot read the glossary from the database ({error}). "
                "Check DATABASE_URL, or run `manage.py migrate` if the database is older than the code."
            ) from None
