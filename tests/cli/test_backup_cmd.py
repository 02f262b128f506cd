"""``spinewise backup`` and ``restore``: a round trip brings back exactly what was saved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SPINEWISE = [sys.executable, "-c", "from spinewise.cli.main import app; app()"]


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env["SPINEWISE_DATA_DIR"] = str(data)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([*SPINEWISE, *args], env=env, capture_output=True, text=True, timeout=120)


def _count_users(data: Path) -> str:
    code = (
        "from spinewise.cli.django_setup import setup_django; setup_django();"
        "from django.contrib.auth.models import User; print(User.objects.count())"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SPINEWISE_DATA_DIR"] = str(data)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _add_user(data: Path, email: str) -> None:
    code = (
        "from spinewise.cli.django_setup import setup_django; setup_django(migrate=True);"
        "from django.contrib.auth.models import User;"
        f"User.objects.create_user('{email}', '{email}', 'pw')"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SPINEWISE_DATA_DIR"] = str(data)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the SQLite round trip")
def test_a_backup_restores_the_data_as_it_was(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _add_user(data, "a@example.com")
    backup_file = tmp_path / "backup.sqlite3"
    result = _run(data, "backup", "--out", str(backup_file))
    assert result.returncode == 0, result.stderr
    assert backup_file.stat().st_size > 0
    assert backup_file.stat().st_mode & 0o777 == 0o600  # health data: owner only

    _add_user(data, "b@example.com")
    assert _count_users(data) == "2"
    refused = _run(data, "restore", str(backup_file))
    assert refused.returncode == 2 and "--yes" in refused.stderr

    restored = _run(data, "restore", str(backup_file), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert _count_users(data) == "1"


def test_restoring_something_that_is_not_a_backup_fails_clearly(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    result = _run(tmp_path / "data", "restore", str(junk), "--yes")
    assert result.returncode == 2
    assert "not a" in result.stderr


def test_backup_without_a_database_says_what_to_do(tmp_path: Path) -> None:
    if "DATABASE_URL" in os.environ:
        pytest.skip("SQLite only")
    result = _run(tmp_path / "empty", "backup", "--out", str(tmp_path / "x.sqlite3"))
    assert result.returncode == 2 and "spinewise serve" in result.stderr
