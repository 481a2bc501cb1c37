"""Word segmentation: extra words are kept whole, tokens rejoin to the text, no global state."""

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.segment import Segmenter, segmenter_for


@pytest.fixture(scope="module")
def plain():
    return Segmenter()


@pytest.fixture(scope="module")
def with_zongzhi():
    return Segmenter(["综治中心"])


@pytest.fixture(scope="module")
def with_liangge():
    return Segmenter(["两个确立"])


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("他在银行工作", ["他", "在", "银行", "工作"]),
        ("我们要推进乡村振兴", ["我们", "要", "推进", "乡村", "振兴"]),
        ("县综治中心成立", ["县", "综治", "中心", "成立"]),
        ("坚持两个确立", ["坚持", "两个", "确立"]),
    ],
)
def test_plain_segmenter_cuts_into_dictionary_words(plain, text, tokens):
    assert plain.cut(text) == tokens


def test_extra_word_is_kept_whole(with_zongzhi):
    assert with_zongzhi.cut("县综治中心成立") == ["县", "综治中心", "成立"]
    assert "综治中心" in with_zongzhi.cut("网格员到综治中心报到")


def test_extra_policy_term_is_kept_whole(with_liangge):
    assert with_liangge.cut("坚持两个确立") == ["坚持", "两个确立"]
    assert with_liangge.cut("深刻领悟两个确立的决定性意义") == ["深刻", "领悟", "两个确立", "的", "决定性", "意义"]


def test_segmenters_with_different_words_do_not_affect_each_other(plain, with_zongzhi, with_liangge):
    # Built in the order plain, zongzhi, liangge; each keeps only its own words.
    assert with_zongzhi.cut("坚持两个确立") == ["坚持", "两个", "确立"]
    assert with_liangge.cut("县综治中心成立") == ["县", "综治", "中心", "成立"]
    assert with_zongzhi.cut("县综治中心成立") == ["县", "综治中心", "成立"]
    assert plain.cut("县综治中心成立") == ["县", "综治", "中心", "成立"]
    assert plain.cut("坚持两个确立") == ["坚持", "两个", "确立"]


def test_extra_words_do_not_leak_into_jieba_default_tokenizer(with_zongzhi):
    assert with_zongzhi.cut("县综治中心成立") == ["县", "综治中心", "成立"]
    assert "综治中心" not in jieba.lcut("县综治中心成立")


def test_shared_segmenter_is_one_per_word_list():
    words = frozenset({"综治中心"})
    assert segmenter_for(words) is segmenter_for(frozenset({"综治中心"}))
    assert segmenter_for(words).cut("县综治中心成立") == ["县", "综治中心", "成立"]


PIECES = st.one_of(
    st.sampled_from(list("我们要坚持协调发展银行工作综治中心兩個確立長城")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(list("，。！？“”、 \t\u3000\n") + ["abc", "GDP", "5.2%", "2024", "😀", "👩\u200d💻"]),
    st.sampled_from(["\u200b", "\u200d", "\ufeff", "𠀀", "𠮷", "e\u0301"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_tokens_rejoin_to_the_text(with_zongzhi, text):
    tokens = with_zongzhi.cut(text)
    assert "".join(tokens) == text
    assert all(tokens)
