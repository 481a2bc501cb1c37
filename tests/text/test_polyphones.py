"""The batched polyphone model gives g2pM's own answers."""

import pytest
from g2pM import G2pM

from corpus.text.polyphones import _load, default_model, split_sentences

SENTENCES = [
    "这条路很长，他长得很高。",
    "银行行长来了。",
    "大家要协调好各方的关系。",
    "我们一起去了解情况。",
    "这个问题还没有解决，他把钱还给了我。",
    "县里重新调整了重点工作。",
    "他为人民服务了一辈子。",
]


@pytest.fixture(scope="module")
def reference():
    return G2pM()


def test_batched_predictions_match_g2pm_on_every_polyphone(reference):
    model = default_model()
    positions = [[i for i, char in enumerate(s) if char in model.polyphones] for s in SENTENCES]
    ours = model.predict(SENTENCES, positions)
    compared = 0
    for sentence, wanted, predicted in zip(SENTENCES, positions, ours, strict=True):
        theirs = reference(sentence, tone=True, char_split=False)
        for position, (reading, probability) in zip(wanted, predicted, strict=True):
            assert 0 < probability <= 1
            assert reading == theirs[position], (sentence, sentence[position])
            compared += 1
    assert compared >= 15


def test_one_batch_gives_the_same_answers_as_one_sentence_at_a_time():
    model = default_model()
    positions = [[i for i, char in enumerate(s) if char in model.polyphones] for s in SENTENCES]
    together = model.predict(SENTENCES, positions)
    alone = [model.predict([s], [p])[0] for s, p in zip(SENTENCES, positions, strict=True)]
    assert [[r for r, _ in row] for row in together] == [[r for r, _ in row] for row in alone]


def test_a_prediction_is_always_one_of_the_characters_own_readings():
    # Unrestricted, the network reads 呣 as pan1, a reading the character does not have.
    own = _load("digest_cedict.pkl")
    model = default_model()
    for text in ("呣", "嗯", "这条路很长"):
        positions = [i for i, char in enumerate(text) if char in model.polyphones]
        for position, (reading, _) in zip(positions, model.predict([text], [positions])[0], strict=True):
            assert reading in own[text[position]]


def test_sentences_are_split_after_end_punctuation_and_closing_quotes():
    text = "他说：“好。”然后走了！最后"
    pieces = split_sentences(text)
    assert [piece for _, piece in pieces] == ["他说：“好。”", "然后走了！", "最后"]
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert [len(piece) for _, piece in split_sentences("字" * 450, max_length=200)] == [200, 200, 50]
