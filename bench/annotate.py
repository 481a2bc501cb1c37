"""Engine throughput against the raw library calls it is built on, in one run.

    cd /work/main && .venv/bin/python bench/annotate.py [--chars 100000] [--repeats 5] [--profile]

The test text is about ``--chars`` characters of distinct real sentences (the CPP
set in ../shared/data, five sentences to a paragraph), or with ``--text demo`` the
body paragraphs of ``corpus/demo/*.txt`` cycled. On exactly those paragraphs it times

* the raw library work the engine does, without our code: a jieba
  ``Tokenizer`` cut (HMM on), OpenCC t2s and s2t, ``pypinyin.pinyin(p, style=TONE)``;
* ``annotate_passages()`` with the empty lexicon, on article-sized groups of 40
  paragraphs (the engine reads a whole article's polyphones with g2pM in one batch);

as characters per second, best of ``--repeats``, after a warm-up that loads every
dictionary (so load time is not counted). DESIGN.md's target: annotate/raw >= 0.8.

Cold start is measured in fresh interpreters (median of 3 wall times, as seen by
this process): import the engine and annotate one short sentence, against importing
the libraries and calling each once. Peak RSS (``ru_maxrss``) of such a process is
reported after the short sentence and after annotating the whole text.

``--profile`` adds a cProfile run of one pass of each side: self time grouped by
where it is spent (built-in calls are charged to the package that made them), and
the top 15 of our own functions by cumulative time. It also times each dictionary
load of a cold start separately.

Prints figures only; nothing here asserts on time.
"""

import argparse
import cProfile
import gc
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO = ROOT / "corpus" / "demo"
CPP_DEV = ROOT.parent / "shared" / "data" / "cpp" / "dev.tsv"
TARGET_RATIO = 0.8
SHORT_SENTENCE = "他在银行工作，县里协调推进基层治理。"

# Run in a fresh interpreter: argv = root, side (engine|raw), mode (short|full|phases), paragraphs.json
CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
root, side, mode, path = sys.argv[1:5]
sys.path.insert(0, root)
sentence = SENTENCE
phases = {}

def mark(name):
    global start
    now = time.perf_counter()
    phases[name] = now - start
    start = now

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def hwm_mb():  # Linux: this process image's own peak, for a cross-check
    try:
        with open("/proc/self/status") as f:
            return int(f.read().split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        return None

if side == "engine":
    from corpus.text.annotate import annotate_passage
    mark("import")
    if mode == "phases":
        from corpus.text.convert import convert
        from corpus.text.dictionary import default_dictionary
        from corpus.text.pinyin import readings
        from corpus.text.segment import segmenter_for
        mark("import (helpers)")
        segmenter_for(frozenset()).cut(sentence)
        mark("jieba dictionary + cut")
        convert(sentence, "t2s")
        mark("OpenCC t2s load + convert")
        convert(sentence, "s2t")
        mark("OpenCC s2t load + convert")
        readings(sentence)
        mark("pypinyin load + readings")
        default_dictionary()
        mark("CC-CEDICT + HSK load")
    annotate_passage(sentence)
    mark("annotate_passage (rest)")

    def run(text):
        annotate_passage(text)
else:
    import jieba, opencc
    from pypinyin import Style, pinyin
    mark("import")
    tokenizer = jieba.Tokenizer()
    list(tokenizer.cut(sentence, HMM=True))
    mark("jieba dictionary + cut")
    t2s = opencc.OpenCC("t2s")
    t2s.convert(sentence)
    mark("OpenCC t2s load + convert")
    s2t = opencc.OpenCC("s2t")
    s2t.convert(sentence)
    mark("OpenCC s2t load + convert")
    pinyin(sentence, style=Style.TONE)
    mark("pypinyin load + readings")

    def run(text):
        list(tokenizer.cut(text, HMM=True))
        t2s.convert(text)
        s2t.convert(text)
        pinyin(text, style=Style.TONE)

result = {"phases": phases, "rss_short": rss_mb()}
if mode == "full":
    with open(path, encoding="utf-8") as f:
        for paragraph in json.load(f):
            run(paragraph)
    result["rss_full"] = rss_mb()
    result["hwm_full"] = hwm_mb()
print(json.dumps(result))
""".replace("SENTENCE", repr(SHORT_SENTENCE))


def demo_paragraphs() -> list[str]:
    """The body paragraphs (not titles, metadata lines or headings) of the demo articles."""
    from corpus.text.document import parse_document

    paragraphs = []
    for path in sorted(DEMO.glob("*.txt")):
        document = parse_document(path.read_text(encoding="utf-8"))
        paragraphs.extend(block.text for block in document.blocks if block.kind == "paragraph")
    if not paragraphs:
        raise SystemExit(f"no paragraphs found in {DEMO}")
    return paragraphs


def cpp_paragraphs(path: Path, per_paragraph: int = 5) -> list[str]:
    """Distinct real sentences (the CPP polyphone set), five to a paragraph.

    Varied text matters: the engine shares finished tokens between repeats of a
    word, and a cycled text would repeat every word and flatter that cache.
    """
    import csv

    with path.open(encoding="utf-8") as rows:
        sentences = [row["sentence"] for row in csv.DictReader(rows, delimiter="\t")]
    return ["".join(sentences[i : i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]


def test_text(paragraphs: Sequence[str], chars: int) -> list[str]:
    """The paragraphs, cycled until they add up to at least ``chars`` characters."""
    text: list[str] = []
    total = 0
    while total < chars:
        for paragraph in paragraphs:
            text.append(paragraph)
            total += len(paragraph)
            if total >= chars:
                break
    return text


def raw_calls() -> dict[str, Callable[[str], object]]:
    """The library work of annotate_passage, one callable per library call, dictionaries loaded."""
    import jieba
    import opencc
    from pypinyin import Style, pinyin

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    t2s = opencc.OpenCC("t2s")
    s2t = opencc.OpenCC("s2t")
    return {
        "jieba cut (HMM)": lambda text: list(tokenizer.cut(text, HMM=True)),
        "OpenCC t2s": t2s.convert,
        "OpenCC s2t": s2t.convert,
        "pypinyin TONE": lambda text: pinyin(text, style=Style.TONE),
    }


def each(calls: Sequence[Callable[[str], object]]) -> Callable[[Sequence[str]], None]:
    def run(paragraphs: Sequence[str]) -> None:
        for paragraph in paragraphs:
            for call in calls:
                call(paragraph)

    return run


ARTICLE_PARAGRAPHS = 40


def in_articles(call: Callable[[Sequence[str]], object]) -> Callable[[Sequence[str]], None]:
    """Run ``call`` on article-sized groups of paragraphs, as an import does.

    The engine reads the polyphones of a whole article in one batch (that is what
    ``annotate()`` and ``article_import`` do), so it is timed on articles: 40
    paragraphs, about 7,000 characters, each.
    """

    def run(paragraphs: Sequence[str]) -> None:
        for start in range(0, len(paragraphs), ARTICLE_PARAGRAPHS):
            call(paragraphs[start : start + ARTICLE_PARAGRAPHS])

    return run


def time_once(run: Callable[[Sequence[str]], None], paragraphs: Sequence[str]) -> float:
    from corpus.text.annotate import clear_token_cache

    # Every pass starts with the engine's token cache empty: a pass must not
    # profit from words the previous pass over the same text already built.
    clear_token_cache()
    gc.collect()
    start = time.perf_counter()
    run(paragraphs)
    return time.perf_counter() - start


def measure_throughput(paragraphs: Sequence[str], repeats: int) -> dict[str, float]:
    from corpus.text.annotate import annotate_passages
    from corpus.text.glossary import EMPTY_LEXICON

    calls = raw_calls()
    runs: dict[str, Callable[[Sequence[str]], None]] = {"raw libraries (all four)": each(list(calls.values()))}
    runs.update({f"  {name}": each([call]) for name, call in calls.items()})
    runs["annotate_passages()"] = in_articles(lambda texts: annotate_passages(texts, EMPTY_LEXICON))
    # Warm-up: every dictionary (jieba, OpenCC, pypinyin, CC-CEDICT, HSK) loaded before timing.
    for run in runs.values():
        run(paragraphs[:3])
    best = {name: float("inf") for name in runs}
    for _ in range(repeats):  # interleaved, so drift in machine speed hits every side alike
        for name, run in runs.items():
            best[name] = min(best[name], time_once(run, paragraphs))
    return best


def run_child(side: str, mode: str, data_path: str) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), side, mode, data_path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"cold-start child ({side}, {mode}) failed:\n{done.stderr}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def measure_cold_start(paragraphs: Sequence[str], runs: int, phases: bool) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(list(paragraphs), f, ensure_ascii=False)
        data_path = f.name
    try:
        bare = statistics.median(_bare_interpreter() for _ in range(runs))
        result: dict = {"bare": bare, "parent_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        for side in ("engine", "raw"):
            short = [run_child(side, "short", data_path) for _ in range(runs)]
            _, full = run_child(side, "full", data_path)
            result[side] = {
                "wall": statistics.median(wall for wall, _ in short),
                "walls": [wall for wall, _ in short],
                "rss_short": statistics.median(out["rss_short"] for _, out in short),
                "rss_full": full["rss_full"],
                "hwm_full": full["hwm_full"],
            }
            if phases:
                result[side]["phases"] = run_child(side, "phases", data_path)[1]["phases"]
        return result
    finally:
        os.unlink(data_path)


def _bare_interpreter() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


# ---------------------------------------------------------------- profile

_GROUPS = (
    ("/corpus/text/", "engine (corpus.text)"),
    ("/jieba/", "jieba"),
    ("/opencc/", "OpenCC"),
    ("/pypinyin/", "pypinyin"),
)
_OTHER = "other Python (stdlib, dataclass __init__)"


def _group(func: tuple[str, int, str]) -> str:
    filename = func[0].replace(os.sep, "/")
    for marker, name in _GROUPS:
        if marker in filename:
            return name
    return _OTHER


def self_time_by_group(stats: pstats.Stats) -> dict[str, float]:
    """Self time per package; a built-in's time is charged to the package of its callers."""
    groups: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tottime, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if func[0] != "~":
            groups[_group(func)] += tottime
            continue
        caller_time = {caller: timing[2] for caller, timing in callers.items()}
        charged = sum(caller_time.values())
        if not charged:
            groups[_OTHER] += tottime
            continue
        for caller, share in caller_time.items():
            groups[_group(caller)] += tottime * share / charged
    return groups


def profile(run: Callable[[Sequence[str]], None], paragraphs: Sequence[str]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    run(paragraphs)
    profiler.disable()
    return pstats.Stats(profiler)


def print_profile(paragraphs: Sequence[str]) -> None:
    from corpus.text.annotate import annotate_passages
    from corpus.text.glossary import EMPTY_LEXICON

    raw = each(list(raw_calls().values()))
    engine = in_articles(lambda texts: annotate_passages(texts, EMPTY_LEXICON))
    raw(paragraphs[:3])
    engine(paragraphs[:3])
    raw_stats = profile(raw, paragraphs)
    engine_stats = profile(engine, paragraphs)
    raw_groups = self_time_by_group(raw_stats)
    engine_groups = self_time_by_group(engine_stats)

    print()
    print("Profile (cProfile, one pass; profiler overhead inflates Python-heavy code): self time by package, s")
    print(f"  {'where':<44}{'raw':>9}{'annotate':>10}{'extra':>9}")
    names = [name for _, name in _GROUPS] + [_OTHER]
    for name in names:
        r, a = raw_groups.get(name, 0.0), engine_groups.get(name, 0.0)
        print(f"  {name:<44}{r:>9.3f}{a:>10.3f}{a - r:>+9.3f}")
    r_total, a_total = sum(raw_groups.values()), sum(engine_groups.values())
    print(f"  {'total':<44}{r_total:>9.3f}{a_total:>10.3f}{a_total - r_total:>+9.3f}")

    print()
    print("Top 15 of our own functions by cumulative time (annotate pass):")
    print(f"  {'ncalls':>9}{'tottime':>9}{'cumtime':>9}{'us/call':>9}  function")
    ours = [
        (func, row)
        for func, row in engine_stats.stats.items()  # type: ignore[attr-defined]
        if _group(func) == "engine (corpus.text)"
    ]
    ours.sort(key=lambda item: item[1][3], reverse=True)
    for (filename, line, name), (_cc, nc, tottime, cumtime, _callers) in ours[:15]:
        where = f"{Path(filename).relative_to(ROOT)}:{line}({name})"
        print(f"  {nc:>9}{tottime:>9.3f}{cumtime:>9.3f}{cumtime / nc * 1e6:>9.1f}  {where}")

    print()
    print("Top 12 library/stdlib functions by self time reached from the annotate pass:")
    print(f"  {'ncalls':>9}{'tottime':>9}{'cumtime':>9}  function")
    rows = sorted(engine_stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    shown = 0
    for (filename, line, name), (_cc, nc, tottime, cumtime, _callers) in rows:
        if "/corpus/text/" in filename.replace(os.sep, "/"):
            continue
        short = filename if filename == "~" else "/".join(Path(filename).parts[-2:])
        print(f"  {nc:>9}{tottime:>9.3f}{cumtime:>9.3f}  {short}:{line}({name})")
        shown += 1
        if shown == 12:
            break


# ---------------------------------------------------------------- report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=100_000, help="size of the test text (default 100000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats, best is kept (default 5)")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes per cold-start figure (default 3)")
    parser.add_argument("--profile", action="store_true", help="also profile where annotate spends its time")
    parser.add_argument(
        "--text",
        type=Path,
        default=CPP_DEV,
        help="CPP-format TSV whose sentences are the test text (default ../shared/data/cpp/dev.tsv); "
        "'demo' cycles the demo articles instead",
    )
    args = parser.parse_args(argv)

    if str(args.text) == "demo" or not args.text.exists():
        source = demo_paragraphs()
        origin = f"{len(source)} body paragraphs of {len(list(DEMO.glob('*.txt')))} demo articles, cycled"
    else:
        source = cpp_paragraphs(args.text)
        origin = f"distinct sentences of {args.text.name}, five to a paragraph"
    paragraphs = test_text(source, args.chars)
    chars = sum(len(p) for p in paragraphs)
    versions = ", ".join(
        f"{label} {_dist_version(*names)}"
        for label, names in (
            ("jieba", ("jieba",)),
            ("pypinyin", ("pypinyin",)),
            ("OpenCC", ("opencc-python-reimplemented", "opencc", "OpenCC")),
        )
    )
    print(f"Test text: {chars:,} characters in {len(paragraphs):,} paragraphs ({origin})")
    print(f"Python {sys.version.split()[0]}, {versions}; {os.cpu_count()} CPUs")

    # Cold start first, while this process is small: on Linux a child's ru_maxrss
    # starts at its parent's RSS, so a parent holding every dictionary would mask it.
    cold = measure_cold_start(paragraphs, args.cold_runs, phases=args.profile)
    best = measure_throughput(paragraphs, args.repeats)

    raw = best["raw libraries (all four)"]
    engine = best["annotate_passages()"]
    print()
    print(f"  {f'throughput (best of {args.repeats})':<28}{'chars/s':>12}{'time, s':>10}")
    for name, seconds in best.items():
        print(f"  {name:<28}{chars / seconds:>12,.0f}{seconds:>10.3f}")
    ratio = raw / engine
    verdict = "meets target" if ratio >= TARGET_RATIO else "BELOW target"
    print(f"  {'ratio annotate/raw':<28}{ratio:>12.2f}  (target >= {TARGET_RATIO}: {verdict})")

    e, r = cold["engine"], cold["raw"]
    print()
    print(f"  {'cold start (fresh process)':<44}{'engine':>10}{'raw':>10}")
    print(f"  {f'wall, import + 1 sentence (median of {args.cold_runs}), s':<44}{e['wall']:>10.2f}{r['wall']:>10.2f}")
    walls_e = "/".join(f"{w:.2f}" for w in e["walls"])
    walls_r = "/".join(f"{w:.2f}" for w in r["walls"])
    print(f"  {'  each run, s':<44}{walls_e:>16}  {walls_r}")
    print(f"  {'peak RSS (ru_maxrss) after 1 sentence, MB':<44}{e['rss_short']:>10.0f}{r['rss_short']:>10.0f}")
    print(f"  {f'peak RSS (ru_maxrss) after {chars:,} chars, MB':<44}{e['rss_full']:>10.0f}{r['rss_full']:>10.0f}")
    hwm_e, hwm_r = (_mb(side["hwm_full"]) for side in (e, r))
    print(f"  {'  cross-check: VmHWM after whole text, MB':<44}{hwm_e:>10}{hwm_r:>10}")
    print(f"  {'bare interpreter start (median), s':<44}{cold['bare']:>10.2f}")
    print(f"  (parent ru_maxrss when the children were spawned: {cold['parent_rss']:.0f} MB, a floor for theirs)")

    if args.profile:
        print()
        print("Cold start by phase (one fresh process each side), s:")
        phase_names = list(dict.fromkeys([*e["phases"], *r["phases"]]))
        print(f"  {'phase':<32}{'engine':>9}{'raw':>9}")
        for name in phase_names:
            print(f"  {name:<32}{_cell(e['phases'].get(name))}{_cell(r['phases'].get(name))}")
        print_profile(paragraphs)


def _mb(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "-"


def _cell(seconds: float | None) -> str:
    return f"{seconds:>9.3f}" if seconds is not None else f"{'-':>9}"


def _dist_version(*names: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    for name in names:
        try:
            return version(name)
        except PackageNotFoundError:
            continue
    return "?"


if __name__ == "__main__":
    main()
