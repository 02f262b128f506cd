"""The data folder and the SQLite durability settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from spinewise.datadir import data_dir


def test_data_dir_honours_the_environment_and_creates_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "nested" / "spinewise"
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(target))

    assert data_dir() == target.resolve()
    assert target.is_dir()


def test_data_dir_defaults_to_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPINEWISE_DATA_DIR", raising=False)
    monkeypatch.setattr("spinewise.datadir.user_data_dir", lambda name: str(tmp_path / name))

    assert data_dir() == (tmp_path / "spinewise").resolve()


def _settings_in_subprocess(code: str, **env: str) -> str:
    base = {
        "DJANGO_SETTINGS_MODULE": "spinewise.web.settings",
        "SPINEWISE_DATA_DIR": str(settings.DATA_DIR),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; {code}"],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_sqlite_lives_in_the_data_folder_with_durable_options() -> None:
    # The test run swaps in a throwaway database, so read the settings afresh.
    out = _settings_in_subprocess("import json; print(json.dumps(settings.DATABASES['default']))")
    database = json.loads(out)
    options = database["OPTIONS"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == settings.DATA_DIR / "spinewise.sqlite3"
    assert "journal_mode=WAL" in options["init_command"]
    assert "synchronous=FULL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20


def test_database_url_switches_to_postgresql() -> None:
    out = _settings_in_subprocess(
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
        DATABASE_URL="postgres://sw:secret@db.internal:5432/spinewise",
    )

    assert out == "django.db.backends.postgresql spinewise"


@pytest.mark.django_db
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite settings only",
)
def test_sqlite_connection_runs_with_full_synchronous_writes() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (level,) = cursor.fetchone()

    assert level == 2  # FULL


def test_argon2_is_the_password_hasher() -> None:
    # (The test run itself uses a fast hasher: SPINEWISE_ENV=test.)
    out = _settings_in_subprocess("print(settings.PASSWORD_HASHERS[0])")
    assert out.endswith("Argon2PasswordHasher")
    production = _settings_in_subprocess(
        "print(settings.PASSWORD_HASHERS[0])",
        SPINEWISE_ENV="production",
        SPINEWISE_SECRET_KEY="k" * 25 + "x" * 25 + "0123456789",
    )
    assert production.endswith("Argon2PasswordHasher")


def test_email_goes_to_the_console_by_default() -> None:
    out = _settings_in_subprocess("print(settings.EMAIL_BACKEND)")

    assert out == "django.core.mail.backends.console.EmailBackend"
