"""The one write path for texts: importing, publishing drafts, revising, and keeping annotation current.

An article is stored whole or not at all. On the synchronous path (commands)
annotation is computed before the transaction opens; on the background path
(uploads) the passages are stored unannotated together with the task that will
annotate them, in one transaction.
"""

import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from corpus import tasks
from corpus.drafts import draft_from_data, draft_to_data
from corpus.models import Article, ImportDraft, Passage, ReadingCorrection
from corpus.profile import hsk_level, hsk_profile
from corpus.text.document import Block, Document
from corpus.text.glossary import Lexicon
from corpus.text.importing import draft_document, prepare
from corpus.text.version import engine_version
from glossary.lexicon import lexicon_current
from glossary.models import LexiconChange, ReadingRule, Term
from glossary.pinyin import check_syllables
from glossary.services import reading_rule_save

if TYPE_CHECKING:
    from corpus.text.annotate import Token

BATCH = 200
# The first batch a background annotation does: about a reading page, so the
# start of a long text gets its pinyin first.
FIRST_PAGE = 30


def _annotate(texts: Sequence[str], lexicon: Lexicon) -> list[tuple["Token", ...]]:
    # Imported here, not at the top: the web process imports this module (for
    # corrections and the glossary receiver) but must never load jieba, pypinyin
    # or the polyphone model just to serve reading pages.
    from corpus.text.annotate import annotate_passages

    return annotate_passages(texts, lexicon)


def article_import(
    *,
    document: Document,
    owner: AbstractBaseUser | None = None,
    source_name: str = "",
    status: str = Article.Status.PUBLISHED,
    lexicon: Lexicon | None = None,
    background: bool = False,
) -> Article:
    """Store a parsed document as an article with annotated passages.

    ``background``: store the passages unannotated (the reading page shows them
    as plain text) and queue their annotation, in the same transaction; the web
    process uses this, so it never loads the engine and a long text is stored at once.
    """
    assert document.blocks, "a document to import has at least one passage"
    if background:
        with transaction.atomic():
            article = _article_create(document=document, owner=owner, status=status, source_name=source_name)
            _passages_create(article=article, blocks=document.blocks, start=0)
            tasks.article_annotate.enqueue(article.pk)
        return article
    lexicon = lexicon or lexicon_current()
    version = engine_version()
    now = timezone.now()
    annotated = list(
        zip(document.blocks, _annotate([block.text for block in document.blocks], lexicon), strict=True)
    )
    with transaction.atomic():
        article = _article_create(document=document, owner=owner, status=status, source_name=source_name)
        passages = Passage.objects.bulk_create(
            _passage(
                article,
                position,
                block,
                tokens=[token.to_dict() for token in tokens],
                engine_version=version,
                lexicon_version=lexicon.version,
                annotated_at=now,
            )
            for position, (block, tokens) in enumerate(annotated)
        )
        _link_terms([(passage, tokens) for passage, (_, tokens) in zip(passages, annotated, strict=True)])
        article_profile_update(article=article)
    return article


def article_profiles_update(*, article_ids: Iterable[int]) -> None:
    for article in Article.objects.filter(pk__in=set(article_ids)).only("pk"):
        article_profile_update(article=article)


def article_profile_update(*, article: Article) -> Article:
    """Recompute the article's HSK level profile from its stored tokens.

    Called once an article's annotation is complete or has changed (import,
    background annotation, re-annotation, edits), not per batch: it reads every
    token of the article.
    """
    profile = hsk_profile(article.passages.order_by("position").values_list("tokens", flat=True).iterator())
    article.hsk_profile = profile
    article.hsk_level = hsk_level(profile)
    Article.objects.filter(pk=article.pk).update(hsk_profile=profile, hsk_level=article.hsk_level)
    return article


def _article_create(*, document: Document, owner, status: str, source_name: str) -> Article:
    return Article.objects.create(
        title=(document.title or "Untitled")[: Article._meta.get_field("title").max_length],
        script=document.script,
        meta=document.meta,
        owner=owner,
        status=status,
        source_name=source_name[:255],
        char_count=sum(len(block.text) for block in document.blocks),
    )


def _passage(article: Article, position: int, block: Block, **annotation) -> Passage:
    """An unsaved passage holding the block's text as kept, with any annotation given."""
    return Passage(
        article=article,
        position=position,
        kind=block.kind,
        text=block.text,
        content_hash=Passage.hash_text(block.text),
        **annotation,
    )


def _passages_create(*, article: Article, blocks: Sequence[Block], start: int, positions=None) -> list[Passage]:
    """Unannotated passages (annotated_at null) for the background task to annotate."""
    return Passage.objects.bulk_create(
        (
            _passage(article, position, block)
            for position, block in zip(positions or range(start, start + len(blocks)), blocks, strict=True)
        ),
        batch_size=2000,
    )


def passages_annotate_pending(*, article_id: int) -> int:
    """Annotate an article's passages that have no annotation yet, first page first, in batches.

    Each batch commits on its own, so the reading page shows the pinyin of the
    first page while the rest is still being annotated.
    """
    lexicon = lexicon_current()
    done = 0
    size = FIRST_PAGE
    while True:
        batch = list(Passage.objects.pending().filter(article_id=article_id).order_by("position")[:size])
        if not batch:
            article_profiles_update(article_ids=[article_id])
            return done
        annotated = passages_reannotate(passages=batch, lexicon=lexicon)
        if annotated == 0:
            # Every passage of the batch failed its hash guard (deleted or changed
            # meanwhile); whoever changed them queued a task of their own.
            article_profiles_update(article_ids=[article_id])
            return done
        done += annotated
        size = BATCH


@transaction.atomic
def draft_create(
    *, data: bytes, owner: AbstractBaseUser, source_name: str = "", encoding: str | None = None
) -> ImportDraft:
    """Read an upload into a draft for the preview (raises InputError on unusable input; nothing stored then)."""
    draft = prepare(data, filename=source_name, encoding=encoding)
    return ImportDraft.objects.create(
        owner=owner, source_name=source_name[:255], raw=data, content=draft_to_data(draft)
    )


@transaction.atomic
def draft_reread(*, draft: ImportDraft, encoding: str) -> ImportDraft:
    """Read a draft's upload again in the encoding the teacher chose."""
    assert draft.article_id is None, "a published draft is not read again"
    content = prepare(bytes(draft.raw), filename=draft.source_name, encoding=encoding)
    draft.content = draft_to_data(content)
    draft.save(update_fields=["content"])
    return draft


def draft_publish(*, draft: ImportDraft, title: str, flipped: Iterable[int]) -> Article:
    """Publish a draft with the teacher's title and restored/dropped lines.

    Publishing the same draft again (a double click) returns the article the first made.

    Raises InputError when nothing would be left to read.
    """
    document = draft_document(draft_from_data(draft.content), flipped=set(flipped), title=title)
    with transaction.atomic():
        locked = ImportDraft.objects.select_for_update().get(pk=draft.pk)
        if locked.article_id is not None:
            return locked.article
        article = article_import(
            document=document, owner=locked.owner, source_name=locked.source_name, background=True
        )
        locked.article = article
        locked.raw = b""
        locked.save(update_fields=["article", "raw"])
    return article


def article_revise(*, article: Article, title: str, blocks: Sequence[Block]) -> Article:
    """Replace an article's title and passages, keeping the id of every passage whose text is unchanged.

    Passages are matched on content hash in order, so a moved passage keeps its id
    and of two identical passages each keeps one; learners' progress and teachers'
    corrections (keyed on passage id) survive the edit. Removed passages are
    deleted, new ones are stored unannotated and queued for annotation.
    """
    assert blocks, "an article keeps at least one passage"
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        old = list(article.passages.order_by("position"))
        unused: dict[str, deque[Passage]] = defaultdict(deque)
        for passage in old:
            unused[passage.content_hash].append(passage)
        kept: list[Passage] = []
        new: list[tuple[int, Block]] = []
        for position, block in enumerate(blocks):
            same = unused.get(Passage.hash_text(block.text))
            if same:
                passage = same.popleft()
                passage.position, passage.kind = position, block.kind
                kept.append(passage)
            else:
                new.append((position, block))
        Passage.objects.filter(pk__in=[p.pk for queue in unused.values() for p in queue]).delete()
        # Move the kept passages out of the way first: (article, position) is unique.
        article.passages.update(position=F("position") + 1_000_000)
        Passage.objects.bulk_update(kept, ["position", "kind"], batch_size=500)
        _passages_create(
            article=article, blocks=[block for _, block in new], start=0, positions=[pos for pos, _ in new]
        )
        article.title = title.strip()[: Article._meta.get_field("title").max_length] or article.title
        article.char_count = sum(len(block.text) for block in blocks)
        article.save(update_fields=["title", "char_count", "updated_at"])
        if new:
            tasks.article_annotate.enqueue(article.pk)  # updates the HSK profile when done
        else:
            article_profile_update(article=article)
    return article


def passages_reannotate(*, passages: Iterable[Passage], lexicon: Lexicon | None = None) -> int:
    """Rebuild the annotation of the given passages with the current engine and lexicon.

    Each passage is written guarded by its content hash, so a passage edited
    meanwhile is left for the next run instead of being overwritten.
    """
    lexicon = lexicon or lexicon_current()
    version = engine_version()
    count = 0
    passages = list(passages)
    all_tokens = _annotate([passage.text for passage in passages], lexicon)
    for passage, tokens in zip(passages, all_tokens, strict=True):
        corrections = list(passage.corrections.all())
        with transaction.atomic():
            updated = Passage.objects.filter(pk=passage.pk, content_hash=passage.content_hash).update(
                tokens=_corrected([token.to_dict() for token in tokens], corrections),
                engine_version=version,
                lexicon_version=lexicon.version,
                annotated_at=timezone.now(),
            )
            if updated:
                _link_terms([(passage, tokens)])
        count += updated
    return count


def passages_refresh(*, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Bring every passage's annotation up to the current engine and lexicon.

    A glossary change can only alter passages that contain one of the forms it
    touched (the segmenter guarantees this), so passages annotated with an older
    lexicon are re-annotated only when they contain a form changed since their
    version; the others just take the new version. Passages made by another
    engine version are all re-annotated. Returns (re-annotated, fast-forwarded).
    """
    lexicon = lexicon_current()
    stale = Passage.objects.stale(engine_version=engine_version(), lexicon_version=lexicon.version)
    rows = list(stale.order_by("pk").values_list("pk", "text", "engine_version", "lexicon_version"))
    changed_since = _forms_changed_since({row[3] for row in rows})
    redo: list[int] = []
    forward: list[int] = []
    for pk, text, passage_engine, passage_lexicon in rows:
        pattern = changed_since.get(passage_lexicon)
        if passage_engine != engine_version() or pattern is None or pattern.search(text):
            redo.append(pk)
        else:
            forward.append(pk)
    for start in range(0, len(forward), BATCH):
        Passage.objects.filter(pk__in=forward[start : start + BATCH]).update(lexicon_version=lexicon.version)
    done = 0
    for start in range(0, len(redo), BATCH):
        done += passages_reannotate(
            passages=Passage.objects.filter(pk__in=redo[start : start + BATCH]), lexicon=lexicon
        )
        if progress:
            progress(min(start + BATCH, len(redo)), len(redo))
    if redo:
        article_profiles_update(article_ids=Passage.objects.filter(pk__in=redo).values_list("article_id", flat=True))
    return done, len(forward)


def _forms_changed_since(versions: Iterable[str]) -> dict[str, re.Pattern[str] | None]:
    """For each lexicon version, a pattern matching any form changed after it.

    None (re-annotate everything) for a version the change log does not know.
    A pattern that matches nothing when no form changed.
    """
    changes = list(LexiconChange.objects.order_by("pk").values_list("pk", "version", "forms"))
    position = {version: i for i, (_, version, _) in enumerate(changes)}
    result: dict[str, re.Pattern[str] | None] = {}
    for version in versions:
        if version not in position and version != "0":
            result[version] = None
            continue
        start = position.get(version, -1) + 1
        forms = sorted({form for _, _, forms in changes[start:] for form in forms}, key=len, reverse=True)
        result[version] = re.compile("|".join(map(re.escape, forms))) if forms else re.compile(r"(?!)")
    return result


def _link_terms(annotated: Sequence[tuple[Passage, Sequence["Token"]]]) -> None:
    """Record which glossary terms each passage's tokens carry."""
    slugs = {token.term for _, tokens in annotated for token in tokens if token.term}
    term_ids = dict(Term.objects.filter(slug__in=slugs).values_list("slug", "pk")) if slugs else {}
    through = Passage.terms.through
    through.objects.filter(passage_id__in=[passage.pk for passage, _ in annotated]).delete()
    through.objects.bulk_create(
        through(passage_id=passage.pk, term_id=term_ids[slug])
        for passage, tokens in annotated
        for slug in sorted({token.term for token in tokens if token.term in term_ids})
    )


def _corrected(tokens: list[dict], corrections: Iterable[ReadingCorrection]) -> list[dict]:
    """Stored tokens with teachers' corrections applied where the word is still there."""
    by_offset = {c.offset: c for c in corrections}
    if not by_offset:
        return tokens
    start = 0
    for token in tokens:
        correction = by_offset.get(start)
        if correction and correction.text == token["text"] and len(correction.pinyin) == len(token["text"]):
            token["pinyin"] = list(correction.pinyin)
        start += len(token["text"])
    return tokens


@transaction.atomic
def reading_correct(
    *, passage: Passage, offset: int, text: str, pinyin: Sequence[str], author: AbstractBaseUser
) -> ReadingCorrection:
    """Correct the reading of the word at ``offset`` in one passage, now and after any re-annotation."""
    passage = Passage.objects.select_for_update().get(pk=passage.pk)
    starts = {}
    position = 0
    for token in passage.tokens:
        starts[position] = token["text"]
        position += len(token["text"])
    if starts.get(offset) != text:
        raise ValidationError(
            gettext("“%(text)s” is not a word at position %(offset)s of this passage; reload the page.")
            % {"text": text, "offset": offset}
        )
    problem = check_syllables(text, list(pinyin))
    if problem:
        raise ValidationError(problem)
    correction, _ = ReadingCorrection.objects.update_or_create(
        passage=passage, offset=offset, defaults={"text": text, "pinyin": list(pinyin), "author": author}
    )
    passage.tokens = _corrected(passage.tokens, [correction])
    passage.save(update_fields=["tokens"])
    return correction


def reading_correction_promote(*, correction: ReadingCorrection, user: AbstractBaseUser) -> ReadingRule:
    """Make a correction the word's reading everywhere (a new lexicon version)."""
    rule = ReadingRule.objects.filter(word=correction.text).first() or ReadingRule(word=correction.text)
    rule.pinyin = " ".join(correction.pinyin)
    rule.note = f"Promoted from a correction in “{correction.passage.article.title}”"[:300]
    return reading_rule_save(rule=rule, user=user)


@transaction.atomic
def article_visibility_set(*, article: Article, status: str, user: AbstractBaseUser) -> Article:
    """Public, assigned classes only, or private draft: the owner (or an admin) decides."""
    if not (user.is_staff or article.owner_id == user.pk):
        raise PermissionDenied(gettext("Only the article's owner changes who can read it."))
    if status not in Article.Status.values:
        raise ValidationError(gettext("Choose public, assigned classes only or private draft."))
    article.status = status
    article.save(update_fields=["status", "updated_at"])
    return article
