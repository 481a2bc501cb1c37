from django.core.management.base import BaseCommand

from corpus import services
from corpus.models import Passage
from glossary.lexicon import lexicon_current


class Command(BaseCommand):
    help = (
        "Bring stored annotation up to the current engine and glossary: re-annotate passages that a change "
        "affects, mark the others current. --all re-annotates every passage."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="re-annotate every passage, stale or not")

    def handle(self, *args, all, **options):
        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} passages", ending="")

        if all:
            pks = list(Passage.objects.order_by("pk").values_list("pk", flat=True))
            lexicon = lexicon_current()
            done = 0
            for start in range(0, len(pks), services.BATCH):
                batch = Passage.objects.filter(pk__in=pks[start : start + services.BATCH])
                done += services.passages_reannotate(passages=batch, lexicon=lexicon)
                progress(done, len(pks))
            services.article_profiles_update(article_ids=Passage.objects.values_list("article_id", flat=True))
            forwarded = 0
        else:
            done, forwarded = services.passages_refresh(progress=progress)
        if done:
            self.stderr.write("")
        self.stdout.write(f"Re-annotated {done} passages; {forwarded} others were already right and marked current.")
