"""``spinewise backup`` and ``spinewise restore``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from spinewise.cli.errors import fail


def backup_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Where to write the backup (default: the data folder)."),
    ] = None,
) -> None:
    """Copy the database to a backup file, safely, even while the server is running.

    SQLite: a consistent snapshot with SQLite's online backup. PostgreSQL (DATABASE_URL):
    pg_dump in its custom format.
    """
    from rich.console import Console

    from spinewise.cli.django_setup import setup_django
    from spinewise.datadir import data_dir

    setup_django()
    from spinewise.web.storage import StorageError, backup, is_sqlite

    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        suffix = "sqlite3" if is_sqlite() else "dump"
        out = data_dir() / "backups" / f"spinewise-{stamp}.{suffix}"
    try:
        written = backup(out)
    except StorageError as error:
        fail(str(error))
    Console().print(f"Backup written to [bold]{written}[/]")


def restore_command(
    backup_file: Annotated[Path, typer.Argument(help="A file made by 'spinewise backup'.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Confirm: replace everything in the database.")
    ] = False,
) -> None:
    """Replace the database with a backup. Stop the server first."""
    if not yes:
        fail("restore replaces every record in the database; run again with --yes to confirm")
    from rich.console import Console

    from spinewise.cli.django_setup import setup_django

    setup_django()
    from spinewise.web.storage import StorageError, restore

    try:
        restore(backup_file)
    except StorageError as error:
        fail(str(error))
    Console().print(f"Restored the database from [bold]{backup_file}[/]")
