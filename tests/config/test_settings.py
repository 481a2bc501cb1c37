import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7-production-like-secret-key-with-enough-length-and-variety-9f3k2",
    "ALLOWED_HOSTS": "yuedu.example.org",
}


def manage(*args, env):
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, env={**clean, **env}
    )


@pytest.mark.parametrize("value", ["yes", "no", "2", "enabled"])
def test_env_bool_refuses_ambiguous_values(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), ("off", False), ("0", False)])
def test_env_bool_reads_clear_values(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG") is expected


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "twenty")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)


def test_check_deploy_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_without_a_secret_key_fails_loudly():
    result = manage("check", env={**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_debug_value_fails_loudly():
    result = manage("check", env={"DEBUG": "yes"})
    assert result.returncode != 0
    assert "DEBUG='yes' is not a boolean" in result.stderr


def test_sqlite_file_database_runs_in_wal_mode(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    code = (
        "from django.db import connection; "
        "print(connection.cursor().execute('PRAGMA journal_mode').fetchone()[0])"
    )
    result = manage("shell", "--no-imports", "-c", code, env={"DATABASE_URL": url})
    assert result.stdout.strip() == "wal", result.stderr


def test_database_is_the_configured_one(db):
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert connection.vendor == "sqlite"
    else:
        assert connection.vendor == "postgresql"
        assert os.environ["DATABASE_URL"].startswith("postgres")
