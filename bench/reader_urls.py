"""The project's URLs plus ``/bench-plain/``: the reading page's bytes as a plain response."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns

PLAIN = Path(os.environ["BENCH_PLAIN_FILE"]).read_bytes()


def plain(request):
    return HttpResponse(PLAIN, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench-plain/", plain), *project_urlpatterns]
