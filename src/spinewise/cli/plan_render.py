"""Prints a programme (or why there is none) in a terminal (rich)."""

from __future__ import annotations

import json
from datetime import date

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from spinewise.cli.render import triage_banner
from spinewise.core.assessment import Assessment
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.plan import WEEKDAY_NAMES, Programme, Week

NO_PROGRAMME = (
    "No exercise programme for now. Your answers need a clinician's attention first: "
    "follow the advice above. Once you have been seen and told it is safe, run "
    "`spinewise plan` again."
)


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b}"


def _days(programme: Programme) -> str:
    names = [WEEKDAY_NAMES[day][:3] for day in programme.days]
    return ", ".join(names)


def print_no_programme(
    console: Console, assessment: Assessment, as_json: bool, emergency_number: str
) -> None:
    if as_json:
        triage = assessment.triage
        print(
            json.dumps(
                {
                    "programme": None,
                    "triage": triage.model_dump(mode="json"),
                    "next_step": assessment.next_step,
                    "message": NO_PROGRAMME,
                },
                indent=2,
            )
        )
    else:
        console.print(triage_banner(assessment, emergency_number))
        console.print(Text(assessment.next_step, style="bold"))
        console.print(Text(NO_PROGRAMME))


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
    region = knowledge().region_name(programme.region) if programme.region else "Your back"
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

    if programme.pathway:
        console.print(Text.assemble(("Pathway: ", "bold"), programme.pathway.name))
        if programme.pathway.see_physio and programme.pathway.physio_advice:
            console.print(Text(programme.pathway.physio_advice, style="bold"))

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
        if week.planned_note:
            console.print(Text(week.planned_note, style="italic"))
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
        for lesson in week.lessons:
            console.print(Text.assemble(("This week's lesson: ", "bold"), (lesson.title, "bold")))
            console.print(Text(f"  {lesson.body}"))
            console.print(Text.assemble(("  Your task: ", "bold"), lesson.task))

    if programme.left_out:
        console.print(Text("\nLeft out for now", style="bold underline"))
        for item in programme.left_out:
            console.print(Text.assemble("• ", (item.name, "bold"), f": {' '.join(item.reasons)}"))
    console.print(Text.assemble(("\nSafety: ", "bold"), programme.safety_note))
