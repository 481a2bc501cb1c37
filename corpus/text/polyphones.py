"""g2pM's polyphone model, run in batches with numpy.

g2pM (Park & Lee, Interspeech 2020; Apache-2.0) is a small bidirectional LSTM that
reads a whole sentence and predicts the reading of each polyphonic character: 97.3%
on the CPP test set, against 87.9% for pypinyin. Its weights ship inside its PyPI
wheel (``g2pM/np_ckpt.pkl`` and the vocabularies beside it), so nothing is fetched.

We use those weights, not ``g2pM.G2pM.__call__``: that runs one sentence at a time
and recomputes the input projection at every step, which alone would be slower
than the rest of the engine together. This module is the same network with the
input projection precomputed for the whole vocabulary, both directions in one
matmul per step, many sentences per batch and only the requested positions through
the output layer. ``tests/text/test_polyphones.py`` checks it against g2pM itself.
"""

import pickle
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import g2pM
import numpy as np
from threadpoolctl import threadpool_limits

_UNK, _BOS, _EOS = "<UNK>", "시", "끝"  # g2pM's own vocabulary markers
_DATA = Path(g2pM.__file__).parent
SENTENCE_END = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("”’」』）)\"'")


def _load(name: str):
    # Pickles from the installed g2pM package itself (trusted, not user input).
    with (_DATA / name).open("rb") as file:
        return pickle.load(file)  # noqa: S301


class PolyphoneModel:
    """Readings of polyphonic characters in context, numbered ("zhong4"; 5 = neutral; "u:" = ü)."""

    def __init__(self) -> None:
        # The matrices are tiny (hidden size 32): BLAS threads only add start-up cost,
        # four times the whole computation on two cores. One thread for this process.
        threadpool_limits(limits=1, user_api="blas")
        readings: dict[str, list[str]] = _load("digest_cedict.pkl")
        self.polyphones = frozenset(char for char, options in readings.items() if len(options) > 1)
        self._char_ids: dict[str, int] = _load("char2idx.pkl")
        class_ids: dict[str, int] = _load("class2idx.pkl")
        # A prediction is chosen among the character's own readings only: the
        # network scores all 876 classes and, for rare characters, can prefer one
        # the character does not have (呣 read as pān).
        self._own = {
            char: np.array([class_ids[r] for r in options if r in class_ids])
            for char, options in readings.items()
            if len(options) > 1
        }
        self._classes = [""] * len(class_ids)
        for reading, index in class_ids.items():
            self._classes[index] = reading
        weights = {name: np.asarray(value, dtype=np.float64) for name, value in _load("np_ckpt.pkl").items()}
        embedding = weights["embedding.weight"]
        self._hidden = hidden = weights["lstm.weight_hh_l0"].shape[1]
        # Input projection of every character, biases folded in (gate order i, f, g, o).
        self._forward_input = (
            embedding @ weights["lstm.weight_ih_l0"].T + weights["lstm.bias_ih_l0"] + weights["lstm.bias_hh_l0"]
        ).astype(np.float32)
        self._backward_input = (
            embedding @ weights["lstm.weight_ih_l0_reverse"].T
            + weights["lstm.bias_ih_l0_reverse"]
            + weights["lstm.bias_hh_l0_reverse"]
        ).astype(np.float32)
        # Both directions in one matmul: (h_forward | h_backward) @ block-diagonal.
        recurrent = np.zeros((2 * hidden, 8 * hidden))
        recurrent[:hidden, : 4 * hidden] = weights["lstm.weight_hh_l0"].T
        recurrent[hidden:, 4 * hidden :] = weights["lstm.weight_hh_l0_reverse"].T
        self._recurrent = recurrent.astype(np.float32)
        self._hidden_w = weights["logit_layer.0.weight"].T.astype(np.float32)
        self._hidden_b = weights["logit_layer.0.bias"].astype(np.float32)
        self._out_w = weights["logit_layer.2.weight"].T.astype(np.float32)
        self._out_b = weights["logit_layer.2.bias"].astype(np.float32)

    def predict(
        self, sentences: Sequence[str], positions: Sequence[Sequence[int]], batch_size: int = 64
    ) -> list[list[tuple[str, float]]]:
        """For each sentence, (reading, probability) at each requested 0-based position.

        >>> model = default_model()
        >>> model.predict(["这条路很长"], [[4]])[0][0][0]
        'chang2'
        """
        results: list[list[tuple[str, float]]] = [[] for _ in sentences]
        todo = sorted((i for i, wanted in enumerate(positions) if wanted), key=lambda i: len(sentences[i]))
        for start in range(0, len(todo), batch_size):
            chunk = todo[start : start + batch_size]
            states = self._run([sentences[i] for i in chunk])
            rows, steps, owners, chars = [], [], [], []
            for row, i in enumerate(chunk):
                for position in positions[i]:
                    rows.append(row)
                    steps.append(position + 1)  # after <BOS>
                    owners.append(i)
                    chars.append(sentences[i][position])
            features = states[steps, rows]
            logits = np.maximum(features @ self._hidden_w + self._hidden_b, 0) @ self._out_w + self._out_b
            best = np.argmax(logits, axis=1)
            for r, char in enumerate(chars):
                own = self._own.get(char)
                if own is not None and len(own) and best[r] not in own:
                    best[r] = own[np.argmax(logits[r, own])]
            shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
            probabilities = shifted[np.arange(len(best)), best] / shifted.sum(axis=1)
            for owner, index, probability in zip(owners, best, probabilities, strict=True):
                results[owner].append((self._classes[index], float(probability)))
        return results

    def _run(self, sentences: Sequence[str]) -> np.ndarray:
        """LSTM states of a right-padded batch in reading order: [steps, batch, 2 * hidden].

        The backward direction runs over each sentence reversed, so padding never
        reaches a real position's state.
        """
        get, unknown = self._char_ids.get, self._char_ids[_UNK]
        ids = [[self._char_ids[_BOS], *(get(char, unknown) for char in s), self._char_ids[_EOS]] for s in sentences]
        lengths = np.array([len(sequence) for sequence in ids])
        batch, steps, hidden = len(ids), int(lengths.max()), self._hidden
        forward = np.zeros((batch, steps), dtype=np.int64)
        backward = np.zeros((batch, steps), dtype=np.int64)
        for row, sequence in enumerate(ids):
            forward[row, : len(sequence)] = sequence
            backward[row, : len(sequence)] = sequence[::-1]
        inputs = np.concatenate([self._forward_input[forward], self._backward_input[backward]], axis=2)
        h = np.zeros((batch, 2 * hidden), dtype=np.float32)
        c = np.zeros((batch, 2, hidden), dtype=np.float32)
        states = np.empty((steps, batch, 2 * hidden), dtype=np.float32)
        for step in range(steps):
            gates = (inputs[:, step] + h @ self._recurrent).reshape(batch, 2, 4, hidden)
            sigmoid = (np.tanh(gates[:, :, (0, 1, 3)] * 0.5) + 1.0) * 0.5  # input, forget, output
            c = sigmoid[:, :, 1] * c + sigmoid[:, :, 0] * np.tanh(gates[:, :, 2])
            h = (sigmoid[:, :, 2] * np.tanh(c)).reshape(batch, 2 * hidden)
            states[step] = h
        # Backward states are stored by reversed step; put them back in reading order.
        result = np.empty_like(states)
        result[:, :, :hidden] = states[:, :, :hidden]
        for row, length in enumerate(lengths):
            result[:length, row, hidden:] = states[:length, row, hidden:][::-1]
        return result


def split_sentences(text: str, max_length: int = 200) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a passage: after sentence-ending punctuation and any
    closing quotes right after it, and at most ``max_length`` characters each.

    >>> split_sentences("他说：“好。”然后走了。")
    [(0, '他说：“好。”'), (7, '然后走了。')]
    """
    pieces: list[tuple[int, str]] = []
    start = i = 0
    while i < len(text):
        if text[i] in SENTENCE_END:
            end = i + 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            pieces.append((start, text[start:end]))
            start = i = end
            continue
        if i + 1 - start >= max_length:
            pieces.append((start, text[start : i + 1]))
            start = i + 1
        i += 1
    if start < len(text):
        pieces.append((start, text[start:]))
    return pieces


@cache
def default_model() -> PolyphoneModel:
    return PolyphoneModel()
