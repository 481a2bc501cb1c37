"""Background annotation through the real queue and worker (django-tasks-db's db_worker)."""

import pytest
from django.core.management import call_command

from corpus import services
from corpus.models import Passage
from corpus.text.document import Block
from corpus.text.importing import prepare
from glossary.models import Term
from glossary.services import term_save

# The worker manages its own connection (it closes connections that are not in
# autocommit mode, as a long-running process must): so no test-wide transaction here.
pytestmark = pytest.mark.django_db(transaction=True)

SENTENCES = ["河边的柳树发芽了。", "孩子们在岸上放风筝，笑声传得很远。", "老人坐在长椅上晒太阳。"]


def long_text(paragraphs: int) -> bytes:
    body = "\n".join(SENTENCES[i % 3] * (1 + i % 4) for i in range(paragraphs))
    return ("春天的河边\n\n" + body).encode()


def run_worker():
    call_command("annotation_worker", batch=True, startup_delay=False, verbosity=0)


def test_published_import_waits_for_the_worker_and_reads_as_plain_text_meanwhile(
    database_tasks, client, django_user_model
):
    teacher = django_user_model.objects.create_user("teacher", is_staff=True)
    draft = services.draft_create(data=long_text(80), owner=teacher, source_name="spring.txt")
    article = services.draft_publish(draft=draft, title="春天的河边", flipped=[])
    assert Passage.objects.pending().filter(article=article).count() == 80
    assert client.get(f"/texts/{article.pk}/progress/").json() == {"annotated": 0, "total": 80, "done": False}
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Adding pinyin and definitions" in page
    assert "河边的柳树发芽了。" in page and '<span class="w"' not in page

    run_worker()

    assert client.get(f"/texts/{article.pk}/progress/").json() == {"annotated": 80, "total": 80, "done": True}
    first = article.passages.order_by("position").first()
    assert "".join(token["text"] for token in first.tokens) == first.text
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="w"' in page and "Adding pinyin" not in page


def test_an_edit_queues_annotation_of_its_new_passages_only(database_tasks, make_article):
    article = make_article()
    kept = list(article.passages.order_by("position"))
    blocks = [Block(p.kind, p.text) for p in kept] + [Block("paragraph", "最后一段是新写的。")]
    services.article_revise(article=article, title=article.title, blocks=blocks)
    assert list(Passage.objects.pending().values_list("text", flat=True)) == ["最后一段是新写的。"]
    run_worker()
    assert not Passage.objects.pending().exists()
    assert all(p.annotated_at == q.annotated_at for p, q in zip(article.passages.all(), kept, strict=False))


def test_a_glossary_change_is_reannotated_by_the_worker(
    database_tasks, make_article, django_capture_on_commit_callbacks
):
    article = make_article("会议\n\n全县推进平安建设，群众安全感不断提升。")
    with django_capture_on_commit_callbacks(execute=True):
        term_save(term=Term(slug="ping-an-jian-she", simplified="平安建设", english="Peaceful China initiative"))
    passage = article.passages.get()
    # Nothing has happened yet: the change waits in the queue.
    assert not any(token["term"] for token in passage.tokens)
    run_worker()
    passage.refresh_from_db()
    assert [token["text"] for token in passage.tokens if token["term"] == "ping-an-jian-she"] == ["平安建设"]


def test_a_million_characters_are_accepted_and_stored_at_once(database_tasks, django_user_model):
    teacher = django_user_model.objects.create_user("teacher", is_staff=True)
    paragraph = "".join(SENTENCES) * 6  # ~ 200 characters
    data = ("百万字长文\n\n" + "\n".join([paragraph] * (1_000_000 // len(paragraph) + 1))).encode()
    draft = prepare(data)
    assert sum(len(line.text) for line in draft.lines) >= 1_000_000
    record = services.draft_create(data=data, owner=teacher)
    article = services.draft_publish(draft=record, title="百万字长文", flipped=[])
    assert article.char_count >= 1_000_000
    assert article.annotation_progress() == (0, article.passages.count())


def test_a_passage_waiting_for_annotation_is_shown_escaped(database_tasks, client, django_user_model):
    from corpus.text.document import parse_document

    article = services.article_import(
        document=parse_document("标题\n\n<script>alert('x')</script>河水很清。"), background=True
    )
    assert Passage.objects.pending().filter(article=article).count() == 1
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;河水很清。" in page
    assert "<script>alert" not in page
