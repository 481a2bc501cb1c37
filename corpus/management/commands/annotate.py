import json

from django.core.management.base import BaseCommand

from corpus.management.commands._reading import document_from_path
from corpus.text.annotate import annotate_document
from glossary.lexicon import lexicon_current


class Command(BaseCommand):
    help = "Annotate a text file with the current glossary and print the annotation contract as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--script", choices=["original", "simplified", "traditional"], default="original")

    def handle(self, *args, path, script, **options):
        document = document_from_path(path)
        annotation = annotate_document(document, lexicon_current(), script=script)
        output = json.dumps(annotation.to_dict(), ensure_ascii=False)
        # Always UTF-8, whatever the terminal's locale says.
        stream = getattr(self.stdout._out, "buffer", None)
        if stream is not None:
            self.stdout.flush()
            stream.write(output.encode("utf-8") + b"\n")
            stream.flush()
        else:
            self.stdout.write(output)
