"""The site under gunicorn with several worker processes, and one learner marking from 16 clients at once.

Runs against whichever database the suite uses (SQLite file or PostgreSQL): the
test database is committed (a transactional test) so the workers, separate
processes, see the learner, her session and the article, and the test then reads
what they stored.
"""

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from reader.models import PassageRead

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 4
CLIENTS = 16
MARKS = 400


def _database_url() -> str:
    """The test database, as a DATABASE_URL the gunicorn workers can open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        assert "memory" not in name and Path(name).exists(), "the SQLite test database must be a file"
        return f"sqlite:///{name}"
    assert connection.vendor == "postgresql"
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn():
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": _database_url(), "DEBUG": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=10)  # noqa: S310
                break
            except OSError:  # refused while booting, or a slow first answer
                assert process.poll() is None, process.stdout.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _request(url, *, cookies, body=None, csrf=None):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    if body is not None:
        headers |= {"Content-Type": "application/json", "X-CSRFToken": csrf, "Referer": url}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_400_marks_from_16_concurrent_clients_are_all_stored(gunicorn, client, make_article, django_user_model):
    text = "并发标记测试\n\n" + "\n\n".join(f"这是第{i}段，我们一起读一句新的课文。" for i in range(MARKS))
    article = make_article(text)
    passage_ids = list(article.passages.values_list("pk", flat=True))
    assert len(passage_ids) == MARKS
    learner = django_user_model.objects.create_user("busy_learner")
    client.force_login(learner)
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

    # Like the reading page: a page sets the CSRF cookie, the script sends it back as a header.
    status, headers, _ = _request(gunicorn + "/", cookies=cookies)
    assert status == 200
    cookie = SimpleCookie()
    for value in headers.get_all("Set-Cookie"):
        cookie.load(value)
    cookies[settings.CSRF_COOKIE_NAME] = cookie[settings.CSRF_COOKIE_NAME].value

    def mark(passage_id):
        body = json.dumps({"passage": passage_id, "read": True}).encode()
        status, _, content = _request(
            gunicorn + "/api/progress/", cookies=cookies, body=body, csrf=cookies[settings.CSRF_COOKIE_NAME]
        )
        return status, json.loads(content) if status == 200 else content[:200]

    order = random.Random(6).sample(passage_ids, len(passage_ids))
    with ThreadPoolExecutor(CLIENTS) as pool:
        first = list(pool.map(mark, order))
        # The same marks again, at once: idempotent, still one row each.
        again = list(pool.map(mark, order[::-1]))

    errors = [(status, body) for status, body in first + again if status != 200]
    assert errors == []
    assert all(body["read"] is True and body["article_total"] == MARKS for _, body in first + again)
    assert max(body["article_read"] for _, body in first) == MARKS
    assert {body["article_read"] for _, body in again} == {MARKS}
    assert PassageRead.objects.filter(learner=learner).count() == MARKS
    assert set(PassageRead.objects.filter(learner=learner).values_list("passage_id", flat=True)) == set(passage_ids)
    status, _, content = _request(gunicorn + f"/api/articles/{article.pk}/progress/", cookies=cookies)
    assert status == 200 and sorted(json.loads(content)["read"]) == sorted(passage_ids)
