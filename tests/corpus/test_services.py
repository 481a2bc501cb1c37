import pytest

from corpus import services
from corpus.models import Article, Passage
from corpus.text.document import parse_document
from corpus.text.version import engine_version
from glossary.lexicon import lexicon_current
from glossary.models import Term
from glossary.services import term_save


def test_import_stores_title_meta_and_passages_in_order(make_article):
    article = make_article()
    assert article.title == "县里部署平安建设工作"
    assert article.meta == {"date": "2025-03-14", "source": "县融媒体中心"}
    assert article.script == "simplified"
    passages = list(article.passages.all())
    assert [p.position for p in passages] == [0, 1, 2]
    assert [p.kind for p in passages] == ["heading", "paragraph", "paragraph"]
    assert passages[1].text.startswith("会议强调")
    assert article.char_count == sum(len(p.text) for p in passages)


def test_each_passage_stores_tokens_and_the_versions_that_made_them(make_article):
    passage = make_article().passages.get(position=2)
    assert "".join(token["text"] for token in passage.tokens) == passage.text
    bank = next(token for token in passage.tokens if token["text"] == "银行")
    assert bank["pinyin"] == ["yín", "háng"]
    assert bank["definitions"][0] == "bank"
    assert passage.engine_version == engine_version()
    assert passage.lexicon_version == lexicon_current().version
    assert passage.content_hash == Passage.hash_text(passage.text)


def test_import_is_all_or_nothing(db, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Passage.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        services.article_import(document=parse_document("标题\n\n正文一段。"))
    assert not Article.objects.exists()


def test_a_glossary_change_makes_passages_stale_and_reannotation_fixes_them(make_article):
    article = make_article()
    current = lexicon_current().version
    assert not Passage.objects.stale(engine_version=engine_version(), lexicon_version=current).exists()

    term_save(term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative"))
    lexicon = lexicon_current()
    stale = Passage.objects.stale(engine_version=engine_version(), lexicon_version=lexicon.version)
    assert stale.count() == article.passages.count()

    assert services.passages_reannotate(passages=stale, lexicon=lexicon) == 3
    assert not Passage.objects.stale(engine_version=engine_version(), lexicon_version=lexicon.version).exists()


def test_reannotation_skips_a_passage_edited_meanwhile(make_article):
    passage = make_article().passages.get(position=1)
    Passage.objects.filter(pk=passage.pk).update(text="改过的文字。", content_hash=Passage.hash_text("改过的文字。"))
    assert services.passages_reannotate(passages=[passage]) == 0
    passage.refresh_from_db()
    assert passage.text == "改过的文字。"
