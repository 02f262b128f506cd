"""The ``spinewise`` command line. Each command lives in its own module and calls ``core``."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="spinewise",
    help="Spinewise: back-pain triage, assessment, a six-week programme and progress tracking.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _register() -> None:
    # Imported here so each module can attach its commands to ``app``.
    from spinewise.cli import commands  # noqa: F401


_register()
