"""``spinewise checkin``, ``spinewise psfs``, ``spinewise pain-week`` and ``spinewise
progress``: the journal in a terminal.

They act for one person in the database the web app uses (see ``cli.profile``), so a
check-in logged here shows on the web dashboard and the other way round. Every rule (ranges,
dates, which warning signs) is the core's (``core.journal``); a refused entry exits with
status 2 naming each field, as the web form and the API name them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from spinewise.cli.errors import EXIT_SEE_CLINICIAN, fail
from spinewise.cli.options import UserOption

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from spinewise.core.journal import JournalError, Range


# The options below read the core's ranges through these helpers: annotations are only
# evaluated when the command is built, so ``spinewise --help`` loads no engine code.
def _range(name: str) -> Range:
    from spinewise.core import journal

    value: Range = getattr(journal, name)
    return value


def _max_note() -> int:
    from spinewise.core.journal import MAX_NOTE

    return MAX_NOTE


def _checkin_flags() -> tuple[str, ...]:
    from spinewise.core.checkin import CHECKIN_FLAGS

    return tuple(CHECKIN_FLAGS)


def parse_day(value: str | None, today: date, option: str = "--day") -> date:
    """The date given (format only: the core's date rule is checked when saving)."""
    if value is None:
        return today
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like {today.isoformat()}, not {value!r}")


def fail_journal(error: JournalError, what: str = "check-in") -> NoReturn:
    """Exit status 2, naming every bad field (as the web form and the API do)."""
    problems = "; ".join(f"{field}: {reason}" for field, reason in error.problems)
    fail(f"the {what} is not valid: {problems}")


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
    leg_pain: int | None = None,
) -> dict[str, object]:
    """The check-in's answers as the core reads them (``core.journal.parse_checkin``)."""
    return {
        "day": day,
        "pain": pain,
        "worst": worst,
        "sessions_done": sessions,
        "sitting_hours": sitting,
        "leg_pain": leg_pain,
        "flare_up": flare_up,
        "note": note.strip(),
        "new_red_flags": flags,
    }


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
            min=_range("PAIN").low,
            max=_range("PAIN").high,
            help=f"Pain now, {_range('PAIN')}. Give it to check in without questions.",
        ),
    ] = None,
    worst: Annotated[
        int | None,
        typer.Option(
            "--worst",
            min=_range("PAIN").low,
            max=_range("PAIN").high,
            help=f"Worst pain today, {_range('PAIN')}.",
        ),
    ] = None,
    sessions: Annotated[
        int,
        typer.Option(
            "--sessions",
            min=_range("SESSIONS").low,
            max=_range("SESSIONS").high,
            help="Exercise sessions done.",
        ),
    ] = 0,
    sitting: Annotated[
        float | None,
        typer.Option(
            "--sitting",
            min=_range("SITTING_HOURS").low,
            max=_range("SITTING_HOURS").high,
            help="Hours spent sitting.",
        ),
    ] = None,
    leg_pain: Annotated[
        int | None,
        typer.Option(
            "--leg-pain",
            min=_range("PAIN").low,
            max=_range("PAIN").high,
            help=f"Pain down your leg now, {_range('PAIN')} (when the pain spreads into a leg).",
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
            help="A warning sign that is new or worse (repeatable): "
            + ", ".join(_checkin_flags())
            + ".",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="Back-fill or change a past day (YYYY-MM-DD). Default: today."),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete the check-in for --day (default: today).")
    ] = False,
    user: UserOption = None,
) -> None:
    """Log today's pain, sessions and a short safety re-check.

    Without --pain it asks, one question at a time.

    The same day twice replaces the earlier check-in; --delete removes one.

    A new warning sign shows what to do at once (exit code 3: get medical help today).
    """
    flags = _check_flags(flag or [])
    given = {
        "--worst": worst is not None,
        "--sessions": sessions != 0,
        "--sitting": sitting is not None,
        "--leg-pain": leg_pain is not None,
        "--flare-up": flare_up,
        "--note": bool(note),
        "--flag": bool(flags),
    }
    if delete and (pain is not None or any(given.values())):
        fail("--delete takes only --day (and --user)")
    if pain is None and not delete and any(given.values()):
        extra = ", ".join(name for name, used in given.items() if used)
        fail(f"--pain is needed to check in without questions (you gave {extra})")
    person = _user_for_command(user)
    from rich.console import Console
    from rich.text import Text

    from spinewise.cli.journal_render import long_day, saved_line, triage_panel
    from spinewise.core.journal import JournalError
    from spinewise.web.journal import services

    console = Console()
    today = services.today_for(person)
    chosen = parse_day(day, today)
    if delete:
        if not services.delete_checkin(person, chosen):
            fail(f"there is no check-in for {long_day(chosen)} to delete")
        console.print(f"Deleted the check-in for {long_day(chosen)}.")
        return
    why = services.window_for(person, today).problem(chosen)
    if why is not None:
        fail(f"the check-in is not valid: day: {why}")
    existing = services.checkin_on(person, chosen)
    if pain is None:
        from spinewise.cli.checkin_prompts import ask_entry

        assessment = services.latest_assessment(person)
        base = assessment.parsed_intake if assessment else None
        data = ask_entry(console, chosen, today, existing, base)
    else:
        data = entry_from_answers(
            chosen, pain, worst, sessions, sitting, flare_up, note, flags, leg_pain
        )
    try:
        result = services.record_checkin(person, data)
    except JournalError as error:
        fail_journal(error)
    if result.triage is not None:
        console.print(triage_panel(result.triage))
        if not result.triage.level.allows_exercise:
            console.print(Text(f"Your check-in for {long_day(chosen)} is saved.", style="dim"))
            raise typer.Exit(EXIT_SEE_CLINICIAN)
    console.print(saved_line(person, chosen, result.checkin.pain, replaced=not result.created))


def _activity(value: str) -> dict[str, object]:
    name, sep, score = value.rpartition("=")
    if not sep or not name.strip() or not score.strip().lstrip("-").isdigit():
        fail(f"--activity must look like 'Sitting through a meeting=4', not {value!r}")
    return {"name": name.strip(), "score": int(score)}


def psfs_command(
    activity: Annotated[
        list[str] | None,
        typer.Option(
            "--activity",
            "-a",
            help=f"NAME=SCORE, {_range('PSFS_ACTIVITIES').low} to "
            f"{_range('PSFS_ACTIVITIES').high} times: an activity your back makes hard and how "
            f"well you can do it ({_range('PSFS_SCORE')}).",
        ),
    ] = None,
    week_start: Annotated[
        str | None,
        typer.Option("--week", help="The week's first day (YYYY-MM-DD). Default: this week."),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete the rating for --week (default: this week).")
    ] = False,
    user: UserOption = None,
) -> None:
    """Rate up to three everyday activities for the week (the Patient-Specific Functional Scale).

    The same week twice replaces the earlier rating; --delete removes one.
    """
    if delete and activity:
        fail("--delete takes only --week (and --user)")
    if not delete and not activity:
        fail("give at least one --activity NAME=SCORE (or --delete)")
    activities = [_activity(value) for value in activity or []]
    person = _user_for_command(user)
    from rich.console import Console

    from spinewise.cli.journal_render import long_day
    from spinewise.core.journal import JournalError
    from spinewise.web.journal import services

    today = services.today_for(person)
    week = parse_day(week_start, services.week_start_of(today), "--week")
    console = Console()
    if delete:
        if not services.delete_psfs(person, week):
            fail(f"there is no rating for the week of {long_day(week)} to delete")
        console.print(f"Deleted the activity ratings for the week of {long_day(week)}.")
        return
    try:
        services.save_psfs(person, week, activities)
    except JournalError as error:
        fail_journal(error, "rating")
    console.print(f"Saved the activity ratings for the week of {long_day(week)}.")


def pain_week_command(
    pain: Annotated[
        int | None,
        typer.Option(
            "--pain", help=f"How strong your pain usually was this week ({_range('INTERFERENCE')})."
        ),
    ] = None,
    enjoyment: Annotated[
        int | None,
        typer.Option(
            "--enjoyment",
            help=f"How much pain took the pleasure out of things ({_range('INTERFERENCE')}).",
        ),
    ] = None,
    activity: Annotated[
        int | None,
        typer.Option(
            "--activity",
            help=f"How much pain held back your day-to-day activities ({_range('INTERFERENCE')}).",
        ),
    ] = None,
    week_start: Annotated[
        str | None,
        typer.Option("--week", help="Any day of the week rated (YYYY-MM-DD). Default: this week."),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete the rating for --week (default: this week).")
    ] = False,
    user: UserOption = None,
) -> None:
    """Rate how much pain got in your way this week: three answers on one scale.

    The same week twice replaces the earlier rating; --delete removes one. Ranges and dates
    are checked by the core: a refused rating exits with status 2 naming each field.
    """
    answers = {"pain": pain, "enjoyment": enjoyment, "activity": activity}
    given = {name: value for name, value in answers.items() if value is not None}
    if delete and given:
        fail("--delete takes only --week (and --user)")
    if not delete and not given:
        fail(
            f"give --pain, --enjoyment and --activity (each {_range('INTERFERENCE')}), or --delete"
        )
    person = _user_for_command(user)
    from rich.console import Console

    from spinewise.cli.journal_render import long_day
    from spinewise.core.journal import JournalError
    from spinewise.web.journal import services

    today = services.today_for(person)
    week = services.week_start_of(parse_day(week_start, today, "--week"))
    console = Console()
    if delete:
        if not services.delete_interference(person, week):
            fail(f"there is no pain rating for the week of {long_day(week)} to delete")
        console.print(f"Deleted the pain rating for the week of {long_day(week)}.")
        return
    try:
        entry = services.save_interference(person, {"week_start": week, **given})
    except JournalError as error:
        fail_journal(error, "pain rating")
    from spinewise.core.personal_outcomes import score_interference

    result = score_interference(entry.to_rating())
    console.print(
        f"Saved the pain rating for the week of {long_day(entry.week_start)}: "
        f"{result.scores['mean']:g} out of 10. {result.band_label}."
    )


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

    from spinewise.cli.journal_render import print_outcomes, print_progress

    console = Console()
    outcomes = services.outcomes_for(person, today)
    if summary.entries == 0:
        console.print("No check-ins yet: run [bold]spinewise checkin[/]")
        print_outcomes(console, outcomes)
        return
    print_progress(console, person.username, summary, reviews)
    print_outcomes(console, outcomes)
