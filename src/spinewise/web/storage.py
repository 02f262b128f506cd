"""Backups and restores of the one store the web app and the CLI share.

SQLite uses the online backup API, so a backup taken while the server is writing is
still a consistent snapshot. PostgreSQL uses pg_dump and pg_restore.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

from spinewise.private_files import make_private_dir, make_private_file, private_temp_beside


class StorageError(RuntimeError):
    """A backup or restore that could not be done, with the reason."""


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def is_sqlite() -> bool:
    return str(_database()["ENGINE"]).endswith("sqlite3")


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select name from sqlite_master where type='table'").fetchall()
    return [name for (name,) in rows]


def backup(destination: Path) -> Path:
    """Writes a consistent copy of the database to ``destination``, readable by its owner only.

    The copy is made in a fresh temporary file beside it and then moved into place, so a
    leftover file or a planted symlink does not matter.
    """
    destination = destination.expanduser().absolute()
    if not destination.parent.exists():
        make_private_dir(destination.parent)
    if is_sqlite():
        source = Path(_database()["NAME"])
        if not source.exists():
            raise StorageError(f"no database at {source}: run 'spinewise serve' once first")
        # Exits run last to first: both connections close before the file is moved.
        with (
            private_temp_beside(destination) as tmp,
            closing(sqlite3.connect(source)) as src,
            closing(sqlite3.connect(tmp)) as dst,
        ):
            src.backup(dst)
        return destination
    with private_temp_beside(destination) as tmp:
        _pg_dump(tmp)
    return destination


def secure_database_files() -> None:
    """The SQLite database is 0600 (SQLite gives its -wal and -shm files the same mode)."""
    if is_sqlite():
        name = Path(_database()["NAME"])
        for path in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
            make_private_file(path)


def restore(source: Path) -> None:
    """Replaces the database with a backup. Stop the server first."""
    source = source.expanduser().resolve()
    if not source.is_file():
        raise StorageError(f"no backup file at {source}")
    if is_sqlite():
        try:
            tables = _tables(source)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{source} is not a SQLite backup: {exc}") from exc
        if "django_migrations" not in tables:
            raise StorageError(f"{source} is not a Spinewise backup (no migration table)")
        connections.close_all()
        target = Path(_database()["NAME"])
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return
    _pg_restore(source)


def _pg_args() -> tuple[list[str], dict[str, str]]:
    db = _database()
    args = ["--host", str(db.get("HOST") or "localhost"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {"PGPASSWORD": str(db["PASSWORD"])} if db.get("PASSWORD") else {}
    return [*args, "--dbname", str(db["NAME"])], env


def _run(command: list[str], env: dict[str, str]) -> None:
    import os

    if shutil.which(command[0]) is None:
        raise StorageError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)
    if result.returncode != 0:
        raise StorageError(f"{command[0]} failed: {result.stderr.strip()}")


def _pg_dump(destination: Path) -> Path:
    args, env = _pg_args()
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(destination), *args], env)
    return destination


def _pg_restore(source: Path) -> None:
    args, env = _pg_args()
    connections.close_all()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", *args, str(source)], env)
