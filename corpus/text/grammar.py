"""Readings of function characters decided by the words around them.

Both statistical readers fail on the grammar of everyday sentences: pypinyin reads a
lone 得 as dé and a lone 地 as dì, and g2pM, trained on encyclopedia sentences
where 跑得快 and 为你 hardly occur, does no better. These characters change their
reading with their grammatical role, and the role shows in the neighbouring words
and their part of speech (jieba's dictionary tags every word). Each rule below is
one construction from a grammar of Mandarin, never a phrase from a test set:

* 得 de after a verb or adjective (complement: 跑得快, 长得高); děi ("must") after
  a subject or an adverb and before a verb (你得走, 还得上班).
* 地 de between an adverbial (认真, 慢慢, 不断) and a verb (认真地听).
* 为 wèi ("for") when it opens a phrase whose verb follows (为人民服务, 我为你
  高兴), unless 以/称/视… earlier in the clause make it 以…为… wéi ("as").
* 长 zhǎng before 得/出/满/着/成 (grows); cháng after a degree word (很长).
* 着 zháo before 了 (着了迷, 点着了).
* 种 zhǒng after a demonstrative or numeral (这种, 各种); zhòng before 了/着/过.

A rule fires for a character that stands alone in the phrase dictionary's reading
of a word: jieba lists 说得对 and 长得 whole, but pypinyin reads them as 说|得|对
and 长|得, while 获得者 is 获得|者. Inside a known phrase (觉得, 土地, 认为) the
phrase's reading stands, and so does the statistical reading when no rule fires.
"""

from collections.abc import Callable, Sequence
from functools import cache

import jieba

# Modal verbs, the copula and motion verbs that can stand before 为 wèi / 得 děi
# without making them "as" or a complement (要为人民服务, 来为他加油).
_MODALS = frozenset(
    [
        "要",
        "会",
        "能",
        "能够",
        "应",
        "应该",
        "应当",
        "可以",
        "愿意",
        "愿",
        "必须",
        "需要",
        "想",
        "敢",
        "肯",
        "是",
        "来",
        "去",
        "继续",
        "坚持",
        "始终",
        "一直",
    ]
)
# Adverbs that precede modal 得 děi (还得上班, 就得走).
_DEI_ADVERBS = frozenset(
    [
        "还",
        "就",
        "也",
        "都",
        "总",
        "又",
        "只",
        "可",
        "必须",
        "总是",
        "非",
        "却",
        "倒",
        "可能",
        "恐怕",
        "还是",
        "一定",
        "真",
    ]
)
# Words that, earlier in the clause, make a later 为 the "as" of 以…为…/称…为….
_AS_MARKERS = frozenset(
    ["以", "称", "视", "拜", "尊", "奉", "封", "选", "评", "立", "认", "推举", "选举", "任命", "聘", "聘请", "定"]
)
_DEGREE = frozenset(
    [
        "很",
        "太",
        "真",
        "挺",
        "非常",
        "特别",
        "十分",
        "最",
        "更",
        "比较",
        "较",
        "多",
        "这么",
        "那么",
        "好",
        "越来越",
        "更加",
        "极",
        "相当",
        "多么",
        "超",
    ]
)
_ZHONG3_BEFORE = frozenset(
    [
        "这",
        "那",
        "哪",
        "一",
        "几",
        "各",
        "每",
        "某",
        "两",
        "该",
        "此",
        "本",
        "同",
        "多",
        "另",
        "这一",
        "那一",
        "另一",
        "任何",
        "同一",
    ]
)
_CLAUSE_END = frozenset("，。！？；：、,.!?;:\n（）()“”「」《》")


@cache
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every dictionary word (ICTCLAS tag set).

    Nouns are left out: ``tag`` reads a missing Han word as a noun anyway, and
    they are the largest class (a smaller table loads faster).
    """
    with jieba.Tokenizer().get_dict_file() as f:
        lines = f.read().decode("utf-8").splitlines()
    tags = {}
    for line in lines:
        word, _, rest = line.partition(" ")
        found = rest.rpartition(" ")[2]
        if found != "n" and rest:
            tags[word] = found
    return tags


def tag(word: str) -> str:
    """The word's tag; words jieba does not know (names, new words) count as nouns.

    >>> tag("跑"), tag("认真"), tag("综治中心")
    ('v', 'ad', 'n')
    """
    found = _tags().get(word)
    if found:
        return found
    return "n" if any("\u4e00" <= char <= "\u9fff" for char in word) else "x"


def _is_verb(word: str) -> bool:
    return tag(word)[:1] == "v"


@cache
def _starts_action(word: str) -> bool:
    """Whether the word is, or begins with, a verb.

    jieba's tags are a first opinion (想个办法 and 抓紧时间 are set phrases, l);
    they tag some verbs as nouns (回家 n, 保护环境 n), so CC-CEDICT is asked too:
    its senses of a verb begin with "to" (回家: "to return home"), and a long
    phrase is judged by its first two characters (保护: "to protect").
    """
    if _is_verb(word) or tag(word) in {"l", "i"}:
        return True
    from corpus.text.dictionary import default_dictionary  # loaded by the engine anyway

    dictionary = default_dictionary()
    for candidate in (word, word[:2]) if len(word) > 2 else (word,):
        entries = [e for e in dictionary.entries(candidate) if not e.is_proper_noun]
        if entries and entries[0].definitions and entries[0].definitions[0].startswith("to "):
            return True
    return False


def _is_plain_verb(word: str) -> bool:
    """A verb used as a verb (not 发展/改革 used as a noun, tagged vn)."""
    return tag(word) in {"v", "vd", "vg", "vi", "vq"} and word not in _MODALS


def _describes(word: str) -> bool:
    """Adjectives, adverbs, idioms and reduplications: what an adverbial 地 follows."""
    return (
        tag(word)[:1] in {"a", "d", "z", "i", "l", "b"}
        or (len(word) == 2 and word[0] == word[1])
        or (len(word) == 4 and word[0] == word[1] and word[2] == word[3])
    )


class _Context:
    """The words around the one being read, within its clause."""

    def __init__(self, words: Sequence[str], i: int) -> None:
        start = i
        while start > 0 and words[start - 1] not in _CLAUSE_END and not words[start - 1].isspace():
            start -= 1
        end = i + 1
        while end < len(words) and words[end] not in _CLAUSE_END and not words[end].isspace():
            end += 1
        self.before = words[start:i]
        self.after = words[i + 1 : end]
        self.prev = self.before[-1] if self.before else ""
        self.next = self.after[0] if self.after else ""


def _de_or_dei(c: _Context) -> str | None:
    if not c.prev:
        return None
    if (
        c.prev not in _DEI_ADVERBS
        and c.prev not in _MODALS
        and (_is_verb(c.prev) or tag(c.prev)[:1] in {"a", "b", "z"})
    ):
        return "de"
    if c.prev in _DEI_ADVERBS or tag(c.prev)[:1] in {"r", "n"}:
        starts_verb = c.next and (_starts_action(c.next) or tag(c.next) in {"d", "p"} or c.next == "自己")
        if starts_verb and not c.next.startswith(("了", "到", "出", "以", "的")):
            return "děi"
    return None


def _di_as_particle(c: _Context) -> str | None:
    if not c.prev or not c.next:
        return None
    if tag(c.prev)[:1] in {"q", "m", "r", "p", "f", "u", "c"} or len(c.prev) == 1:
        return None
    describes = _describes(c.prev) or tag(c.prev)[:1] == "n"
    if describes and (_starts_action(c.next) or tag(c.next)[:1] in {"d", "p"}):
        return "de"
    return None


def _wei(c: _Context) -> str | None:
    if any(word in _AS_MARKERS for word in c.before):
        return "wéi"
    if not c.next or tag(c.next)[:1] not in {"r", "n", "v", "s", "t"}:
        return None  # 为 before a number or at a clause end: "is" (面积为…), leave it
    if _is_plain_verb(c.prev):
        return None  # 改为, 选为 that jieba split: leave it
    if len(c.prev) == 1 and tag(c.prev)[:1] not in {"r", "k"} and c.prev not in _MODALS | _DEI_ADVERBS:
        return None  # 身为, 原为: a compound jieba split
    if _is_plain_verb(c.next) or (len(c.after) == 1 and _starts_action(c.next)):
        return "wèi"  # purpose: 为保证质量, 为实现目标, 为保护环境
    if tag(c.next)[:1] == "r" and any(tag(word)[:1] in {"a", "b", "z"} for word in c.after[1:]):
        return "wèi"  # 为你高兴: for someone, then how one feels
    verbs = [i for i, word in enumerate(c.after) if i and _starts_action(word)]
    if verbs and not _modifies_a_noun(c.after[verbs[0] :]):
        return "wèi"
    return None


def _modifies_a_noun(words: Sequence[str]) -> bool:
    """Whether a 的 with words after it follows: the verb then only describes the
    noun that 为 ("is") introduces (站点为现在使用的名称), not what 为 ("for") serves."""
    return any(word == "的" and i < len(words) - 1 for i, word in enumerate(words))


def _chang_or_zhang(c: _Context) -> str | None:
    if c.next[:1] in {"得", "出", "满", "着", "成"} and len(c.next) == 1:
        return "zhǎng"
    if c.prev in _DEGREE:
        return "cháng"
    return None


def _zhao(c: _Context) -> str | None:
    return "zháo" if c.next.startswith("了") else None


def _zhong(c: _Context) -> str | None:
    if c.prev in _ZHONG3_BEFORE or tag(c.prev)[:1] == "m":
        return "zhǒng"
    if c.next in {"了", "着", "过"}:
        return "zhòng"
    return None


_RULES: dict[str, Callable[[_Context], str | None]] = {
    "得": _de_or_dei,
    "地": _di_as_particle,
    "为": _wei,
    "長": _chang_or_zhang,
    "长": _chang_or_zhang,
    "着": _zhao,
    "种": _zhong,
}


_RULE_CHARS = frozenset(_RULES)


def _holds_rule_char(word: str) -> bool:
    return len(word) > 1 and not _RULE_CHARS.isdisjoint(word)


def grammar_readings(
    words: Sequence[str], phrases: Callable[[str], Sequence[str]] = lambda word: [word]
) -> dict[int, str]:
    """Character offset -> reading, for the lone function characters a rule decides.

    ``words`` is a simplified text cut into words; ``phrases`` cuts a word into the
    pieces the phrase dictionary reads (a known phrase stays whole).

    >>> grammar_readings(["他", "跑", "得", "很", "快"])
    {2: 'de'}
    >>> grammar_readings(["我", "为", "你", "感到", "骄傲"])
    {1: 'wèi'}
    >>> grammar_readings(["以", "人民", "为", "中心"])
    {3: 'wéi'}
    """
    if _RULE_CHARS.isdisjoint("".join(words)):
        return {}
    words = [piece for word in words for piece in (phrases(word) if _holds_rule_char(word) else [word])]
    found: dict[int, str] = {}
    offset = 0
    for i, word in enumerate(words):
        rule = _RULES.get(word)
        if rule is not None:
            reading = rule(_Context(words, i))
            if reading:
                found[offset] = reading
        offset += len(word)
    return found
