"""``spinewise assess``, ``compare`` and ``intake-schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from spinewise.cli.options import AnswersOption, EmergencyOption, JsonOption

if TYPE_CHECKING:
    from rich.console import Console

    from spinewise.core.intake import Intake, Screening


def read_or_ask_intake(answers: Path | None, console: Console | None = None) -> Intake | Screening:
    """The intake from a file, or by asking the questionnaire interactively."""
    from spinewise.cli.errors import fail_intake
    from spinewise.core.intake import IntakeError, load_intake

    try:
        if answers is not None:
            return load_intake(answers)
        from spinewise.cli.prompts import ask_all
        from spinewise.core.questionnaire import answers_to_intake, questionnaire

        terminal = console or stdout_console()
        terminal.print(
            "[bold]Spinewise back-pain check[/]: about 5 minutes. Where it hurts and a few "
            "facts first, then the safety questions, which are always asked. This is "
            "information, not a diagnosis."
        )
        return answers_to_intake(ask_all(terminal, questionnaire()))
    except IntakeError as error:
        fail_intake(error)


def stdout_console() -> Console:
    from rich.console import Console

    return Console()


def assess_command(
    answers: AnswersOption = None,
    as_json: JsonOption = False,
    emergency_number: EmergencyOption = "999",
) -> None:
    """Check your back pain: safety triage first, then region, likely causes and habits.

    Asks the questions in the terminal, or reads them from --answers FILE.
    Exit status: 0 assessed (whatever the verdict), 2 invalid answers.
    """
    from spinewise.core.assessment import assess

    intake = read_or_ask_intake(answers)
    assessment = assess(intake, emergency_number=emergency_number)
    if as_json:
        print(json.dumps(assessment.to_json_dict(), indent=2))
    else:
        from spinewise.cli.render import print_assessment

        print_assessment(stdout_console(), assessment, emergency_number)


def compare_command() -> None:
    """Print the lower-vs-upper back pain comparison table."""
    from spinewise.cli.render import comparison_table

    stdout_console().print(comparison_table())


def intake_schema_command() -> None:
    """Print the JSON Schema of the intake (spinewise.intake/2)."""
    from spinewise.core.intake import intake_json_schema

    print(json.dumps(intake_json_schema(), indent=2))
