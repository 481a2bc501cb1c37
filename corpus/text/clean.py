"""Cleaning scraped text: decide, line by line, what is the article and why the rest is not.

Pure functions over lines. Nothing here rewrites body text except one thing:
inline pinyin that a site's annotator left after many characters (领(lǐng)导(dǎo)),
removed only when the pattern repeats, so one genuine gloss stays. Every dropped
line carries a reason a teacher can read, and she may restore it in the preview.
"""

import re
from dataclasses import dataclass

from corpus.text.document import parse_meta_line
from corpus.text.normalize import HAN

# Inline readings: a Han character followed by tone-marked or numbered pinyin in
# brackets, or by numbered pinyin directly (领ling3导dao3).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"(?:[a-zü]*[{_TONED}][a-zü]*|[a-zü]{{1,6}}[1-5])"
_INLINE_PINYIN = re.compile(
    rf"(?<=[{HAN}])(?:[(（]\s*{_SYLLABLE}(?:\s+{_SYLLABLE})*\s*[)）]|[a-zü]{{1,6}}[1-5](?![a-z0-9]))", re.IGNORECASE
)
INLINE_PINYIN_REPEAT = 3  # fewer than this many: a genuine gloss, kept

_SENTENCE_PUNCTUATION = re.compile("[，。！？；,.!?;]")
_ENDS_SENTENCE = re.compile("[。！？!?…”」』]$")
_SEPARATORS = re.compile(r"\s*[|｜¦•·/>»›]\s*|\s{2,}|\u3000+| (?=\S)")
_NAV_WORDS = re.compile(
    "首页|客户端|官方微信|官方微博|微信|微博|登录|登錄|注册|註冊|English|网站地图|網站地圖|手机版|手機版|无障碍|"
    "關於我們|关于我们|联系我们|聯繫我們|设为首页|加入收藏|订阅|訂閱|APP|返回顶部|返回頂部"
)
_PLACE_SUFFIX = re.compile("(省|市|县|縣|区|區|州|镇|鎮|乡|鄉|旗|盟)$")
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(当前位置|當前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]"), "breadcrumb navigation"),
    (re.compile(r"^[【\[]?(分享到|分享至|分享|扫一扫|掃一掃|微信扫一扫|打印本页|打印|关闭窗口|關閉窗口|收藏本文|字号|字體|字体)"
                r"[】\]]?\s*([:：]|$|[【\[|｜])"), "share and page tools"),
    (re.compile(r"^(上一篇|下一篇|上一條|下一條|上一条|下一条|返回顶部|返回頂部|返回列表)"), "page navigation"),
    (re.compile(r"ICP\s*[备備证證许]|公网安备|公網安備|网络文化经营许可|互联网新闻信息服务许可|互聯網新聞信息服務許可"
                r"|增值电信业务|违法和不良信息举报|違法和不良信息舉報"), "licence footer (ICP)"),
    (re.compile(r"版权所有|版權所有|Copyright|©|\(c\)\s*\d{4}|未经.{0,12}(授权|许可|同意).{0,20}(转载|使用|复制|镜像)"
                r"|未經.{0,12}(授權|許可).{0,20}(轉載|使用)|违者必究|違者必究|转载请注明|轉載請註明|不代表本(站|网|網)观点",
                re.IGNORECASE), "copyright notice"),
]
_RELATED_HEADER = re.compile(
    r"^[【\[]?(相关报道|相關報道|相关新闻|相關新聞|相关阅读|相關閱讀|相关链接|相關鏈接|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|"
    r"热点推荐|熱點推薦|猜你喜欢|更多精彩|往期回顾|热门文章|热门推荐|精彩推荐)[】\]]?\s*[:：]?"
)
_EDITOR_LINE = re.compile(
    r"^[（(\[【]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|来源|來源)\s*[:：]\s*([^）)\]】]{1,20})[）)\]】]?$"
)
_EDITOR_KEY = {"来源": "source", "來源": "source"}
_HAS_WORDS = re.compile(rf"[{HAN}A-Za-z0-9]")
_META_LOOKAHEAD = 10
_RELATED_LINE_MAX = 60


@dataclass(frozen=True)
class Verdict:
    """What cleaning decided for one line: its text (inline pinyin removed), and why to drop it, if so."""

    text: str
    reason: str | None = None
    meta: tuple[tuple[str, str], ...] = ()


def inline_pinyin_count(text: str) -> int:
    """How many inline readings the text carries.

    >>> inline_pinyin_count("领(lǐng)导(dǎo)干部要带头，动（dòng）员群众。")
    3
    """
    return len(_INLINE_PINYIN.findall(text))


def remove_inline_pinyin(text: str) -> str:
    """
    >>> remove_inline_pinyin("领(lǐng)导(dǎo)干部，领ling3导dao3干部")
    '领导干部，领导干部'
    """
    return _INLINE_PINYIN.sub("", text)


def clean_lines(lines: list[str], chrome: list[str | None] | None = None) -> list[Verdict]:
    """A verdict for every line, in order. ``chrome``: reasons the markup already gave.

    >>> [v.reason for v in clean_lines(["移动客户端 | 官方微信 | 官方微博", "会议要求抓好落实。"])]
    ['navigation links', None]
    """
    chrome = chrome or [None] * len(lines)
    strip_pinyin = inline_pinyin_count("\n".join(lines)) >= INLINE_PINYIN_REPEAT
    verdicts: list[Verdict] = []
    in_related = False
    for index, (line, markup_reason) in enumerate(zip(lines, chrome, strict=True)):
        text = remove_inline_pinyin(line) if strip_pinyin else line
        if _RELATED_HEADER.match(text):
            in_related = True
            verdicts.append(Verdict(text, "related links"))
            continue
        meta = _meta_of(text, near_top=index < _META_LOOKAHEAD)
        if meta:
            verdicts.append(Verdict(text, "metadata (date, source, editor)", tuple(meta.items())))
            continue
        # The most specific reason first: what the line itself says, then the
        # "related" list it stands in, then what the markup around it says.
        reason = line_reason(text)
        if reason is None and in_related and len(text) <= _RELATED_LINE_MAX and not _ENDS_SENTENCE.search(text):
            reason = "related links"
        else:
            in_related = False
        verdicts.append(Verdict(text, reason or markup_reason))
    return verdicts


def line_reason(line: str) -> str | None:
    """Why a line is page chrome rather than article text; None when it is text.

    >>> line_reason("北京 | 天津 | 上海市 | 重庆市 | 河北省 | 山西省 | 辽宁省")
    'place-name list (search-engine spam)'
    >>> line_reason("会议指出，北京、天津、上海要加强协作。") is None
    True
    """
    if not _HAS_WORDS.search(line):
        return "decoration (no words)"
    for pattern, reason in _RULES:
        if len(line) <= 200 and pattern.search(line):
            return reason
    return _list_reason(line)


def _list_reason(line: str) -> str | None:
    if _SENTENCE_PUNCTUATION.search(line) and not re.search(r"[|｜]", line):
        return None
    items = [item for item in _SEPARATORS.split(line) if item and item.strip()]
    items = [item.strip(" 、,，") for item in items]
    items = [item for item in items if item]
    if len(items) < 3 or max(len(item) for item in items) > 12:
        return None
    if sum(1 for item in items if _PLACE_SUFFIX.search(item)) >= max(3, len(items) // 2):
        return "place-name list (search-engine spam)"
    if _NAV_WORDS.search(line):
        return "navigation links"
    if len(items) >= 5 and re.search(r"[|｜]", line):
        return "list of links"
    return None


def _meta_of(line: str, *, near_top: bool) -> dict[str, str]:
    if near_top:
        found = parse_meta_line(line)
        if found:
            return found
    match = _EDITOR_LINE.match(line)
    if match:
        return {_EDITOR_KEY.get(match.group(1), "editor"): match.group(2).strip()}
    return {}
