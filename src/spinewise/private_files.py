"""Files and folders only their owner can read, whatever the umask.

Everything Spinewise keeps is health data: the data folder is 0700, the database, its
backups and every export 0600. Writes go to a fresh temporary file in the same folder
(created 0600 with O_EXCL, so a planted symlink or a leftover file is never followed or
reused) and then replace the target in one step, so a half-written file never appears
under the real name.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private_dir(path: Path) -> Path:
    """Creates ``path`` (and parents) and makes it 0700 if this user owns it.

    A shared folder someone points us at (sticky, like /tmp, or not ours) is left alone.
    """
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    info = path.stat()
    ours = info.st_uid == os.getuid() and not info.st_mode & stat.S_ISVTX
    if ours and stat.S_IMODE(info.st_mode) != PRIVATE_DIR:
        path.chmod(PRIVATE_DIR)
    return path


def make_private_file(path: Path) -> None:
    """0600 for an existing file of ours (a database SQLite created with the umask's mode)."""
    with contextlib.suppress(FileNotFoundError):
        info = path.lstat()
        ours = stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
        if ours and stat.S_IMODE(info.st_mode) != PRIVATE_FILE:
            path.chmod(PRIVATE_FILE)


@contextlib.contextmanager
def private_temp_beside(target: Path) -> Iterator[Path]:
    """A new, empty 0600 file next to ``target``; on success it replaces ``target``."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        temp.chmod(PRIVATE_FILE)
        os.replace(temp, target)  # replaces a symlink itself, never what it points to
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_private(target: Path, data: bytes) -> Path:
    """Writes ``data`` to ``target`` as a 0600 file, atomically."""
    with private_temp_beside(target) as temp:
        temp.write_bytes(data)
    return target
