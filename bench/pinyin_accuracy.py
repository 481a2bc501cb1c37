"""Polyphone accuracy of the engine's pinyin on a CPP-format set, against plain pypinyin.

    cd /work/main && .venv/bin/python bench/pinyin_accuracy.py --data ../shared/data/cpp/test.tsv \
        [--limit N] [--traditional]

The data is a TSV with a header and the columns ``sentence``, ``index`` (0-based
character offset), ``char`` and ``gold`` (numbered tone, 5 = neutral, ``u:`` = ü),
one marked polyphonic character per sentence (the CPP set of Park & Lee 2020).

* engine: ``annotate_passage(sentence)``; the marked character's reading is taken
  from the token that covers its offset and converted with ``pinyin.numbered``.
* baseline: ``pypinyin.pinyin(sentence, style=Style.TONE3, neutral_tone_with_five=True)``
  on the whole sentence.
* ``--traditional``: every sentence is also converted with OpenCC s2t (the engine's
  length-keeping ``convert``, so the offset still points at the same character) and
  both are evaluated on that text too.

Readings are compared lower-case, with ``u:``, ``v`` and ``ü`` taken as the same
letter. The split "alone / in a word" is by the engine's (jieba) token that covers
the marked character: a one-character token, or a longer one. Use ``dev.tsv`` to
tune and report ``test.tsv``. Prints figures only.
"""

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Row:
    sentence: str
    index: int
    char: str
    gold: str


@dataclass
class Result:
    """One system's readings of the marked character, row by row."""

    name: str
    predicted: list[str]
    alone: list[bool]  # marked character is a one-character token (engine segmentation of the text read)
    seconds: float

    def correct(self, rows: Sequence[Row]) -> list[bool]:
        return [same_reading(p, row.gold) for p, row in zip(self.predicted, rows, strict=True)]


def normalise(reading: str) -> str:
    """Lower case, ü spelt ``v`` (CPP writes ``u:``, pypinyin ``v``, tone marks ``ü``)."""
    return reading.strip().lower().replace("u:", "v").replace("ü", "v")


def same_reading(predicted: str, gold: str) -> bool:
    return bool(predicted) and normalise(predicted) == normalise(gold)


def read_rows(path: Path, limit: int | None) -> tuple[list[Row], int]:
    """The rows of a CPP TSV, and how many were skipped because ``char`` is not at ``index``."""
    rows: list[Row] = []
    skipped = 0
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if [h.strip().lower() for h in header[:4]] != ["sentence", "index", "char", "gold"]:
            raise SystemExit(f"{path}: expected columns sentence, index, char, gold; got {header}")
        for fields in reader:
            if limit is not None and len(rows) + skipped >= limit:
                break
            if len(fields) < 4:
                skipped += 1
                continue
            sentence, index, char, gold = fields[0], int(fields[1]), fields[2], fields[3]
            if not 0 <= index < len(sentence) or sentence[index] != char:
                skipped += 1
                continue
            rows.append(Row(sentence, index, char, gold))
    return rows, skipped


def run_engine(name: str, sentences: Sequence[str], rows: Sequence[Row]) -> Result:
    from corpus.text.annotate import annotate_passage
    from corpus.text.pinyin import numbered

    annotate_passage("银行行长")  # load every dictionary before timing
    predicted: list[str] = []
    alone: list[bool] = []
    elapsed = 0.0
    for sentence, row in zip(sentences, rows, strict=True):
        start = time.perf_counter()
        tokens = annotate_passage(sentence)
        elapsed += time.perf_counter() - start
        offset = 0
        for token in tokens:
            if offset <= row.index < offset + len(token.text):
                predicted.append(numbered(token.pinyin[row.index - offset]).lower())
                alone.append(len(token.text) == 1)
                break
            offset += len(token.text)
        else:  # tokens always cover the text; keep going if they ever did not
            predicted.append("")
            alone.append(True)
    return Result(name, predicted, alone, elapsed)


def run_baseline(name: str, sentences: Sequence[str], rows: Sequence[Row], alone: Sequence[bool]) -> Result:
    from pypinyin import Style, pinyin

    pinyin("银行行长", style=Style.TONE3, neutral_tone_with_five=True)
    predicted: list[str] = []
    elapsed = 0.0
    for sentence, row in zip(sentences, rows, strict=True):
        start = time.perf_counter()
        items = pinyin(sentence, style=Style.TONE3, neutral_tone_with_five=True)
        elapsed += time.perf_counter() - start
        predicted.append(aligned(sentence, items)[row.index])
    return Result(name, predicted, list(alone), elapsed)


def aligned(sentence: str, items: Sequence[Sequence[str]]) -> list[str]:
    """One reading per character from pypinyin's default output, "" where there is none.

    With ``errors="default"`` pypinyin returns a run of characters without a reading
    (digits, Latin, punctuation) as one item holding that run's text verbatim, and
    one reading per character otherwise.
    """
    readings: list[str] = []
    position = 0
    for item in items:
        text = item[0] if item else ""
        if position >= len(sentence):
            position += 1
            break
        if text and not _is_han(sentence[position]) and sentence.startswith(text, position):
            readings.extend([""] * len(text))  # a verbatim run without reading
            position += len(text)
        else:
            readings.append(text)
            position += 1
    if position != len(sentence):  # never seen; no reading rather than a shifted one
        return [""] * len(sentence)
    return readings


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF or char == "〇"


# ---------------------------------------------------------------- report


def accuracy(flags: Sequence[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):6.2f}% ({len(flags):,})" if flags else f"{'-':>7}"


def print_summary(rows: Sequence[Row], results: Sequence[Result]) -> None:
    width = 18
    print(f"  {'':<34}" + "".join(f"{r.name:>{width}}" for r in results))
    correct = [r.correct(rows) for r in results]
    lines: list[tuple[str, Callable[[Result, list[bool]], str]]] = [
        ("overall", lambda r, c: accuracy(c)),
        ("char alone (1-char token)", lambda r, c: accuracy([ok for ok, a in zip(c, r.alone, strict=True) if a])),
        (
            "char inside a multi-char token",
            lambda r, c: accuracy([ok for ok, a in zip(c, r.alone, strict=True) if not a]),
        ),
        ("speed, sentences/s", lambda r, c: f"{len(rows) / r.seconds:,.0f}"),
    ]
    for label, cell in lines:
        print(f"  {label:<34}" + "".join(f"{cell(r, c):>{width}}" for r, c in zip(results, correct, strict=True)))


def print_disagreement(rows: Sequence[Row], engine: Result, baseline: Result) -> None:
    e_ok, b_ok = engine.correct(rows), baseline.correct(rows)
    differ = [i for i in range(len(rows)) if normalise(engine.predicted[i]) != normalise(baseline.predicted[i])]
    only_e = sum(1 for i in differ if e_ok[i] and not b_ok[i])
    only_b = sum(1 for i in differ if b_ok[i] and not e_ok[i])
    print(
        f"  {engine.name} and {baseline.name} differ on {len(differ):,} sentences: "
        f"{engine.name} right {only_e}, {baseline.name} right {only_b}, both wrong {len(differ) - only_e - only_b}"
    )


def print_worst(rows: Sequence[Row], engine: Result, baseline: Result, count: int = 20) -> None:
    e_ok, b_ok = engine.correct(rows), baseline.correct(rows)
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    base_errors: Counter[str] = Counter()
    confusions: dict[str, Counter[str]] = defaultdict(Counter)
    for row, pred, ok, bok in zip(rows, engine.predicted, e_ok, b_ok, strict=True):
        total[row.char] += 1
        if not ok:
            errors[row.char] += 1
            confusions[row.char][f"{normalise(row.gold)}->{normalise(pred) or '?'}"] += 1
        if not bok:
            base_errors[row.char] += 1
    worst = sorted(errors, key=lambda c: (-errors[c], errors[c] / -total[c], c))[:count]
    print(f"The {len(worst)} characters with the most engine errors (pypinyin: its accuracy on the same rows):")
    print(f"  {'char':<6}{'count':>7}{'errors':>8}{'accuracy':>10}{'pypinyin':>10}  most frequent error (gold->engine)")
    for char in worst:
        confusion, times = confusions[char].most_common(1)[0]
        acc = 100 * (1 - errors[char] / total[char])
        base = 100 * (1 - base_errors[char] / total[char])
        print(f"  {char:<5}{total[char]:>7}{errors[char]:>8}{acc:>9.1f}%{base:>9.1f}%  {confusion} x{times}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="CPP-format TSV (sentence, index, char, gold)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N rows")
    parser.add_argument("--traditional", action="store_true", help="also evaluate on the OpenCC s2t conversion")
    args = parser.parse_args(argv)

    import pypinyin

    rows, skipped = read_rows(args.data, args.limit)
    if not rows:
        raise SystemExit(f"{args.data}: no usable rows")
    print(
        f"{args.data.name}: {len(rows):,} sentences"
        + (f" (first {args.limit})" if args.limit else "")
        + (f", {skipped} skipped (char not at index)" if skipped else "")
        + f"; pypinyin {pypinyin.__version__}"
    )
    sentences = [row.sentence for row in rows]
    engine = run_engine("engine", sentences, rows)
    baseline = run_baseline("pypinyin", sentences, rows, engine.alone)
    results = [engine, baseline]
    if args.traditional:
        from corpus.text.convert import convert

        traditional = [convert(sentence, "s2t") for sentence in sentences]
        changed = sum(1 for s, t in zip(sentences, traditional, strict=True) if s != t)
        marked = sum(1 for row, t in zip(rows, traditional, strict=True) if t[row.index] != row.char)
        print(f"--traditional: s2t changed {changed:,} sentences and {marked:,} marked characters")
        engine_t = run_engine("engine (trad)", traditional, rows)
        results += [engine_t, run_baseline("pypinyin (trad)", traditional, rows, engine_t.alone)]
    print()
    print_summary(rows, results)
    print()
    print_disagreement(rows, engine, baseline)
    if args.traditional:
        print_disagreement(rows, results[2], engine)
    print()
    print_worst(rows, engine, baseline)


if __name__ == "__main__":
    main()
