"""``spinewise maintenance``: clears what the retention settings say not to keep."""

from __future__ import annotations

import typer


def maintenance_command() -> None:
    """Remove expired sessions, stale assessment answers and old sign-in records.

    Run it daily (cron or a systemd timer: see docs/deployment.md). Saved health data is
    never touched. Retention: SPINEWISE_ANONYMOUS_ANSWERS_HOURS (answers not yet saved,
    default 12) and SPINEWISE_SIGNIN_RECORD_DAYS (sign-in records, default 30).
    """
    from rich.console import Console

    from spinewise.cli.django_setup import setup_django

    setup_django(migrate=True)
    from spinewise.web.maintenance import run_maintenance

    removed = run_maintenance()
    console = Console(highlight=False)
    for what, count in removed.items():
        console.print(f"{what}: {count} removed")
    if not any(removed.values()):
        typer.echo("Nothing to remove.")
