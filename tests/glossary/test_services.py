import pytest
from django.core.exceptions import ValidationError

from corpus.models import Passage
from corpus.text.annotate import annotate_passage
from corpus.text.glossary import EMPTY_LEXICON
from glossary.lexicon import lexicon_current
from glossary.models import LexiconChange, SegmentationRule, Term
from glossary.services import lexicon_version_current, rule_delete, rule_save, term_delete, term_save

ARTICLE = """基层工作简报

街道综治中心把矛盾化解在基层。

今年的平安建设工作成效明显。

村里修了一条新路。
"""


def liang_ge_que_li(**fields) -> Term:
    values = {"slug": "liang-ge-que-li", "simplified": "两个确立", "pinyin": "liǎng gè què lì",
              "english": "Two Establishments", "explanation": "A political formulation."}
    return term_save(term=Term(**{**values, **fields}))


def texts(tokens):
    return [token.text for token in tokens]


def test_a_term_is_one_token_in_both_scripts_where_the_plain_segmenter_splits_it(db):
    sentence = "全党要深刻领悟两个确立的决定性意义"
    assert "两个确立" not in texts(annotate_passage(sentence, EMPTY_LEXICON))
    liang_ge_que_li()
    lexicon = lexicon_current()
    simplified = annotate_passage(sentence, lexicon)
    traditional = annotate_passage("全黨要深刻領悟兩個確立的決定性意義", lexicon)
    assert "两个确立" in texts(simplified)
    assert "兩個確立" in texts(traditional)
    term = next(t for t in traditional if t.text == "兩個確立")
    assert term.term == "liang-ge-que-li"
    assert term.simplified == "两个确立"
    assert term.definitions[0] == "Two Establishments"


def test_a_variant_spelling_is_matched_as_the_same_term(db):
    term_save(term=Term(slug="zong-zhi-zhong-xin", simplified="综治中心", english="comprehensive governance centre",
                        variants="社会治安综合治理中心"))
    tokens = annotate_passage("县社会治安综合治理中心挂牌", lexicon_current())
    assert [t.term for t in tokens if t.term] == ["zong-zhi-zhong-xin"]


def test_curated_pinyin_wins_over_the_engine(db):
    sentence = "这里实行河长制"
    engine = next(t for t in annotate_passage(sentence, EMPTY_LEXICON) if "长" in t.text)
    assert "zhǎng" in engine.pinyin or "cháng" in engine.pinyin
    term_save(term=Term(slug="he-zhang-zhi", simplified="河长制", pinyin="hé zhǎng zhì", english="river chief system"))
    curated = next(t for t in annotate_passage(sentence, lexicon_current()) if t.term)
    assert curated.pinyin == ("hé", "zhǎng", "zhì")


def test_a_split_rule_takes_effect(db):
    sentence = "他们的确来了"
    assert "的确" in texts(annotate_passage(sentence, lexicon_current()))
    rule_save(rule=SegmentationRule(kind="split", word="的确", parts="的 确"))
    assert texts(annotate_passage(sentence, lexicon_current())) == ["他们", "的", "确", "来", "了"]


def test_a_keep_together_rule_takes_effect(db):
    sentence = "推进一网通办改革"
    assert "一网通办" not in texts(annotate_passage(sentence, lexicon_current()))
    rule_save(rule=SegmentationRule(kind="keep", word="一网通办"))
    assert "一网通办" in texts(annotate_passage(sentence, lexicon_current()))


def test_every_change_records_a_new_lexicon_version(db):
    versions = [lexicon_version_current()]
    term = liang_ge_que_li()
    versions.append(lexicon_version_current())
    term.english = "the Two Establishments"
    term_save(term=term)
    versions.append(lexicon_version_current())
    rule = rule_save(rule=SegmentationRule(kind="keep", word="一网通办"))
    versions.append(lexicon_version_current())
    rule_delete(rule=rule)
    versions.append(lexicon_version_current())
    term_delete(term=term)
    versions.append(lexicon_version_current())
    assert len(set(versions)) == len(versions) == 6
    assert "兩個確立" in LexiconChange.objects.first().forms  # the change names every script's spelling


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"pinyin": "liǎng gè què"}, "pinyin", "one syllable per character"),
        ({"traditional": "兩個確"}, "traditional", "character by character"),
    ],
)
def test_a_term_that_does_not_line_up_is_refused_and_nothing_changes(db, fields, field, message):
    with pytest.raises(ValidationError) as error:
        liang_ge_que_li(**fields)
    assert message in str(error.value.message_dict[field])
    assert not Term.objects.exists()
    assert not LexiconChange.objects.exists()


def test_a_split_rule_must_spell_its_word(db):
    with pytest.raises(ValidationError, match="two or more words"):
        rule_save(rule=SegmentationRule(kind="split", word="的确", parts="的 是"))


def test_traditional_form_is_filled_by_opencc(db):
    assert liang_ge_que_li().traditional == "兩個確立"


def test_an_empty_slug_is_made_from_the_pinyin_and_kept_unique(db):
    first = term_save(term=Term(simplified="绿色发展", pinyin="lǜ sè fā zhǎn", english="green development"))
    second = term_save(term=Term(simplified="綠色發展觀", pinyin="", english="Green development!"))
    assert first.slug == "lv-se-fa-zhan"
    assert second.slug == "green-development"


def test_editing_a_term_reannotates_the_passages_that_contain_it_and_only_those(
    make_article, django_capture_on_commit_callbacks
):
    article = make_article(ARTICLE)
    before = {p.position: (p.tokens, p.annotated_at) for p in article.passages.all()}
    with django_capture_on_commit_callbacks(execute=True):
        term_save(term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative"))
    after = {p.position: p for p in article.passages.all()}
    version = lexicon_version_current()
    assert all(p.lexicon_version == version for p in after.values())
    # Only the passage with the term was rebuilt; the others kept their annotation.
    assert after[1].annotated_at > before[1][1]
    assert [t["term"] for t in after[1].tokens if t["term"]] == ["ping-an-jian-she"]
    assert after[0].annotated_at == before[0][1] and after[2].annotated_at == before[2][1]
    assert list(after[1].terms.values_list("slug", flat=True)) == ["ping-an-jian-she"]


def test_deleting_a_term_removes_it_from_stored_annotation(make_article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        term = term_save(term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative"))
    article = make_article(ARTICLE)
    passage = article.passages.get(position=1)
    assert any(t["term"] for t in passage.tokens)
    with django_capture_on_commit_callbacks(execute=True):
        term_delete(term=term)
    passage.refresh_from_db()
    assert not any(t["term"] for t in passage.tokens)
    assert not Passage.terms.through.objects.exists()
