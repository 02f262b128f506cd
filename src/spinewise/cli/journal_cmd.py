"""``spinewise checkin`` and ``spinewise progress``: the daily journal from a terminal.

Both act for one person in the database the web app uses (see ``cli.profile``), so a
check-in logged here shows on the web dashboard and the other way round.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from spinewise.cli.errors import EXIT_SEE_CLINICIAN, fail
from spinewise.cli.options import UserOption

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from spinewise.core.progress import DailyEntry


def _checkin_flags() -> tuple[str, ...]:
    from spinewise.core.checkin import CHECKIN_FLAGS

    return tuple(CHECKIN_FLAGS)


def _limit(field: str, end: int) -> Any:
    """The check-in field's lower (end 0) or upper (end 1) limit, from the core's model."""
    from spinewise.core.fields import field_bounds
    from spinewise.core.progress import DailyEntry

    return field_bounds(DailyEntry, field)[end]


def _max_note() -> int:
    from spinewise.core.progress import MAX_NOTE

    return MAX_NOTE


def _parse_day(value: str | None, today: date) -> date:
    if value is None:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        fail(f"--day must be a date like {today.isoformat()}, not {value!r}")
    if day > today:
        fail(f"{day.isoformat()} is in the future; check in for today ({today}) or a past day")
    return day


def _user_for_command(email: str | None) -> User:
    from spinewise.cli.django_setup import setup_django
    from spinewise.cli.profile import resolve_user

    setup_django(migrate=True)
    return resolve_user(email)


def entry_from_answers(
    day: date,
    pain: int,
    worst: int | None,
    sessions: int,
    sitting: float | None,
    flare_up: bool,
    note: str,
    flags: list[str],
) -> DailyEntry:
    """The check-in from options or prompts; exits 2 naming every field the core refuses."""
    from pydantic import ValidationError

    from spinewise.core.progress import DailyEntry

    try:
        return DailyEntry(
            day=day,
            pain=pain,
            worst=worst,
            sessions_done=sessions,
            sitting_hours=sitting,
            flare_up=flare_up,
            note=note.strip(),
            new_red_flags=flags,
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'check-in'}: {error['msg']}"
            for error in exc.errors()
        )
        fail(f"the check-in is not valid: {problems}")


def _check_flags(flags: list[str]) -> list[str]:
    known = _checkin_flags()
    unknown = [name for name in flags if name not in known]
    if unknown:
        fail(f"unknown --flag {', '.join(unknown)}; choose from: {', '.join(known)}")
    return list(dict.fromkeys(flags))


def checkin_command(
    pain: Annotated[
        int | None,
        typer.Option(
            "--pain",
            min=_limit("pain", 0),
            max=_limit("pain", 1),
            help="Pain now (0 none, 10 worst). Give it to check in without questions.",
        ),
    ] = None,
    worst: Annotated[
        int | None,
        typer.Option(
            "--worst", min=_limit("worst", 0), max=_limit("worst", 1), help="Worst pain today."
        ),
    ] = None,
    sessions: Annotated[
        int,
        typer.Option(
            "--sessions",
            min=_limit("sessions_done", 0),
            max=_limit("sessions_done", 1),
            help="Exercise sessions done.",
        ),
    ] = 0,
    sitting: Annotated[
        float | None,
        typer.Option(
            "--sitting",
            min=_limit("sitting_hours", 0),
            max=_limit("sitting_hours", 1),
            help="Hours spent sitting.",
        ),
    ] = None,
    flare_up: Annotated[bool, typer.Option("--flare-up", help="You had a flare-up.")] = False,
    note: Annotated[
        str, typer.Option("--note", help=f"A note for yourself (up to {_max_note()} characters).")
    ] = "",
    flag: Annotated[
        list[str] | None,
        typer.Option(
            "--flag",
            help="A warning sign you have now (repeatable): " + ", ".join(_checkin_flags()) + ".",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="Back-fill a past day (YYYY-MM-DD). Default: today."),
    ] = None,
    user: UserOption = None,
) -> None:
    """Log today's pain, sessions and a short safety re-check.

    Without --pain it asks, one question at a time.

    The same day twice replaces the earlier check-in.

    A new warning sign shows what to do at once (exit code 3: get medical help today).
    """
    flags = _check_flags(flag or [])
    given = {
        "--worst": worst is not None,
        "--sessions": sessions != 0,
        "--sitting": sitting is not None,
        "--flare-up": flare_up,
        "--note": bool(note),
        "--flag": bool(flags),
    }
    if pain is None and any(given.values()):
        extra = ", ".join(name for name, used in given.items() if used)
        fail(f"--pain is needed to check in without questions (you gave {extra})")
    person = _user_for_command(user)
    from rich.console import Console
    from rich.text import Text

    from spinewise.cli.journal_render import long_day, saved_line, triage_panel
    from spinewise.web.journal import services

    console = Console()
    today = services.today_for(person)
    chosen = _parse_day(day, today)
    existing = services.checkin_on(person, chosen)
    if pain is None:
        from spinewise.cli.checkin_prompts import ask_entry

        entry = ask_entry(console, chosen, today, existing)
    else:
        entry = entry_from_answers(chosen, pain, worst, sessions, sitting, flare_up, note, flags)
    result = services.record_checkin(person, entry)
    if result.triage is not None:
        console.print(triage_panel(result.triage))
        if not result.triage.level.allows_exercise:
            console.print(Text(f"Your check-in for {long_day(chosen)} is saved.", style="dim"))
            raise typer.Exit(EXIT_SEE_CLINICIAN)
    console.print(saved_line(person, chosen, entry.pain, replaced=not result.created))


def progress_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the progress summary as one JSON object.")
    ] = False,
    user: UserOption = None,
) -> None:
    """Your pain trend, sessions done, function and the weekly verdicts, as on the dashboard."""
    person = _user_for_command(user)
    from spinewise.web.journal import services

    today = services.today_for(person)
    saved = services.latest_programme(person)
    reviews = services.run_due_reviews(saved, today) if saved is not None else []
    summary = services.progress_for(person, until=today)
    if as_json:
        typer.echo(summary.model_dump_json(indent=2))
        return
    from rich.console import Console

    from spinewise.cli.journal_render import print_progress

    console = Console()
    if summary.entries == 0:
        console.print("No check-ins yet: run [bold]spinewise checkin[/]")
        return
    print_progress(console, person.username, summary, reviews)
