"""Health data on disk is readable by its owner only, whatever the umask (issue 12.3).

The data folder is 0700; the database, its backups and every export 0600. A leftover
``<out>.partial`` or a symlink planted there changes nothing.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from spinewise.private_files import make_private_dir, write_private

SPINEWISE = [sys.executable, "-c", "from spinewise.cli.main import app; app()"]
pytestmark = pytest.mark.skipif("DATABASE_URL" in os.environ, reason="SQLite files")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(data: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["SPINEWISE_DATA_DIR"] = str(data)
    env["SPINEWISE_USER"] = ""
    # A permissive umask, as on many servers: nothing may come out group/world readable.
    command = ["sh", "-c", 'umask 022; exec "$@"', "sh", *SPINEWISE, *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_the_data_folder_database_backup_and_exports_are_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "checkin", "--pain", "4").returncode == 0
    backup = tmp_path / "backup.sqlite3"
    assert run(data, "backup", "--out", str(backup)).returncode == 0
    exported = run(data, "export", "--format", "csv", "--out", "mine.csv", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr

    assert mode(data) == 0o700
    database = data / "spinewise.sqlite3"
    assert mode(database) == 0o600
    for extra in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        if extra.exists():
            assert mode(extra) == 0o600
    assert mode(backup) == 0o600
    assert mode(tmp_path / "mine.csv") == 0o600


def test_an_existing_data_folder_is_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    (data / "spinewise.sqlite3").touch()
    (data / "spinewise.sqlite3").chmod(0o644)

    assert run(data, "checkin", "--pain", "4").returncode == 0
    assert mode(data) == 0o700
    assert mode(data / "spinewise.sqlite3") == 0o600


def test_a_leftover_partial_file_or_symlink_does_not_break_or_redirect_a_backup(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    run(data, "checkin", "--pain", "4")
    out = tmp_path / "backup.sqlite3"
    victim = tmp_path / "not-yours.txt"
    victim.write_text("keep me")
    Path(f"{out}.partial").symlink_to(victim)  # planted where the old code wrote

    first = run(data, "backup", "--out", str(out))
    second = run(data, "backup", "--out", str(out))

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert victim.read_text() == "keep me"
    assert mode(out) == 0o600
    assert out.read_bytes().startswith(b"SQLite format 3")


def test_write_private_replaces_a_symlink_instead_of_following_it(
    tmp_path: Path, loose_umask: None
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    target = tmp_path / "export.json"
    target.symlink_to(victim)

    write_private(target, b"{}")

    assert victim.read_text() == "keep me"
    assert not target.is_symlink() and target.read_bytes() == b"{}"
    assert mode(target) == 0o600


def test_a_shared_sticky_folder_is_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    make_private_dir(shared)
    assert mode(shared) == 0o1777
