"""Options that several commands share (types and help only: nothing heavy to import)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from pydantic import BaseModel

AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="A JSON intake file (schema spinewise.intake/2) instead of asking the questions.",
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


def range_text(model: type[BaseModel], field: str) -> str:
    """``"5-60"`` for a field limited to 5..60 (the core's own limits)."""
    from spinewise.core.fields import field_bounds

    low, high = field_bounds(model, field)
    return f"{low}-{high}"
