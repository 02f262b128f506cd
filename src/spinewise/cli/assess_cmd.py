"""``spinewise assess``, ``compare`` and ``intake-schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from spinewise.cli.errors import fail_intake
from spinewise.cli.main import app
from spinewise.cli.prompts import ask_all
from spinewise.cli.render import comparison_table, print_assessment
from spinewise.core.assessment import Assessment, assess
from spinewise.core.intake import (
    Intake,
    IntakeError,
    Screening,
    intake_json_schema,
    load_intake,
)
from spinewise.core.questionnaire import answers_to_intake, questionnaire

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


def read_or_ask_intake(answers: Path | None, console: Console) -> Intake | Screening:
    """The intake from a file, or by asking the questionnaire interactively."""
    try:
        if answers is not None:
            return load_intake(answers)
        console.print(
            "[bold]Spinewise back-pain check[/]: about 5 minutes. Where it hurts and a few "
            "facts first, then the safety questions, which are always asked. This is "
            "information, not a diagnosis."
        )
        return answers_to_intake(ask_all(console, questionnaire()))
    except IntakeError as error:
        fail_intake(error)


def emit_assessment(console: Console, assessment: Assessment, as_json: bool) -> None:
    if as_json:
        print(json.dumps(assessment.to_json_dict(), indent=2))
    else:
        print_assessment(console, assessment)


@app.command("assess")
def assess_command(
    answers: AnswersOption = None,
    as_json: JsonOption = False,
    emergency_number: EmergencyOption = "999",
) -> None:
    """Check your back pain: safety triage first, then region, likely causes and habits.

    Asks the questions in the terminal, or reads them from --answers FILE.
    Exit status: 0 assessed (whatever the verdict), 2 invalid answers.
    """
    console = Console()
    intake = read_or_ask_intake(answers, console)
    emit_assessment(console, assess(intake, emergency_number=emergency_number), as_json)


@app.command("compare")
def compare_command() -> None:
    """Print the lower-vs-upper back pain comparison table."""
    Console().print(comparison_table())


@app.command("intake-schema")
def intake_schema_command() -> None:
    """Print the JSON Schema of the intake (spinewise.intake/2)."""
    print(json.dumps(intake_json_schema(), indent=2))
