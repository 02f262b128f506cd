"""Exit codes and error printing shared by every command."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from spinewise.core.intake import IntakeError

EXIT_OK = 0
EXIT_USAGE = 2  # bad input: an invalid intake, an unknown id, a bad option
EXIT_SEE_CLINICIAN = 3  # no programme: the triage verdict says get medical help first


@cache
def err_console() -> Console:
    """The console for errors and notes (stderr), made when first needed."""
    from rich.console import Console

    return Console(stderr=True)


def fail_intake(error: IntakeError) -> NoReturn:
    console = err_console()
    console.print("[bold red]The answers are not valid:[/]")
    for field, reason in error.problems:
        console.print(f"  [bold]{field}[/]: {reason}")
    raise typer.Exit(EXIT_USAGE)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err_console().print(f"[bold red]Error:[/] {message}")
    raise typer.Exit(code)
