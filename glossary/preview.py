"""How a rule's example sentence segments with and without the rule (for the admin)."""

from dataclasses import replace

from corpus.text.annotate import annotate_passage
from glossary.lexicon import lexicon_current
from glossary.models import SegmentationRule


def segmentation_with_and_without(rule: SegmentationRule) -> tuple[list[str], list[str]]:
    lexicon = lexicon_current()
    without = replace(
        lexicon,
        words=tuple(w for w in lexicon.words if w != rule.word),
        splits=tuple(s for s in lexicon.splits if s[0] != rule.word),
    )
    if rule.kind == SegmentationRule.Kind.KEEP:
        with_rule = replace(without, words=(*without.words, rule.word))
    else:
        with_rule = replace(without, splits=(*without.splits, (rule.word, tuple(rule.part_list))))
    return (
        [token.text for token in annotate_passage(rule.example, without)],
        [token.text for token in annotate_passage(rule.example, with_rule)],
    )
