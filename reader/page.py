"""One page of an article as HTML fragments and JSON tables, cached under the version of what it is made of.

Rendering a 3,000-character page from its stored tokens takes about 10 ms
(decoding 400 KB of token JSON, then one span per word); serving it again from
the cache takes a fraction of that. The cache key holds a *stamp* of everything
the fragments are made of, read in the same single query that gives the pages:

* each passage on the article: id, kind, length, content hash, when and with
  which engine and lexicon it was annotated (the services set these whenever they
  write tokens or text);
* the article's reading corrections (count and last change: a correction rewrites
  tokens in place);
* the glossary's lexicon version (every term change or deletion makes a new one;
  term renderings and explanations are part of the page).

So any write through the services gives a new key, and a stale page is never served.
"""

import hashlib
from dataclasses import dataclass
from functools import cache as cache_for_process

import orjson
from django.core.cache import cache
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from corpus.models import Article, Passage, ReadingCorrection
from corpus.text.sandhi import with_sandhi
from glossary.models import LexiconChange, Term
from reader.pagination import paginate
from reader.rendering import WordTable, json_for_script, render_passages, render_tokens

CACHE_SECONDS = 24 * 3600
PENDING_NOTE = _("(annotating: word help appears when it is done; reload in a moment)")


@dataclass(frozen=True)
class Outline:
    """The article's passages (without their tokens) and its pages."""

    rows: list[tuple]
    pages: list[range]

    def passage_ids(self, number: int) -> list[int]:
        return [self.rows[index][0] for index in self.pages[number - 1]]


def article_outline(article: Article) -> Outline:
    """One query: every passage's kind and length, and the stamp of what its HTML is made of.

    Plain SQL because the ORM took 1.2 ms to compile this query (three
    annotations, a join, a subquery) and 0.2 ms to run it, on a path that serves a
    cached page in about 4 ms. Portable: SQLite and PostgreSQL.
    """
    with connection.cursor() as cursor:
        cursor.execute(_outline_sql(), [article.pk])
        rows = cursor.fetchall()
    return Outline(rows=rows, pages=paginate([(row[1], row[2]) for row in rows]))


@cache_for_process
def _outline_sql() -> str:
    q = connection.ops.quote_name
    passage, correction, change = (
        q(model._meta.db_table) for model in (Passage, ReadingCorrection, LexiconChange)
    )
    return f"""
        SELECT p.id, p.kind, LENGTH(p.text), p.content_hash, p.annotated_at, p.engine_version, p.lexicon_version,
               (SELECT COUNT(*) FROM {correction} c WHERE c.passage_id = p.id),
               (SELECT MAX(c.updated_at) FROM {correction} c WHERE c.passage_id = p.id),
               (SELECT l.version FROM {change} l ORDER BY l.id DESC LIMIT 1)
        FROM {passage} p WHERE p.article_id = %s ORDER BY p.position
    """  # noqa: S608 -- only table names from our models are formatted in


def page_render(
    *, article: Article, outline: Outline, number: int, script: str, ruby: bool, offsets: bool, sandhi: bool = False
) -> dict:
    """{"passages_html", "words_json", "terms_json"} for page ``number`` (the language is part of the key:
    the note on passages still being annotated is translated)."""
    stamp = hashlib.sha256(repr((outline.rows, script, ruby, offsets, sandhi, get_language())).encode()).hexdigest()
    key = f"reader:page:{article.pk}:{number}:{stamp}"
    page = cache.get(key)
    if page is None:
        page = _render(outline.passage_ids(number), script=script, ruby=ruby, offsets=offsets, sandhi=sandhi)
        cache.set(key, page, CACHE_SECONDS)
    return page


def _render(passage_ids: list[int], *, script: str, ruby: bool, offsets: bool, sandhi: bool) -> dict:
    stored = _stored_passages(passage_ids)
    slugs = {token["term"] for *_, tokens in stored for token in tokens if token.get("term")}
    terms = {term.slug: term for term in Term.objects.filter(slug__in=slugs)} if slugs else {}
    words = WordTable()
    passages = []
    for pk, kind, text, tokens in stored:
        # Tokens that do not spell the text (not annotated yet, or edited since)
        # are never served: the text is shown plain until annotation catches up.
        annotated = bool(tokens) and "".join(token["text"] for token in tokens) == text
        html = None
        if annotated and sandhi:
            tokens = _spoken(tokens)
        if annotated:
            html = render_tokens(tokens, words, terms, script=script, ruby=ruby, with_offsets=offsets)
        passages.append({"pk": pk, "kind": kind, "text": text, "html": html})
    return {
        "passages_html": render_passages(passages, str(PENDING_NOTE), get_language()),
        "words_json": json_for_script(words.entries),
        "terms_json": json_for_script(
            {
                slug: {"english": term.english, "explanation": term.explanation, "url": term.get_absolute_url()}
                for slug, term in terms.items()
            }
        ),
    }


def _spoken(tokens: list[dict]) -> list[dict]:
    """Tokens with 一 and 不 in their spoken tone (stored readings keep the citation tone)."""
    spoken = with_sandhi([(token["text"], token["pinyin"]) for token in tokens])
    return [
        token if readings == token["pinyin"] else {**token, "pinyin": readings}
        for token, readings in zip(tokens, spoken, strict=True)
    ]


def _stored_passages(pks: list[int]) -> list[tuple[int, str, str, list]]:
    """(pk, kind, text, tokens) of the given passages in order.

    The tokens come from the database as JSON text and are decoded with orjson:
    a 3,000-character page holds about 400 KB of token JSON, and the standard
    decoder that JSONField uses takes three times as long over it.
    """
    rows = (
        Passage.objects.filter(pk__in=pks)
        .order_by("position")
        .values_list("pk", "kind", "text", Cast("tokens", TextField()))
    )
    return [(pk, kind, text, orjson.loads(tokens)) for pk, kind, text, tokens in rows]
