"""``spinewise plan``: the six-week programme, in the terminal, as JSON or as a calendar."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spinewise.cli.errors import EXIT_SEE_CLINICIAN, fail
from spinewise.cli.options import AnswersOption, EmergencyOption, JsonOption, range_text

if TYPE_CHECKING:
    from spinewise.core.plan import Preferences


def _range(field: str) -> str:
    from spinewise.core.plan import Preferences

    return range_text(Preferences, field)


def _equipment_help() -> str:
    from spinewise.core.exercises import EQUIPMENT_NAMES
    from spinewise.core.plan import Preferences

    chosen = Preferences().available_equipment
    default = ",".join(item for item in EQUIPMENT_NAMES if item in chosen)
    return f"Comma-separated: {', '.join(EQUIPMENT_NAMES)} (default {default})."


def _parse_start(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--start must be a date like 2025-03-03, not {value!r}")


def _preferences(**values: object) -> Preferences:
    from pydantic import ValidationError

    from spinewise.core.plan import Preferences

    given = {name: value for name, value in values.items() if value is not None}
    try:
        return Preferences.model_validate(given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'options'}: {error['msg']}"
            for error in exc.errors()
        )
        fail(f"invalid plan options: {problems}")


def plan_command(
    answers: AnswersOption = None,
    as_json: JsonOption = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics", help="Also write the plan as a calendar file (.ics).", dir_okay=False
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            "--minutes", help=f"Minutes a day for exercises ({_range('minutes_per_day')})."
        ),
    ] = None,
    days: Annotated[
        int | None,
        typer.Option("--days", help=f"Exercise days a week ({_range('days_per_week')})."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First day, YYYY-MM-DD (default today).")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option("--timezone", help="IANA time zone, e.g. Europe/London.")
    ] = None,
    session_time: Annotated[
        str | None, typer.Option("--time", help="Session time, HH:MM (default 18:00).")
    ] = None,
    fitness: Annotated[
        str | None, typer.Option("--fitness", help="low, average or high (default average).")
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(
            "--equipment",
            help=_equipment_help(),
        ),
    ] = None,
    emergency_number: EmergencyOption = "999",
) -> None:
    """Build your six-week programme: sessions, daily habits and a short read each week.

    Safety triage comes first: warning signs that need a doctor today mean no programme.
    Exit status: 0 plan made, 2 invalid answers or options, 3 see a clinician first.
    """
    from rich.console import Console

    from spinewise.cli.assess_cmd import read_or_ask_intake
    from spinewise.cli.errors import err_console
    from spinewise.cli.plan_render import print_no_programme, print_programme
    from spinewise.core.assessment import assess
    from spinewise.core.plan import NoProgrammeError, build_programme

    console = Console()
    prefs = _preferences(
        minutes_per_day=minutes,
        days_per_week=days,
        timezone=timezone,
        session_time=session_time,
        fitness=fitness,
        equipment=[item.strip() for item in equipment.split(",") if item.strip()]
        if equipment is not None
        else None,
    )
    first_day = _parse_start(start)
    intake = read_or_ask_intake(answers, console)
    assessment = assess(intake, emergency_number=emergency_number)
    try:
        programme = build_programme(assessment, intake, prefs, first_day)
    except NoProgrammeError:
        print_no_programme(console, assessment, as_json, emergency_number)
        raise typer.Exit(EXIT_SEE_CLINICIAN) from None
    if as_json:
        print(json.dumps(programme.to_json_dict(), indent=2))
    else:
        print_programme(console, programme)
    if ics is not None:
        from spinewise.core.calendar import programme_to_ics

        try:
            ics.write_bytes(programme_to_ics(programme, prefs))
        except OSError as exc:
            fail(f"could not write {ics}: {exc.strerror or exc}")
        sessions = sum(len(week.sessions) for week in programme.weeks)
        note = (
            f"\nCalendar saved to {ics}: {sessions} sessions and {len(programme.weeks)} check-ins"
        )
        if programme.movement_breaks:
            note += ", with movement-break reminders on workdays"
        (err_console() if as_json else console).print(note + ".")
