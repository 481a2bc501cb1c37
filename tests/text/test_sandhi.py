"""Display tone sandhi of 一 and 不 over stored citation readings."""

import pytest

from corpus.text.annotate import annotate_passage
from corpus.text.sandhi import tone, with_sandhi


def spoken(text: str) -> list[str]:
    tokens = annotate_passage(text)
    return [s for word in with_sandhi([(t.text, t.pinyin) for t in tokens]) for s in word]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("他不去。", 1, "bú"),
        ("这不是我的。", 1, "bú"),
        ("我不喝茶。", 1, "bù"),
        ("我不来。", 1, "bù"),
        ("我们一起走。", 2, "yì"),
        ("买一个苹果。", 1, "yí"),
        ("他一天没吃饭。", 1, "yì"),
        ("请你看一看。", 3, "yi"),
        ("他是第一名。", 3, "yī"),
        ("要统一思想。", 2, "yī"),
        ("一九九七年", 0, "yī"),
        ("十一点见", 1, "yī"),
        ("一月很冷", 0, "yī"),
    ],
)
def test_sandhi_for_display(text, index, expected):
    assert spoken(text)[index] == expected


def test_sandhi_never_changes_other_syllables_or_the_count():
    text = "他不是一个不爱学习的人，一一说明。"
    stored = [s for t in annotate_passage(text) for s in t.pinyin]
    shown = spoken(text)
    assert len(shown) == len(stored) == len(text)
    assert [s for s, c in zip(shown, text, strict=True) if c not in "一不"] == [
        s for s, c in zip(stored, text, strict=True) if c not in "一不"
    ]


def test_tone_reads_tone_marks():
    assert [tone(s) for s in ["mā", "má", "mǎ", "mà", "ma", "", "lǜ", "ń"]] == [1, 2, 3, 4, 5, 0, 4, 2]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("一百个人", 0, "yì"),
        ("一千块", 0, "yì"),
        ("一万元", 0, "yí"),
        ("一两天", 0, "yì"),
        ("十一个", 1, "yī"),
        ("一九九七", 0, "yī"),
    ],
)
def test_yi_changes_tone_before_hundreds_and_thousands_but_not_in_digit_strings(text, index, expected):
    assert spoken(text)[index] == expected
