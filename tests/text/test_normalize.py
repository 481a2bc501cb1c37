"""Normalisation (NFC, line endings, zero-width characters) and the paragraph splitter."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.normalize import normalize, split_paragraphs

ZERO_WIDTH = {
    "zero width space": "\u200b",
    "zero width non-joiner": "\u200c",
    "zero width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
}


@pytest.mark.parametrize(
    ("decomposed", "composed"),
    [
        ("e\u0301", "\u00e9"),  # é
        ("lu\u0308\u0300", "l\u01dc"),  # lǜ typed with combining marks
        ("nu\u0308\u030c", "n\u01da"),  # nǚ
        ("Zho\u0304ngwe\u0301n", "Zh\u014dngw\u00e9n"),
        ("\u1100\u1161", "\uac00"),  # Hangul jamo compose to 가
    ],
)
def test_decomposed_input_is_composed_to_nfc(decomposed, composed):
    assert normalize(decomposed) == composed


@pytest.mark.parametrize(
    "text",
    [
        "你好，世界！",
        "（一）坚持党的领导；",
        "ＡＢＣ公司",
        "２０２４年",
        "①②③",
        "面积100㎡",
        "第一章　总则",
    ],
)
def test_full_width_and_compatibility_characters_are_kept_never_nfkc(text):
    assert normalize(text) == text
    assert normalize(text) != unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一段。\r\n第二段。", "第一段。\n第二段。"),
        ("第一段。\r第二段。", "第一段。\n第二段。"),
        ("第一段。\u2028第二段。", "第一段。\n第二段。"),
        ("第一段。\u2029第二段。", "第一段。\n第二段。"),
        ("第一段。\x85第二段。", "第一段。\n第二段。"),
        ("一\r\n\r\n二", "一\n\n二"),
        ("已经统一。\n", "已经统一。\n"),
    ],
)
def test_every_line_ending_becomes_a_newline(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("char", ZERO_WIDTH.values(), ids=ZERO_WIDTH.keys())
def test_zero_width_character_inside_chinese_is_removed(char):
    assert normalize(f"协{char}调发{char}{char}展") == "协调发展"


@pytest.mark.parametrize("char", ZERO_WIDTH.values(), ids=ZERO_WIDTH.keys())
def test_zero_width_character_next_to_chinese_punctuation_is_removed(char):
    assert normalize(f"协调发展{char}。") == "协调发展。"


def test_zero_width_space_inside_chinese_is_removed():
    assert normalize("乡村\u200b振兴") == "乡村振兴"


@pytest.mark.parametrize(
    "text",
    [
        "我是👩\u200d💻。",  # woman technologist
        "一家人👨\u200d👩\u200d👧在公园",  # family
        "🏳\ufe0f\u200d🌈",  # rainbow flag
    ],
)
def test_zero_width_joiner_inside_an_emoji_sequence_is_kept(text):
    assert normalize(text) == text


def test_zero_width_characters_between_latin_letters_are_left_alone():
    assert normalize("soft\u200bhyphen") == "soft\u200bhyphen"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["协", "調", "，", "a", " ", "\n", "\r\n", "\r", "\u2028", "e\u0301", "👩\u200d💻", *ZERO_WIDTH.values()]
        ),
        max_size=30,
    ).map("".join)
)
def test_normalize_is_idempotent_and_gives_nfc_with_one_line_ending(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\u2028" not in once


def test_one_paragraph_per_line_gives_one_paragraph_per_line():
    text = "会议强调，要坚持系统观念。\n银行网点要主动调整服务时间。\n群众办事更方便了。"
    assert split_paragraphs(text) == [
        "会议强调，要坚持系统观念。",
        "银行网点要主动调整服务时间。",
        "群众办事更方便了。",
    ]


def test_blank_line_separated_paragraphs_are_split_at_the_blank_lines():
    text = "第一段。\n\n第二段。\n \n第三段。\n\u3000\n\n第四段。"
    assert split_paragraphs(text) == ["第一段。", "第二段。", "第三段。", "第四段。"]


def test_hard_wrapped_lines_of_equal_width_are_joined_into_one_paragraph():
    lines = [
        "会议强调，各级各部门要坚持系统观念，统筹发展和安",
        "全，推动基层治理能力不断提升，切实把矛盾纠纷化解",
        "在基层，把平安建设的各项任务落到实处，让人民群众",
        "有更多获得感。",
    ]
    assert len({len(line) for line in lines[:-1]}) == 1
    assert split_paragraphs("\n".join(lines)) == ["".join(lines)]


def test_two_hard_wrapped_paragraphs_separated_by_a_blank_line_stay_two():
    first = [
        "各地要结合实际，抓紧制定具体实施方案，明确时间表",
        "和路线图，确保各项政策措施落地见效，不断增强人民",
        "群众的安全感。",
    ]
    second = [
        "要加强对乡村振兴工作的组织领导，健全党委统一领导",
        "政府负责、部门协同、社会参与的工作机制，形成工作",
        "合力。",
    ]
    text = "\n".join(first) + "\n\n" + "\n".join(second)
    assert split_paragraphs(text) == ["".join(first), "".join(second)]


def test_english_words_split_by_a_hard_wrap_are_joined_with_a_space():
    lines = [
        "The Belt and Road Initiative was proposed in 2013 and",
        "has since become a platform for trade and investment",
        "across the region.",
    ]
    assert split_paragraphs("\n".join(lines)) == [" ".join(lines)]


def test_english_line_wrapped_after_a_comma_keeps_the_space_after_the_comma():
    lines = [
        "The Belt and Road Initiative was proposed in 2013 and",
        "has since become a platform for international trade,",
        "investment and cooperation.",
    ]
    assert split_paragraphs("\n".join(lines)) == [" ".join(lines)]


def test_title_line_above_a_meta_line_is_not_joined():
    text = "关于进一步加强基层治理的实施意见\n来源：县融媒体中心　日期：2025年3月14日\n\n会议要求抓好落实。"
    assert split_paragraphs(text) == [
        "关于进一步加强基层治理的实施意见",
        "来源：县融媒体中心　日期：2025年3月14日",
        "会议要求抓好落实。",
    ]


def test_title_meta_and_body_lines_without_blank_lines_stay_separate():
    text = (
        "县里召开平安建设工作推进会议\n"
        "日期：2025-03-14　来源：县融媒体中心\n"
        "会议强调，要坚持系统观念，统筹发展和安全。\n"
        "会议要求，各乡镇要抓好落实。"
    )
    assert split_paragraphs(text) == text.split("\n")


def test_short_unpunctuated_lines_such_as_verse_are_not_joined():
    text = "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡"
    assert split_paragraphs(text) == ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]


def test_leading_full_width_indentation_is_stripped():
    text = "\u3000\u3000会议强调，要坚持系统观念。\n\u3000\u3000银行网点要调整服务时间。  "
    assert split_paragraphs(text) == ["会议强调，要坚持系统观念。", "银行网点要调整服务时间。"]


def test_text_with_only_blank_lines_has_no_paragraphs():
    assert split_paragraphs("\n\n\u3000\n \n") == []
