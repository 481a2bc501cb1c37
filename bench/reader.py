"""Reading page: server render time, page size, HTTP throughput and worker memory, in one run.

    .venv/bin/python bench/reader.py [--chars 3000] [--renders 200] [--seconds 5] [--clients 8]

Builds a fresh SQLite database in a temporary directory, imports an article of
about ``--chars`` characters made of the demo articles' paragraphs (our own text),
annotated once, and then measures

* the median server time of ``GET /articles/<id>/`` through Django's test client
  (every middleware, the database queries, rendering), in the default pinyin mode
  and with ``?pinyin=ruby``: uncached (the page cache emptied before every request)
  and cached (``reader/page.py``; the local-memory cache, or Redis when ``REDIS_URL`` is set);
* the HTML size, without and with gzip (GZipMiddleware is on);
* requests per second over HTTP against gunicorn (2 sync workers, loopback,
  DEBUG off), beside ``/bench-plain/``, a view returning the same bytes through the
  same middleware, alternating the two in the same run, ``--clients`` concurrent
  connections, each request a new connection asking for gzip, as a browser does;
* the resident memory (VmRSS) of each gunicorn worker after serving.

Targets (DESIGN.md): median under 15 ms, HTML under 150 KB before compression,
at least 0.5 of the plain view's requests per second, worker RSS under 120 MB.
Prints figures only; nothing here asserts on time.
"""

import argparse
import gzip
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 8
sys.path.insert(0, str(ROOT))


def article_text(chars: int) -> str:
    """A title and the demo articles' body paragraphs, cut at a sentence end near ``chars`` characters."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "corpus" / "demo").glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        paragraphs += [line for line in lines[1:] if len(line) > 40]  # body paragraphs, not titles or metadata
    body: list[str] = []
    total = 0
    for paragraph in paragraphs:
        if total + len(paragraph) > chars:
            cut = paragraph[: chars - total]
            end = max(cut.rfind("。"), cut.rfind("！"), cut.rfind("？"))
            if end > 0:
                body.append(cut[: end + 1])
            break
        body.append(paragraph)
        total += len(paragraph)
    return "阅读页面基准测试\n\n" + "\n\n".join(body) + "\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port: int, path: str, seconds: float, clients: int) -> tuple[float, int]:
    """Requests per second with ``clients`` concurrent connections; and the error count."""
    done = [0] * clients
    errors = [0] * clients
    stop = time.perf_counter() + seconds

    def client(i: int) -> None:
        while time.perf_counter() < stop:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    done[i] += 1
                else:
                    errors[i] += 1
            except OSError:
                errors[i] += 1
            finally:
                connection.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - start), sum(errors)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=8.0, help="per side, split into alternating rounds")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--database-url",
        help="an existing database to use instead of a fresh SQLite file, e.g. postgres://postgres@127.0.0.1:5432/bench"
        " (production runs PostgreSQL with persistent connections; SQLite opens one per request)",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="yuedu-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_PLAIN_FILE": str(workdir / "page.html"),
        "DJANGO_SETTINGS_MODULE": "bench.reader_settings",
        "LOG_LEVEL": "ERROR",
    }
    (workdir / "page.html").write_bytes(b"")
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from corpus import services
    from corpus.text.document import parse_document

    call_command("migrate", verbosity=0)
    call_command("load_glossary", verbosity=0)
    article = services.article_import(document=parse_document(article_text(args.chars)))
    url = article.get_absolute_url()
    client = Client()

    def median_ms(path: str, cold: bool) -> float:
        for _ in range(5):
            client.get(path)
        times = []
        for _ in range(args.renders):
            if cold:
                cache.clear()
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    print(f"article: {article.char_count} characters, {article.passages.count()} passages, one page")
    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[1]}, "
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}"
    )
    print(f"{'':34} {'uncached':>9} {'cached':>9} {'HTML':>10} {'gzip':>9}")
    for label, path in [
        ("default (pinyin in the popup)", url),
        ("?pinyin=ruby (readings in HTML)", url + "?pinyin=ruby"),
    ]:
        html = client.get(path).content
        zipped = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert zipped.get("Content-Encoding") == "gzip"
        cold, warm = median_ms(path, cold=True), median_ms(path, cold=False)
        print(f"{label:34} {cold:7.2f}ms {warm:7.2f}ms {len(html) / 1000:8.1f}KB {len(zipped.content) / 1000:7.1f}KB")
        if path == url:
            (workdir / "page.html").write_bytes(html)
            assert len(gzip.decompress(zipped.content)) == len(html)
    print("targets: median < 15 ms, HTML < 150 KB")

    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "error"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        hammer(port, url, 1, 2)  # warm both workers
        hammer(port, "/bench-plain/", 1, 2)
        rates = {"page": [], "plain": []}
        errors = 0
        # Many short alternating rounds, so that load from other processes on the
        # machine falls on both sides alike.
        for _ in range(ROUNDS):
            for name, path in [("page", url), ("plain", "/bench-plain/")]:
                rate, failed = hammer(port, path, args.seconds / ROUNDS, args.clients)
                rates[name].append(rate)
                errors += failed
        page, plain = statistics.median(rates["page"]), statistics.median(rates["plain"])
        print(
            f"gunicorn, 2 workers, {args.clients} clients, median of {ROUNDS} rounds: reading page {page:.0f} req/s, "
            f"plain view with the same bytes {plain:.0f} req/s, ratio {page / plain:.2f} (target >= 0.5); "
            f"{errors} errors"
        )
        workers = children(server.pid)
        print(
            "worker RSS after serving: " + ", ".join(f"{rss_mb(pid):.0f} MB" for pid in workers) + " (target < 120 MB)"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
