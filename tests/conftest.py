import pytest

from corpus import services
from corpus.models import Article
from corpus.text.document import parse_document

SAMPLE = """县里部署平安建设工作
日期：2025-03-14　来源：县融媒体中心

一、总体要求

会议强调，要坚持系统观念，统筹发展和安全，推动基层治理能力不断提升。

银行网点要主动调整服务时间，方便群众办理业务。
"""


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    """Background tasks run inline in tests; tests of the worker itself use ``database_tasks``."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def database_tasks(settings):
    """The production queue: tasks are stored and wait for a real ``db_worker`` run."""
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def make_article(db):
    def make(text: str = SAMPLE, **kwargs) -> Article:
        return services.article_import(document=parse_document(text), **kwargs)

    return make
