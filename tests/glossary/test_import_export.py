from io import StringIO
from pathlib import Path

import pytest
import tablib
from django.core.management import CommandError, call_command

from glossary.models import LexiconChange, Term
from glossary.resources import COLUMNS, TermResource

STARTER = Path(__file__).resolve().parents[2] / "glossary" / "data" / "glossary.csv"


def test_the_starter_glossary_loads_whole(db):
    out = StringIO()
    call_command("load_glossary", stdout=out)
    assert Term.objects.count() >= 80
    assert "new" in out.getvalue()
    for slug in ("liang-ge-que-li", "zong-zhi-zhong-xin", "ping-an-jian-she", "feng-qiao-jing-yan"):
        term = Term.objects.get(slug=slug)
        assert term.explanation and term.english
        assert len(term.pinyin.split()) == len(term.simplified)
    assert LexiconChange.objects.count() == 1  # one version for the whole load
    call_command("load_glossary", stdout=out)
    assert LexiconChange.objects.count() == 1  # nothing changed, no new version


def test_export_then_import_round_trips(db):
    call_command("load_glossary", stdout=StringIO())
    exported = TermResource().export().csv
    before = {t.slug: (t.simplified, t.traditional, t.pinyin, t.english, t.explanation, t.category, t.origin,
                       t.variants, sorted(t.related.values_list("slug", flat=True))) for t in Term.objects.all()}
    Term.objects.all().delete()
    result = TermResource().import_data(tablib.Dataset().load(exported, format="csv"), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    after = {t.slug: (t.simplified, t.traditional, t.pinyin, t.english, t.explanation, t.category, t.origin,
                      t.variants, sorted(t.related.values_list("slug", flat=True))) for t in Term.objects.all()}
    assert after == before
    assert exported.splitlines()[0] == ",".join(COLUMNS)


def write_csv(tmp_path, *rows):
    path = tmp_path / "terms.csv"
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_bad_row_loads_nothing_and_names_the_row(db, tmp_path):
    path = write_csv(
        tmp_path,
        "ping-an-jian-she,平安建设,平安建設,píng ān jiàn shè,Peaceful China initiative,Explained.,governance,,,",
        "liang-ge-que-li,两个确立,兩個確立,liǎng gè què,Two Establishments,Explained.,political-theory,,,",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_glossary", str(path), stdout=StringIO())
    assert "row 2" in str(error.value) and "one syllable per character" in str(error.value)
    assert not Term.objects.exists()


def test_an_unknown_related_term_is_a_row_error(db, tmp_path):
    path = write_csv(
        tmp_path, "ping-an-jian-she,平安建设,平安建設,píng ān jiàn shè,Peaceful China initiative,,governance,,,no-such"
    )
    with pytest.raises(CommandError, match="Unknown related term"):
        call_command("load_glossary", str(path), stdout=StringIO())


def test_dry_run_stores_nothing(db):
    out = StringIO()
    call_command("load_glossary", "--dry-run", stdout=out)
    assert "Would load" in out.getvalue()
    assert not Term.objects.exists()


def test_a_file_without_the_needed_columns_is_refused(db, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("word,meaning\n两个确立,x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no slug, simplified, english column"):
        call_command("load_glossary", str(path), stdout=StringIO())
