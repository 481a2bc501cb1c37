from django.core.management.base import BaseCommand

from corpus import services
from corpus.models import Passage
from corpus.text.version import engine_version
from glossary.lexicon import lexicon_current

BATCH = 200


class Command(BaseCommand):
    help = "Re-annotate passages whose annotation was made by another engine or lexicon version."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="re-annotate every passage, stale or not")

    def handle(self, *args, all, **options):
        lexicon = lexicon_current()
        passages = Passage.objects.all()
        if not all:
            passages = passages.stale(engine_version=engine_version(), lexicon_version=lexicon.version)
        # Ids first, then batches: no read cursor stays open while rows are written.
        pks = list(passages.order_by("pk").values_list("pk", flat=True))
        total = len(pks)
        done = 0
        for start in range(0, total, BATCH):
            batch = Passage.objects.filter(pk__in=pks[start : start + BATCH])
            done += services.passages_reannotate(passages=batch, lexicon=lexicon)
            self.stderr.write(f"\r{min(start + BATCH, total)}/{total} passages", ending="")
        if total:
            self.stderr.write("")
        self.stdout.write(f"Re-annotated {done} of {total} passages.")
