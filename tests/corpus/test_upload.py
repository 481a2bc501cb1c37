"""Teachers import texts: upload, preview, publish; limits, errors and double submits."""

import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from corpus import services
from corpus.models import Article, ImportDraft, Passage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
NEWS = (FIXTURES / "scraped-news.html").read_text(encoding="utf-8")


@pytest.fixture
def teacher(django_user_model, db):
    user = django_user_model.objects.create_user("teacher")
    user.user_permissions.add(Permission.objects.get(codename="add_article", content_type__app_label="corpus"))
    return user


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def upload(client, name: str, data: bytes, **extra):
    return client.post("/texts/", {"file": SimpleUploadedFile(name, data), "encoding": "", **extra})


def test_upload_shows_a_preview_and_stores_no_article(teacher_client):
    response = upload(teacher_client, "qingshi.html", NEWS.encode("gb18030"))
    draft = ImportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert Article.objects.count() == 0
    page = teacher_client.get(draft.get_absolute_url()).content.decode()
    assert "青石镇老街完成改造 居民回迁过上新生活" in page
    assert "GB18030" in page and "declared by the page" in page
    assert "周晓林" in page and "2023-05-20" in page
    assert "licence footer (ICP)" in page and "place-name list (search-engine spam)" in page
    assert "Heading:</strong> 一、居民：房子还是原来的房子" in page
    assert "5 readings like 动(dòng) removed" in page


def test_publish_with_a_restored_line_a_dropped_line_and_a_new_title(teacher_client, teacher):
    upload(teacher_client, "qingshi.html", NEWS.encode())
    draft = ImportDraft.objects.get()
    lines = draft.content["lines"]
    share = next(i for i, line in enumerate(lines) if line[0].startswith("分享到"))
    keep = [i for i, line in enumerate(lines) if line[2] is None][1:] + [share]  # drop the first kept line
    response = teacher_client.post(draft.get_absolute_url(), {"title": "老街的新生活", "keep": keep})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    texts = list(article.passages.values_list("text", flat=True))
    assert article.title == "老街的新生活" and article.owner == teacher
    assert article.meta == {"date": "2023-05-20", "source": "清河日报", "editor": "周晓林"}
    assert texts[-1] == "分享到：微信 微博 QQ空间"
    assert not texts[0].startswith("五月的青石镇")
    assert not Passage.objects.pending().exists()  # annotated (tasks run inline in tests)
    page = teacher_client.get(article.get_absolute_url()).content.decode()
    assert '<span class="w"' in page


def test_publishing_twice_creates_one_article(teacher_client):
    upload(teacher_client, "note.txt", "小河\n\n河水很清，孩子们在河边玩。\n".encode())
    draft = ImportDraft.objects.get()
    first = teacher_client.post(draft.get_absolute_url(), {"title": "小河", "keep": ["0"]})
    second = teacher_client.post(draft.get_absolute_url(), {"title": "小河", "keep": ["0"]})
    assert Article.objects.count() == 1
    assert first["Location"] == second["Location"] == Article.objects.get().get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_creates_one_article(teacher):
    # Four threads, four connections, one draft: on PostgreSQL the draft row lock
    # decides; on SQLite (a file test database, WAL) IMMEDIATE transactions queue.
    draft = services.draft_create(data="小河\n\n河水很清，孩子们在河边玩。\n".encode(), owner=teacher)
    articles, errors = [], []

    def publish():
        try:
            articles.append(services.draft_publish(draft=draft, title="小河", flipped=[]).pk)
        except Exception as error:  # noqa: BLE001 -- reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Article.objects.count() == 1 and set(articles) == {Article.objects.get().pk}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   \n", "The file is empty"),
        ("scan.txt", b"%PDF-1.4 binary", "PDF document"),
        ("bomb.docx", b"not a zip", "not a .docx file"),
        ("notes.pages", "文字".encode(), "is not a file we can read"),
    ],
)
def test_bad_uploads_show_a_clear_message_and_store_nothing(teacher_client, name, data, message):
    response = upload(teacher_client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportDraft.objects.count() == 0 and Article.objects.count() == 0


def test_unpublished_drafts_are_listed_for_their_teacher_only(teacher_client, teacher, django_user_model):
    services.draft_create(data="小河的故事\n\n河水很清。\n".encode(), owner=teacher)
    services.draft_create(data="别人的草稿\n\n河水很清。\n".encode(), owner=django_user_model.objects.create_user("x"))
    page = teacher_client.get("/texts/").content.decode()
    assert "Waiting to be published" in page and "小河的故事" in page and "别人的草稿" not in page


def test_paste_or_file_but_one_of_them(teacher_client):
    response = teacher_client.post("/texts/", {"text": "", "encoding": ""})
    assert "Paste a text or choose a file" in response.content.decode()


def test_pasted_text_is_read_like_a_file(teacher_client):
    teacher_client.post("/texts/", {"text": "公园\r\n\r\n公园里的花开了。", "encoding": ""})
    assert [line[0] for line in ImportDraft.objects.get().content["lines"]] == ["公园里的花开了。"]


def test_choosing_another_encoding_reads_the_file_again(teacher_client):
    text = "縣裡的圖書館\n\n圖書館每天早上九點開門，週末也不休息。\n"
    upload(teacher_client, "library.txt", text.encode("big5"))
    draft = ImportDraft.objects.get()
    teacher_client.post(f"/texts/drafts/{draft.pk}/encoding/", {"encoding": "gb18030"})
    draft.refresh_from_db()
    assert draft.content["encoding"] == "gb18030" and draft.content["encoding_decided_by"] == "choice"
    response = teacher_client.post(f"/texts/drafts/{draft.pk}/encoding/", {"encoding": "big5"}, follow=True)
    draft.refresh_from_db()
    assert draft.content["title"] == "縣裡的圖書館"
    assert "Read again as Big5" in response.content.decode()


def test_publishing_with_every_line_dropped_is_refused(teacher_client):
    upload(teacher_client, "note.txt", "小河\n\n河水很清。\n".encode())
    draft = ImportDraft.objects.get()
    response = teacher_client.post(draft.get_absolute_url(), {"title": "小河"})
    assert response.status_code == 400
    assert "restore a line" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_teacher_cannot_see_another_teachers_draft(teacher_client, teacher, django_user_model):
    other = django_user_model.objects.create_user("other", is_staff=True)
    draft = services.draft_create(data="小河\n\n河水很清。\n".encode(), owner=other)
    assert teacher_client.get(draft.get_absolute_url()).status_code == 404


def test_learners_cannot_import(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("learner"))
    assert client.get("/texts/").status_code == 403
    assert client.post("/texts/", {"text": "河水很清。"}).status_code == 403


def test_the_progress_json_counts_annotated_passages(client, make_article):
    article = make_article()
    data = client.get(f"/texts/{article.pk}/progress/").json()
    assert data == {"annotated": 3, "total": 3, "done": True}
