"""OpenCC conversion that keeps character alignment, and script detection.

Expected forms are OpenCC's standard output, checked against the character standards:
s2t gives OpenCC's traditional forms, s2tw Taiwan's (裡, 麵, 著), s2hk Hong Kong's (裏, 台).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.convert import CONFIGS, convert, convert_tokens, detect_script, script_counts

S2T = [
    ("协调发展", "協調發展"),
    ("头发", "頭髮"),
    ("发展", "發展"),
    ("理发", "理髮"),
    ("干部", "幹部"),
    ("干净", "乾淨"),
    ("树干", "樹幹"),
    ("后来", "後來"),
    ("皇后", "皇后"),
    ("关系", "關係"),
    ("联系", "聯繫"),
    ("复杂", "複雜"),
    ("制造", "製造"),
    ("制度", "制度"),
    ("历史", "歷史"),
    ("日历", "日曆"),
    ("钟表", "鐘錶"),
    ("一只", "一隻"),
    ("只有", "只有"),
    ("范围", "範圍"),
    ("准备", "準備"),
    ("征收", "徵收"),
    ("台风", "颱風"),
    ("于是", "於是"),
    ("乡村振兴", "鄉村振興"),
    ("高质量发展", "高質量發展"),
    ("党中央", "黨中央"),
    ("国务院", "國務院"),
    ("总书记", "總書記"),
    ("综治中心", "綜治中心"),
    ("两个确立", "兩個確立"),
]

T2S = [
    ("協調發展", "协调发展"),
    ("頭髮", "头发"),
    ("幹部", "干部"),
    ("乾淨", "干净"),
    ("乾隆", "乾隆"),  # a name: 乾 (qián) stays
    ("後來", "后来"),
    ("臺灣", "台湾"),
    ("台灣", "台湾"),
    ("裡面", "里面"),
    ("裏面", "里面"),
    ("麵條", "面条"),
    ("鐘錶", "钟表"),
    ("聯繫", "联系"),
    ("複雜", "复杂"),
    ("週末", "周末"),
    ("瞭解", "了解"),
    ("鄉村振興", "乡村振兴"),
    ("國務院", "国务院"),
]

S2TW = [
    ("协调发展", "協調發展"),
    ("头发", "頭髮"),
    ("干部", "幹部"),
    ("里面", "裡面"),
    ("面条", "麵條"),
    ("着急", "著急"),
    ("台湾", "臺灣"),
    ("乡村振兴", "鄉村振興"),
]

S2HK = [
    ("协调发展", "協調發展"),
    ("头发", "頭髮"),
    ("干部", "幹部"),
    ("里面", "裏面"),
    ("台湾", "台灣"),
    ("乡村振兴", "鄉村振興"),
]

TABLE = (
    [("s2t", source, expected) for source, expected in S2T]
    + [("t2s", source, expected) for source, expected in T2S]
    + [("s2tw", source, expected) for source, expected in S2TW]
    + [("s2hk", source, expected) for source, expected in S2HK]
)


@pytest.mark.parametrize(("config", "source", "expected"), TABLE)
def test_policy_vocabulary_converts_to_the_standard_form(config, source, expected):
    assert convert(source, config) == expected


@pytest.mark.parametrize("config", CONFIGS)
def test_text_without_chinese_is_unchanged(config):
    text = "GDP 5.2% 2024-01-13 abc！😀 𠀀"
    assert convert(text, config) == text


def test_unknown_conversion_is_refused():
    with pytest.raises(ValueError, match="unknown conversion"):
        convert("协调", "s2jp")


# Characters a passage may contain: common CJK (both scripts), ASCII, punctuation,
# emoji (including multi-code-point sequences) and astral CJK Extension B.
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
EXT_B = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
PIECES = st.one_of(
    CJK,
    st.sampled_from("协调发展头发干部后面里台着乾隆協調發展頭髮幹部後麵裡臺著"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("，。！？、；：“”「」《》（）…—"),
    st.sampled_from(["😀", "👍🏽", "👩\u200d💻", "🇨🇳"]),
    EXT_B,
    st.sampled_from(["𠀀", "𠮷", "𪚥"]),
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(CONFIGS))
def test_conversion_keeps_the_length(text, config):
    assert len(convert(text, config)) == len(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_converting_there_and_back_keeps_the_length(text):
    assert len(convert(convert(text, "s2t"), "t2s")) == len(text)
    assert len(convert(convert(text, "t2s"), "s2tw")) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS.filter(bool), max_size=12), st.sampled_from(CONFIGS))
def test_converting_tokens_keeps_each_token_length(tokens, config):
    converted = convert_tokens(tokens, config)
    assert [len(token) for token in converted] == [len(token) for token in tokens]


def test_converting_tokens_gives_the_same_text_as_converting_the_passage():
    tokens = ["我们", "要", "坚持", "协调", "发展", "，", "理发", "干部", "。"]
    assert "".join(convert_tokens(tokens, "s2t")) == convert("".join(tokens), "s2t")
    assert convert_tokens(tokens, "s2t") == ["我們", "要", "堅持", "協調", "發展", "，", "理髮", "幹部", "。"]


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("我们要坚持协调发展。", "simplified"),
        ("乡村振兴战略", "simplified"),
        ("我們要堅持協調發展。", "traditional"),
        ("鄉村振興戰略", "traditional"),
        ("臺灣的經濟發展", "traditional"),
        ("我们要坚持協調發展。", "mixed"),
        ("头发很長很長", "mixed"),
        # nothing tells the scripts apart: counts as simplified
        ("他是好人。", "simplified"),
        ("人民", "simplified"),
        ("2024 abc！", "simplified"),
        ("", "simplified"),
    ],
)
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_a_few_traditional_characters_in_a_simplified_text_do_not_make_it_mixed():
    text = "我们要坚持协调发展，推进乡村振兴，建设美丽乡村。" + "發"
    assert detect_script(text) == "simplified"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("协调发展", (3, 0)),
        ("協調發展", (0, 3)),
        ("他是好人", (0, 0)),
    ],
)
def test_script_counts_count_characters_that_tell_the_scripts_apart(text, counts):
    assert script_counts(text) == counts
