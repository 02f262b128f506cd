"""``spinewise rescreen``: the recovery screen again at week 3 or 6 of the programme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from spinewise.cli.errors import fail
from spinewise.cli.options import UserOption

if TYPE_CHECKING:
    from rich.console import Console


def rescreen_command(
    week: Annotated[int, typer.Option("--week", help="The programme week: 3 or 6.")],
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            "-a",
            help="ITEM=VALUE for each question of the recovery screen (see "
            "`spinewise intake-schema`, RecoveryAnswers). Without any, each is asked.",
        ),
    ] = None,
    user: UserOption = None,
) -> None:
    """Answer the recovery questions again; your pathway may change, and the reason is shown."""
    from rich.console import Console

    from spinewise.cli.journal_cmd import _user_for_command, fail_journal
    from spinewise.core.journal import JournalError

    person = _user_for_command(user)
    from spinewise.web.journal import services
    from spinewise.web.programmes.selectors import latest_programme
    from spinewise.web.programmes.services import record_rescreen

    console = Console(highlight=False)
    answers = dict(_pair(value) for value in answer or []) if answer else _ask(console)
    saved = latest_programme(person)
    if saved is None:
        fail("there is no programme yet: make one with `spinewise plan` or on the web")
    try:
        saved, record = record_rescreen(saved, week, answers, services.today_for(person))
    except JournalError as error:
        fail_journal(error, "re-screen")
    console.print(record.reason)
    pathway = saved.programme.pathway
    if pathway is not None:
        console.print(f"Your pathway: {pathway.name}. {pathway.summary}")
        if pathway.see_physio and pathway.physio_advice:
            console.print(pathway.physio_advice)


def _pair(value: str) -> tuple[str, str]:
    item, sep, chosen = value.partition("=")
    if not sep or not item.strip() or not chosen.strip():
        fail(f"--answer takes ITEM=VALUE, not {value!r}")
    return item.strip(), chosen.strip()


def _ask(console: Console) -> dict[str, str]:
    from spinewise.cli.prompts import ask_question
    from spinewise.core.questionnaire import questionnaire

    step = questionnaire().step("recovery")
    answers: dict[str, str] = {}
    for question in step.questions:
        value = ask_question(console, question)
        answers[question.field.partition(".")[2]] = str(value)
    return answers
