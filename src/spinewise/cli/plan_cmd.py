"""``spinewise plan``: the six-week programme, in the terminal, as JSON or as a calendar."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from spinewise.cli.assess_cmd import AnswersOption, EmergencyOption, JsonOption, read_or_ask_intake
from spinewise.cli.errors import EXIT_SEE_CLINICIAN, err_console, fail
from spinewise.cli.main import app
from spinewise.cli.render import REGION_NAMES, triage_banner
from spinewise.core.assessment import Assessment, assess
from spinewise.core.calendar import programme_to_ics
from spinewise.core.levels import Level
from spinewise.core.plan import (
    WEEKDAY_NAMES,
    NoProgrammeError,
    Preferences,
    Programme,
    Week,
    build_programme,
)

_NO_PROGRAMME = (
    "No exercise programme for now. Your answers need a clinician's attention first: "
    "follow the advice above. Once you have been seen and told it is safe, run "
    "`spinewise plan` again."
)


def _parse_start(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--start must be a date like 2025-03-03, not {value!r}")


def _preferences(**values: object) -> Preferences:
    given = {name: value for name, value in values.items() if value is not None}
    try:
        return Preferences.model_validate(given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'options'}: {error['msg']}"
            for error in exc.errors()
        )
        fail(f"invalid plan options: {problems}")


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b}"


def _days(programme: Programme) -> str:
    names = [WEEKDAY_NAMES[day][:3] for day in programme.days]
    return ", ".join(names)


def _print_no_programme(console: Console, assessment: Assessment, as_json: bool) -> None:
    if as_json:
        triage = assessment.triage
        print(
            json.dumps(
                {
                    "programme": None,
                    "triage": triage.model_dump(mode="json"),
                    "next_step": assessment.next_step,
                    "message": _NO_PROGRAMME,
                },
                indent=2,
            )
        )
    else:
        console.print(triage_banner(assessment))
        console.print(Text(assessment.next_step, style="bold"))
        console.print(Text(_NO_PROGRAMME))
    raise typer.Exit(EXIT_SEE_CLINICIAN)


def _week_table(week: Week, seen: set[str]) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True)
    table.add_column("#", justify="right", width=2)
    table.add_column("Exercise", ratio=2, no_wrap=False)
    table.add_column("How much", ratio=2)
    table.add_column("Why", ratio=5, style="dim")
    session = week.sessions[0]
    for number, item in enumerate(session.exercises, start=1):
        why = "As before." if item.exercise_id in seen else item.why
        seen.add(item.exercise_id)
        name = Text(item.name)
        if item.level != "gentle":
            name.append(f" ({item.level})", style="italic")
        table.add_row(str(number), name, item.dosage, why)
    return table


def print_programme(console: Console, programme: Programme) -> None:
    if programme.level is Level.SOON and programme.advice:
        console.print(Text("Book an appointment", style="bold black on yellow"))
        console.print(Text(programme.advice))
        console.print()
    region = REGION_NAMES.get(programme.region or "", "Your back")
    console.print(Rule(Text("Your six-week plan", style="bold")))
    console.print(
        Text.assemble(
            ("For: ", "bold"),
            region,
            ("\nStarts: ", "bold"),
            f"{_day(programme.start)} {programme.start.year}, "
            f"ends {_day(programme.end)} {programme.end.year}",
            ("\nSessions: ", "bold"),
            f"{_days(programme)} at {programme.session_time}, "
            f"up to {programme.minutes_per_day} minutes each",
        )
    )

    console.print(Text("\nEvery day", style="bold underline"))
    for habit in programme.habits:
        console.print(Text.assemble("• ", (habit.title, "bold")))
        console.print(Padding(Text(habit.text), (0, 0, 0, 2)))

    seen: set[str] = set()
    for week in programme.weeks:
        console.print()
        title = Text.assemble(
            (f"Week {week.number}", "bold"),
            f" · {week.phase_name} · {_day(week.start)} - {_day(week.end)}",
        )
        console.print(Rule(title, align="left"))
        console.print(Text(week.focus, style="italic"))
        if week.adjustment:
            console.print(Text(week.adjustment, style="bold"))
        if week.sessions:
            minutes = week.sessions[0].estimated_minutes
            days = ", ".join(WEEKDAY_NAMES[s.weekday][:3] for s in week.sessions)
            console.print(
                Text.assemble(("Sessions: ", "bold"), f"{days}, about {minutes} minutes each")
            )
            console.print(_week_table(week, seen))
        console.print(
            Text.assemble(("Walking: ", "bold"), f"about {week.walking_minutes} minutes a day")
        )
        console.print(
            Text.assemble(
                ("This week's read: ", "bold"),
                (week.education.title, "bold"),
                f". {week.education.summary}",
            )
        )

    if programme.left_out:
        console.print(Text("\nLeft out for now", style="bold underline"))
        for item in programme.left_out:
            console.print(Text.assemble("• ", (item.name, "bold"), f": {' '.join(item.reasons)}"))
    console.print(Text.assemble(("\nSafety: ", "bold"), programme.safety_note))


@app.command("plan")
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
        int | None, typer.Option("--minutes", help="Minutes a day for exercises (5-60).")
    ] = None,
    days: Annotated[int | None, typer.Option("--days", help="Exercise days a week (2-7).")] = None,
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
            help="Comma-separated: none, mat, wall, chair, doorway, foam_roller "
            "(default none,mat,wall,chair).",
        ),
    ] = None,
    emergency_number: EmergencyOption = "999",
) -> None:
    """Build your six-week programme: sessions, daily habits and a short read each week.

    Safety triage comes first: warning signs that need a doctor today mean no programme.
    Exit status: 0 plan made, 2 invalid answers or options, 3 see a clinician first.
    """
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
        _print_no_programme(console, assessment, as_json)
        return
    if as_json:
        print(json.dumps(programme.to_json_dict(), indent=2))
    else:
        print_programme(console, programme)
    if ics is not None:
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
        (err_console if as_json else console).print(note + ".")
