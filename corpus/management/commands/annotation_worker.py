"""The background worker: django-tasks-db's ``db_worker`` with the text engine loaded first.

Loading jieba, the dictionaries and the pinyin model takes a few seconds; doing
it at start-up means the first import a teacher publishes gets its first page
annotated at once instead of after that wait.
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = "Run the background worker (annotation of imports, re-annotation after glossary changes)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Reloading would load the engine twice; restart the worker after changing code.
        parser.set_defaults(reload=False, interval=0.5)

    def handle(self, *args, **options):
        from corpus.text.annotate import annotate_passages
        from corpus.text.glossary import EMPTY_LEXICON

        annotate_passages(["预热分词和拼音。"], EMPTY_LEXICON)
        if options.get("verbosity", 1) >= 1:
            self.stdout.write("Text engine loaded; waiting for tasks.")
        return super().handle(*args, **options)
