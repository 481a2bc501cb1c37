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


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness (~0.5 s a user here) is for attackers, not for tests
    # that create a school of users each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def roles(db):
    """The learner and teacher groups, as their data migration makes them.

    Transactional tests (browser, live server) empty every table when they end,
    groups included, so a test that needs the roles asks for them here.
    """
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    migration = import_module("reader.migrations.0003_learner_teacher_groups")
    Group.objects.get_or_create(name=migration.LEARNER)
    teacher, _ = Group.objects.get_or_create(name=migration.TEACHER)
    teacher.permissions.add(
        *Permission.objects.filter(content_type__app_label="corpus", codename__in=migration.TEACHER_PERMISSIONS)
    )
    return {"learner": migration.LEARNER, "teacher": teacher}
