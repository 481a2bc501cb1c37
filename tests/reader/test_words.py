import csv
import io

import pytest

from reader import words
from reader.models import SavedWord


@pytest.mark.parametrize(
    ("text", "offset", "sentence"),
    [
        ("今天下雨。我们在家看书！", 0, "今天下雨。"),
        ("今天下雨。我们在家看书！", 7, "我们在家看书！"),
        ("他问：“你去吗？”我说去。", 4, "他问：“你去吗？”"),
        ("没有句号的一句话", 3, "没有句号的一句话"),
        ("第一句；第二句", 5, "第二句"),
    ],
)
def test_sentence_at_finds_the_sentence_around_an_offset(text, offset, sentence):
    assert words.sentence_at(text, offset) == sentence


def _offset_of(passage, word):
    offset = 0
    for token in passage.tokens:
        if token["text"] == word:
            return offset
        offset += len(token["text"])
    raise AssertionError(word)


def test_a_saved_word_takes_reading_and_definitions_from_the_stored_annotation(school):
    passage = school["published_passage"]
    word, created = words.saved_word_add(
        learner=school["learner_b"], passage=passage, offset=_offset_of(passage, "银行")
    )
    assert created
    assert (word.simplified, word.traditional, word.pinyin) == ("银行", "銀行", "yín háng")
    assert word.definitions[0] == "bank"
    assert word.sentence == "银行网点要主动调整服务时间，方便群众办理业务。"
    again, created = words.saved_word_add(
        learner=school["learner_b"], passage=passage, offset=_offset_of(passage, "银行")
    )
    assert not created and again.pk == word.pk


def test_a_position_without_a_word_is_refused(school):
    passage = school["published_passage"]
    with pytest.raises(Exception, match="no word at this position"):
        words.saved_word_add(learner=school["learner_b"], passage=passage, offset=len(passage.text) - 1)  # 。
    with pytest.raises(Exception, match="no word at this position"):
        words.saved_word_add(learner=school["learner_b"], passage=passage, offset=10_000)
    assert not SavedWord.objects.filter(learner=school["learner_b"]).exists()


def test_anki_csv_names_its_columns_and_keeps_commas_and_quotes_inside_fields(school):
    word = SavedWord(
        simplified="调整",
        traditional="調整",
        pinyin="tiáo zhěng",
        definitions=["to adjust", 'to "tune", to revise'],
        sentence="他说：“要调整，再调整。”",
    )
    text = words.words_anki_csv([word])
    lines = text.splitlines()
    assert lines[:3] == ["#separator:Comma", "#html:false", "#columns:Hanzi,Pinyin,Meaning,Sentence,Traditional"]
    rows = list(csv.reader(io.StringIO("\n".join(lines[3:]))))
    assert rows == [["调整", "tiáo zhěng", 'to adjust; to "tune", to revise', "他说：“要调整，再调整。”", "調整"]]


def test_my_words_lists_only_my_words_and_exports_them(client, school):
    passage = school["published_passage"]
    words.saved_word_add(learner=school["learner_a"], passage=passage, offset=_offset_of(passage, "银行"))
    client.force_login(school["learner_b"])
    assert "银行" not in client.get("/words/").content.decode()
    assert "银行" not in client.get("/words/export.csv").content.decode()
    client.force_login(school["learner_a"])
    html = client.get("/words/").content.decode()
    assert "银行" in html and "yín háng" in html and "bank" in html
    response = client.get("/words/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert '银行,yín háng,"bank;' in response.content.decode()


def test_saving_from_the_page_posts_only_the_position(client, school):
    client.force_login(school["learner_b"])
    passage = school["published_passage"]
    response = client.post("/words/save/", {"passage": passage.pk, "offset": _offset_of(passage, "调整")})
    assert response.json() == {"word": "调整", "pinyin": "tiáo zhěng", "created": True}
    response = client.post("/words/save/", {"passage": passage.pk, "offset": "x"})
    assert response.status_code == 400 and "reload" in response.json()["error"]


def test_removing_a_word(client, school):
    passage = school["published_passage"]
    word, _ = words.saved_word_add(learner=school["learner_a"], passage=passage, offset=_offset_of(passage, "银行"))
    client.force_login(school["learner_a"])
    client.post(f"/words/{word.pk}/delete/")
    assert not SavedWord.objects.filter(pk=word.pk).exists()
