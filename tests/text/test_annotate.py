"""The annotation contract of DESIGN.md, checked on generated text, and glossary terms."""

import json
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.annotate import annotate, annotate_passage
from corpus.text.convert import TO_TRADITIONAL, convert, to_simplified
from corpus.text.glossary import Lexicon, LexiconTerm

ANNOTATION_KEYS = {"title", "script", "meta", "dropped", "passages"}
PASSAGE_KEYS = {"index", "kind", "text", "tokens"}
TOKEN_KEYS = {"text", "simplified", "traditional", "pinyin", "definitions", "hsk", "term"}
# Han ideographs: the only characters that may carry a reading.
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

LIANG_GE_QUE_LI = LexiconTerm(
    slug="liang-ge-que-li",
    forms=("两个确立", "兩個確立"),
    pinyin=("liǎng", "gè", "què", "lì"),
    english="the Two Establishments",
)
# pypinyin alone reads 长 here as zhǎng; the curated reading says cháng.
CHANG_XIAO_JI_ZHI = LexiconTerm(
    slug="chang-xiao-ji-zhi",
    forms=("长效机制", "長效機制"),
    pinyin=("cháng", "xiào", "jī", "zhì"),
    english="long-term mechanism",
)
LEXICON = Lexicon(version="7", terms=(LIANG_GE_QUE_LI, CHANG_XIAO_JI_ZHI), words=("综治中心",))

SIMPLIFIED_WORDS = ["协调", "发展", "头发", "银行", "干部", "长城", "还要", "得到", "着急"]
SIMPLIFIED_WORDS += ["两个确立", "综治中心", "乡村振兴"]
TRADITIONAL_WORDS = ["協調", "發展", "頭髮", "銀行", "幹部", "長城", "還要", "得到", "著急"]
TRADITIONAL_WORDS += ["兩個確立", "長效機制", "臺灣"]
PIECES = st.one_of(
    st.sampled_from(SIMPLIFIED_WORDS + TRADITIONAL_WORDS),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(list("，。！？、；：“”「」《》（）…—·")),
    st.sampled_from(list("0123456789") + ["2024", "5.2%", "１２３"]),
    st.sampled_from(["abc", "GDP", "Hong Kong", "ＡＢＣ", "é", "e\u0301"]),
    st.sampled_from([" ", "  ", "\t", "\u3000", "\u00a0"]),
    st.sampled_from(["😀", "👍🏽", "👩\u200d💻", "🇨🇳"]),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK Extension B
    st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]),
    st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\u2028", "\n\u3000\u3000"]),
)
TEXTS = st.lists(PIECES, max_size=50).map("".join)
SCRIPTS = st.sampled_from(["original", "simplified", "traditional"])


def check_contract(annotation):
    for position, passage in enumerate(annotation.passages):
        assert passage.index == position
        assert passage.kind in ("paragraph", "heading")
        assert "".join(token.text for token in passage.tokens) == passage.text
        for token in passage.tokens:
            assert token.text
            assert len(token.simplified) == len(token.text)
            assert len(token.traditional) == len(token.text)
            assert len(token.pinyin) == len(token.text)
            for char, syllable in zip(token.text, token.pinyin, strict=True):
                assert unicodedata.is_normalized("NFC", syllable)
                if not HAN.match(char):
                    assert syllable == "", (char, token)
            assert token.term is None or isinstance(token.term, str)
            assert token.hsk is None or 1 <= token.hsk <= 7


@settings(max_examples=250, deadline=None)
@given(TEXTS, SCRIPTS)
def test_annotation_keeps_the_contract_invariants(text, script):
    check_contract(annotate(text, script=script))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_annotation_with_a_glossary_keeps_the_contract_invariants(text):
    check_contract(annotate(text, LEXICON))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_passage_tokens_rejoin_to_the_passage(text):
    text = text.replace("\r", "").replace("\n", "").replace("\u2028", "")
    assert "".join(token.text for token in annotate_passage(text, LEXICON)) == text


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_to_dict_is_json_with_exactly_the_contract_keys(text):
    data = annotate(text, LEXICON).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) == ANNOTATION_KEYS
    assert set(data["meta"]) <= {"date", "source", "editor"}
    assert all(isinstance(line, str) for line in data["dropped"])
    for passage in data["passages"]:
        assert set(passage) == PASSAGE_KEYS
        for token in passage["tokens"]:
            assert set(token) == TOKEN_KEYS
            assert isinstance(token["pinyin"], list)
            assert isinstance(token["definitions"], list)


@settings(max_examples=120, deadline=None)
@given(TEXTS)
def test_output_script_converts_the_text_but_not_the_pinyin(text):
    original = annotate(text)
    for script, conversion in (("simplified", to_simplified), ("traditional", lambda t: convert(t, TO_TRADITIONAL))):
        converted = annotate(text, script=script)
        assert converted.title == conversion(original.title)
        assert len(converted.passages) == len(original.passages)
        for before, after in zip(original.passages, converted.passages, strict=True):
            assert after.kind == before.kind
            assert [t.pinyin for t in after.tokens] == [t.pinyin for t in before.tokens]
            assert [len(t.text) for t in after.tokens] == [len(t.text) for t in before.tokens]
            assert [t.text for t in after.tokens] == [getattr(t, script) for t in before.tokens]


def test_meta_keys_are_present_only_when_found():
    assert annotate("县里召开会议\n\n会议要求抓好落实。").to_dict()["meta"] == {}
    data = annotate("县里召开会议\n来源：县融媒体中心\n\n会议要求抓好落实。").to_dict()
    assert data["meta"] == {"source": "县融媒体中心"}
    assert data["dropped"] == ["来源：县融媒体中心"]


def test_news_text_annotates_to_the_contract_shape():
    text = "協調發展\n日期：2024年1月13日　來源：中央社\n\n一、總體要求\n各部門要加強協調。"
    data = annotate(text).to_dict()
    assert data["title"] == "協調發展"
    assert data["script"] == "traditional"
    assert data["meta"] == {"date": "2024-01-13", "source": "中央社"}
    assert [(p["index"], p["kind"], p["text"]) for p in data["passages"]] == [
        (0, "heading", "一、總體要求"),
        (1, "paragraph", "各部門要加強協調。"),
    ]
    xie_tiao = next(t for t in data["passages"][1]["tokens"] if t["text"] == "協調")
    assert xie_tiao == {
        "text": "協調",
        "simplified": "协调",
        "traditional": "協調",
        "pinyin": ["xié", "tiáo"],
        "definitions": xie_tiao["definitions"],
        "hsk": 6,
        "term": None,
    }
    assert xie_tiao["definitions"][0] == "to coordinate"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("深刻领悟两个确立的决定性意义。", "两个确立"),
        ("深刻領悟兩個確立的決定性意義。", "兩個確立"),
        ("坚持两个确立", "两个确立"),
        ("兩個確立", "兩個確立"),
    ],
    ids=["simplified-sentence", "traditional-sentence", "simplified-end", "traditional-alone"],
)
def test_glossary_term_is_one_token_with_its_slug_and_curated_pinyin(text, form):
    term_tokens = [token for token in annotate_passage(text, LEXICON) if token.term]
    assert len(term_tokens) == 1
    token = term_tokens[0]
    assert token.text == form
    assert token.term == "liang-ge-que-li"
    assert token.simplified == "两个确立"
    assert token.traditional == "兩個確立"
    assert token.pinyin == ("liǎng", "gè", "què", "lì")
    assert token.definitions[0] == "the Two Establishments"


@pytest.mark.parametrize("text", ["我们要建立长效机制。", "我們要建立長效機制。"], ids=["simplified", "traditional"])
def test_curated_pinyin_of_a_term_wins_over_the_reading_in_context(text):
    token = next(token for token in annotate_passage(text, LEXICON) if token.term)
    assert token.term == "chang-xiao-ji-zhi"
    assert token.pinyin == ("cháng", "xiào", "jī", "zhì")
    assert token.definitions[0] == "long-term mechanism"
    assert token.definitions.count("long-term mechanism") == 1


def test_without_the_glossary_the_term_is_ordinary_words():
    tokens = annotate_passage("坚持两个确立")
    assert [token.text for token in tokens] == ["坚持", "两个", "确立"]
    assert all(token.term is None for token in tokens)


def test_plain_glossary_word_is_kept_whole_without_a_slug():
    token = next(token for token in annotate_passage("县综治中心成立", LEXICON) if token.text == "综治中心")
    assert token.term is None
    assert token.definitions[0].startswith("综: ")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_glossary_term_keeps_its_slug_and_pinyin_in_either_output_script(script):
    annotation = annotate("深刻领悟两个确立的决定性意义。", LEXICON, script=script)
    token = next(token for token in annotation.passages[0].tokens if token.term)
    assert token.text == ("两个确立" if script == "simplified" else "兩個確立")
    assert token.term == "liang-ge-que-li"
    assert token.pinyin == ("liǎng", "gè", "què", "lì")


@pytest.mark.parametrize(
    ("text", "script", "expected"),
    [
        ("我们要坚持协调发展。", "traditional", "我們要堅持協調發展。"),
        ("我們要堅持協調發展。", "simplified", "我们要坚持协调发展。"),
        ("他的头发很长。", "traditional", "他的頭髮很長。"),
        ("干部要干净干事。", "traditional", "幹部要乾淨幹事。"),
    ],
)
def test_output_script_converts_passage_text_and_keeps_pinyin(text, script, expected):
    original = annotate(text).passages[0]
    converted = annotate(text, script=script).passages[0]
    assert converted.text == expected
    assert [t.pinyin for t in converted.tokens] == [t.pinyin for t in original.tokens]


def test_output_script_converts_the_title():
    assert annotate("协调发展\n\n各部门要加强协调。", script="traditional").title == "協調發展"
    assert annotate("協調發展\n\n各部門要加強協調。", script="simplified").title == "协调发展"


@pytest.mark.parametrize(
    "simplified",
    ["他去过长城和长江。", "台湾是中国的一部分。", "各部门要加强协调。", "我们要深刻认识这一决定性意义。"],
    ids=["changcheng", "taiwan", "bumen", "jueding"],
)
def test_traditional_text_is_cut_into_the_same_words_as_its_simplified_form(simplified):
    # A word cut in two (城和長, 門要) gets a per-character popup and loses its
    # proper-noun capitals; the traditional passage should read like the simplified one.
    words = [token.text for token in annotate_passage(simplified)]
    traditional = convert(simplified, "s2t")
    assert [token.text for token in annotate_passage(traditional)] == [convert(word, "s2t") for word in words]


def test_astral_characters_and_emoji_are_aligned_one_per_character():
    tokens = annotate_passage("𠀀银行👩\u200d💻")
    assert "".join(token.text for token in tokens) == "𠀀银行👩\u200d💻"
    pinyin = [syllable for token in tokens for syllable in token.pinyin]
    assert pinyin == ["hē", "yín", "háng", "", "", ""]


def test_zero_width_space_inside_chinese_does_not_reach_the_tokens():
    annotation = annotate("各部门\u200b要加强\u200b协调。")
    assert annotation.passages[0].text == "各部门要加强协调。"


def test_empty_passage_has_no_tokens():
    assert annotate_passage("") == ()
    assert annotate("").passages == ()
