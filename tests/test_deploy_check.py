"""Production settings pass Django's deployment checks, and refuse to start without a secret key.

Each check runs manage.py in a subprocess, so settings are read afresh from the environment given.
"""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow  # each check starts Django afresh in a subprocess

PRODUCTION = {"DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "azura.example"}


def environment(**overrides: str) -> dict[str, str]:
    """The test run's environment without any DJANGO_* setting of the developer's, plus the overrides."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") or name == "DJANGO_SETTINGS_MODULE"
    }
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def strong_secret_key() -> str:
    key = secrets.token_urlsafe(45)
    assert len(key) == 60
    return key


def test_deploy_check_passes_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=environment(**PRODUCTION, DJANGO_SECRET_KEY=strong_secret_key()),
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output.upper()
    assert "?: (" not in output  # no check message of any level


def test_deploy_check_fails_on_a_weak_secret_key():
    """The check above can fail: a short key is reported (security.W009) and fails the WARNING level."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=environment(**PRODUCTION, DJANGO_SECRET_KEY="too-short")
    )

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_check_fails_without_a_secret_key_when_debug_is_off():
    result = manage("check", env=environment(**PRODUCTION))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_check_fails_on_the_development_secret_key_when_debug_is_off():
    result = manage("check", env=environment(**PRODUCTION, DJANGO_SECRET_KEY=settings.DEV_SECRET_KEY))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_passes_without_a_secret_key_in_development():
    result = manage("check", env=environment(DJANGO_DEBUG="1"))

    assert result.returncode == 0, result.stdout + result.stderr


def test_checks_and_migration_check_need_no_database_tables(tmp_path):
    """A fresh clone lints before it migrates: nothing may query the database at import time."""
    env = environment(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    result = manage("makemigrations", "--check", "--dry-run", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout
