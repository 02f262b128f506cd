"""``spinewise export``: the clinician PDF, the check-ins as CSV or JSON, FHIR, or everything."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spinewise.cli.errors import fail
from spinewise.cli.options import UserOption

STDOUT = "-"


class ExportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"
    JSON = "json"
    FHIR = "fhir"
    ALL = "all"


TEXT_FORMATS = frozenset({ExportFormat.CSV, ExportFormat.JSON, ExportFormat.FHIR})
DESCRIPTIONS = {
    ExportFormat.PDF: "the report for your clinician (PDF)",
    ExportFormat.CSV: "your check-ins (CSV)",
    ExportFormat.JSON: "your check-ins (JSON)",
    ExportFormat.FHIR: "the FHIR R4 bundle",
    ExportFormat.ALL: "everything Spinewise holds about you (zip)",
}


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / 1024 / 1024:.1f} MB"


def _target(out: str | None, default_name: str) -> Path:
    if out is None:
        return Path.cwd() / default_name
    path = Path(out).expanduser()
    if path.is_dir():
        return path / default_name
    if not path.parent.is_dir():
        fail(f"cannot write there: the folder {path.parent} does not exist")
    return path


def export_command(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="pdf (for a clinician), csv or json (check-ins), fhir, or all (a zip).",
            case_sensitive=False,
        ),
    ],
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="File or folder to write to; '-' prints csv, json or fhir. "
            "Default: the export's own name in the current folder.",
        ),
    ] = None,
    user: UserOption = None,
) -> None:
    """Write your data to a file: a report to show a clinician, or your records to keep."""
    if out == STDOUT and fmt not in TEXT_FORMATS and sys.stdout.isatty():
        fail(f"{fmt.value} is binary; give a file name with --out, or redirect the output")
    from spinewise.cli.django_setup import setup_django
    from spinewise.cli.profile import resolve_user
    from spinewise.private_files import write_private

    setup_django(migrate=True)
    person = resolve_user(user)
    from django.utils import timezone

    from spinewise.web.journal.exports import NothingToExport, archive_for, export

    try:
        if fmt is ExportFormat.ALL:
            name = f"spinewise-data-{timezone.localdate().isoformat()}.zip"
            body = archive_for(person)
        else:
            made = export(person, fmt.value)
            name, body = made.filename, made.body
    except NothingToExport as error:
        fail(
            f"cannot export {DESCRIPTIONS[fmt]} for {person.username}: {error} "
            "(on the web app: spinewise serve)"
        )
    if out == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        return
    target = _target(out, name)
    try:
        write_private(target, body)  # health data: 0600, whatever the umask
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror or error}")
    shown = target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target
    from rich.console import Console

    Console(highlight=False).print(
        f"Wrote {DESCRIPTIONS[fmt]} for {person.username} to [bold]{shown}[/] ({_size(len(body))})"
    )
