"""The one write path for texts: importing articles and (re)annotating passages.

Annotation is computed before the transaction opens, so an article is stored
whole, with every passage annotated, or not at all.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from corpus.models import Article, Passage
from corpus.text.annotate import annotate_passage
from corpus.text.document import Document
from corpus.text.glossary import Lexicon
from corpus.text.version import engine_version
from glossary.lexicon import lexicon_current


def article_import(
    *,
    document: Document,
    owner: AbstractBaseUser | None = None,
    source_name: str = "",
    status: str = Article.Status.PUBLISHED,
    lexicon: Lexicon | None = None,
) -> Article:
    """Store a parsed document as an article with annotated passages."""
    assert document.blocks, "a document to import has at least one passage"
    lexicon = lexicon or lexicon_current()
    version = engine_version()
    now = timezone.now()
    passages = [
        Passage(
            position=position,
            kind=block.kind,
            text=block.text,
            content_hash=Passage.hash_text(block.text),
            tokens=[token.to_dict() for token in annotate_passage(block.text, lexicon)],
            engine_version=version,
            lexicon_version=lexicon.version,
            annotated_at=now,
        )
        for position, block in enumerate(document.blocks)
    ]
    with transaction.atomic():
        article = Article.objects.create(
            title=(document.title or "Untitled")[: Article._meta.get_field("title").max_length],
            script=document.script,
            meta=document.meta,
            owner=owner,
            status=status,
            source_name=source_name,
            char_count=sum(len(block.text) for block in document.blocks),
        )
        for passage in passages:
            passage.article = article
        Passage.objects.bulk_create(passages)
    return article


def passages_reannotate(*, passages: Iterable[Passage], lexicon: Lexicon | None = None) -> int:
    """Rebuild the annotation of the given passages with the current engine and lexicon.

    Each passage is saved on its own, guarded by its content hash, so a passage
    edited meanwhile is left for the next run instead of being overwritten.
    """
    lexicon = lexicon or lexicon_current()
    version = engine_version()
    count = 0
    for passage in passages:
        tokens = [token.to_dict() for token in annotate_passage(passage.text, lexicon)]
        count += Passage.objects.filter(pk=passage.pk, content_hash=passage.content_hash).update(
            tokens=tokens, engine_version=version, lexicon_version=lexicon.version, annotated_at=timezone.now()
        )
    return count
