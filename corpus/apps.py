from django.apps import AppConfig


class CorpusConfig(AppConfig):
    name = "corpus"
    verbose_name = "Texts"

    def ready(self):
        from corpus import receivers  # noqa: F401 -- connects the glossary receiver
