import pytest

from corpus import services
from corpus.profile import hsk_level, hsk_profile
from corpus.text.document import parse_document


def word(text, level):
    return {"text": text, "pinyin": ["x"] * len(text), "hsk": level}


def test_profile_counts_word_occurrences_per_level_and_ignores_punctuation():
    comma = {"text": "，", "pinyin": [""], "hsk": None}
    tokens = [word("我", 1), word("我", 1), word("协调", 5), comma, word("青禾", None)]
    assert hsk_profile([tokens]) == {"1": 0.5, "5": 0.25, "none": 0.25}


def test_profile_of_nothing_is_empty_and_has_no_level():
    assert hsk_profile([[{"text": "。", "pinyin": [""], "hsk": None}]]) == {}
    assert hsk_level({}) is None


@pytest.mark.parametrize(
    ("profile", "level"),
    [
        ({"1": 0.95, "3": 0.05}, 1),
        ({"1": 0.6, "2": 0.25, "4": 0.15}, 4),
        ({"1": 0.5, "2": 0.4, "6": 0.1}, 2),  # exactly 90% of the listed words by level 2
        ({"2": 0.45, "7": 0.45, "none": 0.1}, 7),
        ({"none": 1.0}, None),
    ],
)
def test_level_is_the_lowest_covering_ninety_percent_of_listed_words(profile, level):
    assert hsk_level(profile) == level


def test_import_stores_the_profile_and_reannotation_keeps_it(make_article):
    article = make_article("天气\n\n今天天气很好，我们去公园。\n")
    assert article.hsk_profile and abs(sum(article.hsk_profile.values()) - 1) < 0.01
    assert article.hsk_level is not None
    article.refresh_from_db()
    stored = dict(article.hsk_profile)
    article.passages.update(engine_version="old")
    services.passages_refresh()
    article.refresh_from_db()
    assert article.hsk_profile == stored


def test_an_easy_text_has_a_lower_level_than_a_policy_text(make_article):
    easy = make_article("我的家\n\n我家有三个人。爸爸、妈妈和我。我们都很好。\n")
    hard = services.article_import(
        document=parse_document("治理\n\n统筹推进基层治理体系和治理能力现代化，健全矛盾纠纷多元化解机制。\n")
    )
    assert easy.hsk_level < hard.hsk_level
