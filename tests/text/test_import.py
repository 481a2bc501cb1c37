"""Reading real uploads: encodings, HTML, DOCX and scraped-page cleaning (no database).

Every text here is our own writing; the bytes in each encoding are made by encoding it.
"""

import codecs
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text.decode import decode_bytes
from corpus.text.errors import InputError
from corpus.text.importing import MAX_PARAGRAPH, draft_document, prepare, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SIMPLIFIED = (
    "社区议事会\n\n居民们在议事会上讨论了小区停车难的问题，大家提出了很多办法。\n\n"
    "最后，物业答应在下个月增加二十个车位。\n"
)
TRADITIONAL = (
    "社區議事會\n\n居民們在議事會上討論了小區停車難的問題，大家提出了很多辦法。\n\n"
    "最後，物業答應在下個月增加二十個車位。\n"
)
BODY = ["居民们在议事会上讨论了小区停车难的问题，大家提出了很多办法。", "最后，物业答应在下个月增加二十个车位。"]
BODY_T = ["居民們在議事會上討論了小區停車難的問題，大家提出了很多辦法。", "最後，物業答應在下個月增加二十個車位。"]


def kept(draft):
    return [line.text for line in draft.lines if line.kept]


def make_docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- encodings -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "decided_by", "body"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", "detected", BODY),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode(), "utf-8", "bom", BODY),
        (SIMPLIFIED.encode("utf-16"), "utf-16", "bom", BODY),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16", "bom", BODY),
        (SIMPLIFIED.encode("gb2312"), "gb18030", "detected", BODY),
        (SIMPLIFIED.encode("gbk"), "gb18030", "detected", BODY),
        (SIMPLIFIED.encode("gb18030"), "gb18030", "detected", BODY),
        (TRADITIONAL.encode("big5"), "big5", "detected", BODY_T),
        (TRADITIONAL.encode("big5hkscs"), "big5", "detected", BODY_T),
        (SIMPLIFIED.replace("\n", "\r\n").encode("gbk"), "gb18030", "detected", BODY),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb2312", "gbk", "gb18030", "big5", "big5hkscs",
         "gbk-crlf"],
)
def test_each_allowed_encoding_reads_to_the_same_text(data, encoding, decided_by, body):
    draft = prepare(data, filename="note.txt")
    assert (draft.encoding, draft.encoding_decided_by) == (encoding, decided_by)
    assert draft.title in ("社区议事会", "社區議事會")
    assert kept(draft) == body
    assert not draft.encoding_doubtful


def test_hkscs_character_survives_big5_hkscs():
    text = "香港的茶餐廳很多，𨋢（升降機）裡常常很擠，大家都習慣了排隊等候。"
    draft = prepare(text.encode("big5hkscs"), filename="hk.txt")
    assert kept(draft) == [text]


def test_teacher_choice_beats_detection():
    data = TRADITIONAL.encode("big5")
    assert prepare(data, encoding="big5").encoding_decided_by == "choice"
    with pytest.raises(InputError, match="not valid UTF-8.*Choose another encoding"):
        prepare(data, encoding="utf-8")


def test_bom_beats_teacher_choice():
    draft = prepare(codecs.BOM_UTF8 + SIMPLIFIED.encode(), encoding="gb18030")
    assert draft.encoding_decided_by == "bom" and kept(draft) == BODY


def test_html_meta_charset_is_used_when_it_fits_and_ignored_when_it_lies():
    page = f"<html><head><meta charset='gbk'></head><body><p>{BODY[0]}</p></body></html>"
    assert prepare(page.encode("gbk"), filename="a.html").encoding_decided_by == "html"
    lying = prepare(page.encode("utf-8"), filename="a.html")  # says GBK, is UTF-8
    assert (lying.encoding, lying.encoding_decided_by) == ("utf-8", "detected")
    assert kept(lying) == [BODY[0]]


def test_wrong_choice_that_happens_to_decode_is_flagged_as_garbled():
    # GBK bytes read as Big5 decode without error here but read as nonsense.
    text = "县里今天召开平安建设工作会议，要求各乡镇把矛盾纠纷化解在基层，让群众办事更方便。"
    data = text.encode("gbk")
    try:
        decoded = decode_bytes(data, encoding="big5")
    except InputError as error:
        assert "not valid Big5" in str(error)
    else:
        assert decoded.common_share < 0.85


def test_doubtful_detection_is_a_question_not_silent_mojibake():
    # Bytes that are valid in GB18030 but read as rare characters (random-looking lead/trail pairs).
    data = bytes([0xFD, 0xA1, 0xFE, 0xA3, 0xF8, 0xB0, 0xFB, 0xC1] * 20)
    decoded = decode_bytes(data)
    assert decoded.doubtful
    draft = prepare(data)
    assert draft.encoding_doubtful


def test_mixed_encodings_in_one_file_are_never_silently_accepted():
    data = "第一段用的是统一码。\n".encode() + "第二段却是国标码，读错了就是乱码。\n".encode("gbk")
    try:
        draft = prepare(data, filename="mixed.txt")
    except InputError as error:
        assert "Save it as UTF-8" in str(error)
    else:
        assert draft.encoding_doubtful or any(line.garbled for line in draft.lines)


def test_a_garbled_stretch_inside_good_text_is_flagged():
    garbled = "会议指出".encode().decode("latin-1")
    draft = prepare(f"标题\n\n这是正常的一段话。\n这一段里有{garbled}乱码。\n".encode())
    flags = [line.garbled for line in draft.lines]
    assert flags[0] == "" and flags[1]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\n\r\n  \t", "empty"),
        (codecs.BOM_UTF8 + "\u3000 \n".encode(), "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary"),
        ("GDP增长很快".encode("utf-16-le"), "byte-order mark"),
        (b"\xff\xfe" + b"\x00\xd8", "damaged"),  # UTF-16 BOM, then a lone surrogate
        ("协调".encode() + b"\xff\xfe\xfd", "not valid UTF-8"),
        ("关于加强基层治理的实施意见".encode(), "title at most"),
    ],
    ids=["empty", "blank", "bom-and-ideographic-space", "pdf-renamed-txt", "png-renamed-txt", "elf-binary",
         "utf16-without-bom", "utf16-damaged", "invalid-everywhere", "title-only"],
)
def test_unusable_files_are_refused_with_a_clear_message(data, words):
    with pytest.raises(InputError) as raised:
        read_document(data, filename="upload.txt")
    assert words in str(raised.value)
    assert str(raised.value).endswith(".")


def test_file_over_the_size_limit_names_the_limit():
    with pytest.raises(InputError, match="the limit is 20 MB"):
        prepare(b"a" * (20 * 1024 * 1024 + 1))


# --- text oddities ---------------------------------------------------------------------------------------------


def test_crlf_cr_and_lf_files_read_the_same():
    lf = prepare(SIMPLIFIED.encode())
    assert prepare(SIMPLIFIED.replace("\n", "\r\n").encode()) == lf
    assert prepare(SIMPLIFIED.replace("\n", "\r").encode()) == lf


def test_astral_characters_and_emoji_are_kept_whole():
    line = "𠮷野家的牛肉饭很好吃😋，我们一家👨‍👩‍👧都喜欢。"
    draft = prepare(f"周末\n\n{line}\n".encode())
    assert kept(draft) == [line]


def test_zero_width_characters_inside_chinese_are_removed():
    draft = prepare("标题\n\n居\u200b民\u200c们\ufeff很\u2060高兴。\n".encode())
    assert kept(draft) == ["居民们很高兴。"]


def test_nfc_but_not_nfkc():
    draft = prepare("标题\n\n全角标点，保持原样：ＡＢＣ１２３。Cafe\u0301。\n".encode())
    assert kept(draft) == ["全角标点，保持原样：ＡＢＣ１２３。Café。"]


def test_a_200000_character_paragraph_is_cut_at_sentence_ends():
    sentence = "河边的柳树发芽了，孩子们在岸上放风筝。"
    paragraph = sentence * (200_000 // len(sentence))
    draft = prepare(f"春天\n\n{paragraph}\n".encode())
    pieces = kept(draft)
    assert "".join(pieces) == paragraph
    assert all(len(piece) <= MAX_PARAGRAPH and piece.endswith("。") for piece in pieces)


def test_a_long_run_without_sentence_end_is_refused_naming_the_limit():
    with pytest.raises(InputError, match=f"limit for one paragraph is {MAX_PARAGRAPH:,}"):
        prepare(("标题\n\n" + "长" * 10_000).encode())


def test_text_over_the_character_limit_names_the_limit():
    with pytest.raises(InputError, match="the limit is 2,000,000"):
        prepare(("字" * 2_000_001).encode())


def test_one_genuine_pinyin_gloss_is_kept_but_repeated_inline_pinyin_is_removed():
    gloss = prepare("标题\n\n垃圾（lājī）分类从我做起。\n".encode())
    assert kept(gloss) == ["垃圾（lājī）分类从我做起。"]
    numbered = prepare("标题\n\n领ling3导dao3和群qun2众一起劳动。\n".encode())
    assert kept(numbered) == ["领导和群众一起劳动。"]
    assert numbered.inline_pinyin_removed == 3


# --- HTML ------------------------------------------------------------------------------------------------------


def test_html_scripts_styles_event_handlers_and_ruby_readings_never_reach_the_text():
    page = (
        "<html><head><style>p{}</style><script>alert('head')</script></head><body>"
        "<h1>春游</h1><p onclick=\"alert('x')\">我们去<ruby>公<rp>(</rp><rt>gōng</rt><rp>)</rp>园</ruby>"
        "<script>steal()</script>春游。<img src=x onerror=alert(1)></p><noscript>请开启脚本</noscript></body></html>"
    )
    draft = prepare(page.encode(), filename="trip.html")
    assert draft.title == "春游"
    assert kept(draft) == ["我们去公园春游。"]
    assert "alert" not in repr(draft) and "gōng" not in repr(draft)


def test_html_pasted_as_text_is_recognised():
    draft = prepare("<div><p>第一段。</p><p>第二段。</p></div>".encode())
    assert draft.source_kind == "html" and kept(draft) == ["第一段。", "第二段。"]


def test_html_without_article_text_is_refused():
    with pytest.raises(InputError, match="No text"):
        read_document(b"<html><body><script>x()</script></body></html>", filename="empty.html")


def test_xml_declaration_and_broken_markup_are_tolerated():
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><h1>标题</h1><p>第一段<b>加粗<p>第二段。</body>'
    assert kept(prepare(page.encode(), filename="x.html")) == ["第一段加粗", "第二段。"]


# --- DOCX ------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_headings_in_order():
    data = make_docx([("小镇图书馆", "Title"), ("一、开馆时间", "Heading 1"), ("图书馆每天早上九点开门。", None)])
    draft = prepare(data, filename="library.docx")
    assert draft.title == "小镇图书馆"
    assert [(line.kind, line.text) for line in draft.lines] == [
        ("heading", "一、开馆时间"), ("paragraph", "图书馆每天早上九点开门。")]


def test_docx_renamed_to_txt_is_still_read_as_docx():
    data = make_docx([("图书馆每天早上九点开门。", None)])
    assert kept(prepare(data, filename="library.txt")) == ["图书馆每天早上九点开门。"]


def test_docx_bomb_is_refused_before_inflating():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (50 * 1024 * 1024))
    assert len(out.getvalue()) < 200_000
    with pytest.raises(InputError, match="compressed more than 100:1"):
        prepare(out.getvalue(), filename="bomb.docx")


def test_docx_with_too_many_parts_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for index in range(1001):
            archive.writestr(f"word/media/{index}.txt", "x")
    with pytest.raises(InputError, match="the limit is 1000"):
        prepare(out.getvalue(), filename="many.docx")


def test_zip_that_is_not_a_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(InputError, match="not a Word document"):
        prepare(out.getvalue(), filename="notes.docx")


def test_damaged_docx_is_refused():
    with pytest.raises(InputError, match="not a .docx file"):
        prepare(b"this is not a zip at all", filename="broken.docx")


# --- the realistic scraped news page ---------------------------------------------------------------------------

NEWS_BODY = [
    ("paragraph", "五月的青石镇，雨后的石板路泛着微光。经过一年多的施工，这条有三百多年历史的老街终于完成改造，"
                  "第一批居民本周搬回了自己的家。"),
    ("paragraph", "改造中，施工队保留了老街原有的青砖和木窗，只更换了已经腐烂的梁柱，同时把供水、排水和燃气管道全部"
                  "埋到地下。镇里的领导说，这样既留住了老街的样子，也解决了居民多年来的生活难题。"),
    ("heading", "一、居民：房子还是原来的房子"),
    ("paragraph", "七十二岁的陈阿婆在老街住了五十年。她摸着新刷过漆的门框说：\"房子还是原来的房子，可是住起来舒服多了，"
                  "冬天再也不怕水管冻裂了。\""),
    ("paragraph", "街口开小面馆的何师傅也很高兴。他说，老街改造以后，周末来逛的游客比以前多了一倍，"
                  "他打算再请两个帮手。"),
    ("heading", "二、下一步：让老街“活”起来"),
    ("paragraph", "镇文化站的负责人介绍，接下来老街将引进手工艺作坊和小型书店，并且每月举办一次传统集市。"
                  "集市上的摊位优先留给本镇居民。"),
]
NEWS_META = {"date": "2023-05-20", "source": "清河日报", "editor": "周晓林"}


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_scraped_news_page_imports_to_exactly_its_article(encoding):
    data = (FIXTURES / "scraped-news.html").read_text(encoding="utf-8").encode(encoding)
    draft = prepare(data, filename="qingshi.html")
    document = draft_document(draft)
    assert document.title == "青石镇老街完成改造 居民回迁过上新生活"
    assert document.meta == NEWS_META
    assert [(block.kind, block.text) for block in document.blocks] == NEWS_BODY
    assert draft.inline_pinyin_removed == 5
    reasons = {line.text: line.reason for line in draft.lines if not line.kept}
    assert reasons["移动客户端 | 官方微信 | 官方微博 | 手机版 | 登录"] == "navigation links"
    assert reasons["分享到：微信 微博 QQ空间"] == "share and page tools"
    assert reasons["青石镇举办首届石板路文化节"] == "related links"
    assert reasons["版权所有 © 2023 清河在线 未经授权禁止转载"] == "copyright notice"
    assert reasons["清ICP备12345678号-1 清公网安备 11010502000001号"] == "licence footer (ICP)"
    assert reasons[next(t for t in reasons if t.startswith("北京 | 天津"))] == "place-name list (search-engine spam)"


def test_the_same_news_copied_as_plain_text_imports_to_the_same_article():
    lines = [
        "移动客户端 | 官方微信 | 官方微博",
        "青石镇老街完成改造 居民回迁过上新生活",
        "时间:2023-05-20 09:15来源:清河日报责任编辑:周晓林",
        *[text.replace("梁柱", "梁(liáng)柱(zhù)").replace("领导", "领(lǐng)导(dǎo)").replace("冻裂", "冻（dòng）裂")
          for _, text in NEWS_BODY],
        "（责任编辑：周晓林）",
        "分享到：微信 微博 QQ空间",
        "相关报道：",
        "清河县启动第二批老旧街区改造",
        "北京 | 天津 | 上海 | 重庆 | 河北省 | 山西省 | 辽宁省 | 吉林省",
        "版权所有 © 2023 清河在线",
        "清ICP备12345678号-1",
    ]
    document = read_document("\n".join(lines).encode("gb18030"), filename="copied.txt")
    assert document.title == "青石镇老街完成改造 居民回迁过上新生活"
    assert document.meta == NEWS_META
    assert [(block.kind, block.text) for block in document.blocks] == NEWS_BODY


def test_restoring_a_dropped_line_and_dropping_a_kept_one():
    draft = prepare((FIXTURES / "scraped-news.html").read_bytes(), filename="qingshi.html")
    share = next(i for i, line in enumerate(draft.lines) if line.text.startswith("分享到"))
    first = next(i for i, line in enumerate(draft.lines) if line.kept)
    document = draft_document(draft, flipped={share, first}, title="老街新生活")
    texts = [block.text for block in document.blocks]
    assert document.title == "老街新生活"
    assert "分享到：微信 微博 QQ空间" in texts and NEWS_BODY[0][1] not in texts
    assert NEWS_BODY[0][1] in document.dropped


# --- invariants ------------------------------------------------------------------------------------------------

_PROSE = st.text(alphabet="河水很清孩子们在岸边放风筝老人坐着晒太阳春天来了我你他的是一不了", min_size=4, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PROSE, st.sampled_from(["。", "！", "？", "，然后继续。"])), min_size=1, max_size=8))
def test_body_text_is_never_altered(sentences):
    paragraphs = [body + end for body, end in sentences]
    draft = prepare(("标题\n\n" + "\n".join(paragraphs)).encode("gb18030"), filename="prose.txt")
    assert [line.text for line in draft.lines] == paragraphs
    assert all(line.kept for line in draft.lines)


def test_the_edit_form_text_reads_back_to_the_same_passages_even_with_hashtags():
    from corpus.text.importing import edit_text, parse_edited

    passages = [("heading", "一、总体要求"), ("paragraph", "#春节#大家好，今天放假。"), ("heading", "#话题#")]
    assert [(b.kind, b.text) for b in parse_edited(edit_text(passages))] == passages
