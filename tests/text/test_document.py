"""From text to a document: title, metadata line, headings, passages; and unreadable uploads."""

import codecs

import pytest

from corpus.text.document import Block, parse_document, parse_meta_line, read_document
from corpus.text.errors import InputError

NEWS = """关于加强基层治理的实施意见
来源：县融媒体中心　责任编辑：王明
日期：2023年5月20日

一、总体要求
（一）指导思想
坚持以人民为中心的发展思想。
第一章 总则
## 工作目标
1. 加强组织领导
资金来源：县财政统一拨付。
我们要认真做好各项工作。
（完）"""


def test_short_first_line_without_sentence_punctuation_is_the_title():
    document = parse_document("县里召开平安建设工作会议\n\n会议要求抓好落实。")
    assert document.title == "县里召开平安建设工作会议"
    assert document.blocks == (Block("paragraph", "会议要求抓好落实。"),)


def test_first_line_that_is_a_sentence_is_not_a_title():
    document = parse_document("今天天气很好，我们去公园散步。\n公园里有很多人。")
    assert document.title == ""
    assert [block.text for block in document.blocks] == ["今天天气很好，我们去公园散步。", "公园里有很多人。"]


def test_very_long_first_line_is_not_a_title():
    line = "会议强调要坚持系统观念统筹发展和安全推动基层治理能力不断提升" * 3
    assert len(line) > 80
    assert parse_document(f"{line}\n会议要求抓好落实。").title == ""


def test_markdown_title_loses_its_hashes():
    assert parse_document("# 乡村振兴的新路子\n\n正文第一段。").title == "乡村振兴的新路子"


def test_traditional_title_and_body_are_detected_as_traditional():
    document = parse_document("協調發展\n來源：中央社\n\n政府推動協調發展。")
    assert document.title == "協調發展"
    assert document.script == "traditional"
    assert document.meta == {"source": "中央社"}


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("日期：2023年5月20日", {"date": "2023-05-20"}),
        ("日期：2023-05-20", {"date": "2023-05-20"}),
        ("日期：2023/5/20", {"date": "2023-05-20"}),
        ("发布时间：2023/5/20 10:00", {"date": "2023-05-20"}),
        (
            "时间: 2023.5.20 | 来源: 人民日报 | 编辑: 王明",
            {"date": "2023-05-20", "source": "人民日报", "editor": "王明"},
        ),
        ("来源：新华社", {"source": "新华社"}),
        ("來源：中央社", {"source": "中央社"}),
        ("责任编辑：李华", {"editor": "李华"}),
        ("責任編輯：張三", {"editor": "張三"}),
        ("来源：新华社\u3000责任编辑：李华", {"source": "新华社", "editor": "李华"}),
        (
            "时间：2023年5月20日 09:15  来源：某某日报  责任编辑：王明",
            {"date": "2023-05-20", "source": "某某日报", "editor": "王明"},
        ),
        (
            "發布時間：2023年5月20日　來源：中央社　責任編輯：張三",
            {"date": "2023-05-20", "source": "中央社", "editor": "張三"},
        ),
    ],
)
def test_meta_line_fields_are_parsed(line, meta):
    assert parse_meta_line(line) == meta


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("2023年05月20日 10:29\u3000来源：人民网－人民日报", {"date": "2023-05-20", "source": "人民网－人民日报"}),
        ("2023-05-20 09:15:23 来源：新华网", {"date": "2023-05-20", "source": "新华网"}),
    ],
    ids=["people-cn", "xinhuanet"],
)
def test_meta_line_starting_with_a_bare_date_is_parsed(line, meta):
    # The usual layout of People's Daily Online and Xinhua Net: a date with no "日期：" label.
    assert parse_meta_line(line) == meta


def test_bare_date_meta_line_under_the_title_is_not_left_in_the_body():
    document = parse_document("县里召开会议\n2023年05月20日 10:29\u3000来源：人民网\n\n会议要求抓好落实。")
    assert document.meta == {"date": "2023-05-20", "source": "人民网"}
    assert [block.text for block in document.blocks] == ["会议要求抓好落实。"]


@pytest.mark.parametrize(
    "line",
    [
        "资金来源：县财政统一拨付。",
        "他说资金来源：财政拨款",
        "这些经验来源于群众的实践。",
        "我们要认真做好各项工作。",
        "一、总体要求",
    ],
)
def test_sentence_mentioning_a_field_name_is_not_a_meta_line(line):
    assert parse_meta_line(line) == {}


def test_news_document_is_split_into_title_meta_headings_and_paragraphs():
    document = parse_document(NEWS)
    assert document.title == "关于加强基层治理的实施意见"
    assert document.meta == {"source": "县融媒体中心", "editor": "王明", "date": "2023-05-20"}
    assert document.dropped == ("来源：县融媒体中心\u3000责任编辑：王明", "日期：2023年5月20日")
    assert document.blocks == (
        Block("heading", "一、总体要求"),
        Block("heading", "（一）指导思想"),
        Block("paragraph", "坚持以人民为中心的发展思想。"),
        Block("heading", "第一章 总则"),
        Block("heading", "工作目标"),
        Block("heading", "1. 加强组织领导"),
        Block("paragraph", "资金来源：县财政统一拨付。"),
        Block("paragraph", "我们要认真做好各项工作。"),
        Block("paragraph", "（完）"),
    )


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("一、总体要求", "一、总体要求"),
        ("十二、保障措施", "十二、保障措施"),
        ("（一）指导思想", "（一）指导思想"),
        ("(三)工作步骤", "(三)工作步骤"),
        ("第一章 总则", "第一章 总则"),
        ("第三节 乡村振兴", "第三节 乡村振兴"),
        ("第十条 适用范围", "第十条 适用范围"),
        ("# 工作目标", "工作目标"),
        ("### 具体措施", "具体措施"),
        ("2. 加强组织领导", "2. 加强组织领导"),
    ],
)
def test_numbered_line_in_the_body_is_a_heading(line, text):
    document = parse_document(f"标题\n\n第一段。\n{line}\n最后一段。")
    assert document.blocks[1] == Block("heading", text)


@pytest.mark.parametrize(
    "line",
    [
        "一、坚持党的领导，加强组织建设。",  # numbered, but a sentence
        "会议要求抓好落实。",
        "3.14是圆周率的近似值，大家都知道",
    ],
)
def test_sentence_in_the_body_is_a_paragraph(line):
    document = parse_document(f"标题\n\n第一段。\n{line}\n最后一段。")
    assert document.blocks[1] == Block("paragraph", line)


def test_sentence_mentioning_laiyuan_in_the_body_is_not_metadata():
    document = parse_document("县里召开会议\n\n资金来源：县财政统一拨付。\n会议要求抓好落实。")
    assert document.meta == {}
    assert document.dropped == ()
    assert document.blocks[0] == Block("paragraph", "资金来源：县财政统一拨付。")


def test_last_short_line_wanjie_is_a_paragraph_not_a_heading():
    document = parse_document("县里召开会议\n\n会议要求抓好落实。\n（完）")
    assert document.blocks[-1] == Block("paragraph", "（完）")


def test_last_short_unpunctuated_line_is_a_paragraph():
    document = parse_document("县里召开会议\n\n会议要求抓好落实。\n谢谢大家")
    assert document.blocks[-1] == Block("paragraph", "谢谢大家")


def test_short_unpunctuated_line_in_the_middle_is_a_heading():
    document = parse_document("县里召开会议\n\n会议要求抓好落实。\n工作要求\n各乡镇要抓好落实。")
    assert document.blocks[1] == Block("heading", "工作要求")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\t \r\n", "empty"),
        (codecs.BOM_UTF8, "empty"),
        ("\u3000\u3000\n\n".encode(), "empty"),
        (b"\x00\x01\x02PNG\x00data", "binary"),
        ("GDP增长".encode("utf-16-le"), "UTF-8"),
        ("协调发展".encode() + b"\xff", "not valid UTF-8"),
        ("关于加强基层治理的实施意见".encode(), "title at most"),
        ("关于加强基层治理的实施意见\n来源：新华社".encode(), "title at most"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "ideographic-spaces",
        "nul",
        "utf-16",
        "bad-byte",
        "title",
        "title-meta",
    ],
)
def test_unreadable_upload_raises_input_error_with_a_message(data, words):
    with pytest.raises(InputError) as raised:
        read_document(data)
    message = str(raised.value)
    assert words in message
    assert message.endswith(".")


def test_invalid_utf8_message_says_where():
    with pytest.raises(InputError, match=r"byte 0xff at position 12"):
        read_document("协调发展".encode() + b"\xff")


def test_utf8_bom_is_accepted_and_dropped():
    document = read_document(codecs.BOM_UTF8 + "县里召开会议\n\n会议要求抓好落实。".encode())
    assert document.title == "县里召开会议"
    assert document.blocks == (Block("paragraph", "会议要求抓好落实。"),)


def test_file_name_is_the_title_when_the_text_has_none():
    document = read_document("会议要求抓好落实。".encode(), name="会议纪要")
    assert document.title == "会议纪要"


def test_file_name_does_not_replace_a_title():
    document = read_document("县里召开会议\n\n会议要求抓好落实。".encode(), name="upload")
    assert document.title == "县里召开会议"


def test_crlf_file_reads_like_lf_file():
    lf = read_document(NEWS.encode())
    crlf = read_document(NEWS.replace("\n", "\r\n").encode())
    assert crlf == lf
