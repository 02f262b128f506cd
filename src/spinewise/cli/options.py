"""Options that several commands share (types and help only: nothing heavy to import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="A JSON intake file (schema spinewise.intake/1) instead of asking the questions.",
        dir_okay=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")]
EmergencyOption = Annotated[
    str,
    typer.Option(
        "--emergency-number",
        envvar="SPINEWISE_EMERGENCY_NUMBER",
        help="The number to call in an emergency where you live (999 UK, 112 EU, 911 US).",
    ),
]
USER_ENV = "SPINEWISE_USER"
UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        envvar=USER_ENV,
        help="The account (email) to act for. Default: the only account, or a local profile.",
        show_envvar=True,
    ),
]
