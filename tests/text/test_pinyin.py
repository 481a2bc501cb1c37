"""Pinyin in context: one reading per character, tone marks, NFC, proper nouns capitalised.

READINGS is a regression table of sentences written for this suite. Each marks one
polyphonic character with [brackets] and gives its standard reading there (Xiandai Hanyu
Cidian). It holds only rows the engine reads correctly today; sentences it still gets
wrong are listed in the report that came with this suite, not here.
"""

import unicodedata

import pytest

from corpus.text.annotate import annotate_passage
from corpus.text.convert import convert
from corpus.text.pinyin import capitalise, numbered, readings

READINGS = [
    # 行
    ("他在银[行]工作。", "háng"),
    ("这家公司在[行]业里很有名。", "háng"),
    ("我们步[行]去学校吧。", "xíng"),
    ("你这样做不[行]。", "xíng"),
    ("他骑自[行]车上班。", "xíng"),
    ("我们明天去旅[行]。", "xíng"),
    ("他的[行]为很奇怪。", "xíng"),
    # 长
    ("他是我们学校的校[长]。", "zhǎng"),
    ("孩子一年[长]高了不少。", "zhǎng"),
    ("村[长]去县里开会了。", "zhǎng"),
    ("他是县[长]。", "zhǎng"),
    ("他是家里的[长]子。", "zhǎng"),
    ("耐心是他最大的[长]处。", "cháng"),
    # 为
    ("你[为]什么不来？", "wèi"),
    ("作[为]老师，他很负责。", "wéi"),
    ("我觉得有点难[为]情。", "wéi"),
    ("他以教书[为]生。", "wéi"),
    # 调
    ("各部门要加强协[调]。", "tiáo"),
    ("这个孩子很[调]皮。", "tiáo"),
    ("他在这里[调]整了计划。", "tiáo"),
    ("他被[调]到北京工作。", "diào"),
    ("这首歌的[调]子很好听。", "diào"),
    ("警察正在[调]查这件事。", "diào"),
    ("我们去农村做了一次[调]研。", "diào"),
    # 得
    ("他在比赛中[得]了第一名。", "dé"),
    ("这次考试他[得]到了满分。", "dé"),
    ("我觉[得]这本书很好。", "de"),
    # 着
    ("他已经睡[着]了。", "zháo"),
    ("你别[着]急。", "zháo"),
    ("屋里[着]火了。", "zháo"),
    ("她笑[着]说再见。", "zhe"),
    ("他穿[着]一件红衣服。", "zhe"),
    ("门开[着]呢。", "zhe"),
    ("我们要[着]手解决这个问题。", "zhuó"),
    # 还
    ("我[还]没吃饭。", "hái"),
    ("他[还]是个孩子。", "hái"),
    ("今天比昨天[还]冷。", "hái"),
    ("请把书[还]给我。", "huán"),
    ("借的东西要按时归[还]。", "huán"),
    ("他下个月[还]钱。", "huán"),
    ("我们要[还]清债务。", "huán"),
    # 都
    ("我们[都]是学生。", "dōu"),
    ("大家[都]来了。", "dōu"),
    ("他[都]八十岁了。", "dōu"),
    ("北京是中国的首[都]。", "dū"),
    ("成[都]是四川的省会。", "dū"),
    ("现代[都]市生活很忙。", "dū"),
    # 重
    ("这个箱子很[重]。", "zhòng"),
    ("这件事非常[重]要。", "zhòng"),
    ("我们要高度[重]视安全生产。", "zhòng"),
    ("这是一个[重]大的决定。", "zhòng"),
    ("请你[重]新写一遍。", "chóng"),
    ("多年以后我们又[重]逢了。", "chóng"),
    ("他把这句话[重]复了三遍。", "chóng"),
    ("这里山[重]水复，风景很美。", "chóng"),
    # 发
    ("他的头[发]很长。", "fà"),
    ("她昨天去理[发]了。", "fà"),
    ("你的[发]型真好看。", "fà"),
    ("我们要坚持协调[发]展。", "fā"),
    ("老师给我们[发]了新书。", "fā"),
    ("他[发]现了一个问题。", "fā"),
    ("她的[发]言很精彩。", "fā"),
    # 和
    ("我[和]你一起去。", "hé"),
    ("我们热爱[和]平。", "hé"),
    ("妈妈在厨房[和]面。", "huó"),
    ("今天天气很暖[和]。", "huo"),
    ("他总是附[和]别人的意见。", "hè"),
    ("他们两个一唱一[和]。", "hè"),
    # 地
    ("这块土[地]很肥沃。", "dì"),
    ("这个[地]方很美。", "dì"),
    ("他每天坐[地]铁上班。", "dì"),
    # 了
    ("我吃完饭[了]。", "le"),
    ("他终于明白[了]。", "le"),
    ("下雨[了]。", "le"),
    ("这件事我很[了]解。", "liǎo"),
    ("这么热的天我受不[了]。", "liǎo"),
    ("他真[了]不起。", "liǎo"),
    ("答案一目[了]然。", "liǎo"),
    # 的
    ("这是我[的]书。", "de"),
    ("红色[的]花很漂亮。", "de"),
    ("他[的]确很努力。", "dí"),
    ("我们学习要有明确的目[的]。", "dì"),
    ("我们打[的]去机场吧。", "dī"),
    # Grammar rules (corpus/text/grammar.py): the function characters by their role.
    ("这些字她写[得]工工整整。", "de"),
    ("小狗跑[得]比我快多了。", "de"),
    ("这次会议开[得]很成功。", "de"),
    ("他汉语说[得]越来越流利。", "de"),
    ("天黑了，我[得]回家了。", "děi"),
    ("这份报告明天就[得]交。", "děi"),
    ("你们[得]好好准备考试。", "děi"),
    ("他在比赛里[得]了一块金牌。", "dé"),
    ("老人慢慢[地]走过马路。", "de"),
    ("大家热烈[地]讨论这个问题。", "de"),
    ("各部门要扎实[地]推进这项工作。", "de"),
    ("孩子们坐在草[地]上唱歌。", "dì"),
    ("志愿者们[为]老人打扫房间。", "wèi"),
    ("妈妈[为]我做了一碗面。", "wèi"),
    ("大家都[为]你高兴。", "wèi"),
    ("[为]保护环境，我们少用塑料袋。", "wèi"),
    ("这个村以种茶[为]主。", "wéi"),
    ("大家都叫他[为]老大哥。", "wéi"),
    ("小树苗[长]得很快。", "zhǎng"),
    ("他脸上[长]出了小痘痘。", "zhǎng"),
    ("这座桥非常[长]。", "cháng"),
    ("火柴划了两次才点[着]了。", "zháo"),
    ("这[种]水果我没吃过。", "zhǒng"),
    ("市场上有各[种]各样的蔬菜。", "zhǒng"),
    ("爷爷在院子里[种]了两棵枣树。", "zhòng"),
]


def unmark(marked: str) -> tuple[str, int]:
    """The sentence without brackets, and the index of the bracketed character."""
    index = marked.index("[")
    assert marked[index + 2] == "]", f"mark exactly one character: {marked}"
    return marked.replace("[", "").replace("]", ""), index


def passage_pinyin(text: str) -> list[str]:
    return [syllable for token in annotate_passage(text) for syllable in token.pinyin]


def test_reading_table_is_large_enough_and_covers_every_polyphone():
    marked = set()
    for sentence, _ in READINGS:
        text, index = unmark(sentence)
        marked.add(text[index])
    assert len(READINGS) >= 100
    assert marked == set("行长为调得着还都重发和地了的种")


# pytest escapes non-ASCII ids, so name rows by reading and position: "hang2-0".
READING_IDS = [f"{numbered(reading)}-{i}" for i, (_, reading) in enumerate(READINGS)]


@pytest.mark.parametrize(("marked", "reading"), READINGS, ids=READING_IDS)
def test_polyphonic_character_has_its_reading_in_context(marked, reading):
    text, index = unmark(marked)
    assert passage_pinyin(text)[index] == reading


@pytest.mark.parametrize(("marked", "reading"), READINGS, ids=READING_IDS)
def test_traditional_sentence_reads_like_its_simplified_form(marked, reading):
    simplified, index = unmark(marked)
    traditional = convert(simplified, "s2t")
    assert passage_pinyin(traditional) == passage_pinyin(simplified)
    assert passage_pinyin(traditional)[index] == reading


@pytest.mark.parametrize(
    ("marked", "reading"),
    [
        ("他已經睡[著]了。", "zháo"),
        ("她笑[著]說再見。", "zhe"),
        ("門開[著]呢。", "zhe"),
        ("我們要[著]手解決這個問題。", "zhuó"),
    ],
    ids=["shui-zhao", "xiao-zhe", "kai-zhe", "zhuo-shou"],
)
def test_taiwan_form_of_zhe_reads_like_the_simplified_form(marked, reading):
    # Taiwan's standard writes 着 as 著 (OpenCC s2tw does the same); a Taiwanese
    # text must read 睡著 shuì zháo, not shuì zhù.
    text, index = unmark(marked)
    assert passage_pinyin(text)[index] == reading


@pytest.mark.parametrize(
    "text",
    ["他在银行工作，2024年。", "協調發展", "GDP增长5.2%😀", "𠀀𠮷野家", "a b\u3000c", "", "。"],
)
def test_one_reading_per_character(text):
    pinyin = passage_pinyin(text)
    assert len(pinyin) == len(text)
    for token in annotate_passage(text):
        assert len(token.pinyin) == len(token.text)


@pytest.mark.parametrize(
    "text",
    ["，。！？、；：“”《》（）…—", "2024", "１２３", "abc", "ＡＢＣ", "😀👍🏽", "👩\u200d💻", " \u3000\t", "%&#@"],
)
def test_punctuation_digits_latin_and_emoji_have_no_reading(text):
    assert passage_pinyin(text) == [""] * len(text)


def test_mixed_text_reads_only_its_chinese_characters():
    assert passage_pinyin("他在GDP报告里写了5.2%。😀") == [
        "tā", "zài", "", "", "", "bào", "gào", "lǐ", "xiě", "le", "", "", "", "", "", "",
    ]  # fmt: skip


def test_astral_character_counts_as_one_character():
    text = "𠀀银行"
    assert len(text) == 3
    assert passage_pinyin(text) == ["hē", "yín", "háng"]


def test_astral_character_without_a_reading_keeps_the_readings_after_it_aligned():
    assert passage_pinyin("𠮷银行") == ["", "yín", "háng"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("绿色", ["lǜ", "sè"]),
        ("女儿", ["nǚ", "ér"]),
        ("旅游", ["lǚ", "yóu"]),
        ("呣", ["ḿ"]),
    ],
)
def test_tone_marks_are_nfc(text, expected):
    pinyin = passage_pinyin(text)
    assert pinyin == expected
    assert all(unicodedata.is_normalized("NFC", syllable) for syllable in pinyin)


def test_an_interjection_with_a_syllabic_n_reads_as_one_of_its_own_readings_in_nfc():
    # 嗯 alone is read by the polyphone model, which picks among 嗯's own readings.
    (reading,) = passage_pinyin("嗯")
    assert reading in {"ń", "ň", "ǹ", "ńg", "ňg", "ǹg", "èn"}
    assert unicodedata.is_normalized("NFC", reading)


def test_tone_mark_on_u_umlaut_is_one_precomposed_character():
    assert passage_pinyin("绿") == ["l\u01dc"]  # ǜ, not u + combining diaeresis + grave


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京", ["Běi", "jīng"]),
        ("我爱北京。", ["wǒ", "ài", "Běi", "jīng", ""]),
        ("他去上海和北京", ["tā", "qù", "Shàng", "hǎi", "hé", "Běi", "jīng"]),
        ("毛泽东", ["Máo", "zé", "dōng"]),
        ("李白是诗人", ["Lǐ", "bái", "shì", "shī", "rén"]),
        ("成都是四川的省会", ["Chéng", "dū", "shì", "Sì", "chuān", "de", "shěng", "huì"]),
        ("廣州", ["Guǎng", "zhōu"]),
    ],
)
def test_proper_nouns_are_capitalised(text, expected):
    assert passage_pinyin(text) == expected


@pytest.mark.parametrize("text", ["银行工作", "他在银行工作，2024年。", "我们要坚持协调发展"])
def test_common_words_are_lower_case(text):
    assert all(syllable == syllable.lower() for syllable in passage_pinyin(text))


@pytest.mark.parametrize(
    "simplified",
    ["长城", "长江", "台湾", "天安门", "习近平"],
    ids=["changcheng", "changjiang", "taiwan", "tiananmen", "xijinping"],
)
def test_traditional_proper_nouns_are_capitalised_like_their_simplified_form(simplified):
    traditional = convert(simplified, "s2t")
    assert passage_pinyin(traditional) == passage_pinyin(simplified)
    assert passage_pinyin(traditional)[0][0].isupper()


def test_readings_give_one_syllable_per_character_of_a_simplified_text():
    assert readings("他在银行工作，2024年") == [
        "tā", "zài", "yín", "háng", "gōng", "zuò", "", "", "", "", "", "nián",
    ]  # fmt: skip
    assert readings("") == []


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [("lǜ", "lv4"), ("de", "de5"), ("Běi", "bei3"), ("zhōng", "zhong1"), ("nǚ", "nv3"), ("", "")],
)
def test_numbered_gives_cc_cedict_form(syllable, expected):
    assert numbered(syllable) == expected


@pytest.mark.parametrize(
    ("syllables", "expected"),
    [
        (["běi", "jīng"], ["Běi", "jīng"]),
        (["", "ài"], ["", "Ài"]),
        (["ǒu", "yáng"], ["Ǒu", "yáng"]),
        ([], []),
    ],
)
def test_capitalise_capitalises_only_the_first_syllable(syllables, expected):
    assert capitalise(syllables) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一个", ["yī", "gè"]),
        ("一起", ["yī", "qǐ"]),
        ("一样", ["yī", "yàng"]),
        ("不是", ["bù", "shì"]),
        ("不要", ["bù", "yào"]),
    ],
)
def test_yi_and_bu_are_stored_in_their_citation_tone(text, expected):
    # pypinyin's phrases mix sandhi (一个 yí) and citation (一样 yī) forms; the stored
    # reading is always the citation tone and the reader applies sandhi for display.
    assert passage_pinyin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("哪儿", ["nǎ", "r"]),
        ("一点儿", ["yī", "diǎn", "r"]),
        ("一会儿", ["yī", "huì", "r"]),
        ("女儿", ["nǚ", "ér"]),
        ("儿子", ["ér", "zi"]),
    ],
)
def test_erhua_suffix_reads_r_and_the_word_er_keeps_its_reading(text, expected):
    assert passage_pinyin(text) == expected
